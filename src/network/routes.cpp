// Best routes by generalised cost: Boost.Graph Dijkstra over the network's legs, with integer
// edge weights in cents so that money never passes through floating point on the way.
#include "network/routes.hpp"

#include <algorithm>
#include <cstdint>
#include <limits>
#include <optional>

#include <boost/graph/adjacency_list.hpp>
#include <boost/graph/dijkstra_shortest_paths.hpp>
#include <boost/property_map/property_map.hpp>

#include "flyorcall/errors.hpp"
#include "network/emissions.hpp"

namespace flyorcall::network {
namespace {

/// A leg as the route search sees it: priced for the cabin the rule picks.
struct EdgeData {
  std::int64_t weight = 0; ///< generalised cost in cents, one connection included
  int leg = 0;             ///< index into Network::legs()
};

using Graph =
    boost::adjacency_list<boost::vecS, boost::vecS, boost::directedS, boost::no_property, EdgeData>;
using Vertex = boost::graph_traits<Graph>::vertex_descriptor;
using Edge = boost::graph_traits<Graph>::edge_descriptor;

Money carbon_cost(GramsCo2 co2, Money price_per_tonne) {
  return scale(price_per_tonne, static_cast<double>(co2.count()) / 1e6);
}

} // namespace

/// The network priced for one cabin: a graph with one vertex per city, one edge per leg.
struct CabinLayer {
  explicit CabinLayer(std::size_t cities) : graph(cities) {}
  Graph graph;
  std::vector<RouteLeg> priced; ///< per network leg
};

struct RouteFinder::Impl {
  const Network* net = nullptr;
  RouteParams params;
  /// [0]: every leg in the rule's base cabin; [1]: every leg in the upgraded cabin, present only
  /// when the rule has a threshold. The cabin is chosen per journey, not per leg (see best()).
  /// Held by pointer: growing a vector would copy the Boost graphs.
  std::vector<std::unique_ptr<CabinLayer>> layers;
  Money connection_cost; ///< penalty + time value of the minimum connection

  /// Distances (cents) and the edge that reached each vertex, from one source.
  struct Tree {
    std::vector<std::int64_t> dist;
    std::vector<Edge> pred_edge;
    std::vector<Vertex> pred;
  };

  Tree search(const CabinLayer& layer, int from) const {
    const Graph& graph = layer.graph;
    const auto n = boost::num_vertices(graph);
    Tree t;
    t.dist.assign(n, std::numeric_limits<std::int64_t>::max());
    t.pred_edge.resize(n);
    t.pred.resize(n);
    const auto index = boost::get(boost::vertex_index, graph);
    auto pred_edge_map = boost::make_iterator_property_map(t.pred_edge.begin(), index);
    boost::dijkstra_shortest_paths(
        graph, static_cast<Vertex>(from),
        boost::weight_map(boost::get(&EdgeData::weight, graph))
            .distance_map(boost::make_iterator_property_map(t.dist.begin(), index))
            .predecessor_map(boost::make_iterator_property_map(t.pred.begin(), index))
            .visitor(boost::make_dijkstra_visitor(
                boost::record_edge_predecessors(pred_edge_map, boost::on_edge_relaxed()))));
    return t;
  }

  Route extract(const CabinLayer& layer, const Tree& t, int from, int to) const {
    Route r;
    if (from == to) {
      r.reachable = true;
      return r;
    }
    const auto target = static_cast<std::size_t>(to);
    if (t.dist[target] == std::numeric_limits<std::int64_t>::max()) return r;
    r.reachable = true;
    std::vector<const Leg*> network_legs;
    for (auto v = static_cast<Vertex>(to); v != static_cast<Vertex>(from);) {
      const Edge e = t.pred_edge[v];
      const auto k = static_cast<std::size_t>(layer.graph[e].leg);
      r.legs.push_back(layer.priced[k]);
      network_legs.push_back(&net->legs()[k]);
      v = boost::source(e, layer.graph);
    }
    std::reverse(r.legs.begin(), r.legs.end());
    std::reverse(network_legs.begin(), network_legs.end());
    Money leg_fares{0};
    for (const auto& leg : r.legs) {
      r.travel += leg.block;
      leg_fares += leg.fare;
      r.co2 += leg.co2;
      r.km += leg.km;
    }
    // The journey is sold from origin to destination; its legs carry shares of that fare.
    const std::vector<Money> shares = net->journey_leg_fares(r.legs.front().cabin, network_legs);
    r.fare = Money{0};
    for (std::size_t k = 0; k < r.legs.size(); ++k) {
      r.legs[k].fare = shares[k];
      r.fare += shares[k];
    }
    const auto connections = static_cast<std::int64_t>(r.legs.size()) - 1;
    r.travel += params.min_connection * connections;
    // Every edge carries one connection; a route of k legs has only k - 1 of them. The search
    // weighs legs by their own fares; the route costs its journey fare.
    r.generalised_cost = Money(t.dist[target]) - connection_cost - leg_fares + r.fare;
    return r;
  }

  /// True when a journey flown in the base cabin is long enough for the upgraded cabin.
  bool upgrade(const Route& base) const {
    if (layers.size() < 2 || !base.reachable) return false;
    Minutes flying{0};
    for (const auto& l : base.legs) flying += l.block;
    return flying > *params.cabin.upgrade_above;
  }
};

RouteFinder::RouteFinder(const Network& net, RouteParams params) : impl_(std::make_unique<Impl>()) {
  auto& im = *impl_;
  im.net = &net;
  im.params = params;
  im.connection_cost = params.connection_penalty +
                       scale(params.time_value_per_hour, to_hours(params.min_connection));
  std::vector<Cabin> cabins{params.cabin.base};
  if (params.cabin.upgrade_above) cabins.push_back(params.cabin.upgraded);
  const auto& legs = net.legs();
  for (const Cabin cabin : cabins) {
    CabinLayer& layer = *im.layers.emplace_back(std::make_unique<CabinLayer>(net.cities().size()));
    layer.priced.reserve(legs.size());
    for (std::size_t i = 0; i < legs.size(); ++i) {
      const auto& leg = legs[i];
      RouteLeg p;
      p.from = leg.from;
      p.to = leg.to;
      p.km = leg.km;
      p.block = leg.block;
      p.cabin = cabin;
      p.fare = leg.fare[static_cast<std::size_t>(cabin)];
      p.co2 = leg_co2(leg.km, leg.category, cabin, params.radiative_forcing);
      const Money weight = p.fare + scale(params.time_value_per_hour, to_hours(leg.block)) +
                           carbon_cost(p.co2, params.carbon_price_per_tonne) + im.connection_cost;
      if (weight.count() < 0)
        throw Error(ErrorCode::internal, "negative route cost on leg " + net.city(leg.from).code +
                                             "-" + net.city(leg.to).code);
      boost::add_edge(static_cast<Vertex>(leg.from), static_cast<Vertex>(leg.to),
                      EdgeData{weight.count(), static_cast<int>(i)}, layer.graph);
      layer.priced.push_back(p);
    }
  }
}

RouteFinder::~RouteFinder() = default;
RouteFinder::RouteFinder(RouteFinder&&) noexcept = default;
RouteFinder& RouteFinder::operator=(RouteFinder&&) noexcept = default;

Route RouteFinder::best(int from, int to) const {
  const int n = static_cast<int>(impl_->net->cities().size());
  if (from < 0 || from >= n || to < 0 || to >= n)
    throw Error(ErrorCode::internal, "route between city indices " + std::to_string(from) +
                                         " and " + std::to_string(to) + " outside 0.." +
                                         std::to_string(n - 1));
  const auto& base = *impl_->layers.front();
  if (from == to) return impl_->extract(base, {}, from, to);
  Route r = impl_->extract(base, impl_->search(base, from), from, to);
  if (!impl_->upgrade(r)) return r;
  const auto& upgraded = *impl_->layers.back();
  return impl_->extract(upgraded, impl_->search(upgraded, from), from, to);
}

TravelMatrices RouteFinder::matrices(const std::vector<int>& cities) const {
  const auto n = static_cast<Eigen::Index>(cities.size());
  constexpr double inf = std::numeric_limits<double>::infinity();
  TravelMatrices m;
  m.cities = cities;
  m.hours = Eigen::MatrixXd::Constant(n, n, inf);
  m.fare = Eigen::MatrixXd::Constant(n, n, inf);
  m.kg_co2 = Eigen::MatrixXd::Constant(n, n, inf);
  m.legs = Eigen::MatrixXd::Constant(n, n, inf);
  m.cost = Eigen::MatrixXd::Constant(n, n, inf);
  m.routes.resize(cities.size() * cities.size());
  const int size = static_cast<int>(impl_->net->cities().size());
  for (const int c : cities)
    if (c < 0 || c >= size)
      throw Error(ErrorCode::internal,
                  "city index " + std::to_string(c) + " outside 0.." + std::to_string(size - 1));
  for (Eigen::Index i = 0; i < n; ++i) {
    const int from = cities[static_cast<std::size_t>(i)];
    const auto& base = *impl_->layers.front();
    const auto tree = impl_->search(base, from);
    std::optional<Impl::Tree> upgraded_tree; // searched only when some journey needs it
    for (Eigen::Index j = 0; j < n; ++j) {
      const int to = cities[static_cast<std::size_t>(j)];
      Route r = impl_->extract(base, tree, from, to);
      if (impl_->upgrade(r)) {
        const auto& upgraded = *impl_->layers.back();
        if (!upgraded_tree) upgraded_tree = impl_->search(upgraded, from);
        r = impl_->extract(upgraded, *upgraded_tree, from, to);
      }
      if (r.reachable) {
        m.hours(i, j) = to_hours(r.travel);
        m.fare(i, j) = to_units(r.fare);
        m.kg_co2(i, j) = to_kg(r.co2);
        m.legs(i, j) = static_cast<double>(r.legs.size());
        m.cost(i, j) = to_units(r.generalised_cost);
      }
      m.routes[static_cast<std::size_t>(i * n + j)] = std::move(r);
    }
  }
  return m;
}

} // namespace flyorcall::network
