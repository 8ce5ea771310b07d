#include "optimize/core/op_polish.hpp"

#include <algorithm>
#include <cstdlib>

#include "optimize/core/op_search.hpp"
#include "optimize/core/problem.hpp"

namespace flyorcall::optimize::core {
namespace {

using opsearch::kEps;

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

namespace opsearch {

bool OpSearch::polish(Best& best) {
  const std::vector<int> from = best.path;
  load(from);
  if (exchange() || exchange_two(true)) {
    improve();
    if (keep(best)) return true;
    load(from);
  }
  if (exchange_pair(best)) return true;
  load(from);
  if (exchange_chain(best)) return true;
  load(from);
  return false;
}

bool OpSearch::exchange_chain(Best& best) {
  const std::vector<int> from = path_;
  std::vector<int> outs;
  for (int u : cands_)
    if (!in_[static_cast<std::size_t>(u)]) outs.push_back(u);
  for (int u : outs) {
    for (int extra = 0; extra <= 2; ++extra) {
      load(from);
      const std::vector<int> chain = chain_of(u, extra);
      if (static_cast<int>(chain.size()) <= extra) break;
      insert_each(chain);
      double chain_prize = 0;
      for (int f : chain) chain_prize += prize(f);
      const std::vector<std::vector<int>> sets =
          len_ <= op_.budget + kTolerance
              ? std::vector<std::vector<int>>{{}}
              : cheapest_drops(path_, op_, chain,
                               len_ - op_.budget - kTolerance - kChainSlack * op_.budget,
                               chain_prize * (1 + kChainRefill), drops_);
      if (sets.empty()) continue;
      const std::vector<int> with_chain = path_;
      for (const std::vector<int>& set : sets) {
        load(with_chain);
        for (auto it = set.rbegin(); it != set.rend(); ++it) {
          in_[static_cast<std::size_t>(at(*it))] = 0;
          path_.erase(path_.begin() + *it);
        }
        recompute();
        if (len_ > op_.budget + kTolerance) shorten();
        if (len_ > op_.budget + kTolerance) continue;
        fill(0.0);
        if (score_ <= best.score + kEps) continue;
        improve();
        if (keep(best)) return true;
      }
    }
  }
  return false;
}

std::vector<int> OpSearch::chain_of(int u, int extra) const {
  std::vector<int> chain{u};
  while (static_cast<int>(chain.size()) <= extra) {
    int pick = -1;
    double pick_value = -1;
    int seen = 0;
    for (int v : near_[static_cast<std::size_t>(u)]) {
      if (seen == kChainNear) break;
      if (in_[static_cast<std::size_t>(v)]) continue;
      ++seen;
      if (std::find(chain.begin(), chain.end(), v) != chain.end()) continue;
      const double value = prize(v) / (d(u, v) + 1e-6);
      if (value > pick_value) {
        pick_value = value;
        pick = v;
      }
    }
    if (pick < 0) break;
    chain.push_back(pick);
  }
  return chain;
}

bool OpSearch::exchange_pair(Best& best) {
  const int len = m();
  if (len <= 4) return false;
  price_removals();
  std::vector<Swap> swaps;
  for (int u : cands_) {
    if (in_[static_cast<std::size_t>(u)]) continue;
    price_top(u);
    for (int p = 1; p + 1 < len; ++p) {
      int q_best = -1;
      const double ins = insertion_without(u, p, q_best);
      swaps.push_back(
          {prize(u) - prize(at(p)), ins - saving_[static_cast<std::size_t>(p)], u, p, q_best});
    }
  }
  const std::vector<SwapPair> pairs =
      promising_pairs(swaps, len_, op_.budget, kPairSlack * op_.budget);
  const std::vector<int> before = path_;
  for (std::size_t k = 0; k < pairs.size() && k < kPairTries; ++k) {
    apply_pair(swaps[pairs[k].i], swaps[pairs[k].j], before);
    if (pairs[k].len > op_.budget + kTolerance) shorten();
    if (len_ <= op_.budget + kTolerance) {
      improve();
      if (keep(best)) return true;
    }
    load(before);
  }
  return false;
}

void OpSearch::apply_pair(const Swap& a, const Swap& b, const std::vector<int>& before) {
  const int len = static_cast<int>(before.size());
  std::vector<int> next;
  next.reserve(before.size());
  for (int p = 0; p < len; ++p) {
    const int node = before[static_cast<std::size_t>(p)];
    for (const Swap* x : {&a, &b})
      if (p == x->p && x->q < 0) next.push_back(x->u);
    if (p != a.p && p != b.p) next.push_back(node);
    for (const Swap* x : {&a, &b})
      if (p == x->q) next.push_back(x->u);
  }
  for (const Swap* x : {&a, &b}) {
    const int v = before[static_cast<std::size_t>(x->p)];
    in_[static_cast<std::size_t>(v)] = 0;
    score_ -= prize(v);
    in_[static_cast<std::size_t>(x->u)] = 1;
    score_ += prize(x->u);
  }
  path_.swap(next);
  len_ = 0;
  for (int p = 0; p + 1 < m(); ++p) len_ += d(at(p), at(p + 1));
}

} // namespace opsearch

} // namespace flyorcall::optimize::core
