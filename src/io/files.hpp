// File input for the command-line tool and batch jobs (declared in flyorcall/files.hpp).
#pragma once

#include <cstddef>
#include <filesystem>
#include <string>
#include <string_view>

#include "flyorcall/files.hpp"
#include "flyorcall/limits.hpp"

namespace flyorcall::io {

/// Largest input file accepted, in bytes (docs/input.md).
inline constexpr std::size_t kMaxInputBytes = limits::kMaxInputBytes;

using flyorcall::read_text_file;
using flyorcall::same_file;

} // namespace flyorcall::io
