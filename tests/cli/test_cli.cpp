// End-to-end tests of the flyorcall command-line tool: run the real binary on data/examples and
// compare with expected output in tests/cli/golden (regenerate with FLYORCALL_UPDATE_GOLDEN=1
// after an intended change, and review the diff).
#include <cstdlib>
#include <filesystem>
#include <fstream>
#include <map>
#include <string>

#include <gtest/gtest.h>
#include <nlohmann/json.hpp>

#include "cli_run.hpp"

namespace fs = std::filesystem;
using flyorcall::clitest::CliRun;
using flyorcall::clitest::slurp;

namespace {

const fs::path kSource = FLYORCALL_SOURCE_DIR;

/// A fresh scratch directory per test.
class CliTest : public ::testing::Test {
protected:
  void SetUp() override { dir_ = flyorcall::clitest::make_test_dir("cli"); }
  void TearDown() override { fs::remove_all(dir_); }

  /// Runs the CLI in the source directory with a shell-quoted argument string, stdin from
  /// `stdin_file` (none when empty); captures exit code, stdout, stderr.
  CliRun run(const std::string& args, const std::string& stdin_file = "") const {
    return flyorcall::clitest::run_cli(args, kSource, stdin_file);
  }

  fs::path path(const std::string& name) const { return dir_ / name; }

  fs::path write(const std::string& name, const std::string& content) const {
    std::ofstream(path(name), std::ios::binary) << content;
    return path(name);
  }

  fs::path dir_;
};

/// Compares with a golden file, or rewrites it when FLYORCALL_UPDATE_GOLDEN is set.
void expect_golden(const std::string& actual, const std::string& golden_name) {
  const fs::path golden = kSource / "tests/cli/golden" / golden_name;
  if (std::getenv("FLYORCALL_UPDATE_GOLDEN") != nullptr) {
    std::ofstream(golden, std::ios::binary) << actual;
    return;
  }
  ASSERT_TRUE(fs::exists(golden)) << "missing golden file " << golden;
  EXPECT_EQ(actual, slurp(golden)) << "output differs from " << golden;
}

TEST_F(CliTest, VersionPrintsTheVersion) {
  const CliRun r = run("--version");
  EXPECT_EQ(r.code, 0);
  EXPECT_EQ(r.out.rfind("flyorcall ", 0), 0u) << r.out;
}

TEST_F(CliTest, NoSubcommandIsAUsageError) {
  const CliRun r = run("");
  EXPECT_EQ(r.code, 2);
  EXPECT_NE(r.err.find("subcommand"), std::string::npos) << r.err;
}

TEST_F(CliTest, UnknownSubcommandIsAUsageError) {
  EXPECT_EQ(run("plna data/examples/default.json").code, 2);
}

TEST_F(CliTest, EverySubcommandHasHelp) {
  for (const char* sub : {"plan", "validate", "route", "network"}) {
    const CliRun r = run(std::string(sub) + " --help");
    EXPECT_EQ(r.code, 0) << sub;
    EXPECT_NE(r.out.find("Usage"), std::string::npos) << sub << ": " << r.out;
  }
}

TEST_F(CliTest, PlanDefaultExampleWritesPlanAndSummary) {
  const fs::path plan = path("plan.json");
  const CliRun r = run("plan data/examples/default.json -o '" + plan.string() + "'");
  ASSERT_EQ(r.code, 0) << r.err;
  ASSERT_TRUE(fs::exists(plan));
  const std::string text = slurp(plan);
  const auto j = nlohmann::json::parse(text);
  for (const char* key : {"flyorcall", "data_version", "label", "horizon", "currency", "seed",
                          "method", "trips", "clients", "totals", "budget"})
    EXPECT_TRUE(j.contains(key)) << key;
  EXPECT_EQ(j["clients"].size(),
            nlohmann::json::parse(slurp(kSource / "data/examples/default.json"))["clients"].size());
  EXPECT_FALSE(j["trips"].empty());
  // The default plan is the search's: it groups clients into multi-stop trips, and nets more
  // than greedy's one round trip per client.
  EXPECT_EQ(j["method"], "iterated-local-search");
  std::size_t shared = 0;
  for (const auto& t : j["trips"]) shared += t["visits"].size() > 1 ? 1 : 0;
  EXPECT_GE(shared, 2u); // a round of Asia and one of North America and Tokyo
  const CliRun greedy = run("plan data/examples/default.json --json --method greedy");
  ASSERT_EQ(greedy.code, 0) << greedy.err;
  EXPECT_GT(j["totals"]["net"].get<double>(),
            nlohmann::json::parse(greedy.out)["totals"]["net"].get<double>());
  expect_golden(text, "default.plan.json");
  expect_golden(r.out.substr(0, r.out.find("plan written to")), "default.summary.txt");
}

TEST_F(CliTest, PlanIsByteIdenticalAcrossRuns) {
  const CliRun a = run("plan data/examples/default.json --json");
  const CliRun b = run("plan data/examples/default.json --json");
  ASSERT_EQ(a.code, 0) << a.err;
  EXPECT_EQ(a.out, b.out);
}

TEST_F(CliTest, BuiltInExampleEqualsTheExampleFile) {
  const CliRun a = run("plan --example --json");
  const CliRun b = run("plan data/examples/default.json --json");
  ASSERT_EQ(a.code, 0) << a.err;
  EXPECT_EQ(a.out, b.out);
}

TEST_F(CliTest, PlanReadsStandardInput) {
  const CliRun a = run("plan - --json", (kSource / "data/examples/small.json").string());
  const CliRun b = run("plan data/examples/small.json --json");
  ASSERT_EQ(a.code, 0) << a.err;
  EXPECT_EQ(a.out, b.out);
}

TEST_F(CliTest, EveryExampleValidates) {
  for (const auto& entry : fs::directory_iterator(kSource / "data/examples")) {
    if (entry.path().extension() != ".json") continue;
    const CliRun r = run("validate '" + entry.path().string() + "'");
    EXPECT_EQ(r.code, 0) << entry.path() << ": " << r.err;
    EXPECT_NE(r.out.find(": valid: "), std::string::npos) << r.out;
  }
}

TEST_F(CliTest, EveryExamplePlansOrIsInfeasible) {
  for (const auto& entry : fs::directory_iterator(kSource / "data/examples")) {
    if (entry.path().extension() != ".json") continue;
    const CliRun r = run("plan '" + entry.path().string() + "' --json");
    if (entry.path().filename().string().find("infeasible") != std::string::npos) {
      EXPECT_EQ(r.code, 3) << entry.path() << ": " << r.err;
      EXPECT_TRUE(r.out.empty());
      EXPECT_NE(r.err.find("infeasible: /clients/"), std::string::npos) << r.err;
    } else {
      EXPECT_EQ(r.code, 0) << entry.path() << ": " << r.err;
      EXPECT_TRUE(nlohmann::json::accept(r.out)) << entry.path();
    }
  }
}

TEST_F(CliTest, RouteFraSinJson) {
  const CliRun r = run("route FRA SIN --json");
  ASSERT_EQ(r.code, 0) << r.err;
  const auto j = nlohmann::json::parse(r.out);
  EXPECT_EQ(j["from"], "FRA");
  EXPECT_EQ(j["to"], "SIN");
  EXPECT_TRUE(j["reachable"].get<bool>());
  ASSERT_FALSE(j["legs"].empty());
  EXPECT_EQ(j["legs"].front()["from"], "FRA");
  EXPECT_EQ(j["legs"].back()["to"], "SIN");
  EXPECT_GT(j["fare"].get<double>(), 0.0);
  EXPECT_GT(j["co2_kg"].get<double>(), 0.0);
  expect_golden(r.out, "route.FRA-SIN.json");
}

TEST_F(CliTest, RouteBetweenEveryDefaultCityAndFrankfurtWorks) {
  const CliRun net = run("network --json");
  ASSERT_EQ(net.code, 0) << net.err;
  const auto j = nlohmann::json::parse(net.out);
  int checked = 0;
  for (const auto& city : j["cities"]) {
    const std::string code = city["code"];
    if (code == "FRA") continue;
    // Every 7th city keeps the test quick while covering every region.
    if (checked++ % 7 != 0) continue;
    const CliRun r = run("route " + code + " FRA --json");
    ASSERT_EQ(r.code, 0) << code << ": " << r.err;
    EXPECT_TRUE(nlohmann::json::parse(r.out)["reachable"].get<bool>()) << code;
  }
}

TEST_F(CliTest, RouteAndNetworkOfADay) {
  // ADL-SFO (United) flies in the northern winter only: the whole year's network has it, the
  // network of a July day does not; winds differ between the seasons.
  const auto legs_of = [&](const std::string& args) {
    const CliRun r = run("network --json" + args);
    EXPECT_EQ(r.code, 0) << r.err;
    std::map<std::string, int> block;
    const auto j = nlohmann::json::parse(r.out);
    for (const auto& l : j["legs"])
      block[l["from"].get<std::string>() + "-" + l["to"].get<std::string>()] = l["block_min"];
    return block;
  };
  const auto year = legs_of("");
  const auto january = legs_of(" --date 2027-01-15");
  const auto july = legs_of(" --date 2027-07-15");
  EXPECT_TRUE(year.count("ADL-SFO"));
  EXPECT_TRUE(january.count("ADL-SFO"));
  EXPECT_FALSE(july.count("ADL-SFO"));
  EXPECT_GT(january.at("FRA-NYC") - january.at("NYC-FRA"), july.at("FRA-NYC") - july.at("NYC-FRA"))
      << "westbound headwinds are stronger in winter";
  const CliRun r = run("route SYD SFO --date 2027-07-15 --json");
  ASSERT_EQ(r.code, 0) << r.err;
  EXPECT_EQ(nlohmann::json::parse(r.out)["legs"].size(), 1u); // SYD-SFO flies all year
  const CliRun bad = run("route FRA SIN --date 2027-02-30");
  EXPECT_EQ(bad.code, 2);
  EXPECT_EQ(bad.out, "");
  EXPECT_NE(bad.err.find("flyorcall route: --date: "), std::string::npos) << bad.err;
}

TEST_F(CliTest, RouteTextAndLowerCaseCodes) {
  const CliRun r = run("route fra nyc --cabin business");
  ASSERT_EQ(r.code, 0) << r.err;
  EXPECT_NE(r.out.find("FRA"), std::string::npos);
  EXPECT_NE(r.out.find("business"), std::string::npos);
  EXPECT_NE(r.out.find("kg CO2e"), std::string::npos);
}

TEST_F(CliTest, RouteUnknownCitySuggests) {
  const CliRun r = run("route FRX SIN");
  EXPECT_EQ(r.code, 2);
  EXPECT_EQ(r.err, "flyorcall route: origin: unknown city or airport \"FRX\"; expected a city "
                   "code (such as \"LON\"), an airport code (such as \"LHR\") or a city name\n");
  const CliRun name = run("route FRA Singapur");
  EXPECT_EQ(name.code, 2);
  EXPECT_EQ(name.out, "");
  EXPECT_EQ(name.err, "flyorcall route: destination: unknown city or airport \"Singapur\"; "
                      "expected a city code (such as \"LON\"), an airport code (such as \"LHR\") "
                      "or a city name (did you mean \"Singapore\", city \"SIN\"?)\n");
  const CliRun currency = run("network --currency EUX");
  EXPECT_EQ(currency.code, 2);
  EXPECT_EQ(currency.err, "flyorcall network: unknown currency \"EUX\"; expected an ISO 4217 "
                          "code with a reference rate\n");
  const CliRun saudi = run("network --currency SAR"); // the riyal, not the rand (ZAR)
  EXPECT_EQ(saudi.err, "flyorcall network: unknown currency \"SAR\"; expected an ISO 4217 "
                       "code with a reference rate\n");
}

TEST_F(CliTest, RouteTakesAirportCodes) {
  const CliRun r = run("route ORD GRU --json");
  EXPECT_EQ(r.code, 0) << r.err;
  EXPECT_NE(r.out.find("\"from\": \"CHI\""), std::string::npos) << r.out;
  EXPECT_NE(r.out.find("\"to\": \"SAO\""), std::string::npos) << r.out;
}

TEST_F(CliTest, RouteAcceptsCityNames) {
  const CliRun by_name = run("route frankfurt Singapore --json");
  ASSERT_EQ(by_name.code, 0) << by_name.err;
  const CliRun by_code = run("route FRA SIN --json");
  ASSERT_EQ(by_code.code, 0) << by_code.err;
  EXPECT_EQ(by_name.out, by_code.out);
}

TEST_F(CliTest, NetworkListsAtLeast150Cities) {
  const CliRun r = run("network --json");
  ASSERT_EQ(r.code, 0) << r.err;
  const auto j = nlohmann::json::parse(r.out);
  EXPECT_GE(j["cities"].size(), 150u);
  EXPECT_FALSE(j["legs"].empty());
  const CliRun text = run("network");
  EXPECT_EQ(text.code, 0);
  EXPECT_NE(text.out.find("FRA"), std::string::npos);
}

TEST_F(CliTest, NetworkInOtherCurrencyConvertsRates) {
  const auto eur = nlohmann::json::parse(run("network --json").out);
  const auto usd = nlohmann::json::parse(run("network --json --currency USD").out);
  EXPECT_EQ(usd["currency"], "USD");
  // The embedded rates are in USD (US tables) and EUR (BMF): each is converted.
  const auto& e = eur["cities"][0];
  const auto& u = usd["cities"][0];
  EXPECT_EQ(e["code"], u["code"]);
  EXPECT_GT(u["lodging"][0]["hotel_night"].get<double>(),
            e["lodging"][0]["hotel_night"].get<double>());
  EXPECT_GT(u["bmf_per_diem"]["full_day"].get<double>(),
            e["bmf_per_diem"]["full_day"].get<double>());
  EXPECT_GT(usd["legs"][0]["fare"]["economy"].get<double>(),
            eur["legs"][0]["fare"]["economy"].get<double>());
  EXPECT_EQ(run("network --currency EUX").code, 2);
}

// ---- bad input: exit 2, a message naming the place, and no output file ----

struct BadCase {
  std::string name;
  std::string content;
  std::string expected_stderr_part;
};

TEST_F(CliTest, BadInputExitsTwoAndWritesNothing) {
  const std::string valid = slurp(kSource / "data/examples/small.json");
  const std::vector<BadCase> cases = {
      {"empty", "", "empty document"},
      {"truncated", valid.substr(0, valid.size() / 2), "malformed JSON at line"},
      {"binary", std::string("\x7f\x45\x4c\x46\x02\x01\x01\x00\xff\xfe", 10), ""},
      {"array", "[1,2,3]", "expected a JSON object"},
      {"not-json", "quarter: 2027-Q1\n", "malformed JSON at line 1, column 1"},
  };
  for (const auto& c : cases) {
    const fs::path in = write(c.name + ".json", c.content);
    const fs::path out = path(c.name + ".plan.json");
    const CliRun r = run("plan '" + in.string() + "' -o '" + out.string() + "'");
    EXPECT_EQ(r.code, 2) << c.name << ": " << r.err;
    EXPECT_FALSE(fs::exists(out)) << c.name;
    EXPECT_TRUE(r.out.empty()) << c.name;
    EXPECT_NE(r.err.find(in.string() + ": "), std::string::npos) << c.name << ": " << r.err;
    EXPECT_NE(r.err.find(c.expected_stderr_part), std::string::npos) << c.name << ": " << r.err;
    // Only our own files are left in the scratch directory: no temporary leftovers.
    for (const auto& e : fs::directory_iterator(dir_))
      EXPECT_EQ(e.path().filename().string().find(".tmp-"), std::string::npos) << e.path();
  }
}

TEST_F(CliTest, MissingFileIsBadInput) {
  const CliRun r = run("plan no/such/file.json");
  EXPECT_EQ(r.code, 2);
  EXPECT_NE(r.err.find("cannot read no/such/file.json: no such file"), std::string::npos) << r.err;
}

TEST_F(CliTest, NoInputIsBadUsage) {
  const CliRun r = run("plan");
  EXPECT_EQ(r.code, 2);
  EXPECT_NE(r.err.find("no input"), std::string::npos) << r.err;
}

TEST_F(CliTest, ErrorsAsJson) {
  const fs::path in = write("bad.json", "{\"quarter\": 5}");
  const CliRun r = run("validate '" + in.string() + "' --error-format json");
  EXPECT_EQ(r.code, 2);
  const auto j = nlohmann::json::parse(r.err);
  EXPECT_EQ(j["code"], 2);
  ASSERT_EQ(j["problems"].size(), 3u);
  EXPECT_EQ(j["problems"][0]["message"], "missing required key \"travellers\"");
  EXPECT_EQ(j["problems"][2]["pointer"], "/quarter");
  EXPECT_EQ(j["problems"][2]["message"], "expected a string, found number");
}

TEST_F(CliTest, RefusesToOverwriteTheInput) {
  const fs::path in = write("in.json", slurp(kSource / "data/examples/small.json"));
  const std::string before = slurp(in);
  const CliRun r = run("plan '" + in.string() + "' -o '" + in.string() + "'");
  EXPECT_EQ(r.code, 2);
  EXPECT_EQ(slurp(in), before);
  EXPECT_NE(r.err.find("is the input file"), std::string::npos) << r.err;
}

TEST_F(CliTest, UnwritableOutputIsAnInternalErrorWithoutLeftovers) {
  const CliRun r =
      run("plan data/examples/small.json -o '" + (dir_ / "no-dir/plan.json").string() + "'");
  EXPECT_EQ(r.code, 1);
  EXPECT_NE(r.err.find("cannot write"), std::string::npos) << r.err;
}

TEST_F(CliTest, InfeasibleMustVisitExitsThree) {
  const CliRun r =
      run("plan data/examples/must-visit-infeasible.json -o '" + path("p.json").string() + "'");
  EXPECT_EQ(r.code, 3) << r.err;
  EXPECT_FALSE(fs::exists(path("p.json")));
}

} // namespace
