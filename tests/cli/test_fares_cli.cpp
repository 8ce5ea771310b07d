// End-to-end tests of company fares (`--fares FILE`, docs/input.md "Company fares") and cash
// budgets (`policy.budget.cash`, `compare --set /policy/budget/cash=-30%`): what they change, and
// bad files and keys exiting 2 with their place and writing nothing.
#include <filesystem>
#include <string>
#include <vector>

#include <gtest/gtest.h>
#include <nlohmann/json.hpp>

#include "cli_run.hpp"

namespace fs = std::filesystem;
using flyorcall::clitest::CliRun;
using flyorcall::clitest::slurp;
using flyorcall::clitest::spit;
using nlohmann::json;

namespace {

const fs::path kSource = FLYORCALL_SOURCE_DIR;

class FaresCli : public ::testing::Test {
protected:
  void SetUp() override { dir_ = flyorcall::clitest::make_test_dir("fares"); }
  void TearDown() override { fs::remove_all(dir_); }

  CliRun run(const std::string& args) const { return flyorcall::clitest::run_cli(args, kSource); }
  std::string write(const std::string& name, const std::string& text) const {
    spit(dir_ / name, text);
    return (dir_ / name).string();
  }
  std::string path(const std::string& name) const { return (dir_ / name).string(); }

  fs::path dir_;
};

TEST_F(FaresCli, ACompanyFareReplacesTheModelOnRouteAndPlan) {
  const std::string fares = write("fares.csv", "from,to,cabin,amount,trip\n"
                                               "FRA,SIN,economy,900,return\n"
                                               "SIN,FRA,business,3000,return\n");
  const CliRun model = run("route FRA SIN --json");
  const CliRun own = run("route Frankfurt Singapore --json --fares '" + fares + "'");
  ASSERT_EQ(own.code, 0) << own.err;
  EXPECT_NE(json::parse(model.out)["fare"], 450.0);
  EXPECT_EQ(json::parse(own.out)["fare"], 450.0);

  // The plan's FRA-SIN journeys cost the company fare (default example: marina in Singapore).
  const std::string out = path("plan.json");
  const CliRun r =
      run("plan data/examples/default.json -q -o '" + out + "' --fares '" + fares + "'");
  ASSERT_EQ(r.code, 0) << r.err;
  int seen = 0;
  const json plan = json::parse(slurp(out));
  for (const auto& t : plan["trips"])
    for (const auto& l : t["legs"])
      if ((l["from"] == "FRA" && l["to"] == "SIN") || (l["from"] == "SIN" && l["to"] == "FRA")) {
        EXPECT_EQ(l["fare"], l["cabin"] == "economy" ? 450.0 : 1500.0);
        ++seen;
      }
  EXPECT_GT(seen, 0);
  // The plan passes the independent check with the same fares, and fails it without them.
  EXPECT_EQ(run("check data/examples/default.json '" + out + "' --fares '" + fares + "'").code, 0);
}

TEST_F(FaresCli, BadFareFilesExitTwoNameTheRowAndWriteNothing) {
  const std::string out = path("plan.json");
  struct Case {
    std::string text;
    std::string err;
  };
  const std::string bad = write("bad.csv", "from,to,cabin,amount\n"
                                           "FRA,NYC,economy,640\n"
                                           "FRA,GRU,coach,640\n");
  const std::string dup = write("dup.csv", "from,to,cabin,amount\n"
                                           "FRA,NYC,economy,640\n"
                                           "JFK,FRA,economy,600\n");
  for (const std::string& cmd : std::vector<std::string>{
           "plan data/examples/default.json -o '" + out + "'",
           "validate data/examples/default.json",
           "compare data/examples/default.json --set /seed=2", "route FRA NYC", "network"}) {
    SCOPED_TRACE(cmd);
    const CliRun a = run(cmd + " --fares '" + bad + "'");
    EXPECT_EQ(a.code, 2);
    EXPECT_EQ(a.out, "");
    EXPECT_NE(a.err.find(bad + ":3: column \"cabin\": unknown cabin \"coach\": expected "
                               "economy, premium, business or first"),
              std::string::npos)
        << a.err;
    const CliRun b = run(cmd + " --fares '" + dup + "'");
    EXPECT_EQ(b.code, 2);
    EXPECT_EQ(b.out, "");
    EXPECT_NE(b.err.find(dup + ":3: a second economy fare for NYC-FRA"), std::string::npos)
        << b.err;
    const CliRun missing = run(cmd + " --fares '" + path("none.csv") + "'");
    EXPECT_EQ(missing.code, 2);
    EXPECT_NE(missing.err.find("none.csv"), std::string::npos) << missing.err;
  }
  EXPECT_FALSE(fs::exists(out));
}

TEST_F(FaresCli, BadFaresAndPolicyKeysInTheInputExitTwoWithTheirPointer) {
  json in = json::parse(slurp(kSource / "data/examples/small.json"));
  in["network"]["fares"] =
      json::array({{{"from", "FRA"}, {"to", "XQZ"}, {"cabin", "economy"}, {"amount", 500}},
                   {{"from", "FRA"}, {"to", "NYC"}, {"cabin", "economy"}, {"amount", 0}}});
  in["policy"]["allowances"] = "bmff";
  in["policy"]["budget"]["cash"] = -1;
  in["policy"]["custom_allowances"] = json::array({{{"city", "NYC"}}});
  const std::string file = write("bad.json", in.dump());
  const std::string out = path("plan.json");
  const CliRun r = run("plan '" + file + "' -o '" + out + "'");
  EXPECT_EQ(r.code, 2);
  EXPECT_EQ(r.out, "");
  for (const char* pointer :
       {"/network/fares/0/to", "/network/fares/1/amount", "/policy/allowances",
        "/policy/budget/cash", "/policy/custom_allowances/0"})
    EXPECT_NE(r.err.find(std::string(": ") + pointer + ": "), std::string::npos) << pointer << "\n"
                                                                                 << r.err;
  EXPECT_NE(r.err.find("did you mean \"bmf\""), std::string::npos) << r.err;
  EXPECT_FALSE(fs::exists(out));
}

TEST_F(FaresCli, CompareCutsTheCashBudgetByAPercentageOfTheBasePlan) {
  const CliRun r = run("compare data/examples/default.json --format json --set "
                       "/policy/budget/cash=-30%");
  ASSERT_EQ(r.code, 0) << r.err;
  const json j = json::parse(r.out);
  const double base_cash = j["base"]["totals"]["cash"];
  EXPECT_TRUE(j["base"]["totals"]["budget_cash"].is_null());
  ASSERT_EQ(j["scenarios"].size(), 1u) << r.out;
  const auto& cut = j["scenarios"][0];
  ASSERT_TRUE(cut["feasible"].get<bool>());
  const double limit = cut["totals"]["budget_cash"];
  EXPECT_NEAR(limit, 0.7 * base_cash, 0.006);
  EXPECT_LE(cut["totals"]["cash"].get<double>(), limit);
  EXPECT_LT(cut["delta"]["cash"].get<double>(), 0.0);
  // A raise is written with its sign.
  const CliRun up = run("compare data/examples/default.json --format json --set "
                        "/policy/budget/cash=+10%");
  ASSERT_EQ(up.code, 0) << up.err;
  EXPECT_NEAR(json::parse(up.out)["scenarios"][0]["totals"]["budget_cash"].get<double>(),
              1.1 * base_cash, 0.006);
}

} // namespace
