// `flyorcall compare`: plans a base input and what-if scenarios of it in parallel and compares
// the plans (docs/compare.md).
#include <memory>
#include <optional>
#include <string>
#include <vector>

#include "cli/commands.hpp"
#include "flyorcall/compare.hpp"
#include "io/files.hpp"

namespace flyorcall::cli {

namespace {

struct CompareArgs {
  std::string fares;
  std::string base;
  std::vector<std::string> patches;
  std::vector<std::string> sets;
  bool group = false;
  std::string sweep;
  std::string format = "table";
  std::string output;
  unsigned jobs = 0;
  PlanMethod method = PlanMethod::search;
  std::optional<int> effort;
};

/// Prints every scenario's problems (text: one line each, the scenario as the source; JSON: one
/// document whose messages start with the scenario) and returns 2.
int report_scenario_problems(const std::vector<ScenarioProblems>& bad, const CommonOptions& opt) {
  const auto source = [](const std::string& name) { return "scenario \"" + name + "\""; };
  if (opt.error_format == "json") {
    std::vector<Problem> all;
    for (const auto& s : bad)
      for (const auto& p : s.problems)
        all.push_back({p.pointer, source(s.scenario) + ": " + p.message});
    return report_error(InputError(std::move(all)), "", opt);
  }
  for (const auto& s : bad) report_error(InputError(s.problems), source(s.scenario), opt);
  return static_cast<int>(ErrorCode::input);
}

int run_compare(const CompareArgs& a, const CommonOptions& opt) {
  std::string source = a.base;
  try {
    check_output_path(a.output, a.base);
    for (const auto& p : a.patches) check_output_path(a.output, p);
    CompareRequest request;
    request.base_text = io::read_text_file(a.base);
    request.base_name = a.base == "-" ? "<stdin>" : a.base;
    source = "";
    if (const auto fares = read_fares_file(a.fares))
      request.fares = CompanyFares{fares->path == "-" ? "<stdin>" : fares->path, fares->text};
    for (const auto& p : a.patches) {
      source = p;
      request.patches.push_back({p, io::read_text_file(p)});
    }
    request.sets = a.sets;
    request.group = a.group;
    request.sweep = a.sweep;
    request.method = a.method;
    request.effort = a.effort;
    request.jobs = a.jobs;
    request.format = a.format;
    const CompareResult result = compare_scenarios(request, source);
    if (!result.rejected.empty()) return report_scenario_problems(result.rejected, opt);
    write_result(a.output, result.text);
    return 0;
  } catch (const Error& e) {
    return report_error(e, source, opt);
  }
}

} // namespace

Command add_compare_command(CLI::App& app, CommonOptions& opt) {
  auto args = std::make_shared<CompareArgs>();
  CLI::App* sub = app.add_subcommand(
      "compare", "What-if: plan a base input and scenarios of it (merge patches, --set, --sweep) "
                 "and compare the plans");
  sub->add_option("BASE", args->base, "Base input document (JSON, docs/input.md); '-' reads stdin")
      ->required();
  sub->add_option("SCENARIO", args->patches,
                  "Scenario files: JSON Merge Patch documents (RFC 7386) applied to BASE");
  sub->add_option("--set", args->sets,
                  "/json/pointer=VALUE: a scenario that sets one value (VALUE parsed as JSON, "
                  "else a string); each --set is its own scenario unless --group");
  sub->add_flag("--group", args->group, "All --set options together form one scenario");
  sub->add_option("--sweep", args->sweep,
                  "/json/pointer=FROM:TO:STEP: one scenario per point (STEP > 0, at most " +
                      std::to_string(kMaxSweepPoints) + " points)");
  sub->add_option("--format", args->format, "Output format")
      ->check(CLI::IsMember({"table", "md", "json", "html"}))
      ->default_str("table");
  add_output_option(sub, args->output,
                    "Write the comparison to this file (docs/cli.md, Destinations); default or "
                    "'-': stdout");
  sub->add_option("--jobs", args->jobs, "Plans run in parallel (default: hardware threads)")
      ->check(CLI::Range(1u, 1024u));
  add_method_option(sub, args->method, args->effort);
  add_fares_option(sub, args->fares);
  add_error_format(sub, opt);
  return Command{sub, [args, &opt] { return run_compare(*args, opt); }};
}

} // namespace flyorcall::cli
