// JSON view of one country's public holidays in one year (for `flyorcall holidays --json`).
#pragma once

#include <string>

#include "flyorcall/model.hpp"
#include "time/holidays.hpp"

namespace flyorcall::io {

/// `{"country","name","year","weekend","complete","note","holidays","workdays"}` as pretty JSON
/// (docs/holidays.md), ending in a newline; weekdays as "Mon".."Sun", dates as YYYY-MM-DD.
[[nodiscard]] std::string holidays_to_json(const Country& country, int year,
                                           const timez::HolidayYear& holidays);

} // namespace flyorcall::io
