// The greedy dedicated-round-trip planner on a small hand-made network. Every plan it makes here
// also passes the independent plan checker (docs/check.md).
#include <gtest/gtest.h>

#include <string>
#include <vector>

#include "check/plan_check.hpp"
#include "flyorcall/flyorcall.hpp"
#include "model/embedded_data.hpp"
#include "network/network.hpp"
#include "optimize/greedy.hpp"

namespace flyorcall::optimize {
namespace {

using namespace date::literals;

City city(std::string code, std::string country, std::string tz, double lat, double lon) {
  City c;
  c.code = std::move(code);
  c.name = c.code;
  c.country = std::move(country);
  c.tz = std::move(tz);
  c.lat = lat;
  c.lon = lon;
  c.region = "test";
  c.hotel_night = money_from_units(180);
  c.per_diem = money_from_units(45);
  return c;
}

LegSpec leg(std::string from, std::string to, int block_min, double economy) {
  LegSpec l;
  l.from = std::move(from);
  l.to = std::move(to);
  l.block = Minutes(block_min);
  l.fare[0] = money_from_units(economy);
  return l;
}

/// The hand-made network as an input's network section without the default world, so that the
/// plan checker, which builds its network from the input, sees the same cities and legs.
NetworkSpec test_network() {
  NetworkSpec spec;
  spec.use_default = false;
  for (const char* iso : {"DE", "GB", "US", "PF"}) {
    Country c;
    c.code = iso;
    c.name = iso;
    spec.countries.push_back(c);
  }
  spec.cities = {city("FRA", "DE", "Europe/Berlin", 50.03, 8.57),
                 city("LON", "GB", "Europe/London", 51.47, -0.45),
                 city("NYC", "US", "America/New_York", 40.64, -73.78),
                 city("PPT", "PF", "Pacific/Tahiti", -17.55, -149.61)};
  spec.legs = {leg("FRA", "LON", 100, 180), leg("FRA", "NYC", 540, 700)};
  return spec;
}

network::Network make_net() {
  const NetworkSpec spec = test_network();
  return network::Network::build(spec.cities, spec.countries, spec.legs, false, 1.0);
}

Client client(std::string id, std::string city_code, double value) {
  Client c;
  c.id = std::move(id);
  c.name = "Client " + c.id;
  c.city = std::move(city_code);
  c.visit_value = money_from_units(value);
  c.remote_meetings = 6;
  return c;
}

Input make_input() {
  Input in;
  in.label = "2027-Q1";
  in.horizon = {2027_y / 1 / 4, 2027_y / 3 / 31};
  in.network = test_network();
  Traveller t;
  t.id = "ana";
  t.home = "FRA";
  t.cost_per_day = money_from_units(600);
  t.cabin.upgrade_above.reset();
  in.travellers.push_back(t);
  in.clients.push_back(client("big", "NYC", 60000));
  in.clients.push_back(client("small", "LON", 50));
  return in;
}

/// Asserts that the plan checker finds nothing wrong with a plan of `in`.
void expect_checked(const Input& in, const Plan& p) {
  const std::vector<check::Violation> v = check::check_plan(in, p);
  std::string listing;
  for (const auto& x : v) listing += "  " + x.pointer + ": " + x.message + " (" + x.rule + ")\n";
  EXPECT_TRUE(v.empty()) << listing;
}

const ClientDecision& decision(const Plan& p, const std::string& id) {
  for (const auto& d : p.decisions)
    if (d.client_id == id) return d;
  throw std::runtime_error("no decision for " + id);
}

TEST(Greedy, VisitsValuableClientAndKeepsLowValueRemote) {
  const auto net = make_net();
  const Input in = make_input();
  const Plan p = plan_greedy(in, net);
  expect_checked(in, p);
  EXPECT_EQ(p.method, "greedy-dedicated-round-trips");
  ASSERT_EQ(p.trips.size(), 1u);
  EXPECT_EQ(p.trips[0].id, "T1");
  EXPECT_EQ(p.trips[0].visits.at(0).client_id, "big");

  ASSERT_EQ(p.decisions.size(), 2u);
  const auto& big = decision(p, "big");
  EXPECT_TRUE(big.visit);
  EXPECT_EQ(big.trip_id, "T1");
  EXPECT_EQ(big.traveller_id, "ana");
  EXPECT_EQ(big.marginal_cost, p.trips[0].cost.total());
  EXPECT_LT(big.break_even_value, big.value);
  EXPECT_FALSE(big.call_slot);
  EXPECT_NE(big.reason.find("more than remote"), std::string::npos) << big.reason;

  const auto& small = decision(p, "small");
  EXPECT_FALSE(small.visit);
  EXPECT_FALSE(small.trip_id);
  EXPECT_GT(small.break_even_value, small.value);
  EXPECT_GT(small.marginal_cost, Money{0});
  EXPECT_NE(small.reason.find("less than remote"), std::string::npos) << small.reason;
  ASSERT_TRUE(small.call_slot);
  EXPECT_EQ(small.traveller_id, "ana");

  EXPECT_EQ(p.totals.trips, 1);
  EXPECT_EQ(p.totals.visits, 1);
  EXPECT_EQ(p.totals.remote, 1);
  EXPECT_EQ(p.totals.days_away, p.trips[0].days_away);
  EXPECT_EQ(p.totals.net, p.totals.value - p.totals.trip_cost.total() - p.totals.remote_cost);
  EXPECT_EQ(p.totals.value, big.value + small.remote_value);
  EXPECT_EQ(p.budget->money, p.trips[0].cost.total());
  EXPECT_FALSE(p.budget->money_limit);
}

TEST(Greedy, MoneyBudgetBindsAndTheReasonNamesIt) {
  const auto net = make_net();
  Input in = make_input();
  in.policy.budget_money = money_from_units(500);
  const Plan p = plan_greedy(in, net);
  expect_checked(in, p);
  EXPECT_TRUE(p.trips.empty());
  const auto& big = decision(p, "big");
  EXPECT_FALSE(big.visit);
  EXPECT_NE(big.reason.find("money budget"), std::string::npos) << big.reason;
  EXPECT_EQ(p.budget->money_limit, money_from_units(500));
}

TEST(Greedy, CashBudgetBindsOnFaresHotelAndPerDiemOnly) {
  const auto net = make_net();
  Input unlimited = make_input();
  const Plan free = plan_greedy(unlimited, net);
  ASSERT_EQ(free.trips.size(), 1u);
  const Money cash = free.trips[0].cost.cash();
  EXPECT_EQ(cash,
            free.trips[0].cost.flights + free.trips[0].cost.hotel + free.trips[0].cost.per_diem);
  EXPECT_LT(cash, free.trips[0].cost.total()); // the traveller's time is not cash
  EXPECT_EQ(free.budget->cash, cash);
  EXPECT_FALSE(free.budget->cash_limit);

  // A cash limit just above the trip's cash spend keeps it, whatever its imputed cost ...
  Input enough = make_input();
  enough.policy.budget_cash = cash + money_from_units(1);
  const Plan kept = plan_greedy(enough, net);
  expect_checked(enough, kept);
  EXPECT_EQ(kept.trips.size(), 1u);
  EXPECT_EQ(kept.budget->cash_limit, enough.policy.budget_cash);
  // ... one just below drops it, and the reason names the cash budget.
  Input tight = make_input();
  tight.policy.budget_cash = cash - money_from_units(1);
  const Plan dropped = plan_greedy(tight, net);
  expect_checked(tight, dropped);
  EXPECT_TRUE(dropped.trips.empty());
  EXPECT_NE(decision(dropped, "big").reason.find("cash budget"), std::string::npos)
      << decision(dropped, "big").reason;
}

TEST(Greedy, ThePlanNamesTheRatesItUsed) {
  Input in = read_input(data::default_json);
  in.policy.custom_allowances.push_back({"SIN", money_from_units(90), std::nullopt});
  City own = network::Network::build(in).city(*network::Network::build(in).find("NYC"));
  own.hotel_night = money_from_units(250);
  in.network.cities.push_back(own);
  const Plan p = plan_quarter(in, PlanMethod::greedy);
  EXPECT_NE(p.hotel_source.find("US State Department"), std::string::npos) << p.hotel_source;
  EXPECT_NE(p.hotel_source.find("; the input's own hotel rates for NYC"), std::string::npos)
      << p.hotel_source;
  ASSERT_EQ(p.allowances.size(), in.travellers.size());
  EXPECT_EQ(p.allowances[0].table, AllowanceTable::bmf); // anna lives in Frankfurt
  EXPECT_NE(p.allowances[0].source.find("BMF"), std::string::npos);
  EXPECT_NE(p.allowances[0].source.find("; the policy's custom allowances for SIN"),
            std::string::npos)
      << p.allowances[0].source;
}

TEST(Greedy, DaysBudgetAndMaxDaysAwayBind) {
  const auto net = make_net();
  Input in = make_input();
  in.policy.budget_days = 1;
  const Plan p = plan_greedy(in, net);
  expect_checked(in, p);
  EXPECT_NE(decision(p, "big").reason.find("days-away budget"), std::string::npos);

  Input in2 = make_input();
  in2.travellers[0].max_days_away = 1;
  const Plan p2 = plan_greedy(in2, net);
  expect_checked(in2, p2);
  EXPECT_NE(decision(p2, "big").reason.find("max_days_away"), std::string::npos);
}

TEST(Greedy, MustVisitThatCannotBeReachedThrowsWithPointer) {
  const auto net = make_net();
  Input in = make_input();
  Client far = client("far", "PPT", 100);
  far.must_visit = true;
  in.clients.push_back(far);
  try {
    (void)plan_greedy(in, net);
    FAIL() << "expected InfeasibleError";
  } catch (const InfeasibleError& e) {
    EXPECT_EQ(e.pointer(), "/clients/2");
    EXPECT_EQ(e.code(), ErrorCode::infeasible);
    EXPECT_NE(std::string(e.what()).find("no route from FRA to PPT"), std::string::npos)
        << e.what();
  }
}

TEST(Greedy, MustVisitIsVisitedEvenAtALoss) {
  const auto net = make_net();
  Input in = make_input();
  in.clients[1].must_visit = true;
  const Plan p = plan_greedy(in, net);
  expect_checked(in, p);
  const auto& small = decision(p, "small");
  EXPECT_TRUE(small.visit);
  EXPECT_NE(small.reason.find("Must-visit"), std::string::npos) << small.reason;
  // Must-visit trips are placed first, so they come out as trips of their own.
  EXPECT_EQ(p.trips.size(), 2u);
  EXPECT_TRUE(p.trips[0].back < p.trips[1].depart || p.trips[1].back < p.trips[0].depart);
}

TEST(Greedy, BreakEvenValueFlipsTheDecision) {
  const auto net = make_net();
  Input in = make_input();
  const Plan base = plan_greedy(in, net);
  expect_checked(in, base);
  const auto& small = decision(base, "small");
  ASSERT_FALSE(small.visit);
  ASSERT_TRUE(small.break_even_defined);
  const Money be = small.break_even_value;

  in.clients[1].visit_value = be + money_from_units(1);
  const Plan above = plan_greedy(in, net);
  expect_checked(in, above);
  EXPECT_TRUE(decision(above, "small").visit) << decision(above, "small").reason;
  EXPECT_EQ(decision(above, "small").break_even_value, be);

  in.clients[1].visit_value = be - money_from_units(1);
  const Plan below = plan_greedy(in, net);
  expect_checked(in, below);
  EXPECT_FALSE(decision(below, "small").visit) << decision(below, "small").reason;
}

TEST(Greedy, FullyEffectiveRemoteMeetingsHaveNoBreakEven) {
  const auto net = make_net();
  Input in = make_input();
  in.policy.remote_effectiveness = 1.0;
  const Plan p = plan_greedy(in, net);
  expect_checked(in, p);
  const auto& big = decision(p, "big");
  EXPECT_FALSE(big.visit);
  EXPECT_FALSE(big.break_even_defined);
  EXPECT_NE(big.reason.find("as effective as a visit"), std::string::npos) << big.reason;
}

TEST(Greedy, TripsOfOneTravellerDoNotOverlapAndAreNumberedByDate) {
  const auto net = make_net();
  Input in = make_input();
  in.clients[1].visit_value = money_from_units(40000);
  in.clients.push_back(client("big2", "NYC", 50000));
  const Plan p = plan_greedy(in, net);
  expect_checked(in, p);
  ASSERT_EQ(p.trips.size(), 3u);
  for (std::size_t i = 0; i < p.trips.size(); ++i) {
    EXPECT_EQ(p.trips[i].id, "T" + std::to_string(i + 1));
    if (i > 0) {
      EXPECT_LT(p.trips[i - 1].back, p.trips[i].depart);
    }
  }
  for (const auto& d : p.decisions) EXPECT_TRUE(d.visit) << d.client_id << ": " << d.reason;
}

TEST(Greedy, FairUpliftRaisesTheVisitValue) {
  Input in = make_input();
  Event fair;
  fair.kind = EventKind::fair;
  fair.city = "NYC";
  fair.dates = {2027_y / 1 / 1, 2027_y / 3 / 31};
  fair.value_uplift = 0.5;
  in.events.push_back(fair);
  Visit v;
  v.client_id = "big";
  v.city = "NYC";
  v.date = 2027_y / 2 / 3;
  EXPECT_DOUBLE_EQ(fair_uplift(in, in.clients[0], "US", v), 0.5);
  EXPECT_DOUBLE_EQ(fair_uplift(in, in.clients[1], "GB", v), 0.0);

  const auto net = make_net();
  const Plan p = plan_greedy(in, net);
  expect_checked(in, p);
  EXPECT_EQ(decision(p, "big").value, money_from_units(90000));
}

TEST(Greedy, EconomicsFollowTheDocumentedFormula) {
  Client c = client("x", "LON", 10000);
  c.remote_meetings = 4;
  Policy pol;
  pol.remote_effectiveness = 0.4;
  pol.visit_replaces_meetings = 1;
  const auto e = visit_economics(c, pol, money_from_units(10000), 0.0, money_from_units(4000),
                                 money_from_units(1000), money_from_units(3000));
  EXPECT_EQ(e.remote_left, money_from_units(750));
  // (10000 - 3000 - 750) - (4000 - 1000) = 3250
  EXPECT_EQ(e.advantage, money_from_units(3250));
  // (3000 - 250) / 0.6
  ASSERT_TRUE(e.break_even);
  EXPECT_EQ(*e.break_even, money_from_units(2750.0 / 0.6));
}

TEST(Greedy, BreakEvenWithAFairIsInTheSameTermsAsTheValue) {
  // Base value 1000 raised 50 % by a fair = 1500; remote delivers 0.4 x 1000 = 400 and costs 600
  // over 6 meetings, one of which the visit replaces (saving 100); the trip costs 1300.
  Client c = client("x", "LON", 1000);
  Policy pol;
  const auto e = visit_economics(c, pol, money_from_units(1000), 0.5, money_from_units(400),
                                 money_from_units(600), money_from_units(1300));
  EXPECT_EQ(e.value, money_from_units(1500));
  // (1500 - 1300 - 500) - (400 - 600) = -100: staying remote is better ...
  EXPECT_EQ(e.advantage, money_from_units(-100));
  // ... so the value must be below the break-even: V (1 + u - eff) / (1 + u) = 1300 - 100.
  ASSERT_TRUE(e.break_even);
  EXPECT_LT(e.value, *e.break_even);
  EXPECT_EQ(*e.break_even, money_from_units(1200.0 * 1.5 / 1.1));
}

TEST(Greedy, DecisionsAgreeWithValueAgainstBreakEvenDuringAFair) {
  const auto net = make_net();
  Input in = make_input();
  Event fair;
  fair.kind = EventKind::fair;
  fair.city = "NYC";
  fair.dates = in.horizon;
  fair.value_uplift = 0.5;
  in.events.push_back(fair);
  const Plan first = plan_greedy(in, net);
  expect_checked(in, first);
  const Money be = decision(first, "big").break_even_value;
  // Sweep the input value across the break-even: the plan visits exactly when the value it
  // reports (fair included) is above the break-even it reports.
  for (double f = 0.5; f <= 1.5; f += 0.05) {
    in.clients[0].visit_value = scale(be, f);
    const Plan p = plan_greedy(in, net);
    expect_checked(in, p);
    const auto& big = decision(p, "big");
    ASSERT_TRUE(big.break_even_defined);
    EXPECT_EQ(big.visit, big.value > big.break_even_value)
        << "factor " << f << ": value " << big.value.count() << " break-even "
        << big.break_even_value.count() << ": " << big.reason;
  }
}

TEST(Greedy, ValueEqualToTheBreakEvenStaysRemoteAndOneCentMoreVisits) {
  // Without remote effectiveness the advantage is exactly value - (trip cost - remote saving),
  // so the boundary can be hit to the cent.
  const auto net = make_net();
  Input in = make_input();
  in.policy.remote_effectiveness = 0.0;
  const Plan first = plan_greedy(in, net);
  expect_checked(in, first);
  const Money be = decision(first, "small").break_even_value;

  in.clients[1].visit_value = be;
  const Plan at = plan_greedy(in, net);
  expect_checked(in, at);
  const auto& small = decision(at, "small");
  EXPECT_FALSE(small.visit);
  EXPECT_EQ(small.value, small.break_even_value);
  EXPECT_NE(small.reason.find("is not above the break-even"), std::string::npos) << small.reason;

  in.clients[1].visit_value = be + Money{1};
  const Plan above = plan_greedy(in, net);
  expect_checked(in, above);
  EXPECT_TRUE(decision(above, "small").visit);
}

TEST(Greedy, PlanQuarterIsDeterministic) {
  const Input in = make_input();
  const auto net = make_net();
  const Plan a = plan_greedy(in, net);
  const Plan b = plan_greedy(in, net);
  expect_checked(in, a);
  EXPECT_EQ(plan_to_json(a), plan_to_json(b));
}

} // namespace
} // namespace flyorcall::optimize
