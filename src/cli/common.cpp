#include "cli/common.hpp"

#include <iostream>
#include <map>
#include <string>
#include <vector>

#include "flyorcall/limits.hpp"
#include "io/files.hpp"
#include "io/input_reader.hpp"
#include "model/embedded_data.hpp"
#include "optimize/quarter.hpp"

namespace flyorcall::cli {

InputError bad_input(const std::string& message) {
  return InputError(std::vector<Problem>{Problem{"", message}});
}

int report_error(const Error& e, const std::string& source, const CommonOptions& opt) {
  if (const auto* in = dynamic_cast<const InputError*>(&e)) {
    if (opt.error_format == "json")
      std::cerr << io::problems_to_json(in->problems()) << '\n';
    else
      std::cerr << io::format_problems_text(in->problems(), source);
  } else if (const auto* inf = dynamic_cast<const InfeasibleError*>(&e)) {
    if (opt.error_format == "json")
      std::cerr << io::problems_to_json({{inf->pointer(), inf->what()}}, 3, "infeasible") << '\n';
    else
      std::cerr << source << ": infeasible: " << inf->pointer() << ": " << inf->what() << '\n';
  } else {
    if (opt.error_format == "json")
      std::cerr << io::problems_to_json({{"", e.what()}}, static_cast<int>(e.code()), "internal")
                << '\n';
    else
      std::cerr << "flyorcall: error: " << e.what() << '\n';
  }
  return static_cast<int>(e.code());
}

Input load_input(const std::string& path, bool example, std::string& source) {
  if (example) {
    source = "<built-in default example>";
    return read_input(data::default_json);
  }
  source = path == "-" ? "<stdin>" : path;
  return read_input(io::read_text_file(path));
}

void check_output_path(const std::string& output, const std::string& input) {
  if (output.empty() || input.empty() || input == "-") return;
  if (io::same_file(output, input))
    throw bad_input("output " + output + " is the input file; refusing to overwrite it");
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
                      std::to_string(optimize::kQuarterExactMaxClients) + " clients")
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
