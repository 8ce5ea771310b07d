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

csv::DataTable block_times_table() {
  return csv::read_data_table(
      slurp("data/reference/block_times.csv"), "data/reference/block_times.csv",
      "flight,carrier,carrier_country,from_airport,to_airport,from_city,to_city,dep_local,"
      "arr_local,day_offset,valid_date,block_min,source,source_date,verified");
}

TEST(Reference, BlockTimesAgainstPublishedSchedules) {
  const auto table = block_times_table();
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
    // The model as the network uses it: city positions, the ways round closed airspace the row's
    // carrier may take, the fastest of them in the season of the schedule's date.
    const auto paths = flown_paths_by_countries(at.at(f[5]), at.at(f[6]), {f[2]});
    const Minutes modelled = modelled_block(paths, season_of(std::get<Date>(date)));
    const double error = static_cast<double>(modelled.count()) - std::stod(f[11]);
    abs_errors.push_back(std::abs(error));
    worst.emplace_back(error, f[0] + " " + f[5] + "-" + f[6] + " " + f[10]);
    ++seen[{std::min(f[5], f[6]), std::max(f[5], f[6])}];
  }
  for (const auto& [pair, n] : seen) pairs_both_ways += n >= 2 ? 1 : 0;
  double sum = 0;
  for (const double e : abs_errors) sum += e;
  const double mae = sum / static_cast<double>(abs_errors.size());
  const double within_45 = static_cast<double>(std::count_if(abs_errors.begin(), abs_errors.end(),
                                                             [](double e) { return e <= 45; })) /
                           static_cast<double>(abs_errors.size());
  std::sort(worst.begin(), worst.end(),
            [](const auto& a, const auto& b) { return std::abs(a.first) > std::abs(b.first); });
  std::printf("block times: %zu flights (%d pairs both ways); mean absolute error %.2f min, "
              "median %.0f min, within 45 min %.1f %%; largest (model - published):\n",
              abs_errors.size(), pairs_both_ways, mae, median(abs_errors), 100.0 * within_45);
  for (std::size_t i = 0; i < std::min<std::size_t>(10, worst.size()); ++i)
    std::printf("  %+4.0f min  %s\n", worst[i].first, worst[i].second.c_str());
  EXPECT_GE(pairs_both_ways, 80);
  // The figures recorded in docs/network.md: a model change must not make them worse. (The
  // issue's target, a mean absolute error within 15 minutes and no flight off by more than 45,
  // is not reached on the whole table: China Eastern's Buenos Aires-Auckland, Qantas'
  // Johannesburg-Sydney and Finnair's Helsinki-Nagoya keep it out of reach; see docs/network.md.)
  EXPECT_GE(abs_errors.size(), 198u);
  EXPECT_LE(mae, 15.15);
  EXPECT_LE(median(abs_errors), 10.0);
  EXPECT_GE(within_45, 0.98);
  EXPECT_LE(std::abs(worst.front().first), 70.0);
}

// Tokyo-Europe in the default network, in the season of each published schedule: Japan Airlines'
// and ANA's London and Munich flights of data/reference/block_times.csv, within 30 minutes. (No
// Frankfurt-Tokyo schedule published since 2022 was found; Munich is the other German gateway of
// ANA and Lufthansa.) They go over Alaska and the Arctic westbound and over Central Asia
// eastbound, as the model's winds make fastest; before the closures of 2022 the model's
// great-circle path gave about 12h00 both ways.
TEST(Reference, TokyoEuropeBlockTimesInTheDefaultNetwork) {
  const auto table = block_times_table();
  std::map<std::string, Network> by_date;
  int checked = 0;
  for (const auto& r : table.rows) {
    const auto& f = r.fields;
    const bool japanese = f[1] == "JL" || f[1] == "NH";
    const bool route = (f[5] == "TYO" && (f[6] == "LON" || f[6] == "MUC")) ||
                       (f[6] == "TYO" && (f[5] == "LON" || f[5] == "MUC"));
    if (!japanese || !route) continue;
    auto it = by_date.find(f[10]);
    if (it == by_date.end()) {
      Input in;
      const Date day = std::get<Date>(io::parse_iso_date(f[10]));
      in.horizon = {day, day};
      it = by_date.emplace(f[10], Network::build(in)).first;
    }
    const Network& net = it->second;
    const auto from = net.find(f[5]);
    const auto to = net.find(f[6]);
    ASSERT_TRUE(from && to);
    const Leg* leg = nullptr;
    for (const auto& l : net.legs())
      if (l.from == *from && l.to == *to) leg = &l;
    ASSERT_NE(leg, nullptr) << f[5] << "-" << f[6];
    const auto published = std::stoi(f[11]);
    std::printf("%-6s %s-%s %s: modelled %3lldh%02lld, published %3dh%02d\n", f[0].c_str(),
                f[5].c_str(), f[6].c_str(), f[10].c_str(),
                static_cast<long long>(leg->block.count() / 60),
                static_cast<long long>(leg->block.count() % 60), published / 60, published % 60);
    EXPECT_LE(std::abs(static_cast<int>(leg->block.count()) - published), 30)
        << f[0] << " " << f[5] << "-" << f[6] << " " << f[10];
    ++checked;
  }
  EXPECT_GE(checked, 8);
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
