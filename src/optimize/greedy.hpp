// The first planner: one dedicated round trip per visited client, chosen greedily by how much
// more a visit nets than staying remote (docs/plan.md).
#pragma once

#include <cstddef>
#include <string>

#include "cost/remote_cost.hpp"
#include "flyorcall/model.hpp"
#include "flyorcall/plan.hpp"
#include "network/network.hpp"
#include "optimize/core/deadline.hpp"
#include "optimize/decisions.hpp"
#include "optimize/schedule.hpp"

namespace flyorcall::optimize {

/// Inputs up to this many clients get each client's break-even from greedy by re-solving;
/// larger ones from the client's own trip (a plan note says so).
inline constexpr std::size_t kGreedyResolveClients = 500;

/// The plan note for a plan whose input has more than `limit` clients, so that no client was
/// re-solved for its break-even.
[[nodiscard]] std::string unresolved_break_even_note(std::size_t limit);

/// The greedy dedicated-round-trip plan of `input` on `net` (see plan_quarter). Once `deadline`
/// passes, clients not yet priced (the least valuable; must-visit clients are priced first and
/// always) are kept remote and the plan's notes say how many.
[[nodiscard]] Plan plan_greedy(const Input& input, const network::Network& net,
                               core::Deadline deadline = {});

/// plan_greedy on the scheduler `sched` of `input` and `net` and the call slots `slots` (shared
/// with a caller that has them). Without `resolve`, break-even values are each client's
/// marginal ones (for a caller that needs the trips only).
[[nodiscard]] Plan plan_greedy(const Input& input, const network::Network& net,
                               const Scheduler& sched, core::Deadline deadline,
                               cost::SlotCache& slots, bool resolve = true);

} // namespace flyorcall::optimize
