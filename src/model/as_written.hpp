// A plan as its document states it (docs/plan.md): every figure at the precision the plan JSON
// writes it. The report and the check read plans this way, so that a plan from the planner and
// the same plan read back from its file are one and the same value.
#pragma once

#include <optional>
#include <utility>

#include "flyorcall/plan.hpp"
#include "flyorcall/units.hpp"

namespace flyorcall::format {

/// Exact amounts for a trip's flight and hotel CO2 that round as the document writes all three
/// figures: `flights` and `hotel` each to themselves, their sum to `total` (each rounded to
/// 0.1 kg). The document rounds the total of the exact amounts, which may differ by 0.1 kg from
/// the sum of the rounded parts; each part moves by less than half a rounding step to match.
/// Nothing when no such amounts exist (the three figures contradict each other).
[[nodiscard]] std::optional<std::pair<GramsCo2, GramsCo2>>
co2_parts_as_written(GramsCo2 flights, GramsCo2 hotel, GramsCo2 total);

/// `plan` with every figure as its document states it: times to the minute, CO2 to 0.1 kg
/// (a trip's parts as co2_parts_as_written gives them), distances and off-hours minutes to 0.1;
/// a client's city only by its visit (the document's clients[] carry none), no break-even value
/// where none is defined. Money is kept in cents already. io::read_plan(plan_to_json(plan))
/// gives the same value.
[[nodiscard]] Plan as_written(Plan plan);

} // namespace flyorcall::format
