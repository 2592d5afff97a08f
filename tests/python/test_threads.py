"""Several threads lint at once; the GIL is released while the core works."""
import threading
import time

import chartproof


def test_parallel_lints_agree(root):
    sources = [root / "examples" / "todo-app" / "rendered-broken.yaml", root / "testdata" / "manifests" / "hardened.yaml"]
    expected = [chartproof.lint(s).to_json() for s in sources]
    results = {}

    def work(i):
        results[i] = chartproof.lint(sources[i % 2]).to_json()

    threads = [threading.Thread(target=work, args=(i,)) for i in range(8)]
    for t in threads:
        t.start()
    for t in threads:
        t.join()
    assert all(results[i] == expected[i % 2] for i in range(8))


def test_gil_is_released_during_a_10mb_lint(root):
    one = (root / "examples" / "todo-app" / "rendered.yaml").read_text()
    big = ("---\n" + one) * (10_000_000 // len(one) + 1)
    assert len(big) >= 10_000_000
    done = threading.Event()
    elapsed = {}

    def lint():
        start = time.perf_counter()
        # The copies share names: the selectors pack would pair every copy with every other.
        chartproof.lint(text=big, jobs=1, disable=["selectors"])
        elapsed["s"] = time.perf_counter() - start
        done.set()

    worker = threading.Thread(target=lint)
    ticks = 0
    worker.start()
    while not done.is_set():
        ticks += 1  # runs only while the worker does not hold the GIL
        time.sleep(0.001)
    worker.join()
    # With the GIL held for the whole call this loop would barely run; released, it ticks throughout.
    assert elapsed["s"] > 0.05
    assert ticks >= 0.3 * elapsed["s"] / 0.0011
