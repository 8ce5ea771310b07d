// A company fare table (CSV, docs/input.md "Company fares") handed to the library as text.
#pragma once

#include <string>

#include "flyorcall/model.hpp"

namespace flyorcall {

/// A fare table's text and the name its problems are reported under (its file name).
struct CompanyFares {
  std::string source; ///< e.g. "fares.csv" or "<stdin>"
  std::string csv;    ///< from,to,cabin,amount[,trip,currency,valid_from,valid_to]
};

/// Adds the table's rows to input.network.fares. Throws InputError listing every bad row as
/// "<source>:<line>: column \"<name>\": <what>", and adds nothing then.
void add_company_fares(Input& input, const CompanyFares& fares);

} // namespace flyorcall
