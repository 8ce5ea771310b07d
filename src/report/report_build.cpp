// The report data of a plan: cities placed from the network, calendar rows, and briefings derived
// for plans that carry none (docs/report.md, "Briefings").
#include <algorithm>
#include <chrono>
#include <iterator>
#include <map>
#include <set>
#include <utility>

#include "flyorcall/limits.hpp"
#include "model/as_written.hpp"
#include "report/report_format.hpp"
#include "report/report_page.hpp"
#include "report/trip_report.hpp"
#include "time/holidays.hpp"
#include "time/zones.hpp"

namespace flyorcall::report {

namespace {

using std::chrono::days;

/// The window a derived briefing covers: 3 days before the first visit day in the city (or the
/// arrival) to 3 days after leaving.
DateRange briefing_window(const Trip& t, const Stay& s) {
  Date first = s.arrive;
  bool any = false;
  for (const Visit& v : t.visits)
    if (v.city == s.city && v.date >= s.arrive && v.date <= s.depart) {
      first = any ? std::min(first, v.date) : v.date;
      any = true;
    }
  return {first - days{3}, s.depart + days{3}};
}

/// The UTC offset of `zone` at `t`, or nothing for a zone the tz database lacks.
std::optional<Minutes> utc_offset_in(const std::string& zone, Instant t) {
  const date::time_zone* z = timez::find_zone(zone);
  if (z == nullptr) return std::nullopt;
  return timez::utc_offset(t, z);
}

void add_holidays(Briefing& b, const DateRange& w) {
  if (b.country.empty()) return;
  const int y0 = static_cast<int>(date::year_month_day{w.first}.year());
  const int y1 = static_cast<int>(date::year_month_day{w.last}.year());
  for (int y = std::max(y0, timez::kFirstHolidayYear); y <= std::min(y1, timez::kLastHolidayYear);
       ++y) {
    const auto year = timez::holidays_in_year(b.country, y);
    if (!year) return; // no rules for the country
    for (const timez::Holiday& h : year->holidays)
      if (h.date >= w.first && h.date <= w.last)
        b.holidays.push_back({h.date, h.name, h.substitute});
    if (!year->complete && !b.calendar_note)
      b.calendar_note = "the public-holiday calendar of " + b.country + " is incomplete for " +
                        std::to_string(y) + " (" + year->note + ")";
  }
}

/// The input's events by place (indices in input order): a city's, and a whole country's.
struct EventIndex {
  std::map<std::string, std::vector<std::size_t>> by_city;
  std::map<std::string, std::vector<std::size_t>> by_country;
  std::size_t listed = 0; ///< events listed by the briefings derived so far
};

EventIndex index_events(const Input& input) {
  EventIndex x;
  for (std::size_t i = 0; i < input.events.size(); ++i) {
    const Event& e = input.events[i];
    if (!e.city.empty()) x.by_city[e.city].push_back(i);
    if (!e.country.empty()) x.by_country[e.country].push_back(i);
  }
  return x;
}

/// The events of the briefing's city and country over `w`, in input order: the first
/// kMaxDerivedEvents listed, the rest counted (10 000 events of one country would otherwise be
/// copied into every briefing of every trip).
void add_events(Briefing& b, const DateRange& w, const Input& input, EventIndex& x) {
  static const std::vector<std::size_t> none;
  const auto find = [](const auto& map, const std::string& key) -> const std::vector<std::size_t>& {
    const auto it = key.empty() ? map.end() : map.find(key);
    return it == map.end() ? none : it->second;
  };
  const auto& city = find(x.by_city, b.city);
  const auto& country = find(x.by_country, b.country);
  std::vector<std::size_t> here;
  std::merge(city.begin(), city.end(), country.begin(), country.end(), std::back_inserter(here));
  for (const std::size_t i : here) {
    const Event& e = input.events[i];
    if (e.dates.last < w.first || e.dates.first > w.last) continue;
    if (b.events.size() == kMaxDerivedEvents || x.listed == kMaxDerivedEventsTotal) {
      ++b.events_not_listed;
      continue;
    }
    ++x.listed;
    b.events.push_back({e.kind, e.dates, truncate_text(e.title, kPageTextChars),
                        truncate_text(e.note, kPageTextChars)});
  }
}

void derive_briefings(Trip& t, TripPage& page, const std::map<std::string, std::string>& country_of,
                      const Input* input, EventIndex& events) {
  const std::optional<Minutes> home =
      t.legs.empty() ? std::nullopt : utc_offset_in(t.legs.front().tz_from, t.legs.front().depart);
  std::size_t next_leg = 0;
  for (const Stay& s : t.stays) {
    Briefing b;
    b.city = s.city;
    if (const auto it = country_of.find(s.city); it != country_of.end()) b.country = it->second;
    for (std::size_t i = next_leg; i < t.legs.size(); ++i)
      if (t.legs[i].to == s.city) {
        const auto here = utc_offset_in(t.legs[i].tz_to, t.legs[i].arrive);
        if (here && home) b.time_difference = *here - *home;
        next_leg = i + 1;
        break;
      }
    const DateRange w = briefing_window(t, s);
    b.window = w;
    add_holidays(b, w);
    if (input) add_events(b, w, *input, events);
    t.briefings.push_back(std::move(b));
    page.briefings.push_back({BriefingSource::report, 0});
  }
}

} // namespace

std::optional<LocalTime> depart_local(const PlannedLeg& leg) {
  const date::time_zone* z = timez::find_zone(leg.tz_from);
  if (z == nullptr) return std::nullopt;
  return timez::to_local(leg.depart, z);
}

std::optional<LocalTime> arrive_local(const PlannedLeg& leg) {
  const date::time_zone* z = timez::find_zone(leg.tz_to);
  if (z == nullptr) return std::nullopt;
  return timez::to_local(leg.arrive, z);
}

Report make_report(Plan plan, const std::vector<City>& cities,
                   const std::vector<Country>& countries, const Input* input) {
  Report r;
  r.input_given = input != nullptr;
  plan = format::as_written(std::move(plan));

  std::map<std::string, const City*> city_by_code;
  for (const City& c : cities) city_by_code.emplace(c.code, &c);
  std::map<std::string, std::string> country_of;
  for (const City& c : cities) country_of.emplace(c.code, c.country);

  if (input)
    for (ClientDecision& c : plan.decisions)
      if (c.city.empty())
        for (const Client& ic : input->clients)
          if (ic.id == c.client_id) c.city = ic.city;

  EventIndex events = input ? index_events(*input) : EventIndex{};
  r.trip_pages.resize(plan.trips.size());
  for (std::size_t i = 0; i < plan.trips.size(); ++i) {
    Trip& t = plan.trips[i];
    if (t.briefings.empty())
      derive_briefings(t, r.trip_pages[i], country_of, input, events);
    else
      r.trip_pages[i].briefings.resize(t.briefings.size());
  }

  // Cities of the plan: placed when the network knows them, else listed as unplaced.
  std::set<std::string> codes;
  for (const Trip& t : plan.trips) {
    for (const PlannedLeg& l : t.legs) {
      codes.insert(l.from);
      codes.insert(l.to);
    }
    for (const Stay& s : t.stays) codes.insert(s.city);
  }
  for (const ClientDecision& c : plan.decisions)
    if (!c.city.empty()) codes.insert(c.city);
  for (const std::string& code : codes) {
    const auto it = city_by_code.find(code);
    if (it == city_by_code.end()) {
      r.unplaced.push_back(code);
      continue;
    }
    const City& c = *it->second;
    r.places.push_back({c.code, c.name, c.country, c.lat, c.lon});
  }
  for (const Country& c : countries) r.country_names.emplace(c.code, c.name);

  // Calendar rows: the input's travellers first, then anyone else the plan names.
  const auto add_traveller = [&r](const std::string& id) {
    if (!id.empty() &&
        std::find(r.travellers.begin(), r.travellers.end(), id) == r.travellers.end())
      r.travellers.push_back(id);
  };
  if (input)
    for (const Traveller& t : input->travellers) add_traveller(t.id);
  for (const Trip& t : plan.trips) add_traveller(t.traveller_id);
  for (const ClientDecision& c : plan.decisions)
    if (c.traveller_id) add_traveller(*c.traveller_id);

  if (plan.horizon) {
    r.horizon = *plan.horizon;
  } else if (input) {
    r.horizon = input->horizon;
  } else if (!plan.trips.empty()) {
    DateRange span{plan.trips.front().depart, plan.trips.front().back};
    for (const Trip& t : plan.trips) {
      span.first = std::min(span.first, t.depart);
      span.last = std::max(span.last, t.back);
    }
    // Trips far apart (a hand-made plan) still get a calendar of bounded size.
    span.last = std::min<Date>(span.last, span.first + days{limits::kMaxHorizonDays - 1});
    r.horizon = span;
  }
  r.plan = std::move(plan);
  return r;
}

} // namespace flyorcall::report
