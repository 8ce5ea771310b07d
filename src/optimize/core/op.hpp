// The orienteering fast path of the optimizer core: one open path from a start to an end within
// a length budget, maximising the collected prizes. Iterated local search: ratio insertion,
// 2-opt/Or-opt shortening, one-for-one and two-for-one exchanges of visited for unvisited nodes
// and string-removal kicks; after it stagnates, a polish with wider, paired and chain exchanges
// (up to four visited nodes for three unvisited ones; docs/optimizer.md).
#pragma once

#include <vector>

#include <Eigen/Core>

#include "optimize/core/deadline.hpp"

namespace flyorcall::optimize::core {

/// An orienteering instance on a symmetric distance matrix.
struct OpInstance {
  const Eigen::MatrixXd* dist = nullptr; ///< symmetric travel lengths
  std::vector<double> prize;             ///< per location (depots' prizes are ignored)
  std::vector<char> candidate;           ///< per location: may be visited
  int start = 0;                         ///< first location of the path
  int end = 1;                           ///< last location (may equal start: a closed tour)
  double budget = 0;                     ///< the path length must not exceed budget + kTolerance
};

/// The best path found.
struct OpResult {
  std::vector<int> path;    ///< start, visited locations, end (start twice if start == end)
  double score = 0;         ///< sum of visited prizes
  double length = 0;        ///< path length
  bool feasible = false;    ///< false only when even start -> end exceeds the budget
  long long iterations = 0; ///< kicks performed
};

/// Solves `op` within `limits`.
[[nodiscard]] OpResult solve_op(const OpInstance& op, const SearchLimits& limits);

} // namespace flyorcall::optimize::core
