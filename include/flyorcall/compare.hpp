// What-if: a base input and scenarios of it (merge patches, assignments, a sweep), planned in
// parallel and compared: what `flyorcall compare` prints (docs/compare.md; docs/library.md,
// "Network, routes, holidays, calls, compare and batch"). Plain C++ types only.
#pragma once

#include <cstddef>
#include <optional>
#include <string>
#include <vector>

#include "flyorcall/company_fares.hpp"
#include "flyorcall/errors.hpp"
#include "flyorcall/flyorcall.hpp"

namespace flyorcall {

/// The most points a sweep may have.
inline constexpr std::size_t kMaxSweepPoints = 101;

/// A scenario given as a JSON Merge Patch (RFC 7386) of the base document.
struct ScenarioPatch {
  std::string name; ///< its name in the comparison (the file name)
  std::string text; ///< the patch document
};

/// A comparison to make.
struct CompareRequest {
  std::string base_name; ///< the base's name in the comparison and in errors (a path, "<stdin>")
  std::string base_text; ///< the base input document (JSON)
  std::vector<ScenarioPatch> patches;
  /// "/json/pointer=VALUE" assignments: each its own scenario, or all one with `group`. A budget
  /// may be relative to the base plan ("/policy/budget/cash=-30%").
  std::vector<std::string> sets;
  bool group = false;
  std::string sweep; ///< "/json/pointer=FROM:TO:STEP": one scenario per point; "" for none
  std::optional<CompanyFares> fares; ///< added to the base and every scenario
  PlanMethod method = PlanMethod::search;
  std::optional<int> effort;    ///< overrides policy.effort of the base and every scenario
  unsigned jobs = 0;            ///< plans at once; 0: hardware threads
  std::string format = "table"; ///< of CompareResult::text: "table", "md", "json" or "html"
};

/// Scenarios that could not be made, read or planned by the method, with their problems.
struct ScenarioProblems {
  std::string scenario; ///< the scenario's name
  std::vector<Problem> problems;
};

/// One scenario of a comparison.
struct ScenarioOutcome {
  std::string name;
  std::optional<double> sweep_value;
  bool feasible = true;
  std::string infeasible_pointer;   ///< when not feasible
  std::string infeasible_reason;    ///< when not feasible
  std::size_t decision_changes = 0; ///< clients whose decision differs from the base plan
};

/// What compare_scenarios made.
struct CompareResult {
  /// Non-empty: these scenarios are bad input; nothing was compared and `text` is empty.
  std::vector<ScenarioProblems> rejected;
  std::vector<ScenarioOutcome> scenarios; ///< in the order given: patches, sets, sweep points
  std::string text;                       ///< the comparison in the request's format
};

/// Plans the base and every scenario of a request and compares them. Throws InputError for a bad
/// base, fare table or option (nothing to compare, a bad --set or --sweep), InfeasibleError when
/// the base has no plan, TimeLimitError when the exact method runs out of time. `error_source` is
/// set, as the call goes, to the name an escaping error concerns: request.base_name for the
/// base, "" for the fare table (its problems name it), "flyorcall compare" for the options.
[[nodiscard]] CompareResult compare_scenarios(const CompareRequest& request,
                                              std::string& error_source);

} // namespace flyorcall
