"""What refusing hostile input costs: time and memory per input byte, worst cases.

    python benchmarks/refusals.py               # 32 MiB inputs (lines: 16 MiB)
    python benchmarks/refusals.py --mib 128     # the largest the default limits allow

Each case runs in a fresh process: it builds its input, resets the peak resident
memory the kernel keeps (``/proc/self/clear_refs``), runs the loader once with
the default limits and reports the wall time and how far the peak rose above
the memory held before the call (the input itself included in neither). The
table gives both per byte of input: nanoseconds, and bytes of memory. Linux
only (it reads ``/proc``). Run it after changing a loader; docs/reliability.md
quotes its figures.
"""

from __future__ import annotations

import argparse
import json
import subprocess
import sys
import tempfile
import textwrap
from pathlib import Path

_CHILD = """
import io, json, sys, time
import peacetalks as pt
from peacetalks.interop import read_plover
SIZE = {size}
LINE = min(SIZE, pt.DEFAULT_LIMITS.max_line_bytes)


def document(value, size=SIZE):
    head, tail = b'{{"schema_version":1,"records":[', b"]}}"
    count = (size - len(head) - len(tail) + 1) // (len(value) + 1)
    return head + (value + b",") * (count - 1) + value + tail


def kib(field):
    for line in open("/proc/self/status"):
        if line.startswith(field):
            return int(line.split()[1])
    raise LookupError(field)


{make}
size = len(data) if data is not None else SIZE
before = kib("VmRSS:")
with open("/proc/self/clear_refs", "w") as refs:
    refs.write("5")  # the peak (VmHWM) starts again from here
started = time.perf_counter()
try:
    {call}
    outcome = "read (bad lines reported)"
except pt.LimitExceededError as error:
    outcome = "LimitExceededError " + error.limit
except pt.PeacetalksError as error:
    outcome = type(error).__name__
seconds = time.perf_counter() - started
peak = kib("VmHWM:")
print(json.dumps({{"size": size, "seconds": seconds, "extra": (peak - before) * 1024,
                  "outcome": outcome}}))
"""

#: Records are counted with a low limit, so that every size is refused by the count.
FEW = "pt.from_json(data, pt.Document, limits=pt.Limits(max_records=1000))"
#: name: (statement making ``data``, the call). The worst shapes found for each check.
CASES: dict[str, tuple[str, str]] = {
    "records: {} repeated": ("data = document(b'{}')", FEW),
    "records: short strings": ("data = document(b'\"a\"')", FEW),
    "records: nested values": (
        'data = document(b\'{"a":[[1,2],{"b":[3]}]}\')',
        FEW,
    ),
    "records: strings of brackets": (
        "data = document(b'\"{[,]}\"')",
        FEW,
    ),
    "records: a PLOVER array": (
        "data = b'[' + b'{},' * (SIZE // 3 - 1) + b'{}]'\nopen(sys.argv[1], 'wb').write(data)",
        "read_plover(sys.argv[1], limits=pt.Limits(max_records=1000))",
    ),
    "a string: one long run": (
        "data = b'[\"' + b'a' * (SIZE - 4) + b'\"]'",
        "pt.from_json(data, pt.Document)",
    ),
    "a string: escapes": (
        "data = b'[\"' + b'\\\\n' * ((SIZE - 4) // 2) + b'\"]'",
        "pt.from_json(data, pt.Document)",
    ),
    "a string: keys of 1,000,001 characters": (
        "data = (b'{' + (b'\"' + b'k' * 1_000_001 + b'\":0,') * (SIZE // 1_000_006 - 1)"
        " + b'\"x\":0}')",
        "pt.from_json(data, pt.Document)",
    ),
    "depth: one run of brackets": ("data = b'[' * SIZE", "pt.from_json(data, pt.Document)"),
    "depth: 65 levels, repeated": (
        "data = b'[' + (b'[' * 64 + b']' * 64 + b',') * (SIZE // 130 - 1) + b'[' * 65 + b']' * 66",
        "pt.from_json(data, pt.Document)",
    ),
    "a lone surrogate at the end": (
        "data = document(b'\"\\\\u00e9\"', SIZE - 20)[:-2] + b',\"\\\\ud800\"]}'",
        "pt.from_json(data, pt.Document, limits=pt.Limits(max_records=10**9))",
    ),
    "a line too long (JSON Lines)": (
        "data = b'{\"schema_version\":1}\\n' + b'[' * (SIZE - 30) + b'\\n'",
        "list(pt.JsonLinesReader(io.BytesIO(data)))",
    ),
    "a line of {} names (read, then refused)": (
        'data = (b\'{"type":"actor","id":"a","category":"person","name":"A","names":[\''
        " + b'{},' * ((LINE - 100) // 3) + b'{}]}')",
        "pt.from_json(data, pt.Actor)",
    ),
    "time words (1,000,000 digits)": (
        "data = 'march ' + '1' * 1_000_000",
        "pt.parse_time(data, '2025-03-23T12:00:00Z', 'UTC')",
    ),
}


def run_case(make: str, call: str, size: int, scratch: str) -> dict[str, object]:
    code = textwrap.dedent(_CHILD).format(size=size, make=make, call=call)
    done = subprocess.run(
        [sys.executable, "-c", code, scratch], capture_output=True, text=True, check=False
    )
    if done.returncode != 0:
        raise SystemExit(f"the case failed:\n{done.stderr}")
    result: dict[str, object] = json.loads(done.stdout)
    return result


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("--mib", type=int, default=32, help="input size in MiB (default 32)")
    args = parser.parse_args()
    scratch = str(Path(tempfile.mkdtemp(prefix="peacetalks-refusals-")) / "plover.json")
    size = args.mib * 1024 * 1024
    print(f"inputs of {args.mib} MiB (JSON Lines lines at most 16 MiB), one run each\n")
    print("| input | size MiB | outcome | seconds | ns / byte | memory / byte |")
    print("|---|---|---|---|---|---|")
    worst_time = worst_memory = 0.0
    for name, (make, call) in CASES.items():
        result = run_case(make, call, size, scratch)
        bytes_in = float(result["size"])  # type: ignore[arg-type]
        per_byte_ns = float(result["seconds"]) * 1e9 / bytes_in  # type: ignore[arg-type]
        per_byte_memory = float(result["extra"]) / bytes_in  # type: ignore[arg-type]
        if "(read, then refused)" not in name:  # that one is read in full: parsing's cost
            worst_time = max(worst_time, per_byte_ns)
            worst_memory = max(worst_memory, per_byte_memory)
        print(
            f"| {name} | {bytes_in / 2**20:.1f} | {result['outcome']} |"
            f" {float(result['seconds']):.2f} | {per_byte_ns:.0f} | {per_byte_memory:.2f} |"  # type: ignore[arg-type]
        )
    print(
        f"\nworst refusal: {worst_time:.0f} ns and {worst_memory:.2f} bytes of memory"
        " per input byte"
    )


if __name__ == "__main__":
    main()
