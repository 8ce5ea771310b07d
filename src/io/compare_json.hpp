// JSON forms of a what-if comparison (docs/compare.md) and of batch output lines (docs/batch.md).
#pragma once

#include <cstddef>
#include <optional>
#include <string>
#include <vector>

#include "flyorcall/errors.hpp"
#include "report/compare.hpp"

namespace flyorcall::io {

/// The comparison as JSON text (docs/compare.md), pretty-printed, ending in a newline.
[[nodiscard]] std::string comparison_to_json(const report::Comparison& c);

/// One batch output line for a planned input:
/// {"index","source",["line",]"time_limit_reached","plan"}, compact, no newline. `plan_json` is
/// the text plan_to_json wrote; it is embedded as a compact object. `time_limit_reached`: the
/// time limit cut the plan short (Plan::time_limit_reached; its notes say what it left out).
[[nodiscard]] std::string batch_plan_line(std::size_t index, const std::string& source,
                                          std::optional<std::size_t> line,
                                          const std::string& plan_json, bool time_limit_reached);

/// One batch output line for an input that has no plan: {"index","source",["line",]"error":
/// {"code","error","problems":[{"pointer","message"}]}}, compact, no newline. `kind` is
/// "input", "infeasible" or "internal" (docs/errors.md).
[[nodiscard]] std::string batch_error_line(std::size_t index, const std::string& source,
                                           std::optional<std::size_t> line, int code,
                                           const std::string& kind,
                                           const std::vector<Problem>& problems);

} // namespace flyorcall::io
