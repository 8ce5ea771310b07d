// The orienteering search's walk (op_search.hpp): construction, shortening, exchanges and kicks;
// the polish after it stagnates is in op_polish.cpp.
#include "optimize/core/op.hpp"

#include <algorithm>
#include <cmath>

#include "optimize/core/op_search.hpp"

namespace flyorcall::optimize::core {
namespace opsearch {

OpResult OpSearch::run(const SearchLimits& limits) {
  path_ = {op_.start, op_.end};
  len_ = d(op_.start, op_.end);
  score_ = 0;
  OpResult r;
  if (len_ > op_.budget + kTolerance) {
    r.path = path_;
    r.length = len_;
    return r;
  }
  fill(0.0);
  improve();
  Best best;
  keep(best);
  const long long stagnation =
      limits.stagnation >= 0 ? limits.stagnation : std::max<long long>(350, 5LL * n_);
  long long it = 0;
  long long since_best = 0;
  int polishes = 0;
  while (!cands_.empty()) {
    if (limits.max_iterations >= 0 && it >= limits.max_iterations) break;
    if (limits.deadline.expired()) break;
    if (since_best >= stagnation) {
      // Stagnated: the polish's wider exchanges from the best before stopping; a better path
      // found there restarts the walk from it.
      if (polishes == kPolishes || !polish(best)) break;
      ++polishes;
      since_best = 0;
    }
    ++it;
    ++since_best;
    // A random walk over local optima, pulled back to the best every few rounds.
    if (since_best % 64 == 0) load(best.path);
    // Half the kicks take nodes out, half force an unvisited node (and neighbours) in.
    if (rng_.below(2) == 0)
      kick_insert();
    else
      kick();
    shorten();
    fill(rng_.below(5) == 0 ? 20.0 : 2.0 * rng_.unit());
    improve();
    if (keep(best)) since_best = 0;
  }
  r.path = best.path;
  r.score = best.score;
  r.length = best.len;
  r.feasible = true;
  r.iterations = it;
  return r;
}

void OpSearch::load(const std::vector<int>& path) {
  for (int x : path_) in_[static_cast<std::size_t>(x)] = 0;
  path_ = path;
  recompute();
}

void OpSearch::recompute() {
  len_ = 0;
  score_ = 0;
  for (int p = 0; p + 1 < m(); ++p) len_ += d(at(p), at(p + 1));
  for (int p = 1; p + 1 < m(); ++p) {
    in_[static_cast<std::size_t>(at(p))] = 1;
    score_ += prize(at(p));
  }
}

void OpSearch::price(int u) {
  double best = kNoLimit;
  int after = -1;
  for_each_insertion(u, [&](int p, double delta) {
    if (delta < best) {
      best = delta;
      after = p;
    }
  });
  best_delta_[static_cast<std::size_t>(u)] = best;
  best_after_[static_cast<std::size_t>(u)] = after;
}

void OpSearch::fill(double noise) {
  for (int u : cands_)
    if (!in_[static_cast<std::size_t>(u)]) price(u);
  for (;;) {
    int pick = -1;
    double pick_value = -1;
    for (int u : cands_) {
      if (in_[static_cast<std::size_t>(u)]) continue;
      const double delta = best_delta_[static_cast<std::size_t>(u)];
      if (len_ + delta > op_.budget + kTolerance) continue;
      double value = prize(u) / (std::max(delta, 0.0) + 1e-6);
      if (noise > 0) value *= 1.0 + noise * rng_.unit();
      if (value > pick_value) {
        pick_value = value;
        pick = u;
      }
    }
    if (pick < 0) return;
    const int after = best_after_[static_cast<std::size_t>(pick)];
    len_ += best_delta_[static_cast<std::size_t>(pick)];
    score_ += prize(pick);
    in_[static_cast<std::size_t>(pick)] = 1;
    path_.insert(path_.begin() + after + 1, pick);
    // Positions after the insertion moved by one; the edge (after, after+1) is gone.
    for (int u : cands_) {
      if (in_[static_cast<std::size_t>(u)]) continue;
      int& a = best_after_[static_cast<std::size_t>(u)];
      if (a == after) {
        price(u);
        continue;
      }
      if (a > after) ++a;
      for (int p = after; p <= after + 1; ++p) {
        const double delta = d(at(p), u) + d(u, at(p + 1)) - d(at(p), at(p + 1));
        if (delta < best_delta_[static_cast<std::size_t>(u)]) {
          best_delta_[static_cast<std::size_t>(u)] = delta;
          a = p;
        }
      }
    }
  }
}

void OpSearch::shorten() {
  if (path_ != shortened_) shorten_changed();
  // Re-sum to keep rounding drift out of the feasibility test.
  len_ = 0;
  for (int p = 0; p + 1 < m(); ++p) len_ += d(at(p), at(p + 1));
}

void OpSearch::shorten_changed() {
  // clean[k]: pass k (2-opt, then Or-opt of 1, 2, 3 nodes) found nothing since the last change.
  bool clean[4] = {false, false, false, false};
  bool improved = true;
  while (improved) {
    improved = false;
    for (int k = 0; k < 4; ++k) {
      if (clean[k]) continue;
      if (k == 0 ? two_opt() : or_opt(k)) {
        improved = true;
        std::fill(clean, clean + 4, false);
      } else {
        clean[k] = true;
      }
    }
  }
  shortened_ = path_;
}

bool OpSearch::two_opt() {
  const int len = m();
  fill_edges();
  const int* path = path_.data();
  bool improved = false;
  for (int i = 0; i + 3 < len; ++i) {
    const double* to_a = column(path[i]);
    const double* to_b = column(path[i + 1]);
    double ab = edge_[static_cast<std::size_t>(i)];
    for (int j = i + 2; j + 1 < len; ++j) {
      const double delta =
          to_a[path[j]] + to_b[path[j + 1]] - ab - edge_[static_cast<std::size_t>(j)];
      if (delta >= -kEps) continue;
      std::reverse(path_.begin() + i + 1, path_.begin() + j + 1);
      for (int q = i; q <= j; ++q) edge_[static_cast<std::size_t>(q)] = d(path[q], path[q + 1]);
      len_ += delta;
      improved = true;
      to_b = column(path[i + 1]);
      ab = edge_[static_cast<std::size_t>(i)];
    }
  }
  return improved;
}

bool OpSearch::or_opt(int seg_len) {
  bool improved = false;
  fill_edges();
  for (int i = 1; i + seg_len < m(); ++i) {
    const int j = i + seg_len - 1; // segment [i, j]
    const int* path = path_.data();
    const double* edge = edge_.data();
    const int first = path[i];
    const int last = path[j];
    const double removal = edge[i - 1] + edge[j] - d(path[i - 1], path[j + 1]);
    if (removal <= kEps) continue;
    const double* to_first = column(first);
    const double* to_last = column(last);
    int best_p = -1;
    bool best_rev = false;
    double best_gain = kEps;
    const int len = m();
    for (int p = 0; p + 1 < len; ++p) {
      if (p == i - 1) p = j + 1; // the segment's own edges
      if (p + 1 >= len) break;
      const int a = path[p];
      const int b = path[p + 1];
      const double base = edge[p];
      const double fwd = to_first[a] + to_last[b] - base;
      if (removal - fwd > best_gain) {
        best_gain = removal - fwd;
        best_p = p;
        best_rev = false;
      }
      if (seg_len == 1) continue; // reversed is the same
      const double rev = to_last[a] + to_first[b] - base;
      if (removal - rev > best_gain) {
        best_gain = removal - rev;
        best_p = p;
        best_rev = true;
      }
    }
    if (best_p < 0) continue;
    std::vector<int> seg(path_.begin() + i, path_.begin() + j + 1);
    if (best_rev) std::reverse(seg.begin(), seg.end());
    path_.erase(path_.begin() + i, path_.begin() + j + 1);
    const int insert_at = best_p < i ? best_p + 1 : best_p + 1 - seg_len;
    path_.insert(path_.begin() + insert_at, seg.begin(), seg.end());
    len_ -= best_gain;
    improved = true;
    fill_edges();
  }
  return improved;
}

void OpSearch::fill_edges() {
  const int len = m();
  edge_.resize(static_cast<std::size_t>(len));
  for (int q = 0; q + 1 < len; ++q) edge_[static_cast<std::size_t>(q)] = d(at(q), at(q + 1));
}

void OpSearch::price_top(int u) {
  double* dl = &top_delta_[kTop * static_cast<std::size_t>(u)];
  int* ps = &top_after_[kTop * static_cast<std::size_t>(u)];
  std::fill(dl, dl + kTop, kNoLimit);
  std::fill(ps, ps + kTop, -1);
  for_each_insertion(u, [&](int q, double delta) {
    if (delta >= dl[kTop - 1]) return;
    int k = kTop - 1;
    for (; k > 0 && delta < dl[k - 1]; --k) {
      dl[k] = dl[k - 1];
      ps[k] = ps[k - 1];
    }
    dl[k] = delta;
    ps[k] = q;
  });
}

void OpSearch::price_removals() {
  const int len = m();
  bridge_.resize(static_cast<std::size_t>(len));
  saving_.resize(static_cast<std::size_t>(len));
  for (int p = 1; p + 1 < len; ++p) {
    const auto q = static_cast<std::size_t>(p);
    bridge_[q] = d(at(p - 1), at(p + 1));
    saving_[q] = d(at(p - 1), at(p)) + d(at(p), at(p + 1)) - bridge_[q];
  }
}

bool OpSearch::exchange() {
  const int len = m();
  if (len <= 2) return false;
  price_removals();
  prize_at_.resize(static_cast<std::size_t>(len));
  for (int p = 1; p + 1 < len; ++p) prize_at_[static_cast<std::size_t>(p)] = prize(at(p));
  // No exchange brings in a node worth less than every visited one.
  lowest_ = kNoLimit;
  for (int p = 1; p + 1 < len; ++p) lowest_ = std::min(lowest_, prize(at(p)));
  double best_gain = 0;
  double best_len = len_ - kEps;
  int best_u = -1;
  int best_p = -1;
  int best_q = -1; // insertion edge of the old path; -1: v's own place
  for (int u : cands_) {
    // No exchange for u can beat the best so far (while none is found, best_gain is 0 and
    // every u that exchange_two() may use is priced here).
    if (in_[static_cast<std::size_t>(u)] || prize(u) - lowest_ < best_gain - kEps) continue;
    price_top(u);
    const double pu = prize(u);
    for (int p = 1; p + 1 < len; ++p) {
      const double gain = pu - prize_at_[static_cast<std::size_t>(p)];
      if (gain < best_gain - kEps) continue;
      int q_best = -1;
      const double ins = insertion_without(u, p, q_best);
      const double new_len = len_ - saving_[static_cast<std::size_t>(p)] + ins;
      if (new_len > op_.budget + kTolerance) continue;
      const bool better =
          gain > best_gain + kEps || (gain > best_gain - kEps && new_len < best_len);
      if (!better) continue;
      best_gain = gain;
      best_len = new_len;
      best_u = u;
      best_p = p;
      best_q = q_best;
    }
  }
  if (best_u < 0) return false;
  const int v = at(best_p);
  in_[static_cast<std::size_t>(v)] = 0;
  in_[static_cast<std::size_t>(best_u)] = 1;
  score_ += prize(best_u) - prize(v);
  if (best_q < 0) {
    path_[static_cast<std::size_t>(best_p)] = best_u;
  } else {
    path_.erase(path_.begin() + best_p);
    const int at_pos = best_q < best_p ? best_q + 1 : best_q;
    path_.insert(path_.begin() + at_pos, best_u);
  }
  len_ = best_len;
  return true;
}

bool OpSearch::exchange_two(bool any_pair) {
  constexpr int kNearVisited = 6;
  const int len = m();
  if (len <= 3) return false;
  for (int p = 1; p + 1 < len; ++p) pos_[static_cast<std::size_t>(at(p))] = p;
  double best_gain = kEps;
  int best_u = -1;
  int best_pa = -1;
  int best_pb = -1;
  int best_q = -1;
  for (int u : cands_) {
    // Worth more than two visited nodes, so priced by exchange() (which skips only nodes worth
    // less than every visited one).
    if (in_[static_cast<std::size_t>(u)] || prize(u) <= 2 * lowest_ + kEps) continue;
    int found = 0;
    const int limit = any_pair ? len : kNearVisited;
    for (int a : near_[static_cast<std::size_t>(u)]) {
      if (found == limit) break;
      if (!in_[static_cast<std::size_t>(a)]) continue;
      ++found;
      const int pa = pos_[static_cast<std::size_t>(a)];
      for (int pb = 1; pb + 1 < len; ++pb) {
        if (pb == pa) continue;
        const double gain = prize(u) - prize(a) - prize(at(pb));
        if (gain <= best_gain) continue;
        int q = -1;
        const double new_len = length_swapping(std::min(pa, pb), std::max(pa, pb), u, q);
        if (new_len > op_.budget + kTolerance) continue;
        best_gain = gain;
        best_u = u;
        best_pa = std::min(pa, pb);
        best_pb = std::max(pa, pb);
        best_q = q;
      }
    }
  }
  if (best_u < 0) return false;
  // Insert first (positions of the old path), then erase the two nodes behind it.
  std::vector<int> next;
  next.reserve(path_.size());
  for (int p = 0; p < len; ++p) {
    if (p != best_pa && p != best_pb) next.push_back(at(p));
    if (p == best_q) next.push_back(best_u);
  }
  for (int p : {best_pa, best_pb}) {
    in_[static_cast<std::size_t>(at(p))] = 0;
    score_ -= prize(at(p));
  }
  in_[static_cast<std::size_t>(best_u)] = 1;
  score_ += prize(best_u);
  path_.swap(next);
  len_ = 0;
  for (int p = 0; p + 1 < m(); ++p) len_ += d(at(p), at(p + 1));
  return true;
}

void OpSearch::improve() {
  shorten();
  fill(0.0);
  for (int round = 0; round < 100 && (exchange() || exchange_two()); ++round) {
    shorten();
    fill(0.0);
  }
}

void OpSearch::kick_insert() {
  std::vector<int> out;
  for (int u : cands_)
    if (!in_[static_cast<std::size_t>(u)]) out.push_back(u);
  if (out.empty()) return kick();
  const int u = out[static_cast<std::size_t>(rng_.below(static_cast<int>(out.size())))];
  force(u, rng_.below(3));
}

void OpSearch::insert_each(const std::vector<int>& nodes) {
  for (int f : nodes) {
    price(f);
    len_ += best_delta_[static_cast<std::size_t>(f)];
    score_ += prize(f);
    in_[static_cast<std::size_t>(f)] = 1;
    path_.insert(path_.begin() + best_after_[static_cast<std::size_t>(f)] + 1, f);
  }
}

void OpSearch::force(int u, int extra) {
  std::vector<int> forced{u};
  for (int v : near_[static_cast<std::size_t>(u)]) {
    if (static_cast<int>(forced.size()) > extra) break;
    if (!in_[static_cast<std::size_t>(v)]) forced.push_back(v);
  }
  insert_each(forced);
  shorten();
  const auto saving = [&](int p) {
    return d(at(p - 1), at(p)) + d(at(p), at(p + 1)) - d(at(p - 1), at(p + 1));
  };
  while (len_ > op_.budget + kTolerance && m() > 2) {
    int drop = 1; // when only forced nodes are left
    double drop_ratio = kNoLimit;
    for (int p = 1; p + 1 < m(); ++p) {
      if (std::find(forced.begin(), forced.end(), at(p)) != forced.end()) continue;
      const double ratio = prize(at(p)) / std::max(saving(p), 1e-9);
      if (ratio < drop_ratio) {
        drop_ratio = ratio;
        drop = p;
      }
    }
    len_ -= saving(drop);
    in_[static_cast<std::size_t>(at(drop))] = 0;
    score_ -= prize(at(drop));
    path_.erase(path_.begin() + drop);
  }
  len_ = 0;
  for (int p = 0; p + 1 < m(); ++p) len_ += d(at(p), at(p + 1));
}

void OpSearch::kick() {
  const int inner = m() - 2;
  if (inner <= 0) return;
  if (rng_.below(2) == 0) {
    const int k = rng_.between(1, std::max(1, inner / 2 + 1));
    const int from = rng_.between(1, inner - k + 1);
    for (int p = from; p < from + k; ++p) {
      in_[static_cast<std::size_t>(at(p))] = 0;
      score_ -= prize(at(p));
    }
    path_.erase(path_.begin() + from, path_.begin() + from + k);
  } else {
    const int k = rng_.between(1, std::max(1, std::min(inner, 3)));
    for (int r = 0; r < k && m() > 2; ++r) {
      const int p = rng_.between(1, m() - 2);
      in_[static_cast<std::size_t>(at(p))] = 0;
      score_ -= prize(at(p));
      path_.erase(path_.begin() + p);
    }
  }
  len_ = 0;
  for (int p = 0; p + 1 < m(); ++p) len_ += d(at(p), at(p + 1));
}

} // namespace opsearch

OpResult solve_op(const OpInstance& op, const SearchLimits& limits) {
  opsearch::OpSearch search(op, limits.seed);
  return search.run(limits);
}

} // namespace flyorcall::optimize::core
