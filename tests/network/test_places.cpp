// Places people type: the embedded airport table and other names, and how a text resolves.
#include "network/places.hpp"

#include <set>
#include <string>

#include <gtest/gtest.h>

#include "flyorcall/errors.hpp"
#include "network/world_data.hpp"

namespace flyorcall::network {
namespace {

TEST(Airports, EveryNetworkCityHasAnAirportAndEveryAirportCityExists) {
  std::set<std::string> codes;
  for (const auto& c : default_world().cities) codes.insert(c.code);
  std::set<std::string> served;
  for (const auto& a : airports()) {
    if (a.city.empty()) continue;
    EXPECT_TRUE(codes.contains(a.city)) << a.code << " names unknown city " << a.city;
    served.insert(a.city);
  }
  for (const auto& c : codes) EXPECT_TRUE(served.contains(c)) << c << " has no airport";
}

TEST(Airports, TheIssuesExamplesBelongToTheirCities) {
  const auto city_of = [](const char* code) {
    const Airport* a = find_airport(code);
    return a ? a->city : std::string("missing");
  };
  for (const auto* code : {"ORD", "MDW"}) EXPECT_EQ(city_of(code), "CHI") << code;
  for (const auto* code : {"GRU", "CGH", "VCP"}) EXPECT_EQ(city_of(code), "SAO") << code;
  for (const auto* code : {"NRT", "HND"}) EXPECT_EQ(city_of(code), "TYO") << code;
  for (const auto* code : {"LHR", "LGW", "LCY", "STN", "LTN"}) EXPECT_EQ(city_of(code), "LON");
  for (const auto* code : {"KIX", "ITM"}) EXPECT_EQ(city_of(code), "OSA") << code;
  EXPECT_EQ(city_of("BRU"), "BRU");
  EXPECT_EQ(city_of("FLL"), ""); // a real airport outside the network
  EXPECT_EQ(find_airport("XQZ"), nullptr);
}

TEST(Airports, MalformedRowsNameTheLine) {
  const auto error = [](const std::string& row) {
    try {
      (void)parse_airports("# flyorcall-data 1\ncode,city,place,country,lat,lon,name\n" + row);
    } catch (const Error& e) {
      return std::string(e.what());
    }
    return std::string("accepted");
  };
  EXPECT_EQ(error("XXX,,Nowhere,DE,,,X Airport\n"),
            "data/airports.csv:3: an airport outside the network needs its position");
  EXPECT_EQ(error("XXX,,Nowhere,DE,91,0,X Airport\n"),
            "data/airports.csv:3: lat: expected degrees, found \"91\"");
  EXPECT_EQ(error("XXX,FR,Nowhere,DE,1,0,X Airport\n"),
            "data/airports.csv:3: city: expected a city code or nothing, found \"FR\"");
}

TEST(PlaceIndex, ADocumentsOwnCityWinsAndNamesItsCode) {
  City own;
  own.code = "XAA";
  own.name = "Alpha Town";
  own.country = "DE";
  own.lat = 50;
  own.lon = 8;
  auto cities = default_world().cities;
  cities.push_back(own);
  const PlaceIndex index(cities, default_world().countries);
  EXPECT_EQ(index.resolve("alpha town").city, std::optional<std::string>("XAA"));
  EXPECT_EQ(index.resolve("xaa").city, std::optional<std::string>("XAA"));
  EXPECT_EQ(index.resolve("Paris").city, std::optional<std::string>("PAR"));
  EXPECT_EQ(index.resolve("Paris, FR").city, std::optional<std::string>("PAR"));
  EXPECT_EQ(index.resolve("Bruxelles").city, std::optional<std::string>("BRU"));
}

TEST(PlaceIndex, EveryEmbeddedNameResolvesToItsCity) {
  for (const auto& c : default_world().cities) {
    const auto m = default_places().resolve(c.name);
    // Names shared with another well-known place are refused on purpose (data/place_names.csv).
    if (!m.city) {
      EXPECT_NE(m.error.find("is ambiguous"), std::string::npos) << c.name << ": " << m.error;
      EXPECT_EQ(default_places().resolve(c.name + ", " + c.country).city,
                std::optional<std::string>(c.code));
      continue;
    }
    EXPECT_EQ(*m.city, c.code) << c.name;
  }
}

TEST(PlaceIndex, SuggestionsAreTheSamePlaceMisspelt) {
  const auto hint = [](const char* text) { return default_places().resolve(text).error; };
  EXPECT_NE(hint("Singapur").find("did you mean \"Singapore\", city \"SIN\""), std::string::npos);
  EXPECT_NE(hint("Frankfrut").find("did you mean \"Frankfurt\""), std::string::npos);
  // An airport's name or a word that only looks like another city gets no suggestion.
  for (const char* other : {"Changi", "Heathrow", "Xanadu"})
    EXPECT_EQ(hint(other).find("did you mean"), std::string::npos) << hint(other);
}

} // namespace
} // namespace flyorcall::network
