// Cost of a trip in person: flights, hotel nights, per diem, traveller days door to door,
// jet-lag recovery and CO2 at the carbon price (docs/model.md).
#pragma once

#include <optional>
#include <vector>

#include <date/tz.h>

#include "flyorcall/model.hpp"
#include "flyorcall/plan.hpp"
#include "network/network.hpp"
#include "time/zones.hpp"

namespace flyorcall::cost {

/// The per-diem table that prices a traveller's days: the policy's, or by the traveller's home
/// country when the policy says "home" (Germany: bmf; elsewhere: us_gsa_state).
[[nodiscard]] AllowanceTable allowance_table(const Traveller& traveller, const Policy& policy,
                                             const network::Network& net);

/// A traveller's time value per hour: cost_per_day / mean working hours of a working day.
[[nodiscard]] Money time_value_per_hour(const Traveller& t);

/// Hotel CO2e for `nights` room-nights in a country (DESNZ 2025 factor, or the documented
/// fallback when the country has none).
[[nodiscard]] GramsCo2 hotel_co2(const network::Network& net, int city, int nights);

/// Carbon cost of an amount of CO2e at a price per tonne.
[[nodiscard]] Money carbon_cost(GramsCo2 co2, Money price_per_tonne);

/// Fills trip.cost, trip.co2_flights and trip.co2_hotel from its legs, stays and dates.
/// Requires legs, stays, depart, back and days_away to be set.
void price_trip(Trip& trip, const network::Network& net, const Traveller& traveller,
                const Policy& policy);

/// The network cities of a trip, for pricing it without reading its city codes.
struct TripPlaces {
  int home = -1;              ///< the traveller's home city
  std::vector<int> leg_to;    ///< per leg, the city it arrives at
  std::vector<int> stay_city; ///< per stay, its city
  /// The tz zone of each network city (indexed by city), e.g. the scheduler's.
  const std::vector<const date::time_zone*>* zones = nullptr;
  /// The conversions of each network city's zone (indexed by city, used where `zones` has a
  /// zone), e.g. the scheduler's: UTC offsets read from them instead of the tz database.
  const std::vector<timez::ZoneClock>* clocks = nullptr;
  /// The traveller's per-diem table when the caller knows it (allowance_table's result).
  std::optional<AllowanceTable> allowances;
};

/// price_trip with the trip's cities given by index in `places` (its legs' and stays' city
/// codes are not read, and may be empty); the same prices as price_trip.
void price_trip(Trip& trip, const network::Network& net, const Traveller& traveller,
                const Policy& policy, const TripPlaces& places);

} // namespace flyorcall::cost
