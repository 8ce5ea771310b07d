// The first planner: one dedicated round trip per visited client, chosen greedily by how much
// more a visit nets than staying remote (docs/plan.md). Also the decision economics the later
// optimizer reuses.
#pragma once

#include <optional>
#include <string>

#include <date/tz.h>

#include "flyorcall/model.hpp"
#include "flyorcall/plan.hpp"
#include "network/network.hpp"
#include "time/calls.hpp"

namespace flyorcall::optimize {

/// Visiting a client on one trip compared with keeping it remote for the whole horizon.
struct VisitEconomics {
  Money value;        ///< visit value including a fair's uplift
  Money remote_value; ///< what remote meetings deliver instead
  Money remote_cost;  ///< remote cost of the whole horizon
  Money remote_left;  ///< remote cost of the meetings a visit does not replace
  Money trip_cost;    ///< cost the visit adds
  Money advantage;    ///< (value - trip_cost - remote_left) - (remote_value - remote_cost)
  /// Visit value, in the terms of `value` (fair included), where advantage is 0; none if no
  /// value flips the decision.
  std::optional<Money> break_even;
};

/// The economics of a visit of `client` with base value `base_value`, uplifted by `uplift` (a
/// fair), whose trip costs `trip_cost`, against remote meetings worth `remote_value` and costing
/// `remote_cost` over the horizon.
[[nodiscard]] VisitEconomics visit_economics(const Client& client, const Policy& policy,
                                             Money base_value, double uplift, Money remote_value,
                                             Money remote_cost, Money trip_cost);

/// The largest value_uplift of a `fair` event at the client's city or in `country` (the
/// client's country) whose dates contain the visit's first day; 0 when none (fairs never
/// stack).
[[nodiscard]] double fair_uplift(const Input& input, const Client& client,
                                 const std::string& country, const Visit& visit);

/// A weekly slot as the plan reports it: participant 0 is the traveller, participant 1 the
/// client; shifts list the client-local dates where the client's local start moves (DST).
[[nodiscard]] CallSlotSummary call_slot_summary(const timez::WeeklySlot& slot,
                                                const date::time_zone* client_zone);

/// The greedy dedicated-round-trip plan of `input` on `net` (see plan_quarter).
[[nodiscard]] Plan plan_greedy(const Input& input, const network::Network& net);

} // namespace flyorcall::optimize
