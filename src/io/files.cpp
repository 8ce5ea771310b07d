#include "io/files.hpp"

#include <cerrno>
#include <cstdio>
#include <cstring>
#include <fstream>
#include <iostream>
#include <iterator>
#include <sstream>
#include <system_error>

#include <fcntl.h>
#include <sys/stat.h>
#include <unistd.h>

#include "flyorcall/errors.hpp"

namespace flyorcall::io {
namespace {

[[noreturn]] void unreadable(const std::string& path, const std::string& why) {
  throw InputError({{"", "cannot read " + path + ": " + why}});
}

std::string read_stream_limited(std::istream& in, const std::string& path) {
  std::string out;
  char buf[65536];
  while (in) {
    in.read(buf, sizeof buf);
    out.append(buf, static_cast<std::size_t>(in.gcount()));
    if (out.size() > kMaxInputBytes)
      unreadable(path, "larger than the limit of " + std::to_string(kMaxInputBytes) + " bytes");
  }
  if (in.bad()) unreadable(path, "read error");
  return out;
}

} // namespace

std::string read_text_file(const std::string& path) {
  if (path == "-") return read_stream_limited(std::cin, "standard input");
  std::error_code ec;
  const auto status = std::filesystem::status(path, ec);
  if (ec || !std::filesystem::exists(status)) unreadable(path, "no such file");
  if (std::filesystem::is_directory(status)) unreadable(path, "is a directory");
  std::ifstream in(path, std::ios::binary);
  if (!in) unreadable(path, std::strerror(errno));
  return read_stream_limited(in, path);
}

void write_file_atomically(const std::filesystem::path& path, std::string_view content) {
  const std::filesystem::path dir =
      path.has_parent_path() ? path.parent_path() : std::filesystem::path(".");
  std::string name = ".";
  name += path.filename().string();
  name += ".tmp-XXXXXX";
  std::string tmpl = (dir / name).string();
  const int fd = ::mkstemp(tmpl.data());
  if (fd < 0)
    throw Error(ErrorCode::internal, "cannot write " + path.string() + ": " + std::strerror(errno));
  const auto fail = [&](const char* what) {
    const std::string why = std::strerror(errno);
    ::close(fd);
    ::unlink(tmpl.c_str());
    throw Error(ErrorCode::internal, "cannot write " + path.string() + ": " + what + ": " + why);
  };
  std::size_t done = 0;
  while (done < content.size()) {
    const ssize_t n = ::write(fd, content.data() + done, content.size() - done);
    if (n < 0) {
      if (errno == EINTR) continue;
      fail("write");
    }
    done += static_cast<std::size_t>(n);
  }
  // Readable like a file created by the user's shell (mkstemp makes it 0600).
  const mode_t mask = ::umask(0);
  ::umask(mask);
  if (::fchmod(fd, 0666 & ~mask) != 0) fail("chmod");
  if (::fsync(fd) != 0) fail("fsync");
  if (::close(fd) != 0) {
    const std::string why = std::strerror(errno);
    ::unlink(tmpl.c_str());
    throw Error(ErrorCode::internal, "cannot write " + path.string() + ": close: " + why);
  }
  if (std::rename(tmpl.c_str(), path.c_str()) != 0) {
    const std::string why = std::strerror(errno);
    ::unlink(tmpl.c_str());
    throw Error(ErrorCode::internal, "cannot write " + path.string() + ": " + why);
  }
}

bool same_file(const std::filesystem::path& a, const std::filesystem::path& b) {
  std::error_code ec;
  const bool eq = std::filesystem::equivalent(a, b, ec);
  return !ec && eq;
}

} // namespace flyorcall::io
