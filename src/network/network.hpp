// The city network of one input: the embedded default legs (real scheduled nonstops,
// data/legs.csv) between the input's cities, converted to the document currency, with the input's
// cities, countries and legs applied on top, and every leg's block time (modelled along the path
// it is flown on, in the horizon's season), fares and DESNZ category resolved (docs/network.md).
#pragma once

#include <array>
#include <map>
#include <optional>
#include <string>
#include <string_view>
#include <tuple>
#include <vector>

#include "flyorcall/model.hpp"
#include "flyorcall/units.hpp"
#include "network/emissions.hpp"
#include "network/geo.hpp"

namespace flyorcall::network {

/// Modelled one-way fare in US dollars for a journey of great-circle distance `km` in a cabin,
/// fitted on the published fares of data/reference/fares.csv (docs/network.md).
[[nodiscard]] double modelled_fare_usd(double km, Cabin cabin);

/// Where a leg comes from.
enum class LegOrigin : std::uint8_t {
  snapshot, ///< the OpenFlights routes snapshot of 2014, kept after review (data/legs.csv)
  added,    ///< added by the review of published schedules (data/legs.csv)
  input,    ///< given only by the input (network.legs)
};

/// A directed flight leg with everything resolved.
struct Leg {
  int from = 0;        ///< city index
  int to = 0;          ///< city index
  double km = 0;       ///< great-circle distance (fares and CO2 are priced on it)
  double flown_km = 0; ///< length of the path flown, around closed airspace (>= km)
  Minutes block;
  std::array<Money, kCabinCount> fare{};                   ///< in the document currency
  std::array<bool, kCabinCount> fare_given{};              ///< the input gave this cabin's fare
  FlightCategory category = FlightCategory::international; ///< DESNZ category, for CO2
  LegOrigin origin = LegOrigin::input;
  std::vector<std::string> carriers; ///< operating carriers of a default leg
  std::string source;                ///< data/leg_sources.csv id, "review", or "input"
  bool given = false;                ///< true when listed by the input (any field)
};

/// How Network::build treats the embedded data.
struct BuildOptions {
  bool default_legs = true;     ///< the embedded legs between the given cities
  double eur_to_currency = 1.0; ///< document currency units per EUR (modelled fares)
  double usd_to_currency = 1.0; ///< document currency units per USD (modelled fares)
  double season = 0.0;          ///< season_of() value for block times; 0 is the annual mean
  /// Drop default legs flown only in an IATA season the horizon does not touch, and company fares
  /// whose validity misses it; no horizon keeps every leg and fare.
  std::optional<DateRange> horizon;
  std::vector<FareSpec> fares; ///< the company's own fares (network.fares, --fares)
  std::vector<CustomAllowance> custom_allowances; ///< per-city per diems over every table
};

/// The resolved network; cities indexed 0..n-1 in code order.
class Network {
public:
  /// Builds the network for an input: default data (unless network.use_default is false),
  /// converted to input.currency, block times in the season of the input's horizon, plus the
  /// input's changes. Throws InputError for unknown currency or legs naming unknown cities.
  static Network build(const Input& input);
  /// As above for another span of days: seasonal legs, winds and company fares of `horizon`; with
  /// none, every leg of the year, annual-mean winds and every company fare.
  static Network build(const Input& input, std::optional<DateRange> horizon);
  /// Builds from explicit parts (money already in the wanted currency); for tests and tools.
  static Network build(std::vector<City> cities, std::vector<Country> countries,
                       const std::vector<LegSpec>& legs, const BuildOptions& options);
  /// As above with the annual-mean season and every leg of the year.
  static Network build(std::vector<City> cities, std::vector<Country> countries,
                       const std::vector<LegSpec>& legs, bool default_legs, double eur_to_currency);

  /// All cities, sorted by code.
  [[nodiscard]] const std::vector<City>& cities() const { return cities_; }
  /// All countries, sorted by code.
  [[nodiscard]] const std::vector<Country>& countries() const { return countries_; }
  /// All directed legs, in (from, to) order.
  [[nodiscard]] const std::vector<Leg>& legs() const { return legs_; }
  /// Index of a city code, or nullopt.
  [[nodiscard]] std::optional<int> find(std::string_view code) const;
  /// The city at an index.
  [[nodiscard]] const City& city(int i) const { return cities_[static_cast<std::size_t>(i)]; }
  /// The country of a city, or nullptr when the country is not known.
  [[nodiscard]] const Country* country_of(int city) const;
  /// A country by ISO code, or nullptr.
  [[nodiscard]] const Country* country(std::string_view iso) const;
  /// Every city code, sorted.
  [[nodiscard]] std::vector<std::string> codes() const;

  /// The one-way fare of a journey (one or more legs, one cabin) from city `from` to city `to`:
  /// the company's own fare for the pair and cabin when the input gives one; else the sum of the
  /// legs' fares when the input gives a fare for one of them in that cabin; else the modelled fare
  /// of the pair's great-circle distance (fares are priced per origin and destination, as airlines
  /// sell them, not per leg).
  [[nodiscard]] Money journey_fare(int from, int to, Cabin cabin,
                                   const std::vector<const Leg*>& legs) const;
  /// The fares of a journey's legs: the journey fare split in proportion to the legs' own fares
  /// in that cabin (equal shares when they are all zero), the last leg taking the rounding
  /// remainder, so that they sum to the journey fare exactly. `legs` chain from the journey's
  /// origin to its destination.
  [[nodiscard]] std::vector<Money> journey_leg_fares(Cabin cabin,
                                                     const std::vector<const Leg*>& legs) const;
  /// The company's own one-way fare for a city pair (either direction) and cabin, if given.
  [[nodiscard]] std::optional<Money> company_fare(int from, int to, Cabin cabin) const;

  /// A hotel night in a city on a date: the city's own rate, else the lodging table's rate of the
  /// night's season (data/lodging.csv).
  [[nodiscard]] Money hotel_night(int city, Date night) const;
  /// The per diem of a day in a city under an allowance table (bmf or us_gsa_state; not home):
  /// the policy's custom allowance of the city, else the city's own rate, else the table's. A
  /// `partial` day is an arrival or departure day (BMF's partial-day amount, 75 % of M&IE).
  [[nodiscard]] Money per_diem(int city, AllowanceTable table, bool partial, Date day) const;

  /// A city's rates in the document currency, as hotel_night and per_diem read them.
  struct SeasonRates {
    unsigned first = 101; ///< first day of the season, month x 100 + day
    unsigned last = 1231; ///< last day (may be before `first`: the season wraps the year)
    Money lodging;        ///< market hotel night
    Money mie;            ///< US M&IE, a full day
  };
  struct Rates {
    std::vector<SeasonRates> seasons; ///< empty for a city outside the embedded tables
    Money bmf_full;                   ///< BMF per diem, 24 hours
    Money bmf_partial;                ///< BMF per diem, arrival or departure day
    std::optional<Money> custom_full; ///< the policy's custom allowance of the city
    std::optional<Money> custom_partial;
  };
  /// The embedded and custom rates of a city (its own hotel and per diem are on City).
  [[nodiscard]] const Rates& rates(int city) const {
    return rates_[static_cast<std::size_t>(city)];
  }

private:
  /// Throws InputError when a client's city or a traveller's home has no flight at all and
  /// someone would need one (a city added by the input without legs).
  void check_flights(const Input& input) const;
  void add_company_fares(const BuildOptions& options);
  void add_rates(const BuildOptions& options);

  std::vector<City> cities_;
  std::vector<Country> countries_;
  std::vector<int> city_country_; // per city: index into countries_, or -1
  std::vector<Leg> legs_;
  double usd_to_currency_ = 1.0;
  std::vector<Rates> rates_;
  std::map<std::tuple<int, int, Cabin>, Money> company_fares_; // (min city, max city, cabin)
};

/// True when a date of `horizon` lies in the IATA season `summer` (last Sunday of March to the day
/// before the last Sunday of October) or, for `!summer`, outside it.
[[nodiscard]] bool touches_season(DateRange horizon, bool summer);

} // namespace flyorcall::network
