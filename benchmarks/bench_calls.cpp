// Call-slot search: the best weekly slot and the scoring of every dated start for eight
// participants (a half-hour zone, a quarter-hour zone, both hemispheres) over a quarter at a
// 15-minute resolution; and the fair rotation of a weekly series.
#include <benchmark/benchmark.h>

#include <string>
#include <vector>

#include "time/calls.hpp"
#include "time/holidays.hpp"
#include "time/working_hours.hpp"
#include "time/zones.hpp"

namespace {

namespace tz = flyorcall::timez;
using flyorcall::Date;
using flyorcall::DateRange;

const DateRange kQuarter{Date{date::year{2027} / 1 / 1}, Date{date::year{2027} / 3 / 31}};

std::vector<tz::CallParticipant> eight() {
  struct Spec {
    const char* name;
    const char* zone;
    const char* country;
    const char* hours;
    double weight;
  };
  const std::vector<Spec> specs = {
      {"client-tokyo", "Asia/Tokyo", "JP", "09:00-18:00", 3},
      {"me", "Europe/Berlin", "DE", "09:00-17:30", 1},
      {"client-ny", "America/New_York", "US", "Mon-Thu 08:00-16:00,Fri 08:00-13:00", 3},
      {"pune", "Asia/Kolkata", "IN", "10:00-18:30", 1},
      {"sydney", "Australia/Sydney", "AU", "08:30-17:00", 2},
      {"kathmandu", "Asia/Kathmandu", "NP", "Sun-Thu 10:00-17:00", 1},
      {"sao-paulo", "America/Sao_Paulo", "BR", "09:00-18:00", 2},
      {"london", "Europe/London", "GB", "09:00-17:30", 1}};
  const DateRange wide{kQuarter.first - date::days{3}, kQuarter.last + date::days{3}};
  std::vector<tz::CallParticipant> parts;
  for (const auto& s : specs) {
    tz::CallParticipant p;
    p.name = s.name;
    p.zone = tz::find_zone(s.zone);
    p.hours = std::get<flyorcall::WorkingHours>(tz::parse_working_hours(s.hours));
    if (auto cal = tz::country_calendar(s.country, wide)) p.calendar = cal->calendar;
    p.weight = s.weight;
    parts.push_back(std::move(p));
  }
  return parts;
}

void BM_BestWeeklySlot8Quarter(benchmark::State& state) {
  const auto parts = eight();
  for (auto _ : state) {
    auto slot = tz::best_weekly_slot(parts, kQuarter, 60, 15);
    benchmark::DoNotOptimize(slot);
  }
}
BENCHMARK(BM_BestWeeklySlot8Quarter)->Unit(benchmark::kMillisecond);

void BM_ScoreAllStarts8Quarter(benchmark::State& state) {
  const auto parts = eight();
  for (auto _ : state) {
    auto all = tz::score_all_starts(parts, kQuarter, 60, 15);
    benchmark::DoNotOptimize(all);
  }
}
BENCHMARK(BM_ScoreAllStarts8Quarter)->Unit(benchmark::kMillisecond);

void BM_BestStarts8Quarter(benchmark::State& state) {
  const auto parts = eight();
  for (auto _ : state) {
    auto top = tz::best_starts(parts, kQuarter, 60, 10, 15);
    benchmark::DoNotOptimize(top);
  }
}
BENCHMARK(BM_BestStarts8Quarter)->Unit(benchmark::kMillisecond);

void BM_RotateWeekly8Quarter(benchmark::State& state) {
  const auto parts = eight();
  for (auto _ : state) {
    auto rot = tz::rotate_weekly_slots(parts, kQuarter, 60, 4, 15);
    benchmark::DoNotOptimize(rot);
  }
}
BENCHMARK(BM_RotateWeekly8Quarter)->Unit(benchmark::kMillisecond);

} // namespace
