#include <gtest/gtest.h>

#include "cost/value.hpp"

using flyorcall::Client;
using flyorcall::Money;
using flyorcall::money_from_units;
using flyorcall::Policy;
namespace cost = flyorcall::cost;

TEST(Value, GivenValueWins) {
  Client c;
  c.visit_value = money_from_units(5000);
  c.account_revenue = money_from_units(1'000'000);
  c.months_since_visit = 6;
  EXPECT_EQ(cost::visit_value(c), money_from_units(5000));
}

TEST(Value, DerivedFromRevenueUpliftAndMonthsSinceLastVisit) {
  Client c;
  c.account_revenue = money_from_units(200'000);
  c.in_person_uplift = 0.05;
  EXPECT_EQ(cost::visit_value(c), money_from_units(10'000)); // no last visit known: x1
  c.months_since_visit = 4;
  EXPECT_EQ(cost::visit_value(c), money_from_units(14'000)); // x1.4
  c.months_since_visit = 12;
  EXPECT_EQ(cost::visit_value(c), money_from_units(22'000)); // x2.2
  c.months_since_visit = 30;
  EXPECT_EQ(cost::visit_value(c), money_from_units(22'000)); // capped at 12 months
  c.months_since_visit = -3;
  EXPECT_EQ(cost::visit_value(c), money_from_units(10'000)); // never below the base
  c.months_since_visit = 1;
  c.account_revenue = money_from_units(333.33);
  c.in_person_uplift = 0.1;
  EXPECT_EQ(cost::visit_value(c), Money(3667)); // 333.33 x 0.1 x 1.1 = 36.6663 -> 36.67
}

TEST(Value, NothingGivenIsWorthNothing) {
  Client c;
  c.months_since_visit = 5;
  EXPECT_EQ(cost::visit_value(c), Money(0));
  EXPECT_EQ(cost::remote_value(c, Policy{}), Money(0));
}

TEST(Value, RemoteValueIsTheEffectiveShare) {
  Client c;
  c.account_revenue = money_from_units(200'000);
  c.months_since_visit = 4;
  Policy p;
  EXPECT_EQ(cost::remote_value(c, p), money_from_units(5'600)); // 0.4 x 14,000
  p.remote_effectiveness = 0.25;
  EXPECT_EQ(cost::remote_value(c, p), money_from_units(3'500));
  p.remote_effectiveness = 1.0;
  EXPECT_EQ(cost::remote_value(c, p), cost::visit_value(c));
}
