#include <gtest/gtest.h>

#include "cost/trip_cost.hpp"

using namespace std::chrono_literals;
using flyorcall::City;
using flyorcall::co2_from_kg;
using flyorcall::Country;
using flyorcall::Date;
using flyorcall::GramsCo2;
using flyorcall::Money;
using flyorcall::money_from_units;
using flyorcall::PlannedLeg;
using flyorcall::Policy;
using flyorcall::Stay;
using flyorcall::Traveller;
using flyorcall::Trip;
namespace cost = flyorcall::cost;
namespace network = flyorcall::network;

namespace {

City city(std::string code, std::string country, std::string tz, double hotel, double per_diem) {
  City c;
  c.code = code;
  c.name = code;
  c.country = std::move(country);
  c.tz = std::move(tz);
  c.hotel_night = money_from_units(hotel);
  c.per_diem = money_from_units(per_diem);
  return c;
}

Country country(std::string code, std::optional<double> hotel_kg) {
  Country c;
  c.code = code;
  c.name = code;
  c.hotel_kg_co2 = hotel_kg;
  return c;
}

network::Network small_network() {
  return network::Network::build(
      {city("BER", "DE", "Europe/Berlin", 150, 50), city("NYC", "US", "America/New_York", 300, 70),
       city("SAO", "BR", "America/Sao_Paulo", 120, 40), city("FRA", "DE", "Europe/Berlin", 140, 50),
       city("TYO", "JP", "Asia/Tokyo", 200, 60)},
      {country("DE", 13.2), country("US", 16.1), country("BR", std::nullopt), country("JP", 39.0)},
      {}, /*generate_default_legs=*/false, 1.0);
}

Date d(int y, unsigned m, unsigned day) {
  return Date{date::year{y} / m / day};
}

PlannedLeg leg(std::string from, std::string to, date::sys_seconds dep, date::sys_seconds arr,
               double fare, double kg) {
  PlannedLeg l;
  l.from = std::move(from);
  l.to = std::move(to);
  l.depart = dep;
  l.arrive = arr;
  l.block = flyorcall::Minutes(std::chrono::duration_cast<std::chrono::minutes>(arr - dep).count());
  l.fare = money_from_units(fare);
  l.co2 = co2_from_kg(kg);
  return l;
}

Traveller berliner() {
  Traveller t;
  t.id = "ana";
  t.home = "BER";
  t.cost_per_day = money_from_units(600);
  return t;
}

} // namespace

TEST(TripCost, TimeValuePerHourUsesTheMeanWorkingDay) {
  Traveller t;
  t.cost_per_day = money_from_units(680);
  EXPECT_EQ(cost::time_value_per_hour(t), money_from_units(80)); // 680 / 8.5 h
  // Mon-Thu 8 h, Fri 5 h: mean 7.4 h.
  for (std::size_t c = 1; c <= 4; ++c) t.hours.days[c] = {480, 960};
  t.hours.days[5] = {480, 780};
  t.cost_per_day = money_from_units(740);
  EXPECT_EQ(cost::time_value_per_hour(t), money_from_units(100));
  t.hours = flyorcall::WorkingHours{}; // no working day: the default 8.5 h day
  t.cost_per_day = money_from_units(680);
  EXPECT_EQ(cost::time_value_per_hour(t), money_from_units(80));
}

TEST(TripCost, HotelCo2UsesTheCountryFactorOrTheMedianFallback) {
  const auto net = small_network();
  EXPECT_EQ(cost::hotel_co2(net, *net.find("FRA"), 3), GramsCo2(39'600)); // 3 x 13.2 kg
  EXPECT_EQ(cost::hotel_co2(net, *net.find("TYO"), 1), GramsCo2(39'000));
  EXPECT_EQ(cost::hotel_co2(net, *net.find("SAO"), 2), GramsCo2(40'600)); // 2 x 20.3 kg
  EXPECT_EQ(cost::hotel_co2(net, *net.find("NYC"), 0), GramsCo2(0));
}

TEST(TripCost, CarbonCostRoundsToTheCent) {
  const Money per_tonne = money_from_units(100);
  EXPECT_EQ(cost::carbon_cost(GramsCo2(1'052'200), per_tonne), Money(10'522));
  EXPECT_EQ(cost::carbon_cost(GramsCo2(50), per_tonne), Money(1)); // 0.5 cent rounds up
  EXPECT_EQ(cost::carbon_cost(GramsCo2(49), per_tonne), Money(0)); // 0.49 cent rounds down
  EXPECT_EQ(cost::carbon_cost(GramsCo2(123'456'789), Money(0)), Money(0));
  EXPECT_EQ(cost::carbon_cost(GramsCo2(2'000'000'000), money_from_units(250)),
            money_from_units(500'000)); // 2,000 t at 250/t
}

TEST(TripCost, CarbonCostOfLargeAmountsDoesNotOverflow) {
  // Grams x cents per tonne exceeds int64 here (1e7 x 1e12) although the result, 1e13 cents,
  // fits easily; the input reader accepts prices up to 1e12 per tonne.
  EXPECT_EQ(cost::carbon_cost(GramsCo2(10'000'000), money_from_units(1e10)),
            money_from_units(1e11)); // 10 t at 1e10/t
  EXPECT_EQ(cost::carbon_cost(GramsCo2(1'500'001), money_from_units(1e12)),
            Money(150'000'100'000'000)); // 1.500001 t at 1e12/t
  // 2.5 t x (4e15 + 1) cents: 1e16 + 2.5 cents, the half cent rounds away from zero.
  EXPECT_EQ(cost::carbon_cost(GramsCo2(2'500'000), Money(4'000'000'000'000'001)),
            Money(10'000'000'000'000'003));
}

TEST(TripCost, OneStopTripEveryCategoryByHand) {
  const auto net = small_network();
  // Berlin -> New York in the week the US is already on summer time and Europe is not:
  // home CET (+1), New York EDT (-4), a 5 h westward shift.
  Trip trip;
  trip.id = "T1";
  trip.traveller_id = "ana";
  trip.depart = d(2027, 3, 15);
  trip.back = d(2027, 3, 18);
  trip.days_away = 4;
  trip.legs = {leg("BER", "NYC", date::sys_days{d(2027, 3, 15)} + 9h,
                   date::sys_days{d(2027, 3, 15)} + 17h + 30min, 450, 500),
               leg("NYC", "BER", date::sys_days{d(2027, 3, 17)} + 22h,
                   date::sys_days{d(2027, 3, 18)} + 6h + 30min, 480, 520)};
  trip.stays = {Stay{"NYC", d(2027, 3, 15), d(2027, 3, 17), 2}};
  Policy p;
  p.carbon_price_per_tonne = money_from_units(100);
  cost::price_trip(trip, net, berliner(), p);

  EXPECT_EQ(trip.cost.flights, money_from_units(930));
  EXPECT_EQ(trip.cost.hotel, money_from_units(600)); // 2 nights x 300
  // 15, 16, 17 March in the New York stay; 18 March (arriving home) at the first
  // destination's rate, also New York: 4 x 70.
  EXPECT_EQ(trip.cost.per_diem, money_from_units(280));
  EXPECT_EQ(trip.cost.traveller_time, money_from_units(2400)); // 4 x 600
  // 3 nights abroad, west 1.5 h/day: out min(5/1.5, 3) = 3 days, adapted min(5, 4.5) = 4.5 h,
  // back 4.5 h east at 1 h/day = 4.5 days; (3 + 4.5) x 0.25 x 600 = 1125.
  EXPECT_EQ(trip.cost.jetlag, money_from_units(1125));
  EXPECT_EQ(trip.co2_flights, GramsCo2(1'020'000));
  EXPECT_EQ(trip.co2_hotel, GramsCo2(32'200)); // 2 x 16.1 kg
  EXPECT_EQ(trip.cost.carbon, Money(10'522));  // 1.0522 t x 100
  EXPECT_EQ(trip.cost.total(), money_from_units(5440.22));
  EXPECT_EQ(trip.co2(), GramsCo2(1'052'200));
}

TEST(TripCost, JetLagUsesTheOffsetsOnTheTravelDates) {
  // The same trip a week earlier: New York still on EST (-5), a 6 h shift.
  const auto net = small_network();
  Trip trip;
  trip.depart = d(2027, 3, 8);
  trip.back = d(2027, 3, 11);
  trip.days_away = 4;
  trip.legs = {leg("BER", "NYC", date::sys_days{d(2027, 3, 8)} + 9h,
                   date::sys_days{d(2027, 3, 8)} + 17h + 30min, 450, 500),
               leg("NYC", "BER", date::sys_days{d(2027, 3, 10)} + 22h,
                   date::sys_days{d(2027, 3, 11)} + 6h + 30min, 480, 520)};
  trip.stays = {Stay{"NYC", d(2027, 3, 8), d(2027, 3, 10), 2}};
  cost::price_trip(trip, net, berliner(), Policy{});
  // out min(6/1.5, 3) = 3, adapted 4.5 h, back 4.5: same days as a 5 h shift on a 3-night stay.
  EXPECT_EQ(trip.cost.jetlag, money_from_units(1125));
  EXPECT_EQ(trip.cost.carbon, Money(0)); // no carbon price
  // A longer stay shows the difference: 9 nights adapt the full shift.
  trip.back = d(2027, 3, 17);
  trip.days_away = 10;
  trip.legs[1].depart = date::sys_days{d(2027, 3, 16)} + 22h;
  trip.legs[1].arrive = date::sys_days{d(2027, 3, 17)} + 6h + 30min;
  trip.stays[0].depart = d(2027, 3, 16);
  trip.stays[0].hotel_nights = 8;
  cost::price_trip(trip, net, berliner(), Policy{});
  // shift -6 (EST at arrival on 8 March): out 4 days, back 6 days -> 10 x 0.25 x 600.
  EXPECT_EQ(trip.cost.jetlag, money_from_units(1500));
}

TEST(TripCost, MultiStopUsesTheFarthestShiftedStayAndPerDiemPerStay) {
  const auto net = small_network();
  Trip trip;
  trip.depart = d(2027, 3, 15);
  trip.back = d(2027, 3, 19);
  trip.days_away = 5;
  trip.legs = {leg("BER", "NYC", date::sys_days{d(2027, 3, 15)} + 9h,
                   date::sys_days{d(2027, 3, 15)} + 17h + 30min, 450, 500),
               leg("NYC", "SAO", date::sys_days{d(2027, 3, 17)} + 2h,
                   date::sys_days{d(2027, 3, 17)} + 12h, 600, 400),
               leg("SAO", "BER", date::sys_days{d(2027, 3, 18)} + 20h,
                   date::sys_days{d(2027, 3, 19)} + 8h, 700, 600)};
  trip.stays = {Stay{"NYC", d(2027, 3, 15), d(2027, 3, 17), 2},
                Stay{"SAO", d(2027, 3, 17), d(2027, 3, 18), 1}};
  Policy p;
  p.carbon_price_per_tonne = money_from_units(50);
  cost::price_trip(trip, net, berliner(), p);
  EXPECT_EQ(trip.cost.flights, money_from_units(1750));
  EXPECT_EQ(trip.cost.hotel, money_from_units(720)); // 2 x 300 + 1 x 120
  // 15-17 March New York (17 belongs to the first stay), 18 Sao Paulo, 19 March in the air /
  // home: first destination New York. 4 x 70 + 40.
  EXPECT_EQ(trip.cost.per_diem, money_from_units(320));
  EXPECT_EQ(trip.cost.traveller_time, money_from_units(3000));
  // New York is -5 h from Berlin, Sao Paulo -4 h: the farther one counts. 4 nights, west:
  // out min(3.33, 4) = 3.333, adapted 5 h, back 5 days; 8.333 x 0.25 x 600 = 1250.
  EXPECT_EQ(trip.cost.jetlag, money_from_units(1250));
  EXPECT_EQ(trip.co2_hotel, GramsCo2(32'200 + 20'300)); // US factor + fallback for BR
  EXPECT_EQ(trip.co2_flights, GramsCo2(1'500'000));
  EXPECT_EQ(trip.cost.carbon, Money(7'763)); // 1.5525 t x 50 = 77.625 -> 77.63
}

TEST(TripCost, TripInTheSameZoneHasNoJetLag) {
  const auto net = small_network();
  Trip trip;
  trip.depart = d(2027, 2, 1);
  trip.back = d(2027, 2, 2);
  trip.days_away = 2;
  trip.legs = {leg("BER", "FRA", date::sys_days{d(2027, 2, 1)} + 6h,
                   date::sys_days{d(2027, 2, 1)} + 7h + 10min, 120, 90),
               leg("FRA", "BER", date::sys_days{d(2027, 2, 2)} + 17h,
                   date::sys_days{d(2027, 2, 2)} + 18h + 10min, 110, 90)};
  trip.stays = {Stay{"FRA", d(2027, 2, 1), d(2027, 2, 2), 1}};
  cost::price_trip(trip, net, berliner(), Policy{});
  EXPECT_EQ(trip.cost.jetlag, Money(0));
  EXPECT_EQ(trip.cost.hotel, money_from_units(140));
  EXPECT_EQ(trip.cost.per_diem, money_from_units(100));
  EXPECT_EQ(trip.co2_hotel, GramsCo2(13'200));
  EXPECT_EQ(trip.cost.total(), money_from_units(230 + 140 + 100 + 1200));
}

// Hotel nights are the nights before the departure day, each in its own season: an arrival in
// Athens at 02:00 on 1 May needs the room from the night of 30 April (winter rate) and the night
// of 1 May (summer rate) (data/lodging.csv: ATH 229 USD 11-01..04-30, 341 USD 05-01..10-31).
TEST(TripCost, AnEarlyArrivalsExtraNightIsPricedInItsOwnSeason) {
  flyorcall::Input in;
  in.currency = "USD";
  const auto net = network::Network::build(in);
  Traveller t = berliner();
  t.home = "FRA";
  Trip trip;
  trip.traveller_id = t.id;
  trip.depart = d(2027, 4, 30);
  trip.back = d(2027, 5, 2);
  trip.days_away = 3;
  const auto at = [](Date day, int h, int m) {
    return date::sys_seconds{day} + std::chrono::hours{h} + std::chrono::minutes{m};
  };
  trip.legs = {leg("FRA", "ATH", at(d(2027, 4, 30), 21, 0), at(d(2027, 4, 30), 23, 50), 200, 150),
               leg("ATH", "FRA", at(d(2027, 5, 2), 16, 0), at(d(2027, 5, 2), 19, 0), 200, 150)};
  trip.stays = {Stay{"ATH", d(2027, 5, 1), d(2027, 5, 2), 2}};
  cost::price_trip(trip, net, t, Policy{});
  EXPECT_EQ(trip.cost.hotel, money_from_units(229 + 341));
}
