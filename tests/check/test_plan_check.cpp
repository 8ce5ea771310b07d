// The plan checker (docs/check.md): every plan the planner makes for data/examples is valid, and
// each rule is shown to bite by mutating a valid plan (or its input) and asserting the exact
// violation pointer and rule.
//
// The mutation tests start from two multi-stop plans kept in this folder (made by the quarter
// planner's multi-client search for data/examples/default.json and two-travellers.json), so that
// they keep their trips, legs and dates whatever the planner does later; a change to the network
// data or the cost model that moves a figure of those plans fails ValidFixtures, and then the
// fixtures are to be made again from the same inputs:
//
//   flyorcall plan data/examples/<name>.json --method search --seed 1 -q
//       -o tests/check/<name>.multistop.plan.json
//
// No test names a trip, leg, stay or visit of a fixture by its index: each finds the element its
// rule needs by its properties and asserts that there is one, so that fixtures made again keep
// testing the same rules or say which situation they no longer have.
#include "check/plan_check_support.hpp"

#include <random>

namespace {

using namespace plan_check_test;

// ---- plans the planner makes ---------------------------------------------------------------

TEST(PlanCheck, DefaultExamplePlanIsValid) {
  const flyorcall::Input input = input_of(example_json("default"));
  const flyorcall::Plan plan = flyorcall::plan_quarter(input);
  const std::vector<Violation> v = flyorcall::check::check_plan(input, plan);
  EXPECT_TRUE(v.empty()) << listing(v);
  // The in-memory plan and its JSON are the same document to the checker.
  const std::vector<Violation> from_json =
      flyorcall::check::check_plan(input, flyorcall::io::read_plan(plan_to_json(plan)));
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
// FLYORCALL_RANDOM_CHECKS sets how many inputs (default 20, 8 under a sanitizer).
TEST(PlanCheck, RandomInputsEveryMethod) {
  int count = flyorcall::testing::by_build(20, 8);
  if (const char* s = std::getenv("FLYORCALL_RANDOM_CHECKS")) count = std::max(count, std::atoi(s));
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
  EXPECT_GE(checked, count * 3 / 2);
  EXPECT_GE(multi_stop, count / 4);
}

TEST(PlanCheck, ValidFixtures) {
  for (const char* name : {"default", "two-travellers"}) {
    SCOPED_TRACE(name);
    const std::vector<Violation> v = check(input_of(example_json(name)), fixture(name));
    EXPECT_TRUE(v.empty()) << listing(v);
  }
  // The fixtures are what the mutations need (each test also asserts the element it changes):
  // multi-stop trips, a journey with a connection, a visit during a fair and, with two
  // travellers, a tour of wei's and a trip without flights (a client in the traveller's home).
  const Json def = fixture("default");
  const Places def_places(example_json("default"));
  EXPECT_TRUE(find_trip(def, multi_stop)) << "no trip of the default fixture visits two clients";
  EXPECT_TRUE(find_journey(def, [](const Json& trip, const std::vector<Journey>& js,
                                   std::size_t j) {
    return js[j].size() >= 2 && one_cabin(trip, js[j]);
  })) << "no journey of the default fixture has a connection";
  const auto fair = find_fair_visit(def, def_places);
  ASSERT_TRUE(fair) << "no visit of the default fixture is during a fair";
  const std::string fair_client = def["trips"][fair->visit.trip]["visits"][fair->visit.k]["client"];
  const Json& decision = def["clients"][index_of(def["clients"], fair_client)];
  EXPECT_DOUBLE_EQ(decision["value"].get<double>(),
                   std::round(def_places.visit_value(fair_client) * (1 + fair->uplift) * 100) / 100)
      << fair_client << "'s value has the fair's uplift";

  const Json two = fixture("two-travellers");
  EXPECT_TRUE(find_trip(two, [](const Json& t) {
    return t["traveller"] == "wei" && multi_stop(t);
  })) << "no tour of wei's in the two-traveller fixture";
  const auto at_home = find_trip(two, [](const Json& t) {
    return t["traveller"] == "wei" && t["legs"].empty() && !t["stays"].empty();
  });
  ASSERT_TRUE(at_home) << "no trip of wei's without flights in the two-traveller fixture";
  const Json two_input = example_json("two-travellers");
  const Json& wei = two_input["travellers"][index_of(two_input["travellers"], "wei")];
  for (const Json& s : two["trips"][*at_home]["stays"]) EXPECT_EQ(s["city"], wei["home"]);
}

/// Another traveller of the input than `id`.
std::string other_traveller(const Json& input_json, const std::string& id) {
  for (const Json& t : input_json["travellers"])
    if (t["id"] != id) return t["id"];
  ADD_FAILURE() << "no other traveller than " << id;
  return "";
}

TEST(PlanCheckTwoTravellers, TravellerNotAllowed) {
  // A client anyone may visit is restricted to another traveller than the one who visits it.
  Json input_json = example_json("two-travellers");
  const Json plan = fixture("two-travellers");
  const auto at = find_item(plan, "visits", [&](const Json& t, std::size_t k) {
    const std::string id = t["visits"][k]["client"];
    return !input_json["clients"][index_of(input_json["clients"], id)].contains("travellers");
  });
  ASSERT_TRUE(at) << "no visit of a client without traveller restrictions";
  const std::string who = plan["trips"][at->trip]["traveller"];
  const std::string other = other_traveller(input_json, who);
  const std::string client = plan["trips"][at->trip]["visits"][at->k]["client"];
  input_json["clients"][index_of(input_json["clients"], client)]["travellers"] =
      Json::array({other});
  const auto v = check(input_of(input_json), plan);
  const std::string p = at_visit(at->trip, at->k);
  EXPECT_VIOLATION(v, p, "travellers");
  ASSERT_NE(find(v, p, "travellers"), nullptr);
  EXPECT_THAT(find(v, p, "travellers")->message,
              HasSubstr("may be visited only by " + other + ", not by " + who));
}

TEST(PlanCheckTwoTravellers, TripOfTheWrongTraveller) {
  // A trip with flights given to the other traveller, who lives elsewhere.
  const Json input_json = example_json("two-travellers");
  Json plan = fixture("two-travellers");
  const auto t = find_trip(plan, [](const Json& x) { return !x["legs"].empty(); });
  ASSERT_TRUE(t) << "no trip with flights";
  const std::string other = other_traveller(input_json, plan["trips"][*t]["traveller"]);
  ASSERT_NE(input_json["travellers"][index_of(input_json["travellers"], other)]["home"],
            plan["trips"][*t]["legs"][0]["from"]);
  const std::string client = plan["trips"][*t]["visits"][0]["client"];
  plan["trips"][*t]["traveller"] = other;
  const auto v = check(input_of(input_json), plan);
  EXPECT_VIOLATION(v, at_leg(*t, 0) + "/from", "home");
  EXPECT_VIOLATION(v, at_client(index_of(plan["clients"], client)) + "/traveller", "visit");
}

TEST(PlanCheckTwoTravellers, HomeCityVisitNeedsNoHotel) {
  // wei's client in Singapore, visited from home without a flight.
  Json plan = fixture("two-travellers");
  const auto t = find_trip(plan, [](const Json& x) {
    return x["traveller"] == "wei" && x["legs"].empty() && !x["stays"].empty();
  });
  ASSERT_TRUE(t) << "no trip of wei's without flights";
  plan["trips"][*t]["stays"][0]["hotel_nights"] = 1;
  const auto v = check(input_of(example_json("two-travellers")), plan);
  EXPECT_ONLY_VIOLATION(v, at_stay(*t, 0) + "/hotel_nights", "hotel nights");
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
  Json written = Json::parse(flyorcall::plan_to_json(plan));
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
