// Commands that live in their own file under src/cli/: each adds its subcommand to the parser
// and returns what runs when it is chosen. main.cpp calls every one of them.
#pragma once

#include <vector>

#include "cli/common.hpp"

namespace flyorcall::cli {} // namespace flyorcall::cli
