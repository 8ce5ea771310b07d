"""flyorcall from Python: which clients are worth a trip this quarter (docs/python.md).

    >>> import flyorcall
    >>> plan = flyorcall.plan("data/examples/default.json")
    >>> plan["totals"]["net"]

An input is a dict, JSON text or a path to a JSON file (docs/input.md). Results are Python
values: dicts and lists as in the plan JSON (docs/plan.md), with dates as ``datetime.date``,
instants as aware ``datetime`` and weekly clock times as ``datetime.time``. Errors are
``flyorcall.Error`` subclasses whose ``code`` is the command-line tool's exit code.
"""

from . import _core
from ._convert import plan_from_json, plan_to_json
from ._errors import Error, InfeasibleError, InputError, InternalError, TimeLimitError
from ._frames import TABLES, plan_frame, plan_frames
from ._inputs import input_text
from ._verbs import (
    batch,
    batch_exit_code,
    batch_jsonl,
    batch_line,
    calls,
    check,
    compare,
    holidays,
    jsonl_documents,
    network,
    report,
    route,
)

__version__ = _core.version

__all__ = [
    "Error",
    "InfeasibleError",
    "InputError",
    "InternalError",
    "TABLES",
    "TimeLimitError",
    "batch",
    "batch_exit_code",
    "batch_jsonl",
    "batch_line",
    "calls",
    "check",
    "compare",
    "holidays",
    "jsonl_documents",
    "network",
    "plan",
    "plan_frame",
    "plan_frames",
    "plan_from_json",
    "plan_json",
    "plan_summary",
    "plan_to_json",
    "report",
    "route",
    "validate",
]


def _fares(fares):
    # A company fare table (docs/input.md, "Company fares"): a path, or CSV text (with a newline).
    if fares is None:
        return None
    if isinstance(fares, str) and "\n" in fares:
        return _core.FaresTable(fares, "<fares>")
    with open(fares, "rb") as f:
        return _core.FaresTable(f.read(), str(fares))


def validate(input, fares=None):
    """Reads and validates an input, with the company fare table ``fares`` (a path or CSV text)
    when given, as ``flyorcall validate [--fares FILE]``; raises InputError listing every problem
    with its JSON Pointer (a fare table's problems name its line). Returns what the input holds:
    ``label``, ``start`` and ``end`` (datetime.date), ``currency`` and the numbers of
    ``travellers``, ``clients`` and ``events``."""
    return _core.validate(input_text(input), _fares(fares))


def _planned(input, method, effort, seed, time_limit, fares):
    if not isinstance(method, str):
        raise TypeError('method must be a str: "search", "greedy" or "exact"')
    return _core.plan(input_text(input), method, effort, seed, time_limit, _fares(fares))


def plan(input, method="search", effort=None, seed=None, time_limit=None, fares=None):
    """Plans the input's quarter and returns the plan (docs/plan.md) as Python values.

    ``method`` is ``"search"`` (the default), ``"greedy"`` or ``"exact"``; ``effort`` (1 to 5),
    ``seed`` and ``time_limit`` (seconds) override the input's ``policy.effort``, ``seed`` and
    ``time_limit_s`` as ``flyorcall plan --effort/--seed/--time-limit`` do; ``fares``, a company
    fare table (a path or CSV text), replaces the modelled fares of its city pairs as ``--fares``
    does. The same input and
    arguments give the same plan on any machine. The GIL is released while planning, so several
    threads plan at once.
    """
    return plan_from_json(plan_json(input, method, effort, seed, time_limit, fares))


def plan_json(input, method="search", effort=None, seed=None, time_limit=None, fares=None):
    """The plan as JSON text, byte for byte what ``flyorcall plan --json`` writes."""
    return _planned(input, method, effort, seed, time_limit, fares)[0]


def plan_summary(input, method="search", effort=None, seed=None, time_limit=None, fares=None):
    """The plan's readable summary, as ``flyorcall plan`` prints it on a terminal."""
    return _planned(input, method, effort, seed, time_limit, fares)[1]
