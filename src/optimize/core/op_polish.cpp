#include "optimize/core/op_polish.hpp"

#include <algorithm>
#include <cstdlib>

#include "optimize/core/problem.hpp"

namespace flyorcall::optimize::core {
namespace {

constexpr double kEps = 1e-9;

// Sorts the n (at most a few) ints at a ascending.
void sort_small(int* a, int n) {
  for (int i = 1; i < n; ++i)
    for (int j = i; j > 0 && a[j - 1] > a[j]; --j) std::swap(a[j - 1], a[j]);
}

} // namespace

std::vector<SwapPair> promising_pairs(const std::vector<Swap>& swaps, double len, double budget,
                                      double slack) {
  // Edges a swap changes: around its removal (p - 1, p) and its insertion edge q.
  const auto clash = [](const Swap& a, const Swap& b) {
    if (a.u == b.u || std::abs(a.p - b.p) < 2) return true;
    const auto touches = [](const Swap& x, int e) {
      return e == x.p - 1 || e == x.p || (x.q >= 0 && e == x.q);
    };
    return touches(a, b.p - 1) || touches(a, b.p) || (b.q >= 0 && touches(a, b.q));
  };
  // The swaps by added length: a swap's partners within budget + slack come first (a margin
  // over the exact test below keeps rounding from losing any).
  const std::size_t n = swaps.size();
  std::vector<std::size_t> by_len(n);
  for (std::size_t i = 0; i < n; ++i) by_len[i] = i;
  std::sort(by_len.begin(), by_len.end(), [&](std::size_t x, std::size_t y) {
    return swaps[x].dlen < swaps[y].dlen || (swaps[x].dlen == swaps[y].dlen && x < y);
  });
  std::vector<SwapPair> pairs;
  std::vector<std::size_t> partners;
  for (std::size_t i = 0; i < n; ++i) {
    const Swap& a = swaps[i];
    const double room = budget + slack - len - a.dlen + 1e-6;
    partners.clear();
    for (std::size_t k = 0; k < n && swaps[by_len[k]].dlen <= room; ++k)
      if (by_len[k] > i) partners.push_back(by_len[k]);
    std::sort(partners.begin(), partners.end());
    for (std::size_t j : partners) {
      const Swap& b = swaps[j];
      const double gain = a.gain + b.gain;
      const double new_len = len + a.dlen + b.dlen;
      if (gain <= kEps || new_len > budget + slack || clash(a, b)) continue;
      pairs.push_back({gain, new_len, i, j});
    }
  }
  const double within = budget + kTolerance;
  std::sort(pairs.begin(), pairs.end(), [within](const SwapPair& x, const SwapPair& y) {
    if ((x.len <= within) != (y.len <= within)) return x.len <= within;
    return x.gain > y.gain + kEps ||
           (x.gain > y.gain - kEps && (x.len < y.len || (x.len == y.len && x.i < y.i) ||
                                       (x.len == y.len && x.i == y.i && x.j < y.j)));
  });
  return pairs;
}

std::vector<std::vector<int>> cheapest_drops(const std::vector<int>& path, const OpInstance& op,
                                             const std::vector<int>& keep_in, double excess,
                                             double limit, DropScratch& scratch) {
  const auto at = [&](int p) { return path[static_cast<std::size_t>(p)]; };
  const auto prize = [&](int p) { return op.prize[static_cast<std::size_t>(p)]; };
  const auto d = [&](int i, int j) { return (*op.dist)(i, j); };
  const int len = static_cast<int>(path.size());
  std::vector<int>& order = scratch.order;
  order.clear();
  for (int p = 1; p + 1 < len; ++p)
    if (std::find(keep_in.begin(), keep_in.end(), at(p)) == keep_in.end()) order.push_back(p);
  std::sort(order.begin(), order.end(), [&](int a, int b) {
    return prize(at(a)) < prize(at(b)) || (prize(at(a)) == prize(at(b)) && a < b);
  });
  const std::size_t n = order.size();
  std::vector<double>& edges = scratch.edges;
  edges.resize(n);
  for (std::size_t i = 0; i < n; ++i) {
    const int p = order[i];
    edges[i] = d(at(p - 1), at(p)) + d(at(p), at(p + 1));
  }
  std::vector<double>& reach = scratch.reach; // (kChainOut + 1) × (n + 1)
  reach.assign(static_cast<std::size_t>(kChainOut + 1) * (n + 1), 0.0);
  const auto r_at = [&](int r, std::size_t i) -> double& {
    return reach[static_cast<std::size_t>(r) * (n + 1) + i];
  };
  double top[kChainOut] = {};
  for (std::size_t i = n; i-- > 0;) {
    double e = edges[i];
    for (double& t : top)
      if (e > t) std::swap(e, t);
    double sum = 0;
    for (int r = 1; r <= kChainOut; ++r) {
      sum += top[r - 1];
      r_at(r, i) = sum;
    }
  }
  struct Kept {
    double prize, saving;
    int size;
    int set[kChainOut];
  };
  std::vector<Kept> kept;
  int chosen[kChainOut];
  int depth = 0;
  // The saving of removing the chosen positions (exact: runs of adjacent ones bridged once).
  const auto saving_of = [&]() {
    int set[kChainOut];
    std::copy(chosen, chosen + depth, set);
    sort_small(set, depth);
    double s = 0;
    for (int i = 0; i < depth;) {
      int j = i;
      while (j + 1 < depth && set[j + 1] == set[j] + 1) ++j;
      for (int q = set[i] - 1; q <= set[j]; ++q) s += d(at(q), at(q + 1));
      s -= d(at(set[i] - 1), at(set[j] + 1));
      i = j + 1;
    }
    return s;
  };
  const auto bound = [&] {
    return kept.size() < kChainSets ? limit : std::min(limit, kept.back().prize + kEps);
  };
  const auto dfs = [&](auto&& self, std::size_t from_i, double sum, double edge_sum) -> void {
    for (std::size_t i = from_i; i < n; ++i) {
      const double pz = sum + prize(at(order[i]));
      if (pz > bound()) break;
      if (edge_sum + r_at(kChainOut - depth, i) < excess) break;
      chosen[depth++] = order[i];
      const double s = saving_of();
      if (s >= excess) {
        Kept k{pz, s, depth, {}};
        std::copy(chosen, chosen + depth, k.set);
        sort_small(k.set, depth);
        const auto better = [](const Kept& x, const Kept& y) {
          return x.prize < y.prize - kEps || (x.prize < y.prize + kEps && x.saving > y.saving);
        };
        kept.insert(std::upper_bound(kept.begin(), kept.end(), k, better), k);
        if (kept.size() > kChainSets) kept.pop_back();
      } else if (depth < kChainOut) {
        self(self, i + 1, pz, edge_sum + edges[i]);
      }
      --depth;
    }
  };
  dfs(dfs, 0, 0.0, 0.0);
  std::vector<std::vector<int>> sets;
  for (const Kept& k : kept) sets.emplace_back(k.set, k.set + k.size);
  return sets;
}

} // namespace flyorcall::optimize::core
