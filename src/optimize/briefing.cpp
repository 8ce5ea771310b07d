#include "optimize/briefing.hpp"

#include <algorithm>
#include <set>
#include <string>

#include "time/holidays.hpp"
#include "time/zones.hpp"

namespace flyorcall::optimize {

namespace {

bool overlaps(const DateRange& a, const DateRange& b) {
  return a.first <= b.last && b.first <= a.last;
}

/// The first `max` characters of UTF-8 text, "…" appended when cut.
std::string cut(const std::string& s, std::size_t max) {
  std::size_t chars = 0;
  for (std::size_t i = 0; i < s.size(); ++i) {
    if ((static_cast<unsigned char>(s[i]) & 0xC0u) == 0x80u) continue;
    if (chars++ == max) return s.substr(0, i) + "\u2026";
  }
  return s;
}

bool event_concerns(const Event& e, const City& city) {
  if (!e.city.empty()) return e.city == city.code;
  return e.country == city.country;
}

} // namespace

std::vector<Briefing> brief_trip(const Trip& trip, int home, const Input& input,
                                 const network::Network& net) {
  std::vector<Briefing> out;
  const date::time_zone* home_zone = timez::find_zone(net.city(home).tz);
  for (const Stay& stay : trip.stays) {
    Briefing b;
    const auto idx = net.find(stay.city);
    if (!idx) continue; // a stay is always at a network city; kept defensive for library users
    const City& city = net.city(*idx);
    b.city = city.code;
    b.country = city.country;

    // The time difference at the arrival instant of the leg that brings the traveller here
    // (local arrival date = the stay's arrival date); a stay reached without a flight (a second
    // client in the same city) takes noon UTC of its arrival date.
    const date::time_zone* zone = timez::find_zone(city.tz);
    Instant arrival = date::sys_seconds{stay.arrive.time_since_epoch()} + std::chrono::hours{12};
    for (const PlannedLeg& leg : trip.legs)
      if (zone && leg.to == stay.city &&
          date::floor<date::days>(timez::to_local(leg.arrive, zone)).time_since_epoch() ==
              stay.arrive.time_since_epoch())
        arrival = leg.arrive;
    if (zone && home_zone)
      b.time_difference = timez::utc_offset(arrival, zone) - timez::utc_offset(arrival, home_zone);

    Date first_visit = stay.depart;
    for (const Visit& v : trip.visits)
      if (v.city == stay.city && v.date >= stay.arrive && v.date <= stay.depart)
        first_visit = std::min(first_visit, v.date);
    b.window = {first_visit - date::days{kBriefingMarginDays},
                stay.depart + date::days{kBriefingMarginDays}};

    std::set<std::string> notes;
    const int y0 = static_cast<int>(date::year_month_day{b.window.first}.year());
    const int y1 = static_cast<int>(date::year_month_day{b.window.last}.year());
    for (int y = std::max(y0, timez::kFirstHolidayYear); y <= std::min(y1, timez::kLastHolidayYear);
         ++y) {
      const auto year = timez::holidays_in_year(city.country, y);
      if (!year) continue;
      if (!year->complete) notes.insert(year->note);
      for (const timez::Holiday& h : year->holidays)
        if (h.date >= b.window.first && h.date <= b.window.last)
          b.holidays.push_back({h.date, h.name, h.substitute});
    }
    if (!notes.empty()) {
      std::string text = city.country + " holiday calendar incomplete: ";
      bool first = true;
      for (const std::string& n : notes) {
        text += (first ? "" : "; ") + n;
        first = false;
      }
      b.calendar_note = text;
    }

    for (const Event& e : input.events) {
      if (!event_concerns(e, city) || !overlaps(e.dates, b.window)) continue;
      if (b.events.size() == kMaxBriefingEvents) {
        ++b.events_not_listed;
        continue;
      }
      b.events.push_back(
          {e.kind, e.dates, cut(e.title, kBriefingTitleChars), cut(e.note, kBriefingNoteChars)});
    }
    out.push_back(std::move(b));
  }
  return out;
}

} // namespace flyorcall::optimize
