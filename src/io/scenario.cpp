#include "io/scenario.hpp"

#include <iterator>

#include <charconv>

#include <algorithm>
#include <cmath>
#include <cstdint>
#include <utility>

#include <nlohmann/json.hpp>

#include "io/input_reader.hpp"
#include "io/json_scan.hpp"
#include "model/suggest.hpp"

namespace flyorcall::io {

namespace {

using Json = nlohmann::ordered_json;

InputError usage(const std::string& message) {
  return InputError(std::vector<Problem>{Problem{"", message}});
}

/// What a merge patch or a --set value may hold: what an input may, and no key twice (the parser
/// would keep the last one silently).
const JsonLimits& patch_limits() {
  static const JsonLimits l = [] {
    JsonLimits x = input_limits();
    x.duplicate_keys = true;
    return x;
  }();
  return l;
}

/// Parses JSON text without exceptions; nothing when it is not JSON.
std::optional<Json> parse_json(std::string_view text) {
  Json j = Json::parse(text.begin(), text.end(), nullptr, /*allow_exceptions=*/false);
  if (j.is_discarded()) return std::nullopt;
  return j;
}

const char* type_name(const Json& j) {
  if (j.is_object()) return "an object";
  if (j.is_array()) return "an array";
  if (j.is_string()) return "a string";
  if (j.is_boolean()) return "a boolean";
  if (j.is_null()) return "null";
  return "a number";
}

/// An array index token: decimal digits without a leading zero (RFC 6901).
std::optional<std::size_t> array_index(const std::string& token) {
  if (token.empty() || token.size() > 9) return std::nullopt;
  if (token.size() > 1 && token[0] == '0') return std::nullopt;
  std::size_t v = 0;
  for (char c : token) {
    if (c < '0' || c > '9') return std::nullopt;
    v = v * 10 + static_cast<std::size_t>(c - '0');
  }
  return v;
}

/// Sets `value` at `tokens` inside `doc`; a problem when the place does not exist.
std::optional<Problem> assign(Json& doc, const std::vector<std::string>& tokens, Json value) {
  Json* at = &doc;
  std::string path;
  for (std::size_t k = 0; k < tokens.size(); ++k) {
    const std::string& t = tokens[k];
    const bool last = k + 1 == tokens.size();
    const std::string here = path + "/" + escape_pointer_token(t);
    if (at->is_object()) {
      auto it = at->find(t);
      if (it == at->end()) {
        if (last) {
          (*at)[t] = std::move(value);
          return std::nullopt;
        }
        std::vector<std::string> keys;
        for (const auto& [key, _] : at->items()) keys.push_back(key);
        return Problem{here, "no key \"" + t + "\" in " + (path.empty() ? "the document" : path) +
                                 did_you_mean(t, keys)};
      }
      at = &*it;
    } else if (at->is_array()) {
      if (last && t == "-") {
        at->push_back(std::move(value));
        return std::nullopt;
      }
      const auto i = array_index(t);
      if (!i)
        return Problem{here, "\"" + t + "\" is not an index of the array " + path +
                                 " (0, 1, ... without leading zeros" +
                                 (last ? std::string(", or - to append)") : std::string(")"))};
      if (*i >= at->size())
        return Problem{here, "index " + t + " is out of range: " + path + " has " +
                                 std::to_string(at->size()) +
                                 (at->size() == 1 ? " element" : " elements")};
      at = &(*at)[*i];
    } else {
      return Problem{here, (path.empty() ? std::string("the document") : path) + " is " +
                               type_name(*at) + ", not an object or array"};
    }
    path = here;
    if (last) {
      *at = std::move(value);
      return std::nullopt;
    }
  }
  // An empty token list is refused by pointer_tokens; keep the document unchanged.
  return Problem{"", "empty pointer"};
}

/// Parses a finite number written as JSON ("200", "-1.5", "1e3").
std::optional<double> parse_number(std::string_view text) {
  const auto j = parse_json(text);
  if (!j || !j->is_number()) return std::nullopt;
  const double v = j->get<double>();
  if (!std::isfinite(v)) return std::nullopt;
  return v;
}

/// Digits after the decimal point of a plain decimal number, or -1 with an exponent.
int decimals(std::string_view text) {
  if (text.find_first_of("eE") != std::string_view::npos) return -1;
  const auto dot = text.find('.');
  return dot == std::string_view::npos ? 0 : static_cast<int>(text.size() - dot - 1);
}

std::string trim(std::string_view s) {
  while (!s.empty() && (s.front() == ' ' || s.front() == '\t')) s.remove_prefix(1);
  while (!s.empty() && (s.back() == ' ' || s.back() == '\t')) s.remove_suffix(1);
  return std::string(s);
}

} // namespace

std::vector<std::string> pointer_tokens(std::string_view pointer) {
  if (pointer.empty() || pointer.front() != '/')
    throw usage("pointer \"" + std::string(pointer) +
                "\" must start with \"/\" (a JSON Pointer such as /policy/carbon_price_per_t)");
  std::vector<std::string> tokens;
  std::string cur;
  for (std::size_t i = 1; i <= pointer.size(); ++i) {
    if (i == pointer.size() || pointer[i] == '/') {
      tokens.push_back(std::move(cur));
      cur.clear();
      continue;
    }
    if (pointer[i] == '~') {
      const char next = i + 1 < pointer.size() ? pointer[i + 1] : '\0';
      if (next != '0' && next != '1')
        throw usage("pointer \"" + std::string(pointer) +
                    "\": \"~\" must be followed by 0 (for ~) or 1 (for /)");
      cur += next == '0' ? '~' : '/';
      ++i;
      continue;
    }
    cur += pointer[i];
  }
  return tokens;
}

namespace {

/// True when `text` is valid UTF-8 (what a JSON string, and so every message, must hold).
bool valid_utf8(std::string_view text) {
  try {
    (void)Json(std::string(text)).dump();
    return true;
  } catch (const nlohmann::json::type_error&) {
    return false;
  }
}

} // namespace

Assignment parse_assignment(std::string_view text) {
  // Checked first: the messages below quote the text, and a message must be valid UTF-8.
  if (!valid_utf8(text)) throw usage("--set: the argument is not valid UTF-8");
  const auto eq = text.find('=');
  if (eq == std::string_view::npos)
    throw usage("--set \"" + std::string(text) + "\": expected /json/pointer=VALUE");
  Assignment a;
  a.text = std::string(text);
  a.pointer = std::string(text.substr(0, eq));
  try {
    (void)pointer_tokens(a.pointer);
  } catch (const InputError& e) {
    throw usage("--set \"" + a.text + "\": " + e.problems().front().message);
  }
  const std::string_view value = text.substr(eq + 1);
  if (!value.empty() && value.back() == '%') {
    // A budget relative to the base plan: "-30%" cuts the base plan's use by 30 percent.
    // from_chars takes no leading '+'; "+10%" raises the budget by 10 percent.
    std::string_view digits = value.substr(0, value.size() - 1);
    if (digits.size() > 1 && digits.front() == '+' && digits[1] != '-' && digits[1] != '+')
      digits.remove_prefix(1);
    const std::string number(digits);
    double pct = 0;
    const auto [end, ec] = std::from_chars(number.data(), number.data() + number.size(), pct);
    if (number.empty() || ec != std::errc() || end != number.data() + number.size() ||
        !std::isfinite(pct) || pct < -100 || pct > 1000)
      throw usage("--set \"" + a.text +
                  "\": expected a percentage from -100% to +1000%, such as -30%");
    if (std::find(std::begin(kRelativeBudgets), std::end(kRelativeBudgets), a.pointer) ==
        std::end(kRelativeBudgets))
      throw usage("--set \"" + a.text +
                  "\": a percentage applies only to /policy/budget/cash, money, days or co2_kg "
                  "(a change of the base plan's use)");
    a.percent_of_base = pct;
    return a;
  }
  // A value that starts like an object, array or string is meant as JSON: it must be JSON, with
  // no key twice, rather than quietly become a string.
  const std::string_view start =
      value.substr(std::min(value.find_first_not_of(" \t\r\n"), value.size()));
  if (!start.empty() && (start.front() == '{' || start.front() == '[' || start.front() == '"')) {
    if (auto problems = scan_json(value, patch_limits()); !problems.empty())
      throw usage("--set \"" + a.text + "\": " + problems.front().pointer +
                  (problems.front().pointer.empty() ? "" : ": ") + problems.front().message);
    if (!parse_json(value))
      throw usage("--set \"" + a.text +
                  "\": VALUE starts like JSON but is not valid JSON (write text without quotes, or "
                  "as a JSON string)");
  }
  const auto parsed = parse_json(value);
  a.value_json = parsed ? parsed->dump() : Json(std::string(value)).dump();
  return a;
}

Assignment resolve_percent(const Assignment& a, double base_used) {
  Assignment out = a;
  const double limit = std::max(0.0, base_used * (1.0 + *a.percent_of_base / 100.0));
  if (a.pointer == "/policy/budget/days")
    out.value_json = std::to_string(static_cast<long long>(std::floor(limit + 1e-9)));
  else if (a.pointer == "/policy/budget/co2_kg")
    out.value_json = Json(std::round(limit * 1000.0) / 1000.0).dump();
  else
    out.value_json = Json(std::round(limit * 100.0) / 100.0).dump();
  out.percent_of_base.reset();
  return out;
}

Sweep parse_sweep(std::string_view text) {
  if (!valid_utf8(text)) throw usage("--sweep: the argument is not valid UTF-8");
  const std::string where = "--sweep \"" + std::string(text) + "\": ";
  const auto eq = text.find('=');
  if (eq == std::string_view::npos) throw usage(where + "expected /json/pointer=FROM:TO:STEP");
  Sweep s;
  s.text = std::string(text);
  s.pointer = std::string(text.substr(0, eq));
  try {
    (void)pointer_tokens(s.pointer);
  } catch (const InputError& e) {
    throw usage(where + e.problems().front().message);
  }
  const std::string_view range = text.substr(eq + 1);
  const auto c1 = range.find(':');
  const auto c2 = c1 == std::string_view::npos ? c1 : range.find(':', c1 + 1);
  if (c2 == std::string_view::npos || range.find(':', c2 + 1) != std::string_view::npos)
    throw usage(where + "expected FROM:TO:STEP after \"=\", e.g. 0:400:50");
  const std::string parts[3] = {trim(range.substr(0, c1)), trim(range.substr(c1 + 1, c2 - c1 - 1)),
                                trim(range.substr(c2 + 1))};
  const char* names[3] = {"FROM", "TO", "STEP"};
  double v[3] = {0, 0, 0};
  for (int k = 0; k < 3; ++k) {
    const auto n = parse_number(parts[k]);
    if (!n) throw usage(where + names[k] + " \"" + parts[k] + "\" is not a finite number");
    v[k] = *n;
  }
  const double from = v[0], to = v[1], step = v[2];
  if (!(step > 0)) throw usage(where + "STEP must be greater than 0");
  if (to < from) throw usage(where + "TO must not be less than FROM");
  // A tolerance of a millionth of a step keeps 0:1:0.1 at 11 points despite binary rounding.
  const double span = (to - from) / step + 1e-6;
  if (!(span < static_cast<double>(kMaxSweepPoints)))
    throw usage(where + "more than " + std::to_string(kMaxSweepPoints) +
                " points; use a larger STEP or a shorter range");
  const auto count = static_cast<std::size_t>(std::floor(span)) + 1;
  const int d0 = decimals(parts[0]);
  const int d2 = decimals(parts[2]);
  const int digits = d0 < 0 || d2 < 0 ? -1 : std::max(d0, d2);
  for (std::size_t i = 0; i < count; ++i) {
    double p = from + static_cast<double>(i) * step;
    if (digits > 0 && digits < 15) {
      const double scale = std::pow(10.0, digits);
      p = std::round(p * scale) / scale;
    }
    s.points.push_back(p);
  }
  for (double p : s.points) {
    // Whole points are written as integers, so that they also fit integer keys.
    const bool whole = std::abs(p) < 1e15 && p == std::floor(p);
    s.points_json.push_back(whole ? Json(static_cast<std::int64_t>(std::llround(p))).dump()
                                  : Json(p).dump());
  }
  return s;
}

Scenario apply_merge_patch(std::string_view base, std::string_view patch, std::string name) {
  Scenario s;
  s.name = std::move(name);
  auto doc = parse_json(base);
  if (!doc) {
    s.problems.push_back({"", "the base document is not valid JSON"});
    return s;
  }
  if (auto problems = scan_json(patch, patch_limits()); !problems.empty()) {
    s.problems = std::move(problems);
    return s;
  }
  const auto p = parse_json(patch);
  if (!p) {
    s.problems.push_back({"", "the scenario is not valid JSON (a JSON Merge Patch, RFC 7386)"});
    return s;
  }
  if (!p->is_object()) {
    s.problems.push_back({"", std::string("the scenario is ") + type_name(*p) +
                                  ", expected an object (a JSON Merge Patch, RFC 7386)"});
    return s;
  }
  doc->merge_patch(*p);
  s.document = doc->dump();
  return s;
}

Scenario apply_assignments(std::string_view base, const std::vector<Assignment>& assignments,
                           std::string name) {
  Scenario s;
  s.name = std::move(name);
  auto doc = parse_json(base);
  if (!doc) {
    s.problems.push_back({"", "the base document is not valid JSON"});
    return s;
  }
  for (const auto& a : assignments) {
    auto value = Json::parse(a.value_json);
    if (auto problem = assign(*doc, pointer_tokens(a.pointer), std::move(value)))
      s.problems.push_back(std::move(*problem));
  }
  if (s.problems.empty()) s.document = doc->dump();
  return s;
}

std::vector<Scenario> apply_sweep(std::string_view base, const Sweep& sweep) {
  std::vector<Scenario> out;
  for (std::size_t i = 0; i < sweep.points.size(); ++i) {
    const std::string text = sweep.pointer + "=" + sweep.points_json[i];
    Scenario s = apply_assignments(
        base, {Assignment{text, sweep.pointer, sweep.points_json[i], std::nullopt}}, text);
    s.sweep_value = sweep.points[i];
    out.push_back(std::move(s));
  }
  return out;
}

} // namespace flyorcall::io
