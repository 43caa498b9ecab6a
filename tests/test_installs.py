"""What peacetalks needs from the machine: its declared dependencies and a zone database.

Whether ``pip install peacetalks boto3`` resolves, and whether the test suite passes with
the lowest versions allowed, are checked by ``.ci/run`` (they need the package index).
"""

from __future__ import annotations

import os
import re
import subprocess
import sys
from importlib import metadata
from pathlib import Path

import pytest

from conftest import PEACETALKS

MISSING = "which needs an IANA time zone database, and none was found on this machine"


def _floors() -> dict[str, tuple[int, ...]]:
    floors = {}
    for requirement in metadata.requires("peacetalks") or []:
        if "extra ==" in requirement:
            continue
        found = re.fullmatch(r"([A-Za-z0-9_.-]+)>=([0-9.]+)", requirement.replace(" ", ""))
        assert found, f"not a plain floor: {requirement}"
        floors[found[1].lower()] = tuple(int(part) for part in found[2].split("."))
    return floors


def test_the_dependencies_install_beside_boto3_and_bring_a_zone_database() -> None:
    floors = _floors()
    assert set(floors) == {"attrs", "cattrs", "python-dateutil", "tzdata"}
    # botocore requires python-dateutil >= 2.1, < 3: the floor must lie in that range.
    assert (2, 1) <= floors["python-dateutil"] < (3,)
    # Europe/Kyiv, which the bundled example uses, is in tzdata from 2022.2 (IANA 2022b).
    assert floors["tzdata"] >= (2022, 2)


@pytest.fixture
def no_zone_database(tmp_path: Path) -> dict[str, str]:
    """An environment whose Python finds no zone database: no system one, tzdata hidden.

    ``PYTHONTZPATH`` empty turns off the system database; an empty ``tzdata``
    package first on the path hides the real one, as on Windows or in a slim
    container without tzdata.
    """
    (tmp_path / "tzdata").mkdir()
    (tmp_path / "tzdata" / "__init__.py").write_text("", encoding="utf-8")
    return {**os.environ, "PYTHONTZPATH": "", "PYTHONPATH": str(tmp_path)}


def _run(env: dict[str, str], *args: str) -> subprocess.CompletedProcess[str]:
    return subprocess.run(
        args, env=env, capture_output=True, text=True, encoding="utf-8", check=False, timeout=300
    )


def test_without_a_zone_database_the_error_says_what_is_missing(
    no_zone_database: dict[str, str],
) -> None:
    probe = _run(
        no_zone_database, sys.executable, "-c", "import zoneinfo; zoneinfo.ZoneInfo('UTC')"
    )
    assert "ZoneInfoNotFoundError" in probe.stderr  # the simulation holds: no database
    checked = _run(no_zone_database, PEACETALKS, "validate")
    assert checked.returncode == 1
    first = checked.stdout.splitlines()[1]
    assert first.endswith(
        f"$.records[43].said.zone: expected an IANA time zone name such as 'Europe/Kyiv',"
        f" {MISSING} (install tzdata, a dependency of peacetalks: pip install tzdata;"
        " or set PYTHONTZPATH to a zoneinfo folder), got string 'America/New_York'"
    )
    when = _run(no_zone_database, PEACETALKS, "when", "today", "--zone", "Europe/Paris")
    assert when.returncode == 2
    assert MISSING in when.stderr
    built = _run(
        no_zone_database,
        sys.executable,
        "-c",
        "import peacetalks as pt; pt.ReportedTime(words='today', zone='Europe/Paris')",
    )
    assert f"expected an IANA time zone name such as 'Europe/Kyiv', {MISSING}" in built.stderr


def test_with_a_zone_database_an_unknown_zone_is_only_an_unknown_zone() -> None:
    checked = subprocess.run(
        [PEACETALKS, "when", "today", "--zone", "Europe/Atlantis"],
        capture_output=True,
        text=True,
        check=False,
    )
    assert checked.returncode == 2
    assert "expected an IANA time zone name such as 'Europe/Kyiv', got string" in checked.stderr
    assert MISSING not in checked.stderr
