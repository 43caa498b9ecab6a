"""The newcomer's path: the README's first steps, skipped tests that say how to run them, a
default test run that stays short (the heavier fuzz profile is opt-in)."""

from __future__ import annotations

import ast
import os
import re
import subprocess
import sys

from conftest import ROOT

TESTS = ROOT / "tests"


def test_the_readme_creates_a_virtual_environment_before_installing() -> None:
    readme = (ROOT / "README.md").read_text(encoding="utf-8")
    quick_start = readme.split("## Quick start", 1)[1].split("\n## ", 1)[0]
    venv = quick_start.index("python3 -m venv .venv && . .venv/bin/activate")
    assert venv < quick_start.index("python -m pip install . && peacetalks validate")
    assert venv < quick_start.index('python -m pip install -e ".[test]" && python -m pytest')


def _skip_calls() -> list[tuple[str, int, ast.Call]]:
    found = []
    for path in sorted(TESTS.glob("*.py")):
        for node in ast.walk(ast.parse(path.read_text(encoding="utf-8"))):
            if (
                isinstance(node, ast.Call)
                and isinstance(node.func, ast.Attribute)
                and node.func.attr in ("skip", "importorskip", "skipif")
            ):
                found.append((path.name, node.lineno, node))
    return found


def test_every_skip_says_why_and_how_to_enable_it() -> None:
    calls = _skip_calls()
    assert calls  # the tests below do skip when something is missing
    for name, line, call in calls:
        reasons = [k.value for k in call.keywords if k.arg == "reason"]
        reasons += [a for a in call.args if isinstance(a, ast.JoinedStr)]
        text = ast.unparse(reasons[0]) if reasons else ""
        assert re.search(r"pip install|PEACETALKS_[A-Z_]+", text), f"{name}:{line}: {text!r}"


def test_a_missing_dataset_folder_skips_with_how_to_provide_it(tmp_path: object) -> None:
    env = {
        key: value
        for key, value in os.environ.items()
        if key not in ("PEACETALKS_REQUIRE_SHARED_DATA", "PYTEST_ADDOPTS")
    }
    env["PEACETALKS_SHARED_DATA"] = str(ROOT / "no-such-folder")
    result = subprocess.run(
        [
            sys.executable,
            "-m",
            "pytest",
            "-q",
            "-rs",
            "-p",
            "no:cacheprovider",
            "tests/test_interop_shared_data.py",
        ],
        cwd=ROOT,
        env=env,
        capture_output=True,
        text=True,
        check=False,
        timeout=600,
    )
    assert result.returncode == 0, result.stdout[-2000:]
    skips = [line for line in result.stdout.splitlines() if line.startswith("SKIPPED")]
    assert skips
    for line in skips:
        assert "set PEACETALKS_SHARED_DATA to their folder" in line, line


def test_the_default_fuzz_profile_is_light_and_the_ci_one_is_heavier() -> None:
    probe = (
        "import sys; sys.path.insert(0, 'tests');"
        "import conftest, fuzzing; from hypothesis import settings;"
        "print(fuzzing.PROFILE, settings.get_profile(fuzzing.PROFILE).max_examples,"
        " settings.get_profile('fuzz-ci').max_examples)"
    )
    env = {k: v for k, v in os.environ.items() if k != "PEACETALKS_FUZZ_PROFILE"}
    out = subprocess.run(
        [sys.executable, "-c", probe], cwd=ROOT, env=env, capture_output=True, text=True, check=True
    ).stdout.split()
    assert out[0] == "fuzz-quick"
    assert int(out[1]) * 4 <= int(out[2])
    ci = (ROOT / ".ci" / "run").read_text(encoding="utf-8")
    assert "export PEACETALKS_FUZZ_PROFILE=fuzz-ci" in ci
