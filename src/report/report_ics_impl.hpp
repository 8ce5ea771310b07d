// Internals of the iCalendar export shared by its two files: libical ownership and the
// VTIMEZONE builder (report_ics_zones.cpp), used by the event writer (report_ics.cpp).
#pragma once

#include <memory>
#include <string>

#include <date/date.h>
#include <libical/ical.h>

namespace flyorcall::report::ics {

/// Frees a libical component tree.
struct ComponentFree {
  void operator()(icalcomponent* c) const { icalcomponent_free(c); }
};
using Component = std::unique_ptr<icalcomponent, ComponentFree>;

/// "20270315T093000": an iCalendar local DATE-TIME (no zone).
[[nodiscard]] std::string local_stamp(date::local_seconds t);
/// "20270315T083000Z": an iCalendar UTC DATE-TIME.
[[nodiscard]] std::string utc_stamp(date::sys_seconds t);

/// The component serialised by libical (CRLF lines, folded at 75 octets, text escaped).
[[nodiscard]] std::string serialise(icalcomponent* c);

/// A VTIMEZONE for `zone` (an IANA name) from the tz database, over the years `first_year` to
/// `last_year`: the observance in force at the start of `first_year`, then one STANDARD or
/// DAYLIGHT sub-component per transition inside the years. Throws std::invalid_argument for an
/// unknown zone.
[[nodiscard]] Component make_vtimezone(const std::string& zone, int first_year, int last_year);

} // namespace flyorcall::report::ics
