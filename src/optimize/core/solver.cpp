#include "optimize/core/solver.hpp"

#include <algorithm>
#include <cmath>

#include "optimize/core/op.hpp"
#include "optimize/core/search.hpp"
#include "optimize/core/tsp.hpp"

namespace flyorcall::optimize::core {
namespace {

bool symmetric(const Eigen::MatrixXd& m) {
  return m == m.transpose();
}

bool plain_nodes(const RoutingProblem& p, const std::vector<int>& cands) {
  return std::all_of(cands.begin(), cands.end(), [&](int c) {
    const Node& n = p.nodes[static_cast<std::size_t>(c)];
    return n.windows.empty() && n.service == 0 && p.allowed(0, c);
  });
}

} // namespace

Method choose_method(const RoutingProblem& p) {
  if (p.vehicles.size() != 1) return Method::general;
  const Vehicle& v = p.vehicles.front();
  const std::vector<int> cands = p.candidates();
  if (!plain_nodes(p, cands)) return Method::general;
  const bool all_mandatory = std::all_of(cands.begin(), cands.end(), [&](int c) {
    return p.nodes[static_cast<std::size_t>(c)].mandatory;
  });
  const bool no_limits = std::isinf(v.latest_end) && std::isinf(v.max_duration) &&
                         std::isinf(p.budgets.max_total_cost) &&
                         std::isinf(p.budgets.max_total_duration);
  if (v.start == v.end && all_mandatory && no_limits && p.cost_weight > 0 &&
      symmetric(p.travel_cost))
    return Method::tsp;
  const bool none_mandatory = std::none_of(cands.begin(), cands.end(), [&](int c) {
    return p.nodes[static_cast<std::size_t>(c)].mandatory;
  });
  if (none_mandatory && p.cost_weight == 0 && std::isinf(p.budgets.max_total_cost) &&
      symmetric(p.travel_time))
    return Method::orienteering;
  return Method::general;
}

std::string method_name(Method m) {
  switch (m) {
  case Method::tsp:
    return "tsp";
  case Method::orienteering:
    return "orienteering";
  case Method::general:
    return "general";
  }
  return "general";
}

SolveResult solve(const RoutingProblem& p, const SearchLimits& limits) {
  SolveResult r;
  r.method = choose_method(p);
  if (r.method == Method::tsp) {
    const Vehicle& v = p.vehicles.front();
    // Tour over the depot and the candidates, on the cost matrix.
    std::vector<int> ids{v.start};
    for (int c : p.candidates()) ids.push_back(c);
    const auto k = static_cast<Eigen::Index>(ids.size());
    Eigen::MatrixXd d(k, k);
    for (Eigen::Index i = 0; i < k; ++i)
      for (Eigen::Index j = 0; j < k; ++j)
        d(i, j) = p.travel_cost(ids[static_cast<std::size_t>(i)], ids[static_cast<std::size_t>(j)]);
    const TspResult t = solve_tsp(d, limits);
    std::vector<int> visits;
    for (std::size_t i = 1; i < t.tour.size(); ++i)
      visits.push_back(ids[static_cast<std::size_t>(t.tour[i])]);
    r.iterations = t.iterations;
    r.solution = make_solution(p, {visits});
    return r;
  }
  if (r.method == Method::orienteering) {
    const Vehicle& v = p.vehicles.front();
    OpInstance op;
    op.dist = &p.travel_time;
    op.start = v.start;
    op.end = v.end;
    op.budget =
        std::min({v.latest_end - v.earliest_start, v.max_duration, p.budgets.max_total_duration});
    op.prize.resize(p.nodes.size());
    op.candidate.assign(p.nodes.size(), 0);
    for (std::size_t i = 0; i < p.nodes.size(); ++i) op.prize[i] = p.nodes[i].prize;
    for (int c : p.candidates()) op.candidate[static_cast<std::size_t>(c)] = 1;
    const OpResult o = solve_op(op, limits);
    std::vector<int> visits;
    for (std::size_t i = 1; i + 1 < o.path.size(); ++i) visits.push_back(o.path[i]);
    r.iterations = o.iterations;
    r.solution = make_solution(p, {visits});
    return r;
  }
  r.solution = solve_general(p, MatrixEvaluator(p), limits);
  return r;
}

} // namespace flyorcall::optimize::core
