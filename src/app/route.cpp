// The route verb of the library: the best route between two places of a network
// (include/flyorcall/route.hpp).
#include <cmath>
#include <iomanip>
#include <sstream>

#include "app/network_impl.hpp"
#include "flyorcall/errors.hpp"
#include "flyorcall/route.hpp"
#include "io/network_writer.hpp"
#include "network/places.hpp"
#include "network/routes.hpp"

namespace flyorcall {
namespace {

/// A city given by its code, an airport code or its name, in any case, among the cities of `net`.
int city_index(const network::Network& net, const std::string& given, const char* role) {
  const network::PlaceIndex places(net.cities(), net.countries());
  const auto match = places.resolve(given);
  if (!match.city)
    throw InputError(std::vector<Problem>{Problem{"", std::string(role) + ": " + match.error}});
  return *net.find(*match.city);
}

std::string hm(std::int64_t minutes) {
  std::ostringstream s;
  s << minutes / 60 << "h" << std::setw(2) << std::setfill('0') << minutes % 60;
  return s.str();
}

} // namespace

RouteResult find_route(const FlightNetwork& network, const RouteRequest& request) {
  const network::Network& net = network.impl().net;
  const Input& input = network.impl().input;
  const int a = city_index(net, request.from, "origin");
  const int b = city_index(net, request.to, "destination");
  network::RouteParams params;
  if (!input.travellers.empty()) params.cabin = input.travellers.front().cabin;
  if (!request.cabin.empty()) {
    bool known = false;
    params.cabin = {};
    for (std::size_t k = 0; k < kCabinCount; ++k)
      if (request.cabin == kCabinNames[k]) {
        params.cabin.base = static_cast<Cabin>(k);
        known = true;
      }
    if (!known)
      throw InputError(
          std::vector<Problem>{Problem{"", "--cabin: unknown cabin \"" + request.cabin + "\""}});
  }
  params.connection_penalty = input.policy.connection_penalty;
  params.min_connection = input.policy.min_connection;
  params.carbon_price_per_tonne = input.policy.carbon_price_per_tonne;
  params.radiative_forcing = input.policy.radiative_forcing;
  const network::RouteFinder finder(net, params);
  const network::Route route = finder.best(a, b);

  RouteResult r;
  r.from_code = net.city(a).code;
  r.from_name = net.city(a).name;
  r.to_code = net.city(b).code;
  r.to_name = net.city(b).name;
  r.same_city = a == b;
  r.reachable = route.reachable && a != b;
  for (const auto& l : route.legs)
    r.legs.push_back(
        {net.city(l.from).code, net.city(l.to).code, l.km, l.block, l.cabin, l.fare, l.co2});
  r.travel = route.travel;
  r.fare = route.fare;
  r.co2 = route.co2;
  r.currency = input.currency;
  r.json = io::route_to_json(net, route, a, b, input.currency);
  return r;
}

std::string route_text(const RouteResult& r) {
  std::ostringstream out;
  out << r.from_code << " " << r.from_name << " -> " << r.to_code << " " << r.to_name << '\n';
  if (r.same_city) {
    out << "  same city: no flight\n";
    return out.str();
  }
  if (!r.reachable) {
    out << "  no route in the network\n";
    return out.str();
  }
  for (const auto& l : r.legs) {
    out << "  " << l.from << " -> " << l.to << "  " << std::setw(6) << std::lround(l.km) << " km  "
        << std::setw(6) << hm(l.block.count()) << "  " << std::setw(8) << cabin_name(l.cabin)
        << "  " << std::fixed << std::setprecision(2) << std::setw(9) << to_units(l.fare) << ' '
        << r.currency << "  " << std::setprecision(1) << std::setw(7) << to_kg(l.co2)
        << " kg CO2e\n";
  }
  out << "  total: " << r.legs.size() << (r.legs.size() == 1 ? " leg, " : " legs, ")
      << hm(r.travel.count()) << " with connections, " << std::fixed << std::setprecision(2)
      << to_units(r.fare) << ' ' << r.currency << ", " << std::setprecision(1) << to_kg(r.co2)
      << " kg CO2e\n";
  return out.str();
}

int route_exit_code(const RouteResult& route) {
  return route.reachable || route.same_city ? 0 : static_cast<int>(ErrorCode::infeasible);
}

} // namespace flyorcall
