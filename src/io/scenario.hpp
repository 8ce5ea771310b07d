// What-if scenarios on the input document (docs/compare.md): JSON Merge Patch documents (RFC 7386),
// `--set /pointer=VALUE` assignments and `--sweep /pointer=FROM:TO:STEP` series, applied to the
// base document's JSON text. The patched text is then read and validated by read_input like any
// input, so every rule of docs/input.md holds for a scenario too.
#pragma once

#include <cstddef>
#include <optional>
#include <string>
#include <string_view>
#include <vector>

#include "flyorcall/compare.hpp"
#include "flyorcall/errors.hpp"

namespace flyorcall::io {

/// Most points one sweep may have (docs/compare.md).
using flyorcall::kMaxSweepPoints; // include/flyorcall/compare.hpp

/// One `--set` assignment: a JSON Pointer and the value put there.
struct Assignment {
  std::string text;       ///< as given, e.g. "/policy/carbon_price_per_t=200" (the scenario name)
  std::string pointer;    ///< RFC 6901 pointer, starts with "/"
  std::string value_json; ///< the value as compact JSON text (a non-JSON VALUE becomes a string)
  /// For a budget set relative to the base plan ("/policy/budget/cash=-30%"): the change in
  /// percent of what the base plan uses; value_json is filled in by resolve_percent.
  std::optional<double> percent_of_base;
};

/// The budgets a `--set` may give as a percentage of the base plan's use.
inline constexpr std::string_view kRelativeBudgets[] = {
    "/policy/budget/cash", "/policy/budget/money", "/policy/budget/days", "/policy/budget/co2_kg"};

/// The assignment with its percentage turned into an absolute limit: `base_used` (the base plan's
/// use of that budget, in the budget's unit) changed by the percentage, rounded to the budget's
/// precision (cents, whole days, grams).
[[nodiscard]] Assignment resolve_percent(const Assignment& a, double base_used);

/// A `--sweep`: one scenario per point from, from + step, ... up to to.
struct Sweep {
  std::string text;    ///< as given
  std::string pointer; ///< RFC 6901 pointer, starts with "/"
  /// The points as compact JSON numbers (whole points as integers).
  std::vector<std::string> points_json;
  std::vector<double> points; ///< the same points as numbers
};

/// A scenario ready to be read: the base document with one change applied.
struct Scenario {
  std::string name;                  ///< file name, the --set text(s) or "<pointer>=<point>"
  std::string document;              ///< the patched input document, JSON text
  std::optional<double> sweep_value; ///< the point of a sweep scenario
  /// Why the change could not be applied (pointer into the patched document); empty when fine.
  std::vector<Problem> problems;
};

/// Parses "POINTER=VALUE". VALUE is parsed as JSON, else taken as a string. Throws InputError
/// (pointer "") naming the text when there is no "=" or the pointer does not start with "/".
[[nodiscard]] Assignment parse_assignment(std::string_view text);

/// Parses "POINTER=FROM:TO:STEP" (numbers). Throws InputError when STEP <= 0, TO < FROM, a number
/// is not finite, or there would be more than kMaxSweepPoints points.
[[nodiscard]] Sweep parse_sweep(std::string_view text);

/// Splits an RFC 6901 pointer into unescaped reference tokens ("~1" -> "/", "~0" -> "~"). Throws
/// InputError for a pointer that does not start with "/" or holds "~" not followed by 0 or 1.
[[nodiscard]] std::vector<std::string> pointer_tokens(std::string_view pointer);

/// `base` (a JSON document) with the merge patch `patch` (a JSON object) applied, compact. A
/// problem (pointer "") when either is not JSON or the patch is not an object.
[[nodiscard]] Scenario apply_merge_patch(std::string_view base, std::string_view patch,
                                         std::string name);

/// `base` with every assignment applied in order. Every token but the last must name an existing
/// object member or array element; the last may add a member to an object, or append to an array
/// with "-". A missing member is reported at its pointer with "did you mean" among its siblings.
[[nodiscard]] Scenario apply_assignments(std::string_view base,
                                         const std::vector<Assignment>& assignments,
                                         std::string name);

/// One scenario per point of the sweep, in order, each named "<pointer>=<point>".
[[nodiscard]] std::vector<Scenario> apply_sweep(std::string_view base, const Sweep& sweep);

} // namespace flyorcall::io
