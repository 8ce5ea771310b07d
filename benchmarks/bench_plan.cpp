// Planning the built-in default example end to end (network build, routes, costs, plan), and
// reading it, so regressions in either show separately.
#include <benchmark/benchmark.h>

#include "flyorcall/flyorcall.hpp"
#include "model/embedded_data.hpp"

namespace {

void BM_ReadDefaultExample(benchmark::State& state) {
  for (auto _ : state) {
    auto input = flyorcall::read_input(flyorcall::data::default_json);
    benchmark::DoNotOptimize(input);
  }
}
BENCHMARK(BM_ReadDefaultExample)->Unit(benchmark::kMillisecond);

void BM_PlanDefaultExample(benchmark::State& state) {
  const flyorcall::Input input = flyorcall::read_input(flyorcall::data::default_json);
  for (auto _ : state) {
    auto plan = flyorcall::plan_quarter(input);
    benchmark::DoNotOptimize(plan);
  }
  state.counters["clients"] = static_cast<double>(input.clients.size());
}
BENCHMARK(BM_PlanDefaultExample)->Unit(benchmark::kMillisecond);

void BM_PlanAndWriteDefaultExample(benchmark::State& state) {
  const flyorcall::Input input = flyorcall::read_input(flyorcall::data::default_json);
  for (auto _ : state) {
    const auto plan = flyorcall::plan_quarter(input);
    auto text = flyorcall::plan_to_json(plan, input);
    benchmark::DoNotOptimize(text);
  }
}
BENCHMARK(BM_PlanAndWriteDefaultExample)->Unit(benchmark::kMillisecond);

} // namespace

namespace {

// The multi-client quarter planner (--method search) on the same input.
void BM_PlanDefaultExampleSearch(benchmark::State& state) {
  const flyorcall::Input input = flyorcall::read_input(flyorcall::data::default_json);
  for (auto _ : state) {
    auto plan = flyorcall::plan_quarter(input, flyorcall::PlanMethod::search);
    benchmark::DoNotOptimize(plan);
  }
  state.counters["clients"] = static_cast<double>(input.clients.size());
}
BENCHMARK(BM_PlanDefaultExampleSearch)->Unit(benchmark::kMillisecond);

} // namespace
