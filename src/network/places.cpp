// Place names: codes, airport codes and city names resolved to network cities (places.hpp).
#include "network/places.hpp"

#include <algorithm>
#include <charconv>
#include <cmath>
#include <iomanip>
#include <sstream>

#include "flyorcall/errors.hpp"
#include "model/csv.hpp"
#include "model/embedded_data.hpp"
#include "model/suggest.hpp"
#include "model/utf8.hpp"
#include "network/geo.hpp"
#include "network/world_data.hpp"

namespace flyorcall::network {
namespace {

constexpr std::string_view kAirportsFile = "data/airports.csv";
constexpr std::string_view kNamesFile = "data/place_names.csv";

bool is_upper_code(std::string_view s, std::size_t n) {
  return s.size() == n &&
         std::all_of(s.begin(), s.end(), [](char c) { return c >= 'A' && c <= 'Z'; });
}

std::string upper_ascii(std::string_view s) {
  std::string out(s);
  for (char& c : out)
    if (c >= 'a' && c <= 'z') c = static_cast<char>(c - 'a' + 'A');
  return out;
}

bool is_ascii_letters(std::string_view s) {
  return std::all_of(s.begin(), s.end(),
                     [](char c) { return (c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z'); });
}

std::string_view trim(std::string_view s) {
  while (!s.empty() && (s.front() == ' ' || s.front() == '\t')) s.remove_prefix(1);
  while (!s.empty() && (s.back() == ' ' || s.back() == '\t')) s.remove_suffix(1);
  return s;
}

/// User text in a message: escaped and cut like every quoted input (model/utf8.hpp).
std::string dquote(std::string_view s) {
  return quote_text(s, 80);
}

std::optional<double> coordinate(const std::string& s, double limit, std::size_t line,
                                 std::string_view what) {
  if (s.empty()) return std::nullopt;
  double v = 0;
  const auto [end, ec] = std::from_chars(s.data(), s.data() + s.size(), v);
  if (ec != std::errc() || end != s.data() + s.size() || !(std::abs(v) <= limit))
    throw Error(ErrorCode::internal, std::string(kAirportsFile) + ":" + std::to_string(line) +
                                         ": " + std::string(what) + ": expected degrees, found " +
                                         dquote(s));
  return v;
}

struct NameRow {
  std::string name;
  std::string city; ///< a city code, or "?" for an ambiguous name
  std::string note;
};

const std::vector<NameRow>& place_names() {
  static const std::vector<NameRow> rows = [] {
    std::vector<NameRow> out;
    const auto table = csv::read_data_table(data::place_names_csv, kNamesFile, "name,city,note");
    std::map<std::string, std::size_t, std::less<>> seen;
    for (const auto& r : table.rows) {
      const auto& f = r.fields;
      const auto where = std::string(kNamesFile) + ":" + std::to_string(r.line) + ": ";
      if (f[0].empty() || first_invalid_utf8(f[0]) != std::string_view::npos)
        throw Error(ErrorCode::internal, where + "name: expected a non-empty UTF-8 name");
      if (f[1] != "?" && !is_upper_code(f[1], 3))
        throw Error(ErrorCode::internal, where + "city: expected a city code or \"?\"");
      if ((f[1] == "?") == f[2].empty())
        throw Error(ErrorCode::internal, where + "note: required exactly for \"?\" rows");
      if (!seen.emplace(fold_for_matching(f[0]), r.line).second)
        throw Error(ErrorCode::internal, where + "name " + dquote(f[0]) + " is listed twice");
      out.push_back({f[0], f[1], f[2]});
    }
    return out;
  }();
  return rows;
}

} // namespace

std::vector<Airport> parse_airports(std::string_view text) {
  const auto table =
      csv::read_data_table(text, kAirportsFile, "code,city,place,country,lat,lon,name");
  std::vector<Airport> out;
  out.reserve(table.rows.size());
  for (const auto& r : table.rows) {
    const auto& f = r.fields;
    const auto fail = [&](const std::string& what) {
      throw Error(ErrorCode::internal,
                  std::string(kAirportsFile) + ":" + std::to_string(r.line) + ": " + what);
    };
    if (!is_upper_code(f[0], 3)) fail("code: expected 3 upper-case letters, found " + dquote(f[0]));
    if (!f[1].empty() && !is_upper_code(f[1], 3))
      fail("city: expected a city code or nothing, found " + dquote(f[1]));
    if (f[2].empty() || f[6].empty()) fail("place and name must not be empty");
    if (!is_upper_code(f[3], 2))
      fail("country: expected 2 upper-case letters, found " + dquote(f[3]));
    Airport a{f[0],
              f[1],
              f[2],
              f[3],
              coordinate(f[4], 90, r.line, "lat"),
              coordinate(f[5], 180, r.line, "lon"),
              f[6]};
    if (a.lat.has_value() != a.lon.has_value())
      fail("lat and lon must both be given or both empty");
    if (a.city.empty() && !a.lat) fail("an airport outside the network needs its position");
    out.push_back(std::move(a));
  }
  std::sort(out.begin(), out.end(),
            [](const Airport& a, const Airport& b) { return a.code < b.code; });
  const auto dup = std::adjacent_find(
      out.begin(), out.end(), [](const Airport& a, const Airport& b) { return a.code == b.code; });
  if (dup != out.end())
    throw Error(ErrorCode::internal,
                std::string(kAirportsFile) + ": code " + dquote(dup->code) + " is listed twice");
  return out;
}

const std::vector<Airport>& airports() {
  static const std::vector<Airport> table = parse_airports(data::airports_csv);
  return table;
}

const Airport* find_airport(std::string_view code) {
  const auto& all = airports();
  const auto it = std::lower_bound(all.begin(), all.end(), code,
                                   [](const Airport& a, std::string_view c) { return a.code < c; });
  return it != all.end() && it->code == code ? &*it : nullptr;
}

PlaceIndex::PlaceIndex(const std::vector<City>& cities, const std::vector<Country>& countries) {
  for (const auto& c : cities) cities_.push_back({c.code, c.name, c.country, c.lat, c.lon});
  std::stable_sort(cities_.begin(), cities_.end(),
                   [](const CityRef& a, const CityRef& b) { return a.code < b.code; });
  // A later entry with the same code replaces an earlier one (a document's own city overrides
  // the default one), as in the network itself: keep the last of each run of equal codes.
  const auto kept =
      std::unique(cities_.rbegin(), cities_.rend(),
                  [](const CityRef& a, const CityRef& b) { return a.code == b.code; });
  cities_.erase(cities_.begin(), kept.base());
  for (const auto& c : cities_)
    if (!c.name.empty()) names_[fold_for_matching(c.name)].cities.push_back(c.code);
  for (const auto& row : place_names()) {
    auto& named = names_[fold_for_matching(row.name)];
    if (row.city == "?") {
      named.ambiguity = row.note;
    } else if (city(row.city) != nullptr && std::find(named.cities.begin(), named.cities.end(),
                                                      row.city) == named.cities.end()) {
      named.cities.push_back(row.city);
    }
  }
  for (const auto& c : countries) {
    country_names_[fold_for_matching(c.name)] = c.code;
    country_names_[fold_for_matching(c.code)] = c.code;
  }
}

const PlaceIndex::CityRef* PlaceIndex::city(std::string_view code) const {
  const auto it = std::lower_bound(cities_.begin(), cities_.end(), code,
                                   [](const CityRef& c, std::string_view k) { return c.code < k; });
  return it != cities_.end() && it->code == code ? &*it : nullptr;
}

std::optional<std::string> PlaceIndex::country_code(std::string_view text) const {
  const auto it = country_names_.find(fold_for_matching(text));
  if (it == country_names_.end()) return std::nullopt;
  return it->second;
}

PlaceMatch PlaceIndex::airport_match(const Airport& a, std::string_view text) const {
  if (!a.city.empty()) {
    if (city(a.city) != nullptr) return {a.city, {}};
    return {std::nullopt, dquote(text) + " is an airport of " + a.place + " (city " +
                              dquote(a.city) + "), which is not a city of this network"};
  }
  std::string msg = dquote(text) + " is the airport of " + a.place + " (" + a.country +
                    "), which is not a city of the network";
  const CityRef* nearest = nullptr;
  double best = 0;
  for (const auto& c : cities_) {
    const double d = great_circle_km(*a.lat, *a.lon, c.lat, c.lon);
    if (nearest == nullptr || d < best) {
      nearest = &c;
      best = d;
    }
  }
  if (nearest != nullptr) {
    std::ostringstream km;
    km << std::fixed << std::setprecision(0) << best;
    msg += "; the nearest network city is " + dquote(nearest->code) + " (" + nearest->name + ", " +
           km.str() + " km away)";
  }
  return {std::nullopt, msg};
}

std::string PlaceIndex::name_hint(const std::string& folded) const {
  std::vector<std::string> keys;
  std::vector<const Named*> named;
  // A suggestion must be the same place misspelt: a name that shares the first letter (typos
  // rarely hit it), so that "Changi" is not offered "Hanoi".
  for (const auto& [k, v] : names_) {
    if (!v.ambiguity.empty() || v.cities.size() != 1) continue;
    if (k.empty() || folded.empty() || k.front() != folded.front()) continue;
    keys.push_back(k);
    named.push_back(&v);
  }
  const auto i = closest_match_index(folded, keys);
  if (!i) return {};
  const auto* c = city(named[*i]->cities.front());
  return " (did you mean " + dquote(c->name) + ", city " + dquote(c->code) + "?)";
}

PlaceMatch PlaceIndex::resolve(std::string_view raw) const {
  const auto text = trim(raw);
  const std::string expected =
      "expected a city code (such as \"LON\"), an airport code (such as \"LHR\") or a city name";
  if (text.empty()) return {std::nullopt, "a place must not be empty; " + expected};
  if (city(text) != nullptr) return {std::string(text), {}};
  if (text.size() == 3 && is_ascii_letters(text)) {
    const auto code = upper_ascii(text);
    if (city(code) != nullptr) return {code, {}};
    if (const auto* a = find_airport(code)) return airport_match(*a, text);
  }
  // A name, maybe with ", <country>".
  auto name = text;
  std::optional<std::string> country;
  if (const auto comma = text.rfind(','); comma != std::string_view::npos) {
    name = trim(text.substr(0, comma));
    const auto given = trim(text.substr(comma + 1));
    country = country_code(given);
    if (!country && given.size() == 2 && is_ascii_letters(given)) country = upper_ascii(given);
    if (!country)
      return {std::nullopt, "unknown country " + dquote(given) + " in " + dquote(text) +
                                "; expected an ISO country code or an English country name"};
  }
  const auto folded = fold_for_matching(name);
  if (const auto it = names_.find(folded); it != names_.end()) {
    std::vector<std::string> found;
    for (const auto& code : it->second.cities)
      if (!country || city(code)->country == *country) found.push_back(code);
    if (country && found.size() == 1) return {found.front(), {}};
    if (!country && it->second.ambiguity.empty() && found.size() == 1) return {found.front(), {}};
    if (!country && !it->second.ambiguity.empty())
      return {std::nullopt, dquote(name) + " is ambiguous: " + it->second.ambiguity +
                                "; write the city code or add the country (\"" + std::string(name) +
                                ", <country>\")"};
    if (found.size() > 1) {
      std::string list;
      for (const auto& code : found)
        list += (list.empty() ? "" : ", ") + dquote(code) + " (" + city(code)->country + ")";
      return {std::nullopt,
              dquote(name) + " names several network cities: " + list + "; write the city code"};
    }
    if (country) return {std::nullopt, "no network city " + dquote(name) + " in " + *country};
  }
  std::string hint;
  if (fold_for_matching(name).size() > 3) hint = name_hint(folded);
  return {std::nullopt, "unknown city or airport " + dquote(text) + "; " + expected + hint};
}

const PlaceIndex& default_places() {
  static const PlaceIndex index(default_world().cities, default_world().countries);
  return index;
}

} // namespace flyorcall::network
