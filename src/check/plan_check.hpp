// An independent feasibility and cost check of a plan against its input (docs/check.md). It
// re-derives dates, rules, costs and totals from the input alone — the network, the business
// calendars, the cost model — and never from the planner's state, so that a planner bug cannot
// hide behind its own bookkeeping.
#pragma once

#include <string>
#include <vector>

#include "flyorcall/check.hpp"
#include "flyorcall/model.hpp"
#include "flyorcall/plan.hpp"

namespace flyorcall::check {

/// One rule a plan breaks (flyorcall/check.hpp).
using Violation = CheckViolation;

/// Every violation of `plan` against `input`, in plan order (header, trips, clients, totals,
/// budget); empty exactly when the plan is valid. The plan is checked as its document states it
/// (format::as_written), so a plan from the planner and the same plan read back from its file are
/// checked alike: money must match to the cent, CO2 to the 0.1 kg the plan JSON keeps, distances
/// to its 0.1 km.
[[nodiscard]] std::vector<Violation> check_plan(const Input& input, const Plan& plan);

/// The violations as one line of JSON followed by a newline:
/// {"valid":bool,"violations":[{"pointer":…,"rule":…,"message":…}]}.
[[nodiscard]] std::string violations_to_json(const std::vector<Violation>& violations);

} // namespace flyorcall::check
