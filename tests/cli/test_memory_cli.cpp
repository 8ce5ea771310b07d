// Limits before memory (docs/input.md, "Limits"): the largest inputs the tool rejects and accepts
// are read with a bounded peak. The peak resident memory of the command, as the kernel reports it
// to its parent (wait4's rusage), is compared with the documented bound; no time is measured.
#include <fcntl.h>
#include <sys/resource.h>
#include <sys/wait.h>
#include <unistd.h>

#include <filesystem>
#include <fstream>
#include <string>
#include <vector>

#include <gtest/gtest.h>
#include <nlohmann/json.hpp>

#include "cli_run.hpp"
#include "flyorcall/limits.hpp"
#include "support/sanitized.hpp"

namespace fs = std::filesystem;

namespace {

using flyorcall::testing::kSanitized; // shadow memory and quarantine inflate every peak

constexpr long kBoundKb = 200L * 1024; // 200 MB

/// The peak is compared only without sanitizers; the exit code always.
void expect_bounded(long max_rss_kb, const std::string& what) {
  if (kSanitized) return;
  EXPECT_LT(max_rss_kb, kBoundKb) << what;
}

struct Peak {
  int code = -1;
  long max_rss_kb = 0;
};

/// Runs the tool with `args` (stdout and stderr to /dev/null) and returns its exit code and peak
/// resident memory.
Peak run_measured(const std::vector<std::string>& args, const fs::path& cwd) {
  const pid_t pid = ::fork();
  if (pid == 0) {
    if (::chdir(cwd.c_str()) != 0) ::_exit(126);
    const int null = ::open("/dev/null", O_RDWR);
    ::dup2(null, 0);
    ::dup2(null, 1);
    ::dup2(null, 2);
    std::vector<char*> argv{const_cast<char*>(FLYORCALL_CLI)};
    for (const auto& a : args) argv.push_back(const_cast<char*>(a.c_str()));
    argv.push_back(nullptr);
    ::execv(FLYORCALL_CLI, argv.data());
    ::_exit(127);
  }
  int status = 0;
  rusage usage{};
  Peak p;
  if (pid > 0 && ::wait4(pid, &status, 0, &usage) == pid && WIFEXITED(status)) {
    p.code = WEXITSTATUS(status);
    p.max_rss_kb = usage.ru_maxrss;
  }
  return p;
}

/// An input of 22 million empty clients: 64 MiB, far over every limit.
void write_empty_clients(const fs::path& path) {
  std::ofstream out(path, std::ios::binary);
  out << R"({"quarter": "2027-Q1", "travellers": [], "clients": [{})";
  const std::string block = [] {
    std::string b;
    for (int i = 0; i < 4096; ++i) b += ",{}";
    return b;
  }();
  const std::size_t blocks = (flyorcall::limits::kMaxInputBytes - 200) / block.size();
  for (std::size_t i = 0; i < blocks; ++i) out << block;
  out << "]}";
}

/// The largest input of long text the limits accept: 10 000 events (the list's limit) whose notes
/// fill the 64 MiB.
void write_long_notes(const fs::path& path) {
  std::ofstream out(path, std::ios::binary);
  out << R"({"quarter": "2027-Q1", "travellers": [{"id": "anna", "home": "FRA",)"
      << R"( "cost_per_day": 500}], "clients": [{"id": "c", "city": "PAR", "visit_value": 1000}],)"
      << R"( "events": [)";
  const std::string note(6600, 'n');
  for (std::size_t i = 0; i < flyorcall::limits::kMaxEvents; ++i)
    out << (i ? "," : "") << R"({"kind": "news", "country": "DE", "from": "2027-01-05", "note": ")"
        << note << "\"}";
  out << "]}";
}

class Memory : public ::testing::Test {
protected:
  void SetUp() override { dir_ = flyorcall::clitest::make_test_dir("memory"); }
  void TearDown() override { fs::remove_all(dir_); }
  fs::path dir_;
};

} // namespace

TEST_F(Memory, A64MiBInputOverTheLimitsIsRejectedWithABoundedPeak) {
  write_empty_clients(dir_ / "huge.json");
  ASSERT_LE(fs::file_size(dir_ / "huge.json"), flyorcall::limits::kMaxInputBytes);
  const flyorcall::clitest::CliRun text = flyorcall::clitest::run_cli("validate huge.json", dir_);
  EXPECT_EQ(text.code, 2);
  EXPECT_EQ(text.err, "huge.json: expected at most 1000000 values (strings, numbers, arrays, "
                      "objects, ...) in the document (docs/input.md, Limits)\n");
  for (const std::string cmd : {"validate", "plan"}) {
    const Peak p = run_measured({cmd, "huge.json"}, dir_);
    EXPECT_EQ(p.code, 2) << cmd;
    expect_bounded(p.max_rss_kb, cmd);
  }
  // batch reads one input per job at a time: three such files with one job cost what one does.
  fs::copy_file(dir_ / "huge.json", dir_ / "huge2.json");
  fs::copy_file(dir_ / "huge.json", dir_ / "huge3.json");
  const Peak batch =
      run_measured({"batch", "huge.json", "huge2.json", "huge3.json", "--jobs", "1"}, dir_);
  EXPECT_EQ(batch.code, 2);
  expect_bounded(batch.max_rss_kb, "batch");
}

TEST_F(Memory, TheLargestTextTheLimitsAcceptIsReadWithABoundedPeak) {
  write_long_notes(dir_ / "notes.json");
  ASSERT_LE(fs::file_size(dir_ / "notes.json"), flyorcall::limits::kMaxInputBytes);
  const Peak p = run_measured({"validate", "notes.json"}, dir_);
  EXPECT_EQ(p.code, 0);
  expect_bounded(p.max_rss_kb, "validate");
}

TEST_F(Memory, CompareIsFlatInTheNumberOfScenarios) {
  // A base of 600 clients (the default example's, repeated): every scenario's plan holds them all.
  std::string doc =
      flyorcall::clitest::slurp(std::string(FLYORCALL_SOURCE_DIR) + "/data/examples/default.json");
  const std::size_t open = doc.find('[', doc.find("\"clients\""));
  const std::size_t close = doc.find("\n  ]", open);
  const std::string clients = doc.substr(open + 1, close - open - 1);
  std::string many;
  for (int copy = 0; copy < 24; ++copy) {
    std::string c = clients;
    for (std::size_t at = c.find("\"id\": \""); at != std::string::npos;
         at = c.find("\"id\": \"", at + 1))
      c.insert(at + 7, "x" + std::to_string(copy) + "-");
    many += (copy ? "," : "") + c;
  }
  doc.replace(open + 1, close - open - 1, many);
  // Without the must-visit client and the budget, which 24 copies could not all keep.
  for (std::size_t at = doc.find("\"must_visit\": true"); at != std::string::npos;
       at = doc.find("\"must_visit\": true"))
    doc.replace(at, 18, "\"must_visit\": false");
  const std::string limits = "\"money\": 60000, \"days\": 30";
  doc.erase(doc.find(limits), limits.size());
  flyorcall::clitest::spit(dir_ / "base.json", doc);
  const auto peak = [&](int points) {
    return run_measured({"compare", "base.json", "--sweep",
                         "/policy/carbon_price_per_t=0:" + std::to_string(points - 1) + ":1",
                         "--jobs", "1", "--method", "greedy", "--format", "json", "-o", "out.json"},
                        dir_);
  };
  const Peak few = peak(2);
  const Peak many_points = peak(20);
  ASSERT_EQ(few.code, 0);
  ASSERT_EQ(many_points.code, 0);
  // Each scenario keeps only its comparison (totals, flipped decisions, changed trips).
  if (!kSanitized) {
    EXPECT_LT(many_points.max_rss_kb - few.max_rss_kb, 10L * 1024);
  }
}

TEST_F(Memory, TheLargestPlanIsReportedAndCheckedWithABoundedPeak) {
  // The default example's plan grown to the reader's limits: 5 000 trips whose briefings list
  // 48 events with long notes (2 000 000 values, 64 MiB), and 2 000 clients.
  const std::string example = std::string(FLYORCALL_SOURCE_DIR) + "/data/examples/default.json";
  const auto planned = flyorcall::clitest::run_cli("plan '" + example + "' --json");
  ASSERT_EQ(planned.code, 0) << planned.err;
  nlohmann::json plan = nlohmann::json::parse(planned.out);
  const nlohmann::json trip = plan["trips"][1];
  const nlohmann::json event = {{"kind", "news"},
                                {"start", "2027-01-05"},
                                {"end", "2027-01-06"},
                                {"title", "Trade fair"},
                                {"note", std::string(140, 'n')}};
  nlohmann::json trips = nlohmann::json::array();
  for (int i = 0; i < 5000; ++i) {
    nlohmann::json t = trip;
    t["id"] = "T" + std::to_string(i + 1);
    t["briefings"][0]["events"] = nlohmann::json::array();
    for (int e = 0; e < 48; ++e) t["briefings"][0]["events"].push_back(event);
    trips.push_back(std::move(t));
  }
  plan["trips"] = std::move(trips);
  nlohmann::json clients = nlohmann::json::array();
  for (int i = 0; i < 2000; ++i) {
    nlohmann::json c = plan["clients"][static_cast<std::size_t>(i) % plan["clients"].size()];
    c["id"] = "c" + std::to_string(i);
    clients.push_back(std::move(c));
  }
  plan["clients"] = std::move(clients);
  flyorcall::clitest::spit(dir_ / "big.plan.json", plan.dump());
  plan = nlohmann::json();
  ASSERT_LE(fs::file_size(dir_ / "big.plan.json"), flyorcall::limits::kMaxInputBytes);
  constexpr long kReportBoundKb = 500L * 1024; // docs/report.md, "Size"
  // Under a sanitizer (where peaks are not compared) two formats cover the large-document path;
  // each format's writer runs under it in the report tests.
  const std::vector<std::string> formats =
      kSanitized ? std::vector<std::string>{"html", "csv"}
                 : std::vector<std::string>{"html", "md", "csv", "csv-stacked"};
  for (const std::string& format : formats) {
    const Peak p =
        run_measured({"report", "big.plan.json", "--format", format, "-o", "big." + format}, dir_);
    EXPECT_EQ(p.code, 0) << format;
    if (!kSanitized) {
      EXPECT_LT(p.max_rss_kb, kReportBoundKb) << format;
    }
  }
  EXPECT_LT(fs::file_size(dir_ / "big.html"), 32u << 20);
  if (!kSanitized) {
    EXPECT_LT(fs::file_size(dir_ / "big.md"), 32u << 20);
  }
  const Peak check = run_measured({"check", example, "big.plan.json"}, dir_);
  EXPECT_EQ(check.code, 3); // the example's input does not make these trips
  if (!kSanitized) {
    EXPECT_LT(check.max_rss_kb, kReportBoundKb);
  }
}
