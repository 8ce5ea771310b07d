// The plan checker (docs/check.md): every plan the planner makes for data/examples is valid, and
// each rule is shown to bite by mutating a valid plan (or its input) and asserting the exact
// violation pointer and rule.
//
// The mutation tests start from two multi-stop plans kept in this folder (made by the quarter
// planner's multi-client search for data/examples/default.json and two-travellers.json), so that
// they keep their trips, legs and dates whatever the planner does later; a change to the network
// data or the cost model that moves a figure of those plans fails ValidFixtures, and then the
// fixtures are to be made again from the same inputs.
#include <algorithm>
#include <cstdlib>
#include <filesystem>
#include <fstream>
#include <random>
#include <sstream>
#include <string>
#include <vector>

#include <date/date.h>
#include <gmock/gmock.h>
#include <gtest/gtest.h>
#include <nlohmann/json.hpp>

#include "check/plan_check.hpp"
#include "flyorcall/errors.hpp"
#include "flyorcall/flyorcall.hpp"
#include "io/plan_reader.hpp"

namespace fs = std::filesystem;
using flyorcall::check::Violation;
using Json = nlohmann::ordered_json;
using ::testing::HasSubstr;

namespace {

const fs::path kSource = FLYORCALL_SOURCE_DIR;

std::string slurp(const fs::path& p) {
  std::ifstream in(p, std::ios::binary);
  std::ostringstream s;
  s << in.rdbuf();
  return s.str();
}

Json example_json(const std::string& name) {
  return Json::parse(slurp(kSource / "data/examples" / (name + ".json")));
}

flyorcall::Input input_of(const Json& j) {
  return flyorcall::read_input(j.dump());
}

Json fixture(const std::string& name) {
  return Json::parse(slurp(kSource / "tests/check" / (name + ".multistop.plan.json")));
}

std::vector<Violation> check(const flyorcall::Input& input, const Json& plan) {
  return flyorcall::check::check_plan(input, flyorcall::io::read_plan(plan.dump(2)));
}

std::string listing(const std::vector<Violation>& v) {
  std::string s;
  for (const Violation& x : v) s += "  " + x.pointer + ": " + x.message + " (" + x.rule + ")\n";
  return s;
}

bool has(const std::vector<Violation>& v, const std::string& pointer, const std::string& rule) {
  return std::any_of(v.begin(), v.end(),
                     [&](const Violation& x) { return x.pointer == pointer && x.rule == rule; });
}

const Violation* find(const std::vector<Violation>& v, const std::string& pointer,
                      const std::string& rule) {
  for (const Violation& x : v)
    if (x.pointer == pointer && x.rule == rule) return &x;
  return nullptr;
}

/// Asserts the violation is among those found.
#define EXPECT_VIOLATION(v, pointer, rule)                                                         \
  EXPECT_TRUE(has(v, pointer, rule)) << "expected " << (pointer) << " (" << (rule) << ")\n"        \
                                     << listing(v)

/// Asserts it is the only one.
#define EXPECT_ONLY_VIOLATION(v, pointer, rule)                                                    \
  do {                                                                                             \
    EXPECT_VIOLATION(v, pointer, rule);                                                            \
    EXPECT_EQ((v).size(), 1u) << listing(v);                                                       \
  } while (false)

// ---- shifting times in a plan --------------------------------------------------------------

std::string shift_text(const std::string& s, date::days days, int minutes) {
  // "YYYY-MM-DD", "YYYY-MM-DDTHH:MM" or "YYYY-MM-DDTHH:MMZ".
  int y = 0, mo = 0, d = 0, h = 0, mi = 0;
  std::sscanf(s.c_str(), "%d-%d-%d", &y, &mo, &d);
  const bool timed = s.size() >= 16;
  if (timed) std::sscanf(s.c_str() + 11, "%d:%d", &h, &mi);
  const date::sys_days day = date::year{y} / mo / d;
  const auto t = date::sys_seconds{day + days} + std::chrono::minutes{h * 60 + mi + minutes};
  if (!timed) return date::format("%F", date::floor<date::days>(t));
  return date::format("%FT%R", t) + (s.back() == 'Z' ? "Z" : "");
}

void shift_leg(Json& leg, date::days days, int minutes) {
  for (const char* key : {"depart_local", "arrive_local", "depart_utc", "arrive_utc"})
    leg[key] = shift_text(leg[key].get<std::string>(), days, minutes);
}

/// Moves a whole trip by whole days (leg times, stays, visits, depart and back).
void shift_trip(Json& trip, int days) {
  const date::days d{days};
  trip["depart"] = shift_text(trip["depart"], d, 0);
  trip["back"] = shift_text(trip["back"], d, 0);
  for (Json& leg : trip["legs"]) shift_leg(leg, d, 0);
  for (Json& s : trip["stays"]) {
    s["arrive"] = shift_text(s["arrive"], d, 0);
    s["depart"] = shift_text(s["depart"], d, 0);
  }
  for (Json& v : trip["visits"]) v["date"] = shift_text(v["date"], d, 0);
}

void add_money(Json& field, double units) {
  field = std::round((field.get<double>() + units) * 100.0) / 100.0;
}

// ---- plans the planner makes ---------------------------------------------------------------

TEST(PlanCheck, DefaultExamplePlanIsValid) {
  const flyorcall::Input input = input_of(example_json("default"));
  const flyorcall::Plan plan = flyorcall::plan_quarter(input);
  const std::vector<Violation> v = flyorcall::check::check_plan(input, plan);
  EXPECT_TRUE(v.empty()) << listing(v);
  // The in-memory plan and its JSON are the same document to the checker.
  const std::vector<Violation> from_json =
      flyorcall::check::check_plan(input, flyorcall::io::read_plan(plan_to_json(plan, input)));
  EXPECT_TRUE(from_json.empty()) << listing(from_json);
  EXPECT_FALSE(plan.trips.empty());
}

TEST(PlanCheck, EveryExamplePlanIsValid) {
  int planned = 0;
  for (const auto& entry : fs::directory_iterator(kSource / "data/examples")) {
    if (entry.path().extension() != ".json") continue;
    SCOPED_TRACE(entry.path().filename().string());
    const flyorcall::Input input = flyorcall::read_input(slurp(entry.path()));
    try {
      const flyorcall::Plan plan = flyorcall::plan_quarter(input);
      const std::vector<Violation> v = flyorcall::check::check_plan(input, plan);
      EXPECT_TRUE(v.empty()) << listing(v);
      ++planned;
    } catch (const flyorcall::InfeasibleError&) {
      // The one example made to be infeasible has no plan to check.
      EXPECT_EQ(entry.path().filename(), "must-visit-infeasible.json");
    }
  }
  EXPECT_GE(planned, 3);
}

/// A random small input: clients near and far (long-haul journeys, the cabin rule, time zones,
/// the DST changes of March 2027 in Europe and North America), one or two travellers with their
/// weekend rules, fairs, blackouts, availability, restrictions, must-visits and budgets.
Json random_input(std::mt19937& rng, int case_no) {
  const auto below = [&rng](std::size_t n) { return static_cast<std::size_t>(rng() % n); };
  static const std::vector<std::string> cities = {"MUC", "LON", "PAR", "MIL", "ZRH", "IST",
                                                  "DXB", "NYC", "CHI", "SIN", "TYO", "FRA",
                                                  "AMS", "MAD", "BOM", "SAO", "SYD", "HAM"};
  static const std::vector<std::string> homes = {"FRA", "LON", "NYC", "SIN"};
  Json j;
  j["start"] = "2027-03-01";
  j["end"] = "2027-04-09";
  j["seed"] = case_no;
  j["time_limit_s"] = 0.3;
  const std::size_t n_travellers = 1 + below(2);
  for (std::size_t t = 0; t < n_travellers; ++t) {
    Json tr = {{"id", "t" + std::to_string(t)},
               {"home", homes[below(homes.size())]},
               {"cost_per_day", 300 + 100 * static_cast<int>(below(6))},
               {"max_days_away", 6 + static_cast<int>(below(12))},
               {"max_trip_days", 3 + static_cast<int>(below(6))},
               {"weekend", below(2) ? "home" : "stay"}};
    if (below(2)) tr["cabin"] = {{"upgrade_to", "business"}, {"upgrade_above_h", 3 + below(6)}};
    j["travellers"].push_back(tr);
  }
  const std::size_t n_clients = 3 + below(4);
  for (std::size_t c = 0; c < n_clients; ++c) {
    Json cl = {{"id", "c" + std::to_string(c)},
               {"city", cities[below(cities.size())]},
               {"account_revenue", 20000 + 30000 * static_cast<int>(below(20))},
               {"visit_days", below(4) == 0 ? 2 : 1}};
    if (below(8) == 0) cl["must_visit"] = true;
    if (n_travellers > 1 && below(4) == 0) cl["travellers"] = Json::array({"t1"});
    if (below(5) == 0)
      cl["availability"] = Json::array({{{"from", "2027-03-08"}, {"to", "2027-03-19"}}});
    j["clients"].push_back(cl);
  }
  j["events"] = Json::array();
  if (below(2) == 0)
    j["events"].push_back({{"kind", "fair"},
                           {"city", j["clients"][below(n_clients)]["city"]},
                           {"from", "2027-03-15"},
                           {"to", "2027-03-18"},
                           {"value_uplift", 0.5}});
  if (below(3) == 0)
    j["events"].push_back({{"kind", "blackout"},
                           {"city", j["clients"][below(n_clients)]["city"]},
                           {"from", "2027-03-22"},
                           {"to", "2027-03-24"}});
  j["policy"] = {{"carbon_price_per_t", 100 * static_cast<int>(below(3))},
                 {"min_connection_min", 45 + 15 * static_cast<int>(below(4))}};
  if (below(3) == 0) j["policy"]["budget"] = {{"money", 3000 + 2000 * static_cast<int>(below(8))}};
  return j;
}

// Every plan of every planning method on random inputs passes the check;
// FLYORCALL_RANDOM_CHECKS sets how many inputs (default 20).
TEST(PlanCheck, RandomInputsEveryMethod) {
  int count = 20;
  if (const char* s = std::getenv("FLYORCALL_RANDOM_CHECKS")) count = std::max(20, std::atoi(s));
  std::mt19937 rng(2027);
  int checked = 0;
  int multi_stop = 0;
  for (int k = 0; k < count; ++k) {
    const Json j = random_input(rng, k);
    SCOPED_TRACE(j.dump());
    const flyorcall::Input input = input_of(j);
    for (const auto method : {flyorcall::PlanMethod::greedy, flyorcall::PlanMethod::search,
                              flyorcall::PlanMethod::exact}) {
      try {
        const flyorcall::Plan plan = flyorcall::plan_quarter(input, method);
        const std::vector<Violation> v = flyorcall::check::check_plan(input, plan);
        EXPECT_TRUE(v.empty()) << plan.method << "\n" << listing(v);
        ++checked;
        for (const flyorcall::Trip& t : plan.trips) multi_stop += t.visits.size() > 1 ? 1 : 0;
      } catch (const flyorcall::InfeasibleError&) {
        // A must-visit client no plan can reach: nothing to check.
      }
    }
  }
  EXPECT_GE(checked, 30);
  EXPECT_GE(multi_stop, 5);
}

TEST(PlanCheck, ValidFixtures) {
  for (const char* name : {"default", "two-travellers"}) {
    SCOPED_TRACE(name);
    const std::vector<Violation> v = check(input_of(example_json(name)), fixture(name));
    EXPECT_TRUE(v.empty()) << listing(v);
  }
  // The fixtures are what the mutations need: multi-stop trips, a trip without flights (a
  // client in the traveller's home city) and a visit during a fair.
  const Json two = fixture("two-travellers");
  EXPECT_EQ(two["trips"][2]["visits"].size(), 4u); // wei's tour from Singapore
  EXPECT_TRUE(two["trips"][5]["legs"].empty());    // wei's client at home: no flight
  EXPECT_EQ(two["trips"][5]["stays"][0]["city"], "SIN");
  const Json def = fixture("default");
  EXPECT_EQ(def["trips"][0]["visits"].size(), 4u);
  EXPECT_EQ(def["trips"][0]["legs"][2]["from"], "IST"); // PRG -> IST -> SIN: a connection
  EXPECT_EQ(def["clients"][2]["id"], "thames");
  EXPECT_EQ(def["clients"][2]["value"], 43750.0); // 35 000 with the fair's 25 % uplift
}

// ---- one test per rule ---------------------------------------------------------------------

class Mutated : public ::testing::Test {
protected:
  Json input_json = example_json("default");
  Json plan = fixture("default");
  std::vector<Violation> run() const { return check(input_of(input_json), plan); }
};

TEST_F(Mutated, FareNotTheNetworks) {
  add_money(plan["trips"][0]["legs"][0]["fare"], 1);
  const auto v = run();
  EXPECT_ONLY_VIOLATION(v, "/trips/0/legs/0/fare", "network fare");
  EXPECT_THAT(v.front().message, HasSubstr("economy fare of FRA-PRG"));
}

TEST_F(Mutated, FareNotTheJourneysShare) {
  // PRG -> IST -> SIN is one journey sold from PRG to SIN; each leg carries a share of its fare.
  Json& legs = plan["trips"][0]["legs"];
  add_money(legs[1]["fare"], 100);
  add_money(legs[2]["fare"], -100);
  const auto v = run();
  EXPECT_VIOLATION(v, "/trips/0/legs/1/fare", "network fare");
  EXPECT_VIOLATION(v, "/trips/0/legs/2/fare", "network fare");
  EXPECT_EQ(v.size(), 2u) << listing(v); // the trip's total is the same
  EXPECT_THAT(find(v, "/trips/0/legs/1/fare", "network fare")->message,
              HasSubstr("business fare of PRG-SIN is"));
  EXPECT_THAT(find(v, "/trips/0/legs/1/fare", "network fare")->message,
              HasSubstr(", of which this leg carries"));
}

TEST_F(Mutated, LegNotInTheNetwork) {
  plan["trips"][4]["legs"][1]["to"] = "ZRH"; // PAR -> ZRH instead of home
  const auto v = run();
  EXPECT_VIOLATION(v, "/trips/4/legs/1/to", "home");
}

TEST_F(Mutated, VisitOnASaturday) {
  plan["trips"][0]["visits"][1]["date"] = "2027-01-09";
  const auto v = run();
  EXPECT_VIOLATION(v, "/trips/0/visits/1/date", "business days");
  EXPECT_THAT(find(v, "/trips/0/visits/1/date", "business days")->message,
              HasSubstr("2027-01-09 (Sat) is not a business day of client marina in SIN"));
}

TEST_F(Mutated, VisitOnAPublicHoliday) {
  plan["trips"][0]["visits"][0]["date"] = "2027-01-01";
  const auto v = run();
  EXPECT_VIOLATION(v, "/trips/0/visits/0/date", "business days");
  EXPECT_THAT(find(v, "/trips/0/visits/0/date", "business days")->message,
              HasSubstr("a public holiday in CZ"));
}

TEST_F(Mutated, VisitOnABlackoutDay) {
  input_json["events"].push_back(
      {{"kind", "blackout"}, {"city", "ZRH"}, {"from", "2027-03-30"}, {"title", "Office move"}});
  const auto v = run();
  EXPECT_VIOLATION(v, "/trips/13/visits/0/date", "business days");
  EXPECT_THAT(find(v, "/trips/13/visits/0/date", "business days")->message,
              HasSubstr("Office move"));
}

TEST_F(Mutated, DroppedLeg) {
  plan["trips"][0]["legs"].erase(1); // PRG -> IST
  const auto v = run();
  EXPECT_VIOLATION(v, "/trips/0/legs/1/from", "legs chain");
}

TEST_F(Mutated, BrokenTotal) {
  add_money(plan["totals"]["net"], 0.01);
  EXPECT_ONLY_VIOLATION(run(), "/totals/net", "totals");
}

TEST_F(Mutated, BrokenCo2Total) {
  plan["totals"]["co2_kg"] = plan["totals"]["co2_kg"].get<double>() + 0.1;
  EXPECT_ONLY_VIOLATION(run(), "/totals/co2_kg", "totals");
}

TEST_F(Mutated, TripCostFieldOffByACent) {
  add_money(plan["trips"][0]["cost"]["jetlag"], 0.01);
  EXPECT_ONLY_VIOLATION(run(), "/trips/0/cost/jetlag", "trip cost");
}

TEST_F(Mutated, OverlappingTrips) {
  shift_trip(plan["trips"][4], -7); // lefevre's day trip onto T1 (2027-01-04..08)
  const auto v = run();
  EXPECT_VIOLATION(v, "/trips/4/depart", "non-overlapping trips");
  EXPECT_VIOLATION(v, "/trips/4/depart", "trip ids"); // no longer in date order
}

TEST_F(Mutated, MoneyBudgetExceeded) {
  input_json["policy"]["budget"]["money"] = 40000;
  const auto v = run();
  EXPECT_VIOLATION(v, "/budget/money/used", "money budget");
  EXPECT_VIOLATION(v, "/budget/money/limit", "plan input"); // the plan states another limit
}

TEST_F(Mutated, DaysAndCo2BudgetsExceeded) {
  input_json["policy"]["budget"]["days"] = 20;
  input_json["policy"]["budget"]["co2_kg"] = 5000;
  const auto v = run();
  EXPECT_VIOLATION(v, "/budget/days/used", "days budget");
  EXPECT_VIOLATION(v, "/budget/co2_kg/used", "co2 budget");
}

TEST_F(Mutated, MaxDaysAwayExceeded) {
  input_json["travellers"][0]["max_days_away"] = 10; // 5 + 1 + 1 + 1 + 1 + 1 days, then T7
  EXPECT_ONLY_VIOLATION(run(), "/trips/6/days_away", "max_days_away");
}

TEST_F(Mutated, MaxTripDaysExceeded) {
  input_json["travellers"][0]["max_trip_days"] = 4; // T1 and T11 are 5 days
  const auto v = run();
  EXPECT_VIOLATION(v, "/trips/0/days_away", "max_trip_days");
  EXPECT_VIOLATION(v, "/trips/10/days_away", "max_trip_days");
  EXPECT_EQ(v.size(), 2u) << listing(v);
}

TEST_F(Mutated, MustVisitClientLeftRemote) {
  input_json["clients"][11]["must_visit"] = true; // tejo
  EXPECT_ONLY_VIOLATION(run(), "/clients/11/decision", "must_visit");
}

TEST_F(Mutated, VisitOutsideAvailability) {
  input_json["clients"][6]["availability"] =
      Json::array({{{"from", "2027-03-01"}, {"to", "2027-03-05"}}});
  EXPECT_ONLY_VIOLATION(run(), "/trips/8/visits/0/date", "availability"); // rhone
}

TEST_F(Mutated, HotelNights) {
  plan["trips"][0]["stays"][1]["hotel_nights"] = 2;
  EXPECT_ONLY_VIOLATION(run(), "/trips/0/stays/1/hotel_nights", "hotel nights");
}

TEST_F(Mutated, StayArrival) {
  plan["trips"][0]["stays"][2]["arrive"] = "2027-01-05";
  EXPECT_ONLY_VIOLATION(run(), "/trips/0/stays/2/arrive", "stays");
}

TEST_F(Mutated, VisitRightAfterALongHaulArrival) {
  // PRG -> IST -> SIN lands 14:55 after 15 h: the traveller rests before the first meeting.
  plan["trips"][0]["visits"][1]["date"] = "2027-01-05";
  const auto v = run();
  EXPECT_ONLY_VIOLATION(v, "/trips/0/visits/1/date", "arrival rule");
  EXPECT_THAT(v.front().message, HasSubstr("can start on 2027-01-06 at the earliest"));
}

TEST_F(Mutated, LeavingAStopBefore1800) {
  shift_leg(plan["trips"][0]["legs"][1], date::days{0}, -120); // PRG -> IST at 16:00
  EXPECT_ONLY_VIOLATION(run(), "/trips/0/legs/1/depart_utc", "leave stop 18:00");
}

TEST_F(Mutated, LeavingHomeBefore0700) {
  shift_leg(plan["trips"][5]["legs"][0], date::days{0}, -30);
  EXPECT_ONLY_VIOLATION(run(), "/trips/5/legs/0/depart_utc", "leave home 07:00");
}

TEST_F(Mutated, ShortConnection) {
  shift_leg(plan["trips"][0]["legs"][2], date::days{0}, -30); // IST -> SIN 30 min after landing
  EXPECT_ONLY_VIOLATION(run(), "/trips/0/legs/2/depart_utc", "min_connection");
}

TEST_F(Mutated, ArrivalNotDepartPlusBlock) {
  plan["trips"][0]["legs"][0]["arrive_utc"] = "2027-01-04T09:00Z";
  EXPECT_ONLY_VIOLATION(run(), "/trips/0/legs/0/arrive_utc", "leg times");
}

TEST_F(Mutated, CabinRule) {
  // With the threshold at 20 h no journey earns business class.
  input_json["travellers"][0]["cabin"]["upgrade_above_h"] = 20;
  const auto v = run();
  EXPECT_VIOLATION(v, "/trips/0/legs/1/cabin", "cabin rule");
  EXPECT_THAT(find(v, "/trips/0/legs/1/cabin", "cabin rule")->message,
              HasSubstr("cabin rule books economy"));
}

TEST_F(Mutated, WeekendRuleHome) {
  shift_trip(plan["trips"][0], 2); // Wed 2027-01-06 .. Sun 2027-01-10: away on Saturday
  const auto v = run();
  EXPECT_VIOLATION(v, "/trips/0", "weekend rule home");
}

TEST_F(Mutated, PastTheHorizon) {
  shift_trip(plan["trips"][13], 14);
  const auto v = run();
  EXPECT_VIOLATION(v, "/trips/13/back", "horizon");
  EXPECT_VIOLATION(v, "/trips/13/visits/0/date", "horizon");
}

TEST_F(Mutated, DaysAwayField) {
  plan["trips"][0]["days_away"] = 6;
  EXPECT_ONLY_VIOLATION(run(), "/trips/0/days_away", "days_away");
}

TEST_F(Mutated, TripIds) {
  plan["trips"][6]["id"] = "T70";
  plan["clients"][10]["trip"] = "T70"; // iberia follows its trip
  EXPECT_ONLY_VIOLATION(run(), "/trips/6/id", "trip ids");
}

TEST_F(Mutated, UnknownTraveller) {
  plan["trips"][0]["traveller"] = "ana";
  const auto v = run();
  EXPECT_VIOLATION(v, "/trips/0/traveller", "traveller");
  EXPECT_THAT(find(v, "/trips/0/traveller", "traveller")->message,
              HasSubstr("did you mean \"anna\""));
}

TEST_F(Mutated, FairUpliftLeftOut) {
  plan["clients"][2]["value"] = 35000; // thames, visited on the fair's first day
  EXPECT_ONLY_VIOLATION(run(), "/clients/2/value", "value");
}

TEST_F(Mutated, FairThePlanDidNotPrice) {
  input_json["events"].push_back({{"kind", "fair"},
                                  {"city", "ZRH"},
                                  {"from", "2027-03-29"},
                                  {"to", "2027-03-31"},
                                  {"value_uplift", 0.5}});
  const auto v = run();
  EXPECT_VIOLATION(v, "/clients/8/value", "value"); // helvetia, visited 2027-03-30
  EXPECT_VIOLATION(v, "/totals/value", "totals");
}

TEST_F(Mutated, RemoteCost) {
  add_money(plan["clients"][11]["remote_cost"], 1);
  EXPECT_ONLY_VIOLATION(run(), "/clients/11/remote_cost", "remote cost");
}

TEST_F(Mutated, RemoteValue) {
  add_money(plan["clients"][11]["remote_value"], -1);
  EXPECT_ONLY_VIOLATION(run(), "/clients/11/remote_value", "remote value");
}

TEST_F(Mutated, DecisionNamesAnotherTrip) {
  plan["clients"][0]["trip"] = "T9";
  EXPECT_ONLY_VIOLATION(run(), "/clients/0/trip", "visit");
}

TEST_F(Mutated, VisitedClientMarkedRemote) {
  plan["clients"][0]["decision"] = "remote";
  plan["clients"][0]["trip"] = nullptr;
  EXPECT_ONLY_VIOLATION(run(), "/clients/0/decision", "visit");
}

TEST_F(Mutated, ClientVisitedTwice) {
  plan["trips"][4]["visits"].push_back(plan["trips"][4]["visits"][0]);
  const auto v = run();
  EXPECT_VIOLATION(v, "/trips/4/visits/1/client", "visit");
}

TEST_F(Mutated, ClientName) {
  plan["clients"][3]["name"] = "Northern";
  EXPECT_ONLY_VIOLATION(run(), "/clients/3/name", "clients");
}

TEST_F(Mutated, MissingDecision) {
  plan["clients"].erase(24);
  const auto v = run();
  EXPECT_VIOLATION(v, "/clients", "clients");
}

TEST_F(Mutated, LegDatedCenturiesLater) {
  // Still a plan the reader accepts: the checker names the dates and does not price 8 000 years.
  plan["trips"][0]["legs"][5]["depart_utc"] = "9999-12-30T17:00Z";
  const auto v = run();
  EXPECT_VIOLATION(v, "/trips/0/back", "trip dates");
  EXPECT_VIOLATION(v, "/trips/0/days_away", "max_trip_days");
  EXPECT_VIOLATION(v, "/trips/0/back", "horizon");
}

TEST_F(Mutated, MiddleLegDatedCenturiesLater) {
  // The stays around it would last millions of nights, some of them negative: the checker names
  // the leg and the stays and does not price them.
  plan["trips"][0]["legs"][3]["depart_utc"] = "9999-12-30T17:00Z";
  const auto v = run();
  EXPECT_VIOLATION(v, "/trips/0/legs/3/arrive_utc", "leg times");
  EXPECT_VIOLATION(v, "/trips/0/stays/1/hotel_nights", "hotel nights");
  EXPECT_FALSE(has(v, "/trips/0/cost/hotel", "trip cost")) << listing(v);
}

TEST_F(Mutated, UnknownCitiesAndCabins) {
  plan["trips"][0]["legs"][3]["to"] = "blr";
  plan["trips"][0]["legs"][4]["cabin"] = "coach";
  plan["trips"][0]["stays"][2]["city"] = "blr";
  const auto v = run();
  EXPECT_VIOLATION(v, "/trips/0/legs/3/to", "network leg");
  EXPECT_THAT(find(v, "/trips/0/legs/3/to", "network leg")->message,
              HasSubstr("did you mean \"BLR\""));
  EXPECT_VIOLATION(v, "/trips/0/legs/4/cabin", "network leg");
}

TEST_F(Mutated, PlanOfAnotherInput) {
  const auto v = check(input_of(example_json("small")), plan);
  EXPECT_VIOLATION(v, "/label", "plan input");
  EXPECT_VIOLATION(v, "/horizon", "plan input");
}

// ---- several travellers, client restrictions, a trip without flights -------------------------

TEST(PlanCheckTwoTravellers, TravellerNotAllowed) {
  Json input_json = example_json("two-travellers");
  input_json["clients"][0]["travellers"] = Json::array({"wei"}); // thames, visited by anna on T4
  const auto v = check(input_of(input_json), fixture("two-travellers"));
  EXPECT_VIOLATION(v, "/trips/3/visits/0", "travellers");
  EXPECT_THAT(find(v, "/trips/3/visits/0", "travellers")->message,
              HasSubstr("may be visited only by wei, not by anna"));
}

TEST(PlanCheckTwoTravellers, TripOfTheWrongTraveller) {
  Json plan = fixture("two-travellers");
  plan["trips"][0]["traveller"] = "wei"; // anna's day trip FRA -> ZRH
  const auto v = check(input_of(example_json("two-travellers")), plan);
  EXPECT_VIOLATION(v, "/trips/0/legs/0/from", "home");
  EXPECT_VIOLATION(v, "/clients/2/traveller", "visit");
}

TEST(PlanCheckTwoTravellers, HomeCityVisitNeedsNoHotel) {
  Json plan = fixture("two-travellers");
  plan["trips"][5]["stays"][0]["hotel_nights"] = 1; // wei's client in Singapore
  const auto v = check(input_of(example_json("two-travellers")), plan);
  EXPECT_ONLY_VIOLATION(v, "/trips/5/stays/0/hotel_nights", "hotel nights");
}

TEST(PlanCheckTwoTravellers, TripWithoutFlights) {
  // Only marina (Singapore) is left to wei: wei visits it from home, without a flight.
  Json input_json = example_json("two-travellers");
  for (Json& c : input_json["clients"])
    if (c["id"] != "marina") c["travellers"] = Json::array({"anna"});
  const flyorcall::Input input = input_of(input_json);
  const flyorcall::Plan plan = flyorcall::plan_quarter(input, flyorcall::PlanMethod::greedy);
  const auto wei = std::find_if(plan.trips.begin(), plan.trips.end(),
                                [](const flyorcall::Trip& t) { return t.traveller_id == "wei"; });
  ASSERT_NE(wei, plan.trips.end());
  EXPECT_TRUE(wei->legs.empty());
  EXPECT_TRUE(flyorcall::check::check_plan(input, plan).empty());
  Json written = Json::parse(flyorcall::plan_to_json(plan, input));
  const auto k = static_cast<std::size_t>(wei - plan.trips.begin());
  written["trips"][k]["stays"][0]["hotel_nights"] = 1;
  const auto v = check(input, written);
  EXPECT_ONLY_VIOLATION(v, "/trips/" + std::to_string(k) + "/stays/0/hotel_nights", "hotel nights");
}

// ---- output --------------------------------------------------------------------------------

TEST(PlanCheckJson, EscapesAndListsEveryViolation) {
  EXPECT_EQ(flyorcall::check::violations_to_json({}), "{\"valid\":true,\"violations\":[]}\n");
  const std::string j = flyorcall::check::violations_to_json(
      {{"/trips/0/legs/0/fare", "network leg", "say \"hi\"\n\\"}, {"", "totals", "x"}});
  const auto parsed = nlohmann::json::parse(j);
  EXPECT_FALSE(parsed["valid"].get<bool>());
  ASSERT_EQ(parsed["violations"].size(), 2u);
  EXPECT_EQ(parsed["violations"][0]["message"], "say \"hi\"\n\\");
  EXPECT_EQ(parsed["violations"][1]["rule"], "totals");
  EXPECT_EQ(j.find('\n'), j.size() - 1); // one line
}

} // namespace
