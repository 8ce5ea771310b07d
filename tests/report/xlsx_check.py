#!/usr/bin/python3
"""The Excel workbook (`flyorcall report --format xlsx`) opened with an independent reader
(Debian's python3-openpyxl) and checked against the plan JSON: the sheets, frozen headers and
filters, real dates and currency formats, and every total to the cent (trips, flights, stays,
clients, calls, by traveller, by month, budget). Two exports a few seconds apart are
byte-identical (nothing depends on the clock).

Run by ctest: /usr/bin/python3 tests/report/xlsx_check.py --cli build/release/flyorcall
"""

import argparse
import datetime
import decimal
import json
import pathlib
import subprocess
import sys
import tempfile
import time

import openpyxl

ROOT = pathlib.Path(__file__).resolve().parents[2]
SHEETS = ["Summary", "Trips", "Flights", "Stays", "Clients", "Calls", "By traveller", "By month",
          "Budget"]
COSTS = ["flights", "hotel", "per_diem", "traveller_time", "jetlag", "carbon"]


def cents(x):
    return decimal.Decimal(str(x)).quantize(decimal.Decimal("0.01"))


def rows(ws):
    """(header, data rows as dicts, totals row as dict or None)."""
    values = list(ws.iter_rows(values_only=True))
    header = list(values[0])
    body = [dict(zip(header, v)) for v in values[1:]]
    total = body.pop() if body and body[-1][header[0]] == "Total" else None
    return header, body, total


def check_sheet_shape(ws, money_columns, date_columns):
    assert ws.freeze_panes == "A2", (ws.title, ws.freeze_panes)
    assert ws.auto_filter.ref and ws.auto_filter.ref.startswith("A1:"), (ws.title, ws.auto_filter.ref)
    header = [c.value for c in ws[1]]
    for name in money_columns:
        col = header.index(name) + 1
        for row in range(2, ws.max_row + 1):
            cell = ws.cell(row=row, column=col)
            if cell.value is not None:
                assert isinstance(cell.value, (int, float)), (ws.title, name, cell.value)
                assert '"' in cell.number_format and "0.00" in cell.number_format, cell.number_format
    for name in date_columns:
        col = header.index(name) + 1
        for row in range(2, ws.max_row + 1):
            cell = ws.cell(row=row, column=col)
            if cell.value is not None and row < ws.max_row:
                assert isinstance(cell.value, datetime.datetime), (ws.title, name, cell.value)


def total_of(body, column):
    return sum((cents(r[column] or 0) for r in body), decimal.Decimal(0))


def check(cli, example):
    with tempfile.TemporaryDirectory() as tmp:
        tmp = pathlib.Path(tmp)
        plan_path = tmp / "plan.json"
        source = str(ROOT / "data/examples" / example)
        subprocess.run([cli, "plan", source, "-q", "-o", str(plan_path)], check=True)
        args = [cli, "report", str(plan_path), "--input", source, "-o"]
        subprocess.run(args + [str(tmp / "a.xlsx")], check=True)
        time.sleep(2.5)  # past the zip format's two-second time resolution
        subprocess.run(args + [str(tmp / "b.xlsx"), "--format", "xlsx"], check=True)
        assert (tmp / "a.xlsx").read_bytes() == (tmp / "b.xlsx").read_bytes(), "not reproducible"
        plan = json.loads(plan_path.read_text(encoding="utf-8"))
        wb = openpyxl.load_workbook(tmp / "a.xlsx", data_only=True)

    assert wb.sheetnames == SHEETS, wb.sheetnames
    cost_columns = ["Flights", "Hotel", "Per diem", "Traveller time", "Jet lag", "Carbon price"]
    totals = plan["totals"]
    trip_cost = totals["trip_cost"]

    # Trips: one row per trip, the plan's costs, and a totals row equal to the plan's totals.
    check_sheet_shape(wb["Trips"], cost_columns + ["Trip cost", "Cash", "Imputed"],
                      ["Depart", "Back"])
    _, trips, trip_total = rows(wb["Trips"])
    assert [r["Trip"] for r in trips] == [t["id"] for t in plan["trips"]]
    for r, t in zip(trips, plan["trips"]):
        assert r["Depart"].date().isoformat() == t["depart"], (r, t["depart"])
        for col, key in zip(cost_columns, COSTS):
            assert cents(r[col]) == cents(t["cost"][key]), (t["id"], col)
    for col, key in zip(cost_columns + ["Trip cost", "Cash", "Imputed"],
                        COSTS + ["total", "cash", "imputed"]):
        assert total_of(trips, col) == cents(trip_cost[key]), (col, total_of(trips, col))
        assert cents(trip_total[col]) == cents(trip_cost[key]), (col, trip_total[col])
    assert trip_total["Days away"] == totals["days_away"]

    # Flights and stays.
    check_sheet_shape(wb["Flights"], ["Fare"], ["Departs (local)", "Arrives (local)"])
    _, legs, leg_total = rows(wb["Flights"])
    plan_legs = [leg for t in plan["trips"] for leg in t["legs"]]
    assert len(legs) == len(plan_legs)
    for r, leg in zip(legs, plan_legs):
        assert r["Departs (local)"].strftime("%Y-%m-%dT%H:%M") == leg["depart_local"], (r, leg)
        assert r["From"] == leg["from"] and r["To"] == leg["to"]
    assert total_of(legs, "Fare") == cents(trip_cost["flights"]) == cents(leg_total["Fare"])
    _, stays, _ = rows(wb["Stays"])
    assert len(stays) == sum(len(t["stays"]) for t in plan["trips"])

    # Clients and calls.
    check_sheet_shape(wb["Clients"], ["Visit value", "Remote value", "Remote cost"], [])
    _, clients, _ = rows(wb["Clients"])
    assert {r["Client"]: r["Decision"] for r in clients} == {
        c["id"]: c["decision"] for c in plan["clients"]}
    for r, c in zip(clients, plan["clients"]):
        be = c["break_even_value"]
        assert (r["Break-even value"] is None) == (be is None)
        if be is not None:
            assert cents(r["Break-even value"]) == cents(be)
    _, calls, _ = rows(wb["Calls"])
    with_slot = [c for c in plan["clients"] if c["decision"] == "remote" and c["call_slot"]]
    assert [r["Client"] for r in calls] == [c["id"] for c in with_slot]
    for r, c in zip(calls, with_slot):
        assert r["Client local time"] == c["call_slot"]["client_local"]

    # By traveller and by month add up to the plan's totals.
    for name in ("By traveller", "By month"):
        check_sheet_shape(wb[name], cost_columns + ["Trip cost", "Cash", "Imputed"], [])
        _, groups, group_total = rows(wb[name])
        assert sum(r["Trips"] for r in groups) == totals["trips"], name
        assert sum(r["Days away"] for r in groups) == totals["days_away"], name
        for col, key in zip(cost_columns + ["Trip cost", "Cash", "Imputed"],
                            COSTS + ["total", "cash", "imputed"]):
            assert total_of(groups, col) == cents(trip_cost[key]), (name, col)
            assert cents(group_total[col]) == cents(trip_cost[key]), (name, col)
    _, travellers, _ = rows(wb["By traveller"])
    assert sum(r["Remote clients"] for r in travellers) == sum(
        1 for c in plan["clients"] if c["decision"] == "remote" and c["traveller"])
    _, months, _ = rows(wb["By month"])
    assert [r["Month"] for r in months] == sorted(r["Month"] for r in months)

    # Summary and budget.
    summary = {r["Figure"]: r["Value"] for r in rows(wb["Summary"])[1]}
    assert cents(summary["Net value"]) == cents(totals["net"])
    assert cents(summary["Cash spend (flights, hotel, per diem)"]) == cents(totals["cash"])
    _, budget, _ = rows(wb["Budget"])
    used = {r["Resource"]: r for r in budget}
    assert cents(used["Cash"]["Used"]) == cents(plan["budget"]["cash"]["used"])
    assert cents(used["Trip cost"]["Used"]) == cents(plan["budget"]["money"]["used"])
    limit = plan["budget"]["money"]["limit"]
    assert (used["Trip cost"]["Limit"] is None) == (limit is None)
    print(f"{example}: {len(trips)} trips, {len(legs)} flights, {len(clients)} clients; "
          f"trip cost {total_of(trips, 'Trip cost')} {plan['currency']} matches the plan to the cent")


def main():
    parser = argparse.ArgumentParser()
    parser.add_argument("--cli", required=True)
    cli = parser.parse_args().cli
    check(cli, "default.json")
    check(cli, "two-travellers.json")
    return 0


if __name__ == "__main__":
    sys.exit(main())
