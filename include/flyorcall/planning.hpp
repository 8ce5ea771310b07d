// Planning an input (`flyorcall plan`, docs/cli.md) with the command line's overrides as plain
// options: method, effort, seed and time limit.
#pragma once

#include <cstdint>
#include <optional>

#include "flyorcall/flyorcall.hpp"

namespace flyorcall {

/// How plan_input plans; every override left empty keeps the input's own value.
struct PlanOptions {
  PlanMethod method = PlanMethod::search;
  /// Counted work of the search, limits::kMinEffort to limits::kMaxEffort (policy.effort).
  std::optional<int> effort;
  /// The seed of the search (the input's `seed`).
  std::optional<std::uint64_t> seed;
  /// The safety cap on planning time, 0.1 to limits::kMaxTimeLimitSeconds (`time_limit_s`).
  std::optional<double> time_limit_s;
};

/// Applies the options' overrides to `input`. Throws InputError for an effort or a time limit out
/// of range, with the pointer of the input value it would override ("/policy/effort",
/// "/time_limit_s").
void apply_plan_options(Input& input, const PlanOptions& options);

/// A plan and the input it was made from (the overrides applied): plan_summary, the check and
/// the report take both.
struct PlanResult {
  Input input;
  Plan plan;
};

/// Applies the options to `input` and plans it. Throws as apply_plan_options and plan_quarter do.
[[nodiscard]] PlanResult plan_input(Input input, const PlanOptions& options = {});

} // namespace flyorcall
