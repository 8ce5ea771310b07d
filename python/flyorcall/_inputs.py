"""What the package accepts as an input document: a dict, JSON text, or a path to a file."""

import datetime
import json
import os
from collections.abc import Mapping


def _json_value(value):
    # Dates may be given as datetime.date; every other value must already be JSON.
    if isinstance(value, (datetime.date, datetime.time)):
        return value.isoformat()
    raise TypeError(f"input value of type {type(value).__name__} is not JSON")


def input_text(document):
    """The JSON text of an input: ``document`` is a mapping (dict), JSON text (str or bytes, whose
    first non-blank character is ``{``), or a path (str or os.PathLike) to a JSON file."""
    if isinstance(document, Mapping):
        return json.dumps(document, ensure_ascii=False, allow_nan=False, default=_json_value)
    if isinstance(document, (bytes, bytearray)):
        return bytes(document)
    if isinstance(document, str) and document.lstrip().startswith("{"):
        return document
    if isinstance(document, (str, os.PathLike)):
        # Bytes as they are: the library checks the encoding and names the place of a bad byte.
        with open(document, "rb") as f:
            return f.read()
    raise TypeError(
        "an input is a dict, JSON text or a path to a JSON file, not "
        + type(document).__name__
    )
