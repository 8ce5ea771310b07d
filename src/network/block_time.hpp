// Gate-to-gate block time of a flight from the path it is flown on, the winds along it and the
// season: a taxi, climb and descent overhead that grows with the flight's length, plus the time to
// fly the path at cruise speed with the along-track component of a climatological jet stream
// (strongest in each hemisphere's winter, so eastbound flights are faster than westbound ones).
// Calibrated on data/reference/block_times.csv; docs/network.md gives the form and constants.
#pragma once

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
  double jet_lon_kmh;         ///< its variation with longitude (amplitude of a cosine)
  double jet_lon_deg;         ///< the longitude where the northern jet is strongest
  double jet_lat_deg;         ///< the jets' latitude (north and south)
  double jet_width_deg;       ///< the jets' Gaussian width across latitudes
  double jet_seasonal;        ///< the jets' change between summer and winter (fraction)
  double south_jet_kmh;       ///< southern jet at its latitude
};

/// The constants fitted on data/reference/block_times.csv (tools/calibrate/block_times.cpp).
extern const BlockModel kBlockModel;

/// Block time in minutes along a flown path (turn points joined by great-circle arcs) in a season
/// (a season_of value; 0 is the annual mean), not rounded.
[[nodiscard]] double block_minutes(const std::vector<Vec3>& path, double season,
                                   const BlockModel& model = kBlockModel);

/// block_minutes rounded to 5 minutes, as schedules are.
[[nodiscard]] Minutes modelled_block(const std::vector<Vec3>& path, double season);

/// The zonal (eastward) wind in km/h the model assumes at a position and season.
[[nodiscard]] double zonal_wind_kmh(double lat, double lon, double season,
                                    const BlockModel& model = kBlockModel);

} // namespace flyorcall::network
