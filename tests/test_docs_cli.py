"""The console examples in docs/cli.md are true: each runs and prints what the page shows.

Every ```console block is run, in order, in one empty folder. A line starting
with ``$ `` is a command (run by bash, with this environment's ``peacetalks``
first on the PATH); the lines after it, up to the next command, are its output
(standard output and standard error as a terminal would show them). ``...``
in the expected output stands for anything.
"""

from __future__ import annotations

import os
import re
import subprocess
import sys
from pathlib import Path

import pytest

from conftest import ROOT

PAGE = ROOT / "docs" / "cli.md"
BLOCK = re.compile(r"^```console\n(.*?)^```", re.MULTILINE | re.DOTALL)


def examples() -> list[tuple[str, str]]:
    """(command, expected output) for every command on the page, in order."""
    found: list[tuple[str, str]] = []
    for block in BLOCK.findall(PAGE.read_text(encoding="utf-8")):
        for line in block.splitlines():
            if line.startswith("$ "):
                found.append((line[2:], ""))
            else:
                command, output = found[-1]
                found[-1] = (command, output + line + "\n")
    return found


def matches(expected: str, actual: str) -> bool:
    pattern = ".*".join(re.escape(part) for part in expected.split("..."))
    return re.fullmatch(pattern, actual, re.DOTALL) is not None


def test_the_page_has_examples_of_every_command() -> None:
    commands = " ".join(command for command, _ in examples())
    for name in ("validate", "timeline", "convert", "when", "example", "import", "export"):
        assert f"peacetalks {name}" in commands


@pytest.mark.slow
def test_every_console_example_prints_what_the_page_shows(tmp_path: Path) -> None:
    environment = {
        **os.environ,
        "PATH": f"{Path(sys.executable).parent}{os.pathsep}{os.environ['PATH']}",
        "PYTHONUNBUFFERED": "1",  # keep stdout and stderr in the order written, as a terminal does
        "LC_ALL": "C.UTF-8",
    }
    for command, expected in examples():
        result = subprocess.run(
            ["bash", "-c", command],
            cwd=tmp_path,
            env=environment,
            stdout=subprocess.PIPE,
            stderr=subprocess.STDOUT,
            check=False,
            timeout=120,
        )
        actual = result.stdout.decode("utf-8")
        if not matches(expected, actual):
            pytest.fail(f"$ {command}\n--- the page shows:\n{expected}--- it printed:\n{actual}")
