// The embedded world data: parser behaviour on hand-written text, and the real data checked
// against the system time-zone database (zone1970.tab / zone.tab).
#include <algorithm>
#include <cctype>
#include <fstream>
#include <map>
#include <set>
#include <sstream>
#include <string>

#include <date/tz.h>
#include <gtest/gtest.h>

#include "flyorcall/errors.hpp"
#include "network/network.hpp"
#include "network/rates.hpp"
#include "network/world_data.hpp"

namespace flyorcall::network {
namespace {

constexpr const char* kCitiesHeader = "code,name,country,tz,lat,lon,region\n";
constexpr const char* kCountriesHeader = "code,name,weekend,hotel_kg_co2\n";

std::string cities_text(const std::string& rows) {
  return "# flyorcall-data 2025.1\n" + std::string(kCitiesHeader) + rows;
}
std::string countries_text(const std::string& rows) {
  return "# flyorcall-data 2025.1\n" + std::string(kCountriesHeader) + rows;
}
const std::string kGoodCountries = countries_text("DE,Germany,Sat Sun,13.2\n"
                                                  "SA,Saudi Arabia,Fri Sat,\n");

/// The message of the internal Error thrown by `f`, or "" when none is thrown.
template <class F> std::string internal_error(F f) {
  try {
    f();
  } catch (const Error& e) {
    EXPECT_EQ(e.code(), ErrorCode::internal);
    return e.what();
  }
  return "";
}

TEST(WorldDataParse, ReadsRowsAndSortsByCode) {
  const auto w =
      parse_world_data(cities_text("MUC,Munich,DE,Europe/Berlin,48.1372,11.5756,europe\n"
                                   "# a comment line is skipped\n"
                                   "\n"
                                   "FRA,Frankfurt,DE,Europe/Berlin,50.1109,8.6821,europe\n"),
                       kGoodCountries);
  EXPECT_EQ(w.version, "2025.1");
  ASSERT_EQ(w.cities.size(), 2u);
  EXPECT_EQ(w.cities[0].code, "FRA");
  EXPECT_EQ(w.cities[1].code, "MUC");
  EXPECT_EQ(w.cities[1].name, "Munich");
  EXPECT_EQ(w.cities[1].tz, "Europe/Berlin");
  EXPECT_DOUBLE_EQ(w.cities[1].lat, 48.1372);
  EXPECT_DOUBLE_EQ(w.cities[1].lon, 11.5756);
  EXPECT_EQ(w.cities[1].region, "europe");
  // Hotel and per diem come from the rate tables, not from cities.csv.
  EXPECT_FALSE(w.cities[1].hotel_night.has_value());
  EXPECT_FALSE(w.cities[0].per_diem.has_value());
  ASSERT_EQ(w.countries.size(), 2u);
  EXPECT_EQ(w.countries[0].weekend, kSatSun);
  EXPECT_EQ(w.countries[1].weekend, WeekdayMask((1u << 5) | (1u << 6)));
  ASSERT_TRUE(w.countries[0].hotel_kg_co2.has_value());
  EXPECT_DOUBLE_EQ(*w.countries[0].hotel_kg_co2, 13.2);
  EXPECT_FALSE(w.countries[1].hotel_kg_co2.has_value());
}

TEST(WorldDataParse, MalformedRowsNameFileAndLine) {
  const auto bad_city = [](const std::string& row) {
    return internal_error([&] { (void)parse_world_data(cities_text(row), kGoodCountries); });
  };
  EXPECT_EQ(bad_city("FRA,Frankfurt,DE,Europe/Berlin,50.1,8.6\n"),
            "data/cities.csv:3: expected 7 fields, found 6");
  EXPECT_EQ(bad_city("FRA,Frankfurt,DE,Europe/Berlin,50.1x,8.6,europe\n"),
            "data/cities.csv:3: lat: expected a number, found \"50.1x\"");
  EXPECT_EQ(bad_city("fra,Frankfurt,DE,Europe/Berlin,50.1,8.6,europe\n"),
            "data/cities.csv:3: code: expected 3 upper-case letters, found \"fra\"");
  EXPECT_EQ(bad_city("FRA,Frankfurt,DE,Europe/Berlin,50.1,8.6,\n"),
            "data/cities.csv:3: region: must not be empty");
  EXPECT_EQ(bad_city("FRA,Frankfurt,DE,Europe/Berlin,50.1,8.6,europe\n"
                     "FRA,Frankfurt,DE,Europe/Berlin,50.1,8.6,europe\n"),
            "data/cities.csv: code \"FRA\" is listed more than once");
  EXPECT_EQ(
      internal_error([] { (void)parse_world_data(std::string(kCitiesHeader), kGoodCountries); }),
      "data/cities.csv:1: expected the first line \"# flyorcall-data <version>\"");
  EXPECT_EQ(internal_error([] {
              (void)parse_world_data(cities_text(""), countries_text("SA,Saudi Arabia,Fri Sab,\n"));
            }),
            "data/countries.csv:3: weekend: expected day names like \"Sat Sun\", found "
            "\"Fri Sab\"");
}

TEST(WorldDataParse, FxRatesAreSortedAndAlwaysKnowEuro) {
  const auto rates = parse_fx("# flyorcall-data 2025.1\ncurrency,per_eur\nUSD,1.08\nCHF,0.94\n");
  ASSERT_EQ(rates.size(), 3u);
  EXPECT_EQ(rates[0].currency, "CHF");
  EXPECT_EQ(rates[1].currency, "EUR");
  EXPECT_DOUBLE_EQ(rates[1].per_eur, 1.0);
  EXPECT_DOUBLE_EQ(rates[2].per_eur, 1.08);
  EXPECT_EQ(
      internal_error([] { (void)parse_fx("# flyorcall-data 2025.1\ncurrency,per_eur\nUSD,0\n"); }),
      "data/fx.csv:3: per_eur: 0 is outside [0.000000, 1000000000.000000]");
}

// ---- the embedded data -------------------------------------------------------------------------

/// One row of zone1970.tab or zone.tab.
struct ZoneRow {
  std::set<std::string> countries;
  double lat = 0;
  double lon = 0;
};

/// ±DDMM[SS] or ±DDDMM[SS] as decimal degrees.
double tab_degrees(const std::string& s, std::size_t deg_digits) {
  const double sign = s[0] == '-' ? -1.0 : 1.0;
  const double deg = std::stod(s.substr(1, deg_digits));
  const double min = std::stod(s.substr(1 + deg_digits, 2));
  const double sec = s.size() > 3 + deg_digits ? std::stod(s.substr(3 + deg_digits, 2)) : 0.0;
  return sign * (deg + min / 60.0 + sec / 3600.0);
}

std::map<std::string, ZoneRow> read_zone_tab(const std::string& path) {
  std::map<std::string, ZoneRow> zones;
  std::ifstream in(path);
  EXPECT_TRUE(in.good()) << "cannot read " << path;
  std::string line;
  while (std::getline(in, line)) {
    if (line.empty() || line[0] == '#') continue;
    std::istringstream fields(line);
    std::string codes, coords, name;
    std::getline(fields, codes, '\t');
    std::getline(fields, coords, '\t');
    std::getline(fields, name, '\t');
    ZoneRow row;
    std::istringstream cs(codes);
    for (std::string c; std::getline(cs, c, ',');) row.countries.insert(c);
    const auto split = coords.find_first_of("+-", 1);
    row.lat = tab_degrees(coords.substr(0, split), 2);
    row.lon = tab_degrees(coords.substr(split), 3);
    zones[name] = row;
  }
  return zones;
}

std::string lower(std::string s) {
  for (auto& c : s) c = static_cast<char>(std::tolower(static_cast<unsigned char>(c)));
  return s;
}

TEST(WorldData, HasEnoughCitiesWithUniqueSortedCodes) {
  const auto& w = default_world();
  EXPECT_FALSE(w.version.empty());
  EXPECT_GE(w.cities.size(), 150u);
  for (std::size_t i = 1; i < w.cities.size(); ++i)
    EXPECT_LT(w.cities[i - 1].code, w.cities[i].code);
  for (std::size_t i = 1; i < w.countries.size(); ++i)
    EXPECT_LT(w.countries[i - 1].code, w.countries[i].code);
}

TEST(WorldData, EveryCityHasAKnownZoneCountryAndRates) {
  const auto& w = default_world();
  std::set<std::string> countries;
  for (const auto& c : w.countries) countries.insert(c.code);
  const auto& rates = default_rates();
  for (const auto& c : w.cities) {
    EXPECT_NO_THROW((void)date::locate_zone(c.tz)) << c.code << " " << c.tz;
    EXPECT_TRUE(countries.contains(c.country)) << c.code << " country " << c.country;
    const auto r = rates.find(c.code);
    ASSERT_NE(r, rates.end()) << c.code << " has no hotel and per-diem rates";
    EXPECT_FALSE(r->second.seasons.empty()) << c.code;
    EXPECT_GT(r->second.bmf_full_eur, r->second.bmf_partial_eur) << c.code;
    // The US table for US cities (GSA; DoD for Honolulu), the State Department's elsewhere.
    for (const auto& s : r->second.seasons)
      EXPECT_EQ(s.table == "us-state", c.country != "US") << c.code << " " << s.table;
  }
  EXPECT_EQ(rates.size(), w.cities.size());
}

TEST(WorldData, RateTablesCoverEachDayOnceAndMalformedRowsNameTheLine) {
  const auto error = [](const std::string& lodging, const std::string& bmf) {
    try {
      (void)parse_rates(
          "# flyorcall-data 1\ncity,table,season,lodging_usd,mie_usd,effective,location\n" +
              lodging,
          "# flyorcall-data 1\ncity,per_diem_24h_eur,per_diem_partial_eur,location\n" + bmf);
    } catch (const Error& e) {
      return std::string(e.what());
    }
    return std::string("accepted");
  };
  EXPECT_EQ(error("ABC,us-state,01-01..12-31,100,50,2026-04-01,X\n", "ABC,40,20,X\n"), "accepted");
  EXPECT_EQ(error("ABC,us-state,11-01..04-30,100,50,2026-04-01,X\n"
                  "ABC,us-state,05-01..10-31,90,50,2026-04-01,X\n",
                  "ABC,40,20,X\n"),
            "accepted");
  EXPECT_EQ(error("ABC,us-state,01-01..06-30,100,50,2026-04-01,X\n", "ABC,40,20,X\n"),
            "data/lodging.csv:1: ABC: 7/1 is in 0 seasons, not one");
  EXPECT_EQ(error("ABC,us-state,01-01..02-30,100,50,2026-04-01,X\n", "ABC,40,20,X\n"),
            "data/lodging.csv:3: season: no such day");
  EXPECT_EQ(error("ABC,hotel,01-01..12-31,100,50,2026-04-01,X\n", "ABC,40,20,X\n"),
            "data/lodging.csv:3: table: expected us-state, us-gsa or us-dod");
  EXPECT_EQ(error("ABC,us-state,01-01..12-31,100,50,2026-04-01,X\n", "XYZ,40,20,X\n"),
            "data/allowances_bmf.csv:3: city XYZ has no row in data/lodging.csv");
}

TEST(WorldData, CoordinatesAgreeWithTheTimeZoneDatabase) {
  const auto zone1970 = read_zone_tab("/usr/share/zoneinfo/zone1970.tab");
  const auto zone_tab = read_zone_tab("/usr/share/zoneinfo/zone.tab");
  ASSERT_FALSE(zone1970.empty());
  for (const auto& c : default_world().cities) {
    auto it = zone1970.find(c.tz);
    if (it == zone1970.end()) {
      // A zone that zone1970.tab merged into another (a link) keeps its own row in zone.tab.
      it = zone_tab.find(c.tz);
      if (it == zone_tab.end()) {
        ADD_FAILURE() << c.code << ": zone " << c.tz << " is in neither zone1970.tab nor zone.tab";
        continue;
      }
    }
    const auto& z = it->second;
    EXPECT_TRUE(z.countries.contains(c.country))
        << c.code << ": zone " << c.tz << " is not used in country " << c.country;
    const double km = great_circle_km(c.lat, c.lon, z.lat, z.lon);
    EXPECT_LE(km, 3000.0) << c.code << " is " << km << " km from the reference point of " << c.tz;
    auto city_part = c.tz.substr(c.tz.rfind('/') + 1);
    std::replace(city_part.begin(), city_part.end(), '_', ' ');
    if (lower(city_part) == lower(c.name)) {
      EXPECT_LE(km, 50.0) << c.code << " (" << c.name << ") is " << km << " km from " << c.tz;
    }
  }
}

TEST(WorldData, WeekendsFollowEachCountry) {
  const auto& w = default_world();
  const auto weekend = [&](const std::string& code) -> int {
    for (const auto& c : w.countries)
      if (c.code == code) return c.weekend;
    ADD_FAILURE() << "country " << code << " missing";
    return -1;
  };
  const int sat_sun = (1 << 6) | (1 << 0);
  const int fri_sat = (1 << 5) | (1 << 6);
  EXPECT_EQ(weekend("DE"), sat_sun);
  EXPECT_EQ(weekend("SA"), fri_sat);
  EXPECT_EQ(weekend("AE"), sat_sun); // the UAE moved to Saturday-Sunday in January 2022
  EXPECT_EQ(weekend("US"), sat_sun);
}

TEST(WorldData, ExchangeRatesArePlausible) {
  EXPECT_EQ(eur_rate("EUR"), 1.0);
  const auto usd = eur_rate("USD");
  ASSERT_TRUE(usd.has_value());
  EXPECT_GT(*usd, 0.8);
  EXPECT_LT(*usd, 1.5);
  EXPECT_FALSE(eur_rate("XYZ").has_value());
  const auto all = known_currencies();
  EXPECT_TRUE(std::is_sorted(all.begin(), all.end()));
  EXPECT_NE(std::find(all.begin(), all.end(), "USD"), all.end());
}

} // namespace
} // namespace flyorcall::network
