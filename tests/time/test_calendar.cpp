#include <gtest/gtest.h>

#include "time/calendar.hpp"

using flyorcall::Date;
using flyorcall::WeekdayMask;
using flyorcall::timez::BusinessCalendar;
using flyorcall::timez::in_mask;

namespace {
Date d(int y, unsigned m, unsigned day) {
  return Date{date::year{y} / m / day};
}
} // namespace

TEST(Calendar, WeekendsAndClosedDatesAreNotBusinessDays) {
  // Closed dates in any order, with a duplicate.
  const BusinessCalendar de(flyorcall::kSatSun, {d(2027, 1, 1), d(2026, 12, 25), d(2027, 1, 1)});
  EXPECT_FALSE(de.is_business_day(d(2027, 1, 1)));   // Friday, New Year
  EXPECT_FALSE(de.is_business_day(d(2026, 12, 25))); // Friday, Christmas
  EXPECT_FALSE(de.is_business_day(d(2027, 1, 2)));   // Saturday
  EXPECT_FALSE(de.is_business_day(d(2027, 1, 3)));   // Sunday
  EXPECT_TRUE(de.is_business_day(d(2027, 1, 4)));    // Monday
  EXPECT_TRUE(de.is_business_day(d(2026, 12, 24)));  // Thursday
  EXPECT_EQ(de.weekend(), flyorcall::kSatSun);
}

TEST(Calendar, FridaySaturdayWeekend) {
  const WeekdayMask fri_sat = (1u << 5) | (1u << 6);
  const BusinessCalendar ae(fri_sat, {});
  EXPECT_TRUE(ae.is_business_day(d(2027, 1, 3)));  // Sunday
  EXPECT_FALSE(ae.is_business_day(d(2027, 1, 1))); // Friday
  EXPECT_FALSE(ae.is_business_day(d(2027, 1, 2))); // Saturday
  EXPECT_TRUE(in_mask(fri_sat, date::Friday));
  EXPECT_FALSE(in_mask(fri_sat, date::Sunday));
  EXPECT_TRUE(in_mask(flyorcall::kSatSun, date::Sunday));
}

TEST(Calendar, NextBusinessDaySkipsWeekendsAndHolidaysUpToTheLimit) {
  const BusinessCalendar de(flyorcall::kSatSun, {d(2027, 1, 1), d(2027, 1, 4)});
  EXPECT_EQ(de.next_business_day(d(2027, 1, 1), d(2027, 1, 10)), d(2027, 1, 5));
  EXPECT_EQ(de.next_business_day(d(2027, 1, 5), d(2027, 1, 5)), d(2027, 1, 5));
  EXPECT_EQ(de.next_business_day(d(2027, 1, 1), d(2027, 1, 4)), std::nullopt);
  EXPECT_EQ(de.next_business_day(d(2027, 1, 6), d(2027, 1, 5)), std::nullopt);
}

TEST(Calendar, AllWeekClosedHasNoBusinessDay) {
  const BusinessCalendar never(0x7f, {});
  EXPECT_EQ(never.next_business_day(d(2027, 1, 1), d(2027, 12, 31)), std::nullopt);
}

TEST(Calendar, OpenWeekendDaysAreBusinessDaysUnlessClosed) {
  // China 2026: Saturday 14 February is a make-up working day; Saturday 21 February is not.
  const BusinessCalendar cn(flyorcall::kSatSun, {d(2026, 2, 16), d(2026, 2, 28)},
                            {d(2026, 2, 14), d(2026, 2, 14), d(2026, 2, 28)});
  EXPECT_TRUE(cn.is_business_day(d(2026, 2, 14)));
  EXPECT_FALSE(cn.is_business_day(d(2026, 2, 21)));
  EXPECT_FALSE(cn.is_business_day(d(2026, 2, 16))); // closed weekday
  EXPECT_FALSE(cn.is_business_day(d(2026, 2, 28))); // closed wins over open
  EXPECT_EQ(cn.next_business_day(d(2026, 2, 13), d(2026, 2, 20)), d(2026, 2, 13));
  EXPECT_EQ(cn.next_business_day(d(2026, 2, 14), d(2026, 2, 20)), d(2026, 2, 14));
  EXPECT_EQ(cn.next_business_day(d(2026, 2, 15), d(2026, 2, 20)), d(2026, 2, 17));
}
