// Cost of keeping a client remote for the horizon: meeting time of everyone in the calls plus an
// off-hours penalty evaluated on the real dates with the tz database (docs/model.md).
#pragma once

#include <optional>

#include "flyorcall/model.hpp"
#include "network/network.hpp"
#include "time/calendar.hpp"
#include "time/calls.hpp"

namespace flyorcall::cost {

/// Remote cost of one client for the horizon, with the recommended weekly slot.
struct RemoteCost {
  Money meeting_time; ///< (traveller + attendees) x meeting hours x meetings
  Money offhours;     ///< weighted off-hours minutes priced at each party's hourly value
  std::optional<timez::WeeklySlot> slot; ///< nullopt when no common business day exists
  /// meeting_time + offhours.
  [[nodiscard]] Money total() const { return meeting_time + offhours; }
};

/// Prices the remote meetings between `traveller` and `client` over `horizon`; the calendars give
/// each side's business days (weekends + closed dates).
[[nodiscard]] RemoteCost remote_cost(const Client& client, const Traveller& traveller,
                                     const network::Network& net, const Policy& policy,
                                     DateRange horizon,
                                     const timez::BusinessCalendar& client_calendar,
                                     const timez::BusinessCalendar& traveller_calendar);

} // namespace flyorcall::cost
