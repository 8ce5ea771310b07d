#include "time/calendar.hpp"

#include <algorithm>
#include <optional>

namespace flyorcall::timez {

namespace {
// Sorted and unique so that lookups are a binary search however the dates were collected.
void sort_unique(std::vector<Date>& v) {
  std::sort(v.begin(), v.end());
  v.erase(std::unique(v.begin(), v.end()), v.end());
}
} // namespace

BusinessCalendar::BusinessCalendar(WeekdayMask weekend, std::vector<Date> closed)
    : BusinessCalendar(weekend, std::move(closed), {}) {}

BusinessCalendar::BusinessCalendar(WeekdayMask weekend, std::vector<Date> closed,
                                   std::vector<Date> open)
    : weekend_(weekend), closed_(std::move(closed)), open_(std::move(open)) {
  sort_unique(closed_);
  sort_unique(open_);
}

bool BusinessCalendar::is_business_day(Date d) const {
  if (std::binary_search(closed_.begin(), closed_.end(), d)) return false;
  if (!in_mask(weekend_, date::weekday{d})) return true;
  return std::binary_search(open_.begin(), open_.end(), d);
}

std::optional<Date> BusinessCalendar::next_business_day(Date d, Date limit) const {
  for (Date day = d; day <= limit; day += date::days{1}) {
    if (is_business_day(day)) return day;
  }
  return std::nullopt;
}

} // namespace flyorcall::timez
