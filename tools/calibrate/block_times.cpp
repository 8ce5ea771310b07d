// flyorcall-calibrate-blocks: fits the block-time model's constants (src/network/block_time.hpp)
// to the published schedules of data/reference/block_times.csv by Levenberg-Marquardt least
// squares, and prints them with the errors they give. A maintainer's tool: the fitted constants
// are copied into src/network/block_time.cpp by hand, and tests/network/test_block_time.cpp
// checks the errors of the constants in use.
//
//   flyorcall-calibrate-blocks data/reference/block_times.csv
#include <algorithm>
#include <cmath>
#include <cstdio>
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
  std::vector<net::Vec3> path;
  double season = 0;
  double minutes = 0;
  double weight = 1; ///< iteratively reweighted: the fit minimises the mean absolute error
};

// The cruise speed is held near a jet's true airspeed (900 km/h: Mach 0.85 near 11 km altitude)
// by one extra residual: left free, a slower "cruise" and a larger overhead trade off against each
// other and the fit drifts to unphysical values.
constexpr double kCruiseKmh = 900.0;
constexpr double kCruiseWeight = 0.5; // minutes of residual per km/h away from kCruiseKmh

net::BlockModel from_vector(const Eigen::VectorXd& x) {
  return {x[0], x[1], x[2], x[3], x[4], x[5], x[6], x[7], x[8], x[9], x[10]};
}

Eigen::VectorXd to_vector(const net::BlockModel& m) {
  Eigen::VectorXd x(11);
  x << m.overhead_min, m.overhead_growth_min, m.overhead_scale_km, m.cruise_kmh, m.jet_kmh,
      m.jet_lon_kmh, m.jet_lon_deg, m.jet_lat_deg, m.jet_width_deg, m.jet_seasonal, m.south_jet_kmh;
  return x;
}

struct Residuals {
  using Scalar = double;
  using InputType = Eigen::VectorXd;
  using ValueType = Eigen::VectorXd;
  using JacobianType = Eigen::MatrixXd;
  enum { InputsAtCompileTime = Eigen::Dynamic, ValuesAtCompileTime = Eigen::Dynamic };
  const std::vector<Row>* rows = nullptr;
  [[nodiscard]] int inputs() const { return 11; }
  [[nodiscard]] int values() const { return static_cast<int>(rows->size()) + 1; }
  int operator()(const Eigen::VectorXd& x, Eigen::VectorXd& f) const {
    const auto m = from_vector(x);
    for (std::size_t i = 0; i < rows->size(); ++i)
      f[static_cast<Eigen::Index>(i)] =
          (net::block_minutes((*rows)[i].path, (*rows)[i].season, m) - (*rows)[i].minutes) *
          std::sqrt((*rows)[i].weight);
    f[static_cast<Eigen::Index>(rows->size())] = (m.cruise_kmh - kCruiseKmh) * kCruiseWeight;
    return 0;
  }
};

} // namespace

int main(int argc, char** argv) {
  if (argc != 2) {
    std::cerr << "usage: flyorcall-calibrate-blocks data/reference/block_times.csv\n";
    return 2;
  }
  std::ifstream in(argv[1]);
  std::stringstream text;
  text << in.rdbuf();
  const auto table = fyc::csv::read_data_table(
      text.str(), argv[1],
      "flight,carrier,carrier_country,from_airport,to_airport,from_city,to_city,dep_local,"
      "arr_local,day_offset,valid_date,block_min,source,source_date,verified");
  std::map<std::string, net::Vec3> at;
  for (const auto& c : net::default_world().cities) at.emplace(c.code, net::to_vec(c.lat, c.lon));
  std::vector<Row> rows;
  for (const auto& r : table.rows) {
    const auto& f = r.fields;
    const auto date = fyc::io::parse_iso_date(f[10]);
    Row row;
    row.name = f[0] + " " + f[5] + "-" + f[6];
    row.path = net::flown_path_by_countries(at.at(f[5]), at.at(f[6]), {f[2]});
    row.season = net::season_of(std::get<fyc::Date>(date));
    row.minutes = std::stod(f[11]);
    rows.push_back(std::move(row));
  }
  Residuals functor;
  functor.rows = &rows;
  // Least absolute errors by iteratively reweighted least squares: each round weighs a row by
  // 1 / max(|error|, 5 min), so a few rows with special routings do not pull every other leg.
  Eigen::VectorXd x = to_vector(net::kBlockModel);
  for (int round = 0; round < 8; ++round) {
    Eigen::NumericalDiff<Residuals> diff(functor);
    Eigen::LevenbergMarquardt<Eigen::NumericalDiff<Residuals>> lm(diff);
    lm.minimize(x);
    const auto fitted = from_vector(x);
    for (auto& r : rows)
      r.weight =
          1.0 / std::max(5.0, std::abs(net::block_minutes(r.path, r.season, fitted) - r.minutes));
  }
  const auto m = from_vector(x);
  std::printf("overhead_min %.1f\noverhead_growth_min %.1f\noverhead_scale_km %.0f\n"
              "cruise_kmh %.1f\njet_kmh %.1f\njet_lon_kmh %.1f\njet_lon_deg %.1f\n"
              "jet_lat_deg %.1f\njet_width_deg %.1f\njet_seasonal %.3f\nsouth_jet_kmh %.1f\n",
              m.overhead_min, m.overhead_growth_min, m.overhead_scale_km, m.cruise_kmh, m.jet_kmh,
              m.jet_lon_kmh, m.jet_lon_deg, m.jet_lat_deg, m.jet_width_deg, m.jet_seasonal,
              m.south_jet_kmh);
  std::vector<std::pair<double, std::string>> errors;
  double sum = 0;
  for (const auto& r : rows) {
    const double e = std::round(net::block_minutes(r.path, r.season, m) / 5.0) * 5.0 - r.minutes;
    sum += std::abs(e);
    errors.emplace_back(e, r.name);
  }
  std::sort(errors.begin(), errors.end(),
            [](const auto& a, const auto& b) { return std::abs(a.first) > std::abs(b.first); });
  std::printf("rows %zu, mean absolute error %.1f min, largest:\n", rows.size(),
              sum / static_cast<double>(rows.size()));
  for (std::size_t i = 0; i < std::min<std::size_t>(15, errors.size()); ++i)
    std::printf("  %+6.0f  %s\n", errors[i].first, errors[i].second.c_str());
  return 0;
}
