// What-if comparison (docs/compare.md): the plans of several scenarios set against the plan of
// the base input — totals with deltas, the client decisions that flip, the trips whose client set
// changes, and for a sweep the curve of net value, cost and CO2. Plain data and text renderers;
// the JSON form is written by src/io/compare_json.
#pragma once

#include <optional>
#include <string>
#include <vector>

#include "flyorcall/model.hpp"
#include "flyorcall/plan.hpp"

namespace flyorcall::report {

/// The figures compared between scenarios (a plan's totals and its money budget).
struct CompareTotals {
  Money net;
  Money value;
  CostBreakdown trip_cost;
  Money remote_cost;
  GramsCo2 co2;
  int trips = 0;
  int visits = 0;
  int remote = 0;
  int days_away = 0;
  std::optional<Money> budget_money; ///< the money limit of the scenario's policy
  std::optional<Money> budget_cash;  ///< the cash limit of the scenario's policy
};

/// What happens to one client in a plan.
enum class ClientState { visit, remote, absent };

/// A client whose decision differs between the base plan and a scenario.
struct DecisionFlip {
  std::string client_id;
  std::string client_name;
  ClientState base = ClientState::absent;
  ClientState scenario = ClientState::absent;
  std::string base_trip;     ///< trip id in the base plan ("" when not visited)
  std::string scenario_trip; ///< trip id in the scenario plan ("" when not visited)
};

/// A base trip whose set of clients is not a trip of the scenario.
struct TripChange {
  std::string base_trip;                     ///< id in the base plan
  std::vector<std::string> base_clients;     ///< its clients, in visit order
  std::vector<std::string> scenario_trips;   ///< scenario trips visiting any of those clients
  std::vector<std::string> scenario_clients; ///< all clients of those scenario trips
};

/// One scenario's result set against the base.
struct ScenarioComparison {
  std::string name;
  std::optional<double> sweep_value;
  bool feasible = true;
  std::string infeasible_pointer; ///< when not feasible: the input element that blocks it
  std::string infeasible_reason;  ///< when not feasible: why
  CompareTotals totals;           ///< when feasible
  /// The time limit cut the scenario's planning short (Plan::time_limit_reached).
  bool time_limit_reached = false;
  std::vector<DecisionFlip> flips;
  std::vector<TripChange> trip_changes;
};

/// A whole comparison: the base and every scenario in the order given.
struct Comparison {
  std::string base_name; ///< the base input's file name
  std::string label;     ///< the base input's label (quarter)
  std::string currency;
  std::string method; ///< how the plans were made: the base plan's Plan::method
  CompareTotals base;
  bool base_time_limit_reached = false; ///< the time limit cut the base plan short
  std::vector<ScenarioComparison> scenarios;
  std::optional<std::string> sweep_pointer; ///< set when the comparison holds a sweep
};

/// A scenario's plan, or why it has none.
struct ScenarioPlan {
  std::string name;
  std::optional<double> sweep_value;
  const Input* input = nullptr;   ///< the scenario's input
  std::optional<Plan> plan;       ///< empty when infeasible
  std::string infeasible_pointer; ///< when no plan
  std::string infeasible_reason;  ///< when no plan
};

/// The figures of one plan, with the money limit of its input's policy.
[[nodiscard]] CompareTotals totals_of(const Plan& plan, const Input& input);

/// Decisions that differ between two plans, in the order of the base input's clients, then the
/// scenario's new clients.
[[nodiscard]] std::vector<DecisionFlip> decision_flips(const Plan& base, const Input& base_input,
                                                       const Plan& scenario,
                                                       const Input& scenario_input);

/// Base trips (in plan order) whose exact client set (and traveller) is no trip of the scenario
/// plan while the scenario still visits some of their clients.
[[nodiscard]] std::vector<TripChange> trip_changes(const Plan& base, const Plan& scenario);

/// One scenario set against the base plan, as compare() does for each of its scenarios: a caller
/// that compares each scenario as soon as it is planned can let its plan and input go at once.
[[nodiscard]] ScenarioComparison compare_scenario(const Plan& base_plan, const Input& base_input,
                                                  const ScenarioPlan& scenario);

/// Builds the comparison of every scenario against the base plan.
[[nodiscard]] Comparison compare(const std::string& base_name, const Input& base_input,
                                 const Plan& base_plan, const std::vector<ScenarioPlan>& scenarios,
                                 std::optional<std::string> sweep_pointer);

/// The note every renderer gives a plan the time limit cut short.
inline constexpr const char* kTimeLimitNote =
    "cut by the time limit (time_limit_s): the best plan found by then, not a converged result; "
    "raise time_limit_s or lower policy.effort";

/// "visit", "remote" or "absent".
[[nodiscard]] const char* state_name(ClientState s);

/// A plain-text report for a terminal: totals with deltas, flips, trip changes, sweep curve.
[[nodiscard]] std::string comparison_table(const Comparison& c);

/// The same report as GitHub-flavoured Markdown (cells escaped).
[[nodiscard]] std::string comparison_markdown(const Comparison& c);

/// A self-contained HTML page (inline CSS, no script, every text escaped); with a sweep it holds
/// an SVG line chart of net value, trip cost and CO2 against the swept value.
[[nodiscard]] std::string comparison_html(const Comparison& c);

/// The SVG line chart of a sweep (title, desc, one polyline per series with one point per
/// feasible scenario), or "" when the comparison holds no sweep.
[[nodiscard]] std::string sweep_chart_svg(const Comparison& c);

} // namespace flyorcall::report
