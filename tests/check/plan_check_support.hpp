// Shared by the plan checker's tests (test_plan_check.cpp, test_plan_check_mutated.cpp): the
// examples and fixtures, running the check, and finding in a plan the element a mutation needs.
#pragma once

#include <algorithm>
#include <cctype>
#include <chrono>
#include <cmath>
#include <cstdio>
#include <cstdlib>
#include <filesystem>
#include <fstream>
#include <optional>
#include <random>
#include <sstream>
#include <stdexcept>
#include <string>
#include <utility>
#include <vector>

#include <date/date.h>
#include <gmock/gmock.h>
#include <gtest/gtest.h>
#include <nlohmann/json.hpp>

#include "check/plan_check.hpp"
#include "cost/value.hpp"
#include "flyorcall/errors.hpp"
#include "flyorcall/flyorcall.hpp"
#include "io/plan_reader.hpp"
#include "network/network.hpp"
#include "optimize/schedule.hpp"
#include "support/sanitized.hpp"
#include "time/calendar.hpp"
#include "time/holidays.hpp"

namespace fs = std::filesystem;
using flyorcall::check::Violation;
using Json = nlohmann::ordered_json;
using ::testing::HasSubstr;

namespace plan_check_test {

inline const fs::path kSource = FLYORCALL_SOURCE_DIR;

inline std::string slurp(const fs::path& p) {
  std::ifstream in(p, std::ios::binary);
  std::ostringstream s;
  s << in.rdbuf();
  return s.str();
}

inline Json example_json(const std::string& name) {
  return Json::parse(slurp(kSource / "data/examples" / (name + ".json")));
}

inline flyorcall::Input input_of(const Json& j) {
  return flyorcall::read_input(j.dump());
}

inline Json fixture(const std::string& name) {
  return Json::parse(slurp(kSource / "tests/check" / (name + ".multistop.plan.json")));
}

inline std::vector<Violation> check(const flyorcall::Input& input, const Json& plan) {
  return flyorcall::check::check_plan(input, flyorcall::io::read_plan(plan.dump(2)));
}

inline std::string listing(const std::vector<Violation>& v) {
  std::string s;
  for (const Violation& x : v) s += "  " + x.pointer + ": " + x.message + " (" + x.rule + ")\n";
  return s;
}

inline bool has(const std::vector<Violation>& v, const std::string& pointer,
                const std::string& rule) {
  return std::any_of(v.begin(), v.end(),
                     [&](const Violation& x) { return x.pointer == pointer && x.rule == rule; });
}

inline const Violation* find(const std::vector<Violation>& v, const std::string& pointer,
                             const std::string& rule) {
  for (const Violation& x : v)
    if (x.pointer == pointer && x.rule == rule) return &x;
  return nullptr;
}

/// Asserts the violation is among those found.
#define EXPECT_VIOLATION(v, pointer, rule)                                                         \
  EXPECT_TRUE(has(v, pointer, rule)) << "expected " << (pointer) << " (" << (rule) << ")\n"        \
                                     << listing(v)

/// Asserts it is the only one.
#define EXPECT_ONLY_VIOLATION(v, pointer, rule)                                                    \
  do {                                                                                             \
    EXPECT_VIOLATION(v, pointer, rule);                                                            \
    EXPECT_EQ((v).size(), 1u) << listing(v);                                                       \
  } while (false)

// ---- shifting times in a plan --------------------------------------------------------------

inline std::string shift_text(const std::string& s, date::days days, int minutes) {
  // "YYYY-MM-DD", "YYYY-MM-DDTHH:MM" or "YYYY-MM-DDTHH:MMZ".
  int y = 0, mo = 0, d = 0, h = 0, mi = 0;
  std::sscanf(s.c_str(), "%d-%d-%d", &y, &mo, &d);
  const bool timed = s.size() >= 16;
  if (timed) std::sscanf(s.c_str() + 11, "%d:%d", &h, &mi);
  const date::sys_days day = date::year{y} / mo / d;
  const auto t = date::sys_seconds{day + days} + std::chrono::minutes{h * 60 + mi + minutes};
  if (!timed) return date::format("%F", date::floor<date::days>(t));
  return date::format("%FT%R", t) + (s.back() == 'Z' ? "Z" : "");
}

inline void shift_leg(Json& leg, date::days days, int minutes) {
  for (const char* key : {"depart_local", "arrive_local", "depart_utc", "arrive_utc"})
    leg[key] = shift_text(leg[key].get<std::string>(), days, minutes);
}

/// Moves a whole trip by whole days (leg times, stays, visits, depart and back).
inline void shift_trip(Json& trip, int days) {
  const date::days d{days};
  trip["depart"] = shift_text(trip["depart"], d, 0);
  trip["back"] = shift_text(trip["back"], d, 0);
  for (Json& leg : trip["legs"]) shift_leg(leg, d, 0);
  for (Json& s : trip["stays"]) {
    s["arrive"] = shift_text(s["arrive"], d, 0);
    s["depart"] = shift_text(s["depart"], d, 0);
  }
  for (Json& v : trip["visits"]) v["date"] = shift_text(v["date"], d, 0);
}

inline void add_money(Json& field, double units) {
  field = std::round((field.get<double>() + units) * 100.0) / 100.0;
}

// ---- finding what a mutation needs in a plan -----------------------------------------------
//
// The mutation tests do not hard-code which trip, leg, stay or visit of a fixture they change.
// Each looks for the element its rule needs by that element's properties ("a journey with a
// connection", "a visit during a fair") and asserts that there is one, then builds the expected
// pointer from the indices it found. Fixtures made again keep testing the same rules, or a test
// says which situation its fixture no longer has.

using Minute = date::sys_time<std::chrono::minutes>;

inline std::string at_trip(std::size_t t) {
  return "/trips/" + std::to_string(t);
}
inline std::string at_leg(std::size_t t, std::size_t k) {
  return at_trip(t) + "/legs/" + std::to_string(k);
}
inline std::string at_stay(std::size_t t, std::size_t k) {
  return at_trip(t) + "/stays/" + std::to_string(k);
}
inline std::string at_visit(std::size_t t, std::size_t k) {
  return at_trip(t) + "/visits/" + std::to_string(k);
}
inline std::string at_client(std::size_t c) {
  return "/clients/" + std::to_string(c);
}

/// The date of "YYYY-MM-DD…".
inline flyorcall::Date day_of(const std::string& s) {
  int y = 0, mo = 0, d = 0;
  std::sscanf(s.c_str(), "%d-%d-%d", &y, &mo, &d);
  return date::year{y} / mo / d;
}

inline std::string text_of(flyorcall::Date d) {
  return date::format("%F", d);
}

/// The instant of "YYYY-MM-DDTHH:MM[Z]".
inline Minute minute_of(const std::string& s) {
  int h = 0, mi = 0;
  if (s.size() >= 16) std::sscanf(s.c_str() + 11, "%d:%d", &h, &mi);
  return Minute{day_of(s)} + std::chrono::minutes{h * 60 + mi};
}

/// The time of day of "YYYY-MM-DDTHH:MM", in minutes.
inline int clock_of(const std::string& s) {
  return static_cast<int>((minute_of(s) - Minute{day_of(s)}).count());
}

inline std::int64_t minutes_between(const Json& from, const Json& to) {
  return (minute_of(to.get<std::string>()) - minute_of(from.get<std::string>())).count();
}

inline std::string lower(std::string s) {
  for (char& c : s) c = static_cast<char>(std::tolower(static_cast<unsigned char>(c)));
  return s;
}

/// A trip visiting two clients or more.
inline bool multi_stop(const Json& trip) {
  return trip["visits"].size() >= 2;
}

/// Index of the first trip of the plan with the property.
template <class Pred> std::optional<std::size_t> find_trip(const Json& plan, Pred pred) {
  for (std::size_t t = 0; t < plan["trips"].size(); ++t)
    if (pred(plan["trips"][t])) return t;
  return std::nullopt;
}

/// The k-th leg, stay or visit of a trip.
struct Item {
  std::size_t trip = 0;
  std::size_t k = 0;
};

/// The first leg, stay or visit (`key`) of the plan's trips for which pred(trip, k) holds,
/// multi-stop trips first (the fixtures are kept for them), then the others.
template <class Pred> std::optional<Item> find_item(const Json& plan, const char* key, Pred pred) {
  for (const bool multi : {true, false})
    for (std::size_t t = 0; t < plan["trips"].size(); ++t) {
      const Json& trip = plan["trips"][t];
      if (multi_stop(trip) != multi) continue;
      for (std::size_t k = 0; k < trip[key].size(); ++k)
        if (pred(trip, k)) return Item{t, k};
    }
  return std::nullopt;
}

/// The legs [first, end) a trip flies between two stops; `stay` is the stay they reach, none for
/// the journey home. As the checker follows them: each stay away from the previous stop is
/// reached by the first leg that lands in its city.
struct Journey {
  std::size_t first = 0;
  std::size_t end = 0;
  std::optional<std::size_t> stay;
  std::size_t size() const { return end - first; }
};

inline std::vector<Journey> journeys(const Json& trip) {
  std::vector<Journey> out;
  const Json& legs = trip["legs"];
  if (legs.empty()) return out;
  const std::string home = legs[0]["from"];
  std::string at = home;
  std::size_t p = 0;
  for (std::size_t s = 0; s < trip["stays"].size(); ++s) {
    const std::string city = trip["stays"][s]["city"];
    if (city == at) continue;
    const std::size_t first = p;
    while (p < legs.size() && legs[p]["to"] != city) ++p;
    if (p == legs.size()) return out;
    out.push_back({first, ++p, s});
    at = city;
  }
  if (at != home && p < legs.size()) out.push_back({p, legs.size(), std::nullopt});
  return out;
}

struct TripJourney {
  std::size_t trip = 0;
  std::size_t index = 0; ///< in journeys(trip)
  Journey journey;
};

/// The first journey of the plan for which pred(trip, journeys(trip), index) holds, multi-stop
/// trips first.
template <class Pred> std::optional<TripJourney> find_journey(const Json& plan, Pred pred) {
  for (const bool multi : {true, false})
    for (std::size_t t = 0; t < plan["trips"].size(); ++t) {
      const Json& trip = plan["trips"][t];
      if (multi_stop(trip) != multi) continue;
      const std::vector<Journey> js = journeys(trip);
      for (std::size_t j = 0; j < js.size(); ++j)
        if (pred(trip, js, j)) return TripJourney{t, j, js[j]};
    }
  return std::nullopt;
}

/// A journey flown in one cabin.
inline bool one_cabin(const Json& trip, const Journey& j) {
  for (std::size_t k = j.first; k < j.end; ++k)
    if (trip["legs"][k]["cabin"] != trip["legs"][j.first]["cabin"]) return false;
  return true;
}

/// The stay of a trip that holds a visit: in the visit's city, its dates around the visit's day.
inline std::optional<std::size_t> stay_of(const Json& trip, std::size_t visit) {
  const Json& v = trip["visits"][visit];
  for (std::size_t s = 0; s < trip["stays"].size(); ++s) {
    const Json& st = trip["stays"][s];
    if (st["city"] == v["city"] && st["arrive"].get<std::string>() <= v["date"] &&
        v["date"] <= st["depart"].get<std::string>())
      return s;
  }
  return std::nullopt;
}

/// The journey of a trip that reaches a stay.
inline std::optional<Journey> journey_to(const Json& trip, std::size_t stay) {
  for (const Journey& j : journeys(trip))
    if (j.stay == stay) return j;
  return std::nullopt;
}

inline std::size_t index_of(const Json& array, const std::string& id) {
  for (std::size_t i = 0; i < array.size(); ++i)
    if (array[i]["id"] == id) return i;
  ADD_FAILURE() << "no \"" << id << "\" among " << array.size() << " ids";
  return 0;
}

/// The input's places as the checker sees them: countries, weekends, business days, fairs.
class Places {
public:
  explicit Places(const Json& input_json)
      : input_(input_of(input_json)), net_(flyorcall::network::Network::build(input_)) {}

  const flyorcall::Input& input() const { return input_; }
  const flyorcall::network::Network& network() const { return net_; }

  std::string country(const std::string& city) const {
    return net_.city(net_.find(city).value()).country;
  }
  flyorcall::WeekdayMask weekend(const std::string& city) const {
    const flyorcall::Country* c = net_.country_of(net_.find(city).value());
    return c ? c->weekend : flyorcall::kSatSun;
  }
  bool weekend_day(const std::string& city, flyorcall::Date d) const {
    return flyorcall::timez::in_mask(weekend(city), date::weekday{d});
  }
  /// Business day of a city: its weekend, public holidays and the input's blackouts and strikes.
  bool business_day(const std::string& city, flyorcall::Date d) const {
    const std::string cc = country(city);
    const flyorcall::optimize::PublicHolidays h =
        flyorcall::optimize::public_holidays(cc, input_.horizon);
    std::vector<flyorcall::Date> closed = flyorcall::optimize::closed_dates(input_, city, cc);
    closed.insert(closed.end(), h.closed.begin(), h.closed.end());
    return flyorcall::timez::BusinessCalendar(weekend(city), closed, h.open).is_business_day(d);
  }
  bool in_horizon(flyorcall::Date d) const {
    return input_.horizon.first <= d && d <= input_.horizon.last;
  }
  /// The largest uplift of a fair at the city on the day (0 without a fair).
  double fair_uplift(const std::string& city, flyorcall::Date d) const {
    double best = 0;
    for (const flyorcall::Event& e : input_.events)
      if (e.kind == flyorcall::EventKind::fair &&
          flyorcall::optimize::event_at(e, city, country(city)) && e.dates.first <= d &&
          d <= e.dates.last)
        best = std::max(best, e.value_uplift);
    return best;
  }
  const flyorcall::Client& client(const std::string& id) const {
    for (const flyorcall::Client& c : input_.clients)
      if (c.id == id) return c;
    throw std::out_of_range("no client " + id);
  }
  /// The client's visit value without a fair's uplift, in currency units.
  double visit_value(const std::string& id) const {
    return static_cast<double>(flyorcall::cost::visit_value(client(id)).count()) / 100.0;
  }

private:
  flyorcall::Input input_;
  flyorcall::network::Network net_;
};

/// A visit during a fair at its city, with the fair's uplift.
struct FairVisit {
  Item visit;
  double uplift = 0;
};

inline std::optional<FairVisit> find_fair_visit(const Json& plan, const Places& places) {
  double uplift = 0;
  const auto at = find_item(plan, "visits", [&](const Json& trip, std::size_t k) {
    const Json& v = trip["visits"][k];
    uplift = places.fair_uplift(v["city"], day_of(v["date"]));
    return uplift > 0;
  });
  if (!at) return std::nullopt;
  return FairVisit{*at, uplift};
}

} // namespace plan_check_test
