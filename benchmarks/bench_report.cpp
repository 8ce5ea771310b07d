// The quarterly trip report of the built-in default example: reading its plan JSON back, building
// the report data, and rendering each format, so that a regression in any step shows on its own.
#include <benchmark/benchmark.h>

#include <string>

#include "flyorcall/flyorcall.hpp"
#include "io/plan_reader.hpp"
#include "model/embedded_data.hpp"
#include "network/network.hpp"
#include "report/trip_report.hpp"

namespace {

namespace fyc = flyorcall;

const fyc::Input& example_input() {
  static const fyc::Input input = fyc::read_input(fyc::data::default_json);
  return input;
}

const std::string& example_plan_json() {
  static const std::string text = fyc::plan_to_json(fyc::plan_quarter(example_input()));
  return text;
}

fyc::report::Report build_report() {
  const auto net = fyc::network::Network::build(example_input());
  return fyc::report::make_report(fyc::io::read_plan(example_plan_json()), net.cities(),
                                  net.countries(), &example_input());
}

const fyc::report::Report& example_report() {
  static const fyc::report::Report r = build_report();
  return r;
}

void BM_ReadPlanJson(benchmark::State& state) {
  for (auto _ : state) {
    auto doc = fyc::io::read_plan(example_plan_json());
    benchmark::DoNotOptimize(doc);
  }
  state.SetBytesProcessed(static_cast<std::int64_t>(state.iterations()) *
                          static_cast<std::int64_t>(example_plan_json().size()));
}
BENCHMARK(BM_ReadPlanJson)->Unit(benchmark::kMicrosecond);

void BM_BuildReport(benchmark::State& state) {
  for (auto _ : state) {
    auto r = build_report();
    benchmark::DoNotOptimize(r);
  }
}
BENCHMARK(BM_BuildReport)->Unit(benchmark::kMicrosecond);

template <std::string (*Render)(const fyc::report::Report&)>
void BM_Render(benchmark::State& state) {
  const fyc::report::Report& r = example_report();
  std::size_t bytes = 0;
  for (auto _ : state) {
    const std::string text = Render(r);
    bytes = text.size();
    benchmark::DoNotOptimize(text.data());
  }
  state.counters["bytes"] = static_cast<double>(bytes);
}
BENCHMARK(BM_Render<fyc::report::report_html>)
    ->Name("BM_RenderHtml")
    ->Unit(benchmark::kMicrosecond);
BENCHMARK(BM_Render<fyc::report::report_markdown>)
    ->Name("BM_RenderMarkdown")
    ->Unit(benchmark::kMicrosecond);
BENCHMARK(BM_Render<fyc::report::report_csv>)->Name("BM_RenderCsv")->Unit(benchmark::kMicrosecond);

} // namespace
