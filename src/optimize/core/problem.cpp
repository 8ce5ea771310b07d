#include "optimize/core/problem.hpp"

#include <algorithm>
#include <cmath>

namespace flyorcall::optimize::core {

bool RoutingProblem::is_depot(int node) const {
  return std::any_of(vehicles.begin(), vehicles.end(),
                     [node](const Vehicle& v) { return v.start == node || v.end == node; });
}

std::vector<int> RoutingProblem::candidates() const {
  std::vector<int> out;
  for (int i = 0; i < size(); ++i)
    if (!is_depot(i)) out.push_back(i);
  return out;
}

bool RoutingProblem::allowed(int vehicle, int node) const {
  const auto& vs = nodes[static_cast<std::size_t>(node)].vehicles;
  return vs.empty() || std::find(vs.begin(), vs.end(), vehicle) != vs.end();
}

std::string RoutingProblem::check() const {
  const auto n = static_cast<Eigen::Index>(nodes.size());
  if (travel_time.rows() != n || travel_time.cols() != n)
    return "travel_time must be " + std::to_string(n) + "x" + std::to_string(n);
  if (travel_cost.rows() != n || travel_cost.cols() != n)
    return "travel_cost must be " + std::to_string(n) + "x" + std::to_string(n);
  if (vehicles.empty()) return "at least one vehicle is needed";
  if (!travel_time.allFinite() || (travel_time.array() < 0).any())
    return "travel_time must be finite and non-negative";
  if (!travel_cost.allFinite()) return "travel_cost must be finite";
  for (std::size_t v = 0; v < vehicles.size(); ++v) {
    const Vehicle& veh = vehicles[v];
    if (veh.start < 0 || veh.start >= size() || veh.end < 0 || veh.end >= size())
      return "vehicle " + std::to_string(v) + ": start or end is not a location";
  }
  for (std::size_t i = 0; i < nodes.size(); ++i) {
    const Node& node = nodes[i];
    if (!std::isfinite(node.prize) || !(node.service >= 0) || !std::isfinite(node.service))
      return "node " + std::to_string(i) + ": prize and service must be finite, service >= 0";
    for (std::size_t w = 0; w < node.windows.size(); ++w) {
      if (!(node.windows[w].open <= node.windows[w].close))
        return "node " + std::to_string(i) + ": window " + std::to_string(w) +
               " opens after it closes";
      if (w > 0 && node.windows[w].open < node.windows[w - 1].close)
        return "node " + std::to_string(i) + ": windows must be sorted and disjoint";
    }
    for (int v : node.vehicles)
      if (v < 0 || v >= static_cast<int>(vehicles.size()))
        return "node " + std::to_string(i) + ": unknown vehicle " + std::to_string(v);
  }
  return "";
}

Solution make_solution(const RoutingProblem& problem, const std::vector<std::vector<int>>& routes) {
  return make_solution(problem, MatrixEvaluator(problem), routes);
}

} // namespace flyorcall::optimize::core
