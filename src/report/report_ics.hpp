// The plan as an iCalendar file (RFC 5545, docs/report_ics.md): flights, hotel stays, client
// visits and each remote client's call series, with VTIMEZONE components built from the tz
// database (date/tz on the system database). Serialised with libical; deterministic: the same plan
// and input give byte-identical output (UIDs and DTSTAMP come from the plan, never the clock).
#pragma once

#include <cstddef>
#include <cstdint>
#include <optional>
#include <string>
#include <utility>
#include <vector>

#include <date/date.h>

#include "flyorcall/model.hpp"
#include "network/network.hpp"
#include "report/report_model.hpp"

namespace flyorcall::report {

/// A remote client's call series, anchored in the traveller's home zone (as the planner chose the
/// slot, docs/model.md §2): the meetings the plan prices, on anchor-local `dates`.
struct CallSeries {
  std::string client;      ///< client id
  std::string client_name; ///< may be empty
  std::string client_city; ///< city code
  std::string traveller;   ///< who runs the calls (the anchor)
  std::string anchor_zone; ///< IANA zone of the traveller's home
  std::string client_zone; ///< IANA zone of the client's city
  date::weekday weekday;   ///< anchor-local weekday
  int anchor_start_min = 0;
  int duration_min = 60;
  int meetings = 0; ///< remote meetings per quarter the plan prices (input `remote_meetings`)
  /// Anchor-local dates of the slot's weekday in every week of the horizon on which both sides do
  /// business (as `calls --weekly` lists them), ascending: the usable weeks.
  std::vector<Date> usable;
  /// Anchor-local dates of the meetings, ascending: the usable weeks spread_meetings picks.
  std::vector<Date> dates;
  /// Client-local start of each meeting, parallel to `dates`.
  std::vector<date::local_seconds> client_starts;
};

/// Which of `usable_weeks` usable weeks hold the `meetings` meetings the plan prices (indices,
/// ascending): every week when meetings >= usable_weeks, else meeting i (from 0) in week
/// floor(i * usable_weeks / meetings), an even spread that starts in the first week.
[[nodiscard]] std::vector<std::size_t> spread_meetings(std::size_t usable_weeks, int meetings);

/// An RFC 5545 encoding of meetings on `dates` (ascending, one weekday, not empty):
/// DTSTART on dates.front(), RRULE:FREQ=WEEKLY;INTERVAL=interval;COUNT=count, then the EXDATEs
/// (generated dates that hold no meeting) and RDATEs (meeting dates the rule does not generate).
/// Of all intervals, the one with the fewest EXDATEs plus RDATEs (ties: the smallest); COUNT ends
/// the rule at its last generated meeting.
struct WeeklyRule {
  int interval = 1;
  int count = 1;
  std::vector<Date> exdates;
  std::vector<Date> rdates;
};
[[nodiscard]] WeeklyRule weekly_rule(const std::vector<Date>& dates);

/// The call series of the plan's remote clients that have a call slot and are priced at least one
/// remote meeting, in the plan's client order, worked out from the input the plan was made from
/// with the planner's own slot search and calendars. Throws InputError when a client, traveller or
/// city of the plan is not in the input, or when the recomputed slot is not the plan's (the plan
/// was made from another input).
[[nodiscard]] std::vector<CallSeries> call_series(const Plan& plan, const Input& input,
                                                  const network::Network& net);

/// The travellers a plan names, in input order when the plan lists per-diem tables (one per
/// input traveller), then any others in order of first appearance.
[[nodiscard]] std::vector<std::string> plan_travellers(const Plan& plan);

/// The report as one iCalendar object. `traveller`, when set, keeps only that traveller's trips
/// and call series (the caller checks the id is known).
[[nodiscard]] std::string report_ics(const Report& r, const std::vector<CallSeries>& calls,
                                     const std::optional<std::string>& traveller);

/// The VTIMEZONE text of `zone` over the years `first_year` to `last_year` (one observance per
/// tz-database transition in those years, plus the one in force on 1 January of `first_year`).
/// Exposed for tests; throws std::invalid_argument for an unknown zone.
[[nodiscard]] std::string vtimezone_text(const std::string& zone, int first_year, int last_year);

} // namespace flyorcall::report
