// File input for the command-line tool and batch jobs (outputs: io/output.hpp).
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

/// True when both paths name the same existing file (so an output would overwrite an input).
[[nodiscard]] bool same_file(const std::filesystem::path& a, const std::filesystem::path& b);

} // namespace flyorcall::io
