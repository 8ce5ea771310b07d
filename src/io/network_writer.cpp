#include "io/network_writer.hpp"

#include <cmath>

#include <nlohmann/json.hpp>

namespace flyorcall::io {
namespace {

using json = nlohmann::ordered_json;

// Rounds to one decimal so JSON shows 12.3, not 12.299999999999999.
double round1(double v) {
  return std::round(v * 10.0) / 10.0;
}

json weekend_json(WeekdayMask mask) {
  json days = json::array();
  for (int d = 1; d <= 7; ++d) { // Monday first, as people read a week
    const int c = d % 7;
    if ((mask >> c) & 1u) days.push_back(weekday_name(c));
  }
  return days;
}

} // namespace

std::string network_to_json(const network::Network& net, const std::string& currency,
                            const std::string& data_version) {
  json out;
  out["data_version"] = data_version;
  out["currency"] = currency;
  json cities = json::array();
  for (std::size_t i = 0; i < net.cities().size(); ++i) {
    const City& c = net.cities()[i];
    json row = {{"code", c.code}, {"name", c.name}, {"country", c.country}, {"tz", c.tz},
                {"lat", c.lat},   {"lon", c.lon},   {"region", c.region}};
    row["hotel_night"] = c.hotel_night ? json(to_units(*c.hotel_night)) : json(nullptr);
    row["per_diem"] = c.per_diem ? json(to_units(*c.per_diem)) : json(nullptr);
    const auto& r = net.rates(static_cast<int>(i));
    json seasons = json::array();
    const auto md = [](unsigned v) {
      const auto two = [](unsigned x) {
        return std::string(x < 10 ? "0" : "") + std::to_string(x);
      };
      return two(v / 100) + "-" + two(v % 100);
    };
    for (const auto& s : r.seasons)
      seasons.push_back({{"season", md(s.first) + ".." + md(s.last)},
                         {"hotel_night", to_units(s.lodging)},
                         {"mie", to_units(s.mie)}});
    row["lodging"] = std::move(seasons);
    if (!r.seasons.empty())
      row["bmf_per_diem"] = {{"full_day", to_units(r.bmf_full)},
                             {"partial_day", to_units(r.bmf_partial)}};
    cities.push_back(std::move(row));
  }
  out["cities"] = std::move(cities);
  json countries = json::array();
  for (const Country& c : net.countries()) {
    json row = {{"code", c.code}, {"name", c.name}, {"weekend", weekend_json(c.weekend)}};
    row["hotel_kg_co2"] = c.hotel_kg_co2 ? json(*c.hotel_kg_co2) : json(nullptr);
    countries.push_back(std::move(row));
  }
  out["countries"] = std::move(countries);
  json legs = json::array();
  for (const network::Leg& l : net.legs()) {
    json fares;
    for (std::size_t k = 0; k < kCabinCount; ++k)
      fares[cabin_name(static_cast<Cabin>(k))] = to_units(l.fare[k]);
    json carriers = json::array();
    for (const auto& c : l.carriers) carriers.push_back(c);
    legs.push_back(
        {{"from", net.city(l.from).code},
         {"to", net.city(l.to).code},
         {"km", round1(l.km)},
         {"flown_km", round1(l.flown_km)},
         {"block_min", l.block.count()},
         {"fare", std::move(fares)},
         {"co2_category", network::kFlightCategoryNames[static_cast<std::size_t>(l.category)]},
         {"carriers", std::move(carriers)},
         {"source", l.source},
         {"given", l.given}});
  }
  out["legs"] = std::move(legs);
  return out.dump(2) + "\n";
}

std::string route_to_json(const network::Network& net, const network::Route& route, int from,
                          int to, const std::string& currency) {
  json out;
  out["from"] = net.city(from).code;
  out["to"] = net.city(to).code;
  out["currency"] = currency;
  out["reachable"] = route.reachable;
  json legs = json::array();
  for (const network::RouteLeg& l : route.legs) {
    legs.push_back({{"from", net.city(l.from).code},
                    {"to", net.city(l.to).code},
                    {"km", round1(l.km)},
                    {"block_min", l.block.count()},
                    {"cabin", cabin_name(l.cabin)},
                    {"fare", to_units(l.fare)},
                    {"co2_kg", round1(to_kg(l.co2))}});
  }
  out["legs"] = std::move(legs);
  out["travel_min"] = route.travel.count();
  out["fare"] = to_units(route.fare);
  out["co2_kg"] = round1(to_kg(route.co2));
  out["km"] = round1(route.km);
  out["generalised_cost"] = to_units(route.generalised_cost);
  return out.dump(2) + "\n";
}

} // namespace flyorcall::io
