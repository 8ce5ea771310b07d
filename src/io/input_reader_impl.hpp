// The input reader's internals (src/io/input_reader*.cpp; internal to src/io): the Reader class,
// which turns a parsed document into flyorcall::Input, and the helpers its messages use. Its parts
// are defined by topic: input_reader.cpp (the document, travellers, clients, events),
// input_network.cpp (network, fares, countries, cities, legs) and input_policy.cpp (the policy).
#pragma once

#include <algorithm>
#include <cmath>
#include <cstddef>
#include <cstdint>
#include <functional>
#include <map>
#include <optional>
#include <string>
#include <string_view>
#include <utility>
#include <variant>
#include <vector>

#include "flyorcall/limits.hpp"
#include "flyorcall/model.hpp"
#include "io/input_reader.hpp"
#include "io/json_document.hpp"
#include "model/suggest.hpp"
#include "model/utf8.hpp"
#include "network/places.hpp"
#include "network/world_data.hpp"
#include "time/working_hours.hpp"

namespace flyorcall::io::detail {

// Sanity limits: anything beyond them is a typo (an extra zero, a unit mix-up), not a plan.
constexpr double kMaxMoneyUnits = 1e12;
constexpr int kMinYear = 2000;
constexpr int kMaxYear = 2100;
constexpr int kMaxHorizonDays = limits::kMaxHorizonDays;

// ---------------------------------------------------------------------------------------------
// Small formatting helpers

/// A bound in a message: integers without a fraction, other values as %g.
[[nodiscard]] std::string bound(double x);

/// The JSON type of a value, for "expected a string, found number".
[[nodiscard]] std::string found(const Json& v);

/// A value as written, for "expected a number from 0 to 1, found 1.5".
[[nodiscard]] std::string found_value(const Json& v);

/// A date as YYYY-MM-DD.
[[nodiscard]] std::string date_text(Date d);

/// "a, b or c".
[[nodiscard]] std::string one_of(const std::vector<std::string>& names);

/// "YYYY-MM-DD" -> date, or a message.
[[nodiscard]] std::variant<Date, std::string> parse_date(const std::string& s);

// ---------------------------------------------------------------------------------------------
// The reader

class Reader {
public:
  /// A reader adding the problems it finds to `problems`, in the order it finds them (sorted
  /// into document order by the caller).
  explicit Reader(ProblemList& problems) : problems_(problems) {}
  /// The model of a parsed document; adds everything wrong in it to the problem list.
  Input read(const Json& doc);

  /// The keys one object of the document may hold, at the object's pointer.
  struct KeysAllowed {
    std::string pointer;
    std::vector<std::string> keys;
  };
  /// Records, for every object the reader checks, the keys it allows there (the schema test
  /// compares them with data/schema/input.schema.json). Null: nothing is recorded.
  void record_keys(std::vector<KeysAllowed>* log) { keys_log_ = log; }

private:
  using Handler = std::function<void(const Json&, const std::string&)>;
  struct Field {
    std::string key;
    Handler read;
    bool required = false;
  };

  void problem(const std::string& ptr, std::string message) {
    problems_.add(ptr, std::move(message));
  }
  /// A suggestion, unless the problem will not be listed anyway: finding one scans every
  /// candidate, which adds up over millions of unlisted problems.
  std::string hint(std::string_view word, const std::vector<std::string>& candidates) const {
    return problems_.full() ? std::string() : did_you_mean(word, candidates);
  }
  /// What an unknown currency code is told: codes are offered only a letter-case fix (a near
  /// spelling is another currency: SAR is not ZAR).
  static std::string unknown_currency(std::string_view code) {
    return "unknown currency " + dquote(code) +
           "; expected an ISO 4217 code with a reference rate" +
           did_you_mean_code(code, network::known_currencies());
  }
  static std::string member(const std::string& ptr, std::string_view key) {
    return ptr + "/" + io::escape_pointer_token(key);
  }
  static std::string item(const std::string& ptr, std::size_t i) {
    return ptr + "/" + std::to_string(i);
  }

  /// Checks that `j` is an object whose keys are all known; runs the handlers of the present
  /// keys in the order of `fields` (so later fields may use earlier ones) and reports missing
  /// required keys. Returns false when `j` is not an object.
  bool object(const Json& j, const std::string& ptr, const std::vector<Field>& fields) {
    if (!j.is_object()) {
      problem(ptr, "expected an object, found " + found(j));
      return false;
    }
    check_keys(j, ptr, fields);
    for (const auto& f : fields) {
      if (const auto it = j.find(f.key); it != j.end()) {
        if (f.read) f.read(*it, member(ptr, f.key));
      } else if (f.required) {
        problem(ptr, "missing required key " + dquote(f.key));
      }
    }
    return true;
  }

  void check_keys(const Json& j, const std::string& ptr, const std::vector<Field>& fields) {
    std::vector<std::string> names;
    for (const auto& f : fields) names.push_back(f.key);
    if (keys_log_ != nullptr) keys_log_->push_back({ptr, names});
    for (auto it = j.begin(); it != j.end(); ++it) {
      if (std::find(names.begin(), names.end(), it.key()) == names.end())
        problem(member(ptr, it.key()), "unknown key " + dquote(it.key()) + hint(it.key(), names));
    }
  }

  /// Runs `read_item` on every element of an array of at most `max_items` elements (a longer
  /// array is one problem, and none of its elements is read).
  bool array(const Json& j, const std::string& ptr,
             const std::function<void(const Json&, const std::string&, std::size_t)>& read_item,
             std::size_t max_items = 100) {
    if (!j.is_array()) {
      problem(ptr, "expected an array, found " + found(j));
      return false;
    }
    if (j.size() > max_items) {
      problem(ptr, "expected at most " + std::to_string(max_items) + " items, found " +
                       std::to_string(j.size()) + " (docs/input.md, Limits)");
      return false;
    }
    for (std::size_t i = 0; i < j.size(); ++i) read_item(j[i], item(ptr, i), i);
    return true;
  }

  /// Which control characters a string may hold: ids, names and codes none (they end up in
  /// terminals, CSV and file names), free text line breaks and tabs.
  enum class Text : std::uint8_t { line, multiline };

  std::optional<std::string> string(const Json& v, const std::string& p, Text text = Text::line) {
    if (!v.is_string()) {
      problem(p, "expected a string, found " + found(v));
      return std::nullopt;
    }
    const auto& s = v.get_ref<const std::string&>();
    for (std::size_t i = 0; i < s.size(); ++i) {
      const auto ctl = control_at(s, i);
      if (!ctl) continue;
      const bool allowed =
          text == Text::multiline && (ctl->code == '\n' || ctl->code == '\t' || ctl->code == '\r');
      if (allowed) continue;
      problem(p, text == Text::line
                     ? "expected a string without control characters, found " + dquote(s)
                     : "expected a string without control characters other than tab, line feed "
                       "and carriage return, found " +
                           dquote(s));
      return std::nullopt;
    }
    return s;
  }

  std::optional<std::string> nonempty(const Json& v, const std::string& p) {
    auto s = string(v, p);
    if (s && s->empty()) {
      problem(p, "expected a non-empty string");
      return std::nullopt;
    }
    return s;
  }

  std::optional<bool> boolean(const Json& v, const std::string& p) {
    if (!v.is_boolean()) {
      problem(p, "expected true or false, found " + found(v));
      return std::nullopt;
    }
    return v.get<bool>();
  }

  std::optional<double> number(const Json& v, const std::string& p, double lo, double hi) {
    if (!v.is_number()) {
      problem(p, "expected a number, found " + found(v));
      return std::nullopt;
    }
    const double x = v.get<double>();
    if (!(x >= lo && x <= hi)) {
      problem(p, "expected a number from " + bound(lo) + " to " + bound(hi) + ", found " +
                     found_value(v));
      return std::nullopt;
    }
    return x;
  }

  std::optional<int> integer(const Json& v, const std::string& p, int lo, int hi) {
    if (!v.is_number()) {
      problem(p, "expected an integer, found " + found(v));
      return std::nullopt;
    }
    const double x = v.get<double>();
    if (std::floor(x) != x || x < lo || x > hi) {
      problem(p, "expected an integer from " + std::to_string(lo) + " to " + std::to_string(hi) +
                     ", found " + found_value(v));
      return std::nullopt;
    }
    return static_cast<int>(x);
  }

  std::optional<Money> money(const Json& v, const std::string& p) {
    if (!v.is_number()) {
      problem(p, "expected an amount, found " + found(v));
      return std::nullopt;
    }
    const double x = v.get<double>();
    if (x < 0) {
      problem(p, "expected a non-negative amount, found " + found_value(v));
      return std::nullopt;
    }
    if (x > kMaxMoneyUnits) {
      problem(p, "expected an amount up to " + bound(kMaxMoneyUnits) + ", found " + found_value(v));
      return std::nullopt;
    }
    return money_from_units(x);
  }

  std::optional<Date> date_value(const Json& v, const std::string& p) {
    const auto s = string(v, p);
    if (!s) return std::nullopt;
    auto d = parse_date(*s);
    if (auto* msg = std::get_if<std::string>(&d)) {
      problem(p, *msg);
      return std::nullopt;
    }
    return std::get<Date>(d);
  }

  /// A string from a fixed set of names, with a suggestion for a near miss.
  std::optional<std::size_t> choice(const Json& v, const std::string& p, std::string_view what,
                                    const std::vector<std::string>& names) {
    const auto s = string(v, p);
    if (!s) return std::nullopt;
    if (const auto it = std::find(names.begin(), names.end(), *s); it != names.end())
      return static_cast<std::size_t>(it - names.begin());
    const auto suggestion = hint(*s, names);
    problem(p, "unknown " + std::string(what) + " " + dquote(*s) +
                   (suggestion.empty() ? ": expected " + one_of(names) : suggestion));
    return std::nullopt;
  }

  std::optional<WorkingHours> working_hours(const Json& v, const std::string& p) {
    const auto s = string(v, p);
    if (!s) return std::nullopt;
    auto parsed = timez::parse_working_hours(*s);
    if (auto* msg = std::get_if<std::string>(&parsed)) {
      problem(p, "invalid working hours " + dquote(*s) + ": " + *msg);
      return std::nullopt;
    }
    return std::get<WorkingHours>(parsed);
  }

  /// A reference to a city of the network (default data and the document's own cities): a city
  /// code, an airport code or a city name (network/places.hpp); the city's code is kept.
  std::optional<std::string> city_ref(const Json& v, const std::string& p) {
    const auto s = string(v, p);
    if (!s) return std::nullopt;
    auto match = places().resolve(*s);
    if (!match.city) {
      problem(p, match.error);
      return std::nullopt;
    }
    return match.city;
  }

  /// The place index of the network read so far (rebuilt after the network's cities change).
  const network::PlaceIndex& places() {
    if (!places_) {
      std::vector<City> cities;
      std::vector<Country> countries;
      if (in_.network.use_default) {
        cities = network::default_world().cities;
        countries = network::default_world().countries;
      }
      cities.insert(cities.end(), in_.network.cities.begin(), in_.network.cities.end());
      countries.insert(countries.end(), in_.network.countries.begin(), in_.network.countries.end());
      places_.emplace(cities, countries);
    }
    return *places_;
  }

  std::optional<std::string> time_zone(const Json& v, const std::string& p);
  std::optional<std::string> country_code(const Json& v, const std::string& p);

  /// Reports a repeated id; `seen` maps ids to the pointer of their first use.
  void unique(const std::string& id, const std::string& p, std::map<std::string, std::string>& seen,
              std::string_view what) {
    const auto [it, fresh] = seen.emplace(id, p);
    if (!fresh)
      problem(p, "duplicate " + std::string(what) + " " + dquote(id) + " (first at " + it->second +
                     ")");
  }

  void read_currency(const Json& v, const std::string& p);
  void read_horizon(const Json& doc);
  void read_network(const Json& j, const std::string& p);
  void read_country(const Json& j, const std::string& p);
  void read_city(const Json& j, const std::string& p);
  void read_leg(const Json& j, const std::string& p);
  void read_fare(const Json& j, const std::string& p);
  void read_traveller(const Json& j, const std::string& p);
  void read_client(const Json& j, const std::string& p);
  std::optional<DateRange> read_window(const Json& j, const std::string& p, bool in_horizon);
  void read_event(const Json& j, const std::string& p);
  void read_policy(const Json& j, const std::string& p);

  /// Adds a read item to the model unless the document already failed: the model is then
  /// thrown away, and a huge broken list must not be copied into it.
  template <class T> void keep(std::vector<T>& list, T&& value) {
    if (problems_.listed.empty()) list.push_back(std::forward<T>(value));
  }

  void check_in_horizon(Date d, const std::string& p) {
    if (!horizon_ok_) return;
    if (d < in_.horizon.first || d > in_.horizon.last)
      problem(p, "date " + date_text(d) + " is outside the horizon " +
                     date_text(in_.horizon.first) + ".." + date_text(in_.horizon.last));
  }

  ProblemList& problems_;
  std::vector<KeysAllowed>* keys_log_ = nullptr;
  Input in_;
  bool horizon_ok_ = false;
  bool travellers_listed_ = false; // else client references to travellers cannot be checked
  double eur_rate_ = 1.0;          // document currency units per EUR, for default-data money
  std::optional<network::PlaceIndex> places_; // built on first use, reset when cities change
  std::map<std::string, std::string> traveller_ids_;
  std::map<std::string, std::string> client_ids_;
  std::map<std::string, std::string> city_defs_;
  std::map<std::string, std::string> country_defs_;
};

// The names choice() accepts, in the order of their enumerations.
inline const std::vector<std::string> kCabinChoices(kCabinNames.begin(), kCabinNames.end());
inline const std::vector<std::string> kWeekdayChoices(kWeekdayNames.begin(), kWeekdayNames.end());
inline const std::vector<std::string> kEventKinds(kEventKindNames.begin(), kEventKindNames.end());
inline const std::vector<std::string> kWeekendRules{"home", "stay"};
inline const std::vector<std::string> kTripChoices{"one-way", "return"};
inline const std::vector<std::string> kAllowanceChoices(kAllowanceTableNames.begin(),
                                                        kAllowanceTableNames.end());

} // namespace flyorcall::io::detail
