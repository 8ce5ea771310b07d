// The strict input reader: JSON text -> flyorcall::Input. Every problem is collected (never just
// the first), located by a JSON Pointer, and finally sorted into document order, so that one run
// of `flyorcall validate` shows everything a user has to fix. Schema: docs/input.md; messages:
// docs/errors.md.
#include "io/input_reader.hpp"

#include <algorithm>
#include <cmath>
#include <cstdio>
#include <functional>
#include <map>
#include <optional>
#include <set>
#include <string>
#include <unordered_map>
#include <utility>
#include <variant>
#include <vector>

#include <date/date.h>
#include <date/tz.h>
#include <nlohmann/json.hpp>

#include "flyorcall/flyorcall.hpp"
#include "flyorcall/limits.hpp"
#include "io/json_scan.hpp"
#include "model/suggest.hpp"
#include "model/utf8.hpp"
#include "network/places.hpp"
#include "network/world_data.hpp"
#include "time/working_hours.hpp"
#include "time/zones.hpp"

namespace flyorcall {
namespace {

using Json = nlohmann::ordered_json;

// Sanity limits: anything beyond them is a typo (an extra zero, a unit mix-up), not a plan.
constexpr double kMaxMoneyUnits = 1e12;
constexpr int kMinYear = 2000;
constexpr int kMaxYear = 2100;
constexpr int kMaxHorizonDays = limits::kMaxHorizonDays;
// Nobody reads more problems than this; storing millions of them (a 64 MB list of empty
// objects) would exhaust memory long before the list is useful.
constexpr std::size_t kMaxListedProblems = 1000;
// Quoted text in a message is cut after this many characters: the message must stay readable
// and small even when the offending value is megabytes long.
constexpr std::size_t kMaxQuotedChars = 80;

/// Problems found so far: the first kMaxListedProblems are kept, the rest only counted.
struct ProblemList {
  std::vector<Problem> listed;
  std::size_t unlisted = 0;
  /// True when further problems will only be counted (so suggestions need not be computed).
  [[nodiscard]] bool full() const { return listed.size() >= kMaxListedProblems; }
  void add(std::string pointer, std::string message) {
    if (full())
      ++unlisted;
    else
      listed.push_back({std::move(pointer), std::move(message)});
  }
};

// ---------------------------------------------------------------------------------------------
// Text positions

struct LineColumn {
  std::size_t line = 1;
  std::size_t column = 1;
};

/// Line and column (both 1-based; columns count characters, not bytes) of a byte offset.
LineColumn line_column(std::string_view text, std::size_t offset) {
  LineColumn lc;
  const std::size_t end = std::min(offset, text.size());
  for (std::size_t i = 0; i < end; ++i) {
    const auto c = static_cast<unsigned char>(text[i]);
    if (c == '\n') {
      ++lc.line;
      lc.column = 1;
    } else if ((c & 0xC0u) != 0x80u) { // continuation bytes belong to the previous character
      ++lc.column;
    }
  }
  return lc;
}

std::string at_line_column(std::string_view text, std::size_t offset) {
  const auto lc = line_column(text, offset);
  return "line " + std::to_string(lc.line) + ", column " + std::to_string(lc.column);
}

std::string dquote(std::string_view s) {
  return quote_text(s, kMaxQuotedChars);
}

// ---------------------------------------------------------------------------------------------
// Parsing: a SAX handler that builds an order-preserving DOM, reports duplicate keys (which
// nlohmann would silently merge) and keeps the byte offset of a syntax error.

class DomBuilder {
public:
  using number_integer_t = Json::number_integer_t;
  using number_unsigned_t = Json::number_unsigned_t;
  using number_float_t = Json::number_float_t;
  using string_t = Json::string_t;
  using binary_t = Json::binary_t;

  DomBuilder(Json& root, ProblemList& problems) : root_(root), problems_(problems) {}

  bool null() { return put(Json(nullptr)), true; }
  bool boolean(bool v) { return put(Json(v)), true; }
  bool number_integer(number_integer_t v) { return put(Json(v)), true; }
  bool number_unsigned(number_unsigned_t v) { return put(Json(v)), true; }
  bool number_float(number_float_t v, const string_t& /*text*/) { return put(Json(v)), true; }
  bool string(string_t& v) {
    v.shrink_to_fit(); // the parser's buffer grew by doubling; the tree keeps only the text
    return put(Json(std::move(v))), true;
  }
  bool binary(binary_t& /*v*/) { return false; } // JSON text never produces binary values
  bool start_object(std::size_t /*size*/) {
    if (too_deep()) return false;
    stack_.push_back(Frame{put(Json::object()), {}, std::nullopt, {}});
    return true;
  }
  bool key(string_t& k) {
    auto& top = stack_.back();
    // A hash index, not the object's own lookup: ordered_json searches linearly, which made an
    // object of n members cost n^2.
    const auto [it, fresh] = top.members.try_emplace(k, Member{top.node->size(), false});
    if (!fresh && !it->second.reported) {
      it->second.reported = true; // a key given three times is still one problem
      problems_.add(pointer_to(k), "duplicate key " + dquote(k));
    }
    top.key = k;
    top.slot = fresh ? std::nullopt : std::optional<std::size_t>(it->second.index);
    return true;
  }
  bool end_object() {
    stack_.pop_back();
    return true;
  }
  bool start_array(std::size_t /*size*/) {
    if (too_deep()) return false;
    stack_.push_back(Frame{put(Json::array()), {}, std::nullopt, {}});
    return true;
  }
  bool end_array() {
    stack_.pop_back();
    return true;
  }
  bool parse_error(std::size_t position, const std::string& token,
                   const nlohmann::detail::exception& ex) {
    error_position = position;
    error_token = token;
    error_id = ex.id;
    error_what = ex.what();
    return false;
  }

  std::size_t error_position = 0; ///< characters read when the error was seen (1-based)
  std::string error_token;
  int error_id = 0;
  std::string error_what;
  std::optional<Problem> depth_problem; ///< set when the nesting limit stopped the parse

private:
  struct Member {
    std::size_t index; // position in the object
    bool reported;     // its duplicate was reported
  };
  struct Frame {
    Json* node;
    std::string key;                                      // current key of an object
    std::optional<std::size_t> slot;                      // position of a repeated key
    std::unordered_map<std::string, Member> members = {}; // keys seen in an object
  };

  // Pointers to open containers stay valid: a container is only modified while it is the
  // innermost open one, and then none of its children is open.
  Json* put(Json v) {
    if (stack_.empty()) {
      root_ = std::move(v);
      return &root_;
    }
    auto& top = stack_.back();
    if (top.node->is_array()) {
      top.node->push_back(std::move(v));
      return &top.node->back();
    }
    auto& members = top.node->get_ref<Json::object_t&>();
    if (top.slot) { // a repeated key: the last value wins, in the first one's place
      Json& slot = std::next(members.begin(), static_cast<std::ptrdiff_t>(*top.slot))->second;
      slot = std::move(v);
      return &slot;
    }
    members.Container::emplace_back(top.key, std::move(v));
    return &members.back().second;
  }

  // The schema nests five levels deep; a limit keeps hostile input from exhausting the stack of
  // the recursive steps that follow the parse.
  static constexpr std::size_t kMaxDepth = limits::kMaxDepth;
  bool too_deep() {
    if (stack_.size() < kMaxDepth) return false;
    const auto& top = stack_.back();
    const std::string last = top.node->is_array() ? std::to_string(top.node->size()) : top.key;
    depth_problem = Problem{pointer_to(last), "expected at most " + std::to_string(kMaxDepth) +
                                                  " levels of nested arrays and objects"};
    return true;
  }

  std::string pointer_to(const std::string& last_key) const {
    std::string p;
    for (std::size_t i = 0; i + 1 < stack_.size(); ++i) {
      const auto& f = stack_[i];
      p += '/';
      p +=
          f.node->is_array() ? std::to_string(f.node->size() - 1) : io::escape_pointer_token(f.key);
    }
    return p + "/" + io::escape_pointer_token(last_key);
  }

  Json& root_;
  ProblemList& problems_;
  std::vector<Frame> stack_;
};

/// nlohmann's message without its "[json.exception...] parse error at ...: syntax error while
/// parsing X - " prefix and its "; last read: ..." suffix (we give our own line and column).
std::string clean_parse_message(const DomBuilder& b) {
  if (b.error_id == 406) return "number " + b.error_token + " is out of range";
  std::string m = b.error_what;
  if (const auto dash = m.find(" - "); dash != std::string::npos) {
    m = m.substr(dash + 3);
  } else if (const auto colon = m.find(": "); colon != std::string::npos) {
    m = m.substr(colon + 2);
  }
  if (const auto last = m.find("; last read:"); last != std::string::npos) m.resize(last);
  return m;
}

/// Byte offset where nlohmann gave up: the last byte it read (its position counts bytes read,
/// 1-based), or just after the input at its end. Its "last read" token is not used: it may
/// reach back over earlier tokens.
std::size_t error_offset(const DomBuilder& b) {
  // An out-of-range number is reported after it was read whole: point at its first digit.
  const std::size_t back = b.error_id == 406 ? std::max<std::size_t>(b.error_token.size(), 1) : 1;
  return b.error_position >= back ? b.error_position - back : 0;
}

// ---------------------------------------------------------------------------------------------
// Document order: a pointer's position is the list of member and element indices along its
// path, so comparing positions lexicographically is pre-order (an object before its members,
// members as written). Only the listed problems are located, so a huge document costs nothing
// beyond its own size.

std::string unescape_pointer_token(std::string_view t) {
  std::string out;
  for (std::size_t i = 0; i < t.size(); ++i) {
    if (t[i] == '~' && i + 1 < t.size() && (t[i + 1] == '0' || t[i + 1] == '1')) {
      out += t[++i] == '0' ? '~' : '/';
    } else {
      out += t[i];
    }
  }
  return out;
}

/// The indices along `pointer`, stopping at the first token that names nothing: a pointer to a
/// missing member sorts with its nearest existing ancestor.
std::vector<std::size_t> document_position(const Json& doc, std::string_view pointer) {
  std::vector<std::size_t> pos;
  const Json* node = &doc;
  std::size_t at = 0;
  while (at < pointer.size()) {
    const std::size_t end = std::min(pointer.find('/', at + 1), pointer.size());
    const std::string token = unescape_pointer_token(pointer.substr(at + 1, end - at - 1));
    at = end;
    std::optional<std::size_t> index;
    if (node->is_object()) {
      const auto& members = node->get_ref<const Json::object_t&>();
      const auto it = std::find_if(members.begin(), members.end(),
                                   [&](const auto& m) { return m.first == token; });
      if (it != members.end()) index = static_cast<std::size_t>(it - members.begin());
    } else if (node->is_array() && !token.empty() && token.size() < 19 &&
               std::all_of(token.begin(), token.end(),
                           [](char c) { return c >= '0' && c <= '9'; })) {
      const auto k = static_cast<std::size_t>(std::stoull(token));
      if (k < node->size()) index = k;
    }
    if (!index) break;
    pos.push_back(*index);
    node = node->is_object() ? &std::next(node->get_ref<const Json::object_t&>().begin(),
                                          static_cast<std::ptrdiff_t>(*index))
                                    ->second
                             : &(*node)[*index];
  }
  return pos;
}

void sort_into_document_order(std::vector<Problem>& problems, const Json& doc) {
  std::vector<std::pair<std::vector<std::size_t>, std::size_t>> keyed;
  keyed.reserve(problems.size());
  for (std::size_t i = 0; i < problems.size(); ++i)
    keyed.emplace_back(document_position(doc, problems[i].pointer), i);
  // The emission index breaks ties, which keeps the order in which problems were found.
  std::sort(keyed.begin(), keyed.end());
  std::vector<Problem> sorted;
  sorted.reserve(problems.size());
  for (const auto& k : keyed) sorted.push_back(std::move(problems[k.second]));
  problems = std::move(sorted);
}

// ---------------------------------------------------------------------------------------------
// Small formatting helpers

/// A bound in a message: integers without a fraction, other values as %g.
std::string bound(double x) {
  if (std::floor(x) == x && std::fabs(x) < 1e15) return std::to_string(static_cast<long long>(x));
  char buf[32];
  std::snprintf(buf, sizeof buf, "%g", x);
  return buf;
}

/// The JSON type of a value, for "expected a string, found number".
std::string found(const Json& v) {
  return v.type_name();
}

/// A value as written, for "expected a number from 0 to 1, found 1.5".
std::string found_value(const Json& v) {
  return v.dump();
}

std::string date_text(Date d) {
  return date::format("%F", d);
}

std::string one_of(const std::vector<std::string>& names) {
  std::string s;
  for (std::size_t i = 0; i < names.size(); ++i) {
    if (i > 0) s += (i + 1 == names.size()) ? " or " : ", ";
    s += names[i];
  }
  return s;
}

/// "YYYY-MM-DD" -> date, or a message.
std::variant<Date, std::string> parse_date(const std::string& s) {
  const auto digits = [&](std::size_t from, std::size_t n) {
    for (std::size_t i = from; i < from + n; ++i)
      if (s[i] < '0' || s[i] > '9') return false;
    return true;
  };
  if (s.size() != 10 || s[4] != '-' || s[7] != '-' || !digits(0, 4) || !digits(5, 2) ||
      !digits(8, 2))
    return "expected a date YYYY-MM-DD, found " + dquote(s);
  const int y = std::stoi(s.substr(0, 4));
  const auto m = static_cast<unsigned>(std::stoi(s.substr(5, 2)));
  const auto d = static_cast<unsigned>(std::stoi(s.substr(8, 2)));
  if (y < kMinYear || y > kMaxYear)
    return "invalid date " + dquote(s) + ": expected a year from " + std::to_string(kMinYear) +
           " to " + std::to_string(kMaxYear);
  const date::year_month_day ymd{date::year{y}, date::month{m}, date::day{d}};
  if (!ymd.ok()) return "invalid date " + dquote(s) + ": no such day in the calendar";
  return Date{ymd};
}

} // namespace

std::variant<Date, std::string> io::parse_iso_date(const std::string& text) {
  return parse_date(text);
}

namespace {

// ---------------------------------------------------------------------------------------------
// The reader

class Reader {
public:
  /// A reader adding the problems it finds to `problems`, in the order it finds them (sorted
  /// into document order by the caller).
  explicit Reader(ProblemList& problems) : problems_(problems) {}
  /// The model of a parsed document; adds everything wrong in it to the problem list.
  Input read(const Json& doc);

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

const std::vector<std::string> kCabinChoices(kCabinNames.begin(), kCabinNames.end());
const std::vector<std::string> kWeekdayChoices(kWeekdayNames.begin(), kWeekdayNames.end());
const std::vector<std::string> kEventKinds(kEventKindNames.begin(), kEventKindNames.end());
const std::vector<std::string> kWeekendRules{"home", "stay"};
const std::vector<std::string> kTripChoices{"one-way", "return"};
const std::vector<std::string> kAllowanceChoices(kAllowanceTableNames.begin(),
                                                 kAllowanceTableNames.end());

Input Reader::read(const Json& doc) {
  if (!doc.is_object()) {
    problem("", "expected a JSON object at the top level, found " + found(doc));
    return std::move(in_);
  }
  check_keys(doc, "",
             {{"quarter", {}},
              {"start", {}},
              {"end", {}},
              {"currency", {}},
              {"seed", {}},
              {"time_limit_s", {}},
              {"network", {}},
              {"travellers", {}},
              {"clients", {}},
              {"events", {}},
              {"policy", {}}});
  // Read in dependency order (currency before money conversions, horizon before dates, network
  // before city references, travellers before client references); problems are sorted later.
  if (const auto it = doc.find("currency"); it != doc.end()) read_currency(*it, "/currency");
  read_horizon(doc);
  if (const auto it = doc.find("seed"); it != doc.end()) {
    // The full 64 bits, so not through integer(); 3.0 counts as 3 as for every integer.
    const double two_to_64 = 18446744073709551616.0;
    if (!it->is_number()) {
      problem("/seed", "expected an integer, found " + found(*it));
    } else if (it->is_number_unsigned() ||
               (it->is_number_integer() && it->get<std::int64_t>() >= 0)) {
      in_.seed = it->get<std::uint64_t>();
    } else if (const double x = it->get<double>();
               it->is_number_float() && std::floor(x) == x && x >= 0 && x < two_to_64) {
      in_.seed = static_cast<std::uint64_t>(x);
    } else {
      problem("/seed",
              "expected an integer from 0 to 18446744073709551615, found " + found_value(*it));
    }
  }
  if (const auto it = doc.find("time_limit_s"); it != doc.end()) {
    if (auto x = number(*it, "/time_limit_s", 0.1, 3600)) in_.time_limit_s = *x;
  }
  if (const auto it = doc.find("network"); it != doc.end()) read_network(*it, "/network");
  if (const auto it = doc.find("travellers"); it == doc.end()) {
    problem("", "missing required key \"travellers\"");
  } else if (array(
                 *it, "/travellers",
                 [&](const Json& t, const std::string& p, std::size_t) { read_traveller(t, p); },
                 limits::kMaxTravellers)) {
    travellers_listed_ = true;
    if (it->empty()) problem("/travellers", "at least one traveller is required");
  }
  if (const auto it = doc.find("clients"); it == doc.end()) {
    problem("", "missing required key \"clients\"");
  } else if (array(
                 *it, "/clients",
                 [&](const Json& c, const std::string& p, std::size_t) { read_client(c, p); },
                 limits::kMaxClients) &&
             it->empty()) {
    problem("/clients", "at least one client is required");
  }
  if (const auto it = doc.find("events"); it != doc.end())
    array(
        *it, "/events", [&](const Json& e, const std::string& p, std::size_t) { read_event(e, p); },
        limits::kMaxEvents);
  if (const auto it = doc.find("policy"); it != doc.end()) read_policy(*it, "/policy");
  return std::move(in_); // read once: no copy of a model that may hold megabytes of text
}

void Reader::read_currency(const Json& v, const std::string& p) {
  const auto s = string(v, p);
  if (!s) return;
  const auto rate = network::eur_rate(*s);
  if (!rate) {
    problem(p, "unknown currency " + dquote(*s) + hint(*s, network::known_currencies()));
    return;
  }
  in_.currency = *s;
  eur_rate_ = *rate;
}

void Reader::read_horizon(const Json& doc) {
  const auto q = doc.find("quarter");
  const auto s = doc.find("start");
  const auto e = doc.find("end");
  const bool has_q = q != doc.end();
  if (has_q && (s != doc.end() || e != doc.end())) {
    problem("", "expected either \"quarter\" or \"start\" and \"end\", found both");
    return;
  }
  if (has_q) {
    const auto text = string(*q, "/quarter");
    if (!text) return;
    const auto& t = *text;
    const bool shape =
        t.size() == 7 && t[4] == '-' && t[5] == 'Q' && t[6] >= '1' && t[6] <= '4' &&
        std::all_of(t.begin(), t.begin() + 4, [](char c) { return c >= '0' && c <= '9'; });
    if (!shape) {
      problem("/quarter", "invalid quarter " + dquote(t) + ": expected YYYY-Q1 to YYYY-Q4");
      return;
    }
    const int y = std::stoi(t.substr(0, 4));
    if (y < kMinYear || y > kMaxYear) {
      problem("/quarter", "invalid quarter " + dquote(t) + ": expected a year from " +
                              std::to_string(kMinYear) + " to " + std::to_string(kMaxYear));
      return;
    }
    const auto first_month = static_cast<unsigned>((t[6] - '1') * 3 + 1);
    const date::year_month first{date::year{y}, date::month{first_month}};
    const auto last = first + date::months{2};
    in_.horizon = {Date{first / 1}, Date{last / date::last}};
    in_.label = t;
    horizon_ok_ = true;
    return;
  }
  if (s == doc.end() && e == doc.end()) {
    problem("", "missing required key \"quarter\" (or \"start\" and \"end\")");
    return;
  }
  if (s == doc.end()) problem("", "missing required key \"start\"");
  if (e == doc.end()) problem("", "missing required key \"end\"");
  const auto first_opt = s != doc.end() ? date_value(*s, "/start") : std::nullopt;
  const auto last_opt = e != doc.end() ? date_value(*e, "/end") : std::nullopt;
  if (!first_opt || !last_opt) return;
  // Plain copies: GCC 12 reports a false "maybe-uninitialized" on the optionals below.
  const Date first = first_opt.value_or(Date{});
  const Date last = last_opt.value_or(Date{});
  if (last < first) {
    problem("/end", "end " + date_text(last) + " is before start " + date_text(first));
    return;
  }
  const auto days = (last - first).count() + 1;
  if (days > kMaxHorizonDays) {
    problem("/end", "horizon " + date_text(first) + ".." + date_text(last) + " is " +
                        std::to_string(days) + " days long, expected at most " +
                        std::to_string(kMaxHorizonDays));
    return;
  }
  in_.horizon = {first, last};
  in_.label = date_text(first) + ".." + date_text(last);
  horizon_ok_ = true;
}

std::optional<std::string> Reader::time_zone(const Json& v, const std::string& p) {
  const auto s = string(v, p);
  if (!s) return std::nullopt;
  if (timez::find_zone(*s) != nullptr) return s; // IANA names only: no "localtime"
  std::vector<std::string> zones;
  if (!problems_.full())
    for (const auto& z : date::get_tzdb().zones)
      if (timez::is_zone_name(z.name())) zones.push_back(std::string(z.name()));
  std::string suggestion = hint(*s, zones);
  if (suggestion.empty() && !problems_.full()) {
    // "Europe/Frankfurt": a city name in the zone's place; suggest the zone of that city.
    auto place = s->substr(s->rfind('/') + 1);
    std::replace(place.begin(), place.end(), '_', ' ');
    std::vector<std::string> names;
    std::vector<std::string> tzs;
    // Full names and first words, so "Frankfurt" finds "Frankfurt am Main".
    const auto add = [&](const City& c) {
      names.push_back(c.name);
      tzs.push_back(c.tz);
      names.push_back(c.name.substr(0, c.name.find(' ')));
      tzs.push_back(c.tz);
    };
    for (const auto& c : network::default_world().cities) add(c);
    for (const auto& c : in_.network.cities) add(c);
    if (const auto i = closest_match_index(place, names); i && !tzs[*i].empty())
      suggestion = " (did you mean " + dquote(tzs[*i]) + "?)";
  }
  problem(p, "unknown time zone " + dquote(*s) + suggestion);
  return std::nullopt;
}

std::optional<std::string> Reader::country_code(const Json& v, const std::string& p) {
  const auto s = string(v, p);
  if (!s) return std::nullopt;
  if (s->size() != 2 ||
      !std::all_of(s->begin(), s->end(), [](char c) { return c >= 'A' && c <= 'Z'; })) {
    problem(p, "expected an ISO 3166 country code of two upper-case letters, found " + dquote(*s));
    return std::nullopt;
  }
  return s;
}

void Reader::read_network(const Json& j, const std::string& p) {
  auto& net = in_.network;
  object(j, p,
         {{"use_default",
           [&](const Json& v, const std::string& q) {
             if (auto b = boolean(v, q)) {
               net.use_default = *b;
               places_.reset();
             }
           }},
          {"countries",
           [&](const Json& v, const std::string& q) {
             array(
                 v, q,
                 [&](const Json& c, const std::string& r, std::size_t) { read_country(c, r); },
                 limits::kMaxCountries);
           }},
          {"cities",
           [&](const Json& v, const std::string& q) {
             array(
                 v, q, [&](const Json& c, const std::string& r, std::size_t) { read_city(c, r); },
                 limits::kMaxCities);
           }},
          {"legs",
           [&](const Json& v, const std::string& q) {
             array(
                 v, q, [&](const Json& l, const std::string& r, std::size_t) { read_leg(l, r); },
                 limits::kMaxLegs);
           }},
          {"fares", [&](const Json& v, const std::string& q) {
             array(
                 v, q, [&](const Json& f, const std::string& r, std::size_t) { read_fare(f, r); },
                 limits::kMaxFares);
           }}});
}

void Reader::read_fare(const Json& j, const std::string& p) {
  FareSpec fare;
  fare.where = p;
  bool cabin_given = false;
  const bool ok = object(
      j, p,
      {{"from",
        [&](const Json& v, const std::string& q) {
          if (auto s = city_ref(v, q)) fare.from = *s;
        },
        true},
       {"to",
        [&](const Json& v, const std::string& q) {
          if (auto s = city_ref(v, q)) {
            fare.to = *s;
            if (fare.to == fare.from)
              problem(q, "expected a city other than \"from\", found " + dquote(*s));
          }
        },
        true},
       {"cabin",
        [&](const Json& v, const std::string& q) {
          if (auto i = choice(v, q, "cabin", kCabinChoices)) {
            fare.cabin = static_cast<Cabin>(*i);
            cabin_given = true;
          }
        },
        true},
       {"trip",
        [&](const Json& v, const std::string& q) {
          if (auto i = choice(v, q, "trip", kTripChoices)) fare.round_trip = *i == 1;
        }},
       {"amount",
        [&](const Json& v, const std::string& q) {
          if (auto m = money(v, q)) {
            if (m->count() == 0)
              problem(q, "a fare must be above 0");
            else
              fare.amount = to_units(*m);
          }
        },
        true},
       {"currency",
        [&](const Json& v, const std::string& q) {
          const auto s = string(v, q);
          if (!s) return;
          if (!network::eur_rate(*s)) {
            problem(q, "unknown currency " + dquote(*s) + hint(*s, network::known_currencies()));
            return;
          }
          fare.currency = *s;
        }},
       {"valid_from",
        [&](const Json& v, const std::string& q) {
          if (auto d = date_value(v, q)) fare.valid_from = *d;
        }},
       {"valid_to", [&](const Json& v, const std::string& q) {
          if (auto d = date_value(v, q)) {
            fare.valid_to = *d;
            if (fare.valid_from && *d < *fare.valid_from)
              problem(q, "the fare's validity ends before it starts");
          }
        }}});
  if (!ok || !cabin_given) return;
  in_.network.fares.push_back(std::move(fare));
}

void Reader::read_country(const Json& j, const std::string& p) {
  if (!j.is_object()) {
    problem(p, "expected an object, found " + found(j));
    return;
  }
  Country c;
  bool is_new = true;
  if (const auto it = j.find("code"); it != j.end()) {
    auto code = country_code(*it, member(p, "code"));
    if (!code) is_new = false; // unknown until the code is fixed; do not demand every field
    if (code) {
      unique(*code, member(p, "code"), country_defs_, "country");
      c.code = *code;
      if (in_.network.use_default) {
        for (const auto& d : network::default_world().countries) {
          if (d.code == *code) {
            c = d; // an override: unspecified fields keep the default data
            is_new = false;
          }
        }
      }
    }
  }
  object(j, p,
         {{"code", {}, true},
          {"name",
           [&](const Json& v, const std::string& q) {
             if (auto s = nonempty(v, q)) c.name = *s;
           },
           is_new},
          {"weekend",
           [&](const Json& v, const std::string& q) {
             WeekdayMask mask = 0;
             array(v, q, [&](const Json& d, const std::string& r, std::size_t) {
               if (auto i = choice(d, r, "weekday", kWeekdayChoices))
                 mask = static_cast<WeekdayMask>(mask | (1u << *i));
             });
             c.weekend = mask;
           }},
          {"hotel_kg_co2", [&](const Json& v, const std::string& q) {
             if (auto x = number(v, q, 0, 1000)) c.hotel_kg_co2 = *x;
           }}});
  in_.network.countries.push_back(std::move(c));
  places_.reset();
}

void Reader::read_city(const Json& j, const std::string& p) {
  if (!j.is_object()) {
    problem(p, "expected an object, found " + found(j));
    return;
  }
  City c;
  bool is_new = true;
  if (const auto it = j.find("code"); it != j.end()) {
    if (auto code = string(*it, member(p, "code"))) {
      if (code->size() != 3 || !std::all_of(code->begin(), code->end(),
                                            [](char ch) { return ch >= 'A' && ch <= 'Z'; })) {
        problem(member(p, "code"),
                "expected a city code of three upper-case letters, found " + dquote(*code));
        is_new = false; // unknown until the code is fixed; do not demand every field
      } else {
        unique(*code, member(p, "code"), city_defs_, "city");
        c.code = *code;
        if (in_.network.use_default) {
          for (const auto& d : network::default_world().cities) {
            if (d.code == *code) {
              // An override: unspecified fields keep the default data (whose hotel and per diem
              // come from the embedded tables unless given here).
              c = d;
              is_new = false;
            }
          }
        }
      }
    }
  }
  std::set<std::string> regions;
  for (const auto& d : network::default_world().cities) regions.insert(d.region);
  object(j, p,
         {{"code", {}, true},
          {"name",
           [&](const Json& v, const std::string& q) {
             if (auto s = nonempty(v, q)) c.name = *s;
           },
           is_new},
          {"country",
           [&](const Json& v, const std::string& q) {
             if (auto s = country_code(v, q)) c.country = *s;
           },
           is_new},
          {"tz",
           [&](const Json& v, const std::string& q) {
             if (auto s = time_zone(v, q)) c.tz = *s;
           },
           is_new},
          {"lat",
           [&](const Json& v, const std::string& q) {
             if (auto x = number(v, q, -90, 90)) c.lat = *x;
           },
           is_new},
          {"lon",
           [&](const Json& v, const std::string& q) {
             if (auto x = number(v, q, -180, 180)) c.lon = *x;
           },
           is_new},
          {"region",
           [&](const Json& v, const std::string& q) {
             const auto s = nonempty(v, q);
             if (!s) return;
             if (!regions.empty() && !regions.contains(*s)) {
               const std::vector<std::string> names(regions.begin(), regions.end());
               const auto suggestion = hint(*s, names);
               problem(q, "unknown region " + dquote(*s) +
                              (suggestion.empty() ? ": expected " + one_of(names) : suggestion));
               return;
             }
             c.region = *s;
           },
           is_new},
          {"hotel",
           [&](const Json& v, const std::string& q) {
             if (auto m = money(v, q)) c.hotel_night = *m;
           },
           is_new},
          {"per_diem",
           [&](const Json& v, const std::string& q) {
             if (auto m = money(v, q)) c.per_diem = *m;
           },
           is_new}});
  in_.network.cities.push_back(std::move(c));
  places_.reset();
}

void Reader::read_leg(const Json& j, const std::string& p) {
  LegSpec leg;
  const bool ok =
      object(j, p,
             {{"from",
               [&](const Json& v, const std::string& q) {
                 if (auto s = city_ref(v, q)) leg.from = *s;
               },
               true},
              {"to",
               [&](const Json& v, const std::string& q) {
                 if (auto s = city_ref(v, q)) {
                   leg.to = *s;
                   if (leg.to == leg.from)
                     problem(q, "expected a city other than \"from\", found " + dquote(*s));
                 }
               },
               true},
              {"block_min",
               [&](const Json& v, const std::string& q) {
                 if (auto x = integer(v, q, 10, 1440)) leg.block = Minutes(*x);
               }},
              {"fare",
               [&](const Json& v, const std::string& q) {
                 std::vector<Field> cabins;
                 for (std::size_t i = 0; i < kCabinCount; ++i)
                   cabins.push_back({std::string(kCabinNames[i]),
                                     [&leg, this, i](const Json& f, const std::string& r) {
                                       if (auto m = money(f, r)) leg.fare[i] = *m;
                                     }});
                 object(v, q, cabins);
               }},
              {"both_ways",
               [&](const Json& v, const std::string& q) {
                 if (auto b = boolean(v, q)) leg.both_ways = *b;
               }},
              {"remove", [&](const Json& v, const std::string& q) {
                 if (auto b = boolean(v, q)) leg.remove = *b;
               }}});
  if (!ok) return;
  if (leg.remove) {
    for (const char* k : {"block_min", "fare"})
      if (j.contains(k)) problem(member(p, k), dquote(k) + " does not apply to a removed leg");
  }
  in_.network.legs.push_back(std::move(leg));
}

void Reader::read_traveller(const Json& j, const std::string& p) {
  Traveller t;
  const bool ok = object(j, p,
                         {{"id",
                           [&](const Json& v, const std::string& q) {
                             if (auto s = nonempty(v, q)) {
                               unique(*s, q, traveller_ids_, "traveller id");
                               t.id = *s;
                             }
                           },
                           true},
                          {"home",
                           [&](const Json& v, const std::string& q) {
                             if (auto s = city_ref(v, q)) t.home = *s;
                           },
                           true},
                          {"working_hours",
                           [&](const Json& v, const std::string& q) {
                             if (auto h = working_hours(v, q)) t.hours = *h;
                           }},
                          {"cost_per_day",
                           [&](const Json& v, const std::string& q) {
                             if (auto m = money(v, q)) t.cost_per_day = *m;
                           },
                           true},
                          {"max_days_away",
                           [&](const Json& v, const std::string& q) {
                             if (auto x = integer(v, q, 0, kMaxHorizonDays)) t.max_days_away = *x;
                           }},
                          {"max_trip_days",
                           [&](const Json& v, const std::string& q) {
                             if (auto x = integer(v, q, 1, 90)) t.max_trip_days = *x;
                           }},
                          {"weekend",
                           [&](const Json& v, const std::string& q) {
                             if (auto i = choice(v, q, "weekend rule", kWeekendRules))
                               t.weekend = *i == 0 ? WeekendRule::home : WeekendRule::stay;
                           }},
                          {"cabin", [&](const Json& v, const std::string& q) {
                             object(v, q,
                                    {{"base",
                                      [&](const Json& c, const std::string& r) {
                                        if (auto i = choice(c, r, "cabin", kCabinChoices))
                                          t.cabin.base = static_cast<Cabin>(*i);
                                      }},
                                     {"upgrade_to",
                                      [&](const Json& c, const std::string& r) {
                                        if (auto i = choice(c, r, "cabin", kCabinChoices))
                                          t.cabin.upgraded = static_cast<Cabin>(*i);
                                      }},
                                     {"upgrade_above_h", [&](const Json& c, const std::string& r) {
                                        if (auto h = number(c, r, 0, 24))
                                          t.cabin.upgrade_above = Minutes(std::llround(*h * 60.0));
                                      }}});
                           }}});
  if (!ok) return;
  keep(in_.travellers, std::move(t));
}

std::optional<DateRange> Reader::read_window(const Json& j, const std::string& p, bool in_horizon) {
  std::optional<Date> from;
  std::optional<Date> to;
  object(j, p,
         {{"from",
           [&](const Json& v, const std::string& q) {
             from = date_value(v, q);
             if (from && in_horizon) check_in_horizon(*from, q);
           },
           true},
          {"to", [&](const Json& v, const std::string& q) {
             to = date_value(v, q);
             if (to && in_horizon) check_in_horizon(*to, q);
           }}});
  if (!from || (j.contains("to") && !to)) return std::nullopt;
  // A one-day window or event needs no "to".
  const DateRange range{*from, to.value_or(*from)};
  if (range.last < range.first) {
    problem(member(p, "to"),
            "to " + date_text(range.last) + " is before from " + date_text(range.first));
    return std::nullopt;
  }
  return range;
}

void Reader::read_client(const Json& j, const std::string& p) {
  Client c;
  const bool ok = object(j, p,
                         {{"id",
                           [&](const Json& v, const std::string& q) {
                             if (auto s = nonempty(v, q)) {
                               unique(*s, q, client_ids_, "client id");
                               c.id = *s;
                             }
                           },
                           true},
                          {"name",
                           [&](const Json& v, const std::string& q) {
                             if (auto s = nonempty(v, q)) c.name = *s;
                           }},
                          {"city",
                           [&](const Json& v, const std::string& q) {
                             if (auto s = city_ref(v, q)) c.city = *s;
                           },
                           true},
                          {"visit_value",
                           [&](const Json& v, const std::string& q) {
                             if (auto m = money(v, q)) c.visit_value = *m;
                           }},
                          {"account_revenue",
                           [&](const Json& v, const std::string& q) {
                             if (auto m = money(v, q)) c.account_revenue = *m;
                           }},
                          {"in_person_uplift",
                           [&](const Json& v, const std::string& q) {
                             if (auto x = number(v, q, 0, 10)) c.in_person_uplift = *x;
                           }},
                          {"months_since_visit",
                           [&](const Json& v, const std::string& q) {
                             if (auto x = integer(v, q, 0, 600)) c.months_since_visit = *x;
                           }},
                          {"remote_meetings",
                           [&](const Json& v, const std::string& q) {
                             if (auto x = integer(v, q, 0, 200)) c.remote_meetings = *x;
                           }},
                          {"meeting_min",
                           [&](const Json& v, const std::string& q) {
                             if (auto x = integer(v, q, 5, 480)) c.meeting_length = Minutes(*x);
                           }},
                          {"working_hours",
                           [&](const Json& v, const std::string& q) {
                             if (auto h = working_hours(v, q)) c.hours = *h;
                           }},
                          {"attendees",
                           [&](const Json& v, const std::string& q) {
                             if (auto x = integer(v, q, 1, 100)) c.attendees = *x;
                           }},
                          {"availability",
                           [&](const Json& v, const std::string& q) {
                             array(
                                 v, q,
                                 [&](const Json& w, const std::string& r, std::size_t) {
                                   if (auto range = read_window(w, r, true))
                                     c.availability.push_back(*range);
                                 },
                                 limits::kMaxWindows);
                           }},
                          {"must_visit",
                           [&](const Json& v, const std::string& q) {
                             if (auto b = boolean(v, q)) c.must_visit = *b;
                           }},
                          {"travellers",
                           [&](const Json& v, const std::string& q) {
                             std::map<std::string, std::string> seen;
                             array(v, q, [&](const Json& t, const std::string& r, std::size_t) {
                               const auto id = string(t, r);
                               if (!id) return;
                               if (travellers_listed_ && !traveller_ids_.contains(*id)) {
                                 std::vector<std::string> ids;
                                 if (!problems_.full())
                                   for (const auto& [known, where] : traveller_ids_)
                                     ids.push_back(known);
                                 problem(r, "unknown traveller " + dquote(*id) + hint(*id, ids));
                                 return;
                               }
                               const auto [it, fresh] = seen.emplace(*id, r);
                               if (!fresh) {
                                 problem(r, "duplicate traveller " + dquote(*id) + " (first at " +
                                                it->second + ")");
                                 return;
                               }
                               c.travellers.push_back(*id);
                             });
                           }},
                          {"visit_days", [&](const Json& v, const std::string& q) {
                             if (auto x = integer(v, q, 1, 20)) c.visit_days = *x;
                           }}});
  if (!ok) return;
  if (c.name.empty()) c.name = c.id;
  const bool has_value = j.contains("visit_value");
  const bool has_revenue = j.contains("account_revenue");
  if (has_value && has_revenue)
    problem(p, "expected either \"visit_value\" or \"account_revenue\", found both");
  else if (!has_value && !has_revenue)
    problem(p, "missing required key \"visit_value\" (or \"account_revenue\")");
  else if (has_value) {
    for (const char* k : {"in_person_uplift", "months_since_visit"})
      if (j.contains(k))
        problem(member(p, k), dquote(k) + " applies only with \"account_revenue\"");
  }
  keep(in_.clients, std::move(c));
}

void Reader::read_event(const Json& j, const std::string& p) {
  Event e;
  const bool ok = object(j, p,
                         {{"kind",
                           [&](const Json& v, const std::string& q) {
                             if (auto i = choice(v, q, "event kind", kEventKinds))
                               e.kind = static_cast<EventKind>(*i);
                           },
                           true},
                          {"city",
                           [&](const Json& v, const std::string& q) {
                             if (auto s = city_ref(v, q)) e.city = *s;
                           }},
                          {"country",
                           [&](const Json& v, const std::string& q) {
                             if (auto s = country_code(v, q)) e.country = *s;
                           }},
                          {"from", {}, true},
                          {"to", {}},
                          {"title",
                           [&](const Json& v, const std::string& q) {
                             if (auto s = string(v, q)) e.title = *s;
                           }},
                          {"note",
                           [&](const Json& v, const std::string& q) {
                             if (auto s = string(v, q, Text::multiline)) e.note = *s;
                           }},
                          {"value_uplift", [&](const Json& v, const std::string& q) {
                             if (auto x = number(v, q, 0, 10)) e.value_uplift = *x;
                           }}});
  if (!ok) return;
  // The dates use the same rules as an availability window, but may reach outside the horizon:
  // a fair that opens before the quarter still matters inside it.
  if (j.contains("from")) {
    Json window = Json::object();
    window["from"] = j["from"];
    if (j.contains("to")) window["to"] = j["to"];
    if (auto range = read_window(window, p, false)) e.dates = *range;
  }
  const bool has_city = j.contains("city");
  const bool has_country = j.contains("country");
  if (has_city && has_country)
    problem(p, "expected either \"city\" or \"country\", found both");
  else if (!has_city && !has_country)
    problem(p, "missing required key \"city\" (or \"country\")");
  if (j.contains("value_uplift") && e.kind != EventKind::fair && j.contains("kind") &&
      j["kind"].is_string() &&
      std::find(kEventKinds.begin(), kEventKinds.end(), j["kind"].get<std::string>()) !=
          kEventKinds.end())
    problem(member(p, "value_uplift"), "\"value_uplift\" applies only to events of kind \"fair\"");
  keep(in_.events, std::move(e));
}

void Reader::read_policy(const Json& j, const std::string& p) {
  auto& pol = in_.policy;
  const auto money_into = [&](Money& out) {
    return [&out, this](const Json& v, const std::string& q) {
      if (auto m = money(v, q)) out = *m;
    };
  };
  const auto number_into = [&](double& out, double lo, double hi) {
    return [&out, lo, hi, this](const Json& v, const std::string& q) {
      if (auto x = number(v, q, lo, hi)) out = *x;
    };
  };
  object(j, p,
         {{"carbon_price_per_t", money_into(pol.carbon_price_per_tonne)},
          {"radiative_forcing",
           [&](const Json& v, const std::string& q) {
             if (auto b = boolean(v, q)) pol.radiative_forcing = *b;
           }},
          {"budget",
           [&](const Json& v, const std::string& q) {
             object(v, q,
                    {{"money",
                      [&](const Json& b, const std::string& r) {
                        if (auto m = money(b, r)) pol.budget_money = *m;
                      }},
                     {"cash",
                      [&](const Json& b, const std::string& r) {
                        if (auto m = money(b, r)) pol.budget_cash = *m;
                      }},
                     {"days",
                      [&](const Json& b, const std::string& r) {
                        if (auto x = integer(b, r, 0, 100000)) pol.budget_days = *x;
                      }},
                     {"co2_kg", [&](const Json& b, const std::string& r) {
                        if (auto x = number(b, r, 0, 1e9)) pol.budget_co2 = co2_from_kg(*x);
                      }}});
           }},
          {"remote_effectiveness", number_into(pol.remote_effectiveness, 0, 1)},
          {"offhours_weight",
           [&](const Json& v, const std::string& q) {
             object(v, q,
                    {{"own", number_into(pol.offhours_weight_own, 0, 100)},
                     {"client", number_into(pol.offhours_weight_client, 0, 100)}});
           }},
          {"client_hour_cost", money_into(pol.client_hour_cost)},
          {"jetlag",
           [&](const Json& v, const std::string& q) {
             object(v, q,
                    {{"west_h_per_day", number_into(pol.jetlag_west_hours_per_day, 0.1, 24)},
                     {"east_h_per_day", number_into(pol.jetlag_east_hours_per_day, 0.1, 24)},
                     {"productivity_loss", number_into(pol.jetlag_productivity_loss, 0, 1)}});
           }},
          {"min_connection_min",
           [&](const Json& v, const std::string& q) {
             if (auto x = integer(v, q, 0, 1440)) pol.min_connection = Minutes(*x);
           }},
          {"connection_penalty", money_into(pol.connection_penalty)},
          {"visit_replaces_meetings",
           [&](const Json& v, const std::string& q) {
             if (auto x = integer(v, q, 0, 200)) pol.visit_replaces_meetings = *x;
           }},
          {"allowances",
           [&](const Json& v, const std::string& q) {
             if (auto i = choice(v, q, "allowance table", kAllowanceChoices))
               pol.allowances = static_cast<AllowanceTable>(*i);
           }},
          {"custom_allowances",
           [&](const Json& v, const std::string& q) {
             std::map<std::string, std::string> seen;
             array(
                 v, q,
                 [&](const Json& a, const std::string& r, std::size_t) {
                   CustomAllowance ca;
                   bool complete = true;
                   object(a, r,
                          {{"city",
                            [&](const Json& x, const std::string& w) {
                              if (auto c = city_ref(x, w)) {
                                unique(*c, w, seen, "custom allowance for city");
                                ca.city = *c;
                              } else {
                                complete = false;
                              }
                            },
                            true},
                           {"per_diem",
                            [&](const Json& x, const std::string& w) {
                              if (auto m = money(x, w))
                                ca.per_diem = *m;
                              else
                                complete = false;
                            },
                            true},
                           {"partial_day", [&](const Json& x, const std::string& w) {
                              if (auto m = money(x, w)) ca.partial_day = *m;
                            }}});
                   if (complete && !ca.city.empty()) pol.custom_allowances.push_back(ca);
                 },
                 limits::kMaxCities);
           }},
          {"effort", [&](const Json& v, const std::string& q) {
             if (auto x = integer(v, q, limits::kMinEffort, limits::kMaxEffort)) pol.effort = *x;
           }}});
}

} // namespace

namespace {

/// read_input; `owned`, when given, is the text itself, released once the tree is built.
Input read_document(std::string_view json_text, std::string* owned) {
  // Sizes are checked before the tree is built: a tree takes many times the text's memory.
  io::check_json(json_text, io::input_limits());
  if (const auto bad = first_invalid_utf8(json_text); bad != std::string_view::npos) {
    char byte[8];
    std::snprintf(byte, sizeof byte, "0x%02x",
                  static_cast<unsigned>(static_cast<unsigned char>(json_text[bad])));
    throw InputError(
        std::vector<Problem>{{"", "invalid UTF-8 byte " + std::string(byte) + " at " +
                                      at_line_column(json_text, bad) + ": expected JSON text"}});
  }
  // The parser skips a byte order mark; so does the test for an empty document.
  const std::string_view bom = "\xEF\xBB\xBF";
  const std::string_view body =
      json_text.starts_with(bom) ? json_text.substr(bom.size()) : json_text;
  if (body.find_first_not_of(" \t\r\n") == std::string_view::npos)
    throw InputError(std::vector<Problem>{{"", "empty document: expected a JSON object"}});

  Json doc;
  ProblemList problems;
  DomBuilder builder(doc, problems);
  if (!Json::sax_parse(json_text.begin(), json_text.end(), &builder)) {
    if (builder.depth_problem) throw InputError(std::vector<Problem>{*builder.depth_problem});
    const std::size_t offset = error_offset(builder);
    throw InputError(
        std::vector<Problem>{{"", "malformed JSON at " + at_line_column(json_text, offset) + ": " +
                                      clean_parse_message(builder)}});
  }
  if (owned != nullptr) std::string().swap(*owned);
  Reader reader(problems);
  Input input = reader.read(doc);
  if (!problems.listed.empty()) {
    sort_into_document_order(problems.listed, doc);
    if (problems.unlisted > 0)
      problems.listed.push_back({"", std::to_string(problems.unlisted) +
                                         " more problems not listed (at most " +
                                         std::to_string(kMaxListedProblems) + " are listed)"});
    throw InputError(std::move(problems.listed));
  }
  return input;
}

} // namespace

Input read_input(std::string_view json_text) {
  return read_document(json_text, nullptr);
}

Input read_input(std::string&& json_text) {
  return read_document(json_text, &json_text);
}

Input read_input(const char* json_text) {
  return read_document(json_text, nullptr);
}

namespace io {

std::string escape_pointer_token(std::string_view key) {
  std::string out;
  out.reserve(key.size());
  for (const char c : key) {
    if (c == '~')
      out += "~0";
    else if (c == '/')
      out += "~1";
    else
      out += c;
  }
  return out;
}

std::string problems_to_json(const std::vector<Problem>& problems, int code,
                             std::string_view error) {
  nlohmann::ordered_json list = nlohmann::ordered_json::array();
  for (const auto& p : problems) list.push_back({{"pointer", p.pointer}, {"message", p.message}});
  nlohmann::ordered_json doc = {
      {"code", code}, {"error", std::string(error)}, {"problems", std::move(list)}};
  // Replace, not throw: a message may quote bytes of a broken document.
  return doc.dump(-1, ' ', false, nlohmann::ordered_json::error_handler_t::replace);
}

namespace {

/// Text for a terminal: control characters as \u00XX (pointers hold keys as written).
void append_printable(std::string& out, std::string_view s) {
  for (std::size_t i = 0; i < s.size();) {
    if (const auto ctl = control_at(s, i)) {
      char buf[8];
      std::snprintf(buf, sizeof buf, "\\u%04x", ctl->code);
      out += buf;
      i += ctl->bytes;
    } else {
      out += s[i++];
    }
  }
}

} // namespace

std::string format_problems_text(const std::vector<Problem>& problems,
                                 std::string_view source_name) {
  std::string out;
  for (const auto& p : problems) {
    if (!source_name.empty()) { // a command-line problem has no document to name
      append_printable(out, source_name);
      out += ": ";
    }
    if (!p.pointer.empty()) {
      append_printable(out, p.pointer);
      out += ": ";
    }
    append_printable(out, p.message);
    out += '\n';
  }
  return out;
}

} // namespace io
} // namespace flyorcall
