// The general routing problem the optimizer core solves: which nodes to serve, by which vehicle,
// in which order, under time windows, route limits and global budgets. It works on matrices only
// (Eigen); the planner and the benchmark runners map their own data onto it.
#pragma once

#include <limits>
#include <span>
#include <string>
#include <vector>

#include <Eigen/Core>

namespace flyorcall::optimize::core {

/// Infinity, the "no limit" value of every bound below.
inline constexpr double kNoLimit = std::numeric_limits<double>::infinity();
/// Slack allowed on every time and budget comparison (absorbs floating-point error).
inline constexpr double kTolerance = 1e-7;

/// A period in which a whole service must take place: it starts at or after `open` and ends at
/// or before `close` (same unit as the travel-time matrix).
struct TimeWindow {
  double open = 0;         ///< earliest service start
  double close = kNoLimit; ///< latest service end
};

/// A location of the matrices. Locations used as a vehicle's start or end are depots, never
/// visited; every other location is a candidate the solver may serve.
struct Node {
  double prize = 0;                ///< gained when served
  double service = 0;              ///< time spent at the node when served
  std::vector<TimeWindow> windows; ///< sorted, disjoint; empty = any time
  bool mandatory = false;          ///< must be served (else the solution is infeasible)
  std::vector<int> vehicles;       ///< vehicles allowed to serve it; empty = all
};

/// One route: from `start` to `end` (may be equal), departing at `earliest_start`.
struct Vehicle {
  int start = 0;                  ///< location index where the route begins
  int end = 0;                    ///< location index where the route ends
  double earliest_start = 0;      ///< departure time from `start`
  double latest_end = kNoLimit;   ///< arrival at `end` no later than this
  double max_duration = kNoLimit; ///< arrival at `end` minus `earliest_start`, at most this
};

/// Limits summed over all routes.
struct Budgets {
  double max_total_cost = kNoLimit;     ///< sum of route travel costs
  double max_total_duration = kNoLimit; ///< sum of route durations
  double max_total_load = kNoLimit;     ///< sum of route loads (a third resource, e.g. CO2)
  double max_total_cash = kNoLimit;     ///< sum of route cash (a fourth, e.g. the cash spend)
  /// Whether totals of `cost`, `duration`, `load` and `cash` keep every budget (within
  /// kTolerance).
  [[nodiscard]] bool hold(double cost, double duration, double load, double cash) const {
    return cost <= max_total_cost + kTolerance && duration <= max_total_duration + kTolerance &&
           load <= max_total_load + kTolerance && cash <= max_total_cash + kTolerance;
  }
  /// Whether any budget is set.
  [[nodiscard]] bool any() const {
    return max_total_cost < kNoLimit || max_total_duration < kNoLimit ||
           max_total_load < kNoLimit || max_total_cash < kNoLimit;
  }
};

/// The problem: maximise sum of served prizes + route bonuses − cost_weight × sum of route travel
/// costs, subject to windows, mandatory nodes, vehicle limits and budgets. (Routes priced by the
/// matrix evaluator have no bonus, no load and no cash; a custom evaluator may add them.)
struct RoutingProblem {
  std::vector<Node> nodes;       ///< one per location (matrix row)
  Eigen::MatrixXd travel_time;   ///< travel_time(i, j): time from i to j
  Eigen::MatrixXd travel_cost;   ///< travel_cost(i, j): cost from i to j (may equal travel_time)
  std::vector<Vehicle> vehicles; ///< one route each, at least one
  Budgets budgets;               ///< limits summed over all routes
  double cost_weight = 0;        ///< prize units per cost unit
  /// Per node, a few candidate nodes near it, nearest first: the general search places a node
  /// only next to these (and at a route's ends) in routes longer than a dozen nodes, and
  /// exchanges only near nodes. Empty (the default): every place and every pair.
  std::vector<std::vector<int>> near;

  /// Number of locations.
  [[nodiscard]] int size() const { return static_cast<int>(nodes.size()); }
  /// True when `node` is some vehicle's start or end.
  [[nodiscard]] bool is_depot(int node) const;
  /// The candidate nodes (non-depots), ascending.
  [[nodiscard]] std::vector<int> candidates() const;
  /// True when `vehicle` may serve `node`.
  [[nodiscard]] bool allowed(int vehicle, int node) const;
  /// "" when the problem is well formed, else what is wrong (sizes, indices, windows).
  [[nodiscard]] std::string check() const;
};

/// A route's evaluation: feasibility (windows, end and duration limits), duration and cost.
struct RouteEval {
  bool feasible = false; ///< windows, latest end and maximum duration all kept
  double duration = 0;   ///< arrival at the end minus the earliest start
  double cost = 0;       ///< sum of travel costs
  double bonus = 0;      ///< prize the route's timing adds on top of its nodes' prizes
  double load = 0;       ///< the route's use of Budgets::max_total_load
  double cash = 0;       ///< the route's use of Budgets::max_total_cash
};

/// The default route pricing: the problem's matrices and windows. Services start as early as
/// possible, each in the first window that can still hold the whole service (waiting allowed).
class MatrixEvaluator {
public:
  /// An evaluator of `problem`'s routes (the problem must outlive it).
  explicit MatrixEvaluator(const RoutingProblem& problem) : p_(&problem) {}
  /// Evaluates the visits of `vehicle` in order (depots excluded).
  [[nodiscard]] RouteEval evaluate(int vehicle, std::span<const int> visits) const {
    const RoutingProblem& p = *p_;
    const Vehicle& v = p.vehicles[static_cast<std::size_t>(vehicle)];
    RouteEval e;
    double t = v.earliest_start;
    int prev = v.start;
    for (int n : visits) {
      t += p.travel_time(prev, n);
      e.cost += p.travel_cost(prev, n);
      const Node& node = p.nodes[static_cast<std::size_t>(n)];
      if (!node.windows.empty()) {
        bool placed = false;
        for (const TimeWindow& w : node.windows) {
          const double begin = t < w.open ? w.open : t;
          if (begin + node.service <= w.close + kTolerance) {
            t = begin;
            placed = true;
            break;
          }
        }
        if (!placed) return e;
      }
      t += node.service;
      prev = n;
    }
    t += p.travel_time(prev, v.end);
    e.cost += p.travel_cost(prev, v.end);
    e.duration = t - v.earliest_start;
    e.feasible = t <= v.latest_end + kTolerance && e.duration <= v.max_duration + kTolerance;
    return e;
  }

private:
  const RoutingProblem* p_;
};

/// One vehicle's route in a solution.
struct Route {
  int vehicle = 0;         ///< index into RoutingProblem::vehicles
  std::vector<int> visits; ///< served nodes in order, depots excluded
  double duration = 0;     ///< arrival at the end minus the earliest start
  double cost = 0;         ///< sum of travel costs
  double prize = 0;        ///< sum of served prizes
  double bonus = 0;        ///< RouteEval::bonus
  double load = 0;         ///< RouteEval::load
  double cash = 0;         ///< RouteEval::cash
};

/// A complete answer: one route per vehicle (in vehicle order) and its totals.
struct Solution {
  std::vector<Route> routes; ///< one per vehicle, in vehicle order (none when infeasible exact)
  double prize = 0;          ///< sum of served prizes
  double cost = 0;           ///< sum of route costs
  double duration = 0;       ///< sum of route durations
  double bonus = 0;          ///< sum of route bonuses
  double load = 0;           ///< sum of route loads
  double cash = 0;           ///< sum of route cash
  double objective = 0;      ///< prize + bonus − cost_weight × cost
  bool feasible = false;     ///< every route feasible, budgets kept, every mandatory node served
  std::vector<int> unserved; ///< candidates not served, ascending
  bool timed_out = false;    ///< the search stopped at its deadline (the result is machine-bound)
  long long evaluations = 0; ///< routes the search priced (its counted work)
};

/// Prices `routes` (one visit list per vehicle) with the problem's matrices and fills a Solution.
[[nodiscard]] Solution make_solution(const RoutingProblem& problem,
                                     const std::vector<std::vector<int>>& routes);

/// Same with a custom evaluator (anything with MatrixEvaluator's `evaluate`).
template <class Evaluator>
[[nodiscard]] Solution make_solution(const RoutingProblem& problem, const Evaluator& eval,
                                     const std::vector<std::vector<int>>& routes) {
  Solution s;
  s.feasible = routes.size() == problem.vehicles.size();
  std::vector<char> served(problem.nodes.size(), 0);
  for (std::size_t v = 0; v < routes.size(); ++v) {
    Route r;
    r.vehicle = static_cast<int>(v);
    r.visits = routes[v];
    const RouteEval e = eval.evaluate(r.vehicle, r.visits);
    s.feasible = s.feasible && e.feasible;
    r.duration = e.duration;
    r.cost = e.cost;
    r.bonus = e.bonus;
    r.load = e.load;
    r.cash = e.cash;
    for (int n : r.visits) {
      if (n < 0 || n >= problem.size() || served[static_cast<std::size_t>(n)] ||
          problem.is_depot(n) || !problem.allowed(r.vehicle, n)) {
        s.feasible = false;
        continue;
      }
      served[static_cast<std::size_t>(n)] = 1;
      r.prize += problem.nodes[static_cast<std::size_t>(n)].prize;
    }
    s.prize += r.prize;
    s.cost += r.cost;
    s.duration += r.duration;
    s.bonus += r.bonus;
    s.load += r.load;
    s.cash += r.cash;
    s.routes.push_back(std::move(r));
  }
  for (int n : problem.candidates()) {
    if (served[static_cast<std::size_t>(n)]) continue;
    s.unserved.push_back(n);
    if (problem.nodes[static_cast<std::size_t>(n)].mandatory) s.feasible = false;
  }
  if (!problem.budgets.hold(s.cost, s.duration, s.load, s.cash)) s.feasible = false;
  s.objective = s.prize + s.bonus - problem.cost_weight * s.cost;
  return s;
}

} // namespace flyorcall::optimize::core
