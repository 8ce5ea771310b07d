// What-if and batch throughput: planning 20 scenarios of the default example, and planning 50
// inputs end to end (read, plan, write JSON), each with 1 and 2 worker threads. Wall-clock time,
// since the work runs on threads.
#include <memory>
#include <optional>
#include <string>
#include <vector>

#include <benchmark/benchmark.h>

#include "flyorcall/flyorcall.hpp"
#include "io/scenario.hpp"
#include "model/embedded_data.hpp"
#include "optimize/parallel.hpp"
#include "report/compare.hpp"

namespace {

namespace fyc = flyorcall;

/// 20 scenarios: a carbon-price sweep 0, 10, ..., 190 on the default example.
std::vector<fyc::io::Scenario> twenty_scenarios() {
  return fyc::io::apply_sweep(fyc::data::default_json,
                              fyc::io::parse_sweep("/policy/carbon_price_per_t=0:190:10"));
}

void BM_Compare20Scenarios(benchmark::State& state) {
  const auto jobs = static_cast<unsigned>(state.range(0));
  const fyc::Input base = fyc::read_input(fyc::data::default_json);
  std::vector<fyc::Input> inputs;
  for (const auto& s : twenty_scenarios()) inputs.push_back(fyc::read_input(s.document));
  for (auto _ : state) {
    std::vector<std::optional<fyc::Plan>> plans(inputs.size() + 1);
    fyc::optimize::parallel_for(plans.size(), jobs, [&](std::size_t k) {
      plans[k] = fyc::plan_quarter(k == 0 ? base : inputs[k - 1]);
    });
    std::vector<fyc::report::ScenarioPlan> list;
    for (std::size_t i = 0; i < inputs.size(); ++i)
      list.push_back({"s", std::nullopt, &inputs[i], std::move(plans[i + 1]), "", ""});
    auto c = fyc::report::compare("default", base, *plans[0], list, std::nullopt);
    benchmark::DoNotOptimize(c);
  }
  state.counters["scenarios"] = static_cast<double>(inputs.size());
}
BENCHMARK(BM_Compare20Scenarios)->Arg(1)->Arg(2)->Unit(benchmark::kMillisecond)->UseRealTime();

/// 50 input documents: the default example with varied seeds and carbon prices.
std::vector<std::string> fifty_inputs() {
  std::vector<std::string> docs;
  for (int i = 0; i < 50; ++i) {
    const auto s = fyc::io::apply_assignments(
        fyc::data::default_json,
        {fyc::io::parse_assignment("/seed=" + std::to_string(100 + i)),
         fyc::io::parse_assignment("/policy/carbon_price_per_t=" + std::to_string(10 * (i % 20)))},
        "input");
    docs.push_back(s.document);
  }
  return docs;
}

void BM_Batch50Inputs(benchmark::State& state) {
  const auto jobs = static_cast<unsigned>(state.range(0));
  const auto docs = fifty_inputs();
  for (auto _ : state) {
    std::vector<std::string> out(docs.size());
    fyc::optimize::parallel_for(docs.size(), jobs, [&](std::size_t i) {
      const fyc::Input in = fyc::read_input(docs[i]);
      out[i] = fyc::plan_to_json(fyc::plan_quarter(in));
    });
    benchmark::DoNotOptimize(out);
  }
  state.counters["inputs/s"] = benchmark::Counter(
      static_cast<double>(docs.size() * static_cast<std::size_t>(state.iterations())),
      benchmark::Counter::kIsRate);
}
BENCHMARK(BM_Batch50Inputs)->Arg(1)->Arg(2)->Unit(benchmark::kMillisecond)->UseRealTime();

} // namespace
