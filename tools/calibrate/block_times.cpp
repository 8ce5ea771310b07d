// flyorcall-calibrate-blocks: fits the block-time model's constants (src/network/block_time.hpp)
// to the published schedules of data/reference/block_times.csv by least absolute errors, and
// prints them with the errors they give. A maintainer's tool: the fitted constants are copied into
// src/network/block_time.cpp by hand, and tests/network/test_reference.cpp checks the errors of
// the constants in use.
//
//   flyorcall-calibrate-blocks data/reference/block_times.csv           fit, print, list errors
//   flyorcall-calibrate-blocks data/reference/block_times.csv --check   the constants in use
//   add --all to list every flight with the path it takes (turn points, km), not only the worst
#include <algorithm>
#include <cmath>
#include <cstdio>
#include <cstdlib>
#include <cstring>
#include <fstream>
#include <iostream>
#include <map>
#include <sstream>
#include <string>
#include <vector>

#include <Eigen/Dense>
#include <unsupported/Eigen/NonLinearOptimization>
#include <unsupported/Eigen/NumericalDiff>

#include "io/input_reader.hpp"
#include "model/csv.hpp"
#include "network/block_time.hpp"
#include "network/default_legs.hpp"
#include "network/world_data.hpp"

namespace fyc = flyorcall;
namespace net = flyorcall::network;

namespace {

struct Row {
  std::string name;
  net::Vec3 from{};
  net::Vec3 to{};
  std::string country;
  net::FlownPaths paths; ///< the ways it may be flown, worked out with the constants of the round
  double season = 0;
  double minutes = 0;
  double weight = 1; ///< iteratively reweighted: the fit minimises the mean absolute error
};

// The cruise speed is held near a jet's true airspeed (900 km/h: Mach 0.85 near 11 km altitude)
// by one extra residual: left free, a slower "cruise" and a larger overhead trade off against each
// other and the fit drifts to unphysical values.
constexpr double kCruiseKmh = 900.0;
constexpr double kCruiseWeight = 0.5; // minutes of residual per km/h away from kCruiseKmh
// Held, not fitted (--free NAME fits one):
// - the overhead of the shortest flights (taxi out and in, climb and descent), 15 minutes: left
//   free, it trades off against the overhead's growth with length and drifts below zero, at no
//   gain on the table;
// - the jets' swing between winter and summer, +-20 % in strength and +-2 degrees in latitude:
//   the table has almost no winter flights across the North Atlantic, and fitted freely the
//   swing in strength drops to about 10 % while the jets move 7 degrees south in winter, which
//   makes winter westbound New York-London faster than in summer (published schedules have the
//   widest east-west gap in winter; tests/network/test_network.cpp checks it).
constexpr double kOverheadMin = 15.0;
constexpr double kJetSeasonal = 0.2;
constexpr double kJetLatSeasonDeg = 2.0;
constexpr int kParameters = 19;
constexpr const char* kNames[kParameters] = {
    "overhead_min", "overhead_growth_min", "overhead_scale_km",  "cruise_kmh",
    "jet_kmh",      "jet_cos_kmh",         "jet_sin_kmh",        "jet_cos2_kmh",
    "jet_sin2_kmh", "jet_lat_deg",         "jet_lat_season_deg", "jet_width_deg",
    "jet_seasonal", "south_jet_kmh",       "south_jet_lat_deg",  "headwind_share",
    "detour_share", "airway_share",        "track_share"};

net::BlockModel from_vector(const Eigen::VectorXd& x) {
  return {x[0],  x[1],  x[2],  x[3],  x[4],  x[5],  x[6],  x[7],  x[8], x[9],
          x[10], x[11], x[12], x[13], x[14], x[15], x[16], x[17], x[18]};
}

Eigen::VectorXd to_vector(const net::BlockModel& m) {
  Eigen::VectorXd x(kParameters);
  x << m.overhead_min, m.overhead_growth_min, m.overhead_scale_km, m.cruise_kmh, m.jet_kmh,
      m.jet_cos_kmh, m.jet_sin_kmh, m.jet_cos2_kmh, m.jet_sin2_kmh, m.jet_lat_deg,
      m.jet_lat_season_deg, m.jet_width_deg, m.jet_seasonal, m.south_jet_kmh, m.south_jet_lat_deg,
      m.headwind_share, m.detour_share, m.airway_share, m.track_share;
  return x;
}

/// The model's minutes for a row: its fastest path in the row's season.
double modelled(const Row& r, const net::BlockModel& m) {
  double best = 0;
  for (std::size_t i = 0; i < r.paths.size(); ++i) {
    const double v = net::block_minutes(r.paths[i], r.season, m);
    if (i == 0 || v < best) best = v;
  }
  return best;
}

struct Residuals {
  using Scalar = double;
  using InputType = Eigen::VectorXd;
  using ValueType = Eigen::VectorXd;
  using JacobianType = Eigen::MatrixXd;
  enum { InputsAtCompileTime = Eigen::Dynamic, ValuesAtCompileTime = Eigen::Dynamic };
  const std::vector<Row>* rows = nullptr;
  Eigen::VectorXd full;  ///< every constant; the free ones are overwritten from x
  std::vector<int> free; ///< indices into full of the constants being fitted
  [[nodiscard]] int inputs() const { return static_cast<int>(free.size()); }
  [[nodiscard]] int values() const { return static_cast<int>(rows->size()) + 1; }
  [[nodiscard]] Eigen::VectorXd expand(const Eigen::VectorXd& x) const {
    Eigen::VectorXd v = full;
    for (std::size_t k = 0; k < free.size(); ++k) v[free[k]] = x[static_cast<Eigen::Index>(k)];
    return v;
  }
  int operator()(const Eigen::VectorXd& x, Eigen::VectorXd& f) const {
    const auto m = from_vector(expand(x));
    for (std::size_t i = 0; i < rows->size(); ++i)
      f[static_cast<Eigen::Index>(i)] =
          (modelled((*rows)[i], m) - (*rows)[i].minutes) * std::sqrt((*rows)[i].weight);
    f[static_cast<Eigen::Index>(rows->size())] = (m.cruise_kmh - kCruiseKmh) * kCruiseWeight;
    return 0;
  }
};

void route(std::vector<Row>& rows, const net::BlockModel& m) {
  for (auto& r : rows) r.paths = net::flown_paths_by_countries(r.from, r.to, {r.country}, m);
}

void print_path(const std::vector<net::Vec3>& path) {
  std::printf("%6.0f km:", net::path_km(path));
  for (const auto& v : path) std::printf(" %.1f,%.1f", net::latitude(v), net::longitude(v));
}

} // namespace

int main(int argc, char** argv) {
  bool check = false;
  bool all = false;
  const char* file = nullptr;
  Eigen::VectorXd start = to_vector(net::kBlockModel);
  std::vector<bool> held(kParameters, false);
  const auto index_of = [](const std::string& name) {
    for (int k = 0; k < kParameters; ++k)
      if (name == kNames[k]) return k;
    std::cerr << "unknown constant " << name << "\n";
    std::exit(2);
  };
  for (const auto& [name, value] :
       {std::pair{"overhead_min", kOverheadMin}, std::pair{"jet_seasonal", kJetSeasonal},
        std::pair{"jet_lat_season_deg", kJetLatSeasonDeg}}) {
    start[index_of(name)] = value;
    held[static_cast<std::size_t>(index_of(name))] = true;
  }
  for (int i = 1; i < argc; ++i) {
    if (std::strcmp(argv[i], "--check") == 0)
      check = true;
    else if (std::strcmp(argv[i], "--all") == 0)
      all = true;
    else if (std::strcmp(argv[i], "--hold") == 0 && i + 1 < argc) {
      // --hold NAME or --hold NAME=VALUE: keep a constant out of the fit (to measure what it
      // brings), --free NAME: fit one held by default
      const std::string spec = argv[++i];
      const auto eq = spec.find('=');
      const int k = index_of(spec.substr(0, eq));
      held[static_cast<std::size_t>(k)] = true;
      if (eq != std::string::npos) start[k] = std::stod(spec.substr(eq + 1));
    } else if (std::strcmp(argv[i], "--free") == 0 && i + 1 < argc)
      held[static_cast<std::size_t>(index_of(argv[++i]))] = false;
    else
      file = argv[i];
  }
  if (file == nullptr) {
    std::cerr << "usage: flyorcall-calibrate-blocks data/reference/block_times.csv [--check] "
                 "[--all] [--hold NAME[=VALUE]] [--free NAME]\n";
    return 2;
  }
  if (check) start = to_vector(net::kBlockModel); // the constants in use, as they are
  std::ifstream in(file);
  std::stringstream text;
  text << in.rdbuf();
  const auto table = fyc::csv::read_data_table(
      text.str(), file,
      "flight,carrier,carrier_country,from_airport,to_airport,from_city,to_city,dep_local,"
      "arr_local,day_offset,valid_date,block_min,source,source_date,verified");
  std::map<std::string, net::Vec3> at;
  for (const auto& c : net::default_world().cities) at.emplace(c.code, net::to_vec(c.lat, c.lon));
  std::vector<Row> rows;
  for (const auto& r : table.rows) {
    const auto& f = r.fields;
    const auto date = fyc::io::parse_iso_date(f[10]);
    Row row;
    row.name = f[0] + " " + f[5] + "-" + f[6] + " " + f[10];
    row.from = at.at(f[5]);
    row.to = at.at(f[6]);
    row.country = f[2];
    row.season = net::season_of(std::get<fyc::Date>(date));
    row.minutes = std::stod(f[11]);
    rows.push_back(std::move(row));
  }
  Residuals functor;
  functor.rows = &rows;
  functor.full = start;
  for (int k = 0; k < kParameters; ++k)
    if (!held[static_cast<std::size_t>(k)]) functor.free.push_back(k);
  Eigen::VectorXd x(static_cast<Eigen::Index>(functor.free.size()));
  for (std::size_t k = 0; k < functor.free.size(); ++k)
    x[static_cast<Eigen::Index>(k)] = start[functor.free[k]];
  route(rows, from_vector(start));
  // Least absolute errors by iteratively reweighted least squares: each round weighs a row by
  // 1 / max(|error|, 5 min), so a few rows with special routings do not pull every other leg. The
  // ways round closed airspace are worked out again with each round's constants.
  for (int round = 0; !check && round < 8; ++round) {
    Eigen::NumericalDiff<Residuals> diff(functor);
    Eigen::LevenbergMarquardt<Eigen::NumericalDiff<Residuals>> lm(diff);
    lm.minimize(x);
    const auto fitted = from_vector(functor.expand(x));
    route(rows, fitted);
    for (auto& r : rows) r.weight = 1.0 / std::max(5.0, std::abs(modelled(r, fitted) - r.minutes));
  }
  const auto m = from_vector(functor.expand(x));
  std::printf("const BlockModel kBlockModel{\n");
  const Eigen::VectorXd fitted = functor.expand(x);
  for (int k = 0; k < kParameters; ++k) std::printf("    .%s = %.4g,\n", kNames[k], fitted[k]);
  std::printf("};\n");
  // The errors as the network has them: rounded to 5 minutes, as schedules are.
  std::vector<std::pair<double, const Row*>> errors;
  for (const auto& r : rows)
    errors.emplace_back(std::round(modelled(r, m) / 5.0) * 5.0 - r.minutes, &r);
  std::vector<double> abs_errors;
  double sum = 0;
  for (const auto& [e, r] : errors) {
    abs_errors.push_back(std::abs(e));
    sum += std::abs(e);
  }
  std::sort(abs_errors.begin(), abs_errors.end());
  const auto within =
      std::count_if(abs_errors.begin(), abs_errors.end(), [](double e) { return e <= 45; });
  std::printf(
      "rows %zu, mean absolute error %.1f min, median %.0f min, within 45 min %.1f %%, "
      "largest %.0f min\n",
      rows.size(), sum / static_cast<double>(rows.size()), abs_errors[abs_errors.size() / 2],
      100.0 * static_cast<double>(within) / static_cast<double>(rows.size()), abs_errors.back());
  if (!all)
    std::sort(errors.begin(), errors.end(),
              [](const auto& a, const auto& b) { return std::abs(a.first) > std::abs(b.first); });
  for (std::size_t i = 0; i < (all ? errors.size() : std::min<std::size_t>(15, errors.size()));
       ++i) {
    const Row& r = *errors[i].second;
    std::printf("  %+5.0f  %-32s %5.0f", errors[i].first, r.name.c_str(), r.minutes);
    if (all) {
      const auto& path = r.paths[net::fastest_path(r.paths, r.season, m)];
      std::printf(" (path %zu of %zu) ", net::fastest_path(r.paths, r.season, m) + 1,
                  r.paths.size());
      print_path(path);
    }
    std::printf("\n");
  }
  return 0;
}
