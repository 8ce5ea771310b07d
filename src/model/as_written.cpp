// A plan at the precision of its document (docs/plan.md).
#include "model/as_written.hpp"

#include <array>
#include <chrono>

#include <date/date.h>

#include "model/format.hpp"

namespace flyorcall::format {

std::optional<std::pair<GramsCo2, GramsCo2>> co2_parts_as_written(GramsCo2 flights, GramsCo2 hotel,
                                                                  GramsCo2 total) {
  // Less than half of the 100 g step: each part still rounds to itself, and two moves in the
  // same direction make a whole step of the sum.
  constexpr std::array<std::int64_t, 3> kMoves{0, -40, 40};
  for (const std::int64_t f : kMoves)
    for (const std::int64_t h : kMoves) {
      const GramsCo2 fl = flights + GramsCo2(f);
      const GramsCo2 ho = hotel + GramsCo2(h);
      if (fl.count() < 0 || ho.count() < 0) continue;
      if (co2_as_written(fl) == flights && co2_as_written(ho) == hotel &&
          co2_as_written(fl + ho) == total)
        return std::make_pair(fl, ho);
    }
  return std::nullopt;
}

namespace {

Instant to_minute(Instant t) {
  return date::floor<std::chrono::minutes>(t);
}

} // namespace

Plan as_written(Plan plan) {
  for (Trip& t : plan.trips) {
    for (PlannedLeg& l : t.legs) {
      l.depart = to_minute(l.depart);
      l.arrive = to_minute(l.arrive);
      l.km = one_decimal(l.km);
      l.co2 = co2_as_written(l.co2);
    }
    // The written figures are consistent by construction, so the parts always exist.
    const auto parts = co2_parts_as_written(co2_as_written(t.co2_flights),
                                            co2_as_written(t.co2_hotel), co2_as_written(t.co2()));
    if (parts) {
      t.co2_flights = parts->first;
      t.co2_hotel = parts->second;
    }
  }
  for (ClientDecision& d : plan.decisions) {
    // The document states a client's city by its visit only, and no break-even value when none
    // flips the decision.
    d.city.clear();
    for (const Trip& t : plan.trips)
      for (const Visit& v : t.visits)
        if (d.city.empty() && v.client_id == d.client_id) d.city = v.city;
    if (!d.break_even_defined) d.break_even_value = Money{0};
    if (d.call_slot) {
      d.call_slot->traveller_offhours_min = one_decimal(d.call_slot->traveller_offhours_min);
      d.call_slot->client_offhours_min = one_decimal(d.call_slot->client_offhours_min);
    }
  }
  plan.totals.co2 = co2_as_written(plan.totals.co2);
  if (plan.budget) {
    plan.budget->co2 = co2_as_written(plan.budget->co2);
    if (plan.budget->co2_limit) plan.budget->co2_limit = co2_as_written(*plan.budget->co2_limit);
  }
  return plan;
}

} // namespace flyorcall::format
