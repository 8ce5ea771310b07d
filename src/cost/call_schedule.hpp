// The weekly call series of a plan's remote clients, scheduled jointly: no traveller has two
// calls at the same time (docs/model.md, "Call schedule").
#pragma once

#include <cstddef>
#include <vector>

#include "cost/remote_cost.hpp"

namespace flyorcall::cost {

/// One remote client's calls, as priced on their own (at the client's best weekly slot).
struct CallSeries {
  const Client* client = nullptr;
  const Traveller* traveller = nullptr; ///< who runs the calls
  std::size_t traveller_index = 0;      ///< series of one traveller must not overlap
  const timez::BusinessCalendar* client_calendar = nullptr;
  const timez::BusinessCalendar* traveller_calendar = nullptr;
  RemoteCost remote; ///< remote_cost() of the pair: the best slot of the series alone
};

/// A traveller with more remote clients than this is not scheduled jointly (a week of one-hour
/// calls at reasonable hours holds about this many series): each series keeps its own best slot
/// and the plan says so.
inline constexpr std::size_t kMaxJointSeries = 24;

/// The result of schedule_calls.
struct CallSchedule {
  std::vector<RemoteCost> remote;   ///< per series, in the order given
  std::vector<std::size_t> crowded; ///< travellers with more than kMaxJointSeries series
};

/// The remote cost of every series after the joint schedule. When a traveller's best slots
/// overlap, that traveller's series are placed together (timez::assign_series) on their ranked
/// weekly slots, each slot priced by remote_cost_at, and are priced at the slot they get; a
/// series that finds no free slot is priced as having none. Series whose best slots overlap
/// nothing keep them, as do the series of a crowded traveller.
[[nodiscard]] CallSchedule schedule_calls(const std::vector<CallSeries>& series,
                                          const network::Network& net, const Policy& policy,
                                          DateRange horizon);

} // namespace flyorcall::cost
