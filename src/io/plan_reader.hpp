// Reads a plan JSON document (docs/plan.md) back into the plan it states, for the report
// (docs/report.md) and the check (docs/check.md). Sections that a plan may lack (notes,
// briefings, budget, call slots) are read when present; unknown keys are ignored so that newer
// plans still read. A plan read back is format::as_written of the plan that was written.
#pragma once

#include <cstddef>
#include <string>
#include <string_view>

#include "flyorcall/plan.hpp"

namespace flyorcall::io {

/// Most trips a plan may hold for the report.
inline constexpr std::size_t kMaxPlanTrips = 5000;
/// Most legs, stays, visits or briefings one trip may hold.
inline constexpr std::size_t kMaxPlanTripItems = 500;
/// Most holidays or events one briefing, or notes the plan, may hold.
inline constexpr std::size_t kMaxPlanListItems = 10000;
/// Most JSON values a plan document may hold (docs/plan.md, "Limits").
inline constexpr std::size_t kMaxPlanValues = 2000000;

/// Parses a plan document. Throws InputError listing every problem found (at most 1000), each
/// with the JSON Pointer of the value at fault; malformed JSON is reported with line and column.
[[nodiscard]] Plan read_plan(std::string_view json_text);
/// The same for text the caller gives away: released once the tree is built, so that the text,
/// the tree and the plan are never all held at once.
[[nodiscard]] Plan read_plan(std::string&& json_text);
/// The same for a C string (without it, a string literal would fit both overloads above).
[[nodiscard]] Plan read_plan(const char* json_text);

} // namespace flyorcall::io
