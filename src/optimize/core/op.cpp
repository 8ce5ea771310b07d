#include "optimize/core/op.hpp"

#include <algorithm>
#include <cmath>

#include "optimize/core/op_polish.hpp"
#include "optimize/core/problem.hpp"

namespace flyorcall::optimize::core {
namespace {

constexpr double kEps = 1e-9;
// Insertion edges kept per unvisited node: removing two nodes takes at most four edges away.
constexpr int kTop = 5;
// Polish passes (polish()) a search may make after it stagnates; each that finds a better path
// restarts the walk from it.
constexpr int kPolishes = 3;
// polish()'s paired exchanges: how far over the budget a pair may start (a share of it) and how
// many pairs it tries.
constexpr double kPairSlack = 0.02;
constexpr std::size_t kPairTries = 8;
// polish()'s chain exchanges (exchange_chain): how many unvisited nodes near the first a chain
// picks its links from; how far over the budget a removal may leave the path (a share of it, for
// the shortening after it); how much more than the chain the nodes out may be worth (a share of
// the chain's prize, for the refill after it).
constexpr int kChainNear = 6;
constexpr double kChainSlack = 0.005;
constexpr double kChainRefill = 0.05;

class OpSearch {
public:
  OpSearch(const OpInstance& op, std::uint64_t seed)
      : op_(op), d_(*op.dist), n_(static_cast<int>(op.dist->rows())), rng_(seed) {
    in_.assign(static_cast<std::size_t>(n_), 0);
    best_delta_.assign(static_cast<std::size_t>(n_), 0);
    best_after_.assign(static_cast<std::size_t>(n_), -1);
    pos_.assign(static_cast<std::size_t>(n_), -1);
    top_delta_.assign(kTop * static_cast<std::size_t>(n_), 0);
    top_after_.assign(kTop * static_cast<std::size_t>(n_), -1);
    for (int i = 0; i < n_; ++i)
      if (op.candidate[static_cast<std::size_t>(i)] && i != op.start && i != op.end &&
          op.prize[static_cast<std::size_t>(i)] > 0)
        cands_.push_back(i);
    near_.resize(static_cast<std::size_t>(n_));
    for (int u : cands_) {
      std::vector<int>& nu = near_[static_cast<std::size_t>(u)];
      for (int v : cands_)
        if (v != u) nu.push_back(v);
      std::sort(nu.begin(), nu.end(),
                [&](int a, int b) { return d(u, a) < d(u, b) || (d(u, a) == d(u, b) && a < b); });
    }
  }

  OpResult run(const SearchLimits& limits) {
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

private:
  struct Best {
    std::vector<int> path;
    double score = -1;
    double len = 0;
  };

  // Keeps `best` up to date with the current path (a higher score, or the same on a shorter
  // path); true when the score rose.
  bool keep(Best& best) const {
    if (score_ > best.score + kEps || (score_ > best.score - kEps && len_ < best.len - kEps)) {
      const bool rose = score_ > best.score + kEps;
      best.path = path_;
      best.score = score_;
      best.len = len_;
      return rose;
    }
    return false;
  }

  [[nodiscard]] double d(int i, int j) const { return d_(i, j); }
  // The distances from node x: its column of the (symmetric) matrix; column(x)[y] == d(x, y).
  [[nodiscard]] const double* column(int x) const {
    return d_.data() + static_cast<std::size_t>(x) * static_cast<std::size_t>(n_);
  }
  [[nodiscard]] double prize(int i) const { return op_.prize[static_cast<std::size_t>(i)]; }
  [[nodiscard]] int m() const { return static_cast<int>(path_.size()); }
  [[nodiscard]] int at(int p) const { return path_[static_cast<std::size_t>(p)]; }

  void load(const std::vector<int>& path) {
    for (int x : path_) in_[static_cast<std::size_t>(x)] = 0;
    path_ = path;
    recompute();
  }
  void recompute() {
    len_ = 0;
    score_ = 0;
    for (int p = 0; p + 1 < m(); ++p) len_ += d(at(p), at(p + 1));
    for (int p = 1; p + 1 < m(); ++p) {
      in_[static_cast<std::size_t>(at(p))] = 1;
      score_ += prize(at(p));
    }
  }

  // Best insertion of u over all path edges: sets best_delta_ and best_after_ (position).
  void price(int u) {
    double best = kNoLimit;
    int after = -1;
    const double* to_u = column(u);
    const int* path = path_.data();
    double from_prev = to_u[path[0]];
    for (int p = 0; p + 1 < m(); ++p) {
      const double to_next = to_u[path[p + 1]];
      const double delta = from_prev + to_next - d(path[p], path[p + 1]);
      from_prev = to_next;
      if (delta < best) {
        best = delta;
        after = p;
      }
    }
    best_delta_[static_cast<std::size_t>(u)] = best;
    best_after_[static_cast<std::size_t>(u)] = after;
  }

  // Inserts unvisited candidates while one fits, by prize / added length with `noise`.
  void fill(double noise) {
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

  // 2-opt and Or-opt on the path (end points fixed) until no move shortens it. A pass that
  // found nothing on the same path finds nothing again, so rounds of passes skip the passes that
  // found nothing since the path last changed (and the whole call the path it left unchanged):
  // the same moves as rounds of all four passes, for less work.
  void shorten() {
    if (path_ != shortened_) shorten_changed();
    // Re-sum to keep rounding drift out of the feasibility test.
    len_ = 0;
    for (int p = 0; p + 1 < m(); ++p) len_ += d(at(p), at(p + 1));
  }

  // shorten() on a path it did not leave as it is.
  void shorten_changed() {
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

  // One pass of 2-opt (first improvement): reverses path_[i + 1 .. j] when that shortens it.
  // The edge lengths are kept per position (edge_[q] joins positions q and q + 1).
  bool two_opt() {
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

  // One pass of Or-opt: moves each segment of `seg_len` nodes (possibly reversed) to the edge
  // where it shortens the path most. The edge lengths are kept per position (edge_), and the
  // distances to the segment's ends read from their columns of the (symmetric) matrix.
  bool or_opt(int seg_len) {
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

  // edge_[q]: the length of the path's edge from position q to q + 1.
  void fill_edges() {
    const int len = m();
    edge_.resize(static_cast<std::size_t>(len));
    for (int q = 0; q + 1 < len; ++q) edge_[static_cast<std::size_t>(q)] = d(at(q), at(q + 1));
  }

  // The kTop cheapest insertion edges of u (edge q joins positions q and q + 1), cheapest
  // first; unused slots have position -1.
  void price_top(int u) {
    double* dl = &top_delta_[kTop * static_cast<std::size_t>(u)];
    int* ps = &top_after_[kTop * static_cast<std::size_t>(u)];
    std::fill(dl, dl + kTop, kNoLimit);
    std::fill(ps, ps + kTop, -1);
    const double* to_u = column(u);
    const int* path = path_.data();
    double from_prev = to_u[path[0]];
    for (int q = 0; q + 1 < m(); ++q) {
      const double to_next = to_u[path[q + 1]];
      const double delta = from_prev + to_next - d(path[q], path[q + 1]);
      from_prev = to_next;
      if (delta >= dl[kTop - 1]) continue;
      int k = kTop - 1;
      for (; k > 0 && delta < dl[k - 1]; --k) {
        dl[k] = dl[k - 1];
        ps[k] = ps[k - 1];
      }
      dl[k] = delta;
      ps[k] = q;
    }
  }

  // What inserting u adds to the path without the node at position p: at that node's place
  // (q = -1) or at u's cheapest insertion edge that does not touch it (q = that edge), whichever
  // adds less. Needs bridge_ and price_top(u) for the current path.
  double insertion_without(int u, int p, int& q) const {
    const double* dl = &top_delta_[kTop * static_cast<std::size_t>(u)];
    const int* ps = &top_after_[kTop * static_cast<std::size_t>(u)];
    double ins = d(at(p - 1), u) + d(u, at(p + 1)) - bridge_[static_cast<std::size_t>(p)];
    q = -1;
    for (int k = 0; k < kTop && ps[k] >= 0; ++k) {
      if (ps[k] == p - 1 || ps[k] == p) continue;
      if (dl[k] < ins) {
        ins = dl[k];
        q = ps[k];
      }
      break;
    }
    return ins;
  }

  // The best exchange of a visited node v for an unvisited node u that keeps the budget: a
  // higher prize first, else the same prize on a shorter path. Each u's cheapest
  // insertion edges give its cheapest insertion into the path without v in constant time (at
  // most two edges disappear with v), so one scan costs O(candidates × path). Applies it and
  // returns true, or returns false when no exchange improves.
  bool exchange() {
    const int len = m();
    if (len <= 2) return false;
    saving_.resize(static_cast<std::size_t>(len));
    bridge_.resize(static_cast<std::size_t>(len));
    prize_at_.resize(static_cast<std::size_t>(len));
    for (int p = 1; p + 1 < len; ++p) {
      const auto q = static_cast<std::size_t>(p);
      bridge_[q] = d(at(p - 1), at(p + 1));
      saving_[q] = d(at(p - 1), at(p)) + d(at(p), at(p + 1)) - bridge_[q];
      prize_at_[q] = prize(at(p));
    }
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

  // The best exchange of two visited nodes for an unvisited node u, one of them among the
  // kNearVisited visited nodes nearest to u, when u's prize is higher than theirs together and
  // the path without them plus u's cheapest insertion keeps the budget (constant time per pair
  // from the savings and u's kTop cheapest insertion edges). Runs right after exchange() found
  // nothing, on the same path: it reuses that scan's savings and insertion edges. Applies the
  // exchange and returns true, or returns false.
  // With `any_pair` the first node may be any visited one (polish()'s slower, wider scan).
  bool exchange_two(bool any_pair = false) {
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

  // The length of the path without the nodes at positions pa < pb, with u inserted where it
  // adds least; sets q to the insertion: after position q of the current path (q is never pa
  // or pb; the node before a removed one stands for the edge that bridges it).
  double length_swapping(int pa, int pb, int u, int& q) {
    double len = len_;
    // Bridging edges: (pa - 1, pa + 1) and (pb - 1, pb + 1), or (pa - 1, pb + 1) when adjacent.
    int bridge_from[2] = {pa - 1, pb - 1};
    int bridge_to[2] = {pa + 1, pb + 1};
    int bridges = 2;
    if (pb == pa + 1) {
      len -= d(at(pa - 1), at(pa)) + d(at(pa), at(pb)) + d(at(pb), at(pb + 1)) -
             d(at(pa - 1), at(pb + 1));
      bridge_to[0] = pb + 1;
      bridges = 1;
    } else {
      len -= saving_[static_cast<std::size_t>(pa)] + saving_[static_cast<std::size_t>(pb)];
    }
    double ins = kNoLimit;
    for (int k = 0; k < bridges; ++k) {
      const int x = at(bridge_from[k]);
      const int y = at(bridge_to[k]);
      const double delta = d(x, u) + d(u, y) - d(x, y);
      if (delta < ins) {
        ins = delta;
        q = bridge_from[k];
      }
    }
    const double* dl = &top_delta_[kTop * static_cast<std::size_t>(u)];
    const int* ps = &top_after_[kTop * static_cast<std::size_t>(u)];
    for (int k = 0; k < kTop && ps[k] >= 0; ++k) {
      const int e = ps[k];
      if (e == pa - 1 || e == pa || e == pb - 1 || e == pb) continue;
      if (dl[k] < ins) {
        ins = dl[k];
        q = e;
      }
      break;
    }
    return len + ins;
  }

  void improve() {
    shorten();
    fill(0.0);
    for (int round = 0; round < 100 && (exchange() || exchange_two()); ++round) {
      shorten();
      fill(0.0);
    }
  }

  // Moves the path towards another region (so that a refill can follow it there, which the
  // ratio insertion alone rarely does: a far node is dear until its neighbours come with it):
  // forces a random unvisited node in (see force()), with up to two of its neighbours.
  void kick_insert() {
    std::vector<int> out;
    for (int u : cands_)
      if (!in_[static_cast<std::size_t>(u)]) out.push_back(u);
    if (out.empty()) return kick();
    const int u = out[static_cast<std::size_t>(rng_.below(static_cast<int>(out.size())))];
    force(u, rng_.below(3));
  }

  // Inserts the unvisited node u and its `extra` nearest unvisited candidates where each adds
  // least, shortens the path, then, while it is too long, drops the visited node (not one just
  // forced in, while there is another) that gives the least prize per length saved.
  void force(int u, int extra) {
    std::vector<int> forced{u};
    for (int v : near_[static_cast<std::size_t>(u)]) {
      if (static_cast<int>(forced.size()) > extra) break;
      if (!in_[static_cast<std::size_t>(v)]) forced.push_back(v);
    }
    for (int f : forced) {
      price(f);
      len_ += best_delta_[static_cast<std::size_t>(f)];
      score_ += prize(f);
      in_[static_cast<std::size_t>(f)] = 1;
      path_.insert(path_.begin() + best_after_[static_cast<std::size_t>(f)] + 1, f);
    }
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

  // After the walk stagnates: the wider exchanges the walk does not scan, from the best path —
  // two visited nodes anywhere for one unvisited (exchange_two with any pair), then two
  // one-for-one exchanges at once (exchange_pair), then chains of up to three unvisited nodes
  // for up to four visited ones (exchange_chain). A better path found (kept in `best`) restarts
  // the walk from it: returns true with it loaded; else false with the best loaded.
  bool polish(Best& best) {
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

  // Chain exchanges: each unvisited node u with up to two more unvisited nodes near it (a
  // chain) in, then one of the few sets of at most kChainOut visited nodes of least total prize
  // whose removal brings the path back within the budget (or a little over it, shortened after
  // the removal) out, then a refill: k visited for k - 1 unvisited and similar trades whose nodes
  // lie anywhere on the path. Returns true with the first that beats `best` (kept there).
  bool exchange_chain(Best& best) {
    const std::vector<int> from = path_;
    std::vector<int> outs;
    for (int u : cands_)
      if (!in_[static_cast<std::size_t>(u)]) outs.push_back(u);
    for (int u : outs) {
      for (int extra = 0; extra <= 2; ++extra) {
        load(from);
        const std::vector<int> chain = chain_of(u, extra);
        if (static_cast<int>(chain.size()) <= extra) break;
        for (int f : chain) {
          price(f);
          len_ += best_delta_[static_cast<std::size_t>(f)];
          score_ += prize(f);
          in_[static_cast<std::size_t>(f)] = 1;
          path_.insert(path_.begin() + best_after_[static_cast<std::size_t>(f)] + 1, f);
        }
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

  // u and `extra` more unvisited nodes: each the one of the kChainNear unvisited nodes nearest
  // to u with the most prize per distance from u.
  std::vector<int> chain_of(int u, int extra) const {
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

  // Two one-for-one exchanges at once (visited v1, v2 out; unvisited u1, u2 in) when together
  // they gain prize within the budget although neither does alone (one pays the other's length).
  // Each single exchange is priced as in exchange() (u at v's place or at one of its cheapest
  // insertion edges); a pair must not touch the same edges. Tries the most promising pairs
  // (improve() after each); returns true with the first that beats `best` (kept there).
  bool exchange_pair(Best& best) {
    const int len = m();
    if (len <= 4) return false;
    bridge_.resize(static_cast<std::size_t>(len));
    saving_.resize(static_cast<std::size_t>(len));
    std::vector<Swap> swaps;
    for (int p = 1; p + 1 < len; ++p) {
      const auto q = static_cast<std::size_t>(p);
      bridge_[q] = d(at(p - 1), at(p + 1));
      saving_[q] = d(at(p - 1), at(p)) + d(at(p), at(p + 1)) - bridge_[q];
    }
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

  // Applies two one-for-one exchanges (exchange_pair) to the path `before` (the current one).
  void apply_pair(const Swap& a, const Swap& b, const std::vector<int>& before) {
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

  // Removes a random string of visited nodes, or a few random ones.
  void kick() {
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

  const OpInstance& op_;
  const Eigen::MatrixXd& d_;
  int n_;
  Rng rng_;
  std::vector<int> cands_;
  std::vector<char> in_;
  std::vector<double> best_delta_;
  std::vector<int> best_after_;
  std::vector<double> top_delta_; // per node, its kTop cheapest insertions (see price_top)
  std::vector<int> top_after_;
  std::vector<double> edge_;           // per position, the length of its edge (two_opt)
  std::vector<double> bridge_;         // per position, the edge that bridges its node (exchange)
  std::vector<double> prize_at_;       // per position, its node's prize (exchange)
  std::vector<double> saving_;         // per position, what removing its node shortens the path by
  std::vector<std::vector<int>> near_; // per node, the candidates nearest first
  double lowest_ = 0;    // the lowest prize on the path when exchange() last scanned it
  std::vector<int> pos_; // per visited node, its position (set by exchange_two)
  DropScratch drops_;    // cheapest_drops' scratch
  std::vector<int> path_;
  std::vector<int> shortened_; // the path as shorten() last left it
  double len_ = 0;
  double score_ = 0;
};

} // namespace

OpResult solve_op(const OpInstance& op, const SearchLimits& limits) {
  OpSearch search(op, limits.seed);
  return search.run(limits);
}

} // namespace flyorcall::optimize::core
