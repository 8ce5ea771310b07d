// Hotel nights and per diems of the embedded tables: the US government's lodging and M&IE rates
// per city and season (data/lodging.csv) and the German BMF per diems (data/allowances_bmf.csv).
#pragma once

#include <map>
#include <string>
#include <string_view>
#include <vector>

#include "flyorcall/model.hpp"

namespace flyorcall::network {

/// One season of a city's US-table rates: an inclusive month-day range, which may wrap past the
/// end of the year (11-01..04-30).
struct LodgingSeason {
  unsigned first = 101;   ///< first day, as month x 100 + day
  unsigned last = 1231;   ///< last day, as month x 100 + day
  double lodging_usd = 0; ///< maximum lodging, the market hotel night
  double mie_usd = 0;     ///< meals and incidental expenses of a full day
  std::string table;      ///< us-state, us-gsa or us-dod
};

/// The embedded rates of one city.
struct CityRates {
  std::vector<LodgingSeason> seasons; ///< cover every day of the year once
  double bmf_full_eur = 0;            ///< BMF per diem, 24 hours away
  double bmf_partial_eur = 0;         ///< BMF per diem, arrival or departure day
};

/// Parses lodging.csv and allowances_bmf.csv (formats in data/README.md) into rates per city code;
/// throws Error(ErrorCode::internal) naming file and line of a malformed row, or a city whose
/// seasons do not cover the year exactly once.
[[nodiscard]] std::map<std::string, CityRates, std::less<>>
parse_rates(std::string_view lodging_csv, std::string_view bmf_csv);

/// The embedded rates (parsed once, thread-safe).
[[nodiscard]] const std::map<std::string, CityRates, std::less<>>& default_rates();

/// The season of `rates` that holds a date.
[[nodiscard]] const LodgingSeason& season_on(const CityRates& rates, Date day);

/// The table and year behind hotel nights, per diems of a table, for reports.
[[nodiscard]] std::string lodging_source();
[[nodiscard]] std::string allowance_source(AllowanceTable table);

} // namespace flyorcall::network
