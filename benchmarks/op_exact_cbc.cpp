// op-exact-cbc: proves the optimum of one seeded random orienteering instance
// (tools/bench/random_op.cpp) with CBC's branch and cut through its C++ API, for
// benchmarks/op_exact.py (`--solver`). Built only when CBC's development files are found.
//
// The model is op_exact.py's undirected s-t path form: x_e (edge used) and y_i (point visited)
// binary; the start (0) and the end (1) have degree 1, every other point degree 2 y_i; an edge
// needs both its points; the path length sum d_e x_e <= Tmax. The subtour elimination cuts
// sum_{e in delta(S)} x_e >= 2 y_k (S without the depots, k in S) are generated inside branch
// and bound: on every linear relaxation CBC solves (minimum cuts between the merged depots and
// each visited point) and on every integer solution it finds (where they are lazy constraints:
// a solution that violates one is refused). The optimizer core's route gives the incumbent: CBC
// only looks for a route worth at least one more (scores are integers), so "none" proves the
// core's route optimal.
//
// Output (exit 0): "optimum <score> length <length> route <points...>" on one line. Exit 3 when
// the time cap passed before the optimum was proven (no answer: every row is proven).
#include <CLI/CLI.hpp>
#include <CbcModel.hpp>
#include <CglCutGenerator.hpp>
#include <CglGomory.hpp>
#include <CglKnapsackCover.hpp>
#include <CglMixedIntegerRounding2.hpp>
#include <CglZeroHalf.hpp>
#include <OsiAuxInfo.hpp>
#include <OsiClpSolverInterface.hpp>
#include <OsiCuts.hpp>
#include <OsiRowCut.hpp>

#include <algorithm>
#include <chrono>
#include <cmath>
#include <cstdint>
#include <cstdio>
#include <iostream>
#include <optional>
#include <stdexcept>
#include <vector>

#include "bench/random_op.hpp"
#include "optimize/core/solver.hpp"

namespace {

using flyorcall::bench::OpFile;

constexpr double tolerance = 1e-6;

/// Column layout: y_0 .. y_{n-1}, then x_e for every edge i < j.
struct Layout {
  int n = 0;
  std::vector<std::pair<int, int>> edges;
  std::vector<std::vector<int>> edge_col; // [i][j] column of edge {i, j}

  explicit Layout(int points) : n(points), edge_col(points, std::vector<int>(points, -1)) {
    for (int i = 0; i < n; ++i)
      for (int j = i + 1; j < n; ++j) {
        edge_col[i][j] = edge_col[j][i] = n + static_cast<int>(edges.size());
        edges.emplace_back(i, j);
      }
  }
  [[nodiscard]] int columns() const { return n + static_cast<int>(edges.size()); }
};

/// Minimum cuts between the depots (merged) and the visited points: shortest augmenting paths
/// on a dense capacity matrix (at most 61 points; Boost.Graph's push-relabel left residual
/// capacities that did not describe a minimum cut on these undirected graphs).
class MinCuts {
public:
  explicit MinCuts(int n) : n_(n) {}

  /// Point sets S (depots excluded) with x(delta(S)) < 2 y_k for some k in S, with that k.
  [[nodiscard]] std::vector<std::pair<std::vector<int>, int>> violated(const Layout& lay,
                                                                       const double* s) const {
    const auto n = static_cast<std::size_t>(n_);
    std::vector<double> cap(n * n, 0.0);
    const auto node = [](int i) { return static_cast<std::size_t>(i == 1 ? 0 : i); };
    for (const auto& [i, j] : lay.edges) {
      const double v = s[lay.edge_col[i][j]];
      const std::size_t a = node(i);
      const std::size_t b = node(j);
      if (v <= tolerance || a == b) continue;
      cap[a * n + b] += v;
      cap[b * n + a] += v;
    }
    std::vector<int> order;
    for (int k = 2; k < n_; ++k)
      if (s[k] > 1e-3) order.push_back(k);
    std::stable_sort(order.begin(), order.end(), [&](int a, int b) { return s[a] > s[b]; });
    std::vector<char> covered(n, 0);
    std::vector<std::pair<std::vector<int>, int>> found;
    for (const int k : order) {
      if (covered[static_cast<std::size_t>(k)]) continue;
      std::vector<char> seen;
      if (max_flow(cap, static_cast<std::size_t>(k), 2 * s[k] - 1e-4, seen)) continue;
      std::vector<int> set;
      for (int i = 2; i < n_; ++i)
        if (!seen[static_cast<std::size_t>(i)]) set.push_back(i);
      for (const int i : set) covered[static_cast<std::size_t>(i)] = 1;
      found.emplace_back(std::move(set), k);
    }
    return found;
  }

private:
  /// True when the flow from point 0 to `t` reaches `enough`; else false, with `seen` the points
  /// the residual graph reaches from 0 (the source side of a minimum cut, without `t`).
  bool max_flow(std::vector<double> res, std::size_t t, double enough,
                std::vector<char>& seen) const {
    const auto n = static_cast<std::size_t>(n_);
    double flow = 0;
    std::vector<std::size_t> parent(n);
    for (;;) {
      seen.assign(n, 0);
      seen[0] = 1;
      std::vector<std::size_t> queue{0};
      for (std::size_t h = 0; h < queue.size() && !seen[t]; ++h) {
        const std::size_t a = queue[h];
        for (std::size_t b = 0; b < n; ++b)
          if (!seen[b] && res[a * n + b] > 1e-9) {
            seen[b] = 1;
            parent[b] = a;
            queue.push_back(b);
          }
      }
      if (!seen[t]) return false;
      double push = kInfinity;
      for (std::size_t b = t; b != 0; b = parent[b]) push = std::min(push, res[parent[b] * n + b]);
      for (std::size_t b = t; b != 0; b = parent[b]) {
        res[parent[b] * n + b] -= push;
        res[b * n + parent[b]] += push;
      }
      flow += push;
      if (flow >= enough) return true;
    }
  }

  static constexpr double kInfinity = 1e100;
  int n_;
};

/// Subtour elimination: cuts on fractional points, lazy constraints on integer solutions.
class SubtourCuts : public CglCutGenerator {
public:
  explicit SubtourCuts(const Layout& lay) : lay_(&lay), cuts_(lay.n) {}
  [[nodiscard]] CglCutGenerator* clone() const override { return new SubtourCuts(*this); }

  void generateCuts(const OsiSolverInterface& si, OsiCuts& cs,
                    const CglTreeInfo /*info*/ = CglTreeInfo()) override {
    separate(si.getColSolution(), cs);
  }

  /// The subtour cuts the point `s` violates, into `cs`.
  void separate(const double* s, OsiCuts& cs) const {
    const int n = lay_->n;
    for (const auto& [set, k] : cuts_.violated(*lay_, s)) {
      std::vector<char> inside(static_cast<std::size_t>(n), 0);
      for (const int i : set) inside[static_cast<std::size_t>(i)] = 1;
      std::vector<int> cols;
      double crossing = 0;
      for (const int i : set)
        for (int j = 0; j < n; ++j)
          if (!inside[static_cast<std::size_t>(j)]) {
            cols.push_back(lay_->edge_col[i][j]);
            crossing += s[cols.back()];
          }
      // One cut per point of S it separates (the point the flow found always among them).
      for (const int i : set) {
        if (crossing >= 2 * s[i] - 1e-4 && i != k) continue;
        std::vector<int> idx = cols;
        std::vector<double> coef(cols.size(), 1.0);
        idx.push_back(i);
        coef.push_back(-2.0);
        OsiRowCut cut;
        cut.setRow(static_cast<int>(idx.size()), idx.data(), coef.data());
        cut.setLb(0.0);
        cut.setUb(COIN_DBL_MAX);
        cut.setGloballyValid(true);
        cs.insert(cut);
      }
    }
  }

private:
  const Layout* lay_;
  MinCuts cuts_;
};

struct Instance {
  OpFile op;
  std::vector<std::vector<double>> d;
};

/// The optimizer core's route (search seed 1): the incumbent CBC has to beat.
std::vector<int> core_route(const OpFile& op) {
  namespace core = flyorcall::optimize::core;
  const core::SolveResult got = core::solve(flyorcall::bench::op_problem(op), core::SearchLimits{});
  std::vector<int> route{0};
  if (got.solution.feasible && !got.solution.routes.empty())
    route.insert(route.end(), got.solution.routes[0].visits.begin(),
                 got.solution.routes[0].visits.end());
  route.push_back(1);
  return route;
}

/// The model's rows without subtour cuts, into `si` (columns already there).
void add_rows(OsiSolverInterface& si, const Layout& lay, const Instance& in) {
  const int n = lay.n;
  for (int i = 0; i < n; ++i) {
    std::vector<int> idx;
    std::vector<double> coef;
    for (int j = 0; j < n; ++j)
      if (j != i) {
        idx.push_back(lay.edge_col[i][j]);
        coef.push_back(1.0);
      }
    if (i >= 2) {
      idx.push_back(i);
      coef.push_back(-2.0);
    }
    const double rhs = i < 2 ? 1.0 : 0.0;
    si.addRow(static_cast<int>(idx.size()), idx.data(), coef.data(), rhs, rhs);
  }
  std::vector<int> idx;
  std::vector<double> coef;
  for (const auto& [i, j] : lay.edges) {
    idx.push_back(lay.edge_col[i][j]);
    coef.push_back(in.d[static_cast<std::size_t>(i)][static_cast<std::size_t>(j)]);
  }
  si.addRow(static_cast<int>(idx.size()), idx.data(), coef.data(), -COIN_DBL_MAX, in.op.tmax);
  for (const auto& [i, j] : lay.edges)
    for (const int k : {i, j}) {
      if (k < 2) continue;
      const int pair[2] = {lay.edge_col[i][j], k};
      const double c[2] = {1.0, -1.0};
      si.addRow(2, pair, c, -COIN_DBL_MAX, 0.0);
    }
}

/// Upper bounds: a point or an edge no path within Tmax can use is fixed to 0.
std::vector<double> upper_bounds(const Layout& lay, const Instance& in) {
  const auto& d = in.d;
  const double tmax = in.op.tmax + 1e-9;
  std::vector<double> ub(static_cast<std::size_t>(lay.columns()), 1.0);
  for (int i = 2; i < lay.n; ++i) {
    const auto a = static_cast<std::size_t>(i);
    if (d[0][a] + d[a][1] > tmax) ub[a] = 0.0;
  }
  for (const auto& [i, j] : lay.edges) {
    const auto a = static_cast<std::size_t>(i);
    const auto b = static_cast<std::size_t>(j);
    const double shortest = std::min(d[0][a] + d[a][b] + d[b][1], d[0][b] + d[b][a] + d[a][1]);
    if (ub[a] == 0.0 || ub[b] == 0.0 || shortest > tmax)
      ub[static_cast<std::size_t>(lay.edge_col[i][j])] = 0.0;
  }
  return ub;
}

/// The route of an integer solution (0 ... 1).
std::vector<int> route_of(const Layout& lay, const double* s) {
  std::vector<int> route{0};
  int prev = -1;
  while (route.back() != 1) {
    const int a = route.back();
    int next = -1;
    for (int b = 0; b < lay.n && next < 0; ++b)
      if (b != a && b != prev && s[lay.edge_col[a][b]] > 0.5) next = b;
    if (next < 0 || static_cast<int>(route.size()) > lay.n)
      throw std::runtime_error("the solution is not one path");
    prev = a;
    route.push_back(next);
  }
  return route;
}

struct Result {
  bool proven = false;
  std::vector<int> route;
};

/// One branch and bound over `si` (the model with the subtour rows found so far) with the
/// subtour cut generator inside; nullopt when the time cap cut it, else its best solution (empty
/// when none beats `cutoff`).
std::optional<std::vector<double>> branch_and_bound(const OsiClpSolverInterface& si,
                                                    const Layout& lay, double cutoff,
                                                    double seconds) {
  CbcModel model(si);
  model.setLogLevel(0);
  model.messageHandler()->setLogLevel(0);
  OsiBabSolver characteristics;
  characteristics.setSolverType(4); // the rows are incomplete: solutions must pass the cuts
  model.solver()->setAuxiliaryInfo(&characteristics);
  model.passInSolverCharacteristics(&characteristics);
  SubtourCuts subtours(lay);
  model.addCutGenerator(&subtours, 1, "subtour", true, true);
  CglGomory gomory;
  model.addCutGenerator(&gomory, -1, "gomory");
  CglKnapsackCover knapsack;
  model.addCutGenerator(&knapsack, -1, "knapsack");
  CglZeroHalf zero_half;
  model.addCutGenerator(&zero_half, -1, "zero-half");
  CglMixedIntegerRounding2 mir;
  model.addCutGenerator(&mir, -1, "mir");
  // Visits first: a decided set of points leaves a small path problem.
  std::vector<int> priority(static_cast<std::size_t>(lay.columns()), 2);
  std::fill(priority.begin(), priority.begin() + lay.n, 1);
  model.findIntegers(false);
  model.passInPriorities(priority.data(), false);
  model.setCutoff(cutoff);
  model.setMaximumSeconds(std::max(seconds, 0.1));
  model.branchAndBound();
  if (model.status() != 0 || model.isSecondsLimitReached()) return std::nullopt;
  if (model.bestSolution() == nullptr) return std::vector<double>{};
  return std::vector<double>(model.bestSolution(), model.bestSolution() + lay.columns());
}

Result solve_exact(const Instance& in, const std::vector<int>& incumbent, double max_seconds) {
  const auto start = std::chrono::steady_clock::now();
  const auto n = static_cast<int>(in.op.x.size());
  const Layout lay(n);
  OsiClpSolverInterface si;
  const std::vector<double> ub = upper_bounds(lay, in);
  std::vector<double> lb(ub.size(), 0.0);
  lb[0] = lb[1] = 1.0;
  std::vector<double> obj(ub.size(), 0.0);
  for (int i = 2; i < n; ++i)
    obj[static_cast<std::size_t>(i)] = -in.op.score[static_cast<std::size_t>(i)];
  const std::vector<CoinBigIndex> starts(ub.size() + 1, 0);
  si.addCols(lay.columns(), starts.data(), nullptr, nullptr, lb.data(), ub.data(), obj.data());
  for (int c = 0; c < lay.columns(); ++c) si.setInteger(c);
  add_rows(si, lay, in);
  si.messageHandler()->setLogLevel(0);

  double incumbent_score = 0;
  for (const int i : incumbent) incumbent_score += in.op.score[static_cast<std::size_t>(i)];
  // Every cut is valid for every path, so a search over the model with some of them finds a
  // route at least as good as the optimum: when its best is one path, that path is optimal.
  // The cut generator is CBC's check of every new solution; should one with a cycle still come
  // back, its cycles become rows and the search runs again, so the answer never rests on that.
  // Scores are integers: only a route worth at least one more than the incumbent counts.
  for (;;) {
    const double left =
        max_seconds -
        std::chrono::duration<double>(std::chrono::steady_clock::now() - start).count();
    if (left <= 0) return {};
    const auto best = branch_and_bound(si, lay, -incumbent_score - 0.5, left);
    if (!best) return {};
    if (best->empty()) return {true, incumbent};
    OsiCuts cs;
    SubtourCuts(lay).separate(best->data(), cs);
    if (cs.sizeRowCuts() == 0) return {true, route_of(lay, best->data())};
    for (int k = 0; k < cs.sizeRowCuts(); ++k) si.applyRowCuts(1, &cs.rowCut(k));
    std::cerr << "a solution with " << cs.sizeRowCuts() << " subtour rows violated: again\n";
  }
}

} // namespace

int main(int argc, char** argv) {
  CLI::App app{"op-exact-cbc: proves the optimum of a seeded random orienteering instance (CBC)"};
  std::uint64_t seed = 1;
  double max_seconds = 1e9;
  app.add_option("--seed", seed, "the instance's seed (flyorcall-bench random-op --seed)")
      ->required();
  app.add_option("--max-seconds", max_seconds, "give up (exit 3) after this many seconds");
  CLI11_PARSE(app, argc, argv);

  Instance in;
  in.op = flyorcall::bench::random_op(seed).op;
  const auto d = flyorcall::bench::op_distances(in.op);
  in.d.assign(static_cast<std::size_t>(d.rows()),
              std::vector<double>(static_cast<std::size_t>(d.cols())));
  for (Eigen::Index i = 0; i < d.rows(); ++i)
    for (Eigen::Index j = 0; j < d.cols(); ++j)
      in.d[static_cast<std::size_t>(i)][static_cast<std::size_t>(j)] = d(i, j);

  const Result r = solve_exact(in, core_route(in.op), max_seconds);
  if (!r.proven) {
    std::cerr << "seed " << seed << ": not proven within " << max_seconds << " s\n";
    return 3;
  }
  double score = 0;
  double length = 0;
  for (std::size_t k = 0; k < r.route.size(); ++k) {
    const auto a = static_cast<std::size_t>(r.route[k]);
    score += in.op.score[a];
    if (k > 0) length += in.d[static_cast<std::size_t>(r.route[k - 1])][a];
  }
  std::printf("optimum %.0f length %.6f route", score, length);
  for (const int i : r.route) std::printf(" %d", i);
  std::printf("\n");
  return 0;
}
