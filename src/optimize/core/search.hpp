// The general iterated local search of the optimizer core, templated on the route evaluator so
// that a caller can price routes exactly (e.g. the quarter planner's trip costing) while the
// matrix evaluator stays inlined. Used for every problem the OP/TSP fast paths do not cover.
#pragma once

#include <algorithm>
#include <map>
#include <span>
#include <utility>
#include <vector>

#include "optimize/core/deadline.hpp"
#include "optimize/core/problem.hpp"

namespace flyorcall::optimize::core {

/// Iterated local search for the general problem: greedy insertion by gain per added time
/// (mandatory nodes first), intra-route 2-opt and relocation, inter-route relocation, and kicks
/// that remove random nodes or strings. `Evaluator` prices a route: `RouteEval evaluate(int
/// vehicle, std::span<const int> visits) const` (see MatrixEvaluator). `initial`, when given and
/// feasible within the budgets, is the starting solution (routes per vehicle). The work budget
/// (`limits.max_evaluations`, counted route evaluations) and the deadline are checked between
/// moves, so the search also stops inside its first construction and descent: mandatory nodes
/// are still inserted after either, everything else stops. Returns the best solution found;
/// `Solution::feasible` is false if some mandatory node could not be served, `timed_out` true
/// when the deadline (not the counted work) ended the search.
template <class Evaluator>
[[nodiscard]] Solution solve_general(const RoutingProblem& problem, const Evaluator& eval,
                                     const SearchLimits& limits,
                                     const std::vector<std::vector<int>>* initial = nullptr);

namespace detail {

template <class Evaluator> class GeneralSearch {
public:
  GeneralSearch(const RoutingProblem& p, const Evaluator& eval, const SearchLimits& limits)
      : p_(p), eval_(eval), rng_(limits.seed), deadline_(limits.deadline),
        max_evals_(limits.max_evaluations), window_(limits.move_window),
        nv_(static_cast<int>(p.vehicles.size())) {
    cands_ = p.candidates();
    served_.assign(p.nodes.size(), 0);
    routes_.assign(static_cast<std::size_t>(nv_), {});
    evals_.resize(static_cast<std::size_t>(nv_));
    version_.assign(static_cast<std::size_t>(nv_), 0);
    intra_done_.assign(static_cast<std::size_t>(nv_), -1);
    pair_done_.assign(static_cast<std::size_t>(nv_ * nv_), {-1, -1});
    for (int v = 0; v < nv_; ++v) evals_[static_cast<std::size_t>(v)] = price(v, {});
    totals();
  }

  // Starts from `routes` (per vehicle) when every route is feasible and the budgets hold;
  // returns whether it did.
  bool start_from(const std::vector<std::vector<int>>& routes) {
    if (routes.size() != static_cast<std::size_t>(nv_)) return false;
    std::vector<RouteEval> evals(routes.size());
    for (int v = 0; v < nv_; ++v) {
      evals[static_cast<std::size_t>(v)] = price(v, routes[static_cast<std::size_t>(v)]);
      if (!evals[static_cast<std::size_t>(v)].feasible) return false;
    }
    const std::vector<std::vector<int>> old_routes = routes_;
    const std::vector<RouteEval> old_evals = evals_;
    routes_ = routes;
    evals_ = evals;
    touch_all();
    totals();
    if (!budgets_ok_after(0, 0, 0)) {
      routes_ = old_routes;
      evals_ = old_evals;
      touch_all();
      totals();
      return false;
    }
    for (const auto& r : routes_)
      for (int n : r) served_[static_cast<std::size_t>(n)] = 1;
    return true;
  }

  Solution run(const SearchLimits& limits) {
    fill(0.0);
    improve();
    State best = snapshot();
    const long long stagnation =
        limits.stagnation >= 0
            ? limits.stagnation
            : std::max<long long>(2000, 100LL * static_cast<long long>(cands_.size()));
    long long it = 0;
    long long since_best = 0;
    while (!cands_.empty()) {
      if (limits.max_iterations >= 0 && it >= limits.max_iterations) break;
      if (since_best >= stagnation || stopped()) break;
      ++it;
      ++since_best;
      // A random walk over local optima, pulled back to the best every few rounds.
      if (since_best % 32 == 0) restore(best);
      kick();
      improve();
      fill(rng_.below(5) == 0 ? 20.0 : 2.0 * rng_.unit());
      improve();
      const State now = snapshot();
      if (better(now, best)) {
        best = now;
        since_best = 0;
      }
    }
    Solution out = make_solution(p_, eval_, best.routes);
    out.timed_out = timed_out_;
    out.evaluations = used_;
    return out;
  }

private:
  struct State {
    std::vector<std::vector<int>> routes;
    int missing = 0;
    double objective = 0;
    double duration = 0;
  };

  [[nodiscard]] const Node& node(int n) const { return p_.nodes[static_cast<std::size_t>(n)]; }
  [[nodiscard]] std::vector<int>& route(int v) { return routes_[static_cast<std::size_t>(v)]; }
  [[nodiscard]] RouteEval& ev(int v) { return evals_[static_cast<std::size_t>(v)]; }

  // Route versions: a scan of the moves of a route (or a pair of routes) that found nothing
  // need not run again until one of them changes.
  void touch(int v) { ++version_[static_cast<std::size_t>(v)]; }
  void touch_all() {
    for (int v = 0; v < nv_; ++v) touch(v);
  }
  [[nodiscard]] long long version(int v) const { return version_[static_cast<std::size_t>(v)]; }

  // Every route the search prices goes through here: the count is its work.
  RouteEval price(int v, std::span<const int> r) {
    ++used_;
    return eval_.evaluate(v, r);
  }
  // True once the work budget is spent or the deadline (the safety cap) has passed; the work
  // comes first, so that a search within its budget never reads the clock's verdict.
  bool stopped() {
    if (max_evals_ >= 0 && used_ >= max_evals_) return true;
    if (!timed_out_ && deadline_.expired()) timed_out_ = true;
    return timed_out_;
  }

  void totals() {
    cost_ = 0;
    duration_ = 0;
    bonus_ = 0;
    load_ = 0;
    for (const RouteEval& e : evals_) {
      cost_ += e.cost;
      duration_ += e.duration;
      bonus_ += e.bonus;
      load_ += e.load;
    }
  }
  // The weighted cost of a route net of its bonus: what the objective loses by it.
  [[nodiscard]] double net_cost(const RouteEval& e) const {
    return p_.cost_weight * e.cost - e.bonus;
  }
  // Whether replacing the routes priced `before` by routes priced `after` (sums over the changed
  // routes) keeps every global budget.
  [[nodiscard]] bool budgets_ok_after(double d_cost, double d_duration, double d_load) const {
    return p_.budgets.hold(cost_ + d_cost, duration_ + d_duration, load_ + d_load);
  }

  [[nodiscard]] State snapshot() const {
    State s;
    s.routes = routes_;
    double prize = 0;
    for (int c : cands_) {
      if (served_[static_cast<std::size_t>(c)])
        prize += node(c).prize;
      else if (node(c).mandatory)
        ++s.missing;
    }
    s.objective = prize + bonus_ - p_.cost_weight * cost_;
    s.duration = duration_;
    return s;
  }
  void restore(const State& s) {
    routes_ = s.routes;
    touch_all();
    std::fill(served_.begin(), served_.end(), 0);
    for (int v = 0; v < nv_; ++v) {
      for (int n : route(v)) served_[static_cast<std::size_t>(n)] = 1;
      ev(v) = price(v, route(v));
    }
    totals();
  }
  [[nodiscard]] static bool better(const State& a, const State& b) {
    if (a.missing != b.missing) return a.missing < b.missing;
    if (a.objective > b.objective + 1e-9) return true;
    if (a.objective < b.objective - 1e-9) return false;
    return a.duration < b.duration - 1e-9;
  }
  // True when a route priced `e` replacing `old` is an improvement: lower weighted cost net of
  // bonus, then lower duration.
  [[nodiscard]] bool shorter(const RouteEval& e, const RouteEval& old) const {
    const double dc = net_cost(e) - net_cost(old);
    if (dc < -1e-9) return true;
    if (dc > 1e-9) return false;
    return e.duration < old.duration - 1e-9;
  }

  // Greedy insertion: mandatory nodes first, then by (prize - weighted added cost) per added
  // time, randomised by `noise`; only insertions that keep every limit.
  void fill(double noise) {
    for (;;) {
      int best_node = -1;
      int best_v = -1;
      int best_pos = -1;
      double best_value = -kNoLimit;
      RouteEval best_eval;
      for (int u : cands_) {
        if (served_[static_cast<std::size_t>(u)]) continue;
        const Node& nd = node(u);
        // Past the work budget or the deadline only mandatory nodes are still inserted.
        if (!nd.mandatory && stopped()) continue;
        for (int v = 0; v < nv_; ++v) {
          if (!p_.allowed(v, u)) continue;
          std::vector<int>& r = route(v);
          const RouteEval old = ev(v);
          for (std::size_t k = 0; k <= r.size(); ++k) {
            r.insert(r.begin() + static_cast<std::ptrdiff_t>(k), u);
            const RouteEval e = price(v, r);
            r.erase(r.begin() + static_cast<std::ptrdiff_t>(k));
            if (!e.feasible) continue;
            if (!budgets_ok_after(e.cost - old.cost, e.duration - old.duration, e.load - old.load))
              continue;
            const double gain = nd.prize - (net_cost(e) - net_cost(old));
            if (!nd.mandatory && gain <= 1e-12) continue;
            double value = gain / (std::max(e.duration - old.duration, 0.0) + 1e-6);
            if (noise > 0) value *= 1.0 + noise * rng_.unit();
            if (nd.mandatory) value = 1e300 * (1.0 + (noise > 0 ? rng_.unit() : 0.0)) - e.duration;
            if (value > best_value) {
              best_value = value;
              best_node = u;
              best_v = v;
              best_pos = static_cast<int>(k);
              best_eval = e;
            }
          }
        }
      }
      if (best_node < 0) return;
      route(best_v).insert(route(best_v).begin() + best_pos, best_node);
      touch(best_v);
      served_[static_cast<std::size_t>(best_node)] = 1;
      ev(best_v) = best_eval;
      totals();
    }
  }

  // Tries `candidate` for vehicle v; keeps it when feasible, within budgets and shorter.
  bool try_route(int v, std::vector<int>& candidate) {
    if (stopped()) return false;
    const RouteEval e = price(v, candidate);
    if (!e.feasible || !shorter(e, ev(v))) return false;
    if (!budgets_ok_after(e.cost - ev(v).cost, e.duration - ev(v).duration, e.load - ev(v).load))
      return false;
    route(v).swap(candidate);
    touch(v);
    ev(v) = e;
    totals();
    return true;
  }

  // One pass over the moves inside route v (reversal, swap, relocation), each improvement kept
  // as it is found and the pass going on from there; true when any improved.
  bool intra(int v) {
    const std::vector<int>& r = route(v);
    const int m = static_cast<int>(r.size());
    // Positions j a move from position i reaches: all, or those within the window.
    const int w = window_ < 0 ? m : window_;
    bool any = false;
    std::vector<int> c;
    for (int i = 0; i < m; ++i)
      for (int j = i + 1; j < std::min(m, i + w + 1); ++j) {
        c = r;
        std::reverse(c.begin() + i, c.begin() + j + 1);
        any = try_route(v, c) || any;
      }
    // Swaps at distance 1 or 2 and moves by one place are reversals already tried above.
    for (int i = 0; i < m; ++i)
      for (int j = i + 3; j < std::min(m, i + w + 1); ++j) {
        c = r;
        std::swap(c[static_cast<std::size_t>(i)], c[static_cast<std::size_t>(j)]);
        any = try_route(v, c) || any;
      }
    for (int i = 0; i < m; ++i)
      for (int j = std::max(0, i - w); j < std::min(m, i + w + 1); ++j) {
        if (i == j || i == j + 1 || j == i + 1) continue;
        c = r;
        const int x = c[static_cast<std::size_t>(i)];
        c.erase(c.begin() + i);
        c.insert(c.begin() + j, x);
        any = try_route(v, c) || any;
      }
    return any;
  }

  // Moves one node to another route when the summed weighted cost (then duration) drops.
  bool inter() {
    for (int a = 0; a < nv_; ++a)
      for (int b = 0; b < nv_; ++b) {
        if (a == b || pair_done(a, b)) continue;
        const int ma = static_cast<int>(route(a).size());
        for (int i = 0; i < ma; ++i) {
          if (stopped()) return false;
          const int x = route(a)[static_cast<std::size_t>(i)];
          if (!p_.allowed(b, x)) continue;
          std::vector<int> ra = route(a);
          ra.erase(ra.begin() + i);
          const RouteEval ea = price(a, ra);
          if (!ea.feasible) continue;
          for (std::size_t k = 0; k <= route(b).size(); ++k) {
            std::vector<int> rb = route(b);
            rb.insert(rb.begin() + static_cast<std::ptrdiff_t>(k), x);
            const RouteEval eb = price(b, rb);
            if (!eb.feasible) continue;
            const double dcost = ea.cost + eb.cost - ev(a).cost - ev(b).cost;
            const double ddur = ea.duration + eb.duration - ev(a).duration - ev(b).duration;
            const double dload = ea.load + eb.load - ev(a).load - ev(b).load;
            const double wd = net_cost(ea) + net_cost(eb) - net_cost(ev(a)) - net_cost(ev(b));
            if (!(wd < -1e-9 || (wd <= 1e-9 && ddur < -1e-9))) continue;
            if (!budgets_ok_after(dcost, ddur, dload)) continue;
            route(a).swap(ra);
            route(b).swap(rb);
            touch(a);
            touch(b);
            ev(a) = ea;
            ev(b) = eb;
            totals();
            return true;
          }
        }
        if (!stopped()) mark_pair(a, b);
      }
    return false;
  }

  // Exchanges two nodes of different routes when the summed weighted cost (then duration) drops.
  bool exchange() {
    for (int a = 0; a < nv_; ++a)
      for (int b = a + 1; b < nv_; ++b) {
        if (exchange_done(a, b)) continue;
        for (std::size_t i = 0; i < route(a).size(); ++i)
          for (std::size_t j = 0; j < route(b).size(); ++j) {
            if (stopped()) return false;
            const int x = route(a)[i];
            const int y = route(b)[j];
            if (!p_.allowed(b, x) || !p_.allowed(a, y)) continue;
            std::vector<int> ra = route(a);
            std::vector<int> rb = route(b);
            ra[i] = y;
            rb[j] = x;
            const RouteEval ea = price(a, ra);
            if (!ea.feasible) continue;
            const RouteEval eb = price(b, rb);
            if (!eb.feasible) continue;
            const double dcost = ea.cost + eb.cost - ev(a).cost - ev(b).cost;
            const double ddur = ea.duration + eb.duration - ev(a).duration - ev(b).duration;
            const double dload = ea.load + eb.load - ev(a).load - ev(b).load;
            const double wd = net_cost(ea) + net_cost(eb) - net_cost(ev(a)) - net_cost(ev(b));
            if (!(wd < -1e-9 || (wd <= 1e-9 && ddur < -1e-9))) continue;
            if (!budgets_ok_after(dcost, ddur, dload)) continue;
            route(a).swap(ra);
            route(b).swap(rb);
            touch(a);
            touch(b);
            ev(a) = ea;
            ev(b) = eb;
            totals();
            return true;
          }
        if (!stopped()) mark_exchange(a, b);
      }
    return false;
  }

  [[nodiscard]] bool pair_done(int a, int b) const {
    const auto& d = pair_done_[static_cast<std::size_t>(a * nv_ + b)];
    return d.first == version(a) && d.second == version(b);
  }
  void mark_pair(int a, int b) {
    pair_done_[static_cast<std::size_t>(a * nv_ + b)] = {version(a), version(b)};
  }
  // Exchanges of (a, b), a < b, have their own record: a fruitless relocation scan says
  // nothing about exchanges.
  [[nodiscard]] bool exchange_done(int a, int b) const {
    const auto it = exchange_done_.find(a * nv_ + b);
    return it != exchange_done_.end() && it->second.first == version(a) &&
           it->second.second == version(b);
  }
  void mark_exchange(int a, int b) { exchange_done_[a * nv_ + b] = {version(a), version(b)}; }

  void improve() {
    for (int round = 0; round < 1000 && !stopped(); ++round) {
      bool any = false;
      for (int v = 0; v < nv_; ++v) {
        if (intra_done_[static_cast<std::size_t>(v)] == version(v)) continue;
        while (intra(v)) any = true;
        if (!stopped()) intra_done_[static_cast<std::size_t>(v)] = version(v);
      }
      if (nv_ > 1 && (inter() || exchange())) any = true;
      if (!any) return;
    }
  }

  void remove_at(int v, int i) {
    touch(v);
    std::vector<int>& r = route(v);
    served_[static_cast<std::size_t>(r[static_cast<std::size_t>(i)])] = 0;
    r.erase(r.begin() + i);
  }

  // Removes a random string from one route or a few random nodes anywhere.
  void kick() {
    int total = 0;
    for (int v = 0; v < nv_; ++v) total += static_cast<int>(route(v).size());
    if (total == 0) return;
    const int kind = rng_.below(5);
    if (kind == 0) {
      int v = rng_.below(nv_);
      while (route(v).empty()) v = (v + 1) % nv_;
      while (!route(v).empty()) remove_at(v, 0);
    } else if (kind <= 2) {
      int v = rng_.below(nv_);
      while (route(v).empty()) v = (v + 1) % nv_;
      const int m = static_cast<int>(route(v).size());
      const int k = rng_.between(1, std::max(1, m / 2));
      const int from = rng_.between(0, m - k);
      for (int i = 0; i < k; ++i) remove_at(v, from);
    } else {
      const int k = rng_.between(1, std::min(total, 3));
      for (int i = 0; i < k; ++i) {
        int v = rng_.below(nv_);
        while (route(v).empty()) v = (v + 1) % nv_;
        remove_at(v, rng_.below(static_cast<int>(route(v).size())));
      }
    }
    for (int v = 0; v < nv_; ++v) ev(v) = price(v, route(v));
    totals();
    // A removal can break a window (waiting is not shortened by removing a node only when the
    // evaluator says so); routes that became infeasible are emptied and refilled.
    for (int v = 0; v < nv_; ++v)
      if (!ev(v).feasible) {
        while (!route(v).empty()) remove_at(v, 0);
        ev(v) = price(v, route(v));
        totals();
      }
  }

  const RoutingProblem& p_;
  const Evaluator& eval_;
  Rng rng_;
  Deadline deadline_;
  long long max_evals_;
  long long used_ = 0;
  bool timed_out_ = false;
  int window_;
  int nv_;
  std::vector<int> cands_;
  std::vector<char> served_;
  std::vector<std::vector<int>> routes_;
  std::vector<RouteEval> evals_;
  std::vector<long long> version_;    // per route, bumped on every change
  std::vector<long long> intra_done_; // per route, the version its last fruitless scan saw
  std::vector<std::pair<long long, long long>> pair_done_;       // per (a, b): relocations a → b
  std::map<int, std::pair<long long, long long>> exchange_done_; // per a < b: exchanges
  double cost_ = 0;
  double duration_ = 0;
  double bonus_ = 0;
  double load_ = 0;
};

} // namespace detail

template <class Evaluator>
Solution solve_general(const RoutingProblem& problem, const Evaluator& eval,
                       const SearchLimits& limits, const std::vector<std::vector<int>>* initial) {
  detail::GeneralSearch<Evaluator> search(problem, eval, limits);
  if (initial != nullptr) static_cast<void>(search.start_from(*initial));
  return search.run(limits);
}

} // namespace flyorcall::optimize::core
