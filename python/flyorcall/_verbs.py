"""The verbs beyond validate and plan: check, report, route, network, holidays, calls, compare
and batch.

Each returns what the command-line tool prints with ``--json``, as Python values (docs/python.md).
"""

import json
import os

from . import _core
from collections.abc import Mapping

from ._convert import CALLS_FIELDS, HOLIDAYS_FIELDS, PLAN_FIELDS, _walk, from_json, plan_to_json
from ._inputs import input_text


def _day(day):
    return "" if day is None else str(day)


def _plan_text(plan):
    # A plan dict (as flyorcall.plan returns it) goes back to its JSON; text and paths as inputs.
    return plan_to_json(plan) if isinstance(plan, Mapping) else input_text(plan)


def check(plan, input):
    """Checks a plan against the input it was made from, as ``flyorcall check INPUT PLAN --json``
    (docs/check.md): ``{"valid": bool, "violations": [{"pointer", "rule", "message"}]}``, each
    pointer into the plan document. ``plan`` is a plan dict (as ``flyorcall.plan`` returns it),
    plan JSON text or a path; ``input`` a dict, JSON text or path. A plan document that cannot
    be read raises InputError with pointers into it."""
    return json.loads(_core.check(input_text(input), _plan_text(plan)))


def report(plan, input=None, format="html", currency="", traveller=""):
    """The quarterly trip report of a plan, as ``flyorcall report PLAN [--input INPUT] --format
    FORMAT`` (docs/report.md, docs/report_ics.md). ``format`` is ``"html"``, ``"md"``,
    ``"csv-stacked"`` or ``"ics"`` (returned as str), ``"xlsx"`` (the workbook as bytes) or
    ``"csv"`` (a dict of file name to CSV text, one per table); ``currency`` shows every amount
    in that currency at the embedded reference rates; ``traveller`` keeps one traveller's
    calendar (with ``"ics"``)."""
    return _core.report(_plan_text(plan), None if input is None else input_text(input), format,
                        currency or "", traveller or "")


def route(origin, destination, cabin=None, input=None, currency="EUR", day=None):
    """The best route between two cities, as ``flyorcall route ORIGIN DESTINATION --json``.

    ``origin`` and ``destination`` are city or airport codes or city names; ``cabin`` forces a
    cabin for every leg; ``input`` plans on that input's network (its currency and changes),
    otherwise the default network in ``currency``; ``day`` (a date or ``YYYY-MM-DD``) builds it
    for that day. A pair with no route gives ``reachable: False`` (the CLI's exit code 3)."""
    text, _ = _core.route(
        origin, destination, cabin or "", None if input is None else input_text(input),
        currency, _day(day)
    )
    return json.loads(text)


def network(input=None, currency="EUR", day=None):
    """Every city, country and leg of a network, as ``flyorcall network --json``."""
    text = _core.network(None if input is None else input_text(input), currency, _day(day))
    return json.loads(text)


def holidays(country, year):
    """A country's public holidays in a year, as ``flyorcall holidays COUNTRY YEAR --json``,
    with dates as ``datetime.date``. ``country`` is an ISO code or English name."""
    return from_json(_core.holidays(str(country), str(year)), HOLIDAYS_FIELDS)


def calls(participants, start, end, duration=60, grid=15, weekly=False, rotate=False, top=5,
          options=3, far_weight=None, night_weight=None):
    """Call slots across time zones, as ``flyorcall calls -p ... --from START --to END --json``
    (docs/calls.md). ``participants`` are ``NAME:ZONE[#CC][@HOURS][*WEIGHT]`` strings; ``start``
    and ``end`` dates (or ``YYYY-MM-DD``). Dates become ``datetime.date``, UTC starts aware UTC
    datetimes, local times aware datetimes at their UTC offset, clock times ``datetime.time``."""
    text = _core.calls(list(participants), str(start), str(end), duration, grid, weekly, rotate,
                       top, options, far_weight, night_weight)
    return from_json(text, CALLS_FIELDS)


def _scenario_text(value):
    text = input_text(value)
    return text.decode("utf-8", "replace") if isinstance(text, bytes) else text


def compare(base, scenarios=(), sets=(), group=False, sweep=None, method="search", effort=None,
            jobs=0, base_name="<base>"):
    """What-if: plans ``base`` and its scenarios and compares them, as ``flyorcall compare
    ... --format json`` (docs/compare.md).

    ``scenarios`` are JSON Merge Patches: a mapping of name to patch (dict, JSON text or path) or
    a list of paths (named by their path); ``sets`` are ``/json/pointer=VALUE`` assignments;
    ``sweep`` is ``/json/pointer=FROM:TO:STEP``. Bad scenarios raise InputError with every
    problem, each message naming its scenario."""
    if isinstance(scenarios, dict):
        named = [(str(name), _scenario_text(patch)) for name, patch in scenarios.items()]
    else:
        named = [(str(path), _scenario_text(path)) for path in scenarios]
    if isinstance(base, (str, os.PathLike)) and not str(base).lstrip().startswith("{"):
        base_name = str(base)
    text = _core.compare(input_text(base), base_name, named, list(sets), group, sweep or "",
                         method, effort, jobs)
    return json.loads(text)


def _batch_values(lines_text):
    lines = [json.loads(line) for line in lines_text.splitlines()]
    for line in lines:
        if "plan" in line:
            _walk(PLAN_FIELDS, line["plan"], "to_python")
    return lines


def batch(inputs, method="search", effort=None, jobs=0):
    """Plans many inputs in parallel (``jobs`` threads, 0: one per hardware thread), as
    ``flyorcall batch INPUT...``: one dict per input, in input order, each with ``index``,
    ``source``, ``time_limit_reached`` and ``plan`` (Python values as ``plan`` returns), or
    ``error`` (docs/batch.md). A path's source is the path; another input's ``<input N>``."""
    documents = []
    for i, item in enumerate(inputs):
        is_path = isinstance(item, os.PathLike) or (
            isinstance(item, str) and not item.lstrip().startswith("{"))
        documents.append((str(item) if is_path else f"<input {i}>", input_text(item)))
    text, _ = _core.batch_documents(documents, method, effort, jobs)
    return _batch_values(text)


def batch_jsonl(jsonl, source=None, method="search", effort=None, jobs=0):
    """``flyorcall batch --jsonl FILE``: ``jsonl`` is a path to a JSON Lines file, or its text
    (str starting with ``{``, or bytes) with ``source`` naming it. Returns ``(text, code)``: every output line, byte for
    byte what the command writes, and its exit code."""
    if isinstance(jsonl, (bytes, bytearray)):
        text = bytes(jsonl)
    elif isinstance(jsonl, str) and jsonl.lstrip().startswith("{"):
        text = jsonl.encode()
    else:
        source = str(jsonl) if source is None else source
        with open(jsonl, "rb") as f:
            text = f.read()
    return _core.batch_jsonl(text, source or "<jsonl>", method, effort, jobs)


def jsonl_documents(text):
    """The documents of a JSON Lines text (str or bytes): ``(line number, document bytes)`` for
    every non-blank line (numbers from 1, blank lines counted), as ``flyorcall batch --jsonl``
    reads them."""
    return _core.jsonl_documents(text)


def batch_line(document, index, source, line=None, method="search", effort=None):
    """The output line ``flyorcall batch`` writes for one input (without its newline) and its exit
    code: ``index`` is its place in the batch (from 0), ``source`` and ``line`` name it. The same
    bytes as in a whole batch, so a batch can be sharded over processes or machines
    (docs/python.md, "Batches on Dask")."""
    return _core.batch_line(input_text(document), index, source, line, method, effort)


def batch_exit_code(codes):
    """The exit code of a whole batch from its lines' codes (docs/batch.md, "Exit code"): 0 when
    every input was planned, 1 if any line is internal, else the highest code."""
    codes = list(codes)
    return 1 if 1 in codes else max(codes, default=0)
