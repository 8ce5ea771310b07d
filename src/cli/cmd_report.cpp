// `flyorcall report PLAN.json`: the quarterly trip report of a plan as HTML, Markdown or CSV
// (docs/report.md), or its calendar as iCalendar (docs/report_ics.md).
#include <algorithm>
#include <filesystem>
#include <memory>
#include <optional>
#include <string>
#include <system_error>
#include <utility>
#include <vector>

#include <unistd.h>

#include "commands.hpp"
#include "flyorcall/files.hpp"
#include "flyorcall/report.hpp"

namespace flyorcall::cli {
namespace {

struct ReportArgs {
  std::string plan;
  std::string input;
  bool example = false;
  std::string format;
  std::string output;
  std::string traveller;
  std::string currency;
};

bool ends_with(const std::string& s, std::string_view tail) {
  if (s.size() < tail.size()) return false;
  for (std::size_t i = 0; i < tail.size(); ++i)
    if (std::tolower(static_cast<unsigned char>(s[s.size() - tail.size() + i])) != tail[i])
      return false;
  return true;
}

/// --format, else the output's extension (a directory: one CSV file per table), else html.
std::string resolve_format(const ReportArgs& a) {
  if (!a.format.empty()) return a.format;
  if (ends_with(a.output, ".md") || ends_with(a.output, ".markdown")) return "md";
  if (ends_with(a.output, ".csv")) return "csv-stacked";
  if (ends_with(a.output, ".ics")) return "ics";
  if (ends_with(a.output, ".xlsx")) return "xlsx";
  std::error_code ec;
  if (!a.output.empty() && (a.output.back() == '/' || std::filesystem::is_directory(a.output, ec)))
    return "csv";
  return "html";
}

/// The tidy CSV form goes into a directory: standard output or an existing non-directory cannot
/// take it.
void check_csv_directory(const std::string& output) {
  if (output.empty() || is_standard_output(output))
    throw bad_input("--format csv writes one file per table: give -o DIRECTORY (or --format "
                    "csv-stacked for the tables stacked in one file on standard output)");
  std::error_code ec;
  if (std::filesystem::exists(output, ec) && !std::filesystem::is_directory(output, ec))
    throw bad_input("--format csv writes one file per table into a directory, but " + output +
                    " is not a directory (--format csv-stacked writes one file)");
}

int run(const ReportArgs& a, const CommonOptions& opt) {
  std::string source = "flyorcall report";
  try {
    if (a.example && !a.plan.empty()) throw bad_input("give a PLAN file or --example, not both");
    if (!a.example && a.plan.empty())
      throw bad_input("no plan: give a PLAN file (written by flyorcall plan -o), '-' for stdin, "
                      "or --example");
    if (a.example && !a.input.empty())
      throw bad_input("--input does not apply to --example (it reports the built-in example)");
    if (a.plan == "-" && a.input == "-")
      throw bad_input("PLAN and --input cannot both be read from stdin");
    check_output_path(a.output, a.plan);
    check_output_path(a.output, a.input);
    const std::string format = resolve_format(a);
    if (format == "csv") check_csv_directory(a.output);
    if (format == "xlsx" && (a.output.empty() || is_standard_output(a.output)) &&
        isatty(STDOUT_FILENO) != 0)
      throw bad_input("--format xlsx writes a binary workbook: give -o FILE.xlsx, or redirect "
                      "standard output to a file");
    const ReportOptions options{format, a.currency, a.traveller};
    check_report_options(options);

    ReportResult report;
    if (a.example) {
      const Input input = load_input("", true, source);
      report = report_plan(plan_quarter(input), input, options);
    } else {
      const std::string plan_source = a.plan == "-" ? "<stdin>" : a.plan;
      source = plan_source;
      std::string plan_text = read_text_file(a.plan);
      std::optional<Input> input;
      if (!a.input.empty()) input = load_input(a.input, false, source);
      const std::string input_source = source;
      source = plan_source;
      try {
        report = report_plan(std::move(plan_text), input ? &*input : nullptr, options);
      } catch (const ReportInputError&) {
        source = input_source; // a problem of the input: its name leads the message
        throw;
      }
    }
    if (format == "csv") {
      std::vector<std::pair<std::string, std::string>> files;
      for (ReportFile& f : report.files) files.emplace_back(std::move(f.name), std::move(f.text));
      write_files_in_directory(a.output, files);
      return 0;
    }
    write_result(a.output, report.text);
    return 0;
  } catch (const Error& e) {
    return report_error(e, source, opt);
  }
}

} // namespace

Command add_report_command(CLI::App& app, CommonOptions& opt) {
  auto args = std::make_shared<ReportArgs>();
  CLI::App* sub = app.add_subcommand(
      "report", "Quarterly trip report of a plan: HTML (self-contained), Markdown or CSV tables; "
                "or its calendar (iCalendar)");
  sub->add_option("PLAN", args->plan,
                  "Plan JSON written by 'flyorcall plan -o' (docs/plan.md); '-' reads stdin");
  sub->add_option("--input", args->input,
                  "The input the plan was made from: its network places the cities, its events "
                  "brief the trips of plans without briefings, its travellers order the calendar");
  sub->add_flag("--example", args->example, "Plan the built-in default example and report it");
  sub->add_option("--format", args->format,
                  "html, md, csv (one file per table into the -o directory), csv-stacked (the "
                  "tables in one file), xlsx (an Excel workbook) or ics (the calendar of flights, "
                  "stays, visits and call series, docs/report_ics.md); default: from -o (.md; "
                  ".csv: stacked; .xlsx; .ics; a directory: csv), else html")
      ->check(CLI::IsMember({"html", "md", "csv", "csv-stacked", "xlsx", "ics"}));
  sub->add_option("--currency", args->currency,
                  "Show every amount in this currency (ISO 4217), converted at the embedded "
                  "reference rates, which the report names with their date");
  sub->add_option("--traveller", args->traveller,
                  "With --format ics: only this traveller's trips and call series");
  add_output_option(sub, args->output,
                    "Write the report to this file (docs/cli.md, Destinations; never over PLAN or "
                    "--input); default or '-': stdout");
  add_error_format(sub, opt);
  return Command{sub, [args, &opt] { return run(*args, opt); }};
}

} // namespace flyorcall::cli
