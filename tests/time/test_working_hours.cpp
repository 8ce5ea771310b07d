#include <gtest/gtest.h>

#include <string>

#include "time/working_hours.hpp"

using flyorcall::DayHours;
using flyorcall::WorkingHours;
namespace tz = flyorcall::timez;

namespace {

WorkingHours parsed(const std::string& text) {
  auto r = tz::parse_working_hours(text);
  if (auto* err = std::get_if<std::string>(&r)) ADD_FAILURE() << text << ": " << *err;
  return std::holds_alternative<WorkingHours>(r) ? std::get<WorkingHours>(r) : WorkingHours{};
}

std::string error_of(const std::string& text) {
  auto r = tz::parse_working_hours(text);
  if (std::holds_alternative<WorkingHours>(r)) return "(parsed)";
  return std::get<std::string>(r);
}

bool same(const WorkingHours& a, const WorkingHours& b) {
  for (std::size_t i = 0; i < 7; ++i) {
    if (a.days[i].working() != b.days[i].working()) return false;
    if (a.days[i].working() &&
        (a.days[i].start_min != b.days[i].start_min || a.days[i].end_min != b.days[i].end_min))
      return false;
  }
  return true;
}

// C encoding: 0 = Sunday.
DayHours day(const WorkingHours& w, int c) {
  return w.days[static_cast<std::size_t>(c)];
}

} // namespace

TEST(WorkingHours, BareRangeMeansMondayToFriday) {
  const WorkingHours w = parsed("09:00-17:30");
  EXPECT_TRUE(same(w, WorkingHours::office_default()));
  EXPECT_FALSE(day(w, 0).working());
  EXPECT_FALSE(day(w, 6).working());
  EXPECT_EQ(day(w, 3).start_min, 540);
  EXPECT_EQ(day(w, 3).end_min, 1050);
  EXPECT_EQ(tz::format_working_hours(WorkingHours::office_default()), "09:00-17:30");
}

TEST(WorkingHours, PerDayRanges) {
  const WorkingHours w = parsed("Mon-Thu 08:00-16:00,Fri 08:00-13:00");
  for (int c = 1; c <= 4; ++c) {
    EXPECT_EQ(day(w, c).start_min, 480);
    EXPECT_EQ(day(w, c).end_min, 960);
  }
  EXPECT_EQ(day(w, 5).end_min, 780);
  EXPECT_FALSE(day(w, 6).working());
  EXPECT_FALSE(day(w, 0).working());
  EXPECT_EQ(tz::format_working_hours(w), "Mon-Thu 08:00-16:00,Fri 08:00-13:00");
}

TEST(WorkingHours, SingleDayWrappingRangesAndMidnightEnd) {
  const WorkingHours sat = parsed("Sat 10:00-14:00");
  for (int c = 0; c < 6; ++c) EXPECT_FALSE(day(sat, c).working()) << c;
  EXPECT_EQ(day(sat, 6).start_min, 600);
  EXPECT_EQ(tz::format_working_hours(sat), "Sat 10:00-14:00");

  const WorkingHours gulf = parsed("Sun-Thu 08:00-17:00");
  for (int c : {0, 1, 2, 3, 4}) EXPECT_TRUE(day(gulf, c).working()) << c;
  EXPECT_FALSE(day(gulf, 5).working());
  EXPECT_FALSE(day(gulf, 6).working());
  EXPECT_EQ(tz::format_working_hours(gulf), "Sun-Thu 08:00-17:00");

  const WorkingHours late = parsed("Fri-Mon 18:00-24:00");
  EXPECT_EQ(day(late, 0).end_min, 1440);
  for (int c : {5, 6, 0, 1}) EXPECT_TRUE(day(late, c).working()) << c;
  for (int c : {2, 3, 4}) EXPECT_FALSE(day(late, c).working()) << c;
  EXPECT_EQ(tz::format_working_hours(late), "Fri-Mon 18:00-24:00");

  EXPECT_EQ(tz::format_working_hours(parsed("Mon-Sun 00:00-24:00")), "Mon-Sun 00:00-24:00");
  EXPECT_EQ(tz::format_working_hours(parsed("none")), "none");
  EXPECT_TRUE(same(parsed("none"), WorkingHours{}));
}

TEST(WorkingHours, SpacesAndLowerCaseAreAccepted) {
  EXPECT_TRUE(same(parsed("  mon-thu 08:00-16:00 ,  FRI 08:00-13:00 "),
                   parsed("Mon-Thu 08:00-16:00,Fri 08:00-13:00")));
  EXPECT_TRUE(same(parsed("mon-fri 09:00-17:30"), WorkingHours::office_default()));
}

TEST(WorkingHours, FormatParseRoundTrip) {
  // Every weekday pattern (7 bits) with hours that vary by day exercises the grouping.
  for (int mask = 0; mask < 128; ++mask) {
    for (int variant = 0; variant < 3; ++variant) {
      WorkingHours w;
      for (int c = 0; c < 7; ++c) {
        if (!((mask >> c) & 1)) continue;
        const int start = variant == 0 ? 540 : 420 + 30 * ((c * variant) % 3);
        w.days[static_cast<std::size_t>(c)] = {start, variant == 2 ? 1440 : start + 480};
      }
      const std::string text = tz::format_working_hours(w);
      auto r = tz::parse_working_hours(text);
      ASSERT_TRUE(std::holds_alternative<WorkingHours>(r))
          << text << ": " << std::get<std::string>(r);
      EXPECT_TRUE(same(std::get<WorkingHours>(r), w)) << text;
      EXPECT_EQ(tz::format_working_hours(std::get<WorkingHours>(r)), text);
    }
  }
}

TEST(WorkingHours, ErrorMessagesArePrecise) {
  EXPECT_EQ(error_of("Mon-Fri 9:00-17:00"), "expected HH:MM-HH:MM at character 9");
  EXPECT_EQ(error_of("Mon 09:00"), "expected HH:MM-HH:MM at character 5");
  EXPECT_EQ(error_of("Mon-Fri 09:00-08:00"), "end 08:00 is not after start 09:00");
  EXPECT_EQ(error_of("09:00-09:00"), "end 09:00 is not after start 09:00");
  EXPECT_EQ(error_of("Mon-Fry 09:00-17:00"), "unknown day \"Mon-Fry\" (expected Mon..Sun)");
  EXPECT_EQ(error_of("Monday 09:00-17:00"), "unknown day \"Monday\" (expected Mon..Sun)");
  EXPECT_EQ(error_of("Mon-Fri 09:00-17:00,Fri 10:00-12:00"), "day Fri given twice");
  EXPECT_EQ(error_of("Sun-Tue 09:00-17:00,Mon 10:00-12:00"), "day Mon given twice");
  EXPECT_EQ(error_of("Mon 25:00-26:00"), "invalid time 25:00 at character 5");
  EXPECT_EQ(error_of("Mon 09:00-24:30"), "invalid time 24:30 at character 11");
  EXPECT_EQ(error_of("09:60-17:00"), "invalid time 09:60 at character 1");
  EXPECT_EQ(error_of("Mon 09:00-17:00 Tue 09:00-17:00"),
            "expected \",\" or end of text at character 17");
  EXPECT_EQ(error_of("Mon-Fri 09:00-17:00,"), "expected a day (Mon..Sun) at character 21");
  EXPECT_EQ(error_of("Mon 09:00-12:00,13:00-17:00"), "expected a day (Mon..Sun) at character 17");
  EXPECT_EQ(error_of("09:00-17:30x"), "expected end of text at character 12");
  EXPECT_EQ(error_of(""), "expected a day (Mon..Sun) at character 1");
}

TEST(WorkingHours, OffHoursMinutes) {
  const WorkingHours office = WorkingHours::office_default(); // Mon-Fri 09:00-17:30
  EXPECT_EQ(tz::offhours_minutes(office, date::Monday, 10 * 60, 60), 0);
  EXPECT_EQ(tz::offhours_minutes(office, date::Monday, 8 * 60, 60), 60);
  EXPECT_EQ(tz::offhours_minutes(office, date::Monday, 8 * 60 + 30, 60), 30);
  EXPECT_EQ(tz::offhours_minutes(office, date::Monday, 17 * 60, 60), 30);
  EXPECT_EQ(tz::offhours_minutes(office, date::Saturday, 10 * 60, 60), 60);
  EXPECT_EQ(tz::offhours_minutes(office, date::Monday, 8 * 60, 600), 90);
  EXPECT_EQ(tz::offhours_minutes(office, date::Monday, 600, 0), 0);
  // Across midnight the next weekday's hours apply.
  EXPECT_EQ(tz::offhours_minutes(office, date::Sunday, 23 * 60 + 30, 120), 120);
  const WorkingHours late = parsed("Mon-Fri 22:00-24:00");
  EXPECT_EQ(tz::offhours_minutes(late, date::Monday, 23 * 60, 120), 60);
  EXPECT_EQ(tz::offhours_minutes(late, date::Friday, 23 * 60, 120), 60); // Saturday is off
  const WorkingHours night = parsed("Mon-Fri 00:00-06:00");
  EXPECT_EQ(tz::offhours_minutes(night, date::Monday, 23 * 60, 120), 60);  // Tue 00-01 worked
  EXPECT_EQ(tz::offhours_minutes(night, date::Friday, 23 * 60, 120), 120); // Sat not worked
  // A start before midnight given as a negative minute of the next day.
  EXPECT_EQ(tz::offhours_minutes(night, date::Tuesday, -60, 120), 60);
  // Longer than a day: Mon and Tue each have 1440 - 510 off-hours minutes.
  EXPECT_EQ(tz::offhours_minutes(office, date::Monday, 0, 2880), 1860);
}

TEST(WorkingHours, OffHoursReach) {
  const WorkingHours office = WorkingHours::office_default(); // Mon-Fri 09:00-17:30
  EXPECT_EQ(tz::offhours_reach(office, date::Monday, 10 * 60, 60), 0);
  // 08:30-09:30: the minutes 08:30..08:59 are 30..1 minutes before work.
  EXPECT_EQ(tz::offhours_reach(office, date::Monday, 8 * 60 + 30, 60), 30 * 31 / 2);
  // 17:00-18:00: 17:30..17:59 are 1..30 minutes after work.
  EXPECT_EQ(tz::offhours_reach(office, date::Monday, 17 * 60, 60), 30 * 31 / 2);
  // Tuesday 00:00-01:00: nearest work is Monday 17:30, 390..449 minutes back.
  EXPECT_EQ(tz::offhours_reach(office, date::Tuesday, 0, 60), (391 + 450) * 60 / 2);
  // Saturday noon is more than half a day from any work: every minute counts the cap.
  EXPECT_EQ(tz::offhours_reach(office, date::Saturday, 12 * 60, 60), 60L * tz::kMaxReachMin);
  // Monday 06:30 is 150 minutes before 09:00; midnight is further than that.
  EXPECT_LT(tz::offhours_reach(office, date::Monday, 6 * 60 + 30, 60),
            tz::offhours_reach(office, date::Monday, 0, 60));
  // Across midnight into a worked night shift.
  const WorkingHours night = parsed("Mon-Fri 00:00-06:00");
  EXPECT_EQ(tz::offhours_reach(night, date::Monday, 23 * 60, 120), 60 * 61 / 2);
  EXPECT_EQ(tz::offhours_reach(office, date::Monday, 600, 0), 0);
}

TEST(WorkingHours, OffHoursReachAgreesWithAMinuteByMinuteWalk) {
  // The reach is summed piecewise; here each minute walks outwards to the nearest worked minute.
  for (const char* text :
       {"09:00-17:30", "Mon-Thu 08:00-16:00,Fri 08:00-13:00", "Sun-Thu 22:00-24:00",
        "Mon 00:00-24:00,Wed 11:00-11:15", "Sat 12:00-13:00"}) {
    const WorkingHours hours = parsed(text);
    const auto worked = [&](long m) {
      m = ((m % (7 * 1440)) + 7 * 1440) % (7 * 1440);
      const auto& h = hours.days[static_cast<std::size_t>(m / 1440)];
      return h.working() && m % 1440 >= h.start_min && m % 1440 < h.end_min;
    };
    // Each minute of the week walks outwards once; the checks below look it up.
    std::vector<int> walk(7 * 1440, 0);
    for (long x = 0; x < 7 * 1440; ++x) {
      if (worked(x)) continue;
      int d = 1;
      while (d < tz::kMaxReachMin && !worked(x + d) && !worked(x - d)) ++d;
      walk[static_cast<std::size_t>(x)] = d;
    }
    for (unsigned w = 0; w < 7; ++w) {
      for (int start = -90; start < 1440; start += 35) {
        for (int len : {1, 45, 60, 200, 1500}) {
          long expected = 0;
          for (int i = 0; i < len; ++i) {
            const long x = static_cast<long>(w) * 1440 + start + i;
            expected += walk[static_cast<std::size_t>(((x % (7 * 1440)) + 7 * 1440) % (7 * 1440))];
          }
          ASSERT_EQ(tz::offhours_reach(hours, date::weekday{w}, start, len), expected)
              << text << " weekday " << w << " start " << start << " len " << len;
        }
      }
    }
  }
}

// Whether the text names the weekdays decides whose week a client keeps (docs/input.md): its
// own for the per-weekday form, its country's for the one-range form, the default and "none".
TEST(WorkingHours, OnlyThePerWeekdayFormGivesItsOwnWeek) {
  EXPECT_TRUE(parsed("Sun-Thu 08:00-17:00").days_given);
  EXPECT_TRUE(parsed("Mon-Fri 09:00-17:30").days_given);
  EXPECT_FALSE(parsed("09:00-17:30").days_given);
  EXPECT_FALSE(parsed("none").days_given);
  EXPECT_FALSE(WorkingHours::office_default().days_given);
}
