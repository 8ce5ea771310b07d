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

void cut_briefing(Briefing& b, BriefingPage& page) {
  page.holidays_not_shown += keep_first(b.holidays, kPageBriefingItems);
  b.events_not_listed += keep_first(b.events, kPageBriefingItems);
  cut(b.city);
  cut(b.country);
  cut(b.calendar_note);
  for (LocalHoliday& h : b.holidays) cut(h.name);
  for (BriefingEvent& e : b.events) {
    cut(e.title);
    cut(e.note);
  }
}

void cut_trip(Trip& t, TripPage& page) {
  page.legs_not_shown = keep_first(t.legs, kPageTripRows);
  page.stays_not_shown = keep_first(t.stays, kPageTripRows);
  page.visits_not_shown = keep_first(t.visits, kPageTripRows);
  page.briefings_not_shown = keep_first(t.briefings, kPageBriefings);
  page.briefings.resize(t.briefings.size());
  cut(t.id);
  cut(t.traveller_id);
  for (PlannedLeg& l : t.legs) {
    cut(l.from);
    cut(l.to);
    cut(l.tz_from);
    cut(l.tz_to);
  }
  for (Stay& s : t.stays) cut(s.city);
  for (Visit& v : t.visits) {
    cut(v.client_id);
    cut(v.city);
  }
  for (std::size_t k = 0; k < t.briefings.size(); ++k)
    cut_briefing(t.briefings[k], page.briefings[k]);
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

  const Plan& p = r.plan;
  Plan& d = v.plan;
  d.flyorcall_version = p.flyorcall_version;
  d.data_version = p.data_version;
  d.label = p.label;
  d.horizon = p.horizon;
  d.currency = p.currency;
  d.seed = p.seed;
  d.method = p.method;
  d.totals = p.totals;
  d.budget = p.budget;
  d.decisions = p.decisions;
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
  v.trip_pages.resize(trips);
  for (std::size_t i = 0; i < trips; ++i) {
    v.trip_pages[i] = r.trip_page(i);
    cut_trip(d.trips[i], v.trip_pages[i]);
  }
  for (ClientDecision& c : d.decisions) {
    cut(c.client_id);
    cut(c.name);
    cut(c.trip_id);
    cut(c.traveller_id);
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
  c.plan.decisions = first(page.plan.decisions, kChartClients);
  c.trip_pages = first(page.trip_pages, kChartTrips);
  c.trips_not_shown = page.plan.trips.size() - c.plan.trips.size() + page.trips_not_shown;
  return c;
}

} // namespace flyorcall::report
