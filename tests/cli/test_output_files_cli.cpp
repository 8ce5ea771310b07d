// Every command that writes a file with -o (plan, report, compare, batch): it refuses to write
// over one of its inputs however the path is spelled, a failed write leaves neither a partial
// nor a temporary file, a rejected input keeps the previous output, and a good run replaces it.
#include <sys/stat.h>

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

const fs::path kSource = FLYORCALL_SOURCE_DIR;

/// One command writing OUT, with the inputs it reads (relative to the scratch directory).
struct Writer {
  std::string name;
  std::string args; ///< with "OUT" where the output path goes
  std::vector<std::string> inputs;
};

class OutputFiles : public ::testing::Test {
protected:
  void SetUp() override {
    dir_ = flyorcall::clitest::make_test_dir("out");
    small_ = slurp(kSource / "data/examples/small.json");
    spit(dir_ / "in.json", small_);
    std::string line = small_;
    for (char& c : line)
      if (c == '\n' || c == '\r') c = ' ';
    spit(dir_ / "in.jsonl", line + "\n");
    const CliRun plan = run("plan in.json --json");
    ASSERT_EQ(plan.code, 0) << plan.err;
    spit(dir_ / "plan.json", plan.out);
  }
  void TearDown() override { fs::remove_all(dir_); }

  /// Runs the CLI in the scratch directory with a shell-quoted argument string.
  CliRun run(const std::string& args) const { return flyorcall::clitest::run_cli(args, dir_); }

  static std::vector<Writer> writers() {
    return {
        {"plan", "plan in.json -o OUT", {"in.json"}},
        {"report", "report plan.json --input in.json --format md -o OUT", {"plan.json", "in.json"}},
        {"compare", "compare in.json --set /seed=2 --jobs 1 -o OUT", {"in.json"}},
        {"batch", "batch in.json --jobs 1 -o OUT", {"in.json"}},
        {"batch --jsonl", "batch --jsonl in.jsonl --jobs 1 -o OUT", {"in.jsonl"}},
    };
  }

  static std::string with_output(std::string args, const std::string& out) {
    return args.replace(args.find("OUT"), 3, "'" + out + "'");
  }

  /// No temporary file (".name.tmp-XXXXXX") anywhere in the scratch directory.
  void expect_no_temporary(const std::string& what) const {
    for (const auto& e : fs::recursive_directory_iterator(dir_))
      EXPECT_EQ(e.path().filename().string().find(".tmp-"), std::string::npos)
          << what << ": " << e.path();
  }

  fs::path dir_;
  std::string small_;
};

} // namespace

TEST_F(OutputFiles, NoCommandWritesOverItsInputHoweverThePathIsSpelled) {
  for (const Writer& w : writers()) {
    for (const std::string& in : w.inputs) {
      const std::string before = slurp(dir_ / in);
      fs::create_hard_link(dir_ / in, dir_ / "hard-link");
      fs::create_symlink(dir_ / in, dir_ / "sym-link");
      for (const std::string& out :
           std::vector<std::string>{in, "./" + in, (dir_ / in).string(), "hard-link", "sym-link"}) {
        const CliRun r = run(with_output(w.args, out));
        EXPECT_EQ(r.code, 2) << w.name << " -o " << out << ": " << r.err;
        EXPECT_NE(r.err.find("is the input file; refusing to overwrite it"), std::string::npos)
            << w.name << " -o " << out << ": " << r.err;
        EXPECT_EQ(r.out, "") << w.name;
        EXPECT_EQ(slurp(dir_ / in), before) << w.name << " -o " << out;
      }
      fs::remove(dir_ / "hard-link");
      fs::remove(dir_ / "sym-link");
      expect_no_temporary(w.name);
    }
  }
}

TEST_F(OutputFiles, AFailedWriteLeavesNoPartialOrTemporaryFile) {
  fs::create_directory(dir_ / "a-directory");
  for (const Writer& w : writers()) {
    // The output names a directory: the temporary file is written, then cannot replace it.
    CliRun r = run(with_output(w.args, "a-directory"));
    EXPECT_EQ(r.code, 1) << w.name << ": " << r.err;
    EXPECT_NE(r.err.find("cannot write a-directory"), std::string::npos) << w.name << ": " << r.err;
    EXPECT_TRUE(fs::is_directory(dir_ / "a-directory")) << w.name;
    EXPECT_TRUE(fs::is_empty(dir_ / "a-directory")) << w.name;
    // The output's directory does not exist: nothing can be created.
    r = run(with_output(w.args, "no-such-dir/out.txt"));
    EXPECT_EQ(r.code, 1) << w.name << ": " << r.err;
    EXPECT_NE(r.err.find("cannot write no-such-dir/out.txt"), std::string::npos)
        << w.name << ": " << r.err;
    EXPECT_FALSE(fs::exists(dir_ / "no-such-dir")) << w.name;
    expect_no_temporary(w.name);
  }
}

TEST_F(OutputFiles, ARejectedInputKeepsThePreviousOutput) {
  spit(dir_ / "in.json", small_.substr(0, small_.size() / 2)); // truncated: malformed JSON
  spit(dir_ / "in.jsonl", "{\"quarter\": 5}\n");
  spit(dir_ / "plan.json", "{\"trips\": [,]}");
  for (const Writer& w : writers()) {
    spit(dir_ / "previous.txt", "previous output\n");
    const CliRun r = run(with_output(w.args, "previous.txt"));
    // batch reports a bad input as a record of its output (exit 2 with the file written).
    if (w.name.rfind("batch", 0) == 0) {
      EXPECT_EQ(r.code, 2) << w.name << ": " << r.err;
      EXPECT_NE(slurp(dir_ / "previous.txt").find("\"error\""), std::string::npos) << w.name;
    } else {
      EXPECT_EQ(r.code, 2) << w.name << ": " << r.err;
      EXPECT_EQ(slurp(dir_ / "previous.txt"), "previous output\n") << w.name;
    }
    expect_no_temporary(w.name);
  }
}

TEST_F(OutputFiles, AGoodRunReplacesTheOutputWithAReadableFile) {
  for (const Writer& w : writers()) {
    spit(dir_ / "previous.txt", "previous output\n");
    const CliRun r = run(with_output(w.args, "previous.txt"));
    EXPECT_EQ(r.code, 0) << w.name << ": " << r.err;
    const std::string text = slurp(dir_ / "previous.txt");
    EXPECT_GT(text.size(), 100u) << w.name;
    EXPECT_EQ(text.find("previous output"), std::string::npos) << w.name;
    EXPECT_EQ(text.back(), '\n') << w.name;
    // Created like a file of the user's shell: readable by others under the usual umask 022.
    struct stat st {};
    ASSERT_EQ(::stat((dir_ / "previous.txt").c_str(), &st), 0);
    const mode_t mask = ::umask(0);
    ::umask(mask);
    EXPECT_EQ(st.st_mode & 0777u, 0666u & ~mask) << w.name;
    expect_no_temporary(w.name);
  }
}
