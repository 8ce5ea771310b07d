// The block-time model (block_time.hpp). The constants were fitted by least absolute errors to
// the published schedules of data/reference/block_times.csv (tools/calibrate/block_times.cpp);
// the test tests/network/test_reference.cpp prints the errors on that table.
#include "network/block_time.hpp"

#include <algorithm>
#include <cmath>
#include <numbers>

#include "network/default_legs.hpp"

namespace flyorcall::network {
namespace {

constexpr double kRad = std::numbers::pi / 180.0;

// Pieces a path is integrated in.
constexpr double kStepKm = 250.0;

} // namespace

// Fitted to the published schedules of data/reference/block_times.csv by least absolute errors
// (tools/calibrate/block_times.cpp, which holds the cruise speed near 900 km/h and holds the
// shortest flight's overhead and the jets' seasonal swing: see there why).
const BlockModel kBlockModel{
    .overhead_min = 15.0,
    .overhead_growth_min = 59.7,
    .overhead_scale_km = 839.0,
    .cruise_kmh = 906.6,
    .jet_kmh = 107.2,
    .jet_cos_kmh = -12.6,
    .jet_sin_kmh = -1.1,
    .jet_cos2_kmh = 6.2,
    .jet_sin2_kmh = -37.6,
    .jet_lat_deg = 37.9,
    .jet_lat_season_deg = 2.0,
    .jet_width_deg = 17.9,
    .jet_seasonal = 0.20,
    .south_jet_kmh = 105.2,
    .south_jet_lat_deg = 42.6,
    .headwind_share = 1.36,
    .detour_share = 0.162,
    .airway_share = 0.175,
    .track_share = 0.106,
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
    const double c = std::cos(lon * kRad);
    const double s = std::sin(lon * kRad);
    const double amplitude = m.jet_kmh + m.jet_cos_kmh * c + m.jet_sin_kmh * s +
                             m.jet_cos2_kmh * (c * c - s * s) + m.jet_sin2_kmh * 2.0 * s * c;
    const double centre = m.jet_lat_deg - m.jet_lat_season_deg * season;
    const double z = (lat - centre) / m.jet_width_deg;
    return amplitude * (1.0 + m.jet_seasonal * season) * std::exp(-z * z);
  }
  const double z = (-lat - m.south_jet_lat_deg - m.jet_lat_season_deg * season) / m.jet_width_deg;
  return m.south_jet_kmh * (1.0 - m.jet_seasonal * season) * std::exp(-z * z);
}

Minutes modelled_block(const std::vector<Vec3>& path, double season) {
  return Minutes(static_cast<std::int64_t>(std::llround(block_minutes(path, season) / 5.0)) * 5);
}

namespace {

/// Hours at cruise along the minor arc from `a` to `b` in each of `seasons`.
template <std::size_t N>
std::array<double, N> arc_hours(const Vec3& a, const Vec3& b, const std::array<double, N>& seasons,
                                const BlockModel& m) {
  const double angle = arc_angle(a, b);
  const double arc_km = angle * kEarthRadiusKm;
  const int pieces = std::max(1, static_cast<int>(arc_km / kStepKm));
  const double sin_angle = std::sin(angle);
  const auto at = [&](double t) -> Vec3 { // slerp
    if (sin_angle < 1e-12) return a;
    const double u = std::sin((1 - t) * angle) / sin_angle;
    const double v = std::sin(t * angle) / sin_angle;
    return {u * a[0] + v * b[0], u * a[1] + v * b[1], u * a[2] + v * b[2]};
  };
  std::array<double, N> hours{};
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
    // Where airliners keep to a few fixed corridors, a stretch is flown longer than its arc.
    const double flown_km =
        arc_km / pieces *
        (m.airway_share != 0 && in_corridor_airspace(mid) ? 1 + m.airway_share : 1);
    for (std::size_t s = 0; s < N; ++s) {
      double along = zonal_wind_kmh(lat, lon, seasons[s], m) * east;
      // Schedules allow more for a headwind than they save with a tailwind (headwind_share).
      if (along < 0) along *= m.headwind_share;
      hours[s] += flown_km / (m.cruise_kmh + along);
    }
    p = q;
  }
  return hours;
}

} // namespace

double cruise_hours(const Vec3& a, const Vec3& b, double season, const BlockModel& m) {
  return arc_hours<1>(a, b, {season}, m)[0];
}

std::array<double, 2> cruise_hours(const Vec3& a, const Vec3& b,
                                   const std::array<double, 2>& seasons, const BlockModel& m) {
  return arc_hours<2>(a, b, seasons, m);
}

namespace {

/// Offsets tried each way (besides the great circle) for a direct flight's track.
constexpr int kTrackOffsets = 4;

/// Hours at cruise of a direct flight from `a` to `b` on the fastest of the tracks through a
/// turn point off the middle of its great circle, up to track_share of its length either side.
double track_hours(const Vec3& a, const Vec3& b, double season, const BlockModel& m) {
  double best = cruise_hours(a, b, season, m);
  const double angle = arc_angle(a, b);
  if (m.track_share <= 0 || angle < 1e-6 || angle > std::numbers::pi - 1e-6) return best;
  Vec3 mid{a[0] + b[0], a[1] + b[1], a[2] + b[2]};
  Vec3 pole{a[1] * b[2] - a[2] * b[1], a[2] * b[0] - a[0] * b[2], a[0] * b[1] - a[1] * b[0]};
  const auto normalise = [](Vec3& v) {
    const double n = std::sqrt(v[0] * v[0] + v[1] * v[1] + v[2] * v[2]);
    for (double& c : v) c /= n;
  };
  normalise(mid);
  normalise(pole);
  for (int k = -kTrackOffsets; k <= kTrackOffsets; ++k) {
    if (k == 0) continue;
    const double d = m.track_share * angle * k / kTrackOffsets;
    const Vec3 turn{mid[0] * std::cos(d) + pole[0] * std::sin(d),
                    mid[1] * std::cos(d) + pole[1] * std::sin(d),
                    mid[2] * std::cos(d) + pole[2] * std::sin(d)};
    best = std::min(best, cruise_hours(a, turn, season, m) + cruise_hours(turn, b, season, m));
  }
  return best;
}

} // namespace

double block_minutes(const std::vector<Vec3>& path, double season, const BlockModel& m) {
  double hours = 0;
  double km = 0;
  for (std::size_t i = 1; i < path.size(); ++i) {
    km += arc_angle(path[i - 1], path[i]) * kEarthRadiusKm;
    hours += path.size() == 2 ? track_hours(path[0], path[1], season, m)
                              : cruise_hours(path[i - 1], path[i], season, m);
  }
  // A detour round closed airspace follows the few airways left open: longer than the straight
  // lines between the zone's corners.
  const double detour_km =
      path.size() > 2 ? km - arc_angle(path.front(), path.back()) * kEarthRadiusKm : 0.0;
  hours += m.detour_share * detour_km / m.cruise_kmh;

  return m.overhead_min + m.overhead_growth_min * (1.0 - std::exp(-km / m.overhead_scale_km)) +
         hours * 60.0;
}

std::size_t fastest_path(const std::vector<std::vector<Vec3>>& paths, double season,
                         const BlockModel& m) {
  std::size_t best = 0;
  double best_minutes = 0;
  for (std::size_t i = 0; i < paths.size(); ++i) {
    const double minutes = block_minutes(paths[i], season, m);
    if (i == 0 || minutes < best_minutes) {
      best = i;
      best_minutes = minutes;
    }
  }
  return best;
}

Minutes modelled_block(const std::vector<std::vector<Vec3>>& paths, double season) {
  return modelled_block(paths[fastest_path(paths, season)], season);
}

} // namespace flyorcall::network
