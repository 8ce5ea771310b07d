// The plan as an iCalendar object (RFC 5545, docs/report_ics.md). Components and properties are
// built with libical, which escapes TEXT values and folds lines at 75 octets; UIDs are digests of
// what identifies an event (quarter, traveller, kind, place or client), so a re-import of a
// changed plan updates the events instead of duplicating them.
#include <algorithm>
#include <cstdint>
#include <optional>
#include <set>
#include <string>
#include <string_view>
#include <vector>

#include "flyorcall/errors.hpp"
#include "report/report_format.hpp"
#include "report/report_ics.hpp"
#include "report/report_ics_impl.hpp"

namespace flyorcall::report {
namespace {

using ics::Component;

/// FNV-1a, 64 bits: a digest that is the same on every machine (std::hash is not).
std::uint64_t fnv1a(std::string_view s) {
  std::uint64_t h = 14695981039346656037ULL;
  for (const char c : s) {
    h ^= static_cast<unsigned char>(c);
    h *= 1099511628211ULL;
  }
  return h;
}

/// Control characters other than line breaks and tabs become spaces (RFC 5545 TEXT).
std::string text(std::string_view s) {
  std::string out(s);
  for (char& c : out)
    if ((static_cast<unsigned char>(c) < 0x20 && c != '\n' && c != '\t') || c == 0x7f) c = ' ';
  return out;
}

icaltimetype ical_time(const std::string& stamp) {
  return icaltime_from_string(stamp.c_str());
}

icaltimetype ical_date(Date d) {
  return icaltime_from_string(date::format("%Y%m%d", d).c_str());
}

class IcsWriter {
public:
  IcsWriter(const Report& r, const std::vector<CallSeries>& calls,
            const std::optional<std::string>& traveller)
      : r_(r), calls_(calls), traveller_(traveller) {
    const Date stamp_day = r.plan.horizon ? r.plan.horizon->first
                           : r.horizon    ? r.horizon->first
                                          : Date{date::year{2000} / 1 / 1};
    dtstamp_ = ics::utc_stamp(date::sys_seconds{stamp_day});
  }

  std::string render() {
    Component cal(icalcomponent_new_vcalendar());
    icalcomponent_add_property(cal.get(), icalproperty_new_version("2.0"));
    icalcomponent_add_property(cal.get(), icalproperty_new_prodid("-//flyorcall//trip plan//EN"));
    icalcomponent_add_property(cal.get(), icalproperty_new_calscale("GREGORIAN"));
    icalcomponent_add_property(cal.get(), icalproperty_new_method(ICAL_METHOD_PUBLISH));
    const std::string name =
        "flyorcall " + r_.plan.label + (traveller_ ? " (" + *traveller_ + ")" : std::string());
    icalproperty* calname = icalproperty_new_x(text(name).c_str());
    icalproperty_set_x_name(calname, "X-WR-CALNAME");
    icalcomponent_add_property(cal.get(), calname);

    std::vector<Component> events;
    for (const Trip& t : r_.plan.trips) {
      if (traveller_ && t.traveller_id != *traveller_) continue;
      for (std::size_t i = 0; i < t.legs.size(); ++i) events.push_back(flight(t, i));
      for (std::size_t i = 0; i < t.stays.size(); ++i) events.push_back(stay(t, i));
      for (const Visit& v : t.visits) events.push_back(visit(t, v));
    }
    for (const CallSeries& s : calls_) {
      if (traveller_ && s.traveller != *traveller_) continue;
      events.push_back(call(s));
    }
    for (const std::string& z : zones_) {
      Component tz = ics::make_vtimezone(z, first_year_, last_year_);
      icalcomponent_add_component(cal.get(), tz.release());
    }
    for (Component& e : events) icalcomponent_add_component(cal.get(), e.release());
    return ics::serialise(cal.get());
  }

private:
  void cover(Date d) {
    const int y = static_cast<int>(date::year_month_day{d}.year());
    first_year_ = std::min(first_year_, y);
    last_year_ = std::max(last_year_, y);
  }

  /// A DATE-TIME property at `local` in `zone` (with its TZID) or, without a local time (the
  /// leg's zone is unknown), at `utc` in UTC.
  icalproperty* timed(icalproperty* p, const std::optional<LocalTime>& local,
                      const std::string& zone, Instant utc) {
    if (local) { // depart_local/arrive_local give one only in a zone the tz database knows
      zones_.insert(zone);
      cover(Date{date::floor<date::days>(*local).time_since_epoch()});
      icalproperty_set_value(p, icalvalue_new_datetime(ical_time(ics::local_stamp(*local))));
      icalproperty_add_parameter(p, icalparameter_new_tzid(zone.c_str()));
      return p;
    }
    const auto t = date::floor<std::chrono::seconds>(utc);
    cover(date::floor<date::days>(t));
    icalproperty_set_value(p, icalvalue_new_datetime(ical_time(ics::utc_stamp(t))));
    return p;
  }

  Component event(const std::vector<std::string>& key, const std::string& category,
                  const std::string& summary, const std::string& location,
                  const std::string& description) {
    std::string material = "flyorcall\x1f" + r_.plan.label;
    for (const std::string& k : key) material += "\x1f" + k;
    const std::uint64_t h = fnv1a(material);
    std::string uid;
    static constexpr char kHex[] = "0123456789abcdef";
    for (int shift = 60; shift >= 0; shift -= 4) uid += kHex[(h >> shift) & 0xf];
    std::string unique = uid;
    for (int n = 2; !uids_.insert(unique).second; ++n) unique = uid + "-" + std::to_string(n);
    Component e(icalcomponent_new_vevent());
    icalcomponent_add_property(e.get(), icalproperty_new_uid((unique + "@flyorcall").c_str()));
    icalcomponent_add_property(e.get(), icalproperty_new_dtstamp(ical_time(dtstamp_)));
    icalcomponent_add_property(e.get(), icalproperty_new_summary(text(summary).c_str()));
    if (!location.empty())
      icalcomponent_add_property(e.get(), icalproperty_new_location(text(location).c_str()));
    std::string body = text(description);
    while (!body.empty() && body.back() == '\n') body.pop_back();
    icalcomponent_add_property(e.get(), icalproperty_new_description(body.c_str()));
    icalcomponent_add_property(e.get(), icalproperty_new_categories(category.c_str()));
    return e;
  }

  std::string city(const std::string& code) const {
    const auto it =
        std::lower_bound(r_.places.begin(), r_.places.end(), code,
                         [](const Place& p, const std::string& c) { return p.code < c; });
    if (it != r_.places.end() && it->code == code && !it->name.empty())
      return it->name + " (" + code + ")";
    return code;
  }

  std::string place(const std::string& code) const {
    const auto it =
        std::lower_bound(r_.places.begin(), r_.places.end(), code,
                         [](const Place& p, const std::string& c) { return p.code < c; });
    if (it == r_.places.end() || it->code != code || it->name.empty()) return code;
    const auto country = r_.country_names.find(it->country);
    return it->name + (country != r_.country_names.end() ? ", " + country->second : std::string());
  }

  std::string client_name(const std::string& id) const {
    for (const ClientDecision& c : r_.plan.decisions)
      if (c.client_id == id && !c.name.empty()) return c.name;
    return id;
  }

  static std::string briefing(const Report& r, const Briefing& b) {
    std::string out = "Briefing for " + b.city;
    if (!b.country.empty()) {
      const auto it = r.country_names.find(b.country);
      out += ", " + (it == r.country_names.end() ? b.country : it->second);
    }
    out += ":\n";
    if (b.time_difference)
      out += "- Time difference: " + time_difference_text(*b.time_difference) + "\n";
    const std::string window =
        " from " + iso_date(b.window.first) + " to " + iso_date(b.window.last);
    if (b.holidays.empty()) {
      out += "- No public holidays" + window + ".\n";
    } else {
      out += "- Public holidays" + window + ":\n";
      for (const LocalHoliday& h : b.holidays)
        out += "  " + weekday_date(h.date) + ": " + h.name +
               (h.substitute ? " (substitute day)" : "") + "\n";
    }
    if (b.events.empty() && b.events_not_listed == 0) {
      out += "- No events" + window + ".\n";
    } else {
      out += "- Events:\n";
      for (const BriefingEvent& e : b.events) {
        out += "  " + std::string(event_kind_name(e.kind)) + ", " + iso_date(e.dates.first) +
               (e.dates.last != e.dates.first ? " to " + iso_date(e.dates.last) : "") + ": " +
               e.title + (e.note.empty() ? "" : " — " + e.note) + "\n";
      }
      if (b.events_not_listed > 0)
        out += "  … and " + std::to_string(b.events_not_listed) + " more\n";
    }
    if (b.calendar_note) out += "- Note: " + *b.calendar_note + "\n";
    return out;
  }

  /// The briefing of the trip's stay `stay` (one per stay, same order), else the first for the
  /// city; empty when the trip has none.
  std::string briefing_of(const Trip& t, std::size_t stay, const std::string& city) const {
    if (t.briefings.size() == t.stays.size() && stay < t.briefings.size() &&
        t.briefings[stay].city == city)
      return "\n\n" + briefing(r_, t.briefings[stay]);
    for (const Briefing& b : t.briefings)
      if (b.city == city) return "\n\n" + briefing(r_, b);
    return {};
  }

  Component flight(const Trip& t, std::size_t i) {
    const PlannedLeg& l = t.legs[i];
    std::string times = "Departs " + city(l.from) + " " +
                        (depart_local(l) ? local_text(*depart_local(l)) + " " + l.tz_from : "") +
                        "\nArrives " + city(l.to) + " " +
                        (arrive_local(l) ? local_text(*arrive_local(l)) + " " + l.tz_to : "");
    const std::string description =
        "Trip " + t.id + " of " + t.traveller_id + ", flight " + std::to_string(i + 1) + " of " +
        std::to_string(t.legs.size()) + ".\n" + times + "\nBlock time " +
        duration_text(static_cast<int>(l.block.count())) + ", " + plain_one_decimal(l.km) +
        " km, " + std::string(cabin_name(l.cabin)) + ", " + plain_kg(l.co2) + " kg CO2e.";
    const std::string day =
        depart_local(l)
            ? iso_date(Date{date::floor<date::days>(*depart_local(l)).time_since_epoch()})
            : iso_date(date::floor<date::days>(l.depart));
    Component e = event({t.traveller_id, "flight", l.from, l.to, day}, "Flight",
                        "Flight " + city(l.from) + " → " + city(l.to), place(l.from), description);
    icalcomponent_add_property(e.get(), timed(icalproperty_new_dtstart(icaltime_null_time()),
                                              depart_local(l), l.tz_from, l.depart));
    icalcomponent_add_property(e.get(), timed(icalproperty_new_dtend(icaltime_null_time()),
                                              arrive_local(l), l.tz_to, l.arrive));
    return e;
  }

  Component stay(const Trip& t, std::size_t i) {
    const Stay& s = t.stays[i];
    std::string description = "Trip " + t.id + " of " + t.traveller_id + ": " + place(s.city) +
                              ", arriving " + iso_date(s.arrive) + ", leaving " +
                              iso_date(s.depart) + ", " + std::to_string(s.hotel_nights) +
                              " hotel night" + (s.hotel_nights == 1 ? "" : "s") + ".";
    for (const Visit& v : t.visits)
      if (v.city == s.city && s.arrive <= v.date && v.date <= s.depart)
        description += "\nVisit: " + client_name(v.client_id) + " (" + v.client_id + ") on " +
                       iso_date(v.date) + " for " + std::to_string(v.days) + " day" +
                       (v.days == 1 ? "" : "s") + ".";
    description += briefing_of(t, i, s.city);
    Component e = event({t.traveller_id, "stay", s.city, iso_date(s.arrive)}, "Hotel",
                        (s.hotel_nights > 0 ? "Hotel: " : "Stay: ") + city(s.city), place(s.city),
                        description);
    all_day(e.get(), s.arrive, std::max(s.depart, s.arrive + date::days{1}));
    icalcomponent_add_property(e.get(), icalproperty_new_transp(ICAL_TRANSP_TRANSPARENT));
    return e;
  }

  Component visit(const Trip& t, const Visit& v) {
    std::size_t stay = t.stays.size();
    for (std::size_t i = 0; i < t.stays.size(); ++i)
      if (t.stays[i].city == v.city && t.stays[i].arrive <= v.date && v.date <= t.stays[i].depart)
        stay = i;
    const std::string name = client_name(v.client_id);
    const std::string description = "Client: " + name + " (" + v.client_id +
                                    ")\nCity: " + place(v.city) + "\nTrip " + t.id + " of " +
                                    t.traveller_id + ", " + std::to_string(v.days) + " day" +
                                    (v.days == 1 ? "" : "s") + " on site from " +
                                    weekday_date(v.date) + "." + briefing_of(t, stay, v.city);
    Component e = event({"visit", v.client_id}, "Client visit",
                        "Visit: " + name + " (" + city(v.city) + ")", place(v.city), description);
    all_day(e.get(), v.date, v.date + date::days{std::max(1, v.days)});
    return e;
  }

  void all_day(icalcomponent* e, Date first, Date end_exclusive) {
    cover(first);
    cover(end_exclusive);
    icalcomponent_add_property(e, icalproperty_new_dtstart(ical_date(first)));
    icalcomponent_add_property(e, icalproperty_new_dtend(ical_date(end_exclusive)));
  }

  /// What the series holds against what the plan prices (docs/report_ics.md).
  static std::string meetings_text(const CallSeries& s) {
    const std::string n = std::to_string(s.meetings);
    const std::string w = std::to_string(s.usable.size());
    const std::string weeks = " of the horizon on which both sides do business";
    if (static_cast<std::size_t>(s.meetings) < s.usable.size())
      return n + " meetings, the " + n + " remote meetings the plan prices: " + n + " of the " + w +
             " weeks" + weeks + ", spread evenly (meeting i in usable week floor(i x " + w + " / " +
             n + "), both counted from 0).";
    if (static_cast<std::size_t>(s.meetings) == s.usable.size())
      return n + " meetings, the " + n + " remote meetings the plan prices: one in each of the " +
             w + " weeks" + weeks + ".";
    return w + " meetings, one in each of the " + w + " weeks" + weeks + ": fewer weeks than the " +
           n + " remote meetings the plan prices (it prices all " + n +
           " at this slot); the other " +
           std::to_string(s.meetings - static_cast<int>(s.usable.size())) +
           " are not in this calendar.";
  }

  Component call(const CallSeries& s) {
    const std::string wd = std::string(weekday_name(static_cast<int>(s.weekday.c_encoding())));
    const auto start = std::chrono::minutes{s.anchor_start_min};
    std::string description = "Calls with " + s.client_name + " (" + s.client + ") in " +
                              place(s.client_city) + ", run by " + s.traveller + ".\n" + wd + " " +
                              clock_text(s.anchor_start_min) + " " + s.anchor_zone + ", " +
                              std::to_string(s.duration_min) + " min.";
    // The client's local start, and each meeting from which a daylight-saving change moves it.
    std::optional<int> last_client;
    for (std::size_t i = 0; i < s.dates.size(); ++i) {
      const auto day = date::floor<date::days>(s.client_starts[i]);
      const int m = static_cast<int>(
          std::chrono::duration_cast<std::chrono::minutes>(s.client_starts[i] - day).count());
      if (!last_client)
        description += "\nClient's local start (" + s.client_zone + "): " + clock_text(m);
      else if (*last_client != m)
        description += "\nFrom " + iso_date(Date{day.time_since_epoch()}) + ": " + clock_text(m) +
                       " client's local time (daylight-saving change)";
      last_client = m;
    }
    description += "\n" + meetings_text(s);
    Component e =
        event({"calls", s.client}, "Call", "Call: " + s.client_name, std::string(), description);
    if (s.dates.empty()) return e;
    zones_.insert(s.anchor_zone);
    cover(s.dates.front());
    cover(s.dates.back());
    // Each date at the slot's start in the anchor's zone (DTSTART, EXDATE and RDATE alike).
    const auto local = [&](Date d) {
      return ical_time(ics::local_stamp(date::local_seconds{d.time_since_epoch()} + start));
    };
    const auto zoned = [&](icalproperty* p) {
      icalproperty_add_parameter(p, icalparameter_new_tzid(s.anchor_zone.c_str()));
      icalcomponent_add_property(e.get(), p);
    };
    zoned(icalproperty_new_dtstart(local(s.dates.front())));
    icalcomponent_add_property(
        e.get(), icalproperty_new_duration(icaldurationtype_from_int(s.duration_min * 60)));
    // The meetings as a weekly rule with the fewest exceptions; anchored in the traveller's zone,
    // so every meeting keeps the traveller's wall time across daylight-saving changes.
    const WeeklyRule w = weekly_rule(s.dates);
    icalrecurrencetype rule;
    icalrecurrencetype_clear(&rule);
    rule.freq = ICAL_WEEKLY_RECURRENCE;
    rule.interval = static_cast<short>(w.interval);
    rule.count = w.count;
    icalcomponent_add_property(e.get(), icalproperty_new_rrule(rule));
    for (const Date d : w.exdates) zoned(icalproperty_new_exdate(local(d)));
    for (const Date d : w.rdates) {
      icaldatetimeperiodtype rdate{};
      rdate.time = local(d);
      rdate.period = icalperiodtype_null_period();
      zoned(icalproperty_new_rdate(rdate));
    }
    return e;
  }

  const Report& r_;
  const std::vector<CallSeries>& calls_;
  const std::optional<std::string>& traveller_;
  std::string dtstamp_;
  std::set<std::string> zones_;
  std::set<std::string> uids_;
  int first_year_ = 9999;
  int last_year_ = 0;
};

} // namespace

std::string report_ics(const Report& r, const std::vector<CallSeries>& calls,
                       const std::optional<std::string>& traveller) {
  return IcsWriter(r, calls, traveller).render();
}

} // namespace flyorcall::report
