// Data files compiled into the library by cmake/EmbedData.cmake.
#pragma once

#include <string_view>

namespace flyorcall::data {
extern const std::string_view cities_csv;         ///< data/cities.csv
extern const std::string_view countries_csv;      ///< data/countries.csv
extern const std::string_view fx_csv;             ///< data/fx.csv
extern const std::string_view airports_csv;       ///< data/airports.csv
extern const std::string_view lodging_csv;        ///< data/lodging.csv
extern const std::string_view allowances_bmf_csv; ///< data/allowances_bmf.csv
extern const std::string_view legs_csv;           ///< data/legs.csv
extern const std::string_view carriers_csv;       ///< data/carriers.csv
extern const std::string_view airspace_csv;       ///< data/airspace.csv
extern const std::string_view place_names_csv;    ///< data/place_names.csv
extern const std::string_view default_json;       ///< data/examples/default.json
/// Public-holiday rules (docs/holidays.md), one file per group of countries.
extern const std::string_view holidays_core_csv;     ///< data/holidays_core.csv
extern const std::string_view holidays_europe_csv;   ///< data/holidays_europe.csv
extern const std::string_view holidays_americas_csv; ///< data/holidays_americas.csv
extern const std::string_view holidays_asia_csv;     ///< data/holidays_asia.csv
extern const std::string_view world_outline_csv;     ///< data/world_outline.csv (report map)
} // namespace flyorcall::data
