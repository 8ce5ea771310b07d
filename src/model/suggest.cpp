// "Did you mean" suggestions: an optimal-string-alignment distance (Levenshtein plus adjacent
// transpositions, the most common typing slip) compared without regard to ASCII case, because
// "fra" for "FRA" or "Clients" for "clients" is a typo, not a different name.
#include "model/suggest.hpp"

#include <algorithm>
#include <cctype>

namespace flyorcall {

namespace {

char fold(char c) {
  return static_cast<char>(std::tolower(static_cast<unsigned char>(c)));
}

std::size_t common_prefix(std::string_view a, std::string_view b) {
  std::size_t i = 0;
  while (i < a.size() && i < b.size() && fold(a[i]) == fold(b[i])) ++i;
  return i;
}

/// True when `longer` is `shorter` followed by "_" and more ("time_limit" -> "time_limit_s").
bool underscore_suffix_of(std::string_view shorter, std::string_view longer) {
  return longer.size() > shorter.size() + 1 && longer[shorter.size()] == '_' &&
         common_prefix(shorter, longer) == shorter.size();
}

} // namespace

std::size_t edit_distance(std::string_view a, std::string_view b) {
  const std::size_t n = a.size();
  const std::size_t m = b.size();
  // Three rolling rows suffice: a transposition looks two rows back.
  std::vector<std::size_t> prev2(m + 1), prev(m + 1), cur(m + 1);
  for (std::size_t j = 0; j <= m; ++j) prev[j] = j;
  for (std::size_t i = 1; i <= n; ++i) {
    cur[0] = i;
    for (std::size_t j = 1; j <= m; ++j) {
      const std::size_t cost = fold(a[i - 1]) == fold(b[j - 1]) ? 0 : 1;
      cur[j] = std::min({prev[j] + 1, cur[j - 1] + 1, prev[j - 1] + cost});
      if (i > 1 && j > 1 && fold(a[i - 1]) == fold(b[j - 2]) && fold(a[i - 2]) == fold(b[j - 1]))
        cur[j] = std::min(cur[j], prev2[j - 2] + 1);
    }
    std::swap(prev2, prev);
    std::swap(prev, cur);
  }
  return prev[m];
}

std::optional<std::size_t> closest_match_index(std::string_view word,
                                               const std::vector<std::string>& candidates) {
  const std::size_t base_limit = std::max<std::size_t>(1, word.size() / 3);
  // Short words (city codes, weekday names) get one edit from |word| / 3, which misses the
  // common two-slip typo ("FRNK"); a shared first letter keeps the wider net from catching
  // unrelated names, since typos rarely hit the first letter.
  const bool short_word_rule = word.size() >= 4;
  std::optional<std::size_t> best;
  std::size_t best_distance = 0;
  std::size_t best_prefix = 0;
  for (std::size_t i = 0; i < candidates.size(); ++i) {
    const std::string& c = candidates[i];
    const bool same_first = !c.empty() && !word.empty() && fold(c[0]) == fold(word[0]);
    const std::size_t limit =
        short_word_rule && same_first ? std::max<std::size_t>(base_limit, 2) : base_limit;
    // Cheap bound: the distance is at least the length difference.
    const std::size_t diff =
        c.size() > word.size() ? c.size() - word.size() : word.size() - c.size();
    if (diff > limit || (best && diff > best_distance)) continue;
    const std::size_t d = edit_distance(word, c);
    if (d > limit || (best && d > best_distance)) continue;
    const std::size_t prefix = common_prefix(word, c);
    if (!best || d < best_distance || prefix > best_prefix) {
      best_distance = d;
      best_prefix = prefix;
      best = i;
    }
  }
  if (best || word.size() < 4) return best;
  // Keys carry their unit as a suffix ("_min", "_s", "_per_t"); a key given without it, or
  // with an extra one, is a near miss that no edit-distance threshold catches.
  for (std::size_t i = 0; i < candidates.size(); ++i) {
    const std::string& c = candidates[i];
    if (underscore_suffix_of(word, c) || underscore_suffix_of(c, word)) {
      if (!best || c.size() < candidates[*best].size()) best = i;
    }
  }
  return best;
}

std::optional<std::string> closest_match(std::string_view word,
                                         const std::vector<std::string>& candidates) {
  if (const auto i = closest_match_index(word, candidates)) return candidates[*i];
  return std::nullopt;
}

std::string did_you_mean(std::string_view word, const std::vector<std::string>& candidates) {
  const auto match = closest_match(word, candidates);
  if (!match) return {};
  return " (did you mean \"" + *match + "\"?)";
}

std::string did_you_mean_code(std::string_view word, const std::vector<std::string>& codes) {
  const auto same = std::find_if(codes.begin(), codes.end(), [&](const std::string& c) {
    return c.size() == word.size() && std::equal(c.begin(), c.end(), word.begin(),
                                                 [](char a, char b) { return fold(a) == fold(b); });
  });
  if (same == codes.end() || *same == word) return {};
  return " (did you mean \"" + *same + "\"?)";
}

std::string did_you_mean_code_of(std::string_view word, const std::vector<std::string>& names,
                                 const std::vector<std::string>& codes) {
  if (word.size() <= 3) return {}; // three letters or fewer is a mistyped code, not a name
  const auto i = closest_match_index(word, names);
  if (!i) return {};
  return " (did you mean \"" + codes[*i] + "\", the code of " + names[*i] + "?)";
}

} // namespace flyorcall
