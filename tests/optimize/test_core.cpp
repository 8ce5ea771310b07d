// The optimizer core: the heuristics against the exact solver on seeded random instances, TSPLIB
// optima, determinism, deadlines, shape dispatch, problem checks and the evaluator extension.
#include <gtest/gtest.h>

#include <algorithm>
#include <cmath>
#include <iostream>
#include <numeric>
#include <sstream>
#include <stdexcept>

#include "bench/readers.hpp"
#include "optimize/core/exact.hpp"
#include "optimize/core/search.hpp"
#include "optimize/core/solver.hpp"
#include "optimize/core/tsp.hpp"
#include "support/sanitized.hpp"

namespace flyorcall::optimize::core {
namespace {

// Random points in a 100 x 100 square, Euclidean travel time; cost = time × factor.
RoutingProblem random_points(Rng& rng, int n, double cost_factor) {
  RoutingProblem p;
  std::vector<double> x(static_cast<std::size_t>(n));
  std::vector<double> y(static_cast<std::size_t>(n));
  for (int i = 0; i < n; ++i) {
    x[static_cast<std::size_t>(i)] = 100 * rng.unit();
    y[static_cast<std::size_t>(i)] = 100 * rng.unit();
  }
  p.nodes.resize(static_cast<std::size_t>(n));
  p.travel_time.resize(n, n);
  for (int i = 0; i < n; ++i)
    for (int j = 0; j < n; ++j)
      p.travel_time(i, j) =
          std::hypot(x[static_cast<std::size_t>(i)] - x[static_cast<std::size_t>(j)],
                     y[static_cast<std::size_t>(i)] - y[static_cast<std::size_t>(j)]);
  p.travel_cost = p.travel_time * cost_factor;
  return p;
}

// One vehicle from 0 to 1, prizes 1..10, budget between 25% and 75% of a tour of everything.
RoutingProblem op_like(std::uint64_t seed) {
  Rng rng(seed);
  const int n = 2 + rng.between(8, 12);
  RoutingProblem p = random_points(rng, n, 1.0);
  for (int i = 2; i < n; ++i) p.nodes[static_cast<std::size_t>(i)].prize = rng.between(1, 10);
  Vehicle v;
  v.start = 0;
  v.end = 1;
  v.max_duration = 100 + 250 * rng.unit();
  p.vehicles.push_back(v);
  return p;
}

// Two vehicles from a shared depot 0, windows (one or two per node), service times, a few
// mandatory nodes, vehicle-restricted nodes, weighted costs and a global cost budget.
RoutingProblem windows_two_vehicles(std::uint64_t seed) {
  Rng rng(seed);
  const int n = 1 + rng.between(8, 11);
  RoutingProblem p = random_points(rng, n, 0.5 + rng.unit());
  p.cost_weight = 0.05;
  for (int i = 1; i < n; ++i) {
    Node& node = p.nodes[static_cast<std::size_t>(i)];
    node.prize = rng.between(5, 20);
    node.service = rng.between(0, 20);
    const int windows = rng.between(0, 2);
    double open = 0;
    for (int w = 0; w < windows; ++w) {
      open += 150 * rng.unit();
      const double close = open + 40 + 120 * rng.unit();
      node.windows.push_back({open, close});
      open = close;
    }
    node.mandatory = rng.below(8) == 0;
    if (rng.below(6) == 0) node.vehicles = {rng.below(2)};
  }
  for (int v = 0; v < 2; ++v) {
    Vehicle veh;
    veh.start = 0;
    veh.end = 0;
    veh.max_duration = 250 + 250 * rng.unit();
    veh.latest_end = 600;
    p.vehicles.push_back(veh);
  }
  p.budgets.max_total_cost = 400 + 400 * rng.unit();
  return p;
}

SearchLimits iterations(long long n, std::uint64_t seed = 1) {
  SearchLimits l;
  l.seed = seed;
  l.max_iterations = n;
  return l;
}

struct Agreement {
  int matches = 0;
  int total = 0;
};

Agreement compare_with_exact(RoutingProblem (*make)(std::uint64_t), std::uint64_t first, int count,
                             long long stagnation) {
  Agreement a;
  for (std::uint64_t seed = first; seed < first + static_cast<std::uint64_t>(count); ++seed) {
    const RoutingProblem p = make(seed);
    EXPECT_EQ(p.check(), "");
    const Solution exact = solve_exact(p);
    const Solution heur = solve(p, SearchLimits{seed, Deadline(), -1, stagnation}).solution;
    // The heuristic never beats the optimum, and whatever it returns is priced consistently.
    const Solution re = make_solution(p, [&] {
      std::vector<std::vector<int>> r;
      for (const Route& route : heur.routes) r.push_back(route.visits);
      return r;
    }());
    EXPECT_NEAR(re.objective, heur.objective, 1e-9) << "seed " << seed;
    if (!exact.feasible) {
      EXPECT_FALSE(heur.feasible) << "seed " << seed;
      continue;
    }
    ++a.total;
    EXPECT_LE(heur.objective, exact.objective + 1e-6) << "seed " << seed;
    if (heur.feasible && heur.objective >= exact.objective - 1e-6) ++a.matches;
  }
  std::cout << a.matches << " of " << a.total << " feasible instances solved to the optimum\n";
  return a;
}

TEST(CoreExact, HeuristicReachesTheOptimumOnOrienteeringInstances) {
  const Agreement a = compare_with_exact(op_like, 1000, 200, 5000);
  EXPECT_EQ(a.total, 200);
  EXPECT_GE(a.matches * 100, a.total * 98) << a.matches << " of " << a.total;
}

TEST(CoreExact, HeuristicReachesTheOptimumWithWindowsAndTwoVehicles) {
  const int count = flyorcall::testing::by_build(200, 60);
  const Agreement a = compare_with_exact(windows_two_vehicles, 5000, count, -1);
  EXPECT_GE(a.total, count * 3 / 4); // a few random instances have no feasible answer
  EXPECT_GE(a.matches * 100, a.total * 98) << a.matches << " of " << a.total;
}

// Every subset in every order, priced by MatrixEvaluator: the exact solver's reference.
double brute_force_one_vehicle(const RoutingProblem& p) {
  const MatrixEvaluator eval(p);
  const std::vector<int> cands = p.candidates();
  const int n = static_cast<int>(cands.size());
  double best = -kNoLimit;
  for (unsigned mask = 0; mask < (1u << n); ++mask) {
    std::vector<int> r;
    for (int k = 0; k < n; ++k)
      if (mask & (1u << k)) r.push_back(cands[static_cast<std::size_t>(k)]);
    do {
      const Solution s = make_solution(p, eval, {r});
      if (s.feasible) best = std::max(best, s.objective);
    } while (std::next_permutation(r.begin(), r.end()));
  }
  return best;
}

TEST(CoreExact, AgreesWithBruteForceOnTinyInstancesWithWindows) {
  for (std::uint64_t seed = 1; seed <= 30; ++seed) {
    Rng rng(seed);
    RoutingProblem p = random_points(rng, 7, 1.0);
    p.cost_weight = 0.1;
    for (int i = 1; i < 7; ++i) {
      Node& node = p.nodes[static_cast<std::size_t>(i)];
      node.prize = rng.between(1, 30);
      node.service = rng.between(0, 10);
      if (rng.below(2)) node.windows = {{50.0 * rng.unit(), 60 + 80 * rng.unit()}, {200, 260}};
    }
    Vehicle v;
    v.max_duration = 150 + 150 * rng.unit();
    p.vehicles.push_back(v);
    const Solution exact = solve_exact(p);
    ASSERT_TRUE(exact.feasible);
    EXPECT_NEAR(exact.objective, brute_force_one_vehicle(p), 1e-9) << "seed " << seed;
  }
}

TEST(CoreExact, ReportsInfeasibleMandatoryNodes) {
  Rng rng(3);
  RoutingProblem p = random_points(rng, 4, 1.0);
  p.nodes[2].mandatory = true;
  p.nodes[2].windows = {{0, 1}}; // closes before anyone can arrive
  p.travel_time(0, 2) = p.travel_time(2, 0) = 5;
  p.vehicles.push_back(Vehicle{});
  const Solution exact = solve_exact(p);
  EXPECT_FALSE(exact.feasible);
  EXPECT_FALSE(solve(p, iterations(50)).solution.feasible);
}

TEST(CoreExact, RefusesTooManyCandidates) {
  Rng rng(1);
  RoutingProblem p = random_points(rng, kExactMaxCandidates + 2, 1.0);
  p.vehicles.push_back(Vehicle{});
  EXPECT_THROW((void)solve_exact(p), std::invalid_argument);
}

RoutingProblem tsp_problem(const Eigen::MatrixXd& d) {
  RoutingProblem p;
  p.nodes.resize(static_cast<std::size_t>(d.rows()));
  for (Node& n : p.nodes) n.mandatory = true;
  p.travel_time = d;
  p.travel_cost = d;
  p.cost_weight = 1;
  p.vehicles.push_back(Vehicle{});
  return p;
}

constexpr const char* kBurma14 = R"(NAME: burma14
TYPE: TSP
DIMENSION: 14
EDGE_WEIGHT_TYPE: GEO
EDGE_WEIGHT_FORMAT: FUNCTION
DISPLAY_DATA_TYPE: COORD_DISPLAY
NODE_COORD_SECTION
1 16.47 96.10
2 16.47 94.44
3 20.09 92.54
4 22.39 93.37
5 25.23 97.24
6 22.00 96.05
7 20.47 97.02
8 17.20 96.29
9 16.30 97.38
10 14.05 98.12
11 16.53 97.38
12 21.52 95.59
13 19.41 97.13
14 20.09 94.55
EOF
)";

constexpr const char* kGr17 = R"(NAME: gr17
TYPE: TSP
DIMENSION: 17
EDGE_WEIGHT_TYPE: EXPLICIT
EDGE_WEIGHT_FORMAT: LOWER_DIAG_ROW
EDGE_WEIGHT_SECTION
 0 633 0 257 390 0 91 661 228 0 412 227
 169 383 0 150 488 112 120 267 0 80 572 196
 77 351 63 0 134 530 154 105 309 34 29 0
 259 555 372 175 338 264 232 249 0 505 289 262
 476 196 360 444 402 495 0 353 282 110 324 61
 208 292 250 352 154 0 324 638 437 240 421 329
 297 314 95 578 435 0 70 567 191 27 346 83
 47 68 189 439 287 254 0 211 466 74 182 243
 105 150 108 326 336 184 391 145 0 268 420 53
 239 199 123 207 165 383 240 140 448 202 57 0
 246 745 472 237 528 364 332 349 202 685 542 157
 289 426 483 0 121 518 142 84 297 35 29 36
 236 390 238 301 55 96 153 336 0
EOF
)";

Eigen::MatrixXd read_literal(const char* text) {
  std::istringstream in(text);
  return bench::read_tsplib(in, "literal").dist;
}

TEST(CoreTsp, FindsTheTsplibOptimaOfBurma14AndGr17) {
  const SolveResult burma = solve(tsp_problem(read_literal(kBurma14)), iterations(3000));
  EXPECT_EQ(burma.method, Method::tsp);
  EXPECT_TRUE(burma.solution.feasible);
  EXPECT_DOUBLE_EQ(burma.solution.cost, 3323);
  const SolveResult gr17 = solve(tsp_problem(read_literal(kGr17)), iterations(3000));
  EXPECT_TRUE(gr17.solution.feasible);
  EXPECT_DOUBLE_EQ(gr17.solution.cost, 2085);
}

TEST(CoreTsp, MatchesBruteForceOnTenPoints) {
  Rng rng(42);
  const RoutingProblem p = tsp_problem(random_points(rng, 10, 1.0).travel_time);
  // Brute force over the orders of nodes 1..9 (node 0 fixed).
  std::vector<int> order(9);
  std::iota(order.begin(), order.end(), 1);
  double best = kNoLimit;
  do {
    double len = p.travel_cost(0, order.front()) + p.travel_cost(order.back(), 0);
    for (std::size_t i = 0; i + 1 < order.size(); ++i) len += p.travel_cost(order[i], order[i + 1]);
    best = std::min(best, len);
  } while (std::next_permutation(order.begin(), order.end()));
  EXPECT_NEAR(solve(p, iterations(2000)).solution.cost, best, 1e-9);
  EXPECT_NEAR(solve_exact(p).cost, best, 1e-9);
}

TEST(CoreTsp, TinyTours) {
  Eigen::MatrixXd d(3, 3);
  d << 0, 1, 2, 1, 0, 3, 2, 3, 0;
  const TspResult r = solve_tsp(d, iterations(10));
  EXPECT_EQ(r.tour, (std::vector<int>{0, 1, 2}));
  EXPECT_DOUBLE_EQ(r.length, 6);
}

TEST(CoreSolve, SameSeedSameResult) {
  Rng rng(7);
  const RoutingProblem tsp = tsp_problem(random_points(rng, 60, 1.0).travel_time);
  const RoutingProblem op = op_like(77);
  const RoutingProblem general = windows_two_vehicles(99);
  for (const RoutingProblem* p : {&tsp, &op, &general}) {
    const Solution a = solve(*p, iterations(200, 5)).solution;
    const Solution b = solve(*p, iterations(200, 5)).solution;
    ASSERT_EQ(a.routes.size(), b.routes.size());
    for (std::size_t v = 0; v < a.routes.size(); ++v)
      EXPECT_EQ(a.routes[v].visits, b.routes[v].visits);
    EXPECT_EQ(a.objective, b.objective);
  }
}

TEST(CoreSolve, ExpiredDeadlineStillGivesAValidSolution) {
  Rng rng(8);
  const RoutingProblem tsp = tsp_problem(random_points(rng, 80, 1.0).travel_time);
  const RoutingProblem op = op_like(8);
  const RoutingProblem general = windows_two_vehicles(5003);
  SearchLimits l;
  l.deadline = Deadline::expired_now();
  for (const RoutingProblem* p : {&tsp, &op, &general}) {
    const SolveResult r = solve(*p, l);
    EXPECT_EQ(r.iterations, 0);
    std::vector<std::vector<int>> routes;
    for (const Route& route : r.solution.routes) routes.push_back(route.visits);
    const Solution again = make_solution(*p, routes);
    EXPECT_EQ(again.feasible, r.solution.feasible);
    EXPECT_NEAR(again.objective, r.solution.objective, 1e-9);
  }
  const Solution s = solve(tsp, l).solution;
  EXPECT_TRUE(s.feasible);
  EXPECT_TRUE(s.unserved.empty());
  EXPECT_TRUE(solve(op, l).solution.feasible);
}

TEST(CoreSolve, ChoosesTheMethodByShape) {
  Rng rng(9);
  EXPECT_EQ(choose_method(tsp_problem(random_points(rng, 10, 1.0).travel_time)), Method::tsp);
  EXPECT_EQ(choose_method(op_like(3)), Method::orienteering);
  EXPECT_EQ(choose_method(windows_two_vehicles(3)), Method::general);
  RoutingProblem op = op_like(3);
  op.nodes[4].windows = {{0, 50}};
  EXPECT_EQ(choose_method(op), Method::general);
  EXPECT_EQ(method_name(Method::orienteering), "orienteering");
}

TEST(CoreProblem, CheckNamesWhatIsWrong) {
  const RoutingProblem p = op_like(1);
  EXPECT_EQ(p.check(), "");
  RoutingProblem q = p;
  q.travel_cost.resize(2, 2);
  EXPECT_EQ(q.check(),
            "travel_cost must be " + std::to_string(p.size()) + "x" + std::to_string(p.size()));
  q = p;
  q.vehicles[0].end = 99;
  EXPECT_EQ(q.check(), "vehicle 0: start or end is not a location");
  q = p;
  q.nodes[3].windows = {{10, 5}};
  EXPECT_EQ(q.check(), "node 3: window 0 opens after it closes");
  q = p;
  q.nodes[3].vehicles = {2};
  EXPECT_EQ(q.check(), "node 3: unknown vehicle 2");
  q = p;
  q.vehicles.clear();
  EXPECT_EQ(q.check(), "at least one vehicle is needed");
}

TEST(CoreProblem, EvaluatorWaitsForWindowsAndUsesTheFirstThatFits) {
  RoutingProblem p;
  p.nodes.resize(2);
  p.nodes[1].service = 10;
  p.nodes[1].windows = {{0, 15}, {30, 60}};
  p.travel_time = Eigen::MatrixXd::Constant(2, 2, 10);
  p.travel_cost = Eigen::MatrixXd::Constant(2, 2, 3);
  p.vehicles.push_back(Vehicle{});
  const std::vector<int> r{1};
  // Arrives at 10: 10 + 10 > 15, so it waits for 30; ends at 40, back at 50.
  const RouteEval e = MatrixEvaluator(p).evaluate(0, r);
  EXPECT_TRUE(e.feasible);
  EXPECT_DOUBLE_EQ(e.duration, 50);
  EXPECT_DOUBLE_EQ(e.cost, 6);
  p.vehicles[0].max_duration = 49;
  EXPECT_FALSE(MatrixEvaluator(p).evaluate(0, r).feasible);
}

// The extension point: a caller's evaluator (here: node 2 may not follow node 1 directly).
struct NoTwoAfterOne {
  MatrixEvaluator base;
  RouteEval evaluate(int vehicle, std::span<const int> visits) const {
    RouteEval e = base.evaluate(vehicle, visits);
    for (std::size_t i = 0; i + 1 < visits.size(); ++i)
      if (visits[i] == 1 && visits[i + 1] == 2) e.feasible = false;
    return e;
  }
};

TEST(CoreSolve, GeneralSearchUsesTheCallersEvaluator) {
  // Nodes on a line 0 - 1 - 2 - 3: the natural order 1, 2, 3 is forbidden.
  RoutingProblem p;
  p.nodes.resize(4);
  p.travel_time.resize(4, 4);
  for (int i = 0; i < 4; ++i)
    for (int j = 0; j < 4; ++j) p.travel_time(i, j) = std::abs(i - j);
  p.travel_cost = p.travel_time;
  p.cost_weight = 1;
  for (std::size_t i = 1; i < 4; ++i) {
    p.nodes[i].prize = 100;
    p.nodes[i].mandatory = true;
  }
  p.vehicles.push_back(Vehicle{});
  const NoTwoAfterOne eval{MatrixEvaluator(p)};
  const Solution s = solve_general(p, eval, iterations(100));
  ASSERT_TRUE(s.feasible);
  const std::vector<int>& v = s.routes[0].visits;
  ASSERT_EQ(v.size(), 3u);
  for (std::size_t i = 0; i + 1 < v.size(); ++i) EXPECT_FALSE(v[i] == 1 && v[i + 1] == 2);
  // The reverse order 3, 2, 1 is allowed and costs 6, as much as the forbidden 1, 2, 3.
  EXPECT_DOUBLE_EQ(s.cost, 6);
}

} // namespace
} // namespace flyorcall::optimize::core
