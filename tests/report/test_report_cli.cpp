// End-to-end tests of `flyorcall report`: the three formats from a plan file and from --example,
// byte-identical output, and the errors (bad plan files write nothing, no overwriting inputs).
#include <filesystem>
#include <fstream>
#include <string>

#include <gtest/gtest.h>

#include "cli_run.hpp"

namespace fs = std::filesystem;
using flyorcall::clitest::CliRun;
using flyorcall::clitest::slurp;
using flyorcall::clitest::spit;

namespace {

const std::string kExample = std::string(FLYORCALL_SOURCE_DIR) + "/data/examples/default.json";

/// A fresh directory for one test.
fs::path work_dir() {
  return flyorcall::clitest::make_test_dir("report");
}

/// Runs the CLI with a shell-quoted argument string in `dir`.
CliRun run(const fs::path& dir, const std::string& args) {
  return flyorcall::clitest::run_cli(args, dir);
}

bool contains(const std::string& s, const std::string& part) {
  return s.find(part) != std::string::npos;
}

/// The default example planned into plan.json inside `dir`.
void make_plan(const fs::path& dir) {
  const CliRun r = run(dir, "plan --example -q -o plan.json");
  ASSERT_EQ(r.code, 0) << r.err;
}

TEST(ReportCli, WritesEachFormat) {
  const fs::path dir = work_dir();
  make_plan(dir);
  for (const std::string name : {"r.html", "r.md", "r.csv"}) {
    const CliRun r = run(dir, "report plan.json -o " + name);
    EXPECT_EQ(r.code, 0) << r.err;
    EXPECT_EQ(r.out, "");
    ASSERT_TRUE(fs::exists(dir / name)) << name;
  }
  EXPECT_TRUE(slurp(dir / "r.html").starts_with("<!DOCTYPE html>\n"));
  EXPECT_TRUE(slurp(dir / "r.md").starts_with("# Quarterly trip report: 2027\\-Q1\n") ||
              slurp(dir / "r.md").starts_with("# Quarterly trip report: 2027-Q1\n"));
  EXPECT_TRUE(slurp(dir / "r.csv").starts_with("table,row,c1,"));
  // --format wins over the extension; without -o the report goes to stdout.
  const CliRun md = run(dir, "report plan.json --format md");
  EXPECT_EQ(md.code, 0) << md.err;
  EXPECT_EQ(md.out, slurp(dir / "r.md"));
  fs::remove_all(dir);
}

TEST(ReportCli, ExampleEqualsThePlanFileWithItsInput) {
  const fs::path dir = work_dir();
  make_plan(dir);
  for (const std::string format : {"html", "md", "csv", "ics"}) {
    const CliRun a = run(dir, "report --example --format " + format + " -o a");
    const CliRun b =
        run(dir, "report plan.json --input '" + kExample + "' --format " + format + " -o b");
    const CliRun c =
        run(dir, "report plan.json --input '" + kExample + "' --format " + format + " -o c");
    ASSERT_EQ(a.code, 0) << a.err;
    ASSERT_EQ(b.code, 0) << b.err;
    ASSERT_EQ(c.code, 0) << c.err;
    EXPECT_EQ(slurp(dir / "a"), slurp(dir / "b")) << format;
    EXPECT_EQ(slurp(dir / "b"), slurp(dir / "c")) << format;
  }
  fs::remove_all(dir);
}

TEST(ReportCli, BadPlanWritesNothingAndExits2) {
  const fs::path dir = work_dir();
  spit(dir / "broken.json", "{\"trips\": [");
  CliRun r = run(dir, "report broken.json -o out.html");
  EXPECT_EQ(r.code, 2);
  EXPECT_FALSE(fs::exists(dir / "out.html"));
  EXPECT_TRUE(contains(r.err, "broken.json: malformed JSON at line 1")) << r.err;

  spit(dir / "typed.json", "{\"currency\": \"EUR\", \"trips\": [{\"id\": \"T1\", \"traveller\": "
                           "\"ana\", \"depart\": 20270104, \"back\": \"2027-01-05\", \"legs\": "
                           "[], \"cost\": {}}], \"clients\": [], \"totals\": {}}");
  r = run(dir, "report typed.json -o out.html --error-format json");
  EXPECT_EQ(r.code, 2);
  EXPECT_FALSE(fs::exists(dir / "out.html"));
  EXPECT_TRUE(contains(r.err, "{\"pointer\":\"/trips/0/depart\",\"message\":\"expected a "
                              "string\"}"))
      << r.err;
  EXPECT_TRUE(contains(r.err, "\"/totals\"")) << r.err;

  r = run(dir, "report missing.json -o out.html");
  EXPECT_EQ(r.code, 2);
  EXPECT_TRUE(contains(r.err, "cannot read missing.json")) << r.err;
  EXPECT_FALSE(fs::exists(dir / "out.html"));
  // No temporary file is left behind either.
  std::size_t files = 0;
  for ([[maybe_unused]] const auto& e : fs::directory_iterator(dir)) ++files;
  EXPECT_EQ(files, 2u); // broken.json and typed.json (run_cli captures output elsewhere)
  fs::remove_all(dir);
}

TEST(ReportCli, RefusesToOverwriteItsInputs) {
  const fs::path dir = work_dir();
  make_plan(dir);
  const std::string plan = slurp(dir / "plan.json");
  CliRun r = run(dir, "report plan.json -o plan.json");
  EXPECT_EQ(r.code, 2);
  EXPECT_TRUE(contains(r.err, "refusing to overwrite")) << r.err;
  EXPECT_EQ(slurp(dir / "plan.json"), plan);
  fs::copy_file(kExample, dir / "input.json");
  r = run(dir, "report plan.json --input input.json -o ./input.json");
  EXPECT_EQ(r.code, 2);
  EXPECT_EQ(slurp(dir / "input.json"), slurp(kExample));
  fs::remove_all(dir);
}

TEST(ReportCli, UsageErrors) {
  const fs::path dir = work_dir();
  make_plan(dir);
  CliRun r = run(dir, "report");
  EXPECT_EQ(r.code, 2);
  EXPECT_TRUE(contains(r.err, "no plan")) << r.err;
  r = run(dir, "report plan.json --example");
  EXPECT_EQ(r.code, 2);
  r = run(dir, "report plan.json --format pdf");
  EXPECT_EQ(r.code, 2);
  // An input for another quarter or currency is not the plan's input.
  spit(dir / "other.json",
       "{\"quarter\": \"2027-Q2\", \"travellers\": [{\"id\": \"a\", \"home\": \"FRA\", "
       "\"cost_per_day\": 500}], \"clients\": [{\"id\": \"c\", \"name\": \"C\", \"city\": "
       "\"PAR\", \"visit_value\": 1000}]}");
  r = run(dir, "report plan.json --input other.json -o x.html");
  EXPECT_EQ(r.code, 2);
  EXPECT_TRUE(contains(r.err, "the plan is for 2027-Q1 in EUR but the input is for 2027-Q2"))
      << r.err;
  EXPECT_FALSE(fs::exists(dir / "x.html"));
  fs::remove_all(dir);
}

} // namespace
