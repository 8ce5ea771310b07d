#include <gtest/gtest.h>

#include "cost/remote_cost.hpp"
#include "flyorcall/errors.hpp"

using flyorcall::City;
using flyorcall::Client;
using flyorcall::Country;
using flyorcall::Date;
using flyorcall::DateRange;
using flyorcall::Minutes;
using flyorcall::Money;
using flyorcall::money_from_units;
using flyorcall::Policy;
using flyorcall::Traveller;
using flyorcall::timez::BusinessCalendar;
namespace cost = flyorcall::cost;
namespace network = flyorcall::network;

namespace {

City city(std::string code, std::string country, std::string tz) {
  City c;
  c.code = code;
  c.name = code;
  c.country = std::move(country);
  c.tz = std::move(tz);
  c.hotel_night = money_from_units(150);
  c.per_diem = money_from_units(50);
  return c;
}

network::Network small_network() {
  Country de;
  de.code = "DE";
  Country us;
  us.code = "US";
  Country jp;
  jp.code = "JP";
  return network::Network::build(
      {city("BER", "DE", "Europe/Berlin"), city("FRA", "DE", "Europe/Berlin"),
       city("CHI", "US", "America/Chicago"), city("TYO", "JP", "Asia/Tokyo")},
      {de, us, jp}, {}, /*generate_default_legs=*/false, 1.0);
}

Date d(int y, unsigned m, unsigned day) {
  return Date{date::year{y} / m / day};
}

const DateRange kQ1{d(2027, 1, 1), d(2027, 3, 31)};
const BusinessCalendar kWeekdays(flyorcall::kSatSun, {});

Traveller berliner() {
  Traveller t;
  t.id = "ana";
  t.home = "BER";
  t.cost_per_day = money_from_units(680); // 80 per hour over 8.5 h
  return t;
}

Client client_in(const std::string& code, int minutes) {
  Client c;
  c.id = "c-" + code;
  c.city = code;
  c.meeting_length = Minutes(minutes);
  return c; // 6 meetings, 2 attendees, office hours
}

} // namespace

TEST(RemoteCost, MeetingTimeOfEveryone) {
  const auto net = small_network();
  const auto rc = cost::remote_cost(client_in("FRA", 120), berliner(), net, Policy{}, kQ1,
                                    kWeekdays, kWeekdays);
  // 6 meetings x 2 h x (80 + 2 x 80).
  EXPECT_EQ(rc.meeting_time, money_from_units(2880));
  ASSERT_TRUE(rc.slot);
  EXPECT_EQ(rc.slot->weekday, date::Monday);
  EXPECT_EQ(rc.slot->anchor_start_min, 9 * 60);
  EXPECT_EQ(rc.offhours, Money(0)); // same zone, same hours
  EXPECT_EQ(rc.total(), money_from_units(2880));
}

TEST(RemoteCost, ClientSevenHoursAwayCostsMoreOffHoursThanOneInTheSameZone) {
  const auto net = small_network();
  const auto near = cost::remote_cost(client_in("FRA", 120), berliner(), net, Policy{}, kQ1,
                                      kWeekdays, kWeekdays);
  const auto far = cost::remote_cost(client_in("CHI", 120), berliner(), net, Policy{}, kQ1,
                                     kWeekdays, kWeekdays);
  // Berlin and Chicago share 90 minutes (Berlin 16:00-17:30) in winter: a 2-hour call leaves
  // 30 minutes outside someone's day. The traveller's minute weighs 2, the client's 3, so the
  // call starts at Berlin 16:00 and the traveller takes the 30 minutes.
  ASSERT_TRUE(far.slot);
  EXPECT_EQ(far.slot->weekday, date::Monday);
  EXPECT_EQ(far.slot->anchor_start_min, 16 * 60);
  EXPECT_DOUBLE_EQ(far.slot->score, 60.0);
  EXPECT_DOUBLE_EQ(far.slot->mean_offhours[0], 30.0);
  EXPECT_DOUBLE_EQ(far.slot->mean_offhours[1], 0.0);
  // 6 x 30 min x weight 1 x 80 per hour = 240.
  EXPECT_EQ(far.offhours, money_from_units(240));
  EXPECT_EQ(far.meeting_time, near.meeting_time);
  EXPECT_GT(far.offhours, near.offhours);
  EXPECT_GT(far.total(), near.total());
}

TEST(RemoteCost, ClientBearsTheOffHoursWhenTheTravellersMinuteWeighsMore) {
  const auto net = small_network();
  Policy p;
  p.offhours_weight_own = 5.0; // a traveller minute now weighs 6, a client minute 3
  const auto rc =
      cost::remote_cost(client_in("TYO", 60), berliner(), net, p, kQ1, kWeekdays, kWeekdays);
  // Berlin 09:00 is Tokyo 17:00 (30 min after hours) until Europe moves to summer time on
  // 28 March; on Monday 29 March it is Tokyo 16:00. Mondays have 13 dates, 12 of them in winter.
  ASSERT_TRUE(rc.slot);
  EXPECT_EQ(rc.slot->weekday, date::Monday);
  EXPECT_EQ(rc.slot->anchor_start_min, 9 * 60);
  EXPECT_EQ(rc.slot->occurrences.size(), 13u);
  EXPECT_EQ(rc.slot->occurrences.back().local_start_min[1], 16 * 60);
  EXPECT_NEAR(rc.slot->mean_offhours[1], 12.0 * 30 / 13, 1e-9);
  // 6 x (360/13 min x 2 x (2 x 80)) / 60 = 886.1538... -> 886.15
  EXPECT_EQ(rc.offhours, Money(88'615));
  EXPECT_EQ(rc.meeting_time, money_from_units(1440)); // 6 x 1 h x 240
}

TEST(RemoteCost, NoCommonBusinessDayPricesEveryMinuteAsANightMinute) {
  const auto net = small_network();
  const BusinessCalendar closed(0x7f, {});
  const auto rc =
      cost::remote_cost(client_in("CHI", 60), berliner(), net, Policy{}, kQ1, closed, kWeekdays);
  EXPECT_FALSE(rc.slot);
  // A night minute counts 6 (policy.offhours_weight.night):
  // 6 x (60 x 6 x 1 x 80 + 60 x 6 x 2 x 160) / 60 = 6 x 6 x (80 + 320) = 14400.
  EXPECT_EQ(rc.offhours, money_from_units(14400));
  EXPECT_EQ(rc.meeting_time, money_from_units(1440));
  // With the curve flat, every minute counts once: 6 x (80 + 320) = 2400.
  Policy flat;
  flat.offhours_far_factor = 1.0;
  flat.offhours_night_factor = 1.0;
  EXPECT_EQ(cost::remote_cost(client_in("CHI", 60), berliner(), net, flat, kQ1, closed, kWeekdays)
                .offhours,
            money_from_units(2400));
}

// The planner's remote cost grades off-hours minutes by the policy's curve: a three-hour call
// between Berlin and Tokyo leaves 150 minutes outside someone's day; a flat count puts Berlin at
// 06:30, a steep curve keeps every minute within two hours of a working day and costs more.
TEST(RemoteCost, OffHoursMinutesAreGradedByThePolicyCurve) {
  const auto net = small_network();
  Policy p;
  p.offhours_far_factor = 1.0;
  p.offhours_night_factor = 1.0;
  const auto flat =
      cost::remote_cost(client_in("TYO", 180), berliner(), net, p, kQ1, kWeekdays, kWeekdays);
  p.offhours_far_factor = 4.0;
  p.offhours_night_factor = 12.0;
  const auto steep =
      cost::remote_cost(client_in("TYO", 180), berliner(), net, p, kQ1, kWeekdays, kWeekdays);
  ASSERT_TRUE(flat.slot && steep.slot);
  EXPECT_GT(steep.offhours, flat.offhours);
  // The price follows the slot's graded minutes (own weight 1, client weight 2 x 2 attendees):
  // 6 x (own x 1 x 80 + client x 2 x 160) / 60.
  const double graded =
      6.0 * (steep.slot->mean_burden[0] * 80.0 + steep.slot->mean_burden[1] * 320.0) / 60.0;
  EXPECT_NEAR(static_cast<double>(steep.offhours.count()) / 100.0, graded, 0.01);
}

TEST(RemoteCost, HolidaysOfEitherSideRemoveDates) {
  const auto net = small_network();
  // Every Monday of the quarter is a holiday for the client: the slot moves to Tuesday.
  std::vector<Date> mondays;
  for (Date day = d(2027, 1, 4); day <= kQ1.last; day += date::weeks{1}) mondays.push_back(day);
  const BusinessCalendar client_cal(flyorcall::kSatSun, mondays);
  const auto rc = cost::remote_cost(client_in("FRA", 60), berliner(), net, Policy{}, kQ1,
                                    client_cal, kWeekdays);
  ASSERT_TRUE(rc.slot);
  EXPECT_EQ(rc.slot->weekday, date::Tuesday);
  EXPECT_EQ(rc.slot->occurrences.size(), 13u);
}

TEST(RemoteCost, UnknownCityIsAnInputError) {
  const auto net = small_network();
  EXPECT_THROW((void)cost::remote_cost(client_in("XXX", 60), berliner(), net, Policy{}, kQ1,
                                       kWeekdays, kWeekdays),
               flyorcall::Error);
}
