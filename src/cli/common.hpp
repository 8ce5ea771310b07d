// Pieces every flyorcall command shares: error reporting, exit codes, input loading, and the
// way a command registers itself with the argument parser.
#pragma once

#include <cstdint>
#include <functional>
#include <optional>
#include <string>
#include <string_view>

#include <CLI/CLI.hpp>

#include "flyorcall/flyorcall.hpp"
#include "flyorcall/validate.hpp"

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

/// A company fare table given with --fares (docs/input.md, "Company fares"), read once.
struct FaresFile {
  std::string path;
  std::string text;
};

/// Reads the --fares file when one is named (else nothing). Throws Error when it cannot be read.
[[nodiscard]] std::optional<FaresFile> read_fares_file(const std::string& path);

/// The fare table as the library takes it (its problems call it by its path, "<stdin>" for "-").
[[nodiscard]] std::optional<FaresTable> fares_table(const std::optional<FaresFile>& fares);

/// Adds the fare table's rows to the input's network.fares (add_fares_csv); its errors name
/// the file and line.
void apply_fares(Input& input, const std::optional<FaresFile>& fares);

/// Loads the input named on the command line ("-" is stdin), or the built-in default example,
/// with the fare table of `fares_path` when one is named. `source` is set to what error messages
/// should call it (the fare table's path when a problem is in it).
[[nodiscard]] Input load_input(const std::string& path, bool example, std::string& source,
                               const std::string& fares_path = "");

/// Adds --fares FILE (a company fare table) to a command, stored in `path`.
void add_fares_option(CLI::App* sub, std::string& path);

/// Refuses an output path that names the input file, before any work is done.
void check_output_path(const std::string& output, const std::string& input);

/// Refuses neither or both of an INPUT file and --example (a usage problem, exit 2).
void check_input_choice(const std::string& input, bool example);

/// Adds -o,--output: a path ("-" is standard output); an empty one is a usage error.
CLI::Option* add_output_option(CLI::App* sub, std::string& output, const std::string& what);

/// Adds --seed: an integer from 0 to 2^64 - 1 as the input's `seed` (docs/input.md).
void add_seed_option(CLI::App* sub, std::optional<std::uint64_t>& seed);

/// Adds --time-limit: seconds from 0.1 to 3600 as the input's `time_limit_s`.
void add_time_limit_option(CLI::App* sub, std::optional<double>& seconds);

/// Prints text meant for people on standard output: control characters other than line breaks
/// and tabs, and invisible format characters, are shown escaped (\u001b, \u202e). Checked: a
/// write error throws Error(internal).
void print_text(std::string_view text);

/// Prints data (JSON, CSV, a report) on standard output as it is, checked like print_text.
void print_data(std::string_view text);

/// Writes a command's result to `output` (docs/cli.md, "Destinations"), or to standard output
/// when it is "" or "-".
void write_result(const std::string& output, std::string_view text);

/// Text safe to print on a terminal (model/utf8.hpp terminal_text).
[[nodiscard]] std::string terminal_text(std::string_view text);

/// Flushes and closes standard output after a command that returned `code`; a write error there
/// is reported in the chosen format and makes the exit code 1.
[[nodiscard]] int finish(int code, const CommonOptions& opt);

/// Adds --error-format to a command.
void add_error_format(CLI::App* sub, CommonOptions& opt);

/// Adds --method greedy|search|exact (any case; default greedy) to a command, stored in `method`
/// (docs/cli.md).
void add_method_option(CLI::App* sub, PlanMethod& method, std::optional<int>& effort);

} // namespace flyorcall::cli
