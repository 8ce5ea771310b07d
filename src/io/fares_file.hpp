// A company's fare table as a CSV file (`--fares FILE`, docs/input.md "Company fares"): one row
// per city pair and cabin, read into the input's network.fares (declared in
// flyorcall/validate.hpp).
#pragma once

#include "flyorcall/model.hpp"
#include "flyorcall/validate.hpp"

namespace flyorcall::io {

using flyorcall::add_fares_csv;

} // namespace flyorcall::io
