// io::Output, the writer behind every -o: a regular file is replaced only on commit, an abandoned
// or interrupted write leaves nothing behind, and only stale temporary files of ended processes
// are recognised for sweeping.
#include <signal.h>
#include <sys/wait.h>
#include <unistd.h>

#include <filesystem>
#include <string>

#include <gtest/gtest.h>

#include "cli_run.hpp"
#include "flyorcall/errors.hpp"
#include "io/output.hpp"

namespace fs = std::filesystem;
using flyorcall::clitest::slurp;
using flyorcall::clitest::spit;

namespace flyorcall::io {
namespace {

std::size_t entries(const fs::path& dir) {
  std::size_t n = 0;
  for ([[maybe_unused]] const auto& e : fs::directory_iterator(dir)) ++n;
  return n;
}

TEST(Output, ARegularFileIsReplacedOnlyOnCommit) {
  const fs::path dir = clitest::make_test_dir("output");
  spit(dir / "out.txt", "old\n");
  {
    Output out((dir / "out.txt").string());
    out.write(std::string(200000, 'x')); // more than the buffer: part is in the temporary file
    EXPECT_EQ(slurp(dir / "out.txt"), "old\n");
    EXPECT_EQ(entries(dir), 2u); // out.txt and the temporary file
    out.commit();
  }
  EXPECT_EQ(slurp(dir / "out.txt"), std::string(200000, 'x'));
  EXPECT_EQ(entries(dir), 1u);
  {
    Output abandoned((dir / "out.txt").string());
    abandoned.write("never committed");
  }
  EXPECT_EQ(slurp(dir / "out.txt"), std::string(200000, 'x'));
  EXPECT_EQ(entries(dir), 1u);
  fs::remove_all(dir);
}

TEST(Output, ErrorsNameThePathAndTheStep) {
  try {
    write_output("/nonexistent-dir/out.txt", "x");
    FAIL() << "no error";
  } catch (const Error& e) {
    EXPECT_EQ(e.code(), ErrorCode::internal);
    EXPECT_STREQ(e.what(), "cannot write /nonexistent-dir/out.txt: No such file or directory");
  }
  try {
    write_output("", "x");
    FAIL() << "no error";
  } catch (const InputError& e) {
    EXPECT_EQ(e.problems().front().message,
              "empty output path: give a file name, or '-' for standard output");
  }
}

TEST(Output, ASignalInTheMiddleOfALargeWriteLeavesNoFile) {
  for (const auto& [sig, code] :
       std::vector<std::pair<int, int>>{{SIGTERM, 143}, {SIGINT, 130}, {SIGHUP, 129}}) {
    const fs::path dir = clitest::make_test_dir("output-signal");
    const pid_t pid = ::fork();
    ASSERT_GE(pid, 0);
    if (pid == 0) {
      install_interrupt_cleanup();
      Output out((dir / "big.html").string());
      out.write(std::string(8 << 20, 'x')); // 8 MB already in the temporary file
      ::raise(sig);
      ::_exit(0); // not reached: the handler ends the process
    }
    int status = 0;
    ASSERT_EQ(::waitpid(pid, &status, 0), pid);
    ASSERT_TRUE(WIFEXITED(status));
    EXPECT_EQ(WEXITSTATUS(status), code);
    EXPECT_EQ(entries(dir), 0u) << "signal " << sig;
    fs::remove_all(dir);
  }
}

TEST(Output, OnlyTemporaryFilesOfEndedProcessesAreStale) {
  const pid_t ended = ::fork();
  if (ended == 0) ::_exit(0);
  ASSERT_EQ(::waitpid(ended, nullptr, 0), ended);
  const std::string pid = std::to_string(ended);
  EXPECT_TRUE(is_stale_temporary("out.json", ".out.json.tmp-" + pid + "-a1B2c3"));
  EXPECT_FALSE(is_stale_temporary("out.json", ".out.json.tmp-" + std::to_string(::getpid()) +
                                                  "-a1B2c3"));            // this process runs
  EXPECT_FALSE(is_stale_temporary("out.json", ".out.json.tmp-1-a1B2c3")); // init runs
  EXPECT_FALSE(is_stale_temporary("out.json", ".other.tmp-" + pid + "-a1B2c3"));
  EXPECT_FALSE(is_stale_temporary("out.json", ".out.json.tmp-" + pid + "-a1B2c"));
  EXPECT_FALSE(is_stale_temporary("out.json", ".out.json.tmp-" + pid + "-a1B2c!"));
  EXPECT_FALSE(is_stale_temporary("out.json", ".out.json.tmp-a1B2c3")); // older releases' names
  EXPECT_FALSE(is_stale_temporary("out.json", "out.json"));
}

} // namespace
} // namespace flyorcall::io
