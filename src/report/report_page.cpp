#include "report/report_page.hpp"

#include <algorithm>

#include "report/report_format.hpp"

namespace flyorcall::report {
namespace {

void cut(std::string& s) {
  s = truncate_text(s, kPageTextChars);
}

void cut(std::optional<std::string>& s) {
  if (s) cut(*s);
}

/// Keeps the first `max` items of `v`; returns how many were dropped.
template <class T> std::size_t keep_first(std::vector<T>& v, std::size_t max) {
  if (v.size() <= max) return 0;
  const std::size_t dropped = v.size() - max;
  v.erase(v.begin() + static_cast<std::ptrdiff_t>(max), v.end());
  return dropped;
}

void cut_briefing(PlanBriefing& b) {
  b.holidays_not_shown += keep_first(b.holidays, kPageBriefingItems);
  b.events_not_shown += keep_first(b.events, kPageBriefingItems);
  cut(b.city);
  cut(b.country);
  cut(b.calendar_note);
  for (PlanHoliday& h : b.holidays) cut(h.name);
  for (PlanEvent& e : b.events) {
    cut(e.kind);
    cut(e.title);
    cut(e.note);
  }
}

void cut_trip(PlanTrip& t) {
  t.legs_not_shown = keep_first(t.legs, kPageTripRows);
  t.stays_not_shown = keep_first(t.stays, kPageTripRows);
  t.visits_not_shown = keep_first(t.visits, kPageTripRows);
  t.briefings_not_shown = keep_first(t.briefings, kPageBriefings);
  cut(t.id);
  cut(t.traveller);
  for (PlanLeg& l : t.legs) {
    cut(l.from);
    cut(l.to);
    cut(l.cabin);
    cut(l.tz_from);
    cut(l.tz_to);
  }
  for (PlanStay& s : t.stays) cut(s.city);
  for (PlanVisit& v : t.visits) {
    cut(v.client);
    cut(v.city);
  }
  for (PlanBriefing& b : t.briefings) cut_briefing(b);
}

} // namespace

Report page_view(const Report& r) {
  Report v;
  // Copied piece by piece: the trips beyond the page's count are never copied.
  v.places = r.places;
  v.horizon = r.horizon;
  v.unplaced = r.unplaced;
  v.country_names = r.country_names;
  v.input_given = r.input_given;
  v.conversion = r.conversion;
  v.travellers = r.travellers;
  v.travellers_not_shown = keep_first(v.travellers, kPageTravellers);
  for (std::string& t : v.travellers) cut(t);
  for (std::string& u : v.unplaced) cut(u);

  const PlanDocument& p = r.plan;
  PlanDocument& d = v.plan;
  d.flyorcall_version = p.flyorcall_version;
  d.data_version = p.data_version;
  d.label = p.label;
  d.horizon = p.horizon;
  d.currency = p.currency;
  d.seed = p.seed;
  d.method = p.method;
  d.totals = p.totals;
  d.budget = p.budget;
  d.clients = p.clients;
  cut(d.flyorcall_version);
  cut(d.data_version);
  cut(d.label);
  cut(d.currency);
  cut(d.method);
  const std::size_t notes = std::min(p.notes.size(), kPageNotes);
  d.notes.assign(p.notes.begin(), p.notes.begin() + static_cast<std::ptrdiff_t>(notes));
  v.notes_not_shown = p.notes.size() - notes;
  for (std::string& n : d.notes) cut(n);
  const std::size_t trips = std::min(p.trips.size(), kPageTrips);
  d.trips.assign(p.trips.begin(), p.trips.begin() + static_cast<std::ptrdiff_t>(trips));
  v.trips_not_shown = p.trips.size() - trips;
  for (PlanTrip& t : d.trips) cut_trip(t);
  for (PlanClient& c : d.clients) {
    cut(c.id);
    cut(c.name);
    cut(c.trip);
    cut(c.traveller);
    cut(c.reason);
    cut(c.city);
  }
  return v;
}

Report chart_view(const Report& page) {
  Report c;
  c.places = page.places;
  c.horizon = page.horizon;
  c.unplaced = page.unplaced;
  c.country_names = page.country_names;
  c.input_given = page.input_given;
  c.conversion = page.conversion;
  c.travellers = page.travellers;
  c.plan.currency = page.plan.currency;
  c.plan.label = page.plan.label;
  c.plan.horizon = page.plan.horizon;
  c.plan.totals = page.plan.totals;
  const auto first = [](const auto& v, std::size_t n) {
    return std::decay_t<decltype(v)>(
        v.begin(), v.begin() + static_cast<std::ptrdiff_t>(std::min(n, v.size())));
  };
  c.plan.trips = first(page.plan.trips, kChartTrips);
  c.plan.clients = first(page.plan.clients, kChartClients);
  c.trips_not_shown = page.plan.trips.size() - c.plan.trips.size() + page.trips_not_shown;
  return c;
}

} // namespace flyorcall::report
