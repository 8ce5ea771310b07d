// Plans a person would make, each on a small input built for it: the default planner groups the
// clients of one city into one stay instead of flying there again, visits a client on a day the
// traveller would otherwise spend idle in its city, never books a visit on the client's weekend,
// and never shows a negative marginal cost. Each of these failed with the planner that used to
// be the default (greedy: one round trip per client). Every plan also passes the plan checker.
#include <gtest/gtest.h>

#include <algorithm>
#include <map>
#include <set>
#include <string>
#include <utility>
#include <vector>

#include "check/plan_check.hpp"
#include "cli_run.hpp"
#include "flyorcall/flyorcall.hpp"
#include "model/embedded_data.hpp"

namespace flyorcall {
namespace {

using namespace date::literals;

/// A one-traveller quarter on the default network: `clients` is the JSON array's body.
std::string quarter(const std::string& home, const std::string& clients,
                    const std::string& traveller_extra = "") {
  return R"({"start": "2027-01-04", "end": "2027-02-26", "currency": "EUR",
             "travellers": [{"id": "t", "home": ")" +
         home + R"(", "cost_per_day": 600, "max_trip_days": 10)" + traveller_extra + R"(}],
             "clients": [)" +
         clients + "]}";
}

/// The plan's trips that visit `city`.
std::vector<const Trip*> trips_to(const Plan& plan, const std::string& city) {
  std::vector<const Trip*> out;
  for (const Trip& t : plan.trips)
    for (const Visit& v : t.visits)
      if (v.city == city) {
        out.push_back(&t);
        break;
      }
  return out;
}

void expect_valid(const Input& input, const Plan& plan) {
  const auto v = check::check_plan(input, plan);
  std::string listing;
  for (const auto& x : v) listing += x.pointer + " " + x.rule + ": " + x.message + "\n";
  EXPECT_TRUE(v.empty()) << listing;
}

// Three clients in São Paulo for a traveller in Chicago: one trip with one stay there, not three
// round trips (greedy booked three Chicago–São Paulo business round trips in two weeks).
TEST(PlansPeopleMake, ClientsOfOneCityShareOneStay) {
  const Input input = read_input(quarter("CHI", R"(
      {"id": "a", "city": "SAO", "visit_value": 30000},
      {"id": "b", "city": "SAO", "visit_value": 25000},
      {"id": "c", "city": "SAO", "visit_value": 20000})"));
  const Plan plan = plan_quarter(input);
  const auto sao = trips_to(plan, "SAO");
  ASSERT_EQ(sao.size(), 1u) << "one trip to São Paulo";
  ASSERT_EQ(sao[0]->visits.size(), 3u);
  // One flight there and one back: the three visits follow each other without leaving.
  for (const PlannedLeg& l : sao[0]->legs) EXPECT_FALSE(l.from == "SAO" && l.to == "SAO");
  std::set<std::string> away;
  for (const PlannedLeg& l : sao[0]->legs)
    if (l.from != "CHI") away.insert(l.from);
  EXPECT_EQ(away.count("SAO"), 1u);
  expect_valid(input, plan);
}

// A trip never visits the same city twice when it can visit its clients there one after the
// other (Milan, Zurich and Milan again would fly Milan, Milan, Zurich); here, where two day trips
// to Milan cost less than a night there, the plan keeps them as day trips.
TEST(PlansPeopleMake, NoTripVisitsACityTwice) {
  const Input input = read_input(quarter("LON", R"(
      {"id": "m1", "city": "MIL", "visit_value": 20000},
      {"id": "z", "city": "ZRH", "visit_value": 20000},
      {"id": "m2", "city": "MIL", "visit_value": 20000})",
                                         R"(, "weekend": "stay")"));
  const Plan plan = plan_quarter(input);
  for (const Trip& t : plan.trips) {
    std::vector<std::string> cities;
    for (const Stay& s : t.stays)
      if (cities.empty() || cities.back() != s.city) cities.push_back(s.city);
    const std::set<std::string> distinct(cities.begin(), cities.end());
    EXPECT_EQ(distinct.size(), cities.size()) << t.id << " visits a city twice";
  }
  EXPECT_EQ(plan.totals.visits, 3);
  expect_valid(input, plan);
}

// Two clients in New York who can only meet on Tuesday and Thursday keep the traveller there on
// Wednesday: a third client in New York, not worth a trip of its own, is visited that day.
TEST(PlansPeopleMake, AnIdleDayInACityVisitsItsClient) {
  const Input input = read_input(quarter("FRA", R"(
      {"id": "tue", "city": "NYC", "visit_value": 40000,
       "availability": [{"from": "2027-01-12", "to": "2027-01-12"}]},
      {"id": "thu", "city": "NYC", "visit_value": 40000,
       "availability": [{"from": "2027-01-14", "to": "2027-01-14"}]},
      {"id": "small", "city": "NYC", "visit_value": 2500})"));
  const Plan plan = plan_quarter(input);
  ASSERT_EQ(plan.decisions.size(), 3u);
  EXPECT_TRUE(plan.decisions[2].visit) << plan.decisions[2].reason;
  const auto nyc = trips_to(plan, "NYC");
  ASSERT_EQ(nyc.size(), 1u);
  std::map<std::string, Date> day;
  for (const Visit& v : nyc[0]->visits) day[v.client_id] = v.date;
  EXPECT_EQ(day.at("small"), Date{2027_y / date::January / 13});
  // Alone, a trip to New York costs more than the small client is worth.
  const Plan alone = plan_quarter(
      read_input(quarter("FRA", R"({"id": "small", "city": "NYC", "visit_value": 2500})")));
  EXPECT_FALSE(alone.decisions[0].visit);
  expect_valid(input, plan);
}

/// The visits of `plan` to client `id`.
std::vector<const Visit*> visits_of(const Plan& plan, const std::string& id) {
  std::vector<const Visit*> out;
  for (const Trip& t : plan.trips)
    for (const Visit& v : t.visits)
      if (v.client_id == id) out.push_back(&v);
  return out;
}

const PlanMethod kMethods[] = {PlanMethod::greedy, PlanMethod::search, PlanMethod::exact};

/// A client in Dubai (whose country's weekend is Saturday and Sunday) that works Sunday to
/// Thursday and can be seen from Friday 8 to Sunday 10 January 2027.
const char* const kSundayWeekClient = R"(
    {"id": "dxb", "city": "DXB", "visit_value": 60000, "working_hours": "Sun-Thu 08:00-17:00",
     "availability": [{"from": "2027-01-08", "to": "2027-01-10"}]})";

// A client's own week, when its working hours name the days, decides its visit days: a Dubai
// client working Sunday to Thursday is visited on the Sunday, never on its Friday or Saturday.
// (Before, the planners used the country's weekend only and booked the Friday.)
TEST(PlansPeopleMake, AClientsOwnWeekDecidesItsVisitDays) {
  const Input input = read_input(quarter("FRA", kSundayWeekClient));
  for (const PlanMethod m : kMethods) {
    const Plan plan = plan_quarter(input, m);
    const auto v = visits_of(plan, "dxb");
    ASSERT_EQ(v.size(), 1u) << plan.method;
    EXPECT_EQ(v[0]->date, Date{2027_y / date::January / 10}) << plan.method;
    expect_valid(input, plan);
  }
}

// Clients in Riyadh and Tel Aviv (Friday-Saturday weekends, weeks from Sunday) with the
// one-range working hours are never visited on a Friday or Saturday: available Friday to Sunday
// only, both are seen on the Sunday, by every method.
TEST(PlansPeopleMake, NoVisitOnAFridaySaturdayWeekend) {
  const Input input = read_input(quarter("FRA", R"(
      {"id": "ruh", "city": "RUH", "visit_value": 60000, "working_hours": "09:00-17:00",
       "availability": [{"from": "2027-01-08", "to": "2027-01-10"}]},
      {"id": "tlv", "city": "TLV", "visit_value": 60000,
       "availability": [{"from": "2027-01-15", "to": "2027-01-17"}]})"));
  for (const PlanMethod m : kMethods) {
    const Plan plan = plan_quarter(input, m);
    for (const auto& [id, sunday] : {std::pair{"ruh", Date{2027_y / date::January / 10}},
                                     std::pair{"tlv", Date{2027_y / date::January / 17}}}) {
      const auto v = visits_of(plan, id);
      ASSERT_EQ(v.size(), 1u) << plan.method << " " << id;
      EXPECT_EQ(v[0]->date, sunday) << plan.method << " " << id;
    }
    expect_valid(input, plan);
  }
}

// The plan checker flags a hand-made visit on a client's Friday: in Riyadh by the country's
// weekend, and for the Dubai client by its own Sunday-to-Thursday week (a business day of the
// United Arab Emirates, which the checker used to accept).
TEST(PlansPeopleMake, TheCheckerFlagsAVisitOnTheClientsWeekend) {
  const std::string ruh = R"(
      {"id": "ruh", "city": "RUH", "visit_value": 60000,
       "availability": [{"from": "2027-01-08", "to": "2027-01-10"}]})";
  for (const auto& [clients, why] :
       {std::pair{std::string(kSundayWeekClient),
                  std::string("client dxb does not work on Fri (working_hours \"Sun-Thu "
                              "08:00-17:00\")")},
        std::pair{ruh, std::string("a weekend day in SA")}}) {
    const Input input = read_input(quarter("FRA", clients));
    Plan plan = plan_quarter(input, PlanMethod::greedy);
    ASSERT_EQ(plan.trips.size(), 1u);
    ASSERT_EQ(plan.trips[0].visits.size(), 1u);
    expect_valid(input, plan);
    plan.trips[0].visits[0].date = Date{2027_y / date::January / 8}; // a Friday
    const auto v = check::check_plan(input, plan);
    const auto it = std::find_if(v.begin(), v.end(), [](const check::Violation& x) {
      return x.pointer == "/trips/0/visits/0/date" && x.rule == "business days";
    });
    ASSERT_NE(it, v.end()) << clients;
    EXPECT_NE(it->message.find("2027-01-08 (Fri) is not a business day"), std::string::npos)
        << it->message;
    EXPECT_NE(it->message.find(why), std::string::npos) << it->message;
  }
}

// The marginal cost a plan shows is never negative, even when a client makes its trip cheaper
// to date (it is then shown as 0 and the reason says what the visit saves).
TEST(PlansPeopleMake, MarginalCostsAreNeverNegative) {
  bool saves = false;
  for (const std::string name : {"default.json", "two-travellers.json"}) {
    const Input input =
        read_input(clitest::slurp(std::string(FLYORCALL_SOURCE_DIR) + "/data/examples/" + name));
    const Plan plan = plan_quarter(input);
    for (const ClientDecision& d : plan.decisions) {
      EXPECT_GE(d.marginal_cost, Money{0}) << name << ": " << d.client_id << ": " << d.reason;
      EXPECT_EQ(d.reason.find("adding -"), std::string::npos) << d.reason;
      EXPECT_EQ(d.reason.find("costs -"), std::string::npos) << d.reason;
      saves = saves || d.reason.find(", saving ") != std::string::npos;
    }
  }
  // At least one client of these plans makes its trips cheaper, and its reason says so.
  EXPECT_TRUE(saves);
}

} // namespace
} // namespace flyorcall
