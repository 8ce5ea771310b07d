// The quarterly trip report of a plan (`flyorcall report`, docs/report.md and docs/report_ics.md):
// HTML, Markdown, CSV tables, an Excel workbook or an iCalendar file, as plain text and files.
#pragma once

#include <string>
#include <vector>

#include "flyorcall/errors.hpp"
#include "flyorcall/model.hpp"
#include "flyorcall/plan.hpp"

namespace flyorcall {

/// What report_plan makes.
struct ReportOptions {
  /// "html" (one self-contained page), "md" (CommonMark), "csv" (one file per table, in
  /// ReportResult::files), "csv-stacked" (the tables in one file), "xlsx" (the bytes of an Excel
  /// workbook) or "ics" (the calendar of flights, stays, visits and call series).
  std::string format = "html";
  /// Show every amount in this currency (ISO 4217) at the embedded reference rates; "" keeps the
  /// plan's currency.
  std::string currency;
  /// With "ics": only this traveller's trips and call series; "" is everyone.
  std::string traveller;
};

/// One file of the "csv" format: its name ("trip.csv") and its text.
struct ReportFile {
  std::string name;
  std::string text;
};

/// The report: `text` for every format but "csv", `files` for "csv".
struct ReportResult {
  std::string text;
  std::vector<ReportFile> files;
};

/// The report formats ReportOptions::format accepts, in the order docs/report.md lists them.
[[nodiscard]] const std::vector<std::string>& report_formats();

/// Throws InputError (pointer "") for options that cannot go together whatever the plan: an
/// unknown format, or a traveller without the "ics" format. report_plan checks them too.
void check_report_options(const ReportOptions& options);

/// An InputError of report_plan about the input given with a plan rather than about the plan
/// document: the input's network cannot be built, the input is for another plan, or it has no
/// traveller of that name. Pointers, if any, are into the input.
class ReportInputError : public InputError {
public:
  using InputError::InputError;
};

/// The report of an in-memory plan and the input it was made from.
[[nodiscard]] ReportResult report_plan(const Plan& plan, const Input& input,
                                       const ReportOptions& options = {});

/// The report of a plan document (docs/plan.md) read from disk. `input` is the input the plan was
/// made from, or null: its network places the cities, its events brief trips of plans without
/// briefings, its travellers order the calendar, and the calendar's call series need it. Throws
/// InputError with pointers into the document when it cannot be read, and ReportInputError
/// for a problem of `input` (its network, another plan's label or currency, no such traveller).
[[nodiscard]] ReportResult report_plan(std::string plan_json, const Input* input,
                                       const ReportOptions& options = {});

} // namespace flyorcall
