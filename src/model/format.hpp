// The one home for writing money, CO2, durations and clock times as text, for every part of
// flyorcall (plans' reasons, the report, the plan and calls writers, the checker, summaries).
#pragma once

#include <cstdint>
#include <string>

#include "flyorcall/units.hpp"

namespace flyorcall::format {

/// Money as a plain decimal, no grouping: "1234.50", "-3.00", "-0.05".
[[nodiscard]] std::string plain_money(Money m);

/// Money as plans word it: "-1234.50 EUR".
[[nodiscard]] std::string money(Money m, const std::string& currency);

/// Sign ("-", or "+" for a positive value with `plus`) and |v| in hundredths (scale 100) or
/// tenths (scale 10), thousands grouped: "12,345.67", "+1,234.5".
[[nodiscard]] std::string grouped_decimal(std::int64_t v, std::uint64_t scale, bool plus = false);

/// Money with thousands grouped: "12,345.67", "-1,000.00".
[[nodiscard]] std::string grouped_money(Money m);

/// CO2 as a plan document keeps it: kilograms rounded to 0.1 (half away from zero), in grams.
[[nodiscard]] GramsCo2 co2_as_written(GramsCo2 g);

/// `x` rounded to 0.1, as a plan document keeps distances and off-hours minutes.
[[nodiscard]] double one_decimal(double x);

/// Grams CO2e as kilograms with one decimal, rounded half away from zero: "23178.4".
[[nodiscard]] std::string plain_kg(GramsCo2 g);

/// CO2e as plans word it: "17754.0 kg CO2e".
[[nodiscard]] std::string kg_co2e(GramsCo2 g);

/// Grams CO2e as kilograms printed with one decimal ("%.1f"): "17.8 kg".
[[nodiscard]] std::string kg_fixed(GramsCo2 g);

/// Minutes after midnight as "07:05".
[[nodiscard]] std::string clock(std::int64_t minutes_of_day);

/// Minutes as "1h05", "-0h30" (block times, time differences).
[[nodiscard]] std::string hours_minutes(std::int64_t minutes);

/// Signed minutes as "+05:30", "-04:00", "+00:00" (a UTC offset or a time difference).
[[nodiscard]] std::string signed_clock(std::int64_t minutes);

} // namespace flyorcall::format
