// `flyorcall compare`: plans a base input and what-if scenarios of it in parallel and compares
// the plans (docs/compare.md).
#include <algorithm>
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
      std::cerr << terminal_text(io::format_problems_text(problems, scenario_source(name)));
  }
  return static_cast<int>(ErrorCode::input);
}

/// How to make one scenario's document from the base: a merge patch, --set assignments or a sweep
/// point. Documents are made when needed, once to check them and again to plan them, so that
/// memory follows --jobs, not the number of scenarios.
struct ScenarioSpec {
  std::string name;
  std::optional<std::size_t> patch;       ///< index into the patch texts
  std::vector<io::Assignment> sets;       ///< --set assignments (one, or all with --group)
  std::optional<std::size_t> sweep_point; ///< index into the sweep's points
};

/// What a planning task keeps of one scenario: its comparison with the base, or why the method
/// refused it, or an unexpected error's message.
struct ScenarioResult {
  report::ScenarioComparison comparison;
  std::vector<Problem> refused;
  std::string internal;
  std::string time_limit; // the time limit passed before the method had a plan (exact)
};

int run_compare(const CompareArgs& a, const CommonOptions& opt) {
  std::string source = a.base;
  try {
    check_output_path(a.output, a.base);
    for (const auto& p : a.patches) check_output_path(a.output, p);
    const std::string base_text = io::read_text_file(a.base);
    source = a.base == "-" ? "<stdin>" : a.base;
    Input base_input = read_input(base_text);
    // The company fare table applies to the base and every scenario alike.
    source = "";
    const auto fares = read_fares_file(a.fares);
    apply_fares(base_input, fares);

    // The scenarios, as recipes; nothing is planned or written if one is bad.
    source = "flyorcall compare";
    std::vector<std::string> patch_texts;
    std::vector<ScenarioSpec> specs;
    for (const auto& p : a.patches) {
      source = p;
      patch_texts.push_back(io::read_text_file(p));
      specs.push_back({p, patch_texts.size() - 1, {}, std::nullopt});
    }
    source = "flyorcall compare";
    std::vector<io::Assignment> sets;
    for (const auto& s : a.sets) sets.push_back(io::parse_assignment(s));
    // Budgets given relative to the base plan need the base plan first (an infeasible base is
    // then reported at once: there is no use to take a percentage of).
    std::optional<Plan> base_plan;
    const auto plan_base = [&] {
      Input run = base_input;
      if (a.effort) run.policy.effort = *a.effort;
      return plan_quarter(run, a.method);
    };
    if (std::any_of(sets.begin(), sets.end(),
                    [](const io::Assignment& s) { return s.percent_of_base.has_value(); })) {
      source = a.base == "-" ? "<stdin>" : a.base;
      base_plan = plan_base();
      const BudgetUse& used = base_plan->budget;
      for (auto& s : sets) {
        if (!s.percent_of_base) continue;
        const double base_used = s.pointer == "/policy/budget/cash"    ? to_units(used.cash)
                                 : s.pointer == "/policy/budget/money" ? to_units(used.money)
                                 : s.pointer == "/policy/budget/days"
                                     ? static_cast<double>(used.days)
                                     : to_kg(used.co2);
        s = io::resolve_percent(s, base_used);
      }
      source = "flyorcall compare";
    }
    if (a.group && !sets.empty()) {
      std::string name;
      for (const auto& s : sets) name += (name.empty() ? "" : " ") + s.text;
      specs.push_back({name, std::nullopt, sets, std::nullopt});
    } else {
      for (const auto& s : sets) specs.push_back({s.text, std::nullopt, {s}, std::nullopt});
    }
    std::optional<io::Sweep> sweep;
    if (!a.sweep.empty()) {
      sweep = io::parse_sweep(a.sweep);
      for (std::size_t i = 0; i < sweep->points.size(); ++i)
        specs.push_back({sweep->pointer + "=" + sweep->points_json[i], std::nullopt, {}, i});
    }
    if (specs.empty()) throw bad_input("nothing to compare: give SCENARIO files, --set or --sweep");

    const auto build = [&](const ScenarioSpec& spec) {
      if (spec.patch) return io::apply_merge_patch(base_text, patch_texts[*spec.patch], spec.name);
      if (spec.sweep_point) {
        const std::size_t i = *spec.sweep_point;
        const std::string text = sweep->pointer + "=" + sweep->points_json[i];
        io::Scenario s = io::apply_assignments(
            base_text, {io::Assignment{text, sweep->pointer, sweep->points_json[i], std::nullopt}},
            text);
        s.sweep_value = sweep->points[i];
        return s;
      }
      return io::apply_assignments(base_text, spec.sets, spec.name);
    };

    // Every scenario document is made and read once before anything is planned.
    std::vector<std::vector<Problem>> checked(specs.size());
    optimize::parallel_for(specs.size(), a.jobs, [&](std::size_t i) {
      io::Scenario s = build(specs[i]);
      if (!s.problems.empty()) {
        checked[i] = std::move(s.problems);
        return;
      }
      try {
        Input input = read_input(std::move(s.document));
        apply_fares(input, fares);
      } catch (const InputError& e) {
        checked[i] = e.problems();
      }
    });
    std::vector<std::pair<std::string, std::vector<Problem>>> bad;
    for (std::size_t i = 0; i < specs.size(); ++i)
      if (!checked[i].empty()) bad.emplace_back(specs[i].name, std::move(checked[i]));
    if (!bad.empty()) return report_scenario_problems(bad, opt);

    source = a.base == "-" ? "<stdin>" : a.base;
    std::optional<InfeasibleError> base_infeasible;
    try {
      if (!base_plan) base_plan = plan_base();
    } catch (const InfeasibleError& e) {
      base_infeasible = e;
    } catch (const InputError&) {
      throw; // the method refuses the base: reported with the base's file name
    } catch (const Error&) {
      throw;
    } catch (const std::exception& e) {
      throw Error(ErrorCode::internal, std::string("base: ") + e.what());
    }

    // Each scenario is planned and compared with the base in one task; only the comparison is
    // kept, in the order given.
    report::Comparison c;
    c.base_name = a.base == "-" ? "<stdin>" : a.base;
    c.label = base_input.label;
    c.currency = base_input.currency;
    if (sweep) c.sweep_pointer = sweep->pointer;
    if (base_plan) {
      c.method = base_plan->method;
      c.base = report::totals_of(*base_plan, base_input);
      c.base_time_limit_reached = base_plan->time_limit_reached;
    }
    std::string internal;
    std::string time_limit;
    optimize::parallel_ordered<ScenarioResult>(
        specs.size(), a.jobs, 2 * optimize::worker_count(a.jobs, specs.size()),
        [&](std::size_t i) {
          ScenarioResult r;
          io::Scenario s = build(specs[i]);
          report::ScenarioPlan sp;
          sp.name = s.name;
          sp.sweep_value = s.sweep_value;
          try {
            Input input = read_input(std::move(s.document));
            apply_fares(input, fares);
            if (a.effort) input.policy.effort = *a.effort;
            sp.input = &input;
            try {
              sp.plan = plan_quarter(input, a.method);
            } catch (const InfeasibleError& e) {
              sp.infeasible_pointer = e.pointer();
              sp.infeasible_reason = e.what();
            }
            if (base_plan) r.comparison = report::compare_scenario(*base_plan, base_input, sp);
          } catch (const InputError& e) {
            r.refused = e.problems();
          } catch (const TimeLimitError& e) {
            r.time_limit = e.what();
          } catch (const std::exception& e) {
            r.internal = e.what();
          }
          return r;
        },
        [&](std::size_t i, ScenarioResult&& r) {
          if (!r.internal.empty() && internal.empty())
            internal = scenario_source(specs[i].name) + ": " + r.internal;
          if (!r.time_limit.empty() && time_limit.empty())
            time_limit = scenario_source(specs[i].name) + ": " + r.time_limit;
          if (!r.refused.empty()) bad.emplace_back(specs[i].name, std::move(r.refused));
          c.scenarios.push_back(std::move(r.comparison));
        });
    if (!internal.empty()) throw Error(ErrorCode::internal, internal);
    if (!time_limit.empty()) throw TimeLimitError(time_limit);
    // A document the method refuses is bad input, reported like a bad scenario.
    if (!bad.empty()) return report_scenario_problems(bad, opt);
    if (base_infeasible) throw *base_infeasible;

    std::string text;
    if (a.format == "json")
      text = io::comparison_to_json(c);
    else if (a.format == "md")
      text = report::comparison_markdown(c);
    else if (a.format == "html")
      text = report::comparison_html(c);
    else
      text = report::comparison_table(c);
    write_result(a.output, text);
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
