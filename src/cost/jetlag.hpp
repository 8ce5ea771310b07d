// Jet-lag recovery, direction-aware: the body clock shifts about 90 min/day after flying west and
// about 60 min/day after flying east (defaults in Policy, docs/model.md).
#pragma once

#include "flyorcall/model.hpp"

namespace flyorcall::cost {

/// Days not fully adapted on the way out and back.
struct JetLag {
  double days_out = 0;  ///< days abroad spent adapting (capped by the stay)
  double days_back = 0; ///< days at home re-adapting after return
  /// Total days affected.
  [[nodiscard]] double total() const { return days_out + days_back; }
};

/// Jet lag of a trip that shifts the clock by `shift_hours` (east positive, |shift| <= 12) for
/// `days_abroad` days: the traveller adapts at the direction's rate while abroad and re-adapts
/// only what was adapted, at the opposite direction's rate, after coming home.
[[nodiscard]] JetLag jetlag(double shift_hours, double days_abroad, const Policy& policy);

/// The signed shortest clock shift from one UTC offset to another, in hours, in (-12, 12].
[[nodiscard]] double clock_shift_hours(Minutes from_offset, Minutes to_offset);

} // namespace flyorcall::cost
