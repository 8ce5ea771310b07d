// The embedded default world data (cities, countries, exchange rates), parsed from data/*.csv
// that the build compiles into the library.
#pragma once

#include <optional>
#include <string>
#include <string_view>
#include <vector>

#include "flyorcall/model.hpp"

namespace flyorcall::network {

/// Default cities, countries and exchange rates; money in euros (the data currency).
struct WorldData {
  std::vector<City> cities;       ///< sorted by code
  std::vector<Country> countries; ///< sorted by code
  std::string version;            ///< data version, e.g. "2025.1"
};

/// One reference exchange rate of the embedded data.
struct FxRate {
  std::string currency; ///< ISO 4217 code
  double per_eur = 0;   ///< units of `currency` per 1 EUR
};

/// Parses the text of cities.csv and countries.csv (formats in docs/network.md); throws
/// Error(ErrorCode::internal) naming file and line for a malformed row.
[[nodiscard]] WorldData parse_world_data(std::string_view cities_csv,
                                         std::string_view countries_csv);

/// Parses the text of fx.csv, sorted by currency; throws Error(ErrorCode::internal) naming the
/// line for a malformed row.
[[nodiscard]] std::vector<FxRate> parse_fx(std::string_view fx_csv);

/// The embedded default data (parsed once, thread-safe). Money fields are in EUR cents.
[[nodiscard]] const WorldData& default_world();

/// Where the embedded reference rates come from and their date, for a page that converts with them.
inline constexpr const char* kFxRatesSource =
    "European Central Bank euro reference rates of 28 February 2025, data/fx.csv";

/// Units of `currency` per 1 EUR from the embedded reference rates; nullopt when unknown.
[[nodiscard]] std::optional<double> eur_rate(std::string_view currency);

/// Every currency code the embedded rates know, sorted.
[[nodiscard]] std::vector<std::string> known_currencies();

} // namespace flyorcall::network
