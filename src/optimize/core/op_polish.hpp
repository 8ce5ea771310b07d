// Pieces of the orienteering search's polish (op.cpp) that need no more than the path: the
// ranking of paired exchanges and the choice of the nodes a chain exchange takes out.
#pragma once

#include <cstddef>
#include <vector>

#include "optimize/core/op.hpp"

namespace flyorcall::optimize::core {

/// At most this many visited nodes go out for one chain (so four for three in).
inline constexpr int kChainOut = 4;
/// How many of the cheapest sets cheapest_drops() returns.
inline constexpr std::size_t kChainSets = 4;

/// One one-for-one exchange of a paired exchange: unvisited u in at visited position p's place
/// (q = -1) or after position q of the path, gaining `gain` prize and adding `dlen` length.
struct Swap {
  double gain, dlen;
  int u, p, q;
};

/// Two swaps (indices into the list, i < j) together: their gain and the path's length after.
struct SwapPair {
  double gain, len;
  std::size_t i, j;
};

/// The pairs of `swaps` that gain prize together and touch no common edge, with the path (now
/// `len` long) within `budget` + `slack` after both: those within the budget first, then by
/// gain (most first) and length.
[[nodiscard]] std::vector<SwapPair> promising_pairs(const std::vector<Swap>& swaps, double len,
                                                    double budget, double slack);

/// Scratch space of cheapest_drops(), kept between calls.
struct DropScratch {
  std::vector<int> order;    ///< candidate positions by prize
  std::vector<double> edges; ///< per candidate, its two edges' lengths
  std::vector<double> reach; ///< per count r and candidate i, the r largest of edges[i..] summed
};

/// The kChainSets sets (positions on `path`, ascending) of at most kChainOut inner nodes, none
/// in `keep_in`, of least total prize (ties: the most saved first) and worth at most `limit`,
/// whose removal shortens `path` by at least `excess`. A depth-first search over the nodes by
/// prize: a branch stops once its prize passes the worst set kept (or `limit`), or when even
/// its nodes' edges and the longest edges of the nodes left (a removal saves at most the edges
/// of its nodes) cannot make up the excess. Empty when no set does.
[[nodiscard]] std::vector<std::vector<int>>
cheapest_drops(const std::vector<int>& path, const OpInstance& op, const std::vector<int>& keep_in,
               double excess, double limit, DropScratch& scratch);

} // namespace flyorcall::optimize::core
