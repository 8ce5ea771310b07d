// The exact quarter solver against brute force: every chain of dated round trips of every
// traveller, combined across travellers within the budgets.
#include <gtest/gtest.h>

#include <cmath>
#include <cstdint>
#include <functional>
#include <limits>
#include <optional>
#include <string>
#include <vector>

#include "flyorcall/flyorcall.hpp"
#include "network/network.hpp"
#include "optimize/quarter.hpp"
#include "optimize/quarter_exact.hpp"
#include "optimize/schedule.hpp"

namespace flyorcall::optimize {
namespace {

// Two weeks, four clients in European cities, `travellers` travellers from Frankfurt and Paris.
std::string tiny_input(int travellers) {
  std::string j = R"({"start": "2027-03-01", "end": "2027-03-14", "currency": "EUR",
    "network": {"use_default": true}, "travellers": [
    {"id": "a", "home": "FRA", "working_hours": "09:00-17:30", "cost_per_day": 400,
     "max_days_away": 7, "max_trip_days": 4, "weekend": "stay"})";
  if (travellers > 1)
    j += R"(, {"id": "b", "home": "PAR", "working_hours": "09:00-17:30", "cost_per_day": 500,
     "max_days_away": 5, "max_trip_days": 3, "weekend": "home"})";
  j += R"(], "clients": [
    {"id": "c0", "city": "MUC", "account_revenue": 100000},
    {"id": "c1", "city": "LON", "account_revenue": 100000, "visit_days": 2},
    {"id": "c2", "city": "MIL", "account_revenue": 100000},
    {"id": "c3", "city": "AMS", "account_revenue": 100000,
     "availability": [{"from": "2027-03-08", "to": "2027-03-12"}]}],
    "events": [{"kind": "fair", "city": "MIL", "from": "2027-03-09", "to": "2027-03-11",
                "title": "Fair", "value_uplift": 0.5}],
    "policy": {"carbon_price_per_t": 100}})";
  return j;
}

// A quarter problem on `input` with the given prizes (cents), mandatory clients and budgets.
QuarterProblem problem_of(const Input& input, const std::vector<double>& prizes,
                          const std::vector<bool>& mandatory, const core::Budgets& budgets,
                          const std::vector<std::vector<int>>& allowed) {
  QuarterProblem qp;
  qp.travellers = input.travellers.size();
  core::RoutingProblem& p = qp.problem;
  p.nodes.resize(qp.travellers + input.clients.size());
  for (std::size_t t = 0; t < qp.travellers; ++t) {
    core::Vehicle v;
    v.start = static_cast<int>(t);
    v.end = static_cast<int>(t);
    p.vehicles.push_back(v);
  }
  for (std::size_t i = 0; i < input.clients.size(); ++i) {
    core::Node& n = p.nodes[static_cast<std::size_t>(qp.client_node(i))];
    n.prize = prizes[i];
    n.mandatory = mandatory[i];
    n.vehicles = allowed[i];
  }
  p.budgets = budgets;
  p.cost_weight = 1.0;
  return qp;
}

struct Outcome {
  double objective = 0;
  int days = 0;
};

// Brute force: each traveller's every chain of trips (each trip an ordered set of clients on a
// feasible departure after the previous trip's return, within max_days_away), every
// combination across travellers with disjoint clients, within the budgets; the best objective,
// then the fewest days. `required` and `forbidden` are client masks.
std::optional<Outcome> brute_force(const QuarterProblem& qp, const TripPricer& pricer,
                                   const Input& input, std::uint32_t required,
                                   std::uint32_t forbidden) {
  const core::RoutingProblem& p = qp.problem;
  const std::size_t n = input.clients.size();
  struct Route {
    std::uint32_t mask = 0;
    std::int64_t cost = 0, bonus = 0, co2 = 0, cash = 0;
    int days = 0;
  };
  std::vector<std::vector<Route>> routes(qp.travellers);
  for (std::size_t t = 0; t < qp.travellers; ++t) {
    const int max_days = input.travellers[t].max_days_away;
    std::function<void(const Route&, Date)> chain = [&](const Route& r, Date free_from) {
      routes[t].push_back(r);
      std::vector<int> seq;
      std::function<void(std::uint32_t)> trips = [&](std::uint32_t used) {
        if (seq.size() == static_cast<std::size_t>(kMaxStopsPerTrip)) return;
        for (std::size_t k = 0; k < n; ++k) {
          if (used & (1u << k)) continue;
          if (!p.allowed(static_cast<int>(t), qp.client_node(k))) continue;
          seq.push_back(static_cast<int>(k));
          const std::vector<TripOption> opts = pricer.options(t, seq); // a copy: chain prices more
          for (const TripOption& o : opts) {
            if (o.depart <= free_from || r.days + o.days > max_days) continue;
            Route next = r;
            next.mask = used | (1u << k);
            next.cost += o.cost;
            next.bonus += o.bonus;
            next.co2 += o.co2;
            next.cash += o.cash;
            next.days += o.days;
            chain(next, o.back);
          }
          trips(used | (1u << k));
          seq.pop_back();
        }
      };
      trips(r.mask);
    };
    chain(Route{}, input.horizon.first - date::days{1});
  }
  std::optional<Outcome> best;
  std::function<void(std::size_t, const Route&)> combine = [&](std::size_t t, const Route& sum) {
    if (t == qp.travellers) {
      if ((sum.mask & required) != required || (sum.mask & forbidden) != 0) return;
      if (static_cast<double>(sum.cost) > p.budgets.max_total_cost ||
          static_cast<double>(sum.co2) > p.budgets.max_total_load ||
          static_cast<double>(sum.cash) > p.budgets.max_total_cash ||
          sum.days > p.budgets.max_total_duration)
        return;
      double obj = static_cast<double>(sum.bonus - sum.cost);
      for (std::size_t k = 0; k < n; ++k)
        if (sum.mask & (1u << k)) obj += p.nodes[static_cast<std::size_t>(qp.client_node(k))].prize;
      if (!best || obj > best->objective + 1e-6 ||
          (obj > best->objective - 1e-6 && sum.days < best->days))
        best = Outcome{obj, sum.days};
      return;
    }
    for (const Route& r : routes[t]) {
      if (r.mask & sum.mask) continue;
      Route next = sum;
      next.mask |= r.mask;
      next.cost += r.cost;
      next.bonus += r.bonus;
      next.co2 += r.co2;
      next.cash += r.cash;
      next.days += r.days;
      combine(t + 1, next);
    }
  };
  combine(0, Route{});
  return best;
}

// The exact plan keeps what it claims: every trip is one of the pricer's departures, trips do not
// overlap, and the objective is the sum of prizes and bonuses less the trip costs.
void expect_consistent(const QuarterProblem& qp, const TripPricer& pricer, const Input& input,
                       const ExactPlan& plan) {
  double objective = 0;
  int days = 0;
  for (std::size_t t = 0; t < qp.travellers; ++t) {
    const RouteSplit& s = plan.splits[t];
    std::int64_t cost = 0;
    std::int64_t bonus = 0;
    std::int64_t cash = 0;
    int route_days = 0;
    Date free_from = input.horizon.first - date::days{1};
    std::size_t covered = 0;
    for (const RouteSplit::Part& part : s.parts) {
      EXPECT_EQ(part.first, covered);
      covered = part.last;
      std::vector<int> stops;
      for (std::size_t q = part.first; q < part.last; ++q)
        stops.push_back(plan.routes[t][q] - static_cast<int>(qp.travellers));
      bool found = false;
      for (const TripOption& o : pricer.options(t, stops)) {
        if (o.depart != part.depart) continue;
        found = true;
        EXPECT_GT(o.depart, free_from);
        free_from = o.back;
        cost += o.cost;
        bonus += o.bonus;
        cash += o.cash;
        route_days += o.days;
      }
      EXPECT_TRUE(found) << "traveller " << t << " trip at " << part.first;
    }
    EXPECT_EQ(covered, plan.routes[t].size());
    EXPECT_EQ(s.cost, cost);
    EXPECT_EQ(s.bonus, bonus);
    EXPECT_EQ(s.cash, cash);
    EXPECT_EQ(s.days, route_days);
    EXPECT_LE(route_days, input.travellers[t].max_days_away);
    objective += static_cast<double>(bonus - cost);
    days += route_days;
    for (const int node : plan.routes[t])
      objective += qp.problem.nodes[static_cast<std::size_t>(node)].prize;
  }
  EXPECT_NEAR(plan.objective, objective, 1e-6);
  EXPECT_EQ(plan.days, days);
}

TEST(QuarterExact, MatchesBruteForceOverEveryChainOfTrips) {
  const double inf = core::kNoLimit;
  struct Case {
    int travellers;
    core::Budgets budgets;
    std::vector<bool> mandatory;
  };
  const std::vector<Case> cases = {
      {1, {inf, inf, inf}, {false, false, false, false}},
      {2, {inf, inf, inf}, {false, false, false, false}},
      {2, {150000, inf, inf}, {false, false, false, false}}, // money, cents
      {2, {inf, 5, inf}, {false, true, false, false}},       // days, a must-visit client
      {2, {inf, inf, 400000}, {false, false, false, false}}, // CO2, grams
      {1, {inf, inf, 250000}, {false, false, true, false}},
      {2, {inf, inf, inf, 120000}, {false, false, false, false}}, // cash, cents
      {1, {inf, inf, inf, 90000}, {true, false, false, false}},
  };
  int differing_budget_plans = 0;
  std::vector<bool> binds(cases.size(), false);
  for (std::size_t c = 0; c < cases.size(); ++c) {
    SCOPED_TRACE("case " + std::to_string(c));
    const Input input = read_input(tiny_input(cases[c].travellers));
    const network::Network net = network::Network::build(input);
    const Scheduler sched(input, net);
    const TripPricer pricer(input, net, sched, std::vector<Money>(4, money_from_units(2000)));
    // c3 only for traveller a; prizes that leave a visit worth it only on some trips.
    const std::vector<std::vector<int>> allowed = {{}, {}, {}, {0}};
    const QuarterProblem qp = problem_of(input, {180000, 260000, 90000, 140000}, cases[c].mandatory,
                                         cases[c].budgets, allowed);
    const QuarterExact exact(qp, pricer, input);
    EXPECT_GT(exact.trips_priced(), 4u);
    // As given, and with each client's decision forced either way.
    for (int flip = -1; flip < 4; ++flip) {
      for (const bool visit : {false, true}) {
        if (flip < 0 && visit) continue;
        std::uint32_t required = 0;
        for (std::size_t k = 0; k < 4; ++k)
          if (cases[c].mandatory[k]) required |= 1u << k;
        std::uint32_t forbidden = 0;
        std::optional<ExactPlan> got;
        if (flip >= 0) {
          const std::uint32_t bit = 1u << flip;
          if (visit)
            required |= bit;
          else {
            required &= ~bit;
            forbidden |= bit;
          }
          got = exact.best(static_cast<std::size_t>(flip), visit);
        } else {
          got = exact.best();
        }
        const std::optional<Outcome> want = brute_force(qp, pricer, input, required, forbidden);
        SCOPED_TRACE("flip " + std::to_string(flip) + (visit ? " visit" : " out"));
        ASSERT_EQ(got.has_value(), want.has_value());
        if (!want) continue;
        EXPECT_NEAR(got->objective, want->objective, 1e-6);
        EXPECT_EQ(got->days, want->days);
        expect_consistent(qp, pricer, input, *got);
        if (flip < 0 && c >= 2) {
          // With the budget lifted the plan nets more: the budget binds in these cases.
          core::Budgets none;
          const QuarterProblem free =
              problem_of(input, {180000, 260000, 90000, 140000}, cases[c].mandatory, none, allowed);
          const std::optional<ExactPlan> unbounded = QuarterExact(free, pricer, input).best();
          ASSERT_TRUE(unbounded.has_value());
          if (unbounded->objective > got->objective + 0.5) {
            ++differing_budget_plans;
            binds[c] = true;
          }
        }
      }
    }
  }
  EXPECT_GE(differing_budget_plans, 3);
  // Both cash budgets bind.
  EXPECT_TRUE(binds[cases.size() - 2]);
  EXPECT_TRUE(binds[cases.size() - 1]);
}

TEST(QuarterExact, RefusesMoreThanItsLimit) {
  std::string j = R"({"start": "2027-03-01", "end": "2027-03-14", "currency": "EUR",
    "network": {"use_default": true}, "travellers": [{"id": "a", "home": "FRA", "cost_per_day": 400,
    "max_trip_days": 2}], "clients": [)";
  for (std::size_t i = 0; i <= kQuarterExactMaxClients; ++i)
    j += std::string(i ? "," : "") + R"({"id": "c)" + std::to_string(i) +
         R"(", "city": "MUC", "account_revenue": 100000})";
  j += "]}";
  const Input input = read_input(j);
  const network::Network net = network::Network::build(input);
  QuarterOptions o;
  o.exact = true;
  EXPECT_THROW((void)plan_search(input, net, o), std::invalid_argument);
  Input fits = input;
  fits.clients.pop_back();
  const network::Network fits_net = network::Network::build(fits);
  EXPECT_EQ(plan_search(fits, fits_net, o).method, "exact-dynamic-programming");
}

} // namespace
} // namespace flyorcall::optimize
