// `flyorcall check INPUT PLAN`: an independent feasibility and cost check of a plan against its
// input (docs/check.md). Exit 0 when the plan is valid, 3 when it breaks a rule, 2 when a file
// cannot be read.
#include <algorithm>
#include <memory>
#include <sstream>
#include <string>

#include "check/plan_check.hpp"
#include "cli/commands.hpp"
#include "io/files.hpp"
#include "io/input_reader.hpp"
#include "io/json_scan.hpp"
#include "io/plan_reader.hpp"

namespace flyorcall::cli {
namespace {

struct CheckArgs {
  std::string input;
  std::string plan;
  std::string fares;
  bool json = false;
};

std::string money_text(Money m, const std::string& currency) {
  const std::int64_t c = m.count();
  const std::int64_t a = c < 0 ? -c : c;
  std::string cents = std::to_string(a % 100);
  if (cents.size() < 2) cents.insert(0, "0");
  return (c < 0 ? "-" : "") + std::to_string(a / 100) + "." + cents + " " + currency;
}

/// A plan document (docs/plan.md) by its top-level keys: an input has neither "trips" nor
/// "totals", which every plan has.
bool looks_like_plan(std::string_view text) {
  const auto keys = io::top_level_keys(text);
  const auto has = [&](std::string_view k) {
    return std::find(keys.begin(), keys.end(), k) != keys.end();
  };
  return has("trips") && has("totals");
}

int run(const CheckArgs& a, const CommonOptions& opt) {
  std::string source = "flyorcall check";
  try {
    if (a.input == "-" && a.plan == "-")
      throw bad_input("INPUT and PLAN cannot both be read from stdin");
    source = a.input == "-" ? "<stdin>" : a.input;
    std::string input_text = io::read_text_file(a.input);
    source = a.plan == "-" ? "<stdin>" : a.plan;
    std::string plan_text = io::read_text_file(a.plan);
    source = "flyorcall check";
    if (looks_like_plan(input_text) && !looks_like_plan(plan_text))
      throw bad_input("the arguments are swapped: INPUT " + a.input + " is a plan and PLAN " +
                      a.plan + " is not (flyorcall check INPUT PLAN)");
    source = a.input == "-" ? "<stdin>" : a.input;
    Input input = read_input(std::move(input_text));
    if (!a.fares.empty()) {
      if (a.fares == "-" && (a.input == "-" || a.plan == "-"))
        throw bad_input("INPUT or PLAN and --fares cannot both be read from stdin");
      source = ""; // the fare table's problems name their file and line themselves
      apply_fares(input, read_fares_file(a.fares));
    }
    source = a.plan == "-" ? "<stdin>" : a.plan;
    const report::PlanDocument plan = io::read_plan(std::move(plan_text));
    const std::vector<check::Violation> violations = check::check_plan(input, plan);
    if (a.json) {
      print_data(check::violations_to_json(violations));
    } else if (violations.empty()) {
      std::ostringstream out;
      out << "valid: " << plan.label << ", " << plan.trips.size()
          << (plan.trips.size() == 1 ? " trip, " : " trips, ") << plan.totals.visits
          << (plan.totals.visits == 1 ? " visit, " : " visits, ") << plan.totals.remote
          << " remote, net " << money_text(plan.totals.net, plan.currency) << '\n';
      print_text(out.str());
    } else {
      std::vector<Problem> lines;
      for (const check::Violation& v : violations)
        lines.push_back({v.pointer, v.message + " (" + v.rule + ")"});
      print_text(io::format_problems_text(lines, "") + std::to_string(violations.size()) +
                 (violations.size() == 1 ? " violation\n" : " violations\n"));
    }
    return violations.empty() ? 0 : static_cast<int>(ErrorCode::infeasible);
  } catch (const Error& e) {
    return report_error(e, source, opt);
  }
}

} // namespace

Command add_check_command(CLI::App& app, CommonOptions& opt) {
  auto args = std::make_shared<CheckArgs>();
  CLI::App* sub = app.add_subcommand(
      "check", "Check a plan against its input: every broken rule, date, cost and total, each "
               "with its JSON Pointer (exit 3 when the plan is not valid)");
  add_fares_option(sub, args->fares);
  sub->add_option("INPUT", args->input, "The input document the plan is for; '-' reads stdin")
      ->required();
  sub->add_option("PLAN", args->plan,
                  "Plan JSON written by 'flyorcall plan -o' (docs/plan.md); '-' reads stdin")
      ->required();
  sub->add_flag("--json", args->json,
                "Print {\"valid\":…,\"violations\":[{\"pointer\",\"rule\",\"message\"}]} instead");
  add_error_format(sub, opt);
  return Command{sub, [args, &opt] { return run(*args, opt); }};
}

} // namespace flyorcall::cli
