// How flyorcall shows problems and text to people and programs (formats: docs/errors.md).
#pragma once

#include <string>
#include <string_view>
#include <vector>

#include "flyorcall/errors.hpp"

namespace flyorcall {

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

/// Text for a terminal: control characters other than line feed and tab, and invisible format
/// characters, written as \u00XX / \u202e; bytes that are not UTF-8 as \xNN.
[[nodiscard]] std::string terminal_text(std::string_view s);

} // namespace flyorcall
