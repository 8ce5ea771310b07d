#include <gtest/gtest.h>

#include <limits>

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
