// The optimizer core's entry point: picks the fastest method that fits the problem's shape
// (TSP, orienteering, general) and returns a priced solution.
#pragma once

#include <string>

#include "optimize/core/deadline.hpp"
#include "optimize/core/problem.hpp"

namespace flyorcall::optimize::core {

/// Which method solved a problem.
enum class Method {
  tsp,          ///< one closed route through every mandatory node, no windows or limits
  orienteering, ///< one route, prizes only (cost weight 0), no windows: length within a budget
  general,      ///< everything else: windows, several vehicles, budgets, weighted costs
};

/// What solve() found and how.
struct SolveResult {
  Solution solution;               ///< the best solution found, priced by MatrixEvaluator
  Method method = Method::general; ///< the method that found it
  long long iterations = 0; ///< search iterations of the fast paths (0 for the general search)
};

/// The method solve() uses for `problem` (shape detection only).
[[nodiscard]] Method choose_method(const RoutingProblem& problem);

/// Solves `problem` (which must pass RoutingProblem::check()) within `limits`, with the matrix
/// evaluator. Deterministic for a seed when no deadline cuts the search short.
[[nodiscard]] SolveResult solve(const RoutingProblem& problem, const SearchLimits& limits);

/// Name of a method ("tsp", "orienteering", "general").
[[nodiscard]] std::string method_name(Method m);

} // namespace flyorcall::optimize::core
