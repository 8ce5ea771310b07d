// VTIMEZONE components from the tz database (docs/report_ics.md, "Time zones"). libical can load
// zones itself, but from its own reader of the zone files and with every transition since 1970;
// building them from date/tz gives the very offsets the plan's local times were computed with,
// and only the transitions of the years the calendar covers.
#include <chrono>
#include <cstdlib>
#include <stdexcept>
#include <string>

#include "report/report_ics.hpp"
#include "report/report_ics_impl.hpp"
#include "time/zones.hpp"

namespace flyorcall::report::ics {
namespace {

Component observance(bool daylight, date::local_seconds onset, std::chrono::seconds from,
                     std::chrono::seconds to, const std::string& name) {
  Component c(daylight ? icalcomponent_new_xdaylight() : icalcomponent_new_xstandard());
  icalcomponent_add_property(
      c.get(), icalproperty_new_dtstart(icaltime_from_string(local_stamp(onset).c_str())));
  icalcomponent_add_property(c.get(),
                             icalproperty_new_tzoffsetfrom(static_cast<int>(from.count())));
  icalcomponent_add_property(c.get(), icalproperty_new_tzoffsetto(static_cast<int>(to.count())));
  if (!name.empty()) icalcomponent_add_property(c.get(), icalproperty_new_tzname(name.c_str()));
  return c;
}

} // namespace

std::string local_stamp(date::local_seconds t) {
  return date::format("%Y%m%dT%H%M%S", t);
}

std::string utc_stamp(date::sys_seconds t) {
  return date::format("%Y%m%dT%H%M%SZ", t);
}

std::string serialise(icalcomponent* c) {
  char* text = icalcomponent_as_ical_string_r(c);
  if (text == nullptr) throw std::runtime_error("libical could not serialise a component");
  std::string out(text);
  icalmemory_free_buffer(text);
  return out;
}

Component make_vtimezone(const std::string& zone, int first_year, int last_year) {
  const date::time_zone* tz = timez::find_zone(zone);
  if (tz == nullptr) throw std::invalid_argument("unknown time zone \"" + zone + "\"");
  using date::sys_seconds;
  const sys_seconds begin{date::sys_days{date::year{first_year} / date::January / 1}};
  const sys_seconds end{date::sys_days{date::year{last_year + 1} / date::January / 1}};
  Component vtz(icalcomponent_new_vtimezone());
  icalcomponent_add_property(vtz.get(), icalproperty_new_tzid(zone.c_str()));
  date::sys_info info = tz->get_info(begin);
  // The observance in force on 1 January of the first year, local midnight as its onset.
  const date::local_seconds first_local{date::local_days{date::year{first_year} / 1 / 1}};
  icalcomponent_add_component(vtz.get(),
                              observance(info.save != std::chrono::minutes{0}, first_local,
                                         info.offset, info.offset, info.abbrev)
                                  .release());
  while (info.end < end) {
    const sys_seconds at = info.end;
    const date::sys_info next = tz->get_info(at);
    // date/tz may split a period without a change of offset, abbreviation or daylight saving.
    if (next.offset != info.offset || next.abbrev != info.abbrev ||
        (next.save == std::chrono::minutes{0}) != (info.save == std::chrono::minutes{0}))
      icalcomponent_add_component(
          vtz.get(), observance(next.save != std::chrono::minutes{0},
                                date::local_seconds{(at + info.offset).time_since_epoch()},
                                info.offset, next.offset, next.abbrev)
                         .release());
    info = next;
  }
  return vtz;
}

} // namespace flyorcall::report::ics

namespace flyorcall::report {

std::string vtimezone_text(const std::string& zone, int first_year, int last_year) {
  const ics::Component c = ics::make_vtimezone(zone, first_year, last_year);
  return ics::serialise(c.get());
}

} // namespace flyorcall::report
