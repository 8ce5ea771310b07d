// The re-solve stage of the quarter search (quarter_run.hpp): for each client the plan is
// re-solved with its decision flipped, a visited client forbidden, a remote one made must-visit:
// the search's descent to a local optimum from the plan's routes (a local re-plan above
// kQuarterResolveClients), or the exact solver. The plan's objective is linear in the client's
// value with either decision fixed, so the two objectives give the value where they meet. A
// re-solve that nets more than the plan itself replaces the plan, and every re-solve starts
// again from the better routes.
#include <algorithm>
#include <cstddef>
#include <optional>
#include <utility>
#include <vector>

#include "optimize/core/search.hpp"
#include "optimize/quarter_run.hpp"

namespace flyorcall::optimize {

namespace {

// A local re-solve (inputs above kQuarterResolveClients) tries this many of the nearest clients
// left out, in at most this many places.
constexpr std::size_t kLocalResolveNeighbours = 8;
constexpr int kLocalResolveInsertions = 2;
// A client not re-solved yet (resolve_break_evens).
constexpr std::size_t kNotSolved = static_cast<std::size_t>(-1);

// A re-solve's plan: its routes (core nodes per traveller) and, from the exact solver, their
// dated trips.
struct Resolved {
  double objective = 0;
  std::vector<std::vector<int>> routes;
  std::vector<RouteSplit> splits;
};

// The exact solver's best plan, or the search's descent from the plan's routes, with client i's
// decision flipped (`visit`: made must-visit; else forbidden).
std::optional<Resolved> full_resolve(SearchRun& run, std::size_t i, bool visit) {
  if (run.options.exact) {
    std::optional<ExactPlan> r = run.exact->best(i, visit);
    if (!r) return std::nullopt;
    return Resolved{r->objective, std::move(r->routes), std::move(r->splits)};
  }
  core::RoutingProblem& p = run.qp.problem;
  core::Node& node = p.nodes[static_cast<std::size_t>(run.qp.client_node(i))];
  const core::Node saved = node;
  std::vector<std::vector<int>> start = run.routes;
  if (visit) {
    node.mandatory = true;
  } else {
    node.mandatory = false;
    node.vehicles = {-1};
    for (std::vector<int>& r : start) std::erase(r, run.qp.client_node(i));
  }
  const core::Solution s =
      core::solve_general(p, *run.eval, resolve_limits(run.options, run.n_clients), &start);
  node = saved;
  run.cut = run.cut || s.timed_out;
  if (!s.feasible) return std::nullopt;
  Resolved r;
  r.objective = s.objective;
  r.routes.assign(run.n_travellers, {});
  for (const core::Route& route : s.routes)
    r.routes[static_cast<std::size_t>(route.vehicle)] = route.visits;
  return r;
}

// Above kQuarterResolveClients a full descent per client costs too much (40 s for 50 clients),
// so the re-solve is local: the client is taken out of its traveller's route or put into the
// best place of any allowed route (dropping nearby visits when a budget then breaks), each
// changed route is split and dated again, and the clients left out nearest to it are tried in
// the free place. Candidate places are priced quickly (evaluate_near: the trips away from the
// change keep their dates) and every route the re-solve keeps exactly.
class LocalResolve {
public:
  // Re-solves client i against the plan's routes, whose evaluations are `route_evals`.
  LocalResolve(const SearchRun& run, const std::vector<core::RouteEval>& route_evals, std::size_t i)
      : run_(run), p_(run.qp.problem), eval_(*run.eval), i_(i), node_(run.qp.client_node(i)),
        rs_(run.routes), ev_(route_evals) {
    for (const core::RouteEval& e : ev_) {
      cost_ += e.cost;
      days_ += e.duration;
      co2_ += e.load;
      cash_ += e.cash;
    }
  }

  // The re-solved plan with the client visited (`visit`) or not; none when it cannot be.
  std::optional<Resolved> solve(bool visit) {
    if (!(visit ? put_in() : take_out())) return std::nullopt;
    fill_from_neighbours();
    Resolved out;
    for (std::size_t t = 0; t < run_.n_travellers; ++t) {
      out.objective += ev_[t].bonus - ev_[t].cost;
      for (const int n : rs_[t]) out.objective += prize_of(n);
    }
    out.routes = std::move(rs_);
    return out;
  }

private:
  static constexpr auto kWindow = static_cast<std::size_t>(kMaxStopsPerTrip);
  using Place = std::pair<double, std::pair<std::size_t, std::size_t>>;

  [[nodiscard]] bool fits(std::size_t t, const core::RouteEval& e) const {
    return p_.budgets.hold(cost_ - ev_[t].cost + e.cost, days_ - ev_[t].duration + e.duration,
                           co2_ - ev_[t].load + e.load, cash_ - ev_[t].cash + e.cash);
  }
  // What route t costs the objective more with `e` than now.
  [[nodiscard]] double dearer(std::size_t t, const core::RouteEval& e) const {
    return (e.cost - e.bonus) - (ev_[t].cost - ev_[t].bonus);
  }
  void set_route(std::size_t t, std::vector<int> r, const core::RouteEval& e) {
    cost_ += e.cost - ev_[t].cost;
    days_ += e.duration - ev_[t].duration;
    co2_ += e.load - ev_[t].load;
    cash_ += e.cash - ev_[t].cash;
    ev_[t] = e;
    rs_[t] = std::move(r);
  }
  [[nodiscard]] double prize_of(int node) const {
    return p_.nodes[static_cast<std::size_t>(node)].prize;
  }

  // The client taken out of its traveller's route.
  bool take_out() {
    for (std::size_t t = 0; t < run_.n_travellers; ++t)
      if (const auto it = std::find(rs_[t].begin(), rs_[t].end(), node_); it != rs_[t].end()) {
        ft_ = t;
        fk_ = static_cast<std::size_t>(it - rs_[t].begin());
      }
    std::vector<int> r = rs_[ft_];
    r.erase(r.begin() + static_cast<std::ptrdiff_t>(fk_));
    const core::RouteEval e = eval_.evaluate(static_cast<int>(ft_), r);
    if (!e.feasible) return false;
    set_route(ft_, std::move(r), e);
    return true;
  }

  // The client put into the best place, within the budgets when one is; else the best place at
  // all, and then the visits of that route that lose least are dropped until the budgets hold.
  bool put_in() {
    std::optional<Place> in_budget;
    std::optional<Place> any;
    for (const std::size_t t : run_.base[i_].allowed) {
      std::vector<int> r = rs_[t];
      for (const std::size_t k : near_places(run_, rs_[t], node_)) {
        r.insert(r.begin() + static_cast<std::ptrdiff_t>(k), node_);
        const core::RouteEval e = eval_.evaluate_near(static_cast<int>(t), rs_[t], r);
        r.erase(r.begin() + static_cast<std::ptrdiff_t>(k));
        if (!e.feasible) continue;
        const double d = dearer(t, e);
        if (!any || d < any->first) any = {d, {t, k}};
        if (fits(t, e) && (!in_budget || d < in_budget->first)) in_budget = {d, {t, k}};
      }
    }
    if (!any) return false;
    const auto [t, k] = in_budget ? in_budget->second : any->second;
    ft_ = t;
    fk_ = k;
    std::vector<int> r = rs_[t];
    r.insert(r.begin() + static_cast<std::ptrdiff_t>(k), node_);
    set_route(t, r, eval_.evaluate(static_cast<int>(t), r));
    return drop_until_fits();
  }

  // Drops the visits near the change that lose least until the budgets hold.
  bool drop_until_fits() {
    while (!fits(ft_, ev_[ft_])) {
      std::optional<std::pair<double, std::size_t>> drop; // objective lost, position
      const std::size_t lo = fk_ > kWindow ? fk_ - kWindow : 0;
      const std::size_t hi = std::min(rs_[ft_].size(), fk_ + kWindow + 1);
      for (std::size_t q = lo; q < hi; ++q) {
        const int other = rs_[ft_][q];
        if (other == node_ || p_.nodes[static_cast<std::size_t>(other)].mandatory) continue;
        std::vector<int> shorter = rs_[ft_];
        shorter.erase(shorter.begin() + static_cast<std::ptrdiff_t>(q));
        const core::RouteEval e = eval_.evaluate_near(static_cast<int>(ft_), rs_[ft_], shorter);
        if (!e.feasible) continue;
        const double lost = prize_of(other) + dearer(ft_, e);
        if (!drop || lost < drop->first) drop = {lost, q};
      }
      if (!drop) return false;
      std::vector<int> shorter = rs_[ft_];
      shorter.erase(shorter.begin() + static_cast<std::ptrdiff_t>(drop->second));
      if (drop->second < fk_) --fk_;
      set_route(ft_, shorter, eval_.evaluate(static_cast<int>(ft_), shorter));
    }
    return true;
  }

  // The nearest clients left out, tried around the changed place while one nets more.
  void fill_from_neighbours() {
    const std::size_t n_travellers = run_.n_travellers;
    std::vector<char> in(run_.n_clients, 0);
    for (const auto& r : rs_)
      for (const int n : r) in[static_cast<std::size_t>(n) - n_travellers] = 1;
    const City& at = run_.net.city(run_.sched.client_city(i_));
    std::vector<std::pair<double, std::size_t>> near;
    for (std::size_t u = 0; u < run_.n_clients; ++u) {
      if (in[u] || u == i_ || !p_.allowed(static_cast<int>(ft_), run_.qp.client_node(u))) continue;
      const City& c = run_.net.city(run_.sched.client_city(u));
      near.push_back({network::great_circle_km(at.lat, at.lon, c.lat, c.lon), u});
    }
    const std::size_t tried = std::min(near.size(), kLocalResolveNeighbours);
    std::partial_sort(near.begin(), near.begin() + static_cast<std::ptrdiff_t>(tried), near.end());
    near.resize(tried);
    for (int round = 0; round < kLocalResolveInsertions; ++round) {
      std::optional<Place> add;
      const std::size_t lo = fk_ > kWindow ? fk_ - kWindow : 0;
      const std::size_t hi = std::min(rs_[ft_].size(), fk_ + kWindow);
      for (const auto& [km, u] : near) {
        if (in[u]) continue;
        std::vector<int> r = rs_[ft_];
        for (std::size_t q = lo; q <= hi; ++q) {
          r.insert(r.begin() + static_cast<std::ptrdiff_t>(q), run_.qp.client_node(u));
          const core::RouteEval e = eval_.evaluate_near(static_cast<int>(ft_), rs_[ft_], r);
          r.erase(r.begin() + static_cast<std::ptrdiff_t>(q));
          if (!e.feasible || !fits(ft_, e)) continue;
          const double gain = prize_of(run_.qp.client_node(u)) - dearer(ft_, e);
          if (gain > 0.5 && (!add || gain > add->first)) add = {gain, {u, q}};
        }
      }
      if (!add) break;
      const auto [u, q] = add->second;
      std::vector<int> r = rs_[ft_];
      r.insert(r.begin() + static_cast<std::ptrdiff_t>(q), run_.qp.client_node(u));
      set_route(ft_, r, eval_.evaluate(static_cast<int>(ft_), r));
      in[u] = 1;
      if (q <= fk_) ++fk_;
    }
  }

  const SearchRun& run_;
  const core::RoutingProblem& p_;
  const QuarterEvaluator& eval_;
  std::size_t i_;
  int node_;
  std::vector<std::vector<int>> rs_;
  std::vector<core::RouteEval> ev_;
  double cost_ = 0;
  double days_ = 0;
  double co2_ = 0;
  double cash_ = 0;
  std::size_t ft_ = 0; // the route and position the flip changed
  std::size_t fk_ = 0;
};

// The fair uplift of client i's visit in the re-solved plan `s` (it visits the client).
double forced_uplift(const SearchRun& run, const Resolved& s, std::size_t i) {
  double uplift = 0;
  for (std::size_t t = 0; t < run.n_travellers; ++t) {
    const std::vector<int>& r = s.routes[t];
    const auto it = std::find(r.begin(), r.end(), run.qp.client_node(i));
    if (it != r.end())
      uplift = uplift_at(run, t, r,
                         run.options.exact ? s.splits[t] : run.eval->split(static_cast<int>(t), r),
                         static_cast<std::size_t>(it - r.begin()));
  }
  return uplift;
}

} // namespace

void resolve_break_evens(SearchRun& run) {
  const QuarterOptions& options = run.options;
  const std::size_t n_clients = run.n_clients;
  run.flips.assign(n_clients, Flip{});
  // Above kQuarterResolveClients the search re-solves locally (see LocalResolve).
  run.local = !options.exact && n_clients > kQuarterResolveClients;
  double current = options.exact
                       ? run.exact_objective
                       : core::make_solution(run.qp.problem, *run.eval, run.routes).objective;
  // The plan's routes evaluated, once per plan (the local re-solves start from them).
  std::vector<core::RouteEval> route_evals;
  auto evaluate_routes = [&] {
    if (!run.local) return;
    route_evals.assign(run.n_travellers, {});
    for (std::size_t t = 0; t < run.n_travellers; ++t)
      route_evals[t] = run.eval->evaluate(static_cast<int>(t), run.routes[t]);
  };
  evaluate_routes();
  // A pass re-solves every client against the plan; a re-solve that nets more is adopted at
  // once and the pass goes on with the next client, and a pass that adopted any is followed
  // by another, so that the last explains every client against the plan it keeps. A client
  // re-solved since the last adoption keeps that re-solve: it was made against the same plan.
  std::size_t adoptions = 0;
  std::vector<std::size_t> solved_after(n_clients, kNotSolved); // adoptions before the re-solve
  std::vector<Flip> solved(n_clients);
  for (bool adopted = true; adopted;) {
    adopted = false;
    run.flips.assign(n_clients, Flip{});
    run.marginal_only = 0;
    for (std::size_t i = 0; i < n_clients; ++i) {
      if (run.base[i].allowed.empty()) continue;
      const bool is_visited = run.visited[i] != 0;
      if (is_visited && run.input.clients[i].must_visit) continue; // no value flips it
      if (solved_after[i] == adoptions) {
        run.flips[i] = solved[i];
        continue;
      }
      if (!options.exact && (run.cut || options.deadline.expired())) {
        run.cut = true;
        ++run.marginal_only;
        continue;
      }
      std::optional<Resolved> s = run.local ? LocalResolve(run, route_evals, i).solve(!is_visited)
                                            : full_resolve(run, i, !is_visited);
      if (!options.exact && run.cut) { // cut short: not a re-solve
        ++run.marginal_only;
        continue;
      }
      Flip& f = run.flips[i];
      f.solved = true;
      f.feasible = s.has_value();
      if (!f.feasible) {
        solved[i] = f;
        solved_after[i] = adoptions;
        continue;
      }
      f.objective = s->objective;
      if (s->objective > current + 0.5) {
        // A better plan: adopt it; this client is explained in the next pass.
        run.routes = std::move(s->routes);
        run.exact_splits = std::move(s->splits);
        evaluate_routes();
        run.mark_visited();
        adopted = true;
        ++adoptions;
        f = Flip{};
        // The re-solve priced its routes conservatively: the plan's own price is exact.
        current = std::max(s->objective,
                           core::make_solution(run.qp.problem, *run.eval, run.routes).objective);
        continue;
      }
      if (!is_visited) f.uplift = forced_uplift(run, *s, i);
      solved[i] = f;
      solved_after[i] = adoptions;
    }
  }
  run.plan_objective = current;
  if (run.local &&
      std::any_of(run.flips.begin(), run.flips.end(), [](const Flip& f) { return f.solved; }))
    run.marginal_notice = local_break_even_note(kQuarterResolveClients);
}

} // namespace flyorcall::optimize
