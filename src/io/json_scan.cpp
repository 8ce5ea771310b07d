#include "io/json_scan.hpp"

#include <algorithm>
#include <unordered_set>

#include <nlohmann/json.hpp>

#include "flyorcall/limits.hpp"
#include "io/input_reader.hpp"
#include "io/json_document.hpp"
#include "io/plan_reader.hpp"
#include "model/utf8.hpp"

namespace flyorcall::io {
namespace {

using Json = nlohmann::json;

// Problems beyond these are not worth listing (the reader lists at most 1000 too).
constexpr std::size_t kMaxProblems = 1000;
constexpr std::size_t kMaxQuotedChars = 80;

/// A key as a JSON string, cut after kMaxQuotedChars characters as the reader's messages do.
std::string quote_key(std::string_view key) {
  std::size_t chars = 0;
  std::size_t cut = key.size();
  for (std::size_t i = 0; i < key.size(); ++i) {
    if ((static_cast<unsigned char>(key[i]) & 0xC0u) == 0x80u) continue;
    if (chars++ == kMaxQuotedChars) {
      cut = i;
      break;
    }
  }
  std::string out = Json(std::string(key.substr(0, cut))).dump();
  if (cut < key.size()) {
    const auto total = static_cast<std::size_t>(std::count_if(key.begin(), key.end(), [](char c) {
      return (static_cast<unsigned char>(c) & 0xC0u) != 0x80u;
    }));
    out.insert(out.size() - 1, "...");
    out += " (" + std::to_string(total) + " characters)";
  }
  return out;
}

/// The SAX handler: counts, never stores values.
class Scanner {
public:
  using number_integer_t = Json::number_integer_t;
  using number_unsigned_t = Json::number_unsigned_t;
  using number_float_t = Json::number_float_t;
  using string_t = Json::string_t;
  using binary_t = Json::binary_t;

  explicit Scanner(const JsonLimits& limits) : limits_(limits) {}

  bool null() { return value(); }
  bool boolean(bool /*v*/) { return value(); }
  bool number_integer(number_integer_t /*v*/) { return value(); }
  bool number_unsigned(number_unsigned_t /*v*/) { return value(); }
  bool number_float(number_float_t /*v*/, const string_t& /*text*/) { return value(); }
  bool string(string_t& /*v*/) { return value(); }
  bool binary(binary_t& /*v*/) { return false; }
  bool start_object(std::size_t /*size*/) { return open(false); }
  bool start_array(std::size_t /*size*/) { return open(true); }
  bool end_object() { return close(); }
  bool end_array() { return close(); }
  bool key(string_t& k) {
    Frame& top = stack_.back();
    ++top.count;
    top.token = k;
    if (limits_.duplicate_keys && top.count <= limits_.members && !top.keys.insert(k).second &&
        top.reported.insert(k).second)
      add(pointer(), "duplicate key " + quote_key(k));
    return true;
  }
  bool parse_error(std::size_t /*position*/, const std::string& /*token*/,
                   const nlohmann::detail::exception& /*ex*/) {
    return false; // the parser that follows reports it with its line and column
  }

  std::vector<Problem> problems;

private:
  struct Frame {
    bool array = false;
    std::size_t count = 0;
    std::size_t limit = 0;
    std::string token; ///< the current member's key (objects)
    std::unordered_set<std::string> keys = {};
    std::unordered_set<std::string> reported = {};
  };

  void add(std::string ptr, std::string message) {
    if (problems.size() < kMaxProblems) problems.push_back({std::move(ptr), std::move(message)});
  }

  /// The pointer of the innermost open container's current member or item.
  std::string pointer() const {
    std::string p;
    for (const Frame& f : stack_)
      p += "/" + (f.array ? std::to_string(f.count - 1) : escape_pointer_token(f.token));
    return p;
  }

  /// The pointer of the innermost open container itself.
  std::string container_pointer() const {
    std::string p;
    for (std::size_t i = 0; i + 1 < stack_.size(); ++i)
      p += "/" + (stack_[i].array ? std::to_string(stack_[i].count - 1)
                                  : escape_pointer_token(stack_[i].token));
    return p;
  }

  /// The path of a new array with array indices as "*", e.g. "/clients/*/availability".
  std::string pattern() const {
    std::string p;
    for (const Frame& f : stack_) p += "/" + (f.array ? std::string("*") : f.token);
    return p;
  }

  bool value() {
    if (++values_ > limits_.values) {
      add("", "expected at most " + std::to_string(limits_.values) +
                  " values (strings, numbers, arrays, objects, ...) in the document (" +
                  limits_.where + ")");
      return false; // nothing more is worth counting
    }
    if (!stack_.empty() && stack_.back().array) ++stack_.back().count;
    return true;
  }

  bool open(bool array) {
    if (!value()) return false;
    // Deeper nesting is the parser's to report; stopping here keeps this stack small too.
    if (stack_.size() >= limits::kMaxDepth) return false;
    std::size_t limit = limits_.members;
    if (array) {
      limit = limits_.other_lists;
      const std::string here = pattern();
      for (const auto& [p, max] : limits_.lists)
        if (p == here) limit = max;
    }
    stack_.push_back(Frame{array, 0, limit, {}});
    return true;
  }

  bool close() {
    const Frame& top = stack_.back();
    if (top.count > top.limit)
      add(container_pointer(), "expected at most " + std::to_string(top.limit) +
                                   (top.array ? " items, found " : " members, found ") +
                                   std::to_string(top.count) + " (" + limits_.where + ")");
    stack_.pop_back();
    return true;
  }

  const JsonLimits& limits_;
  std::vector<Frame> stack_;
  std::size_t values_ = 0;
};

/// Offset of the first string (or key) longer than `max` bytes as written, or npos. A byte pass:
/// the parser would hold the whole string before a handler could refuse it.
std::size_t long_string(std::string_view text, std::size_t max) {
  bool in_string = false;
  std::size_t start = 0;
  for (std::size_t i = 0; i < text.size(); ++i) {
    const char c = text[i];
    if (!in_string) {
      if (c == '"') {
        in_string = true;
        start = i;
      }
    } else if (c == '\\') {
      ++i;
    } else if (c == '"') {
      in_string = false;
    }
    if (in_string && i - start > max) return start;
  }
  return std::string_view::npos;
}

} // namespace

const JsonLimits& input_limits() {
  static const JsonLimits l = [] {
    JsonLimits x;
    x.lists = {{"/travellers", limits::kMaxTravellers},
               {"/clients", limits::kMaxClients},
               {"/events", limits::kMaxEvents},
               {"/network/cities", limits::kMaxCities},
               {"/network/countries", limits::kMaxCountries},
               {"/network/legs", limits::kMaxLegs},
               {"/clients/*/availability", limits::kMaxWindows}};
    x.values = limits::kMaxValues;
    // The input reader's own tree builder reports duplicates in document order with the rest.
    x.duplicate_keys = false;
    return x;
  }();
  return l;
}

const JsonLimits& plan_limits() {
  static const JsonLimits l = [] {
    JsonLimits x;
    x.lists = {{"/trips", kMaxPlanTrips},
               {"/trips/*/legs", kMaxPlanTripItems},
               {"/trips/*/stays", kMaxPlanTripItems},
               {"/trips/*/visits", kMaxPlanTripItems},
               {"/trips/*/briefings", kMaxPlanTripItems},
               {"/trips/*/briefings/*/holidays", kMaxPlanListItems},
               {"/trips/*/briefings/*/events", kMaxPlanListItems},
               {"/notes", kMaxPlanListItems},
               {"/clients", limits::kMaxClients},
               {"/clients/*/call_slot/shifts", kMaxPlanListItems}};
    x.values = kMaxPlanValues;
    x.where = "docs/plan.md, Limits";
    return x;
  }();
  return l;
}

std::optional<std::string> wide_encoding(std::string_view t) {
  const auto b = [&](std::size_t i) {
    return i < t.size() ? static_cast<unsigned char>(t[i]) : 0x100u;
  };
  // Byte order marks first (UTF-32LE's starts like UTF-16LE's), then a JSON text's first
  // characters, which are ASCII: their zero bytes give the encoding away.
  if (b(0) == 0x00 && b(1) == 0x00 && b(2) == 0xFE && b(3) == 0xFF) return "UTF-32 (big-endian)";
  if (b(0) == 0xFF && b(1) == 0xFE && b(2) == 0x00 && b(3) == 0x00) return "UTF-32 (little-endian)";
  if (b(0) == 0xFE && b(1) == 0xFF) return "UTF-16 (big-endian)";
  if (b(0) == 0xFF && b(1) == 0xFE) return "UTF-16 (little-endian)";
  if (t.size() >= 4 && b(0) == 0 && b(1) == 0 && b(2) == 0 && b(3) != 0)
    return "UTF-32 (big-endian)";
  if (t.size() >= 4 && b(0) != 0 && b(1) == 0 && b(2) == 0 && b(3) == 0)
    return "UTF-32 (little-endian)";
  if (t.size() >= 2 && b(0) == 0 && b(1) != 0) return "UTF-16 (big-endian)";
  if (t.size() >= 2 && b(0) != 0 && b(1) == 0) return "UTF-16 (little-endian)";
  return std::nullopt;
}

std::vector<Problem> scan_json(std::string_view text, const JsonLimits& limits) {
  if (const auto wide = wide_encoding(text))
    return {{"", *wide + " text is not supported: expected UTF-8 JSON text"}};
  if (first_invalid_utf8(text) != std::string_view::npos) return {};
  if (const auto nul = text.find('\0'); nul != std::string_view::npos)
    return {{"", "invalid byte 0x00 (NUL) at " + detail::at_line_column(text, nul) +
                     ": expected JSON text"}};
  if (const auto at = long_string(text, limits.string_bytes); at != std::string_view::npos)
    return {{"", "a string longer than " + std::to_string(limits.string_bytes) + " bytes at " +
                     detail::at_line_column(text, at) + " (" + limits.where + ")"}};
  Scanner scanner(limits);
  (void)Json::sax_parse(text.begin(), text.end(), &scanner);
  return std::move(scanner.problems);
}

namespace {

/// Collects the keys at depth 1 and stops at the first error.
class KeyCollector : public nlohmann::json_sax<Json> {
public:
  bool null() override { return true; }
  bool boolean(bool /*v*/) override { return true; }
  bool number_integer(number_integer_t /*v*/) override { return true; }
  bool number_unsigned(number_unsigned_t /*v*/) override { return true; }
  bool number_float(number_float_t /*v*/, const string_t& /*s*/) override { return true; }
  bool string(string_t& /*v*/) override { return true; }
  bool binary(binary_t& /*v*/) override { return false; }
  bool start_object(std::size_t /*n*/) override { return ++depth_ <= limits::kMaxDepth; }
  bool end_object() override { return --depth_, true; }
  bool start_array(std::size_t /*n*/) override { return ++depth_ <= limits::kMaxDepth; }
  bool end_array() override { return --depth_, true; }
  bool key(string_t& k) override {
    if (depth_ == 1 && keys.size() < limits::kMaxMembers) keys.push_back(k);
    return true;
  }
  bool parse_error(std::size_t /*p*/, const std::string& /*t*/,
                   const nlohmann::detail::exception& /*e*/) override {
    return false;
  }
  std::vector<std::string> keys;

private:
  std::size_t depth_ = 0;
};

} // namespace

std::vector<std::string> top_level_keys(std::string_view text) {
  if (wide_encoding(text) || first_invalid_utf8(text) != std::string_view::npos ||
      text.find('\0') != std::string_view::npos ||
      long_string(text, limits::kMaxStringBytes) != std::string_view::npos)
    return {};
  KeyCollector c;
  (void)Json::sax_parse(text.begin(), text.end(), &c);
  return std::move(c.keys);
}

void check_json(std::string_view text, const JsonLimits& limits) {
  auto problems = scan_json(text, limits);
  if (!problems.empty()) throw InputError(std::move(problems));
}

} // namespace flyorcall::io
