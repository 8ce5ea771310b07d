// Route search on the whole default world network: all-pairs matrices (what the planner asks
// for when every city is in play) and one best-route query.
#include <numeric>

#include <benchmark/benchmark.h>

#include "network/routes.hpp"

namespace {

using flyorcall::Input;
using flyorcall::network::Network;
using flyorcall::network::RouteFinder;
using flyorcall::network::RouteParams;

const Network& default_network() {
  static const Network net = Network::build(Input{});
  return net;
}

// All-pairs matrices over every city of the default network under `params`.
void all_pairs(benchmark::State& state, const RouteParams& params) {
  const auto& net = default_network();
  const RouteFinder finder(net, params);
  std::vector<int> cities(net.cities().size());
  std::iota(cities.begin(), cities.end(), 0);
  for (auto _ : state) {
    auto m = finder.matrices(cities);
    benchmark::DoNotOptimize(m.cost.data());
  }
  state.counters["cities"] = static_cast<double>(cities.size());
  state.counters["legs"] = static_cast<double>(net.legs().size());
}

void BM_AllPairsMatrices(benchmark::State& state) {
  all_pairs(state, RouteParams{});
}
BENCHMARK(BM_AllPairsMatrices)->Unit(benchmark::kMillisecond);

// A typical travel policy (business class on journeys over 6 h flying time) searches a second
// cabin layer for every long journey.
void BM_AllPairsMatricesBusinessAbove6h(benchmark::State& state) {
  RouteParams params;
  params.cabin.upgrade_above = flyorcall::Minutes(6 * 60);
  all_pairs(state, params);
}
BENCHMARK(BM_AllPairsMatricesBusinessAbove6h)->Unit(benchmark::kMillisecond);

void BM_BestRoute(benchmark::State& state) {
  const auto& net = default_network();
  const RouteFinder finder(net, RouteParams{});
  const int from = *net.find("FRA");
  const int to = *net.find("SIN");
  for (auto _ : state) {
    auto r = finder.best(from, to);
    benchmark::DoNotOptimize(r.generalised_cost);
  }
}
BENCHMARK(BM_BestRoute)->Unit(benchmark::kMicrosecond);

void BM_BuildDefaultNetwork(benchmark::State& state) {
  for (auto _ : state) {
    auto net = Network::build(Input{});
    benchmark::DoNotOptimize(net.legs().data());
  }
}
BENCHMARK(BM_BuildDefaultNetwork)->Unit(benchmark::kMillisecond);

} // namespace
