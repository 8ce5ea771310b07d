// End-to-end tests of `flyorcall batch`: many inputs, one JSON line each, in input order,
// whatever the number of jobs.
#include <sys/wait.h>
#include <unistd.h>

#include <cstdlib>
#include <filesystem>
#include <fstream>
#include <sstream>
#include <string>
#include <vector>

#include <gtest/gtest.h>
#include <nlohmann/json.hpp>

namespace fs = std::filesystem;
using nlohmann::json;

namespace {

const fs::path kSource = FLYORCALL_SOURCE_DIR;
const std::string kCli = FLYORCALL_CLI;

std::string slurp(const fs::path& p) {
  std::ifstream in(p, std::ios::binary);
  std::ostringstream s;
  s << in.rdbuf();
  return s.str();
}

void spit(const fs::path& p, const std::string& text) {
  std::ofstream(p, std::ios::binary) << text;
}

std::vector<std::string> lines_of(const std::string& text) {
  std::vector<std::string> out;
  std::istringstream in(text);
  for (std::string line; std::getline(in, line);) out.push_back(line);
  return out;
}

struct CliRun {
  int code = -1;
  std::string out;
  std::string err;
};

class BatchCli : public ::testing::Test {
protected:
  void SetUp() override {
    const auto* info = ::testing::UnitTest::GetInstance()->current_test_info();
    dir_ = fs::temp_directory_path() /
           (std::string("flyorcall-batch-") + info->name() + "-" + std::to_string(::getpid()));
    fs::remove_all(dir_);
    fs::create_directories(dir_);
  }
  void TearDown() override { fs::remove_all(dir_); }

  CliRun run(const std::string& args) const {
    const fs::path out = dir_ / "stdout.txt";
    const fs::path err = dir_ / "stderr.txt";
    const std::string cmd = "cd '" + dir_.string() + "' && '" + kCli + "' " + args + " >'" +
                            out.string() + "' 2>'" + err.string() + "' </dev/null";
    const int status = std::system(cmd.c_str());
    CliRun r;
    r.code = WIFEXITED(status) ? WEXITSTATUS(status) : -1;
    r.out = slurp(out);
    r.err = slurp(err);
    return r;
  }

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

constexpr std::size_t kInputs = 100;
constexpr std::size_t kBroken = 41;

} // namespace

TEST_F(BatchCli, HundredInputsOneBrokenInOrderAndTheSameWhateverTheJobs) {
  std::string args = "batch";
  for (std::size_t i = 0; i < kInputs; ++i) {
    const std::string name = "in" + std::to_string(i) + ".json";
    spit(dir_ / name, generated(i, i == kBroken).dump(2));
    args += " " + name;
  }
  const CliRun one = run(args + " --jobs 1 -o out1.jsonl");
  const CliRun two = run(args + " --jobs 2 -o out2.jsonl");
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
  const CliRun single = run("plan in3.json --json");
  ASSERT_EQ(single.code, 0) << single.err;
  EXPECT_EQ(json::parse(lines[3])["plan"], json::parse(single.out));

  // Without -o the lines go to stdout, identical to the file.
  const CliRun out = run(args + " --jobs 2");
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
