// Validating an input (`flyorcall validate`, docs/cli.md): every problem of a document with its
// JSON Pointer, as plain data. Also the pieces every verb shares to get an input: the built-in
// example and a company fare table (docs/input.md, "Company fares").
#pragma once

#include <cstddef>
#include <optional>
#include <string>
#include <string_view>
#include <vector>

#include "flyorcall/errors.hpp"
#include "flyorcall/model.hpp"

namespace flyorcall {

/// The built-in default example (data/examples/default.json) as JSON text.
[[nodiscard]] std::string_view default_example_json();

/// Reads an RFC 4180 fare table with the header columns from, to, cabin, amount (required) and
/// trip, currency, valid_from, valid_to (optional; any order) and appends its rows to
/// input.network.fares. Places are read as in an input (city or airport codes, city names) against
/// the input's network. Throws InputError listing every bad row as "<file>:<line>: column
/// \"<name>\": <what>" (pointer ""), and appends nothing then.
void add_fares_csv(Input& input, std::string_view csv_text, std::string_view file_name);

/// A company fare table given with an input (`--fares FILE`).
struct FaresTable {
  std::string text; ///< the CSV text
  std::string name; ///< what its problems call it ("<name>:<line>: ..."), e.g. the file's path
};

/// Reads an input document and adds the fare table's rows when one is given. Throws InputError
/// (the document's problems, else the fare table's).
[[nodiscard]] Input read_input_with_fares(std::string_view json_text,
                                          const std::optional<FaresTable>& fares = std::nullopt);

/// Where the problems validate_input found lie: it checks the document, then the fare table,
/// then what only the network built from both can tell (fares that clash, cities without
/// rates or flights), and stops at the first of these that has problems.
enum class ProblemPlace {
  input,   ///< the input document: pointers into it
  fares,   ///< the fare table: each message names the table and its line
  network, ///< the network of the input and the fare table
};

/// What validate_input found.
struct ValidationResult {
  std::vector<Problem> problems;            ///< every problem, in document order; empty when valid
  ProblemPlace place = ProblemPlace::input; ///< where `problems` are
  // The valid input's figures (set when valid()).
  std::string label;
  std::string currency;
  std::size_t travellers = 0;
  std::size_t clients = 0;
  std::size_t events = 0;
  /// True when the input has no problem.
  [[nodiscard]] bool valid() const { return problems.empty(); }
};

/// Validates an input document (JSON text) with an optional fare table. Input problems are
/// returned, not thrown; other errors (Error) are thrown.
[[nodiscard]] ValidationResult
validate_input(std::string_view json_text, const std::optional<FaresTable>& fares = std::nullopt);
/// The same for text the caller gives away: it is released once the document is parsed, so that
/// the text and the model are never both held (docs/input.md, "Limits").
[[nodiscard]] ValidationResult
validate_input(std::string&& json_text, const std::optional<FaresTable>& fares = std::nullopt);
/// The same for a C string (without it, a string literal would fit both overloads above).
[[nodiscard]] ValidationResult
validate_input(const char* json_text, const std::optional<FaresTable>& fares = std::nullopt);

/// The one-line summary of a valid input, as `flyorcall validate` prints it:
/// "<source>: valid: <label>, 2 travellers, 14 clients, 3 events, currency EUR\n".
[[nodiscard]] std::string validation_summary(const ValidationResult& result,
                                             std::string_view source_name);

} // namespace flyorcall
