"""The GIL is released while the library plans: two Python threads plan at the same time."""

import threading

import flyorcall
from flyorcall import _core
from conftest import EXAMPLES


def test_two_threads_plan_at_once_and_alike():
    path = EXAMPLES / "default.json"
    expected = flyorcall.plan_json(path)
    results = [None, None]
    started = threading.Barrier(3)

    def work(i):
        started.wait()
        results[i] = flyorcall.plan_json(path)

    threads = [threading.Thread(target=work, args=(i,)) for i in range(2)]
    for t in threads:
        t.start()
    _core.planning_peak(reset=True)
    started.wait()
    # This thread runs Python while the others are inside the library: it sees them planning.
    seen = 0
    while any(t.is_alive() for t in threads):
        seen = max(seen, _core.planning_now())
    for t in threads:
        t.join()
    assert results == [expected, expected]
    assert seen >= 1
    # Both plans ran at the same time (with the GIL held, the second would wait for the first).
    assert _core.planning_peak() == 2
    assert _core.planning_now() == 0
