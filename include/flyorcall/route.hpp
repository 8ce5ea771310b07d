// The best route between two cities of a flight network: what `flyorcall route` prints
// (docs/library.md, "Network, routes, holidays, calls, compare and batch"). Plain C++ types only.
#pragma once

#include <string>
#include <vector>

#include "flyorcall/model.hpp"
#include "flyorcall/network.hpp"
#include "flyorcall/units.hpp"

namespace flyorcall {

/// A route question.
struct RouteRequest {
  std::string from; ///< city code (FRA), airport code (ORD) or city name (São Paulo), any case
  std::string to;   ///< the same for the destination
  /// Cabin for every leg ("economy", ...); "" for the input's first traveller's cabin rule,
  /// else economy.
  std::string cabin;
};

/// One flight of a route.
struct RouteFlight {
  std::string from; ///< city code
  std::string to;   ///< city code
  double km = 0;
  Minutes block{0};
  Cabin cabin = Cabin::economy;
  Money fare;
  GramsCo2 co2;
};

/// The best route (least generalised cost) between two cities.
struct RouteResult {
  std::string from_code, from_name, to_code, to_name;
  bool same_city = false; ///< origin and destination are one city: no flight
  bool reachable = false; ///< a route exists (false for the same city)
  std::vector<RouteFlight> legs;
  Minutes travel{0}; ///< block times plus minimum connection times
  Money fare;
  GramsCo2 co2;
  std::string currency;
  std::string json; ///< the route as `flyorcall route --json` prints it
};

/// Finds the best route of a request in a network. Throws InputError("origin: ..." or
/// "destination: ...") for a place the network does not know.
[[nodiscard]] RouteResult find_route(const FlightNetwork& network, const RouteRequest& request);

/// The route as `flyorcall route` prints it.
[[nodiscard]] std::string route_text(const RouteResult& route);

/// The exit code `flyorcall route` gives a result: 0, or 3 when there is no route.
[[nodiscard]] int route_exit_code(const RouteResult& route);

} // namespace flyorcall
