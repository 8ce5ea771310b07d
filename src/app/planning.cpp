// plan_input: the plan verb with its overrides (flyorcall/planning.hpp).
#include "flyorcall/planning.hpp"

#include <string>
#include <utility>
#include <vector>

#include "flyorcall/limits.hpp"
#include "optimize/quarter.hpp"

namespace flyorcall {

static_assert(limits::kMaxExactClients == optimize::kQuarterExactMaxClients,
              "limits.hpp states the exact planner's client limit");

void apply_plan_options(Input& input, const PlanOptions& options) {
  std::vector<Problem> problems;
  if (options.effort &&
      (*options.effort < limits::kMinEffort || *options.effort > limits::kMaxEffort))
    problems.push_back({"/policy/effort", "expected an effort from " +
                                              std::to_string(limits::kMinEffort) + " to " +
                                              std::to_string(limits::kMaxEffort) + ", found " +
                                              std::to_string(*options.effort)});
  // NaN fails both comparisons, so it is refused like any value out of range.
  if (options.time_limit_s &&
      !(*options.time_limit_s >= 0.1 && *options.time_limit_s <= limits::kMaxTimeLimitSeconds))
    problems.push_back({"/time_limit_s", "expected a number of seconds from 0.1 to 3600"});
  if (!problems.empty()) throw InputError(std::move(problems));
  if (options.seed) input.seed = *options.seed;
  if (options.time_limit_s) input.time_limit_s = *options.time_limit_s;
  if (options.effort) input.policy.effort = *options.effort;
}

PlanResult plan_input(Input input, const PlanOptions& options) {
  apply_plan_options(input, options);
  Plan plan = plan_quarter(input, options.method);
  return PlanResult{std::move(input), std::move(plan)};
}

} // namespace flyorcall
