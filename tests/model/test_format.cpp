// The one home for money, CO2, duration and clock texts (model/format.hpp): each form as the
// plans, the report, the writers and the checker print it.
#include "model/format.hpp"

#include <cstdint>
#include <limits>

#include <gtest/gtest.h>

namespace flyorcall::format {
namespace {

TEST(Format, MoneyPlainAndWithCurrency) {
  EXPECT_EQ(plain_money(Money{123450}), "1234.50");
  EXPECT_EQ(plain_money(Money{-300}), "-3.00");
  EXPECT_EQ(plain_money(Money{-5}), "-0.05");
  EXPECT_EQ(plain_money(Money{0}), "0.00");
  EXPECT_EQ(money(Money{-123450}, "EUR"), "-1234.50 EUR");
  EXPECT_EQ(plain_money(Money{std::numeric_limits<std::int64_t>::min()}), "-92233720368547758.08");
}

TEST(Format, GroupedNumbers) {
  EXPECT_EQ(grouped_money(Money{123456789}), "1,234,567.89");
  EXPECT_EQ(grouped_money(Money{-100000}), "-1,000.00");
  EXPECT_EQ(grouped_money(Money{99}), "0.99");
  EXPECT_EQ(grouped_decimal(12345, 10, true), "+1,234.5");
  EXPECT_EQ(grouped_decimal(-12345, 10, true), "-1,234.5");
  EXPECT_EQ(grouped_decimal(0, 100, true), "0.00");
}

TEST(Format, KilogramsOfCo2) {
  // Half away from zero, as the plan JSON rounds CO2.
  EXPECT_EQ(plain_kg(GramsCo2{23178449}), "23178.4");
  EXPECT_EQ(plain_kg(GramsCo2{250}), "0.3");
  EXPECT_EQ(plain_kg(GramsCo2{-250}), "-0.3");
  EXPECT_EQ(kg_co2e(GramsCo2{17754000}), "17754.0 kg CO2e");
  // printf's rounding, as the checker and the terminal summary print it.
  EXPECT_EQ(kg_fixed(GramsCo2{12345}), "12.3 kg");
}

TEST(Format, ClockDurationAndOffset) {
  EXPECT_EQ(clock(0), "00:00");
  EXPECT_EQ(clock(7 * 60 + 5), "07:05");
  EXPECT_EQ(clock(24 * 60), "24:00");
  EXPECT_EQ(hours_minutes(65), "1h05");
  EXPECT_EQ(hours_minutes(-30), "-0h30");
  EXPECT_EQ(hours_minutes(0), "0h00");
  EXPECT_EQ(signed_clock(330), "+05:30");
  EXPECT_EQ(signed_clock(-240), "-04:00");
  EXPECT_EQ(signed_clock(0), "+00:00");
  EXPECT_EQ(signed_clock(13 * 60 + 45), "+13:45");
}

} // namespace
} // namespace flyorcall::format
