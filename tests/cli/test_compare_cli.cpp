// End-to-end tests of `flyorcall compare` on the default example: the acceptance scenarios
// (fares +20 %, carbon price 200, budget cut), sweeps, bad scenarios and determinism.
#include <algorithm>
#include <cmath>
#include <cstdlib>
#include <filesystem>
#include <fstream>
#include <regex>
#include <sstream>
#include <string>
#include <vector>

#include <gtest/gtest.h>
#include <nlohmann/json.hpp>

#include "cli_run.hpp"
#include "support/markdown.hpp"
#include "support/sanitized.hpp"

namespace fs = std::filesystem;
using flyorcall::clitest::CliRun;
using flyorcall::clitest::slurp;
using flyorcall::clitest::spit;
using nlohmann::json;

namespace {

using flyorcall::testing::md_cells;

const fs::path kSource = FLYORCALL_SOURCE_DIR;

class CompareCli : public ::testing::Test {
protected:
  void SetUp() override { dir_ = flyorcall::clitest::make_test_dir("compare"); }
  void TearDown() override { fs::remove_all(dir_); }

  /// Runs the CLI in the source directory with a shell-quoted argument string.
  /// Runs the CLI; a comparison that names no method plans greedily, which keeps these tests
  /// of the comparison itself fast (the search's comparisons: OutputIsTheSameWhateverTheJobs and
  /// tests/cli/test_method_cli.cpp).
  CliRun run(const std::string& args) const {
    const bool greedy = args.starts_with("compare") && args.find("--method") == std::string::npos;
    return flyorcall::clitest::run_cli(args + (greedy ? " --method greedy" : ""), kSource);
  }

  /// A merge patch with every leg of the default example's network at its fare x 1.2, built
  /// from `flyorcall network --input default.json --json` (the input has no fare multiplier).
  std::string fares_patch() const {
    const CliRun net = run("network --input data/examples/default.json --json");
    EXPECT_EQ(net.code, 0) << net.err;
    const json n = json::parse(net.out);
    json legs = json::array();
    for (const auto& leg : n["legs"]) {
      json fare;
      for (const auto& [cabin, v] : leg["fare"].items())
        fare[cabin] = std::round(v.get<double>() * 120.0) / 100.0;
      legs.push_back(
          {{"from", leg["from"]}, {"to", leg["to"]}, {"both_ways", false}, {"fare", fare}});
    }
    const fs::path p = dir_ / "fares+20.json";
    spit(p, json{{"network", {{"legs", legs}}}}.dump());
    return p.string();
  }

  fs::path dir_;
};

} // namespace

TEST_F(CompareCli, AcceptanceScenariosMoveTotalsTheExpectedWay) {
  const std::string fares = fares_patch();
  const fs::path budget = dir_ / "budget-cut.json";
  spit(budget, R"({"policy": {"budget": {"money": 40000}}})");
  const CliRun r = run("compare data/examples/default.json '" + fares + "' '" + budget.string() +
                       "' --set /policy/carbon_price_per_t=200 --format json --jobs 2");
  ASSERT_EQ(r.code, 0) << r.err;
  EXPECT_EQ(r.err, "");
  const json j = json::parse(r.out);
  const json& base = j["base"]["totals"];
  ASSERT_EQ(j["scenarios"].size(), 3u);
  const json& f = j["scenarios"][0];
  const json& b = j["scenarios"][1];
  const json& c = j["scenarios"][2];
  EXPECT_EQ(f["name"], fares);
  EXPECT_EQ(b["name"], budget.string());
  EXPECT_EQ(c["name"], "/policy/carbon_price_per_t=200");

  // Fares +20 %: flights cost more, net value falls.
  EXPECT_GT(f["totals"]["trip_cost"]["flights"], base["trip_cost"]["flights"]);
  EXPECT_LT(f["totals"]["net"], base["net"]);
  EXPECT_LT(f["delta"]["net"], 0);

  // Budget cut: spend within the new budget, and the dropped visits are listed as flips.
  EXPECT_EQ(b["totals"]["budget_money"], 40000);
  EXPECT_LE(b["totals"]["trip_cost"]["total"].get<double>(), 40000.0);
  EXPECT_LT(b["totals"]["visits"], base["visits"]);
  ASSERT_FALSE(b["flips"].empty());
  int to_remote = 0;
  for (const auto& flip : b["flips"])
    if (flip["from"] == "visit" && flip["to"] == "remote") ++to_remote;
  EXPECT_GE(to_remote, base["visits"].get<int>() - b["totals"]["visits"].get<int>());

  // Carbon price 200 (base 100): CO2e does not rise, the carbon cost does.
  EXPECT_LE(c["totals"]["co2_kg"], base["co2_kg"]);
  EXPECT_GT(c["totals"]["trip_cost"]["carbon"], base["trip_cost"]["carbon"]);
  EXPECT_LE(c["delta"]["net"], 0);

  // The table lists the flips with client names.
  const CliRun t = run("compare data/examples/default.json '" + budget.string() + "'");
  ASSERT_EQ(t.code, 0) << t.err;
  const std::string first = b["flips"][0]["client"];
  EXPECT_NE(t.out.find(first + " ("), std::string::npos) << t.out;
  EXPECT_NE(t.out.find("visit (" + b["flips"][0]["from_trip"].get<std::string>() + ") -> remote"),
            std::string::npos);
}

TEST_F(CompareCli, SweepGivesAnHtmlChartWithOnePointPerScenario) {
  const fs::path out = dir_ / "sweep.html";
  const CliRun r = run("compare data/examples/default.json --sweep "
                       "/policy/carbon_price_per_t=0:400:50 --format html -o '" +
                       out.string() + "'");
  ASSERT_EQ(r.code, 0) << r.err;
  EXPECT_EQ(r.out, ""); // written to the file only
  const std::string html = slurp(out);
  ASSERT_NE(html.find("<svg"), std::string::npos);
  EXPECT_NE(html.find("<title id=\"sweep-title\">"), std::string::npos);
  EXPECT_NE(html.find("<desc id=\"sweep-desc\">"), std::string::npos);
  EXPECT_EQ(html.find("<script"), std::string::npos);
  const std::regex polyline(R"re(<polyline class="\w+" points="([^"]*)")re");
  int lines = 0;
  for (auto it = std::sregex_iterator(html.begin(), html.end(), polyline);
       it != std::sregex_iterator(); ++it, ++lines) {
    const std::string pts = (*it)[1];
    EXPECT_EQ(std::count(pts.begin(), pts.end(), ','), 9); // 0, 50, ..., 400
  }
  EXPECT_EQ(lines, 3);

  // The sweep table has the curve too, in every format.
  const CliRun t = run("compare data/examples/default.json --sweep "
                       "/policy/carbon_price_per_t=0:400:50");
  ASSERT_EQ(t.code, 0) << t.err;
  EXPECT_NE(t.out.find("\nSweep\n"), std::string::npos);
  const CliRun md = run("compare data/examples/default.json --sweep "
                        "/policy/carbon_price_per_t=0:400:50 --format md");
  EXPECT_NE(md.out.find("## Sweep"), std::string::npos);
}

TEST_F(CompareCli, BadPatchIsReportedWithScenarioAndPointerAndNothingIsWritten) {
  const fs::path patch = dir_ / "bad-budget.json";
  spit(patch, R"({"policy": {"budget": {"money": -5}}})");
  const fs::path out = dir_ / "cmp.json";
  const CliRun r = run("compare data/examples/default.json '" + patch.string() +
                       "' --set /clients/0/city=XXX --format json -o '" + out.string() + "'");
  EXPECT_EQ(r.code, 2);
  EXPECT_FALSE(fs::exists(out));
  EXPECT_EQ(r.out, "");
  EXPECT_NE(r.err.find("scenario \"" + patch.string() + "\": /policy/budget/money: "),
            std::string::npos)
      << r.err;
  EXPECT_NE(r.err.find("scenario \"/clients/0/city=XXX\": /clients/0/city: "), std::string::npos)
      << r.err;

  const CliRun j =
      run("compare data/examples/default.json '" + patch.string() + "' --error-format json");
  EXPECT_EQ(j.code, 2);
  const json e = json::parse(j.err);
  EXPECT_EQ(e["code"], 2);
  EXPECT_EQ(e["problems"][0]["pointer"], "/policy/budget/money");
  EXPECT_EQ(e["problems"][0]["message"].get<std::string>().rfind("scenario \"", 0), 0u);
}

TEST_F(CompareCli, MissingPointerGetsDidYouMean) {
  const CliRun r = run("compare data/examples/default.json --set /policy/budgt/money=1");
  EXPECT_EQ(r.code, 2);
  EXPECT_EQ(r.err, "scenario \"/policy/budgt/money=1\": /policy/budgt: no key \"budgt\" in "
                   "/policy (did you mean \"budget\"?)\n");
  const CliRun s = run("compare data/examples/default.json --sweep /polcy/x=0:2:1");
  EXPECT_EQ(s.code, 2);
  EXPECT_NE(s.err.find("/polcy: no key \"polcy\" in the document (did you mean \"policy\"?)"),
            std::string::npos);
  // A new key at the end is added, and the input reader then names it with its own suggestion.
  const CliRun k = run("compare data/examples/default.json --set /policy/carbon_price=5");
  EXPECT_EQ(k.code, 2);
  EXPECT_NE(k.err.find("/policy/carbon_price: unknown key \"carbon_price\" (did you mean "
                       "\"carbon_price_per_t\"?)"),
            std::string::npos)
      << k.err;
}

TEST_F(CompareCli, UsageErrors) {
  EXPECT_EQ(run("compare data/examples/default.json").code, 2);
  EXPECT_EQ(run("compare data/examples/default.json --sweep /policy/carbon_price_per_t=0:10:0").err,
            "flyorcall compare: --sweep \"/policy/carbon_price_per_t=0:10:0\": STEP must be "
            "greater than 0\n");
  EXPECT_EQ(run("compare data/examples/default.json --sweep /x=0:1000:1").code, 2);
  EXPECT_EQ(run("compare data/examples/default.json --set x=1").code, 2);
  EXPECT_EQ(run("compare data/examples/default.json --set /seed=2 --jobs 0").code, 2);
  EXPECT_EQ(run("compare data/examples/default.json --set /seed=2 --format pdf").code, 2);
  EXPECT_EQ(run("compare data/examples/nope.json --set /seed=2").code, 2);
  // The output may not overwrite the base.
  const fs::path base = dir_ / "base.json";
  fs::copy_file(kSource / "data/examples/small.json", base);
  const CliRun r = run("compare '" + base.string() + "' --set /seed=2 -o '" + base.string() + "'");
  EXPECT_EQ(r.code, 2);
  EXPECT_EQ(slurp(base), slurp(kSource / "data/examples/small.json"));
}

TEST_F(CompareCli, GroupedSetsFormOneScenario) {
  const CliRun r = run("compare data/examples/default.json --group --format json "
                       "--set /policy/carbon_price_per_t=0 --set /policy/budget/money=30000");
  ASSERT_EQ(r.code, 0) << r.err;
  const json j = json::parse(r.out);
  ASSERT_EQ(j["scenarios"].size(), 1u);
  EXPECT_EQ(j["scenarios"][0]["name"], "/policy/carbon_price_per_t=0 /policy/budget/money=30000");
  EXPECT_EQ(j["scenarios"][0]["totals"]["trip_cost"]["carbon"], 0);
  EXPECT_LE(j["scenarios"][0]["totals"]["trip_cost"]["total"].get<double>(), 30000.0);
}

TEST_F(CompareCli, InfeasibleScenarioIsReportedInTheComparison) {
  // Helvetia (a must-visit client) only in a window before the quarter: no plan can visit it.
  const CliRun r =
      run("compare data/examples/default.json --format json --set "
          "'/clients/8/availability=[{\"from\":\"2027-01-01\",\"to\":\"2027-01-01\"}]'");
  ASSERT_EQ(r.code, 0) << r.err;
  const json j = json::parse(r.out);
  EXPECT_EQ(j["scenarios"][0]["feasible"], false);
  EXPECT_EQ(j["scenarios"][0]["infeasible"]["pointer"], "/clients/8");
}

TEST_F(CompareCli, OutputIsTheSameWhateverTheJobs) {
  // The default method, the search (at its lowest effort, to keep the sanitizer run short), on
  // a budget and a sweep.
  const std::string args = "compare data/examples/default.json --set /policy/budget/money=45000 "
                           "--sweep /policy/carbon_price_per_t=0:300:300 --format json "
                           "--method search --effort 1";
  const CliRun one = run(args + " --jobs 1");
  const CliRun many = run(args + " --jobs 3");
  ASSERT_EQ(one.code, 0) << one.err;
  EXPECT_EQ(one.out, many.out);
  const json j = json::parse(one.out);
  ASSERT_EQ(j["scenarios"].size(), 3u);
  EXPECT_EQ(j["sweep"]["pointer"], "/policy/carbon_price_per_t");
  EXPECT_EQ(j["scenarios"][2]["sweep_value"], 300);
}

namespace {

/// Hostile client names with what each format must show of them (the input reader refuses
/// control characters in names, so these are the ones a plan can carry).
struct HostileName {
  std::string name;
  std::string html;
  std::string md;
};

const std::vector<HostileName> kHostile{
    {"<img src=x onerror=alert(1)>", "&lt;img src=x onerror=alert(1)&gt;",
     "\\<img src=x onerror=alert\\(1\\)\\>"},
    {"=HYPERLINK(\"x\")", "=HYPERLINK(&quot;x&quot;)", "=HYPERLINK\\(\"x\"\\)"},
    {"+1", "+1", "\\+1"},
    {"-1", "-1", "-1"},
    {"@x", "@x", "@x"},
    {"a|b", "a|b", "a\\|b"},
    {"\" onmouseover=\"alert(4)", "&quot; onmouseover=&quot;alert(4)",
     "\" onmouseover=\"alert\\(4\\)"},
    {"it's", "it&#39;s", "it's"},
};

} // namespace

TEST_F(CompareCli, HostileNamesAreEscapedInEveryFormat) {
  json doc = json::parse(slurp(kSource / "data/examples/default.json"));
  for (std::size_t i = 0; i < doc["clients"].size(); ++i)
    doc["clients"][i]["name"] = kHostile[i % kHostile.size()].name;
  const fs::path base = dir_ / "base<b>|x.json";
  spit(base, doc.dump(2));
  const std::string scenario = "/clients/0/name=<script>alert(5)</script>|=x";
  const std::string args = "compare '" + base.string() +
                           "' --set /policy/budget/money=30000 --set '" + scenario + "' --jobs 2";

  const CliRun j = run(args + " --format json");
  ASSERT_EQ(j.code, 0) << j.err;
  const json c = json::parse(j.out);
  EXPECT_EQ(c["base"]["name"], base.string());
  ASSERT_EQ(c["scenarios"].size(), 2u);
  EXPECT_EQ(c["scenarios"][1]["name"], scenario);
  std::vector<std::size_t> flipped; // kHostile index of each flipped client's name
  for (const auto& f : c["scenarios"][0]["flips"]) {
    const std::string name = f["name"];
    for (std::size_t k = 0; k < kHostile.size(); ++k)
      if (kHostile[k].name == name) flipped.push_back(k);
  }
  EXPECT_EQ(flipped.size(), c["scenarios"][0]["flips"].size()); // names read back exactly
  ASSERT_FALSE(flipped.empty()) << "the budget cut changes no decision";

  const CliRun html = run(args + " --format html");
  ASSERT_EQ(html.code, 0) << html.err;
  EXPECT_EQ(html.out.find("<img"), std::string::npos);
  EXPECT_EQ(html.out.find("<script"), std::string::npos);
  EXPECT_EQ(html.out.find("<b>"), std::string::npos);
  EXPECT_EQ(html.out.find("\" onmouseover"), std::string::npos);
  EXPECT_NE(html.out.find("base&lt;b&gt;|x.json"), std::string::npos);
  EXPECT_NE(html.out.find("&lt;script&gt;alert(5)&lt;/script&gt;|=x"), std::string::npos);
  for (const std::size_t k : flipped)
    EXPECT_NE(html.out.find(" (" + kHostile[k].html + "): "), std::string::npos)
        << kHostile[k].name;

  const CliRun md = run(args + " --format md");
  ASSERT_EQ(md.code, 0) << md.err;
  for (std::size_t i = md.out.find('<'); i != std::string::npos; i = md.out.find('<', i + 1))
    EXPECT_EQ(md.out[i - 1], '\\') << md.out.substr(i > 20 ? i - 20 : 0, 60);
  EXPECT_NE(md.out.find("\\<script\\>alert\\(5\\)\\</script\\>\\|=x"), std::string::npos) << md.out;
  for (const std::size_t k : flipped)
    EXPECT_NE(md.out.find(" (" + kHostile[k].md + "): "), std::string::npos) << kHostile[k].name;
  // Every table keeps one cell count on every row, although names hold pipes.
  std::istringstream lines(md.out);
  std::size_t cells = 0;
  for (std::string line; std::getline(lines, line);) {
    if (line.empty() || line.front() != '|') {
      cells = 0;
      continue;
    }
    if (cells == 0) cells = md_cells(line);
    EXPECT_EQ(md_cells(line), cells) << line;
  }

  const CliRun table = run(args);
  ASSERT_EQ(table.code, 0) << table.err;
  for (const std::size_t k : flipped)
    EXPECT_NE(table.out.find(" (" + kHostile[k].name + "): "), std::string::npos)
        << kHostile[k].name;
  for (const char ch : table.out)
    EXPECT_TRUE(ch == '\n' || static_cast<unsigned char>(ch) >= 0x20) << static_cast<int>(ch);
}

TEST_F(CompareCli, EveryFormatIsTheSameWhateverTheJobs) {
  // Three sweep points and every format in Release; under a sanitizer two points and the two
  // formats that render the most (table and md run there in HostileNamesAreEscapedInEveryFormat).
  const std::string args = std::string("compare data/examples/default.json --set "
                                       "/policy/budget/money=45000 --set "
                                       "/policy/carbon_price_per_t=150 --sweep "
                                       "/policy/carbon_price_per_t=0:200:") +
                           (flyorcall::testing::kSanitized ? "200" : "100");
  const std::vector<std::string> formats =
      flyorcall::testing::kSanitized ? std::vector<std::string>{"html", "json"}
                                     : std::vector<std::string>{"table", "md", "html", "json"};
  for (const std::string& format : formats) {
    const fs::path a = dir_ / ("one." + format);
    const fs::path b = dir_ / ("two." + format);
    const CliRun one = run(args + " --format " + format + " --jobs 1 -o '" + a.string() + "'");
    const CliRun two = run(args + " --format " + format + " --jobs 2 -o '" + b.string() + "'");
    ASSERT_EQ(one.code, 0) << one.err;
    ASSERT_EQ(two.code, 0) << two.err;
    EXPECT_FALSE(slurp(a).empty()) << format;
    EXPECT_EQ(slurp(a), slurp(b)) << format; // byte-identical
    const CliRun out = run(args + " --format " + format + " --jobs 2");
    EXPECT_EQ(out.out, slurp(a)) << format; // stdout holds what the file holds
  }
}

TEST_F(CompareCli, NanInfinityAndHugeSetValuesAreNamedByTheirPointer) {
  struct Case {
    std::string set;
    std::string message;
  };
  // Not JSON numbers (NaN, Infinity, 1e400 overflows a double): the value is then a string.
  const std::vector<Case> cases{
      {"/clients/0/account_revenue=NaN", "/clients/0/account_revenue: expected an amount, found "
                                         "string"},
      {"/clients/0/account_revenue=Infinity",
       "/clients/0/account_revenue: expected an amount, found string"},
      {"/clients/0/account_revenue=-Infinity",
       "/clients/0/account_revenue: expected an amount, found string"},
      {"/clients/0/account_revenue=1e400",
       "/clients/0/account_revenue: expected an amount, found string"},
      {"/clients/0/account_revenue=1e300",
       "/clients/0/account_revenue: expected an amount up to 1000000000000, found 1e+300"},
      {"/clients/0/attendees=99999999999999999999",
       "/clients/0/attendees: expected an integer from 1 to 100, found 1e+20"},
      {"/seed=18446744073709551616",
       "/seed: expected an integer from 0 to 18446744073709551615, found 1.8446744073709552e+19"},
      {"/seed=-9223372036854775809",
       "/seed: expected an integer from 0 to 18446744073709551615, found -9.223372036854776e+18"},
      {"/policy/carbon_price_per_t=1e-400", ""}, // underflows to 0: a valid price
  };
  for (const Case& c : cases) {
    const CliRun r = run("compare data/examples/default.json --set '" + c.set + "'");
    if (c.message.empty()) {
      EXPECT_EQ(r.code, 0) << c.set << ": " << r.err;
      continue;
    }
    EXPECT_EQ(r.code, 2) << c.set;
    EXPECT_EQ(r.err, "scenario \"" + c.set + "\": " + c.message + "\n") << c.set;
    EXPECT_EQ(r.out, "");
  }
}
