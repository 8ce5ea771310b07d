// The exact solver of the optimizer core for small problems: dynamic programming over subsets of
// candidates with Pareto labels (time, cost) per (subset, last node), then the best disjoint
// combination of one route per vehicle under the global budgets.
#pragma once

#include "optimize/core/problem.hpp"

namespace flyorcall::optimize::core {

/// The largest number of candidate nodes solve_exact accepts.
inline constexpr int kExactMaxCandidates = 16;

/// An optimal solution of `problem` (same model and route pricing as MatrixEvaluator: services
/// start as early as possible in the first window that fits). Ties on the objective go to the
/// smaller total duration. When no assignment serves every mandatory node within all limits,
/// the result has feasible == false and no routes. Throws std::invalid_argument when the
/// problem has more than kExactMaxCandidates candidates. Time and memory grow as 2^n (and as
/// (vehicles + 1)^n for the combination of routes).
[[nodiscard]] Solution solve_exact(const RoutingProblem& problem);

} // namespace flyorcall::optimize::core
