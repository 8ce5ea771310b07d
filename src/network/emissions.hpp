// Flight emissions per passenger-km: UK DESNZ 2025 business-travel factors by DESNZ category
// (domestic UK, short-haul and long-haul to/from the UK, international between non-UK countries)
// and cabin, with or without radiative forcing. docs/network.md lists them; the reference table
// data/reference/desnz_2025_air.csv is the published set they are tested against.
#pragma once

#include <array>
#include <cstdint>
#include <string_view>

#include "flyorcall/model.hpp"
#include "flyorcall/units.hpp"

namespace flyorcall::network {

/// DESNZ's flight categories, decided by the countries a flight joins (DESNZ 2025 methodology
/// §8.9-8.11), not by its distance.
enum class FlightCategory : std::uint8_t {
  domestic_uk = 0, ///< both ends in the UK
  short_haul_uk =
      1, ///< the UK and Europe (with Turkey; without Ukraine and Moldova) or North Africa
  long_haul_uk = 2,  ///< the UK and anywhere else
  international = 3, ///< neither end in the UK ("international, to/from non-UK")
};

/// Names of the categories as written in plans and in the reference table, indexed by category.
inline constexpr std::array<std::string_view, 4> kFlightCategoryNames{
    "domestic", "short_haul_uk", "long_haul_uk", "international_non_uk"};

/// The DESNZ category of a flight between two countries (ISO 3166-1 alpha-2).
[[nodiscard]] FlightCategory flight_category(std::string_view from_country,
                                             std::string_view to_country);

/// kg CO2e per passenger-km of a category and cabin, with or without radiative forcing. Where
/// DESNZ publishes no factor for a cabin, the documented stand-in: the domestic average for every
/// domestic cabin, short-haul business for short-haul premium economy and first.
[[nodiscard]] double kg_per_pkm(FlightCategory category, Cabin cabin, bool radiative_forcing);

/// The published factor a category and cabin is priced with, when DESNZ publishes one: the
/// average-passenger row for `average`, else the cabin's row (nullopt when there is none).
[[nodiscard]] std::optional<double>
published_factor(FlightCategory category, std::optional<Cabin> cabin, bool radiative_forcing);

/// CO2e of one passenger on a leg of great-circle distance `km`: km x factor. DESNZ's factors
/// already include its 8 % distance uplift, so the distance is not uplifted again.
[[nodiscard]] GramsCo2 leg_co2(double km, FlightCategory category, Cabin cabin,
                               bool radiative_forcing);

} // namespace flyorcall::network
