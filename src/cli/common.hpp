// Pieces every flyorcall command shares: error reporting, exit codes, input loading, and the
// way a command registers itself with the argument parser.
#pragma once

#include <functional>
#include <optional>
#include <string>

#include <CLI/CLI.hpp>

#include "flyorcall/flyorcall.hpp"

namespace flyorcall::cli {

/// Options every command accepts.
struct CommonOptions {
  std::string error_format = "text"; ///< "text" or "json"
};

/// A registered command: its parser and what runs when it was chosen (returns the exit code).
struct Command {
  CLI::App* app = nullptr;
  std::function<int()> run;
};

/// An input error about the whole document or the command line (no JSON Pointer).
[[nodiscard]] InputError bad_input(const std::string& message);

/// Prints an error in the chosen format on stderr and returns its exit code.
int report_error(const Error& e, const std::string& source, const CommonOptions& opt);

/// Loads the input named on the command line ("-" is stdin), or the built-in default example.
/// `source` is set to what error messages should call it.
[[nodiscard]] Input load_input(const std::string& path, bool example, std::string& source);

/// Refuses an output path that names the input file, before any work is done.
void check_output_path(const std::string& output, const std::string& input);

/// Adds --error-format to a command.
void add_error_format(CLI::App* sub, CommonOptions& opt);

/// Adds --method greedy|search|exact (any case; default greedy) to a command, stored in `method`
/// (docs/cli.md).
void add_method_option(CLI::App* sub, PlanMethod& method, std::optional<int>& effort);

} // namespace flyorcall::cli
