// Where outputs go (docs/cli.md, "Destinations"): a character device and a FIFO given to -o stay
// what they are and receive the bytes; a full device fails every command with exit 1, standard
// output included; a regular file keeps its mode and owner; a symbolic link is followed; "-" is
// standard output; an interrupt removes the temporary file; stale temporary files are swept.
#include <fcntl.h>
#include <poll.h>
#include <pty.h>
#include <signal.h>
#include <sys/socket.h>
#include <sys/stat.h>
#include <sys/sysmacros.h>
#include <sys/un.h>
#include <sys/wait.h>
#include <termios.h>
#include <unistd.h>

#include <chrono>
#include <cstring>
#include <filesystem>
#include <string>
#include <thread>
#include <vector>

#include <gtest/gtest.h>

#include "cli_run.hpp"

namespace fs = std::filesystem;
using flyorcall::clitest::CliRun;
using flyorcall::clitest::slurp;
using flyorcall::clitest::spit;

namespace {

const fs::path kSource = FLYORCALL_SOURCE_DIR;

/// A command writing OUT (relative to the scratch directory).
struct Writer {
  std::string name;
  std::string args; ///< with "OUT" where the output path goes
};

std::vector<Writer> writers() {
  return {
      {"plan", "plan in.json -q -o OUT"},
      {"report", "report plan.json --input in.json --format md -o OUT"},
      {"compare", "compare in.json --set /seed=2 --jobs 1 -o OUT"},
      {"batch", "batch in.json --jobs 1 -o OUT"},
  };
}

std::string with_output(std::string args, const std::string& out) {
  return args.replace(args.find("OUT"), 3, "'" + out + "'");
}

/// Every command, each with arguments that succeed and print something on standard output.
std::vector<Writer> stdout_commands() {
  return {
      {"plan", "plan in.json"},
      {"validate", "validate in.json"},
      {"check", "check in.json plan.json"},
      {"route", "route FRA SIN"},
      {"network", "network --json"},
      {"holidays", "holidays DE 2027"},
      {"calls", "calls -p a:Europe/Berlin -p b:Asia/Tokyo --from 2027-03-01 --to 2027-03-05"},
      {"report", "report plan.json --format csv-stacked"},
      {"compare", "compare in.json --set /seed=2 --jobs 1"},
      {"batch", "batch in.json --jobs 1"},
  };
}

class Destinations : public ::testing::Test {
protected:
  void SetUp() override {
    dir_ = flyorcall::clitest::make_test_dir("dest");
    spit(dir_ / "in.json", slurp(kSource / "data/examples/small.json"));
    const CliRun plan = run("plan in.json --json");
    ASSERT_EQ(plan.code, 0) << plan.err;
    spit(dir_ / "plan.json", plan.out);
  }
  void TearDown() override { fs::remove_all(dir_); }

  CliRun run(const std::string& args) const { return flyorcall::clitest::run_cli(args, dir_); }

  /// Runs the tool through the shell with `args` and `redirect` as written (e.g. ">/dev/full");
  /// stderr is captured.
  CliRun run_redirected(const std::string& args, const std::string& redirect) const {
    const fs::path err = dir_ / "stderr.txt";
    const std::string cmd = "cd '" + dir_.string() + "' && '" + FLYORCALL_CLI + "' " + args + " " +
                            redirect + " 2>'" + err.string() + "' </dev/null";
    const int status = std::system(cmd.c_str());
    CliRun r;
    r.code = WIFEXITED(status) ? WEXITSTATUS(status) : -1;
    r.err = slurp(err);
    fs::remove(err);
    return r;
  }

  /// The bytes `writer` writes to a regular file.
  std::string expected_bytes(const Writer& w) const {
    const CliRun r = run(with_output(w.args, "expected.out"));
    EXPECT_EQ(r.code, 0) << w.name << ": " << r.err;
    std::string text = slurp(dir_ / "expected.out");
    fs::remove(dir_ / "expected.out");
    return text;
  }

  /// Names in the scratch directory that look like temporary files.
  std::vector<std::string> temporaries() const {
    std::vector<std::string> found;
    for (const auto& e : fs::directory_iterator(dir_))
      if (e.path().filename().string().find(".tmp-") != std::string::npos)
        found.push_back(e.path().filename().string());
    return found;
  }

  fs::path dir_;
};

/// Reads everything from `fd` until every writer has closed it (EOF or EIO for a pty master).
std::string drain(int fd) {
  std::string text;
  char buf[65536];
  for (;;) {
    const ssize_t n = ::read(fd, buf, sizeof buf);
    if (n > 0) {
      text.append(buf, static_cast<std::size_t>(n));
    } else if (n < 0 && errno == EINTR) {
      continue;
    } else {
      return text;
    }
  }
}

/// The full device, or nothing when the machine has none and cannot make one.
std::string full_device(const fs::path& dir) {
  struct stat st {};
  if (::stat("/dev/full", &st) == 0 && S_ISCHR(st.st_mode)) return "/dev/full";
  const fs::path made = dir / "full";
  if (::mknod(made.c_str(), S_IFCHR | 0666, makedev(1, 7)) == 0) return made.string();
  return "";
}

} // namespace

TEST_F(Destinations, ATerminalDeviceStaysADeviceAndReceivesTheBytes) {
  for (const Writer& w : writers()) {
    const std::string expected = expected_bytes(w);
    int master = -1;
    int slave = -1;
    char name[256] = {};
    ASSERT_EQ(::openpty(&master, &slave, name, nullptr, nullptr), 0) << std::strerror(errno);
    termios raw{};
    ASSERT_EQ(::tcgetattr(slave, &raw), 0);
    ::cfmakeraw(&raw); // the bytes as written: no "\n" -> "\r\n"
    ASSERT_EQ(::tcsetattr(slave, TCSANOW, &raw), 0);
    std::string received;
    // The master sees EIO once no one holds the slave open: the test's copy is closed after the
    // command ran.
    std::thread reader([&] { received = drain(master); });
    const CliRun r = run(with_output(w.args, name));
    ::close(slave);
    reader.join();
    ::close(master);
    EXPECT_EQ(r.code, 0) << w.name << ": " << r.err;
    EXPECT_EQ(received, expected) << w.name;
    EXPECT_TRUE(temporaries().empty()) << w.name;
  }
}

TEST_F(Destinations, TheNullDeviceStaysTheNullDevice) {
  // Made here when permitted (root), so that a regression could not replace the machine's own.
  std::string null = (dir_ / "null").string();
  if (::mknod(null.c_str(), S_IFCHR | 0666, makedev(1, 3)) != 0) null = "/dev/null";
  for (const Writer& w : writers()) {
    const CliRun r = run(with_output(w.args, null));
    EXPECT_EQ(r.code, 0) << w.name << ": " << r.err;
    struct stat st {};
    ASSERT_EQ(::lstat(null.c_str(), &st), 0);
    EXPECT_TRUE(S_ISCHR(st.st_mode)) << w.name << ": " << null << " is no longer a device";
    EXPECT_EQ(st.st_rdev, makedev(1, 3)) << w.name;
  }
  EXPECT_TRUE(temporaries().empty());
}

TEST_F(Destinations, AFifoStaysAFifoAndReceivesTheBytes) {
  const fs::path fifo = dir_ / "fifo";
  ASSERT_EQ(::mkfifo(fifo.c_str(), 0600), 0);
  for (const Writer& w : writers()) {
    const std::string expected = expected_bytes(w);
    std::string received;
    std::thread reader([&] {
      const int fd = ::open(fifo.c_str(), O_RDONLY); // waits for the command to open it
      received = drain(fd);
      ::close(fd);
    });
    const CliRun r = run(with_output(w.args, "fifo"));
    reader.join();
    EXPECT_EQ(r.code, 0) << w.name << ": " << r.err;
    EXPECT_EQ(received, expected) << w.name;
    struct stat st {};
    ASSERT_EQ(::lstat(fifo.c_str(), &st), 0);
    EXPECT_TRUE(S_ISFIFO(st.st_mode)) << w.name;
  }
  EXPECT_TRUE(temporaries().empty());
}

TEST_F(Destinations, AUnixSocketReceivesTheBytesAndStaysASocket) {
  for (const Writer& w : writers()) {
    const std::string expected = expected_bytes(w);
    const fs::path path = dir_ / "sock";
    const int server = ::socket(AF_UNIX, SOCK_STREAM, 0);
    ASSERT_GE(server, 0);
    sockaddr_un addr{};
    addr.sun_family = AF_UNIX;
    ASSERT_LT(path.string().size(), sizeof addr.sun_path);
    std::strcpy(addr.sun_path, path.c_str());
    ASSERT_EQ(::bind(server, reinterpret_cast<const sockaddr*>(&addr), sizeof addr), 0);
    ASSERT_EQ(::listen(server, 1), 0);
    std::string received;
    std::thread reader([&] {
      // A command that never connects must not hang the test: give up after a minute.
      pollfd p{server, POLLIN, 0};
      if (::poll(&p, 1, 60000) != 1) return;
      const int conn = ::accept(server, nullptr, nullptr);
      received = drain(conn);
      ::close(conn);
    });
    const CliRun r = run(with_output(w.args, "sock"));
    reader.join();
    ::close(server);
    EXPECT_EQ(r.code, 0) << w.name << ": " << r.err;
    EXPECT_EQ(received, expected) << w.name;
    struct stat st {};
    ASSERT_EQ(::lstat(path.c_str(), &st), 0);
    EXPECT_TRUE(S_ISSOCK(st.st_mode)) << w.name;
    fs::remove(path);
  }
  EXPECT_TRUE(temporaries().empty());
}

TEST_F(Destinations, AFullDeviceFailsEveryCommandOnStandardOutput) {
  const std::string full = full_device(dir_);
  if (full.empty()) GTEST_SKIP() << "no /dev/full here, and making one needs root";
  for (const Writer& c : stdout_commands()) {
    const CliRun r = run_redirected(c.args, ">'" + full + "'");
    EXPECT_EQ(r.code, 1) << c.name << ": " << r.err;
    EXPECT_EQ(r.err, "flyorcall: error: cannot write standard output: write: No space left on "
                     "device\n")
        << c.name;
  }
  // The same through -o - and -o /dev/stdout, and as JSON with --error-format json.
  for (const Writer& w : writers()) {
    for (const std::string out : {"-", "/dev/stdout"}) {
      const CliRun r = run_redirected(with_output(w.args, out), ">'" + full + "'");
      EXPECT_EQ(r.code, 1) << w.name << " -o " << out << ": " << r.err;
      EXPECT_EQ(r.err, "flyorcall: error: cannot write standard output: write: No space left "
                       "on device\n")
          << w.name << " -o " << out;
    }
  }
  const CliRun json = run_redirected("validate in.json --error-format json", ">'" + full + "'");
  EXPECT_EQ(json.code, 1);
  EXPECT_EQ(json.err, "{\"code\":1,\"error\":\"internal\",\"problems\":[{\"pointer\":\"\","
                      "\"message\":\"cannot write standard output: write: No space left on "
                      "device\"}]}\n");
}

TEST_F(Destinations, AFullDeviceFailsEveryCommandAsOutputFile) {
  const std::string full = full_device(dir_);
  if (full.empty()) GTEST_SKIP() << "no /dev/full here, and making one needs root";
  for (const Writer& w : writers()) {
    const CliRun r = run(with_output(w.args, full));
    EXPECT_EQ(r.code, 1) << w.name << ": " << r.err;
    EXPECT_EQ(r.err,
              "flyorcall: error: cannot write " + full + ": write: No space left on device\n")
        << w.name;
    struct stat st {};
    ASSERT_EQ(::stat(full.c_str(), &st), 0);
    EXPECT_TRUE(S_ISCHR(st.st_mode)) << w.name;
  }
}

TEST_F(Destinations, AClosedStandardOutputIsAnError) {
  const CliRun r = run_redirected("validate in.json", ">&-");
  EXPECT_EQ(r.code, 1) << r.err;
  EXPECT_EQ(r.err, "flyorcall: error: cannot write standard output: write: Bad file descriptor\n");
}

TEST_F(Destinations, ARegularFileKeepsItsModeAndOwner) {
  for (const Writer& w : writers()) {
    spit(dir_ / "kept.out", "previous\n");
    ASSERT_EQ(::chmod((dir_ / "kept.out").c_str(), 0640), 0);
    const bool root = ::geteuid() == 0;
    // Another owner and group (nobody's ids) where the test may set them.
    if (root) {
      ASSERT_EQ(::chown((dir_ / "kept.out").c_str(), 65534, 65534), 0);
    }
    const CliRun r = run(with_output(w.args, "kept.out"));
    EXPECT_EQ(r.code, 0) << w.name << ": " << r.err;
    struct stat st {};
    ASSERT_EQ(::stat((dir_ / "kept.out").c_str(), &st), 0);
    EXPECT_EQ(st.st_mode & 07777u, 0640u) << w.name;
    if (root) {
      EXPECT_EQ(st.st_uid, 65534u) << w.name;
      EXPECT_EQ(st.st_gid, 65534u) << w.name;
    } else {
      EXPECT_EQ(st.st_uid, ::geteuid()) << w.name;
    }
    EXPECT_NE(slurp(dir_ / "kept.out"), "previous\n") << w.name;
  }
  EXPECT_TRUE(temporaries().empty());
}

TEST_F(Destinations, ASymbolicLinkIsFollowedAndStaysALink) {
  fs::create_directory(dir_ / "real");
  for (const Writer& w : writers()) {
    const std::string expected = expected_bytes(w);
    spit(dir_ / "real/target.out", "previous\n");
    ASSERT_EQ(::chmod((dir_ / "real/target.out").c_str(), 0600), 0);
    fs::create_symlink("real/target.out", dir_ / "link.out");
    const CliRun r = run(with_output(w.args, "link.out"));
    EXPECT_EQ(r.code, 0) << w.name << ": " << r.err;
    EXPECT_TRUE(fs::is_symlink(dir_ / "link.out")) << w.name;
    EXPECT_EQ(slurp(dir_ / "real/target.out"), expected) << w.name;
    EXPECT_EQ(fs::status(dir_ / "real/target.out").permissions(),
              fs::perms::owner_read | fs::perms::owner_write)
        << w.name;
    fs::remove(dir_ / "link.out");
    // A link to a file not yet there creates it, as the shell's ">" does.
    fs::remove(dir_ / "real/target.out");
    fs::create_symlink("real/target.out", dir_ / "link.out");
    EXPECT_EQ(run(with_output(w.args, "link.out")).code, 0) << w.name;
    EXPECT_EQ(slurp(dir_ / "real/target.out"), expected) << w.name;
    fs::remove(dir_ / "link.out");
    fs::remove(dir_ / "real/target.out");
  }
  EXPECT_TRUE(temporaries().empty());
}

TEST_F(Destinations, DashIsStandardOutputAndAnEmptyPathIsAUsageError) {
  for (const Writer& w : writers()) {
    const std::string expected = expected_bytes(w);
    const CliRun r = run(with_output(w.args, "-"));
    EXPECT_EQ(r.code, 0) << w.name << ": " << r.err;
    EXPECT_EQ(r.out, expected) << w.name;
    EXPECT_FALSE(fs::exists(dir_ / "-")) << w.name;
    const CliRun empty = run(with_output(w.args, ""));
    EXPECT_EQ(empty.code, 2) << w.name;
    EXPECT_EQ(empty.err, "--output: expected a file name, or '-' for standard output\nRun with "
                         "--help for more information.\n")
        << w.name;
  }
  // plan: "-o -" prints the plan JSON in place of the summary, as --json does.
  const CliRun json = run("plan in.json --json");
  EXPECT_EQ(run("plan in.json -o -").out, json.out);
  EXPECT_EQ(run("plan in.json -o /dev/stdout").out, json.out);
}

TEST_F(Destinations, AStaleTemporaryFileIsSweptAndALiveOneKept) {
  // A process that has ended: its pid names no process now (reused pids are kept, harmlessly).
  const pid_t child = ::fork();
  if (child == 0) ::_exit(0);
  ASSERT_GT(child, 0);
  ASSERT_EQ(::waitpid(child, nullptr, 0), child);
  const std::string stale = ".out.json.tmp-" + std::to_string(child) + "-AbC123";
  const std::string live = ".out.json.tmp-" + std::to_string(::getpid()) + "-XyZ789";
  const std::string other = ".other.json.tmp-" + std::to_string(child) + "-AbC123";
  for (const std::string& name : {stale, live, other}) spit(dir_ / name, "left behind\n");
  const CliRun r = run("plan in.json -q -o out.json");
  EXPECT_EQ(r.code, 0) << r.err;
  EXPECT_FALSE(fs::exists(dir_ / stale));
  EXPECT_TRUE(fs::exists(dir_ / live));  // its process (this test) still runs
  EXPECT_TRUE(fs::exists(dir_ / other)); // another target's
}

TEST_F(Destinations, AnInterruptEndsEveryCommandWithItsCodeAndLeavesNoFile) {
  // batch reads its second input only when its turn comes: a FIFO nobody writes holds the command
  // in the middle of writing out.jsonl, with its temporary file open, until the signal.
  ASSERT_EQ(::mkfifo((dir_ / "stalled.json").c_str(), 0600), 0);
  for (const auto& [sig, code] :
       std::vector<std::pair<int, int>>{{SIGTERM, 143}, {SIGINT, 130}, {SIGHUP, 129}}) {
    const pid_t pid = ::fork();
    ASSERT_GE(pid, 0);
    if (pid == 0) {
      ::chdir(dir_.c_str());
      const int null = ::open("/dev/null", O_RDWR);
      ::dup2(null, 0);
      ::dup2(null, 1);
      ::dup2(null, 2);
      ::execl(FLYORCALL_CLI, "flyorcall", "batch", "in.json", "stalled.json", "--jobs", "1", "-o",
              "out.jsonl", static_cast<char*>(nullptr));
      ::_exit(127);
    }
    // Wait for the temporary file, without a time limit: it appears as soon as batch starts.
    while (temporaries().empty()) std::this_thread::sleep_for(std::chrono::milliseconds(5));
    ASSERT_EQ(::kill(pid, sig), 0);
    int status = 0;
    ASSERT_EQ(::waitpid(pid, &status, 0), pid);
    ASSERT_TRUE(WIFEXITED(status)) << "signal " << sig;
    EXPECT_EQ(WEXITSTATUS(status), code) << "signal " << sig;
    EXPECT_TRUE(temporaries().empty()) << "signal " << sig;
    EXPECT_FALSE(fs::exists(dir_ / "out.jsonl")) << "signal " << sig;
  }
}
