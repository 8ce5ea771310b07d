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
/// Events one briefing lists, in input order; the rest are counted (10 000 events of one country
/// would otherwise be copied into every stop there, and make the plan gigabytes long).
inline constexpr std::size_t kMaxBriefingEvents = 20;
/// Characters of an event's title and note in a briefing (the input holds the full text).
inline constexpr std::size_t kBriefingTitleChars = 200;
inline constexpr std::size_t kBriefingNoteChars = 500;

/// One briefing per stay of `trip` (same order). `home` is the traveller's home city index.
[[nodiscard]] std::vector<Briefing> brief_trip(const Trip& trip, int home, const Input& input,
                                               const network::Network& net);

} // namespace flyorcall::optimize
