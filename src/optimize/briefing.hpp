// Trip briefings: for each stop, the time difference on the day, the local public holidays near
// the visit, and the input's events for that place.
#pragma once

#include <vector>

#include "flyorcall/model.hpp"
#include "flyorcall/plan.hpp"
#include "network/network.hpp"

namespace flyorcall::optimize {

/// Days before the first visit day and after the last day on site that a briefing covers.
inline constexpr int kBriefingMarginDays = 3;

/// One briefing per stay of `trip` (same order). `home` is the traveller's home city index.
[[nodiscard]] std::vector<Briefing> brief_trip(const Trip& trip, int home, const Input& input,
                                               const network::Network& net);

} // namespace flyorcall::optimize
