#include "time/calendar.hpp"

#include <algorithm>
#include <optional>

namespace flyorcall::timez {

BusinessCalendar::BusinessCalendar(WeekdayMask weekend, std::vector<Date> closed)
    : weekend_(weekend), closed_(std::move(closed)) {
  // Sorted and unique so that lookups are a binary search however the dates were collected.
  std::sort(closed_.begin(), closed_.end());
  closed_.erase(std::unique(closed_.begin(), closed_.end()), closed_.end());
}

bool BusinessCalendar::is_business_day(Date d) const {
  if (in_mask(weekend_, date::weekday{d})) return false;
  return !std::binary_search(closed_.begin(), closed_.end(), d);
}

std::optional<Date> BusinessCalendar::next_business_day(Date d, Date limit) const {
  for (Date day = d; day <= limit; day += date::days{1}) {
    if (is_business_day(day)) return day;
  }
  return std::nullopt;
}

} // namespace flyorcall::timez
