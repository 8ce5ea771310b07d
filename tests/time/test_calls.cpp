#include <gtest/gtest.h>

#include <algorithm>
#include <cmath>
#include <cstdint>
#include <limits>
#include <tuple>

#include "time/calls.hpp"
#include "time/zones.hpp"

using namespace std::chrono_literals;
using flyorcall::Date;
using flyorcall::DateRange;
using flyorcall::WorkingHours;
namespace tz = flyorcall::timez;

namespace {

Date d(int y, unsigned m, unsigned day) {
  return Date{date::year{y} / m / day};
}

tz::CallParticipant party(const std::string& zone, double weight, std::vector<Date> closed = {}) {
  tz::CallParticipant p;
  p.name = zone;
  p.zone = tz::find_zone(zone);
  p.hours = WorkingHours::office_default();
  p.calendar = tz::BusinessCalendar(flyorcall::kSatSun, std::move(closed));
  p.weight = weight;
  // A flat curve: every off-hours minute counts once, as the brute-force counts below assume;
  // the graded curve has its own tests (GradedCurve.*).
  p.curve.far = 1.0;
  p.curve.night = 1.0;
  return p;
}

// Off-hours minutes counted one minute at a time from the participant's zoned time: an
// implementation independent of offhours_minutes and of the slot search.
int brute_offhours(const tz::CallParticipant& p, date::sys_seconds start, int duration) {
  int off = 0;
  for (int m = 0; m < duration; ++m) {
    const auto local = date::make_zoned(p.zone, start + std::chrono::minutes{m}).get_local_time();
    const auto day = date::floor<date::days>(local);
    const auto minute = std::chrono::duration_cast<std::chrono::minutes>(local - day).count();
    const auto& hours = p.hours.days[date::weekday{day}.c_encoding()];
    if (!(hours.working() && minute >= hours.start_min && minute < hours.end_min)) ++off;
  }
  return off;
}

// Wall-clock minutes from an off-hours minute to the nearest worked minute, found by walking
// outwards one minute at a time (capped at half a day); 0 for a worked minute. Indexed by
// weekday c_encoding * 1440 + minute of day.
std::vector<int> brute_reach_table(const WorkingHours& hours) {
  const auto worked = [&](long m) {
    const long week = 7 * 1440;
    m = ((m % week) + week) % week;
    const auto& h = hours.days[static_cast<std::size_t>(m / 1440)];
    const long minute = m % 1440;
    return h.working() && minute >= h.start_min && minute < h.end_min;
  };
  std::vector<int> table(7 * 1440, 0);
  for (long m = 0; m < 7 * 1440; ++m) {
    if (worked(m)) continue;
    int dist = 1;
    while (dist < 720 && !worked(m + dist) && !worked(m - dist)) ++dist;
    table[static_cast<std::size_t>(m)] = dist;
  }
  return table;
}

long brute_reach(const tz::CallParticipant& p, const std::vector<int>& table,
                 date::sys_seconds start, int duration) {
  long reach = 0;
  for (int m = 0; m < duration; ++m) {
    const auto local = date::make_zoned(p.zone, start + std::chrono::minutes{m}).get_local_time();
    const auto day = date::floor<date::days>(local);
    const auto minute = std::chrono::duration_cast<std::chrono::minutes>(local - day).count();
    reach += table[date::weekday{day}.c_encoding() * 1440 + static_cast<std::size_t>(minute)];
  }
  return reach;
}

struct Brute {
  date::weekday weekday;
  int start = 0;
  double score = std::numeric_limits<double>::infinity();
  double reach = std::numeric_limits<double>::infinity();
};

// Every (weekday, start) of the grid, each date checked day by day.
Brute brute_force(const std::vector<tz::CallParticipant>& parts, DateRange range, int duration,
                  int grid) {
  std::vector<std::vector<int>> tables;
  for (const auto& p : parts) tables.push_back(brute_reach_table(p.hours));
  Brute best;
  for (unsigned w : {1u, 2u, 3u, 4u, 5u, 6u, 0u}) {
    for (int s = 0; s < 1440; s += grid) {
      double sum = 0;
      double reach = 0;
      int n = 0;
      for (Date day = range.first; day <= range.last; day += date::days{1}) {
        if (date::weekday{day} != date::weekday{w}) continue;
        // `earliest` only differs from the library's gap rule inside a spring-forward gap, and
        // those fall on Sundays, which every calendar in these tests closes.
        const auto start =
            date::make_zoned(parts[0].zone,
                             date::local_days{day.time_since_epoch()} + std::chrono::minutes{s},
                             date::choose::earliest)
                .get_sys_time();
        bool open = true;
        for (const auto& p : parts) {
          const auto local_day =
              date::floor<date::days>(date::make_zoned(p.zone, start).get_local_time());
          open = open && p.calendar.is_business_day(Date{local_day.time_since_epoch()});
        }
        if (!open) continue;
        for (std::size_t i = 0; i < parts.size(); ++i) {
          sum += parts[i].weight * brute_offhours(parts[i], start, duration);
          reach += parts[i].weight *
                   static_cast<double>(brute_reach(parts[i], tables[i], start, duration));
        }
        ++n;
      }
      if (n == 0) continue;
      const double score = sum / n;
      const double mean_reach = reach / n;
      if (score < best.score - 1e-9 ||
          (score <= best.score + 1e-9 && mean_reach < best.reach - 1e-9))
        best = {date::weekday{w}, s, score, mean_reach};
    }
  }
  return best;
}

} // namespace

TEST(Calls, OneParticipantGetsMondayAtTheStartOfTheDay) {
  // Ties (every in-hours start scores 0) go to the earliest weekday, then the earliest start.
  const auto slot = tz::best_weekly_slot({party("Europe/Berlin", 1.0, {d(2027, 1, 4)})},
                                         {d(2027, 1, 1), d(2027, 3, 31)}, 60);
  ASSERT_TRUE(slot);
  EXPECT_EQ(slot->weekday, date::Monday);
  EXPECT_EQ(slot->anchor_start_min, 9 * 60);
  EXPECT_EQ(slot->score, 0.0);
  // 13 Mondays in Q1 2027, one of them closed.
  EXPECT_EQ(slot->occurrences.size(), 12u);
  EXPECT_EQ(tz::to_local(slot->occurrences.front().start, tz::find_zone("Europe/Berlin")),
            date::local_days{date::year{2027} / 1 / 11} + 9h);
}

TEST(Calls, TokyoBerlinNewYorkMatchesBruteForce) {
  const std::vector<tz::CallParticipant> parts = {
      party("Asia/Tokyo", 2.0), party("Europe/Berlin", 3.0, {d(2027, 4, 2), d(2027, 4, 5)}),
      party("America/New_York", 3.0, {d(2027, 3, 17)})};
  const DateRange range{d(2027, 3, 1), d(2027, 4, 30)};
  const auto slot = tz::best_weekly_slot(parts, range, 60, 30);
  ASSERT_TRUE(slot);
  const Brute best = brute_force(parts, range, 60, 30);
  EXPECT_EQ(slot->weekday, best.weekday);
  EXPECT_EQ(slot->anchor_start_min, best.start);
  EXPECT_NEAR(slot->score, best.score, 1e-9);
  EXPECT_NEAR(slot->reach, best.reach, 1e-6);
  EXPECT_GT(slot->score, 0.0); // no common hour exists for all three offices
  // The recorded occurrences carry the same scores as the brute-force count.
  double sum = 0;
  for (const auto& occ : slot->occurrences) {
    for (std::size_t p = 0; p < parts.size(); ++p) {
      EXPECT_EQ(occ.offhours_min[p], brute_offhours(parts[p], occ.start, 60));
      sum += parts[p].weight * occ.offhours_min[p];
    }
  }
  EXPECT_NEAR(sum / static_cast<double>(slot->occurrences.size()), slot->score, 1e-9);
}

TEST(Calls, TokyoNewYorkMatchesBruteForceOnAFineGrid) {
  const std::vector<tz::CallParticipant> parts = {party("Asia/Tokyo", 1.0),
                                                  party("America/New_York", 3.0)};
  const DateRange range{d(2027, 2, 15), d(2027, 4, 15)};
  const auto slot = tz::best_weekly_slot(parts, range, 45, 15);
  ASSERT_TRUE(slot);
  const Brute best = brute_force(parts, range, 45, 15);
  EXPECT_EQ(slot->weekday, best.weekday);
  EXPECT_EQ(slot->anchor_start_min, best.start);
  EXPECT_NEAR(slot->score, best.score, 1e-9);
}

TEST(Calls, EqualOffHoursGoToTheSlotNearestTheOfficeDay) {
  // Frankfurt and Sydney share no office hour in January. Sydney 10:00 (Frankfurt 00:00) and
  // Sydney 16:30 (Frankfurt 06:30) both cost Frankfurt 60 off-hours minutes and Sydney none, but
  // 06:30-07:30 lies far nearer Frankfurt's 09:00 than midnight does.
  const std::vector<tz::CallParticipant> parts = {party("Europe/Berlin", 2.0),
                                                  party("Australia/Sydney", 3.0)};
  const DateRange range{d(2027, 1, 4), d(2027, 2, 26)};
  const auto slot = tz::best_weekly_slot(parts, range, 60);
  ASSERT_TRUE(slot);
  EXPECT_EQ(slot->score, 120.0);
  EXPECT_EQ(slot->mean_offhours, (std::vector<double>{60.0, 0.0}));
  EXPECT_EQ(slot->weekday, date::Monday);
  EXPECT_EQ(slot->anchor_start_min, 6 * 60 + 30); // Sydney 16:30-17:30, the end of its day
  EXPECT_EQ(slot->occurrences.front().local_start_min[1], 16 * 60 + 30);
  // 06:30-07:30 before a 09:00 start: 150 + 149 + ... + 91 minutes.
  EXPECT_EQ(slot->reach, 2.0 * (150 + 91) * 60 / 2);
  const Brute best = brute_force(parts, range, 60, 15);
  EXPECT_EQ(slot->anchor_start_min, best.start);
  EXPECT_NEAR(slot->reach, best.reach, 1e-6);
}

TEST(Calls, SlotFollowsTheUsEuDaylightSavingGap) {
  // Berlin anchor, New York client. Berlin 15:00 is New York 09:00 except between the US change
  // (14 March 2027) and the EU change (28 March 2027), when it is 10:00.
  const auto slot =
      tz::best_weekly_slot({party("Europe/Berlin", 2.0), party("America/New_York", 3.0)},
                           {d(2027, 3, 1), d(2027, 4, 12)}, 60);
  ASSERT_TRUE(slot);
  EXPECT_EQ(slot->weekday, date::Monday);
  EXPECT_EQ(slot->anchor_start_min, 15 * 60);
  EXPECT_EQ(slot->score, 0.0);
  ASSERT_EQ(slot->occurrences.size(), 7u); // Mondays 1, 8, 15, 22, 29 March, 5, 12 April
  const std::vector<int> ny_start = {540, 540, 600, 600, 540, 540, 540};
  for (std::size_t i = 0; i < ny_start.size(); ++i) {
    EXPECT_EQ(slot->occurrences[i].local_start_min[0], 900) << i;
    EXPECT_EQ(slot->occurrences[i].local_start_min[1], ny_start[i]) << i;
  }
  EXPECT_EQ(slot->occurrences[0].start, date::sys_days{date::year{2027} / 3 / 1} + 14h);
  EXPECT_EQ(slot->occurrences[2].start, date::sys_days{date::year{2027} / 3 / 15} + 14h);
  EXPECT_EQ(slot->occurrences[4].start, date::sys_days{date::year{2027} / 3 / 29} + 13h);
  EXPECT_EQ(slot->mean_offhours, (std::vector<double>{0.0, 0.0}));
}

TEST(Calls, FixedSlotPaysForTheDaylightSavingGap) {
  // New York works 09:00-10:00 only: that hour is Berlin 15:00-16:00 in normal weeks and Berlin
  // 14:00-15:00 in the two gap weeks, so no start is free of off-hours in every week.
  auto ny = party("America/New_York", 3.0);
  ny.hours = WorkingHours{};
  for (std::size_t c = 1; c <= 5; ++c) ny.hours.days[c] = {540, 600};
  const std::vector<tz::CallParticipant> parts = {party("Europe/Berlin", 1.0), ny};
  const DateRange range{d(2027, 3, 1), d(2027, 4, 12)};
  const auto slot = tz::best_weekly_slot(parts, range, 60);
  ASSERT_TRUE(slot);
  // Monday 15:00: free in 5 of 7 Mondays, 60 client minutes (weight 3) on 15 and 22 March.
  // Other weekdays have the same two gap weeks among only six dates, so they score worse.
  EXPECT_EQ(slot->weekday, date::Monday);
  EXPECT_EQ(slot->anchor_start_min, 15 * 60);
  EXPECT_NEAR(slot->score, 2.0 * 60 * 3 / 7.0, 1e-9);
  EXPECT_NEAR(slot->mean_offhours[1], 2.0 * 60 / 7.0, 1e-9);
  EXPECT_EQ(slot->mean_offhours[0], 0.0);
  const Brute best = brute_force(parts, range, 60, 15);
  EXPECT_EQ(slot->anchor_start_min, best.start);
  EXPECT_NEAR(slot->score, best.score, 1e-9);
}

TEST(Calls, NoCommonBusinessDayGivesNoSlot) {
  auto never = party("Asia/Tokyo", 1.0);
  never.calendar = tz::BusinessCalendar(0x7f, {});
  EXPECT_FALSE(tz::best_weekly_slot({party("Europe/Berlin", 1.0), never},
                                    {d(2027, 1, 1), d(2027, 3, 31)}, 60));
  EXPECT_FALSE(tz::best_weekly_slot({party("Europe/Berlin", 1.0)}, {d(2027, 1, 2), d(2027, 1, 3)},
                                    60)); // a weekend only
}

TEST(Calls, ClosedDatesAreSkippedInTheParticipantsOwnDate) {
  // Tokyo's Tuesday morning is New York's Monday evening: a New York holiday on Monday 15
  // February must remove the occurrence on Tokyo's Tuesday 16 February.
  const std::vector<tz::CallParticipant> parts = {party("Asia/Tokyo", 1.0),
                                                  party("America/New_York", 3.0, {d(2027, 2, 15)})};
  const DateRange range{d(2027, 2, 1), d(2027, 2, 28)};
  const auto slot = tz::best_weekly_slot(parts, range, 30);
  ASSERT_TRUE(slot);
  for (const auto& occ : slot->occurrences) {
    const auto ny_day =
        date::floor<date::days>(tz::to_local(occ.start, tz::find_zone("America/New_York")));
    EXPECT_NE(Date{ny_day.time_since_epoch()}, d(2027, 2, 15));
  }
  const Brute best = brute_force(parts, range, 30, 15);
  EXPECT_EQ(slot->weekday, best.weekday);
  EXPECT_EQ(slot->anchor_start_min, best.start);
  EXPECT_NEAR(slot->score, best.score, 1e-9);
}

namespace {

// A small deterministic generator (the tests must not depend on the standard library's
// distributions, which differ between implementations).
struct Lcg {
  std::uint64_t state;
  std::uint32_t next() {
    state = state * 6364136223846793005ULL + 1442695040888963407ULL;
    return static_cast<std::uint32_t>(state >> 33);
  }
  int below(int n) { return static_cast<int>(next() % static_cast<std::uint32_t>(n)); }
};

std::vector<tz::CallParticipant> random_parts(Lcg& rng, Date from, int days) {
  const std::vector<std::string> zones = {
      "Europe/Berlin",    "America/New_York", "Asia/Tokyo",         "Australia/Sydney",
      "Asia/Kolkata",     "Asia/Kathmandu",   "America/Sao_Paulo",  "Pacific/Auckland",
      "America/St_Johns", "Europe/London",    "America/Los_Angeles"};
  std::vector<tz::CallParticipant> parts;
  const int n = 2 + rng.below(3);
  for (int i = 0; i < n; ++i) {
    std::vector<Date> closed;
    for (int k = rng.below(3); k > 0; --k) closed.push_back(from + date::days{rng.below(days)});
    auto p = party(zones[static_cast<std::size_t>(rng.below(static_cast<int>(zones.size())))],
                   1.0 + rng.below(3), closed);
    const int start = 6 * 60 + 15 * rng.below(16); // 06:00 .. 09:45
    const int end = start + 6 * 60 + 15 * rng.below(12);
    p.hours = WorkingHours{};
    for (std::size_t c = 1; c <= 5; ++c) p.hours.days[c] = {start, end};
    if (rng.below(2) == 0) p.hours.days[5] = {start, start + 4 * 60}; // a short Friday
    parts.push_back(std::move(p));
  }
  return parts;
}

} // namespace

TEST(Calls, RandomParticipantsMatchBruteForceOnTheQuarterHourGrid) {
  // Seeded: zones with half- and quarter-hour offsets, both hemispheres, ranges across the
  // northern and southern daylight-saving changes of 2027.
  Lcg rng{20270314};
  const std::vector<DateRange> ranges = {{d(2027, 3, 8), d(2027, 4, 9)},
                                         {d(2027, 9, 20), d(2027, 10, 15)},
                                         {d(2027, 10, 18), d(2027, 11, 12)}};
  for (std::size_t r = 0; r < ranges.size(); ++r) {
    const auto parts = random_parts(rng, ranges[r].first,
                                    static_cast<int>((ranges[r].last - ranges[r].first).count()));
    const int duration = 30 + 15 * rng.below(5);
    const auto slot = tz::best_weekly_slot(parts, ranges[r], duration);
    const Brute best = brute_force(parts, ranges[r], duration, 15);
    ASSERT_TRUE(slot) << r;
    EXPECT_EQ(slot->weekday, best.weekday) << r;
    EXPECT_EQ(slot->anchor_start_min, best.start) << r;
    EXPECT_NEAR(slot->score, best.score, 1e-9) << r;
    EXPECT_NEAR(slot->reach, best.reach, 1e-6) << r;
    // The ranking starts with the same slot and never improves on it.
    const auto ranked = tz::rank_weekly_slots(parts, ranges[r], duration, 5);
    ASSERT_EQ(ranked.size(), 5u);
    EXPECT_EQ(ranked[0].weekday, slot->weekday);
    EXPECT_EQ(ranked[0].anchor_start_min, slot->anchor_start_min);
    for (std::size_t k = 1; k < ranked.size(); ++k)
      EXPECT_LE(ranked[k - 1].score, ranked[k].score + 1e-9) << r << " " << k;
  }
}

TEST(Calls, EveryStartOfTheRangeIsScoredLikeTheMinuteByMinuteCount) {
  Lcg rng{42};
  const DateRange range{d(2027, 3, 22), d(2027, 4, 6)}; // EU change on 28 March, Sydney 4 April
  auto parts = random_parts(rng, range.first, 15);
  parts[0] = party("Australia/Sydney", 2.0);
  parts[1] = party("Europe/Berlin", 1.0, {d(2027, 3, 26)}); // Good Friday 2027
  const auto all = tz::score_all_starts(parts, range, 45);
  ASSERT_FALSE(all.empty());
  double lowest = std::numeric_limits<double>::infinity();
  for (std::size_t k = 0; k < all.size(); ++k) {
    const auto& occ = all[k];
    if (k > 0) {
      ASSERT_LT(all[k - 1].start, occ.start);
    }
    double score = 0;
    for (std::size_t p = 0; p < parts.size(); ++p) {
      // Sundays are closed, so no meeting spans a change and the counts must agree.
      ASSERT_EQ(occ.offhours_min[p], brute_offhours(parts[p], occ.start, 45)) << k;
      ASSERT_EQ(occ.local_start[p], tz::to_local(occ.start, parts[p].zone));
      const Date local_day{date::floor<date::days>(occ.local_start[p]).time_since_epoch()};
      ASSERT_TRUE(parts[p].calendar.is_business_day(local_day));
      score += parts[p].weight * occ.offhours_min[p];
    }
    EXPECT_NEAR(occ.score, score, 1e-9);
    lowest = std::min(lowest, score);
  }
  // Count the candidates independently: every quarter hour of Sydney's days whose instant is
  // a business day in both places.
  std::size_t expected = 0;
  for (Date day = range.first; day <= range.last; day += date::days{1}) {
    for (int s = 0; s < 1440; s += 15) {
      const auto local = date::local_days{day.time_since_epoch()} + std::chrono::minutes{s};
      if (parts[0].zone->get_info(local).result == date::local_info::nonexistent) continue;
      const auto start = tz::to_utc(local, parts[0].zone);
      bool open = true;
      for (const auto& p : parts)
        open = open &&
               p.calendar.is_business_day(
                   Date{date::floor<date::days>(tz::to_local(start, p.zone)).time_since_epoch()});
      expected += open ? 1 : 0;
    }
  }
  EXPECT_EQ(all.size(), expected);
  const auto top = tz::best_starts(parts, range, 45, 3);
  ASSERT_EQ(top.size(), 3u);
  EXPECT_NEAR(top[0].score, lowest, 1e-9);
  EXPECT_LE(top[0].score, top[1].score);
  EXPECT_LE(top[1].score, top[2].score);
}

TEST(Calls, AllStartsLeaveOutTheGapAndTakeTheRepeatedHourOnce) {
  // Anchor in New York; closing nothing so that the change days are candidates.
  auto ny = party("America/New_York", 1.0);
  ny.calendar = tz::BusinessCalendar(0, {});
  auto nyc_spring = tz::score_all_starts({ny}, {d(2027, 3, 14), d(2027, 3, 14)}, 30);
  EXPECT_EQ(nyc_spring.size(), 96u - 4u); // 02:00-02:45 do not exist
  auto nyc_fall = tz::score_all_starts({ny}, {d(2027, 11, 7), d(2027, 11, 7)}, 30);
  ASSERT_EQ(nyc_fall.size(), 96u);
  // 01:30 is taken at its earlier (EDT) instant; the next start, 01:45 EDT, is 15 minutes on.
  EXPECT_EQ(nyc_fall[6].start, date::sys_days{date::year{2027} / 11 / 7} + 5h + 30min);
  EXPECT_EQ(nyc_fall[8].start - nyc_fall[7].start, 75min); // 01:45 EDT -> 02:00 EST
}

TEST(Calls, WeeklySlotReportsTheDatesADaylightSavingChangeMovesSomeone) {
  // Berlin anchor, New York client, March 2027: New York's local time moves to 10:00 on 15 March
  // (US change on the 14th) and back to 09:00 on 29 March (EU change on the 28th).
  const auto slot =
      tz::best_weekly_slot({party("Europe/Berlin", 2.0), party("America/New_York", 3.0)},
                           {d(2027, 3, 1), d(2027, 4, 12)}, 60);
  ASSERT_TRUE(slot);
  const auto shifts = tz::local_time_shifts(*slot);
  ASSERT_EQ(shifts.size(), 2u);
  EXPECT_EQ(shifts[0].occurrence, 2u);
  EXPECT_EQ(shifts[0].participant, 1u);
  EXPECT_EQ(shifts[0].shift_min, 60);
  EXPECT_EQ(shifts[0].before, date::local_days{date::year{2027} / 3 / 8} + 9h);
  EXPECT_EQ(shifts[0].after, date::local_days{date::year{2027} / 3 / 15} + 10h);
  EXPECT_EQ(shifts[1].occurrence, 4u);
  EXPECT_EQ(shifts[1].shift_min, -60);
  EXPECT_EQ(shifts[1].after, date::local_days{date::year{2027} / 3 / 29} + 9h);
  // In autumn the EU changes first (31 October), the US a week later (7 November 2027).
  const auto autumn =
      tz::best_weekly_slot({party("America/New_York", 1.0), party("Europe/Berlin", 1.0)},
                           {d(2027, 10, 18), d(2027, 11, 19)}, 60);
  ASSERT_TRUE(autumn);
  const auto back = tz::local_time_shifts(*autumn);
  ASSERT_EQ(back.size(), 2u);
  EXPECT_EQ(back[0].participant, 1u);
  EXPECT_EQ(back[0].shift_min, -60); // 1 November: Berlin an hour earlier relative to New York
  EXPECT_EQ(back[1].shift_min, 60);  // 8 November: back to six hours
}

namespace {

// Every assignment of options to meetings, for comparison with fair_rotation.
void brute_rotation(const std::vector<std::vector<std::optional<std::vector<int>>>>& costs,
                    const std::vector<double>& w, std::size_t m, std::vector<long>& burden,
                    double weighted, std::tuple<long, long, double>& best) {
  if (m == costs.size()) {
    long mx = 0;
    long total = 0;
    for (long b : burden) {
      mx = std::max(mx, b);
      total += b;
    }
    const auto key = std::make_tuple(mx, total, weighted);
    if (std::get<0>(key) < std::get<0>(best) ||
        (std::get<0>(key) == std::get<0>(best) &&
         (std::get<1>(key) < std::get<1>(best) ||
          (std::get<1>(key) == std::get<1>(best) && std::get<2>(key) < std::get<2>(best) - 1e-9))))
      best = key;
    return;
  }
  for (const auto& opt : costs[m]) {
    if (!opt) continue;
    double add = 0;
    for (std::size_t p = 0; p < burden.size(); ++p) {
      burden[p] += (*opt)[p];
      add += w[p] * (*opt)[p];
    }
    brute_rotation(costs, w, m + 1, burden, weighted + add, best);
    for (std::size_t p = 0; p < burden.size(); ++p) burden[p] -= (*opt)[p];
  }
}

} // namespace

TEST(Calls, FairRotationMatchesExhaustiveSearch) {
  Lcg rng{7};
  for (int round = 0; round < 40; ++round) {
    const std::size_t n = 2 + static_cast<std::size_t>(rng.below(3));
    const std::size_t meetings = 1 + static_cast<std::size_t>(rng.below(7));
    const std::size_t k = 1 + static_cast<std::size_t>(rng.below(3));
    std::vector<double> w;
    for (std::size_t p = 0; p < n; ++p) w.push_back(1.0 + rng.below(3));
    // A few option patterns repeated over the weeks, as in real series, plus odd weeks.
    std::vector<std::vector<int>> patterns;
    for (std::size_t o = 0; o < k; ++o) {
      std::vector<int> v;
      for (std::size_t p = 0; p < n; ++p) v.push_back(15 * rng.below(5));
      patterns.push_back(v);
    }
    std::vector<std::vector<std::optional<std::vector<int>>>> costs(meetings);
    for (auto& row : costs) {
      for (std::size_t o = 0; o < k; ++o) {
        if (o > 0 && rng.below(5) == 0) {
          row.push_back(std::nullopt); // this option falls on a holiday that week
        } else if (rng.below(4) == 0) {
          std::vector<int> v;
          for (std::size_t p = 0; p < n; ++p) v.push_back(15 * rng.below(5));
          row.push_back(v);
        } else {
          row.push_back(patterns[o]);
        }
      }
    }
    const auto choice = tz::fair_rotation(costs, w);
    ASSERT_TRUE(choice.exact);
    std::vector<long> burden(n, 0);
    auto best = std::make_tuple(std::numeric_limits<long>::max(), 0L, 0.0);
    brute_rotation(costs, w, 0, burden, 0.0, best);
    long mx = 0;
    long total = 0;
    std::vector<long> recomputed(n, 0);
    for (std::size_t m = 0; m < meetings; ++m) {
      ASSERT_TRUE(costs[m][choice.pick[m]]) << round;
      for (std::size_t p = 0; p < n; ++p) recomputed[p] += (*costs[m][choice.pick[m]])[p];
    }
    EXPECT_EQ(recomputed, choice.burden) << round;
    for (long b : choice.burden) {
      mx = std::max(mx, b);
      total += b;
    }
    EXPECT_EQ(mx, std::get<0>(best)) << round;
    EXPECT_EQ(total, std::get<1>(best)) << round;
    EXPECT_NEAR(choice.weighted, std::get<2>(best), 1e-9) << round;
  }
}

TEST(Calls, RotationSharesTheBadHourBetweenBerlinAndSydney) {
  // No common office hour: either Berlin starts early (06:30) or Sydney stays late. A fixed
  // slot puts every off-hours minute on one side; the rotation alternates.
  const std::vector<tz::CallParticipant> parts = {party("Europe/Berlin", 1.0),
                                                  party("Australia/Sydney", 1.0)};
  const auto rot = tz::rotate_weekly_slots(parts, {d(2027, 1, 4), d(2027, 3, 26)}, 60, 3);
  ASSERT_TRUE(rot);
  ASSERT_GE(rot->options.size(), 2u);
  ASSERT_EQ(rot->meetings.size(), 12u);
  const long fixed_max = std::max(rot->burden_fixed[0], rot->burden_fixed[1]);
  const long rotated_max = std::max(rot->burden[0], rot->burden[1]);
  EXPECT_EQ(fixed_max, 12 * 60); // one side takes every bad hour
  EXPECT_EQ(std::min(rot->burden_fixed[0], rot->burden_fixed[1]), 0);
  EXPECT_EQ(rotated_max, 6 * 60);
  EXPECT_EQ(rot->burden[0] + rot->burden[1], 12 * 60);
  // Options differ in who bears the burden, and every meeting uses an option's real occurrence.
  for (const auto& m : rot->meetings) {
    long off = 0;
    for (int o : m.occurrence.offhours_min) off += o;
    EXPECT_EQ(off, 60);
    EXPECT_LT(m.option, rot->options.size());
  }
}

TEST(Calls, BadArgumentsAreRejected) {
  const DateRange q{d(2027, 1, 1), d(2027, 3, 31)};
  const std::vector<tz::CallParticipant> one = {party("Europe/Berlin", 1.0)};
  EXPECT_THROW((void)tz::best_weekly_slot({}, q, 60), std::invalid_argument);
  EXPECT_THROW((void)tz::best_weekly_slot(one, q, 60, 7), std::invalid_argument);
  EXPECT_THROW((void)tz::score_all_starts(one, q, 0), std::invalid_argument);
  EXPECT_THROW((void)tz::best_starts(one, q, 8 * 1440, 3), std::invalid_argument);
  auto nozone = party("Europe/Berlin", 1.0);
  nozone.zone = nullptr;
  EXPECT_THROW((void)tz::rank_weekly_slots({nozone}, q, 60, 3), std::invalid_argument);
  EXPECT_THROW((void)tz::fair_rotation({{std::nullopt}}, {1.0}), std::invalid_argument);
  // A reversed range has nothing to offer, without an error.
  EXPECT_FALSE(tz::best_weekly_slot(one, {d(2027, 3, 1), d(2027, 2, 1)}, 60));
  EXPECT_TRUE(tz::score_all_starts(one, {d(2027, 3, 1), d(2027, 2, 1)}, 60).empty());
  EXPECT_FALSE(tz::rotate_weekly_slots(one, {d(2027, 3, 1), d(2027, 2, 1)}, 60, 3));
}

namespace {

// A participant with the default graded curve.
tz::CallParticipant graded(const std::string& zone) {
  tz::CallParticipant p = party(zone, 1.0);
  p.curve = tz::OffHoursCurve{};
  return p;
}

} // namespace

// Munich, Chicago and Singapore, all 09:00-17:30: some hour is always off-hours for someone, but
// the best weekly slot puts nobody's call between 00:00 and 06:00 local (the flat count chose
// Chicago at 02:30).
TEST(GradedCurve, MunichChicagoSingaporeNeverCallAtNight) {
  const std::vector<tz::CallParticipant> parts = {
      graded("Europe/Berlin"), graded("America/Chicago"), graded("Asia/Singapore")};
  const auto slot = tz::best_weekly_slot(parts, {d(2027, 1, 4), d(2027, 3, 31)}, 60);
  ASSERT_TRUE(slot.has_value());
  ASSERT_FALSE(slot->occurrences.empty());
  for (const auto& occ : slot->occurrences)
    for (std::size_t p = 0; p < parts.size(); ++p) {
      const int start = occ.local_start_min[p];
      EXPECT_TRUE(start >= 6 * 60 && start + 60 <= 24 * 60)
          << parts[p].name << " at " << start / 60 << ":" << start % 60;
    }
}

// A minute at 04:00 costs far more than one at 08:00 or 19:00 (Frankfurt, 09:00-17:30).
TEST(GradedCurve, NightMinutesCostMostEarlyAndLateLeast) {
  const auto all =
      tz::score_all_starts({graded("Europe/Berlin")}, {d(2027, 3, 2), d(2027, 3, 2)}, 60);
  double at4 = -1;
  double at8 = -1;
  double at18 = -1;
  double at19 = -1;
  double at22 = -1;
  for (const auto& occ : all) {
    if (occ.local_start_min[0] == 4 * 60) at4 = occ.score;
    if (occ.local_start_min[0] == 8 * 60) at8 = occ.score;
    if (occ.local_start_min[0] == 18 * 60) at18 = occ.score;
    if (occ.local_start_min[0] == 19 * 60) at19 = occ.score;
    if (occ.local_start_min[0] == 22 * 60) at22 = occ.score;
  }
  EXPECT_EQ(at8, 60.0);           // within two hours of the working day: each minute once
  EXPECT_EQ(at18, 60.0);          // 18:00-19:00 lies within two hours of 17:30
  EXPECT_EQ(at19, 30.0 + 2 * 30); // from 19:30 on, twice
  EXPECT_EQ(at22, 2.0 * 60);      // further away: twice
  EXPECT_EQ(at4, 6.0 * 60);       // at night: six times
  EXPECT_EQ(all.front().offhours_min[0], 60); // minutes are still counted as minutes
}

// The rotation of the same three offices never puts anybody between 00:00 and 06:00 local: no
// option adds night minutes (with a flat count the rotation relieved Singapore's late evenings by
// calling Chicago at night). Here no night-free slot lowers anyone's off-hours minutes, so every
// meeting keeps the best slot's late hour in Singapore.
TEST(GradedCurve, RotationNeverAddsNights) {
  const std::vector<tz::CallParticipant> parts = {
      graded("Europe/Berlin"), graded("America/Chicago"), graded("Asia/Singapore")};
  const auto rot = tz::rotate_weekly_slots(parts, {d(2027, 1, 4), d(2027, 3, 26)}, 60, 3);
  ASSERT_TRUE(rot.has_value());
  ASSERT_GE(rot->options.size(), 2u);
  for (const auto& m : rot->meetings)
    for (std::size_t p = 0; p < parts.size(); ++p) {
      const int start = m.occurrence.local_start_min[p];
      EXPECT_TRUE(start >= 6 * 60 && start + 60 <= 24 * 60)
          << parts[p].name << " at " << start / 60 << ":" << start % 60;
    }
  for (const auto& o : rot->options)
    for (const double night : o.mean_night) EXPECT_EQ(night, 0.0);
}

// Each meeting's graded burdens (whole minutes), or with `graded` false its plain off-hours
// minutes, at every option of a rotation that can be held in that meeting's Monday-first week,
// as fair_rotation takes them.
std::vector<std::vector<std::optional<std::vector<int>>>> costs_of(const tz::Rotation& rot,
                                                                   bool graded) {
  const auto week = [](const tz::SlotOccurrence& o) {
    const auto day = date::floor<date::days>(o.local_start.front()).time_since_epoch().count();
    return (day + 3) / 7 - (day + 3 < 0 ? 1 : 0); // 1970-01-01 was a Thursday
  };
  std::vector<std::vector<std::optional<std::vector<int>>>> costs;
  for (const auto& m : rot.meetings) {
    std::vector<std::optional<std::vector<int>>> row(rot.options.size());
    for (std::size_t k = 0; k < rot.options.size(); ++k)
      for (const auto& o : rot.options[k].occurrences) {
        if (week(o) != week(m.occurrence)) continue;
        std::vector<int> b;
        for (const double x : o.burden) b.push_back(static_cast<int>(std::lround(x)));
        row[k] = graded ? b : o.offhours_min;
        break;
      }
    costs.push_back(std::move(row));
  }
  return costs;
}

long largest_graded(const std::vector<std::vector<int>>& picked) {
  std::vector<long> sum(picked.front().size(), 0);
  for (const auto& b : picked)
    for (std::size_t p = 0; p < b.size(); ++p) sum[p] += b[p];
  return *std::max_element(sum.begin(), sum.end());
}

// Fairness is measured on the graded burden: the rotation makes the largest graded burden (an
// hour at 23:00 weighs twice one at 19:00) as small as its options allow. Counting plain minutes
// instead, New York and Tokyo's rotation left New York a graded 720 minutes where 600 will do.
TEST(GradedCurve, RotationSharesTheGradedBurdenFairly) {
  int discriminating = 0;
  for (const auto& [a, b] : std::vector<std::pair<std::string, std::string>>{
           {"Europe/London", "Australia/Sydney"},
           {"Europe/Berlin", "Australia/Sydney"},
           {"America/New_York", "Asia/Tokyo"},
           {"Europe/Berlin", "Pacific/Auckland"},
           {"America/Los_Angeles", "Asia/Singapore"}}) {
    const std::vector<tz::CallParticipant> parts = {graded(a), graded(b)};
    const auto rot = tz::rotate_weekly_slots(parts, {d(2027, 1, 4), d(2027, 3, 26)}, 60, 3);
    ASSERT_TRUE(rot.has_value()) << a << " " << b;
    const auto costs = costs_of(*rot, true);
    std::vector<std::vector<int>> picked;
    for (std::size_t m = 0; m < costs.size(); ++m)
      picked.push_back(*costs[m][rot->meetings[m].option]);
    const auto fair = tz::fair_rotation(costs, {1.0, 1.0});
    std::vector<std::vector<int>> best;
    for (std::size_t m = 0; m < costs.size(); ++m) best.push_back(*costs[m][fair.pick[m]]);
    EXPECT_EQ(largest_graded(picked), largest_graded(best)) << a << " " << b;
    // The same options chosen by plain off-hours minutes.
    const auto plain = costs_of(*rot, false);
    const auto by_minutes = tz::fair_rotation(plain, {1.0, 1.0});
    std::vector<std::vector<int>> minutes_pick;
    for (std::size_t m = 0; m < costs.size(); ++m)
      minutes_pick.push_back(*costs[m][by_minutes.pick[m]]);
    if (largest_graded(minutes_pick) > largest_graded(picked)) ++discriminating;
  }
  EXPECT_GT(discriminating, 0);
}

// The curve's weights are the caller's: with night minutes counting as little as any other
// (night = 1, far = 1) the flat count's choice returns, with Chicago's call before 06:00.
TEST(GradedCurve, WeightsAreConfigurable) {
  std::vector<tz::CallParticipant> parts = {graded("Europe/Berlin"), graded("America/Chicago"),
                                            graded("Asia/Singapore")};
  const DateRange range{d(2027, 1, 4), d(2027, 3, 31)};
  const auto graded_slot = tz::best_weekly_slot(parts, range, 60);
  for (auto& p : parts) p.curve = tz::OffHoursCurve{1.0, 1.0};
  const auto flat_slot = tz::best_weekly_slot(parts, range, 60);
  ASSERT_TRUE(graded_slot && flat_slot);
  EXPECT_NE(graded_slot->anchor_start_min, flat_slot->anchor_start_min);
  bool night = false;
  for (const auto& occ : flat_slot->occurrences)
    for (const int start : occ.local_start_min) night = night || start < 6 * 60;
  EXPECT_TRUE(night);
}
