#!/usr/bin/python3
"""The JSON Schemas of data/schema/ checked with an independent validator (Debian's
python3-jsonschema, draft 2020-12) against the examples and against the reader:

- each schema is a valid draft 2020-12 schema;
- every example input validates, and so does its "$schema" reference;
- an editor-style check with the schema alone rejects a misspelt key and a wrong type;
- shapes: a key added to any object of an example, or any value of an example replaced by one of
  another JSON type, is rejected by the reader (`flyorcall validate`, problem at that pointer) and
  by the schema alike.

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
    schema = json.loads((SCHEMAS / name).read_text(encoding="utf-8"))
    return jsonschema.Draft202012Validator(schema)


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


if __name__ == "__main__":
    parser = argparse.ArgumentParser()
    parser.add_argument("--cli", required=True)
    args, rest = parser.parse_known_args()
    CLI = args.cli
    unittest.main(argv=[sys.argv[0]] + rest)
