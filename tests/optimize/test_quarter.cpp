// The quarter planner: multi-client round trips on the optimizer core, its route splitting, and
// the heuristic against exhaustive enumeration on random small inputs.
#include <gtest/gtest.h>

#include <algorithm>
#include <cstdio>
#include <cstdlib>
#include <functional>
#include <limits>
#include <map>
#include <optional>
#include <span>
#include <string>
#include <vector>

#include "check/plan_check.hpp"
#include "cli_run.hpp"
#include "flyorcall/errors.hpp"
#include "flyorcall/flyorcall.hpp"
#include "flyorcall/limits.hpp"
#include "model/embedded_data.hpp"
#include "network/network.hpp"
#include "optimize/core/deadline.hpp"
#include "optimize/decisions.hpp"
#include "optimize/greedy.hpp"
#include "optimize/quarter.hpp"
#include "optimize/schedule.hpp"
#include "support/sanitized.hpp"
#include "support/synthetic_input.hpp"

namespace flyorcall::optimize {
namespace {

Plan plan_with(const Input& input, bool exact, std::uint64_t seed = 1) {
  const network::Network net = network::Network::build(input);
  QuarterOptions o;
  o.seed = seed;
  o.exact = exact;
  return plan_search(input, net, o);
}

TEST(QuarterPlanner, DefaultExampleGroupsClientsIntoTripsAndKeepsTheRules) {
  const Input input = read_input(data::default_json);
  const network::Network net = network::Network::build(input);
  const Plan plan = plan_search(input, net, QuarterOptions{});
  const Plan dedicated = plan_greedy(input, net);
  // Sharing trips must not do worse than one round trip per client.
  EXPECT_GT(plan.totals.net, dedicated.totals.net);
  bool shared = false;
  for (const Trip& t : plan.trips) shared = shared || t.visits.size() > 1;
  EXPECT_TRUE(shared);

  const Scheduler sched(input, net);
  std::map<std::string, std::size_t> client_index;
  for (std::size_t i = 0; i < input.clients.size(); ++i) client_index[input.clients[i].id] = i;
  std::map<std::string, std::vector<DateRange>> busy;
  int days = 0;
  for (const Trip& t : plan.trips) {
    EXPECT_LE(t.days_away, input.travellers[0].max_trip_days) << t.id;
    EXPECT_GE(t.depart, input.horizon.first) << t.id;
    EXPECT_LE(t.back, input.horizon.last) << t.id;
    EXPECT_FALSE(overlaps(busy[t.traveller_id], t.depart, t.back)) << t.id;
    busy[t.traveller_id].push_back({t.depart, t.back});
    days += t.days_away;
    for (const Visit& v : t.visits) {
      const auto& cal = sched.client_calendar(client_index.at(v.client_id));
      EXPECT_TRUE(cal.is_business_day(v.date)) << v.client_id << " " << t.id;
    }
  }
  EXPECT_EQ(days, plan.totals.days_away);
  ASSERT_TRUE(input.policy.budget_money.has_value());
  EXPECT_LE(plan.totals.trip_cost.total(), *input.policy.budget_money);
  EXPECT_LE(plan.totals.days_away, *input.policy.budget_days);
  EXPECT_LE(plan.totals.days_away, input.travellers[0].max_days_away);
  // Every client is decided once, and the visited ones are on the trip they name.
  ASSERT_EQ(plan.decisions.size(), input.clients.size());
  for (const ClientDecision& d : plan.decisions) {
    if (!d.visit) continue;
    ASSERT_TRUE(d.trip_id.has_value());
    bool found = false;
    for (const Trip& t : plan.trips)
      if (t.id == *d.trip_id)
        for (const Visit& v : t.visits) found = found || v.client_id == d.client_id;
    EXPECT_TRUE(found) << d.client_id;
  }
}

TEST(QuarterPlanner, SameSeedSamePlan) {
  const Input input = read_input(data::default_json);
  EXPECT_EQ(plan_to_json(plan_with(input, false, 7)), plan_to_json(plan_with(input, false, 7)));
}

// A small input on the default network: clients in European cities, one or two travellers.
std::string random_input(core::Rng& rng, int case_no, int min_clients = 3, int max_clients = 6) {
  static const std::vector<std::string> cities = {"MUC", "HAM", "LON", "PAR", "MAD", "MIL",
                                                  "AMS", "ZRH", "PRG", "OSL", "DUB", "LYS",
                                                  "EDI", "MAN", "IST", "VIE", "CPH"};
  static const std::vector<std::string> homes = {"FRA", "LON", "PAR"};
  const int n_travellers = 1 + rng.below(2);
  const int n_clients = min_clients + rng.below(max_clients - min_clients + 1);
  std::string j = R"({"start": "2027-03-01", "end": "2027-03-28", "currency": "EUR", "seed": )" +
                  std::to_string(case_no) +
                  R"(, "network": {"use_default": true}, "travellers": [)";
  for (int t = 0; t < n_travellers; ++t) {
    j += std::string(t ? "," : "") + R"({"id": "t)" + std::to_string(t) + R"(", "home": ")" +
         homes[static_cast<std::size_t>(rng.below(3))] +
         R"(", "working_hours": "09:00-17:30", "cost_per_day": )" +
         std::to_string(300 + 100 * rng.below(6)) + R"(, "max_days_away": )" +
         std::to_string(4 + rng.below(8)) + R"(, "max_trip_days": )" +
         std::to_string(2 + rng.below(4)) + R"(, "weekend": ")" + (rng.below(2) ? "home" : "stay") +
         R"("})";
  }
  j += R"(], "clients": [)";
  for (int c = 0; c < n_clients; ++c) {
    j += std::string(c ? "," : "") + R"({"id": "c)" + std::to_string(c) + R"(", "city": ")" +
         cities[static_cast<std::size_t>(rng.below(static_cast<int>(cities.size())))] +
         R"(", "account_revenue": )" + std::to_string(20000 + 20000 * rng.below(20)) +
         R"(, "months_since_visit": )" + std::to_string(rng.below(12)) + R"(, "visit_days": )" +
         std::to_string(1 + (rng.below(4) == 0 ? 1 : 0));
    if (rng.below(8) == 0) j += R"(, "must_visit": true)";
    if (n_travellers > 1 && rng.below(4) == 0) j += R"(, "travellers": ["t1"])";
    if (rng.below(5) == 0) j += R"(, "availability": [{"from": "2027-03-08", "to": "2027-03-19"}])";
    j += "}";
  }
  j += R"(], "events": [)";
  if (rng.below(3) == 0)
    j += R"({"kind": "fair", "city": ")" +
         cities[static_cast<std::size_t>(rng.below(static_cast<int>(cities.size())))] +
         R"(", "from": "2027-03-15", "to": "2027-03-18", "title": "Fair", "value_uplift": 0.5})";
  j += R"(], "policy": {"carbon_price_per_t": 100)";
  if (rng.below(3) == 0)
    j += R"(, "budget": {"money": )" + std::to_string(1500 + 500 * rng.below(8)) + "}";
  else if (rng.below(3) == 0)
    j += R"(, "budget": {"co2_kg": )" + std::to_string(200 + 100 * rng.below(6)) + "}";
  j += "}}";
  return j;
}

// The heuristic reaches the exhaustive optimum on random small inputs (the issue's target is
// at least 98% of cases); FLYORCALL_RANDOM_PLANS sets how many (default 40, 12 under a sanitizer).
TEST(QuarterPlanner, HeuristicMatchesExhaustiveSearchOnRandomSmallInputs) {
  int count = flyorcall::testing::by_build(40, 12);
  if (const char* s = std::getenv("FLYORCALL_RANDOM_PLANS")) count = std::atoi(s);
  core::Rng rng(2027);
  int compared = 0;
  int matched = 0;
  int infeasible = 0;
  for (int k = 0; k < count; ++k) {
    const std::string text = random_input(rng, k);
    SCOPED_TRACE(text);
    const Input input = read_input(text);
    std::optional<Plan> exact;
    try {
      exact = plan_with(input, true);
    } catch (const InfeasibleError&) {
      ++infeasible;
      // Enumeration proves no plan exists, so the heuristic must not find one either.
      EXPECT_THROW((void)plan_with(input, false), InfeasibleError);
      continue;
    }
    const Plan heuristic = plan_with(input, false);
    ++compared;
    // Both plans pass the independent check.
    EXPECT_TRUE(check::check_plan(input, *exact).empty()) << "exact plan of case " << k;
    EXPECT_TRUE(check::check_plan(input, heuristic).empty()) << "heuristic plan of case " << k;
    // Nothing beats the exhaustive search.
    EXPECT_LE(heuristic.totals.net, exact->totals.net);
    if (heuristic.totals.net == exact->totals.net)
      ++matched;
    else
      std::printf("case %d: the heuristic nets %.2f, the optimum %.2f\n%s\n", k,
                  to_units(heuristic.totals.net), to_units(exact->totals.net), text.c_str());
  }
  std::printf("random small plans: %d compared, %d matched the optimum, %d infeasible\n", compared,
              matched, infeasible);
  ASSERT_GT(compared, count / 2);
  EXPECT_GE(matched * 100, compared * 98);
}

// The same at the exact solver's limit of 12 clients.
TEST(QuarterPlanner, HeuristicMatchesExactOnRandomInputsOfTwelveClients) {
  core::Rng rng(12);
  int matched = 0;
  int compared = 0;
  const int count = 4;
  // Inputs whose must-visit clients cannot all be visited are skipped (both methods say so).
  for (int k = 0; compared < count && k < 3 * count; ++k) {
    const std::string text = random_input(rng, k, 12, 12);
    SCOPED_TRACE(text);
    const Input input = read_input(text);
    ASSERT_EQ(input.clients.size(), kQuarterExactMaxClients);
    std::optional<Plan> exact;
    try {
      exact = plan_with(input, true);
    } catch (const InfeasibleError&) {
      EXPECT_THROW((void)plan_with(input, false), InfeasibleError);
      continue;
    }
    ++compared;
    const Plan heuristic = plan_with(input, false);
    EXPECT_EQ(exact->method, "exact-dynamic-programming");
    EXPECT_TRUE(check::check_plan(input, *exact).empty()) << "exact plan of case " << k;
    EXPECT_TRUE(check::check_plan(input, heuristic).empty()) << "heuristic plan of case " << k;
    EXPECT_LE(heuristic.totals.net, exact->totals.net);
    if (heuristic.totals.net == exact->totals.net) ++matched;
  }
  std::printf("random plans of 12 clients: %d of %d matched the optimum\n", matched, compared);
  ASSERT_EQ(compared, count);
  EXPECT_GE(matched, count - 1);
}

TEST(QuarterPlanner, UnreachableMustVisitNamesTheRule) {
  Input input = read_input(data::default_json);
  input.clients[0].must_visit = true;
  input.clients[0].availability = {{input.horizon.first, input.horizon.first}}; // a holiday
  const network::Network net = network::Network::build(input);
  try {
    (void)plan_search(input, net, QuarterOptions{});
    FAIL() << "expected InfeasibleError";
  } catch (const InfeasibleError& e) {
    EXPECT_EQ(e.pointer(), "/clients/0");
    EXPECT_NE(std::string(e.what()).find("business days and availability"), std::string::npos)
        << e.what();
  }
}

// With a price on CO2, days, cost or cash, the split trades money for less of it: never more CO2,
// days, cost or cash than the cheapest split and never cheaper; with CO2 priced, strictly less CO2
// for some sequences (on these, the cheapest split is already the shortest).
TEST(QuarterPlanner, SplitPricesTradeMoneyForTheBudgetedResource) {
  const Input input = read_input(data::default_json);
  const network::Network net = network::Network::build(input);
  const Scheduler sched(input, net);
  const TripPricer pricer(input, net, sched,
                          std::vector<Money>(input.clients.size(), money_from_units(10000)));
  SplitPrices co2;
  co2.co2 = 5.0; // cents per gram: 50,000 EUR per tonne
  SplitPrices days;
  days.days = 500000; // cents per day
  SplitPrices cost;
  cost.cost = 1.0;
  SplitPrices cash;
  cash.cash = 1.0;
  int less_co2 = 0;
  for (int a = 0; a < 8; ++a)
    for (int b = 0; b < 8; ++b)
      for (int c = 0; c < 8; ++c) {
        if (a == b || b == c || a == c) continue;
        const std::vector<int> stops = {a, b, c};
        const RouteSplit plain = split_route(pricer, input, 0, stops);
        if (!plain.feasible) continue;
        const RouteSplit by_co2 = split_route(pricer, input, 0, stops, co2);
        const RouteSplit by_days = split_route(pricer, input, 0, stops, days);
        const RouteSplit by_cost = split_route(pricer, input, 0, stops, cost);
        const RouteSplit by_cash = split_route(pricer, input, 0, stops, cash);
        for (const RouteSplit* s : {&by_co2, &by_days, &by_cost, &by_cash}) {
          ASSERT_TRUE(s->feasible);
          EXPECT_GE(s->cost - s->bonus, plain.cost - plain.bonus);
        }
        EXPECT_LE(by_co2.co2, plain.co2);
        EXPECT_LE(by_days.days, plain.days);
        EXPECT_LE(by_cost.cost, plain.cost);
        EXPECT_LE(by_cash.cash, plain.cash);
        less_co2 += by_co2.co2 < plain.co2 ? 1 : 0;
      }
  EXPECT_GT(less_co2, 0);
}

// split_route against brute force: every split of a 3-client sequence into consecutive trips,
// every departure of each, trips in order without overlap.
TEST(QuarterPlanner, SplitRouteIsTheCheapestSplitAndDating) {
  const Input input = read_input(data::default_json);
  const network::Network net = network::Network::build(input);
  const Scheduler sched(input, net);
  std::vector<Money> values;
  for (std::size_t i = 0; i < input.clients.size(); ++i) values.push_back(money_from_units(10000));
  const TripPricer pricer(input, net, sched, values);
  std::map<std::string, int> index;
  for (std::size_t i = 0; i < input.clients.size(); ++i)
    index[input.clients[i].id] = static_cast<int>(i);
  for (const std::vector<std::string>& ids :
       std::vector<std::vector<std::string>>{{"bergmann", "vltava", "thames"},
                                             {"lefevre", "rhone", "iberia"},
                                             {"hansa", "nordlys", "vandijk"}}) {
    std::vector<int> stops;
    for (const auto& id : ids) stops.push_back(index.at(id));
    const RouteSplit s = split_route(pricer, input, 0, stops);
    // Brute force over the 4 splits of 3 stops.
    std::int64_t best = std::numeric_limits<std::int64_t>::max();
    const std::vector<std::vector<std::size_t>> splits = {{3}, {1, 2}, {2, 1}, {1, 1, 1}};
    for (const auto& sizes : splits) {
      std::function<void(std::size_t, std::size_t, Date, std::int64_t, int)> go =
          [&](std::size_t part, std::size_t at, Date free_from, std::int64_t score, int days) {
            if (part == sizes.size()) {
              if (days <= input.travellers[0].max_days_away) best = std::min(best, score);
              return;
            }
            const std::span<const int> seg(stops.data() + at, sizes[part]);
            for (const TripOption& o : pricer.options(0, seg))
              if (o.depart > free_from)
                go(part + 1, at + sizes[part], o.back, score + o.cost - o.bonus, days + o.days);
          };
      go(0, 0, input.horizon.first - date::days{1}, 0, 0);
    }
    ASSERT_TRUE(s.feasible) << ids[0];
    EXPECT_EQ(s.cost - s.bonus, best) << ids[0];
    // The parts cover the sequence in order.
    std::size_t at = 0;
    for (const auto& part : s.parts) {
      EXPECT_EQ(part.first, at);
      at = part.last;
    }
    EXPECT_EQ(at, stops.size());
  }
}

// The violations check finds, one per line, for failure messages.
std::string describe(const std::vector<check::Violation>& v) {
  std::string out;
  for (const check::Violation& x : v) out += x.pointer + " " + x.rule + ": " + x.message + "\n";
  return out;
}

bool has_time_limit_note(const Plan& plan) {
  for (const std::string& n : plan.notes)
    if (n.find("time limit") != std::string::npos) return true;
  return false;
}

// Past its deadline the greedy planner still prices must-visit clients and keeps the rest
// remote, saying so; the plan stays valid.
TEST(QuarterPlanner, GreedyPastItsDeadlinePricesOnlyMustVisitClients) {
  Input input = read_input(data::default_json);
  input.clients[3].must_visit = true;
  const network::Network net = network::Network::build(input);
  const Plan plan = plan_greedy(input, net, core::Deadline::expired_now());
  EXPECT_TRUE(has_time_limit_note(plan));
  ASSERT_EQ(plan.decisions.size(), input.clients.size());
  int must = 0;
  for (std::size_t i = 0; i < input.clients.size(); ++i) {
    const ClientDecision& d = plan.decisions[i];
    const bool must_visit = input.clients[i].must_visit;
    must += must_visit ? 1 : 0;
    EXPECT_EQ(d.visit, must_visit) << d.client_id;
    if (!must_visit) {
      EXPECT_NE(d.reason.find("time limit"), std::string::npos) << d.reason;
    }
  }
  EXPECT_GE(must, 2);
  EXPECT_EQ(plan.totals.visits, must);
  const auto violations = check::check_plan(input, plan);
  EXPECT_TRUE(violations.empty()) << describe(violations);
  // Without a deadline the same input visits many more clients.
  EXPECT_GT(plan_greedy(input, net).totals.visits, 5);
}

// The search past its deadline returns the best plan it has, must-visit clients included.
TEST(QuarterPlanner, SearchPastItsDeadlineReturnsAValidPlan) {
  Input input = read_input(data::default_json);
  input.clients[3].must_visit = true;
  const network::Network net = network::Network::build(input);
  QuarterOptions o;
  o.deadline = core::Deadline::expired_now();
  const Plan plan = plan_search(input, net, o);
  EXPECT_TRUE(has_time_limit_note(plan));
  EXPECT_TRUE(plan.decisions[3].visit);
  const auto violations = check::check_plan(input, plan);
  EXPECT_TRUE(violations.empty()) << describe(violations);
}

// Above kQuarterSmallClients the search starts from the greedy plan, so it never nets less.
TEST(QuarterPlanner, SearchOnALargerInputNetsAtLeastTheGreedyPlan) {
  const Input input = read_input(synthetic::synthetic_input_json(
      {.clients = kQuarterSmallClients + 2, .travellers = 1, .seed = 3}));
  const network::Network net = network::Network::build(input);
  const Plan greedy = plan_greedy(input, net);
  const Plan search = plan_search(input, net, QuarterOptions{});
  EXPECT_GE(search.totals.net, greedy.totals.net);
  const auto violations = check::check_plan(input, search);
  EXPECT_TRUE(violations.empty()) << describe(violations);
}

// The largest input the reader accepts on the default network (kMaxClients clients,
// kMaxTravellers travellers from different cities with different working hours, the longest
// horizon): both
// planners stop at an expired deadline with a plan instead of pricing every client and comparing
// every traveller's calls.
TEST(QuarterPlanner, LargestAcceptedInputStopsAtTheDeadline) {
  const Input input =
      read_input(synthetic::synthetic_input_json({.clients = limits::kMaxClients,
                                                  .travellers = limits::kMaxTravellers,
                                                  .time_limit_s = 0.1,
                                                  .longest_horizon = true,
                                                  .varied_travellers = true}));
  ASSERT_EQ((input.horizon.last - input.horizon.first).count() + 1, limits::kMaxHorizonDays);
  const network::Network net = network::Network::build(input);
  const Plan greedy = plan_greedy(input, net, core::Deadline::expired_now());
  EXPECT_TRUE(has_time_limit_note(greedy));
  EXPECT_EQ(greedy.totals.visits, 0);
  EXPECT_EQ(greedy.decisions.size(), limits::kMaxClients);
  QuarterOptions o;
  o.deadline = core::Deadline::expired_now();
  const Plan search = plan_search(input, net, o);
  EXPECT_TRUE(has_time_limit_note(search));
  EXPECT_EQ(search.decisions.size(), limits::kMaxClients);
  const auto compared_note = [](const Plan& p) {
    for (const std::string& n : p.notes)
      if (n.find("before comparing which traveller's calls") != std::string::npos) return true;
    return false;
  };
  EXPECT_TRUE(compared_note(greedy));
  EXPECT_TRUE(compared_note(search));
  // No client was re-planned before the deadline, so no note says clients were.
  for (const std::string& n : search.notes)
    EXPECT_NE(n, local_break_even_note(kQuarterResolveClients));
}

// A pricer that drops its memo often prices every route exactly as one that keeps it.
TEST(QuarterPlanner, UnnamedSchedulingPricesTripsAsTheNamedOne) {
  // The pricer's path (no names, one Trip reused for every call) against the plan's path: the
  // same failure, dates, days, cost breakdown and CO2 for every departure date of one-, two- and
  // three-client trips, longer and shorter trips mixed so that leftovers would show.
  const Input input = read_input(data::default_json);
  const network::Network net = network::Network::build(input);
  const Scheduler sched(input, net);
  const std::vector<std::vector<std::size_t>> trips = {{0},       {0, 1, 2}, {5},      {14, 15},
                                                       {3, 4, 6}, {19},      {20, 21}, {22, 0, 13}};
  Trip reused;
  cost::TripPlaces places;
  int priced = 0;
  for (const auto& stops : trips)
    for (Date d = input.horizon.first; d <= input.horizon.last; d += date::days{1}) {
      const ScheduleResult named = sched.schedule(0, stops, d, false);
      const ScheduleFailure f = sched.schedule_unnamed(0, stops, d, reused, places);
      const auto day = (d - input.horizon.first).count(); // day of the horizon, for messages
      ASSERT_EQ(f, named.failure) << day;
      if (!named.trip) continue;
      const Trip& t = *named.trip;
      EXPECT_EQ(reused.depart, t.depart);
      EXPECT_EQ(reused.back, t.back);
      EXPECT_EQ(reused.days_away, t.days_away);
      EXPECT_EQ(reused.cost.total(), t.cost.total()) << day;
      EXPECT_EQ(reused.cost.jetlag, t.cost.jetlag) << day;
      EXPECT_EQ(reused.cost.per_diem, t.cost.per_diem) << day;
      EXPECT_EQ(reused.cost.cash(), t.cost.cash()) << day;
      EXPECT_EQ(reused.co2(), t.co2()) << day;
      ASSERT_EQ(reused.visits.size(), t.visits.size());
      for (std::size_t k = 0; k < t.visits.size(); ++k)
        EXPECT_EQ(reused.visits[k].date, t.visits[k].date);
      ++priced;
    }
  EXPECT_GT(priced, 100);
}

// A trip continued from its trip without the last stop (where that one stood before its journey
// home) is the trip scheduled from the start: the same failure, dates, legs, stays, visits, cost
// breakdown and CO2 on every departure date, with the buffers of one Trip reused throughout.
TEST(QuarterPlanner, ExtendingATripByOneStopSchedulesItAsAWhole) {
  const Input input = read_input(data::default_json);
  const network::Network net = network::Network::build(input);
  const Scheduler sched(input, net);
  const std::vector<std::vector<std::size_t>> trips = {
      {0, 1}, {0, 1, 2}, {14, 15}, {3, 4, 6}, {20, 21}, {22, 0, 13}, {5, 5}, {2, 7, 9, 11}};
  Trip prefix, extended, whole;
  cost::TripPlaces prefix_places, extended_places, whole_places;
  int compared = 0;
  for (const auto& stops : trips)
    for (std::size_t t = 0; t < input.travellers.size(); ++t)
      for (Date d = input.horizon.first; d <= input.horizon.last; d += date::days{1}) {
        const std::vector<std::size_t> shorter(stops.begin(), stops.end() - 1);
        TripProgress at;
        if (sched.schedule_unnamed(t, shorter, d, prefix, prefix_places, &at) !=
            ScheduleFailure::none)
          continue;
        TripProgress extended_at, whole_at;
        const ScheduleFailure f = sched.extend_unnamed(t, stops.back(), prefix, prefix_places, at,
                                                       extended, extended_places, &extended_at);
        const auto day = (d - input.horizon.first).count(); // day of the horizon, for messages
        ASSERT_EQ(f, sched.schedule_unnamed(t, stops, d, whole, whole_places, &whole_at)) << day;
        if (f != ScheduleFailure::none) continue;
        EXPECT_EQ(extended.depart, whole.depart);
        EXPECT_EQ(extended.back, whole.back) << day;
        EXPECT_EQ(extended.days_away, whole.days_away) << day;
        ASSERT_EQ(extended.legs.size(), whole.legs.size()) << day;
        for (std::size_t k = 0; k < whole.legs.size(); ++k) {
          EXPECT_EQ(extended.legs[k].depart, whole.legs[k].depart) << day << " leg " << k;
          EXPECT_EQ(extended.legs[k].arrive, whole.legs[k].arrive) << day << " leg " << k;
          EXPECT_EQ(extended.legs[k].fare, whole.legs[k].fare) << day << " leg " << k;
        }
        EXPECT_EQ(extended_places.leg_to, whole_places.leg_to) << day;
        EXPECT_EQ(extended_places.stay_city, whole_places.stay_city) << day;
        ASSERT_EQ(extended.stays.size(), whole.stays.size()) << day;
        for (std::size_t k = 0; k < whole.stays.size(); ++k) {
          EXPECT_EQ(extended.stays[k].arrive, whole.stays[k].arrive) << day;
          EXPECT_EQ(extended.stays[k].depart, whole.stays[k].depart) << day;
          EXPECT_EQ(extended.stays[k].hotel_nights, whole.stays[k].hotel_nights) << day;
        }
        ASSERT_EQ(extended.visits.size(), whole.visits.size()) << day;
        for (std::size_t k = 0; k < whole.visits.size(); ++k)
          EXPECT_EQ(extended.visits[k].date, whole.visits[k].date) << day;
        EXPECT_EQ(extended.cost.total(), whole.cost.total()) << day;
        EXPECT_EQ(extended.cost.hotel, whole.cost.hotel) << day;
        EXPECT_EQ(extended.cost.per_diem, whole.cost.per_diem) << day;
        EXPECT_EQ(extended.cost.jetlag, whole.cost.jetlag) << day;
        EXPECT_EQ(extended.co2(), whole.co2()) << day;
        EXPECT_EQ(extended_at.now, whole_at.now) << day;
        EXPECT_EQ(extended_at.at, whole_at.at) << day;
        EXPECT_EQ(extended_at.legs, whole_at.legs) << day;
        ++compared;
      }
  EXPECT_GT(compared, 200);
}

TEST(QuarterPlanner, PricerMemoLimitDoesNotChangePrices) {
  const Input input = read_input(data::default_json);
  const network::Network net = network::Network::build(input);
  const Scheduler sched(input, net);
  std::vector<Money> values(input.clients.size(), money_from_units(10000));
  const TripPricer keeps(input, net, sched, values);
  const TripPricer drops(input, net, sched, values, 50);
  core::Rng rng(5);
  for (int k = 0; k < 30; ++k) {
    std::vector<int> stops;
    for (int n = 1 + rng.below(5); n > 0; --n)
      stops.push_back(rng.below(static_cast<int>(input.clients.size())));
    const RouteSplit a = split_route(keeps, input, 0, stops);
    const RouteSplit b = split_route(drops, input, 0, stops);
    ASSERT_EQ(a.feasible, b.feasible) << k;
    EXPECT_EQ(a.cost, b.cost) << k;
    EXPECT_EQ(a.bonus, b.bonus) << k;
    EXPECT_EQ(a.days, b.days) << k;
  }
  EXPECT_LE(drops.priced(), 50u);
  EXPECT_GT(keeps.priced(), 50u);
}

// The memo drops the trips used least recently: a trip asked for again between the others stays
// memoised however many others pass through a small memo, and every other trip is priced once.
TEST(QuarterPlanner, PricerMemoKeepsTheTripsInUse) {
  const Input input = read_input(data::default_json);
  const network::Network net = network::Network::build(input);
  const Scheduler sched(input, net);
  const std::vector<Money> values(input.clients.size(), money_from_units(10000));
  const std::size_t max_memo = 400; // options: a few trips
  const TripPricer pricer(input, net, sched, values, max_memo);
  const std::vector<int> in_use = {0};
  ASSERT_FALSE(pricer.options(0, in_use).empty());
  std::size_t others = 0;
  std::size_t options = 0;
  for (int a = 1; a < 8; ++a)
    for (int b = 1; b < 8; ++b) {
      if (a == b) continue;
      options += pricer.options(0, std::vector<int>{a, b}).size() + 1;
      ++others;
      EXPECT_FALSE(pricer.options(0, in_use).empty());
    }
  // The others held many times what the memo keeps, and the trip in use was priced once.
  EXPECT_GT(options, 5 * max_memo);
  EXPECT_EQ(pricer.trips_priced(), others + 1);
  EXPECT_LE(pricer.priced(), max_memo);
}

// A trip option's bonus is the value the fairs add to its visits: the fair uplift of each visit
// of the trip scheduled on that date, for clients in a fair's city (LON in the default example)
// or country (a fair added in one client's country), and nothing for every other client.
TEST(QuarterPlanner, PricerBonusIsEveryVisitsFairUplift) {
  Input input = read_input(data::default_json);
  const network::Network net = network::Network::build(input);
  const Scheduler sched(input, net);
  Event country_fair;
  country_fair.kind = EventKind::fair;
  country_fair.country = net.city(sched.client_city(1)).country;
  country_fair.dates = input.horizon;
  country_fair.value_uplift = 0.1;
  input.events.push_back(country_fair);
  const std::vector<Money> values(input.clients.size(), money_from_units(10000));
  const TripPricer pricer(input, net, sched, values);
  int with_bonus = 0;
  int without = 0;
  for (int i = 0; i < static_cast<int>(input.clients.size()); ++i)
    for (const std::vector<int>& stops : {std::vector<int>{i}, std::vector<int>{1, i}}) {
      if (stops.size() == 2 && i == 1) continue;
      std::vector<std::size_t> clients(stops.begin(), stops.end());
      for (const TripOption& o : pricer.options(0, stops)) {
        const ScheduleResult r = sched.schedule(0, clients, o.depart);
        ASSERT_TRUE(r.trip.has_value());
        Money want{0};
        for (std::size_t k = 0; k < clients.size(); ++k) {
          const Client& c = input.clients[clients[k]];
          const double u = fair_uplift(input, c, net.city(sched.client_city(clients[k])).country,
                                       r.trip->visits[k]);
          want += scale(values[clients[k]], 1.0 + u) - values[clients[k]];
        }
        EXPECT_EQ(o.bonus, want.count()) << i;
        (o.bonus > 0 ? with_bonus : without) += 1;
      }
    }
  EXPECT_GT(with_bonus, 10);
  EXPECT_GT(without, 10);
}

// A trip whose trip without its last stop is memoised is tried only on that trip's departure
// dates; every departure, date, cost and CO2 is the same as when it is priced on its own, over
// every date of the horizon (two and three clients of the default example, two travellers).
TEST(QuarterPlanner, PricingAfterTheShorterTripGivesTheSameDepartures) {
  for (const std::string& text :
       {std::string(data::default_json),
        clitest::slurp(std::string(FLYORCALL_SOURCE_DIR) + "/data/examples/two-travellers.json")}) {
    const Input input = read_input(text);
    const network::Network net = network::Network::build(input);
    const Scheduler sched(input, net);
    const std::vector<Money> values(input.clients.size(), money_from_units(10000));
    const TripPricer after(input, net, sched, values);
    const int n = std::min<int>(8, static_cast<int>(input.clients.size()));
    int compared = 0;
    for (int a = 0; a < n; ++a)
      for (int b = 0; b < n; ++b)
        for (int c = 0; c < n; ++c) {
          if (a == b || b == c || a == c) continue;
          for (std::size_t t = 0; t < input.travellers.size(); ++t) {
            (void)after.options(t, std::vector<int>{a});
            (void)after.options(t, std::vector<int>{a, b});
            const std::vector<TripOption> got = after.options(t, std::vector<int>{a, b, c});
            const TripPricer alone(input, net, sched, values);
            const std::vector<TripOption>& want = alone.options(t, std::vector<int>{a, b, c});
            ASSERT_EQ(got.size(), want.size()) << a << " " << b << " " << c;
            for (std::size_t k = 0; k < got.size(); ++k) {
              EXPECT_EQ(got[k].depart, want[k].depart);
              EXPECT_EQ(got[k].back, want[k].back);
              EXPECT_EQ(got[k].cost, want[k].cost);
              EXPECT_EQ(got[k].bonus, want[k].bonus);
              EXPECT_EQ(got[k].co2, want[k].co2);
              EXPECT_EQ(got[k].next_lower, want[k].next_lower);
            }
            compared += got.empty() ? 0 : 1;
          }
        }
    EXPECT_GT(compared, 100);
  }
}

// ---- the cash budget (policy.budget.cash), planned by the search and the exact solver ----

// The plan's cash spend added up from its trips, independently of its totals: each trip's fares,
// hotel nights and per diem.
Money cash_of_trips(const Plan& plan) {
  Money sum{0};
  for (const Trip& t : plan.trips) sum += t.cost.flights + t.cost.hotel + t.cost.per_diem;
  return sum;
}

// A plan under a cash budget: its reported cash is its trips' and within the limit, and the
// independent check finds nothing wrong.
void expect_within_cash(const Input& input, const Plan& plan) {
  ASSERT_TRUE(input.policy.budget_cash.has_value());
  EXPECT_EQ(plan.budget->cash_limit, input.policy.budget_cash);
  EXPECT_EQ(plan.budget->cash, cash_of_trips(plan));
  EXPECT_EQ(plan.budget->cash, plan.totals.trip_cost.cash());
  EXPECT_LE(plan.budget->cash, *input.policy.budget_cash);
  const auto violations = check::check_plan(input, plan);
  EXPECT_TRUE(violations.empty()) << describe(violations);
}

// Eight clients of the default example in Europe, Istanbul, New York, Dubai and Singapore (Zurich
// must-visit), without its money and days budgets, so that only a cash budget binds.
Input eight_clients() {
  Input input = read_input(data::default_json);
  std::vector<Client> kept;
  for (const std::size_t i : {0, 2, 8, 10, 14, 15, 20, 21}) kept.push_back(input.clients[i]);
  input.clients = kept;
  input.policy.budget_money.reset();
  input.policy.budget_days.reset();
  return input;
}

TEST(QuarterCash, SearchAndExactKeepACashBudgetThatBinds) {
  Input input = eight_clients();
  const Plan free = plan_with(input, false);
  EXPECT_FALSE(free.budget->cash_limit.has_value());
  EXPECT_EQ(free.budget->cash, cash_of_trips(free));
  // Half the cash the plan spends without a limit.
  input.policy.budget_cash = Money{free.budget->cash.count() / 2};
  const Plan search = plan_quarter(input, PlanMethod::search);
  const Plan exact = plan_quarter(input, PlanMethod::exact);
  EXPECT_EQ(search.method, "iterated-local-search");
  EXPECT_EQ(exact.method, "exact-dynamic-programming");
  for (const Plan* plan : {&search, &exact}) {
    SCOPED_TRACE(plan->method);
    expect_within_cash(input, *plan);
    // It still visits what fits, the must-visit client among them, and gives up some visits.
    EXPECT_GT(plan->totals.visits, 1);
    EXPECT_LT(plan->totals.visits, free.totals.visits);
    EXPECT_TRUE(plan->decisions[2].visit) << plan->decisions[2].reason;
    EXPECT_LT(plan->totals.net, free.totals.net);
  }
  EXPECT_GE(exact.totals.net, search.totals.net);
  // A remote client that a visit would put over the limit says so.
  bool named = false;
  for (const Plan* plan : {&search, &exact})
    for (const ClientDecision& d : plan->decisions)
      named = named || (!d.visit &&
                        d.reason.find("the cash budget would be exceeded (") != std::string::npos);
  EXPECT_TRUE(named);
}

TEST(QuarterCash, ACashBudgetNoTripOfAMustVisitClientKeepsIsInfeasible) {
  Input input = eight_clients();
  input.clients[7].must_visit = true; // Singapore, a long-haul fare
  input.policy.budget_cash = money_from_units(1500);
  for (const bool exact : {false, true}) {
    SCOPED_TRACE(exact ? "exact" : "search");
    try {
      (void)plan_with(input, exact);
      FAIL() << "expected InfeasibleError";
    } catch (const InfeasibleError& e) {
      EXPECT_EQ(e.pointer(), "/clients/7");
      EXPECT_NE(std::string(e.what()).find("the cash budget would be exceeded"), std::string::npos)
          << e.what();
    }
  }
  // Greedy agrees that no plan exists.
  EXPECT_THROW((void)plan_quarter(input, PlanMethod::greedy), InfeasibleError);
}

// The search against the exact solver on random small inputs with a cash budget that binds
// (half to nine tenths of what the optimum spends without it): it matches the optimum in at
// least 90 % of the cases and never spends more cash than the budget.
TEST(QuarterCash, SearchMatchesExactOnRandomSmallInputsWithACashBudget) {
  core::Rng rng(404);
  int compared = 0;
  int matched = 0;
  int bound = 0;
  const int target = flyorcall::testing::by_build(20, 6);
  for (int k = 0; k < 4 * target && compared < target; ++k) {
    const std::string text = random_input(rng, k);
    SCOPED_TRACE(text);
    Input input = read_input(text);
    std::optional<Plan> free;
    try {
      free = plan_with(input, true);
    } catch (const InfeasibleError&) {
      continue;
    }
    if (free->budget->cash <= Money{0}) continue;
    const double share = 0.5 + 0.1 * rng.below(5);
    input.policy.budget_cash =
        Money{static_cast<std::int64_t>(share * static_cast<double>(free->budget->cash.count()))};
    std::optional<Plan> exact;
    try {
      exact = plan_with(input, true);
    } catch (const InfeasibleError&) {
      EXPECT_THROW((void)plan_with(input, false), InfeasibleError);
      continue;
    }
    const Plan search = plan_with(input, false);
    ++compared;
    expect_within_cash(input, *exact);
    expect_within_cash(input, search);
    EXPECT_LE(search.totals.net, exact->totals.net);
    if (exact->totals.net < free->totals.net) ++bound;
    if (search.totals.net == exact->totals.net)
      ++matched;
    else
      std::printf("cash case %d: the search nets %.2f, the optimum %.2f\n", k,
                  to_units(search.totals.net), to_units(exact->totals.net));
  }
  std::printf("random plans with a cash budget: %d compared, %d matched the optimum, the budget "
              "bound in %d\n",
              compared, matched, bound);
  ASSERT_EQ(compared, target);
  EXPECT_GE(bound, target / 2);
  // At least 90 % matched (at most one miss on the sanitizer run's few cases).
  EXPECT_LE(compared - matched, std::max(1, compared / 10));
}

// On a larger input the search starts from the greedy plan and re-plans each client locally for
// its break-even: both keep the cash budget too.
TEST(QuarterCash, SearchOnALargerInputKeepsTheCashBudget) {
  Input input = read_input(synthetic::synthetic_input_json(
      {.clients = kQuarterSeedClients + 2, .travellers = 2, .time_limit_s = 60, .seed = 5}));
  const network::Network net = network::Network::build(input);
  const Plan free = plan_greedy(input, net);
  input.policy.budget_cash = Money{free.budget->cash.count() * 6 / 10};
  const Plan greedy = plan_greedy(input, net);
  const Plan search = plan_search(input, net, QuarterOptions{});
  expect_within_cash(input, greedy);
  expect_within_cash(input, search);
  EXPECT_FALSE(search.time_limit_reached);
  EXPECT_GE(search.totals.net, greedy.totals.net);
  bool local = false;
  for (const std::string& n : search.notes)
    local = local || n == local_break_even_note(kQuarterResolveClients);
  EXPECT_TRUE(local);
}

} // namespace
} // namespace flyorcall::optimize
