// Gate-to-gate block time of a flight from the path it is flown on, the winds along it and the
// season: a taxi, climb and descent overhead that grows with the flight's length, plus the time to
// fly the path at cruise speed with the along-track component of a climatological jet stream
// (strongest in each hemisphere's winter, so eastbound flights are faster than westbound ones; a
// headwind counts a little more than a tailwind), with the extra distance flown along the few
// airways round closed airspace and across China's corridors. Where a flight may go round closed
// airspace either way, it takes the way the season's winds make fastest (fastest_path).
// Calibrated on data/reference/block_times.csv; docs/network.md gives the form and constants.
#pragma once

#include <array>
#include <vector>

#include "flyorcall/model.hpp"
#include "flyorcall/units.hpp"
#include "network/geo.hpp"

namespace flyorcall::network {

/// The season factor of a date: cos(2π (day of year − 15) / 365.25), +1 in mid-January (northern
/// winter, strongest northern jet), −1 in mid-July.
[[nodiscard]] double season_of(Date date);

/// The season factor of a planning horizon: that of its middle day.
[[nodiscard]] double season_of(DateRange horizon);

/// The model's constants (docs/network.md, "Block times").
struct BlockModel {
  double overhead_min;        ///< taxi, climb and descent of the shortest flight
  double overhead_growth_min; ///< extra overhead a long flight approaches
  double overhead_scale_km;   ///< length over which the extra grows (1 - exp(-km / scale))
  double cruise_kmh;          ///< speed through the air
  double jet_kmh;             ///< northern jet at its latitude, mean over longitudes
  double jet_cos_kmh;         ///< its change with longitude: plus this times cos(longitude)
  double jet_sin_kmh;         ///< and plus this times sin(longitude)
  double jet_cos2_kmh;        ///< plus this times cos(2 longitude): the jets' two strongest
  double jet_sin2_kmh;        ///< stretches (off Japan, off North America's east coast), with sin
  double jet_lat_deg;         ///< the northern jet's latitude over the year
  double jet_lat_season_deg;  ///< how much further poleward the jets run in their summer
  double jet_width_deg;       ///< the jets' Gaussian width across latitudes
  double jet_seasonal;        ///< the jets' change between summer and winter (fraction)
  double south_jet_kmh;       ///< southern jet at its latitude
  double south_jet_lat_deg;   ///< the southern jet's latitude (south) over the year
  double headwind_share;      ///< what a headwind counts for against a tailwind's 1 (schedules
                              ///< allow more against the wind than they save with it)
  double detour_share;        ///< extra distance flown per km of detour round closed airspace
  double airway_share;        ///< extra distance flown per km across corridor airspace
                              ///< (data/airspace.csv, zones open to all: China's)
  double track_share;         ///< how far a direct flight may bend off its great circle to ride
                              ///< or dodge the jet, as a share of its length (each way)
};

/// The constants fitted on data/reference/block_times.csv (tools/calibrate/block_times.cpp).
extern const BlockModel kBlockModel;

/// Block time in minutes along a flown path (turn points joined by great-circle arcs) in a season
/// (a season_of value; 0 is the annual mean), not rounded.
[[nodiscard]] double block_minutes(const std::vector<Vec3>& path, double season,
                                   const BlockModel& model = kBlockModel);

/// Hours at cruise along the minor arc from `a` to `b` in a season, in the winds along it.
[[nodiscard]] double cruise_hours(const Vec3& a, const Vec3& b, double season,
                                  const BlockModel& model = kBlockModel);

/// cruise_hours in two seasons at once (the arc's geometry worked out once).
[[nodiscard]] std::array<double, 2> cruise_hours(const Vec3& a, const Vec3& b,
                                                 const std::array<double, 2>& seasons,
                                                 const BlockModel& model = kBlockModel);

/// block_minutes rounded to 5 minutes, as schedules are.
[[nodiscard]] Minutes modelled_block(const std::vector<Vec3>& path, double season);

/// Of the paths a flight may take (default_legs.hpp, flown_paths), the one it takes in a season:
/// the fastest, the first of equals.
[[nodiscard]] std::size_t fastest_path(const std::vector<std::vector<Vec3>>& paths, double season,
                                       const BlockModel& model = kBlockModel);

/// The block time of the fastest of `paths` (not empty), rounded to 5 minutes.
[[nodiscard]] Minutes modelled_block(const std::vector<std::vector<Vec3>>& paths, double season);

/// The zonal (eastward) wind in km/h the model assumes at a position and season.
[[nodiscard]] double zonal_wind_kmh(double lat, double lon, double season,
                                    const BlockModel& model = kBlockModel);

} // namespace flyorcall::network
