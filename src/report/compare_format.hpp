// Formatting helpers shared by the comparison renderers (src/report/compare*.cpp).
#pragma once

#include <string>
#include <string_view>
#include <vector>

#include "flyorcall/units.hpp"
#include "report/compare.hpp"

namespace flyorcall::report {

/// 1234567 cents -> "12,345.67".
[[nodiscard]] std::string amount(Money m);
/// "+12.50", "-3.00" or "0.00".
[[nodiscard]] std::string signed_amount(Money m);
/// "+2", "-1" or "0".
[[nodiscard]] std::string signed_count(int n);
/// Grams as kilograms with one decimal, grouped: "23,178.4".
[[nodiscard]] std::string kilograms(GramsCo2 g);
/// "+12.5", "-3.0" or "0.0" kilograms.
[[nodiscard]] std::string signed_kilograms(GramsCo2 g);
/// A swept value, shortest form that reads back the same (200, 0.25).
[[nodiscard]] std::string number(double v);
/// Control characters as \u00XX so that no text drives a terminal.
[[nodiscard]] std::string printable(std::string_view s);
/// Text for a Markdown table cell or line: punctuation backslash-escaped, no line breaks.
[[nodiscard]] std::string markdown_escape(std::string_view s);
/// Text for HTML element content or a quoted attribute: & < > " ' as entities, controls dropped.
[[nodiscard]] std::string html_escape(std::string_view s);

/// Rows (header first) of the totals table, plain text cells.
[[nodiscard]] std::vector<std::vector<std::string>> totals_rows(const Comparison& c);
/// Rows (header first) of the cost-by-category table.
[[nodiscard]] std::vector<std::vector<std::string>> category_rows(const Comparison& c);
/// Rows (header first) of the sweep table.
[[nodiscard]] std::vector<std::vector<std::string>> sweep_rows(const Comparison& c);
/// "visit (T3) -> remote".
[[nodiscard]] std::string describe_flip(const DecisionFlip& f);
/// "T2 {a, b} -> T3 {a, c}" or "T2 {a} -> no trip".
[[nodiscard]] std::string describe_trip_change(const TripChange& t);

/// A JSON Pointer as people read it: "/policy/budget/money" -> "budget.money",
/// "/clients/3/visit_value" -> "clients[3].visit_value" (the policy's keys by their own names).
[[nodiscard]] std::string readable_pointer(std::string_view pointer);

/// A scenario's name as people read it: "/policy/carbon_price_per_t=150" ->
/// "carbon_price_per_t = 150"; several --set texts joined by commas; a file's name unchanged.
[[nodiscard]] std::string readable_scenario_name(std::string_view name);

} // namespace flyorcall::report
