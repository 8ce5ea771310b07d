// Every plan the tests produce goes through the plan checker (docs/check.md): the golden plans of
// the CLI tests against their inputs, and the plans of every planning method for every example
// input (search on the inputs of at most 12 clients, and once on the 25-client default example;
// exact where it applies). A violation found here is a planner bug to fix, not a test to relax.
#include <algorithm>
#include <filesystem>
#include <fstream>
#include <sstream>
#include <string>
#include <vector>

#include <gtest/gtest.h>

#include "check/plan_check.hpp"
#include "flyorcall/errors.hpp"
#include "flyorcall/flyorcall.hpp"
#include "io/plan_reader.hpp"
#include "optimize/quarter.hpp"

namespace fs = std::filesystem;
using flyorcall::check::Violation;

namespace {

const fs::path kSource = FLYORCALL_SOURCE_DIR;

/// Search plans take about 2 s on the 25-client default example: above this many clients an
/// example gets no search plan, except the default example once.
constexpr std::size_t kSearchMaxClients = 12;

std::string slurp(const fs::path& p) {
  std::ifstream in(p, std::ios::binary);
  std::ostringstream s;
  s << in.rdbuf();
  return s.str();
}

std::string listing(const std::vector<Violation>& v) {
  std::string s;
  for (const Violation& x : v) s += "  " + x.pointer + ": " + x.message + " (" + x.rule + ")\n";
  return s;
}

/// The example inputs under data/examples, in name order.
std::vector<fs::path> example_inputs() {
  std::vector<fs::path> out;
  for (const auto& entry : fs::directory_iterator(kSource / "data/examples"))
    if (entry.path().extension() == ".json") out.push_back(entry.path());
  std::sort(out.begin(), out.end());
  return out;
}

/// Plans `input` with `method`, checks the plan in memory and as the JSON the CLI writes, and
/// returns whether there was a plan (false: infeasible, which only the example made to be
/// infeasible may be).
bool plan_and_check(const fs::path& file, const flyorcall::Input& input,
                    flyorcall::PlanMethod method) {
  try {
    const flyorcall::Plan plan = flyorcall::plan_quarter(input, method);
    SCOPED_TRACE(plan.method);
    const std::vector<Violation> v = flyorcall::check::check_plan(input, plan);
    EXPECT_TRUE(v.empty()) << listing(v);
    const std::vector<Violation> from_json = flyorcall::check::check_plan(
        input, flyorcall::io::read_plan(flyorcall::plan_to_json(plan)));
    EXPECT_TRUE(from_json.empty()) << listing(from_json);
    return true;
  } catch (const flyorcall::InfeasibleError& e) {
    EXPECT_EQ(file.filename(), "must-visit-infeasible.json") << e.pointer() << ": " << e.what();
    return false;
  }
}

TEST(CheckAllPlans, GoldenPlansOfTheCliTests) {
  // tests/cli/golden/<name>.plan.json is the plan of data/examples/<name>.json.
  int checked = 0;
  for (const auto& entry : fs::directory_iterator(kSource / "tests/cli/golden")) {
    const std::string name = entry.path().filename().string();
    const std::string suffix = ".plan.json";
    if (name.size() <= suffix.size() ||
        name.compare(name.size() - suffix.size(), suffix.size(), suffix) != 0)
      continue;
    SCOPED_TRACE(name);
    const fs::path input_file =
        kSource / "data/examples" / (name.substr(0, name.size() - suffix.size()) + ".json");
    ASSERT_TRUE(fs::exists(input_file)) << "golden plan without an example input " << input_file;
    const flyorcall::Input input = flyorcall::read_input(slurp(input_file));
    const std::vector<Violation> v =
        flyorcall::check::check_plan(input, flyorcall::io::read_plan(slurp(entry.path())));
    EXPECT_TRUE(v.empty()) << listing(v);
    ++checked;
  }
  EXPECT_GE(checked, 1);
}

TEST(CheckAllPlans, GreedyPlanOfEveryExample) {
  int planned = 0;
  for (const fs::path& file : example_inputs()) {
    SCOPED_TRACE(file.filename().string());
    const flyorcall::Input input = flyorcall::read_input(slurp(file));
    planned += plan_and_check(file, input, flyorcall::PlanMethod::greedy) ? 1 : 0;
  }
  EXPECT_GE(planned, 3);
}

TEST(CheckAllPlans, SearchPlanOfEverySmallExample) {
  int planned = 0;
  for (const fs::path& file : example_inputs()) {
    const flyorcall::Input input = flyorcall::read_input(slurp(file));
    if (input.clients.size() > kSearchMaxClients) continue;
    SCOPED_TRACE(file.filename().string());
    planned += plan_and_check(file, input, flyorcall::PlanMethod::search) ? 1 : 0;
  }
  // small.json and two-travellers.json at least.
  EXPECT_GE(planned, 2);
}

TEST(CheckAllPlans, SearchPlanOfTheDefaultExample) {
  const fs::path file = kSource / "data/examples/default.json";
  const flyorcall::Input input = flyorcall::read_input(slurp(file));
  ASSERT_GT(input.clients.size(), kSearchMaxClients);
  EXPECT_TRUE(plan_and_check(file, input, flyorcall::PlanMethod::search));
}

TEST(CheckAllPlans, ExactPlanOfEveryExampleItTakes) {
  int planned = 0;
  for (const fs::path& file : example_inputs()) {
    const flyorcall::Input input = flyorcall::read_input(slurp(file));
    if (input.clients.size() > flyorcall::optimize::kQuarterExactMaxClients) continue;
    SCOPED_TRACE(file.filename().string());
    planned += plan_and_check(file, input, flyorcall::PlanMethod::exact) ? 1 : 0;
  }
  EXPECT_GE(planned, 1); // small.json
}

} // namespace
