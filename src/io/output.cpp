#include "io/output.hpp"

#include <atomic>
#include <cerrno>
#include <chrono>
#include <csignal>
#include <cstring>
#include <filesystem>
#include <memory>
#include <optional>

#include <dirent.h>
#include <fcntl.h>
#include <poll.h>
#include <sys/socket.h>
#include <sys/stat.h>
#include <sys/un.h>
#include <unistd.h>

#include "flyorcall/errors.hpp"

namespace flyorcall {
namespace {

// ---- temporary files an interrupt must remove -------------------------------------------------
// A signal handler may only use async-signal-safe calls, so the paths live in fixed buffers and
// each slot's state is a lock-free atomic: 0 free, 1 being filled, 2 armed.

constexpr int kSlots = 16;
constexpr std::size_t kPathBytes = 4096; // PATH_MAX on Linux, terminating zero included

struct Slot {
  std::atomic<int> state{0};
  char path[kPathBytes] = {};
};

Slot g_slots[kSlots];
std::atomic<bool> g_stdout_written{false};

/// Arms a slot with `path`; -1 when every slot is taken or the path is too long (then an interrupt
/// leaves that file, which the next run writing there removes).
int arm(const std::string& path) {
  if (path.size() >= kPathBytes) return -1;
  for (int i = 0; i < kSlots; ++i) {
    int expected = 0;
    if (!g_slots[i].state.compare_exchange_strong(expected, 1)) continue;
    std::memcpy(g_slots[i].path, path.c_str(), path.size() + 1);
    g_slots[i].state.store(2);
    return i;
  }
  return -1;
}

void disarm(int slot) {
  if (slot >= 0) g_slots[slot].state.store(0);
}

extern "C" void on_interrupt(int sig) {
  for (Slot& s : g_slots)
    if (s.state.load() == 2) ::unlink(s.path);
  ::_exit(128 + sig);
}

// ---- destinations
// --------------------------------------------------------------------------------

/// The descriptor a path names directly: /dev/stdout, /dev/stderr, /dev/fd/N, /proc/self/fd/N.
std::optional<int> descriptor_of(const std::string& path) {
  if (path == "-" || path == "/dev/stdout") return 1;
  if (path == "/dev/stderr") return 2;
  for (const std::string_view prefix : {"/dev/fd/", "/proc/self/fd/"}) {
    if (!path.starts_with(prefix)) continue;
    const std::string_view digits = std::string_view(path).substr(prefix.size());
    if (digits.empty() || digits.size() > 6 ||
        digits.find_first_not_of("0123456789") != std::string_view::npos)
      return std::nullopt;
    return std::stoi(std::string(digits));
  }
  return std::nullopt;
}

std::string directory_of(const std::string& path) {
  const auto slash = path.rfind('/');
  if (slash == std::string::npos) return ".";
  return slash == 0 ? "/" : path.substr(0, slash);
}

std::string file_name_of(const std::string& path) {
  const auto slash = path.rfind('/');
  return slash == std::string::npos ? path : path.substr(slash + 1);
}

/// A name for the temporary file: unique enough that O_EXCL rarely has to try again.
std::string random_suffix() {
  static std::atomic<unsigned long long> counter{0};
  unsigned long long x =
      static_cast<unsigned long long>(std::chrono::steady_clock::now().time_since_epoch().count()) ^
      (static_cast<unsigned long long>(::getpid()) << 32) ^
      (counter.fetch_add(1) * 0x9E3779B97F4A7C15ull);
  static constexpr char kAlphabet[] =
      "abcdefghijklmnopqrstuvwxyzABCDEFGHIJKLMNOPQRSTUVWXYZ0123456789";
  std::string s;
  for (int i = 0; i < 6; ++i) {
    x ^= x >> 33;
    x *= 0xff51afd7ed558ccdull;
    x ^= x >> 29;
    s += kAlphabet[x % 62];
  }
  return s;
}

/// Removes the temporary files of earlier runs writing `target` that were killed before they could
/// clean up (SIGKILL, a power cut): only regular files of ours whose process no longer runs.
void sweep_stale(const std::string& dir, const std::string& target_name) {
  DIR* d = ::opendir(dir.c_str());
  if (d == nullptr) return; // the temporary file's creation reports the real problem
  const std::string prefix = "." + target_name + ".tmp-";
  while (const dirent* e = ::readdir(d)) {
    const std::string_view entry = e->d_name;
    if (!entry.starts_with(prefix) || !io::is_stale_temporary(target_name, entry)) continue;
    const std::string path = dir + "/" + std::string(entry);
    struct stat st {};
    if (::lstat(path.c_str(), &st) != 0 || !S_ISREG(st.st_mode)) continue;
    if (st.st_uid != ::geteuid() && ::geteuid() != 0) continue;
    ::unlink(path.c_str());
  }
  ::closedir(d);
}

/// Connects to a Unix stream socket at `path`; -1 with errno set when it cannot.
int connect_socket(const std::string& path) {
  sockaddr_un addr{};
  if (path.size() >= sizeof addr.sun_path) {
    errno = ENAMETOOLONG;
    return -1;
  }
  const int fd = ::socket(AF_UNIX, SOCK_STREAM | SOCK_CLOEXEC, 0);
  if (fd < 0) return -1;
  addr.sun_family = AF_UNIX;
  std::memcpy(addr.sun_path, path.c_str(), path.size() + 1);
  if (::connect(fd, reinterpret_cast<const sockaddr*>(&addr), sizeof addr) != 0) {
    const int e = errno;
    ::close(fd);
    errno = e;
    return -1;
  }
  return fd;
}

/// Writes all of `data` to `fd`; false with errno set when a write fails.
bool write_all(int fd, std::string_view data) {
  while (!data.empty()) {
    const ssize_t n = ::write(fd, data.data(), data.size());
    if (n < 0) {
      if (errno == EINTR) continue;
      if (errno == EAGAIN || errno == EWOULDBLOCK) { // a non-blocking descriptor we inherited
        pollfd p{fd, POLLOUT, 0};
        ::poll(&p, 1, -1);
        continue;
      }
      return false;
    }
    data.remove_prefix(static_cast<std::size_t>(n));
  }
  return true;
}

[[noreturn]] void cannot_write(const std::string& name, const std::string& why) {
  throw Error(ErrorCode::internal, "cannot write " + name + ": " + why);
}

constexpr std::size_t kBufferBytes = 1 << 16;
constexpr int kMaxLinks = 40; // as the kernel's own limit on symbolic links in one lookup

} // namespace

bool io::is_stale_temporary(std::string_view target_name, std::string_view entry) {
  const std::string prefix = "." + std::string(target_name) + ".tmp-";
  if (!entry.starts_with(prefix)) return false;
  const std::string_view rest = entry.substr(prefix.size());
  const auto dash = rest.find('-');
  if (dash == 0 || dash == std::string_view::npos || dash > 9) return false;
  const std::string_view digits = rest.substr(0, dash);
  const std::string_view random = rest.substr(dash + 1);
  if (digits.find_first_not_of("0123456789") != std::string_view::npos || random.size() != 6)
    return false;
  for (const char c : random)
    if (!((c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z') || (c >= '0' && c <= '9'))) return false;
  const auto pid = static_cast<pid_t>(std::stol(std::string(digits)));
  if (pid <= 0 || pid == ::getpid()) return false;
  return ::kill(pid, 0) != 0 && errno == ESRCH;
}

Output::Output(const std::string& path) : name_(path == "-" ? "standard output" : path) {
  if (path.empty())
    throw InputError(std::vector<Problem>{
        {"", "empty output path: give a file name, or '-' for standard output"}});
  std::string cur = path;
  for (int hops = 0;; ++hops) {
    if (const auto fd = descriptor_of(cur)) {
      if (::fcntl(*fd, F_GETFD) < 0) cannot_write(name_, std::strerror(errno));
      fd_ = *fd;
      borrowed_ = true;
      return;
    }
    struct stat st {};
    if (::lstat(cur.c_str(), &st) != 0) {
      if (errno != ENOENT) cannot_write(name_, std::strerror(errno));
      break; // a new file
    }
    if (S_ISLNK(st.st_mode)) {
      // Followed, as the shell's ">" does: the link stays, its target gets the text.
      if (hops == kMaxLinks) cannot_write(name_, std::strerror(ELOOP));
      char buf[kPathBytes];
      const ssize_t n = ::readlink(cur.c_str(), buf, sizeof buf - 1);
      if (n < 0) cannot_write(name_, std::strerror(errno));
      const std::string link(buf, static_cast<std::size_t>(n));
      cur = link.starts_with('/') ? link : directory_of(cur) + "/" + link;
      continue;
    }
    if (S_ISDIR(st.st_mode)) cannot_write(name_, "is a directory");
    if (S_ISREG(st.st_mode)) {
      existed_ = true;
      mode_ = st.st_mode & 07777u;
      uid_ = st.st_uid;
      gid_ = st.st_gid;
      break;
    }
    // A device, FIFO or socket: written in place, as the shell's ">" would.
    fd_ = S_ISSOCK(st.st_mode) ? connect_socket(cur)
                               : ::open(cur.c_str(), O_WRONLY | O_NOCTTY | O_CLOEXEC);
    if (fd_ < 0) cannot_write(name_, std::strerror(errno));
    return;
  }

  target_ = cur;
  const std::string dir = directory_of(cur);
  const std::string base = file_name_of(cur);
  sweep_stale(dir, base);
  const std::string stem =
      (dir == "/" ? "" : dir) + "/." + base + ".tmp-" + std::to_string(::getpid()) + "-";
  for (int attempt = 0; attempt < 100; ++attempt) {
    temporary_ = stem + random_suffix();
    // Armed before it exists: an interrupt between open and arm would leave the file behind.
    slot_ = arm(temporary_);
    fd_ = ::open(temporary_.c_str(), O_WRONLY | O_CREAT | O_EXCL | O_CLOEXEC, 0600);
    if (fd_ >= 0) return;
    const int e = errno;
    disarm(slot_);
    slot_ = -1;
    if (e != EEXIST) {
      temporary_.clear();
      cannot_write(name_, std::strerror(e));
    }
  }
  temporary_.clear();
  cannot_write(name_, std::strerror(EEXIST));
}

Output::~Output() {
  if (!committed_) abandon();
}

void Output::abandon() noexcept {
  if (!borrowed_ && fd_ >= 0) ::close(fd_);
  fd_ = -1;
  if (!temporary_.empty()) ::unlink(temporary_.c_str());
  disarm(slot_);
  slot_ = -1;
  temporary_.clear();
}

void Output::fail(const char* step, int error) {
  abandon();
  committed_ = true; // nothing left to clean up
  cannot_write(name_, std::string(step) + ": " + std::strerror(error));
}

void Output::flush_buffer() {
  if (buffer_.empty()) return;
  if (fd_ == 1) g_stdout_written = true;
  if (!write_all(fd_, buffer_)) fail("write", errno);
  buffer_.clear();
}

void Output::write(std::string_view text) {
  if (committed_) throw Error(ErrorCode::internal, "write to " + name_ + " after it was closed");
  if (buffer_.size() + text.size() <= kBufferBytes) {
    buffer_ += text;
    return;
  }
  flush_buffer();
  if (text.size() < kBufferBytes) {
    buffer_ += text;
    return;
  }
  if (fd_ == 1) g_stdout_written = true;
  if (!write_all(fd_, text)) fail("write", errno);
}

void Output::commit() {
  if (committed_) return;
  flush_buffer();
  if (borrowed_) { // standard output is closed, and checked, by finish_standard_output
    committed_ = true;
    return;
  }
  if (temporary_.empty()) {
    const int fd = fd_;
    fd_ = -1;
    if (::close(fd) != 0) fail("close", errno);
    committed_ = true;
    return;
  }
  mode_t mode = mode_;
  if (!existed_) { // readable like a file created by the user's shell (the file starts as 0600)
    const mode_t mask = ::umask(0);
    ::umask(mask);
    mode = 0666 & ~mask;
  }
  // The old owner where permitted (root, or a group of ours); before chmod, which chown may undo.
  if (existed_ && (uid_ != ::geteuid() || gid_ != ::getegid()) &&
      ::fchown(fd_, static_cast<uid_t>(uid_), static_cast<gid_t>(gid_)) != 0 && errno != EPERM)
    fail("chown", errno);
  if (::fchmod(fd_, mode) != 0) fail("chmod", errno);
  if (::fsync(fd_) != 0) fail("fsync", errno);
  const int fd = fd_;
  fd_ = -1;
  if (::close(fd) != 0) fail("close", errno);
  if (std::rename(temporary_.c_str(), target_.c_str()) != 0) {
    const int e = errno;
    abandon();
    committed_ = true;
    cannot_write(name_, std::strerror(e));
  }
  // Disarmed only now: an interrupt before the rename must remove the file, after it finds none.
  disarm(slot_);
  slot_ = -1;
  temporary_.clear();
  committed_ = true;
}

bool is_standard_output(const std::string& path) {
  return descriptor_of(path) == 1;
}

void write_output(const std::string& path, std::string_view content) {
  Output out(path);
  out.write(content);
  out.commit();
}

void write_files_in_directory(const std::string& dir,
                              const std::vector<std::pair<std::string, std::string>>& files) {
  std::error_code ec;
  if (!std::filesystem::is_directory(dir, ec)) {
    std::filesystem::create_directory(dir, ec);
    if (ec)
      throw Error(ErrorCode::internal, "cannot create directory " + dir + ": " + ec.message());
  }
  std::vector<std::unique_ptr<Output>> outputs;
  for (const auto& [name, content] : files) {
    outputs.push_back(std::make_unique<Output>((std::filesystem::path(dir) / name).string()));
    outputs.back()->write(content);
  }
  for (const auto& out : outputs) out->commit();
}

Output& standard_output() {
  static Output out("-");
  return out;
}

void finish_standard_output() {
  Output& out = standard_output();
  out.commit();
  if (!g_stdout_written) return;
  g_stdout_written = false;
  // close() reports what a file system deferred (NFS, a full disk); nothing else uses fd 1 now.
  if (::close(1) != 0 && errno != EINTR)
    cannot_write(out.name(), std::string("close: ") + std::strerror(errno));
}

void guard_standard_descriptors() {
  for (int fd = 0; fd <= 2; ++fd) {
    if (::fcntl(fd, F_GETFD) >= 0 || errno != EBADF) continue;
    const int null = ::open("/dev/null", O_RDONLY);
    if (null >= 0 && null != fd) { // open takes the lowest free descriptor, normally fd itself
      ::dup2(null, fd);
      ::close(null);
    }
  }
}

void install_interrupt_cleanup() {
  struct sigaction sa {};
  sa.sa_handler = on_interrupt;
  sigemptyset(&sa.sa_mask);
  for (const int sig : {SIGINT, SIGTERM, SIGHUP}) ::sigaction(sig, &sa, nullptr);
}

} // namespace flyorcall
