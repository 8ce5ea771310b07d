// The one CSV reader of flyorcall: RFC 4180 text (quoted fields, "" for a quote, LF or CRLF) for
// users' files such as a company fare table, and the embedded data files' conventions on top
// (a version line, '#' comments, a fixed header), see data/README.md.
#pragma once

#include <cstddef>
#include <string>
#include <string_view>
#include <variant>
#include <vector>

namespace flyorcall::csv {

/// One record: its fields and the line it starts on (1-based).
struct Record {
  std::size_t line = 0;
  std::vector<std::string> fields;
};

/// Where and why a CSV text is malformed.
struct SyntaxError {
  std::size_t line = 0; ///< 1-based
  std::string what;
};

/// Parses RFC 4180 text: fields separated by ',', a field may be enclosed in '"' (then it may hold
/// ',', '"' written as "" and line breaks), records end at LF or CRLF, the last newline is
/// optional. Empty lines are skipped; with `comments`, so is a line starting with '#'.
[[nodiscard]] std::variant<std::vector<Record>, SyntaxError> parse(std::string_view text,
                                                                   bool comments);

/// An embedded data file read by read_data_table: its data version and rows (header removed).
struct DataTable {
  std::string version; ///< e.g. "2025.1"
  std::vector<Record> rows;
};

/// Reads an embedded data file: line 1 is "# flyorcall-data <version>", lines starting with '#'
/// are comments, the first other line must equal `header`, and every row has as many fields
/// (each trimmed of spaces). A malformed file is a bug of the project: throws
/// Error(ErrorCode::internal) with "file:line: what"; with `name_columns`, a row of the wrong
/// width is reported as "expected 6 fields (<header>), found 5".
[[nodiscard]] DataTable read_data_table(std::string_view text, std::string_view file,
                                        std::string_view header, bool name_columns = false);

/// The text of `field` enclosed in double quotes, for messages ("\"LHR\"").
[[nodiscard]] std::string quoted(std::string_view field);

} // namespace flyorcall::csv
