#include "optimize/core/tsp.hpp"

#include <algorithm>
#include <numeric>

namespace flyorcall::optimize::core {
namespace {

constexpr double kEps = 1e-9;

class TspSearch {
public:
  TspSearch(const Eigen::MatrixXd& dist, std::uint64_t seed)
      : n_(static_cast<int>(dist.rows())), d_(static_cast<std::size_t>(n_) * n_), rng_(seed) {
    for (int i = 0; i < n_; ++i)
      for (int j = 0; j < n_; ++j) d_[idx(i, j)] = dist(i, j);
    const int k = std::min(n_ - 1, 12);
    neigh_.resize(static_cast<std::size_t>(n_));
    for (int i = 0; i < n_; ++i) {
      std::vector<int> others;
      for (int j = 0; j < n_; ++j)
        if (j != i) others.push_back(j);
      std::partial_sort(others.begin(), others.begin() + k, others.end(), [&](int a, int b) {
        return d(i, a) < d(i, b) || (d(i, a) == d(i, b) && a < b);
      });
      others.resize(static_cast<std::size_t>(k));
      neigh_[static_cast<std::size_t>(i)] = std::move(others);
    }
    queued_.assign(static_cast<std::size_t>(n_), 0);
  }

  TspResult run(const SearchLimits& limits) {
    nearest_neighbour();
    for (int i = 0; i < n_; ++i) push(tour_[static_cast<std::size_t>(i)]);
    local_search();
    double cur = length();
    std::vector<int> best = tour_;
    double best_len = cur;
    std::vector<int> saved;
    const long long stagnation =
        limits.stagnation >= 0 ? limits.stagnation : std::max<long long>(10000, 100LL * n_);
    long long it = 0;
    long long since_best = 0;
    while (n_ >= 5) {
      if (limits.max_iterations >= 0 && it >= limits.max_iterations) break;
      if (since_best >= stagnation || limits.deadline.expired()) break;
      ++it;
      ++since_best;
      saved = tour_;
      perturb();
      local_search();
      const double len = length();
      if (len < cur + kEps) {
        if (len < best_len - kEps) {
          best = tour_;
          best_len = len;
          since_best = 0;
        }
        cur = len;
      } else {
        tour_ = saved;
        rebuild_pos();
      }
    }
    TspResult r;
    const auto zero = std::find(best.begin(), best.end(), 0);
    std::rotate(best.begin(), zero, best.end());
    r.tour = std::move(best);
    r.length = best_len;
    r.iterations = it;
    return r;
  }

private:
  [[nodiscard]] std::size_t idx(int i, int j) const {
    return static_cast<std::size_t>(i) * static_cast<std::size_t>(n_) + static_cast<std::size_t>(j);
  }
  [[nodiscard]] double d(int i, int j) const { return d_[idx(i, j)]; }
  [[nodiscard]] int at(int p) const { return tour_[static_cast<std::size_t>(p)]; }
  [[nodiscard]] int pos(int a) const { return pos_[static_cast<std::size_t>(a)]; }
  [[nodiscard]] int succ(int a) const {
    const int p = pos(a) + 1;
    return at(p == n_ ? 0 : p);
  }
  [[nodiscard]] int pred(int a) const {
    const int p = pos(a);
    return at(p == 0 ? n_ - 1 : p - 1);
  }
  void set(int p, int a) {
    tour_[static_cast<std::size_t>(p)] = a;
    pos_[static_cast<std::size_t>(a)] = p;
  }
  void rebuild_pos() {
    for (int p = 0; p < n_; ++p) pos_[static_cast<std::size_t>(at(p))] = p;
  }
  [[nodiscard]] double length() const {
    double s = 0;
    for (int p = 0; p < n_; ++p) s += d(at(p), at(p + 1 == n_ ? 0 : p + 1));
    return s;
  }
  void push(int a) {
    if (queued_[static_cast<std::size_t>(a)]) return;
    queued_[static_cast<std::size_t>(a)] = 1;
    queue_.push_back(a);
  }

  void nearest_neighbour() {
    tour_.assign(static_cast<std::size_t>(n_), 0);
    pos_.assign(static_cast<std::size_t>(n_), 0);
    std::vector<char> used(static_cast<std::size_t>(n_), 0);
    int cur = 0;
    used[0] = 1;
    for (int p = 1; p < n_; ++p) {
      int next = -1;
      for (int c : neigh_[static_cast<std::size_t>(cur)])
        if (!used[static_cast<std::size_t>(c)]) {
          next = c;
          break;
        }
      if (next < 0)
        for (int c = 0; c < n_; ++c)
          if (!used[static_cast<std::size_t>(c)] && (next < 0 || d(cur, c) < d(cur, next)))
            next = c;
      used[static_cast<std::size_t>(next)] = 1;
      tour_[static_cast<std::size_t>(p)] = next;
      cur = next;
    }
    rebuild_pos();
  }

  // Reverses the path from b to c (following succ); reverses the complement when shorter,
  // which gives the same cyclic tour.
  void reverse_path(int b, int c) {
    int i = pos(b);
    int j = pos(c);
    int len = (j - i + n_) % n_ + 1;
    if (2 * len > n_) {
      const int ni = j + 1 == n_ ? 0 : j + 1;
      const int nj = i == 0 ? n_ - 1 : i - 1;
      i = ni;
      j = nj;
      len = n_ - len;
    }
    for (int k = 0; k < len / 2; ++k) {
      const int a = at(i);
      const int e = at(j);
      set(i, e);
      set(j, a);
      i = i + 1 == n_ ? 0 : i + 1;
      j = j == 0 ? n_ - 1 : j - 1;
    }
  }

  bool try_2opt(int a) {
    for (int dir = 0; dir < 2; ++dir) {
      const int b = dir == 0 ? succ(a) : pred(a);
      const double dab = d(a, b);
      for (int c : neigh_[static_cast<std::size_t>(a)]) {
        const double g1 = dab - d(a, c);
        if (g1 <= kEps) break;
        const int e = dir == 0 ? succ(c) : pred(c);
        if (c == b || e == a) continue;
        if (g1 + d(c, e) - d(b, e) > kEps) {
          if (dir == 0)
            reverse_path(b, c);
          else
            reverse_path(a, e);
          push(a);
          push(b);
          push(c);
          push(e);
          return true;
        }
      }
    }
    return false;
  }

  // Moves the segment s1..s2 (succ order, `len` nodes) so that it sits after `u` (u and its
  // successor w outside the segment), forward or reversed.
  void move_segment(int s1, int len, int u, bool reversed) {
    seg_.clear();
    int x = s1;
    for (int k = 0; k < len; ++k, x = succ(x)) seg_.push_back(x);
    if (reversed) std::reverse(seg_.begin(), seg_.end());
    buf_.clear();
    // x is the node after the segment; walking on visits every other node once.
    for (int walked = 0; walked < n_ - len; ++walked) {
      buf_.push_back(x);
      if (x == u) buf_.insert(buf_.end(), seg_.begin(), seg_.end());
      x = succ(x);
    }
    tour_.swap(buf_);
    rebuild_pos();
  }

  bool try_oropt(int a) {
    for (int len = 1; len <= 3 && len + 3 <= n_; ++len) {
      for (int side = 0; side < 2; ++side) {
        int s1 = a;
        if (side == 1)
          for (int k = 1; k < len; ++k) s1 = pred(s1);
        else if (len == 1)
          continue; // same segment as side 1
        int s2 = s1;
        for (int k = 1; k < len; ++k) s2 = succ(s2);
        const int p = pred(s1);
        const int nx = succ(s2);
        const double removal = d(p, s1) + d(s2, nx) - d(p, nx);
        if (removal <= kEps) continue;
        const int p1 = pos(s1);
        auto inside = [&](int x) { return (pos(x) - p1 + n_) % n_ < len; };
        for (int end = 0; end < 2; ++end) {
          const int s = end == 0 ? s1 : s2;
          const int o = end == 0 ? s2 : s1;
          for (int c : neigh_[static_cast<std::size_t>(s)]) {
            const double dcs = d(c, s);
            if (dcs >= removal - kEps) break;
            if (inside(c)) continue;
            for (int way = 0; way < 2; ++way) {
              const int e = way == 0 ? succ(c) : pred(c);
              if (inside(e)) continue;
              const double gain = removal - (dcs + d(o, e) - d(c, e));
              if (gain <= kEps) continue;
              // Sequence after the move, in succ order: u then the segment then w.
              const int u = way == 0 ? c : e;
              // way 0: c, s..o, e; way 1: e, o..s, c. Forward order is s1..s2.
              const int first = way == 0 ? s : o;
              const bool reversed = first != s1;
              move_segment(s1, len, u, reversed);
              push(p);
              push(nx);
              push(s1);
              push(s2);
              push(c);
              push(e);
              return true;
            }
          }
        }
      }
    }
    return false;
  }

  void local_search() {
    while (!queue_.empty()) {
      const int a = queue_.back();
      queue_.pop_back();
      queued_[static_cast<std::size_t>(a)] = 0;
      if (try_2opt(a) || try_oropt(a)) push(a);
    }
  }

  // A double-bridge kick on three short consecutive segments starting at a random position.
  void perturb() {
    if (n_ < 8) {
      const int i = rng_.below(n_);
      int j = rng_.below(n_ - 1);
      if (j >= i) ++j;
      const int a = at(i);
      const int b = at(j);
      set(i, b);
      set(j, a);
      for (int x : {a, b}) {
        push(x);
        push(succ(x));
        push(pred(x));
      }
      return;
    }
    const int lmax = std::max(1, std::min(50, (n_ - 2) / 3));
    const int l1 = rng_.between(1, lmax);
    const int l2 = rng_.between(1, lmax);
    const int start = rng_.below(n_);
    buf_.clear();
    auto take = [&](int from, int count) {
      for (int k = 0; k < count; ++k) buf_.push_back(at((start + from + k) % n_));
    };
    // A B C D -> A C B D with A = one node (the anchor).
    take(0, 1);
    take(1 + l1, l2);
    take(1, l1);
    take(1 + l1 + l2, n_ - 1 - l1 - l2);
    tour_.swap(buf_);
    rebuild_pos();
    const int ends[] = {0, 1, l2, l2 + 1, l1 + l2, l1 + l2 + 1};
    for (int p : ends) {
      const int x = at(p);
      push(x);
      push(succ(x));
      push(pred(x));
    }
  }

  int n_;
  std::vector<double> d_;
  std::vector<std::vector<int>> neigh_;
  std::vector<int> tour_;
  std::vector<int> pos_;
  std::vector<int> queue_;
  std::vector<char> queued_;
  std::vector<int> seg_;
  std::vector<int> buf_;
  Rng rng_;
};

} // namespace

TspResult solve_tsp(const Eigen::MatrixXd& dist, const SearchLimits& limits) {
  const int n = static_cast<int>(dist.rows());
  TspResult r;
  if (n <= 3) {
    r.tour.resize(static_cast<std::size_t>(std::max(n, 0)));
    std::iota(r.tour.begin(), r.tour.end(), 0);
    for (int i = 0; i < n; ++i) r.length += dist(i, (i + 1) % n);
    if (n < 2) r.length = 0;
    return r;
  }
  TspSearch search(dist, limits.seed);
  return search.run(limits);
}

} // namespace flyorcall::optimize::core
