#include "optimize/quarter.hpp"

#include <algorithm>
#include <array>
#include <cmath>
#include <functional>
#include <numeric>
#include <optional>
#include <stdexcept>
#include <utility>

#include "cost/remote_cost.hpp"
#include "cost/value.hpp"
#include "flyorcall/errors.hpp"
#include "flyorcall/limits.hpp"
#include "optimize/briefing.hpp"
#include "optimize/core/search.hpp"
#include "optimize/greedy.hpp"
#include "optimize/quarter_budgets.hpp"
#include "optimize/quarter_exact.hpp"

namespace flyorcall::optimize {

// ---------------------------------------------------------------------------------------------
// The plan

namespace {

// A local re-solve (inputs above kQuarterResolveClients) tries this many of the nearest clients
// left out, in at most this many places.
constexpr std::size_t kLocalResolveNeighbours = 8;
constexpr int kLocalResolveInsertions = 2;

// Clients near each client that the search places it next to (core::RoutingProblem::near).
constexpr std::size_t kNearClients = 8;
// Routes this short try a client in every place (as core::GeneralSearch does).
constexpr std::size_t kAllPlaces = 12;
// On inputs of more than kQuarterSeedClients clients, two clients of different regions follow
// each other in a trip only within this distance or among each other's nearest clients.
constexpr double kTripHopKm = 2500;

// Perturbation rounds without a better plan after which a search with shadow prices stops.
constexpr long long kShadowPriceRounds = 10;

// The search's counted work by effort level (index effort - 1, docs/optimizer.md, "Effort"):
// perturbation rounds without a better plan on inputs of up to kQuarterSmallClients clients and
// on larger ones (0: the first local optimum), and the factor on the route evaluations below.
constexpr std::array<long long, 5> kSmallRounds = {5, 15, 50, 150, 500};
constexpr std::array<long long, 5> kLargeRounds = {0, 0, 0, 3, 10};
constexpr std::array<double, 5> kEffortFactor = {0.1, 0.3, 1, 3, 10};
// Route evaluations of a search at effort 3: a base and a share per client.
constexpr std::size_t kBaseEvaluations = 200'000;
constexpr std::size_t kEvaluationsPerClient = 4'000;
// Route evaluations of one break-even re-solve's descent at effort 3, per client of the input.
constexpr std::size_t kResolveEvaluationsPerClient = 400;

// What is fixed about one client before any trip is chosen.
struct ClientBase : RemoteBaseline {
  Money base_value;
  Money remote_value;
  Money remote_left; // remote cost of the meetings a visit does not replace
};

} // namespace

namespace {
std::size_t effort_index(int effort) {
  return static_cast<std::size_t>(std::clamp(effort, limits::kMinEffort, limits::kMaxEffort) - 1);
}
} // namespace

double effort_factor(int effort) {
  return kEffortFactor[effort_index(effort)];
}

core::SearchLimits search_limits(const QuarterOptions& options, std::size_t clients) {
  const std::size_t e = effort_index(options.effort);
  core::SearchLimits l;
  l.seed = options.seed;
  l.deadline = options.deadline;
  l.stagnation = options.stagnation >= 0           ? options.stagnation
                 : clients <= kQuarterSmallClients ? kSmallRounds[e]
                                                   : kLargeRounds[e];
  l.max_evaluations = std::llround(
      kEffortFactor[e] * static_cast<double>(kBaseEvaluations + kEvaluationsPerClient * clients));
  return l;
}

core::SearchLimits resolve_limits(const QuarterOptions& options, std::size_t clients) {
  core::SearchLimits l;
  l.seed = options.seed;
  l.deadline = options.deadline;
  l.stagnation = 0;
  l.move_window = kMaxStopsPerTrip;
  l.max_evaluations = std::llround(effort_factor(options.effort) *
                                   static_cast<double>(kResolveEvaluationsPerClient * clients));
  return l;
}

namespace {
// ", adding X to the trips", or ", saving X on the trips" when the client makes them cheaper.
std::string trips_clause(Money marginal, const std::string& cur) {
  if (marginal < Money{0})
    return ", saving " + format_money(-marginal, cur) +
           " on the trips (they date more cheaply with it)";
  return ", adding " + format_money(marginal, cur) + " to the trips";
}
} // namespace

std::string local_break_even_note(std::size_t limit) {
  return "break-even values come from re-planning each client locally (its traveller's trips "
         "re-split and re-dated with the client taken out or put in, and the nearest clients "
         "left out tried in its place); the whole quarter is re-solved for them on inputs of up "
         "to " +
         std::to_string(limit) + " clients";
}

Plan plan_search(const Input& input, const network::Network& net, const QuarterOptions& options) {
  const Scheduler sched(input, net);
  const Policy& policy = input.policy;
  const std::string& cur = input.currency;
  const std::size_t n_clients = input.clients.size();
  const std::size_t n_travellers = input.travellers.size();

  // ---- every client on its own: remote baseline and the prize of a visit ----
  std::vector<ClientBase> base(n_clients);
  std::size_t uncompared = 0;
  cost::SlotCache slots;
  std::vector<Money> base_values(n_clients);
  for (std::size_t i = 0; i < n_clients; ++i) {
    const Client& client = input.clients[i];
    ClientBase& b = base[i];
    static_cast<RemoteBaseline&>(b) =
        remote_baseline(input, net, sched, i, slots, options.deadline);
    if (!b.compared) ++uncompared;
    b.base_value = cost::visit_value(client);
    b.remote_value = cost::remote_value(client, policy);
    const VisitEconomics e = visit_economics(client, policy, b.base_value, 0.0, b.remote_value,
                                             b.remote.total(), Money{0});
    b.remote_left = e.remote_left;
    base_values[i] = b.base_value;
  }

  // ---- the core problem ----
  QuarterProblem qp;
  qp.travellers = n_travellers;
  core::RoutingProblem& p = qp.problem;
  const std::size_t n_nodes = n_travellers + n_clients;
  p.nodes.resize(n_nodes);
  p.travel_time =
      Eigen::MatrixXd::Zero(static_cast<Eigen::Index>(n_nodes), static_cast<Eigen::Index>(n_nodes));
  p.travel_cost = p.travel_time;
  for (std::size_t t = 0; t < n_travellers; ++t) {
    core::Vehicle v;
    v.start = static_cast<int>(t);
    v.end = static_cast<int>(t);
    p.vehicles.push_back(v);
  }
  qp.prize.resize(n_clients);
  for (std::size_t i = 0; i < n_clients; ++i) {
    const ClientBase& b = base[i];
    // Visiting instead of staying remote: the visit's value and the remote cost it saves,
    // against what remote meetings deliver; the trip's cost comes from the route.
    const Money advantage = b.base_value - b.remote_left - (b.remote_value - b.remote.total());
    qp.prize[i] = advantage.count();
    core::Node& node = p.nodes[static_cast<std::size_t>(qp.client_node(i))];
    node.prize = static_cast<double>(advantage.count());
    node.mandatory = input.clients[i].must_visit;
    for (const std::size_t t : b.allowed) node.vehicles.push_back(static_cast<int>(t));
    // A client no traveller may visit: an empty list would mean "everyone" to the core.
    if (b.allowed.empty()) node.vehicles.push_back(-1);
  }
  p.budgets = quarter_budgets(policy);
  p.cost_weight = 1.0;
  // The search places a client next to the clients nearest it (great-circle distance between
  // their cities, then input order): a trip groups neighbours, so farther places rarely pay.
  p.near.assign(n_nodes, {});
  for (std::size_t i = 0; i < n_clients; ++i) {
    const City& at = net.city(sched.client_city(i));
    std::vector<std::pair<double, std::size_t>> by_distance;
    by_distance.reserve(n_clients);
    for (std::size_t u = 0; u < n_clients; ++u) {
      if (u == i) continue;
      const City& c = net.city(sched.client_city(u));
      by_distance.push_back({network::great_circle_km(at.lat, at.lon, c.lat, c.lon), u});
    }
    const std::size_t k = std::min(by_distance.size(), kNearClients);
    std::partial_sort(by_distance.begin(), by_distance.begin() + static_cast<std::ptrdiff_t>(k),
                      by_distance.end());
    std::vector<int>& near = p.near[static_cast<std::size_t>(qp.client_node(i))];
    for (std::size_t q = 0; q < k; ++q) near.push_back(qp.client_node(by_distance[q].second));
  }

  const TripPricer pricer(input, net, sched, base_values);
  QuarterEvaluator eval(qp, pricer, input);
  // On large inputs a trip only hops between neighbouring places: clients of one region, within
  // kTripHopKm of each other, or among each other's nearest clients. Pricing the long trips that
  // chronological neighbours far apart would otherwise form is most of a large search's work,
  // and such a trip (Lagos then Lima then Oslo) is one no one would book.
  if (n_clients > kQuarterSeedClients) {
    TripHops hops;
    hops.clients = n_clients;
    hops.ok.assign(n_clients * n_clients, 0);
    for (std::size_t a = 0; a < n_clients; ++a) {
      const City& ca = net.city(sched.client_city(a));
      for (std::size_t b = 0; b < n_clients; ++b) {
        const City& cb = net.city(sched.client_city(b));
        const bool ok = ca.region == cb.region ||
                        network::great_circle_km(ca.lat, ca.lon, cb.lat, cb.lon) <= kTripHopKm;
        if (ok) hops.ok[a * n_clients + b] = 1;
      }
      for (const int u : p.near[static_cast<std::size_t>(qp.client_node(a))]) {
        const auto b = static_cast<std::size_t>(u) - n_travellers;
        hops.ok[a * n_clients + b] = 1;
        hops.ok[b * n_clients + a] = 1;
      }
    }
    eval.set_hops(std::move(hops));
  }

  // The places in route `r` (core nodes) where the client node `node` is tried: next to its
  // nearest clients and at the route's ends, or everywhere in a short route (as the search).
  auto near_places = [&](const std::vector<int>& r, int node) {
    std::vector<std::size_t> out;
    if (r.size() <= kAllPlaces) {
      for (std::size_t k = 0; k <= r.size(); ++k) out.push_back(k);
      return out;
    }
    out.push_back(0);
    out.push_back(r.size());
    for (const int y : p.near[static_cast<std::size_t>(node)])
      if (const auto it = std::find(r.begin(), r.end(), y); it != r.end()) {
        out.push_back(static_cast<std::size_t>(it - r.begin()));
        out.push_back(static_cast<std::size_t>(it - r.begin()) + 1);
      }
    std::sort(out.begin(), out.end());
    out.erase(std::unique(out.begin(), out.end()), out.end());
    return out;
  };

  std::vector<std::vector<int>> routes(n_travellers);
  // Whether the deadline (the safety cap) cut any part of the planning short.
  bool cut = uncompared > 0;
  // The exact solver's dated trips of `routes` (split_route's for the search).
  std::vector<RouteSplit> exact_splits;
  double exact_objective = 0;
  std::optional<QuarterExact> exact;
  bool feasible = true;
  if (options.exact) {
    exact.emplace(qp, pricer, input, options.deadline);
    std::optional<ExactPlan> r = exact->best();
    feasible = r.has_value();
    if (r) {
      routes = std::move(r->routes);
      exact_splits = std::move(r->splits);
      exact_objective = r->objective;
    }
  } else {
    const core::SearchLimits limits = search_limits(options, n_clients);
    // Above kQuarterSmallClients the greedy plan's trips (each traveller's clients in date
    // order) are the fallback, so that the search never nets less than greedy; above
    // kQuarterSeedClients they are also the start, so that a deadline that cuts the search
    // short still leaves the greedy plan improved.
    std::vector<std::vector<int>> greedy_routes;
    if (n_clients > kQuarterSmallClients) {
      try {
        // Its trips only: the search explains every client itself.
        const Plan greedy = plan_greedy(input, net, sched, options.deadline, slots, false);
        cut = cut || greedy.time_limit_reached;
        std::unordered_map<std::string, std::size_t> client_index;
        std::unordered_map<std::string, std::size_t> traveller_index;
        for (std::size_t i = 0; i < n_clients; ++i) client_index[input.clients[i].id] = i;
        for (std::size_t t = 0; t < n_travellers; ++t) traveller_index[input.travellers[t].id] = t;
        greedy_routes.assign(n_travellers, {});
        for (const Trip& trip : greedy.trips) // in date order
          for (const Visit& v : trip.visits)
            greedy_routes[traveller_index.at(trip.traveller_id)].push_back(
                qp.client_node(client_index.at(v.client_id)));
      } catch (const InfeasibleError&) {
        // Dedicated trips cannot visit every must-visit client; shared ones still may.
        greedy_routes.clear();
      }
    }
    const bool seeded = !greedy_routes.empty() && n_clients > kQuarterSeedClients;
    core::Solution s = core::solve_general(p, eval, limits, seeded ? &greedy_routes : nullptr);
    cut = cut || s.timed_out;
    if (!greedy_routes.empty() && !seeded) {
      // The greedy plan's routes when they net more (make_solution checks rules and budgets).
      core::Solution fallback = core::make_solution(p, eval, greedy_routes);
      if (fallback.feasible && (!s.feasible || fallback.objective > s.objective + 1e-6))
        s = std::move(fallback);
    }
    // Budgets: the split of a route into trips is the cheapest one, which may spend more CO2,
    // days, money or cash than a dearer split would. So the search runs again with each budget's
    // shadow price in the split, from the best routes so far, and keeps the plan that nets most.
    if (p.budgets.any()) {
      SplitPrices best_prices;
      core::SearchLimits descent = limits; // from a local optimum: a descent, then a few kicks
      descent.stagnation = std::min<long long>(limits.stagnation, kShadowPriceRounds);
      for (const SplitPrices& prices : shadow_prices(p.budgets, s)) {
        if (cut) break;
        eval.set_prices(prices);
        std::vector<std::vector<int>> start(n_travellers);
        for (const core::Route& r : s.routes) start[static_cast<std::size_t>(r.vehicle)] = r.visits;
        core::Solution priced = core::solve_general(p, eval, descent, &start);
        cut = cut || priced.timed_out;
        if (priced.feasible && (!s.feasible || priced.objective > s.objective + 0.5)) {
          s = std::move(priced);
          best_prices = prices;
        }
      }
      eval.set_prices(best_prices);
    }
    feasible = s.feasible;
    for (const core::Route& r : s.routes) routes[static_cast<std::size_t>(r.vehicle)] = r.visits;
  }

  std::vector<char> visited(n_clients, 0);
  for (const auto& r : routes)
    for (int node : r) visited[static_cast<std::size_t>(node) - n_travellers] = 1;

  // ---- a must-visit client left out: name the rule that blocks it ----
  if (!feasible) {
    std::vector<std::vector<std::size_t>> allowed(n_clients);
    for (std::size_t i = 0; i < n_clients; ++i) allowed[i] = base[i].allowed;
    throw_must_visit_infeasible(input, sched, pricer, allowed, visited);
  }

  // ---- break-even by re-solving ----
  // For each client the plan is re-solved with its decision flipped: a visited client forbidden,
  // a remote one made must-visit: the search's descent to a local optimum from the plan's routes
  // (a local re-plan above kQuarterResolveClients), or the exact solver. The plan's objective is
  // linear in the client's value with either decision fixed, so the two objectives give the value
  // where they meet. A re-solve that nets more than the plan itself replaces the plan, and every
  // re-solve starts again from the better routes.
  struct Flip {
    bool solved = false;   // re-solved before the deadline
    bool feasible = false; // some plan keeps every rule with the decision flipped
    double objective = 0;  // that plan's core objective
    double uplift = 0;     // fair uplift of the client's visit in it (a forced visit)
  };
  std::vector<Flip> flips(n_clients);
  // The fair uplift of the visit at position k of traveller t's route r (core nodes) split `s`.
  auto uplift_at = [&](std::size_t t, const std::vector<int>& r, const RouteSplit& s,
                       std::size_t k) {
    for (const RouteSplit::Part& part : s.parts) {
      if (k < part.first || k >= part.last) continue;
      std::vector<int> stops;
      for (std::size_t q = part.first; q < part.last; ++q)
        stops.push_back(r[q] - static_cast<int>(n_travellers));
      const Trip trip = pricer.trip(t, stops, part.depart);
      const auto i = static_cast<std::size_t>(r[k]) - n_travellers;
      return fair_uplift(input, input.clients[i], net.city(sched.client_city(i)).country,
                         trip.visits[k - part.first]);
    }
    return 0.0;
  };
  std::size_t marginal_only = 0; // clients left to the marginal break-even by the deadline
  double plan_objective = 0;
  std::string marginal_notice; // how the break-even values were found, when not the usual way
  // Above kQuarterResolveClients the search re-solves locally (see local_resolve).
  const bool local = !options.exact && n_clients > kQuarterResolveClients;
  {
    double current =
        options.exact ? exact_objective : core::make_solution(p, eval, routes).objective;
    // A re-solve's plan: its routes (core nodes per traveller) and, from the exact solver, their
    // dated trips.
    struct Resolved {
      double objective = 0;
      std::vector<std::vector<int>> routes;
      std::vector<RouteSplit> splits;
    };
    auto resolve = [&](std::size_t i, bool visit) -> std::optional<Resolved> {
      if (options.exact) {
        std::optional<ExactPlan> r = exact->best(i, visit);
        if (!r) return std::nullopt;
        return Resolved{r->objective, std::move(r->routes), std::move(r->splits)};
      }
      core::Node& node = p.nodes[static_cast<std::size_t>(qp.client_node(i))];
      const core::Node saved = node;
      std::vector<std::vector<int>> start = routes;
      if (visit) {
        node.mandatory = true;
      } else {
        node.mandatory = false;
        node.vehicles = {-1};
        for (std::vector<int>& r : start) std::erase(r, qp.client_node(i));
      }
      const core::Solution s =
          core::solve_general(p, eval, resolve_limits(options, n_clients), &start);
      node = saved;
      cut = cut || s.timed_out;
      if (!s.feasible) return std::nullopt;
      Resolved r;
      r.objective = s.objective;
      r.routes.assign(n_travellers, {});
      for (const core::Route& route : s.routes)
        r.routes[static_cast<std::size_t>(route.vehicle)] = route.visits;
      return r;
    };
    // Above kQuarterResolveClients a full descent per client costs too much (40 s for 50
    // clients), so the re-solve is local: the client is taken out of its traveller's route or
    // put into the best place of any allowed route (dropping nearby visits when a budget then
    // breaks), each changed route is split and dated again, and the clients left out nearest to
    // it are tried in the free place.
    // The plan's routes evaluated, once per plan (the local re-solves start from them).
    std::vector<core::RouteEval> route_evals;
    auto evaluate_routes = [&] {
      if (!local) return;
      route_evals.assign(n_travellers, {});
      for (std::size_t t = 0; t < n_travellers; ++t)
        route_evals[t] = eval.evaluate(static_cast<int>(t), routes[t]);
    };
    evaluate_routes();
    auto local_resolve = [&](std::size_t i, bool visit) -> std::optional<Resolved> {
      // Candidate places are priced quickly (evaluate_near: the trips away from the change
      // keep their dates) and every route the re-solve keeps exactly.
      std::vector<std::vector<int>> rs = routes;
      std::vector<core::RouteEval> ev = route_evals;
      double cost = 0;
      double days = 0;
      double co2 = 0;
      double cash = 0;
      for (const core::RouteEval& e : ev) {
        cost += e.cost;
        days += e.duration;
        co2 += e.load;
        cash += e.cash;
      }
      auto fits = [&](std::size_t t, const core::RouteEval& e) {
        return p.budgets.hold(cost - ev[t].cost + e.cost, days - ev[t].duration + e.duration,
                              co2 - ev[t].load + e.load, cash - ev[t].cash + e.cash);
      };
      // What route t costs the objective more with `e` than now.
      auto dearer = [&](std::size_t t, const core::RouteEval& e) {
        return (e.cost - e.bonus) - (ev[t].cost - ev[t].bonus);
      };
      auto set_route = [&](std::size_t t, std::vector<int> r, const core::RouteEval& e) {
        cost += e.cost - ev[t].cost;
        days += e.duration - ev[t].duration;
        co2 += e.load - ev[t].load;
        cash += e.cash - ev[t].cash;
        ev[t] = e;
        rs[t] = std::move(r);
      };
      auto prize_of = [&](int node) { return p.nodes[static_cast<std::size_t>(node)].prize; };
      const int node = qp.client_node(i);
      const auto window = static_cast<std::size_t>(kMaxStopsPerTrip);
      std::size_t ft = 0; // the route and position the flip changed
      std::size_t fk = 0;
      if (!visit) {
        for (std::size_t t = 0; t < n_travellers; ++t)
          if (const auto it = std::find(rs[t].begin(), rs[t].end(), node); it != rs[t].end()) {
            ft = t;
            fk = static_cast<std::size_t>(it - rs[t].begin());
          }
        std::vector<int> r = rs[ft];
        r.erase(r.begin() + static_cast<std::ptrdiff_t>(fk));
        const core::RouteEval e = eval.evaluate(static_cast<int>(ft), r);
        if (!e.feasible) return std::nullopt;
        set_route(ft, std::move(r), e);
      } else {
        // The best place, within the budgets when one is; else the best place at all, and
        // then the visits of that route that lose least are dropped until the budgets hold.
        std::optional<std::pair<double, std::pair<std::size_t, std::size_t>>> in_budget;
        std::optional<std::pair<double, std::pair<std::size_t, std::size_t>>> any;
        for (const std::size_t t : base[i].allowed) {
          std::vector<int> r = rs[t];
          for (const std::size_t k : near_places(rs[t], node)) {
            r.insert(r.begin() + static_cast<std::ptrdiff_t>(k), node);
            const core::RouteEval e = eval.evaluate_near(static_cast<int>(t), rs[t], r);
            r.erase(r.begin() + static_cast<std::ptrdiff_t>(k));
            if (!e.feasible) continue;
            const double d = dearer(t, e);
            if (!any || d < any->first) any = {d, {t, k}};
            if (fits(t, e) && (!in_budget || d < in_budget->first)) in_budget = {d, {t, k}};
          }
        }
        if (!any) return std::nullopt;
        const auto [t, k] = in_budget ? in_budget->second : any->second;
        ft = t;
        fk = k;
        std::vector<int> r = rs[t];
        r.insert(r.begin() + static_cast<std::ptrdiff_t>(k), node);
        set_route(t, r, eval.evaluate(static_cast<int>(t), r));
        while (!fits(ft, ev[ft])) {
          std::optional<std::pair<double, std::size_t>> drop; // objective lost, position
          const std::size_t lo = fk > window ? fk - window : 0;
          const std::size_t hi = std::min(rs[ft].size(), fk + window + 1);
          for (std::size_t q = lo; q < hi; ++q) {
            const int other = rs[ft][q];
            if (other == node || p.nodes[static_cast<std::size_t>(other)].mandatory) continue;
            std::vector<int> shorter = rs[ft];
            shorter.erase(shorter.begin() + static_cast<std::ptrdiff_t>(q));
            const core::RouteEval e = eval.evaluate_near(static_cast<int>(ft), rs[ft], shorter);
            if (!e.feasible) continue;
            const double lost = prize_of(other) + dearer(ft, e);
            if (!drop || lost < drop->first) drop = {lost, q};
          }
          if (!drop) return std::nullopt;
          std::vector<int> shorter = rs[ft];
          shorter.erase(shorter.begin() + static_cast<std::ptrdiff_t>(drop->second));
          if (drop->second < fk) --fk;
          set_route(ft, shorter, eval.evaluate(static_cast<int>(ft), shorter));
        }
      }
      // The nearest clients left out, tried around the changed place while one nets more.
      std::vector<char> in(n_clients, 0);
      for (const auto& r : rs)
        for (const int n : r) in[static_cast<std::size_t>(n) - n_travellers] = 1;
      const City& at = net.city(sched.client_city(i));
      std::vector<std::pair<double, std::size_t>> near;
      for (std::size_t u = 0; u < n_clients; ++u) {
        if (in[u] || u == i || !p.allowed(static_cast<int>(ft), qp.client_node(u))) continue;
        const City& c = net.city(sched.client_city(u));
        near.push_back({network::great_circle_km(at.lat, at.lon, c.lat, c.lon), u});
      }
      const std::size_t tried = std::min(near.size(), kLocalResolveNeighbours);
      std::partial_sort(near.begin(), near.begin() + static_cast<std::ptrdiff_t>(tried),
                        near.end());
      near.resize(tried);
      for (int round = 0; round < kLocalResolveInsertions; ++round) {
        std::optional<std::pair<double, std::pair<std::size_t, std::size_t>>> add;
        const std::size_t lo = fk > window ? fk - window : 0;
        const std::size_t hi = std::min(rs[ft].size(), fk + window);
        for (const auto& [km, u] : near) {
          if (in[u]) continue;
          std::vector<int> r = rs[ft];
          for (std::size_t q = lo; q <= hi; ++q) {
            r.insert(r.begin() + static_cast<std::ptrdiff_t>(q), qp.client_node(u));
            const core::RouteEval e = eval.evaluate_near(static_cast<int>(ft), rs[ft], r);
            r.erase(r.begin() + static_cast<std::ptrdiff_t>(q));
            if (!e.feasible || !fits(ft, e)) continue;
            const double gain = prize_of(qp.client_node(u)) - dearer(ft, e);
            if (gain > 0.5 && (!add || gain > add->first)) add = {gain, {u, q}};
          }
        }
        if (!add) break;
        const auto [u, q] = add->second;
        std::vector<int> r = rs[ft];
        r.insert(r.begin() + static_cast<std::ptrdiff_t>(q), qp.client_node(u));
        set_route(ft, r, eval.evaluate(static_cast<int>(ft), r));
        in[u] = 1;
        if (q <= fk) ++fk;
      }
      Resolved out;
      for (std::size_t t = 0; t < n_travellers; ++t) {
        out.objective += ev[t].bonus - ev[t].cost;
        for (const int n : rs[t]) out.objective += prize_of(n);
      }
      out.routes = std::move(rs);
      return out;
    };
    // A pass re-solves every client against the plan; a re-solve that nets more is adopted at
    // once and the pass goes on with the next client, and a pass that adopted any is followed
    // by another, so that the last explains every client against the plan it keeps.
    for (bool adopted = true; adopted;) {
      adopted = false;
      flips.assign(n_clients, Flip{});
      marginal_only = 0;
      for (std::size_t i = 0; i < n_clients; ++i) {
        if (base[i].allowed.empty()) continue;
        const bool is_visited = visited[i] != 0;
        if (is_visited && input.clients[i].must_visit) continue; // no value flips it
        if (!options.exact && (cut || options.deadline.expired())) {
          cut = true;
          ++marginal_only;
          continue;
        }
        std::optional<Resolved> s = local ? local_resolve(i, !is_visited) : resolve(i, !is_visited);
        if (!options.exact && cut) { // cut short: not a re-solve
          ++marginal_only;
          continue;
        }
        Flip& f = flips[i];
        f.solved = true;
        f.feasible = s.has_value();
        if (!f.feasible) continue;
        f.objective = s->objective;
        if (s->objective > current + 0.5) {
          // A better plan: adopt it; this client is explained in the next pass.
          routes = std::move(s->routes);
          exact_splits = std::move(s->splits);
          evaluate_routes();
          std::fill(visited.begin(), visited.end(), 0);
          for (const auto& r : routes)
            for (int node : r) visited[static_cast<std::size_t>(node) - n_travellers] = 1;
          adopted = true;
          f = Flip{};
          // The re-solve priced its routes conservatively: the plan's own price is exact.
          current = std::max(s->objective, core::make_solution(p, eval, routes).objective);
          continue;
        }
        if (!is_visited) {
          for (std::size_t t = 0; t < n_travellers; ++t) {
            const std::vector<int>& r = s->routes[t];
            const auto it = std::find(r.begin(), r.end(), qp.client_node(i));
            if (it != r.end())
              f.uplift =
                  uplift_at(t, r, options.exact ? s->splits[t] : eval.split(static_cast<int>(t), r),
                            static_cast<std::size_t>(it - r.begin()));
          }
        }
      }
    }
    plan_objective = current;
    if (local && std::any_of(flips.begin(), flips.end(), [](const Flip& f) { return f.solved; }))
      marginal_notice = local_break_even_note(kQuarterResolveClients);
  }

  // ---- trips ----
  struct Built {
    Trip trip;
    std::size_t traveller = 0;
    std::vector<std::size_t> clients;
  };
  std::vector<Built> built;
  std::vector<RouteSplit> splits(n_travellers);
  for (std::size_t t = 0; t < n_travellers; ++t) {
    splits[t] = options.exact ? exact_splits[t] : eval.split(static_cast<int>(t), routes[t]);
    std::vector<int> clients;
    for (int node : routes[t]) clients.push_back(node - static_cast<int>(n_travellers));
    for (const RouteSplit::Part& part : splits[t].parts) {
      const std::span<const int> stops(clients.data() + part.first, part.last - part.first);
      Built b;
      b.trip = pricer.trip(t, stops, part.depart);
      b.traveller = t;
      for (int c : stops) b.clients.push_back(static_cast<std::size_t>(c));
      built.push_back(std::move(b));
    }
  }
  std::sort(built.begin(), built.end(), [&](const Built& a, const Built& b) {
    if (a.trip.depart != b.trip.depart) return a.trip.depart < b.trip.depart;
    if (a.trip.back != b.trip.back) return a.trip.back < b.trip.back;
    if (a.traveller != b.traveller) return a.traveller < b.traveller;
    return a.clients < b.clients;
  });

  Plan plan;
  plan.method = options.exact ? "exact-dynamic-programming" : "iterated-local-search";
  plan.notes = sched.notes();
  if (uncompared > 0) plan.notes.push_back(uncompared_calls_note(uncompared));
  if (marginal_only > 0) plan.notes.push_back(marginal_break_even_note(marginal_only));
  if (!marginal_notice.empty()) plan.notes.push_back(marginal_notice);
  const bool late = !options.exact && cut;
  plan.time_limit_reached = late;
  if (late)
    plan.notes.push_back("the planner reached its time limit (time_limit_s): the plan is the best "
                         "found by then, and clients kept remote are not analysed further");
  std::vector<std::optional<std::size_t>> trip_of(n_clients);
  std::vector<std::size_t> stop_of(n_clients, 0);
  for (std::size_t r = 0; r < built.size(); ++r) {
    Trip trip = built[r].trip;
    trip.id = "T" + std::to_string(r + 1);
    trip.briefings = brief_trip(trip, sched.home_city(built[r].traveller), input, net);
    for (std::size_t k = 0; k < built[r].clients.size(); ++k) {
      trip_of[built[r].clients[k]] = r;
      stop_of[built[r].clients[k]] = k;
    }
    plan.totals.trip_cost += trip.cost;
    plan.totals.co2 += trip.co2();
    plan.totals.days_away += trip.days_away;
    plan.trips.push_back(std::move(trip));
  }
  plan.totals.trips = static_cast<int>(plan.trips.size());

  // Route of traveller t with client i removed / inserted at position k, as core nodes.
  auto without = [&](std::size_t t, std::size_t i) {
    std::vector<int> r = routes[t];
    std::erase(r, qp.client_node(i));
    return r;
  };
  std::vector<core::RouteEval> route_eval(n_travellers);
  core::RouteEval used; // the plan's totals
  for (std::size_t t = 0; t < n_travellers; ++t) {
    route_eval[t] = route_eval_of(splits[t]);
    used.cost += route_eval[t].cost;
    used.duration += route_eval[t].duration;
    used.load += route_eval[t].load;
    used.cash += route_eval[t].cash;
  }

  // ---- decisions, in input order ----
  std::vector<RemoteCalls> remotes;
  for (std::size_t i = 0; i < n_clients; ++i) {
    const Client& client = input.clients[i];
    const ClientBase& b = base[i];
    ClientDecision d;
    d.client_id = client.id;
    d.remote_value = b.remote_value;
    d.remote_cost = b.remote.total();
    const std::string country = net.city(sched.client_city(i)).country;

    if (trip_of[i]) {
      const Trip& trip = plan.trips[*trip_of[i]];
      const std::size_t t = built[*trip_of[i]].traveller;
      const double uplift = fair_uplift(input, client, country, trip.visits[stop_of[i]]);
      // What the client adds to its traveller's trips: the route re-split without it.
      const core::RouteEval rest = eval.evaluate(static_cast<int>(t), without(t, i));
      const Money own_bonus = scale(b.base_value, 1.0 + uplift) - b.base_value;
      const Money marginal{static_cast<std::int64_t>(
          std::llround((route_eval[t].cost - rest.cost) - (route_eval[t].bonus - rest.bonus) +
                       static_cast<double>(own_bonus.count())))};
      VisitEconomics e = visit_economics(client, policy, b.base_value, uplift, b.remote_value,
                                         b.remote.total(), marginal);
      const Flip& f = flips[i];
      const bool replanned = f.solved && f.feasible;
      if (replanned)
        e.break_even = flip_value(b.base_value, uplift, policy.remote_effectiveness, f.objective,
                                  plan_objective);
      d.visit = true;
      d.trip_id = trip.id;
      d.traveller_id = trip.traveller_id;
      d.value = e.value;
      // A client can make its traveller's trips cheaper to date (a stop that moves a trip off a
      // dear week): what it adds is then a saving, never shown as a negative cost.
      d.marginal_cost = std::max(e.trip_cost, Money{0});
      d.break_even_defined = e.break_even.has_value();
      d.break_even_value = e.break_even.value_or(Money{0});
      const std::size_t others = built[*trip_of[i]].clients.size() - 1;
      const std::string gap =
          format_money(e.advantage < Money{0} ? -e.advantage : e.advantage, cur);
      d.reason = std::string(client.must_visit ? "Must-visit: visited" : "Visited") + " on " +
                 trip.id + " by " + trip.traveller_id +
                 (others == 0 ? std::string()
                              : " with " + std::to_string(others) +
                                    (others == 1 ? " other client" : " other clients")) +
                 trips_clause(e.trip_cost, cur) + "; it nets " + gap +
                 (e.advantage >= Money{0} ? " more" : " less") + " than remote calls";
      if (replanned)
        d.reason += replanned_clause(local ? "locally without" : "without",
                                     plan_objective - f.objective, cur);
      d.reason += visited_break_even_clause(e, cur) + ".";
      plan.totals.visits += 1;
      plan.totals.value += e.value;
      plan.totals.remote_cost += e.remote_left;
    } else {
      if (b.remote_traveller) d.traveller_id = input.travellers[*b.remote_traveller].id;
      d.value = b.base_value;
      // The cheapest way to add the visit to the plan's routes, and what would block it.
      std::optional<VisitEconomics> best;
      std::string blocked;
      std::string no_trip;
      // Every place in short routes, priced exactly; in long ones the places next to the
      // nearest clients, priced quickly (evaluate_near), and the best of them exactly. A fair's
      // uplift cancels out of the advantage, so the quick prices rank the places alike.
      auto economics_at = [&](std::size_t t, const std::vector<int>& r, std::size_t k,
                              const RouteSplit& s) {
        const double uplift = uplift_at(t, r, s, k);
        const Money own_bonus = scale(b.base_value, 1.0 + uplift) - b.base_value;
        const double d_cost = static_cast<double>(s.cost) - route_eval[t].cost;
        const double d_bonus = static_cast<double>(s.bonus) - route_eval[t].bonus;
        const Money marginal{static_cast<std::int64_t>(
            std::llround(d_cost - d_bonus + static_cast<double>(own_bonus.count())))};
        return visit_economics(client, policy, b.base_value, uplift, b.remote_value,
                               b.remote.total(), marginal);
      };
      std::optional<std::pair<double, std::pair<std::size_t, std::size_t>>> quick_best;
      for (const std::size_t t : late ? std::vector<std::size_t>{} : b.allowed) {
        std::vector<int> r = routes[t];
        const bool long_route = r.size() > kAllPlaces;
        for (const std::size_t k : near_places(routes[t], qp.client_node(i))) {
          r.insert(r.begin() + static_cast<std::ptrdiff_t>(k), qp.client_node(i));
          RouteSplit s;
          core::RouteEval q;
          if (long_route) {
            q = eval.evaluate_near(static_cast<int>(t), routes[t], r);
          } else {
            s = eval.split(static_cast<int>(t), r);
            q = route_eval_of(s);
          }
          if (q.feasible) {
            const double d_cost = q.cost - route_eval[t].cost;
            core::RouteEval more; // what the visit adds to the plan's totals
            more.cost = d_cost;
            more.duration = q.duration - route_eval[t].duration;
            more.load = q.load - route_eval[t].load;
            more.cash = q.cash - route_eval[t].cash;
            const std::string why = budget_exceeded(policy, cur, used, more);
            if (!why.empty()) {
              if (blocked.empty()) blocked = why;
            } else if (!long_route) {
              const VisitEconomics e = economics_at(t, r, k, s);
              if (!best || e.advantage > best->advantage) best = e;
            } else {
              const double dearer = d_cost - (q.bonus - route_eval[t].bonus);
              if (!quick_best || dearer < quick_best->first) quick_best = {dearer, {t, k}};
            }
          }
          r.erase(r.begin() + static_cast<std::ptrdiff_t>(k));
        }
      }
      if (quick_best) {
        const auto [t, k] = quick_best->second;
        std::vector<int> r = routes[t];
        r.insert(r.begin() + static_cast<std::ptrdiff_t>(k), qp.client_node(i));
        const RouteSplit s = eval.split(static_cast<int>(t), r);
        const VisitEconomics e = economics_at(t, r, k, s);
        if (!best || e.advantage > best->advantage) best = e;
      }
      for (const std::size_t t : late ? std::vector<std::size_t>{} : b.allowed) {
        if (!best && no_trip.empty()) {
          std::vector<DateRange> busy;
          for (const Trip& trip : plan.trips)
            if (trip.traveller_id == input.travellers[t].id)
              busy.push_back({trip.depart, trip.back});
          const ScheduleResult r2 = sched.cheapest(t, {i}, busy);
          if (!r2.trip) no_trip = r2.why + " (rule: " + failure_rule(r2.failure) + ")";
        }
      }
      // The economics the decision states: the re-solve's break-even when a plan that visits
      // the client exists, else the cheapest insertion's.
      const Flip& f = flips[i];
      const bool replanned = f.solved && f.feasible;
      std::optional<VisitEconomics> shown = best;
      if (replanned) {
        VisitEconomics e = best ? *best
                                : visit_economics(client, policy, b.base_value, f.uplift,
                                                  b.remote_value, b.remote.total(), Money{0});
        e.value = scale(b.base_value, 1.0 + f.uplift);
        e.break_even = flip_value(b.base_value, f.uplift, policy.remote_effectiveness,
                                  plan_objective, f.objective);
        shown = e;
      }
      if (best) d.marginal_cost = std::max(best->trip_cost, Money{0});
      if (shown) {
        d.break_even_defined = shown->break_even.has_value();
        d.break_even_value = shown->break_even.value_or(Money{0});
        d.value = shown->value;
      } else {
        d.break_even_defined = false;
      }
      const std::string replan = replanned ? replanned_clause(local ? "locally with" : "with",
                                                              plan_objective - f.objective, cur) +
                                                 remote_break_even_clause(*shown, cur)
                                           : std::string();
      if (b.allowed.empty()) {
        d.reason = "Remote: no traveller may visit or call this client.";
      } else if (late) {
        d.reason = "Remote: not in the best plan found before the time limit (time_limit_s); "
                   "the cost of adding a visit was not analysed.";
      } else if (best && best->advantage <= Money{0}) {
        d.reason = "Remote: the cheapest way to add a visit " +
                   (best->trip_cost < Money{0}
                        ? "saves " + format_money(-best->trip_cost, cur) + " on the trips"
                        : "costs " + format_money(best->trip_cost, cur)) +
                   " and would net " + format_money(-best->advantage, cur) +
                   " less than remote calls" +
                   (replanned ? replan : remote_break_even_clause(*best, cur)) + ".";
      } else if (best) {
        d.reason = "Remote: a visit would net " + format_money(best->advantage, cur) +
                   " more than remote calls on its own, but adding it displaces more valuable "
                   "visits or breaks a limit of the other trips" +
                   replan + ".";
      } else if (!blocked.empty()) {
        d.reason = "Remote: a visit fits the calendar, but " + blocked + replan + ".";
      } else {
        d.reason =
            "Remote: no feasible trip, " +
            (no_trip.empty() ? std::string("no trip fits around the planned ones") : no_trip) +
            replan + ".";
      }
      add_remote_decision(plan, d, b.remote, b.remote_traveller.has_value(), b.remote_value,
                          sched.zone(sched.client_city(i)));
      if (b.remote_traveller)
        remotes.push_back({plan.decisions.size(), i, *b.remote_traveller, b.remote});
    }
    plan.decisions.push_back(std::move(d));
  }
  schedule_remote_calls(plan, input, net, sched, remotes);
  finish_totals(plan, policy);
  return plan;
}

} // namespace flyorcall::optimize
