// A plan as its document states it (docs/plan.md), straight from the in-memory plan: what
// io::read_plan gives for the text plan_to_json writes, without writing or parsing it. Amounts
// are rounded as the document rounds them (money to the cent, CO2 to 0.1 kg, distances and
// off-hours to 0.1), and times to the minute, so the report and the check of a plan are the same
// whether it comes from the planner or from a file.
#include <chrono>

#include "model/format.hpp"
#include "report/trip_report.hpp"
#include "time/zones.hpp"

namespace flyorcall::report {

namespace {

using format::co2_as_written;
using format::one_decimal;

Instant to_minute(Instant t) {
  return date::floor<std::chrono::minutes>(t);
}

/// The local time of `t` in `zone`, to the minute, or nothing for a zone the tz database lacks.
std::optional<LocalTime> local_in(const std::string& zone, Instant t) {
  const date::time_zone* z = timez::find_zone(zone);
  if (z == nullptr) return std::nullopt;
  return date::floor<std::chrono::minutes>(timez::to_local(t, z));
}

PlanLeg leg_of(const PlannedLeg& l) {
  PlanLeg out;
  out.from = l.from;
  out.to = l.to;
  out.depart_local = local_in(l.tz_from, l.depart);
  out.arrive_local = local_in(l.tz_to, l.arrive);
  out.depart_utc = to_minute(l.depart);
  out.arrive_utc = to_minute(l.arrive);
  out.tz_from = l.tz_from;
  out.tz_to = l.tz_to;
  out.block_min = static_cast<int>(l.block.count());
  out.km = one_decimal(l.km);
  out.cabin = std::string(cabin_name(l.cabin));
  out.fare = l.fare;
  out.co2 = co2_as_written(l.co2);
  return out;
}

PlanBriefing briefing_of(const Briefing& b) {
  PlanBriefing out;
  out.city = b.city;
  out.country = b.country;
  out.time_difference = b.time_difference;
  out.window = b.window;
  for (const LocalHoliday& h : b.holidays) out.holidays.push_back({h.date, h.name, h.substitute});
  for (const BriefingEvent& e : b.events)
    out.events.push_back({std::string(event_kind_name(e.kind)), e.dates, e.title, e.note});
  out.events_not_shown = b.events_not_listed;
  out.calendar_note = b.calendar_note;
  out.source = BriefingSource::plan;
  return out;
}

PlanTrip trip_of(const Trip& t) {
  PlanTrip out;
  out.id = t.id;
  out.traveller = t.traveller_id;
  out.depart = t.depart;
  out.back = t.back;
  out.days_away = t.days_away;
  for (const PlannedLeg& l : t.legs) out.legs.push_back(leg_of(l));
  for (const Stay& s : t.stays) out.stays.push_back({s.city, s.arrive, s.depart, s.hotel_nights});
  for (const Visit& v : t.visits) out.visits.push_back({v.client_id, v.city, v.date, v.days});
  for (const Briefing& b : t.briefings) out.briefings.push_back(briefing_of(b));
  out.cost = t.cost;
  out.co2_flights = co2_as_written(t.co2_flights);
  out.co2_hotel = co2_as_written(t.co2_hotel);
  out.co2_total = co2_as_written(t.co2());
  return out;
}

CallSlotSummary slot_of(CallSlotSummary s) {
  s.traveller_offhours_min = one_decimal(s.traveller_offhours_min);
  s.client_offhours_min = one_decimal(s.client_offhours_min);
  return s;
}

PlanClient client_of(const ClientDecision& d) {
  PlanClient out;
  out.id = d.client_id;
  out.name = d.name;
  out.visit = d.visit;
  out.trip = d.trip_id;
  out.traveller = d.traveller_id;
  out.value = d.value;
  out.remote_value = d.remote_value;
  out.remote_cost = d.remote_cost;
  out.marginal_cost = d.marginal_cost;
  if (d.break_even_defined) out.break_even_value = d.break_even_value;
  out.reason = d.reason;
  if (d.call_slot) out.call_slot = slot_of(*d.call_slot);
  return out;
}

} // namespace

PlanDocument plan_document(const Plan& plan) {
  PlanDocument d;
  d.flyorcall_version = plan.flyorcall_version;
  d.data_version = plan.data_version;
  d.label = plan.label;
  d.horizon = plan.horizon;
  d.currency = plan.currency;
  d.seed = plan.seed;
  d.method = plan.method;
  d.notes = plan.notes;
  d.hotel_source = plan.hotel_source;
  for (const AllowanceUse& a : plan.allowances)
    d.per_diem_sources.emplace_back(a.traveller_id, a.source);
  for (const Trip& t : plan.trips) d.trips.push_back(trip_of(t));
  for (const ClientDecision& c : plan.decisions) d.clients.push_back(client_of(c));
  // As the reader does: a visited client gets the city of its visit (clients[] carry none).
  for (PlanClient& c : d.clients)
    for (const PlanTrip& t : d.trips)
      for (const PlanVisit& v : t.visits)
        if (c.city.empty() && v.client == c.id) c.city = v.city;
  const Totals& t = plan.totals;
  d.totals.trips = t.trips;
  d.totals.visits = t.visits;
  d.totals.remote = t.remote;
  d.totals.days_away = t.days_away;
  d.totals.trip_cost = t.trip_cost;
  d.totals.remote_cost = t.remote_cost;
  d.totals.value = t.value;
  d.totals.net = t.net;
  d.totals.co2 = co2_as_written(t.co2);
  BudgetUse b = plan.budget;
  b.co2 = co2_as_written(b.co2);
  if (b.co2_limit) b.co2_limit = co2_as_written(*b.co2_limit);
  d.budget = b;
  return d;
}

} // namespace flyorcall::report
