"""The real ``peacetalks`` command, run in a subprocess: validate, timeline, convert, example."""

from __future__ import annotations

import json
import os
import pty
import subprocess
from pathlib import Path

import pytest

import peacetalks as pt
from conftest import PEACETALKS
from conftest import run_peacetalks as run

COMMANDS = ("validate", "timeline", "convert", "example")


@pytest.fixture(scope="module")
def files(tmp_path_factory: pytest.TempPathFactory) -> Path:
    """A folder with the example as a document and as a stream, and a corrupted stream."""
    folder = tmp_path_factory.mktemp("cli")
    document = pt.load_example()
    (folder / "example.json").write_text(pt.example_json(), encoding="utf-8")
    pt.write_jsonl(
        folder / "example.jsonl", document.records, title=document.title, sources=document.sources
    )
    lines = (folder / "example.jsonl").read_bytes().splitlines()
    lines[5] = b"{not json"
    lines[9] = lines[9].replace(b'"category":"state"', b'"category":"planet"')
    (folder / "bad.jsonl").write_bytes(b"\n".join(lines) + b"\n")
    wrong_kind = pt.to_dict(document)
    wrong_kind["records"].append(
        {
            "type": "statement",
            "id": "odd",
            "speaker": "saudi-talks",
            "quotation": "direct",
            "text": "Hi.",
        }
    )
    (folder / "wrong-kind.json").write_text(json.dumps(wrong_kind), encoding="utf-8")
    return folder


@pytest.mark.parametrize("command", COMMANDS)
def test_every_command_has_help_with_examples(command: str) -> None:
    result = run(command, "--help")
    assert result.returncode == 0
    assert "examples:" in result.stdout
    assert f"peacetalks {command}" in result.stdout.split("examples:")[1]
    if command != "example":
        assert "exit codes:" in result.stdout


def test_the_top_level_help_lists_every_command() -> None:
    result = run("--help")
    assert result.returncode == 0
    for command in COMMANDS:
        assert command in result.stdout
    assert run().returncode == 2


# validate


def test_validate_checks_documents_and_streams(files: Path) -> None:
    result = run("validate", "example.json", "example.jsonl", cwd=files)
    assert result.returncode == 0
    summary = "valid, 98 records (43 actors, 32 statements, 13 proposals, 2 truces, 8 venues)"
    unchecked = ", integrity not checked (add --integrity for a stream)"
    assert result.stdout.splitlines() == [
        f"example.json: {summary}",
        f"example.jsonl: {summary}{unchecked}",
    ]
    assert result.stderr == ""


def test_validate_reports_every_bad_line_and_keeps_going(files: Path) -> None:
    result = run("validate", "bad.jsonl", cwd=files)
    assert result.returncode == 1
    lines = result.stdout.splitlines()
    assert lines[0].startswith("bad.jsonl:6: $: expected well-formed JSON")
    assert lines[1].startswith("bad.jsonl:10: actor 'iran' at $.category: expected one of")
    assert lines[2] == (
        "bad.jsonl: invalid, 96 records (41 actors, 32 statements, 13 proposals, 2 truces,"
        " 8 venues), 2 bad lines of 99, integrity not checked (add --integrity for a stream)"
    )
    summary = run("validate", "--summary", "bad.jsonl", cwd=files)
    assert summary.stdout.splitlines() == [lines[2]]


def test_validate_fail_fast_stops_at_the_first_bad_line(files: Path) -> None:
    result = run("validate", "--fail-fast", "bad.jsonl", cwd=files)
    assert result.returncode == 1
    assert [line.split(":")[1] for line in result.stdout.splitlines()[:-1]] == ["6"]


def test_validate_writes_rejects_for_one_file(files: Path, tmp_path: Path) -> None:
    rejects = tmp_path / "rejects.jsonl"
    result = run("validate", "--rejects", str(rejects), "bad.jsonl", cwd=files)
    assert result.returncode == 1
    written = rejects.read_bytes().splitlines()
    assert len(written) == 3  # the header, then the two bad lines
    assert written[1] == b"{not json"
    misuse = run("validate", "--rejects", str(rejects), "bad.jsonl", "example.json", cwd=files)
    assert misuse.returncode == 2
    assert "exactly one input file" in misuse.stderr


def test_validate_json_report(files: Path) -> None:
    result = run("validate", "--format", "json", "bad.jsonl", "example.json", cwd=files)
    assert result.returncode == 1
    report = json.loads(result.stdout)
    assert report["valid"] is False
    stream, document = report["files"]
    assert (stream["format"], stream["lines"], stream["bad_line_count"]) == ("jsonl", 99, 2)
    assert [bad["line"] for bad in stream["bad_lines"]] == [6, 10]
    assert stream["bad_lines"][1]["problems"][0]["path"] == "$.category"
    assert stream["records"]["actor"] == 41
    assert (document["format"], document["valid"], document["problems"]) == ("json", True, [])
    summary = json.loads(
        run("validate", "--format", "json", "--summary", "bad.jsonl", cwd=files).stdout
    )
    assert "bad_lines" not in summary["files"][0]
    assert summary["files"][0]["bad_line_count"] == 2


def test_validate_integrity_reports_records_that_do_not_fit(files: Path) -> None:
    assert run("validate", "--no-integrity", "wrong-kind.json", cwd=files).returncode == 0
    result = run("validate", "wrong-kind.json", cwd=files)
    assert result.returncode == 1
    assert result.stdout.splitlines() == [
        "wrong-kind.json: invalid, 1 problem",
        "  statement 'odd' at $.records[98].speaker: expected the id of an actor,"
        " got 'saudi-talks', the id of a venue",
    ]
    streamed = run("convert", "wrong-kind.json", "--to", "jsonl", cwd=files).stdout
    result = run("validate", "--integrity", "-", stdin=streamed.encode())
    assert result.returncode == 1
    assert result.stdout.splitlines()[0] == (
        "-:100: statement 'odd' at $.speaker: expected the id of an actor,"
        " got 'saudi-talks', the id of a venue"
    )
    skipped = run("validate", "--integrity", "bad.jsonl", cwd=files)
    assert "integrity not checked because of the bad lines" in skipped.stdout


def test_validate_reads_stdin_and_tells_formats_apart(files: Path) -> None:
    stream = (files / "example.jsonl").read_bytes()
    assert run("validate", "-", stdin=stream).stdout.startswith("-: valid, 98 records")
    document = (files / "example.json").read_bytes()
    assert run("validate", "-", stdin=document).stdout.startswith("-: valid, 98 records")
    one_line_document = json.dumps(json.loads(document)).encode()
    assert run("validate", "-", stdin=one_line_document).returncode == 0
    forced = run("validate", "--input-format", "json", "example.jsonl", cwd=files)
    assert forced.returncode == 1
    assert "well-formed JSON" in forced.stdout


def test_validate_exit_codes_for_unreadable_files_and_unknown_versions(files: Path) -> None:
    missing = run("validate", "missing.json", "example.json", cwd=files)
    assert missing.returncode == 2
    assert "missing.json: cannot read" in missing.stderr
    newer = run("validate", "-", stdin=b'{"schema_version":99}\n{"type":"actor"}\n')
    assert newer.returncode == 1
    assert "-:1: $.schema_version: expected schema version 2 or older" in newer.stdout


# timeline


def test_timeline_of_the_bundled_example() -> None:
    result = run("timeline")
    assert result.returncode == 0
    lines = result.stdout.splitlines()
    assert lines[0].startswith("  1. 2022 to 2023")
    declared = next(line for line in lines if "energy-truce: declared" in line)
    assert declared.startswith("  2. 2025-03-18 (America/New_York)")
    assert any(
        "energy-truce: Ukraine consented" in line and line.startswith("    ") for line in lines
    )
    assert "Unknown or open-ended times:" in lines
    assert any("by 2025-03-23" in line and "United States: not agreed" in line for line in lines)


def test_timeline_as_json_from_a_stream_matches_the_document(files: Path) -> None:
    from_document = json.loads(
        run("timeline", "example.json", "--format", "json", cwd=files).stdout
    )
    from_stream = json.loads(run("timeline", "example.jsonl", "--format", "json", cwd=files).stdout)
    assert from_document == from_stream
    first = from_document["steps"][1][0]
    assert (first["record_id"], first["what"], first["path"]) == (
        "energy-truce",
        "declared",
        "$.declared",
    )
    assert first["when"]["earliest"] == "2025-03-18"


def test_timeline_refuses_records_that_do_not_fit(files: Path) -> None:
    result = run("timeline", "wrong-kind.json", cwd=files)
    assert result.returncode == 1
    assert result.stdout == ""
    assert "statement 'odd' at $.records[98].speaker" in result.stderr
    bad = run("timeline", "bad.jsonl", cwd=files)
    assert bad.returncode == 1
    assert "line 6:" in bad.stderr
    assert run("timeline", "missing.json", cwd=files).returncode == 2


# convert


def test_convert_round_trips_a_document_through_a_stream(files: Path, tmp_path: Path) -> None:
    stream, back = tmp_path / "x.jsonl", tmp_path / "x.json"
    first = run("convert", str(files / "example.json"), "-o", str(stream))
    assert first.returncode == 0
    assert "wrote 98 records" in first.stderr
    assert json.loads(stream.read_bytes().splitlines()[0])["title"].startswith("US hopes")
    assert run("convert", str(stream), "-o", str(back)).returncode == 0
    assert json.loads(back.read_text()) == json.loads(pt.example_json())


def test_convert_skips_bad_lines_unless_told_to_fail_fast(files: Path, tmp_path: Path) -> None:
    target, rejects = tmp_path / "clean.json", tmp_path / "rejects.jsonl"
    result = run("convert", "bad.jsonl", "-o", str(target), "--rejects", str(rejects), cwd=files)
    assert result.returncode == 1
    assert "bad.jsonl:6:" in result.stderr
    assert len(json.loads(target.read_text())["records"]) == 96
    assert len(rejects.read_bytes().splitlines()) == 3
    target.write_text("old")
    failed = run("convert", "bad.jsonl", "-o", str(target), "--fail-fast", cwd=files)
    assert failed.returncode == 1
    assert "stopped at line 6, nothing written" in failed.stderr
    assert target.read_text() == "old"


def test_convert_to_standard_output(files: Path) -> None:
    result = run("convert", "example.json", "--to", "jsonl", cwd=files)
    assert result.returncode == 0
    assert result.stdout.encode() == (files / "example.jsonl").read_bytes()
    compact = run("convert", "example.jsonl", "--indent", "0", cwd=files)
    assert len(compact.stdout.splitlines()) == 1
    assert json.loads(compact.stdout)["schema_version"] == 2
    invalid = run("convert", "-", stdin=b'{"schema_version": 2, "records": [5]}')
    assert invalid.returncode == 1
    assert "nothing written" in invalid.stderr


def test_example_prints_the_bundled_document() -> None:
    result = run("example")
    assert result.returncode == 0
    assert json.loads(result.stdout) == json.loads(pt.example_json())


# The progress bar


@pytest.mark.parametrize(
    ("command", "drawing", "printed"),
    [
        (("validate", "example.jsonl"), b"validating example.jsonl [", b"example.jsonl: valid"),
        (
            ("export", "parquet", "example.jsonl", "-o", "progress-tables"),
            b"exporting example.jsonl [",
            b"progress-tables: 98 records",
        ),
    ],
    ids=["validate", "export"],
)
def test_progress_is_drawn_only_when_stderr_is_a_terminal(
    files: Path, command: tuple[str, ...], drawing: bytes, printed: bytes
) -> None:
    quiet = run(*command, cwd=files)
    assert quiet.stderr == ""
    controller, terminal = pty.openpty()
    process = subprocess.Popen(
        [PEACETALKS, *command], cwd=files, stdout=subprocess.PIPE, stderr=terminal
    )
    os.close(terminal)
    drawn = b""
    while True:
        try:
            chunk = os.read(controller, 4096)
        except OSError:  # the terminal closed: the command ended
            break
        if not chunk:
            break
        drawn += chunk
    os.close(controller)
    stdout, _ = process.communicate(timeout=60)
    assert process.returncode == 0
    assert drawing in drawn
    assert b"lines" in drawn
    assert drawn.endswith(b"\r\x1b[K")  # the bar is cleared at the end
    assert stdout.startswith(printed)
