"""The `peacetalks validate` and `peacetalks example` commands, run as a user would."""

from __future__ import annotations

import json
from pathlib import Path

import pytest

import peacetalks as pt
from conftest import run_peacetalks as run


def test_validate_with_no_file_checks_the_bundled_example() -> None:
    result = run("validate")
    assert result.returncode == 0, result.stderr
    assert result.stdout.startswith("(bundled example): valid, 98 records (")
    assert "truces" in result.stdout


def test_example_prints_a_document_that_validates(tmp_path: Path) -> None:
    result = run("example")
    assert result.returncode == 0
    assert pt.from_json(result.stdout, pt.Document) == pt.load_example()
    path = tmp_path / "article.json"
    path.write_text(result.stdout, encoding="utf-8")
    checked = run("validate", str(path))
    assert checked.returncode == 0
    assert checked.stdout.startswith(f"{path}: valid, 98 records")


def test_validate_reports_every_problem_and_exits_1(tmp_path: Path) -> None:
    bad = {
        "schema_version": 2,
        "records": [
            {"type": "actor", "id": "a", "category": "state", "name": 5},
            {"type": "statement", "id": "s", "speaker": "a", "quotation": "verbatim", "text": "x"},
        ],
    }
    path = tmp_path / "bad.json"
    path.write_text(json.dumps(bad), encoding="utf-8")
    result = run("validate", str(path))
    assert result.returncode == 1
    lines = result.stdout.splitlines()
    assert lines[0] == f"{path}: invalid, 2 problems"
    assert lines[1] == "  actor 'a' at $.records[0].name: expected a string or null, got integer 5"
    assert lines[2].startswith(
        "  statement 's' at $.records[1].quotation: expected one of 'direct'"
    )


def test_validate_json_format_is_machine_readable(tmp_path: Path) -> None:
    path = tmp_path / "bad.json"
    path.write_text(
        '{"schema_version": 2, "records": [{"type": "venue", "id": "v", "status": "done"}]}'
    )
    result = run("validate", "--format", "json", str(path), "-", stdin=pt.example_json().encode())
    assert result.returncode == 1
    report = json.loads(result.stdout)
    assert report["valid"] is False
    bad, good = report["files"]
    assert good["file"] == "-"
    assert (good["valid"], good["error"], good["problems"]) == (True, None, [])
    assert good["records"] == {"actor": 43, "statement": 32, "proposal": 13, "truce": 2, "venue": 8}
    (problem,) = bad["problems"]
    assert problem["path"] == "$.records[0].status"
    assert (problem["record_kind"], problem["record_id"]) == ("venue", "v")


def test_unknown_keys_are_rejected_unless_asked_to_keep_them(tmp_path: Path) -> None:
    path = tmp_path / "extended.json"
    path.write_text(
        '{"schema_version": 2, "records": [{"type": "actor", "id": "a", "category": "state", "name": "A", "x_rank": 3}]}'
    )
    assert run("validate", str(path)).returncode == 1
    kept = run("validate", "--keep-unknown-keys", str(path))
    assert kept.returncode == 0, kept.stdout


@pytest.mark.parametrize(
    "content", [b"{", b"\xff\xfe", b'{"schema_version": 2, "records": [], "records": []}']
)
def test_malformed_files_are_invalid_not_crashes(tmp_path: Path, content: bytes) -> None:
    path = tmp_path / "broken.json"
    path.write_bytes(content)
    result = run("validate", str(path))
    assert result.returncode == 1
    assert "Traceback" not in result.stderr
    assert result.stdout.startswith(f"{path}: invalid, 1 problem")


def test_missing_file_exits_2_and_other_files_are_still_checked(tmp_path: Path) -> None:
    result = run("validate", str(tmp_path / "nowhere.json"), "-", stdin=pt.example_json().encode())
    assert result.returncode == 2
    assert "nowhere.json: cannot read" in result.stderr
    assert "-: valid" in result.stdout


def test_no_command_prints_help_and_exits_2() -> None:
    result = run()
    assert result.returncode == 2
    assert "validate" in result.stderr


@pytest.mark.parametrize("command", ["validate", "example"])
def test_every_command_has_help_with_examples(command: str) -> None:
    result = run(command, "--help")
    assert result.returncode == 0
    assert "examples:" in result.stdout


def test_version() -> None:
    result = run("--version")
    assert result.stdout.strip() == f"peacetalks {pt.__version__}"
