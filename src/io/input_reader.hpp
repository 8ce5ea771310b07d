// Helpers of the input reader (flyorcall::read_input in flyorcall.hpp) that the command-line tool
// and batch jobs use to report input problems. Formats are documented in docs/errors.md.
#pragma once

#include <string>
#include <string_view>
#include <variant>
#include <vector>

#include "flyorcall/errors.hpp"
#include "flyorcall/messages.hpp"
#include "flyorcall/model.hpp"

namespace flyorcall::io {

using flyorcall::format_problems_text;
using flyorcall::problems_to_json;

/// "YYYY-MM-DD" as a date within the years an input may use, or the message why not.
[[nodiscard]] std::variant<Date, std::string> parse_iso_date(const std::string& text);

/// A key escaped as one RFC 6901 reference token ("a/b~c" -> "a~1b~0c").
[[nodiscard]] std::string escape_pointer_token(std::string_view key);

} // namespace flyorcall::io
