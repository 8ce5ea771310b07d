// Business days: a country's weekend days plus closed dates (holidays, blackouts, strikes).
#pragma once

#include <vector>

#include "flyorcall/model.hpp"

namespace flyorcall::timez {

/// Days a place does business: not a weekend day, not a closed date.
class BusinessCalendar {
public:
  /// A calendar with the given weekend and closed dates (any order, duplicates allowed).
  BusinessCalendar(WeekdayMask weekend, std::vector<Date> closed);
  /// As above, plus `open`: weekend days that are official working days (make-up days); a date
  /// both closed and open is closed.
  BusinessCalendar(WeekdayMask weekend, std::vector<Date> closed, std::vector<Date> open);
  /// True when `d` is a business day.
  [[nodiscard]] bool is_business_day(Date d) const;
  /// The first business day on or after `d`, not after `limit`; nullopt when none.
  [[nodiscard]] std::optional<Date> next_business_day(Date d, Date limit) const;
  /// The weekend mask.
  [[nodiscard]] WeekdayMask weekend() const { return weekend_; }

private:
  WeekdayMask weekend_;
  std::vector<Date> closed_; // sorted, unique
  std::vector<Date> open_;   // sorted, unique
};

/// True when weekday `wd` is in `mask`.
[[nodiscard]] inline bool in_mask(WeekdayMask mask, date::weekday wd) {
  return (mask >> wd.c_encoding()) & 1u;
}

} // namespace flyorcall::timez
