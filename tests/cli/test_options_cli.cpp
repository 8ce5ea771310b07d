// Numeric options take the input file's ranges (exit 2 otherwise, never clamped), INPUT and
// --example exclude each other, and paths printed on the terminal cannot drive it.
#include <string>
#include <utility>
#include <vector>

#include <gtest/gtest.h>

#include "cli_run.hpp"

using flyorcall::clitest::CliRun;
using flyorcall::clitest::run_cli;

namespace {

const std::string kSmall = std::string(FLYORCALL_SOURCE_DIR) + "/data/examples/small.json";
const std::string kHelp = "Run with --help for more information.\n";

TEST(Options, SeedTakesTheInputsRangeAndIsNeverClamped) {
  for (const std::string bad : {"-1", "18446744073709551616", "1e3", "3.5", "x", ""}) {
    const CliRun r = run_cli("plan '" + kSmall + "' -q --seed '" + bad + "'");
    EXPECT_EQ(r.code, 2) << bad;
    EXPECT_EQ(r.err, "--seed: expected an integer from 0 to 18446744073709551615, found " + bad +
                         "\n" + kHelp)
        << bad;
  }
  for (const auto& [given, seed] : std::vector<std::pair<std::string, std::string>>{
           {"0", "0"}, {"18446744073709551615", "18446744073709551615"}, {"0010", "10"}}) {
    const CliRun r = run_cli("plan '" + kSmall + "' --json --seed " + given);
    EXPECT_EQ(r.code, 0) << given << ": " << r.err;
    EXPECT_NE(r.out.find("\"seed\": " + seed + ","), std::string::npos) << given;
  }
}

TEST(Options, TimeLimitTakesTheInputsRange) {
  for (const std::string bad : {"nan", "NaN", "0", "0.05", "3600.5", "inf", "-1", "1s"}) {
    const CliRun r = run_cli("plan '" + kSmall + "' -q --time-limit '" + bad + "'");
    EXPECT_EQ(r.code, 2) << bad;
    EXPECT_EQ(r.err,
              "--time-limit: expected a number from 0.1 to 3600, found " + bad + "\n" + kHelp)
        << bad;
  }
  for (const std::string good : {"0.1", "3600", "2"})
    EXPECT_EQ(run_cli("plan '" + kSmall + "' -q --time-limit " + good).code, 0) << good;
}

TEST(Options, AnInputFileAndExampleExcludeEachOther) {
  for (const std::string cmd : {"plan", "validate"}) {
    const CliRun r = run_cli(cmd + " '" + kSmall + "' --example");
    EXPECT_EQ(r.code, 2) << cmd;
    EXPECT_EQ(r.err, kSmall + ": give an INPUT file or --example, not both\n") << cmd;
    EXPECT_EQ(r.out, "") << cmd;
  }
}

TEST(Options, PathsOnTheTerminalAreEscaped) {
  const std::string dir = flyorcall::clitest::make_test_dir("options").string();
  // printf: the test shell (sh) has no $'...' quoting; \342\200\256 is U+202E.
  const CliRun r =
      run_cli("plan '" + kSmall + "' -o \"$(printf 'red\\033[31m\\342\\200\\256.json')\"", dir);
  EXPECT_EQ(r.code, 0) << r.err;
  EXPECT_NE(r.out.find("plan written to red\\u001b[31m\\u202e.json\n"), std::string::npos) << r.out;
  const CliRun bad = run_cli("plan '" + kSmall + "' -o \"$(printf 'nodir\\007/x.json')\"", dir);
  EXPECT_EQ(bad.code, 1);
  EXPECT_EQ(bad.err, "flyorcall: error: cannot write nodir\\u0007/x.json: No such file or "
                     "directory\n");
  std::filesystem::remove_all(dir);
}

} // namespace

TEST(Options, NamesOnTheTerminalShowInvisibleCharactersEscaped) {
  const auto dir = flyorcall::clitest::make_test_dir("options-bidi");
  std::string doc = flyorcall::clitest::slurp(kSmall);
  const std::size_t name = doc.find("\"name\": \"", doc.find("\"clients\""));
  ASSERT_NE(name, std::string::npos);
  doc.insert(name + 9, "Evil \u202Egnp.exe ");
  flyorcall::clitest::spit(dir / "in.json", doc);
  const CliRun r = run_cli("plan in.json", dir);
  ASSERT_EQ(r.code, 0) << r.err;
  EXPECT_NE(r.out.find("Evil \\u202egnp.exe"), std::string::npos) << r.out;
  EXPECT_EQ(r.out.find("\u202E"), std::string::npos);
  std::filesystem::remove_all(dir);
}

TEST(Options, ProblemsOnTheTerminalShowInvisibleCharactersEscaped) {
  const auto dir = flyorcall::clitest::make_test_dir("options-bidi-err");
  flyorcall::clitest::spit(dir / "in.json", "{\"quar\u202Eter\": 1}");
  const CliRun r = run_cli("validate in.json", dir);
  EXPECT_EQ(r.code, 2);
  EXPECT_NE(r.err.find("in.json: /quar\\u202eter: unknown key \"quar\\u202eter\""),
            std::string::npos)
      << r.err;
  EXPECT_EQ(r.err.find("\u202E"), std::string::npos);
  std::filesystem::remove_all(dir);
}
