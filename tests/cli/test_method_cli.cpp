// End-to-end tests of `--method` on `compare` and `batch`: the same values and meaning as
// `plan --method`, used for every scenario and every input, named in the output, the same error
// as `plan` for `exact` on too many clients, and output byte-identical for any --jobs. Every plan
// batch writes here also passes the plan checker (docs/check.md). The small examples keep the
// runs fast.
#include <filesystem>
#include <fstream>
#include <sstream>
#include <string>
#include <vector>

#include <gtest/gtest.h>
#include <nlohmann/json.hpp>

#include "check/plan_check.hpp"
#include "cli_run.hpp"
#include "flyorcall/flyorcall.hpp"
#include "io/plan_reader.hpp"

namespace fs = std::filesystem;
using flyorcall::clitest::CliRun;
using flyorcall::clitest::lines_of;
using flyorcall::clitest::slurp;
using nlohmann::json;

namespace {

const fs::path kSource = FLYORCALL_SOURCE_DIR;
const std::string kSmall = "data/examples/small.json";
const std::string kTwo = "data/examples/two-travellers.json";
const std::string kMany = "data/examples/default.json"; // 25 clients: too many for exact

class MethodCli : public ::testing::Test {
protected:
  void SetUp() override { dir_ = flyorcall::clitest::make_test_dir("method"); }
  void TearDown() override { fs::remove_all(dir_); }

  /// Runs the CLI in the source directory with a shell-quoted argument string.
  static CliRun run(const std::string& args) { return flyorcall::clitest::run_cli(args, kSource); }

  fs::path path(const std::string& name) const { return dir_ / name; }

  fs::path write(const std::string& name, const std::string& content) const {
    std::ofstream(path(name), std::ios::binary) << content;
    return path(name);
  }

  /// The plan JSON `plan FILE --json --method M` prints.
  json plan_of(const std::string& file, const std::string& method) const {
    const CliRun r = run("plan '" + file + "' --json --method " + method);
    EXPECT_EQ(r.code, 0) << r.err;
    return json::parse(r.out);
  }

  fs::path dir_;
};

/// Asserts that the plan checker finds nothing wrong with a plan JSON of the input in `file`.
void expect_checked(const fs::path& file, const json& plan) {
  const flyorcall::Input input = flyorcall::read_input(slurp(file));
  const auto v = flyorcall::check::check_plan(input, flyorcall::io::read_plan(plan.dump(2)));
  std::string listing;
  for (const auto& x : v) listing += "  " + x.pointer + ": " + x.message + " (" + x.rule + ")\n";
  EXPECT_TRUE(v.empty()) << file << "\n" << listing;
}

TEST_F(MethodCli, HelpListsTheMethodForCompareAndBatch) {
  for (const char* sub : {"compare", "batch"}) {
    const CliRun r = run(std::string(sub) + " --help");
    EXPECT_EQ(r.code, 0) << sub;
    EXPECT_NE(r.out.find("--method"), std::string::npos) << sub << ": " << r.out;
    EXPECT_NE(r.out.find("exact"), std::string::npos) << sub << ": " << r.out;
  }
}

TEST_F(MethodCli, UnknownMethodIsAUsageErrorLikePlan) {
  for (const std::string& cmd :
       {"plan " + kSmall, "compare " + kSmall + " --set /seed=2", "batch " + kSmall}) {
    const fs::path out = path("out.txt");
    const CliRun r = run(cmd + " --method fastest -o '" + out.string() + "'");
    EXPECT_EQ(r.code, 2) << cmd;
    EXPECT_NE(r.err.find("--method"), std::string::npos) << cmd << ": " << r.err;
    EXPECT_NE(r.err.find("fastest"), std::string::npos) << cmd << ": " << r.err;
    EXPECT_FALSE(fs::exists(out)) << cmd;
  }
}

TEST_F(MethodCli, CompareWithoutMethodPlansBySearchAndSaysSo) {
  const CliRun def =
      run("compare " + kSmall + " --set /policy/carbon_price_per_t=200 --format json");
  ASSERT_EQ(def.code, 0) << def.err;
  const json j = json::parse(def.out);
  EXPECT_EQ(j["base"]["method"], "iterated-local-search");
  EXPECT_EQ(j["base"]["totals"]["net"], plan_of(kSmall, "search")["totals"]["net"]);
  // The value is case-insensitive, and naming the default changes nothing.
  const CliRun named = run("compare " + kSmall +
                           " --set /policy/carbon_price_per_t=200 --format json --method SEARCH");
  ASSERT_EQ(named.code, 0) << named.err;
  EXPECT_EQ(named.out, def.out);
  const CliRun greedy = run("compare " + kSmall +
                            " --set /policy/carbon_price_per_t=200 --format json --method greedy");
  ASSERT_EQ(greedy.code, 0) << greedy.err;
  EXPECT_EQ(json::parse(greedy.out)["base"]["method"], "greedy-dedicated-round-trips");
}

TEST_F(MethodCli, CompareSearchPlansTheBaseAndEveryScenarioBySearch) {
  // A scenario as a merge patch, so that its document can also be planned on its own.
  const json patch = {{"policy", {{"carbon_price_per_t", 400}}}};
  const fs::path patch_file = write("carbon.json", patch.dump());
  json scenario_doc = json::parse(slurp(kSource / kSmall));
  scenario_doc["policy"]["carbon_price_per_t"] = 400;
  const fs::path scenario_file = write("small-carbon.json", scenario_doc.dump());

  const CliRun r =
      run("compare " + kSmall + " '" + patch_file.string() + "' --method search --format json");
  ASSERT_EQ(r.code, 0) << r.err;
  const json c = json::parse(r.out);
  EXPECT_EQ(c["base"]["method"], "iterated-local-search");

  const json base_plan = plan_of(kSmall, "search");
  const json scenario_plan = plan_of(scenario_file.string(), "search");
  EXPECT_EQ(base_plan["method"], "iterated-local-search");
  EXPECT_EQ(c["base"]["totals"]["net"], base_plan["totals"]["net"]);
  EXPECT_EQ(c["base"]["totals"]["trips"], base_plan["totals"]["trips"]);
  ASSERT_EQ(c["scenarios"].size(), 1u);
  ASSERT_TRUE(c["scenarios"][0]["feasible"].get<bool>());
  EXPECT_EQ(c["scenarios"][0]["totals"]["net"], scenario_plan["totals"]["net"]);
  EXPECT_EQ(c["scenarios"][0]["totals"]["trips"], scenario_plan["totals"]["trips"]);

  // Search forms multi-client trips here, so the comparison differs from a greedy one.
  bool multi_stop = false;
  for (const auto& t : base_plan["trips"]) multi_stop = multi_stop || t["visits"].size() > 1;
  EXPECT_TRUE(multi_stop);
  const CliRun greedy =
      run("compare " + kSmall + " '" + patch_file.string() + "' --format json --method greedy");
  ASSERT_EQ(greedy.code, 0) << greedy.err;
  EXPECT_NE(json::parse(greedy.out)["base"]["totals"], c["base"]["totals"]);
  // Without --method: the search.
  const CliRun def = run("compare " + kSmall + " '" + patch_file.string() + "' --format json");
  ASSERT_EQ(def.code, 0) << def.err;
  EXPECT_EQ(def.out, r.out);

  // The text formats name the method too.
  const CliRun table = run("compare " + kSmall + " '" + patch_file.string() + "' --method search");
  ASSERT_EQ(table.code, 0) << table.err;
  EXPECT_NE(lines_of(table.out).at(0).find("method iterated-local-search"), std::string::npos)
      << table.out;
  for (const char* format : {"md", "html"}) {
    const CliRun t = run("compare " + kSmall + " '" + patch_file.string() +
                         "' --method search --format " + format);
    ASSERT_EQ(t.code, 0) << t.err;
    EXPECT_NE(t.out.find("method iterated-local-search"), std::string::npos) << format;
  }
}

TEST_F(MethodCli, CompareExactOnASmallInput) {
  const CliRun r = run("compare " + kSmall +
                       " --set /policy/carbon_price_per_t=0 --method exact "
                       "--format json");
  ASSERT_EQ(r.code, 0) << r.err;
  const json c = json::parse(r.out);
  EXPECT_EQ(c["base"]["method"], "exact-dynamic-programming");
  EXPECT_EQ(c["base"]["totals"]["net"], plan_of(kSmall, "exact")["totals"]["net"]);
}

TEST_F(MethodCli, CompareSearchIsByteIdenticalAcrossJobs) {
  for (const char* format : {"json", "table"}) {
    const std::string args = "compare " + kSmall +
                             " --sweep /policy/carbon_price_per_t=0:400:100 --set "
                             "/travellers/0/max_days_away=8 --method search --format " +
                             format;
    const CliRun one = run(args + " --jobs 1");
    const CliRun two = run(args + " --jobs 2");
    ASSERT_EQ(one.code, 0) << one.err;
    ASSERT_EQ(two.code, 0) << two.err;
    EXPECT_EQ(one.out, two.out) << format;
  }
}

TEST_F(MethodCli, ExactPlansTheTwoTravellerExampleAndTheSearchReachesIt) {
  // 10 clients and two travellers: within the exact solver's reach. A deadline no run reaches
  // (even under a sanitizer), so that the search ends by itself.
  json two = json::parse(slurp(kSource / kTwo));
  two["time_limit_s"] = 600;
  const fs::path two_file = write("two.json", two.dump());
  const json exact = plan_of(two_file.string(), "exact");
  EXPECT_EQ(exact["method"], "exact-dynamic-programming");
  expect_checked(two_file, exact);
  const json search = plan_of(two_file.string(), "search");
  EXPECT_LE(search["totals"]["net"].get<double>(), exact["totals"]["net"].get<double>());
  EXPECT_EQ(search["totals"]["net"], exact["totals"]["net"]);
}

TEST_F(MethodCli, CompareExactOnTooManyClientsIsThePlanError) {
  const CliRun plan = run("plan " + kMany + " --method exact");
  ASSERT_EQ(plan.code, 2);
  EXPECT_NE(plan.err.find("/clients: method exact takes at most 12 clients, found 25"),
            std::string::npos)
      << plan.err;
  const fs::path out = path("cmp.json");
  const CliRun r = run("compare " + kMany +
                       " --set /policy/carbon_price_per_t=200 --method exact "
                       "--format json -o '" +
                       out.string() + "'");
  EXPECT_EQ(r.code, 2);
  EXPECT_EQ(r.err, plan.err);
  EXPECT_TRUE(r.out.empty()) << r.out;
  EXPECT_FALSE(fs::exists(out));

  // The same in the JSON error format.
  const CliRun plan_json = run("plan " + kMany + " --method exact --error-format json");
  const CliRun json_err =
      run("compare " + kMany + " --set /seed=3 --method exact --error-format json");
  EXPECT_EQ(json_err.code, 2);
  EXPECT_EQ(json_err.err, plan_json.err);
  const json e = json::parse(json_err.err);
  EXPECT_EQ(e["code"], 2);
  EXPECT_EQ(e["problems"][0]["pointer"], "/clients");
}

TEST_F(MethodCli, CompareExactOnAScenarioWithTooManyClientsNamesTheScenario) {
  // small.json has 3 clients; the scenario makes them 13.
  json clients = json::parse(slurp(kSource / kSmall))["clients"];
  for (int k = 0; clients.size() < 13; ++k) {
    json extra = clients[static_cast<std::size_t>(k)];
    extra["id"] = extra["id"].get<std::string>() + "-copy" + std::to_string(k);
    clients.push_back(extra);
  }
  const fs::path patch = write("thirteen.json", json{{"clients", clients}}.dump());
  const fs::path out = path("cmp.txt");
  const CliRun r = run("compare " + kSmall + " '" + patch.string() +
                       "' --set /seed=5 --method exact -o '" + out.string() + "'");
  EXPECT_EQ(r.code, 2);
  EXPECT_EQ(r.err, "scenario \"" + patch.string() +
                       "\": /clients: method exact takes at most 12 clients, found 13\n");
  EXPECT_FALSE(fs::exists(out));
  // Without exact the same comparison is fine.
  const CliRun ok = run("compare " + kSmall + " '" + patch.string() + "' --set /seed=5");
  EXPECT_EQ(ok.code, 0) << ok.err;
}

TEST_F(MethodCli, BatchPlansEveryInputWithTheMethod) {
  // two-travellers with a deadline no run reaches (even under a sanitizer), so that the search
  // ends by itself and its plan does not depend on the machine's speed.
  json two = json::parse(slurp(kSource / kTwo));
  two["time_limit_s"] = 600;
  const std::string two_file = write("two.json", two.dump()).string();
  const CliRun r = run("batch " + kSmall + " '" + two_file + "' --method search --jobs 2");
  ASSERT_EQ(r.code, 0) << r.err;
  const auto lines = lines_of(r.out);
  ASSERT_EQ(lines.size(), 2u);
  const std::string files[] = {kSmall, two_file};
  for (std::size_t i = 0; i < 2; ++i) {
    SCOPED_TRACE(files[i]);
    const json line = json::parse(lines[i]);
    EXPECT_EQ(line["source"], files[i]);
    EXPECT_EQ(line["plan"]["method"], "iterated-local-search");
    // Exactly the plan `plan --method search` makes, and a valid one.
    EXPECT_EQ(line["plan"], plan_of(files[i], "search"));
    expect_checked(fs::path(files[i]).is_absolute() ? fs::path(files[i]) : kSource / files[i],
                   line["plan"]);
  }
  // Without --method: the search.
  const CliRun def = run("batch " + kSmall);
  ASSERT_EQ(def.code, 0) << def.err;
  EXPECT_EQ(json::parse(lines_of(def.out).at(0))["plan"]["method"], "iterated-local-search");
  const CliRun greedy = run("batch " + kSmall + " --method greedy");
  ASSERT_EQ(greedy.code, 0) << greedy.err;
  EXPECT_EQ(json::parse(lines_of(greedy.out).at(0))["plan"]["method"],
            "greedy-dedicated-round-trips");
}

TEST_F(MethodCli, BatchSearchIsByteIdenticalAcrossJobs) {
  // Four inputs: the two small examples (two-travellers once) with other seeds and carbon
  // prices.
  std::string jsonl;
  for (int i = 0; i < 4; ++i) {
    json doc = json::parse(slurp(kSource / (i == 1 ? kTwo : kSmall)));
    doc["seed"] = 100 + i;
    doc["time_limit_s"] = 600; // the search ends by itself, never at the deadline
    doc["policy"]["carbon_price_per_t"] = 50 * i;
    jsonl += doc.dump() + "\n";
  }
  const fs::path inputs = write("inputs.jsonl", jsonl);
  const fs::path one = path("one.jsonl");
  const fs::path two = path("two.jsonl");
  const std::string args = "batch --jsonl '" + inputs.string() + "' --method search";
  ASSERT_EQ(run(args + " --jobs 1 -o '" + one.string() + "'").code, 0);
  ASSERT_EQ(run(args + " --jobs 2 -o '" + two.string() + "'").code, 0);
  const std::string a = slurp(one);
  EXPECT_EQ(a, slurp(two));
  const auto lines = lines_of(a);
  ASSERT_EQ(lines.size(), 4u);
  for (const auto& l : lines) EXPECT_EQ(json::parse(l)["plan"]["method"], "iterated-local-search");
}

TEST_F(MethodCli, BatchExactOnTooManyClientsIsAnErrorRecordAndTheOthersGoOn) {
  const CliRun plan = run("plan " + kMany + " --method exact --error-format json");
  ASSERT_EQ(plan.code, 2);
  const json plan_error = json::parse(plan.err);

  const CliRun r = run("batch " + kSmall + " " + kMany + " " + kSmall + " --method exact --jobs 2");
  EXPECT_EQ(r.code, 2) << r.err;
  const auto lines = lines_of(r.out);
  ASSERT_EQ(lines.size(), 3u);
  const json bad = json::parse(lines[1]);
  EXPECT_EQ(bad["index"], 1);
  EXPECT_EQ(bad["source"], kMany);
  EXPECT_FALSE(bad.contains("plan"));
  EXPECT_EQ(bad["error"]["code"], 2);
  EXPECT_EQ(bad["error"]["error"], "input");
  // The same problem, pointer and message, as `plan` reports.
  EXPECT_EQ(bad["error"]["problems"], plan_error["problems"]);
  for (const std::size_t i : {0u, 2u}) {
    const json good = json::parse(lines[i]);
    ASSERT_TRUE(good.contains("plan")) << lines[i];
    EXPECT_EQ(good["plan"]["method"], "exact-dynamic-programming");
    expect_checked(kSource / kSmall, good["plan"]);
  }
}

} // namespace

// A plan the time limit cuts short depends on the machine: compare says so for the base and for
// every scenario it cut, in every format, and batch on every line it cut.
TEST_F(MethodCli, ComparisonAndBatchSayWhichPlansTheTimeLimitCut) {
  json doc = json::parse(slurp(kSource / kMany));
  doc["time_limit_s"] = 0.1; // far less than the search of 25 clients needs
  const fs::path cut = write("cut.json", doc.dump());
  const std::string note = "cut by the time limit (time_limit_s): the best plan found by then, "
                           "not a converged result; raise time_limit_s or lower policy.effort";
  const std::string scenario = " --set /policy/carbon_price_per_t=200 --method search";

  const CliRun table = run("compare '" + cut.string() + "'" + scenario);
  ASSERT_EQ(table.code, 0) << table.err;
  EXPECT_NE(table.out.find("\nBase plan: " + note + "\n"), std::string::npos) << table.out;
  EXPECT_NE(table.out.find("Scenario /policy/carbon_price_per_t=200\n  note: " + note + "\n"),
            std::string::npos)
      << table.out;
  const CliRun md = run("compare '" + cut.string() + "'" + scenario + " --format md");
  ASSERT_EQ(md.code, 0) << md.err;
  EXPECT_NE(md.out.find("**Base plan:** " + note), std::string::npos) << md.out;
  EXPECT_NE(md.out.find("**Note:** " + note), std::string::npos) << md.out;
  const CliRun html = run("compare '" + cut.string() + "'" + scenario + " --format html");
  ASSERT_EQ(html.code, 0) << html.err;
  EXPECT_NE(html.out.find("<p><strong>Note:</strong> " + note + "</p>"), std::string::npos);
  const CliRun js = run("compare '" + cut.string() + "'" + scenario + " --format json");
  ASSERT_EQ(js.code, 0) << js.err;
  const json c = json::parse(js.out);
  EXPECT_EQ(c["base"]["time_limit_reached"], true);
  EXPECT_EQ(c["scenarios"][0]["time_limit_reached"], true);

  // A comparison the time limit does not cut says nothing of it.
  const CliRun calm = run("compare " + kSmall + " --set /policy/carbon_price_per_t=200");
  ASSERT_EQ(calm.code, 0) << calm.err;
  EXPECT_EQ(calm.out.find("time limit"), std::string::npos) << calm.out;

  const CliRun b = run("batch '" + cut.string() + "' " + kSmall + " --method search --jobs 1");
  ASSERT_EQ(b.code, 0) << b.err;
  const auto lines = lines_of(b.out);
  ASSERT_EQ(lines.size(), 2u);
  EXPECT_EQ(json::parse(lines[0])["time_limit_reached"], true);
  EXPECT_EQ(json::parse(lines[1])["time_limit_reached"], false);
}
