"""Shared set-up of the Python package's tests (run by ctest with /usr/bin/python3 -m pytest).

ctest puts the build tree's package on PYTHONPATH and names the CLI and the source tree in
FLYORCALL_CLI and FLYORCALL_SOURCE_DIR.
"""

import json
import os
import pathlib
import subprocess

import pytest

SOURCE = pathlib.Path(os.environ["FLYORCALL_SOURCE_DIR"])
CLI = os.environ["FLYORCALL_CLI"]
EXAMPLES = SOURCE / "data" / "examples"


def run_cli(*args, check=True):
    """Runs the command-line tool; returns (exit code, stdout bytes, stderr text)."""
    r = subprocess.run([CLI, *map(str, args)], capture_output=True, check=False)
    if check and r.returncode != 0:
        raise AssertionError(f"flyorcall {args} exited {r.returncode}: {r.stderr.decode()}")
    return r.returncode, r.stdout, r.stderr.decode()


@pytest.fixture
def small():
    return EXAMPLES / "small.json"


@pytest.fixture
def small_doc(small):
    return json.loads(small.read_text())
