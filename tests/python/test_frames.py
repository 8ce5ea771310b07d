"""flyorcall.plan_frame / plan_frames: pandas DataFrames of a plan."""

import subprocess
import sys

import pandas as pd
import pytest

import flyorcall
from conftest import EXAMPLES


@pytest.fixture(scope="module")
def plan():
    return flyorcall.plan(EXAMPLES / "default.json", method="greedy")


def test_one_row_per_item_of_the_plan(plan):
    frames = flyorcall.plan_frames(plan)
    assert set(frames) == set(flyorcall.TABLES)
    trips = plan["trips"]
    assert len(frames["trips"]) == len(trips) > 0
    assert len(frames["legs"]) == sum(len(t["legs"]) for t in trips)
    assert len(frames["stays"]) == sum(len(t["stays"]) for t in trips)
    assert len(frames["visits"]) == sum(len(t["visits"]) for t in trips) == plan["totals"]["visits"]
    assert list(frames["decisions"]["id"]) == [c["id"] for c in plan["clients"]]
    remote_with_slot = [c["id"] for c in plan["clients"] if c["call_slot"] is not None]
    assert list(frames["calls"]["client"]) == remote_with_slot and remote_with_slot


def test_columns_hold_every_field_of_the_plan(plan):
    trip = plan["trips"][0]
    legs = flyorcall.plan_frame(plan, "legs")
    assert set(trip["legs"][0]) <= set(legs.columns)
    assert set(trip["stays"][0]) <= set(flyorcall.plan_frame(plan, "stays").columns)
    assert set(trip["visits"][0]) <= set(flyorcall.plan_frame(plan, "visits").columns)
    decisions = flyorcall.plan_frame(plan, "decisions")
    assert set(plan["clients"][0]) - {"call_slot"} == set(decisions.columns)
    trips = flyorcall.plan_frame(plan)
    assert {f"cost_{k}" for k in trip["cost"]} <= set(trips.columns)
    assert {f"co2_kg_{k}" for k in trip["co2_kg"]} <= set(trips.columns)


def test_types_and_totals(plan):
    trips = flyorcall.plan_frame(plan, "trips")
    assert str(trips["depart"].dtype) == "datetime64[ns]"
    assert trips["depart"].iloc[0].date() == plan["trips"][0]["depart"]
    legs = flyorcall.plan_frame(plan, "legs")
    assert str(legs["depart_utc"].dtype) == "datetime64[ns, UTC]"
    assert legs["depart_utc"].iloc[0] == plan["trips"][0]["legs"][0]["depart_utc"]
    totals = plan["totals"]
    assert trips["cost_total"].sum() == pytest.approx(totals["trip_cost"]["total"], abs=0.01)
    assert trips["days_away"].sum() == totals["days_away"]
    decisions = flyorcall.plan_frame(plan, "decisions")
    assert (decisions["decision"] == "visit").sum() == totals["visits"]
    by_traveller = legs.groupby("traveller")["co2_kg"].sum()
    flights_co2 = sum(t["co2_kg"]["flights"] for t in plan["trips"])
    assert by_traveller.sum() == pytest.approx(flights_co2, abs=0.1 * len(legs))
    assert trips["co2_kg_total"].sum() == pytest.approx(totals["co2_kg"], abs=0.1 * len(trips))


def test_a_plan_without_trips_has_the_same_columns(plan, small_doc):
    for client in small_doc["clients"]:
        client["visit_value"] = 1
        client.pop("account_revenue", None)
    empty = flyorcall.plan(small_doc, method="greedy")
    assert empty["trips"] == []
    for table in flyorcall.TABLES:
        if table in ("decisions", "calls"):
            continue
        frame = flyorcall.plan_frame(empty, table)
        assert frame.empty
        assert list(frame.columns) == list(flyorcall.plan_frame(plan, table).columns), table


def test_unknown_table_is_a_value_error(plan):
    with pytest.raises(ValueError, match="table must be one of"):
        flyorcall.plan_frame(plan, "flights")


def test_without_pandas_plan_works_and_frames_say_what_to_install():
    script = (
        "import sys; sys.modules['pandas'] = None\n"
        "import flyorcall\n"
        f"plan = flyorcall.plan({str(EXAMPLES / 'small.json')!r}, method='greedy')\n"
        "try:\n"
        "    flyorcall.plan_frame(plan)\n"
        "except ImportError as e:\n"
        "    print(e)\n"
    )
    r = subprocess.run([sys.executable, "-c", script], capture_output=True, text=True, check=True)
    assert "python3-pandas" in r.stdout, r.stdout + r.stderr
