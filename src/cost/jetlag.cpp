#include "cost/jetlag.hpp"

#include <algorithm>
#include <cmath>
#include <stdexcept>

namespace flyorcall::cost {

JetLag jetlag(double shift_hours, double days_abroad, const Policy& policy) {
  const double east = policy.jetlag_east_hours_per_day;
  const double west = policy.jetlag_west_hours_per_day;
  if (!(east > 0) || !(west > 0))
    throw std::invalid_argument("jet-lag adaptation rates must be positive");
  const double shift = std::abs(shift_hours);
  if (shift == 0) return {};
  const double days = std::max(0.0, days_abroad);
  // Flying east the body clock must advance, which is slower; the way home is the opposite
  // direction, so it re-adapts at the other rate.
  const double rate_out = shift_hours > 0 ? east : west;
  const double rate_back = shift_hours > 0 ? west : east;
  JetLag j;
  j.days_out = std::min(shift / rate_out, days);
  // Only the part of the shift adapted to abroad has to be undone at home.
  const double adapted = std::min(shift, days * rate_out);
  j.days_back = adapted / rate_back;
  return j;
}

double clock_shift_hours(Minutes from_offset, Minutes to_offset) {
  constexpr std::int64_t day = 24 * 60;
  std::int64_t d = ((to_offset - from_offset).count() % day + day) % day; // [0, 1440)
  if (d > day / 2) d -= day;                                              // (-720, 720]
  return static_cast<double>(d) / 60.0;
}

} // namespace flyorcall::cost
