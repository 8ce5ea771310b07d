// A company's fare table as a CSV file (`--fares FILE`, docs/input.md "Company fares"): one row
// per city pair and cabin, read into the input's network.fares.
#pragma once

#include <string_view>

#include "flyorcall/model.hpp"

namespace flyorcall::io {

/// Reads an RFC 4180 fare table with the header columns from, to, cabin, amount (required) and
/// trip, currency, valid_from, valid_to (optional; any order) and appends its rows to
/// input.network.fares. Places are read as in an input (city or airport codes, city names) against
/// the input's network. Throws InputError listing every bad row as "<file>:<line>: column
/// \"<name>\": <what>" (pointer ""), and appends nothing then.
void add_fares_csv(Input& input, std::string_view csv_text, std::string_view file_name);

} // namespace flyorcall::io
