// check_input_plan: the check verb (flyorcall/check.hpp) on the checker of src/check.
#include "flyorcall/check.hpp"

#include <algorithm>
#include <cstdint>
#include <string>
#include <utility>

#include "check/plan_check.hpp"
#include "flyorcall/flyorcall.hpp"
#include "flyorcall/messages.hpp"
#include "io/json_scan.hpp"
#include "io/plan_reader.hpp"
#include "model/format.hpp"

namespace flyorcall {
namespace {

CheckResult check_document(const Input& input, const Plan& doc) {
  CheckResult r;
  r.violations = check::check_plan(input, doc);
  r.label = doc.label;
  r.currency = doc.currency;
  r.trips = static_cast<int>(doc.trips.size());
  r.visits = doc.totals.visits;
  r.remote = doc.totals.remote;
  r.net = doc.totals.net;
  return r;
}

} // namespace

CheckResult check_input_plan(const Input& input, const Plan& plan) {
  // check_plan checks the plan as its document states it (format::as_written), so that both
  // paths check exactly the same thing.
  return check_document(input, plan);
}

CheckResult check_input_plan(const Input& input, std::string plan_json) {
  return check_document(input, io::read_plan(std::move(plan_json)));
}

bool looks_like_plan(std::string_view json_text) {
  const auto keys = io::top_level_keys(json_text);
  const auto has = [&](std::string_view k) {
    return std::find(keys.begin(), keys.end(), k) != keys.end();
  };
  return has("trips") && has("totals");
}

std::string check_result_json(const CheckResult& result) {
  return check::violations_to_json(result.violations);
}

std::string check_result_text(const CheckResult& r) {
  if (r.valid())
    return "valid: " + r.label + ", " + std::to_string(r.trips) +
           (r.trips == 1 ? " trip, " : " trips, ") + std::to_string(r.visits) +
           (r.visits == 1 ? " visit, " : " visits, ") + std::to_string(r.remote) + " remote, net " +
           format::money(r.net, r.currency) + '\n';
  std::vector<Problem> lines;
  for (const CheckViolation& v : r.violations)
    lines.push_back({v.pointer, v.message + " (" + v.rule + ")"});
  return format_problems_text(lines, "") + std::to_string(r.violations.size()) +
         (r.violations.size() == 1 ? " violation\n" : " violations\n");
}

} // namespace flyorcall
