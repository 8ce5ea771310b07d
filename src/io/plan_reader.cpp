// A plan JSON document read back into the plan it states (flyorcall::Plan). The plan writer's
// format (docs/plan.md) is the contract; this reader requires what every plan has (currency, trips
// and their legs' UTC times, clients, totals and their core fields), reads the rest when it is
// there, and refuses figures the document states twice that disagree (a local time that is not
// its UTC time in its zone, a trip's CO2 total that is not its flights plus hotel), naming each
// problem by its JSON Pointer.
#include "io/plan_reader.hpp"

#include <array>
#include <cctype>
#include <cmath>
#include <limits>
#include <string>
#include <utility>
#include <vector>

#include <nlohmann/json.hpp>

#include "flyorcall/errors.hpp"
#include "flyorcall/limits.hpp"
#include "io/input_reader.hpp"
#include "io/json_document.hpp"
#include "io/json_scan.hpp"
#include "model/as_written.hpp"
#include "model/format.hpp"
#include "time/zones.hpp"

namespace flyorcall::io {

namespace {

using Json = nlohmann::json;

constexpr std::size_t kMaxProblems = 1000;
// Amounts beyond these bounds are no plan's figures and would overflow the integer units.
constexpr double kMaxMoneyUnits = 1e13;
constexpr double kMaxKg = 1e12;
constexpr double kMaxKm = 1e6;
constexpr std::int64_t kMaxCount = 1000000;

/// Deepest nesting of arrays and objects (strings skipped), stopping once past `limit`.
std::size_t nesting_depth(std::string_view text, std::size_t limit) {
  std::size_t depth = 0;
  std::size_t deepest = 0;
  bool in_string = false;
  for (std::size_t i = 0; i < text.size() && deepest <= limit; ++i) {
    const char c = text[i];
    if (in_string) {
      if (c == '\\')
        ++i;
      else if (c == '"')
        in_string = false;
    } else if (c == '"') {
      in_string = true;
    } else if (c == '[' || c == '{') {
      deepest = std::max(deepest, ++depth);
    } else if ((c == ']' || c == '}') && depth > 0) {
      --depth;
    }
  }
  return deepest;
}

bool all_digits(std::string_view s) {
  for (const char c : s)
    if (!std::isdigit(static_cast<unsigned char>(c))) return false;
  return !s.empty();
}

int to_int(std::string_view s) {
  int v = 0;
  for (const char c : s) v = v * 10 + (c - '0');
  return v;
}

std::optional<Date> parse_date(std::string_view s) {
  if (s.size() != 10 || s[4] != '-' || s[7] != '-') return std::nullopt;
  if (!all_digits(s.substr(0, 4)) || !all_digits(s.substr(5, 2)) || !all_digits(s.substr(8, 2)))
    return std::nullopt;
  const date::year_month_day ymd{date::year{to_int(s.substr(0, 4))},
                                 date::month{static_cast<unsigned>(to_int(s.substr(5, 2)))},
                                 date::day{static_cast<unsigned>(to_int(s.substr(8, 2)))}};
  if (!ymd.ok()) return std::nullopt;
  return Date{ymd};
}

/// "HH:MM" as minutes after midnight (00:00 to 23:59).
std::optional<int> parse_clock(std::string_view s) {
  if (s.size() != 5 || s[2] != ':' || !all_digits(s.substr(0, 2)) || !all_digits(s.substr(3, 2)))
    return std::nullopt;
  const int h = to_int(s.substr(0, 2));
  const int m = to_int(s.substr(3, 2));
  if (h > 23 || m > 59) return std::nullopt;
  return h * 60 + m;
}

/// "YYYY-MM-DDTHH:MM" as a date and minutes after midnight.
std::optional<std::pair<Date, int>> parse_date_time(std::string_view s) {
  if (s.size() != 16 || s[10] != 'T') return std::nullopt;
  const auto d = parse_date(s.substr(0, 10));
  const auto m = parse_clock(s.substr(11, 5));
  if (!d || !m) return std::nullopt;
  return std::make_pair(*d, *m);
}

/// "+HH:MM" / "-HH:MM" as signed minutes.
std::optional<Minutes> parse_offset(std::string_view s) {
  if (s.size() != 6 || (s[0] != '+' && s[0] != '-')) return std::nullopt;
  if (!all_digits(s.substr(1, 2)) || s[3] != ':' || !all_digits(s.substr(4, 2)))
    return std::nullopt;
  const int h = to_int(s.substr(1, 2));
  const int m = to_int(s.substr(4, 2));
  if (m > 59) return std::nullopt;
  const int v = h * 60 + m;
  return Minutes(s[0] == '-' ? -v : v);
}

std::optional<int> parse_weekday(std::string_view s) {
  for (std::size_t i = 0; i < kWeekdayNames.size(); ++i)
    if (kWeekdayNames[i] == s) return static_cast<int>(i);
  return std::nullopt;
}

/// "economy, premium, business or first" of a list of names.
template <std::size_t N> std::string one_of(const std::array<std::string_view, N>& names) {
  std::string out;
  for (std::size_t i = 0; i < N; ++i) {
    if (i > 0) out += i + 1 == N ? " or " : ", ";
    out += names[i];
  }
  return out;
}

class Reader {
public:
  std::vector<Problem> problems;
  std::size_t unlisted = 0;

  void problem(const std::string& ptr, std::string message) {
    if (problems.size() < kMaxProblems)
      problems.push_back({ptr, std::move(message)});
    else
      ++unlisted;
  }

  static std::string at(const std::string& ptr, std::string_view key) {
    return ptr + "/" + escape_pointer_token(key);
  }
  static std::string at(const std::string& ptr, std::size_t index) {
    return ptr + "/" + std::to_string(index);
  }

  /// The member `key` of `obj`, or nullptr when absent or null. A required member that is missing
  /// is a problem of the object.
  const Json* member(const Json& obj, std::string_view key, const std::string& ptr, bool required) {
    const auto it = obj.find(key);
    if (it == obj.end() || it->is_null()) {
      if (required)
        problem(ptr, "missing required key \"" + std::string(key) + "\"" +
                         (it != obj.end() ? " (it is null)" : ""));
      return nullptr;
    }
    return &*it;
  }

  const Json* object(const Json& obj, std::string_view key, const std::string& ptr, bool required) {
    const Json* v = member(obj, key, ptr, required);
    if (v && !v->is_object()) {
      problem(at(ptr, key), "expected an object");
      return nullptr;
    }
    return v;
  }

  /// An array member, checked against a size limit; nullptr when absent or wrong.
  const Json* array(const Json& obj, std::string_view key, const std::string& ptr, bool required,
                    std::size_t limit) {
    const Json* v = member(obj, key, ptr, required);
    if (!v) return nullptr;
    if (!v->is_array()) {
      problem(at(ptr, key), "expected an array");
      return nullptr;
    }
    if (v->size() > limit) {
      problem(at(ptr, key), "expected at most " + std::to_string(limit) + " items, found " +
                                std::to_string(v->size()));
      return nullptr;
    }
    return v;
  }

  std::optional<std::string> text(const Json& obj, std::string_view key, const std::string& ptr,
                                  bool required) {
    const Json* v = member(obj, key, ptr, required);
    if (!v) return std::nullopt;
    if (!v->is_string()) {
      problem(at(ptr, key), "expected a string");
      return std::nullopt;
    }
    return v->get<std::string>();
  }

  std::optional<double> number(const Json& obj, std::string_view key, const std::string& ptr,
                               bool required, double lo, double hi) {
    const Json* v = member(obj, key, ptr, required);
    if (!v) return std::nullopt;
    if (!v->is_number()) {
      problem(at(ptr, key), "expected a number");
      return std::nullopt;
    }
    const double x = v->get<double>();
    if (!std::isfinite(x) || x < lo || x > hi) {
      problem(at(ptr, key), "number " + v->dump() + " is out of range");
      return std::nullopt;
    }
    return x;
  }

  std::optional<std::int64_t> integer(const Json& obj, std::string_view key, const std::string& ptr,
                                      bool required, std::int64_t lo, std::int64_t hi) {
    const Json* v = member(obj, key, ptr, required);
    if (!v) return std::nullopt;
    if (!v->is_number_integer()) {
      problem(at(ptr, key), "expected an integer");
      return std::nullopt;
    }
    const bool too_large =
        v->is_number_unsigned() && v->get<std::uint64_t>() > static_cast<std::uint64_t>(hi);
    const std::int64_t x = too_large ? hi : v->get<std::int64_t>();
    if (too_large || x < lo || x > hi) {
      problem(at(ptr, key), "integer " + v->dump() + " is out of range");
      return std::nullopt;
    }
    return x;
  }

  int count(const Json& obj, std::string_view key, const std::string& ptr, bool required) {
    return static_cast<int>(integer(obj, key, ptr, required, 0, kMaxCount).value_or(0));
  }

  Money money(const Json& obj, std::string_view key, const std::string& ptr, bool required) {
    const auto x = number(obj, key, ptr, required, -kMaxMoneyUnits, kMaxMoneyUnits);
    return x ? money_from_units(*x) : Money{0};
  }

  std::optional<Money> optional_money(const Json& obj, std::string_view key,
                                      const std::string& ptr) {
    const auto x = number(obj, key, ptr, false, -kMaxMoneyUnits, kMaxMoneyUnits);
    if (!x) return std::nullopt;
    return money_from_units(*x);
  }

  GramsCo2 kg(const Json& obj, std::string_view key, const std::string& ptr, bool required) {
    const auto x = number(obj, key, ptr, required, 0, kMaxKg);
    return x ? co2_from_kg(*x) : GramsCo2{0};
  }

  std::optional<Date> day(const Json& obj, std::string_view key, const std::string& ptr,
                          bool required) {
    const auto s = text(obj, key, ptr, required);
    if (!s) return std::nullopt;
    const auto d = parse_date(*s);
    if (!d) problem(at(ptr, key), "expected a date YYYY-MM-DD, found \"" + *s + "\"");
    return d;
  }

  std::optional<date::local_seconds> local_time(const Json& obj, std::string_view key,
                                                const std::string& ptr) {
    const auto s = text(obj, key, ptr, false);
    if (!s) return std::nullopt;
    const auto dt = parse_date_time(*s);
    if (!dt) {
      problem(at(ptr, key), "expected a local time YYYY-MM-DDTHH:MM, found \"" + *s + "\"");
      return std::nullopt;
    }
    return date::local_seconds{date::local_days{dt->first.time_since_epoch()}} +
           std::chrono::minutes{dt->second};
  }

  std::optional<Instant> utc_time(const Json& obj, std::string_view key, const std::string& ptr,
                                  bool required) {
    const auto s = text(obj, key, ptr, required);
    if (!s) return std::nullopt;
    const auto dt = s->size() == 17 && s->back() == 'Z'
                        ? parse_date_time(std::string_view(*s).substr(0, 16))
                        : std::nullopt;
    if (!dt) {
      problem(at(ptr, key), "expected a UTC time YYYY-MM-DDTHH:MMZ, found \"" + *s + "\"");
      return std::nullopt;
    }
    return Instant{dt->first} + std::chrono::minutes{dt->second};
  }

  CostBreakdown cost(const Json& obj, const std::string& ptr) {
    CostBreakdown c;
    c.flights = money(obj, "flights", ptr, true);
    c.hotel = money(obj, "hotel", ptr, true);
    c.per_diem = money(obj, "per_diem", ptr, true);
    c.traveller_time = money(obj, "traveller_time", ptr, true);
    c.jetlag = money(obj, "jetlag", ptr, true);
    c.carbon = money(obj, "carbon", ptr, true);
    return c;
  }

  /// A name of `names` at `key` (an enum's index); a problem lists the names.
  template <std::size_t N>
  std::optional<std::size_t> named(const Json& obj, std::string_view key, const std::string& ptr,
                                   bool required, const std::array<std::string_view, N>& names) {
    const auto s = text(obj, key, ptr, required);
    if (!s) return std::nullopt;
    for (std::size_t i = 0; i < N; ++i)
      if (names[i] == *s) return i;
    problem(at(ptr, key), "expected " + one_of(names) + ", found \"" + *s + "\"");
    return std::nullopt;
  }

  /// The zone at `tz_key`, when the leg names one; a name the tz database lacks is a problem.
  const date::time_zone* zone(const Json& j, const char* tz_key, const std::string& p,
                              std::string& name) {
    name = text(j, tz_key, p, false).value_or("");
    if (name.empty()) return nullptr;
    const date::time_zone* z = timez::find_zone(name);
    if (z == nullptr) problem(at(p, tz_key), "unknown time zone \"" + name + "\"");
    return z;
  }

  /// A stated local time must be the leg's UTC time in the leg's zone: the plan states it twice.
  void local_agrees(const Json& j, const char* key, const std::string& p, const date::time_zone* z,
                    const std::string& tz_name, const char* tz_key, std::optional<Instant> utc) {
    const auto local = local_time(j, key, p);
    if (!local || !utc) return;
    if (tz_name.empty()) {
      problem(at(p, key), std::string("a local time needs the leg's zone (") + tz_key + ")");
      return;
    }
    if (z == nullptr) return; // the unknown zone is the problem
    const date::local_seconds want = timez::to_local(*utc, z);
    if (*local != want)
      problem(at(p, key), timez::format_local(*local) + " is not " + date::format("%FT%RZ", *utc) +
                              " in " + tz_name + " (" + timez::format_local(want) + ")");
  }

  PlannedLeg leg(const Json& j, const std::string& p) {
    PlannedLeg l;
    l.from = text(j, "from", p, true).value_or("");
    l.to = text(j, "to", p, true).value_or("");
    const auto depart = utc_time(j, "depart_utc", p, true);
    const auto arrive = utc_time(j, "arrive_utc", p, true);
    if (depart) l.depart = *depart;
    if (arrive) l.arrive = *arrive;
    const date::time_zone* zf = zone(j, "tz_from", p, l.tz_from);
    const date::time_zone* zt = zone(j, "tz_to", p, l.tz_to);
    local_agrees(j, "depart_local", p, zf, l.tz_from, "tz_from", depart);
    local_agrees(j, "arrive_local", p, zt, l.tz_to, "tz_to", arrive);
    l.block = Minutes(count(j, "block_min", p, false));
    l.km = number(j, "km", p, false, 0, kMaxKm).value_or(0);
    if (const auto c = named(j, "cabin", p, true, kCabinNames)) l.cabin = static_cast<Cabin>(*c);
    l.fare = money(j, "fare", p, false);
    l.co2 = kg(j, "co2_kg", p, false);
    return l;
  }

  Briefing briefing(const Json& j, const std::string& p) {
    Briefing b;
    b.city = text(j, "city", p, true).value_or("");
    b.country = text(j, "country", p, false).value_or("");
    if (const auto s = text(j, "time_difference", p, false)) {
      b.time_difference = parse_offset(*s);
      if (!b.time_difference)
        problem(at(p, "time_difference"), "expected +HH:MM or -HH:MM, found \"" + *s + "\"");
    }
    const auto from = day(j, "from", p, true);
    const auto to = day(j, "to", p, true);
    if (from && to) b.window = DateRange{*from, *to};
    if (const Json* hs = array(j, "holidays", p, false, kMaxPlanListItems)) {
      for (std::size_t i = 0; i < hs->size(); ++i) {
        const Json& h = (*hs)[i];
        const std::string q = at(at(p, "holidays"), i);
        if (!h.is_object()) {
          problem(q, "expected an object");
          continue;
        }
        LocalHoliday lh;
        lh.date = day(h, "date", q, true).value_or(Date{});
        lh.name = text(h, "name", q, true).value_or("");
        if (const Json* s = member(h, "substitute", q, false)) {
          if (s->is_boolean())
            lh.substitute = s->get<bool>();
          else
            problem(at(q, "substitute"), "expected true or false");
        }
        b.holidays.push_back(std::move(lh));
      }
    }
    if (const Json* es = array(j, "events", p, false, kMaxPlanListItems)) {
      for (std::size_t i = 0; i < es->size(); ++i) {
        const Json& e = (*es)[i];
        const std::string q = at(at(p, "events"), i);
        if (!e.is_object()) {
          problem(q, "expected an object");
          continue;
        }
        BriefingEvent be;
        if (const auto k = named(e, "kind", q, true, kEventKindNames))
          be.kind = static_cast<EventKind>(*k);
        const auto start = day(e, "start", q, true);
        const auto end = day(e, "end", q, false);
        if (start) be.dates = {*start, end.value_or(*start)};
        be.title = text(e, "title", q, false).value_or("");
        be.note = text(e, "note", q, false).value_or("");
        b.events.push_back(std::move(be));
      }
    }
    if (const auto n = integer(j, "events_not_listed", p, false, 0, kMaxCount))
      b.events_not_listed = static_cast<std::size_t>(*n);
    b.calendar_note = text(j, "calendar_note", p, false);
    return b;
  }

  template <class T, class F>
  std::vector<T> list(const Json& obj, std::string_view key, const std::string& ptr, bool required,
                      std::size_t limit, F read_one) {
    std::vector<T> out;
    const Json* a = array(obj, key, ptr, required, limit);
    if (!a) return out;
    for (std::size_t i = 0; i < a->size(); ++i) {
      const std::string q = at(at(ptr, key), i);
      if (!(*a)[i].is_object()) {
        problem(q, "expected an object");
        continue;
      }
      out.push_back(read_one((*a)[i], q));
    }
    return out;
  }

  Trip trip(const Json& j, const std::string& p) {
    Trip t;
    t.id = text(j, "id", p, true).value_or("");
    t.traveller_id = text(j, "traveller", p, true).value_or("");
    const auto depart = day(j, "depart", p, true);
    const auto back = day(j, "back", p, true);
    if (depart) t.depart = *depart;
    if (back) t.back = *back;
    if (depart && back && *back < *depart)
      problem(at(p, "back"), "the trip comes back before it departs");
    else if (depart && back && (*back - *depart).count() >= limits::kMaxHorizonDays)
      problem(at(p, "back"),
              "the trip is longer than " + std::to_string(limits::kMaxHorizonDays) + " days");
    t.days_away = count(j, "days_away", p, false);
    t.legs = list<PlannedLeg>(j, "legs", p, true, kMaxPlanTripItems,
                              [this](const Json& x, const std::string& q) { return leg(x, q); });
    t.stays = list<Stay>(j, "stays", p, false, kMaxPlanTripItems,
                         [this](const Json& x, const std::string& q) {
                           Stay s;
                           s.city = text(x, "city", q, true).value_or("");
                           s.arrive = day(x, "arrive", q, true).value_or(Date{});
                           s.depart = day(x, "depart", q, true).value_or(Date{});
                           s.hotel_nights = count(x, "hotel_nights", q, false);
                           return s;
                         });
    t.visits = list<Visit>(j, "visits", p, false, kMaxPlanTripItems,
                           [this](const Json& x, const std::string& q) {
                             Visit v;
                             v.client_id = text(x, "client", q, true).value_or("");
                             v.city = text(x, "city", q, false).value_or("");
                             v.date = day(x, "date", q, true).value_or(Date{});
                             v.days = count(x, "days", q, false);
                             return v;
                           });
    t.briefings =
        list<Briefing>(j, "briefings", p, false, kMaxPlanTripItems,
                       [this](const Json& x, const std::string& q) { return briefing(x, q); });
    if (const Json* c = object(j, "cost", p, true)) t.cost = cost(*c, at(p, "cost"));
    if (const Json* c = object(j, "co2_kg", p, false)) {
      const std::string q = at(p, "co2_kg");
      const GramsCo2 flights = kg(*c, "flights", q, false);
      const GramsCo2 hotel = kg(*c, "hotel", q, false);
      const GramsCo2 total = kg(*c, "total", q, true);
      // The document rounds each figure to 0.1 kg, the total from the exact parts.
      if (const auto parts = format::co2_parts_as_written(flights, hotel, total)) {
        t.co2_flights = parts->first;
        t.co2_hotel = parts->second;
      } else if (c->contains("total")) {
        problem(at(q, "total"), format::kg_fixed(total) + " is not flights " +
                                    format::kg_fixed(flights) + " plus hotel " +
                                    format::kg_fixed(hotel));
      }
    }
    return t;
  }

  CallSlotSummary call_slot(const Json& j, const std::string& p) {
    CallSlotSummary s;
    if (const auto w = text(j, "weekday", p, true)) {
      if (const auto d = parse_weekday(*w))
        s.weekday = *d;
      else
        problem(at(p, "weekday"), "expected Mon, Tue, ... Sun, found \"" + *w + "\"");
    }
    const auto clock = [&](std::string_view key, int& into) {
      if (const auto v = text(j, key, p, true)) {
        if (const auto m = parse_clock(*v))
          into = *m;
        else
          problem(at(p, key), "expected a time HH:MM, found \"" + *v + "\"");
      }
    };
    clock("traveller_local", s.traveller_local_min);
    clock("client_local", s.client_local_min);
    s.traveller_offhours_min = number(j, "traveller_offhours_min", p, false, 0, 1e6).value_or(0);
    s.client_offhours_min = number(j, "client_offhours_min", p, false, 0, 1e6).value_or(0);
    if (const Json* shifts = array(j, "shifts", p, false, kMaxPlanListItems)) {
      for (std::size_t i = 0; i < shifts->size(); ++i) {
        const Json& x = (*shifts)[i];
        const std::string q = at(at(p, "shifts"), i);
        if (!x.is_object()) {
          problem(q, "expected an object");
          continue;
        }
        const auto from = day(x, "from_date", q, true);
        const auto local = text(x, "client_local", q, true);
        if (!local) continue;
        const std::optional<int> m = parse_clock(*local);
        if (!m) {
          problem(at(q, "client_local"), "expected a time HH:MM, found \"" + *local + "\"");
          continue;
        }
        if (from) s.client_shifts.emplace_back(*from, *m);
      }
    }
    return s;
  }

  ClientDecision client(const Json& j, const std::string& p) {
    ClientDecision c;
    c.client_id = text(j, "id", p, true).value_or("");
    c.name = text(j, "name", p, false).value_or("");
    if (const auto d = text(j, "decision", p, true)) {
      if (*d == "visit" || *d == "remote")
        c.visit = *d == "visit";
      else
        problem(at(p, "decision"), "expected \"visit\" or \"remote\", found \"" + *d + "\"");
    }
    c.trip_id = text(j, "trip", p, false);
    c.traveller_id = text(j, "traveller", p, false);
    c.value = money(j, "value", p, true);
    c.remote_value = money(j, "remote_value", p, false);
    c.remote_cost = money(j, "remote_cost", p, false);
    c.marginal_cost = money(j, "marginal_cost", p, true);
    const auto break_even = optional_money(j, "break_even_value", p);
    c.break_even_defined = break_even.has_value();
    c.break_even_value = break_even.value_or(Money{0});
    c.reason = text(j, "reason", p, false).value_or("");
    if (const Json* s = object(j, "call_slot", p, false))
      c.call_slot = call_slot(*s, at(p, "call_slot"));
    return c;
  }

  Totals totals(const Json& j, const std::string& p) {
    Totals t;
    t.trips = count(j, "trips", p, true);
    t.visits = count(j, "visits", p, true);
    t.remote = count(j, "remote", p, true);
    t.days_away = count(j, "days_away", p, true);
    if (const Json* c = object(j, "trip_cost", p, true)) t.trip_cost = cost(*c, at(p, "trip_cost"));
    t.remote_cost = money(j, "remote_cost", p, true);
    t.value = money(j, "value", p, true);
    t.net = money(j, "net", p, true);
    t.co2 = kg(j, "co2_kg", p, true);
    return t;
  }

  BudgetUse budget(const Json& j, const std::string& p) {
    BudgetUse b;
    if (const Json* m = object(j, "money", p, true)) {
      const std::string q = at(p, "money");
      b.money = money(*m, "used", q, true);
      b.money_limit = optional_money(*m, "limit", q);
    }
    if (const Json* c = object(j, "cash", p, false)) {
      const std::string q = at(p, "cash");
      b.cash = money(*c, "used", q, true);
      b.cash_limit = optional_money(*c, "limit", q);
    }
    if (const Json* d = object(j, "days", p, true)) {
      const std::string q = at(p, "days");
      b.days = count(*d, "used", q, true);
      if (const auto x = integer(*d, "limit", q, false, 0, kMaxCount))
        b.days_limit = static_cast<int>(*x);
    }
    if (const Json* c = object(j, "co2_kg", p, true)) {
      const std::string q = at(p, "co2_kg");
      b.co2 = kg(*c, "used", q, true);
      if (member(*c, "limit", q, false)) b.co2_limit = kg(*c, "limit", q, false);
    }
    return b;
  }

  Plan document(const Json& j) {
    Plan d;
    const std::string p;
    d.flyorcall_version = text(j, "flyorcall", p, false).value_or("");
    d.data_version = text(j, "data_version", p, false).value_or("");
    d.label = text(j, "label", p, false).value_or("");
    if (const Json* h = object(j, "horizon", p, false)) {
      const auto start = day(*h, "start", "/horizon", true);
      const auto end = day(*h, "end", "/horizon", true);
      if (start && end) {
        if (*end < *start)
          problem("/horizon/end", "the horizon ends before it starts");
        else if ((*end - *start).count() >= limits::kMaxHorizonDays)
          problem("/horizon/end", "the horizon is longer than " +
                                      std::to_string(limits::kMaxHorizonDays) + " days");
        else
          d.horizon = DateRange{*start, *end};
      }
    }
    d.currency = text(j, "currency", p, true).value_or("");
    if (const auto s = integer(j, "seed", p, false, 0, std::numeric_limits<std::int64_t>::max()))
      d.seed = static_cast<std::uint64_t>(*s);
    d.method = text(j, "method", p, false).value_or("");
    if (const Json* notes = array(j, "notes", p, false, kMaxPlanListItems)) {
      for (std::size_t i = 0; i < notes->size(); ++i) {
        if ((*notes)[i].is_string())
          d.notes.push_back((*notes)[i].get<std::string>());
        else
          problem(at("/notes", i), "expected a string");
      }
    }
    if (const Json* rates = object(j, "rates", p, false)) {
      d.hotel_source = text(*rates, "hotel", "/rates", false).value_or("");
      d.allowances = list<AllowanceUse>(
          *rates, "per_diem", "/rates", false, limits::kMaxTravellers,
          [this](const Json& x, const std::string& q) {
            AllowanceUse a;
            a.traveller_id = text(x, "traveller", q, true).value_or("");
            if (const auto t = named(x, "table", q, true, kAllowanceTableNames)) {
              a.table = static_cast<AllowanceTable>(*t);
              if (a.table == AllowanceTable::home)
                problem(at(q, "table"), "expected the table used (bmf or us-gsa-state), "
                                        "not \"home\"");
            }
            a.source = text(x, "source", q, true).value_or("");
            return a;
          });
    }
    d.trips = list<Trip>(j, "trips", p, true, kMaxPlanTrips,
                         [this](const Json& x, const std::string& q) { return trip(x, q); });
    d.decisions =
        list<ClientDecision>(j, "clients", p, true, limits::kMaxClients,
                             [this](const Json& x, const std::string& q) { return client(x, q); });
    if (const Json* t = object(j, "totals", p, true)) d.totals = totals(*t, "/totals");
    if (const Json* b = object(j, "budget", p, false)) d.budget = budget(*b, "/budget");
    return d;
  }
};

/// Visited clients get the city of their visit (the plan's clients[] carry none).
void place_clients(Plan& d) {
  for (ClientDecision& c : d.decisions)
    for (const Trip& t : d.trips)
      for (const Visit& v : t.visits)
        if (c.city.empty() && v.client_id == c.client_id) c.city = v.city;
}

} // namespace

namespace {

Plan read_plan_text(std::string_view json_text, std::string* owned) {
  const std::string_view bom = "\xEF\xBB\xBF";
  const std::string_view body =
      json_text.starts_with(bom) ? json_text.substr(bom.size()) : json_text;
  if (body.find_first_not_of(" \t\r\n") == std::string_view::npos)
    throw InputError(std::vector<Problem>{{"", "empty document: expected a plan (JSON object)"}});
  if (nesting_depth(body, limits::kMaxDepth) > limits::kMaxDepth)
    throw InputError(
        std::vector<Problem>{{"", "expected at most " + std::to_string(limits::kMaxDepth) +
                                      " levels of nested arrays and objects"}});
  check_json(body, plan_limits());
  Json doc;
  try {
    doc = Json::parse(body);
  } catch (const Json::parse_error& e) {
    // nlohmann's byte is 1-based and points just past the offending character.
    const std::size_t offset = e.byte > 0 ? e.byte - 1 : 0;
    std::string why = e.what();
    if (const auto dash = why.find(" - "); dash != std::string::npos) why = why.substr(dash + 3);
    if (const auto last = why.find("; last read:"); last != std::string::npos) why.resize(last);
    throw InputError(std::vector<Problem>{
        {"", "malformed JSON at " + detail::at_line_column(body, offset) + ": " + why}});
  } catch (const Json::exception& e) {
    // A number too large for a double ("1e400") is reported without a position.
    std::string why = e.what();
    if (const auto close = why.find("] "); close != std::string::npos) why = why.substr(close + 2);
    throw InputError(std::vector<Problem>{{"", "malformed JSON: " + why}});
  }
  if (owned != nullptr) std::string().swap(*owned);
  if (!doc.is_object())
    throw InputError(std::vector<Problem>{{"", "expected a plan (JSON object)"}});
  Reader reader;
  Plan plan = reader.document(doc);
  if (!reader.problems.empty()) {
    if (reader.unlisted > 0)
      reader.problems.push_back({"", std::to_string(reader.unlisted) +
                                         " more problems not listed (at most " +
                                         std::to_string(kMaxProblems) + " are listed)"});
    throw InputError(std::move(reader.problems));
  }
  place_clients(plan);
  return plan;
}

} // namespace

Plan read_plan(std::string_view json_text) {
  return read_plan_text(json_text, nullptr);
}

Plan read_plan(std::string&& json_text) {
  return read_plan_text(json_text, &json_text);
}

Plan read_plan(const char* json_text) {
  return read_plan_text(json_text, nullptr);
}

} // namespace flyorcall::io
