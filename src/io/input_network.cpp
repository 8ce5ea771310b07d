// The input reader's network part (docs/input.md, "network"): countries, cities, legs and fares,
// and the time zone and country code references they use.
#include "io/input_reader_impl.hpp"

#include <algorithm>
#include <cstddef>
#include <optional>
#include <set>
#include <string>
#include <utility>
#include <vector>

#include <date/tz.h>

#include "flyorcall/limits.hpp"
#include "model/suggest.hpp"
#include "network/world_data.hpp"
#include "time/zones.hpp"

namespace flyorcall::io::detail {

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
  const bool ok =
      object(j, p,
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
                   problem(q, unknown_currency(*s));
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

} // namespace flyorcall::io::detail
