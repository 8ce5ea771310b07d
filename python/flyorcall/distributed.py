"""Batches on Dask distributed (docs/python.md, "Batches on Dask").

A JSON Lines batch is cut into shards of consecutive inputs; each shard is one Dask task that
plans its inputs with ``flyorcall.batch_line`` in a worker process, and the lines are gathered in
input order. Dask schedules, retries and spreads the tasks; the output is byte for byte what
``flyorcall batch --jsonl`` writes on one machine, because each line depends on its input, its
index and the options only.
"""

from . import _core
from ._verbs import batch_exit_code, jsonl_documents


def plan_shard(shard, source, method="search", effort=None):
    """Plans one shard, ``(first index, [(line number, document), ...])``: its output lines
    (without newlines) with their exit codes, in order. Runs in a Dask worker."""
    first, documents = shard
    return [
        _core.batch_line(document, first + k, source, line, method, effort)
        for k, (line, document) in enumerate(documents)
    ]


def shards_of(text, shard_size):
    """The documents of a JSON Lines text cut into shards of ``shard_size`` inputs:
    ``[(first index, [(line number, document), ...]), ...]``."""
    if shard_size < 1:
        raise ValueError("shard_size must be at least 1")
    documents = jsonl_documents(text)
    return [(first, documents[first:first + shard_size])
            for first in range(0, len(documents), shard_size)]


def batch_jsonl(client, jsonl, source=None, method="search", effort=None, shard_size=16):
    """``flyorcall batch --jsonl`` on a Dask cluster: ``client`` is a ``dask.distributed.Client``,
    ``jsonl`` a path to a JSON Lines file (``source`` defaults to it) or its text as bytes.
    Returns ``(text, code)`` as ``flyorcall.batch_jsonl`` does."""
    if isinstance(jsonl, (bytes, bytearray)):
        text = bytes(jsonl)
        source = source or "<jsonl>"
    else:
        with open(jsonl, "rb") as f:
            text = f.read()
        source = str(jsonl) if source is None else source
    shards = shards_of(text, shard_size)
    if not shards:
        raise ValueError("no input document: the JSON Lines text holds only blank lines")
    futures = client.map(plan_shard, shards, source=source, method=method, effort=effort,
                         pure=False)
    lines = [line for shard in client.gather(futures) for line in shard]
    return "".join(text + "\n" for text, _ in lines), batch_exit_code(code for _, code in lines)
