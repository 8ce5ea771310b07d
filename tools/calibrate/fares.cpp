// flyorcall-calibrate-fares: fits the fare model's constants (src/network/network.cpp) to the
// published fares of data/reference/fares.csv, by least squares on the logarithms (so that a
// fare 20 % too high weighs as much on a 200 USD market as on a 5,000 USD one), and prints them
// with the errors they give. A maintainer's tool: the constants are copied into network.cpp by
// hand, and tests/network/test_reference.cpp checks the errors of the constants in use.
//
//   flyorcall-calibrate-fares data/reference/fares.csv
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

#include "model/csv.hpp"
#include "network/geo.hpp"
#include "network/world_data.hpp"

namespace fyc = flyorcall;
namespace net = flyorcall::network;

namespace {

struct Row {
  double km = 0;
  double usd = 0;
  double weight = 1; ///< iteratively reweighted: the fit minimises the mean absolute log error
};

double economy(const Eigen::VectorXd& e, double km) {
  return e[0] + e[1] * std::pow(km / 1000.0, e[2]);
}

// Premium and business: economy x (short-haul multiple + rise x min(km, 4000) / 4000). The
// short-haul multiple is the maintainers' assumption (no short-haul figure was found) and so is
// the 4000 km over which it rises (the reference's premium and business fares are nearly all
// longer, so the data cannot place it); the rise is fitted.
constexpr double kRiseKm = 4000.0;
double multiple(double shorter, const Eigen::VectorXd& q, double km) {
  return shorter + q[0] * std::min(km, kRiseKm) / kRiseKm;
}

template <class F> struct LogResiduals {
  using Scalar = double;
  using InputType = Eigen::VectorXd;
  using ValueType = Eigen::VectorXd;
  using JacobianType = Eigen::MatrixXd;
  enum { InputsAtCompileTime = Eigen::Dynamic, ValuesAtCompileTime = Eigen::Dynamic };
  const std::vector<Row>* rows = nullptr;
  int n = 0;
  F model;
  [[nodiscard]] int inputs() const { return n; }
  [[nodiscard]] int values() const { return static_cast<int>(rows->size()); }
  int operator()(const Eigen::VectorXd& x, Eigen::VectorXd& f) const {
    for (std::size_t i = 0; i < rows->size(); ++i)
      f[static_cast<Eigen::Index>(i)] =
          (std::log(std::max(1.0, model(x, (*rows)[i].km))) - std::log((*rows)[i].usd)) *
          std::sqrt((*rows)[i].weight);
    return 0;
  }
};

// Least absolute log errors by iteratively reweighted least squares (weights 1 / max(|e|, 0.05)):
// the reference mixes market averages with contract fares, and a few far-off contract fares
// should not pull every market.
template <class F> Eigen::VectorXd fit(std::vector<Row> rows, Eigen::VectorXd x, F model) {
  for (int round = 0; round < 10; ++round) {
    LogResiduals<F> r{&rows, static_cast<int>(x.size()), model};
    Eigen::NumericalDiff<LogResiduals<F>> diff(r);
    Eigen::LevenbergMarquardt<Eigen::NumericalDiff<LogResiduals<F>>> lm(diff);
    lm.minimize(x);
    for (auto& row : rows)
      row.weight =
          1.0 / std::max(0.05, std::abs(std::log(std::max(1.0, model(x, row.km)) / row.usd)));
  }
  return x;
}

template <class F> void report(const char* cabin, const std::vector<Row>& rows, F model) {
  std::vector<double> e;
  for (const auto& r : rows) e.push_back(std::abs(model(r.km) / r.usd - 1.0));
  std::sort(e.begin(), e.end());
  std::printf("%-9s rows %3zu  median |error| %4.1f %%  largest %5.1f %%\n", cabin, rows.size(),
              100 * e[e.size() / 2], 100 * e.back());
}

} // namespace

int main(int argc, char** argv) {
  if (argc != 2) {
    std::cerr << "usage: flyorcall-calibrate-fares data/reference/fares.csv\n";
    return 2;
  }
  std::ifstream in(argv[1]);
  std::stringstream text;
  text << in.rdbuf();
  const auto table = fyc::csv::read_data_table(
      text.str(), argv[1], "from,to,cabin,trip,amount,currency,kind,period,source");
  std::map<std::string, std::pair<double, double>> at;
  for (const auto& c : net::default_world().cities) at[c.code] = {c.lat, c.lon};
  std::map<std::string, std::vector<Row>> by_cabin;
  for (const auto& r : table.rows) {
    const auto& f = r.fields;
    if (f[5] != "USD") continue; // the model is fitted in US dollars
    const auto a = at.at(f[0]);
    const auto b = at.at(f[1]);
    const double one_way = std::stod(f[4]) / (f[3] == "return" ? 2.0 : 1.0);
    by_cabin[f[2]].push_back({net::great_circle_km(a.first, a.second, b.first, b.second), one_way});
  }
  Eigen::VectorXd e(3);
  e << 150, 35, 1.25;
  e = fit(by_cabin["economy"], e,
          [](const Eigen::VectorXd& x, double km) { return economy(x, km); });
  std::printf("economy: %.2f + %.2f x (km / 1000)^%.3f USD\n", e[0], e[1], e[2]);
  report("economy", by_cabin["economy"], [&](double km) { return economy(e, km); });
  for (const auto& [cabin, shorter] : {std::pair{"premium", 1.5}, std::pair{"business", 2.5}}) {
    Eigen::VectorXd q(1);
    q << 1.0;
    q = fit(by_cabin[cabin], q, [&, s = shorter](const Eigen::VectorXd& x, double km) {
      return economy(e, km) * multiple(s, x, km);
    });
    std::printf("%s: economy x (%.1f + %.3f x min(km, %.0f) / %.0f)\n", cabin, shorter, q[0],
                kRiseKm, kRiseKm);
    report(cabin, by_cabin[cabin],
           [&, s = shorter](double km) { return economy(e, km) * multiple(s, q, km); });
  }
  return 0;
}
