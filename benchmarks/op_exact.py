#!/usr/bin/python3
"""Proven optima of seeded random orienteering instances, by an exact integer program solved
with Debian's CBC (coinor-cbc), for the optimizer core's test against an exact solver.

Usage:
  op_exact.py build --bench BIN --seeds FIRST LAST --out CSV   # solve every seed, write the table
      [--append] [--max-seconds S]   # keep the table's rows and add the missing seeds; give up on
                                     # a seed after S seconds (it gets no row: every row is proven)
  op_exact.py check --bench BIN --table CSV --count K          # re-derive K rows, compare
      [--seeds FIRST LAST]               # re-derive the table's rows of these seeds instead
  --solver BIN (build and check): prove each optimum with BIN, the op-exact-cbc tool
      (benchmarks/op_exact_cbc.cpp, built when CBC's development files are found): the same
      model solved through CBC's C++ API, with the subtour cuts inside branch and bound and the
      optimizer core's route as the incumbent, usually far faster than the command-line loop.

`check` solves the K smallest instances of the table again and exits 1 when an optimum differs.
Either way a route is checked here: a path from the start to the end, no point twice, within
Tmax, worth the optimum it claims.

The instances come from `flyorcall-bench random-op --seed S` (tools/bench/random_op.cpp). The
model is the undirected s-t path form of the orienteering problem: x_e (edge used) and y_i (point
visited) binary; the start and the end have degree 1, every other point degree 2 y_i; an edge
needs both its points; the path length sum d_e x_e <= Tmax (real Euclidean distances); and
subtour elimination sum_{e in delta(S)} x_e >= 2 y_k for every set S of points without the
start and end and every k in S. These cuts are generated: at the root by minimum cuts on the
linear relaxation (scipy's maximum_flow) until none is violated, then on every integer solution
CBC returns (its cycles apart from the path) until the solution is one path; that solution is
optimal for the full model. Run with /usr/bin/python3 (Debian's, which has python3-scipy).
"""
import argparse
import csv
import math
import os
import subprocess
import sys
import tempfile
import time

import numpy as np
from scipy.sparse import csr_matrix
from scipy.sparse.csgraph import maximum_flow

EPS = 1e-6


class OutOfTime(Exception):
    """A solve ran past its deadline."""


def read_instance(text):
    lines = [l.split() for l in text.splitlines() if l.strip()]
    tmax = float(lines[0][0])
    pts = [(float(a), float(b), float(c)) for a, b, c in lines[1:]]
    return tmax, pts


def generate(bench, seed):
    out = subprocess.run([bench, "random-op", "--seed", str(seed)], capture_output=True,
                         text=True, check=True)
    return out.stdout


def wrap(line, width=200):
    """Splits a long LP row over lines (CBC's LP reader mangles very long lines)."""
    out, cur = [], ""
    for word in line.split(" "):
        if cur and len(cur) + 1 + len(word) > width:
            out.append(cur)
            cur = "  " + word
        else:
            cur = f"{cur} {word}" if cur else word
    return out + [cur]


class Model:
    """Columns: y_0 .. y_{n-1} (y_0 = y_1 = 1, the start and end), then x_e per edge i < j."""

    def __init__(self, tmax, pts):
        self.tmax, self.pts = tmax, pts
        self.n = len(pts)
        self.d = [[math.dist(p[:2], q[:2]) for q in pts] for p in pts]
        self.edges = [(i, j) for i in range(self.n) for j in range(i + 1, self.n)]
        self.col = {e: self.n + k for k, e in enumerate(self.edges)}
        self.cuts = []  # (S, k)

    def rows(self):
        """(coefficients {column: value}, lower, upper) per constraint."""
        n, out = self.n, []
        for i in range(n):
            row = {self.col[(min(i, j), max(i, j))]: 1.0 for j in range(n) if j != i}
            if i >= 2:
                row[i] = -2.0
            out.append((row, 1.0 if i < 2 else 0.0, 1.0 if i < 2 else 0.0))
        out.append(({self.col[e]: self.d[e[0]][e[1]] for e in self.edges}, -np.inf, self.tmax))
        for e in self.edges:
            for k in e:
                if k >= 2:
                    out.append(({self.col[e]: 1.0, k: -1.0}, -np.inf, 0.0))
        for s, k in self.cuts:
            inside = set(s)
            row = {self.col[(min(i, j), max(i, j))]: 1.0 for i in s for j in range(n)
                   if j not in inside}
            row[k] = -2.0
            out.append((row, 0.0, np.inf))
        return out

    def name(self, c):
        return f"y_{c}" if c < self.n else "x_{}_{}".format(*self.edges[c - self.n])

    def solve(self, integer, deadline=None):
        """Solves the model (its linear relaxation unless `integer`) with CBC; raises
        OutOfTime past `deadline` (a time.monotonic() value)."""
        ncol = self.n + len(self.edges)
        obj = " + ".join(f"{self.pts[i][2]:g} y_{i}" for i in range(2, self.n))
        text = ["Maximize"] + wrap(f" obj: {obj}") + ["Subject To"]
        for r, (row, lo, hi) in enumerate(self.rows()):
            terms = " + ".join(f"{v!r} {self.name(c)}" for c, v in row.items())
            sense = f"= {lo!r}" if lo == hi else (f">= {lo!r}" if hi == np.inf else f"<= {hi!r}")
            text += wrap(f" c{r}: {terms} {sense}")
        text += ["Bounds", " y_0 = 1", " y_1 = 1"]
        text += [f" 0 <= {self.name(c)} <= 1" for c in range(2, ncol)]
        if integer:
            text += ["Binaries"] + [f" {self.name(c)}" for c in range(2, ncol)]
        text.append("End")
        with tempfile.TemporaryDirectory() as tmp:
            lp, sol = os.path.join(tmp, "m.lp"), os.path.join(tmp, "m.sol")
            with open(lp, "w") as f:
                f.write("\n".join(text) + "\n")
            cmd = ["cbc", lp, "ratio", "0", "allow", "0.5"]
            cmd += ["solve" if integer else "initialSolve", "solu", sol]
            timeout = None if deadline is None else max(1.0, deadline - time.monotonic())
            try:
                subprocess.run(cmd, capture_output=True, check=True, timeout=timeout)
            except subprocess.TimeoutExpired as e:
                raise OutOfTime() from e
            with open(sol) as f:
                status = f.readline()
                if not status.startswith("Optimal"):
                    raise RuntimeError(f"cbc: {status.strip()}")
                vals = {}
                for line in f:
                    parts = line.split()
                    if parts and parts[0] == "**":
                        parts = parts[1:]
                    if len(parts) >= 3:
                        vals[parts[1]] = float(parts[2])
        xs = {e: vals[self.name(self.col[e])] for e in self.edges
              if vals.get(self.name(self.col[e]), 0.0) > EPS}
        ys = [1.0 if i < 2 else vals.get(f"y_{i}", 0.0) for i in range(self.n)]
        return xs, ys

    def fractional_cuts(self, xs, ys):
        """Minimum cuts between the depots (merged) and each visited point."""
        scale = 10 ** 6
        n, src = self.n, 0  # the end (1) is merged into the start (0)
        node = lambda i: 0 if i == 1 else i
        cap = {}
        for (i, j), v in xs.items():
            a, b = node(i), node(j)
            if a == b:
                continue
            c = int(round(v * scale))
            cap[(a, b)] = cap.get((a, b), 0) + c
            cap[(b, a)] = cap.get((b, a), 0) + c
        if not cap:
            return []
        keys = list(cap)
        graph = csr_matrix(([cap[k] for k in keys], ([k[0] for k in keys], [k[1] for k in keys])),
                           shape=(n, n), dtype=np.int32)
        found = []
        for k in sorted(range(2, n), key=lambda i: -ys[i]):
            if ys[k] < 1e-3 or any(k in s for s, _ in found):
                continue
            res = maximum_flow(graph, src, k)
            if res.flow_value / scale >= 2 * ys[k] - 1e-4:
                continue
            flow = res.flow.toarray() if hasattr(res, "flow") else res.residual.toarray()
            residual = graph.toarray() - flow
            seen, stack = {src}, [src]
            while stack:
                a = stack.pop()
                for b in np.nonzero(residual[a] > 0)[0]:
                    if int(b) not in seen:
                        seen.add(int(b))
                        stack.append(int(b))
            s = tuple(i for i in range(2, n) if i not in seen)
            if k not in s:
                continue
            inside = set(s)
            crossing = sum(v for (i, j), v in xs.items() if (i in inside) != (j in inside))
            found += [(s, i) for i in s if crossing < 2 * ys[i] - 1e-4]
        return found

    def cycles(self, xs):
        """The point sets of the cycles of an integer solution apart from the path."""
        adj = {i: [] for i in range(self.n)}
        for (i, j), v in xs.items():
            if v > 0.5:
                adj[i].append(j)
                adj[j].append(i)
        seen, stack = {0}, [0]
        while stack:
            for b in adj[stack.pop()]:
                if b not in seen:
                    seen.add(b)
                    stack.append(b)
        out = []
        for start in range(2, self.n):
            if start in seen or not adj[start]:
                continue
            comp, stack = {start}, [start]
            while stack:
                for b in adj[stack.pop()]:
                    if b not in comp:
                        comp.add(b)
                        stack.append(b)
            seen |= comp
            out.append(tuple(sorted(comp)))
        return out

    def route(self, xs):
        adj = {i: [] for i in range(self.n)}
        for (i, j), v in xs.items():
            if v > 0.5:
                adj[i].append(j)
                adj[j].append(i)
        path, prev = [0], None
        while path[-1] != 1:
            nxt = [b for b in adj[path[-1]] if b != prev]
            prev = path[-1]
            path.append(nxt[0])
        return path


def solve_exact(text, deadline=None):
    tmax, pts = read_instance(text)
    m = Model(tmax, pts)
    for _ in range(200):
        xs, ys = m.solve(integer=False, deadline=deadline)
        new = m.fractional_cuts(xs, ys)
        if not new:
            break
        m.cuts += new
    while True:
        xs, ys = m.solve(integer=True, deadline=deadline)
        cyc = m.cycles(xs)
        if not cyc:
            break
        m.cuts += [(s, k) for s in cyc for k in s]
    path = m.route(xs)
    score = sum(pts[i][2] for i in path)
    length = sum(m.d[a][b] for a, b in zip(path, path[1:]))
    if length > tmax + 1e-7 or len(set(path)) != len(path):
        raise RuntimeError(f"the exact route is not feasible: length {length} of {tmax}")
    return score, length, path


def solve_with_tool(solver, seed, text, deadline=None):
    """Runs op-exact-cbc on `seed`; raises OutOfTime when it did not prove the optimum in time."""
    cmd = [solver, "--seed", str(seed)]
    if deadline is not None:
        cmd += ["--max-seconds", f"{max(1.0, deadline - time.monotonic()):.1f}"]
    out = subprocess.run(cmd, capture_output=True, text=True)
    if out.returncode == 3:
        raise OutOfTime()
    if out.returncode != 0:
        raise RuntimeError(f"{solver}: exit {out.returncode}: {out.stderr.strip()}")
    lines = [l for l in out.stdout.splitlines() if l.startswith("optimum ")]
    words = lines[-1].split() if lines else []
    if words[:1] != ["optimum"] or words[2:3] != ["length"] or words[4:5] != ["route"]:
        raise RuntimeError(f"{solver}: unexpected output {out.stdout!r}")
    path = [int(w) for w in words[5:]]
    tmax, pts = read_instance(text)
    if path[:1] != [0] or path[-1:] != [1]:
        raise RuntimeError(f"{solver}: the route does not run from the start to the end")
    d = lambda a, b: math.dist(pts[a][:2], pts[b][:2])
    return (sum(pts[i][2] for i in path), sum(d(a, b) for a, b in zip(path, path[1:])), path)


def row_for(bench, seed, deadline=None, solver=None):
    text = generate(bench, seed)
    tmax, pts = read_instance(text)
    if solver:
        score, length, path = solve_with_tool(solver, seed, text, deadline)
    else:
        score, length, path = solve_exact(text, deadline)
    if length > tmax + 1e-7 or len(set(path)) != len(path):
        raise RuntimeError(f"seed {seed}: the exact route is not feasible: length {length} of {tmax}")
    return {"seed": seed, "points": len(pts), "tmax": f"{tmax:g}", "optimum": f"{score:g}",
            "length": f"{length:.6f}", "route": " ".join(map(str, path))}


HEADER = """# Proven optima of the seeded random orienteering instances of tools/bench/random_op.cpp
# (`flyorcall-bench random-op --seed S`), each solved by `benchmarks/op_exact.py build`
# (CBC 2.10.8 branch-and-cut, see that script). Columns: seed, points (start and end included),
# tmax, optimum (score), length of the optimal route found, that route (point indices).
"""


FIELDS = ("seed", "points", "tmax", "optimum", "length", "route")


def build(a):
    """Solves the seeds of a.seeds into the table a.out (appending to it with a.append)."""
    done = set()
    if a.append and os.path.exists(a.out):
        with open(a.out) as f:
            done = {int(r["seed"]) for r in csv.DictReader(l for l in f if not l.startswith("#"))}
    fresh = not (a.append and os.path.exists(a.out))
    with open(a.out, "w" if fresh else "a", newline="") as f:
        w = csv.writer(f, lineterminator="\n")
        if fresh:
            f.write(HEADER)
            w.writerow(FIELDS)
        for seed in range(a.seeds[0], a.seeds[1] + 1):
            if seed in done:
                continue
            t0 = time.monotonic()
            deadline = None if a.max_seconds is None else t0 + a.max_seconds
            try:
                r = row_for(a.bench, seed, deadline, a.solver)
            except OutOfTime:
                print(f"seed {seed}: not proven within {a.max_seconds:g} s, no row", flush=True)
                continue
            w.writerow([r[k] for k in FIELDS])
            f.flush()
            print(f"seed {seed}: {r['points']} points, optimum {r['optimum']}, "
                  f"{time.monotonic() - t0:.1f} s", flush=True)
    return 0


def main():
    ap = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    sub = ap.add_subparsers(dest="cmd", required=True)
    b = sub.add_parser("build")
    b.add_argument("--bench", required=True)
    b.add_argument("--seeds", nargs=2, type=int, required=True)
    b.add_argument("--out", required=True)
    b.add_argument("--append", action="store_true")
    b.add_argument("--max-seconds", type=float, default=None)
    b.add_argument("--solver", default=None)
    c = sub.add_parser("check")
    c.add_argument("--bench", required=True)
    c.add_argument("--table", required=True)
    c.add_argument("--count", type=int, default=3)
    c.add_argument("--seeds", nargs=2, type=int, default=None)
    c.add_argument("--solver", default=None)
    a = ap.parse_args()
    if a.cmd == "build":
        return build(a)
    with open(a.table) as f:
        rows = [r for r in csv.DictReader(l for l in f if not l.startswith("#"))]
    # The smallest instances (the quickest to prove), lowest seed first among equals.
    picks = sorted(rows, key=lambda r: (int(r["points"]), int(r["seed"])))[:a.count]
    if a.seeds:
        picks = [r for r in rows if a.seeds[0] <= int(r["seed"]) <= a.seeds[1]]
    if not picks:
        print("no row of the table to check")
        return 1
    failed = 0
    for r in picks:
        got = row_for(a.bench, int(r["seed"]), solver=a.solver)
        ok = got["optimum"] == r["optimum"] and got["tmax"] == r["tmax"] and \
            int(got["points"]) == int(r["points"])
        print(f"seed {r['seed']}: table {r['optimum']}, cbc {got['optimum']}"
              f"{'' if ok else '  MISMATCH'}")
        failed += 0 if ok else 1
    print(f"{len(picks) - failed} passed, {failed} failed")
    return 1 if failed else 0


if __name__ == "__main__":
    sys.exit(main())
