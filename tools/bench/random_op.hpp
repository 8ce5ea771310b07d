// Seeded random orienteering instances for holding the optimizer core to an exact solver:
// 30-60 points, a uniform or clustered layout, random scores and a length budget of 20-50 % of a
// tour through every point. The same seed gives the same instance on every machine (integer
// coordinates and scores from SplitMix64, an integer budget).
#pragma once

#include <cstdint>
#include <string>

#include "optimize/core/problem.hpp"
#include "readers.hpp"

namespace flyorcall::bench {

/// What a seed drew: the instance and how it was made.
struct RandomOp {
  OpFile op;              ///< point 0 the start, point 1 the end
  bool clustered = false; ///< clustered layout (else uniform)
  double fraction = 0;    ///< the budget as a share of the tour through every point
  double tour = 0;        ///< that tour's length (nearest neighbour, then 2-opt)
};

/// The instance of `seed`: 30-60 points in [0, 100]², uniform or in 3-6 clusters, scores 1-100
/// (start and end 0), Tmax = floor(fraction × tour) with fraction in [0.20, 0.50]; the end is
/// redrawn until it is within Tmax / 2 of the start.
[[nodiscard]] RandomOp random_op(std::uint64_t seed);

/// The instance in the orienteering text format flyorcall-bench op reads ("Tmax 1", then
/// "x y score" per point).
[[nodiscard]] std::string op_text(const OpFile& op);

/// An orienteering instance as the optimizer core's problem: one vehicle from point 0 to point 1
/// within Tmax, each point's score its prize, travel the real Euclidean distance.
[[nodiscard]] optimize::core::RoutingProblem op_problem(const OpFile& op);

} // namespace flyorcall::bench
