"""The schema on the command line, and the generated files kept current."""

from __future__ import annotations

import json
import subprocess
import sys
from pathlib import Path

import jsonschema
import pytest

from conftest import run_peacetalks as run
from peacetalks._reference import build_reference
from peacetalks.schema import build_schema, load_schema, load_schema_text, main, schema_text

ROOT = Path(__file__).resolve().parent.parent
REFERENCE = ROOT / "docs" / "reference.md"


def test_peacetalks_schema_prints_the_shipped_schema() -> None:
    result = run("schema")
    assert result.returncode == 0, result.stderr
    assert result.stdout == load_schema_text()
    jsonschema.Draft202012Validator.check_schema(json.loads(result.stdout))


def test_peacetalks_schema_help_has_examples_and_exit_codes() -> None:
    result = run("schema", "--help")
    assert result.returncode == 0
    assert "examples:" in result.stdout
    assert "exit codes:" in result.stdout
    assert "#/$defs/Record" in result.stdout


def test_peacetalks_schema_refuses_arguments() -> None:
    result = run("schema", "extra.json")
    assert result.returncode == 2
    assert "unrecognized arguments" in result.stderr


def _python(*args: str) -> subprocess.CompletedProcess[str]:
    return subprocess.run(
        [sys.executable, *args], capture_output=True, text=True, check=False, cwd=ROOT
    )


def test_the_shipped_schema_and_reference_are_current() -> None:
    result = _python("-m", "peacetalks.schema", "--check", "--reference", str(REFERENCE))
    assert result.returncode == 0, result.stderr
    assert load_schema_text() == schema_text(build_schema())
    assert REFERENCE.read_text(encoding="utf-8") == build_reference(build_schema())


def test_the_module_prints_the_generated_schema() -> None:
    result = _python("-m", "peacetalks.schema")
    assert result.returncode == 0
    assert json.loads(result.stdout) == build_schema()


def test_check_fails_on_a_stale_file_and_write_mends_it(
    tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    page = tmp_path / "reference.md"
    page.write_text("# An old reference\n", encoding="utf-8")
    assert main(["--check", "--reference", str(page)]) == 1
    assert f"{page} is stale" in capsys.readouterr().err
    assert page.read_text(encoding="utf-8") == "# An old reference\n"
    assert main(["--write", "--reference", str(page)]) == 0
    assert page.read_text(encoding="utf-8") == REFERENCE.read_text(encoding="utf-8")
    assert main(["--check", "--reference", str(page)]) == 0


def test_check_and_write_cannot_be_combined() -> None:
    with pytest.raises(SystemExit) as exited:
        main(["--check", "--write"])
    assert exited.value.code == 2


def test_validate_names_both_versions_for_a_newer_document(tmp_path: Path) -> None:
    newer = tmp_path / "newer.json"
    newer.write_text('{"schema_version": 3, "records": []}', encoding="utf-8")
    result = run("validate", str(newer))
    assert result.returncode == 1
    assert "got schema version 3" in result.stdout
    assert "schema version 2 or older" in result.stdout


def test_the_reference_covers_every_definition_and_field() -> None:
    page = REFERENCE.read_text(encoding="utf-8")
    for name, definition in load_schema()["$defs"].items():
        assert f"\n### {name}\n" in page
        for field in definition.get("properties", {}):
            assert f"| `{field}` |" in page, f"{name}.{field}"
    assert "| `name` | [NonEmptyText](#nonemptytext) or null | no |" in page
    assert '`"United States"`' in page, "examples come from the bundled example"
