#include "optimize/core/op.hpp"

#include <algorithm>
#include <cmath>

#include "optimize/core/problem.hpp"

namespace flyorcall::optimize::core {
namespace {

constexpr double kEps = 1e-9;

class OpSearch {
public:
  OpSearch(const OpInstance& op, std::uint64_t seed)
      : op_(op), d_(*op.dist), n_(static_cast<int>(op.dist->rows())), rng_(seed) {
    in_.assign(static_cast<std::size_t>(n_), 0);
    best_delta_.assign(static_cast<std::size_t>(n_), 0);
    best_after_.assign(static_cast<std::size_t>(n_), -1);
    for (int i = 0; i < n_; ++i)
      if (op.candidate[static_cast<std::size_t>(i)] && i != op.start && i != op.end &&
          op.prize[static_cast<std::size_t>(i)] > 0)
        cands_.push_back(i);
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
    std::vector<int> best = path_;
    double best_score = score_;
    double best_len = len_;
    const long long stagnation =
        limits.stagnation >= 0 ? limits.stagnation : std::max<long long>(1500, 40LL * n_);
    long long it = 0;
    long long since_best = 0;
    while (!cands_.empty()) {
      if (limits.max_iterations >= 0 && it >= limits.max_iterations) break;
      if (since_best >= stagnation || limits.deadline.expired()) break;
      ++it;
      ++since_best;
      // A random walk over local optima, pulled back to the best every few rounds.
      if (since_best % 64 == 0) load(best);
      kick();
      shorten();
      fill(rng_.below(5) == 0 ? 20.0 : 2.0 * rng_.unit());
      improve();
      if (score_ > best_score + kEps || (score_ > best_score - kEps && len_ < best_len - kEps)) {
        if (score_ > best_score + kEps) since_best = 0;
        best = path_;
        best_score = score_;
        best_len = len_;
      }
    }
    r.path = best;
    r.score = best_score;
    r.length = best_len;
    r.feasible = true;
    r.iterations = it;
    return r;
  }

private:
  [[nodiscard]] double d(int i, int j) const { return d_(i, j); }
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
    for (int p = 0; p + 1 < m(); ++p) {
      const double delta = d(at(p), u) + d(u, at(p + 1)) - d(at(p), at(p + 1));
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

  // 2-opt and Or-opt on the path (end points fixed) until no move shortens it.
  void shorten() {
    bool improved = true;
    while (improved) {
      improved = false;
      for (int i = 0; i + 3 < m(); ++i) {
        for (int j = i + 2; j + 1 < m(); ++j) {
          const double delta =
              d(at(i), at(j)) + d(at(i + 1), at(j + 1)) - d(at(i), at(i + 1)) - d(at(j), at(j + 1));
          if (delta < -kEps) {
            std::reverse(path_.begin() + i + 1, path_.begin() + j + 1);
            len_ += delta;
            improved = true;
          }
        }
      }
      for (int len = 1; len <= 3; ++len) {
        for (int i = 1; i + len < m(); ++i) {
          const int j = i + len - 1; // segment [i, j]
          const double removal =
              d(at(i - 1), at(i)) + d(at(j), at(j + 1)) - d(at(i - 1), at(j + 1));
          if (removal <= kEps) continue;
          int best_p = -1;
          bool best_rev = false;
          double best_gain = kEps;
          for (int p = 0; p + 1 < m(); ++p) {
            if (p >= i - 1 && p <= j) continue;
            const int a = at(p);
            const int b = at(p + 1);
            const double base = d(a, b);
            const double fwd = d(a, at(i)) + d(at(j), b) - base;
            const double rev = d(a, at(j)) + d(at(i), b) - base;
            if (removal - fwd > best_gain) {
              best_gain = removal - fwd;
              best_p = p;
              best_rev = false;
            }
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
          const int insert_at = best_p < i ? best_p + 1 : best_p + 1 - len;
          path_.insert(path_.begin() + insert_at, seg.begin(), seg.end());
          len_ -= best_gain;
          improved = true;
        }
      }
    }
    // Re-sum to keep rounding drift out of the feasibility test.
    len_ = 0;
    for (int p = 0; p + 1 < m(); ++p) len_ += d(at(p), at(p + 1));
  }

  // Replaces a visited node by an unvisited one of higher prize when the path stays feasible.
  bool swap_once() {
    for (int u : cands_) {
      if (in_[static_cast<std::size_t>(u)]) continue;
      for (int p = 1; p + 1 < m(); ++p) {
        const int v = at(p);
        if (prize(v) >= prize(u)) continue;
        const double saving = d(at(p - 1), v) + d(v, at(p + 1)) - d(at(p - 1), at(p + 1));
        // Cheapest insertion of u into the path without v.
        double best = kNoLimit;
        int after = -1;
        for (int q = 0; q + 1 < m(); ++q) {
          int a = at(q);
          int b = at(q + 1);
          if (q == p) continue; // edge (v, next) disappears
          if (q == p - 1) b = at(p + 1);
          const double delta = d(a, u) + d(u, b) - d(a, b);
          if (delta < best) {
            best = delta;
            after = q;
          }
        }
        if (len_ - saving + best > op_.budget + kTolerance) continue;
        path_.erase(path_.begin() + p);
        in_[static_cast<std::size_t>(v)] = 0;
        const int at_pos = after < p ? after + 1 : after;
        path_.insert(path_.begin() + at_pos, u);
        in_[static_cast<std::size_t>(u)] = 1;
        score_ += prize(u) - prize(v);
        len_ = len_ - saving + best;
        return true;
      }
    }
    return false;
  }

  void improve() {
    shorten();
    fill(0.0);
    for (int round = 0; round < 4 && swap_once(); ++round) {
      shorten();
      fill(0.0);
    }
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
  std::vector<int> path_;
  double len_ = 0;
  double score_ = 0;
};

} // namespace

OpResult solve_op(const OpInstance& op, const SearchLimits& limits) {
  OpSearch search(op, limits.seed);
  return search.run(limits);
}

} // namespace flyorcall::optimize::core
