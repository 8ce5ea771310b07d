// Planning the built-in default example end to end (network build, routes, costs, plan), and
// reading it, so regressions in either show separately.
#include <benchmark/benchmark.h>

#include <fstream>
#include <string>

#include "flyorcall/flyorcall.hpp"
#include "model/embedded_data.hpp"
#include "support/synthetic_input.hpp"

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
    auto text = flyorcall::plan_to_json(plan);
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

namespace {

// How planning grows with the number of clients: synthetic quarters on the default network with
// 5 travellers (tests/support/synthetic_input.hpp), 25 to 500 clients. The time limit is a far
// safety cap (3600 s): the search stops on its counted work (policy.effort), so `cut` must be 0.
// Counters: `net` and `trips` of the timed plan; `peak_mb`, the process's peak resident memory
// while planning (Linux: VmHWM after resetting it through /proc/self/clear_refs); and for the
// search `net_10x`, the net of the same input at effort 5 (ten times the default effort's work,
// docs/optimizer.md "Effort", planned once after the timed runs) and `gap_pct`, how far the
// default's net is below it.
long peak_rss_kb() {
  std::ifstream status("/proc/self/status");
  std::string line;
  while (std::getline(status, line))
    if (line.rfind("VmHWM:", 0) == 0) return std::stol(line.substr(6));
  return -1;
}

void reset_peak_rss() {
  std::ofstream("/proc/self/clear_refs") << "5";
}

bool cut_by_time(const flyorcall::Plan& plan) {
  for (const std::string& n : plan.notes)
    if (n.find("time limit") != std::string::npos) return true;
  return false;
}

void plan_scaling(benchmark::State& state, flyorcall::PlanMethod method) {
  const auto clients = static_cast<std::size_t>(state.range(0));
  flyorcall::Input input = flyorcall::read_input(flyorcall::synthetic::synthetic_input_json(
      {.clients = clients, .travellers = 5, .time_limit_s = 3600.0}));
  flyorcall::Plan plan;
  reset_peak_rss();
  for (auto _ : state) {
    plan = flyorcall::plan_quarter(input, method);
    benchmark::DoNotOptimize(plan);
  }
  const long peak = peak_rss_kb();
  state.counters["clients"] = static_cast<double>(clients);
  state.counters["net_eur"] = static_cast<double>(plan.totals.net.count()) / 100.0;
  state.counters["trips"] = plan.totals.trips;
  state.counters["visits"] = plan.totals.visits;
  state.counters["cut"] = cut_by_time(plan) ? 1 : 0;
  state.counters["peak_mb"] = peak < 0 ? -1.0 : static_cast<double>(peak) / 1024.0;
  if (method != flyorcall::PlanMethod::search) return;
  input.policy.effort = 5;
  const flyorcall::Plan more = flyorcall::plan_quarter(input, method);
  state.counters["net_10x_eur"] = static_cast<double>(more.totals.net.count()) / 100.0;
  state.counters["gap_pct"] =
      more.totals.net.count() == 0
          ? 0.0
          : 100.0 * static_cast<double>(more.totals.net.count() - plan.totals.net.count()) /
                static_cast<double>(more.totals.net.count());
  state.counters["cut_10x"] = cut_by_time(more) ? 1 : 0;
}

void BM_PlanScalingGreedy(benchmark::State& state) {
  plan_scaling(state, flyorcall::PlanMethod::greedy);
}
BENCHMARK(BM_PlanScalingGreedy)
    ->Arg(25)
    ->Arg(50)
    ->Arg(100)
    ->Arg(250)
    ->Arg(500)
    ->Unit(benchmark::kMillisecond);

void BM_PlanScalingSearch(benchmark::State& state) {
  plan_scaling(state, flyorcall::PlanMethod::search);
}
BENCHMARK(BM_PlanScalingSearch)
    ->Arg(25)
    ->Arg(50)
    ->Arg(100)
    ->Arg(250)
    ->Arg(500)
    ->Iterations(1)
    ->Unit(benchmark::kMillisecond);

} // namespace

namespace {

// The exact solver (--method exact) on the default example's first 6 to 12 clients (a 13-week
// quarter, trips of up to 10 days): pricing every order of every set of clients dominates.
void BM_PlanExactDefaultClients(benchmark::State& state) {
  flyorcall::Input input = flyorcall::read_input(flyorcall::data::default_json);
  input.clients.resize(static_cast<std::size_t>(state.range(0)));
  flyorcall::Plan plan;
  for (auto _ : state) {
    plan = flyorcall::plan_quarter(input, flyorcall::PlanMethod::exact);
    benchmark::DoNotOptimize(plan);
  }
  state.counters["clients"] = static_cast<double>(input.clients.size());
  state.counters["net_eur"] = static_cast<double>(plan.totals.net.count()) / 100.0;
}
BENCHMARK(BM_PlanExactDefaultClients)
    ->DenseRange(6, 12, 2)
    ->Iterations(1)
    ->Unit(benchmark::kMillisecond);

} // namespace
