// The orienteering search of solve_op (op.hpp): its state and moves, declared here for op.cpp
// (the walk: insertion, shortening, exchanges and kicks) and op_polish.cpp (the polish after the
// walk stagnates). Private to src/optimize/core/.
#pragma once

#include <cstddef>
#include <cstdint>
#include <vector>

#include "optimize/core/op.hpp"
#include "optimize/core/op_polish.hpp"
#include "optimize/core/problem.hpp"

namespace flyorcall::optimize::core::opsearch {

inline constexpr double kEps = 1e-9;
// Insertion edges kept per unvisited node: removing two nodes takes at most four edges away.
inline constexpr int kTop = 5;
// Polish passes (polish()) a search may make after it stagnates; each that finds a better path
// restarts the walk from it.
inline constexpr int kPolishes = 3;
// polish()'s paired exchanges: how far over the budget a pair may start (a share of it) and how
// many pairs it tries.
inline constexpr double kPairSlack = 0.02;
inline constexpr std::size_t kPairTries = 8;
// polish()'s chain exchanges (exchange_chain): how many unvisited nodes near the first a chain
// picks its links from; how far over the budget a removal may leave the path (a share of it, for
// the shortening after it); how much more than the chain the nodes out may be worth (a share of
// the chain's prize, for the refill after it).
inline constexpr int kChainNear = 6;
inline constexpr double kChainSlack = 0.005;
inline constexpr double kChainRefill = 0.05;

/// The iterated local search over paths of solve_op.
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

  OpResult run(const SearchLimits& limits);

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
  // Calls f(q, delta) for each edge (q, q + 1) of the path with the length inserting u there adds.
  template <class F> void for_each_insertion(int u, F&& f) const {
    const double* to_u = column(u);
    const int* path = path_.data();
    double from_prev = to_u[path[0]];
    for (int q = 0; q + 1 < m(); ++q) {
      const double to_next = to_u[path[q + 1]];
      f(q, from_prev + to_next - d(path[q], path[q + 1]));
      from_prev = to_next;
    }
  }
  [[nodiscard]] int m() const { return static_cast<int>(path_.size()); }
  [[nodiscard]] int at(int p) const { return path_[static_cast<std::size_t>(p)]; }

  void load(const std::vector<int>& path);
  void recompute();

  // Best insertion of u over all path edges: sets best_delta_ and best_after_ (position).
  void price(int u);

  // Inserts unvisited candidates while one fits, by prize / added length with `noise`.
  void fill(double noise);

  // 2-opt and Or-opt on the path (end points fixed) until no move shortens it. A pass that
  // found nothing on the same path finds nothing again, so rounds of passes skip the passes that
  // found nothing since the path last changed (and the whole call the path it left unchanged):
  // the same moves as rounds of all four passes, for less work.
  void shorten();

  // shorten() on a path it did not leave as it is.
  void shorten_changed();

  // One pass of 2-opt (first improvement): reverses path_[i + 1 .. j] when that shortens it.
  // The edge lengths are kept per position (edge_[q] joins positions q and q + 1).
  bool two_opt();

  // One pass of Or-opt: moves each segment of `seg_len` nodes (possibly reversed) to the edge
  // where it shortens the path most. The edge lengths are kept per position (edge_), and the
  // distances to the segment's ends read from their columns of the (symmetric) matrix.
  bool or_opt(int seg_len);

  // edge_[q]: the length of the path's edge from position q to q + 1.
  void fill_edges();

  // The kTop cheapest insertion edges of u (edge q joins positions q and q + 1), cheapest
  // first; unused slots have position -1.
  void price_top(int u);

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

  // Per position, the edge that bridges its node and what removing the node shortens the path by
  // (bridge_, saving_).
  void price_removals();

  // The best exchange of a visited node v for an unvisited node u that keeps the budget: a
  // higher prize first, else the same prize on a shorter path. Each u's cheapest
  // insertion edges give its cheapest insertion into the path without v in constant time (at
  // most two edges disappear with v), so one scan costs O(candidates × path). Applies it and
  // returns true, or returns false when no exchange improves.
  bool exchange();

  // The best exchange of two visited nodes for an unvisited node u, one of them among the
  // kNearVisited visited nodes nearest to u, when u's prize is higher than theirs together and
  // the path without them plus u's cheapest insertion keeps the budget (constant time per pair
  // from the savings and u's kTop cheapest insertion edges). Runs right after exchange() found
  // nothing, on the same path: it reuses that scan's savings and insertion edges. Applies the
  // exchange and returns true, or returns false.
  // With `any_pair` the first node may be any visited one (polish()'s slower, wider scan).
  bool exchange_two(bool any_pair = false);

  // The length of the path without the nodes at positions pa < pb, with u inserted where it
  // adds least; sets q to the insertion: after position q of the current path (q is never pa
  // or pb; the node before a removed one stands for the edge that bridges it).
  // (Always inlined: it runs in exchange_two()'s innermost loop.)
  [[gnu::always_inline]] double length_swapping(int pa, int pb, int u, int& q) {
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

  void improve();

  // Moves the path towards another region (so that a refill can follow it there, which the
  // ratio insertion alone rarely does: a far node is dear until its neighbours come with it):
  // forces a random unvisited node in (see force()), with up to two of its neighbours.
  void kick_insert();

  // Inserts the unvisited `nodes` one after another, each where it adds least.
  void insert_each(const std::vector<int>& nodes);

  // Inserts the unvisited node u and its `extra` nearest unvisited candidates where each adds
  // least, shortens the path, then, while it is too long, drops the visited node (not one just
  // forced in, while there is another) that gives the least prize per length saved.
  void force(int u, int extra);

  // After the walk stagnates: the wider exchanges the walk does not scan, from the best path —
  // two visited nodes anywhere for one unvisited (exchange_two with any pair), then two
  // one-for-one exchanges at once (exchange_pair), then chains of up to three unvisited nodes
  // for up to four visited ones (exchange_chain). A better path found (kept in `best`) restarts
  // the walk from it: returns true with it loaded; else false with the best loaded.
  bool polish(Best& best);

  // Chain exchanges: each unvisited node u with up to two more unvisited nodes near it (a
  // chain) in, then one of the few sets of at most kChainOut visited nodes of least total prize
  // whose removal brings the path back within the budget (or a little over it, shortened after
  // the removal) out, then a refill: k visited for k - 1 unvisited and similar trades whose nodes
  // lie anywhere on the path. Returns true with the first that beats `best` (kept there).
  bool exchange_chain(Best& best);

  // u and `extra` more unvisited nodes: each the one of the kChainNear unvisited nodes nearest
  // to u with the most prize per distance from u.
  std::vector<int> chain_of(int u, int extra) const;

  // Two one-for-one exchanges at once (visited v1, v2 out; unvisited u1, u2 in) when together
  // they gain prize within the budget although neither does alone (one pays the other's length).
  // Each single exchange is priced as in exchange() (u at v's place or at one of its cheapest
  // insertion edges); a pair must not touch the same edges. Tries the most promising pairs
  // (improve() after each); returns true with the first that beats `best` (kept there).
  bool exchange_pair(Best& best);

  // Applies two one-for-one exchanges (exchange_pair) to the path `before` (the current one).
  void apply_pair(const Swap& a, const Swap& b, const std::vector<int>& before);

  // Removes a random string of visited nodes, or a few random ones.
  void kick();

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

} // namespace flyorcall::optimize::core::opsearch
