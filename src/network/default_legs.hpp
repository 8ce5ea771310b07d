// The embedded default legs (data/legs.csv), the carriers that fly them (data/carriers.csv), the
// airspace zones carriers avoid (data/airspace.csv), and the path each default leg is flown on.
#pragma once

#include <array>
#include <cstdint>
#include <string>
#include <string_view>
#include <vector>

#include "network/geo.hpp"

namespace flyorcall::network {

/// When a leg is flown: all year, or only in one IATA season.
enum class LegSeason : std::uint8_t {
  all_year,
  summer, ///< IATA summer season: last Sunday of March to the Saturday before the last Sunday of
          ///< October
  winter, ///< IATA winter season: the rest of the year
};

/// One leg of data/legs.csv, in one direction.
struct DefaultLeg {
  std::string from;                  ///< city code
  std::string to;                    ///< city code
  std::vector<std::string> carriers; ///< IATA codes of the operating carriers
  LegSeason season = LegSeason::all_year;
  std::string basis;  ///< "openflights-2014" or "added"
  std::string source; ///< an id of data/leg_sources.csv, or "review"
  std::string flag;   ///< "", "unsure" or "weak-source"
};

/// An airspace zone some carriers may not use (data/airspace.csv).
struct AirspaceZone {
  std::string name;
  bool closed_to_all = false;
  std::vector<std::string> closed_to;         ///< ISO countries of the carriers it is closed to
  std::vector<std::array<double, 2>> outline; ///< vertices (lat, lon), degrees
};

/// Parses legs.csv into directed legs ("both" gives two), in file order; throws
/// Error(ErrorCode::internal) naming the line of a malformed row.
[[nodiscard]] std::vector<DefaultLeg> parse_default_legs(std::string_view csv);
/// Parses airspace.csv; throws Error(ErrorCode::internal) naming the line of a malformed row.
[[nodiscard]] std::vector<AirspaceZone> parse_airspace(std::string_view csv);

/// The embedded directed default legs (parsed once, thread-safe).
[[nodiscard]] const std::vector<DefaultLeg>& default_legs();
/// The embedded airspace zones.
[[nodiscard]] const std::vector<AirspaceZone>& airspace_zones();
/// The ISO country of an operating carrier (data/carriers.csv), or "" when unknown.
[[nodiscard]] std::string_view carrier_country(std::string_view code);

/// The path a default leg is flown on between its cities' embedded positions (data/cities.csv),
/// indexed like default_legs(); worked out once per process.
[[nodiscard]] const std::vector<std::vector<Vec3>>& default_leg_paths();

/// The path flown between two points by carriers of the given ISO countries: around every zone
/// closed to all of them; with no country, around the zones closed to every carrier.
[[nodiscard]] std::vector<Vec3> flown_path_by_countries(const Vec3& from, const Vec3& to,
                                                        const std::vector<std::string>& countries);

/// The path flown between two points by the given carriers: around every zone closed to all of
/// them (a zone one of them may use does not apply), otherwise the great circle.
[[nodiscard]] std::vector<Vec3> flown_path(const Vec3& from, const Vec3& to,
                                           const std::vector<std::string>& carriers);

} // namespace flyorcall::network
