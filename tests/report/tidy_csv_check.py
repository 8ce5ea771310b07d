#!/usr/bin/python3
"""The tidy CSV report (`flyorcall report --format csv -o DIR`) read back with Python's own csv
module, independently of the C++ writer: every file is RFC 4180 with CRLF line ends, a header of
unique column names and rows as wide as the header, and the numbers match the plan JSON to the
cent (trip costs, totals, legs, stays, visits, client decisions).

Run by ctest: /usr/bin/python3 tests/report/tidy_csv_check.py --cli build/release/flyorcall
"""

import argparse
import csv
import decimal
import json
import pathlib
import subprocess
import sys
import tempfile

ROOT = pathlib.Path(__file__).resolve().parents[2]


def cents(x):
    return decimal.Decimal(str(x)).quantize(decimal.Decimal("0.01"))


def read_table(path):
    raw = path.read_bytes()
    assert raw.endswith(b"\r\n"), path
    with path.open(newline="", encoding="utf-8") as f:
        rows = list(csv.reader(f, strict=True))
    header, body = rows[0], rows[1:]
    assert len(set(header)) == len(header), f"{path}: repeated column names {header}"
    for i, row in enumerate(body, 2):
        assert len(row) == len(header), f"{path} line {i}: {len(row)} fields, header {len(header)}"
    return [dict(zip(header, row)) for row in body]


def check(cli, example, method):
    with tempfile.TemporaryDirectory() as tmp:
        tmp = pathlib.Path(tmp)
        plan_path = tmp / "plan.json"
        subprocess.run([cli, "plan", str(ROOT / "data/examples" / example), "--method", method,
                        "-q", "-o", str(plan_path)], check=True)
        subprocess.run([cli, "report", str(plan_path), "--input",
                        str(ROOT / "data/examples" / example), "--format", "csv", "-o",
                        str(tmp / "tables")], check=True)
        plan = json.loads(plan_path.read_text(encoding="utf-8"))
        t = {p.stem: read_table(p) for p in sorted((tmp / "tables").glob("*.csv"))}

    trips = {x["id"]: x for x in plan["trips"]}
    assert [r["trip"] for r in t["trip"]] == list(trips), "trip rows in plan order"
    for r in t["trip"]:
        cost = trips[r["trip"]]["cost"]
        for k in ("flights", "hotel", "per_diem", "traveller_time", "jetlag", "carbon", "total"):
            assert cents(r[k]) == cents(cost[k]), (r["trip"], k, r[k], cost[k])
        assert int(r["days_away"]) == trips[r["trip"]]["days_away"]
    total = sum((cents(r["total"]) for r in t["trip"]), decimal.Decimal(0))
    assert total == cents(plan["totals"]["trip_cost"]["total"]), (total, plan["totals"])
    summary = {r["figure"]: r["value"] for r in t["summary"]}
    for k in ("remote_cost", "cash", "imputed", "value", "net"):
        assert cents(summary[k]) == cents(plan["totals"][k]), (k, summary[k])
    assert int(summary["visits"]) == plan["totals"]["visits"]
    assert len(t["leg"]) == sum(len(x["legs"]) for x in plan["trips"])
    assert sum(cents(r["fare"]) for r in t["leg"]) == sum(
        (cents(leg["fare"]) for x in plan["trips"] for leg in x["legs"]), decimal.Decimal(0))
    assert len(t["stay"]) == sum(len(x["stays"]) for x in plan["trips"])
    assert len(t["visit"]) == plan["totals"]["visits"]
    decisions = {c["id"]: c["decision"] for c in plan["clients"]}
    assert {r["client"]: r["decision"] for r in t["client"]} == decisions
    remote = [c for c in plan["clients"] if c["decision"] == "remote" and c["call_slot"]]
    assert len(t["call"]) == len(remote)
    print(f"{example} ({method}): {len(t)} tables, {len(t['trip'])} trips, {len(t['leg'])} legs, "
          f"trip cost {total} {plan['currency']} matches the plan to the cent")


def main():
    parser = argparse.ArgumentParser()
    parser.add_argument("--cli", required=True)
    cli = parser.parse_args().cli
    check(cli, "default.json", "search")
    check(cli, "two-travellers.json", "greedy")
    return 0


if __name__ == "__main__":
    sys.exit(main())
