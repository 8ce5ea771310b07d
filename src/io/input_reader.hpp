// Helpers of the input reader (flyorcall::read_input in flyorcall.hpp) that the command-line tool
// and batch jobs use to report input problems. Formats are documented in docs/errors.md.
#pragma once

#include <string>
#include <string_view>
#include <variant>
#include <vector>

#include "flyorcall/errors.hpp"
#include "flyorcall/model.hpp"

namespace flyorcall::io {

/// The JSON error document {"code":2,"error":"input","problems":[{"pointer","message"}...]},
/// compact, without a trailing newline; other errors use the same shape with their own code and
/// kind (3 "infeasible", 1 "internal"; docs/errors.md).
[[nodiscard]] std::string problems_to_json(const std::vector<Problem>& problems, int code = 2,
                                           std::string_view error = "input");

/// One line per problem, "<source>: <pointer>: <message>\n"; a whole-document problem (pointer
/// "") is printed as "<source>: <message>\n", and an empty source drops "<source>: ". Control
/// characters are printed as \u00XX so that no line can drive a terminal.
[[nodiscard]] std::string format_problems_text(const std::vector<Problem>& problems,
                                               std::string_view source_name);

/// "YYYY-MM-DD" as a date within the years an input may use, or the message why not.
[[nodiscard]] std::variant<Date, std::string> parse_iso_date(const std::string& text);

/// A key escaped as one RFC 6901 reference token ("a/b~c" -> "a~1b~0c").
[[nodiscard]] std::string escape_pointer_token(std::string_view key);

} // namespace flyorcall::io
