// Trip briefings: time difference on the real dates, local holidays near the visit, events.
#include <gtest/gtest.h>

#include <chrono>
#include <string>
#include <vector>

#include "flyorcall/model.hpp"
#include "network/network.hpp"
#include "optimize/briefing.hpp"

namespace flyorcall::optimize {
namespace {

using namespace date::literals;
using std::chrono::hours;

Input input_with_events(std::vector<Event> events) {
  Input in;
  in.horizon = {2027_y / 1 / 1, 2027_y / 12 / 31};
  Traveller t;
  t.id = "ana";
  t.home = "FRA";
  in.travellers.push_back(t);
  in.events = std::move(events);
  return in;
}

Event event(EventKind kind, std::string city, std::string country, DateRange dates,
            std::string title) {
  Event e;
  e.kind = kind;
  e.city = std::move(city);
  e.country = std::move(country);
  e.dates = dates;
  e.title = std::move(title);
  e.note = "note of " + e.title;
  return e;
}

/// FRA -> `to` on `out` (UTC), a stay from `arrive` to `depart` with one visit, and back.
Trip trip_to(const std::string& to, Instant out, Date arrive, Date visit, Date depart) {
  Trip t;
  PlannedLeg a;
  a.from = "FRA";
  a.to = to;
  a.depart = out;
  a.arrive = out + hours{2};
  PlannedLeg b;
  b.from = to;
  b.to = "FRA";
  b.depart = date::sys_days{depart} + hours{17};
  b.arrive = b.depart + hours{2};
  t.legs = {a, b};
  t.stays = {{to, arrive, depart, 1}};
  t.visits = {{"c", to, visit, 1}};
  return t;
}

TEST(Briefing, EasterMondayNearALondonVisitAndEventsOfThePlace) {
  const Input in = input_with_events(
      {event(EventKind::fair, "LON", "", {2027_y / 3 / 31, 2027_y / 4 / 2}, "London fair"),
       event(EventKind::strike, "", "GB", {2027_y / 3 / 20, 2027_y / 3 / 26}, "Rail strike"),
       event(EventKind::news, "PAR", "", {2027_y / 3 / 29, 2027_y / 3 / 30}, "Paris news"),
       event(EventKind::news, "", "FR", {2027_y / 3 / 29, 2027_y / 3 / 30}, "France news")});
  const auto net = network::Network::build(in);
  const Trip t = trip_to("LON", date::sys_days{2027_y / 3 / 30} + hours{6}, 2027_y / 3 / 30,
                         2027_y / 3 / 30, 2027_y / 3 / 31);
  const auto b = brief_trip(t, *net.find("FRA"), in, net);
  ASSERT_EQ(b.size(), 1u);
  EXPECT_EQ(b[0].city, "LON");
  EXPECT_EQ(b[0].country, "GB");
  // London is one hour behind Frankfurt (both on summer time since 28 March 2027).
  EXPECT_EQ(b[0].time_difference, Minutes(-60));
  EXPECT_EQ(b[0].window.first, Date{2027_y / 3 / 27});
  EXPECT_EQ(b[0].window.last, Date{2027_y / 4 / 3});
  // Good Friday (26 March) is outside the window, Easter Monday (29 March) inside.
  ASSERT_EQ(b[0].holidays.size(), 1u);
  EXPECT_EQ(b[0].holidays[0].date, Date{2027_y / 3 / 29});
  EXPECT_EQ(b[0].holidays[0].name, "Easter Monday");
  // The fair at the city overlaps the window; the strike ended on the 26th; Paris and France
  // are other places.
  ASSERT_EQ(b[0].events.size(), 1u);
  EXPECT_EQ(b[0].events[0].title, "London fair");
  EXPECT_EQ(b[0].events[0].note, "note of London fair");
  EXPECT_FALSE(b[0].calendar_note.has_value());
}

TEST(Briefing, TimeDifferenceFollowsDaylightSavingOnTheTravelDate) {
  const Input in = input_with_events({});
  const auto net = network::Network::build(in);
  // Singapore has no summer time: +7 h from Frankfurt in winter, +6 h in summer.
  const Trip winter = trip_to("SIN", date::sys_days{2027_y / 2 / 1} + hours{6}, 2027_y / 2 / 1,
                              2027_y / 2 / 2, 2027_y / 2 / 2);
  const Trip summer = trip_to("SIN", date::sys_days{2027_y / 7 / 5} + hours{6}, 2027_y / 7 / 5,
                              2027_y / 7 / 6, 2027_y / 7 / 6);
  const int fra = *net.find("FRA");
  EXPECT_EQ(brief_trip(winter, fra, in, net).at(0).time_difference, Minutes(7 * 60));
  EXPECT_EQ(brief_trip(summer, fra, in, net).at(0).time_difference, Minutes(6 * 60));
  // Kathmandu is +05:45 from UTC: +04:45 from Frankfurt in winter.
  const Trip ktm = trip_to("KTM", date::sys_days{2027_y / 2 / 1} + hours{6}, 2027_y / 2 / 1,
                           2027_y / 2 / 2, 2027_y / 2 / 2);
  EXPECT_EQ(brief_trip(ktm, fra, in, net).at(0).time_difference, Minutes(4 * 60 + 45));
}

TEST(Briefing, ListsTheFirstEventsWithShortTextsAndCountsTheRest) {
  // 30 events for the whole country: every stop there would copy them all.
  std::vector<Event> events;
  for (int k = 0; k < 30; ++k)
    events.push_back(event(EventKind::news, "", "GB", {2027_y / 3 / 1, 2027_y / 4 / 30},
                           "news " + std::to_string(k) + std::string(300, 't')));
  events[0].note = std::string(600, 'n');
  const Input in = input_with_events(events);
  const auto net = network::Network::build(in);
  const Trip t = trip_to("LON", date::sys_days{2027_y / 3 / 30} + hours{6}, 2027_y / 3 / 30,
                         2027_y / 3 / 30, 2027_y / 3 / 31);
  const auto b = brief_trip(t, *net.find("FRA"), in, net);
  ASSERT_EQ(b.size(), 1u);
  ASSERT_EQ(b[0].events.size(), kMaxBriefingEvents);
  EXPECT_EQ(b[0].events_not_listed, 10u);
  EXPECT_EQ(b[0].events[0].title, "news 0" + std::string(194, 't') + "\u2026");
  EXPECT_EQ(b[0].events[0].note, std::string(500, 'n') + "\u2026");
  EXPECT_EQ(b[0].events[19].title.substr(0, 8), "news 19t");
}

} // namespace
} // namespace flyorcall::optimize
