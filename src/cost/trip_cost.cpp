#include "cost/trip_cost.hpp"

#include <algorithm>
#include <cmath>
#include <cstdlib>
#include <vector>

#include "cost/jetlag.hpp"
#include "flyorcall/errors.hpp"
#include "time/zones.hpp"

namespace flyorcall::cost {

namespace {

// Median of the eight DESNZ 2025 hotel factors in data/countries.csv (US 16.1, DE 13.2, FR 6.7,
// JP 39, CN 53.5, IN 58.9, SG 24.5, UK 10.4 kg CO2e/room-night): (16.1 + 24.5) / 2.
constexpr double kFallbackHotelKgCo2 = 20.3;

// Hours of the documented default working day (09:00-17:30), used when a traveller has no
// working day at all so that the hourly value stays finite.
constexpr double kDefaultWorkingHours = 8.5;

int city_index(const network::Network& net, const std::string& code) {
  const auto i = net.find(code);
  if (!i) throw Error(ErrorCode::internal, "trip names unknown city \"" + code + "\"");
  return *i;
}

const date::time_zone* zone_of(const network::Network& net, int city) {
  const City& c = net.city(city);
  const auto* zone = timez::find_zone(c.tz);
  if (zone == nullptr)
    throw Error(ErrorCode::input, "city " + c.code + " has unknown time zone \"" + c.tz + "\"");
  return zone;
}

date::sys_seconds local_noon_as_instant(Date d) {
  // Only used when a trip has no legs to time it: noon UTC of the date is the same calendar day
  // in every zone between UTC-12 and UTC+12.
  return date::sys_seconds{d.time_since_epoch()} + std::chrono::hours{12};
}

// Per diem of each calendar day of the trip at the rate of the first stay (in trip order) whose
// dates contain the day, otherwise (overnight flights, travel days) the first destination's. The
// first and last day are arrival and departure days (a one-day trip is one of them).
Money per_diem(const Trip& trip, const network::Network& net, const TripPlaces& places,
               AllowanceTable table) {
  if (trip.days_away <= 0) return Money(0);
  int fallback = -1;
  if (!places.stay_city.empty())
    fallback = places.stay_city.front();
  else if (!places.leg_to.empty())
    fallback = places.leg_to.front();
  else
    return Money(0);

  Money total(0);
  for (int k = 0; k < trip.days_away; ++k) {
    const Date day = trip.depart + date::days{k};
    int city = fallback;
    for (std::size_t s = 0; s < trip.stays.size(); ++s) {
      if (trip.stays[s].arrive <= day && day <= trip.stays[s].depart) {
        city = places.stay_city[s];
        break;
      }
    }
    const bool partial = k == 0 || k == trip.days_away - 1;
    total += net.per_diem(city, table, partial, day);
  }
  return total;
}

const date::time_zone* zone_in(const network::Network& net, const TripPlaces& places, int city) {
  if (places.zones != nullptr) {
    const date::time_zone* z = (*places.zones)[static_cast<std::size_t>(city)];
    if (z != nullptr) return z;
  }
  return zone_of(net, city);
}

// The UTC offset of `city` at `utc`: from the caller's zone clock when it has one for the city
// (the same offset, without asking the tz database).
Minutes offset_in(const network::Network& net, const TripPlaces& places, int city,
                  date::sys_seconds utc) {
  const auto c = static_cast<std::size_t>(city);
  if (places.clocks != nullptr && places.zones != nullptr && (*places.zones)[c] != nullptr) {
    const date::local_seconds local = (*places.clocks)[c].to_local(utc);
    return Minutes(std::chrono::duration_cast<std::chrono::minutes>(local.time_since_epoch() -
                                                                    utc.time_since_epoch())
                       .count());
  }
  return timez::utc_offset(utc, zone_in(net, places, city));
}

// The clock shift the body has to follow: the stay whose UTC offset differs most from home
// (ties: the stay with more nights, then the earlier one), offsets taken at the real instants of
// leaving home and arriving at that stay (the first leg into the stay's city).
double trip_shift_hours(const Trip& trip, const network::Network& net, const TripPlaces& places) {
  if (trip.stays.empty()) return 0.0;
  const date::sys_seconds leave =
      trip.legs.empty() ? local_noon_as_instant(trip.depart) : trip.legs.front().depart;
  const Minutes home_offset = offset_in(net, places, places.home, leave);

  double best = 0.0;
  int best_nights = -1;
  for (std::size_t s = 0; s < trip.stays.size(); ++s) {
    const Stay& stay = trip.stays[s];
    date::sys_seconds arrive = local_noon_as_instant(stay.arrive);
    for (std::size_t l = 0; l < trip.legs.size(); ++l) {
      if (places.leg_to[l] == places.stay_city[s]) {
        arrive = trip.legs[l].arrive;
        break;
      }
    }
    const Minutes offset = offset_in(net, places, places.stay_city[s], arrive);
    const double shift = clock_shift_hours(home_offset, offset);
    if (std::abs(shift) > std::abs(best) ||
        (std::abs(shift) == std::abs(best) && stay.hotel_nights > best_nights)) {
      best = shift;
      best_nights = stay.hotel_nights;
    }
  }
  return best;
}

} // namespace

AllowanceTable allowance_table(const Traveller& traveller, const Policy& policy,
                               const network::Network& net) {
  if (policy.allowances != AllowanceTable::home) return policy.allowances;
  // Germany's BMF table for a German employer; the US government's tables, which cover every
  // city, elsewhere.
  const auto home = net.find(traveller.home);
  return home && net.city(*home).country == "DE" ? AllowanceTable::bmf
                                                 : AllowanceTable::us_gsa_state;
}

Money time_value_per_hour(const Traveller& t) {
  int minutes = 0;
  int days = 0;
  for (const auto& d : t.hours.days) {
    if (!d.working()) continue;
    minutes += d.end_min - d.start_min;
    ++days;
  }
  const double hours = days == 0 ? kDefaultWorkingHours
                                 : static_cast<double>(minutes) / 60.0 / static_cast<double>(days);
  return scale(t.cost_per_day, 1.0 / hours);
}

GramsCo2 hotel_co2(const network::Network& net, int city, int nights) {
  const Country* country = net.country_of(city);
  const double kg_per_night =
      (country != nullptr && country->hotel_kg_co2) ? *country->hotel_kg_co2 : kFallbackHotelKgCo2;
  return co2_from_kg(kg_per_night * nights);
}

Money carbon_cost(GramsCo2 co2, Money price_per_tonne) {
  // Exact in integers; half a cent rounds away from zero. grams x cents overflows int64 long
  // before the result does (10 t at 1e10 per tonne), so with g = q t + r grams and
  // p = a 1e6 + b cents: g p / 1e6 = q p + r a + r b / 1e6, where every product stays small.
  constexpr std::int64_t grams_per_tonne = 1'000'000;
  const std::int64_t g = co2.count();
  const std::int64_t p = price_per_tonne.count();
  const std::int64_t r = g % grams_per_tonne;
  const std::int64_t b = p % grams_per_tonne;
  const std::int64_t rest = r * b; // |rest| < 1e12
  std::int64_t cents =
      (g / grams_per_tonne) * p + r * (p / grams_per_tonne) + rest / grams_per_tonne;
  if (2 * std::abs(rest % grams_per_tonne) >= grams_per_tonne) cents += rest < 0 ? -1 : 1;
  return Money(cents);
}

void price_trip(Trip& trip, const network::Network& net, const Traveller& traveller,
                const Policy& policy) {
  TripPlaces places;
  places.home = city_index(net, traveller.home);
  places.leg_to.reserve(trip.legs.size());
  for (const auto& leg : trip.legs) places.leg_to.push_back(city_index(net, leg.to));
  places.stay_city.reserve(trip.stays.size());
  for (const auto& stay : trip.stays) places.stay_city.push_back(city_index(net, stay.city));
  price_trip(trip, net, traveller, policy, places);
}

void price_trip(Trip& trip, const network::Network& net, const Traveller& traveller,
                const Policy& policy, const TripPlaces& places) {
  CostBreakdown cost;
  GramsCo2 co2_flights(0);
  for (const auto& leg : trip.legs) {
    cost.flights += leg.fare;
    co2_flights += leg.co2;
  }

  GramsCo2 co2_hotel(0);
  for (std::size_t s = 0; s < trip.stays.size(); ++s) {
    const int city = places.stay_city[s];
    // The nights are the ones before the departure day; an arrival before 06:00 adds the night
    // before the arrival date, priced in that night's season.
    const Stay& stay = trip.stays[s];
    for (int n = stay.hotel_nights; n > 0; --n)
      cost.hotel += net.hotel_night(city, stay.depart - date::days{n});
    co2_hotel += hotel_co2(net, city, trip.stays[s].hotel_nights);
  }

  cost.per_diem =
      per_diem(trip, net, places,
               places.allowances ? *places.allowances : allowance_table(traveller, policy, net));
  cost.traveller_time = traveller.cost_per_day * trip.days_away;

  // Adaptation happens over the nights away, so a same-day return costs no jet lag.
  const double nights_away = std::max(0, trip.days_away - 1);
  const double shift = trip_shift_hours(trip, net, places);
  const JetLag lag = jetlag(shift, nights_away, policy);
  cost.jetlag = scale(traveller.cost_per_day, lag.total() * policy.jetlag_productivity_loss);

  cost.carbon = carbon_cost(co2_flights + co2_hotel, policy.carbon_price_per_tonne);

  trip.cost = cost;
  trip.co2_flights = co2_flights;
  trip.co2_hotel = co2_hotel;
}

} // namespace flyorcall::cost
