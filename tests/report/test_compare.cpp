// What-if comparison: directions of the totals on the default example, flips and trip changes,
// and the text, Markdown, HTML and SVG renderers.
#include <algorithm>
#include <fstream>
#include <memory>
#include <regex>
#include <sstream>
#include <string>

#include <gtest/gtest.h>
#include <nlohmann/json.hpp>

#include "flyorcall/flyorcall.hpp"
#include "io/compare_json.hpp"
#include "io/scenario.hpp"
#include "network/network.hpp"
#include "report/compare.hpp"
#include "report/compare_format.hpp"

namespace fyc = flyorcall;
namespace rep = flyorcall::report;
using nlohmann::json;

namespace {

std::string default_text() {
  std::ifstream in(std::string(FLYORCALL_SOURCE_DIR) + "/data/examples/default.json");
  std::ostringstream s;
  s << in.rdbuf();
  return s.str();
}

/// A merge patch that sets every leg of the default example's network, in every cabin, to its
/// fare x 1.2 (the input has no fare multiplier; legs are overridden one by one, one direction
/// each).
std::string fares_up_20_percent(const fyc::Input& input) {
  const auto net = fyc::network::Network::build(input);
  json legs = json::array();
  for (const auto& leg : net.legs()) {
    json fare;
    for (std::size_t k = 0; k < fyc::kCabinCount; ++k)
      fare[std::string(fyc::kCabinNames[k])] =
          fyc::to_units(fyc::scale(leg.fare[k], 1.2)); // rounded to the cent
    legs.push_back({{"from", net.city(leg.from).code},
                    {"to", net.city(leg.to).code},
                    {"both_ways", false},
                    {"fare", fare}});
  }
  return json{{"network", {{"legs", legs}}}}.dump();
}

/// The default example, the scenarios of the acceptance test, their plans and the comparison.
struct Fixture {
  std::string base_text = default_text();
  fyc::Input base = fyc::read_input(base_text);
  fyc::Plan base_plan = fyc::plan_quarter(base, fyc::PlanMethod::greedy);
  std::vector<std::unique_ptr<fyc::Input>> inputs;
  std::vector<rep::ScenarioPlan> plans;

  void add(const fyc::io::Scenario& s) {
    EXPECT_TRUE(s.problems.empty()) << s.name;
    inputs.push_back(std::make_unique<fyc::Input>(fyc::read_input(s.document)));
    rep::ScenarioPlan p;
    p.name = s.name;
    p.sweep_value = s.sweep_value;
    p.input = inputs.back().get();
    try {
      p.plan = fyc::plan_quarter(*p.input, fyc::PlanMethod::greedy);
    } catch (const fyc::InfeasibleError& e) {
      p.infeasible_pointer = e.pointer();
      p.infeasible_reason = e.what();
    }
    plans.push_back(std::move(p));
  }
  void set(const std::string& text) {
    add(fyc::io::apply_assignments(base_text, {fyc::io::parse_assignment(text)}, text));
  }
};

const Fixture& acceptance() {
  static const Fixture* f = [] {
    auto* x = new Fixture;
    x->add(fyc::io::apply_merge_patch(x->base_text, fares_up_20_percent(x->base), "fares+20%"));
    x->set("/policy/carbon_price_per_t=200");
    x->set("/policy/budget/money=40000");
    return x;
  }();
  return *f;
}

rep::Comparison acceptance_comparison() {
  const Fixture& f = acceptance();
  return rep::compare("default.json", f.base, f.base_plan, f.plans, std::nullopt);
}

} // namespace

TEST(CompareAcceptance, FaresUpMeansCostUpAndNetDown) {
  const auto c = acceptance_comparison();
  const auto& s = c.scenarios[0];
  ASSERT_TRUE(s.feasible);
  EXPECT_GT(s.totals.trip_cost.flights, c.base.trip_cost.flights);
  EXPECT_LT(s.totals.net, c.base.net);
  // The base plan, repriced, costs the base flights x 1.2; a better plan may fly other legs, but
  // never pays more than that.
  EXPECT_LE(s.totals.trip_cost.flights.count(),
            fyc::scale(c.base.trip_cost.flights, 1.2).count() + 100 * c.base.trips);
}

TEST(CompareAcceptance, CarbonPriceUpMeansCo2NotUp) {
  const auto c = acceptance_comparison();
  const auto& s = c.scenarios[1];
  ASSERT_TRUE(s.feasible);
  ASSERT_EQ(acceptance().base.policy.carbon_price_per_tonne, fyc::money_from_units(100));
  EXPECT_LE(s.totals.co2, c.base.co2);
  EXPECT_GT(s.totals.trip_cost.carbon, c.base.trip_cost.carbon);
  EXPECT_LE(s.totals.net, c.base.net);
}

TEST(CompareAcceptance, BudgetCutKeepsSpendWithinTheNewBudgetAndListsFlips) {
  const auto c = acceptance_comparison();
  const auto& s = c.scenarios[2];
  ASSERT_TRUE(s.feasible);
  ASSERT_EQ(s.totals.budget_money, fyc::money_from_units(40000));
  EXPECT_LE(s.totals.trip_cost.total(), fyc::money_from_units(40000));
  EXPECT_LT(s.totals.trip_cost.total(), c.base.trip_cost.total());
  EXPECT_LE(s.totals.net, c.base.net);
  // Clients dropped from the travel plan are listed as visit -> remote, with their base trip.
  ASSERT_FALSE(s.flips.empty());
  const int visits_lost = c.base.visits - s.totals.visits;
  int to_remote = 0;
  for (const auto& f : s.flips) {
    if (f.base == rep::ClientState::visit && f.scenario == rep::ClientState::remote) {
      ++to_remote;
      EXPECT_FALSE(f.base_trip.empty()) << f.client_id;
      EXPECT_TRUE(f.scenario_trip.empty()) << f.client_id;
    }
  }
  EXPECT_GE(to_remote, visits_lost);
  EXPECT_GT(to_remote, 0);
  // Every flip is a real difference between the two plans.
  const Fixture& fx = acceptance();
  for (const auto& f : s.flips) {
    const auto find = [&](const fyc::Plan& p) {
      return std::find_if(p.decisions.begin(), p.decisions.end(),
                          [&](const auto& d) { return d.client_id == f.client_id; });
    };
    EXPECT_TRUE(find(fx.base_plan)->visit);
    EXPECT_FALSE(find(*fx.plans[2].plan)->visit);
  }
}

TEST(CompareAcceptance, SweepGivesAChartWithOnePointPerScenario) {
  Fixture f;
  const auto sweep = fyc::io::parse_sweep("/policy/carbon_price_per_t=0:400:100");
  for (const auto& s : fyc::io::apply_sweep(f.base_text, sweep)) f.add(s);
  const auto c = rep::compare("default.json", f.base, f.base_plan, f.plans, sweep.pointer);
  const std::string svg = rep::sweep_chart_svg(c);
  ASSERT_NE(svg.find("<svg"), std::string::npos);
  EXPECT_NE(svg.find("<title"), std::string::npos);
  EXPECT_NE(svg.find("<desc"), std::string::npos);
  const std::regex polyline(R"re(<polyline class="(\w+)" points="([^"]*)")re");
  int lines = 0;
  for (auto it = std::sregex_iterator(svg.begin(), svg.end(), polyline);
       it != std::sregex_iterator(); ++it) {
    const std::string pts = (*it)[2];
    EXPECT_EQ(std::count(pts.begin(), pts.end(), ','), 5) << (*it)[1];
    ++lines;
  }
  EXPECT_EQ(lines, 3); // net, trip cost, CO2e
  // The curve's ends: no carbon price costs no carbon; 400 costs more carbon than 100.
  EXPECT_EQ(c.scenarios.front().totals.trip_cost.carbon, fyc::Money(0));
  EXPECT_GT(c.scenarios.back().totals.trip_cost.carbon, c.base.trip_cost.carbon);
  const std::string html = rep::comparison_html(c);
  EXPECT_NE(html.find(svg), std::string::npos);
  EXPECT_EQ(html.find("<script"), std::string::npos);
}

// The sweep draws each quantity in its own panel on its own axis, and every axis starts at zero
// (or below it, for a negative value): a change of 2 % does not look like a V.
TEST(CompareAcceptance, SweepPanelsEachHaveTheirOwnAxisFromZero) {
  Fixture f;
  const auto sweep = fyc::io::parse_sweep("/policy/carbon_price_per_t=0:200:100");
  for (const auto& s : fyc::io::apply_sweep(f.base_text, sweep)) f.add(s);
  const auto c = rep::compare("default.json", f.base, f.base_plan, f.plans, sweep.pointer);
  const std::string svg = rep::sweep_chart_svg(c);
  const std::regex panel(R"re(<g class="panel">\n<text [^>]*class="panel-title">([^<]*)</text>)re");
  std::vector<std::string> titles;
  for (auto it = std::sregex_iterator(svg.begin(), svg.end(), panel); it != std::sregex_iterator();
       ++it)
    titles.push_back((*it)[1]);
  EXPECT_EQ(titles, (std::vector<std::string>{"Net value (EUR)", "Trip cost (EUR)", "CO2e (kg)"}));
  // Each panel's lowest axis label is 0: the values are positive, and the axis includes zero.
  std::size_t at = 0;
  for (int k = 0; k < 3; ++k) {
    at = svg.find("<g class=\"panel\">", at);
    ASSERT_NE(at, std::string::npos);
    const std::size_t label = svg.find("text-anchor=\"end\">", at);
    ASSERT_NE(label, std::string::npos);
    EXPECT_EQ(svg.substr(label + 18, 2), "0<") << titles[static_cast<std::size_t>(k)];
    ++at;
  }
  // The sweep and the scenarios are named as people read them.
  EXPECT_NE(svg.find(">carbon_price_per_t</text>"), std::string::npos);
  const std::string html = rep::comparison_html(c);
  EXPECT_NE(html.find("<h3>carbon_price_per_t = 100</h3>"), std::string::npos);
  EXPECT_NE(html.find("<h2>Sweep of carbon_price_per_t</h2>"), std::string::npos);
  EXPECT_EQ(html.find("<h3>/policy/"), std::string::npos);
}

TEST(CompareNames, ScenariosAreNamedAsPeopleReadThem) {
  EXPECT_EQ(rep::readable_scenario_name("/policy/carbon_price_per_t=150"),
            "carbon_price_per_t = 150");
  EXPECT_EQ(rep::readable_scenario_name("/policy/budget/money=45000"), "budget.money = 45000");
  EXPECT_EQ(rep::readable_scenario_name("/clients/3/visit_value=5000"),
            "clients[3].visit_value = 5000");
  EXPECT_EQ(rep::readable_scenario_name("/policy/budget/cash=-30% /travellers/0/max_days_away=20"),
            "budget.cash = -30%, travellers[0].max_days_away = 20");
  EXPECT_EQ(rep::readable_scenario_name("/clients/0/name=\"A/B ~ C\""),
            "clients[0].name = \"A/B ~ C\"");
  EXPECT_EQ(rep::readable_pointer("/network/cities/0/a~1b"), "network.cities[0].a/b");
  EXPECT_EQ(rep::readable_scenario_name("budget-cut.json"), "budget-cut.json"); // a patch file
  EXPECT_EQ(rep::readable_scenario_name("/policy"), "/policy"); // no value: as given
}

namespace {

fyc::Trip trip(const std::string& id, std::vector<std::string> clients) {
  fyc::Trip t;
  t.id = id;
  t.traveller_id = "anna";
  for (auto& c : clients) t.visits.push_back(fyc::Visit{c, "LON", {}, 1});
  return t;
}

fyc::ClientDecision decision(const std::string& id, std::optional<std::string> trip_id) {
  fyc::ClientDecision d;
  d.client_id = id;
  d.visit = trip_id.has_value();
  d.trip_id = std::move(trip_id);
  return d;
}

fyc::Input clients(std::vector<std::string> ids) {
  fyc::Input in;
  for (auto& id : ids) {
    fyc::Client c;
    c.id = id;
    c.name = "Client " + id;
    in.clients.push_back(c);
  }
  return in;
}

} // namespace

TEST(DecisionFlips, ListsChangesInClientOrderWithNewAndRemovedClients) {
  fyc::Plan base;
  base.decisions = {decision("a", "T1"), decision("b", std::nullopt), decision("c", "T2"),
                    decision("d", "T2")};
  fyc::Plan scen;
  scen.decisions = {decision("a", "T2"), decision("b", "T1"), decision("c", std::nullopt),
                    decision("e", std::nullopt)};
  const auto flips =
      rep::decision_flips(base, clients({"a", "b", "c", "d"}), scen, clients({"a", "b", "c", "e"}));
  ASSERT_EQ(flips.size(), 4u);
  EXPECT_EQ(flips[0].client_id, "b");
  EXPECT_EQ(flips[0].client_name, "Client b");
  EXPECT_EQ(flips[0].base, rep::ClientState::remote);
  EXPECT_EQ(flips[0].scenario, rep::ClientState::visit);
  EXPECT_EQ(flips[0].scenario_trip, "T1");
  EXPECT_EQ(flips[1].client_id, "c");
  EXPECT_EQ(flips[1].base_trip, "T2");
  EXPECT_EQ(flips[2].client_id, "d");
  EXPECT_EQ(flips[2].scenario, rep::ClientState::absent);
  EXPECT_EQ(flips[3].client_id, "e");
  EXPECT_EQ(flips[3].base, rep::ClientState::absent);
  EXPECT_EQ(flips[3].scenario, rep::ClientState::remote);
}

TEST(TripChanges, SameClientSetInAnyOrderIsTheSameTrip) {
  fyc::Plan base;
  base.trips = {trip("T1", {"a", "b"}), trip("T2", {"c"}), trip("T3", {"d"}), trip("T4", {"e"})};
  fyc::Plan scen;
  scen.trips = {trip("T1", {"e"}), trip("T2", {"b", "a"}), trip("T3", {"c", "x"})};
  const auto changes = rep::trip_changes(base, scen);
  // T1 {a,b} is kept (as T2), T4 {e} is kept (as T1), T3 {d} is gone (a flip, not a change).
  ASSERT_EQ(changes.size(), 1u);
  EXPECT_EQ(changes[0].base_trip, "T2");
  EXPECT_EQ(changes[0].base_clients, (std::vector<std::string>{"c"}));
  EXPECT_EQ(changes[0].scenario_trips, (std::vector<std::string>{"T3"}));
  EXPECT_EQ(changes[0].scenario_clients, (std::vector<std::string>{"c", "x"}));
}

namespace {

rep::Comparison hostile() {
  rep::Comparison c;
  c.base_name = "<b>&base|.json";
  c.label = "2027-Q1";
  c.currency = "EUR";
  c.base.net = fyc::Money(123456789);
  c.base.co2 = fyc::GramsCo2(1234567);
  rep::ScenarioComparison s;
  s.name = "/clients/0/name=<script>alert('x')</script>|\x1b[31m";
  s.totals = c.base;
  s.totals.net = fyc::Money(123456789 - 150);
  s.flips.push_back(
      {"a|b", "<i>A</i>", rep::ClientState::visit, rep::ClientState::remote, "T1", ""});
  c.scenarios.push_back(s);
  rep::ScenarioComparison inf;
  inf.name = "tight";
  inf.feasible = false;
  inf.infeasible_pointer = "/clients/8";
  inf.infeasible_reason = "must-visit client helvetia cannot be visited";
  c.scenarios.push_back(inf);
  return c;
}

} // namespace

TEST(CompareRender, TableShowsTotalsDeltasFlipsAndInfeasibleScenarios) {
  const std::string t = rep::comparison_table(hostile());
  EXPECT_NE(t.find("1,234,567.89"), std::string::npos);
  EXPECT_NE(t.find("-1.50"), std::string::npos);
  EXPECT_NE(t.find("1,234.6"), std::string::npos); // kg CO2e
  EXPECT_NE(t.find("a|b (<i>A</i>): visit (T1) -> remote"), std::string::npos);
  EXPECT_NE(t.find("infeasible: /clients/8: must-visit client helvetia cannot be visited"),
            std::string::npos);
  EXPECT_EQ(t.find('\x1b'), std::string::npos); // no terminal control from a name
  EXPECT_NE(t.find("\\u001b[31m"), std::string::npos);
}

TEST(CompareRender, MarkdownEscapesCells) {
  const std::string md = rep::comparison_markdown(hostile());
  EXPECT_NE(md.find("\\<script\\>"), std::string::npos);
  EXPECT_NE(md.find("a\\|b"), std::string::npos);
  EXPECT_EQ(md.find("<script>"), std::string::npos);
  EXPECT_EQ(md.find('\x1b'), std::string::npos);
}

TEST(CompareRender, HtmlEscapesEverythingAndHasNoScript) {
  const std::string html = rep::comparison_html(hostile());
  EXPECT_EQ(html.find("<script"), std::string::npos);
  EXPECT_EQ(html.find("<i>A</i>"), std::string::npos);
  EXPECT_NE(html.find("&lt;script&gt;alert(&#39;x&#39;)&lt;/script&gt;"), std::string::npos);
  EXPECT_NE(html.find("&lt;b&gt;&amp;base|.json"), std::string::npos);
  EXPECT_EQ(html.find('\x1b'), std::string::npos);
  EXPECT_EQ(html.find("http://"), html.find("http://www.w3.org/2000/svg")); // nothing fetched
  EXPECT_EQ(rep::sweep_chart_svg(hostile()), "");                           // no sweep, no chart
}

TEST(CompareRender, JsonCarriesTotalsDeltasAndFlips) {
  const json j = json::parse(flyorcall::io::comparison_to_json(hostile()));
  EXPECT_EQ(j["base"]["totals"]["net"], 1234567.89);
  EXPECT_EQ(j["scenarios"][0]["delta"]["net"], -1.5);
  EXPECT_EQ(j["scenarios"][0]["flips"][0]["from"], "visit");
  EXPECT_EQ(j["scenarios"][0]["flips"][0]["to"], "remote");
  EXPECT_EQ(j["scenarios"][0]["flips"][0]["to_trip"], nullptr);
  EXPECT_EQ(j["scenarios"][1]["feasible"], false);
  EXPECT_EQ(j["scenarios"][1]["infeasible"]["pointer"], "/clients/8");
  EXPECT_EQ(j["sweep"], nullptr);
}
