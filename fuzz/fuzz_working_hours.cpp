// libFuzzer harness: the working-hours syntax ("09:00-17:30", "Mon-Thu 08:00-16:00,Fri
// 08:00-13:00"). Text either parses or yields a message; what parses must round-trip through the
// canonical text, and the off-hours functions must stay within their bounds for every day and
// start.
#include <cstddef>
#include <cstdint>
#include <cstdlib>
#include <string>
#include <string_view>
#include <variant>

#include "time/working_hours.hpp"

namespace tz = flyorcall::timez;

extern "C" int LLVMFuzzerTestOneInput(const std::uint8_t* data, std::size_t size) {
  const std::string_view text(reinterpret_cast<const char*>(data), size);
  const auto parsed = tz::parse_working_hours(text);
  if (const auto* message = std::get_if<std::string>(&parsed)) {
    if (message->empty()) std::abort();
    return 0;
  }
  const auto& hours = std::get<flyorcall::WorkingHours>(parsed);
  const std::string canonical = tz::format_working_hours(hours);
  const auto again = tz::parse_working_hours(canonical);
  const auto* back = std::get_if<flyorcall::WorkingHours>(&again);
  if (!back) std::abort();
  for (std::size_t d = 0; d < 7; ++d)
    if (back->days[d].start_min != hours.days[d].start_min ||
        back->days[d].end_min != hours.days[d].end_min)
      std::abort();
  // One probe per input keeps the harness fast: a start and length taken from the input size.
  const int start = static_cast<int>(size * 37 % 1440);
  const int len = static_cast<int>(size * 11 % 600) + 15;
  for (unsigned d = 0; d < 7; ++d) {
    const int off = tz::offhours_minutes(hours, date::weekday{d}, start, len);
    if (off < 0 || off > len) std::abort();
    const long reach = tz::offhours_reach(hours, date::weekday{d}, start, len);
    if (reach < 0 || (off == 0) != (reach == 0)) std::abort();
  }
  return 0;
}
