// The symmetric travelling salesman fast path of the optimizer core: iterated local search with
// 2-opt and Or-opt moves over neighbour lists and don't-look bits, perturbed by local
// double-bridge kicks (docs/optimizer.md).
#pragma once

#include <vector>

#include <Eigen/Core>

#include "optimize/core/deadline.hpp"

namespace flyorcall::optimize::core {

/// A closed tour over every location of the matrix.
struct TspResult {
  std::vector<int> tour;    ///< every location once, starting at location 0
  double length = 0;        ///< sum of the matrix entries along the closed tour
  long long iterations = 0; ///< perturbation + local search rounds performed
};

/// A short closed tour over the locations of the symmetric matrix `dist` (uses only its upper
/// and lower triangle as given; an asymmetric matrix gives a valid but unoptimised-for tour).
[[nodiscard]] TspResult solve_tsp(const Eigen::MatrixXd& dist, const SearchLimits& limits);

} // namespace flyorcall::optimize::core
