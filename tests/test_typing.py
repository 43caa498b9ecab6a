"""The public API is typed: mypy --strict accepts typical use and catches typical mistakes."""

from __future__ import annotations

import subprocess
import sys
from pathlib import Path

HERE = Path(__file__).parent / "typing"


def mypy(path: Path) -> subprocess.CompletedProcess[str]:
    return subprocess.run(
        [
            sys.executable,
            "-m",
            "mypy",
            "--strict",
            "--no-incremental",
            "--cache-dir=/dev/null",
            str(path),
        ],
        capture_output=True,
        text=True,
        timeout=600,
        check=False,
    )


def test_typical_use_type_checks() -> None:
    result = mypy(HERE / "usage.py")
    assert result.returncode == 0, result.stdout


def test_typical_mistakes_are_caught() -> None:
    result = mypy(HERE / "misuse.py")
    errors = [line for line in result.stdout.splitlines() if ": error:" in line]
    flagged = {int(line.split(":")[1]) for line in errors}
    assert flagged == {7, 8, 9, 10}, result.stdout
