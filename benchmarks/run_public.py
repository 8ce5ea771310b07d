#!/usr/bin/env python3
"""Runs flyorcall-bench on every public OP and TSPLIB instance and prints a result table.

Usage: benchmarks/run_public.py [BENCH_DIR] [--bin PATH] [--seed S] [--op-ms N] [--tsp-ms N]
                                [--only op|tsp] [--max-tsp-nodes N]

Each run's wall time ("ms", from the runner) and CPU time ("cpu ms", user + system of the process,
measured here) are printed with their medians. BENCH_DIR defaults to /work/shared/bench (or ../shared/bench beside the checkout); it holds
op/bks.csv and tsp/optimal.csv (see its README.md). Each OP route is re-checked here: it starts
at point 0, ends at point 1, visits each point at most once, its real Euclidean length is within
Tmax + 1e-7 and its score is the sum of the visited scores. Each TSP tour is checked to be a
permutation of the nodes. Exit status 1 when a run fails or a check does not hold.
Not part of ctest: the instances are not in the repository.
"""
import argparse
import csv
import json
import math
import os
import resource
import statistics
import subprocess
import sys

HERE = os.path.dirname(os.path.abspath(__file__))
ROOT = os.path.dirname(HERE)


def default_bench():
    for cand in ("/work/shared/bench", os.path.join(ROOT, "..", "shared", "bench")):
        if os.path.isdir(cand):
            return os.path.normpath(cand)
    return "/work/shared/bench"


def default_binary():
    for sub in ("release", "opt"):
        cand = os.path.join(ROOT, "build", sub, "flyorcall-bench")
        if os.path.exists(cand):
            return cand
    return "flyorcall-bench"


def cpu_s():
    use = resource.getrusage(resource.RUSAGE_CHILDREN)
    return use.ru_utime + use.ru_stime


def run(binary, args):
    """The runner's JSON answer, with "cpu_ms": the process's CPU time (user + system), which a
    loaded machine changes far less than the wall time "ms"."""
    before = cpu_s()
    out = subprocess.run([binary] + args + ["--json"], capture_output=True, text=True)
    if out.returncode != 0:
        raise RuntimeError(f"{' '.join(args)}: exit {out.returncode}: {out.stderr.strip()}")
    res = json.loads(out.stdout)
    res["cpu_ms"] = 1000 * (cpu_s() - before)
    return res


def check_op(path, res):
    with open(path) as f:
        lines = [l.split() for l in f if l.strip()]
    tmax = float(lines[0][0])
    pts = [(float(a), float(b), float(c)) for a, b, c in lines[1:]]
    route = res["route"]
    if route[0] != 0 or route[-1] != 1 or len(set(route)) != len(route):
        return "route must start at 0, end at 1 and repeat no point"
    length = sum(math.dist(pts[a][:2], pts[b][:2]) for a, b in zip(route, route[1:]))
    score = sum(pts[i][2] for i in route)
    if length > tmax + 1e-7:
        return f"length {length} exceeds Tmax {tmax}"
    if abs(score - res["score"]) > 1e-6:
        return f"score {res['score']} but the route collects {score}"
    return ""


def main():
    ap = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    ap.add_argument("bench", nargs="?", default=default_bench())
    ap.add_argument("--bin", default=default_binary())
    ap.add_argument("--seed", default="1")
    ap.add_argument("--op-ms", default=None, help="time limit per OP run (runner default if unset)")
    ap.add_argument("--tsp-ms", default=None, help="time limit per TSP run (runner default if unset)")
    ap.add_argument("--only", choices=["op", "tsp"], default=None)
    ap.add_argument("--max-tsp-nodes", type=int, default=200)
    a = ap.parse_args()
    failures = 0

    if a.only in (None, "op"):
        with open(os.path.join(a.bench, "op", "bks.csv")) as f:
            rows = list(csv.DictReader(f))
        print(f"{'OP instance':<44} {'score':>6} {'best':>6} {'gap %':>6} {'ms':>7} {'cpu ms':>7}")
        per_set, times, cpu = {}, [], []
        for r in rows:
            path = os.path.join(a.bench, "op", r["file"])
            args = ["op", path, "--seed", a.seed]
            if a.op_ms:
                args += ["--time-limit-ms", a.op_ms]
            res = run(a.bin, args)
            problem = check_op(path, res)
            if problem:
                print(f"CHECK FAILED {r['instance']}: {problem}")
                failures += 1
            bks = float(r["bks"])
            ratio = res["score"] / bks if bks else 1.0
            per_set.setdefault(r["set"], []).append(ratio)
            times.append(res["ms"])
            cpu.append(res["cpu_ms"])
            print(f"{r['instance']:<44} {res['score']:>6g} {bks:>6g} {100 * (1 - ratio):>6.2f}"
                  f" {res['ms']:>7.1f} {res['cpu_ms']:>7.1f}")
        print()
        print(f"{'OP set':<16} {'n':>3} {'avg % of best':>14} {'min %':>7} {'at best':>8}")
        for s, v in per_set.items():
            print(f"{s:<16} {len(v):>3} {100 * statistics.mean(v):>14.3f} {100 * min(v):>7.2f}"
                  f" {sum(1 for x in v if x >= 1 - 1e-9):>5}/{len(v)}")
        print(f"OP median ms {statistics.median(times):.1f}, max ms {max(times):.1f}; "
              f"median cpu ms {statistics.median(cpu):.1f}, max cpu ms {max(cpu):.1f}")
        print()

    if a.only in (None, "tsp"):
        with open(os.path.join(a.bench, "tsp", "optimal.csv")) as f:
            rows = [r for r in csv.DictReader(f) if int(r["n"]) <= a.max_tsp_nodes]
        print(f"{'TSP instance':<14} {'n':>4} {'length':>9} {'optimum':>9} {'gap %':>6} {'ms':>7}")
        gaps_small, gaps_all, times = [], [], []
        for r in rows:
            path = os.path.join(a.bench, "tsp", r["name"] + ".tsp")
            args = ["tsp", path, "--seed", a.seed]
            if a.tsp_ms:
                args += ["--time-limit-ms", a.tsp_ms]
            res = run(a.bin, args)
            n = int(r["n"])
            if sorted(res["tour"]) != list(range(n)):
                print(f"CHECK FAILED {r['name']}: the tour is not a permutation of 0..{n - 1}")
                failures += 1
            opt = float(r["optimum"])
            gap = 100 * (res["length"] - opt) / opt
            gaps_all.append(gap)
            if n <= 100:
                gaps_small.append(gap)
            times.append(res["ms"])
            print(f"{r['name']:<14} {n:>4} {res['length']:>9g} {opt:>9g} {gap:>6.2f} {res['ms']:>7.1f}")
        print()
        if gaps_small:
            print(f"TSP <= 100 nodes: {len(gaps_small)} instances, average gap "
                  f"{statistics.mean(gaps_small):.3f} %, max {max(gaps_small):.3f} %")
        print(f"TSP <= {a.max_tsp_nodes} nodes: {len(gaps_all)} instances, average gap "
              f"{statistics.mean(gaps_all):.3f} %, max {max(gaps_all):.3f} %")
        print(f"TSP median ms {statistics.median(times):.1f}, max ms {max(times):.1f}")
    return 1 if failures else 0


if __name__ == "__main__":
    sys.exit(main())
