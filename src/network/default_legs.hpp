// The embedded default legs (data/legs.csv), the carriers that fly them (data/carriers.csv), the
// airspace zones carriers avoid (data/airspace.csv), and the path each default leg is flown on.
#pragma once

#include <array>
#include <cstdint>
#include <string>
#include <string_view>
#include <vector>

#include "network/block_time.hpp"
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

/// An airspace zone some carriers may not use, or one open to all in which airliners keep to a
/// few fixed corridors (data/airspace.csv).
struct AirspaceZone {
  std::string name;
  bool closed_to_all = false;
  bool corridors = false;                     ///< open to all, flown along fixed corridors
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
/// True when `p` lies in a zone open to all whose airliners keep to a few fixed corridors
/// (AirspaceZone::corridors): block_time.hpp counts such stretches longer (airway_share).
[[nodiscard]] bool in_corridor_airspace(const Vec3& p);
/// The ISO country of an operating carrier (data/carriers.csv), or "" when unknown.
[[nodiscard]] std::string_view carrier_country(std::string_view code);

/// The paths a flight may take between two points (flown_paths): the shortest first.
using FlownPaths = std::vector<std::vector<Vec3>>;

/// The paths a default leg may be flown on between its cities' embedded positions
/// (data/cities.csv), indexed like default_legs(); worked out once per process.
[[nodiscard]] const std::vector<FlownPaths>& default_leg_paths();

/// The path flown between two points by carriers of the given ISO countries: around every zone
/// closed to all of them; with no country, around the zones closed to every carrier.
[[nodiscard]] std::vector<Vec3> flown_path_by_countries(const Vec3& from, const Vec3& to,
                                                        const std::vector<std::string>& countries);

/// The path flown between two points by the given carriers: around every zone closed to all of
/// them (a zone one of them may use does not apply), otherwise the great circle.
[[nodiscard]] std::vector<Vec3> flown_path(const Vec3& from, const Vec3& to,
                                           const std::vector<std::string>& carriers);

/// The paths a flight between two points may take around the zones closed to carriers of all the
/// given countries: the shortest (flown_path_by_countries), then, where they differ from it and
/// from each other, the fastest ones in the winds of a northern winter and of a northern summer
/// (block_time.hpp): the way round a closed zone can depend on the winds, as Tokyo-London flights
/// go over Alaska westbound and over Central Asia eastbound. The season's fastest of them is flown
/// (fastest_path). Just the great circle when no zone is in the way.
[[nodiscard]] FlownPaths flown_paths_by_countries(const Vec3& from, const Vec3& to,
                                                  const std::vector<std::string>& countries,
                                                  const BlockModel& model = kBlockModel);

/// flown_paths_by_countries for the countries of the given carriers (data/carriers.csv).
[[nodiscard]] FlownPaths flown_paths(const Vec3& from, const Vec3& to,
                                     const std::vector<std::string>& carriers);

} // namespace flyorcall::network
