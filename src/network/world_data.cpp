// Parser for the embedded world data. The CSV files are compiled into the library, so a
// malformed row is a build-time bug of the project, reported as an internal error with file:line.
#include "network/world_data.hpp"

#include <algorithm>
#include <array>
#include <charconv>
#include <cmath>
#include <functional>
#include <set>

#include "flyorcall/errors.hpp"
#include "model/csv.hpp"
#include "model/embedded_data.hpp"

namespace flyorcall::network {
namespace {

/// Location of a row, for error messages.
struct Where {
  std::string_view file;
  std::size_t line = 0;
};

[[noreturn]] void fail(const Where& w, const std::string& what) {
  throw Error(ErrorCode::internal,
              std::string(w.file) + ":" + std::to_string(w.line) + ": " + what);
}

std::string_view trim(std::string_view s) {
  while (!s.empty() && (s.front() == ' ' || s.front() == '\t')) s.remove_prefix(1);
  while (!s.empty() && (s.back() == ' ' || s.back() == '\t' || s.back() == '\r'))
    s.remove_suffix(1);
  return s;
}

std::vector<std::string_view> split(std::string_view s, char sep) {
  std::vector<std::string_view> out;
  std::size_t start = 0;
  for (;;) {
    const auto pos = s.find(sep, start);
    if (pos == std::string_view::npos) {
      out.push_back(trim(s.substr(start)));
      return out;
    }
    out.push_back(trim(s.substr(start, pos - start)));
    start = pos + 1;
  }
}

/// Calls `row` for each data row (after the version line and the header), with its fields;
/// the file is read by the one CSV reader (csv::read_data_table). Returns the version.
std::string
for_each_row(std::string_view text, std::string_view file, std::string_view header,
             const std::function<void(const std::vector<std::string_view>&, const Where&)>& row) {
  const csv::DataTable table = csv::read_data_table(text, file, header);
  for (const csv::Record& r : table.rows) {
    const std::vector<std::string_view> fields(r.fields.begin(), r.fields.end());
    row(fields, Where{file, r.line});
  }
  return table.version;
}

double to_double(std::string_view s, const Where& w, std::string_view field, double lo, double hi) {
  double v = 0;
  const auto* first = s.data();
  const auto* last = s.data() + s.size();
  const auto [ptr, ec] = std::from_chars(first, last, v);
  if (s.empty() || ec != std::errc() || ptr != last || !std::isfinite(v))
    fail(w, std::string(field) + ": expected a number, found \"" + std::string(s) + "\"");
  if (v < lo || v > hi)
    fail(w, std::string(field) + ": " + std::string(s) + " is outside [" + std::to_string(lo) +
                ", " + std::to_string(hi) + "]");
  return v;
}

bool all_upper(std::string_view s, std::size_t n) {
  return s.size() == n &&
         std::all_of(s.begin(), s.end(), [](char c) { return c >= 'A' && c <= 'Z'; });
}

void check_code(std::string_view s, std::size_t n, const Where& w, std::string_view field) {
  if (!all_upper(s, n))
    fail(w, std::string(field) + ": expected " + std::to_string(n) +
                " upper-case letters, found \"" + std::string(s) + "\"");
}

void check_text(std::string_view s, const Where& w, std::string_view field) {
  if (s.empty()) fail(w, std::string(field) + ": must not be empty");
}

WeekdayMask parse_weekend(std::string_view s, const Where& w) {
  // C encoding (0 = Sunday), matching WeekdayMask.
  WeekdayMask mask = 0;
  for (const auto name : split(s, ' ')) {
    if (name.empty()) continue;
    const auto it = std::find(kWeekdayNames.begin(), kWeekdayNames.end(), name);
    if (it == kWeekdayNames.end())
      fail(w, "weekend: expected day names like \"Sat Sun\", found \"" + std::string(s) + "\"");
    const auto bit = static_cast<unsigned>(it - kWeekdayNames.begin());
    if (mask & (1u << bit)) fail(w, "weekend: \"" + std::string(name) + "\" listed twice");
    mask = static_cast<WeekdayMask>(mask | (1u << bit));
  }
  if (mask == 0) fail(w, "weekend: expected at least one day name");
  return mask;
}

template <class T> void sort_unique_by_code(std::vector<T>& v, std::string_view file) {
  std::sort(v.begin(), v.end(), [](const T& a, const T& b) { return a.code < b.code; });
  const auto dup = std::adjacent_find(v.begin(), v.end(),
                                      [](const T& a, const T& b) { return a.code == b.code; });
  if (dup != v.end())
    throw Error(ErrorCode::internal,
                std::string(file) + ": code \"" + dup->code + "\" is listed more than once");
}

} // namespace

WorldData parse_world_data(std::string_view cities_csv, std::string_view countries_csv) {
  constexpr std::string_view kCitiesFile = "data/cities.csv";
  constexpr std::string_view kCountriesFile = "data/countries.csv";
  WorldData w;
  w.version = for_each_row(cities_csv, kCitiesFile, "code,name,country,tz,lat,lon,region",
                           [&](const std::vector<std::string_view>& f, const Where& at) {
                             City c;
                             check_code(f[0], 3, at, "code");
                             c.code = std::string(f[0]);
                             check_text(f[1], at, "name");
                             c.name = std::string(f[1]);
                             check_code(f[2], 2, at, "country");
                             c.country = std::string(f[2]);
                             check_text(f[3], at, "tz");
                             c.tz = std::string(f[3]);
                             c.lat = to_double(f[4], at, "lat", -90, 90);
                             c.lon = to_double(f[5], at, "lon", -180, 180);
                             check_text(f[6], at, "region");
                             c.region = std::string(f[6]);
                             w.cities.push_back(std::move(c));
                           });
  sort_unique_by_code(w.cities, kCitiesFile);

  const auto countries_version =
      for_each_row(countries_csv, kCountriesFile, "code,name,weekend,hotel_kg_co2",
                   [&](const std::vector<std::string_view>& f, const Where& at) {
                     Country c;
                     check_code(f[0], 2, at, "code");
                     c.code = std::string(f[0]);
                     check_text(f[1], at, "name");
                     c.name = std::string(f[1]);
                     c.weekend = parse_weekend(f[2], at);
                     if (!f[3].empty())
                       c.hotel_kg_co2 = to_double(f[3], at, "hotel_kg_co2", 0, 1000);
                     w.countries.push_back(std::move(c));
                   });
  sort_unique_by_code(w.countries, kCountriesFile);
  // Both files describe one data release; a mismatch means one of them was not updated.
  if (countries_version != w.version)
    throw Error(ErrorCode::internal, std::string(kCountriesFile) + ": data version \"" +
                                         countries_version + "\" differs from " +
                                         std::string(kCitiesFile) + " (\"" + w.version + "\")");
  return w;
}

std::vector<FxRate> parse_fx(std::string_view fx_csv) {
  constexpr std::string_view kFile = "data/fx.csv";
  std::vector<FxRate> rates;
  std::set<std::string, std::less<>> seen;
  for_each_row(fx_csv, kFile, "currency,per_eur",
               [&](const std::vector<std::string_view>& f, const Where& at) {
                 check_code(f[0], 3, at, "currency");
                 if (!seen.insert(std::string(f[0])).second)
                   fail(at, "currency \"" + std::string(f[0]) + "\" is listed more than once");
                 const double rate = to_double(f[1], at, "per_eur", 1e-9, 1e9);
                 if (f[0] == "EUR" && rate != 1.0) fail(at, "EUR must be 1 per EUR");
                 rates.push_back({std::string(f[0]), rate});
               });
  std::sort(rates.begin(), rates.end(),
            [](const FxRate& a, const FxRate& b) { return a.currency < b.currency; });
  if (!seen.contains("EUR"))
    rates.insert(
        std::lower_bound(rates.begin(), rates.end(), "EUR",
                         [](const FxRate& r, std::string_view c) { return r.currency < c; }),
        FxRate{"EUR", 1.0});
  return rates;
}

const WorldData& default_world() {
  // A function-local static is initialised once, thread-safely (C++11 magic statics).
  static const WorldData world = parse_world_data(data::cities_csv, data::countries_csv);
  return world;
}

namespace {
const std::vector<FxRate>& default_fx() {
  static const std::vector<FxRate> rates = parse_fx(data::fx_csv);
  return rates;
}
} // namespace

std::optional<double> eur_rate(std::string_view currency) {
  const auto& rates = default_fx();
  const auto it =
      std::lower_bound(rates.begin(), rates.end(), currency,
                       [](const FxRate& r, std::string_view c) { return r.currency < c; });
  if (it == rates.end() || it->currency != currency) return std::nullopt;
  return it->per_eur;
}

std::vector<std::string> known_currencies() {
  std::vector<std::string> out;
  for (const auto& r : default_fx()) out.push_back(r.currency);
  return out;
}

} // namespace flyorcall::network
