// `flyorcall check INPUT PLAN` end to end: exit 0 for a valid plan, 3 with every violation listed
// as "POINTER: message (rule)", 2 for files that cannot be read or are not an input or a plan.
#include <filesystem>
#include <fstream>
#include <string>

#include <gmock/gmock.h>
#include <gtest/gtest.h>
#include <nlohmann/json.hpp>

#include "cli_run.hpp"

namespace fs = std::filesystem;
using flyorcall::clitest::CliRun;
using flyorcall::clitest::slurp;
using ::testing::HasSubstr;

namespace {

const fs::path kSource = FLYORCALL_SOURCE_DIR;

class CheckCli : public ::testing::Test {
protected:
  void SetUp() override { dir_ = flyorcall::clitest::make_test_dir("check"); }
  void TearDown() override { fs::remove_all(dir_); }

  /// Runs the CLI in the source directory with a shell-quoted argument string.
  CliRun run(const std::string& args) const { return flyorcall::clitest::run_cli(args, kSource); }

  fs::path write(const std::string& name, const std::string& content) const {
    std::ofstream(dir_ / name, std::ios::binary) << content;
    return dir_ / name;
  }

  /// A plan of data/examples/default.json made by `flyorcall plan -o`.
  fs::path planned() const {
    const fs::path plan = dir_ / "default.plan.json";
    const CliRun r = run("plan data/examples/default.json -q -o '" + plan.string() + "'");
    EXPECT_EQ(r.code, 0) << r.err;
    return plan;
  }

  fs::path dir_;
};

TEST_F(CheckCli, ValidPlanExitsZero) {
  const fs::path plan = planned();
  const CliRun r = run("check data/examples/default.json '" + plan.string() + "'");
  EXPECT_EQ(r.code, 0) << r.out << r.err;
  EXPECT_THAT(r.out, HasSubstr("valid: 2027-Q1, "));
  EXPECT_THAT(r.out, HasSubstr(" EUR\n"));
  EXPECT_TRUE(r.err.empty()) << r.err;

  const CliRun j = run("check data/examples/default.json '" + plan.string() + "' --json");
  EXPECT_EQ(j.code, 0);
  EXPECT_EQ(j.out, "{\"valid\":true,\"violations\":[]}\n");
}

TEST_F(CheckCli, MultiClientPlanIsValid) {
  const fs::path plan = dir_ / "search.plan.json";
  const CliRun p =
      run("plan data/examples/two-travellers.json --method search --time-limit 1 -q -o '" +
          plan.string() + "'");
  ASSERT_EQ(p.code, 0) << p.err;
  const CliRun r = run("check data/examples/two-travellers.json '" + plan.string() + "'");
  EXPECT_EQ(r.code, 0) << r.out << r.err;
  EXPECT_THAT(r.out, HasSubstr("valid: 2027-Q2, "));
}

TEST_F(CheckCli, ViolationsExitThree) {
  nlohmann::ordered_json p = nlohmann::ordered_json::parse(slurp(planned()));
  p["totals"]["net"] = p["totals"]["net"].get<double>() + 1.0;
  p["trips"][0]["days_away"] = p["trips"][0]["days_away"].get<int>() + 1;
  const fs::path bad = write("bad.plan.json", p.dump(2));
  const CliRun r = run("check data/examples/default.json '" + bad.string() + "'");
  EXPECT_EQ(r.code, 3) << r.out << r.err;
  EXPECT_THAT(r.out, HasSubstr("/trips/0/days_away: "));
  EXPECT_THAT(r.out, HasSubstr(" (days_away)\n"));
  EXPECT_THAT(r.out, HasSubstr("/totals/net: "));
  EXPECT_THAT(r.out, HasSubstr("value - trip cost - remote cost is"));
  EXPECT_THAT(r.out, HasSubstr("2 violations\n"));

  const CliRun j = run("check data/examples/default.json '" + bad.string() + "' --json");
  EXPECT_EQ(j.code, 3);
  const auto doc = nlohmann::json::parse(j.out);
  EXPECT_FALSE(doc["valid"].get<bool>());
  ASSERT_EQ(doc["violations"].size(), 2u);
  EXPECT_EQ(doc["violations"][0]["pointer"], "/trips/0/days_away");
  EXPECT_EQ(doc["violations"][0]["rule"], "days_away");
  EXPECT_EQ(doc["violations"][1]["pointer"], "/totals/net");
}

TEST_F(CheckCli, UnreadableOrInvalidFilesExitTwo) {
  const fs::path plan = planned();
  const CliRun missing =
      run("check data/examples/default.json '" + (dir_ / "nope.json").string() + "'");
  EXPECT_EQ(missing.code, 2) << missing.err;
  EXPECT_THAT(missing.err, HasSubstr("nope.json"));

  const fs::path not_a_plan =
      write("input-as-plan.json", slurp(kSource / "data/examples/small.json"));
  const CliRun wrong = run("check data/examples/default.json '" + not_a_plan.string() + "'");
  EXPECT_EQ(wrong.code, 2);
  EXPECT_THAT(wrong.err, HasSubstr("missing required key \"trips\""));

  const fs::path bad_input = write("bad-input.json", "{\"quarter\": \"2027-Q5\"}");
  const CliRun in =
      run("check '" + bad_input.string() + "' '" + plan.string() + "' --error-format json");
  EXPECT_EQ(in.code, 2);
  EXPECT_THAT(in.err, HasSubstr("\"code\":2"));

  const CliRun usage = run("check data/examples/default.json");
  EXPECT_EQ(usage.code, 2);
}

} // namespace

TEST(CheckArguments, SwappedArgumentsAreNamedAsSuch) {
  const std::string small = std::string(FLYORCALL_SOURCE_DIR) + "/data/examples/small.json";
  const auto dir = flyorcall::clitest::make_test_dir("check-swapped");
  const auto plan = flyorcall::clitest::run_cli("plan '" + small + "' -q -o plan.json", dir);
  ASSERT_EQ(plan.code, 0) << plan.err;
  const auto r = flyorcall::clitest::run_cli("check plan.json '" + small + "'", dir);
  EXPECT_EQ(r.code, 2);
  EXPECT_EQ(r.err,
            "flyorcall check: the arguments are swapped: INPUT plan.json is a plan and PLAN " +
                small + " is not (flyorcall check INPUT PLAN)\n");
  EXPECT_EQ(r.out, "");
  std::filesystem::remove_all(dir);
}
