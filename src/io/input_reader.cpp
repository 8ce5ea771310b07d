// The strict input reader: JSON text -> flyorcall::Input. Every problem is collected (never just
// the first), located by a JSON Pointer, and finally sorted into document order, so that one run
// of `flyorcall validate` shows everything a user has to fix. Schema: docs/input.md; messages:
// docs/errors.md.
#include "io/input_reader.hpp"

#include <algorithm>
#include <cmath>
#include <cstdio>
#include <map>
#include <optional>
#include <string>
#include <utility>
#include <variant>
#include <vector>

#include <date/date.h>
#include <nlohmann/json.hpp>

#include "flyorcall/flyorcall.hpp"
#include "flyorcall/limits.hpp"
#include "io/input_reader_impl.hpp"
#include "io/json_document.hpp"
#include "io/json_scan.hpp"
#include "model/utf8.hpp"

namespace flyorcall {

namespace io::detail {

std::string bound(double x) {
  if (std::floor(x) == x && std::fabs(x) < 1e15) return std::to_string(static_cast<long long>(x));
  char buf[32];
  std::snprintf(buf, sizeof buf, "%g", x);
  return buf;
}

std::string found(const Json& v) {
  return v.type_name();
}

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

} // namespace io::detail

namespace {

// The reader's parts that read_document and io::parse_iso_date below use.
using io::detail::at_line_column;
using io::detail::clean_parse_message;
using io::detail::DomBuilder;
using io::detail::error_offset;
using io::detail::Json;
using io::detail::kMaxListedProblems;
using io::detail::parse_date;
using io::detail::ProblemList;
using io::detail::Reader;
using io::detail::sort_into_document_order;

} // namespace

std::variant<Date, std::string> io::parse_iso_date(const std::string& text) {
  return parse_date(text);
}

namespace io::detail {

Input Reader::read(const Json& doc) {
  if (!doc.is_object()) {
    problem("", "expected a JSON object at the top level, found " + found(doc));
    return std::move(in_);
  }
  check_keys(doc, "",
             {{"$schema", {}},
              {"quarter", {}},
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
  // The JSON Schema an editor validates the document with (data/schema/); not read further.
  if (const auto it = doc.find("$schema"); it != doc.end()) (void)string(*it, "/$schema");
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
    problem(p, unknown_currency(*s));
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

} // namespace io::detail

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
