// The models against the published reference tables of data/reference/: block times against real
// schedules, fares against published route-level fares. Each test prints its error figures (the
// closing figures of docs/network.md come from here) and fails when they get worse than those
// recorded there.
#include <algorithm>
#include <cmath>
#include <cstdio>
#include <fstream>
#include <map>
#include <sstream>
#include <string>
#include <vector>

#include <gtest/gtest.h>

#include "io/input_reader.hpp"
#include "model/csv.hpp"
#include "network/block_time.hpp"
#include "network/default_legs.hpp"
#include "network/network.hpp"
#include "network/routes.hpp"
#include "network/world_data.hpp"

namespace flyorcall::network {
namespace {

std::string slurp(const std::string& relative) {
  std::ifstream in(std::string(FLYORCALL_SOURCE_DIR) + "/" + relative);
  std::stringstream ss;
  ss << in.rdbuf();
  return ss.str();
}

double median(std::vector<double> v) {
  std::sort(v.begin(), v.end());
  return v.empty() ? 0 : v[v.size() / 2];
}

TEST(Reference, BlockTimesAgainstPublishedSchedules) {
  const auto table = csv::read_data_table(
      slurp("data/reference/block_times.csv"), "data/reference/block_times.csv",
      "flight,carrier,carrier_country,from_airport,to_airport,from_city,to_city,dep_local,"
      "arr_local,day_offset,valid_date,block_min,source,source_date,verified");
  std::map<std::string, Vec3> at;
  for (const auto& c : default_world().cities) at.emplace(c.code, to_vec(c.lat, c.lon));
  std::vector<double> abs_errors;
  std::vector<std::pair<double, std::string>> worst;
  int pairs_both_ways = 0;
  std::map<std::pair<std::string, std::string>, int> seen;
  for (const auto& r : table.rows) {
    const auto& f = r.fields;
    ASSERT_TRUE(at.contains(f[5]) && at.contains(f[6])) << "line " << r.line;
    ASSERT_FALSE(f[12].empty()) << "line " << r.line << " has no source";
    const auto date = io::parse_iso_date(f[10]);
    ASSERT_TRUE(std::holds_alternative<Date>(date)) << "line " << r.line;
    // The model as the network uses it: city positions, the path the row's carrier may fly, the
    // season of the schedule's date.
    const auto path = flown_path_by_countries(at.at(f[5]), at.at(f[6]), {f[2]});
    const Minutes modelled = modelled_block(path, season_of(std::get<Date>(date)));
    const double error = static_cast<double>(modelled.count()) - std::stod(f[11]);
    abs_errors.push_back(std::abs(error));
    worst.emplace_back(error, f[0] + " " + f[5] + "-" + f[6]);
    ++seen[{std::min(f[5], f[6]), std::max(f[5], f[6])}];
  }
  for (const auto& [pair, n] : seen) pairs_both_ways += n >= 2 ? 1 : 0;
  double sum = 0;
  for (const double e : abs_errors) sum += e;
  const double mae = sum / static_cast<double>(abs_errors.size());
  std::sort(worst.begin(), worst.end(),
            [](const auto& a, const auto& b) { return std::abs(a.first) > std::abs(b.first); });
  std::printf("block times: %zu flights (%d pairs both ways); mean absolute error %.1f min, "
              "median %.0f min, within 45 min %.0f %%, largest %+.0f min (%s)\n",
              abs_errors.size(), pairs_both_ways, mae, median(abs_errors),
              100.0 *
                  static_cast<double>(std::count_if(abs_errors.begin(), abs_errors.end(),
                                                    [](double e) { return e <= 45; })) /
                  static_cast<double>(abs_errors.size()),
              worst.front().first, worst.front().second.c_str());
  EXPECT_GE(abs_errors.size(), 80u);
  EXPECT_GE(pairs_both_ways, 40);
  // The figures recorded in docs/network.md: a model change must not make them worse.
  EXPECT_LE(mae, 21.0);
  EXPECT_LE(median(abs_errors), 15.0);
  EXPECT_LE(std::abs(worst.front().first), 150.0);
}

TEST(Reference, FaresAgainstPublishedRouteFares) {
  const auto table =
      csv::read_data_table(slurp("data/reference/fares.csv"), "data/reference/fares.csv",
                           "from,to,cabin,trip,amount,currency,kind,period,source");
  Input in;
  in.currency = "USD";
  const auto net = Network::build(in);
  std::map<std::string, std::vector<double>> errors;
  std::vector<double> all;
  std::pair<double, std::string> largest{0, ""};
  for (const auto& r : table.rows) {
    const auto& f = r.fields;
    ASSERT_EQ(f[5], "USD") << "line " << r.line;
    const auto from = net.find(f[0]);
    const auto to = net.find(f[1]);
    ASSERT_TRUE(from && to) << "line " << r.line;
    Cabin cabin = Cabin::economy;
    for (std::size_t k = 0; k < kCabinCount; ++k)
      if (f[2] == kCabinNames[k]) cabin = static_cast<Cabin>(k);
    // The journey's fare as a plan prices it: the best route in that cabin, sold from origin to
    // destination.
    RouteParams p;
    p.cabin.base = cabin;
    const Route route = RouteFinder(net, p).best(*from, *to);
    ASSERT_TRUE(route.reachable) << f[0] << "-" << f[1];
    const double published = std::stod(f[4]) / (f[3] == "return" ? 2.0 : 1.0);
    const double e = to_units(route.fare) / published - 1.0;
    errors[f[2] + " " + f[6]].push_back(std::abs(e));
    all.push_back(std::abs(e));
    if (std::abs(e) > std::abs(largest.first)) largest = {e, f[2] + " " + f[0] + "-" + f[1]};
  }
  for (const auto& [group, v] : errors)
    std::printf("fares, %-17s %3zu rows: median absolute error %4.1f %%\n", group.c_str(), v.size(),
                100 * median(v));
  std::printf("fares, all %zu rows: median absolute error %.1f %%, largest %+.0f %% (%s)\n",
              all.size(), 100 * median(all), 100 * largest.first, largest.second.c_str());
  EXPECT_GE(all.size(), 60u);
  // The figures recorded in docs/network.md.
  EXPECT_LE(median(all), 0.27);
  EXPECT_LE(median(errors["economy average"]), 0.12);
}

} // namespace
} // namespace flyorcall::network
