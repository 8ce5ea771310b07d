// Working-hours syntax: "09:00-17:30" (Monday to Friday) or per weekday ranges such as
// "Mon-Thu 08:00-16:00,Fri 08:00-13:00" (days not named are not worked).
// Day ranges may wrap ("Sun-Thu"), 24:00 is allowed as an end, and "none" means no working time.
#pragma once

#include <string>
#include <string_view>
#include <variant>

#include "flyorcall/model.hpp"

namespace flyorcall::timez {

/// Parses the working-hours syntax; on error returns a message saying what was expected where.
[[nodiscard]] std::variant<WorkingHours, std::string> parse_working_hours(std::string_view text);

/// Canonical text of working hours (round-trips through parse_working_hours).
[[nodiscard]] std::string format_working_hours(const WorkingHours& hours);

/// Minutes of [start, start+len) local minutes-of-day that fall outside the day's working time
/// (len may cross midnight; the next weekday's hours apply after midnight).
[[nodiscard]] int offhours_minutes(const WorkingHours& hours, date::weekday day, int start_min,
                                   int len_min);

/// Longest distance counted by offhours_reach: half a day.
inline constexpr int kMaxReachMin = 12 * 60;

/// How far from working time the off-hours minutes of [start, start+len) lie: the sum, over each
/// off-hours minute, of the wall-clock minutes to the nearest working minute (of the same or an
/// adjacent day), each capped at kMaxReachMin. 07:30-08:30 before a 09:00 start reaches
/// 90 + ... + 31; midnight reaches much further. 0 when every minute is worked.
[[nodiscard]] long offhours_reach(const WorkingHours& hours, date::weekday day, int start_min,
                                  int len_min);

} // namespace flyorcall::timez
