// Network construction: default world data in the document currency, the generated leg rule,
// then the input's cities, countries and legs on top. Constants are explained in docs/network.md.
#include "network/network.hpp"

#include <algorithm>
#include <array>
#include <cmath>
#include <map>
#include <numbers>
#include <set>
#include <utility>

#include "flyorcall/errors.hpp"
#include "model/suggest.hpp"
#include "network/world_data.hpp"

namespace flyorcall::network {
namespace {

// Block time: taxi-out, climb, descent and taxi-in cost about 45 minutes more than flying the
// same distance at cruise speed; 850 km/h is a typical jet cruise ground speed averaged over
// both directions (jet streams cancel on a round trip).
constexpr double kBlockOverheadMin = 45.0;
constexpr double kCruiseKmh = 850.0;
constexpr double kBlockRoundingMin = 5.0;

// Economy fare band: a fixed part (airport charges, distribution) plus a per-km part that
// tapers on long-haul, where seat-km are cheaper to produce.
constexpr double kFareBaseEur = 60.0;
constexpr double kFarePerKmEur = 0.11;
constexpr double kFareTaperKm = 3000.0;
constexpr double kFarePerKmLongEur = 0.06;
// Boundary between the short- and long-haul cabin multipliers (same as DESNZ haul boundary).
constexpr double kFareLongHaulKm = 3700.0;
// Cabin multiples of economy (economy, premium, business, first): long-haul premium cabins are
// much larger products (flat beds) than short-haul ones (a blocked middle seat).
constexpr std::array<double, kCabinCount> kShortHaulMultiple{1.0, 1.5, 2.5, 3.5};
constexpr std::array<double, kCabinCount> kLongHaulMultiple{1.0, 1.8, 4.0, 6.5};

bool is_hub(const City& c) {
  return c.tier <= 2;
}

Leg modelled_leg(const std::vector<City>& cities, int from, int to, double eur_to_currency) {
  const auto& a = cities[static_cast<std::size_t>(from)];
  const auto& b = cities[static_cast<std::size_t>(to)];
  Leg leg;
  leg.from = from;
  leg.to = to;
  leg.km = great_circle_km(a.lat, a.lon, b.lat, b.lon);
  leg.category = flight_category(a.country, b.country);
  leg.block = modelled_block(leg.km);
  for (std::size_t c = 0; c < kCabinCount; ++c)
    leg.fare[c] =
        money_from_units(modelled_fare_eur(leg.km, static_cast<Cabin>(c)) * eur_to_currency);
  return leg;
}

/// Unordered city pairs (i < j) the leg rule generates.
std::set<std::pair<int, int>> generated_pairs(const std::vector<City>& cities) {
  const int n = static_cast<int>(cities.size());
  std::vector<double> dist(static_cast<std::size_t>(n) * static_cast<std::size_t>(n));
  const auto d = [&](int i, int j) -> double& {
    return dist[static_cast<std::size_t>(i) * static_cast<std::size_t>(n) +
                static_cast<std::size_t>(j)];
  };
  for (int i = 0; i < n; ++i)
    for (int j = 0; j < n; ++j) {
      const auto& a = cities[static_cast<std::size_t>(i)];
      const auto& b = cities[static_cast<std::size_t>(j)];
      d(i, j) = great_circle_km(a.lat, a.lon, b.lat, b.lon);
    }
  const auto city = [&](int i) -> const City& { return cities[static_cast<std::size_t>(i)]; };

  std::set<std::pair<int, int>> pairs;
  const auto add = [&](int i, int j) {
    if (i != j && d(i, j) <= kMaxLegKm) pairs.emplace(std::min(i, j), std::max(i, j));
  };
  for (int i = 0; i < n; ++i)
    for (int j = i + 1; j < n; ++j) {
      const int ti = city(i).tier;
      const int tj = city(j).tier;
      if (ti == 1 && tj == 1) add(i, j);
      if (std::min(ti, tj) == 1 && std::max(ti, tj) == 2 && d(i, j) <= kRegionalToGlobalHubKm)
        add(i, j);
      if (is_hub(city(i)) && is_hub(city(j)) && (ti == 2 || tj == 2) &&
          city(i).region == city(j).region)
        add(i, j);
      if (d(i, j) <= kNearbyKm) add(i, j);
    }
  for (int i = 0; i < n; ++i) {
    bool regional = false;
    std::vector<std::pair<double, int>> hubs;
    for (int j = 0; j < n; ++j) {
      if (j == i || !is_hub(city(j))) continue;
      hubs.emplace_back(d(i, j), j);
      if (city(j).region == city(i).region && d(i, j) <= kCityToRegionalHubKm) {
        add(i, j);
        regional = true;
      }
    }
    if (!regional) {
      std::sort(hubs.begin(), hubs.end());
      for (std::size_t k = 0; k < hubs.size() && k < static_cast<std::size_t>(kFallbackHubs); ++k)
        add(i, hubs[k].second);
    }
    // A tier-2 hub far from every global hub still needs one link into the global backbone.
    if (city(i).tier == 2) {
      int nearest = -1;
      for (int j = 0; j < n; ++j)
        if (city(j).tier == 1 && (nearest < 0 || d(i, j) < d(i, nearest))) nearest = j;
      if (nearest >= 0 && d(i, nearest) > kRegionalToGlobalHubKm) add(i, nearest);
    }
  }
  return pairs;
}

template <class T> void sort_last_wins(std::vector<T>& v) {
  // Stable sort keeps input order among equal codes, so the last one given is the one kept.
  std::stable_sort(v.begin(), v.end(), [](const T& a, const T& b) { return a.code < b.code; });
  std::vector<T> out;
  for (auto& x : v) {
    if (!out.empty() && out.back().code == x.code)
      out.back() = std::move(x);
    else
      out.push_back(std::move(x));
  }
  v = std::move(out);
}

template <class T> void merge_by_code(std::vector<T>& base, const std::vector<T>& changes) {
  for (const auto& c : changes) base.push_back(c);
  sort_last_wins(base);
}

} // namespace

Minutes modelled_block(double km) {
  const double minutes = kBlockOverheadMin + km / kCruiseKmh * 60.0;
  return Minutes(static_cast<std::int64_t>(std::llround(minutes / kBlockRoundingMin)) *
                 static_cast<std::int64_t>(kBlockRoundingMin));
}

double modelled_fare_eur(double km, Cabin cabin) {
  const double economy = kFareBaseEur + kFarePerKmEur * std::min(km, kFareTaperKm) +
                         kFarePerKmLongEur * std::max(0.0, km - kFareTaperKm);
  const auto& multiple = km < kFareLongHaulKm ? kShortHaulMultiple : kLongHaulMultiple;
  return economy * multiple[static_cast<std::size_t>(cabin)];
}

Network Network::build(const Input& input) {
  const auto rate = eur_rate(input.currency);
  if (!rate)
    throw InputError({{"/currency", "unknown currency \"" + input.currency +
                                        "\"; expected an ISO 4217 code with a reference rate" +
                                        did_you_mean(input.currency, known_currencies())}});
  std::vector<City> cities;
  std::vector<Country> countries;
  if (input.network.use_default) {
    const auto& world = default_world();
    cities = world.cities;
    for (auto& c : cities) {
      c.hotel_night = scale(c.hotel_night, *rate);
      c.per_diem = scale(c.per_diem, *rate);
    }
    countries = world.countries;
  }
  merge_by_code(cities, input.network.cities);
  merge_by_code(countries, input.network.countries);
  return build(std::move(cities), std::move(countries), input.network.legs,
               input.network.use_default, *rate);
}

Network Network::build(std::vector<City> cities, std::vector<Country> countries,
                       const std::vector<LegSpec>& legs, bool generate_default_legs,
                       double eur_to_currency) {
  Network net;
  sort_last_wins(cities);
  sort_last_wins(countries);
  net.cities_ = std::move(cities);
  net.countries_ = std::move(countries);
  net.city_country_.reserve(net.cities_.size());
  for (const City& c : net.cities_) {
    const Country* country = net.country(c.country);
    net.city_country_.push_back(
        country == nullptr ? -1 : static_cast<int>(country - net.countries_.data()));
  }

  // Keyed by (from, to) so that a later spec for the same pair overrides an earlier one and the
  // final leg list comes out in a deterministic order.
  std::map<std::pair<int, int>, Leg> by_pair;
  if (generate_default_legs) {
    for (const auto& [i, j] : generated_pairs(net.cities_)) {
      by_pair.emplace(std::pair{i, j}, modelled_leg(net.cities_, i, j, eur_to_currency));
      by_pair.emplace(std::pair{j, i}, modelled_leg(net.cities_, j, i, eur_to_currency));
    }
  }

  std::vector<Problem> problems;
  const auto known = net.codes();
  for (std::size_t i = 0; i < legs.size(); ++i) {
    const auto& spec = legs[i];
    const std::string at = "/network/legs/" + std::to_string(i);
    const auto from = net.find(spec.from);
    const auto to = net.find(spec.to);
    if (!from)
      problems.push_back(
          {at + "/from", "unknown city \"" + spec.from + "\"" + did_you_mean(spec.from, known)});
    if (!to)
      problems.push_back(
          {at + "/to", "unknown city \"" + spec.to + "\"" + did_you_mean(spec.to, known)});
    if (from && to && *from == *to)
      problems.push_back(
          {at + "/to", "a leg must join two different cities; both ends are \"" + spec.to + "\""});
    if (spec.block && spec.block->count() <= 0)
      problems.push_back({at + "/block", "block time must be positive, found " +
                                             std::to_string(spec.block->count()) + " minutes"});
    for (std::size_t c = 0; c < kCabinCount; ++c)
      if (spec.fare[c] && spec.fare[c]->count() < 0)
        problems.push_back(
            {at + "/fare/" + std::string(kCabinNames[c]),
             "fare must not be negative, found " + std::to_string(to_units(*spec.fare[c]))});
  }
  if (!problems.empty()) throw InputError(std::move(problems));

  for (const auto& spec : legs) {
    const int from = *net.find(spec.from);
    const int to = *net.find(spec.to);
    std::vector<std::pair<int, int>> directions{{from, to}};
    if (spec.both_ways) directions.emplace_back(to, from);
    for (const auto& key : directions) {
      if (spec.remove) {
        by_pair.erase(key);
        continue;
      }
      auto it = by_pair.find(key);
      if (it == by_pair.end())
        it = by_pair.emplace(key, modelled_leg(net.cities_, key.first, key.second, eur_to_currency))
                 .first;
      Leg& leg = it->second;
      if (spec.block) leg.block = *spec.block;
      for (std::size_t c = 0; c < kCabinCount; ++c)
        if (spec.fare[c]) leg.fare[c] = *spec.fare[c];
      leg.given = true;
    }
  }
  net.legs_.reserve(by_pair.size());
  for (auto& [key, leg] : by_pair) net.legs_.push_back(std::move(leg));
  return net;
}

std::optional<int> Network::find(std::string_view code) const {
  const auto it = std::lower_bound(cities_.begin(), cities_.end(), code,
                                   [](const City& c, std::string_view k) { return c.code < k; });
  if (it == cities_.end() || it->code != code) return std::nullopt;
  return static_cast<int>(it - cities_.begin());
}

const Country* Network::country_of(int city_index) const {
  const int k = city_country_[static_cast<std::size_t>(city_index)];
  return k < 0 ? nullptr : &countries_[static_cast<std::size_t>(k)];
}

const Country* Network::country(std::string_view iso) const {
  const auto it = std::lower_bound(countries_.begin(), countries_.end(), iso,
                                   [](const Country& c, std::string_view k) { return c.code < k; });
  if (it == countries_.end() || it->code != iso) return nullptr;
  return &*it;
}

std::vector<std::string> Network::codes() const {
  std::vector<std::string> out;
  out.reserve(cities_.size());
  for (const auto& c : cities_) out.push_back(c.code);
  return out;
}

} // namespace flyorcall::network
