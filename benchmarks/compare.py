"""Compare peacetalks' reading and writing speed between source trees.

Usage: ``python benchmarks/compare.py TREE [TREE ...] [--records N] [--runs N]``,
where each TREE is a checkout of peacetalks (``git worktree add /tmp/old <commit>``).
Each tree is timed in a fresh interpreter, on the same corpus: CPU time of
``from_json`` and ``to_json_bytes`` on one document, the best of ``--runs`` runs.
This is how the changes in ``docs/performance.md`` were measured one by one; the
comparison with other libraries is ``benchmarks/run.py``.
"""

from __future__ import annotations

import argparse
import subprocess
import sys
from pathlib import Path

_HERE = Path(__file__).resolve().parent

_TIMER = """
import sys, time
sys.path[:0] = [sys.argv[1] + "/src", sys.argv[2]]
import orjson
from corpus import make_corpus
import peacetalks as pt
data = orjson.dumps({"schema_version": 1, "records": make_corpus(int(sys.argv[3]))})
document = pt.from_json(data, pt.Document)
def best(work):
    times = []
    for _ in range(int(sys.argv[4])):
        start = time.process_time()
        work()
        times.append(time.process_time() - start)
    return min(times) * 1000
decode = best(lambda: pt.from_json(data, pt.Document))
encode = best(lambda: pt.to_json_bytes(document))
print(f"{decode:.0f} {encode:.0f}")
"""


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("trees", nargs="+", type=Path, help="checkouts of peacetalks")
    parser.add_argument("--records", type=int, default=20000, help="corpus size")
    parser.add_argument("--runs", type=int, default=7, help="runs; the best counts")
    args = parser.parse_args(argv)
    print("| tree | decode ms | encode ms |\n|---|---|---|")
    for tree in args.trees:
        done = subprocess.run(
            [
                sys.executable,
                "-c",
                _TIMER,
                str(tree.resolve()),
                str(_HERE),
                str(args.records),
                str(args.runs),
            ],
            capture_output=True,
            text=True,
            check=True,
        )
        decode, encode = done.stdout.split()
        print(f"| {tree} | {decode} | {encode} |")
    return 0


if __name__ == "__main__":
    sys.exit(main())
