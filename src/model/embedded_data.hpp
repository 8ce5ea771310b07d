// Data files compiled into the library by cmake/EmbedData.cmake.
#pragma once

#include <string_view>

namespace flyorcall::data {
extern const std::string_view cities_csv;    ///< data/cities.csv
extern const std::string_view countries_csv; ///< data/countries.csv
extern const std::string_view fx_csv;        ///< data/fx.csv
extern const std::string_view default_json;  ///< data/examples/default.json
} // namespace flyorcall::data
