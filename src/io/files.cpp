#include "io/files.hpp"

#include <algorithm>
#include <cerrno>
#include <cstring>
#include <fstream>
#include <iostream>
#include <system_error>

#include "flyorcall/errors.hpp"

namespace flyorcall {
namespace {

[[noreturn]] void unreadable(const std::string& path, const std::string& why) {
  throw InputError({{"", "cannot read " + path + ": " + why}});
}

std::string read_stream_limited(std::istream& in, const std::string& path, std::size_t expected) {
  std::string out;
  // Reserved once: growing by doubling would copy the text and hold two copies at the limit.
  out.reserve(std::min(expected, limits::kMaxInputBytes) + 65536);
  char buf[65536];
  while (in) {
    in.read(buf, sizeof buf);
    out.append(buf, static_cast<std::size_t>(in.gcount()));
    if (out.size() > limits::kMaxInputBytes)
      unreadable(path,
                 "larger than the limit of " + std::to_string(limits::kMaxInputBytes) + " bytes");
  }
  if (in.bad()) unreadable(path, "read error");
  return out;
}

} // namespace

std::string read_text_file(const std::string& path) {
  if (path == "-") return read_stream_limited(std::cin, "standard input", limits::kMaxInputBytes);
  std::error_code ec;
  const auto status = std::filesystem::status(path, ec);
  if (ec || !std::filesystem::exists(status)) unreadable(path, "no such file");
  if (std::filesystem::is_directory(status)) unreadable(path, "is a directory");
  std::ifstream in(path, std::ios::binary);
  if (!in) unreadable(path, std::strerror(errno));
  std::error_code size_error;
  const auto size = std::filesystem::file_size(path, size_error);
  return read_stream_limited(in, path, size_error ? 0 : static_cast<std::size_t>(size));
}

bool same_file(const std::filesystem::path& a, const std::filesystem::path& b) {
  std::error_code ec;
  const bool eq = std::filesystem::equivalent(a, b, ec);
  return !ec && eq;
}

} // namespace flyorcall
