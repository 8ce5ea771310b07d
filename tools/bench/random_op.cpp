#include "random_op.hpp"

#include <algorithm>
#include <cmath>
#include <vector>

#include "optimize/core/deadline.hpp"

namespace flyorcall::bench {
namespace {

// A closed tour through every point: nearest neighbour from point 0, then 2-opt to a local
// optimum (first improvement, deterministic).
double tour_length(const Eigen::MatrixXd& d) {
  const int n = static_cast<int>(d.rows());
  std::vector<int> t{0};
  std::vector<char> used(static_cast<std::size_t>(n), 0);
  used[0] = 1;
  for (int k = 1; k < n; ++k) {
    int next = -1;
    for (int j = 0; j < n; ++j)
      if (!used[static_cast<std::size_t>(j)] && (next < 0 || d(t.back(), j) < d(t.back(), next)))
        next = j;
    used[static_cast<std::size_t>(next)] = 1;
    t.push_back(next);
  }
  const auto at = [&](int p) { return t[static_cast<std::size_t>(p % n)]; };
  for (bool improved = true; improved;) {
    improved = false;
    for (int i = 0; i + 2 < n; ++i)
      for (int j = i + 2; j < n; ++j) {
        if (i == 0 && j == n - 1) continue;
        const double delta =
            d(at(i), at(j)) + d(at(i + 1), at(j + 1)) - d(at(i), at(i + 1)) - d(at(j), at(j + 1));
        if (delta < -1e-9) {
          std::reverse(t.begin() + i + 1, t.begin() + j + 1);
          improved = true;
        }
      }
  }
  double len = 0;
  for (int p = 0; p < n; ++p) len += d(at(p), at(p + 1));
  return len;
}

} // namespace

RandomOp random_op(std::uint64_t seed) {
  optimize::core::Rng rng(seed);
  RandomOp r;
  const int n = rng.between(30, 60);
  r.clustered = rng.below(2) == 1;
  std::vector<std::pair<int, int>> centres;
  if (r.clustered) {
    const int k = rng.between(3, 6);
    for (int c = 0; c < k; ++c) centres.emplace_back(rng.between(15, 85), rng.between(15, 85));
  }
  auto draw = [&]() -> std::pair<double, double> {
    if (!r.clustered) return {rng.between(0, 100), rng.between(0, 100)};
    const auto& c = centres[static_cast<std::size_t>(rng.below(static_cast<int>(centres.size())))];
    return {std::clamp(c.first + rng.between(-12, 12), 0, 100),
            std::clamp(c.second + rng.between(-12, 12), 0, 100)};
  };
  for (int i = 0; i < n; ++i) {
    const auto [x, y] = draw();
    r.op.x.push_back(x);
    r.op.y.push_back(y);
    r.op.score.push_back(i < 2 ? 0 : rng.between(1, 100));
  }
  r.fraction = rng.between(20, 50) / 100.0;
  r.tour = tour_length(op_distances(r.op));
  r.op.tmax = std::floor(r.fraction * r.tour);
  // The end within half the budget of the start, so that the path has room to collect.
  while (std::hypot(r.op.x[1] - r.op.x[0], r.op.y[1] - r.op.y[0]) > r.op.tmax / 2) {
    const auto [x, y] = draw();
    r.op.x[1] = x;
    r.op.y[1] = y;
  }
  return r;
}

std::string op_text(const OpFile& op) {
  const auto num = [](double v) { return std::to_string(static_cast<long long>(v)); };
  std::string s = num(op.tmax) + "\t1\n";
  for (std::size_t i = 0; i < op.x.size(); ++i)
    s += num(op.x[i]) + "\t" + num(op.y[i]) + "\t" + num(op.score[i]) + "\n";
  return s;
}

optimize::core::RoutingProblem op_problem(const OpFile& op) {
  optimize::core::RoutingProblem p;
  p.nodes.resize(op.x.size());
  for (std::size_t i = 0; i < op.x.size(); ++i) p.nodes[i].prize = op.score[i];
  p.travel_time = op_distances(op);
  p.travel_cost = p.travel_time;
  optimize::core::Vehicle v;
  v.start = 0;
  v.end = 1;
  v.max_duration = op.tmax;
  p.vehicles.push_back(v);
  return p;
}

} // namespace flyorcall::bench
