"""Shared test configuration: hypothesis profiles and paths."""

from __future__ import annotations

import os
import subprocess
import sys
from pathlib import Path
from typing import Any

import pytest
from hypothesis import HealthCheck, settings

ROOT = Path(__file__).resolve().parent.parent

# Files that mypy checks in test_typing.py; misuse.py is wrong on purpose.
collect_ignore = ["typing"]

# "ci" is the fixed profile .ci/run uses; "dev" is the default; "soak" runs long.
settings.register_profile(
    "ci", max_examples=150, deadline=None, suppress_health_check=[HealthCheck.too_slow]
)
settings.register_profile("dev", max_examples=15, deadline=None)
settings.register_profile(
    "soak", max_examples=5000, deadline=None, suppress_health_check=[HealthCheck.too_slow]
)
settings.load_profile(os.environ.get("HYPOTHESIS_PROFILE", "dev"))
# The fuzz tests (marked "fuzz", see fuzzing.py) have their own profiles, chosen by
# PEACETALKS_FUZZ_PROFILE: "fuzz-quick" (the default) tries a few fixed inputs a test, so
# that a plain `python -m pytest` stays short; "fuzz-ci" (what .ci/run sets) tries the same
# bounded set of many more inputs on every run, so CI time is fixed; "fuzz-soak" tries
# many more, new ones each run.
settings.register_profile(
    "fuzz-quick",
    max_examples=25,
    deadline=None,
    derandomize=True,
    database=None,
    suppress_health_check=[HealthCheck.too_slow, HealthCheck.data_too_large],
)
settings.register_profile(
    "fuzz-ci",
    max_examples=200,
    deadline=None,
    derandomize=True,
    database=None,
    suppress_health_check=[HealthCheck.too_slow, HealthCheck.data_too_large],
)
settings.register_profile(
    "fuzz-soak",
    max_examples=10_000,
    deadline=None,
    suppress_health_check=[HealthCheck.too_slow, HealthCheck.data_too_large],
)

#: Whether the tests marked "slow" run: .ci/run sets PEACETALKS_SLOW_TESTS=1; a plain
#: ``python -m pytest`` skips them, so that it stays under two minutes on two cores.
SLOW_TESTS = os.environ.get("PEACETALKS_SLOW_TESTS") == "1"


def pytest_collection_modifyitems(items: list[Any]) -> None:
    """Skip the tests marked "slow" unless PEACETALKS_SLOW_TESTS=1 asks for them."""
    if SLOW_TESTS:
        return
    skip = pytest.mark.skip(reason="a slow test: set PEACETALKS_SLOW_TESTS=1 to run it")
    for item in items:
        if item.get_closest_marker("slow") is not None:
            item.add_marker(skip)


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


@pytest.hookimpl(tryfirst=True)
def pytest_cmdline_main(config: Any) -> None:
    """Spread the tests over every core (``-n auto``) when pytest-xdist is installed.

    Only when ``-n`` was not given (``-n 0`` runs them in one process) and not in a
    worker; without pytest-xdist, or with ``-p no:xdist``, they run in one process.
    """
    if not config.pluginmanager.hasplugin("xdist") or hasattr(config, "workerinput"):
        return
    if config.option.numprocesses is None:
        config.option.numprocesses = "auto"
        if config.option.dist == "no":
            config.option.dist = "worksteal"


def pytest_sessionfinish(session: Any) -> None:
    """In a pytest-xdist worker, hand the fuzz tally to the controller."""
    from fuzzing import TALLY  # noqa: PLC0415 - only once the tests ran

    workeroutput = getattr(session.config, "workeroutput", None)
    if workeroutput is not None:
        workeroutput["fuzz_tally"] = dict(TALLY)


@pytest.hookimpl(optionalhook=True)
def pytest_testnodedown(node: Any, error: object) -> None:
    """In the pytest-xdist controller, add up the fuzz tallies of the workers."""
    from fuzzing import tried  # noqa: PLC0415 - only once the tests ran

    for entry, count in getattr(node, "workeroutput", {}).get("fuzz_tally", {}).items():
        tried(entry, count)


def pytest_terminal_summary(terminalreporter: Any) -> None:
    """How many inputs the fuzz tests tried, by entry point (added up over xdist workers)."""
    from fuzzing import PROFILE, TALLY  # noqa: PLC0415 - only once the tests ran

    if TALLY:
        counts = ", ".join(f"{entry} {count:,}" for entry, count in sorted(TALLY.items()))
        total = sum(TALLY.values())
        terminalreporter.write_line(f"fuzz ({PROFILE}): {total:,} inputs tried: {counts}")
