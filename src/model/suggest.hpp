// "Did you mean" suggestions for near-miss names (keys, city codes, ids).
#pragma once

#include <optional>
#include <string>
#include <string_view>
#include <vector>

namespace flyorcall {

/// Case-insensitive Damerau-Levenshtein (optimal string alignment) distance.
[[nodiscard]] std::size_t edit_distance(std::string_view a, std::string_view b);

/// The candidate closest to `word` when it is close enough to be a likely typo
/// (distance <= max(1, |word| / 3)); ties go to the first in `candidates`.
[[nodiscard]] std::optional<std::string> closest_match(std::string_view word,
                                                       const std::vector<std::string>& candidates);

/// " (did you mean \"x\"?)" for the closest match, or "" when there is none.
[[nodiscard]] std::string did_you_mean(std::string_view word,
                                       const std::vector<std::string>& candidates);

} // namespace flyorcall
