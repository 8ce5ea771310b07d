// File input and atomic output for the command-line tool and batch jobs.
#pragma once

#include <cstddef>
#include <filesystem>
#include <string>
#include <string_view>

#include "flyorcall/limits.hpp"

namespace flyorcall::io {

/// Largest input file accepted, in bytes (docs/input.md).
inline constexpr std::size_t kMaxInputBytes = limits::kMaxInputBytes;

/// Reads a whole file ("-" reads standard input). Throws InputError (pointer "") when it cannot
/// be read or is larger than kMaxInputBytes.
[[nodiscard]] std::string read_text_file(const std::string& path);

/// Writes `content` to `path` atomically: a temporary file in the same directory, flushed, then
/// renamed over `path`. Throws Error(internal) when it cannot; nothing is left half-written.
void write_file_atomically(const std::filesystem::path& path, std::string_view content);

/// True when both paths name the same existing file (so an output would overwrite an input).
[[nodiscard]] bool same_file(const std::filesystem::path& a, const std::filesystem::path& b);

} // namespace flyorcall::io
