// Time-zone conversion through the system IANA tz database (date/tz with USE_OS_TZDB).
// Never a hand-written offset.
#pragma once

#include <string>
#include <string_view>
#include <vector>

#include <date/tz.h>

#include "flyorcall/units.hpp"

namespace flyorcall::timez {

/// The zone of an IANA name, or nullptr when the tz database does not know it or it is not an
/// IANA zone or link name: the system's zoneinfo directory also holds the files
/// system's zoneinfo directory holds beside the zones ("localtime", which makes a plan depend on
/// the host, "posixrules", "posix/...", "right/...", "zone.tab") and IANA's "Factory" placeholder.
[[nodiscard]] const date::time_zone* find_zone(std::string_view name);

/// True when `name` has the form of an IANA zone or link name ("Europe/Berlin", "UTC",
/// "Etc/GMT+5": every part starts with an upper-case letter) and is not "Factory".
[[nodiscard]] bool is_zone_name(std::string_view name);

/// Local wall time to UTC. In a gap (spring forward) the wall time is moved forward by the gap;
/// in an overlap (fall back) the earlier instant is taken.
[[nodiscard]] date::sys_seconds to_utc(date::local_seconds local, const date::time_zone* zone);

/// UTC to local wall time.
[[nodiscard]] date::local_seconds to_local(date::sys_seconds utc, const date::time_zone* zone);

/// UTC offset in minutes (east positive) of a zone at an instant.
[[nodiscard]] Minutes utc_offset(date::sys_seconds utc, const date::time_zone* zone);

/// The conversions of one zone, with the tz database's periods (`sys_info`) of a span of time
/// looked up once: the planner converts the same few zones millions of times inside one
/// quarter. Gives exactly what to_utc and to_local give, which it calls outside the span or in a
/// gap.
class ZoneClock {
public:
  /// The periods of `zone` (not null) that overlap [from, to].
  ZoneClock(const date::time_zone* zone, date::sys_seconds from, date::sys_seconds to);
  /// Same as to_utc(local, zone).
  [[nodiscard]] date::sys_seconds to_utc(date::local_seconds local) const;
  /// Same as to_local(utc, zone).
  [[nodiscard]] date::local_seconds to_local(date::sys_seconds utc) const;
  /// The zone converted.
  [[nodiscard]] const date::time_zone* zone() const { return zone_; }

private:
  const date::time_zone* zone_;
  std::vector<date::sys_info> periods_; // in time order, contiguous
};

/// "YYYY-MM-DDTHH:MM" of a local time (no offset).
[[nodiscard]] std::string format_local(date::local_seconds t);

/// "YYYY-MM-DDTHH:MM+hh:mm" of an instant in a zone (ISO 8601 with the zone's offset then).
[[nodiscard]] std::string format_in_zone(date::sys_seconds utc, const date::time_zone* zone);

} // namespace flyorcall::timez
