// report_plan: the report verb (flyorcall/report.hpp) on the renderers of src/report.
#include "flyorcall/report.hpp"

#include <algorithm>
#include <optional>
#include <utility>

#include "flyorcall/flyorcall.hpp"
#include "io/plan_reader.hpp"
#include "network/network.hpp"
#include "network/world_data.hpp"
#include "report/report_ics.hpp"
#include "report/trip_report.hpp"

namespace flyorcall {
namespace {

[[noreturn]] void bad_option(const std::string& message) {
  throw InputError(std::vector<Problem>{Problem{"", message}});
}

/// The traveller must be one of the input's (else of the plan's); the message lists them.
void check_traveller(const std::string& id, const Plan& doc, const Input* input) {
  if (id.empty()) return;
  std::vector<std::string> known;
  if (input)
    for (const Traveller& t : input->travellers) known.push_back(t.id);
  else
    known = report::plan_travellers(doc);
  if (std::find(known.begin(), known.end(), id) != known.end()) return;
  std::string list;
  for (const std::string& k : known) list += (list.empty() ? "" : ", ") + k;
  const std::string message = "--traveller \"" + id + "\" is not a traveller of the " +
                              (input ? "input" : "plan") +
                              "; known: " + (list.empty() ? "none" : list);
  if (input) throw ReportInputError(std::vector<Problem>{Problem{"", message}});
  bad_option(message);
}

ReportResult render(Plan doc, const Input* input, const ReportOptions& o) {
  check_report_options(o);
  std::optional<network::Network> net;
  if (input) {
    try {
      net.emplace(network::Network::build(*input));
    } catch (const InputError& e) {
      throw ReportInputError(e.problems());
    }
  }
  std::vector<report::CallSeries> calls;
  if (o.format == "ics") {
    check_traveller(o.traveller, doc, input);
    const bool remote =
        std::any_of(doc.decisions.begin(), doc.decisions.end(),
                    [](const ClientDecision& c) { return !c.visit && c.call_slot; });
    if (remote && !input)
      bad_option("the calendar's call series need the input the plan was made from (the "
                 "travellers' homes, the clients' cities, meeting lengths and calendars): give "
                 "--input INPUT");
    if (input) calls = report::call_series(doc, *input, *net);
  }
  report::Report r;
  if (input) {
    r = report::make_report(std::move(doc), net->cities(), net->countries(), input);
  } else {
    const network::WorldData& world = network::default_world();
    r = report::make_report(std::move(doc), world.cities, world.countries, nullptr);
  }
  report::convert_currency(r, o.currency);
  ReportResult out;
  if (o.format == "csv") {
    for (report::CsvFile& f : report::report_csv_tables(r))
      out.files.push_back(ReportFile{std::move(f.name), std::move(f.text)});
    return out;
  }
  const std::optional<std::string> traveller =
      o.traveller.empty() ? std::nullopt : std::optional<std::string>(o.traveller);
  out.text = o.format == "md"            ? report::report_markdown(r)
             : o.format == "csv-stacked" ? report::report_csv(r)
             : o.format == "ics"         ? report::report_ics(r, calls, traveller)
             : o.format == "xlsx"        ? report::report_xlsx(r)
                                         : report::report_html(r);
  return out;
}

} // namespace

const std::vector<std::string>& report_formats() {
  static const std::vector<std::string> formats{"html", "md", "csv", "csv-stacked", "xlsx", "ics"};
  return formats;
}

void check_report_options(const ReportOptions& options) {
  const auto& formats = report_formats();
  if (std::find(formats.begin(), formats.end(), options.format) == formats.end())
    bad_option("unknown report format \"" + options.format +
               "\": html, md, csv, csv-stacked, xlsx or ics");
  if (!options.traveller.empty() && options.format != "ics")
    bad_option("--traveller applies to --format ics only");
}

ReportResult report_plan(const Plan& plan, const Input& input, const ReportOptions& options) {
  check_report_options(options);
  // make_report reads the plan as its document states it (format::as_written), so the in-memory
  // plan and the same plan read from disk give byte-identical reports.
  return render(plan, &input, options);
}

ReportResult report_plan(std::string plan_json, const Input* input, const ReportOptions& options) {
  check_report_options(options);
  Plan doc = io::read_plan(std::move(plan_json));
  if (input && (input->label != doc.label || input->currency != doc.currency))
    throw ReportInputError(std::vector<Problem>{
        Problem{"", "the plan is for " + doc.label + " in " + doc.currency +
                        " but the input is for " + input->label + " in " + input->currency +
                        ": give the input the plan was made from"}});
  return render(std::move(doc), input, options);
}

} // namespace flyorcall
