// The flyorcall command-line tool: arguments, files and exit codes — nothing else. Every
// command's work lives in the library.
#include <cmath>
#include <cstdio>
#include <exception>
#include <filesystem>
#include <iomanip>
#include <iostream>
#include <map>
#include <optional>
#include <sstream>
#include <string>
#include <utility>
#include <variant>

#include <CLI/CLI.hpp>

#include "commands.hpp"
#include "common.hpp"
#include "flyorcall/files.hpp"
#include "flyorcall/flyorcall.hpp"
#include "flyorcall/network.hpp"
#include "flyorcall/planning.hpp"
#include "flyorcall/route.hpp"
#include "flyorcall/validate.hpp"

namespace fyc = flyorcall;
using fyc::cli::bad_input;
using fyc::cli::check_output_path;
using fyc::cli::CommonOptions;
using fyc::cli::load_input;
using fyc::cli::report_error;

namespace {

int run_plan(const std::string& input_path, bool example, const std::string& fares,
             const std::string& output, bool json, bool quiet, const fyc::PlanOptions& options,
             const CommonOptions& opt) {
  std::string source = input_path;
  try {
    fyc::cli::check_input_choice(input_path, example);
    check_output_path(output, input_path);
    const fyc::PlanResult r =
        fyc::plan_input(load_input(input_path, example, source, fares), options);
    const std::string text = fyc::plan_to_json(r.plan);
    // "-o -" is standard output: the plan JSON takes the summary's place, as with --json.
    const bool output_is_stdout = fyc::is_standard_output(output);
    const bool to_stdout = json || output_is_stdout;
    if (!output.empty() && !output_is_stdout) fyc::write_output(output, text);
    if (to_stdout)
      fyc::cli::print_data(text);
    else if (!quiet)
      fyc::cli::print_text(fyc::plan_summary(r.plan, r.input));
    if (!output.empty() && !quiet && !to_stdout)
      fyc::cli::print_text("plan written to " + output + "\n");
    return 0;
  } catch (const fyc::Error& e) {
    return report_error(e, source, opt);
  }
}

int run_validate(const std::string& input_path, bool example, const std::string& fares,
                 const CommonOptions& opt) {
  const std::string name = example             ? "<built-in default example>"
                           : input_path == "-" ? "<stdin>"
                                               : input_path;
  std::string source = input_path;
  try {
    fyc::cli::check_input_choice(input_path, example);
    source = name;
    std::string text =
        example ? std::string(fyc::default_example_json()) : fyc::read_text_file(input_path);
    if (fares == "-" && input_path == "-")
      throw bad_input("INPUT and --fares cannot both be read from stdin");
    // The fare table's problems, and what the network of input and table finds, name their
    // file and line themselves.
    if (!fares.empty()) source = "";
    const fyc::ValidationResult r = fyc::validate_input(
        std::move(text), fyc::cli::fares_table(fyc::cli::read_fares_file(fares)));
    if (!r.valid()) {
      if (r.place == fyc::ProblemPlace::input) source = name;
      throw fyc::InputError(r.problems);
    }
    fyc::cli::print_text(fyc::validation_summary(r, name));
    return 0;
  } catch (const fyc::Error& e) {
    return report_error(e, source, opt);
  }
}

/// The network of an optional input, or the default network in `currency`, with the company
/// fare table of `fares`. `day` ("YYYY-MM-DD", or empty) builds it for that day; else for the
/// input's horizon, and without an input for the whole year. `source` names what errors concern.
fyc::FlightNetwork network_for(const std::string& input_path, const std::string& currency,
                               const std::string& fares, const std::string& day,
                               std::string& source) {
  fyc::NetworkScope scope;
  scope.day = fyc::parse_network_day(day);
  if (!input_path.empty()) {
    scope.input = load_input(input_path, false, source, fares);
  } else {
    scope.defaults = fyc::default_network_input(currency);
    if (!fares.empty()) {
      source = "";
      fyc::cli::apply_fares(scope.defaults, fyc::cli::read_fares_file(fares));
    }
  }
  return fyc::build_network(scope);
}

int run_route(const std::string& from, const std::string& to, const std::string& cabin,
              const std::string& input_path, const std::string& currency, const std::string& fares,
              const std::string& day, bool json, const CommonOptions& opt) {
  // Errors name the input file while it is read, and the command for its own arguments.
  std::string source = "flyorcall route";
  try {
    const fyc::FlightNetwork net = network_for(input_path, currency, fares, day, source);
    source = "flyorcall route";
    const fyc::RouteResult route = fyc::find_route(net, {from, to, cabin});
    if (json)
      fyc::cli::print_data(route.json);
    else
      fyc::cli::print_text(fyc::route_text(route));
    return fyc::route_exit_code(route);
  } catch (const fyc::Error& e) {
    return report_error(e, source, opt);
  }
}

int run_network(const std::string& input_path, const std::string& currency,
                const std::string& fares, const std::string& day, bool json,
                const CommonOptions& opt) {
  std::string source = "flyorcall network";
  try {
    const fyc::FlightNetwork net = network_for(input_path, currency, fares, day, source);
    if (json)
      fyc::cli::print_data(fyc::network_json(net));
    else
      fyc::cli::print_text(fyc::network_text(fyc::list_network(net)));
    return 0;
  } catch (const fyc::Error& e) {
    return report_error(e, source, opt);
  }
}

} // namespace

int main(int argc, char** argv) {
  CLI::App app{"flyorcall: which clients are worth a trip this quarter, when to go, and how to "
               "run everyone else remotely.\nExit codes: 0 ok, 1 internal error, 2 bad input or "
               "usage, 3 infeasible, 4 time limit without a plan.",
               "flyorcall"};
  app.set_version_flag("--version", std::string("flyorcall ") + fyc::kVersion);
  app.require_subcommand(1);
  CommonOptions opt;
  const auto add_error_format = [&opt](CLI::App* sub) { fyc::cli::add_error_format(sub, opt); };

  std::string input_path, output, fares, day;
  bool example = false, json = false, quiet = false;
  std::optional<std::uint64_t> seed;
  std::optional<double> time_limit;
  CLI::App* plan = app.add_subcommand("plan", "Plan the quarter: which clients to visit, in which "
                                              "trips, and the rest remote");
  plan->add_option("INPUT", input_path, "Input document (JSON, docs/input.md); '-' reads stdin");
  plan->add_flag("--example", example, "Plan the built-in default example instead of INPUT");
  fyc::cli::add_output_option(plan, output,
                              "Write the plan JSON (docs/plan.md) to this file ('-': stdout, "
                              "instead of the summary)");
  plan->add_flag("--json", json, "Print the plan JSON on stdout instead of the summary");
  plan->add_flag("-q,--quiet", quiet, "Print nothing on success");
  fyc::cli::add_seed_option(plan, seed);
  fyc::cli::add_time_limit_option(plan, time_limit);
  fyc::PlanMethod method = fyc::PlanMethod::search;
  std::optional<int> effort;
  fyc::cli::add_method_option(plan, method, effort);
  fyc::cli::add_fares_option(plan, fares);
  add_error_format(plan);

  CLI::App* validate = app.add_subcommand("validate", "Check an input document and list every "
                                                      "problem with its JSON Pointer");
  validate->add_option("INPUT", input_path, "Input document (JSON); '-' reads stdin");
  validate->add_flag("--example", example, "Validate the built-in default example");
  fyc::cli::add_fares_option(validate, fares);
  add_error_format(validate);

  std::string from, to, cabin, currency = "EUR";
  CLI::App* route = app.add_subcommand("route", "Best route between two cities: legs, block "
                                                "times, fare and CO2");
  route
      ->add_option("FROM", from,
                   "Origin: city code (FRA), airport code (ORD) or city name (São Paulo), any case")
      ->required();
  route
      ->add_option("TO", to,
                   "Destination: city code (SIN), airport code (GRU) or city name, any case")
      ->required();
  route
      ->add_option("--cabin", cabin,
                   "Cabin for every leg (default: the input's first "
                   "traveller's cabin rule, else economy)")
      ->check(CLI::IsMember(
          std::vector<std::string>(fyc::kCabinNames.begin(), fyc::kCabinNames.end())));
  route->add_option("--input", input_path, "Use this input's network, currency and policy");
  route->add_option("--currency", currency, "Currency of fares without --input")
      ->default_str("EUR");
  route->add_option("--date", day,
                    "Fly on this day (YYYY-MM-DD): its seasonal legs, winds and company fares "
                    "(default: the input's horizon, else the whole year)");
  route->add_flag("--json", json, "Print JSON");
  fyc::cli::add_fares_option(route, fares);
  add_error_format(route);

  CLI::App* net = app.add_subcommand("network", "List the cities and legs in use");
  net->add_option("--input", input_path, "Apply this input's network changes");
  net->add_option("--currency", currency, "Currency of rates without --input")->default_str("EUR");
  net->add_option("--date", day,
                  "The network of this day (YYYY-MM-DD): its seasonal legs, winds and company "
                  "fares (default: the input's horizon, else the whole year)");
  net->add_flag("--json", json, "Print JSON with every city, country and leg");
  fyc::cli::add_fares_option(net, fares);
  add_error_format(net);

  // Commands in their own files (src/cli/cmd_*.cpp).
  std::vector<fyc::cli::Command> commands;
  commands.push_back(fyc::cli::add_check_command(app, opt));
  commands.push_back(fyc::cli::add_report_command(app, opt));
  commands.push_back(fyc::cli::add_calls_command(app, opt));
  commands.push_back(fyc::cli::add_holidays_command(app, opt));
  commands.push_back(fyc::cli::add_batch_command(app, opt));
  commands.push_back(fyc::cli::add_compare_command(app, opt));

  fyc::guard_standard_descriptors();
  fyc::install_interrupt_cleanup();
  try {
    app.parse(argc, argv);
  } catch (const CLI::ParseError& e) {
    const int rc = app.exit(e);
    return rc == 0 ? 0 : static_cast<int>(fyc::ErrorCode::input);
  }

  int code = static_cast<int>(fyc::ErrorCode::internal);
  try {
    if (*plan)
      code = run_plan(input_path, example, fares, output, json, quiet,
                      fyc::PlanOptions{method, effort, seed, time_limit}, opt);
    else if (*validate)
      code = run_validate(input_path, example, fares, opt);
    else if (*route)
      code = run_route(from, to, cabin, input_path, currency, fares, day, json, opt);
    else if (*net)
      code = run_network(input_path, currency, fares, day, json, opt);
    for (const auto& c : commands)
      if (*c.app) code = c.run();
  } catch (const std::exception& e) {
    std::cerr << "flyorcall: internal error: " << fyc::cli::terminal_text(e.what()) << '\n';
    return static_cast<int>(fyc::ErrorCode::internal);
  }
  // Results reach standard output only here, checked: a full disk or a closed pipe is exit 1.
  return fyc::cli::finish(code, opt);
}
