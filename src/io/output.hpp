// Where the command-line tool's outputs go: the public declarations (Output, write_output,
// standard_output, ...) live in flyorcall/files.hpp; the io layer uses them by these names.
#pragma once

#include <string_view>

#include "flyorcall/files.hpp"

namespace flyorcall::io {

using flyorcall::finish_standard_output;
using flyorcall::guard_standard_descriptors;
using flyorcall::install_interrupt_cleanup;
using flyorcall::is_standard_output;
using flyorcall::Output;
using flyorcall::standard_output;
using flyorcall::write_files_in_directory;
using flyorcall::write_output;

/// The name of the temporary file for `target` (".NAME.tmp-PID-XXXXXX" in its directory) matches
/// `entry` and its process no longer runs. Exposed for tests.
[[nodiscard]] bool is_stale_temporary(std::string_view target_name, std::string_view entry);

} // namespace flyorcall::io
