// The quarterly trip report's data: the plan (flyorcall::Plan, from the planner or read back by
// io::read_plan) plus what the report adds (city places, travellers, derived briefings, what a
// page leaves out). No JSON here; the renderers in src/report/report_*.cpp work on these types.
#pragma once

#include <cstdint>
#include <map>
#include <optional>
#include <string>
#include <vector>

#include <date/date.h>

#include "flyorcall/model.hpp"
#include "flyorcall/plan.hpp"
#include "flyorcall/units.hpp"
#include "model/format.hpp"

namespace flyorcall::report {

/// A wall-clock time in some city's zone (never compared with UTC instants directly).
using LocalTime = date::local_seconds;

/// Where a briefing's content came from.
enum class BriefingSource : std::uint8_t {
  plan,   ///< the plan's own `briefings[]`
  report, ///< derived by the report (the plan has none): leg times, holiday rules, input events
};

/// What the report knows of one briefing beyond the plan: where it came from and what a page
/// left out (events left out are counted in the briefing's own `events_not_listed`).
struct BriefingPage {
  BriefingSource source = BriefingSource::plan;
  std::size_t holidays_not_shown = 0; ///< left out of `holidays` by a page (report_page.hpp)
};

/// What the report knows of one trip beyond the plan: what a page left out, and its briefings'
/// pages (one per briefing of the trip, same order).
struct TripPage {
  std::size_t legs_not_shown = 0; ///< left out by a page (report_page.hpp)
  std::size_t stays_not_shown = 0;
  std::size_t visits_not_shown = 0;
  std::size_t briefings_not_shown = 0;
  std::vector<BriefingPage> briefings;
};

/// The break-even value of a decision, or nothing when no visit value flips it.
[[nodiscard]] inline std::optional<Money> break_even(const ClientDecision& c) {
  return c.break_even_defined ? std::optional<Money>(c.break_even_value) : std::nullopt;
}

/// A trip's CO2 total as its document states it (the exact total, rounded to 0.1 kg).
[[nodiscard]] inline GramsCo2 written_co2(const Trip& t) {
  return format::co2_as_written(t.co2());
}

/// The local departure of a leg in its zone, or nothing when the plan names no zone the tz
/// database knows.
[[nodiscard]] std::optional<LocalTime> depart_local(const PlannedLeg& leg);
/// The local arrival of a leg in its zone (as depart_local).
[[nodiscard]] std::optional<LocalTime> arrive_local(const PlannedLeg& leg);

/// A city the report can place on the map.
struct Place {
  std::string code;
  std::string name;
  std::string country;
  double lat = 0;
  double lon = 0;
};

/// A display currency the report's amounts were converted to (report --currency).
struct CurrencyConversion {
  std::string from;   ///< the plan's currency
  std::string to;     ///< the currency every amount is shown in
  double rate = 1;    ///< units of `to` per unit of `from`
  std::string source; ///< the reference rates and their date
};

/// Everything the renderers need: the plan (as its document states it, format::as_written) plus
/// places, travellers, the calendar's range and what pages leave out.
struct Report {
  Plan plan;
  std::vector<TripPage> trip_pages;    ///< one per trip of `plan`, same order (make_report)
  std::vector<Place> places;           ///< cities of the plan with known coordinates, by code
  std::vector<std::string> travellers; ///< calendar rows: input order, else first appearance
  /// The plan's horizon, else the input's, else the span of the trips; absent for an empty plan.
  std::optional<DateRange> horizon;
  std::vector<std::string> unplaced;                ///< plan city codes without coordinates
  std::map<std::string, std::string> country_names; ///< ISO code -> English name
  bool input_given = false;                         ///< the report was made with the input
  std::size_t trips_not_shown = 0;                  ///< trips a page leaves out (report_page.hpp)
  std::size_t notes_not_shown = 0;                  ///< notes a page leaves out
  std::size_t travellers_not_shown = 0;             ///< calendar rows a page leaves out
  std::optional<CurrencyConversion> conversion;     ///< set when amounts were converted

  /// What the report knows of trip `i` beyond the plan (nothing left out, briefings from the
  /// plan, when `trip_pages` does not cover it).
  [[nodiscard]] const TripPage& trip_page(std::size_t i) const {
    static const TripPage none;
    return i < trip_pages.size() ? trip_pages[i] : none;
  }
  /// What the report knows of briefing `k` of trip `i`.
  [[nodiscard]] BriefingPage briefing_page(std::size_t i, std::size_t k) const {
    const TripPage& t = trip_page(i);
    return k < t.briefings.size() ? t.briefings[k] : BriefingPage{};
  }
};

} // namespace flyorcall::report
