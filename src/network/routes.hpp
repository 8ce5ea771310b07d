// Best routes on the city network (Boost.Graph Dijkstra on generalised cost) and all-pairs
// travel matrices (Eigen) for the cities an input uses.
#pragma once

#include <memory>
#include <vector>

#include <Eigen/Dense>

#include "flyorcall/model.hpp"
#include "flyorcall/units.hpp"
#include "network/network.hpp"

namespace flyorcall::network {

/// What a route minimises: fare (cabin by rule) + time value + connection penalties + priced CO2.
struct RouteParams {
  CabinRule cabin;
  Money time_value_per_hour = money_from_units(60);
  Money connection_penalty = money_from_units(50);
  Minutes min_connection{60};
  Money carbon_price_per_tonne{0};
  bool radiative_forcing = true;
};

/// One leg of a route, priced for the cabin the rule picks.
struct RouteLeg {
  int from = 0;
  int to = 0;
  double km = 0;
  Minutes block;
  Cabin cabin = Cabin::economy;
  Money fare;
  GramsCo2 co2;
};

/// A route between two cities; empty legs when from == to or unreachable (see `reachable`).
struct Route {
  std::vector<RouteLeg> legs;
  bool reachable = false;
  Minutes travel; ///< block times + minimum connection times
  Money fare;
  GramsCo2 co2;
  double km = 0;
  Money generalised_cost; ///< the minimised quantity
};

/// All-pairs matrices between selected cities; row/column k is cities[k].
struct TravelMatrices {
  std::vector<int> cities;   ///< network city indices
  Eigen::MatrixXd hours;     ///< travel hours (block + connections); +inf when unreachable
  Eigen::MatrixXd fare;      ///< fare in currency units
  Eigen::MatrixXd kg_co2;    ///< kg CO2e per passenger
  Eigen::MatrixXd legs;      ///< number of legs
  Eigen::MatrixXd cost;      ///< generalised cost in currency units
  std::vector<Route> routes; ///< row-major n x n
  /// The route from row i to column j.
  [[nodiscard]] const Route& route(int i, int j) const {
    return routes[static_cast<std::size_t>(i) * cities.size() + static_cast<std::size_t>(j)];
  }
};

/// Shortest generalised-cost routes over one network (the graph is built once).
class RouteFinder {
public:
  /// Builds the Boost.Graph adjacency list for `net` (which must outlive the finder).
  RouteFinder(const Network& net, RouteParams params);
  ~RouteFinder();
  RouteFinder(RouteFinder&&) noexcept;
  RouteFinder& operator=(RouteFinder&&) noexcept;

  /// The best route between two city indices.
  [[nodiscard]] Route best(int from, int to) const;
  /// Matrices between every pair of the given city indices (one Dijkstra per source).
  [[nodiscard]] TravelMatrices matrices(const std::vector<int>& cities) const;

private:
  struct Impl;
  std::unique_ptr<Impl> impl_;
};

} // namespace flyorcall::network
