#include "cli/common.hpp"

#include <iostream>
#include <map>
#include <string>
#include <vector>

#include "io/fares_file.hpp"
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

std::optional<FaresFile> read_fares_file(const std::string& path) {
  if (path.empty()) return std::nullopt;
  return FaresFile{path, io::read_text_file(path)};
}

void apply_fares(Input& input, const std::optional<FaresFile>& fares) {
  if (fares) io::add_fares_csv(input, fares->text, fares->path == "-" ? "<stdin>" : fares->path);
}

Input load_input(const std::string& path, bool example, std::string& source,
                 const std::string& fares_path) {
  Input input;
  if (example) {
    source = "<built-in default example>";
    input = read_input(data::default_json);
  } else {
    source = path == "-" ? "<stdin>" : path;
    input = read_input(io::read_text_file(path));
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
  if (output.empty() || input.empty() || input == "-") return;
  if (io::same_file(output, input))
    throw bad_input("output " + output + " is the input file; refusing to overwrite it");
}

void add_error_format(CLI::App* sub, CommonOptions& opt) {
  sub->add_option("--error-format", opt.error_format, "How to print input errors on stderr")
      ->check(CLI::IsMember({"text", "json"}))
      ->default_str("text");
}

void add_method_option(CLI::App* sub, PlanMethod& method) {
  sub->add_option("--method", method,
                  "greedy: one round trip per visited client (default); search: multi-client "
                  "trips by local search on the optimizer core; exact: multi-client trips by "
                  "dynamic programming, at most " +
                      std::to_string(optimize::kQuarterExactMaxClients) + " clients")
      ->transform(
          CLI::CheckedTransformer(std::map<std::string, PlanMethod>{{"greedy", PlanMethod::greedy},
                                                                    {"search", PlanMethod::search},
                                                                    {"exact", PlanMethod::exact}},
                                  CLI::ignore_case));
}

} // namespace flyorcall::cli
