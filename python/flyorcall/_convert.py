"""The plan JSON (docs/plan.md) as Python values, and back.

Dates (``YYYY-MM-DD``) become ``datetime.date``; UTC instants (``YYYY-MM-DDTHH:MMZ``) aware
``datetime`` in UTC; a leg's local times aware ``datetime`` in the leg's IANA zone (``tz_from`` /
``tz_to``), the same instant as its UTC twin; weekly call slots' clock times (``HH:MM``)
``datetime.time``. Everything else stays as JSON gives it (dicts, lists, str, int, float, None).
"""

import copy
import datetime
import json
from zoneinfo import ZoneInfo

_UTC = datetime.timezone.utc


class _Field:
    """A text field of the plan JSON and its Python type: how to read it and how to write it."""

    def __init__(self, read, write):
        self.read = read
        self.write = write

    def to_python(self, text, parent):
        return self.read(text)

    def to_json(self, value, parent):
        return self.write(value)


_Date = _Field(datetime.date.fromisoformat, datetime.date.isoformat)
_Clock = _Field(datetime.time.fromisoformat, lambda value: value.strftime("%H:%M"))
_Utc = _Field(
    lambda text: datetime.datetime.strptime(text, "%Y-%m-%dT%H:%MZ").replace(tzinfo=_UTC),
    lambda value: value.astimezone(_UTC).strftime("%Y-%m-%dT%H:%MZ"),
)


# A local time with its UTC offset, "2027-03-01T17:00+09:00": an aware datetime at that offset.
_Offset = _Field(datetime.datetime.fromisoformat, lambda value: value.isoformat(timespec="minutes"))


class _Local:
    """A local wall time in the zone named by a sibling field, at the instant of another."""

    def __init__(self, zone_field, utc_field):
        self.zone_field = zone_field
        self.utc_field = utc_field

    def to_python(self, text, parent):
        zone = ZoneInfo(parent[self.zone_field])
        wall = datetime.datetime.strptime(text, "%Y-%m-%dT%H:%M")
        instant = parent[self.utc_field]
        if isinstance(instant, str):
            instant = _Utc.read(instant)
        # The UTC twin decides which of two equal wall times an autumn hour means (fold).
        for fold in (0, 1):
            local = wall.replace(tzinfo=zone, fold=fold)
            if local.astimezone(_UTC) == instant:
                return local
        return wall.replace(tzinfo=zone)

    def to_json(self, value, parent):
        return value.strftime("%Y-%m-%dT%H:%M")


_LEG = {
    "depart_utc": _Utc,
    "arrive_utc": _Utc,
    "depart_local": _Local("tz_from", "depart_utc"),
    "arrive_local": _Local("tz_to", "arrive_utc"),
}
_BRIEFING = {
    "from": _Date,
    "to": _Date,
    "holidays": [{"date": _Date}],
    "events": [{"start": _Date, "end": _Date}],
}
_TRIP = {
    "depart": _Date,
    "back": _Date,
    "legs": [_LEG],
    "stays": [{"arrive": _Date, "depart": _Date}],
    "visits": [{"date": _Date}],
    "briefings": [_BRIEFING],
}
_CALL_SLOT = {
    "traveller_local": _Clock,
    "client_local": _Clock,
    "shifts": [{"from_date": _Date, "client_local": _Clock}],
}
#: Where the plan JSON holds dates, instants and clock times (data/schema/plan.schema.json).
PLAN_FIELDS = {
    "horizon": {"start": _Date, "end": _Date},
    "trips": [_TRIP],
    "clients": [{"call_slot": _CALL_SLOT}],
}


_OCCURRENCE = {"utc": _Utc, "participants": [{"local": _Offset}]}
#: Where `flyorcall holidays --json` and `flyorcall calls --json` hold dates, instants, times.
HOLIDAYS_FIELDS = {"holidays": [{"date": _Date}], "workdays": [_Date]}
CALLS_FIELDS = {
    "from": _Date,
    "to": _Date,
    "starts": [_OCCURRENCE],
    "weekly": [{"anchor_start": _Clock, "occurrences": [_OCCURRENCE]}],
}


def _walk(spec, node, direction):
    """Converts, in place, the fields of ``node`` that ``spec`` names; returns ``node``."""
    if node is None:
        return None
    if isinstance(spec, list):
        if isinstance(spec[0], (dict, list)):
            for item in node:
                _walk(spec[0], item, direction)
        else:
            node[:] = [getattr(spec[0], direction)(item, node) for item in node]
        return node
    converted = {}
    for key, sub in spec.items():
        value = node.get(key)
        if value is None:
            continue
        if isinstance(sub, (dict, list)):
            _walk(sub, value, direction)
        else:
            converted[key] = getattr(sub, direction)(value, node)
    node.update(converted)
    return node


def from_json(text, fields):
    """A verb's JSON text as Python values, converting the places `fields` names."""
    return _walk(fields, json.loads(text), "to_python")


def plan_from_json(text):
    """The plan JSON text as a dict of Python values."""
    return _walk(PLAN_FIELDS, json.loads(text), "to_python")


def plan_to_json(plan):
    """A plan dict (as ``flyorcall.plan`` returns it) as the plan JSON text of docs/plan.md:
    pretty-printed with two spaces and ending in a newline, as ``flyorcall plan --json``."""
    doc = _walk(PLAN_FIELDS, copy.deepcopy(plan), "to_json")
    return json.dumps(doc, indent=2, ensure_ascii=False) + "\n"
