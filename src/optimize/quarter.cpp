// The quarter search (docs/optimizer.md, "The quarter planner"): its counted limits by effort and
// plan_search, which runs the stages of quarter_run.hpp in turn: construct and improve
// (quarter_construct.cpp), re-solve break-evens (quarter_resolve.cpp) and explain
// (quarter_explain.cpp).
#include "optimize/quarter.hpp"

#include <algorithm>
#include <array>
#include <cmath>

#include "flyorcall/limits.hpp"
#include "optimize/plan_head.hpp"
#include "optimize/quarter_run.hpp"

namespace flyorcall::optimize {

namespace {

// The search's counted work by effort level (index effort - 1, docs/optimizer.md, "Effort"):
// perturbation rounds without a better plan on inputs of up to kQuarterSmallClients clients and
// on larger ones (0: the first local optimum), and the factor on the route evaluations below.
constexpr std::array<long long, 5> kSmallRounds = {5, 15, 50, 150, 500};
constexpr std::array<long long, 5> kLargeRounds = {0, 0, 0, 3, 10};
constexpr std::array<double, 5> kEffortFactor = {0.1, 0.3, 1, 3, 10};
// Route evaluations of a search at effort 3: a base and a share per client.
constexpr std::size_t kBaseEvaluations = 200'000;
constexpr std::size_t kEvaluationsPerClient = 4'000;
// Route evaluations of one break-even re-solve's descent at effort 3, per client of the input.
constexpr std::size_t kResolveEvaluationsPerClient = 400;

std::size_t effort_index(int effort) {
  return static_cast<std::size_t>(std::clamp(effort, limits::kMinEffort, limits::kMaxEffort) - 1);
}

} // namespace

double effort_factor(int effort) {
  return kEffortFactor[effort_index(effort)];
}

core::SearchLimits search_limits(const QuarterOptions& options, std::size_t clients) {
  const std::size_t e = effort_index(options.effort);
  core::SearchLimits l;
  l.seed = options.seed;
  l.deadline = options.deadline;
  l.stagnation = options.stagnation >= 0           ? options.stagnation
                 : clients <= kQuarterSmallClients ? kSmallRounds[e]
                                                   : kLargeRounds[e];
  l.max_evaluations = std::llround(
      kEffortFactor[e] * static_cast<double>(kBaseEvaluations + kEvaluationsPerClient * clients));
  return l;
}

core::SearchLimits resolve_limits(const QuarterOptions& options, std::size_t clients) {
  core::SearchLimits l;
  l.seed = options.seed;
  l.deadline = options.deadline;
  l.stagnation = 0;
  l.move_window = kMaxStopsPerTrip;
  l.max_evaluations = std::llround(effort_factor(options.effort) *
                                   static_cast<double>(kResolveEvaluationsPerClient * clients));
  return l;
}

std::string local_break_even_note(std::size_t limit) {
  return "break-even values come from re-planning each client locally (its traveller's trips "
         "re-split and re-dated with the client taken out or put in, and the nearest clients "
         "left out tried in its place); the whole quarter is re-solved for them on inputs of up "
         "to " +
         std::to_string(limit) + " clients";
}

Plan plan_search(const Input& input, const network::Network& net, const QuarterOptions& options) {
  SearchRun run(input, net, options);
  construct_problem(run);
  search_routes(run);
  resolve_break_evens(run);
  Plan plan = explain_plan(run);
  describe_plan(plan, input, net);
  return plan;
}

} // namespace flyorcall::optimize
