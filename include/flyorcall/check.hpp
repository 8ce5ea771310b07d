// Checking a plan against its input (`flyorcall check`, docs/check.md): an independent
// re-derivation of dates, rules, costs and totals from the input alone, as plain data.
#pragma once

#include <string>
#include <string_view>
#include <vector>

#include "flyorcall/model.hpp"
#include "flyorcall/plan.hpp"
#include "flyorcall/units.hpp"

namespace flyorcall {

/// One rule a plan breaks, located by a JSON Pointer (RFC 6901) into the plan document.
struct CheckViolation {
  std::string pointer; ///< e.g. "/trips/2/legs/1/fare"; "" is the whole plan
  std::string rule;    ///< the rule's short name, as listed in docs/check.md (e.g. "business days")
  std::string message; ///< what the plan says and what the input and the model require
};

/// What check_input_plan found, with the figures of the plan it checked.
struct CheckResult {
  /// Every violation in plan order (header, trips, clients, totals, budget).
  std::vector<CheckViolation> violations;
  std::string label;    ///< the plan's label
  std::string currency; ///< the plan's currency
  int trips = 0;
  int visits = 0;
  int remote = 0;
  Money net;
  /// True when the plan breaks no rule.
  [[nodiscard]] bool valid() const { return violations.empty(); }
};

/// Checks an in-memory plan against the input it was made from. Money must match to the cent,
/// CO2 to the 0.1 kg the plan document keeps, distances to its 0.1 km — the same check as for
/// the plan written to disk and read back.
[[nodiscard]] CheckResult check_input_plan(const Input& input, const Plan& plan);

/// Checks a plan document (docs/plan.md, as `flyorcall plan -o` writes it) against its input.
/// Throws InputError (pointers into the plan document) when the document cannot be read.
[[nodiscard]] CheckResult check_input_plan(const Input& input, std::string plan_json);

/// True when `json_text` is a plan document (docs/plan.md) by its top-level keys: every plan has
/// "trips" and "totals", which an input never has. Tells a plan from an input without reading it.
[[nodiscard]] bool looks_like_plan(std::string_view json_text);

/// The result as one line of JSON followed by a newline:
/// {"valid":bool,"violations":[{"pointer":…,"rule":…,"message":…}]}.
[[nodiscard]] std::string check_result_json(const CheckResult& result);

/// The result as `flyorcall check` prints it: "valid: <label>, 3 trips, 5 visits, 9 remote, net
/// 1234.56 EUR\n", or one line per violation and their count.
[[nodiscard]] std::string check_result_text(const CheckResult& result);

} // namespace flyorcall
