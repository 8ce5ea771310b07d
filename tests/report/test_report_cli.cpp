// End-to-end tests of `flyorcall report`: the three formats from a plan file and from --example,
// byte-identical output, and the errors (bad plan files write nothing, no overwriting inputs).
#include <algorithm>
#include <cmath>
#include <filesystem>
#include <fstream>
#include <string>
#include <vector>

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
  for (const std::string name : {"r.html", "r.md", "r.csv", "r.xlsx"}) {
    const CliRun r = run(dir, "report plan.json -o " + name);
    EXPECT_EQ(r.code, 0) << r.err;
    EXPECT_EQ(r.out, "");
    ASSERT_TRUE(fs::exists(dir / name)) << name;
  }
  EXPECT_TRUE(slurp(dir / "r.html").starts_with("<!DOCTYPE html>\n"));
  EXPECT_TRUE(slurp(dir / "r.md").starts_with("# Quarterly trip report: 2027\\-Q1\n") ||
              slurp(dir / "r.md").starts_with("# Quarterly trip report: 2027-Q1\n"));
  EXPECT_TRUE(slurp(dir / "r.csv").starts_with("table,row,c1,"));
  EXPECT_TRUE(slurp(dir / "r.xlsx").starts_with(std::string("PK\x03\x04", 4))); // a zip package
  // --format wins over the extension; without -o the report goes to stdout.
  const CliRun md = run(dir, "report plan.json --format md");
  EXPECT_EQ(md.code, 0) << md.err;
  EXPECT_EQ(md.out, slurp(dir / "r.md"));
  fs::remove_all(dir);
}

TEST(ReportCli, ExampleEqualsThePlanFileWithItsInput) {
  const fs::path dir = work_dir();
  make_plan(dir);
  for (const std::string format : {"html", "md", "csv-stacked", "xlsx", "ics"}) {
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

// --format csv: one RFC 4180 file per table, named after it, with the column names as its
// header, into the -o directory (created when missing); the same files for the example and for
// the plan file with its input. Without a directory it is a usage error and writes nothing.
TEST(ReportCli, TidyCsvWritesOneFilePerTableIntoADirectory) {
  const fs::path dir = work_dir();
  make_plan(dir);
  const CliRun a = run(dir, "report --example --format csv -o a");
  ASSERT_EQ(a.code, 0) << a.err;
  EXPECT_EQ(a.out, "");
  const CliRun b = run(dir, "report plan.json --input '" + kExample + "' -o b/");
  ASSERT_EQ(b.code, 0) << b.err;
  std::vector<std::string> names;
  for (const auto& e : fs::directory_iterator(dir / "a")) names.push_back(e.path().filename());
  std::sort(names.begin(), names.end());
  const std::vector<std::string> expected{
      "briefing.csv", "budget.csv",  "calendar.csv", "call.csv", "call_shift.csv", "client.csv",
      "event.csv",    "holiday.csv", "leg.csv",      "note.csv", "report.csv",     "spend.csv",
      "stay.csv",     "summary.csv", "trip.csv",     "visit.csv"};
  EXPECT_EQ(names, expected);
  for (const std::string& name : names)
    EXPECT_EQ(slurp(dir / "a" / name), slurp(dir / "b" / name)) << name;
  EXPECT_TRUE(slurp(dir / "a" / "trip.csv")
                  .starts_with("trip,traveller,depart,back,days_away,flights,hotel,per_diem,"
                               "traveller_time,jetlag,carbon,total,co2_kg\r\n"));
  EXPECT_TRUE(slurp(dir / "a" / "leg.csv").starts_with("trip,seq,from,to,depart_local,"));

  // Standard output, or a path that is a file, cannot take a directory of files.
  spit(dir / "other.txt", "kept");
  for (const std::string& target :
       {std::string(), std::string(" -o -"), std::string(" -o other.txt")}) {
    const CliRun bad = run(dir, "report plan.json --format csv" + target);
    EXPECT_EQ(bad.code, 2) << target;
    EXPECT_EQ(bad.out, "") << target;
    EXPECT_TRUE(contains(bad.err, "--format csv writes one file per table")) << bad.err;
    EXPECT_EQ(slurp(dir / "other.txt"), "kept");
  }
  fs::remove_all(dir);
}

// --currency shows every amount in a display currency at the embedded reference rates, named with
// their date; the plan's own currency changes nothing; an unknown code is a usage error.
TEST(ReportCli, DisplayCurrencyConvertsEveryAmountAndNamesTheRates) {
  const fs::path dir = work_dir();
  make_plan(dir);
  const CliRun eur = run(dir, "report plan.json --format csv-stacked");
  const CliRun usd = run(dir, "report plan.json --format csv-stacked --currency USD");
  const CliRun same = run(dir, "report plan.json --format csv-stacked --currency EUR");
  ASSERT_EQ(eur.code, 0) << eur.err;
  ASSERT_EQ(usd.code, 0) << usd.err;
  EXPECT_EQ(same.out, eur.out);
  // The net value, converted at the rate of data/fx.csv (USD 1.0411 per EUR) and rounded.
  const auto figure = [](const std::string& csv, const std::string& name) {
    const std::string key = "summary,";
    for (std::size_t at = csv.find(key); at != std::string::npos; at = csv.find(key, at + 1)) {
      const std::size_t end = csv.find("\r\n", at);
      const std::string line = csv.substr(at, end - at);
      const std::string tag = "," + name + ",";
      if (const auto p = line.find(tag); p != std::string::npos)
        return std::stod(line.substr(p + tag.size()));
    }
    return -1.0;
  };
  const double net_eur = figure(eur.out, "net");
  const double net_usd = figure(usd.out, "net");
  ASSERT_GT(net_eur, 0);
  EXPECT_NEAR(net_usd, std::round(net_eur * 104.11) / 100.0, 0.011);
  EXPECT_TRUE(contains(usd.out, "report,4,currency,USD"));
  EXPECT_TRUE(contains(usd.out, "converted from EUR at 1.0411 USD per EUR (European Central Bank "
                                "euro reference rates of 28 February 2025"));
  const CliRun html = run(dir, "report plan.json --currency USD");
  EXPECT_TRUE(contains(html.out, "money in USD, converted from EUR at 1.0411 USD per EUR"));

  const CliRun lower = run(dir, "report plan.json --currency usd -o never.html");
  EXPECT_EQ(lower.code, 2);
  EXPECT_TRUE(contains(lower.err, "unknown currency \"usd\" (did you mean \"USD\"?)")) << lower.err;
  const CliRun unknown = run(dir, "report plan.json --currency XQZ -o never.html");
  EXPECT_EQ(unknown.code, 2);
  EXPECT_TRUE(contains(unknown.err, "unknown currency \"XQZ\"; the reference rates"))
      << unknown.err;
  EXPECT_FALSE(fs::exists(dir / "never.html"));
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
