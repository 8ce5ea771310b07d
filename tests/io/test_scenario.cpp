// Scenario building on the JSON document: merge patches, --set assignments, sweeps.
#include <gtest/gtest.h>
#include <nlohmann/json.hpp>

#include "io/scenario.hpp"

namespace fio = flyorcall::io;
using nlohmann::json;

namespace {

const char* kBase =
    R"({"quarter":"2027-Q1","policy":{"carbon_price_per_t":100,"budget":{"money":60000}},
  "clients":[{"id":"a","city":"LON"},{"id":"b","city":"PAR"}],"a/b":{"~x":1}})";

json doc(const fio::Scenario& s) {
  EXPECT_TRUE(s.problems.empty()) << s.problems.front().pointer << ": "
                                  << s.problems.front().message;
  return json::parse(s.document);
}

std::string only_problem(const fio::Scenario& s) {
  EXPECT_EQ(s.problems.size(), 1u);
  if (s.problems.empty()) return "";
  return s.problems.front().pointer + ": " + s.problems.front().message;
}

std::string usage_message(const auto& f) {
  try {
    f();
  } catch (const flyorcall::InputError& e) {
    return e.problems().front().message;
  }
  return "no error";
}

} // namespace

TEST(PointerTokens, UnescapesTildeAndSlash) {
  EXPECT_EQ(fio::pointer_tokens("/a~1b/~0x/0"), (std::vector<std::string>{"a/b", "~x", "0"}));
  EXPECT_EQ(fio::pointer_tokens("/"), (std::vector<std::string>{""}));
  EXPECT_EQ(usage_message([] { (void)fio::pointer_tokens("policy"); }),
            "pointer \"policy\" must start with \"/\" (a JSON Pointer such as "
            "/policy/carbon_price_per_t)");
  EXPECT_EQ(usage_message([] { (void)fio::pointer_tokens("/a~2"); }),
            "pointer \"/a~2\": \"~\" must be followed by 0 (for ~) or 1 (for /)");
}

TEST(ParseAssignment, ValueIsJsonElseString) {
  EXPECT_EQ(fio::parse_assignment("/policy/carbon_price_per_t=200").value_json, "200");
  EXPECT_EQ(fio::parse_assignment("/x={\"a\": [1, 2]}").value_json, R"({"a":[1,2]})");
  EXPECT_EQ(fio::parse_assignment("/quarter=2027-Q2").value_json, R"("2027-Q2")");
  EXPECT_EQ(fio::parse_assignment("/q=\"quoted\"").value_json, R"("quoted")");
  EXPECT_EQ(fio::parse_assignment("/q=").value_json, R"("")");
  // Only the first "=" separates: the value may hold more.
  const auto a = fio::parse_assignment("/note=a=b");
  EXPECT_EQ(a.pointer, "/note");
  EXPECT_EQ(a.value_json, R"("a=b")");
  EXPECT_EQ(a.text, "/note=a=b");
  EXPECT_EQ(usage_message([] { (void)fio::parse_assignment("/policy"); }),
            "--set \"/policy\": expected /json/pointer=VALUE");
  EXPECT_EQ(usage_message([] { (void)fio::parse_assignment("policy=1"); }),
            "--set \"policy=1\": pointer \"policy\" must start with \"/\" (a JSON Pointer such "
            "as /policy/carbon_price_per_t)");
}

TEST(ParseAssignment, BudgetPercentagesOfTheBasePlan) {
  EXPECT_EQ(*fio::parse_assignment("/policy/budget/cash=-30%").percent_of_base, -30.0);
  EXPECT_EQ(*fio::parse_assignment("/policy/budget/money=+10%").percent_of_base, 10.0);
  EXPECT_EQ(*fio::parse_assignment("/policy/budget/days=12.5%").percent_of_base, 12.5);
  EXPECT_EQ(*fio::parse_assignment("/policy/budget/co2_kg=-100%").percent_of_base, -100.0);
  // The limit is the base plan's use changed by the percentage, never below zero.
  const auto cut = fio::resolve_percent(fio::parse_assignment("/policy/budget/cash=-30%"), 1000);
  EXPECT_FALSE(cut.percent_of_base.has_value());
  EXPECT_EQ(json::parse(cut.value_json).get<double>(), 700.0);
  const std::string range = "\": expected a percentage from -100% to +1000%, such as -30%";
  for (const char* bad :
       {"/policy/budget/cash=%", "/policy/budget/cash=-101%", "/policy/budget/cash=+1001%",
        "/policy/budget/cash=++5%", "/policy/budget/cash=+-5%", "/policy/budget/cash=ten%",
        "/policy/budget/cash=5 %"})
    EXPECT_EQ(usage_message([&] { (void)fio::parse_assignment(bad); }),
              "--set \"" + std::string(bad) + range);
  EXPECT_EQ(usage_message([] { (void)fio::parse_assignment("/policy/carbon_price_per_t=10%"); }),
            "--set \"/policy/carbon_price_per_t=10%\": a percentage applies only to "
            "/policy/budget/cash, money, days or co2_kg (a change of the base plan's use)");
}

TEST(MergePatch, FollowsRfc7386) {
  const auto s = fio::apply_merge_patch(
      kBase, R"({"policy":{"budget":null,"carbon_price_per_t":200},"clients":[{"id":"c"}]})",
      "p.json");
  EXPECT_EQ(s.name, "p.json");
  const json j = doc(s);
  EXPECT_EQ(j["policy"], json::parse(R"({"carbon_price_per_t":200})")); // null removes a member
  EXPECT_EQ(j["clients"], json::parse(R"([{"id":"c"}])"));              // arrays are replaced
  EXPECT_EQ(j["quarter"], "2027-Q1");                                   // the rest is kept
}

TEST(MergePatch, RejectsNonObjectsAndBadJson) {
  EXPECT_EQ(only_problem(fio::apply_merge_patch(kBase, "[1]", "x")),
            ": the scenario is an array, expected an object (a JSON Merge Patch, RFC 7386)");
  EXPECT_EQ(only_problem(fio::apply_merge_patch(kBase, "{\"a\":", "x")),
            ": the scenario is not valid JSON (a JSON Merge Patch, RFC 7386)");
  EXPECT_TRUE(fio::apply_merge_patch(kBase, "{}", "x").problems.empty());
}

TEST(Assignments, ReplaceAddAndAppend) {
  const auto s =
      fio::apply_assignments(kBase,
                             {fio::parse_assignment("/policy/carbon_price_per_t=200"),
                              fio::parse_assignment("/policy/radiative_forcing=false"),
                              fio::parse_assignment("/clients/1/city=MAD"),
                              fio::parse_assignment(R"(/clients/-={"id":"c","city":"SIN"})"),
                              fio::parse_assignment("/a~1b/~0x=2")},
                             "all");
  const json j = doc(s);
  EXPECT_EQ(j["policy"]["carbon_price_per_t"], 200);
  EXPECT_EQ(j["policy"]["radiative_forcing"], false);
  EXPECT_EQ(j["clients"][1]["city"], "MAD");
  ASSERT_EQ(j["clients"].size(), 3u);
  EXPECT_EQ(j["clients"][2]["id"], "c");
  EXPECT_EQ(j["a/b"]["~x"], 2);
}

TEST(Assignments, MissingPlacesAreNamedWithSuggestions) {
  EXPECT_EQ(only_problem(fio::apply_assignments(
                kBase, {fio::parse_assignment("/policy/budgt/money=1")}, "x")),
            "/policy/budgt: no key \"budgt\" in /policy (did you mean \"budget\"?)");
  EXPECT_EQ(
      only_problem(fio::apply_assignments(kBase, {fio::parse_assignment("/polcy/budget=1")}, "x")),
      "/polcy: no key \"polcy\" in the document (did you mean \"policy\"?)");
  EXPECT_EQ(only_problem(
                fio::apply_assignments(kBase, {fio::parse_assignment("/clients/2/city=X")}, "x")),
            "/clients/2: index 2 is out of range: /clients has 2 elements");
  EXPECT_EQ(only_problem(
                fio::apply_assignments(kBase, {fio::parse_assignment("/clients/01/city=X")}, "x")),
            "/clients/01: \"01\" is not an index of the array /clients (0, 1, ... without "
            "leading zeros)");
  EXPECT_EQ(
      only_problem(fio::apply_assignments(kBase, {fio::parse_assignment("/quarter/year=1")}, "x")),
      "/quarter/year: /quarter is a string, not an object or array");
  // "-" appends only as the last token.
  EXPECT_EQ(
      only_problem(fio::apply_assignments(kBase, {fio::parse_assignment("/clients/-/id=X")}, "x")),
      "/clients/-: \"-\" is not an index of the array /clients (0, 1, ... without leading "
      "zeros)");
  // A failed scenario has no document.
  EXPECT_TRUE(
      fio::apply_assignments(kBase, {fio::parse_assignment("/nope/x=1")}, "x").document.empty());
}

TEST(Sweep, PointsAreExactAndWholeOnesAreIntegers) {
  const auto s = fio::parse_sweep("/policy/carbon_price_per_t=0:1:0.1");
  ASSERT_EQ(s.points.size(), 11u);
  EXPECT_EQ(s.points[3], 0.3);
  EXPECT_EQ(s.points_json[3], "0.3");
  EXPECT_EQ(s.points_json[0], "0");
  EXPECT_EQ(s.points_json[10], "1");
  const auto t = fio::parse_sweep("/policy/budget/money=30000:60000:10000");
  EXPECT_EQ(t.points_json, (std::vector<std::string>{"30000", "40000", "50000", "60000"}));
  // TO need not be a point: the last point is the last one not beyond TO.
  EXPECT_EQ(fio::parse_sweep("/x=0:10:4").points, (std::vector<double>{0, 4, 8}));
  EXPECT_EQ(fio::parse_sweep("/x=5:5:1").points.size(), 1u);
  EXPECT_EQ(fio::parse_sweep("/x=0:100:1").points.size(), fio::kMaxSweepPoints);
}

TEST(Sweep, RejectsBadRanges) {
  EXPECT_EQ(usage_message([] { (void)fio::parse_sweep("/x=0:10:0"); }),
            "--sweep \"/x=0:10:0\": STEP must be greater than 0");
  EXPECT_EQ(usage_message([] { (void)fio::parse_sweep("/x=0:10:-1"); }),
            "--sweep \"/x=0:10:-1\": STEP must be greater than 0");
  EXPECT_EQ(usage_message([] { (void)fio::parse_sweep("/x=10:0:1"); }),
            "--sweep \"/x=10:0:1\": TO must not be less than FROM");
  EXPECT_EQ(usage_message([] { (void)fio::parse_sweep("/x=0:101:1"); }),
            "--sweep \"/x=0:101:1\": more than 101 points; use a larger STEP or a shorter range");
  EXPECT_EQ(usage_message([] { (void)fio::parse_sweep("/x=0:abc:1"); }),
            "--sweep \"/x=0:abc:1\": TO \"abc\" is not a finite number");
  EXPECT_EQ(usage_message([] { (void)fio::parse_sweep("/x=0:10"); }),
            "--sweep \"/x=0:10\": expected FROM:TO:STEP after \"=\", e.g. 0:400:50");
  EXPECT_EQ(usage_message([] { (void)fio::parse_sweep("/x"); }),
            "--sweep \"/x\": expected /json/pointer=FROM:TO:STEP");
}

TEST(Sweep, OneScenarioPerPoint) {
  const auto list =
      fio::apply_sweep(kBase, fio::parse_sweep("/policy/carbon_price_per_t=0:200:100"));
  ASSERT_EQ(list.size(), 3u);
  for (std::size_t i = 0; i < list.size(); ++i) {
    EXPECT_EQ(list[i].sweep_value, 100.0 * static_cast<double>(i));
    EXPECT_EQ(doc(list[i])["policy"]["carbon_price_per_t"], 100 * static_cast<int>(i));
  }
  EXPECT_EQ(list[2].name, "/policy/carbon_price_per_t=200");
  // A sweep at a missing place reports it for every point.
  const auto bad = fio::apply_sweep(kBase, fio::parse_sweep("/polcy/x=0:1:1"));
  ASSERT_EQ(bad.size(), 2u);
  EXPECT_EQ(only_problem(bad[1]),
            "/polcy: no key \"polcy\" in the document (did you mean \"policy\"?)");
}

// Found by fuzz_scenario: a VALUE that is neither JSON nor valid UTF-8 made the JSON writer throw
// inside parse_assignment (the process ended). Such an argument is now a usage error.
TEST(ParseAssignment, InvalidUtf8IsAUsageError) {
  EXPECT_EQ(usage_message([] { (void)fio::parse_assignment("/clients/0/visit_value=1\xf4\xf4"); }),
            "--set: the argument is not valid UTF-8");
  EXPECT_EQ(usage_message([] { (void)fio::parse_assignment("/\xff=1"); }),
            "--set: the argument is not valid UTF-8");
  EXPECT_EQ(usage_message([] { (void)fio::parse_sweep("/x\xc3=0:10:1"); }),
            "--sweep: the argument is not valid UTF-8");
  // Valid UTF-8 outside ASCII stays a string value.
  EXPECT_EQ(fio::parse_assignment("/clients/0/name=Lef\xc3\xa8vre").value_json,
            "\"Lef\xc3\xa8vre\"");
}
