// `plan`, `compare` and `batch` give byte-identical output for the same input and seed with
// --jobs 1 and --jobs 2, and while other processes keep every core busy (CPU burners this test
// starts and kills), on synthetic quarters of 150 clients and 5 travellers: large enough that a
// search stopping on the clock (as the search did before it counted its work, at 5 s by default)
// ends elsewhere under load — at the default effort the search's counted work on them takes
// about 8 s of CPU on the reference machine. The runs use --effort 1 (about 2.4 s each) to keep
// the test near a minute; the time limit is far above what they need, so only counted work ends
// them, and the test checks that no output says the limit cut it. `plan` has no --jobs: it is
// compared with and without the load. Label `heavy`, run serially: release runs only.
#include <signal.h>
#include <sys/wait.h>
#include <unistd.h>

#include <algorithm>
#include <filesystem>
#include <string>
#include <vector>

#include <gtest/gtest.h>

#include "cli_run.hpp"
#include "support/synthetic_input.hpp"

namespace fs = std::filesystem;
using flyorcall::clitest::CliRun;

namespace {

/// Child processes that spin on every online core until destroyed (killed and reaped).
class CpuBurner {
public:
  CpuBurner() {
    const long cores = std::max(2L, ::sysconf(_SC_NPROCESSORS_ONLN));
    for (long k = 0; k < cores; ++k) {
      const pid_t pid = ::fork();
      if (pid == 0) {
        volatile unsigned long spin = 0;
        for (;;) spin = spin + 1; // killed by the parent
      }
      if (pid > 0) children_.push_back(pid);
    }
  }
  CpuBurner(const CpuBurner&) = delete;
  CpuBurner& operator=(const CpuBurner&) = delete;
  ~CpuBurner() {
    for (const pid_t pid : children_) ::kill(pid, SIGKILL);
    for (const pid_t pid : children_) ::waitpid(pid, nullptr, 0);
  }
  /// Number of burning processes started.
  [[nodiscard]] std::size_t size() const { return children_.size(); }
  /// Whether every burner is still running (none ended early).
  [[nodiscard]] bool running() const {
    return std::all_of(children_.begin(), children_.end(),
                       [](pid_t pid) { return ::waitpid(pid, nullptr, WNOHANG) == 0; });
  }

private:
  std::vector<pid_t> children_;
};

CliRun run(const std::string& args, const fs::path& dir) {
  return flyorcall::clitest::run_cli(args, dir);
}

// Every output of `runs` equals the first, which succeeded and was not cut by the time limit.
void expect_identical(const std::vector<CliRun>& runs, const std::string& what) {
  ASSERT_FALSE(runs.empty());
  ASSERT_EQ(runs[0].code, 0) << what << ": " << runs[0].err;
  EXPECT_FALSE(runs[0].out.empty()) << what;
  EXPECT_EQ(runs[0].out.find("time limit"), std::string::npos) << what << " was cut";
  for (const char* cut : {"\"time_limit_reached\":true", "\"time_limit_reached\": true"})
    EXPECT_EQ(runs[0].out.find(cut), std::string::npos) << what << " was cut";
  for (std::size_t k = 1; k < runs.size(); ++k) {
    EXPECT_EQ(runs[k].code, 0) << what << " run " << k << ": " << runs[k].err;
    EXPECT_TRUE(runs[k].out == runs[0].out) << what << ": run " << k << " differs from run 0";
  }
}

TEST(DeterminismUnderLoad, PlanCompareAndBatchAreByteIdenticalForAnyJobsAndLoad) {
  const fs::path dir = flyorcall::clitest::make_test_dir("load");
  flyorcall::synthetic::SyntheticOptions o;
  o.clients = 150;
  o.travellers = 5;
  o.time_limit_s = 3600; // a cap no run reaches: the counted work ends every search
  for (const std::uint64_t seed : {1u, 2u}) {
    o.seed = seed;
    flyorcall::clitest::spit(dir / ("q" + std::to_string(seed) + ".json"),
                             flyorcall::synthetic::synthetic_input_json(o));
  }
  const std::string plan = "plan q1.json --json --seed 7 --effort 1";
  const std::string compare =
      "compare q1.json --set /policy/carbon_price_per_t=250 --format json --effort 1";
  const std::string batch = "batch q1.json q2.json --effort 1";

  std::vector<CliRun> plans, compares, batches;
  plans.push_back(run(plan, dir));
  compares.push_back(run(compare + " --jobs 1", dir));
  compares.push_back(run(compare + " --jobs 2", dir));
  batches.push_back(run(batch + " --jobs 1", dir));
  batches.push_back(run(batch + " --jobs 2", dir));
  {
    const CpuBurner burner;
    ASSERT_GE(burner.size(), 2u);
    plans.push_back(run(plan, dir));
    compares.push_back(run(compare + " --jobs 2", dir));
    batches.push_back(run(batch + " --jobs 2", dir));
    EXPECT_TRUE(burner.running()) << "a CPU burner ended before the runs under load did";
  }
  expect_identical(plans, "plan");
  expect_identical(compares, "compare");
  expect_identical(batches, "batch");
  fs::remove_all(dir);
}

} // namespace
