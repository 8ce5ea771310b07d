"""flyorcall.plan / plan_json / plan_summary / validate against the command-line tool."""

import datetime
import json
import math
import pathlib
from zoneinfo import ZoneInfo

import pytest

import flyorcall
from conftest import EXAMPLES, SOURCE, run_cli


def test_version_is_the_libraries():
    _, out, _ = run_cli("--version")
    assert flyorcall.__version__ in out.decode()
    assert flyorcall.plan_json(EXAMPLES / "small.json", method="greedy").find(
        f'"flyorcall": "{flyorcall.__version__}"'
    ) > 0


@pytest.mark.parametrize(
    "example, args",
    [
        ("small.json", []),
        ("two-travellers.json", ["--method", "greedy"]),
        ("small.json", ["--method", "exact"]),
        ("default.json", ["--seed", "7", "--effort", "1"]),
    ],
)
def test_plan_json_is_byte_for_byte_the_clis(example, args):
    _, expected, _ = run_cli("plan", EXAMPLES / example, "--json", *args)
    kwargs = {}
    if "--method" in args:
        kwargs["method"] = args[args.index("--method") + 1]
    if "--seed" in args:
        kwargs["seed"] = int(args[args.index("--seed") + 1])
    if "--effort" in args:
        kwargs["effort"] = int(args[args.index("--effort") + 1])
    assert flyorcall.plan_json(EXAMPLES / example, **kwargs).encode() == expected
    # The Python values hold the same plan: written back, they are the CLI's bytes again.
    assert flyorcall.plan_to_json(flyorcall.plan(EXAMPLES / example, **kwargs)).encode() == expected


def test_summary_is_what_the_cli_prints(small):
    _, expected, _ = run_cli("plan", small)
    assert flyorcall.plan_summary(small).encode() == expected


def test_every_input_form_plans_alike(small, small_doc):
    expected = flyorcall.plan_json(small)
    text = small.read_text()
    assert flyorcall.plan_json(str(small)) == expected
    assert flyorcall.plan_json(text) == expected
    assert flyorcall.plan_json(text.encode()) == expected
    assert flyorcall.plan_json(small_doc) == expected
    # Dates in a dict may be datetime.date.
    small_doc["start"] = datetime.date(2027, 1, 11)
    assert flyorcall.plan_json(small_doc) == expected
    with pytest.raises(TypeError):
        flyorcall.plan(42)
    with pytest.raises(FileNotFoundError):
        flyorcall.plan(str(small) + ".missing")


def _walk_schema(schema, node, value, defs, found):
    """Checks that each value the schema declares a date, UTC instant or clock time has the
    Python type the package promises; counts each kind in `found`."""
    if "$ref" in node:
        name = node["$ref"].rsplit("/", 1)[1]
        if name == "date":
            assert type(value) is datetime.date, value
            found["date"] += 1
            return
        if name == "clock":
            assert type(value) is datetime.time, value
            found["clock"] += 1
            return
        node = defs[name]
    if "anyOf" in node:
        if value is None:
            return
        node = next(n for n in node["anyOf"] if n.get("type") != "null")
        _walk_schema(schema, node, value, defs, found)
        return
    if node.get("pattern", "").endswith("Z$"):
        assert isinstance(value, datetime.datetime), value
        assert value.utcoffset() == datetime.timedelta(0) and value.tzinfo is datetime.timezone.utc
        found["utc"] += 1
        return
    kind = node.get("type")
    if kind == "object" or "properties" in node:
        for key, sub in node.get("properties", {}).items():
            if key in value:
                _walk_schema(schema, sub, value[key], defs, found)
    elif kind == "array" and "items" in node:
        for item in value:
            _walk_schema(schema, node["items"], item, defs, found)
    elif isinstance(value, str):
        # A string the schema does not call a date, instant or clock time stays text.
        assert not isinstance(value, (datetime.date, datetime.time))


def test_dates_instants_and_clock_times_are_python_values():
    plan = flyorcall.plan(EXAMPLES / "default.json", method="greedy")
    schema = json.loads((SOURCE / "data" / "schema" / "plan.schema.json").read_text())
    found = {"date": 0, "clock": 0, "utc": 0}
    _walk_schema(schema, schema, plan, schema["$defs"], found)
    assert found["date"] > 100 and found["clock"] > 0 and found["utc"] > 20, found
    legs = [leg for trip in plan["trips"] for leg in trip["legs"]]
    for leg in legs:
        # A leg's local times are the same instants as its UTC times, in the leg's own zones.
        assert leg["depart_local"].tzinfo == ZoneInfo(leg["tz_from"])
        assert leg["arrive_local"].tzinfo == ZoneInfo(leg["tz_to"])
        assert leg["depart_local"] == leg["depart_utc"]
        assert leg["arrive_local"] == leg["arrive_utc"]
        assert leg["arrive_utc"] - leg["depart_utc"] == datetime.timedelta(minutes=leg["block_min"])
    assert plan["horizon"]["start"] == datetime.date(2027, 1, 1)


def test_validate_describes_the_input(small):
    info = flyorcall.validate(small)
    assert info == {
        "label": "2027-01-11..2027-03-26",
        "start": datetime.date(2027, 1, 11),
        "end": datetime.date(2027, 3, 26),
        "currency": "EUR",
        "travellers": 1,
        "clients": 3,
        "events": 0,
    }
    _, out, _ = run_cli("validate", small)
    assert "valid: 2027-01-11..2027-03-26, 1 traveller, 3 clients, 0 events, currency EUR" in out.decode()


def _cli_problems(path):
    code, _, err = run_cli("validate", path, "--error-format", "json", check=False)
    doc = json.loads(err)
    return code, [(p["pointer"], p["message"]) for p in doc["problems"]]


def test_input_error_carries_every_problem_with_its_pointer(small_doc, tmp_path):
    small_doc["clients"][0]["city"] = "XXQ"
    small_doc["travellers"][0]["cost_per_day"] = -5
    small_doc["clients"][2]["remote_meetings"] = "four"
    path = tmp_path / "bad.json"
    path.write_text(json.dumps(small_doc))
    code, expected = _cli_problems(path)
    assert code == 2 and len(expected) >= 3
    for call in (flyorcall.validate, flyorcall.plan, flyorcall.plan_json, flyorcall.plan_summary):
        with pytest.raises(flyorcall.InputError) as caught:
            call(small_doc)
        error = caught.value
        assert error.problems == expected
        assert error.code == 2
        assert isinstance(error, flyorcall.Error) and isinstance(error, ValueError)
    pointers = [p for p, _ in expected]
    assert "/clients/0/city" in pointers and "/travellers/0/cost_per_day" in pointers
    assert "/clients/2/remote_meetings" in pointers


def test_text_that_is_not_json_is_an_input_error():
    with pytest.raises(flyorcall.InputError) as caught:
        flyorcall.validate('{"start": ')
    assert caught.value.code == 2 and len(caught.value.problems) == 1
    with pytest.raises(flyorcall.InputError):
        flyorcall.validate(b'{"start": "2027-01-11", \xff}')


def test_arguments_out_of_range_are_input_errors_like_the_clis(small):
    code, _, _ = run_cli("plan", small, "--effort", "6", check=False)
    assert code == 2
    with pytest.raises(flyorcall.InputError) as caught:
        flyorcall.plan(small, effort=6)
    assert caught.value.problems == [("", "effort: expected an integer from 1 to 5, found 6")]
    code, _, _ = run_cli("plan", small, "--time-limit", "nan", check=False)
    assert code == 2
    with pytest.raises(flyorcall.InputError) as caught:
        flyorcall.plan(small, time_limit=math.nan)
    assert caught.value.problems[0][1].startswith("time_limit_s: expected a number from 0.1")
    with pytest.raises(ValueError, match="method must be"):
        flyorcall.plan(small, method="fastest")


def test_infeasible_input_is_infeasible_error_with_pointer():
    path = EXAMPLES / "must-visit-infeasible.json"
    code, _, err = run_cli("plan", path, "--error-format", "json", check=False)
    assert code == 3
    expected = json.loads(err)["problems"][0]
    with pytest.raises(flyorcall.InfeasibleError) as caught:
        flyorcall.plan(path)
    assert caught.value.code == 3
    assert caught.value.pointer == expected["pointer"]
    assert str(caught.value) == expected["message"]


def test_time_limit_before_any_plan_is_time_limit_error(tmp_path):
    doc = json.loads((EXAMPLES / "default.json").read_text())
    del doc["clients"][12:]
    doc["time_limit_s"] = 0.1
    with pytest.raises(flyorcall.TimeLimitError) as caught:
        flyorcall.plan(doc, method="exact")
    assert caught.value.code == 4
    assert "method exact reached its time limit (time_limit_s 0.1 s)" in str(caught.value)
    path = tmp_path / "twelve.json"
    path.write_text(json.dumps(doc))
    code, _, err = run_cli("plan", path, "--method", "exact", "--error-format", "json", check=False)
    assert code == 4 and json.loads(err)["problems"][0]["message"] == str(caught.value)


def test_a_company_fare_table_is_the_clis(tmp_path):
    default = EXAMPLES / "default.json"
    fares = tmp_path / "fares.csv"
    fares.write_text("from,to,cabin,amount,trip\nIST,SIN,business,1000,return\n")
    _, out, _ = run_cli("plan", default, "--json", "--fares", fares)
    assert flyorcall.plan_json(default, fares=fares) == out.decode()
    assert flyorcall.plan_json(default, fares=fares.read_text()) == out.decode()
    assert flyorcall.plan_json(default) != out.decode()
    assert flyorcall.validate(default, fares=fares)["clients"] > 0
    bad = tmp_path / "bad.csv"
    bad.write_text("from,to,cabin,amount\nFRA,NYC,economy,640\nFRA,GRU,coach,640\n")
    code, _, err = run_cli("validate", default, "--fares", bad, "--error-format", "json",
                           check=False)
    with pytest.raises(flyorcall.InputError) as caught:
        flyorcall.validate(default, fares=bad)
    assert code == 2
    assert caught.value.problems == [(p["pointer"], p["message"])
                                     for p in json.loads(err)["problems"]]
