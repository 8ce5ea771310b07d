// The flyorcall library: read an input, plan the quarter, write the plan. JSON stays inside the
// library (src/io); this header exposes plain C++ types only.
#pragma once

#include <string>
#include <string_view>

#include "flyorcall/errors.hpp"
#include "flyorcall/model.hpp"
#include "flyorcall/plan.hpp"
#include "flyorcall/units.hpp"
#include "flyorcall/version.hpp"

namespace flyorcall {

/// Parses and validates an input document (JSON text). Throws InputError listing every problem.
[[nodiscard]] Input read_input(std::string_view json_text);
/// The same for text the caller gives away: it is released once the document is parsed, so that
/// the text and the model are never both held (docs/input.md, "Limits").
[[nodiscard]] Input read_input(std::string&& json_text);
/// The same for a C string (without it, a string literal would fit both overloads above).
[[nodiscard]] Input read_input(const char* json_text);

/// How plan_quarter plans (docs/optimizer.md, "The quarter planner").
enum class PlanMethod {
  greedy, ///< one dedicated round trip per visited client, chosen greedily (a fast first look)
  search, ///< multi-client round trips by local search on the optimizer core (the default)
  exact,  ///< the best multi-client plan by dynamic programming (12 clients, 8 travellers, 92 days)
};

/// Plans the horizon of a valid input: by default the search, whose counted work
/// (policy.effort) makes the plan the same for the same input on any machine. Throws
/// InfeasibleError when a must-visit client cannot be visited within the rules; with
/// PlanMethod::exact, InputError for more than 12 clients, 8 travellers or a horizon over 92
/// days, and TimeLimitError when time_limit_s passes before the exact solver has a plan.
[[nodiscard]] Plan plan_quarter(const Input& input, PlanMethod method = PlanMethod::search);

/// The plan as JSON text (docs/plan.md), pretty-printed, ending in a newline.
[[nodiscard]] std::string plan_to_json(const Plan& plan);

/// A readable multi-line summary of a plan for a terminal.
[[nodiscard]] std::string plan_summary(const Plan& plan, const Input& input);

} // namespace flyorcall
