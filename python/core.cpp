// flyorcall._core: the extension module under the Python package (docs/python.md). It uses the
// library's public API only and speaks text: an input document in, the plan JSON of
// docs/plan.md out. python/flyorcall/ turns that into Python values.
#include <atomic>
#include <optional>
#include <string>
#include <utility>
#include <vector>

#include <pybind11/pybind11.h>
#include <pybind11/stl.h>

#include "core.hpp"
#include "flyorcall/flyorcall.hpp"
#include "flyorcall/limits.hpp"
#include "flyorcall/validate.hpp"

namespace py = pybind11;
namespace fyc = flyorcall;

namespace {

/// How many plans run now with the GIL released, and the most that ever ran at once (a test
/// checks that two Python threads plan at the same time).
std::atomic<int> g_planning{0};
std::atomic<int> g_planning_peak{0};

/// Counts one plan running for as long as it lives.
class PlanningNow {
public:
  PlanningNow() {
    const int now = ++g_planning;
    int peak = g_planning_peak.load();
    while (now > peak && !g_planning_peak.compare_exchange_weak(peak, now)) {
    }
  }
  ~PlanningNow() { --g_planning; }
  PlanningNow(const PlanningNow&) = delete;
  PlanningNow& operator=(const PlanningNow&) = delete;
};

/// The exception class `name` of flyorcall._errors.
py::object error_class(const char* name) {
  return py::module_::import("flyorcall._errors").attr(name);
}

/// Raises the Python exception of a library error: the class of its code (docs/errors.md) with
/// the details the C++ error carries.
void raise_python(const fyc::Error& e) {
  py::object cls;
  py::object instance;
  if (const auto* in = dynamic_cast<const fyc::InputError*>(&e)) {
    py::list problems;
    for (const auto& p : in->problems()) problems.append(py::make_tuple(p.pointer, p.message));
    cls = error_class("InputError");
    instance = cls(e.what(), problems);
  } else if (const auto* inf = dynamic_cast<const fyc::InfeasibleError*>(&e)) {
    cls = error_class("InfeasibleError");
    instance = cls(e.what(), inf->pointer());
  } else if (e.code() == fyc::ErrorCode::time_limit) {
    cls = error_class("TimeLimitError");
    instance = cls(e.what());
  } else {
    cls = error_class("InternalError");
    instance = cls(e.what(), static_cast<int>(e.code()));
  }
  PyErr_SetObject(cls.ptr(), instance.ptr());
}

/// A library date as a Python datetime.date.
py::object python_date(fyc::Date day) {
  const date::year_month_day ymd{day};
  return py::module_::import("datetime")
      .attr("date")(static_cast<int>(ymd.year()), static_cast<unsigned>(ymd.month()),
                    static_cast<unsigned>(ymd.day()));
}

/// What validate reports about a valid input: the same checks as `flyorcall validate` (the
/// document, then its network), every problem raised as one InputError.
py::dict validate(const std::string& text, std::optional<fyc::FaresTable> fares) {
  std::optional<fyc::Input> input;
  {
    py::gil_scoped_release release;
    const fyc::ValidationResult result = fyc::validate_input(std::string_view(text), fares);
    if (!result.valid()) throw fyc::InputError(result.problems);
    input = fyc::read_input_with_fares(std::string_view(text), fares);
  }
  py::dict out;
  out["label"] = input->label;
  out["start"] = python_date(input->horizon.first);
  out["end"] = python_date(input->horizon.last);
  out["currency"] = input->currency;
  out["travellers"] = input->travellers.size();
  out["clients"] = input->clients.size();
  out["events"] = input->events.size();
  return out;
}

/// Reads and plans an input, returning the plan JSON and the terminal summary. The GIL is
/// released for all of it: other Python threads run, and plan, meanwhile.
py::tuple plan(std::string text, const std::string& method_name, std::optional<int> effort,
               std::optional<std::uint64_t> seed, std::optional<double> time_limit_s,
               std::optional<fyc::FaresTable> fares) {
  const fyc::PlanMethod method = pyfyc::method_of(method_name);
  // The arguments' limits are the command line's (--effort, --time-limit): bad usage is an
  // input error (code 2), named after the argument.
  std::vector<fyc::Problem> usage;
  if (effort && (*effort < fyc::limits::kMinEffort || *effort > fyc::limits::kMaxEffort))
    usage.push_back({"", "effort: expected an integer from " +
                             std::to_string(fyc::limits::kMinEffort) + " to " +
                             std::to_string(fyc::limits::kMaxEffort) + ", found " +
                             std::to_string(*effort)});
  // NaN fails both comparisons, so it is refused like any value out of range.
  if (time_limit_s && !(*time_limit_s >= 0.1 && *time_limit_s <= fyc::limits::kMaxTimeLimitSeconds))
    usage.push_back({"", "time_limit_s: expected a number from 0.1 to 3600, found " +
                             py::repr(py::float_(*time_limit_s)).cast<std::string>()});
  if (!usage.empty()) throw fyc::InputError(std::move(usage));
  std::string json;
  std::string summary;
  {
    py::gil_scoped_release release;
    const PlanningNow counted;
    fyc::Input input = fyc::read_input(std::move(text));
    if (fares) fyc::add_fares_csv(input, fares->text, fares->name);
    if (effort) input.policy.effort = *effort;
    if (seed) input.seed = *seed;
    if (time_limit_s) input.time_limit_s = *time_limit_s;
    const fyc::Plan result = fyc::plan_quarter(input, method);
    json = fyc::plan_to_json(result);
    summary = fyc::plan_summary(result, input);
  }
  return py::make_tuple(py::str(json), py::str(summary));
}

} // namespace

namespace pyfyc {

flyorcall::PlanMethod method_of(const std::string& name) {
  if (name == "search") return flyorcall::PlanMethod::search;
  if (name == "greedy") return flyorcall::PlanMethod::greedy;
  if (name == "exact") return flyorcall::PlanMethod::exact;
  throw py::value_error("method must be \"search\", \"greedy\" or \"exact\", not \"" + name + "\"");
}

} // namespace pyfyc

PYBIND11_MODULE(_core, m) {
  m.doc() = "flyorcall's C++ library (use the flyorcall package, not this module)";
  m.attr("version") = fyc::kVersion;
  py::register_exception_translator([](std::exception_ptr p) {
    try {
      if (p) std::rethrow_exception(p);
    } catch (const fyc::Error& e) {
      raise_python(e);
    }
  });
  py::class_<fyc::FaresTable>(m, "FaresTable")
      .def(py::init([](std::string text, std::string name) {
             return fyc::FaresTable{std::move(text), std::move(name)};
           }),
           py::arg("text"), py::arg("name"));
  m.def("validate", &validate, py::arg("text"), py::arg("fares") = std::nullopt,
        "Reads and validates an input document; a dict describing it, or InputError.");
  m.def("plan", &plan, py::arg("text"), py::arg("method"), py::arg("effort"), py::arg("seed"),
        py::arg("time_limit_s"), py::arg("fares") = std::nullopt,
        "Plans an input document: (plan JSON text, summary text).");
  m.def(
      "planning_now", [] { return g_planning.load(); },
      "How many plans are running now (with the GIL released).");
  m.def(
      "planning_peak",
      [](bool reset) {
        return reset ? g_planning_peak.exchange(g_planning.load()) : g_planning_peak.load();
      },
      py::arg("reset") = false,
      "The most plans that ran at the same time since the last reset (reset=True restarts the "
      "count at the plans running now and returns the old peak).");
  pyfyc::bind_verbs(m);
}
