#!/usr/bin/python3
"""The JSON Schemas of data/schema/ checked with an independent validator (Debian's
python3-jsonschema, draft 2020-12) against the examples, the outputs and the reader:

- each schema is a valid draft 2020-12 schema;
- every example input validates, and so does its "$schema" reference;
- an editor-style check with the schema alone rejects a misspelt key and a wrong type;
- shapes: a key added to any object of an example, or any value of an example replaced by one of
  another JSON type, is rejected by the reader (`flyorcall validate`, problem at that pointer) and
  by the schema alike;
- every golden plan, plans of every method, a comparison (with an infeasible scenario) and batch
  lines (with an error line) validate against plan, compare and batch-line schemas.

Run by ctest as `/usr/bin/python3 tests/schema/test_schema.py --cli build/release/flyorcall`.
"""

import argparse
import copy
import json
import pathlib
import subprocess
import sys
import tempfile
import unittest

import jsonschema

ROOT = pathlib.Path(__file__).resolve().parents[2]
SCHEMAS = ROOT / "data" / "schema"
EXAMPLES = sorted((ROOT / "data" / "examples").glob("*.json"))
CLI = None


def validator(name):
    """A draft 2020-12 validator of data/schema/<name>; references between the schemas
    ("plan.schema.json") resolve to the files beside it."""
    store = {}
    for path in SCHEMAS.glob("*.json"):
        store[path.as_uri()] = json.loads(path.read_text(encoding="utf-8"))
    schema = store[(SCHEMAS / name).as_uri()]
    resolver = jsonschema.RefResolver(base_uri=(SCHEMAS / name).as_uri(), referrer=schema,
                                      store=store)
    return jsonschema.Draft202012Validator(schema, resolver=resolver)


def errors(v, doc):
    return sorted(e.message for e in v.iter_errors(doc))


def pointer(tokens):
    return "".join("/" + str(t).replace("~", "~0").replace("/", "~1") for t in tokens)


def walk(doc, tokens=()):
    """(tokens, value) of every value of doc, the document itself first."""
    yield tokens, doc
    if isinstance(doc, dict):
        for k, v in doc.items():
            yield from walk(v, tokens + (k,))
    elif isinstance(doc, list):
        for i, v in enumerate(doc):
            yield from walk(v, tokens + (i,))


def set_at(doc, tokens, value):
    node = doc
    for t in tokens[:-1]:
        node = node[t]
    node[tokens[-1]] = value


def other_type(value):
    """A value of another JSON type."""
    if isinstance(value, bool):
        return "yes"
    if isinstance(value, (int, float)):
        return str(value)
    if isinstance(value, str):
        return 12
    return None


def reader_problems(doc):
    """The pointers `flyorcall validate` names for doc (empty when it is valid)."""
    with tempfile.NamedTemporaryFile("w", suffix=".json", encoding="utf-8") as f:
        json.dump(doc, f)
        f.flush()
        run = subprocess.run([CLI, "validate", f.name, "--error-format", "json"],
                             capture_output=True, text=True, check=False)
    if run.returncode == 0:
        return {}
    assert run.returncode == 2, run.stderr
    out = {}
    for p in json.loads(run.stderr)["problems"]:
        out.setdefault(p["pointer"], []).append(p["message"])
    return out


class InputSchema(unittest.TestCase):
    def setUp(self):
        self.v = validator("input.schema.json")

    def test_schema_is_valid_draft_2020_12(self):
        for path in sorted(SCHEMAS.glob("*.json")):
            schema = json.loads(path.read_text(encoding="utf-8"))
            self.assertEqual(schema["$schema"], "https://json-schema.org/draft/2020-12/schema")
            jsonschema.Draft202012Validator.check_schema(schema)

    def test_every_example_validates_and_names_the_schema(self):
        self.assertGreaterEqual(len(EXAMPLES), 4)
        for path in EXAMPLES:
            with self.subTest(example=path.name):
                doc = json.loads(path.read_text(encoding="utf-8"))
                self.assertEqual(errors(self.v, doc), [])
                ref = (path.parent / doc["$schema"]).resolve()
                self.assertEqual(ref, (SCHEMAS / "input.schema.json").resolve())

    def test_misspelt_key_and_wrong_type_are_rejected(self):
        doc = json.loads((ROOT / "data" / "examples" / "small.json").read_text(encoding="utf-8"))
        self.assertEqual(errors(self.v, doc), [])
        misspelt = copy.deepcopy(doc)
        misspelt["clients"][0]["citty"] = misspelt["clients"][0].pop("city")
        self.assertTrue(any("citty" in e for e in errors(self.v, misspelt)), errors(self.v, misspelt))
        wrong = copy.deepcopy(doc)
        wrong["travellers"][0]["cost_per_day"] = "800"
        self.assertTrue(any("'800' is not of type" in e for e in errors(self.v, wrong)))
        top = copy.deepcopy(doc)
        top["cleints"] = top.pop("clients")
        self.assertNotEqual(errors(self.v, top), [])

    def test_shapes_the_reader_rejects_the_schema_rejects(self):
        for name in ("default.json", "two-travellers.json"):
            base = json.loads((ROOT / "data" / "examples" / name).read_text(encoding="utf-8"))
            self.assertEqual(reader_problems(base), {})
            # All mutations at once for the reader (it lists every problem with its pointer),
            # one at a time for the schema.
            with_keys = copy.deepcopy(base)
            with_types = copy.deepcopy(base)
            key_ptrs, type_ptrs = [], []
            for tokens, value in list(walk(base)):
                if isinstance(value, dict):
                    single = copy.deepcopy(base)
                    target = single
                    for t in tokens:
                        target = target[t]
                    target["zz_unknown"] = 1
                    with self.subTest(example=name, added_key=pointer(tokens)):
                        self.assertNotEqual(errors(self.v, single), [])
                    node = with_keys
                    for t in tokens:
                        node = node[t]
                    node["zz_unknown"] = 1
                    key_ptrs.append(pointer(tokens + ("zz_unknown",)))
                elif tokens and tokens[-1] != "$schema" and other_type(value) is not None:
                    single = copy.deepcopy(base)
                    set_at(single, tokens, other_type(value))
                    with self.subTest(example=name, wrong_type=pointer(tokens)):
                        self.assertNotEqual(errors(self.v, single), [])
                    set_at(with_types, tokens, other_type(value))
                    type_ptrs.append(pointer(tokens))
            self.assertGreater(len(type_ptrs), 50)
            found = reader_problems(with_keys)
            for p in key_ptrs:
                with self.subTest(example=name, reader_added_key=p):
                    self.assertIn(p, found)
            found = reader_problems(with_types)
            for p in type_ptrs:
                with self.subTest(example=name, reader_wrong_type=p):
                    self.assertIn(p, found)


def run_cli(*args, code=0):
    run = subprocess.run([CLI, *args], capture_output=True, text=True, check=False, cwd=ROOT)
    assert run.returncode == code, (args, run.returncode, run.stderr[:2000])
    return run.stdout


class OutputSchemas(unittest.TestCase):
    """Every golden plan and outputs made now validate against the plan, compare and batch-line
    schemas; and the schemas are strict, so a changed output cannot slip through."""

    def test_golden_plans_validate(self):
        v = validator("plan.schema.json")
        goldens = sorted((ROOT / "tests").glob("**/*.plan.json"))
        self.assertGreaterEqual(len(goldens), 3)
        for path in goldens:
            with self.subTest(plan=str(path.relative_to(ROOT))):
                self.assertEqual(errors(v, json.loads(path.read_text(encoding="utf-8"))), [])

    def test_plans_of_every_method_validate(self):
        v = validator("plan.schema.json")
        for example, methods in (("small.json", ("greedy", "search", "exact")),
                                 ("two-travellers.json", ("greedy", "search")),
                                 ("default.json", ("search",))):
            for method in methods:
                with self.subTest(example=example, method=method):
                    out = run_cli("plan", "data/examples/" + example, "--json", "--method", method,
                                  "--effort", "1")
                    plan = json.loads(out)
                    self.assertEqual(errors(v, plan), [])
        # The schema is strict: a key the writer does not write, or a missing one, fails.
        plan = json.loads(run_cli("plan", "data/examples/default.json", "--json", "--effort", "1"))
        strict = copy.deepcopy(plan)
        strict["trips"][0]["surprise"] = 1
        self.assertNotEqual(errors(v, strict), [])
        strict = copy.deepcopy(plan)
        del strict["totals"]["net"]
        self.assertNotEqual(errors(v, strict), [])

    def test_comparison_validates(self):
        v = validator("compare.schema.json")
        out = run_cli("compare", "data/examples/default.json", "--set",
                      "/policy/budget/money=45000", "--set", "/clients/0/must_visit=true",
                      "--set", "/policy/budget/days=0", "--sweep",
                      "/policy/carbon_price_per_t=0:200:200", "--format", "json", "--method",
                      "greedy")
        doc = json.loads(out)
        self.assertEqual(errors(v, doc), [])
        feasible = [s["feasible"] for s in doc["scenarios"]]
        self.assertIn(True, feasible)
        self.assertIn(False, feasible)
        doc["scenarios"][0]["extra"] = 1
        self.assertNotEqual(errors(v, doc), [])

    def test_batch_lines_validate(self):
        v = validator("batch-line.schema.json")
        with tempfile.TemporaryDirectory() as tmp:
            broken = pathlib.Path(tmp) / "broken.json"
            broken.write_text('{"quarter": "2027-Q1", "travellers": [], "clients": 3}',
                              encoding="utf-8")
            out = run_cli("batch", "data/examples/small.json", str(broken),
                          "data/examples/two-travellers.json", "--method", "greedy", code=2)
        lines = [json.loads(line) for line in out.splitlines()]
        self.assertEqual(len(lines), 3)
        self.assertIn("error", lines[1])
        for line in lines:
            with self.subTest(index=line["index"]):
                self.assertEqual(errors(v, line), [])
        lines[0]["plan"]["totals"]["surprise"] = 1
        self.assertNotEqual(errors(v, lines[0]), [])


if __name__ == "__main__":
    parser = argparse.ArgumentParser()
    parser.add_argument("--cli", required=True)
    args, rest = parser.parse_known_args()
    CLI = args.cli
    unittest.main(argv=[sys.argv[0]] + rest)
