// The city network of one input: default world data converted to the document currency, with the
// input's cities, countries and legs applied on top, and every leg's block time and fares
// resolved (given or modelled from great-circle distance, docs/model.md).
#pragma once

#include <array>
#include <optional>
#include <string>
#include <string_view>
#include <vector>

#include "flyorcall/model.hpp"
#include "flyorcall/units.hpp"
#include "network/emissions.hpp"
#include "network/geo.hpp"

namespace flyorcall::network {

/// Leg rule (docs/network.md): tier-2 hubs connect to every tier-1 hub within this distance.
inline constexpr double kRegionalToGlobalHubKm = 9000.0;
/// Leg rule: every city connects to the hubs (tier 1-2) of its region within this distance.
inline constexpr double kCityToRegionalHubKm = 2500.0;
/// Leg rule: a city with no regional hub in reach connects to this many nearest hubs.
inline constexpr int kFallbackHubs = 2;
/// Leg rule: cities closer than this fly direct to each other.
inline constexpr double kNearbyKm = 800.0;
/// Leg rule: no generated leg is longer than this; the longest scheduled non-stop flight
/// (Singapore - New York, about 15350 km great circle) is just below it.
inline constexpr double kMaxLegKm = 15500.0;

/// Modelled gate-to-gate block time for a great-circle distance (docs/model.md).
[[nodiscard]] Minutes modelled_block(double km);
/// Modelled one-way fare in EUR for a great-circle distance and cabin (docs/model.md).
[[nodiscard]] double modelled_fare_eur(double km, Cabin cabin);

/// A directed flight leg with everything resolved.
struct Leg {
  int from = 0; ///< city index
  int to = 0;   ///< city index
  double km = 0;
  Minutes block;
  std::array<Money, kCabinCount> fare{};                   ///< in the document currency
  FlightCategory category = FlightCategory::international; ///< DESNZ category, for CO2
  bool given = false; ///< true when listed by the input (any field), false when generated
};

/// The resolved network; cities indexed 0..n-1 in code order.
class Network {
public:
  /// Builds the network for an input: default data (unless network.use_default is false),
  /// converted to input.currency, plus the input's changes. Throws InputError for unknown
  /// currency or legs naming unknown cities.
  static Network build(const Input& input);
  /// Builds from explicit parts (money already in the wanted currency); for tests and tools.
  static Network build(std::vector<City> cities, std::vector<Country> countries,
                       const std::vector<LegSpec>& legs, bool generate_default_legs,
                       double eur_to_currency);

  /// All cities, sorted by code.
  [[nodiscard]] const std::vector<City>& cities() const { return cities_; }
  /// All countries, sorted by code.
  [[nodiscard]] const std::vector<Country>& countries() const { return countries_; }
  /// All directed legs.
  [[nodiscard]] const std::vector<Leg>& legs() const { return legs_; }
  /// Index of a city code, or nullopt.
  [[nodiscard]] std::optional<int> find(std::string_view code) const;
  /// The city at an index.
  [[nodiscard]] const City& city(int i) const { return cities_[static_cast<std::size_t>(i)]; }
  /// The country of a city, or nullptr when the country is not known.
  [[nodiscard]] const Country* country_of(int city) const;
  /// A country by ISO code, or nullptr.
  [[nodiscard]] const Country* country(std::string_view iso) const;
  /// Every city code, sorted (for "did you mean" suggestions).
  [[nodiscard]] std::vector<std::string> codes() const;

private:
  std::vector<City> cities_;
  std::vector<Country> countries_;
  std::vector<int> city_country_; // per city: index into countries_, or -1
  std::vector<Leg> legs_;
};

} // namespace flyorcall::network
