// Words people type where a place is expected: a network city's code, one of its airports' IATA
// codes, or its name in any common spelling ("CHI", "ORD", "Chicago"; "SAO", "GRU", "São Paulo").
// An airport outside the network is named as such, with the nearest network city; a suggestion is
// made only for a misspelt name, never for a code that merely looks like another one.
#pragma once

#include <map>
#include <optional>
#include <string>
#include <string_view>
#include <vector>

#include "flyorcall/model.hpp"

namespace flyorcall::network {

/// A commercial airport of the embedded table (data/airports.csv).
struct Airport {
  std::string code;          ///< IATA airport code
  std::string city;          ///< network city code, or empty for an airport outside the network
  std::string place;         ///< the municipality it serves
  std::string country;       ///< ISO 3166-1 alpha-2
  std::optional<double> lat; ///< degrees north; empty for airports added after the snapshot
  std::optional<double> lon; ///< degrees east
  std::string name;          ///< the airport's name
};

/// Parses the text of airports.csv (format in data/README.md), sorted by code; throws
/// Error(ErrorCode::internal) naming the line of a malformed row.
[[nodiscard]] std::vector<Airport> parse_airports(std::string_view csv);

/// The embedded airports, sorted by code (parsed once, thread-safe).
[[nodiscard]] const std::vector<Airport>& airports();

/// The embedded airport with an IATA code, or nullptr.
[[nodiscard]] const Airport* find_airport(std::string_view code);

/// Where a place name led: the city, or why there is none.
struct PlaceMatch {
  std::optional<std::string> city; ///< the network city's code
  std::string error;               ///< when there is no city: the message (without a location)
};

/// Resolves place names against the cities of one network (the embedded default cities and a
/// document's own, or only its own). Built once per document; lookups are cheap.
class PlaceIndex {
public:
  /// Indexes `cities` and `countries` (a document's network); the embedded airport table and
  /// other names (data/place_names.csv) apply to the cities among them.
  PlaceIndex(const std::vector<City>& cities, const std::vector<Country>& countries);

  /// The city meant by `text`: a city code, an airport code (either in any letter case), or a
  /// city name (case, accents, spaces and hyphens ignored), optionally followed by ", <country>"
  /// (ISO code or English name) to tell cities of the same name apart.
  [[nodiscard]] PlaceMatch resolve(std::string_view text) const;

private:
  struct Named {
    std::vector<std::string> cities; ///< codes of the cities with this name
    std::string ambiguity;           ///< non-empty: the name is refused with this note
  };
  struct CityRef {
    std::string code;
    std::string name;
    std::string country;
    double lat = 0;
    double lon = 0;
  };
  [[nodiscard]] PlaceMatch airport_match(const Airport& a, std::string_view text) const;
  [[nodiscard]] const CityRef* city(std::string_view code) const;
  [[nodiscard]] std::optional<std::string> country_code(std::string_view text) const;
  [[nodiscard]] std::string name_hint(const std::string& folded) const;

  std::vector<CityRef> cities_;                                   ///< sorted by code
  std::map<std::string, Named, std::less<>> names_;               ///< folded name -> cities
  std::map<std::string, std::string, std::less<>> country_names_; ///< folded name -> ISO code
};

/// The place index of the embedded default network (built once, thread-safe).
[[nodiscard]] const PlaceIndex& default_places();

} // namespace flyorcall::network
