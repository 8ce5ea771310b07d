// `flyorcall compare`: plans a base input and what-if scenarios of it in parallel and compares
// the plans (docs/compare.md).
#include <iostream>
#include <memory>
#include <optional>
#include <string>
#include <vector>

#include "cli/commands.hpp"
#include "io/compare_json.hpp"
#include "io/files.hpp"
#include "io/input_reader.hpp"
#include "io/scenario.hpp"
#include "optimize/parallel.hpp"
#include "report/compare.hpp"

namespace flyorcall::cli {

namespace {

struct CompareArgs {
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

/// Everything a planning task produces for one document.
struct Outcome {
  std::optional<Plan> plan;
  std::optional<InfeasibleError> infeasible;
  std::vector<Problem> input_problems; ///< why the method refuses the document (exact)
  std::string internal;                ///< message of an unexpected error
};

std::string scenario_source(const std::string& name) {
  return "scenario \"" + name + "\"";
}

/// Prints every scenario's problems (text: one line each, the scenario as the source; JSON: one
/// document whose messages start with the scenario) and returns 2.
int report_scenario_problems(const std::vector<std::pair<std::string, std::vector<Problem>>>& bad,
                             const CommonOptions& opt) {
  if (opt.error_format == "json") {
    std::vector<Problem> all;
    for (const auto& [name, problems] : bad)
      for (const auto& p : problems)
        all.push_back({p.pointer, scenario_source(name) + ": " + p.message});
    std::cerr << io::problems_to_json(all) << '\n';
  } else {
    for (const auto& [name, problems] : bad)
      std::cerr << io::format_problems_text(problems, scenario_source(name));
  }
  return static_cast<int>(ErrorCode::input);
}

int run_compare(const CompareArgs& a, const CommonOptions& opt) {
  std::string source = a.base;
  try {
    check_output_path(a.output, a.base);
    for (const auto& p : a.patches) check_output_path(a.output, p);
    const std::string base_text = io::read_text_file(a.base);
    source = a.base == "-" ? "<stdin>" : a.base;
    const Input base_input = read_input(base_text);

    // Build every scenario document first: nothing is planned or written if one is bad.
    source = "flyorcall compare";
    std::vector<io::Scenario> scenarios;
    for (const auto& p : a.patches) {
      source = p;
      scenarios.push_back(io::apply_merge_patch(base_text, io::read_text_file(p), p));
    }
    source = "flyorcall compare";
    std::vector<io::Assignment> sets;
    for (const auto& s : a.sets) sets.push_back(io::parse_assignment(s));
    if (a.group && !sets.empty()) {
      std::string name;
      for (const auto& s : sets) name += (name.empty() ? "" : " ") + s.text;
      scenarios.push_back(io::apply_assignments(base_text, sets, name));
    } else {
      for (const auto& s : sets) scenarios.push_back(io::apply_assignments(base_text, {s}, s.text));
    }
    std::optional<std::string> sweep_pointer;
    if (!a.sweep.empty()) {
      const io::Sweep sweep = io::parse_sweep(a.sweep);
      sweep_pointer = sweep.pointer;
      for (auto& s : io::apply_sweep(base_text, sweep)) scenarios.push_back(std::move(s));
    }
    if (scenarios.empty())
      throw bad_input("nothing to compare: give SCENARIO files, --set or --sweep");

    std::vector<std::unique_ptr<Input>> inputs(scenarios.size());
    std::vector<std::pair<std::string, std::vector<Problem>>> bad;
    for (std::size_t i = 0; i < scenarios.size(); ++i) {
      if (!scenarios[i].problems.empty()) {
        bad.emplace_back(scenarios[i].name, scenarios[i].problems);
        continue;
      }
      try {
        inputs[i] = std::make_unique<Input>(read_input(scenarios[i].document));
      } catch (const InputError& e) {
        bad.emplace_back(scenarios[i].name, e.problems());
      }
    }
    if (!bad.empty()) return report_scenario_problems(bad, opt);

    // Task 0 is the base; task i + 1 is scenario i. Results are stored by index.
    std::vector<Outcome> outcomes(scenarios.size() + 1);
    optimize::parallel_for(outcomes.size(), a.jobs, [&](std::size_t k) {
      Input in = k == 0 ? base_input : *inputs[k - 1];
      if (a.effort) in.policy.effort = *a.effort;
      try {
        outcomes[k].plan = plan_quarter(in, a.method);
      } catch (const InfeasibleError& e) {
        outcomes[k].infeasible = e;
      } catch (const InputError& e) {
        outcomes[k].input_problems = e.problems();
      } catch (const std::exception& e) {
        outcomes[k].internal = e.what();
      }
    });
    source = a.base == "-" ? "<stdin>" : a.base;
    for (std::size_t k = 0; k < outcomes.size(); ++k)
      if (!outcomes[k].internal.empty())
        throw Error(ErrorCode::internal,
                    (k == 0 ? std::string("base") : scenario_source(scenarios[k - 1].name)) + ": " +
                        outcomes[k].internal);
    // A document the method refuses is bad input, reported like a bad scenario: the base with
    // its file name, a scenario with its name.
    if (!outcomes[0].input_problems.empty()) throw InputError(outcomes[0].input_problems);
    for (std::size_t i = 0; i < scenarios.size(); ++i)
      if (!outcomes[i + 1].input_problems.empty())
        bad.emplace_back(scenarios[i].name, outcomes[i + 1].input_problems);
    if (!bad.empty()) return report_scenario_problems(bad, opt);
    if (outcomes[0].infeasible) throw *outcomes[0].infeasible;

    std::vector<report::ScenarioPlan> plans;
    for (std::size_t i = 0; i < scenarios.size(); ++i) {
      report::ScenarioPlan sp;
      sp.name = scenarios[i].name;
      sp.sweep_value = scenarios[i].sweep_value;
      sp.input = inputs[i].get();
      sp.plan = std::move(outcomes[i + 1].plan);
      if (const auto& inf = outcomes[i + 1].infeasible) {
        sp.infeasible_pointer = inf->pointer();
        sp.infeasible_reason = inf->what();
      }
      plans.push_back(std::move(sp));
    }
    const report::Comparison c = report::compare(a.base == "-" ? "<stdin>" : a.base, base_input,
                                                 *outcomes[0].plan, plans, sweep_pointer);
    std::string text;
    if (a.format == "json")
      text = io::comparison_to_json(c);
    else if (a.format == "md")
      text = report::comparison_markdown(c);
    else if (a.format == "html")
      text = report::comparison_html(c);
    else
      text = report::comparison_table(c);
    if (!a.output.empty())
      io::write_file_atomically(a.output, text);
    else
      std::cout << text << std::flush;
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
                      std::to_string(io::kMaxSweepPoints) + " points)");
  sub->add_option("--format", args->format, "Output format")
      ->check(CLI::IsMember({"table", "md", "json", "html"}))
      ->default_str("table");
  sub->add_option("-o,--output", args->output, "Write the comparison to this file (atomically)");
  sub->add_option("--jobs", args->jobs, "Plans run in parallel (default: hardware threads)")
      ->check(CLI::Range(1u, 1024u));
  add_method_option(sub, args->method, args->effort);
  add_error_format(sub, opt);
  return Command{sub, [args, &opt] { return run_compare(*args, opt); }};
}

} // namespace flyorcall::cli
