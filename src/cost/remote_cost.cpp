#include "cost/remote_cost.hpp"

#include <cmath>

#include "cost/trip_cost.hpp"
#include "flyorcall/errors.hpp"
#include "time/zones.hpp"

namespace flyorcall::cost {

namespace {

const City& city_of(const network::Network& net, const std::string& code, const char* who) {
  const auto i = net.find(code);
  if (!i) throw Error(ErrorCode::input, std::string(who) + " city \"" + code + "\" is unknown");
  return net.city(*i);
}

const date::time_zone* zone_of(const City& c) {
  const auto* zone = timez::find_zone(c.tz);
  if (zone == nullptr)
    throw Error(ErrorCode::input, "city " + c.code + " has unknown time zone \"" + c.tz + "\"");
  return zone;
}

} // namespace

RemoteCost remote_cost(const Client& client, const Traveller& traveller,
                       const network::Network& net, const Policy& policy, DateRange horizon,
                       const timez::BusinessCalendar& client_calendar,
                       const timez::BusinessCalendar& traveller_calendar, SlotCache* slots) {
  const City& home = city_of(net, traveller.home, "traveller's home");
  const City& client_city = city_of(net, client.city, "client");
  const int length = static_cast<int>(client.meeting_length.count());

  // The traveller anchors the slot (the recurring invitation is theirs); each off-hours minute
  // weighs 1 (the minute itself) plus the policy's extra weight for that side.
  std::vector<timez::CallParticipant> parts(2);
  parts[0].name = traveller.id;
  parts[0].zone = zone_of(home);
  parts[0].hours = traveller.hours;
  parts[0].calendar = traveller_calendar;
  parts[0].weight = 1.0 + policy.offhours_weight_own;
  parts[1].name = client.id;
  parts[1].zone = zone_of(client_city);
  parts[1].hours = client.hours;
  parts[1].calendar = client_calendar;
  parts[1].weight = 1.0 + policy.offhours_weight_client;

  RemoteCost rc;
  const auto find = [&] { return timez::best_weekly_slot(parts, horizon, length); };
  rc.slot =
      slots ? slots->get(home.code, traveller.hours, client_city.code, client.hours, length, find)
            : find();

  const Money own_hour = time_value_per_hour(traveller);
  const Money client_hour = policy.client_hour_cost * client.attendees;
  const double meetings = client.remote_meetings;
  const double hours = static_cast<double>(length) / 60.0;
  rc.meeting_time = scale(own_hour + client_hour, meetings * hours);

  // Without a common business day no slot exists; every minute is priced as off-hours for both
  // sides, the worst case a fixed slot could reach.
  const double own_off = rc.slot ? rc.slot->mean_offhours[0] : length;
  const double client_off = rc.slot ? rc.slot->mean_offhours[1] : length;
  const double own_cents =
      own_off * policy.offhours_weight_own * static_cast<double>(own_hour.count());
  const double client_cents =
      client_off * policy.offhours_weight_client * static_cast<double>(client_hour.count());
  rc.offhours = Money(std::llround(meetings * (own_cents + client_cents) / 60.0));
  return rc;
}

} // namespace flyorcall::cost
