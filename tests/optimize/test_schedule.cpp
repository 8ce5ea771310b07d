// The trip scheduler on a small hand-made network with explicit block times, so every arrival
// time below can be worked out by hand from the legs and the tz database.
#include <gtest/gtest.h>

#include <string>
#include <vector>

#include "flyorcall/model.hpp"
#include "network/network.hpp"
#include "optimize/schedule.hpp"

namespace flyorcall::optimize {
namespace {

using date::days;
using namespace date::literals;

City city(std::string code, std::string country, std::string tz, double lat, double lon,
          double hotel, double per_diem) {
  City c;
  c.code = std::move(code);
  c.name = c.code;
  c.country = std::move(country);
  c.tz = std::move(tz);
  c.lat = lat;
  c.lon = lon;
  c.region = "test";
  c.hotel_night = money_from_units(hotel);
  c.per_diem = money_from_units(per_diem);
  return c;
}

Country country(std::string code) {
  Country c;
  c.code = std::move(code);
  c.name = c.code;
  return c;
}

LegSpec leg(std::string from, std::string to, int block_min, double economy) {
  LegSpec l;
  l.from = std::move(from);
  l.to = std::move(to);
  l.block = Minutes(block_min);
  l.fare[0] = money_from_units(economy);
  return l;
}

// FRA, LON and SIN with explicit legs; PPT exists but has no leg at all.
network::Network make_net(int fra_lon_block = 360) {
  return network::Network::build(
      {city("FRA", "DE", "Europe/Berlin", 50.03, 8.57, 150, 40),
       city("LON", "GB", "Europe/London", 51.47, -0.45, 200, 45),
       city("SIN", "SG", "Asia/Singapore", 1.36, 103.99, 180, 50),
       city("PPT", "PF", "Pacific/Tahiti", -17.55, -149.61, 220, 60)},
      {country("DE"), country("GB"), country("SG"), country("PF")},
      {leg("FRA", "LON", fra_lon_block, 200), leg("FRA", "SIN", 720, 900)}, false, 1.0);
}

Input make_input() {
  Input in;
  in.label = "2027-Q1";
  in.horizon = {2027_y / 1 / 4, 2027_y / 3 / 31};
  in.network.use_default = false;
  Traveller t;
  t.id = "ana";
  t.home = "FRA";
  t.cost_per_day = money_from_units(800);
  t.max_trip_days = 10;
  t.weekend = WeekendRule::stay;
  t.cabin.upgrade_above.reset();
  in.travellers.push_back(t);
  Client c;
  c.id = "lon";
  c.name = "London Ltd";
  c.city = "LON";
  c.visit_value = money_from_units(20000);
  in.clients.push_back(c);
  return in;
}

Client client_in(std::string id, std::string city_code) {
  Client c;
  c.id = std::move(id);
  c.name = c.id;
  c.city = std::move(city_code);
  c.visit_value = money_from_units(20000);
  return c;
}

TEST(Schedule, ArrivalBeforeNoonVisitsSameDay) {
  // 07:00 CET = 06:00 UTC; + 4 h = 10:00 in London (GMT in January), a 4-hour journey.
  const auto net = make_net(240);
  const Input in = make_input();
  const Scheduler s(in, net);
  const auto r = s.schedule(0, {0}, 2027_y / 1 / 5);
  ASSERT_TRUE(r.trip) << r.why;
  EXPECT_EQ(r.trip->visits.at(0).date, Date{2027_y / 1 / 5});
  EXPECT_EQ(r.trip->stays.at(0).hotel_nights, 0);
}

TEST(Schedule, LongJourneyArrivingBeforeNoonRestsANightFirst) {
  // + 5 h 59 = 11:59 in London: before noon, but the journey took more than 4 hours.
  const auto net = make_net(359);
  const Input in = make_input();
  const Scheduler s(in, net);
  const auto r = s.schedule(0, {0}, 2027_y / 1 / 5);
  ASSERT_TRUE(r.trip) << r.why;
  EXPECT_EQ(r.trip->visits.at(0).date, Date{2027_y / 1 / 6});
  EXPECT_EQ(r.trip->stays.at(0).hotel_nights, 1);
}

TEST(Schedule, ArrivalAtNoonPushesVisitToNextDay) {
  const auto net = make_net(360);
  const Input in = make_input();
  const Scheduler s(in, net);
  const auto r = s.schedule(0, {0}, 2027_y / 1 / 5);
  ASSERT_TRUE(r.trip) << r.why;
  const Trip& t = *r.trip;
  ASSERT_EQ(t.legs.size(), 2u);
  EXPECT_EQ(t.legs[0].depart, date::sys_days{2027_y / 1 / 5} + std::chrono::hours{6});
  EXPECT_EQ(t.legs[0].arrive, date::sys_days{2027_y / 1 / 5} + std::chrono::hours{12});
  EXPECT_EQ(t.visits.at(0).date, Date{2027_y / 1 / 6});
  EXPECT_EQ(t.stays.at(0).arrive, Date{2027_y / 1 / 5});
  EXPECT_EQ(t.stays.at(0).depart, Date{2027_y / 1 / 6});
  EXPECT_EQ(t.stays.at(0).hotel_nights, 1);
  // Leaves London 18:00 GMT, lands 00:00 UTC = 01:00 CET on the 7th.
  EXPECT_EQ(t.legs[1].depart, date::sys_days{2027_y / 1 / 6} + std::chrono::hours{18});
  EXPECT_EQ(t.back, Date{2027_y / 1 / 7});
  EXPECT_EQ(t.days_away, 3);
  EXPECT_GT(t.cost.total(), Money{0});
}

TEST(Schedule, FridayArrivalWaitsForMondayAndCheapestDateAvoidsIt) {
  const auto net = make_net(360);
  const Input in = make_input();
  const Scheduler s(in, net);
  const auto friday = s.schedule(0, {0}, 2027_y / 1 / 8);
  ASSERT_TRUE(friday.trip) << friday.why;
  EXPECT_EQ(friday.trip->visits.at(0).date, Date{2027_y / 1 / 11});
  EXPECT_EQ(friday.trip->stays.at(0).hotel_nights, 3);
  EXPECT_EQ(friday.trip->days_away, 5);

  const auto best = s.cheapest(0, {0}, {});
  ASSERT_TRUE(best.trip) << best.why;
  EXPECT_EQ(best.trip->visits.at(0).date, best.trip->depart + days{1});
  EXPECT_EQ(best.trip->days_away, 3);
  EXPECT_LT(best.trip->cost.total(), friday.trip->cost.total());
}

TEST(Schedule, WeekendRuleHomeRejectsTripsOverAWeekend) {
  const auto net = make_net(360);
  Input in = make_input();
  in.travellers[0].weekend = WeekendRule::home;
  const Scheduler s(in, net);
  const auto friday = s.schedule(0, {0}, 2027_y / 1 / 8);
  EXPECT_FALSE(friday.trip);
  EXPECT_EQ(friday.failure, ScheduleFailure::weekend_home);
  EXPECT_NE(friday.why.find("2027-01-09"), std::string::npos) << friday.why;
  // Thursday out, Friday visit, home early Saturday: no weekend day strictly inside the trip.
  const auto thursday = s.schedule(0, {0}, 2027_y / 1 / 7);
  ASSERT_TRUE(thursday.trip) << thursday.why;
  EXPECT_EQ(thursday.trip->back, Date{2027_y / 1 / 9});
}

TEST(Schedule, MaxTripDaysRejectsLongVisits) {
  const auto net = make_net(360);
  Input in = make_input();
  in.clients[0].visit_days = 5;
  in.travellers[0].max_trip_days = 6;
  {
    const Scheduler s(in, net);
    const auto r = s.cheapest(0, {0}, {});
    EXPECT_FALSE(r.trip);
    EXPECT_EQ(r.failure, ScheduleFailure::too_long);
    EXPECT_NE(r.why.find("max_trip_days 6"), std::string::npos) << r.why;
  }
  in.travellers[0].max_trip_days = 7;
  const Scheduler s(in, net);
  const auto r = s.cheapest(0, {0}, {});
  ASSERT_TRUE(r.trip) << r.why;
  // Five consecutive business days from the day after arrival: out Sunday, visit Mon-Fri.
  EXPECT_EQ(r.trip->days_away, 7);
  EXPECT_EQ(date::weekday{r.trip->visits[0].date}, date::Monday);
  EXPECT_EQ(r.trip->visits[0].days, 5);
}

TEST(Schedule, NightArrivalAfterLongHaulRestsAndPaysThatNight) {
  const auto net = make_net();
  Input in = make_input();
  in.clients.push_back(client_in("sin", "SIN"));
  const Scheduler s(in, net);
  const auto r = s.schedule(0, {1}, 2027_y / 1 / 5);
  ASSERT_TRUE(r.trip) << r.why;
  const Trip& t = *r.trip;
  // 06:00 UTC + 12 h = 18:00 UTC = 02:00 on the 6th in Singapore: after a 12-hour journey the
  // visit waits for the 7th; the room is needed from the night of arrival on.
  EXPECT_EQ(t.legs.at(0).arrive, date::sys_days{2027_y / 1 / 5} + std::chrono::hours{18});
  EXPECT_EQ(t.stays.at(0).arrive, Date{2027_y / 1 / 6});
  EXPECT_EQ(t.visits.at(0).date, Date{2027_y / 1 / 7});
  EXPECT_EQ(t.stays.at(0).hotel_nights, 2);
  // 18:00 SGT on the 7th = 10:00 UTC, + 12 h = 22:00 UTC = 23:00 CET the same day.
  EXPECT_EQ(t.back, Date{2027_y / 1 / 7});
  EXPECT_EQ(t.days_away, 3);
}

TEST(Schedule, EveningLongHaulArrivalHasNoExtraNight) {
  // Arriving in London at 12:00 is not a night arrival: only the nights from the arrival date on.
  const auto net = make_net(360);
  const Input in = make_input();
  const Scheduler s(in, net);
  const auto r = s.schedule(0, {0}, 2027_y / 1 / 5);
  ASSERT_TRUE(r.trip) << r.why;
  EXPECT_EQ(r.trip->stays.at(0).hotel_nights, 1);
}

TEST(Schedule, AvailabilityWindowIsRespected) {
  const auto net = make_net(360);
  Input in = make_input();
  in.clients[0].availability = {{2027_y / 2 / 15, 2027_y / 2 / 19}};
  in.travellers[0].max_trip_days = 30;
  const Scheduler s(in, net);
  const auto waiting = s.schedule(0, {0}, 2027_y / 2 / 1);
  ASSERT_TRUE(waiting.trip) << waiting.why;
  EXPECT_EQ(waiting.trip->visits[0].date, Date{2027_y / 2 / 15});

  const auto best = s.cheapest(0, {0}, {});
  ASSERT_TRUE(best.trip) << best.why;
  const Date v = best.trip->visits[0].date;
  EXPECT_GE(v, Date{2027_y / 2 / 15});
  EXPECT_LE(v, Date{2027_y / 2 / 19});
  EXPECT_EQ(best.trip->days_away, 3);

  // Two business days never fit in a window holding only Friday and Saturday.
  in.clients[0].availability = {{2027_y / 2 / 19, 2027_y / 2 / 20}};
  in.clients[0].visit_days = 2;
  const Scheduler s2(in, net);
  const auto none = s2.cheapest(0, {0}, {});
  EXPECT_FALSE(none.trip);
  EXPECT_EQ(none.failure, ScheduleFailure::no_visit_date);
}

TEST(Schedule, BlackoutEventClosesTheClientsCity) {
  const auto net = make_net(360);
  Input in = make_input();
  Event e;
  e.kind = EventKind::blackout;
  e.city = "LON";
  e.dates = {2027_y / 1 / 6, 2027_y / 1 / 6};
  in.events.push_back(e);
  const Scheduler s(in, net);
  EXPECT_FALSE(s.client_calendar(0).is_business_day(2027_y / 1 / 6));
  const auto r = s.schedule(0, {0}, 2027_y / 1 / 5);
  ASSERT_TRUE(r.trip) << r.why;
  EXPECT_EQ(r.trip->visits[0].date, Date{2027_y / 1 / 7});
}

TEST(Schedule, UnreachableCityAndBusyDates) {
  const auto net = make_net(360);
  Input in = make_input();
  in.clients.push_back(client_in("ppt", "PPT"));
  const Scheduler s(in, net);
  const auto r = s.cheapest(0, {1}, {});
  EXPECT_FALSE(r.trip);
  EXPECT_EQ(r.failure, ScheduleFailure::unreachable);
  EXPECT_NE(r.why.find("no route from FRA to PPT"), std::string::npos) << r.why;

  const std::vector<DateRange> busy{{2027_y / 1 / 4, 2027_y / 1 / 20}};
  const auto later = s.cheapest(0, {0}, busy);
  ASSERT_TRUE(later.trip) << later.why;
  EXPECT_GT(later.trip->depart, Date{2027_y / 1 / 20});
}

TEST(Schedule, PastHorizonAndMultiStop) {
  const auto net = make_net(360);
  Input in = make_input();
  in.clients.push_back(client_in("sin", "SIN"));
  const Scheduler s(in, net);
  // Visit on the horizon's last day, home after midnight: one day too late.
  const auto late = s.schedule(0, {0}, 2027_y / 3 / 30);
  EXPECT_FALSE(late.trip);
  EXPECT_EQ(late.failure, ScheduleFailure::past_horizon);

  // FRA -> LON -> (via FRA) SIN -> FRA: the London-Singapore route connects in Frankfurt.
  const auto both = s.schedule(0, {0, 1}, 2027_y / 1 / 5);
  ASSERT_TRUE(both.trip) << both.why;
  const Trip& t = *both.trip;
  ASSERT_EQ(t.visits.size(), 2u);
  EXPECT_EQ(t.visits[0].client_id, "lon");
  EXPECT_EQ(t.visits[1].client_id, "sin");
  ASSERT_EQ(t.legs.size(), 4u);
  EXPECT_EQ(t.legs[1].from, "LON");
  EXPECT_EQ(t.legs[2].from, "FRA");
  EXPECT_EQ(t.legs[2].to, "SIN");
  // The connection in Frankfurt takes the policy's minimum connection time.
  EXPECT_EQ(t.legs[2].depart - t.legs[1].arrive, std::chrono::minutes{60});
  EXPECT_LT(t.visits[0].date, t.visits[1].date);
}

TEST(Schedule, PublicHolidaysOfTheClientsCountryAreNotBusinessDays) {
  // Good Friday (26 March 2027) and Easter Monday (29 March) are bank holidays in England: a
  // morning arrival on Good Friday waits until Tuesday 30 March.
  const auto net = make_net(90);
  Input in = make_input();
  in.horizon = {2027_y / 3 / 1, 2027_y / 4 / 30};
  const Scheduler s(in, net);
  const auto r = s.schedule(0, {0}, 2027_y / 3 / 26);
  ASSERT_TRUE(r.trip) << r.why;
  EXPECT_EQ(r.trip->visits.at(0).date, Date{2027_y / 3 / 30});
  EXPECT_FALSE(s.client_calendar(0).is_business_day(2027_y / 3 / 26));
  EXPECT_FALSE(s.client_calendar(0).is_business_day(2027_y / 3 / 29));
  EXPECT_TRUE(s.client_calendar(0).is_business_day(2027_y / 3 / 30));
  // Germany keeps Good Friday and Easter Monday too: the traveller's home calendar closes them.
  EXPECT_FALSE(s.traveller_calendar(0).is_business_day(2027_y / 3 / 29));
}

TEST(Schedule, PublicHolidaysListTheRangeAndNoteCountriesWithoutRules) {
  const PublicHolidays gb = public_holidays("GB", {2027_y / 3 / 1, 2027_y / 4 / 30});
  EXPECT_EQ(gb.closed, (std::vector<Date>{2027_y / 3 / 26, 2027_y / 3 / 29}));
  EXPECT_FALSE(gb.note.has_value());
  // A substitute day: Christmas 2027 is a Saturday, Boxing Day a Sunday -> 27 and 28 December.
  const PublicHolidays xmas = public_holidays("GB", {2027_y / 12 / 24, 2027_y / 12 / 31});
  EXPECT_EQ(xmas.closed, (std::vector<Date>{2027_y / 12 / 25, 2027_y / 12 / 26, 2027_y / 12 / 27,
                                            2027_y / 12 / 28}));
  const PublicHolidays pf = public_holidays("PF", {2027_y / 1 / 1, 2027_y / 3 / 31});
  EXPECT_TRUE(pf.closed.empty());
  ASSERT_TRUE(pf.note.has_value());
  EXPECT_EQ(*pf.note, "no public-holiday rules for country PF: only its weekend and the "
                      "input's blackout and strike events close days");
  // The scheduler of an input with a PF client says so once in its notes.
  const auto net = make_net();
  Input in = make_input();
  in.clients.push_back(client_in("tahiti", "PPT"));
  in.clients.push_back(client_in("tahiti2", "PPT"));
  const Scheduler s(in, net);
  EXPECT_EQ(s.notes(), std::vector<std::string>{*pf.note});
}

} // namespace
} // namespace flyorcall::optimize
