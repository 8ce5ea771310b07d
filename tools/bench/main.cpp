// flyorcall-bench: runs the optimizer core on public benchmark files (orienteering and TSPLIB)
// and prints the result as JSON or a one-line summary. See docs/optimizer.md.
#include <chrono>
#include <cstdio>
#include <fstream>
#include <iostream>
#include <sstream>
#include <string>

#include <CLI/CLI.hpp>

#include "flyorcall/errors.hpp"
#include "optimize/core/solver.hpp"
#include "random_op.hpp"
#include "readers.hpp"

namespace {

namespace core = flyorcall::optimize::core;
namespace bench = flyorcall::bench;

struct Options {
  std::string file;
  bool json = false;
  long long time_limit_ms = 0;
  std::uint64_t seed = 1;
  long long stagnation = -1;
};

std::string fmt(double v) {
  char buf[64];
  std::snprintf(buf, sizeof buf, "%.10g", v);
  return buf;
}

std::string list(const std::vector<int>& v) {
  std::string s = "[";
  for (std::size_t i = 0; i < v.size(); ++i) s += (i ? "," : "") + std::to_string(v[i]);
  return s + "]";
}

std::ifstream open(const std::string& path) {
  std::ifstream in(path);
  if (!in) throw flyorcall::Error(flyorcall::ErrorCode::input, path + ": cannot open file");
  return in;
}

core::SearchLimits limits(const Options& o) {
  core::SearchLimits l;
  l.seed = o.seed;
  l.deadline = core::Deadline::after_ms(o.time_limit_ms);
  l.stagnation = o.stagnation;
  return l;
}

double ms_since(std::chrono::steady_clock::time_point t0) {
  return std::chrono::duration<double, std::milli>(std::chrono::steady_clock::now() - t0).count();
}

int run_op(const Options& o) {
  const auto t0 = std::chrono::steady_clock::now();
  std::ifstream in = open(o.file);
  const bench::OpFile op = bench::read_op(in, o.file);
  const core::RoutingProblem p = bench::op_problem(op);
  const core::SolveResult r = core::solve(p, limits(o));
  const double ms = ms_since(t0);
  const core::Route& route = r.solution.routes.front();
  std::vector<int> path{0};
  path.insert(path.end(), route.visits.begin(), route.visits.end());
  path.push_back(1);
  if (!r.solution.feasible) {
    std::cerr << o.file << ": no feasible route: the start and end are " << fmt(p.travel_time(0, 1))
              << " apart, more than Tmax " << fmt(op.tmax) << "\n";
    return static_cast<int>(flyorcall::ErrorCode::infeasible);
  }
  if (o.json) {
    std::cout << "{\"score\":" << fmt(r.solution.prize) << ",\"length\":" << fmt(route.duration)
              << ",\"route\":" << list(path) << ",\"ms\":" << fmt(ms) << "}\n";
  } else {
    std::cout << o.file << ": score " << fmt(r.solution.prize) << ", length " << fmt(route.duration)
              << " of " << fmt(op.tmax) << ", " << route.visits.size() << " of " << op.x.size() - 2
              << " points visited, " << fmt(ms) << " ms\n";
  }
  return 0;
}

int run_tsp(const Options& o) {
  const auto t0 = std::chrono::steady_clock::now();
  std::ifstream in = open(o.file);
  const bench::TspFile f = bench::read_tsplib(in, o.file);
  core::RoutingProblem p;
  p.nodes.resize(static_cast<std::size_t>(f.dimension));
  for (auto& node : p.nodes) node.mandatory = true;
  p.travel_time = f.dist;
  p.travel_cost = f.dist;
  p.cost_weight = 1;
  p.vehicles.push_back(core::Vehicle{});
  const core::SolveResult r = core::solve(p, limits(o));
  const double ms = ms_since(t0);
  std::vector<int> tour{0};
  const auto& visits = r.solution.routes.front().visits;
  tour.insert(tour.end(), visits.begin(), visits.end());
  if (o.json) {
    std::cout << "{\"length\":" << fmt(r.solution.cost) << ",\"tour\":" << list(tour)
              << ",\"ms\":" << fmt(ms) << "}\n";
  } else {
    std::cout << (f.name.empty() ? o.file : f.name) << ": tour length " << fmt(r.solution.cost)
              << " over " << f.dimension << " nodes, " << fmt(ms) << " ms\n";
  }
  return 0;
}

int run_random_op(std::uint64_t seed) {
  const bench::RandomOp r = bench::random_op(seed);
  std::cout << bench::op_text(r.op);
  return 0;
}

} // namespace

int main(int argc, char** argv) {
  CLI::App app{"flyorcall-bench: the optimizer core on public benchmark instances"};
  app.require_subcommand(1);
  Options op_opt;
  op_opt.time_limit_ms = 10000;
  Options tsp_opt;
  tsp_opt.time_limit_ms = 900;
  auto add = [&](const char* name, const char* help, Options& o) {
    CLI::App* sub = app.add_subcommand(name, help);
    sub->add_option("FILE", o.file, "instance file")->required();
    sub->add_flag("--json", o.json, "print the result as one JSON object");
    sub->add_option("--time-limit-ms", o.time_limit_ms, "stop the search after this many ms")
        ->capture_default_str()
        ->check(CLI::Range(0LL, 3600000LL));
    sub->add_option("--seed", o.seed, "random seed (same seed, same result)")
        ->capture_default_str();
    sub->add_option("--stagnation", o.stagnation,
                    "stop after this many rounds without a better result (default: by size)")
        ->check(CLI::Range(1LL, 100000000LL));
    return sub;
  };
  CLI::App* op = add("op",
                     "orienteering: 'Tmax P' then 'x y score' lines; start = first point, "
                     "end = second",
                     op_opt);
  CLI::App* tsp = add("tsp", "symmetric TSP in TSPLIB format", tsp_opt);
  std::uint64_t random_seed = 1;
  CLI::App* random = app.add_subcommand(
      "random-op", "print the seeded random orienteering instance of --seed (30-60 points)");
  random->add_option("--seed", random_seed, "instance seed")->capture_default_str();
  try {
    app.parse(argc, argv);
  } catch (const CLI::ParseError& e) {
    const int code = app.exit(e);
    return code == 0 ? 0 : static_cast<int>(flyorcall::ErrorCode::input);
  }
  try {
    if (op->parsed()) return run_op(op_opt);
    if (tsp->parsed()) return run_tsp(tsp_opt);
    if (random->parsed()) return run_random_op(random_seed);
  } catch (const flyorcall::Error& e) {
    std::cerr << "error: " << e.what() << "\n";
    return static_cast<int>(e.code());
  } catch (const std::exception& e) {
    std::cerr << "internal error: " << e.what() << "\n";
    return static_cast<int>(flyorcall::ErrorCode::internal);
  }
  return static_cast<int>(flyorcall::ErrorCode::input);
}
