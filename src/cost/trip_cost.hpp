// Cost of a trip in person: flights, hotel nights, per diem, traveller days door to door,
// jet-lag recovery and CO2 at the carbon price (docs/model.md).
#pragma once

#include "flyorcall/model.hpp"
#include "flyorcall/plan.hpp"
#include "network/network.hpp"

namespace flyorcall::cost {

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

} // namespace flyorcall::cost
