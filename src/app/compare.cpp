// The compare verb of the library: a base input and what-if scenarios of it, planned in parallel
// and compared (include/flyorcall/compare.hpp, docs/compare.md).
#include "flyorcall/compare.hpp"

#include <algorithm>
#include <utility>

#include "io/compare_json.hpp"
#include "io/scenario.hpp"
#include "optimize/parallel.hpp"
#include "report/compare.hpp"

namespace flyorcall {
namespace {

constexpr const char* kOptions = "flyorcall compare";

std::string scenario_source(const std::string& name) {
  return "scenario \"" + name + "\"";
}

/// How to make one scenario's document from the base: a merge patch, assignments or a sweep
/// point. Documents are made when needed, once to check them and again to plan them, so that
/// memory follows the jobs, not the number of scenarios.
struct ScenarioSpec {
  std::string name;
  std::optional<std::size_t> patch;       ///< index into the request's patches
  std::vector<io::Assignment> sets;       ///< assignments (one, or all with `group`)
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

/// Everything a comparison is made from, once the options are read.
struct Recipe {
  const CompareRequest& request;
  Input base_input;
  std::optional<Plan> base_plan;
  std::vector<ScenarioSpec> specs;
  std::optional<io::Sweep> sweep;

  [[nodiscard]] Plan plan_base() const {
    Input run = base_input;
    if (request.effort) run.policy.effort = *request.effort;
    return plan_quarter(run, request.method);
  }

  [[nodiscard]] io::Scenario build(const ScenarioSpec& spec) const {
    const std::string& base_text = request.base_text;
    if (spec.patch)
      return io::apply_merge_patch(base_text, request.patches[*spec.patch].text, spec.name);
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
  }

  /// A scenario's input: its document read, with the company fares.
  [[nodiscard]] Input read(io::Scenario&& s) const {
    Input input = read_input(std::move(s.document));
    if (request.fares) add_company_fares(input, *request.fares);
    return input;
  }
};

/// Reads the options into scenario recipes; plans the base first when a budget is given relative
/// to it.
void read_options(Recipe& r, std::string& source) {
  const CompareRequest& a = r.request;
  for (std::size_t i = 0; i < a.patches.size(); ++i)
    r.specs.push_back({a.patches[i].name, i, {}, std::nullopt});
  source = kOptions;
  std::vector<io::Assignment> sets;
  for (const auto& s : a.sets) sets.push_back(io::parse_assignment(s));
  // Budgets given relative to the base plan need the base plan first (an infeasible base is
  // then reported at once: there is no use to take a percentage of).
  if (std::any_of(sets.begin(), sets.end(),
                  [](const io::Assignment& s) { return s.percent_of_base.has_value(); })) {
    source = a.base_name;
    r.base_plan = r.plan_base();
    const BudgetUse& used = *r.base_plan->budget; // the planner always states it
    for (auto& s : sets) {
      if (!s.percent_of_base) continue;
      const double base_used = s.pointer == "/policy/budget/cash"    ? to_units(used.cash)
                               : s.pointer == "/policy/budget/money" ? to_units(used.money)
                               : s.pointer == "/policy/budget/days" ? static_cast<double>(used.days)
                                                                    : to_kg(used.co2);
      s = io::resolve_percent(s, base_used);
    }
    source = kOptions;
  }
  if (a.group && !sets.empty()) {
    std::string name;
    for (const auto& s : sets) name += (name.empty() ? "" : " ") + s.text;
    r.specs.push_back({name, std::nullopt, sets, std::nullopt});
  } else {
    for (const auto& s : sets) r.specs.push_back({s.text, std::nullopt, {s}, std::nullopt});
  }
  if (!a.sweep.empty()) {
    r.sweep = io::parse_sweep(a.sweep);
    for (std::size_t i = 0; i < r.sweep->points.size(); ++i)
      r.specs.push_back({r.sweep->pointer + "=" + r.sweep->points_json[i], std::nullopt, {}, i});
  }
  if (r.specs.empty())
    throw InputError(std::vector<Problem>{
        Problem{"", "nothing to compare: give SCENARIO files, --set or --sweep"}});
}

/// Every scenario document made and read once before anything is planned: the bad ones.
std::vector<ScenarioProblems> check_scenarios(const Recipe& r) {
  std::vector<std::vector<Problem>> checked(r.specs.size());
  optimize::parallel_for(r.specs.size(), r.request.jobs, [&](std::size_t i) {
    io::Scenario s = r.build(r.specs[i]);
    if (!s.problems.empty()) {
      checked[i] = std::move(s.problems);
      return;
    }
    try {
      (void)r.read(std::move(s));
    } catch (const InputError& e) {
      checked[i] = e.problems();
    }
  });
  std::vector<ScenarioProblems> bad;
  for (std::size_t i = 0; i < r.specs.size(); ++i)
    if (!checked[i].empty()) bad.push_back({r.specs[i].name, std::move(checked[i])});
  return bad;
}

/// Plans one scenario and compares it with the base plan.
ScenarioResult plan_scenario(const Recipe& r, const ScenarioSpec& spec) {
  ScenarioResult res;
  io::Scenario s = r.build(spec);
  report::ScenarioPlan sp;
  sp.name = s.name;
  sp.sweep_value = s.sweep_value;
  try {
    Input input = r.read(std::move(s));
    if (r.request.effort) input.policy.effort = *r.request.effort;
    sp.input = &input;
    try {
      sp.plan = plan_quarter(input, r.request.method);
    } catch (const InfeasibleError& e) {
      sp.infeasible_pointer = e.pointer();
      sp.infeasible_reason = e.what();
    }
    if (r.base_plan) res.comparison = report::compare_scenario(*r.base_plan, r.base_input, sp);
  } catch (const InputError& e) {
    res.refused = e.problems();
  } catch (const TimeLimitError& e) {
    res.time_limit = e.what();
  } catch (const std::exception& e) {
    res.internal = e.what();
  }
  return res;
}

std::string render(const report::Comparison& c, const std::string& format) {
  if (format == "json") return io::comparison_to_json(c);
  if (format == "md") return report::comparison_markdown(c);
  if (format == "html") return report::comparison_html(c);
  if (format == "table") return report::comparison_table(c);
  throw InputError(std::vector<Problem>{
      Problem{"", "--format \"" + format + "\": expected table, md, json or html"}});
}

} // namespace

CompareResult compare_scenarios(const CompareRequest& a, std::string& source) {
  source = a.base_name;
  Recipe r{a, read_input(a.base_text), std::nullopt, {}, std::nullopt};
  // The company fare table applies to the base and every scenario alike.
  source = "";
  if (a.fares) add_company_fares(r.base_input, *a.fares);
  read_options(r, source);

  CompareResult result;
  result.rejected = check_scenarios(r);
  if (!result.rejected.empty()) return result;

  source = a.base_name;
  std::optional<InfeasibleError> base_infeasible;
  try {
    if (!r.base_plan) r.base_plan = r.plan_base();
  } catch (const InfeasibleError& e) {
    base_infeasible = e;
  } catch (const Error&) {
    throw; // the method refuses the base: reported with the base's name
  } catch (const std::exception& e) {
    throw Error(ErrorCode::internal, std::string("base: ") + e.what());
  }

  // Each scenario is planned and compared with the base in one task; only the comparison is
  // kept, in the order given.
  report::Comparison c;
  c.base_name = a.base_name;
  c.label = r.base_input.label;
  c.currency = r.base_input.currency;
  if (r.sweep) c.sweep_pointer = r.sweep->pointer;
  if (r.base_plan) {
    c.method = r.base_plan->method;
    c.base = report::totals_of(*r.base_plan, r.base_input);
    c.base_time_limit_reached = r.base_plan->time_limit_reached;
  }
  std::string internal;
  std::string time_limit;
  optimize::parallel_ordered<ScenarioResult>(
      r.specs.size(), a.jobs, 2 * optimize::worker_count(a.jobs, r.specs.size()),
      [&](std::size_t i) { return plan_scenario(r, r.specs[i]); },
      [&](std::size_t i, ScenarioResult&& res) {
        if (!res.internal.empty() && internal.empty())
          internal = scenario_source(r.specs[i].name) + ": " + res.internal;
        if (!res.time_limit.empty() && time_limit.empty())
          time_limit = scenario_source(r.specs[i].name) + ": " + res.time_limit;
        if (!res.refused.empty())
          result.rejected.push_back({r.specs[i].name, std::move(res.refused)});
        c.scenarios.push_back(std::move(res.comparison));
      });
  if (!internal.empty()) throw Error(ErrorCode::internal, internal);
  if (!time_limit.empty()) throw TimeLimitError(time_limit);
  // A document the method refuses is bad input, reported like a bad scenario.
  if (!result.rejected.empty()) return result;
  if (base_infeasible) throw *base_infeasible;

  for (const auto& s : c.scenarios)
    result.scenarios.push_back({s.name, s.sweep_value, s.feasible, s.infeasible_pointer,
                                s.infeasible_reason, s.flips.size()});
  result.text = render(c, a.format);
  return result;
}

} // namespace flyorcall
