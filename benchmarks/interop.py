"""Importing a dataset file against reading the same CSV with the ``csv`` module (and pandas).

    python benchmarks/interop.py                       # the shared samples, 5 rounds
    python benchmarks/interop.py --repeats 3 ethprio FILE pax FILE

For each file it prints the median time of ``csv.reader`` over the text (the
floor the issue measures against), ``pandas.read_csv`` when pandas is
installed, the peacetalks importer alone, and the importer plus writing JSON
Lines; then the ratios to ``csv`` and the memory the import holds per row
(tracemalloc peak while importing, divided by the rows). Timings are
interleaved (benchmarks/measure.py), so a burst of load falls on every case.
"""

from __future__ import annotations

import argparse
import csv
import importlib
import io
import sys
import tempfile
import tracemalloc
from collections.abc import Callable
from pathlib import Path
from typing import Any

sys.path.insert(0, str(Path(__file__).resolve().parent))

from measure import time_interleaved
from peacetalks.interop import IMPORTERS
from peacetalks.jsonlines import write_jsonl

ROOT = Path(__file__).resolve().parent.parent
SAMPLES = ROOT.parent / "shared" / "data"
DEFAULT = (
    ("ethprio", SAMPLES / "eth-prio-ceasefires" / "ceasefires-sample.csv"),
    ("pax", SAMPLES / "pax" / "pax-v6-sample.csv"),
)


def _csv_rows(data: bytes) -> int:
    return sum(1 for _ in csv.reader(io.StringIO(data.decode("utf-8-sig"), newline="")))


def _peak_per_row(build: Callable[[], Any], rows: int) -> float:
    tracemalloc.start()
    try:
        build()
        _, peak = tracemalloc.get_traced_memory()
    finally:
        tracemalloc.stop()
    return peak / max(rows, 1)


def bench(kind: str, path: Path, repeats: int) -> dict[str, float]:
    data = path.read_bytes()
    importer = IMPORTERS[kind]
    rows = _csv_rows(data) - 1
    out = Path(tempfile.mkdtemp()) / "out.jsonl"
    cases: dict[str, Callable[[], object]] = {
        "csv.reader": lambda: _csv_rows(data),
        "import": lambda: importer(data),
        "import + JSON Lines": lambda: write_jsonl(out, importer(data).document.records),
    }
    try:
        pandas: Any = importlib.import_module("pandas")
        cases["pandas.read_csv"] = lambda: pandas.read_csv(io.BytesIO(data), dtype=str)
    except ImportError:
        pass
    times = time_interleaved(cases, repeats)
    floor = times["csv.reader"]
    print(f"{kind}: {path.name}, {rows:,} rows")
    for name, seconds in times.items():
        per_row = seconds / max(rows, 1) * 1e6
        print(f"  {name:<22} {seconds * 1000:9.1f} ms  {per_row:8.1f} µs/row  "
              f"{seconds / floor:6.1f}× csv")  # fmt: skip
    memory = _peak_per_row(lambda: importer(data), rows)
    print(f"  memory while importing: {memory / 1024:.1f} KB per row (tracemalloc peak)")
    return {**times, "memory_per_row": memory}


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.split("\n", 1)[0])
    parser.add_argument("--repeats", type=int, default=5)
    parser.add_argument("files", nargs="*", help="pairs of FORMAT FILE (default: the samples)")
    args = parser.parse_args(argv)
    pairs = list(zip(args.files[::2], map(Path, args.files[1::2]), strict=True)) or DEFAULT
    for kind, path in pairs:
        if not path.exists():
            print(f"{path}: not found (the shared samples live beside the project)")
            return 2
        bench(kind, path, args.repeats)
    return 0


if __name__ == "__main__":
    sys.exit(main())
