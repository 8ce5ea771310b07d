// The block-time model (block_time.hpp). The constants were fitted by least squares to the
// published schedules of data/reference/block_times.csv (tools/calibrate/block_times.py); the
// test tests/network/test_block_time.cpp prints the errors on that table.
#include "network/block_time.hpp"

#include <algorithm>
#include <cmath>
#include <numbers>

namespace flyorcall::network {
namespace {

constexpr double kRad = std::numbers::pi / 180.0;

// Pieces a path is integrated in.
constexpr double kStepKm = 250.0;

} // namespace

// Fitted to the published schedules of data/reference/block_times.csv by least absolute errors
// (tools/calibrate/block_times.cpp, which holds the cruise speed near 900 km/h).
const BlockModel kBlockModel{
    .overhead_min = 19.4,
    .overhead_growth_min = 65.1,
    .overhead_scale_km = 1219.0,
    .cruise_kmh = 908.8,
    .jet_kmh = 95.6,
    .jet_lon_kmh = 6.3,
    .jet_lon_deg = 93.7,
    .jet_lat_deg = 46.6,
    .jet_width_deg = 27.3,
    .jet_seasonal = 0.323,
    .south_jet_kmh = 129.9,
};

double season_of(Date date) {
  const auto ymd = date::year_month_day(date);
  const auto doy = (date - date::sys_days(ymd.year() / date::January / 1)).count();
  return std::cos(2.0 * std::numbers::pi * (static_cast<double>(doy) - 15.0) / 365.25);
}

double season_of(DateRange horizon) {
  return season_of(horizon.first + (horizon.last - horizon.first) / 2);
}

double zonal_wind_kmh(double lat, double lon, double season, const BlockModel& m) {
  if (lat >= 0) {
    const double amplitude = m.jet_kmh + m.jet_lon_kmh * std::cos((lon - m.jet_lon_deg) * kRad);
    const double z = (lat - m.jet_lat_deg) / m.jet_width_deg;
    return amplitude * (1.0 + m.jet_seasonal * season) * std::exp(-z * z);
  }
  const double z = (-lat - m.jet_lat_deg) / m.jet_width_deg;
  return m.south_jet_kmh * (1.0 - m.jet_seasonal * season) * std::exp(-z * z);
}

Minutes modelled_block(const std::vector<Vec3>& path, double season) {
  return Minutes(static_cast<std::int64_t>(std::llround(block_minutes(path, season) / 5.0)) * 5);
}

double block_minutes(const std::vector<Vec3>& path, double season, const BlockModel& m) {
  double hours = 0;
  double km = 0;
  for (std::size_t i = 1; i < path.size(); ++i) {
    const Vec3& a = path[i - 1];
    const Vec3& b = path[i];
    const double angle = arc_angle(a, b);
    const double arc_km = angle * kEarthRadiusKm;
    km += arc_km;
    const int pieces = std::max(1, static_cast<int>(arc_km / kStepKm));
    const double sin_angle = std::sin(angle);
    const auto at = [&](double t) -> Vec3 { // slerp
      if (sin_angle < 1e-12) return a;
      const double u = std::sin((1 - t) * angle) / sin_angle;
      const double v = std::sin(t * angle) / sin_angle;
      return {u * a[0] + v * b[0], u * a[1] + v * b[1], u * a[2] + v * b[2]};
    };
    Vec3 p = a;
    for (int k = 1; k <= pieces; ++k) {
      const Vec3 q = at(static_cast<double>(k) / pieces);
      Vec3 mid{p[0] + q[0], p[1] + q[1], p[2] + q[2]};
      const double n = std::sqrt(mid[0] * mid[0] + mid[1] * mid[1] + mid[2] * mid[2]);
      for (double& c : mid) c /= n;
      const double lat = latitude(mid);
      const double lon = longitude(mid);
      const Vec3 step{q[0] - p[0], q[1] - p[1], q[2] - p[2]};
      const double len = std::sqrt(step[0] * step[0] + step[1] * step[1] + step[2] * step[2]);
      // The eastward share of the track: the step projected on the local east direction.
      const double east =
          len > 0 ? (-std::sin(lon * kRad) * step[0] + std::cos(lon * kRad) * step[1]) / len : 0.0;
      const double ground_kmh = m.cruise_kmh + zonal_wind_kmh(lat, lon, season, m) * east;
      hours += arc_km / pieces / ground_kmh;
      p = q;
    }
  }
  return m.overhead_min + m.overhead_growth_min * (1.0 - std::exp(-km / m.overhead_scale_km)) +
         hours * 60.0;
}

} // namespace flyorcall::network
