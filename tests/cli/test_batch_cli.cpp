// End-to-end tests of `flyorcall batch`: many inputs, one JSON line each, in input order,
// whatever the number of jobs.
#include <filesystem>
#include <fstream>
#include <sstream>
#include <string>
#include <vector>

#include <gtest/gtest.h>
#include <nlohmann/json.hpp>

#include "cli_run.hpp"
#include "support/sanitized.hpp"

namespace fs = std::filesystem;
using flyorcall::clitest::CliRun;
using flyorcall::clitest::lines_of;
using flyorcall::clitest::slurp;
using flyorcall::clitest::spit;
using nlohmann::json;

namespace {

const fs::path kSource = FLYORCALL_SOURCE_DIR;

class BatchCli : public ::testing::Test {
protected:
  void SetUp() override { dir_ = flyorcall::clitest::make_test_dir("batch"); }
  void TearDown() override { fs::remove_all(dir_); }

  /// Runs the CLI in the scratch directory with a shell-quoted argument string.
  CliRun run(const std::string& args) const { return flyorcall::clitest::run_cli(args, dir_); }

  /// Input i of the generated set: an example with its seed, carbon price and one client's
  /// value varied; `broken` puts an unknown city in it.
  static json generated(std::size_t i, bool broken) {
    static const char* examples[] = {"small.json", "two-travellers.json", "small.json",
                                     "default.json"};
    json doc = json::parse(slurp(kSource / "data/examples" / examples[i % 4]));
    doc["seed"] = 1000 + i;
    doc["policy"]["carbon_price_per_t"] = 25 * static_cast<int>(i % 9);
    json& client = doc["clients"][i % doc["clients"].size()];
    if (client.contains("account_revenue"))
      client["account_revenue"] = 20000 + 7000 * static_cast<int>(i);
    if (broken) doc["clients"][0]["city"] = "XYZQ";
    return doc;
  }

  fs::path dir_;
};

// A hundred inputs in Release; fewer under a sanitizer, where the plans run several times slower.
constexpr std::size_t kInputs = flyorcall::testing::by_build<std::size_t>(100, 12);
constexpr std::size_t kBroken = flyorcall::testing::by_build<std::size_t>(41, 7);

} // namespace

TEST_F(BatchCli, HundredInputsOneBrokenInOrderAndTheSameWhateverTheJobs) {
  std::string args = "batch";
  for (std::size_t i = 0; i < kInputs; ++i) {
    const std::string name = "in" + std::to_string(i) + ".json";
    spit(dir_ / name, generated(i, i == kBroken).dump(2));
    args += " " + name;
  }
  // Greedy keeps a hundred plans fast; the search's plans are held to the same in MethodCli.
  const CliRun one = run(args + " --method greedy --jobs 1 -o out1.jsonl");
  const CliRun two = run(args + " --method greedy --jobs 2 -o out2.jsonl");
  EXPECT_EQ(one.code, 2) << one.err;
  EXPECT_EQ(two.code, 2) << two.err;
  EXPECT_EQ(one.out, ""); // written to the file; no progress bar when stderr is not a terminal
  EXPECT_EQ(one.err, "");
  const std::string a = slurp(dir_ / "out1.jsonl");
  const std::string b = slurp(dir_ / "out2.jsonl");
  EXPECT_EQ(a, b); // byte-identical
  const auto lines = lines_of(a);
  ASSERT_EQ(lines.size(), kInputs);
  std::size_t plans = 0;
  for (std::size_t i = 0; i < lines.size(); ++i) {
    const json rec = json::parse(lines[i]);
    EXPECT_EQ(rec["index"], i);
    EXPECT_EQ(rec["source"], "in" + std::to_string(i) + ".json");
    if (i == kBroken) {
      ASSERT_TRUE(rec.contains("error")) << lines[i];
      EXPECT_FALSE(rec.contains("plan"));
      EXPECT_EQ(rec["error"]["code"], 2);
      EXPECT_EQ(rec["error"]["error"], "input");
      EXPECT_EQ(rec["error"]["problems"][0]["pointer"], "/clients/0/city");
      continue;
    }
    ASSERT_TRUE(rec.contains("plan")) << lines[i].substr(0, 300);
    EXPECT_EQ(rec["plan"]["seed"], 1000 + i);
    ++plans;
  }
  EXPECT_EQ(plans, kInputs - 1);

  // Each plan line holds the same plan as `flyorcall plan --json` of that input.
  const CliRun single = run("plan in3.json --json --method greedy");
  ASSERT_EQ(single.code, 0) << single.err;
  EXPECT_EQ(json::parse(lines[3])["plan"], json::parse(single.out));

  // Without -o the lines go to stdout, identical to the file.
  const CliRun out = run(args + " --method greedy --jobs 2");
  EXPECT_EQ(out.out, a);
}

TEST_F(BatchCli, JsonLinesInputCarriesLineNumbers) {
  std::string text = generated(0, false).dump() + "\n\n" + "{\"quarter\": 5}\n" +
                     generated(2, false).dump() + "\r\n" + "not json\n";
  spit(dir_ / "many.jsonl", text);
  const CliRun r = run("batch --jsonl many.jsonl --jobs 2");
  EXPECT_EQ(r.code, 2) << r.err;
  const auto lines = lines_of(r.out);
  ASSERT_EQ(lines.size(), 4u); // the blank line is skipped
  const json l0 = json::parse(lines[0]);
  const json l1 = json::parse(lines[1]);
  const json l2 = json::parse(lines[2]);
  const json l3 = json::parse(lines[3]);
  EXPECT_EQ(l0["line"], 1);
  EXPECT_TRUE(l0.contains("plan"));
  EXPECT_EQ(l1["index"], 1);
  EXPECT_EQ(l1["line"], 3);
  EXPECT_EQ(l1["source"], "many.jsonl");
  EXPECT_EQ(l1["error"]["code"], 2);
  EXPECT_EQ(l2["line"], 4);
  EXPECT_TRUE(l2.contains("plan"));
  EXPECT_EQ(l3["line"], 5);
  EXPECT_EQ(l3["error"]["problems"][0]["pointer"], "");
}

TEST_F(BatchCli, WorstCodeWinsAndUnreadableInputsBecomeRecords) {
  fs::copy_file(kSource / "data/examples/must-visit-infeasible.json", dir_ / "inf.json");
  fs::copy_file(kSource / "data/examples/small.json", dir_ / "ok.json");
  const CliRun r = run("batch ok.json inf.json missing.json");
  EXPECT_EQ(r.code, 3);
  const auto lines = lines_of(r.out);
  ASSERT_EQ(lines.size(), 3u);
  EXPECT_TRUE(json::parse(lines[0]).contains("plan"));
  EXPECT_EQ(json::parse(lines[1])["error"]["error"], "infeasible");
  EXPECT_EQ(json::parse(lines[1])["error"]["code"], 3);
  EXPECT_EQ(json::parse(lines[2])["error"]["code"], 2);
  EXPECT_EQ(run("batch ok.json").code, 0);
}

TEST_F(BatchCli, UsageErrors) {
  fs::copy_file(kSource / "data/examples/small.json", dir_ / "ok.json");
  spit(dir_ / "empty.jsonl", "\n\n");
  EXPECT_EQ(run("batch").code, 2);
  EXPECT_EQ(run("batch ok.json --jsonl empty.jsonl").code, 2);
  EXPECT_EQ(run("batch --jsonl empty.jsonl").err,
            "empty.jsonl: no input document: the file holds only blank lines\n");
  EXPECT_EQ(run("batch ok.json --jobs 0").code, 2);
  // The output may not overwrite an input; nothing is written then.
  const CliRun r = run("batch ok.json -o ok.json");
  EXPECT_EQ(r.code, 2);
  EXPECT_EQ(slurp(dir_ / "ok.json"), slurp(kSource / "data/examples/small.json"));
}

TEST_F(BatchCli, HostileNamesStayInsideTheirJsonLine) {
  // A name may hold quotes, backslashes, markup and formula starts; a note may hold a line break
  // and a tab. Each record stays on one line and reads back exactly.
  const std::vector<std::string> names{
      "<img src=x onerror=alert(1)>", "=HYPERLINK(\"x\")",         "+1", "-1", "@x", "a|b",
      "back\\slash \"quoted\"",       "\u2028line separator\u2029"};
  json doc = json::parse(slurp(kSource / "data/examples/default.json"));
  for (std::size_t i = 0; i < doc["clients"].size(); ++i)
    doc["clients"][i]["name"] = names[i % names.size()];
  for (auto& e : doc["events"]) e["note"] = "first line\nsecond line\tand a tab\r";
  spit(dir_ / "a.json", doc.dump(2));
  doc["seed"] = 7;
  spit(dir_ / "b\"quoted\\name.json", doc.dump(2));
  const CliRun r = run("batch a.json 'b\"quoted\\name.json' 'missing<x>.json' --jobs 2");
  EXPECT_EQ(r.code, 2) << r.err;
  const auto lines = lines_of(r.out);
  ASSERT_EQ(lines.size(), 3u) << r.out.substr(0, 500);
  for (const auto& line : lines) {
    EXPECT_EQ(line.find('\t'), std::string::npos);
    EXPECT_EQ(line.find('\r'), std::string::npos);
  }
  const json a = json::parse(lines[0]);
  const json b = json::parse(lines[1]);
  EXPECT_EQ(b["source"], "b\"quoted\\name.json");
  EXPECT_EQ(json::parse(lines[2])["source"], "missing<x>.json");
  for (const json* rec : {&a, &b}) {
    ASSERT_TRUE(rec->contains("plan")) << rec->dump().substr(0, 300);
    std::size_t seen = 0;
    for (const auto& c : (*rec)["plan"]["clients"])
      for (const auto& n : names)
        if (c.contains("name") && c["name"] == n) ++seen;
    EXPECT_EQ(seen, doc["clients"].size());
  }
}

TEST_F(BatchCli, ReportsOfPlansMadeWithOneOrTwoJobsAreByteIdentical) {
  // batch with --jobs 1 and --jobs 2, then `report` of each plan line in every format: the
  // same bytes, and the same bytes again when the report is run twice.
  std::string args = "batch";
  const std::size_t inputs = flyorcall::testing::by_build<std::size_t>(4, 2);
  for (std::size_t i = 0; i < inputs; ++i) {
    const std::string name = "in" + std::to_string(i) + ".json";
    spit(dir_ / name, generated(i, false).dump(2));
    args += " " + name;
  }
  const CliRun one = run(args + " --jobs 1");
  const CliRun two = run(args + " --jobs 2");
  ASSERT_EQ(one.code, 0) << one.err;
  ASSERT_EQ(two.code, 0) << two.err;
  EXPECT_EQ(one.out, two.out);
  const auto lines1 = lines_of(one.out);
  const auto lines2 = lines_of(two.out);
  ASSERT_EQ(lines1.size(), inputs);
  ASSERT_EQ(lines2.size(), inputs);
  for (std::size_t i = 0; i < lines1.size(); ++i) {
    spit(dir_ / ("p1-" + std::to_string(i) + ".json"), json::parse(lines1[i])["plan"].dump(2));
    spit(dir_ / ("p2-" + std::to_string(i) + ".json"), json::parse(lines2[i])["plan"].dump(2));
    for (const std::string format : {"html", "md", "csv-stacked", "ics"}) {
      const std::string tail = ".json --input in" + std::to_string(i) + ".json --format " + format;
      const CliRun a = run("report p1-" + std::to_string(i) + tail);
      const CliRun b = run("report p2-" + std::to_string(i) + tail);
      const CliRun again = run("report p1-" + std::to_string(i) + tail);
      ASSERT_EQ(a.code, 0) << a.err;
      EXPECT_GT(a.out.size(), 1000u) << format;
      EXPECT_EQ(a.out, b.out) << "input " << i << " " << format;
      EXPECT_EQ(a.out, again.out) << "input " << i << " " << format;
    }
  }
}

TEST_F(BatchCli, FailedWriteLeavesNoTemporaryFileAndKeepsTheInputs) {
  fs::copy_file(kSource / "data/examples/small.json", dir_ / "ok.json");
  fs::create_directory(dir_ / "out-dir");
  const CliRun r = run("batch ok.json -o out-dir");
  EXPECT_EQ(r.code, 1) << r.err;
  EXPECT_NE(r.err.find("cannot write out-dir"), std::string::npos) << r.err;
  EXPECT_TRUE(fs::is_empty(dir_ / "out-dir"));
  for (const auto& e : fs::recursive_directory_iterator(dir_))
    EXPECT_EQ(e.path().filename().string().find(".tmp-"), std::string::npos) << e.path();
  EXPECT_EQ(slurp(dir_ / "ok.json"), slurp(kSource / "data/examples/small.json"));
  // --jsonl input may not be overwritten either.
  spit(dir_ / "in.jsonl", json::parse(slurp(dir_ / "ok.json")).dump() + "\n");
  const CliRun j = run("batch --jsonl in.jsonl -o ./in.jsonl");
  EXPECT_EQ(j.code, 2);
  EXPECT_NE(j.err.find("refusing to overwrite"), std::string::npos) << j.err;
  EXPECT_EQ(slurp(dir_ / "in.jsonl"), json::parse(slurp(dir_ / "ok.json")).dump() + "\n");
}
