"""Benchmark: Parquet export from JSON Lines against the JSON Lines reader alone.

    python benchmarks/tables.py                    # 100,000 and 1,000,000 records
    python benchmarks/tables.py --quick            # a smoke run: 2,000 and 10,000 records
    python benchmarks/tables.py --sizes 100000 --repeats 3   # other sizes, medians of 3
    python benchmarks/tables.py --watch 400000     # memory every 50,000 records of one export

For each size a JSON Lines corpus is written to a temporary directory (the
benchmark corpus of ``benchmarks/corpus.py``, made in chunks of 10,000 records
with a different seed each, so the corpus never sits in memory whole). Then,
each in a fresh Python process so that its peak memory is its own:

* **read**: every record read and checked by ``JsonLinesReader``, nothing kept;
* **export**: ``peacetalks.tables.write_parquet`` from the same file.

It prints records per second for both, by wall time and by CPU time (the
process's user and system time, which another load on a shared machine hardly
changes), their ratios (the target: export at least 50% of the reader's speed)
and the peak resident memory of each process (the target: flat from the
smallest to the largest size). ``--repeats N`` runs each N times, read and
export in turn, and takes medians. Needs the ``tables`` extra.
"""

from __future__ import annotations

import argparse
import json
import statistics
import subprocess
import sys
import tempfile
from pathlib import Path

sys.path.insert(0, str(Path(__file__).parent))

from corpus import make_corpus
from peacetalks import SCHEMA_VERSION

_CHUNK = 10_000

_CHILD = """
import json, resource, sys, time
from peacetalks.jsonlines import JsonLinesReader
path, mode, out = sys.argv[1], sys.argv[2], sys.argv[3]
if mode == "export":
    import peacetalks.tables  # imported before the clock starts, as the reader is
before = resource.getrusage(resource.RUSAGE_SELF)
cpu_before = before.ru_utime + before.ru_stime
start = time.perf_counter()
if mode == "read":
    count = 0
    for _ in JsonLinesReader(path):
        count += 1
else:
    from peacetalks.tables import write_parquet
    count = write_parquet(path, out).records
seconds = time.perf_counter() - start
usage = resource.getrusage(resource.RUSAGE_SELF)
peak = usage.ru_maxrss * 1024  # kilobytes on Linux
cpu = usage.ru_utime + usage.ru_stime - cpu_before
print(json.dumps({"records": count, "seconds": seconds, "cpu": cpu, "peak_rss": peak}))
"""


_WATCH = """
import sys
import pyarrow as pa
from peacetalks.jsonlines import JsonLinesReader
from peacetalks.tables import TableWriter

def status():
    with open("/proc/self/status") as file:
        found = dict(line.split(":", 1) for line in file if ":" in line)
    return int(found["VmRSS"].split()[0]) >> 10, int(found["VmHWM"].split()[0]) >> 10

path, out, every = sys.argv[1], sys.argv[2], int(sys.argv[3])
pool = pa.default_memory_pool()
with TableWriter(out) as writer:
    for count, record in enumerate(JsonLinesReader(path), 1):
        writer.write(record)
        if count % every == 0:
            rss, peak = status()
            arrow = pool.bytes_allocated() >> 20
            print(f"{count:>10,} {rss:>7} {peak:>8} {arrow:>9}", flush=True)
"""


def watch(size: int, every: int = 50_000) -> None:
    """One export of ``size`` records, its memory printed every ``every`` records (Linux)."""
    with tempfile.TemporaryDirectory() as work:
        corpus = Path(work) / f"corpus-{size}.jsonl"
        write_corpus(corpus, size)
        print(f"{'records':>10} {'RSS MB':>7} {'peak MB':>8} {'Arrow MB':>9}", flush=True)
        subprocess.run(
            [sys.executable, "-c", _WATCH, str(corpus), str(Path(work) / "t"), str(every)],
            check=True,
        )


def write_corpus(path: Path, size: int) -> None:
    """``size`` records as JSON Lines, made and written a chunk at a time."""
    with path.open("wb") as handle:
        handle.write(json.dumps({"schema_version": SCHEMA_VERSION}).encode() + b"\n")
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


def _median(runs: list[dict[str, float]], key: str) -> float:
    return statistics.median(run[key] for run in runs)


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("--quick", action="store_true", help="2,000 and 10,000 records")
    parser.add_argument("--sizes", type=int, nargs="+", help="corpus sizes")
    parser.add_argument("--repeats", type=int, default=1, help="rounds per size (median)")
    parser.add_argument("--watch", type=int, metavar="N", help="watch one export's memory")
    args = parser.parse_args(argv)
    if args.watch:
        watch(args.watch)
        return 0
    sizes = args.sizes or ([2_000, 10_000] if args.quick else [100_000, 1_000_000])
    rows = []
    with tempfile.TemporaryDirectory() as work:
        for size in sizes:
            corpus = Path(work) / f"corpus-{size}.jsonl"
            write_corpus(corpus, size)
            reads, exports = [], []
            for _ in range(args.repeats):  # interleaved, so load on the machine hits both
                reads.append(run_child(corpus, "read", Path(work) / "unused"))
                exports.append(run_child(corpus, "export", Path(work) / f"tables-{size}"))
            assert {r["records"] for r in reads + exports} == {size}, (reads, exports)
            rows.append((size, corpus.stat().st_size, reads, exports))
            corpus.unlink()
    print(
        f"{'records':>10} {'MB in':>6} | {'read rec/s':>10} {'export':>8} {'ratio':>5} |"
        f" {'read rec/CPU s':>14} {'export':>8} {'ratio':>5} | {'peak MB read':>12} {'export':>7}"
    )
    for size, size_bytes, reads, exports in rows:
        wall = size / _median(reads, "seconds"), size / _median(exports, "seconds")
        cpu = size / _median(reads, "cpu"), size / _median(exports, "cpu")
        print(
            f"{size:>10,} {size_bytes / 1e6:>6.0f} | {wall[0]:>10,.0f} {wall[1]:>8,.0f}"
            f" {wall[1] / wall[0]:>5.2f} | {cpu[0]:>14,.0f} {cpu[1]:>8,.0f} {cpu[1] / cpu[0]:>5.2f}"
            f" | {_median(reads, 'peak_rss') / 2**20:>12.0f}"
            f" {_median(exports, 'peak_rss') / 2**20:>7.0f}"
        )
    first, last = _median(rows[0][3], "peak_rss"), _median(rows[-1][3], "peak_rss")
    print(f"export peak memory, largest size / smallest: {last / first:.2f}")
    return 0


if __name__ == "__main__":
    sys.exit(main())
