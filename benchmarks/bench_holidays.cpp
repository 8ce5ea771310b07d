// Public holidays: parsing the embedded rule files, one country-year, and a quarter's business
// calendar for every country with rules (what a planner asks per client country).
#include <benchmark/benchmark.h>

#include "model/embedded_data.hpp"
#include "network/world_data.hpp"
#include "time/holidays.hpp"

namespace {

using namespace flyorcall;

void BM_ParseEmbeddedRules(benchmark::State& state) {
  const auto& countries = network::default_world().countries;
  for (auto _ : state) {
    auto rules =
        timez::HolidayRules::parse({{"data/holidays_core.csv", data::holidays_core_csv},
                                    {"data/holidays_europe.csv", data::holidays_europe_csv},
                                    {"data/holidays_americas.csv", data::holidays_americas_csv},
                                    {"data/holidays_asia.csv", data::holidays_asia_csv}},
                                   countries);
    benchmark::DoNotOptimize(rules);
  }
}
BENCHMARK(BM_ParseEmbeddedRules);

void BM_HolidaysInYear(benchmark::State& state) {
  const auto codes = timez::holiday_countries();
  for (auto _ : state) {
    std::size_t n = 0;
    for (const auto& c : codes) n += timez::holidays_in_year(c, 2027)->holidays.size();
    benchmark::DoNotOptimize(n);
  }
  state.SetItemsProcessed(state.iterations() * static_cast<std::int64_t>(codes.size()));
}
BENCHMARK(BM_HolidaysInYear);

void BM_QuarterCalendar(benchmark::State& state) {
  const auto codes = timez::holiday_countries();
  const DateRange q{Date{date::year{2027} / 1 / 1}, Date{date::year{2027} / 3 / 31}};
  for (auto _ : state) {
    int open = 0;
    for (const auto& c : codes) {
      const auto cal = timez::country_calendar(c, q);
      open += cal->calendar.is_business_day(q.first) ? 1 : 0;
    }
    benchmark::DoNotOptimize(open);
  }
  state.SetItemsProcessed(state.iterations() * static_cast<std::int64_t>(codes.size()));
}
BENCHMARK(BM_QuarterCalendar);

} // namespace
