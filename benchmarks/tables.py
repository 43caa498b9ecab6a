"""Benchmark: Parquet export from JSON Lines against the JSON Lines reader alone.

    python benchmarks/tables.py                    # 100,000 and 1,000,000 records
    python benchmarks/tables.py --quick            # a smoke run: 2,000 and 10,000 records
    python benchmarks/tables.py --sizes 100000     # other sizes

For each size a JSON Lines corpus is written to a temporary directory (the
benchmark corpus of ``benchmarks/corpus.py``, made in chunks of 10,000 records
with a different seed each, so the corpus never sits in memory whole). Then,
each in a fresh Python process so that its peak memory is its own:

* **read**: every record read and checked by ``JsonLinesReader``, nothing kept;
* **export**: ``peacetalks.tables.write_parquet`` from the same file.

It prints records per second for both, their ratio (the target: export at least
50% of the reader's speed) and the peak resident memory of each process (the
target: flat from the smallest to the largest size). Needs the ``tables`` extra.
"""

from __future__ import annotations

import argparse
import json
import subprocess
import sys
import tempfile
from pathlib import Path

sys.path.insert(0, str(Path(__file__).parent))

from corpus import make_corpus

_CHUNK = 10_000

_CHILD = """
import json, resource, sys, time
from peacetalks.jsonlines import JsonLinesReader
path, mode, out = sys.argv[1], sys.argv[2], sys.argv[3]
start = time.perf_counter()
if mode == "read":
    count = 0
    for _ in JsonLinesReader(path):
        count += 1
else:
    from peacetalks.tables import write_parquet
    count = write_parquet(path, out).records
seconds = time.perf_counter() - start
peak = resource.getrusage(resource.RUSAGE_SELF).ru_maxrss * 1024  # kilobytes on Linux
print(json.dumps({"records": count, "seconds": seconds, "peak_rss": peak}))
"""


def write_corpus(path: Path, size: int) -> None:
    """``size`` records as JSON Lines, made and written a chunk at a time."""
    with path.open("wb") as handle:
        handle.write(b'{"schema_version":1}\n')
        done = 0
        seed = 0
        while done < size:
            chunk = make_corpus(min(_CHUNK, size - done), seed=seed)[: size - done]
            handle.writelines(
                json.dumps(record, ensure_ascii=False).encode() + b"\n" for record in chunk
            )
            done += len(chunk)
            seed += 1


def run_child(path: Path, mode: str, out: Path) -> dict[str, float]:
    result = subprocess.run(
        [sys.executable, "-c", _CHILD, str(path), mode, str(out)],
        check=True,
        capture_output=True,
        text=True,
    )
    return json.loads(result.stdout)  # type: ignore[no-any-return]


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("--quick", action="store_true", help="2,000 and 10,000 records")
    parser.add_argument("--sizes", type=int, nargs="+", help="corpus sizes")
    args = parser.parse_args(argv)
    sizes = args.sizes or ([2_000, 10_000] if args.quick else [100_000, 1_000_000])
    rows = []
    with tempfile.TemporaryDirectory() as work:
        for size in sizes:
            corpus = Path(work) / f"corpus-{size}.jsonl"
            write_corpus(corpus, size)
            read = run_child(corpus, "read", Path(work) / "unused")
            export = run_child(corpus, "export", Path(work) / f"tables-{size}")
            assert read["records"] == export["records"] == size, (read, export)
            rows.append((size, corpus.stat().st_size, read, export))
            corpus.unlink()
    print(
        f"{'records':>10} {'MB in':>7} {'read rec/s':>11} {'export rec/s':>13} "
        f"{'ratio':>6} {'read peak MB':>13} {'export peak MB':>15}"
    )
    for size, size_bytes, read, export in rows:
        read_rate = size / read["seconds"]
        export_rate = size / export["seconds"]
        print(
            f"{size:>10,} {size_bytes / 1e6:>7.0f} {read_rate:>11,.0f} {export_rate:>13,.0f} "
            f"{export_rate / read_rate:>6.2f} {read['peak_rss'] / 2**20:>13.0f} "
            f"{export['peak_rss'] / 2**20:>15.0f}"
        )
    first, last = rows[0][3]["peak_rss"], rows[-1][3]["peak_rss"]
    print(f"export peak memory, largest size / smallest: {last / first:.2f}")
    return 0


if __name__ == "__main__":
    sys.exit(main())
