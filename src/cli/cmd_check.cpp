// `flyorcall check INPUT PLAN`: an independent feasibility and cost check of a plan against its
// input (docs/check.md). Exit 0 when the plan is valid, 3 when it breaks a rule, 2 when a file
// cannot be read.
#include <memory>
#include <string>

#include "commands.hpp"
#include "flyorcall/check.hpp"
#include "flyorcall/files.hpp"

namespace flyorcall::cli {
namespace {

struct CheckArgs {
  std::string input;
  std::string plan;
  std::string fares;
  bool json = false;
};

int run(const CheckArgs& a, const CommonOptions& opt) {
  std::string source = "flyorcall check";
  try {
    if (a.input == "-" && a.plan == "-")
      throw bad_input("INPUT and PLAN cannot both be read from stdin");
    source = a.input == "-" ? "<stdin>" : a.input;
    std::string input_text = read_text_file(a.input);
    source = a.plan == "-" ? "<stdin>" : a.plan;
    std::string plan_text = read_text_file(a.plan);
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
    const CheckResult result = check_input_plan(input, std::move(plan_text));
    if (a.json)
      print_data(check_result_json(result));
    else
      print_text(check_result_text(result));
    return result.valid() ? 0 : static_cast<int>(ErrorCode::infeasible);
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
