// Cost of keeping a client remote for the horizon: meeting time of everyone in the calls plus an
// off-hours penalty evaluated on the real dates with the tz database (docs/model.md).
#pragma once

#include <array>
#include <map>
#include <optional>
#include <string>
#include <tuple>
#include <vector>

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

/// Best weekly slots already found in one planning run. A slot depends only on the two cities
/// (their zones and business calendars), both sides' working hours and the meeting length, so
/// clients in one city called by travellers from one office share it. Not thread-safe: one cache
/// per planning run, and only for calendars that are a function of the city and the person's
/// working hours (as the planners' are: country holidays plus the input's events at the city or
/// country, and a client's own week when its hours name weekdays).
class SlotCache {
public:
  /// The slot stored under this key, computing it with `compute` the first time.
  template <class Compute>
  const std::optional<timez::WeeklySlot>& get(const std::string& home, const WorkingHours& own,
                                              const std::string& city, const WorkingHours& their,
                                              int length, Compute&& compute) {
    Key key{home, flat(own), city, flat(their), length};
    if (const auto it = slots_.find(key); it != slots_.end()) return it->second;
    return slots_.emplace(std::move(key), compute()).first->second;
  }
  /// Number of distinct slots computed.
  [[nodiscard]] std::size_t size() const { return slots_.size(); }

private:
  using Flat = std::array<int, 15>;
  using Key = std::tuple<std::string, Flat, std::string, Flat, int>;
  static Flat flat(const WorkingHours& h) {
    Flat f{};
    for (std::size_t d = 0; d < 7; ++d) {
      f[2 * d] = h.days[d].start_min;
      f[2 * d + 1] = h.days[d].end_min;
    }
    f[14] = h.days_given ? 1 : 0;
    return f;
  }
  std::map<Key, std::optional<timez::WeeklySlot>> slots_;
};

/// How an off-hours minute weighs by its time of day under `policy` (offhours_weight.far and
/// .night; docs/calls.md, "Scoring").
[[nodiscard]] timez::OffHoursCurve offhours_curve(const Policy& policy);

/// The two parties of the calls between `traveller` (participant 0, the anchor) and `client`,
/// with the policy's weights and off-hours curve.
[[nodiscard]] std::vector<timez::CallParticipant>
call_participants(const Client& client, const Traveller& traveller, const network::Network& net,
                  const Policy& policy, const timez::BusinessCalendar& client_calendar,
                  const timez::BusinessCalendar& traveller_calendar);

/// Prices the remote meetings between `traveller` and `client` held at `slot` (a slot of
/// call_participants; nullopt: no slot, every minute priced as a night minute).
[[nodiscard]] RemoteCost remote_cost_at(const Client& client, const Traveller& traveller,
                                        const Policy& policy,
                                        std::optional<timez::WeeklySlot> slot);

/// Prices the remote meetings between `traveller` and `client` over `horizon`; the calendars give
/// each side's business days (weekends + closed dates). With `slots`, the weekly slot is looked
/// up there first (see SlotCache for when that is valid).
[[nodiscard]] RemoteCost
remote_cost(const Client& client, const Traveller& traveller, const network::Network& net,
            const Policy& policy, DateRange horizon, const timez::BusinessCalendar& client_calendar,
            const timez::BusinessCalendar& traveller_calendar, SlotCache* slots = nullptr);

} // namespace flyorcall::cost
