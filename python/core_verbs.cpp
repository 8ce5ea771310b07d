// flyorcall._core, the verbs beyond validate and plan (docs/python.md): check, report, route,
// network, holidays, calls, compare and batch, each through the library's public call for it.
// Each returns the text the command-line tool prints with --json (python/flyorcall/ parses it),
// or the report itself; the GIL is released while the library works.
#include <cstddef>
#include <optional>
#include <string>
#include <utility>
#include <vector>

#include <pybind11/pybind11.h>
#include <pybind11/stl.h>

#include "core.hpp"
#include "flyorcall/batch.hpp"
#include "flyorcall/calls.hpp"
#include "flyorcall/check.hpp"
#include "flyorcall/compare.hpp"
#include "flyorcall/holidays.hpp"
#include "flyorcall/network.hpp"
#include "flyorcall/report.hpp"
#include "flyorcall/route.hpp"

namespace py = pybind11;
namespace fyc = flyorcall;

namespace {

/// The network of an input document, or the default network in `currency`, for one day or the
/// whole horizon (or year), as `flyorcall route` and `flyorcall network` build it.
fyc::FlightNetwork network_of(const std::optional<std::string>& input_text,
                              const std::string& currency, const std::string& day) {
  fyc::NetworkScope scope;
  scope.day = fyc::parse_network_day(day);
  if (input_text)
    scope.input = fyc::read_input(std::string_view(*input_text));
  else
    scope.defaults = fyc::default_network_input(currency);
  return fyc::build_network(scope);
}

/// (route JSON, exit code) of `flyorcall route ORIGIN DESTINATION --json`.
py::tuple route(const std::string& origin, const std::string& destination, const std::string& cabin,
                std::optional<std::string> input_text, const std::string& currency,
                const std::string& day) {
  std::string json;
  int code = 0;
  {
    py::gil_scoped_release release;
    const fyc::FlightNetwork network = network_of(input_text, currency, day);
    const fyc::RouteResult result = fyc::find_route(network, {origin, destination, cabin});
    json = result.json;
    code = fyc::route_exit_code(result);
  }
  return py::make_tuple(py::str(json), code);
}

/// What `flyorcall network --json` prints.
std::string network(std::optional<std::string> input_text, const std::string& currency,
                    const std::string& day) {
  py::gil_scoped_release release;
  return fyc::network_json(network_of(input_text, currency, day));
}

/// What `flyorcall check INPUT PLAN --json` prints.
std::string check(std::string input_text, std::string plan_json) {
  py::gil_scoped_release release;
  const fyc::Input input = fyc::read_input(std::move(input_text));
  return fyc::check_result_json(fyc::check_input_plan(input, std::move(plan_json)));
}

/// The report of `flyorcall report PLAN [--input INPUT] --format F`: the text of html, md,
/// csv-stacked and ics as str, the xlsx workbook as bytes, csv's tables as {file name: text}.
py::object report(std::string plan_json, std::optional<std::string> input_text, std::string format,
                  std::string currency, std::string traveller) {
  fyc::ReportResult result;
  {
    py::gil_scoped_release release;
    std::optional<fyc::Input> input;
    if (input_text) input = fyc::read_input(std::move(*input_text));
    result = fyc::report_plan(std::move(plan_json), input ? &*input : nullptr,
                              {format, std::move(currency), std::move(traveller)});
  }
  if (format == "xlsx") return py::bytes(result.text);
  if (format == "csv") {
    py::dict files;
    for (const auto& f : result.files) files[py::str(f.name)] = py::str(f.text);
    return files;
  }
  return py::str(result.text);
}

/// What `flyorcall holidays COUNTRY YEAR --json` prints.
std::string holidays(const std::string& country, const std::string& year) {
  py::gil_scoped_release release;
  return fyc::holidays_json(fyc::public_holidays({country, year}));
}

/// What `flyorcall calls ... --json` prints.
std::string calls(std::vector<std::string> participants, std::string from, std::string to,
                  int duration, int grid, bool weekly, bool rotate, int top, int options,
                  std::optional<double> far_weight, std::optional<double> night_weight) {
  fyc::CallsRequest request;
  request.participants = std::move(participants);
  request.from = std::move(from);
  request.to = std::move(to);
  request.duration = duration;
  request.grid = grid;
  request.weekly = weekly;
  request.rotate = rotate;
  request.top = top;
  request.options = options;
  if (far_weight) request.far_weight = *far_weight;
  if (night_weight) request.night_weight = *night_weight;
  py::gil_scoped_release release;
  return fyc::find_call_slots(request).json;
}

/// What `flyorcall compare BASE SCENARIO... --set ... --format json` prints. Scenarios that are
/// bad input raise InputError with every problem, each message naming its scenario as the
/// command line's --error-format json does.
std::string compare(std::string base_text, const std::string& base_name,
                    const std::vector<std::pair<std::string, std::string>>& patches,
                    std::vector<std::string> sets, bool group, std::string sweep,
                    const std::string& method, std::optional<int> effort, unsigned jobs) {
  fyc::CompareRequest request;
  request.base_name = base_name;
  request.base_text = std::move(base_text);
  for (const auto& [name, text] : patches) request.patches.push_back({name, text});
  request.sets = std::move(sets);
  request.group = group;
  request.sweep = std::move(sweep);
  request.method = pyfyc::method_of(method);
  request.effort = effort;
  request.jobs = jobs;
  request.format = "json";
  fyc::CompareResult result;
  {
    py::gil_scoped_release release;
    std::string error_source;
    result = fyc::compare_scenarios(request, error_source);
  }
  if (!result.rejected.empty()) {
    std::vector<fyc::Problem> all;
    for (const auto& s : result.rejected)
      for (const auto& p : s.problems)
        all.push_back({p.pointer, "scenario \"" + s.scenario + "\": " + p.message});
    throw fyc::InputError(std::move(all));
  }
  return result.text;
}

fyc::BatchOptions batch_options(const std::string& method, std::optional<int> effort,
                                unsigned jobs) {
  fyc::BatchOptions options;
  options.method = pyfyc::method_of(method);
  options.effort = effort;
  options.jobs = jobs;
  return options;
}

/// The line `flyorcall batch` writes for one input (without its newline) and its exit code.
py::tuple batch_line(std::string text, std::size_t index, std::string source,
                     std::optional<std::size_t> line, const std::string& method,
                     std::optional<int> effort) {
  const fyc::BatchOptions options = batch_options(method, effort, 1);
  fyc::BatchLine result;
  {
    py::gil_scoped_release release;
    const fyc::BatchItem item{std::move(source), line, "", text};
    result = fyc::batch_line(item, index, options);
  }
  return py::make_tuple(py::str(result.text), result.code);
}

/// The documents of a JSON Lines text: (line number, document bytes) for every non-blank line
/// (bytes: a line that is not UTF-8 becomes that input's error line, not an exception here).
py::list jsonl_documents(const std::string& text) {
  py::list out;
  for (const auto& item : fyc::jsonl_items(text, ""))
    out.append(py::make_tuple(item.line.value_or(0), py::bytes(std::string(item.text))));
  return out;
}

/// `flyorcall batch --jsonl`: (every line, newline included, the batch's exit code).
py::tuple batch_jsonl(const std::string& text, const std::string& source, const std::string& method,
                      std::optional<int> effort, unsigned jobs) {
  const fyc::BatchOptions options = batch_options(method, effort, jobs);
  std::string out;
  int code = 0;
  {
    py::gil_scoped_release release;
    const auto items = fyc::jsonl_items(text, source);
    if (items.empty())
      throw fyc::InputError(std::vector<fyc::Problem>{
          {"", "no input document: the JSON Lines text holds only blank lines"}});
    code = fyc::plan_batch(items, options, [&](std::string_view line) { out += line; });
  }
  return py::make_tuple(py::str(out), code);
}

/// `flyorcall batch INPUT...` of documents given as (source, text): (every line, exit code).
py::tuple batch_documents(const std::vector<std::pair<std::string, std::string>>& documents,
                          const std::string& method, std::optional<int> effort, unsigned jobs) {
  const fyc::BatchOptions options = batch_options(method, effort, jobs);
  std::string out;
  int code = 0;
  {
    py::gil_scoped_release release;
    std::vector<fyc::BatchItem> items;
    for (const auto& [source, text] : documents) items.push_back({source, {}, "", text});
    code = fyc::plan_batch(items, options, [&](std::string_view line) { out += line; });
  }
  return py::make_tuple(py::str(out), code);
}

} // namespace

namespace pyfyc {

void bind_verbs(py::module_& m) {
  m.def("check", &check, py::arg("input_text"), py::arg("plan_json"));
  m.def("report", &report, py::arg("plan_json"), py::arg("input_text"), py::arg("format"),
        py::arg("currency"), py::arg("traveller"));
  m.def("route", &route, py::arg("origin"), py::arg("destination"), py::arg("cabin"),
        py::arg("input_text"), py::arg("currency"), py::arg("day"));
  m.def("network", &network, py::arg("input_text"), py::arg("currency"), py::arg("day"));
  m.def("holidays", &holidays, py::arg("country"), py::arg("year"));
  m.def("calls", &calls, py::arg("participants"), py::arg("start"), py::arg("end"),
        py::arg("duration"), py::arg("grid"), py::arg("weekly"), py::arg("rotate"), py::arg("top"),
        py::arg("options"), py::arg("far_weight"), py::arg("night_weight"));
  m.def("compare", &compare, py::arg("base_text"), py::arg("base_name"), py::arg("patches"),
        py::arg("sets"), py::arg("group"), py::arg("sweep"), py::arg("method"), py::arg("effort"),
        py::arg("jobs"));
  m.def("batch_line", &batch_line, py::arg("text"), py::arg("index"), py::arg("source"),
        py::arg("line"), py::arg("method"), py::arg("effort"));
  m.def("jsonl_documents", &jsonl_documents, py::arg("text"));
  m.def("batch_jsonl", &batch_jsonl, py::arg("text"), py::arg("source"), py::arg("method"),
        py::arg("effort"), py::arg("jobs"));
  m.def("batch_documents", &batch_documents, py::arg("documents"), py::arg("method"),
        py::arg("effort"), py::arg("jobs"));
}

} // namespace pyfyc
