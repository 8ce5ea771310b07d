// Text helpers shared by the trip report's renderers (HTML, Markdown, CSV): dates, clock times,
// plain numbers, and the escaping rules of each output format (docs/report.md).
#pragma once

#include <array>
#include <cstdint>
#include <string>
#include <string_view>

#include "flyorcall/model.hpp"
#include "flyorcall/plan.hpp"
#include "flyorcall/units.hpp"
#include "report/report_model.hpp"

namespace flyorcall::report {

/// A trip cost category: its CSV/JSON key, its label and a member pointer into CostBreakdown.
struct CostCategory {
  std::string_view key;   ///< "flights", "per_diem", ... as in the plan JSON
  std::string_view label; ///< "Flights", "Per diem", ...
  Money CostBreakdown::*field;
};

/// The six trip cost categories in the plan's order.
inline constexpr std::array<CostCategory, 6> kCostCategories{{
    {"flights", "Flights", &CostBreakdown::flights},
    {"hotel", "Hotel", &CostBreakdown::hotel},
    {"per_diem", "Per diem", &CostBreakdown::per_diem},
    {"traveller_time", "Traveller time", &CostBreakdown::traveller_time},
    {"jetlag", "Jet lag", &CostBreakdown::jetlag},
    {"carbon", "Carbon price", &CostBreakdown::carbon},
}};

/// "converted from EUR at 1.0411 USD per EUR (<rates and their date>), each amount rounded to
/// the cent", for a report shown in a display currency.
[[nodiscard]] std::string conversion_text(const CurrencyConversion& c);

/// "2027-01-04".
[[nodiscard]] std::string iso_date(Date d);
/// "Mon 2027-01-04".
[[nodiscard]] std::string weekday_date(Date d);
/// "4 Jan": a short label for chart axes.
[[nodiscard]] std::string short_date(Date d);
/// "2027-01-04 07:00".
[[nodiscard]] std::string local_text(LocalTime t);
/// Minutes after midnight as "07:05".
[[nodiscard]] std::string clock_text(int minutes_of_day);
/// Signed minutes as "+05:30", "-04:00", "+00:00".
[[nodiscard]] std::string offset_text(Minutes m);
/// A briefing's time difference: "+07:00 (ahead of home)", "-05:00 (behind home)",
/// "+00:00 (same time as home)".
[[nodiscard]] std::string time_difference_text(Minutes m);
/// Minutes as "1h05" (block times).
[[nodiscard]] std::string duration_text(int minutes);
/// Money as a plain decimal for data files: "1234.50", "-3.00" (no grouping).
[[nodiscard]] std::string plain_money(Money m);
/// Kilograms of CO2e with one decimal, plain: "23178.4".
[[nodiscard]] std::string plain_kg(GramsCo2 g);
/// A real number with one decimal, plain: "304.2".
[[nodiscard]] std::string plain_one_decimal(double v);
/// Used share of a limit as "91%", or "" when there is no positive limit.
[[nodiscard]] std::string percent_text(double used, double limit);
/// The first `max_chars` characters of UTF-8 text, "…" appended when cut.
[[nodiscard]] std::string truncate_text(std::string_view s, std::size_t max_chars);

/// Text for Markdown (a table cell, heading or list item): control characters and line breaks
/// become spaces, leading spaces are dropped, `\ ` * _ [ ] < > | ~ &` are backslash-escaped, and a
/// start that would open a block (`#`, `+`, `-`, `=`, `1.`/`1)`) is escaped too.
[[nodiscard]] std::string md_escape(std::string_view s);

/// One RFC 4180 field: quoted when it holds a comma, quote, CR or LF (quotes doubled). A text
/// cell starting with `=`, `+`, `-`, `@`, tab or CR gets a leading `'` so that spreadsheets do
/// not run it as a formula.
[[nodiscard]] std::string csv_text(std::string_view s);
/// A number field written by the report itself (never neutralised: "-12.50" stays numeric).
[[nodiscard]] std::string csv_number(std::string_view s);

} // namespace flyorcall::report
