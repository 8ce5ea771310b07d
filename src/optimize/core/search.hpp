// The general iterated local search of the optimizer core, templated on the route evaluator so
// that a caller can price routes exactly (e.g. the quarter planner's trip costing) while the
// matrix evaluator stays inlined. Used for every problem the OP/TSP fast paths do not cover.
#pragma once

#include <algorithm>
#include <concepts>
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
  // Routes this short try a node in every place even with neighbour lists.
  static constexpr int kAllPlacesUpTo = 12;

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
    indexed_.assign(static_cast<std::size_t>(nv_), -1);
    where_.assign(p.nodes.size(), -1);
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
    if (!budgets_ok_after(0, 0, 0, 0)) {
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
      // Under a global budget, every other refill ranks nodes by gain per share of the
      // budgets they use rather than per added time (a knapsack's density), so that a plan
      // one budget-hungry node blocks can turn into one of several lighter nodes.
      const bool by_budget = p_.budgets.any() && rng_.below(2) == 0;
      fill(rng_.below(5) == 0 ? 20.0 : 2.0 * rng_.unit(), by_budget);
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
    std::vector<RouteEval> evals;
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
  // An evaluator with evaluate_near prices a variant of a route quickly and conservatively
  // (never cheaper than evaluate); the search screens its candidates with it and confirms the
  // moves it keeps with evaluate, so that every route it holds is priced exactly.
  static constexpr bool kNear = requires(const Evaluator& e, int v, std::span<const int> r) {
    { e.evaluate_near(v, r, r) } -> std::same_as<RouteEval>;
  };
  // The quick price of `r`, a variant of route v as it is now.
  RouteEval quick(int v, std::span<const int> r) {
    ++used_;
    if constexpr (kNear)
      return eval_.evaluate_near(v, route(v), r);
    else
      return eval_.evaluate(v, r);
  }
  // The exact price of a candidate that `quick` priced `e` (the same with a matrix evaluator).
  RouteEval confirm(int v, std::span<const int> r, const RouteEval& e) {
    if constexpr (kNear)
      return price(v, r);
    else
      return e;
  }

  // An evaluator may also name the places between a route's natural parts (trips), where a
  // node can stand on its own.
  static constexpr bool kBounds = requires(const Evaluator& e, int v, std::span<const int> r) {
    { e.boundaries(v, r) } -> std::same_as<std::vector<int>>;
  };

  // The places (insertion positions) in route v where node u is tried: next to the nodes near
  // u (before and after each), between the route's parts (when the evaluator names them) and
  // at its ends, or every place when the problem gives no neighbours or the route is short.
  // Ascending, without repeats.
  std::vector<int> places(int v, int u) {
    const std::vector<int>& r = route(v);
    const int m = static_cast<int>(r.size());
    std::vector<int> out;
    if (p_.near.empty() || m <= kAllPlacesUpTo) {
      out.resize(static_cast<std::size_t>(m) + 1);
      for (int k = 0; k <= m; ++k) out[static_cast<std::size_t>(k)] = k;
      return out;
    }
    index_route(v);
    out.push_back(0);
    out.push_back(m);
    if constexpr (kBounds) {
      const std::vector<int> b = eval_.boundaries(v, r);
      out.insert(out.end(), b.begin(), b.end());
    }
    for (int y : p_.near[static_cast<std::size_t>(u)]) {
      const int q = position(v, y);
      if (q < 0) continue;
      out.push_back(q);
      out.push_back(q + 1);
    }
    std::sort(out.begin(), out.end());
    out.erase(std::unique(out.begin(), out.end()), out.end());
    return out;
  }
  // where_[node] = position of every node of route v, as it is now (entries of nodes that
  // left the route are stale: position() checks them).
  void index_route(int v) {
    if (indexed_[static_cast<std::size_t>(v)] == version(v)) return;
    const std::vector<int>& r = route(v);
    for (std::size_t q = 0; q < r.size(); ++q)
      where_[static_cast<std::size_t>(r[q])] = static_cast<int>(q);
    indexed_[static_cast<std::size_t>(v)] = version(v);
  }
  // The position of node y in route v (indexed), or -1.
  [[nodiscard]] int position(int v, int y) const {
    const std::vector<int>& r = routes_[static_cast<std::size_t>(v)];
    const int q = where_[static_cast<std::size_t>(y)];
    return q >= 0 && q < static_cast<int>(r.size()) && r[static_cast<std::size_t>(q)] == y ? q : -1;
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
    cash_ = 0;
    for (const RouteEval& e : evals_) {
      cost_ += e.cost;
      duration_ += e.duration;
      bonus_ += e.bonus;
      load_ += e.load;
      cash_ += e.cash;
    }
  }
  // The weighted cost of a route net of its bonus: what the objective loses by it.
  [[nodiscard]] double net_cost(const RouteEval& e) const {
    return p_.cost_weight * e.cost - e.bonus;
  }
  // Whether changing the totals by these differences (the changed routes' new sums less their
  // old ones) keeps every global budget.
  [[nodiscard]] bool budgets_ok_after(double d_cost, double d_duration, double d_load,
                                      double d_cash) const {
    return p_.budgets.hold(cost_ + d_cost, duration_ + d_duration, load_ + d_load, cash_ + d_cash);
  }
  // Whether replacing a route priced `old` by one priced `e` keeps every global budget.
  // The shares of the global budgets a route priced `e` uses beyond `old`, summed over the
  // budgets that are set.
  [[nodiscard]] double budget_share(const RouteEval& old, const RouteEval& e) const {
    const Budgets& b = p_.budgets;
    const auto share = [](double used, double limit) {
      return limit < kNoLimit && limit > 0 ? std::max(used, 0.0) / limit : 0.0;
    };
    return share(e.cost - old.cost, b.max_total_cost) +
           share(e.duration - old.duration, b.max_total_duration) +
           share(e.load - old.load, b.max_total_load) + share(e.cash - old.cash, b.max_total_cash);
  }
  [[nodiscard]] bool budgets_ok_replacing(const RouteEval& old, const RouteEval& e) const {
    return budgets_ok_after(e.cost - old.cost, e.duration - old.duration, e.load - old.load,
                            e.cash - old.cash);
  }

  [[nodiscard]] State snapshot() const {
    State s;
    s.routes = routes_;
    s.evals = evals_;
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
    evals_ = s.evals;
    touch_all();
    std::fill(served_.begin(), served_.end(), 0);
    for (int v = 0; v < nv_; ++v)
      for (int n : route(v)) served_[static_cast<std::size_t>(n)] = 1;
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
  // time (or, `by_budget`, per share of the global budgets used), randomised by `noise`; only
  // insertions that keep every limit. Each unserved node's best place in each route is kept
  // until that route changes, so that one insertion re-prices one route's candidates, not every
  // route's.
  void fill(double noise, bool by_budget = false) {
    struct Best {
      long long version = -1; // of the route when priced; -1: not priced
      int pos = -1;           // -1: no place
      double value = 0;
      RouteEval eval;
    };
    const auto n_nodes = static_cast<std::size_t>(p_.size());
    std::vector<Best> best(n_nodes * static_cast<std::size_t>(nv_));
    auto at = [&](int u, int v) -> Best& {
      return best[static_cast<std::size_t>(u) * static_cast<std::size_t>(nv_) +
                  static_cast<std::size_t>(v)];
    };
    auto price_places = [&](int u, int v) {
      Best& b = at(u, v);
      b = Best{};
      b.version = version(v);
      const Node& nd = node(u);
      const RouteEval old = ev(v);
      std::vector<int> c;
      for (const int k : places(v, u)) {
        c = route(v);
        c.insert(c.begin() + k, u);
        const RouteEval e = quick(v, c);
        if (!e.feasible) continue;
        if (!budgets_ok_replacing(old, e)) continue;
        const double gain = nd.prize - (net_cost(e) - net_cost(old));
        if (!nd.mandatory && gain <= 1e-12) continue;
        double value =
            gain /
            ((by_budget ? budget_share(old, e) : std::max(e.duration - old.duration, 0.0)) + 1e-6);
        if (noise > 0) value *= 1.0 + noise * rng_.unit();
        if (nd.mandatory) value = 1e300 * (1.0 + (noise > 0 ? rng_.unit() : 0.0)) - e.duration;
        if (b.pos < 0 || value > b.value) {
          b.pos = k;
          b.value = value;
          b.eval = e;
        }
      }
    };
    for (;;) {
      int best_node = -1;
      int best_v = -1;
      for (int u : cands_) {
        if (served_[static_cast<std::size_t>(u)]) continue;
        // Past the work budget or the deadline only mandatory nodes are still inserted.
        if (!node(u).mandatory && stopped()) continue;
        for (int v = 0; v < nv_; ++v) {
          if (!p_.allowed(v, u)) continue;
          Best& b = at(u, v);
          if (b.version != version(v)) price_places(u, v);
          if (b.pos < 0) continue;
          // Other routes changed the totals since: the budgets are checked again.
          const RouteEval& old = ev(v);
          if (!budgets_ok_replacing(old, b.eval)) {
            price_places(u, v);
            if (b.pos < 0) continue;
          }
          if (best_node < 0 || b.value > at(best_node, best_v).value) {
            best_node = u;
            best_v = v;
          }
        }
      }
      if (best_node < 0) return;
      Best& b = at(best_node, best_v);
      std::vector<int> c = route(best_v);
      c.insert(c.begin() + b.pos, best_node);
      const RouteEval e = confirm(best_v, c, b.eval);
      const RouteEval& old = ev(best_v);
      const double gain = node(best_node).prize - (net_cost(e) - net_cost(old));
      if (!e.feasible || !budgets_ok_replacing(old, e) ||
          (!node(best_node).mandatory && gain <= 1e-12)) {
        b.pos = -1; // exactly priced, the place does not pay or fit: not again in this route
        continue;
      }
      route(best_v).swap(c);
      touch(best_v);
      served_[static_cast<std::size_t>(best_node)] = 1;
      ev(best_v) = e;
      totals();
    }
  }

  // Whether route v priced `e` may replace the current one: feasible, shorter, within budgets.
  [[nodiscard]] bool keeps(int v, const RouteEval& e) const {
    const RouteEval& old = evals_[static_cast<std::size_t>(v)];
    return e.feasible && shorter(e, old) && budgets_ok_replacing(old, e);
  }

  // Tries `candidate` for vehicle v; keeps it when feasible, within budgets and shorter.
  bool try_route(int v, std::vector<int>& candidate) {
    if (stopped()) return false;
    RouteEval e = quick(v, candidate);
    if (!keeps(v, e)) return false;
    e = confirm(v, candidate, e);
    if (!keeps(v, e)) return false;
    route(v).swap(candidate);
    touch(v);
    ev(v) = e;
    totals();
    return true;
  }

  // One pass over the moves inside route v (reversal, swap and relocation within the move
  // window, and relocation next to a near node), each improvement kept as it is found and the
  // pass going on from there; true when any improved.
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
    for (int i = 0; i < m; ++i) {
      std::vector<int> targets;
      for (int j = std::max(0, i - w); j < std::min(m, i + w + 1); ++j) targets.push_back(j);
      if (!p_.near.empty() && w < m) {
        // Next to a near node further away: the node joins that node's trip.
        index_route(v);
        for (int y : p_.near[static_cast<std::size_t>(r[static_cast<std::size_t>(i)])]) {
          const int q = position(v, y);
          if (q < 0) continue;
          for (int j : {q, q + 1}) {
            const int to = j > i ? j - 1 : j; // the position after removing i
            if (to < i - w || to > i + w) targets.push_back(to);
          }
        }
      }
      for (int j : targets) {
        if (j < 0 || j >= m || i == j || i == j + 1 || j == i + 1) continue;
        c = r;
        const int x = c[static_cast<std::size_t>(i)];
        c.erase(c.begin() + i);
        c.insert(c.begin() + j, x);
        any = try_route(v, c) || any;
      }
    }
    return any;
  }

  // Whether replacing routes a and b by ones priced `ea` and `eb` lowers the summed weighted
  // cost (then duration) within the budgets.
  [[nodiscard]] bool keeps_pair(int a, int b, const RouteEval& ea, const RouteEval& eb) const {
    if (!ea.feasible || !eb.feasible) return false;
    const RouteEval& oa = evals_[static_cast<std::size_t>(a)];
    const RouteEval& ob = evals_[static_cast<std::size_t>(b)];
    const double dcost = ea.cost + eb.cost - oa.cost - ob.cost;
    const double ddur = ea.duration + eb.duration - oa.duration - ob.duration;
    const double dload = ea.load + eb.load - oa.load - ob.load;
    const double dcash = ea.cash + eb.cash - oa.cash - ob.cash;
    const double wd = net_cost(ea) + net_cost(eb) - net_cost(oa) - net_cost(ob);
    if (!(wd < -1e-9 || (wd <= 1e-9 && ddur < -1e-9))) return false;
    return budgets_ok_after(dcost, ddur, dload, dcash);
  }
  // Keeps routes ra and rb for a and b when their exact prices still improve.
  bool try_pair(int a, std::vector<int>& ra, const RouteEval& qa, int b, std::vector<int>& rb,
                const RouteEval& qb) {
    const RouteEval ea = confirm(a, ra, qa);
    const RouteEval eb = confirm(b, rb, qb);
    if (!keeps_pair(a, b, ea, eb)) return false;
    route(a).swap(ra);
    route(b).swap(rb);
    touch(a);
    touch(b);
    ev(a) = ea;
    ev(b) = eb;
    totals();
    return true;
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
          const RouteEval ea = quick(a, ra);
          if (!ea.feasible) continue;
          for (const int k : places(b, x)) {
            std::vector<int> rb = route(b);
            rb.insert(rb.begin() + k, x);
            const RouteEval eb = quick(b, rb);
            if (!keeps_pair(a, b, ea, eb)) continue;
            if (try_pair(a, ra, ea, b, rb, eb)) return true;
          }
        }
        if (!stopped()) mark_pair(a, b);
      }
    return false;
  }

  // Exchanges two nodes of different routes when the summed weighted cost (then duration)
  // drops; with neighbour lists, only nodes near each other.
  bool exchange() {
    for (int a = 0; a < nv_; ++a)
      for (int b = a + 1; b < nv_; ++b) {
        if (exchange_done(a, b)) continue;
        for (std::size_t i = 0; i < route(a).size(); ++i) {
          const int x = route(a)[i];
          std::vector<std::size_t> js;
          if (p_.near.empty()) {
            for (std::size_t j = 0; j < route(b).size(); ++j) js.push_back(j);
          } else {
            index_route(b);
            for (int y : p_.near[static_cast<std::size_t>(x)])
              if (const int q = position(b, y); q >= 0) js.push_back(static_cast<std::size_t>(q));
          }
          for (const std::size_t j : js) {
            if (stopped()) return false;
            const int y = route(b)[j];
            if (!p_.allowed(b, x) || !p_.allowed(a, y)) continue;
            std::vector<int> ra = route(a);
            std::vector<int> rb = route(b);
            ra[i] = y;
            rb[j] = x;
            const RouteEval ea = quick(a, ra);
            if (!ea.feasible) continue;
            const RouteEval eb = quick(b, rb);
            if (!keeps_pair(a, b, ea, eb)) continue;
            if (try_pair(a, ra, ea, b, rb, eb)) return true;
          }
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
  std::vector<long long> indexed_;    // per route, the version where_ holds
  std::vector<int> where_;            // per node, its position in its route (see index_route)
  std::vector<long long> intra_done_; // per route, the version its last fruitless scan saw
  std::vector<std::pair<long long, long long>> pair_done_;       // per (a, b): relocations a → b
  std::map<int, std::pair<long long, long long>> exchange_done_; // per a < b: exchanges
  double cost_ = 0;
  double duration_ = 0;
  double bonus_ = 0;
  double load_ = 0;
  double cash_ = 0;
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
