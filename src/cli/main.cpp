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

#include "cli/commands.hpp"
#include "cli/common.hpp"
#include "flyorcall/files.hpp"
#include "flyorcall/flyorcall.hpp"
#include "flyorcall/planning.hpp"
#include "flyorcall/validate.hpp"
#include "io/input_reader.hpp"
#include "io/network_writer.hpp"
#include "model/suggest.hpp"
#include "network/network.hpp"
#include "network/places.hpp"
#include "network/routes.hpp"
#include "network/world_data.hpp"

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
    const std::string text = fyc::plan_to_json(r.plan, r.input);
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

/// The network of an optional input, or the default network in `currency`.
/// `day` ("YYYY-MM-DD", or empty) builds it for that day; else for the input's horizon, and
/// without an input for the whole year.
fyc::network::Network network_for(const std::string& input_path, const std::string& currency,
                                  const std::string& fares, const std::string& day,
                                  fyc::Input& input, std::string& source) {
  std::optional<fyc::DateRange> horizon;
  if (!day.empty()) {
    const auto d = fyc::io::parse_iso_date(day);
    if (const auto* why = std::get_if<std::string>(&d)) throw bad_input("--date: " + *why);
    horizon = fyc::DateRange{std::get<fyc::Date>(d), std::get<fyc::Date>(d)};
  }
  if (!input_path.empty()) {
    input = load_input(input_path, false, source, fares);
  } else {
    input.currency = currency;
    if (!fyc::network::eur_rate(currency))
      throw bad_input("unknown currency \"" + currency + "\"" +
                      fyc::did_you_mean(currency, fyc::network::known_currencies()));
    if (!fares.empty()) {
      source = "";
      fyc::cli::apply_fares(input, fyc::cli::read_fares_file(fares));
    }
    return fyc::network::Network::build(input, horizon);
  }
  return fyc::network::Network::build(input, horizon ? horizon : input.horizon);
}

/// A city given by its code, an airport code or its name, in any case ("SIN", "sin", "Singapore",
/// "ORD", "São Paulo"), among the cities of `net`.
int city_index(const fyc::network::Network& net, const std::string& given, const char* role) {
  const fyc::network::PlaceIndex places(net.cities(), net.countries());
  const auto match = places.resolve(given);
  if (!match.city) throw bad_input(std::string(role) + ": " + match.error);
  return *net.find(*match.city);
}

std::string hm(std::int64_t minutes) {
  std::ostringstream s;
  s << minutes / 60 << "h" << std::setw(2) << std::setfill('0') << minutes % 60;
  return s.str();
}

/// The text form of `flyorcall route`; returns the exit code (3: no route).
int route_lines(std::ostringstream& out, const fyc::network::Network& net,
                const fyc::network::Route& route, int a, int b, const std::string& currency) {
  const auto& A = net.city(a);
  const auto& B = net.city(b);
  out << A.code << " " << A.name << " -> " << B.code << " " << B.name << '\n';
  if (a == b) {
    out << "  same city: no flight\n";
    return 0;
  }
  if (!route.reachable) {
    out << "  no route in the network\n";
    return 3;
  }
  for (const auto& l : route.legs) {
    out << "  " << net.city(l.from).code << " -> " << net.city(l.to).code << "  " << std::setw(6)
        << std::lround(l.km) << " km  " << std::setw(6) << hm(l.block.count()) << "  "
        << std::setw(8) << fyc::cabin_name(l.cabin) << "  " << std::fixed << std::setprecision(2)
        << std::setw(9) << fyc::to_units(l.fare) << ' ' << currency << "  " << std::setprecision(1)
        << std::setw(7) << fyc::to_kg(l.co2) << " kg CO2e\n";
  }
  out << "  total: " << route.legs.size() << (route.legs.size() == 1 ? " leg, " : " legs, ")
      << hm(route.travel.count()) << " with connections, " << std::fixed << std::setprecision(2)
      << fyc::to_units(route.fare) << ' ' << currency << ", " << std::setprecision(1)
      << fyc::to_kg(route.co2) << " kg CO2e\n";
  return 0;
}

int run_route(const std::string& from, const std::string& to, const std::string& cabin,
              const std::string& input_path, const std::string& currency, const std::string& fares,
              const std::string& day, bool json, const CommonOptions& opt) {
  // Errors name the input file while it is read, and the command for its own arguments.
  std::string source = "flyorcall route";
  try {
    fyc::Input input;
    const fyc::network::Network net = network_for(input_path, currency, fares, day, input, source);
    source = "flyorcall route";
    const int a = city_index(net, from, "origin");
    const int b = city_index(net, to, "destination");
    fyc::network::RouteParams params;
    if (!input.travellers.empty()) params.cabin = input.travellers.front().cabin;
    if (!cabin.empty()) {
      params.cabin = {};
      for (std::size_t k = 0; k < fyc::kCabinCount; ++k)
        if (cabin == fyc::kCabinNames[k]) params.cabin.base = static_cast<fyc::Cabin>(k);
    }
    params.connection_penalty = input.policy.connection_penalty;
    params.min_connection = input.policy.min_connection;
    params.carbon_price_per_tonne = input.policy.carbon_price_per_tonne;
    params.radiative_forcing = input.policy.radiative_forcing;
    const fyc::network::RouteFinder finder(net, params);
    const fyc::network::Route route = finder.best(a, b);
    if (json) {
      fyc::cli::print_data(fyc::io::route_to_json(net, route, a, b, input.currency));
      return route.reachable || a == b ? 0 : 3;
    }
    std::ostringstream out;
    const int code = route_lines(out, net, route, a, b, input.currency);
    fyc::cli::print_text(out.str());
    return code;
  } catch (const fyc::Error& e) {
    return report_error(e, source, opt);
  }
}

int run_network(const std::string& input_path, const std::string& currency,
                const std::string& fares, const std::string& day, bool json,
                const CommonOptions& opt) {
  std::string source = "flyorcall network";
  try {
    fyc::Input input;
    const fyc::network::Network net = network_for(input_path, currency, fares, day, input, source);
    const std::string version = fyc::network::default_world().version;
    if (json) {
      fyc::cli::print_data(fyc::io::network_to_json(net, input.currency, version));
      return 0;
    }
    std::ostringstream out;
    out << "flyorcall network (data " << version << "): " << net.cities().size() << " cities, "
        << net.countries().size() << " countries, " << net.legs().size()
        << " directed legs; money in " << input.currency << "\n";
    std::vector<int> legs_from(net.cities().size(), 0);
    for (const auto& l : net.legs()) ++legs_from[static_cast<std::size_t>(l.from)];
    out << "code  name                      cc  legs  region          time zone\n";
    for (std::size_t i = 0; i < net.cities().size(); ++i) {
      const auto& c = net.cities()[i];
      out << std::left << std::setw(6) << c.code << std::setw(26) << c.name.substr(0, 25)
          << std::setw(4) << c.country << std::setw(6) << legs_from[i] << std::setw(16) << c.region
          << c.tz << '\n';
    }
    fyc::cli::print_text(out.str());
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
