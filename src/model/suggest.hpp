// "Did you mean" suggestions for near-miss names (keys, city codes, ids).
#pragma once

#include <optional>
#include <string>
#include <string_view>
#include <vector>

namespace flyorcall {

/// Case-insensitive Damerau-Levenshtein (optimal string alignment) distance.
[[nodiscard]] std::size_t edit_distance(std::string_view a, std::string_view b);

/// The candidate most likely meant by `word`, or nothing. A candidate qualifies when its distance
/// is <= max(1, |word| / 3), or <= 2 when |word| >= 4 and it starts with the same letter (so that
/// "FRNK" finds "FRA"); among those the smallest distance wins, then the longest common prefix,
/// then the first in `candidates`. Failing that, a key that differs only by a whole "_"-suffix
/// ("time_limit" for "time_limit_s", "hotel_night" for "hotel"; |word| >= 4) qualifies; the
/// shortest such candidate wins, then the first. All comparisons ignore ASCII case.
[[nodiscard]] std::optional<std::string> closest_match(std::string_view word,
                                                       const std::vector<std::string>& candidates);

/// The position in `candidates` of closest_match's answer (the first of equal candidates).
[[nodiscard]] std::optional<std::size_t>
closest_match_index(std::string_view word, const std::vector<std::string>& candidates);

/// " (did you mean \"x\"?)" for the closest match, or "" when there is none.
[[nodiscard]] std::string did_you_mean(std::string_view word,
                                       const std::vector<std::string>& candidates);

/// For a code, whose near spellings are other real things (SAR, the Saudi riyal, is not ZAR, the
/// rand; XX is not MX, Mexico): " (did you mean \"<code>\"?)" only for a candidate that differs
/// from `word` in letter case alone ("usd" for "USD"), else "".
[[nodiscard]] std::string did_you_mean_code(std::string_view word,
                                            const std::vector<std::string>& codes);

/// For a name given where a code belongs: " (did you mean \"<code>\", the code of <name>?)" for
/// the closest of `names` (codes[i] is the code of names[i]), or "" when none is close or `word`
/// has three characters or fewer (then it is a mistyped code, not a name).
[[nodiscard]] std::string did_you_mean_code_of(std::string_view word,
                                               const std::vector<std::string>& names,
                                               const std::vector<std::string>& codes);

} // namespace flyorcall
