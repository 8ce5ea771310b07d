// The public holidays of a country in a year, from the built-in rules: what `flyorcall holidays`
// prints (docs/holidays.md; docs/library.md, "Network, routes, holidays, calls, compare and
// batch"). Plain C++ types only.
#pragma once

#include <string>
#include <vector>

#include "flyorcall/model.hpp"

namespace flyorcall {

/// A holidays question: the country by ISO 3166 code (DE) or English name (Germany), in any case,
/// and the year as text ("2027"; 2000 to 2100).
struct HolidaysRequest {
  std::string country;
  std::string year;
};

/// One public holiday (or a substitute day off for one).
struct PublicHoliday {
  Date date;
  std::string name;        ///< English name; same-day holidays joined with " / "
  bool substitute = false; ///< a day off given because the holiday fell on a weekend
};

/// The public holidays of one country in one year.
struct HolidaysResult {
  Country country; ///< code, English name and weekend
  int year = 0;
  std::vector<PublicHoliday> holidays; ///< sorted by date
  std::vector<Date> workdays;          ///< official working weekend days (make-up days)
  bool complete = true;                ///< false when the rules do not cover the whole year
  std::string note;                    ///< why the list is incomplete
};

/// The holidays of a request. Throws InputError for an unknown country (with a suggestion), a
/// year outside 2000 to 2100, or a country without holiday rules.
[[nodiscard]] HolidaysResult public_holidays(const HolidaysRequest& request);

/// The result as `flyorcall holidays` prints it.
[[nodiscard]] std::string holidays_text(const HolidaysResult& result);
/// The result as `flyorcall holidays --json` prints it (docs/holidays.md).
[[nodiscard]] std::string holidays_json(const HolidaysResult& result);

} // namespace flyorcall
