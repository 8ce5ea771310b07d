#include "common.hpp"

#include <algorithm>
#include <cstdlib>
#include <iostream>
#include <map>
#include <string>
#include <vector>

#include "flyorcall/files.hpp"
#include "flyorcall/limits.hpp"
#include "flyorcall/messages.hpp"
#include "flyorcall/validate.hpp"

namespace flyorcall::cli {

InputError bad_input(const std::string& message) {
  return InputError(std::vector<Problem>{Problem{"", message}});
}

int report_error(const Error& e, const std::string& source, const CommonOptions& opt) {
  if (const auto* in = dynamic_cast<const InputError*>(&e)) {
    if (opt.error_format == "json")
      std::cerr << problems_to_json(in->problems()) << '\n';
    else
      std::cerr << terminal_text(format_problems_text(in->problems(), source));
  } else if (const auto* inf = dynamic_cast<const InfeasibleError*>(&e)) {
    if (opt.error_format == "json")
      std::cerr << problems_to_json({{inf->pointer(), inf->what()}}, 3, "infeasible") << '\n';
    else
      std::cerr << terminal_text(source + ": infeasible: " + inf->pointer() + ": " + inf->what())
                << '\n';
  } else if (e.code() == ErrorCode::time_limit) {
    if (opt.error_format == "json")
      std::cerr << problems_to_json({{"", e.what()}}, static_cast<int>(e.code()), "time_limit")
                << '\n';
    else
      std::cerr << terminal_text(source + ": time limit: " + e.what()) << '\n';
  } else {
    if (opt.error_format == "json")
      std::cerr << problems_to_json({{"", e.what()}}, static_cast<int>(e.code()), "internal")
                << '\n';
    else
      std::cerr << "flyorcall: error: " << terminal_text(e.what()) << '\n';
  }
  return static_cast<int>(e.code());
}

std::optional<FaresFile> read_fares_file(const std::string& path) {
  if (path.empty()) return std::nullopt;
  return FaresFile{path, read_text_file(path)};
}

std::optional<FaresTable> fares_table(const std::optional<FaresFile>& fares) {
  if (!fares) return std::nullopt;
  return FaresTable{fares->text, fares->path == "-" ? "<stdin>" : fares->path};
}

void apply_fares(Input& input, const std::optional<FaresFile>& fares) {
  if (const auto table = fares_table(fares)) add_fares_csv(input, table->text, table->name);
}

Input load_input(const std::string& path, bool example, std::string& source,
                 const std::string& fares_path) {
  Input input;
  if (example) {
    source = "<built-in default example>";
    input = read_input(default_example_json());
  } else {
    source = path == "-" ? "<stdin>" : path;
    input = read_input(read_text_file(path));
  }
  if (!fares_path.empty()) {
    if (fares_path == "-" && path == "-")
      throw bad_input("INPUT and --fares cannot both be read from stdin");
    // The fare table's problems name their file and line themselves.
    source = "";
    apply_fares(input, read_fares_file(fares_path));
  }
  return input;
}

void add_fares_option(CLI::App* sub, std::string& path) {
  sub->add_option("--fares", path,
                  "Company fare table (CSV: from,to,cabin,amount[,trip,currency,valid_from,"
                  "valid_to]; docs/input.md) that replaces the modelled fares of its city pairs");
}

void check_output_path(const std::string& output, const std::string& input) {
  if (output.empty() || is_standard_output(output) || input.empty() || input == "-") return;
  if (same_file(output, input))
    throw bad_input("output " + output + " is the input file; refusing to overwrite it");
}

void check_input_choice(const std::string& input, bool example) {
  if (example && !input.empty()) throw bad_input("give an INPUT file or --example, not both");
  if (!example && input.empty())
    throw bad_input("no input: give an INPUT file, '-' for stdin, or --example");
}

CLI::Option* add_output_option(CLI::App* sub, std::string& output, const std::string& what) {
  return sub->add_option("-o,--output", output, what)
      ->check(CLI::Validator(
          [](const std::string& path) {
            return path.empty() ? std::string("expected a file name, or '-' for standard output")
                                : std::string();
          },
          "PATH"));
}

void add_seed_option(CLI::App* sub, std::optional<std::uint64_t>& seed) {
  sub->add_option("--seed", seed, "Override the input's seed (0 to 18446744073709551615)")
      ->transform(CLI::Validator(
          [](std::string& text) {
            // Digits only, compared as text: CLI11 would clamp -1 or 2^64 to the nearest bound
            // (and read a leading zero as octal, so leading zeros are dropped here).
            const std::string max = "18446744073709551615";
            const bool digits =
                !text.empty() && text.find_first_not_of("0123456789") == std::string::npos;
            const std::string trimmed =
                digits ? text.substr(std::min(text.find_first_not_of('0'), text.size() - 1)) : "";
            if (digits &&
                (trimmed.size() < max.size() || (trimmed.size() == max.size() && trimmed <= max))) {
              text = trimmed;
              return std::string();
            }
            return "expected an integer from 0 to " + max + ", found " + terminal_text(text);
          },
          "UINT64"));
}

void add_time_limit_option(CLI::App* sub, std::optional<double>& seconds) {
  sub->add_option("--time-limit", seconds,
                  "Override time_limit_s, the safety cap on planning time (seconds, 0.1 to 3600); "
                  "a plan it cuts short says so in its notes")
      ->check(CLI::Validator(
          [](const std::string& text) {
            char* end = nullptr;
            const double x = std::strtod(text.c_str(), &end);
            // NaN fails both comparisons, so it is refused like any value out of range.
            const bool ok = !text.empty() && end == text.c_str() + text.size() && x >= 0.1 &&
                            x <= limits::kMaxTimeLimitSeconds;
            return ok ? std::string()
                      : "expected a number from 0.1 to 3600, found " + terminal_text(text);
          },
          "SECONDS"));
}

void print_text(std::string_view text) {
  standard_output().write(flyorcall::terminal_text(text));
}

void print_data(std::string_view text) {
  standard_output().write(text);
}

void write_result(const std::string& output, std::string_view text) {
  if (output.empty() || is_standard_output(output))
    print_data(text);
  else
    write_output(output, text);
}

std::string terminal_text(std::string_view text) {
  return flyorcall::terminal_text(text);
}

int finish(int code, const CommonOptions& opt) {
  try {
    finish_standard_output();
    return code;
  } catch (const Error& e) {
    return report_error(e, "", opt);
  }
}

void add_error_format(CLI::App* sub, CommonOptions& opt) {
  sub->add_option("--error-format", opt.error_format, "How to print input errors on stderr")
      ->check(CLI::IsMember({"text", "json"}))
      ->default_str("text");
}

void add_method_option(CLI::App* sub, PlanMethod& method, std::optional<int>& effort) {
  sub->add_option("--method", method,
                  "search: clients grouped into multi-stop trips by local search (default); "
                  "greedy: one round trip per visited client, a fast first look; exact: the best "
                  "plan by dynamic programming, at most " +
                      std::to_string(limits::kMaxExactClients) + " clients")
      ->transform(
          CLI::CheckedTransformer(std::map<std::string, PlanMethod>{{"greedy", PlanMethod::greedy},
                                                                    {"search", PlanMethod::search},
                                                                    {"exact", PlanMethod::exact}},
                                  CLI::ignore_case));
  sub->add_option("--effort", effort,
                  "Counted work of the search, 1 (quick) to 5 (ten times level 3); overrides "
                  "policy.effort (default 3). The plan depends on it and the seed, never on the "
                  "machine")
      ->check(CLI::Range(limits::kMinEffort, limits::kMaxEffort));
}

} // namespace flyorcall::cli
