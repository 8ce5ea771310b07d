// End-to-end tests of the exact solver's limits (`--method exact`, docs/optimizer.md, "The exact
// solver"): it refuses up front what it cannot finish (too many clients, travellers or days), every
// limit named in the message, and when its time limit (time_limit_s) passes before it has a
// complete plan it writes none and exits 4 with a message that says so, in `plan`, `compare`
// and `batch`. Nothing here is timed: the time limit is far below what the input needs.
#include <filesystem>
#include <fstream>
#include <string>

#include <gtest/gtest.h>
#include <nlohmann/json.hpp>

#include "cli_run.hpp"

namespace fs = std::filesystem;
using flyorcall::clitest::CliRun;
using flyorcall::clitest::lines_of;
using flyorcall::clitest::slurp;
using nlohmann::json;

namespace {

const fs::path kSource = FLYORCALL_SOURCE_DIR;
const std::string kSmall = "data/examples/small.json";

class ExactLimitsCli : public ::testing::Test {
protected:
  void SetUp() override { dir_ = flyorcall::clitest::make_test_dir("exact-limits"); }
  void TearDown() override { fs::remove_all(dir_); }

  static CliRun run(const std::string& args) { return flyorcall::clitest::run_cli(args, kSource); }

  fs::path write(const std::string& name, const json& doc) const {
    std::ofstream(dir_ / name, std::ios::binary) << doc.dump();
    return dir_ / name;
  }

  fs::path dir_;
};

// small.json (1 traveller, 3 clients, 75 days) grown past each limit in turn.
TEST_F(ExactLimitsCli, RefusesTooManyTravellersOrDaysNamingTheLimit) {
  const json small = json::parse(slurp(kSource / kSmall));

  json travellers = small;
  for (int k = 1; travellers["travellers"].size() < 9; ++k) {
    json t = small["travellers"][0];
    t["id"] = "extra" + std::to_string(k);
    travellers["travellers"].push_back(t);
  }
  const fs::path many = write("nine-travellers.json", travellers);
  const fs::path out = dir_ / "plan.json";
  const CliRun r = run("plan '" + many.string() + "' --method exact -o '" + out.string() + "'");
  EXPECT_EQ(r.code, 2);
  EXPECT_EQ(r.err,
            many.string() + ": /travellers: method exact takes at most 8 travellers, found 9\n");
  EXPECT_FALSE(fs::exists(out));
  // Within the limit the same input plans.
  const CliRun search = run("plan '" + many.string() + "' --method search -q");
  EXPECT_EQ(search.code, 0) << search.err;

  json days = small;
  days["start"] = "2027-01-04";
  days["end"] = "2027-04-05"; // 92 days: one quarter, the longest the exact solver plans
  const fs::path quarter = write("quarter.json", days);
  EXPECT_EQ(run("plan '" + quarter.string() + "' --method exact -q").code, 0);
  days["end"] = "2027-04-06";
  const fs::path longer = write("93-days.json", days);
  const CliRun r93 = run("plan '" + longer.string() + "' --method exact --error-format json");
  EXPECT_EQ(r93.code, 2);
  const json e = json::parse(r93.err);
  EXPECT_EQ(e["code"], 2);
  ASSERT_EQ(e["problems"].size(), 1u) << r93.err;
  EXPECT_EQ(e["problems"][0]["pointer"], "/end");
  EXPECT_EQ(e["problems"][0]["message"],
            "method exact plans a horizon of at most 92 days (one quarter), found 93 days");

  // Every limit broken at once: every problem, in document order.
  json all = travellers;
  all["start"] = "2027-01-04";
  all["end"] = "2027-06-30";
  for (int k = 0; all["clients"].size() < 13; ++k) {
    json c = small["clients"][static_cast<std::size_t>(k % 3)];
    c["id"] = "copy" + std::to_string(k);
    all["clients"].push_back(c);
  }
  const fs::path over = write("over.json", all);
  const CliRun ro = run("plan '" + over.string() + "' --method exact");
  EXPECT_EQ(ro.code, 2);
  EXPECT_EQ(ro.err, over.string() +
                        ": /end: method exact plans a horizon of at most 92 days (one quarter), "
                        "found 178 days\n" +
                        over.string() +
                        ": /travellers: method exact takes at most 8 travellers, found 9\n" +
                        over.string() +
                        ": /clients: method exact takes at most 12 clients, found 13\n");
}

// Twelve clients of the default example take the exact solver seconds; a time limit of 0.1 s
// cuts it before it has any plan: exit 4, a message naming the limit, and no output written.
TEST_F(ExactLimitsCli, ATimeLimitBeforeAnyPlanIsExitFourWithoutOutput) {
  json doc = json::parse(slurp(kSource / "data/examples/default.json"));
  doc["clients"].erase(doc["clients"].begin() + 12, doc["clients"].end());
  doc["time_limit_s"] = 0.1;
  const fs::path twelve = write("twelve.json", doc);
  const std::string message =
      "method exact reached its time limit (time_limit_s 0.1 s) before it had a complete plan: the "
      "exact solver has none until it ends; raise time_limit_s, or plan with method search";
  const fs::path out = dir_ / "plan.json";
  const CliRun r = run("plan '" + twelve.string() + "' --method exact -o '" + out.string() + "'");
  EXPECT_EQ(r.code, 4);
  EXPECT_EQ(r.err, twelve.string() + ": time limit: " + message + "\n");
  EXPECT_TRUE(r.out.empty()) << r.out;
  EXPECT_FALSE(fs::exists(out));

  const CliRun js = run("plan '" + twelve.string() + "' --method exact --error-format json");
  EXPECT_EQ(js.code, 4);
  const json e = json::parse(js.err);
  EXPECT_EQ(e["code"], 4);
  EXPECT_EQ(e["error"], "time_limit");
  EXPECT_EQ(e["problems"][0]["message"], message);

  // compare fails the same way; batch writes an error record for that input and goes on.
  const CliRun c = run("compare '" + twelve.string() + "' --set /seed=2 --method exact");
  EXPECT_EQ(c.code, 4);
  EXPECT_NE(c.err.find(message), std::string::npos) << c.err;
  const CliRun b = run("batch '" + twelve.string() + "' " + kSmall + " --method exact --jobs 1");
  EXPECT_EQ(b.code, 4) << b.err;
  const auto lines = lines_of(b.out);
  ASSERT_EQ(lines.size(), 2u) << b.out;
  const json bad = json::parse(lines[0]);
  EXPECT_FALSE(bad.contains("plan"));
  EXPECT_EQ(bad["error"]["code"], 4);
  EXPECT_EQ(bad["error"]["error"], "time_limit");
  EXPECT_EQ(bad["error"]["problems"][0]["message"], message);
  const json good = json::parse(lines[1]);
  ASSERT_TRUE(good.contains("plan")) << lines[1];
  EXPECT_EQ(good["plan"]["method"], "exact-dynamic-programming");
  EXPECT_EQ(good["time_limit_reached"], false);
}

} // namespace
