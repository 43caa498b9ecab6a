"""Shared test configuration: hypothesis profiles and paths."""

from __future__ import annotations

import os
import subprocess
import sys
from pathlib import Path

from hypothesis import HealthCheck, settings

ROOT = Path(__file__).resolve().parent.parent

# Files that mypy checks in test_typing.py; misuse.py is wrong on purpose.
collect_ignore = ["typing"]

# "ci" is the fixed profile .ci/run uses; "dev" is the default; "soak" runs long.
settings.register_profile(
    "ci", max_examples=150, deadline=None, suppress_health_check=[HealthCheck.too_slow]
)
settings.register_profile("dev", max_examples=60, deadline=None)
settings.register_profile(
    "soak", max_examples=5000, deadline=None, suppress_health_check=[HealthCheck.too_slow]
)
settings.load_profile(os.environ.get("HYPOTHESIS_PROFILE", "dev"))

#: The real ``peacetalks`` command installed beside this Python.
PEACETALKS = str(Path(sys.executable).with_name("peacetalks"))


def run_peacetalks(
    *args: str, stdin: str | bytes | None = None, cwd: Path | None = None
) -> subprocess.CompletedProcess[str]:
    """Run the real ``peacetalks`` command as a user would; never raises on a bad exit."""
    return subprocess.run(
        [PEACETALKS, *args],
        input=stdin.decode("utf-8") if isinstance(stdin, bytes) else stdin,
        capture_output=True,
        text=True,
        encoding="utf-8",
        cwd=cwd,
        check=False,
        timeout=300,
    )
