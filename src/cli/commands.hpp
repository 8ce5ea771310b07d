// Commands that live in their own file under src/cli/: each adds its subcommand to the parser
// and returns what runs when it is chosen. main.cpp calls every one of them.
#pragma once

#include <vector>

#include "common.hpp"

namespace flyorcall::cli {

/// `flyorcall holidays COUNTRY YEAR`: public holidays of a country in a year (docs/holidays.md).
Command add_holidays_command(CLI::App& app, CommonOptions& opt);
/// `flyorcall compare`: what-if scenarios of a base input, planned in parallel (docs/compare.md).
Command add_compare_command(CLI::App& app, CommonOptions& opt);
/// `flyorcall batch`: many inputs planned in parallel, one JSON line each (docs/batch.md).
Command add_batch_command(CLI::App& app, CommonOptions& opt);
/// `flyorcall calls`: remote-meeting slots across time zones (docs/calls.md).
Command add_calls_command(CLI::App& app, CommonOptions& opt);
/// `flyorcall report`: the quarterly trip report of a plan, HTML/Markdown/CSV (docs/report.md).
Command add_report_command(CLI::App& app, CommonOptions& opt);
/// `flyorcall check INPUT PLAN`: a plan's rules, costs and totals checked against its input
/// (docs/check.md).
Command add_check_command(CLI::App& app, CommonOptions& opt);

} // namespace flyorcall::cli
