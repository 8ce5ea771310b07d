// The orienteering fast path against proven optima: every seeded random instance of
// tools/bench/random_op.cpp listed in tests/optimize/data/op_random_optima.csv (optima proven by
// benchmarks/op_exact.py with CBC; the op_exact_reference test re-derives some of them).
#include <gtest/gtest.h>

#include <algorithm>
#include <cmath>
#include <fstream>
#include <iostream>
#include <sstream>
#include <string>
#include <vector>

#include "bench/random_op.hpp"
#include "optimize/core/solver.hpp"

namespace flyorcall::optimize::core {
namespace {

struct Reference {
  std::uint64_t seed = 0;
  int points = 0;
  double tmax = 0;
  double optimum = 0;
  std::vector<int> route;
};

std::vector<Reference> read_table() {
  std::ifstream in(std::string(FLYORCALL_SOURCE_DIR) + "/tests/optimize/data/op_random_optima.csv");
  EXPECT_TRUE(in) << "cannot open the table";
  std::vector<Reference> rows;
  std::string line;
  while (std::getline(in, line)) {
    if (line.empty() || line[0] == '#' || line.rfind("seed,", 0) == 0) continue;
    std::stringstream s(line);
    Reference r;
    std::string field;
    std::getline(s, field, ',');
    r.seed = std::stoull(field);
    std::getline(s, field, ',');
    r.points = std::stoi(field);
    std::getline(s, field, ',');
    r.tmax = std::stod(field);
    std::getline(s, field, ',');
    r.optimum = std::stod(field);
    std::getline(s, field, ','); // length
    std::getline(s, field, ',');
    std::stringstream route(field);
    for (int x = 0; route >> x;) r.route.push_back(x);
    rows.push_back(r);
  }
  return rows;
}

TEST(CoreRandomOp, TheGeneratorDrawsTheSameInstanceForASeed) {
  const bench::RandomOp a = bench::random_op(7);
  const bench::RandomOp b = bench::random_op(7);
  EXPECT_EQ(bench::op_text(a.op), bench::op_text(b.op));
  EXPECT_NE(bench::op_text(a.op), bench::op_text(bench::random_op(8).op));
  int clustered = 0;
  for (std::uint64_t seed = 1; seed <= 40; ++seed) {
    const bench::RandomOp r = bench::random_op(seed);
    const auto n = static_cast<int>(r.op.x.size());
    EXPECT_GE(n, 30);
    EXPECT_LE(n, 60);
    EXPECT_GE(r.fraction, 0.2);
    EXPECT_LE(r.fraction, 0.5);
    EXPECT_EQ(r.op.tmax, std::floor(r.fraction * r.tour));
    EXPECT_LE(std::hypot(r.op.x[1] - r.op.x[0], r.op.y[1] - r.op.y[0]), r.op.tmax / 2);
    clustered += r.clustered ? 1 : 0;
  }
  EXPECT_GT(clustered, 5);
  EXPECT_LT(clustered, 35);
}

// The walk stalls on these two with (almost) every seed: instance 32's optimum swaps two visited
// points far from each other for one (1269 of 1273 before), instance 72's makes two one-for-one
// swaps that only pay together, one paying the other's length (1440 of 1442 with seeds 1 and
// 3). The polish after the walk stagnates scans both exchanges.
TEST(CoreRandomOp, ThePolishFindsTheWideAndPairedExchanges) {
  for (const Reference& r : read_table()) {
    if (r.seed != 32 && r.seed != 72) continue;
    const RoutingProblem p = bench::op_problem(bench::random_op(r.seed).op);
    for (std::uint64_t search_seed = 1; search_seed <= 3; ++search_seed) {
      SearchLimits limits;
      limits.seed = search_seed;
      EXPECT_EQ(solve(p, limits).solution.prize, r.optimum)
          << "instance " << r.seed << ", search seed " << search_seed;
    }
  }
}

// Instance 85's optimum (1672) trades four visited points for three unvisited ones elsewhere on
// the path: 18 and 17 by the end in (120), 26, 45, 14 and 34 out (121), 5 in where the path
// then has room (2). No one-for-one, two-for-one or paired exchange reaches it, so the walk and
// the polish stopped at 1671 with every seed; the polish's chain exchange (a chain of unvisited
// points in, the cheapest set of at most four visited points out that makes room, a refill)
// finds it.
TEST(CoreRandomOp, ThePolishFindsTheFourForThreeChainExchange) {
  const std::vector<Reference> rows = read_table();
  const auto row =
      std::find_if(rows.begin(), rows.end(), [](const Reference& r) { return r.seed == 85; });
  ASSERT_NE(row, rows.end());
  ASSERT_EQ(row->optimum, 1672);
  const RoutingProblem p = bench::op_problem(bench::random_op(85).op);
  for (std::uint64_t search_seed = 1; search_seed <= 3; ++search_seed) {
    SearchLimits limits;
    limits.seed = search_seed;
    const Solution got = solve(p, limits).solution;
    EXPECT_TRUE(got.feasible) << "search seed " << search_seed;
    EXPECT_EQ(got.prize, row->optimum) << "search seed " << search_seed;
    // The optimum's own points, in and out.
    const std::vector<int>& visits = got.routes.front().visits;
    for (int in : {5, 17, 18})
      EXPECT_NE(std::find(visits.begin(), visits.end(), in), visits.end())
          << in << ", search seed " << search_seed;
    for (int out : {14, 26, 34, 45})
      EXPECT_EQ(std::find(visits.begin(), visits.end(), out), visits.end())
          << out << ", search seed " << search_seed;
  }
}

// Every row with search seeds 1, 2 and 3: the core must be sturdy across seeds, not lucky with
// one. Prints each miss with its gap.
TEST(CoreRandomOp, ReachesTheProvenOptimumOnTheSeededInstancesWithEverySeed) {
  const std::vector<Reference> rows = read_table();
  ASSERT_FALSE(rows.empty());
  int runs = 0;
  int matches = 0;
  for (const Reference& r : rows) {
    const bench::RandomOp inst = bench::random_op(r.seed);
    ASSERT_EQ(static_cast<int>(inst.op.x.size()), r.points) << "seed " << r.seed;
    ASSERT_EQ(inst.op.tmax, r.tmax) << "seed " << r.seed;
    const RoutingProblem p = bench::op_problem(inst.op);
    // The table's route is a feasible path of the generated instance worth the optimum.
    ASSERT_GE(r.route.size(), 2u);
    std::vector<int> visits(r.route.begin() + 1, r.route.end() - 1);
    const Solution table = make_solution(p, {visits});
    EXPECT_TRUE(table.feasible) << "seed " << r.seed;
    EXPECT_EQ(table.prize, r.optimum) << "seed " << r.seed;
    for (std::uint64_t search_seed = 1; search_seed <= 3; ++search_seed) {
      SearchLimits limits;
      limits.seed = search_seed;
      const SolveResult got = solve(p, limits);
      ASSERT_EQ(got.method, Method::orienteering);
      EXPECT_TRUE(got.solution.feasible) << "seed " << r.seed;
      EXPECT_LE(got.solution.prize, r.optimum) << "seed " << r.seed;
      ++runs;
      if (got.solution.prize >= r.optimum) {
        ++matches;
      } else {
        std::cout << "instance " << r.seed << ", search seed " << search_seed << ": "
                  << got.solution.prize << " of " << r.optimum << " ("
                  << 100 * (1 - got.solution.prize / r.optimum) << " % below)\n";
      }
    }
  }
  std::cout << matches << " of " << runs << " runs (" << rows.size()
            << " instances x seeds 1-3) reach the proven optimum\n";
  // Issue 15's target is 99 %; on the 130 proven instances the core reaches 387 of 390 runs
  // (99.2 %; instance 42 with seeds 1 and 2 at 1961 of 1970, 101 with seed 3 at 1505 of 1514;
  // the core before the chain exchange reached 382, also missing 85 with all three seeds, 107
  // and 118 with one each, and the core before the polish 377). This holds the target as a
  // floor (at least 99 %, at most the 3 misses measured), and every miss is printed above.
  EXPECT_GE(matches * 100, runs * 99);
  EXPECT_LE(runs - matches, 3) << "more misses than the 3 of 390 measured";
}

} // namespace
} // namespace flyorcall::optimize::core
