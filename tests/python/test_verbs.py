"""route, network, holidays, calls, compare and batch against the command-line tool's --json."""

import copy
import datetime
import json

import pytest

import flyorcall
from flyorcall._convert import CALLS_FIELDS, HOLIDAYS_FIELDS, PLAN_FIELDS, _walk
from conftest import EXAMPLES, run_cli


def cli_json(*args):
    _, out, _ = run_cli(*args)
    return json.loads(out)


def as_json(value, fields):
    """Python values written back to the JSON form of their verb."""
    return _walk(fields, copy.deepcopy(value), "to_json")


def cli_problems(*args):
    code, _, err = run_cli(*args, "--error-format", "json", check=False)
    return code, [(p["pointer"], p["message"]) for p in json.loads(err)["problems"]]


def test_route_is_the_clis():
    assert flyorcall.route("FRA", "SIN") == cli_json("route", "FRA", "SIN", "--json")
    assert flyorcall.route("fra", "Chicago", cabin="business", day="2027-02-01") == cli_json(
        "route", "fra", "Chicago", "--cabin", "business", "--date", "2027-02-01", "--json")
    small = EXAMPLES / "small.json"
    assert flyorcall.route("AMS", "NYC", input=small) == cli_json(
        "route", "AMS", "NYC", "--input", small, "--json")
    code, expected = cli_problems("route", "FRA", "XXQ")
    with pytest.raises(flyorcall.InputError) as caught:
        flyorcall.route("FRA", "XXQ")
    assert code == 2 and caught.value.problems == expected


def test_network_is_the_clis():
    assert flyorcall.network(currency="USD") == cli_json("network", "--currency", "USD", "--json")
    small = EXAMPLES / "small.json"
    assert flyorcall.network(input=small, day=datetime.date(2027, 2, 1)) == cli_json(
        "network", "--input", small, "--date", "2027-02-01", "--json")


def test_holidays_are_the_clis_with_dates():
    got = flyorcall.holidays("Germany", 2027)
    assert got["holidays"][0]["date"] == datetime.date(2027, 1, 1)
    assert all(type(h["date"]) is datetime.date for h in got["holidays"])
    assert as_json(got, HOLIDAYS_FIELDS) == cli_json("holidays", "Germany", "2027", "--json")
    cn = flyorcall.holidays("CN", 2027)
    assert as_json(cn, HOLIDAYS_FIELDS) == cli_json("holidays", "CN", "2027", "--json")
    code, expected = cli_problems("holidays", "DE", "1999")
    with pytest.raises(flyorcall.InputError) as caught:
        flyorcall.holidays("DE", 1999)
    assert code == 2 and caught.value.problems == expected


PARTICIPANTS = ["client:Asia/Tokyo@09:00-18:00*3", "me:Europe/Berlin", "ny:America/New_York"]


@pytest.mark.parametrize("weekly", [False, True])
def test_calls_are_the_clis_with_dates_and_instants(weekly):
    got = flyorcall.calls(PARTICIPANTS, datetime.date(2027, 3, 1), "2027-03-31", weekly=weekly)
    args = ["calls", *[a for p in PARTICIPANTS for a in ("-p", p)], "--from", "2027-03-01",
            "--to", "2027-03-31", "--json"] + (["--weekly"] if weekly else [])
    assert as_json(got, CALLS_FIELDS) == cli_json(*args)
    assert got["from"] == datetime.date(2027, 3, 1)
    first = (got["weekly"][0]["occurrences"] if weekly else got["starts"])[0]
    assert first["utc"].tzinfo is datetime.timezone.utc
    for p in first["participants"]:
        assert p["local"] == first["utc"]  # the same instant at the participant's offset


def test_bad_calls_are_input_errors():
    code, expected = cli_problems("calls", "-p", "a:Mars/Base", "--from", "2027-03-01",
                                  "--to", "2027-03-02")
    with pytest.raises(flyorcall.InputError) as caught:
        flyorcall.calls(["a:Mars/Base"], "2027-03-01", "2027-03-02")
    assert code == 2 and caught.value.problems == expected


def test_compare_is_the_clis(tmp_path):
    small = EXAMPLES / "small.json"
    patch = tmp_path / "dear.json"
    patch.write_text(json.dumps({"policy": {"carbon_price_per_t": 400}}))
    expected = cli_json("compare", small, patch, "--set", "/seed=3", "--method", "greedy",
                        "--format", "json")
    got = flyorcall.compare(small, [patch], sets=["/seed=3"], method="greedy")
    assert got == expected
    named = flyorcall.compare(small, {str(patch): {"policy": {"carbon_price_per_t": 400}}},
                              sets=["/seed=3"], method="greedy")
    assert named == expected
    sweep = flyorcall.compare(small, sweep="/policy/carbon_price_per_t=0:200:100", method="greedy")
    assert sweep == cli_json("compare", small, "--sweep", "/policy/carbon_price_per_t=0:200:100",
                             "--method", "greedy", "--format", "json")


def test_bad_scenarios_are_one_input_error_naming_them(tmp_path):
    small = EXAMPLES / "small.json"
    bad = tmp_path / "bad.json"
    bad.write_text(json.dumps({"clients": [{"id": "x", "city": "XXQ", "visit_value": 5}]}))
    code, expected = cli_problems("compare", small, bad, "--method", "greedy")
    with pytest.raises(flyorcall.InputError) as caught:
        flyorcall.compare(small, [bad], method="greedy")
    assert code == 2 and caught.value.problems == expected
    assert all(m.startswith(f'scenario "{bad}": ') for _, m in caught.value.problems)


@pytest.fixture
def jsonl(tmp_path):
    docs = [json.loads((EXAMPLES / name).read_text())
            for name in ("small.json", "two-travellers.json", "must-visit-infeasible.json")]
    lines = [json.dumps(docs[0]), "", json.dumps(docs[1]), '{"quarter": "2027-Q9"}',
             json.dumps(docs[2]), json.dumps(docs[0])]
    path = tmp_path / "team.jsonl"
    path.write_text("\n".join(lines) + "\n")
    return path


def test_batch_jsonl_is_byte_for_byte_the_clis(jsonl):
    code, out, _ = run_cli("batch", "--jsonl", jsonl, "--method", "greedy", "--jobs", "2",
                           check=False)
    assert code == 3
    assert flyorcall.batch_jsonl(jsonl, method="greedy", jobs=2) == (out.decode(), code)
    # The same lines one at a time, as a shard of a batch computes them.
    documents = flyorcall.jsonl_documents(jsonl.read_bytes())
    assert [n for n, _ in documents] == [1, 3, 4, 5, 6]
    lines = [flyorcall.batch_line(doc, i, str(jsonl), n, method="greedy")
             for i, (n, doc) in enumerate(documents)]
    assert "".join(text + "\n" for text, _ in lines) == out.decode()
    assert [c for _, c in lines] == [0, 0, 2, 3, 0]
    assert flyorcall.batch_exit_code(c for _, c in lines) == code


def test_batch_of_inputs_is_the_clis():
    paths = [EXAMPLES / "small.json", EXAMPLES / "must-visit-infeasible.json",
             EXAMPLES / "two-travellers.json"]
    code, out, _ = run_cli("batch", *paths, "--method", "greedy", check=False)
    got = flyorcall.batch(paths, method="greedy", jobs=2)
    assert code == 3
    expected = [json.loads(line) for line in out.decode().splitlines()]
    written = [dict(line, plan=_walk(PLAN_FIELDS, copy.deepcopy(line["plan"]), "to_json"))
               if "plan" in line else line for line in got]
    assert written == expected
    assert type(got[0]["plan"]["horizon"]["start"]) is datetime.date
    assert got[1]["error"]["code"] == 3
    docs = flyorcall.batch([{"quarter": "2027-Q9"}], method="greedy")
    assert docs[0]["source"] == "<input 0>" and docs[0]["error"]["code"] == 2


def test_check_is_the_clis(tmp_path):
    small = EXAMPLES / "small.json"
    plan = flyorcall.plan(small)
    plan_file = tmp_path / "small.plan.json"
    plan_file.write_text(flyorcall.plan_to_json(plan))
    expected = cli_json("check", small, plan_file, "--json")
    assert expected["valid"]
    assert flyorcall.check(plan, small) == expected
    assert flyorcall.check(plan_file, small) == expected
    # A fare the network does not charge is found, with its pointer into the plan.
    broken = copy.deepcopy(plan)
    broken["trips"][0]["legs"][0]["fare"] += 100
    broken_file = tmp_path / "broken.plan.json"
    broken_file.write_text(flyorcall.plan_to_json(broken))
    code, out, _ = run_cli("check", small, broken_file, "--json", check=False)
    got = flyorcall.check(broken, small)
    assert code == 3 and got == json.loads(out) and not got["valid"]
    assert any(v["pointer"].startswith("/trips/0/legs/0") for v in got["violations"])
    with pytest.raises(flyorcall.InputError) as caught:
        flyorcall.check('{"trips": 1}', small)
    assert caught.value.problems


def test_report_is_the_clis(tmp_path):
    small = EXAMPLES / "small.json"
    plan_file = tmp_path / "small.plan.json"
    plan_file.write_text(flyorcall.plan_json(small))
    plan = flyorcall.plan(small)
    for fmt in ("html", "md", "csv-stacked", "ics"):
        _, out, _ = run_cli("report", plan_file, "--input", small, "--format", fmt)
        assert flyorcall.report(plan, small, format=fmt) == out.decode(), fmt
    _, usd, _ = run_cli("report", plan_file, "--format", "md", "--currency", "USD")
    assert flyorcall.report(plan_file, format="md", currency="USD") == usd.decode()
    xlsx = tmp_path / "small.xlsx"
    run_cli("report", plan_file, "--input", small, "-o", xlsx)
    assert flyorcall.report(plan, small, format="xlsx") == xlsx.read_bytes()
    tables = tmp_path / "tables"
    tables.mkdir()
    run_cli("report", plan_file, "--input", small, "--format", "csv", "-o", tables)
    files = flyorcall.report(plan, small, format="csv")
    assert sorted(files) == sorted(p.name for p in tables.iterdir())
    assert all(files[p.name] == p.read_bytes().decode() for p in tables.iterdir())  # CRLF kept
    with pytest.raises(flyorcall.InputError):
        flyorcall.report(plan, small, format="pdf")
