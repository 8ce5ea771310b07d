// Flight emissions per passenger-km (UK DESNZ 2025 business-travel factors), see docs/model.md.
#pragma once

#include "flyorcall/model.hpp"
#include "flyorcall/units.hpp"

namespace flyorcall::network {

/// Legs shorter than this great-circle distance are short-haul (DESNZ convention).
inline constexpr double kShortHaulMaxKm = 3700.0;
/// DESNZ uplift applied to great-circle distance for routing and stacking.
inline constexpr double kDistanceUplift = 1.08;

/// kg CO2e per passenger-km for a leg of `km` in `cabin`, with or without radiative forcing.
[[nodiscard]] double kg_per_pkm(double km, Cabin cabin, bool radiative_forcing);

/// CO2e of one passenger on a leg of great-circle distance `km` (uplift included).
[[nodiscard]] GramsCo2 leg_co2(double km, Cabin cabin, bool radiative_forcing);

} // namespace flyorcall::network
