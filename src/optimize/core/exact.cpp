#include "optimize/core/exact.hpp"

#include <algorithm>
#include <bit>
#include <cstdint>
#include <stdexcept>

namespace flyorcall::optimize::core {
namespace {

struct Label {
  double time = 0; // after the service at `last`
  double cost = 0;
  int last = -1;   // candidate position
  int parent = -1; // label index, -1 for the first visit
};

struct Complete {
  double cost = 0;
  double duration = 0;
  int label = -1; // -1: the empty route
};

// Earliest end of service at `node` when arriving at `t`, or a negative value when no window
// can hold the service.
double serve(const Node& node, double t, bool& ok) {
  ok = true;
  if (node.windows.empty()) return t + node.service;
  for (const TimeWindow& w : node.windows) {
    const double begin = t < w.open ? w.open : t;
    if (begin + node.service <= w.close + kTolerance) return begin + node.service;
  }
  ok = false;
  return 0;
}

void keep_pareto(std::vector<Complete>& v, const Complete& c) {
  for (const Complete& o : v)
    if (o.cost <= c.cost + 1e-12 && o.duration <= c.duration + 1e-12) return;
  std::erase_if(v, [&](const Complete& o) {
    return c.cost <= o.cost + 1e-12 && c.duration <= o.duration + 1e-12;
  });
  v.push_back(c);
}

class Exact {
public:
  explicit Exact(const RoutingProblem& p) : p_(p), cands_(p.candidates()) {
    n_ = static_cast<int>(cands_.size());
    if (n_ > kExactMaxCandidates)
      throw std::invalid_argument("solve_exact: " + std::to_string(n_) + " candidates, at most " +
                                  std::to_string(kExactMaxCandidates));
    full_ = (1u << n_) - 1u;
    for (int k = 0; k < n_; ++k) {
      const Node& node = p.nodes[static_cast<std::size_t>(cands_[static_cast<std::size_t>(k)])];
      if (node.mandatory) mandatory_ |= 1u << k;
    }
    prize_.assign(std::size_t{1} << n_, 0.0);
    for (std::uint32_t m = 1; m <= full_; ++m) {
      const int k = std::countr_zero(m);
      prize_[m] = prize_[m & (m - 1)] +
                  p.nodes[static_cast<std::size_t>(cands_[static_cast<std::size_t>(k)])].prize;
    }
  }

  Solution run() {
    const int nv = static_cast<int>(p_.vehicles.size());
    labels_.resize(static_cast<std::size_t>(nv));
    fronts_.resize(static_cast<std::size_t>(nv));
    allowed_.assign(static_cast<std::size_t>(nv), 0);
    for (int v = 0; v < nv; ++v) routes_for(v);
    chosen_.assign(static_cast<std::size_t>(nv), {});
    best_.assign(static_cast<std::size_t>(nv), {});
    combine(0, 0, 0.0, 0.0);
    if (!found_) {
      Solution s;
      for (int c : cands_) s.unserved.push_back(c);
      return s;
    }
    std::vector<std::vector<int>> routes(static_cast<std::size_t>(nv));
    for (int v = 0; v < nv; ++v) {
      const auto& ls = labels_[static_cast<std::size_t>(v)];
      std::vector<int>& r = routes[static_cast<std::size_t>(v)];
      for (int l = best_[static_cast<std::size_t>(v)].label; l >= 0;
           l = ls[static_cast<std::size_t>(l)].parent)
        r.push_back(cands_[static_cast<std::size_t>(ls[static_cast<std::size_t>(l)].last)]);
      std::reverse(r.begin(), r.end());
    }
    return make_solution(p_, routes);
  }

private:
  // All non-dominated complete routes of vehicle v, per subset of candidates.
  void routes_for(int v) {
    const Vehicle& veh = p_.vehicles[static_cast<std::size_t>(v)];
    std::vector<Label>& labels = labels_[static_cast<std::size_t>(v)];
    auto& front = fronts_[static_cast<std::size_t>(v)];
    front.assign(std::size_t{1} << n_, {});
    std::uint32_t allowed = 0;
    for (int k = 0; k < n_; ++k)
      if (p_.allowed(v, cands_[static_cast<std::size_t>(k)])) allowed |= 1u << k;
    allowed_[static_cast<std::size_t>(v)] = allowed;
    auto within = [&](double t) {
      return t <= veh.latest_end + kTolerance &&
             t - veh.earliest_start <= veh.max_duration + kTolerance;
    };
    auto finish = [&](std::uint32_t mask, int node, double t, double c, int label) {
      const double end = t + p_.travel_time(node, veh.end);
      if (!within(end)) return;
      keep_pareto(front[mask],
                  Complete{c + p_.travel_cost(node, veh.end), end - veh.earliest_start, label});
    };
    finish(0, veh.start, veh.earliest_start, 0.0, -1);
    // buckets[mask * n + last]: label indices, pairwise non-dominated in (time, cost).
    std::vector<std::vector<int>> buckets((std::size_t{1} << n_) * static_cast<std::size_t>(n_));
    auto add = [&](std::uint32_t mask, int k, const Label& l) {
      auto& b = buckets[mask * static_cast<std::size_t>(n_) + static_cast<std::size_t>(k)];
      for (int i : b) {
        const Label& o = labels[static_cast<std::size_t>(i)];
        if (o.time <= l.time + 1e-12 && o.cost <= l.cost + 1e-12) return;
      }
      std::erase_if(b, [&](int i) {
        const Label& o = labels[static_cast<std::size_t>(i)];
        return l.time <= o.time + 1e-12 && l.cost <= o.cost + 1e-12;
      });
      b.push_back(static_cast<int>(labels.size()));
      labels.push_back(l);
    };
    auto extend = [&](int from_node, double t, double c, std::uint32_t mask, int parent) {
      for (int k = 0; k < n_; ++k) {
        const std::uint32_t bit = 1u << k;
        if ((mask & bit) || !(allowed & bit)) continue;
        const int node = cands_[static_cast<std::size_t>(k)];
        bool ok = false;
        const double t2 = serve(p_.nodes[static_cast<std::size_t>(node)],
                                t + p_.travel_time(from_node, node), ok);
        if (!ok || !within(t2)) continue;
        add(mask | bit, k, Label{t2, c + p_.travel_cost(from_node, node), k, parent});
      }
    };
    extend(veh.start, veh.earliest_start, 0.0, 0, -1);
    for (std::uint32_t mask = 1; mask <= full_; ++mask) {
      if ((mask & allowed) != mask) continue;
      for (int k = 0; k < n_; ++k) {
        if (!(mask & (1u << k))) continue;
        // Copy: extending may grow `labels` (other buckets only, masks grow).
        const std::vector<int> ids =
            buckets[mask * static_cast<std::size_t>(n_) + static_cast<std::size_t>(k)];
        const int node = cands_[static_cast<std::size_t>(k)];
        for (int id : ids) {
          const Label l = labels[static_cast<std::size_t>(id)];
          finish(mask, node, l.time, l.cost, id);
          extend(node, l.time, l.cost, mask, id);
        }
      }
    }
  }

  void combine(int v, std::uint32_t used, double cost, double duration) {
    const int nv = static_cast<int>(p_.vehicles.size());
    if (v == nv) {
      if ((used & mandatory_) != mandatory_) return;
      const double obj = prize_[used] - p_.cost_weight * cost;
      if (!found_ || obj > best_obj_ + 1e-9 ||
          (obj > best_obj_ - 1e-9 && duration < best_duration_ - 1e-9)) {
        found_ = true;
        best_obj_ = obj;
        best_duration_ = duration;
        best_ = chosen_;
      }
      return;
    }
    const auto& front = fronts_[static_cast<std::size_t>(v)];
    const std::uint32_t free = allowed_[static_cast<std::size_t>(v)] & ~used & full_;
    // Every subset of `free`, the empty one included.
    for (std::uint32_t s = free;; s = (s - 1) & free) {
      for (const Complete& c : front[s]) {
        const double c2 = cost + c.cost;
        const double d2 = duration + c.duration;
        if (c2 <= p_.budgets.max_total_cost + kTolerance &&
            d2 <= p_.budgets.max_total_duration + kTolerance) {
          chosen_[static_cast<std::size_t>(v)] = c;
          combine(v + 1, used | s, c2, d2);
        }
      }
      if (s == 0) break;
    }
  }

  const RoutingProblem& p_;
  std::vector<int> cands_;
  int n_ = 0;
  std::uint32_t full_ = 0;
  std::uint32_t mandatory_ = 0;
  std::vector<double> prize_;
  std::vector<std::vector<Label>> labels_;
  std::vector<std::vector<std::vector<Complete>>> fronts_;
  std::vector<std::uint32_t> allowed_;
  std::vector<Complete> chosen_;
  std::vector<Complete> best_;
  bool found_ = false;
  double best_obj_ = 0;
  double best_duration_ = 0;
};

} // namespace

Solution solve_exact(const RoutingProblem& problem) {
  Exact e(problem);
  return e.run();
}

} // namespace flyorcall::optimize::core
