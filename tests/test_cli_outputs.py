"""Every command that writes picks JSON or JSON Lines by one rule: the real ``peacetalks`` command.

``--output-format`` if given, else the output's suffix, else the command's default; what
was written is what ``validate`` then reads without being told.
"""

from __future__ import annotations

import json
from pathlib import Path

import pytest

import peacetalks as pt
from conftest import run_peacetalks as run


@pytest.fixture(scope="module")
def folder(tmp_path_factory: pytest.TempPathFactory) -> Path:
    here = tmp_path_factory.mktemp("outputs")
    (here / "talks.json").write_text(pt.example_json(), encoding="utf-8")
    return here


def is_stream(path: Path) -> bool:
    """A JSON Lines stream: every line one JSON object, the first a header."""
    lines = path.read_text(encoding="utf-8").splitlines()
    objects = [json.loads(line) for line in lines]
    return len(lines) > 1 and "schema_version" in objects[0] and "records" not in objects[0]


def is_document(path: Path) -> bool:
    data = json.loads(path.read_text(encoding="utf-8"))
    return isinstance(data, dict) and "records" in data


@pytest.mark.parametrize("name", ["out.jsonl", "out.ndjson", "out.JSONLINES"])
def test_example_writes_a_stream_under_a_stream_name(folder: Path, name: str) -> None:
    assert run("example", "-o", name, cwd=folder).returncode == 0
    assert is_stream(folder / name)
    checked = run("validate", "--integrity", name, cwd=folder)
    assert checked.stdout.startswith(f"{name}: valid, 98 records")


def test_example_writes_a_document_by_default_and_under_a_json_name(folder: Path) -> None:
    assert run("example", "-o", "doc.json", cwd=folder).returncode == 0
    assert (folder / "doc.json").read_text(encoding="utf-8") == pt.example_json()
    assert run("example", "-o", "other.txt", cwd=folder).returncode == 0
    assert is_document(folder / "other.txt")
    forced = run("example", "-o", "forced.json", "--output-format", "jsonl", cwd=folder)
    assert forced.returncode == 0
    assert is_stream(folder / "forced.json")
    streamed = run("example", "--output-format", "jsonl").stdout
    assert streamed == (folder / "out.jsonl").read_text(encoding="utf-8")


def test_example_reports_an_output_it_cannot_write(folder: Path) -> None:
    failed = run("example", "-o", "no/such/folder/x.json", cwd=folder)
    assert failed.returncode == 2
    assert "cannot write" in failed.stderr


def test_convert_takes_output_format_and_still_takes_to(folder: Path) -> None:
    new = run("convert", "talks.json", "--output-format", "jsonl", cwd=folder)
    old = run("convert", "talks.json", "--to", "jsonl", cwd=folder)
    assert new.returncode == old.returncode == 0
    assert new.stdout == old.stdout
    assert new.stdout.splitlines()[0].startswith(f'{{"schema_version":{pt.SCHEMA_VERSION}')
    by_name = run("convert", "talks.json", "-o", "talks.ndjson", cwd=folder)
    assert by_name.returncode == 0
    assert is_stream(folder / "talks.ndjson")
    assert "--output-format" in run("convert", "--help").stdout


def test_export_writes_plover_events_one_a_line_under_a_stream_name(folder: Path) -> None:
    as_list = run("export", "plover", "talks.json", "-o", "events.json", cwd=folder)
    as_lines = run("export", "plover", "talks.json", "-o", "events.jsonl", cwd=folder)
    assert as_list.returncode == as_lines.returncode == 0
    events = json.loads((folder / "events.json").read_text(encoding="utf-8"))
    lines = (folder / "events.jsonl").read_text(encoding="utf-8").splitlines()
    assert [json.loads(line) for line in lines] == events
    forced = run(
        "export", "plover", "talks.json", "-o", "ev.out", "--output-format", "jsonl", cwd=folder
    )
    assert forced.returncode == 0
    assert len((folder / "ev.out").read_text(encoding="utf-8").splitlines()) == len(events)


def test_export_refuses_popolo_under_a_stream_name_and_writes_nothing(folder: Path) -> None:
    refused = run("export", "popolo", "talks.json", "-o", "people.jsonl", cwd=folder)
    assert refused.returncode == 2
    assert "no JSON Lines form" in refused.stderr
    assert not (folder / "people.jsonl").exists()
    written = run("export", "popolo", "talks.json", "-o", "people.json", cwd=folder)
    assert written.returncode == 0
    assert set(json.loads((folder / "people.json").read_text(encoding="utf-8"))) >= {"persons"}
