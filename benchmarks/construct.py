"""What construction checks cost: the bundled example built in Python, against reading it.

    python benchmarks/construct.py             # about 15 seconds
    python benchmarks/construct.py --quick     # a smoke run

Every object of the bundled example (records, value types, time points) is
built again through its constructor, innermost first, from the field values of
the example itself: what a pipeline does when it builds records in Python. The
same document is also read from its JSON text (the generated readers, which
build objects without ``__init__``) and copied with ``attrs.evolve`` record by
record. Each case runs in interleaved rounds, many times a round, timed in CPU time
of this process; the best round counts (on a shared machine wall times and
medians are mostly other people's load). The
ratios are measured in this same run, so they compare across machines and before/after a
change (run the script with ``PYTHONPATH`` pointing at the other ``src``).
"""

from __future__ import annotations

import argparse
import gc
import sys
import time
from collections.abc import Callable
from pathlib import Path
from typing import Any

import attrs

sys.path.insert(0, str(Path(__file__).resolve().parent))

import peacetalks as pt
from peacetalks.example import example_json, load_example


def construction_plan(root: object) -> list[tuple[type, dict[str, Any]]]:
    """(class, keyword arguments) for every object under ``root``, innermost first."""
    plan: list[tuple[type, dict[str, Any]]] = []

    def visit(value: object) -> None:
        if isinstance(value, tuple):
            for item in value:
                visit(item)
            return
        if not attrs.has(type(value)):
            return
        arguments = {}
        for field in attrs.fields(type(value)):
            if field.init:
                item = getattr(value, field.name)
                visit(item)
                arguments[field.name] = item
        plan.append((type(value), arguments))

    visit(root)
    return plan


def build_all(plan: list[tuple[type, dict[str, Any]]]) -> list[object]:
    return [cls(**arguments) for cls, arguments in plan]


def best_times(cases: dict[str, Callable[[], object]], rounds: int, runs: int) -> dict[str, float]:
    """The best CPU time of one run of each case, in seconds, over interleaved rounds."""
    best = dict.fromkeys(cases, float("inf"))
    for _ in range(rounds):
        for name, case in cases.items():
            gc.collect()
            start = time.process_time()
            for _ in range(runs):
                case()
            best[name] = min(best[name], (time.process_time() - start) / runs)
    return best


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--quick", action="store_true", help="fewer rounds")
    args = parser.parse_args(argv)
    rounds, runs = (3, 5) if args.quick else (31, 20)
    document = load_example()
    text = example_json()
    plan = construction_plan(document)
    assert build_all(plan)[-1] == document, "building the example again gave another document"
    records = document.records
    times = best_times(
        {
            "construct": lambda: build_all(plan),
            "evolve": lambda: [attrs.evolve(record) for record in records],
            "read_json": lambda: pt.from_json(text, pt.Document),
        },
        rounds,
        runs,
    )
    count = len(plan)
    print(f"peacetalks {pt.__version__}, Python {sys.version.split()[0]}")
    print(f"objects built: {count} ({len(records)} records)")
    for name, seconds in times.items():
        print(f"{name:>10}: {seconds * 1e3:8.3f} ms")
    print(f"construct per object: {times['construct'] / count * 1e6:.2f} us")
    print(f"evolve per record:    {times['evolve'] / len(records) * 1e6:.2f} us")
    print(f"ratio construct / read_json: {times['construct'] / times['read_json']:.2f}")
    print(f"ratio evolve / read_json:    {times['evolve'] / times['read_json']:.2f}")
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
