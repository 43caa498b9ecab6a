"""A million-line stream goes through the real ``peacetalks validate`` in bounded memory.

The peak resident memory of the command is measured, not assumed: a small
Python parent runs it and reads ``RUSAGE_CHILDREN`` once it has ended, so no
other child of the test process can count.
"""

from __future__ import annotations

import json
import subprocess
import sys
from pathlib import Path

import pytest

import peacetalks as pt
from conftest import PEACETALKS

MILLION = 1_000_000
BAD = {1_000: b"{not json", 500_000: b'{"type":"actor","id":"a","category":"moon","name":"A"}'}
ACTOR = b'{"type":"actor","id":"a%d","category":"person","name":"Person %d","country":"UA"}\n'
STATEMENT = (
    b'{"type":"statement","id":"s%d","speaker":"a%d","quotation":"direct",'
    b'"text":"We are ready to be concrete and very fast in the talks.","said":{"words":"on Sunday",'
    b'"earliest":"2025-03-23","latest":"2025-03-23","zone":"Europe/Kyiv"}}\n'
)
MEASURE = """
import json, resource, subprocess, sys
done = subprocess.run(sys.argv[1:], capture_output=True, text=True)
peak = resource.getrusage(resource.RUSAGE_CHILDREN).ru_maxrss
print(json.dumps({"code": done.returncode, "stdout": done.stdout, "peak": peak}))
"""
MIB = 1024 * 1024


def write_stream(path: Path, lines: int) -> None:
    """A header, then records (one in ten a statement), with the BAD lines where they fall."""
    with path.open("wb", buffering=1 << 20) as out:
        out.write(b'{"schema_version":1}\n')
        for number in range(2, lines + 1):
            bad = BAD.get(number)
            if bad is not None:
                out.write(bad + b"\n")
            elif number % 10:
                out.write(ACTOR % (number, number))
            else:
                out.write(STATEMENT % (number, number - 1))


def validate(path: Path) -> tuple[int, str, int]:
    """Exit code, output and peak resident memory in bytes of ``peacetalks validate PATH``."""
    result = subprocess.run(
        [sys.executable, "-c", MEASURE, PEACETALKS, "validate", path.name],
        cwd=path.parent,
        capture_output=True,
        text=True,
        check=True,
        timeout=600,
    )
    report = json.loads(result.stdout)
    per_unit = 1 if sys.platform == "darwin" else 1024  # ru_maxrss: bytes on macOS, KiB elsewhere
    return report["code"], report["stdout"], report["peak"] * per_unit


@pytest.mark.slow
def test_a_million_lines_are_validated_in_bounded_memory(tmp_path: Path) -> None:
    small, large = tmp_path / "small.jsonl", tmp_path / "million.jsonl"
    write_stream(small, 1_000)
    write_stream(large, MILLION)
    assert large.stat().st_size > 90 * MIB  # far more than the bound below, if it were held

    _, _, baseline = validate(small)
    code, output, peak = validate(large)

    assert code == 1
    statements = sum(1 for n in range(2, MILLION + 1) if n % 10 == 0 and n not in BAD)
    actors = MILLION - 1 - len(BAD) - statements
    assert output.splitlines() == [
        "million.jsonl:1000: $: expected well-formed JSON, got Expecting property name"
        " enclosed in double quotes at line 1 column 2",
        "million.jsonl:500000: actor 'a' at $.category: expected one of "
        + ", ".join(repr(c.value) for c in pt.ActorCategory)
        + ", got string 'moon'",
        f"million.jsonl: invalid, {actors + statements} records ({actors} actors,"
        f" {statements} statements), 2 bad lines of {MILLION},"
        " integrity not checked (add --integrity for a stream)",
    ]
    # Flat: a thousand lines and a million need the same memory, give or take a little.
    assert peak < 64 * MIB, f"peak {peak / MIB:.1f} MiB"
    assert peak - baseline < 16 * MIB, f"grew {(peak - baseline) / MIB:.1f} MiB"
