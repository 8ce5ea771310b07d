// The quarter planner: which clients to visit, grouped into which round trips of which traveller,
// in what order and on which dates, so that value minus cost over the horizon is highest. It maps
// the input onto the optimizer core (one core route per traveller: the chronological sequence of
// every client that traveller visits in the quarter) and prices a route exactly with the trip
// scheduler: the route is split into round trips and each trip dated by a dynamic programme
// over the feasible departure dates (docs/optimizer.md, "The quarter planner").
#pragma once

#include <cstddef>
#include <cstdint>
#include <string>

#include "flyorcall/model.hpp"
#include "flyorcall/plan.hpp"
#include "network/network.hpp"
#include "optimize/core/deadline.hpp"
#include "optimize/quarter_exact.hpp" // the exact solver's limits (QuarterOptions::exact)

namespace flyorcall::optimize {

/// How the quarter planner searches.
struct QuarterOptions {
  std::uint64_t seed = 1;  ///< same seed, same plan (when the deadline does not cut in)
  core::Deadline deadline; ///< safety cap: the search returns its best plan when this passes
  /// The counted work (Policy::effort, 1 to 5): with the seed it decides the plan.
  int effort = 3;
  /// Perturbation rounds without a better plan before stopping; < 0 (the default): from the
  /// effort (search_limits).
  long long stagnation = -1;
  bool exact = false; ///< the best plan by QuarterExact instead (small inputs only)
};

/// The work factor of an effort level: 0.1, 0.3, 1, 3 and 10 for levels 1 to 5, so that the
/// default level 3 is 1 and two levels up is ten times the work.
[[nodiscard]] double effort_factor(int effort);

/// The counted limits of the quarter search on `clients` clients at `options`' effort:
/// perturbation rounds without a better plan (by level) and route evaluations (scaled by
/// effort_factor); the deadline is `options.deadline` (docs/optimizer.md, "Effort").
[[nodiscard]] core::SearchLimits search_limits(const QuarterOptions& options, std::size_t clients);

/// The counted limits of one break-even re-solve's descent (see search_limits).
[[nodiscard]] core::SearchLimits resolve_limits(const QuarterOptions& options, std::size_t clients);

/// Inputs up to this many clients get 50 perturbation rounds by default (see QuarterOptions).
inline constexpr std::size_t kQuarterSmallClients = 12;

/// Inputs above this many clients start the search from the greedy plan (see plan_search).
inline constexpr std::size_t kQuarterSeedClients = 40;

/// Inputs up to this many clients (the default example has 25) get each client's break-even by
/// re-solving the whole quarter with its decision flipped; larger ones by re-planning the client
/// locally (local_break_even_note). The exact solver always re-solves.
inline constexpr std::size_t kQuarterResolveClients = 30;

/// The plan note of a search on more than `limit` clients: its break-even values come from
/// re-planning each client locally.
[[nodiscard]] std::string local_break_even_note(std::size_t limit);

/// The planned quarter of `input` on `net`: multi-client round trips chosen by the core search
/// (or by the exact solver, QuarterExact, with `options.exact`). Above kQuarterSmallClients clients
/// it never nets less than the greedy plan, whose trips it starts from above kQuarterSeedClients.
/// Throws InfeasibleError naming the rule when a must-visit client cannot be visited; with
/// `options.exact`, std::invalid_argument when the input has more than kQuarterExactMaxClients
/// clients and TimeLimitError when `options.deadline` passes before the exact solver is done.
[[nodiscard]] Plan plan_search(const Input& input, const network::Network& net,
                               const QuarterOptions& options);

} // namespace flyorcall::optimize
