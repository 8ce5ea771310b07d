// A counting pass over JSON text before any tree is built (nlohmann/json's SAX interface): the
// encoding, NUL bytes, list and object sizes, the number of values and (where the tree builder does
// not already) duplicate keys are checked while parsing, so that a hostile document is refused
// with memory bounded by its own text, never by the tree it would make. Limits: docs/input.md,
// "Limits".
#pragma once

#include <cstddef>
#include <optional>
#include <string>
#include <string_view>
#include <utility>
#include <vector>

#include "flyorcall/errors.hpp"
#include "flyorcall/limits.hpp"

namespace flyorcall::io {

/// What a document may hold; checked by scan_json.
struct JsonLimits {
  /// Arrays with their own maximum, by pointer pattern: "/clients", "/clients/*/availability"
  /// ("*" stands for any array index).
  std::vector<std::pair<std::string, std::size_t>> lists;
  std::size_t other_lists = 100;                      ///< any array not in `lists`
  std::size_t members = limits::kMaxMembers;          ///< members of any one object
  std::size_t values = limits::kMaxValues;            ///< values of the whole document
  std::size_t string_bytes = limits::kMaxStringBytes; ///< any one string or key, as written
  bool duplicate_keys = true;                         ///< report a key given twice in one object
  std::string where = "docs/input.md, Limits";        ///< where the limits are documented
};

/// The limits of an input document, and of a scenario's merge patch (docs/input.md, "Limits").
[[nodiscard]] const JsonLimits& input_limits();

/// The limits of a plan document read by `report` and `check` (docs/plan.md, "Limits").
[[nodiscard]] const JsonLimits& plan_limits();

/// "UTF-16 (little-endian)" etc. when `text` is UTF-16 or UTF-32 (by its byte order mark or, as
/// RFC 4627 describes, by the zero bytes of its first characters), else nothing.
[[nodiscard]] std::optional<std::string> wide_encoding(std::string_view text);

/// Every problem of `text` that must stop it before a tree is built, in the order found: UTF-16 or
/// UTF-32 text, a NUL byte (which the parser would take for the end of the text, ignoring what
/// follows), a string longer than limits.string_bytes (found by a byte pass, before the parser
/// would hold it), lists and objects over their limits (pointer: the list; message "expected at
/// most N items, found M (<where>)"), too many values (pointer ""), and duplicate keys when
/// limits.duplicate_keys. Syntax errors and nesting deeper than limits::kMaxDepth end the scan
/// without a problem: the parser that follows reports them with their line and column, having
/// seen no more than the scan did. Text that is not UTF-8 is left to the caller too.
[[nodiscard]] std::vector<Problem> scan_json(std::string_view text, const JsonLimits& limits);

/// The keys of the top-level object of `text`, in order; empty when it is not an object or holds a
/// string too long to scan. Used to tell what kind of document a file is.
[[nodiscard]] std::vector<std::string> top_level_keys(std::string_view text);

/// Throws InputError with scan_json's problems, if any.
void check_json(std::string_view text, const JsonLimits& limits);

} // namespace flyorcall::io
