#!/usr/bin/python3
"""Reads every calendar `flyorcall report --format ics` writes back with an independent parser
(Debian's python3-icalendar, RRULE expansion by python3-dateutil, zones by Python's zoneinfo on the
system tz database) and checks its events against the plan JSON (docs/report_ics.md):

- the text: CRLF lines of at most 75 octets, valid UTF-8, byte-identical on a second run;
- every VTIMEZONE observance against zoneinfo;
- every flight at its local departure and arrival time in the plan's zones, and at the plan's UTC
  instants when the times are resolved through the file's own VTIMEZONE;
- every hotel stay and client visit on its dates, with client, city and briefing in the
  description;
- every call series: anchored in the traveller's home zone at the plan's weekday and local start;
  expanded by dateutil's rrulestr/rruleset with RFC 5545 semantics (RRULE with COUNT, plus RDATEs,
  minus EXDATEs), its meetings are exactly the client's `remote_meetings` (all usable weeks when
  there are fewer, and the description says so), at that wall time on every date, on weeks
  `calls --weekly` lists, spread as docs/report_ics.md says (meeting i in usable week
  floor(i * W / n)), the client's local start as the plan's call slot and its shifts say;
- --traveller files hold exactly that traveller's events, identical to the full file's;
- a weekly series that crosses the March 2027 changes (US 14 March, EU 28 March) in both
  directions (Frankfurt anchoring Chicago, New York anchoring Zurich).

Run by ctest with /usr/bin/python3 (tests/report/tests.cmake).
"""
import argparse
import csv
import datetime as dt
import json
import pathlib
import subprocess
import sys
from zoneinfo import ZoneInfo

import icalendar
from dateutil import rrule

FAILURES = []


def check(cond, what):
    if not cond:
        FAILURES.append(what)
    return cond


def run(cli, *args, cwd, ok=(0,)):
    p = subprocess.run([cli, *args], cwd=cwd, capture_output=True)
    if p.returncode not in ok:
        sys.exit(f"{' '.join(args)}: exit {p.returncode}\n{p.stderr.decode()}")
    return p.returncode


def city_zones(source):
    zones = {}
    with open(source / "data" / "cities.csv", encoding="utf-8") as f:
        rows = [line for line in f if not line.startswith("#")]
    for row in csv.DictReader(rows):
        zones[row["code"]] = row["tz"]
        COUNTRIES[row["code"]] = row["country"]
    return zones


COUNTRIES = {}


def local(text):
    return dt.datetime.strptime(text, "%Y-%m-%dT%H:%M")


def utc(text):
    return dt.datetime.strptime(text, "%Y-%m-%dT%H:%MZ").replace(tzinfo=dt.timezone.utc)


def day(text):
    return dt.date.fromisoformat(text)


def check_text(raw, name):
    lines = raw.split(b"\r\n")
    check(lines[-1] == b"", f"{name}: does not end with CRLF")
    for i, line in enumerate(lines[:-1]):
        check(b"\n" not in line and b"\r" not in line, f"{name}:{i + 1}: bare CR or LF")
        check(len(line) <= 75, f"{name}:{i + 1}: {len(line)} octets (RFC 5545 folds at 75)")
        try:
            line.decode("utf-8")
        except UnicodeDecodeError:
            FAILURES.append(f"{name}:{i + 1}: a fold splits a UTF-8 character")


class Zone:
    """A VTIMEZONE as the file states it: local -> UTC through its own observances."""

    def __init__(self, comp):
        self.tzid = str(comp["TZID"])
        self.obs = []  # (onset UTC, offset from, offset to)
        for sub in comp.subcomponents:
            start = sub["DTSTART"].dt
            off_from = sub["TZOFFSETFROM"].td
            off_to = sub["TZOFFSETTO"].td
            self.obs.append((start.replace(tzinfo=dt.timezone.utc) - off_from, off_from, off_to))
        self.obs.sort(key=lambda o: o[0])

    def check_against_zoneinfo(self, name):
        z = ZoneInfo(self.tzid)
        for i, (onset, off_from, off_to) in enumerate(self.obs):
            check(onset.astimezone(z).utcoffset() == off_to,
                  f"{name}: {self.tzid} observance at {onset} says {off_to}, zoneinfo "
                  f"{onset.astimezone(z).utcoffset()}")
            if i > 0:
                before = onset - dt.timedelta(seconds=1)
                check(before.astimezone(z).utcoffset() == off_from,
                      f"{name}: {self.tzid} offset before {onset} is not {off_from}")

    def to_utc(self, wall):
        for k, (onset, _, off_to) in enumerate(self.obs):
            end = self.obs[k + 1][0] if k + 1 < len(self.obs) else None
            t = wall.replace(tzinfo=dt.timezone.utc) - off_to
            if t >= onset and (end is None or t < end):
                return t
        raise AssertionError(f"{self.tzid}: {wall} is outside the VTIMEZONE")


def category(e):
    c = e["CATEGORIES"]
    return str(c.cats[0]) if hasattr(c, "cats") else str(c)


def timed(e, key, zones):
    """(naive wall time, TZID or None, UTC instant) of a DATE-TIME property."""
    prop = e[key]
    tzid = prop.params.get("TZID")
    raw = prop.to_ical().decode()
    wall = dt.datetime.strptime(raw.rstrip("Z"), "%Y%m%dT%H%M%S")
    if tzid:
        return wall, tzid, zones[tzid].to_utc(wall)
    return wall, None, wall.replace(tzinfo=dt.timezone.utc)


def date_of(e, key):
    return dt.datetime.strptime(e[key].to_ical().decode(), "%Y%m%d").date()


def dates_of(e, key, tzid):
    """The DATE-TIMEs of every `key` property (EXDATE, RDATE) as naive wall times in `tzid`."""
    props = e.get(key)
    out = []
    for prop in (props if isinstance(props, list) else [props] if props else []):
        check(prop.params.get("TZID") == tzid, f"call series: {key} not in {tzid}")
        for d in prop.dts:
            out.append(d.dt.replace(tzinfo=None))
    return out


ENCODINGS = {"interval": 0, "exdate": 0, "rdate": 0}


def expand(e):
    """Occurrences (naive anchor-local wall times) of a series: the RRULE (rrulestr, from DTSTART
    in the anchor's zone) plus RDATEs minus EXDATEs, as RFC 5545 defines the recurrence set."""
    start = dt.datetime.strptime(e["DTSTART"].to_ical().decode(), "%Y%m%dT%H%M%S")
    tzid = e["DTSTART"].params["TZID"]
    tz = ZoneInfo(tzid)
    r = e["RRULE"]
    check(r["FREQ"] == ["WEEKLY"], "call series: FREQ is not WEEKLY")
    # Wall times in the anchor's zone: the rule keeps the local time across offset changes.
    rs = rrule.rruleset()
    rs.rrule(rrule.rrulestr(r.to_ical().decode(), dtstart=start.replace(tzinfo=tz)))
    for d in dates_of(e, "RDATE", tzid):
        rs.rdate(d.replace(tzinfo=tz))
    for d in dates_of(e, "EXDATE", tzid):
        rs.exdate(d.replace(tzinfo=tz))
    ENCODINGS["interval"] += int(r.get("INTERVAL", [1])[0]) > 1
    ENCODINGS["exdate"] += bool(e.get("EXDATE"))
    ENCODINGS["rdate"] += bool(e.get("RDATE"))
    return [o.replace(tzinfo=None) for o in rs]


def priced_meetings(inp, client_id):
    """The client's remote meetings the plan prices (input clients[].remote_meetings)."""
    c = next(c for c in inp["clients"] if c["id"] == client_id)
    return c.get("remote_meetings", 6)


WEEKDAYS = ["Mon", "Tue", "Wed", "Thu", "Fri", "Sat", "Sun"]


def check_calendar(raw, plan, inp, cities, name, traveller=None):
    """Checks one calendar against its plan; returns {uid: event text} and the call series."""
    check_text(raw, name)
    cal = icalendar.Calendar.from_ical(raw.decode("utf-8"))
    check(str(cal["VERSION"]) == "2.0", f"{name}: VERSION")
    zones = {}
    for comp in cal.walk("VTIMEZONE"):
        z = Zone(comp)
        z.check_against_zoneinfo(name)
        zones[z.tzid] = z
    by = {}
    uids = {}
    stamp = plan["horizon"]["start"].replace("-", "") + "T000000Z"
    for e in cal.walk("VEVENT"):
        by.setdefault(category(e), []).append(e)
        uid = str(e["UID"])
        check(uid not in uids, f"{name}: UID {uid} twice")
        uids[uid] = e.to_ical()
        check(e["DTSTAMP"].to_ical().decode() == stamp, f"{name}: DTSTAMP is not {stamp}")
    trips = [t for t in plan["trips"] if traveller is None or t["traveller"] == traveller]
    names = {c["id"]: c["name"] or c["id"] for c in plan["clients"]}

    # Flights, in plan order.
    legs = [(t, l) for t in trips for l in t["legs"]]
    flights = by.get("Flight", [])
    check(len(flights) == len(legs), f"{name}: {len(flights)} flights for {len(legs)} legs")
    for (t, l), e in zip(legs, flights):
        what = f"{name}: {t['id']} {l['from']}-{l['to']}"
        wall, tzid, at = timed(e, "DTSTART", zones)
        check(tzid == l["tz_from"], f"{what}: departure zone {tzid} is not {l['tz_from']}")
        check(wall == local(l["depart_local"]), f"{what}: departs {wall}, plan {l['depart_local']}")
        check(at == utc(l["depart_utc"]), f"{what}: departs {at} UTC, plan {l['depart_utc']}")
        wall, tzid, at = timed(e, "DTEND", zones)
        check(tzid == l["tz_to"], f"{what}: arrival zone {tzid} is not {l['tz_to']}")
        check(wall == local(l["arrive_local"]), f"{what}: arrives {wall}, plan {l['arrive_local']}")
        check(at == utc(l["arrive_utc"]), f"{what}: arrives {at} UTC, plan {l['arrive_utc']}")
        check(l["from"] in str(e["SUMMARY"]) and l["to"] in str(e["SUMMARY"]),
              f"{what}: summary {e['SUMMARY']}")

    # Hotel stays.
    stays = [(t, s) for t in trips for s in t["stays"]]
    hotels = by.get("Hotel", [])
    check(len(hotels) == len(stays), f"{name}: {len(hotels)} stays for {len(stays)}")
    for (t, s), e in zip(stays, hotels):
        what = f"{name}: {t['id']} stay {s['city']}"
        check(date_of(e, "DTSTART") == day(s["arrive"]), f"{what}: starts {date_of(e, 'DTSTART')}")
        end = max(day(s["depart"]), day(s["arrive"]) + dt.timedelta(days=1))
        check(date_of(e, "DTEND") == end, f"{what}: ends {date_of(e, 'DTEND')}, expected {end}")
        check(s["city"] in str(e["SUMMARY"]), f"{what}: summary {e['SUMMARY']}")
        if t["briefings"]:
            check("Briefing for " + s["city"] in str(e["DESCRIPTION"]), f"{what}: no briefing")

    # Client visits.
    visits = [(t, v) for t in trips for v in t["visits"]]
    ev = by.get("Client visit", [])
    check(len(ev) == len(visits), f"{name}: {len(ev)} visits for {len(visits)}")
    for (t, v), e in zip(visits, ev):
        what = f"{name}: visit {v['client']}"
        check(date_of(e, "DTSTART") == day(v["date"]), f"{what}: date {date_of(e, 'DTSTART')}")
        check(date_of(e, "DTEND") == day(v["date"]) + dt.timedelta(days=v["days"]),
              f"{what}: end {date_of(e, 'DTEND')}")
        desc = str(e["DESCRIPTION"])
        check(f"Client: {names[v['client']]} ({v['client']})" in desc, f"{what}: client {desc!r}")
        check(v["city"] in desc, f"{what}: city not in the description")
        check(names[v["client"]] in str(e["SUMMARY"]), f"{what}: summary {e['SUMMARY']}")
        if t["briefings"]:
            check("Briefing for " + v["city"] in desc, f"{what}: no briefing")

    # Call series.
    homes = {tr["id"]: tr["home"] for tr in inp["travellers"]}
    client_city = {c["id"]: c["city"] for c in inp["clients"]}
    remote = [c for c in plan["clients"] if c["decision"] == "remote" and c["call_slot"]
              and priced_meetings(inp, c["id"]) > 0
              and (traveller is None or c["traveller"] == traveller)]
    calls = by.get("Call", [])
    check(len(calls) == len(remote), f"{name}: {len(calls)} call series for {len(remote)}")
    series = {}
    for c, e in zip(remote, calls):
        what = f"{name}: calls {c['id']}"
        slot = c["call_slot"]
        check(f"({c['id']})" in str(e["DESCRIPTION"]), f"{what}: client id not in the description")
        anchor = cities[homes[c["traveller"]]]
        tzid = e["DTSTART"].params.get("TZID")
        check(tzid == anchor, f"{what}: anchored in {tzid}, the traveller's home is {anchor}")
        occ = expand(e)
        if not check(occ, f"{what}: no occurrences"):
            continue
        check(occ == sorted(set(occ)), f"{what}: meetings twice or out of order: {occ}")
        n = priced_meetings(inp, c["id"])
        desc = str(e["DESCRIPTION"])
        if len(occ) < n:  # fewer usable weeks than meetings: every week, and the text says so
            check(f"fewer weeks than the {n} remote meetings the plan prices" in desc
                  and f"the other {n - len(occ)} are not in this calendar" in desc,
                  f"{what}: {len(occ)} of {n} meetings, the description does not say why")
        else:
            check(len(occ) == n, f"{what}: {len(occ)} meetings, the plan prices {n}")
            check(f"{n} meetings, the {n} remote meetings the plan prices" in desc,
                  f"{what}: the description does not state the {n} meetings")
        hz = (day(plan["horizon"]["start"]), day(plan["horizon"]["end"]))
        client_zone = ZoneInfo(cities[client_city[c["id"]]])
        shifts = [(day(s["from_date"]), s["client_local"]) for s in slot["shifts"]]
        seen = []
        for o in occ:
            check(hz[0] <= o.date() <= hz[1], f"{what}: {o} outside the horizon")
            check(WEEKDAYS[o.weekday()] == slot["weekday"], f"{what}: {o} is not a {slot['weekday']}")
            check(o.strftime("%H:%M") == slot["traveller_local"],
                  f"{what}: {o} is not at {slot['traveller_local']} in {anchor}")
            at = o.replace(tzinfo=ZoneInfo(anchor))
            there = at.astimezone(client_zone)
            expected = slot["client_local"]
            for since, value in shifts:
                if there.date() >= since:
                    expected = value
            check(there.strftime("%H:%M") == expected,
                  f"{what}: {o} {anchor} is {there:%H:%M} for the client, plan says {expected}")
            seen.append((o, there))
        series[c["id"]] = seen
    return uids, series


def check_against_calls(cli, inp, plan, series, cities):
    """Each series meets on weeks `calls --weekly` lists for the same two sides (the planner's
    slot weights: 1 + offhours_weight_own, 1 + offhours_weight_client), at its UTC instants: of
    its W usable weeks, all when the plan prices n >= W meetings, else week floor(i * W / n) for
    meeting i = 0 .. n-1. Clients whose city or country has blackout or strike events are left
    out: those close dates in the planner's calendars, not in `calls`."""
    weights = inp.get("policy", {}).get("offhours_weight", {})
    own = 1 + weights.get("own", 1)
    other = 1 + weights.get("client", 2)
    travellers = {tr["id"]: tr for tr in inp["travellers"]}
    closing = [e for e in inp.get("events", []) if e["kind"] in ("blackout", "strike")]
    by_id = {c["id"]: c for c in plan["clients"]}
    for c in inp["clients"]:
        if c["id"] not in series:
            continue
        if any(e.get("city") == c["city"] or e.get("country") == COUNTRIES[c["city"]]
               for e in closing):
            continue
        tr = travellers[by_id[c["id"]]["traveller"]]
        p = subprocess.run(
            [cli, "calls", "-p", f"{tr['id']}:{tr['home']}@{tr.get('working_hours', '09:00-17:30')}*{own}",
             "-p", f"{c['id']}:{c['city']}@{c.get('working_hours', '09:00-17:30')}*{other}",
             "--from", plan["horizon"]["start"], "--to", plan["horizon"]["end"], "--duration",
             str(c.get("meeting_min", 60)), "--weekly", "--top", "100", "--json",
             "--far-weight", str(weights.get("far", 2)), "--night-weight", str(weights.get("night", 6))],
            capture_output=True, check=True)
        # The plan's slot among the weekly slots `calls` ranks: the best one, or another when the
        # joint schedule moved the series to keep the traveller's calls apart.
        slot = by_id[c["id"]]["call_slot"]
        matching = [wk for wk in json.loads(p.stdout)["weekly"]
                    if wk["weekday"] == slot["weekday"] and wk["anchor_start"] == slot["traveller_local"]]
        check(len(matching) == 1, f"calls {c['id']}: the plan's slot {slot['weekday']} "
              f"{slot['traveller_local']} is not among the weekly slots calls lists")
        if not matching:
            continue
        weekly = matching[0]
        usable = [utc(o["utc"]) for o in weekly["occurrences"]]
        n, w = priced_meetings(inp, c["id"]), len(usable)
        want = usable if n >= w else [usable[i * w // n] for i in range(n)]
        anchor = ZoneInfo(cities[tr["home"]])
        got = [o.replace(tzinfo=anchor).astimezone(dt.timezone.utc) for o, _ in series[c["id"]]]
        check(got == want, f"calls {c['id']}: meets at {got}; of the {w} weeks calls --weekly "
              f"lists, {n} meetings spread evenly are {want}")
        CROSS_CHECKED.append(c["id"])


CROSS_CHECKED = []


def main():
    ap = argparse.ArgumentParser()
    ap.add_argument("--cli", required=True)
    ap.add_argument("--source", required=True, type=pathlib.Path)
    ap.add_argument("--work", required=True, type=pathlib.Path)
    a = ap.parse_args()
    a.work.mkdir(parents=True, exist_ok=True)
    cities = city_zones(a.source)
    inputs = sorted((a.source / "data" / "examples").glob("*.json"))
    inputs.append(a.source / "tests" / "report" / "ics" / "dst_march_2027.json")
    checked = 0
    for path in inputs:
        inp = json.loads(path.read_text(encoding="utf-8"))
        base = path.stem
        code = run(a.cli, "plan", str(path), "-q", "-o", f"{base}.plan.json", cwd=a.work, ok=(0, 3))
        if code == 3:  # infeasible by design (must-visit-infeasible): no plan to export
            continue
        plan = json.loads((a.work / f"{base}.plan.json").read_text(encoding="utf-8"))
        run(a.cli, "report", f"{base}.plan.json", "--input", str(path), "-o", f"{base}.ics",
            cwd=a.work)
        run(a.cli, "report", f"{base}.plan.json", "--input", str(path), "--format", "ics",
            "-o", f"{base}.again.ics", cwd=a.work)
        raw = (a.work / f"{base}.ics").read_bytes()
        check(raw == (a.work / f"{base}.again.ics").read_bytes(), f"{base}: two runs differ")
        full, series = check_calendar(raw, plan, inp, cities, base)
        checked += 1
        union = {}
        for tr in inp["travellers"]:
            out = f"{base}.{tr['id']}.ics"
            run(a.cli, "report", f"{base}.plan.json", "--input", str(path), "--format", "ics",
                "--traveller", tr["id"], "-o", out, cwd=a.work)
            part, _ = check_calendar((a.work / out).read_bytes(), plan, inp, cities, out, tr["id"])
            for uid, text in part.items():
                check(full.get(uid) == text, f"{out}: event {uid} differs from the full calendar")
            union.update(part)
        check(set(union) == set(full), f"{base}: the travellers' calendars do not add up")
        check_against_calls(a.cli, inp, plan, series, cities)
        if base == "default":
            run(a.cli, "report", "--example", "--format", "ics", "-o", "example.ics", cwd=a.work)
            check((a.work / "example.ics").read_bytes() == raw,
                  "report --example --format ics differs from the default example's plan")
            check(len(series) > 0, "default: no call series")
            # Every series holds exactly the meetings the plan prices (more weeks than meetings).
            for cid, occ in series.items():
                check(len(occ) == priced_meetings(inp, cid),
                      f"default: {cid} holds {len(occ)} meetings, the plan prices "
                      f"{priced_meetings(inp, cid)}")
        if base == "dst_march_2027":
            # Both series cross the US (14 March) and EU (28 March) changes: the anchor's wall
            # time stays, the other side's local start moves by an hour and back.
            for cid, anchor_date in (("lakeside", "Frankfurt"), ("zurich", "New York")):
                occ = series.get(cid, [])
                check(occ and occ[0][0].date() < dt.date(2027, 3, 14)
                      and occ[-1][0].date() > dt.date(2027, 3, 28),
                      f"dst: {cid} series does not span March 2027")
                starts = [there.strftime("%H:%M") for _, there in occ]
                changes = sum(1 for x, y in zip(starts, starts[1:]) if x != y)
                check(changes == 2, f"dst: {cid} ({anchor_date} anchor) client start changes "
                      f"{changes} times: {starts}")
            # lakeside: 4 meetings priced, on 4 of 8 usable Mondays (every other one: two by the
            # rule, two RDATEs); zurich: 12 priced, but the horizon has only 9 Mondays.
            check(len(series.get("lakeside", [])) == 4, "dst: lakeside does not hold 4 meetings")
            check(len(series.get("zurich", [])) == 9, "dst: zurich does not hold all 9 Mondays")
    check(checked >= 4, f"only {checked} plans exported")
    check(len(CROSS_CHECKED) >= 4, f"only {CROSS_CHECKED} call series checked against calls")
    # The readback expanded every encoding the export writes: INTERVAL > 1, EXDATE and RDATE.
    for kind, seen in ENCODINGS.items():
        check(seen > 0, f"no call series with {kind} read back")
    for f in FAILURES:
        print("FAIL:", f)
    print(f"{checked} plans, {len(CROSS_CHECKED)} call series checked against calls --weekly, "
          f"{len(FAILURES)} failures")
    return 1 if FAILURES else 0


if __name__ == "__main__":
    sys.exit(main())
