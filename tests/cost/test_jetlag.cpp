#include <gtest/gtest.h>

#include "cost/jetlag.hpp"

using flyorcall::Minutes;
using flyorcall::Policy;
namespace cost = flyorcall::cost;

TEST(JetLag, ClockShiftIsTheSignedShortestDifference) {
  EXPECT_DOUBLE_EQ(cost::clock_shift_hours(Minutes(60), Minutes(-300)), -6.0);   // Berlin->NY
  EXPECT_DOUBLE_EQ(cost::clock_shift_hours(Minutes(60), Minutes(540)), 8.0);     // Berlin->Tokyo
  EXPECT_DOUBLE_EQ(cost::clock_shift_hours(Minutes(-300), Minutes(540)), -10.0); // NY->Tokyo
  EXPECT_DOUBLE_EQ(cost::clock_shift_hours(Minutes(-600), Minutes(780)), -1.0);  // HNL->Tonga
  EXPECT_DOUBLE_EQ(cost::clock_shift_hours(Minutes(0), Minutes(720)), 12.0);
  EXPECT_DOUBLE_EQ(cost::clock_shift_hours(Minutes(0), Minutes(-720)), 12.0); // (-12, 12]
  EXPECT_DOUBLE_EQ(cost::clock_shift_hours(Minutes(60), Minutes(345)), 4.75); // Kathmandu
  EXPECT_DOUBLE_EQ(cost::clock_shift_hours(Minutes(120), Minutes(120)), 0.0);
}

TEST(JetLag, EastIsSlowerThanWestOnTheWayOut) {
  const Policy p; // east 1.0 h/day, west 1.5 h/day
  const auto east = cost::jetlag(6, 10, p);
  EXPECT_DOUBLE_EQ(east.days_out, 6.0);  // 6 h at 1 h/day
  EXPECT_DOUBLE_EQ(east.days_back, 4.0); // home is west: 6 h at 1.5 h/day
  const auto west = cost::jetlag(-6, 10, p);
  EXPECT_DOUBLE_EQ(west.days_out, 4.0);  // 6 h at 1.5 h/day
  EXPECT_DOUBLE_EQ(west.days_back, 6.0); // home is east: 6 h at 1 h/day
  EXPECT_DOUBLE_EQ(east.total(), 10.0);
  EXPECT_GT(east.days_out, west.days_out);
}

TEST(JetLag, ShortStaysAreCappedByTheStayAndOnlyUndoWhatWasAdapted) {
  const Policy p;
  const auto east = cost::jetlag(6, 2, p);
  EXPECT_DOUBLE_EQ(east.days_out, 2.0);        // capped by the stay
  EXPECT_DOUBLE_EQ(east.days_back, 2.0 / 1.5); // adapted 2 h, undone at 1.5 h/day
  const auto west = cost::jetlag(-6, 2, p);
  EXPECT_DOUBLE_EQ(west.days_out, 2.0);
  EXPECT_DOUBLE_EQ(west.days_back, 3.0); // adapted 2 x 1.5 = 3 h, undone at 1 h/day
  const auto none = cost::jetlag(-9, 0, p);
  EXPECT_DOUBLE_EQ(none.total(), 0.0);
  EXPECT_DOUBLE_EQ(cost::jetlag(0, 7, p).total(), 0.0);
  EXPECT_DOUBLE_EQ(cost::jetlag(3, -2, p).total(), 0.0); // a negative stay counts as none
}

TEST(JetLag, RatesComeFromThePolicy) {
  Policy p;
  p.jetlag_east_hours_per_day = 2.0;
  p.jetlag_west_hours_per_day = 3.0;
  const auto j = cost::jetlag(6, 10, p);
  EXPECT_DOUBLE_EQ(j.days_out, 3.0);
  EXPECT_DOUBLE_EQ(j.days_back, 2.0);
  p.jetlag_east_hours_per_day = 0;
  EXPECT_THROW((void)cost::jetlag(6, 10, p), std::invalid_argument);
}
