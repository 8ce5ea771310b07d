// Network construction: default world data in the document currency, the embedded default legs
// between the network's cities, then the input's cities, countries and legs on top. Constants
// are explained in docs/network.md.
#include "network/network.hpp"

#include <algorithm>
#include <array>
#include <cmath>
#include <cstdint>
#include <map>
#include <numbers>
#include <set>
#include <utility>
#include <vector>

#include "flyorcall/errors.hpp"
#include "model/suggest.hpp"
#include "network/block_time.hpp"
#include "network/default_legs.hpp"
#include "network/rates.hpp"
#include "network/world_data.hpp"

namespace flyorcall::network {
namespace {

// The fare model, in US dollars (the currency of the reference figures it was fitted on by least
// absolute errors of the logarithms, tools/calibrate/fares.cpp): economy grows a little faster
// than distance; premium economy and business are multiples of economy that rise from a
// short-haul value to a long-haul one; first is a multiple of business. docs/network.md.
constexpr double kEconomyBaseUsd = 166.40;
constexpr double kEconomyPer1000KmUsd = 29.49;
constexpr double kEconomyExponent = 1.323;
// The multiples rise over the first 4000 km (the maintainers' assumption, as are the short-haul
// multiples: the reference has no short-haul premium or business fare to place them).
constexpr double kRiseKm = 4000.0;
constexpr double kPremiumShort = 1.5;
constexpr double kPremiumRise = 1.059;
constexpr double kBusinessShort = 2.5;
constexpr double kBusinessRise = 1.309;
// First: no route-level first-class figure was found; 1.5 x business is the maintainers'
// assumption.
constexpr double kFirstOverBusiness = 1.5;

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

double modelled_fare_usd(double km, Cabin cabin) {
  const double economy =
      kEconomyBaseUsd +
      kEconomyPer1000KmUsd * std::pow(std::max(km, 0.0) / 1000.0, kEconomyExponent);
  const auto ramp = [&](double base, double rise) {
    return base + rise * std::min(std::max(km, 0.0), kRiseKm) / kRiseKm;
  };
  switch (cabin) {
  case Cabin::economy:
    return economy;
  case Cabin::premium:
    return economy * ramp(kPremiumShort, kPremiumRise);
  case Cabin::business:
    return economy * ramp(kBusinessShort, kBusinessRise);
  case Cabin::first:
    return economy * ramp(kBusinessShort, kBusinessRise) * kFirstOverBusiness;
  }
  return economy;
}

Network Network::build(const Input& input) {
  return build(input, input.horizon);
}

Network Network::build(const Input& input, std::optional<DateRange> horizon) {
  const auto rate = eur_rate(input.currency);
  if (!rate)
    throw InputError({{"/currency", "unknown currency \"" + input.currency +
                                        "\"; expected an ISO 4217 code with a reference rate" +
                                        did_you_mean_code(input.currency, known_currencies())}});
  std::vector<City> cities;
  std::vector<Country> countries;
  if (input.network.use_default) {
    const auto& world = default_world();
    cities = world.cities;
    countries = world.countries;
  }
  merge_by_code(cities, input.network.cities);
  merge_by_code(countries, input.network.countries);
  BuildOptions options;
  options.default_legs = input.network.use_default;
  options.eur_to_currency = *rate;
  options.usd_to_currency = *rate / *eur_rate("USD");
  options.season = horizon ? season_of(*horizon) : 0.0;
  options.horizon = horizon;
  options.fares = input.network.fares;
  options.custom_allowances = input.policy.custom_allowances;
  Network net = build(std::move(cities), std::move(countries), input.network.legs, options);
  net.check_flights(input);
  return net;
}

void Network::check_flights(const Input& input) const {
  std::vector<bool> flies(cities_.size(), false);
  for (const Leg& l : legs_) {
    flies[static_cast<std::size_t>(l.from)] = true;
    flies[static_cast<std::size_t>(l.to)] = true;
  }
  // The nearest cities with flights, for the message.
  const auto nearest = [&](int city) {
    std::vector<std::pair<double, int>> by_km;
    const City& a = cities_[static_cast<std::size_t>(city)];
    for (std::size_t i = 0; i < cities_.size(); ++i)
      if (flies[i])
        by_km.emplace_back(great_circle_km(a.lat, a.lon, cities_[i].lat, cities_[i].lon),
                           static_cast<int>(i));
    std::sort(by_km.begin(), by_km.end());
    std::string out;
    for (std::size_t k = 0; k < std::min<std::size_t>(3, by_km.size()); ++k)
      out += (k ? ", " : " (nearest cities with flights: ") +
             cities_[static_cast<std::size_t>(by_km[k].second)].code + " " +
             std::to_string(static_cast<long>(std::lround(by_km[k].first))) + " km";
    return out.empty() ? out : out + ")";
  };
  // Only cities the input adds: a default city without flights (Kyiv, with Ukrainian airspace
  // closed) is a fact of the world, and its clients are called remotely with that reason.
  const auto& world = default_world();
  const auto added = [&](const std::string& code) {
    return std::none_of(world.cities.begin(), world.cities.end(),
                        [&](const City& c) { return c.code == code; });
  };
  const auto without_flights = [&](const std::string& code) {
    const auto i = find(code);
    return i && !flies[static_cast<std::size_t>(*i)] && (!input.network.use_default || added(code))
               ? i
               : std::nullopt;
  };
  const auto message = [&](int city) {
    return "no flight leaves or reaches " + cities_[static_cast<std::size_t>(city)].code +
           ": add its legs in /network/legs" + nearest(city);
  };
  std::vector<Problem> problems;
  // A client there can be visited only by a traveller who lives there; a traveller who lives
  // there can visit only clients there.
  for (std::size_t i = 0; i < input.clients.size(); ++i) {
    const std::string& code = input.clients[i].city;
    const auto city = without_flights(code);
    if (city && std::none_of(input.travellers.begin(), input.travellers.end(),
                             [&](const Traveller& t) { return t.home == code; }))
      problems.push_back({"/clients/" + std::to_string(i) + "/city", message(*city)});
  }
  for (std::size_t i = 0; i < input.travellers.size(); ++i) {
    const std::string& code = input.travellers[i].home;
    const auto city = without_flights(code);
    if (city && std::any_of(input.clients.begin(), input.clients.end(),
                            [&](const Client& c) { return c.city != code; }))
      problems.push_back({"/travellers/" + std::to_string(i) + "/home", message(*city)});
  }
  if (!problems.empty()) throw InputError(std::move(problems));
}

Network Network::build(std::vector<City> cities, std::vector<Country> countries,
                       const std::vector<LegSpec>& legs, bool default_legs,
                       double eur_to_currency) {
  BuildOptions options;
  options.default_legs = default_legs;
  options.eur_to_currency = eur_to_currency;
  options.usd_to_currency = eur_to_currency / *eur_rate("USD");
  return build(std::move(cities), std::move(countries), legs, options);
}

Network Network::build(std::vector<City> cities, std::vector<Country> countries,
                       const std::vector<LegSpec>& legs, const BuildOptions& options) {
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
  const auto make_leg = [&](int from, int to, const std::vector<std::string>& carriers,
                            const FlownPaths* known_paths) {
    const City& a = net.cities_[static_cast<std::size_t>(from)];
    const City& b = net.cities_[static_cast<std::size_t>(to)];
    Leg leg;
    leg.from = from;
    leg.to = to;
    leg.km = great_circle_km(a.lat, a.lon, b.lat, b.lon);
    leg.category = flight_category(a.country, b.country);
    FlownPaths computed;
    if (known_paths == nullptr)
      computed = flown_paths(to_vec(a.lat, a.lon), to_vec(b.lat, b.lon), carriers);
    const FlownPaths& paths = known_paths != nullptr ? *known_paths : computed;
    // The way round closed airspace that the season's winds make fastest.
    const auto& path = paths[fastest_path(paths, options.season)];
    leg.flown_km = std::max(leg.km, path_km(path));
    leg.block = modelled_block(path, options.season);
    for (std::size_t c = 0; c < kCabinCount; ++c)
      leg.fare[c] = money_from_units(modelled_fare_usd(leg.km, static_cast<Cabin>(c)) *
                                     options.usd_to_currency);
    leg.carriers = carriers;
    return leg;
  };
  // A default city's embedded position: its default leg paths apply as worked out once.
  const auto& world = default_world();
  const auto at_default_position = [&](int i) {
    const City& c = net.cities_[static_cast<std::size_t>(i)];
    const auto it =
        std::lower_bound(world.cities.begin(), world.cities.end(), c.code,
                         [](const City& w, const std::string& k) { return w.code < k; });
    return it != world.cities.end() && it->code == c.code && it->lat == c.lat && it->lon == c.lon;
  };

  // Keyed by (from, to) so that a later spec for the same pair overrides an earlier one and the
  // final leg list comes out in a deterministic order.
  std::map<std::pair<int, int>, Leg> by_pair;
  if (options.default_legs) {
    const auto& all = default_legs();
    const auto& paths = default_leg_paths();
    for (std::size_t k = 0; k < all.size(); ++k) {
      const DefaultLeg& d = all[k];
      if (d.season != LegSeason::all_year && options.horizon &&
          !touches_season(*options.horizon, d.season == LegSeason::summer))
        continue;
      const auto from = net.find(d.from);
      const auto to = net.find(d.to);
      if (!from || !to) continue;
      const bool known = at_default_position(*from) && at_default_position(*to);
      Leg leg = make_leg(*from, *to, d.carriers, known ? &paths[k] : nullptr);
      leg.origin = d.basis == "added" ? LegOrigin::added : LegOrigin::snapshot;
      leg.source = d.source;
      by_pair.emplace(std::pair{*from, *to}, std::move(leg));
    }
  }

  std::vector<Problem> problems;
  for (std::size_t i = 0; i < legs.size(); ++i) {
    const auto& spec = legs[i];
    const std::string at = "/network/legs/" + std::to_string(i);
    const auto from = net.find(spec.from);
    const auto to = net.find(spec.to);
    if (!from) problems.push_back({at + "/from", "unknown city \"" + spec.from + "\""});
    if (!to) problems.push_back({at + "/to", "unknown city \"" + spec.to + "\""});
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
      if (it == by_pair.end()) {
        Leg leg = make_leg(key.first, key.second, {}, nullptr);
        leg.source = "input";
        it = by_pair.emplace(key, std::move(leg)).first;
      }
      Leg& leg = it->second;
      if (spec.block) leg.block = *spec.block;
      for (std::size_t c = 0; c < kCabinCount; ++c)
        if (spec.fare[c]) {
          leg.fare[c] = *spec.fare[c];
          leg.fare_given[c] = true;
        }
      leg.given = true;
    }
  }
  net.legs_.reserve(by_pair.size());
  for (auto& [key, leg] : by_pair) net.legs_.push_back(std::move(leg));
  net.usd_to_currency_ = options.usd_to_currency;
  net.add_company_fares(options);
  net.add_rates(options);
  return net;
}

void Network::add_rates(const BuildOptions& options) {
  const auto& tables = default_rates();
  std::vector<Problem> problems;
  rates_.resize(cities_.size());
  for (std::size_t i = 0; i < cities_.size(); ++i) {
    const City& c = cities_[i];
    Rates& r = rates_[i];
    const auto it = tables.find(c.code);
    if (it != tables.end()) {
      for (const auto& s : it->second.seasons)
        r.seasons.push_back({s.first, s.last,
                             money_from_units(s.lodging_usd * options.usd_to_currency),
                             money_from_units(s.mie_usd * options.usd_to_currency)});
      r.bmf_full = money_from_units(it->second.bmf_full_eur * options.eur_to_currency);
      r.bmf_partial = money_from_units(it->second.bmf_partial_eur * options.eur_to_currency);
    } else if (!c.hotel_night || !c.per_diem) {
      problems.push_back({"/network/cities", "city \"" + c.code +
                                                 "\" has no rates in the embedded tables: give its "
                                                 "\"hotel\" and \"per_diem\""});
    }
  }
  for (std::size_t k = 0; k < options.custom_allowances.size(); ++k) {
    const auto& a = options.custom_allowances[k];
    const auto i = find(a.city);
    if (!i) {
      problems.push_back({"/policy/custom_allowances/" + std::to_string(k) + "/city",
                          "unknown city \"" + a.city + "\""});
      continue;
    }
    rates_[static_cast<std::size_t>(*i)].custom_full = a.per_diem;
    rates_[static_cast<std::size_t>(*i)].custom_partial = a.partial_day.value_or(a.per_diem);
  }
  if (!problems.empty()) throw InputError(std::move(problems));
}

namespace {
unsigned month_day_of(Date d) {
  const date::year_month_day ymd{d};
  return static_cast<unsigned>(ymd.month()) * 100 + static_cast<unsigned>(ymd.day());
}

// Rates are looked up for every night and day of every trip priced: month and day of the dates
// from 1970 to 2199 are computed once.
unsigned month_day(Date d) {
  static const std::vector<std::uint16_t> table = [] {
    const Date from = Date{date::days{0}};
    const Date to = date::sys_days{date::year{2200} / 1 / 1};
    std::vector<std::uint16_t> t;
    t.reserve(static_cast<std::size_t>((to - from).count()));
    for (Date day = from; day < to; day += date::days{1})
      t.push_back(static_cast<std::uint16_t>(month_day_of(day)));
    return t;
  }();
  const auto n = d.time_since_epoch().count();
  if (n >= 0 && static_cast<std::size_t>(n) < table.size())
    return table[static_cast<std::size_t>(n)];
  return month_day_of(d);
}
} // namespace

Money Network::hotel_night(int city, Date night) const {
  const City& c = cities_[static_cast<std::size_t>(city)];
  if (c.hotel_night) return *c.hotel_night;
  const unsigned md = month_day(night);
  for (const auto& s : rates_[static_cast<std::size_t>(city)].seasons)
    if (s.first <= s.last ? (s.first <= md && md <= s.last) : (md >= s.first || md <= s.last))
      return s.lodging;
  throw Error(ErrorCode::internal, "no hotel rate for " + c.code);
}

Money Network::per_diem(int city, AllowanceTable table, bool partial, Date day) const {
  const Rates& r = rates_[static_cast<std::size_t>(city)];
  if (r.custom_full) return partial ? *r.custom_partial : *r.custom_full;
  const City& c = cities_[static_cast<std::size_t>(city)];
  if (c.per_diem) return *c.per_diem;
  if (table == AllowanceTable::bmf) return partial ? r.bmf_partial : r.bmf_full;
  const unsigned md = month_day(day);
  for (const auto& s : r.seasons)
    if (s.first <= s.last ? (s.first <= md && md <= s.last) : (md >= s.first || md <= s.last))
      // US rules (FTR 301-11.101, DSSR 925): the first and last day of travel at 75 %.
      return partial ? scale(s.mie, 0.75) : s.mie;
  throw Error(ErrorCode::internal, "no per diem for " + c.code);
}

void Network::add_company_fares(const BuildOptions& options) {
  std::vector<Problem> problems;
  // A fare of the input is named by its JSON Pointer ("/network/fares/2"), a row of a fare file by
  // "file:line" in the message (pointer "").
  const auto add = [&](const FareSpec& f, const char* column, std::string message) {
    if (!f.where.empty() && f.where.front() == '/')
      problems.push_back({f.where + (*column ? "/" : "") + column, std::move(message)});
    else
      problems.push_back(
          {"",
           f.where + ": " + (*column ? "column \"" + std::string(column) + "\": " : "") + message});
  };
  std::map<std::tuple<int, int, Cabin>, const FareSpec*> first;
  for (const FareSpec& f : options.fares) {
    const auto from = find(f.from);
    const auto to = find(f.to);
    if (!from) add(f, "from", "unknown city \"" + f.from + "\"");
    if (!to) add(f, "to", "unknown city \"" + f.to + "\"");
    if (from && to && *from == *to)
      add(f, "to", "a fare must join two different cities; both ends are \"" + f.to + "\"");
    const std::string currency = f.currency.empty() ? std::string() : f.currency;
    std::optional<double> per_eur =
        currency.empty() ? std::optional<double>(1.0) : eur_rate(currency);
    if (!per_eur)
      add(f, "currency",
          "unknown currency \"" + currency + "\"; expected an ISO 4217 code with a reference rate" +
              did_you_mean_code(currency, known_currencies()));
    if (!(f.amount > 0)) add(f, "amount", "a fare must be above 0");
    if (f.valid_from && f.valid_to && *f.valid_from > *f.valid_to)
      add(f, "valid_to", "the fare's validity ends before it starts");
    if (!from || !to || *from == *to || !per_eur || !(f.amount > 0)) continue;
    // A fare that cannot be used in the horizon does not apply.
    if (options.horizon && ((f.valid_from && *f.valid_from > options.horizon->last) ||
                            (f.valid_to && *f.valid_to < options.horizon->first)))
      continue;
    const std::tuple<int, int, Cabin> key{std::min(*from, *to), std::max(*from, *to), f.cabin};
    if (const auto [it, fresh] = first.emplace(key, &f); !fresh) {
      add(f, "",
          "a second " + std::string(cabin_name(f.cabin)) + " fare for " + f.from + "-" + f.to +
              (options.horizon ? " in the planning horizon" : "") + " (the first is " +
              it->second->where + ")");
      continue;
    }
    // Into the document currency: amounts in another currency go through the euro reference
    // rates; a return fare pays half in each direction.
    const double in_document =
        currency.empty() ? f.amount : f.amount / *per_eur * options.eur_to_currency;
    company_fares_[key] = money_from_units(f.round_trip ? in_document / 2 : in_document);
  }
  if (!problems.empty()) throw InputError(std::move(problems));
}

std::optional<Money> Network::company_fare(int from, int to, Cabin cabin) const {
  const auto it = company_fares_.find({std::min(from, to), std::max(from, to), cabin});
  if (it == company_fares_.end()) return std::nullopt;
  return it->second;
}

Money Network::journey_fare(int from, int to, Cabin cabin,
                            const std::vector<const Leg*>& legs) const {
  if (const auto own = company_fare(from, to, cabin)) return *own;
  const auto c = static_cast<std::size_t>(cabin);
  if (std::any_of(legs.begin(), legs.end(), [&](const Leg* l) { return l->fare_given[c]; })) {
    Money sum{0};
    for (const Leg* l : legs) sum += l->fare[c];
    return sum;
  }
  const City& a = city(from);
  const City& b = city(to);
  return money_from_units(modelled_fare_usd(great_circle_km(a.lat, a.lon, b.lat, b.lon), cabin) *
                          usd_to_currency_);
}

std::vector<Money> Network::journey_leg_fares(Cabin cabin,
                                              const std::vector<const Leg*>& legs) const {
  std::vector<Money> out;
  if (legs.empty()) return out;
  const auto c = static_cast<std::size_t>(cabin);
  const Money journey = journey_fare(legs.front()->from, legs.back()->to, cabin, legs);
  Money leg_sum{0};
  for (const Leg* l : legs) leg_sum += l->fare[c];
  Money assigned{0};
  for (std::size_t k = 0; k + 1 < legs.size(); ++k) {
    const double share = leg_sum.count() > 0 ? static_cast<double>(legs[k]->fare[c].count()) /
                                                   static_cast<double>(leg_sum.count())
                                             : 1.0 / static_cast<double>(legs.size());
    out.push_back(scale(journey, share));
    assigned += out.back();
  }
  out.push_back(journey - assigned);
  return out;
}

bool touches_season(DateRange horizon, bool summer) {
  using namespace date;
  // The last Sunday of a month of a year.
  const auto last_sunday = [](year y, month m) { return sys_days(y / m / Sunday[last]); };
  for (int y = static_cast<int>(year_month_day(horizon.first).year());
       y <= static_cast<int>(year_month_day(horizon.last).year()); ++y) {
    const sys_days start = last_sunday(year{y}, March);
    const sys_days end = last_sunday(year{y}, October) - days{1};
    const DateRange year_range{std::max(horizon.first, sys_days(year{y} / January / 1)),
                               std::min(horizon.last, sys_days(year{y} / December / 31))};
    if (summer && year_range.first <= end && year_range.last >= start) return true;
    if (!summer && (year_range.first < start || year_range.last > end)) return true;
  }
  return false;
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
