// The trip report's charts as inline SVG (for the HTML page) and the week grid they share with
// the Markdown and CSV calendars. Every chart has role="img", an aria-label text alternative, a
// <title> and a <desc>; every text from the plan is escaped.
#pragma once

#include <string>
#include <vector>

#include "report/report_model.hpp"

namespace flyorcall::report {

/// One week of the trip calendar.
struct CalendarWeek {
  Date monday; ///< the week's Monday (may precede the horizon)
  std::vector<std::vector<std::string>>
      trips; ///< per traveller (Report::travellers order): trip ids
};

/// The weeks (Monday to Sunday) that cover the report's horizon, with the trips of each
/// traveller that have at least one day away in the week; empty without a horizon.
[[nodiscard]] std::vector<CalendarWeek> calendar_weeks(const Report& r);

/// Travellers × days of the horizon, one bar per trip, a line and date label on each Monday.
[[nodiscard]] std::string calendar_svg(const Report& r);

/// Stacked horizontal bars: each trip's cost by category, with a legend and an axis.
[[nodiscard]] std::string cost_chart_svg(const Report& r);

/// Paired bars per client: visit value and marginal trip cost, with the break-even value marked.
[[nodiscard]] std::string value_chart_svg(const Report& r);

/// Equirectangular map (85°N to 60°S): the world outline, great-circle arcs of every leg (split at
/// the antimeridian), visited cities as dots, remote clients' cities as rings.
[[nodiscard]] std::string map_svg(const Report& r);

} // namespace flyorcall::report
