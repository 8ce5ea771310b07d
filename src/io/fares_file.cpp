// The company fare table reader (fares_file.hpp).
#include "io/fares_file.hpp"

#include <algorithm>
#include <charconv>
#include <cmath>
#include <map>
#include <optional>

#include "flyorcall/errors.hpp"
#include "flyorcall/limits.hpp"
#include "io/input_reader.hpp"
#include "model/csv.hpp"
#include "model/suggest.hpp"
#include "model/utf8.hpp"
#include "network/places.hpp"
#include "network/world_data.hpp"

namespace flyorcall::io {
namespace {

const std::vector<std::string> kColumns{"from",   "to",       "cabin",      "trip",
                                        "amount", "currency", "valid_from", "valid_to"};
const std::vector<std::string> kRequired{"from", "to", "cabin", "amount"};
constexpr double kMaxAmount = 1e9;

std::string quote(std::string_view s) {
  return quote_text(s, 80);
}

} // namespace

void add_fares_csv(Input& input, std::string_view text, std::string_view file_name) {
  const std::string file(file_name);
  std::vector<Problem> problems;
  const auto fail = [&](std::size_t line, const std::string& what) {
    problems.push_back({"", file + ":" + std::to_string(line) + ": " + what});
  };
  // Spreadsheets save "CSV UTF-8" with a byte-order mark.
  if (text.starts_with("\xEF\xBB\xBF")) text.remove_prefix(3);
  if (const auto bad = first_invalid_utf8(text); bad != std::string_view::npos) {
    const auto line_start = text.rfind('\n', bad == 0 ? 0 : bad - 1);
    const auto line =
        1 + std::count(text.begin(), text.begin() + static_cast<std::ptrdiff_t>(bad), '\n');
    const auto column =
        bad - (line_start == std::string_view::npos || bad == 0 ? 0 : line_start + 1);
    throw InputError({{"", file + ":" + std::to_string(line) + ": not valid UTF-8 (byte " +
                               std::to_string(column + 1) + " of the line)"}});
  }
  auto parsed = csv::parse(text, false);
  if (auto* e = std::get_if<csv::SyntaxError>(&parsed)) {
    fail(e->line, e->what);
    throw InputError(std::move(problems));
  }
  const auto& records = std::get<std::vector<csv::Record>>(parsed);
  if (records.empty())
    throw InputError({{"", file + ": empty; expected a header line such as "
                                  "\"from,to,cabin,trip,amount,currency\""}});
  if (records.size() - 1 > limits::kMaxFares)
    throw InputError({{"", file + ": " + std::to_string(records.size() - 1) + " rows; at most " +
                               std::to_string(limits::kMaxFares) + " fares"}});
  // The header: known column names in any order, each once, the required ones present.
  std::map<std::string, std::size_t> column;
  const auto& header = records.front();
  for (std::size_t k = 0; k < header.fields.size(); ++k) {
    const auto& name = header.fields[k];
    if (std::find(kColumns.begin(), kColumns.end(), name) == kColumns.end())
      fail(header.line, "unknown column " + quote(name) + did_you_mean(name, kColumns));
    else if (!column.emplace(name, k).second)
      fail(header.line, "column " + quote(name) + " is given twice");
  }
  for (const auto& name : kRequired)
    if (!column.contains(name)) fail(header.line, "missing column " + quote(name));
  if (!problems.empty()) throw InputError(std::move(problems));

  std::vector<City> cities;
  std::vector<Country> countries;
  if (input.network.use_default) {
    cities = network::default_world().cities;
    countries = network::default_world().countries;
  }
  cities.insert(cities.end(), input.network.cities.begin(), input.network.cities.end());
  countries.insert(countries.end(), input.network.countries.begin(), input.network.countries.end());
  const network::PlaceIndex places(cities, countries);

  std::vector<FareSpec> fares;
  for (std::size_t r = 1; r < records.size(); ++r) {
    const auto& rec = records[r];
    if (rec.fields.size() != header.fields.size()) {
      fail(rec.line, "expected " + std::to_string(header.fields.size()) + " fields, found " +
                         std::to_string(rec.fields.size()));
      continue;
    }
    const auto field = [&](const std::string& name) -> std::optional<std::string> {
      const auto it = column.find(name);
      if (it == column.end()) return std::nullopt;
      return rec.fields[it->second];
    };
    const auto bad = [&](const std::string& name, const std::string& what) {
      fail(rec.line, "column " + quote(name) + ": " + what);
    };
    FareSpec f;
    f.where = file + ":" + std::to_string(rec.line);
    bool ok = true;
    for (const char* end : {"from", "to"}) {
      const auto text_of = *field(end);
      const auto match = places.resolve(text_of);
      if (!match.city) {
        bad(end, match.error);
        ok = false;
      } else {
        (std::string(end) == "from" ? f.from : f.to) = *match.city;
      }
    }
    if (ok && f.from == f.to) {
      bad("to", "a fare must join two different cities; both ends are " + quote(f.to));
      ok = false;
    }
    const auto cabin = *field("cabin");
    const auto c = std::find(kCabinNames.begin(), kCabinNames.end(), cabin);
    if (c == kCabinNames.end()) {
      bad("cabin",
          "unknown cabin " + quote(cabin) + ": expected economy, premium, business or first");
      ok = false;
    } else {
      f.cabin = static_cast<Cabin>(c - kCabinNames.begin());
    }
    if (const auto trip = field("trip"); trip && !trip->empty()) {
      if (*trip == "return")
        f.round_trip = true;
      else if (*trip != "one-way") {
        bad("trip", "expected one-way or return, found " + quote(*trip));
        ok = false;
      }
    }
    const auto amount = *field("amount");
    double value = 0;
    const auto [end, ec] = std::from_chars(amount.data(), amount.data() + amount.size(), value);
    if (amount.empty() || ec != std::errc() || end != amount.data() + amount.size() ||
        !std::isfinite(value) || value <= 0 || value > kMaxAmount) {
      bad("amount", "expected an amount above 0 and at most 1e9, found " + quote(amount));
      ok = false;
    }
    f.amount = value;
    if (const auto cur = field("currency"); cur && !cur->empty()) {
      if (!network::eur_rate(*cur)) {
        bad("currency", "unknown currency " + quote(*cur) +
                            "; expected an ISO 4217 code with a reference rate" +
                            did_you_mean_code(*cur, network::known_currencies()));
        ok = false;
      } else {
        f.currency = *cur;
      }
    }
    for (const char* name : {"valid_from", "valid_to"}) {
      const auto v = field(name);
      if (!v || v->empty()) continue;
      auto d = parse_iso_date(*v);
      if (auto* msg = std::get_if<std::string>(&d)) {
        bad(name, *msg);
        ok = false;
        continue;
      }
      (std::string(name) == "valid_from" ? f.valid_from : f.valid_to) = std::get<Date>(d);
    }
    if (f.valid_from && f.valid_to && *f.valid_to < *f.valid_from) {
      bad("valid_to", "the fare's validity ends before it starts");
      ok = false;
    }
    if (ok) fares.push_back(std::move(f));
  }
  if (!problems.empty()) throw InputError(std::move(problems));
  input.network.fares.insert(input.network.fares.end(), fares.begin(), fares.end());
}

} // namespace flyorcall::io
