#include "cost/remote_cost.hpp"

#include <algorithm>
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

std::vector<timez::CallParticipant>
call_participants(const Client& client, const Traveller& traveller, const network::Network& net,
                  const Policy& policy, const timez::BusinessCalendar& client_calendar,
                  const timez::BusinessCalendar& traveller_calendar) {
  const City& home = city_of(net, traveller.home, "traveller's home");
  const City& client_city = city_of(net, client.city, "client");
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
  for (auto& p : parts) p.curve = offhours_curve(policy);
  return parts;
}

timez::OffHoursCurve offhours_curve(const Policy& policy) {
  timez::OffHoursCurve curve;
  curve.far = policy.offhours_far_factor;
  curve.night = policy.offhours_night_factor;
  return curve;
}

RemoteCost remote_cost_at(const Client& client, const Traveller& traveller, const Policy& policy,
                          std::optional<timez::WeeklySlot> slot) {
  const int length = static_cast<int>(client.meeting_length.count());
  RemoteCost rc;
  rc.slot = std::move(slot);
  const Money own_hour = time_value_per_hour(traveller);
  const Money client_hour = policy.client_hour_cost * client.attendees;
  const double meetings = client.remote_meetings;
  const double hours = static_cast<double>(length) / 60.0;
  rc.meeting_time = scale(own_hour + client_hour, meetings * hours);

  // Off-hours minutes graded by when they fall (OffHoursCurve: a night minute weighs most).
  // Without a slot (no common business day) every minute is priced as a night minute for both
  // sides, the worst case a fixed slot could reach.
  const double worst =
      length * std::max({1.0, policy.offhours_far_factor, policy.offhours_night_factor});
  const double own_off = rc.slot ? rc.slot->mean_burden[0] : worst;
  const double client_off = rc.slot ? rc.slot->mean_burden[1] : worst;
  const double own_cents =
      own_off * policy.offhours_weight_own * static_cast<double>(own_hour.count());
  const double client_cents =
      client_off * policy.offhours_weight_client * static_cast<double>(client_hour.count());
  rc.offhours = Money(std::llround(meetings * (own_cents + client_cents) / 60.0));
  return rc;
}

RemoteCost remote_cost(const Client& client, const Traveller& traveller,
                       const network::Network& net, const Policy& policy, DateRange horizon,
                       const timez::BusinessCalendar& client_calendar,
                       const timez::BusinessCalendar& traveller_calendar, SlotCache* slots) {
  const auto parts =
      call_participants(client, traveller, net, policy, client_calendar, traveller_calendar);
  const int length = static_cast<int>(client.meeting_length.count());
  const auto find = [&] { return timez::best_weekly_slot(parts, horizon, length); };
  if (!slots) return remote_cost_at(client, traveller, policy, find());
  const std::string& home = city_of(net, traveller.home, "traveller's home").code;
  const std::string& city = city_of(net, client.city, "client").code;
  return remote_cost_at(client, traveller, policy,
                        slots->get(home, traveller.hours, city, client.hours, length, find));
}

} // namespace flyorcall::cost
