// The plan checker's leg rules (docs/check.md): each leg against the network (cities, flight,
// block time, distance, CO2), its UTC and local times, the fares of the journeys it belongs to and
// the traveller's cabin rule.
#include "check/plan_check_impl.hpp"

#include <chrono>
#include <cmath>
#include <cstddef>
#include <optional>
#include <string>
#include <vector>

#include <date/date.h>
#include <date/tz.h>

#include "model/format.hpp"
#include "model/suggest.hpp"
#include "network/emissions.hpp"
#include "network/places.hpp"
#include "time/zones.hpp"

namespace flyorcall::check::detail {

std::string Checker::unknown_city(const std::string& code) const {
  std::string out = "unknown city \"" + code + "\"";
  const auto match = network::default_places().resolve(code);
  if (match.city && city_of(*match.city) >= 0)
    out += " (did you mean \"" + *match.city + "\", the city of \"" + code + "\"?)";
  return out;
}

LegInfo Checker::resolve_leg(const PlannedLeg& l, const std::string& p) {
  LegInfo li;
  li.from = city_of(l.from);
  li.to = city_of(l.to);
  if (li.from < 0) add(p + "/from", "network leg", unknown_city(l.from));
  if (li.to < 0) add(p + "/to", "network leg", unknown_city(l.to));
  li.cabin = l.cabin;
  if (li.from >= 0 && li.to >= 0) {
    const auto it = leg_index_.find({li.from, li.to});
    if (it == leg_index_.end())
      add(p, "network leg", "the network has no flight from " + l.from + " to " + l.to);
    else
      li.net = &net_.legs()[it->second];
  }
  Minutes block = l.block;
  double km = l.km;
  Money fare = l.fare;
  GramsCo2 co2 = l.co2;
  if (li.net) {
    const network::Leg& n = *li.net;
    if (l.block != n.block)
      add(p + "/block_min", "network leg",
          "block time " + std::to_string(l.block.count()) + " min, but the network's " + l.from +
              "-" + l.to + " takes " + std::to_string(n.block.count()) + " min");
    if (std::abs(l.km - format::one_decimal(n.km)) > 1e-6)
      add(p + "/km", "network leg",
          "distance " + std::to_string(l.km) + " km, but " + l.from + "-" + l.to + " is " +
              std::to_string(format::one_decimal(n.km)) + " km");
    block = n.block;
    km = n.km;
    const GramsCo2 net_co2 =
        network::leg_co2(n.km, n.category, li.cabin, in_.policy.radiative_forcing);
    if (l.co2 != format::co2_as_written(net_co2))
      add(p + "/co2_kg", "network leg",
          "CO2 " + format::kg_fixed(l.co2) + ", but " + std::string(cabin_name(l.cabin)) + " on " +
              l.from + "-" + l.to + " emits " + format::kg_fixed(format::co2_as_written(net_co2)) +
              " per passenger");
    co2 = net_co2;
  }
  // Times: the UTC departure is the plan's choice; everything else follows from it. The reader
  // has held each stated local time to its UTC time in the leg's zone; the zone must be the
  // city's.
  li.depart = l.depart;
  li.arrive = li.depart + minutes(block.count());
  if (l.arrive != li.arrive)
    add(p + "/arrive_utc", "leg times",
        "arrives " + date::format("%FT%RZ", l.arrive) + ", but a departure at " +
            date::format("%FT%RZ", li.depart) + " plus the block time of " +
            std::to_string(block.count()) + " min arrives " + date::format("%FT%RZ", li.arrive));
  const auto zone_check = [&](int city, const std::string& tz_name, const char* tz_key) {
    if (city < 0) return;
    const City& c = net_.city(city);
    if (tz_name != c.tz)
      add(p + "/" + tz_key, "leg times",
          "zone \"" + tz_name + "\", but " + c.code + " is in " + c.tz);
  };
  zone_check(li.from, l.tz_from, "tz_from");
  zone_check(li.to, l.tz_to, "tz_to");
  li.priced.from = l.from;
  li.priced.to = l.to;
  li.priced.depart = li.depart;
  li.priced.arrive = li.arrive;
  li.priced.block = block;
  li.priced.km = km;
  li.priced.cabin = li.cabin;
  li.priced.fare = fare;
  li.priced.co2 = co2;
  return li;
}

void Checker::check_fares(std::size_t i, std::vector<LegInfo>& legs, std::size_t first,
                          std::size_t end) {
  const Trip& t = doc_.trips[i];
  std::vector<const network::Leg*> net_legs;
  for (std::size_t k = first; k < end; ++k) {
    if (!legs[k].net || legs[k].cabin != legs[first].cabin) return;
    net_legs.push_back(legs[k].net);
  }
  const Cabin cabin = legs[first].cabin;
  const std::vector<Money> fares = net_.journey_leg_fares(cabin, net_legs);
  Money journey{0};
  for (const Money f : fares) journey += f;
  const std::string name = t.legs[first].from + "-" + t.legs[end - 1].to;
  for (std::size_t k = first; k < end; ++k) {
    const Money want = fares[k - first];
    legs[k].priced.fare = want;
    if (t.legs[k].fare == want) continue;
    std::string msg = "fare " + format::money(t.legs[k].fare, cur()) + ", but the network's " +
                      std::string(cabin_name(t.legs[k].cabin)) + " fare of " + name + " is " +
                      format::money(journey, cur());
    if (end - first > 1) msg += ", of which this leg carries " + format::money(want, cur());
    add("/trips/" + str(i) + "/legs/" + str(k) + "/fare", "network fare", msg);
  }
}

void Checker::check_cabins(std::size_t i, const Traveller& tr, const std::vector<LegInfo>& legs,
                           std::size_t first, std::size_t end) {
  const std::string P = "/trips/" + str(i) + "/legs/";
  const Trip& t = doc_.trips[i];
  const Cabin cabin = legs[first].cabin;
  Minutes flying{0};
  for (std::size_t k = first; k < end; ++k) {
    flying += legs[k].priced.block;
    if (legs[k].cabin != cabin) {
      add(P + str(k) + "/cabin", "cabin rule",
          "one journey is flown in one cabin: this leg is " +
              std::string(cabin_name(t.legs[k].cabin)) + ", the journey's first leg " +
              std::string(cabin_name(t.legs[first].cabin)));
      return;
    }
  }
  const CabinRule& rule = tr.cabin;
  const std::string journey = t.legs[first].from + "-" + t.legs[end - 1].to;
  const std::string cabin_text(cabin_name(cabin));
  if (!rule.upgrade_above || rule.base == rule.upgraded) {
    if (cabin != rule.base)
      add(P + str(first) + "/cabin", "cabin rule",
          tr.id + " flies " + std::string(cabin_name(rule.base)) + ", not " + cabin_text);
    return;
  }
  const Minutes threshold = *rule.upgrade_above;
  if (cabin == rule.base) {
    if (flying > threshold)
      add(P + str(first) + "/cabin", "cabin rule",
          "the journey " + journey + " flies " + format::hours_minutes(flying.count()) +
              ", more than " + format::hours_minutes(threshold.count()) + ": " + tr.id +
              "'s cabin rule books " + std::string(cabin_name(rule.upgraded)));
  } else if (cabin == rule.upgraded) {
    if (flying > threshold) return;
    // The rule looks at the journey's best route in the base cabin: a faster upgraded route
    // may well fly less than the threshold.
    const network::Route base = finder(static_cast<std::size_t>(trips_[i].traveller))
                                    .best(legs[first].from, legs[end - 1].to);
    Minutes base_flying{0};
    for (const network::RouteLeg& l : base.legs) base_flying += l.block;
    if (!base.reachable || base_flying <= threshold)
      add(P + str(first) + "/cabin", "cabin rule",
          "the journey " + journey + " flies " + format::hours_minutes(flying.count()) +
              " (its best " + std::string(cabin_name(rule.base)) + " route " +
              format::hours_minutes(base_flying.count()) + "), not more than " +
              format::hours_minutes(threshold.count()) + ": " + tr.id + "'s cabin rule books " +
              std::string(cabin_name(rule.base)));
  } else {
    add(P + str(first) + "/cabin", "cabin rule",
        tr.id + " flies " + std::string(cabin_name(rule.base)) + " or " +
            std::string(cabin_name(rule.upgraded)) + ", not " + cabin_text);
  }
}

} // namespace flyorcall::check::detail
