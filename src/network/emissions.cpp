// UK DESNZ 2025 greenhouse-gas conversion factors for business travel by air (kg CO2e per
// passenger-km), with and without the radiative-forcing (RF) uplift. docs/network.md lists them.
#include "network/emissions.hpp"

#include <array>

namespace flyorcall::network {
namespace {

using CabinFactors = std::array<double, kCabinCount>; // indexed by Cabin

// With RF, as published. DESNZ publishes no short-haul premium or first factor; those cabins
// use short-haul business (the closest published seat footprint).
constexpr CabinFactors kShortRf{0.12576, 0.18863, 0.18863, 0.18863};
constexpr CabinFactors kLongRf{0.11704, 0.18726, 0.3394, 0.46814};

// Published without-RF figures; the others are derived below from the published pair.
constexpr double kShortEconomyNoRf = 0.07435;
constexpr double kLongEconomyNoRf = 0.06926;
constexpr double kLongBusinessNoRf = 0.20083;

// RF/no-RF ratio of the published economy pair of each haul; dividing an RF factor by it gives
// the no-RF factor of a cabin without a published one (the ratio is the same for every cabin of
// a haul in DESNZ: long-haul business 0.3394 / 0.20083 equals 0.11704 / 0.06926 to 4 digits).
constexpr double kShortRfRatio = 0.12576 / kShortEconomyNoRf;
constexpr double kLongRfRatio = 0.11704 / kLongEconomyNoRf;

constexpr CabinFactors kShortNoRf{kShortEconomyNoRf, kShortRf[1] / kShortRfRatio,
                                  kShortRf[2] / kShortRfRatio, kShortRf[3] / kShortRfRatio};
constexpr CabinFactors kLongNoRf{kLongEconomyNoRf, kLongRf[1] / kLongRfRatio, kLongBusinessNoRf,
                                 kLongRf[3] / kLongRfRatio};

} // namespace

double kg_per_pkm(double km, Cabin cabin, bool radiative_forcing) {
  const bool short_haul = km < kShortHaulMaxKm;
  const auto& table = short_haul ? (radiative_forcing ? kShortRf : kShortNoRf)
                                 : (radiative_forcing ? kLongRf : kLongNoRf);
  return table[static_cast<std::size_t>(cabin)];
}

GramsCo2 leg_co2(double km, Cabin cabin, bool radiative_forcing) {
  // The haul is chosen on the great-circle distance; the uplift only scales the distance flown.
  return co2_from_kg(km * kDistanceUplift * kg_per_pkm(km, cabin, radiative_forcing));
}

} // namespace flyorcall::network
