// The construct and improve stages of the quarter search (quarter_run.hpp): each client's remote
// baseline and prize, the core problem, the greedy plan as fallback or start, the core search
// or the exact solver, and the search again with each budget's shadow price.
#include <algorithm>
#include <cstddef>
#include <optional>
#include <string>
#include <unordered_map>
#include <utility>
#include <vector>

#include "cost/value.hpp"
#include "flyorcall/errors.hpp"
#include "optimize/core/search.hpp"
#include "optimize/greedy.hpp"
#include "optimize/quarter_budgets.hpp"
#include "optimize/quarter_run.hpp"

namespace flyorcall::optimize {

namespace {

// Clients near each client that the search places it next to (core::RoutingProblem::near).
constexpr std::size_t kNearClients = 8;
// On inputs of more than kQuarterSeedClients clients, two clients of different regions follow
// each other in a trip only within this distance or among each other's nearest clients.
constexpr double kTripHopKm = 2500;
// Perturbation rounds without a better plan after which a search with shadow prices stops.
constexpr long long kShadowPriceRounds = 10;

// Every client on its own: remote baseline and the prize of a visit.
void price_clients(SearchRun& run) {
  const Input& input = run.input;
  run.base.assign(run.n_clients, {});
  for (std::size_t i = 0; i < run.n_clients; ++i) {
    const Client& client = input.clients[i];
    ClientBase& b = run.base[i];
    static_cast<RemoteBaseline&>(b) =
        remote_baseline(input, run.net, run.sched, i, run.slots, run.options.deadline);
    if (!b.compared) ++run.uncompared;
    b.base_value = cost::visit_value(client);
    b.remote_value = cost::remote_value(client, input.policy);
    const VisitEconomics e = visit_economics(client, input.policy, b.base_value, 0.0,
                                             b.remote_value, b.remote.total(), Money{0});
    b.remote_left = e.remote_left;
  }
}

// The core problem: nodes, vehicles, prizes, budgets and each client's nearest clients.
void build_core_problem(SearchRun& run) {
  const std::size_t n_clients = run.n_clients;
  const std::size_t n_travellers = run.n_travellers;
  QuarterProblem& qp = run.qp;
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
    const ClientBase& b = run.base[i];
    // Visiting instead of staying remote: the visit's value and the remote cost it saves,
    // against what remote meetings deliver; the trip's cost comes from the route.
    const Money advantage = b.base_value - b.remote_left - (b.remote_value - b.remote.total());
    qp.prize[i] = advantage.count();
    core::Node& node = p.nodes[static_cast<std::size_t>(qp.client_node(i))];
    node.prize = static_cast<double>(advantage.count());
    node.mandatory = run.input.clients[i].must_visit;
    for (const std::size_t t : b.allowed) node.vehicles.push_back(static_cast<int>(t));
    // A client no traveller may visit: an empty list would mean "everyone" to the core.
    if (b.allowed.empty()) node.vehicles.push_back(-1);
  }
  p.budgets = quarter_budgets(run.input.policy);
  p.cost_weight = 1.0;
  // The search places a client next to the clients nearest it (great-circle distance between
  // their cities, then input order): a trip groups neighbours, so farther places rarely pay.
  p.near.assign(n_nodes, {});
  for (std::size_t i = 0; i < n_clients; ++i) {
    const City& at = run.net.city(run.sched.client_city(i));
    std::vector<std::pair<double, std::size_t>> by_distance;
    by_distance.reserve(n_clients);
    for (std::size_t u = 0; u < n_clients; ++u) {
      if (u == i) continue;
      const City& c = run.net.city(run.sched.client_city(u));
      by_distance.push_back({network::great_circle_km(at.lat, at.lon, c.lat, c.lon), u});
    }
    const std::size_t k = std::min(by_distance.size(), kNearClients);
    std::partial_sort(by_distance.begin(), by_distance.begin() + static_cast<std::ptrdiff_t>(k),
                      by_distance.end());
    std::vector<int>& near = p.near[static_cast<std::size_t>(qp.client_node(i))];
    for (std::size_t q = 0; q < k; ++q) near.push_back(qp.client_node(by_distance[q].second));
  }
}

// On large inputs a trip only hops between neighbouring places: clients of one region, within
// kTripHopKm of each other, or among each other's nearest clients. Pricing the long trips that
// chronological neighbours far apart would otherwise form is most of a large search's work,
// and such a trip (Lagos then Lima then Oslo) is one no one would book.
TripHops neighbour_hops(const SearchRun& run) {
  const std::size_t n_clients = run.n_clients;
  TripHops hops;
  hops.clients = n_clients;
  hops.ok.assign(n_clients * n_clients, 0);
  for (std::size_t a = 0; a < n_clients; ++a) {
    const City& ca = run.net.city(run.sched.client_city(a));
    for (std::size_t b = 0; b < n_clients; ++b) {
      const City& cb = run.net.city(run.sched.client_city(b));
      const bool ok = ca.region == cb.region ||
                      network::great_circle_km(ca.lat, ca.lon, cb.lat, cb.lon) <= kTripHopKm;
      if (ok) hops.ok[a * n_clients + b] = 1;
    }
    for (const int u : run.qp.problem.near[static_cast<std::size_t>(run.qp.client_node(a))]) {
      const auto b = static_cast<std::size_t>(u) - run.n_travellers;
      hops.ok[a * n_clients + b] = 1;
      hops.ok[b * n_clients + a] = 1;
    }
  }
  return hops;
}

// The greedy plan's trips as routes (each traveller's clients in date order), or none when
// dedicated trips cannot visit every must-visit client (shared ones still may).
std::vector<std::vector<int>> greedy_routes(SearchRun& run) {
  std::vector<std::vector<int>> routes;
  try {
    // Its trips only: the search explains every client itself.
    const Plan greedy =
        plan_greedy(run.input, run.net, run.sched, run.options.deadline, run.slots, false);
    run.cut = run.cut || greedy.time_limit_reached;
    std::unordered_map<std::string, std::size_t> client_index;
    std::unordered_map<std::string, std::size_t> traveller_index;
    for (std::size_t i = 0; i < run.n_clients; ++i) client_index[run.input.clients[i].id] = i;
    for (std::size_t t = 0; t < run.n_travellers; ++t)
      traveller_index[run.input.travellers[t].id] = t;
    routes.assign(run.n_travellers, {});
    for (const Trip& trip : greedy.trips) // in date order
      for (const Visit& v : trip.visits)
        routes[traveller_index.at(trip.traveller_id)].push_back(
            run.qp.client_node(client_index.at(v.client_id)));
  } catch (const InfeasibleError&) {
    routes.clear();
  }
  return routes;
}

// Improve: the split of a route into trips is the cheapest one, which may spend more CO2, days,
// money or cash than a dearer split would. So the search runs again with each budget's shadow
// price in the split, from the best routes so far, and keeps the plan that nets most.
void improve_with_shadow_prices(SearchRun& run, const core::SearchLimits& limits,
                                core::Solution& s) {
  const core::RoutingProblem& p = run.qp.problem;
  SplitPrices best_prices;
  core::SearchLimits descent = limits; // from a local optimum: a descent, then a few kicks
  descent.stagnation = std::min<long long>(limits.stagnation, kShadowPriceRounds);
  for (const SplitPrices& prices : shadow_prices(p.budgets, s)) {
    if (run.cut) break;
    run.eval->set_prices(prices);
    std::vector<std::vector<int>> start(run.n_travellers);
    for (const core::Route& r : s.routes) start[static_cast<std::size_t>(r.vehicle)] = r.visits;
    core::Solution priced = core::solve_general(p, *run.eval, descent, &start);
    run.cut = run.cut || priced.timed_out;
    if (priced.feasible && (!s.feasible || priced.objective > s.objective + 0.5)) {
      s = std::move(priced);
      best_prices = prices;
    }
  }
  run.eval->set_prices(best_prices);
}

// The core search's routes: from the greedy plan's on large inputs, against them on mid-sized
// ones, then improved with the budgets' shadow prices.
void core_search(SearchRun& run) {
  const core::RoutingProblem& p = run.qp.problem;
  const core::SearchLimits limits = search_limits(run.options, run.n_clients);
  // Above kQuarterSmallClients the greedy plan's trips (each traveller's clients in date
  // order) are the fallback, so that the search never nets less than greedy; above
  // kQuarterSeedClients they are also the start, so that a deadline that cuts the search
  // short still leaves the greedy plan improved.
  std::vector<std::vector<int>> greedy;
  if (run.n_clients > kQuarterSmallClients) greedy = greedy_routes(run);
  const bool seeded = !greedy.empty() && run.n_clients > kQuarterSeedClients;
  core::Solution s = core::solve_general(p, *run.eval, limits, seeded ? &greedy : nullptr);
  run.cut = run.cut || s.timed_out;
  if (!greedy.empty() && !seeded) {
    // The greedy plan's routes when they net more (make_solution checks rules and budgets).
    core::Solution fallback = core::make_solution(p, *run.eval, greedy);
    if (fallback.feasible && (!s.feasible || fallback.objective > s.objective + 1e-6))
      s = std::move(fallback);
  }
  if (p.budgets.any()) improve_with_shadow_prices(run, limits, s);
  run.feasible = s.feasible;
  for (const core::Route& r : s.routes) run.routes[static_cast<std::size_t>(r.vehicle)] = r.visits;
}

} // namespace

void SearchRun::mark_visited() {
  visited.assign(n_clients, 0);
  for (const auto& r : routes)
    for (int node : r) visited[static_cast<std::size_t>(node) - n_travellers] = 1;
}

std::vector<std::size_t> near_places(const SearchRun& run, const std::vector<int>& r, int node) {
  std::vector<std::size_t> out;
  if (r.size() <= kAllPlaces) {
    for (std::size_t k = 0; k <= r.size(); ++k) out.push_back(k);
    return out;
  }
  out.push_back(0);
  out.push_back(r.size());
  for (const int y : run.qp.problem.near[static_cast<std::size_t>(node)])
    if (const auto it = std::find(r.begin(), r.end(), y); it != r.end()) {
      out.push_back(static_cast<std::size_t>(it - r.begin()));
      out.push_back(static_cast<std::size_t>(it - r.begin()) + 1);
    }
  std::sort(out.begin(), out.end());
  out.erase(std::unique(out.begin(), out.end()), out.end());
  return out;
}

double uplift_at(const SearchRun& run, std::size_t t, const std::vector<int>& r,
                 const RouteSplit& s, std::size_t k) {
  const auto n_travellers = static_cast<int>(run.n_travellers);
  for (const RouteSplit::Part& part : s.parts) {
    if (k < part.first || k >= part.last) continue;
    std::vector<int> stops;
    for (std::size_t q = part.first; q < part.last; ++q) stops.push_back(r[q] - n_travellers);
    const Trip trip = run.pricer->trip(t, stops, part.depart);
    const auto i = static_cast<std::size_t>(r[k] - n_travellers);
    return fair_uplift(run.input, run.input.clients[i],
                       run.net.city(run.sched.client_city(i)).country, trip.visits[k - part.first]);
  }
  return 0.0;
}

void construct_problem(SearchRun& run) {
  price_clients(run);
  build_core_problem(run);
  std::vector<Money> base_values(run.n_clients);
  for (std::size_t i = 0; i < run.n_clients; ++i) base_values[i] = run.base[i].base_value;
  run.pricer.emplace(run.input, run.net, run.sched, std::move(base_values));
  run.eval.emplace(run.qp, *run.pricer, run.input);
  if (run.n_clients > kQuarterSeedClients) run.eval->set_hops(neighbour_hops(run));
}

void search_routes(SearchRun& run) {
  run.routes.assign(run.n_travellers, {});
  run.cut = run.uncompared > 0;
  if (run.options.exact) {
    run.exact.emplace(run.qp, *run.pricer, run.input, run.options.deadline);
    std::optional<ExactPlan> r = run.exact->best();
    run.feasible = r.has_value();
    if (r) {
      run.routes = std::move(r->routes);
      run.exact_splits = std::move(r->splits);
      run.exact_objective = r->objective;
    }
  } else {
    core_search(run);
  }
  run.mark_visited();
  // A must-visit client left out: name the rule that blocks it.
  if (!run.feasible) {
    std::vector<std::vector<std::size_t>> allowed(run.n_clients);
    for (std::size_t i = 0; i < run.n_clients; ++i) allowed[i] = run.base[i].allowed;
    throw_must_visit_infeasible(run.input, run.sched, *run.pricer, allowed, run.visited);
  }
}

} // namespace flyorcall::optimize
