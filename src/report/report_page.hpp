// What the HTML and Markdown reports show of a large plan (docs/report.md, "Size"): a page is
// read by people, so it shows the first trips, rows and list items up to these counts, cuts long
// texts, and says what it left out; the CSV report and the plan JSON hold everything. With the
// byte budgets of the renderers this keeps every page under kMaxPageBytes whatever the plan.
#pragma once

#include <cstddef>

#include "report/report_model.hpp"

namespace flyorcall::report {

inline constexpr std::size_t kPageTrips = 300;           ///< trips detailed and charted
inline constexpr std::size_t kPageTripRows = 50;         ///< legs, stays or visits of one trip
inline constexpr std::size_t kPageBriefings = 20;        ///< briefings of one trip
inline constexpr std::size_t kPageBriefingItems = 20;    ///< holidays or events of one briefing
inline constexpr std::size_t kPageNotes = 100;           ///< notes of the plan
inline constexpr std::size_t kPageTravellers = 50;       ///< calendar rows (the input's maximum)
inline constexpr std::size_t kPageTextChars = 200;       ///< characters of any one text
inline constexpr std::size_t kPageTableBytes = 2u << 20; ///< rows of one page table, then a note
inline constexpr std::size_t kPageTripsBytes = 8u << 20; ///< the trips section, then a note
/// Largest HTML or Markdown report of any plan the reader accepts (docs/report.md, "Size").
inline constexpr std::size_t kMaxPageBytes = 32u << 20;

inline constexpr std::size_t kChartTrips = 100;       ///< trips in the calendar, cost chart and map
inline constexpr std::size_t kChartClients = 300;     ///< clients in the value chart
inline constexpr std::size_t kChartTextChars = 400;   ///< characters of a chart label or tooltip
inline constexpr std::size_t kChartDescChars = 20000; ///< characters of a chart's description

/// Most events a briefing the report derives from the input lists; the rest are counted.
inline constexpr std::size_t kMaxDerivedEvents = 50;
/// Most events all derived briefings of a report list together (each with its title and note cut
/// after kPageTextChars characters): 10 000 events of one country would otherwise be copied into
/// every stay there.
inline constexpr std::size_t kMaxDerivedEventsTotal = 100000;

/// The part of `r` a page shows: at most the counts above, texts cut after kPageTextChars
/// characters ("…"), what was left out counted in the `*_not_shown` fields. Totals, budgets and
/// the clients list (at most 2 000, the reader's limit) are kept whole.
[[nodiscard]] Report page_view(const Report& r);

/// What the charts of a page draw: the first kChartTrips trips and kChartClients clients of a
/// page view.
[[nodiscard]] Report chart_view(const Report& page);

} // namespace flyorcall::report
