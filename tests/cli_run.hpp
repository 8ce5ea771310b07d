// Running the built flyorcall tool from the end-to-end tests (tests/cli, tests/check,
// tests/report): one place that starts FLYORCALL_CLI through the shell and captures its exit code,
// stdout and stderr, and one that makes a scratch directory per test. Test targets get this
// header from flyorcall_add_test (tests/ is on their include path; FLYORCALL_CLI is defined
// there).
#pragma once

#include <sys/wait.h>
#include <unistd.h>

#include <cstdlib>
#include <filesystem>
#include <fstream>
#include <sstream>
#include <stdexcept>
#include <string>
#include <vector>

#include <gtest/gtest.h>

namespace flyorcall::clitest {

/// Exit code and captured output of one run of the tool.
struct CliRun {
  int code = -1;   ///< exit status, or -1 when the process did not exit normally
  std::string out; ///< everything written to stdout
  std::string err; ///< everything written to stderr
};

/// The bytes of file `p`, or "" when it cannot be read.
inline std::string slurp(const std::filesystem::path& p) {
  std::ifstream in(p, std::ios::binary);
  std::ostringstream s;
  s << in.rdbuf();
  return s.str();
}

/// Writes `text` to file `p` as it is (binary), replacing it.
inline void spit(const std::filesystem::path& p, const std::string& text) {
  std::ofstream(p, std::ios::binary) << text;
}

/// The lines of `text`, without their line ends.
inline std::vector<std::string> lines_of(const std::string& text) {
  std::vector<std::string> out;
  std::istringstream in(text);
  for (std::string line; std::getline(in, line);) out.push_back(line);
  return out;
}

namespace detail {

/// A new empty file <temp>/flyorcall-<what>-XXXXXX with a unique name; throws when it cannot be
/// made (the test then fails with that message).
inline std::filesystem::path capture_file(const std::string& what) {
  std::string name =
      (std::filesystem::temp_directory_path() / ("flyorcall-" + what + "-XXXXXX")).string();
  const int fd = ::mkstemp(name.data());
  if (fd < 0) throw std::runtime_error("cannot create a temporary file like " + name);
  ::close(fd);
  return name;
}

} // namespace detail

/// Runs FLYORCALL_CLI with `args`, an argument string quoted for the shell ("plan 'a b.json' -q",
/// "" for none), in working directory `cwd` (empty: the test program's own) with stdin read from
/// `stdin_file` (empty: /dev/null, never the terminal), and returns its exit code, stdout and
/// stderr. Output goes through temporary files outside `cwd`, removed before returning, so a
/// test may count the files its commands leave behind.
inline CliRun run_cli(const std::string& args, const std::filesystem::path& cwd = {},
                      const std::filesystem::path& stdin_file = {}) {
  const std::filesystem::path out = detail::capture_file("stdout");
  const std::filesystem::path err = detail::capture_file("stderr");
  std::string cmd;
  if (!cwd.empty()) cmd += "cd '" + cwd.string() + "' && ";
  cmd += "'" + std::string(FLYORCALL_CLI) + "' " + args + " >'" + out.string() + "' 2>'" +
         err.string() + "'";
  cmd += stdin_file.empty() ? " </dev/null" : " <'" + stdin_file.string() + "'";
  const int status = std::system(cmd.c_str());
  CliRun r;
  r.code = WIFEXITED(status) ? WEXITSTATUS(status) : -1;
  r.out = slurp(out);
  r.err = slurp(err);
  std::error_code ignored;
  std::filesystem::remove(out, ignored);
  std::filesystem::remove(err, ignored);
  return r;
}

/// A new, empty directory for the running test, <temp>/flyorcall-<tag>-<test name>-<pid>
/// (emptied first if an earlier run left it behind). The caller removes it when done.
inline std::filesystem::path make_test_dir(const std::string& tag) {
  const auto* info = ::testing::UnitTest::GetInstance()->current_test_info();
  const std::string test = info != nullptr ? info->name() : "no-test";
  const std::filesystem::path dir =
      std::filesystem::temp_directory_path() /
      ("flyorcall-" + tag + "-" + test + "-" + std::to_string(::getpid()));
  std::filesystem::remove_all(dir);
  std::filesystem::create_directories(dir);
  return dir;
}

} // namespace flyorcall::clitest
