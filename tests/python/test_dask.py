"""A JSON Lines batch sharded over a Dask LocalCluster of worker processes gives, in input order,
the bytes `flyorcall batch --jsonl` writes (docs/python.md, "Batches on Dask")."""

import json
import os

import pytest
from distributed import Client, LocalCluster

import flyorcall
import flyorcall.distributed
from conftest import EXAMPLES, run_cli


@pytest.fixture(scope="module")
def client():
    with LocalCluster(n_workers=2, threads_per_worker=1, processes=True,
                      dashboard_address=None) as cluster, Client(cluster) as c:
        yield c


def test_sharded_batch_is_byte_identical_to_the_cli(client, tmp_path):
    docs = [json.loads((EXAMPLES / name).read_text())
            for name in ("small.json", "two-travellers.json", "default.json")]
    lines = []
    for i in range(9):
        doc = dict(docs[i % 3], seed=i + 1)
        lines.append(json.dumps(doc))
        if i == 4:
            lines += ["", '{"quarter": "2027-Q9"}', "not json"]
    path = tmp_path / "quarters.jsonl"
    path.write_text("\n".join(lines) + "\n")
    code, expected, _ = run_cli("batch", "--jsonl", path, "--method", "greedy", check=False)
    assert code == 2 and expected.count(b"\n") == 11

    worker_pids = set(client.run(os.getpid).values())
    assert len(worker_pids) == 2 and os.getpid() not in worker_pids
    for shard_size in (1, 3, 20):
        text, got_code = flyorcall.distributed.batch_jsonl(client, path, method="greedy",
                                                           shard_size=shard_size)
        assert text.encode() == expected, shard_size
        assert got_code == code
    # The shards ran in the worker processes.
    ran_in = client.gather(client.map(lambda _: os.getpid(), range(4), pure=False))
    assert set(ran_in) <= worker_pids


def test_shards_keep_input_order_and_line_numbers():
    text = b'{"a": 1}\n\n{"b": 2}\n{"c": 3}\n'
    assert flyorcall.distributed.shards_of(text, 2) == [
        (0, [(1, b'{"a": 1}'), (3, b'{"b": 2}')]),
        (2, [(4, b'{"c": 3}')]),
    ]
    with pytest.raises(ValueError):
        flyorcall.distributed.shards_of(text, 0)
