// The quarterly trip report (docs/report.md): a plan document made into one self-contained HTML
// page, a CommonMark document, or one RFC 4180 CSV file. Every renderer is deterministic: the
// same plan gives byte-identical output.
#pragma once

#include <string>
#include <vector>

#include "flyorcall/model.hpp"
#include "report/report_model.hpp"

namespace flyorcall::report {

/// Builds the report data of a plan, as its document states it (format::as_written). `cities` and
/// `countries` place the plan's cities on the map and name the country of each stop (the default
/// world, or the network of the plan's input). When a trip has no briefings, one per stay is
/// derived: the time difference from the leg times, public holidays from the embedded rules, and
/// the events of `input` (may be null). `input` also gives the travellers' order and the city of
/// clients kept remote.
[[nodiscard]] Report make_report(Plan plan, const std::vector<City>& cities,
                                 const std::vector<Country>& countries, const Input* input);

/// Converts every amount of the report into `currency` at the embedded reference rates (each
/// amount, totals included, converted and rounded to the cent on its own) and records the
/// conversion, which every format states. The plan's own currency leaves it unchanged. Throws
/// InputError for a currency without a reference rate.
void convert_currency(Report& r, const std::string& currency);

/// The report as one HTML page: inline CSS and SVG, no script, nothing fetched, print-ready.
[[nodiscard]] std::string report_html(const Report& r);

/// The report as CommonMark: headings, lists and pipe tables, no HTML.
[[nodiscard]] std::string report_markdown(const Report& r);

/// The report's tables stacked in one CSV file (RFC 4180, CRLF): every row starts with its table's
/// name (`--format csv-stacked`).
[[nodiscard]] std::string report_csv(const Report& r);

/// One file of the tidy CSV form: its name ("trip.csv") and its text.
struct CsvFile {
  std::string name;
  std::string text;
};

/// The report's tables as one CSV file each (RFC 4180, CRLF, a header of column names;
/// `--format csv`), in the report's order.
[[nodiscard]] std::vector<CsvFile> report_csv_tables(const Report& r);

/// The report as an Excel workbook (the bytes of an .xlsx file): sheets Summary, Trips, Flights,
/// Stays, Clients, Calls, By traveller, By month and Budget (docs/report.md, "Excel workbook").
[[nodiscard]] std::string report_xlsx(const Report& r);

/// Section ids of the HTML page, in page order; `notes` is present only when the plan has notes.
[[nodiscard]] const std::vector<std::string>& html_section_ids();

} // namespace flyorcall::report
