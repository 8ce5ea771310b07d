"""pandas DataFrames of a plan: one row per trip, leg, stay, visit, client decision or call.

pandas is imported only when a frame is asked for, so the rest of the package works without it.
"""

TABLES = ("trips", "legs", "stays", "visits", "decisions", "calls")


def _pandas():
    try:
        import pandas
    except ImportError as e:
        raise ImportError(
            "flyorcall's DataFrame helpers need pandas "
            "(Debian: apt install python3-pandas); plan() itself works without it"
        ) from e
    return pandas


def _trip_rows(plan):
    for trip in plan["trips"]:
        row = {
            "trip": trip["id"],
            "traveller": trip["traveller"],
            "depart": trip["depart"],
            "back": trip["back"],
            "days_away": trip["days_away"],
            "flights": len(trip["legs"]),
            "cities": " ".join(stay["city"] for stay in trip["stays"]),
            "clients": " ".join(visit["client"] for visit in trip["visits"]),
            "hotel_nights": sum(stay["hotel_nights"] for stay in trip["stays"]),
        }
        row.update({f"cost_{k}": v for k, v in trip["cost"].items()})
        row.update({f"co2_kg_{k}": v for k, v in trip["co2_kg"].items()})
        yield row


def _nested_rows(plan, key):
    for trip in plan["trips"]:
        for number, item in enumerate(trip[key], start=1):
            yield {"trip": trip["id"], "traveller": trip["traveller"], "number": number, **item}


def _decision_rows(plan):
    for client in plan["clients"]:
        yield {k: v for k, v in client.items() if k != "call_slot"}


def _call_rows(plan):
    for client in plan["clients"]:
        slot = client["call_slot"]
        if slot is None:
            continue
        yield {
            "client": client["id"],
            "traveller": client["traveller"],
            "weekday": slot["weekday"],
            "traveller_local": slot["traveller_local"],
            "client_local": slot["client_local"],
            "traveller_offhours_min": slot["traveller_offhours_min"],
            "client_offhours_min": slot["client_offhours_min"],
            "shifts": len(slot["shifts"]),
        }


_COLUMNS = {
    "trips": ["trip", "traveller", "depart", "back", "days_away", "flights", "cities", "clients",
              "hotel_nights"],
    "legs": ["trip", "traveller", "number", "from", "to", "depart_local", "depart_utc",
             "arrive_local", "arrive_utc", "tz_from", "tz_to", "block_min", "km", "cabin", "fare",
             "co2_kg"],
    "stays": ["trip", "traveller", "number", "city", "arrive", "depart", "hotel_nights"],
    "visits": ["trip", "traveller", "number", "client", "city", "date", "days"],
    "decisions": ["id", "name", "decision", "trip", "traveller", "value", "remote_value",
                  "remote_cost", "marginal_cost", "break_even_value", "reason"],
    "calls": ["client", "traveller", "weekday", "traveller_local", "client_local",
              "traveller_offhours_min", "client_offhours_min", "shifts"],
}
_TRIP_CO2 = ("flights", "hotel", "total")
_DATE_COLUMNS = {
    "trips": ["depart", "back"],
    "stays": ["arrive", "depart"],
    "visits": ["date"],
}
_UTC_COLUMNS = {"legs": ["depart_utc", "arrive_utc"]}


def plan_frame(plan, table="trips"):
    """One table of a plan (a dict from ``flyorcall.plan``) as a pandas DataFrame.

    ``table`` is one of ``trips``, ``legs``, ``stays``, ``visits``, ``decisions`` (one row per
    client) or ``calls`` (one row per remote client with a weekly call slot). Dates become
    ``datetime64`` columns, UTC instants ``datetime64[ns, UTC]``; a leg's local times stay aware
    datetimes in their own zones (one column cannot hold several zones).
    """
    if table not in TABLES:
        raise ValueError(f"table must be one of {', '.join(TABLES)}, not {table!r}")
    pd = _pandas()
    rows = {
        "trips": lambda: _trip_rows(plan),
        "legs": lambda: _nested_rows(plan, "legs"),
        "stays": lambda: _nested_rows(plan, "stays"),
        "visits": lambda: _nested_rows(plan, "visits"),
        "decisions": lambda: _decision_rows(plan),
        "calls": lambda: _call_rows(plan),
    }[table]()
    rows = list(rows)
    if not rows:
        # The same columns as a table with rows, from the plan's own totals where they vary.
        columns = list(_COLUMNS[table])
        if table == "trips":
            columns += [f"cost_{k}" for k in plan["totals"]["trip_cost"]]
            columns += [f"co2_kg_{k}" for k in _TRIP_CO2]
        return pd.DataFrame(columns=columns)
    frame = pd.DataFrame(rows)
    for column in _DATE_COLUMNS.get(table, []):
        frame[column] = pd.to_datetime(frame[column])
    for column in _UTC_COLUMNS.get(table, []):
        frame[column] = pd.to_datetime(frame[column], utc=True)
    return frame


def plan_frames(plan):
    """Every table of ``plan_frame`` at once: a dict of DataFrames keyed by table name."""
    return {table: plan_frame(plan, table) for table in TABLES}
