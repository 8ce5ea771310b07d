// The stages of one quarter search (plan_search, docs/optimizer.md, "The quarter planner") and
// the state they hand on: construct (every client's remote baseline, the core problem, the
// search or the exact solver), improve (the budgets' shadow prices), re-solve break-evens (each
// client's decision flipped) and explain (the dated trips, each client's decision and reason).
// Private to src/optimize/.
#pragma once

#include <cstddef>
#include <optional>
#include <string>
#include <vector>

#include "cost/remote_cost.hpp"
#include "flyorcall/model.hpp"
#include "flyorcall/plan.hpp"
#include "network/network.hpp"
#include "optimize/decisions.hpp"
#include "optimize/quarter.hpp"
#include "optimize/quarter_exact.hpp"
#include "optimize/route_split.hpp"
#include "optimize/schedule.hpp"

namespace flyorcall::optimize {

/// Routes this short try a client in every place (as core::GeneralSearch does).
inline constexpr std::size_t kAllPlaces = 12;

/// What is fixed about one client before any trip is chosen.
struct ClientBase : RemoteBaseline {
  Money base_value;
  Money remote_value;
  Money remote_left; ///< remote cost of the meetings a visit does not replace
};

/// A client's decision flipped and the quarter re-solved (see resolve_break_evens).
struct Flip {
  bool solved = false;   ///< re-solved before the deadline
  bool feasible = false; ///< some plan keeps every rule with the decision flipped
  double objective = 0;  ///< that plan's core objective
  double uplift = 0;     ///< fair uplift of the client's visit in it (a forced visit)
};

/// Everything the stages of one plan_search share. Built in place and never moved: the pricer
/// and evaluator point into it.
struct SearchRun {
  SearchRun(const Input& in, const network::Network& nw, const QuarterOptions& opt)
      : input(in), net(nw), options(opt), sched(in, nw), n_clients(in.clients.size()),
        n_travellers(in.travellers.size()) {}
  SearchRun(const SearchRun&) = delete;
  SearchRun& operator=(const SearchRun&) = delete;

  const Input& input;
  const network::Network& net;
  const QuarterOptions& options;
  const Scheduler sched;
  const std::size_t n_clients;
  const std::size_t n_travellers;

  // construct
  std::vector<ClientBase> base; ///< per client
  std::size_t uncompared = 0;   ///< clients whose callers the deadline left uncompared
  cost::SlotCache slots;
  QuarterProblem qp;
  std::optional<TripPricer> pricer;
  std::optional<QuarterEvaluator> eval;
  std::optional<QuarterExact> exact;    ///< with options.exact
  std::vector<std::vector<int>> routes; ///< per traveller: core nodes in date order
  std::vector<RouteSplit> exact_splits; ///< the exact solver's dated trips of `routes`
  double exact_objective = 0;
  bool feasible = true;      ///< every must-visit client is visited
  bool cut = false;          ///< the deadline (the safety cap) cut some part of the planning short
  std::vector<char> visited; ///< per client: in `routes`

  // re-solve break-evens
  std::vector<Flip> flips;       ///< per client
  std::size_t marginal_only = 0; ///< clients left to the marginal break-even by the deadline
  double plan_objective = 0;
  std::string marginal_notice; ///< how the break-even values were found, when not the usual way
  bool local = false;          ///< re-solves are local (above kQuarterResolveClients)

  /// Marks the clients of `routes` in `visited`.
  void mark_visited();
};

/// The places in route `r` (core nodes) where the client node `node` is tried: next to its
/// nearest clients and at the route's ends, or everywhere in a short route (as the search).
[[nodiscard]] std::vector<std::size_t> near_places(const SearchRun& run, const std::vector<int>& r,
                                                   int node);

/// The fair uplift of the visit at position k of traveller t's route r (core nodes) split `s`.
[[nodiscard]] double uplift_at(const SearchRun& run, std::size_t t, const std::vector<int>& r,
                               const RouteSplit& s, std::size_t k);

/// Construct: every client's remote baseline and prize, the core problem, the trip pricer and
/// evaluator (with the hops of a large input).
void construct_problem(SearchRun& run);

/// Construct and improve: the routes of the search (from or against the greedy plan, then with
/// each budget's shadow price) or of the exact solver; throws InfeasibleError naming the rule
/// when a must-visit client is left out.
void search_routes(SearchRun& run);

/// Re-solve break-evens: each client's decision flipped and the quarter re-solved (fully, locally
/// or by the exact solver); a re-solve that nets more replaces the plan.
void resolve_break_evens(SearchRun& run);

/// Explain: the plan of `run`'s routes, with every client's decision and reason.
[[nodiscard]] Plan explain_plan(SearchRun& run);

} // namespace flyorcall::optimize
