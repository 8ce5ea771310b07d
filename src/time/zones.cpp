#include "time/zones.hpp"

#include <mutex>
#include <stdexcept>
#include <unordered_map>

#include "model/format.hpp"

namespace flyorcall::timez {

namespace {

const date::time_zone& checked(const date::time_zone* zone) {
  // A null zone is a programming error: callers resolve names with find_zone and report unknown
  // names as input problems before converting anything.
  if (zone == nullptr) throw std::invalid_argument("time zone is null");
  return *zone;
}

} // namespace

bool is_zone_name(std::string_view name) {
  if (name.empty() || name == "Factory") return false;
  for (std::size_t i = 0; i < name.size(); i = name.find('/', i) + 1) {
    if (i >= name.size() || name[i] < 'A' || name[i] > 'Z') return false;
    if (name.find('/', i) == std::string_view::npos) break;
  }
  return true;
}

const date::time_zone* find_zone(std::string_view name) {
  if (!is_zone_name(name)) return nullptr;
  // locate_zone throws for unknown names; planning asks for the same few zones thousands of
  // times, so both hits and misses are remembered.
  static std::mutex mutex;
  static std::unordered_map<std::string, const date::time_zone*> cache;
  std::string key(name);
  std::lock_guard lock(mutex);
  if (auto it = cache.find(key); it != cache.end()) return it->second;
  const date::time_zone* zone = nullptr;
  try {
    zone = date::locate_zone(key);
  } catch (const std::exception&) {
    zone = nullptr;
  }
  cache.emplace(std::move(key), zone);
  return zone;
}

date::sys_seconds to_utc(date::local_seconds local, const date::time_zone* zone) {
  const date::local_info info = checked(zone).get_info(local);
  switch (info.result) {
  case date::local_info::unique:
    return date::sys_seconds{local.time_since_epoch() - info.first.offset};
  case date::local_info::nonexistent:
    // `first` is the period before the gap: applying its offset lands the wall time after the
    // gap, moved forward by exactly the gap's length (02:30 EST-gap -> 03:30 EDT).
    return date::sys_seconds{local.time_since_epoch() - info.first.offset};
  case date::local_info::ambiguous:
    // `first` is the period before the fall-back transition, i.e. the earlier instant.
    return date::sys_seconds{local.time_since_epoch() - info.first.offset};
  }
  throw std::logic_error("unexpected local_info result");
}

date::local_seconds to_local(date::sys_seconds utc, const date::time_zone* zone) {
  const date::sys_info info = checked(zone).get_info(utc);
  return date::local_seconds{utc.time_since_epoch() + info.offset};
}

ZoneClock::ZoneClock(const date::time_zone* zone, date::sys_seconds from, date::sys_seconds to)
    : zone_(&checked(zone)) {
  // The period before `from` comes first, so that a wall time in an overlap at the start of the
  // span still finds its earlier instant.
  const date::sys_info first = zone_->get_info(from);
  if (first.begin > date::sys_seconds::min() + std::chrono::hours{24})
    periods_.push_back(zone_->get_info(first.begin - std::chrono::seconds{1}));
  for (date::sys_seconds t = from; t <= to;) {
    periods_.push_back(zone_->get_info(t));
    if (periods_.back().end <= t) break; // the last period (sys_info ends at the maximum)
    t = periods_.back().end;
  }
}

date::local_seconds ZoneClock::to_local(date::sys_seconds utc) const {
  for (const date::sys_info& p : periods_)
    if (p.begin <= utc && utc < p.end)
      return date::local_seconds{utc.time_since_epoch() + p.offset};
  return timez::to_local(utc, zone_);
}

date::sys_seconds ZoneClock::to_utc(date::local_seconds local) const {
  // The first period whose local span holds the wall time: the only one, or in an overlap the
  // earlier instant, as to_utc takes. None inside the span: a gap, left to to_utc.
  if (!periods_.empty()) {
    for (std::size_t k = 0; k < periods_.size(); ++k) {
      const date::sys_info& p = periods_[k];
      const date::sys_seconds utc{local.time_since_epoch() - p.offset};
      if (p.begin <= utc && utc < p.end) {
        // Periods are in time order, so the first match is the earlier instant of an overlap;
        // the first period may have an earlier one outside the span.
        if (k == 0) break;
        return utc;
      }
    }
  }
  return timez::to_utc(local, zone_);
}

Minutes utc_offset(date::sys_seconds utc, const date::time_zone* zone) {
  const date::sys_info info = checked(zone).get_info(utc);
  return Minutes(std::chrono::duration_cast<std::chrono::minutes>(info.offset).count());
}

std::string format_local(date::local_seconds t) {
  return date::format("%Y-%m-%dT%H:%M", date::floor<std::chrono::minutes>(t));
}

std::string format_in_zone(date::sys_seconds utc, const date::time_zone* zone) {
  return format_local(to_local(utc, zone)) + format::signed_clock(utc_offset(utc, zone).count());
}

} // namespace flyorcall::timez
