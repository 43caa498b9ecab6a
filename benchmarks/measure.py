"""How the benchmarks measure: interleaved timings, memory held, import time."""

from __future__ import annotations

import gc
import os
import statistics
import subprocess
import sys
import time
import tracemalloc
from collections.abc import Callable
from typing import Any

__all__ = ["import_time", "memory_held", "time_interleaved"]


def time_interleaved(cases: dict[str, Callable[[], object]], repeats: int) -> dict[str, float]:
    """The median wall time of each case, in seconds, over ``repeats`` rounds.

    Every round runs every case once, starting one case later each round, so a
    burst of load on the machine falls on all cases alike. The garbage collector
    stays on, with its default settings; each result is dropped, and garbage
    collected, before the next case runs (outside the timing).
    """
    names = list(cases)
    times: dict[str, list[float]] = {name: [] for name in names}
    for round_number in range(repeats):
        shift = round_number % len(names)
        for name in names[shift:] + names[:shift]:
            gc.collect()
            start = time.perf_counter()
            result = cases[name]()
            times[name].append(time.perf_counter() - start)
            del result
    return {name: statistics.median(values) for name, values in times.items()}


def memory_held(build: Callable[[], Any]) -> tuple[int, Any]:
    """Bytes still allocated after ``build()`` returns (its result kept), by tracemalloc."""
    gc.collect()
    tracemalloc.start()
    try:
        before = tracemalloc.get_traced_memory()[0]
        result = build()
        gc.collect()
        held = tracemalloc.get_traced_memory()[0] - before
    finally:
        tracemalloc.stop()
    return held, result


_IMPORT_SNIPPET = """
import time
start = time.perf_counter()
{statement}
print(time.perf_counter() - start)
"""


def import_time(statement: str, repeats: int) -> float:
    """Median seconds ``statement`` takes in a fresh interpreter, start-up excluded.

    Bytecode caching is allowed (as after ``pip install``) and one unmeasured run
    writes the cache first.
    """
    env = {key: value for key, value in os.environ.items() if key != "PYTHONDONTWRITEBYTECODE"}
    code = _IMPORT_SNIPPET.format(statement=statement)
    runs = []
    for _ in range(repeats + 1):
        done = subprocess.run(
            [sys.executable, "-c", code], capture_output=True, text=True, check=True, env=env
        )
        runs.append(float(done.stdout.strip()))
    return statistics.median(runs[1:])
