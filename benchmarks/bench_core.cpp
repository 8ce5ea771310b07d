// The optimizer core on generated instances with a fixed iteration budget (never a time
// limit), so that a slower search shows as a regression: TSP, orienteering and the general
// search with windows and two vehicles.
#include <benchmark/benchmark.h>

#include <cmath>
#include <string>

#include "optimize/core/solver.hpp"

namespace {

using namespace flyorcall::optimize::core;

RoutingProblem points(int n, std::uint64_t seed) {
  Rng rng(seed);
  std::vector<double> x(static_cast<std::size_t>(n));
  std::vector<double> y(static_cast<std::size_t>(n));
  for (std::size_t i = 0; i < x.size(); ++i) {
    x[i] = 1000 * rng.unit();
    y[i] = 1000 * rng.unit();
  }
  RoutingProblem p;
  p.nodes.resize(static_cast<std::size_t>(n));
  p.travel_time.resize(n, n);
  for (int i = 0; i < n; ++i)
    for (int j = 0; j < n; ++j) {
      const auto a = static_cast<std::size_t>(i);
      const auto b = static_cast<std::size_t>(j);
      p.travel_time(i, j) = std::hypot(x[a] - x[b], y[a] - y[b]);
    }
  p.travel_cost = p.travel_time;
  return p;
}

SearchLimits budget(long long iterations) {
  SearchLimits l;
  l.seed = 1;
  l.max_iterations = iterations;
  l.stagnation = iterations; // the iteration cap, not stagnation, ends the run
  return l;
}

void BM_Tsp(benchmark::State& state) {
  const int n = static_cast<int>(state.range(0));
  RoutingProblem p = points(n, 11);
  for (Node& node : p.nodes) node.mandatory = true;
  p.cost_weight = 1;
  p.vehicles.push_back(Vehicle{});
  double length = 0;
  for (auto _ : state) {
    SolveResult r = solve(p, budget(2000));
    // The result object, not the double: "+r" constraints on doubles misbehave with GCC.
    benchmark::DoNotOptimize(r);
    length = r.solution.cost;
  }
  state.SetLabel("length " + std::to_string(length));
}
BENCHMARK(BM_Tsp)->Arg(50)->Arg(100)->Arg(200)->Unit(benchmark::kMillisecond);

void BM_Orienteering(benchmark::State& state) {
  const int n = static_cast<int>(state.range(0));
  RoutingProblem p = points(n, 12);
  Rng rng(5);
  for (std::size_t i = 2; i < p.nodes.size(); ++i) p.nodes[i].prize = rng.between(1, 10);
  Vehicle v;
  v.start = 0;
  v.end = 1;
  v.max_duration = 3000;
  p.vehicles.push_back(v);
  double score = 0;
  for (auto _ : state) {
    SolveResult r = solve(p, budget(500));
    // The result object, not the double: "+r" constraints on doubles misbehave with GCC.
    benchmark::DoNotOptimize(r);
    score = r.solution.prize;
  }
  state.SetLabel("score " + std::to_string(score));
}
BENCHMARK(BM_Orienteering)->Arg(50)->Arg(100)->Arg(200)->Unit(benchmark::kMillisecond);

void BM_GeneralWindowsTwoVehicles(benchmark::State& state) {
  const int n = static_cast<int>(state.range(0));
  RoutingProblem p = points(n, 13);
  Rng rng(6);
  p.cost_weight = 0.01;
  for (std::size_t i = 1; i < p.nodes.size(); ++i) {
    Node& node = p.nodes[i];
    node.prize = rng.between(5, 50);
    node.service = 60;
    const double day = 1440.0 * rng.between(0, 4);
    node.windows = {{day + 480, day + 1080}};
  }
  for (int k = 0; k < 2; ++k) {
    Vehicle v;
    v.latest_end = 5 * 1440;
    p.vehicles.push_back(v);
  }
  double objective = 0;
  for (auto _ : state) {
    SolveResult r = solve(p, budget(50));
    // The result object, not the double: "+r" constraints on doubles misbehave with GCC.
    benchmark::DoNotOptimize(r);
    objective = r.solution.objective;
  }
  state.SetLabel("objective " + std::to_string(objective));
}
BENCHMARK(BM_GeneralWindowsTwoVehicles)->Arg(20)->Arg(50)->Unit(benchmark::kMillisecond);

} // namespace
