"""Integrity by default for documents, opt-in for streams: ``read_document`` and ``validate``."""

from __future__ import annotations

import json
import tempfile
from pathlib import Path

import pytest
from hypothesis import given, settings

import peacetalks as pt
from conftest import run_peacetalks as run
from peacetalks.testing import documents

STREAM_UNCHECKED = "integrity not checked (add --integrity for a stream)"


@pytest.fixture(scope="module")
def folder(tmp_path_factory: pytest.TempPathFactory) -> Path:
    """The example with a misspelled speaker and a duplicate id, as a document and a stream."""
    here = tmp_path_factory.mktemp("integrity")
    data = pt.to_dict(pt.load_example())
    statement = next(r for r in data["records"] if r["id"] == "trump-full-ceasefire")
    statement["speaker"] = "trumpp"  # no actor has this id
    data["records"].append(dict(data["records"][0]))  # the first record's id, twice
    (here / "odd.json").write_text(json.dumps(data), encoding="utf-8")
    header = {"schema_version": data["schema_version"]}
    lines = [json.dumps(header), *(json.dumps(record) for record in data["records"])]
    (here / "odd.jsonl").write_text("\n".join(lines) + "\n", encoding="utf-8")
    return here


def test_read_document_checks_integrity_by_default(folder: Path) -> None:
    with pytest.raises(pt.IntegrityError) as raised:
        pt.read_document(folder / "odd.json")
    problems = {(p.record_id, p.path) for p in raised.value.problems}
    assert problems == {
        ("trump-full-ceasefire", "$.records[43].speaker"),
        ("united-states", "$.records[98].id"),
    }
    assert "invalid document: 2 problems" in str(raised.value)
    document = pt.read_document(folder / "odd.json", integrity=False)
    assert len(document.records) == 99


def test_read_document_of_records_that_fit_is_unchanged(tmp_path: Path) -> None:
    path = tmp_path / "talks.json"
    pt.write_document(pt.load_example(), path)
    assert pt.read_document(path) == pt.read_document(path, integrity=False) == pt.load_example()


def test_validate_checks_a_documents_integrity_unless_told_not_to(folder: Path) -> None:
    result = run("validate", "odd.json", cwd=folder)
    assert result.returncode == 1
    lines = result.stdout.splitlines()
    assert lines[0] == "odd.json: invalid, 2 problems"
    assert "already the id of an actor" in lines[1]
    assert "'trumpp'" in lines[2]
    skipped = run("validate", "--no-integrity", "odd.json", cwd=folder)
    assert skipped.returncode == 0
    assert skipped.stdout.startswith("odd.json: valid, 99 records")


def test_validate_says_when_a_stream_was_not_checked_for_integrity(folder: Path) -> None:
    result = run("validate", "odd.jsonl", cwd=folder)
    assert result.returncode == 0
    assert result.stdout.rstrip().endswith(", " + STREAM_UNCHECKED)
    checked = run("validate", "--integrity", "odd.jsonl", cwd=folder)
    assert checked.returncode == 1
    assert checked.stdout.splitlines()[-1].endswith("2 integrity problems")
    assert STREAM_UNCHECKED not in checked.stdout


def test_the_json_report_says_whether_integrity_was_checked(folder: Path) -> None:
    def checked(*args: str) -> list[bool]:
        report = json.loads(run("validate", "--format", "json", *args, cwd=folder).stdout)
        return [file["integrity_checked"] for file in report["files"]]

    assert checked("odd.json", "odd.jsonl") == [True, False]
    assert checked("--no-integrity", "odd.json", "odd.jsonl") == [False, False]
    assert checked("--integrity", "odd.json", "odd.jsonl") == [True, True]


def test_write_document_refuses_records_that_do_not_fit_and_writes_nothing(
    folder: Path, tmp_path: Path
) -> None:
    odd = pt.read_document(folder / "odd.json", integrity=False)
    target = tmp_path / "out.json"
    with pytest.raises(pt.IntegrityError) as raised:
        pt.write_document(odd, target)
    assert len(raised.value.problems) == 2
    assert not target.exists()
    assert not list(tmp_path.iterdir())  # no temporary file either
    pt.write_document(odd, target, integrity=False)
    assert pt.read_document(target, integrity=False) == odd


@settings(max_examples=settings.default.max_examples, deadline=None)
@given(documents(max_records=4))
def test_every_document_that_writes_reads_back_equal(document: pt.Document) -> None:
    with tempfile.TemporaryDirectory() as work:
        target = Path(work) / "talks.json"
        try:
            pt.write_document(document, target)
        except pt.IntegrityError:
            assert not target.exists()
            return
        assert pt.read_document(target) == document


def test_export_of_a_document_checks_integrity_unless_told_not_to(
    folder: Path, tmp_path: Path
) -> None:
    result = run("export", "parquet", str(folder / "odd.json"), "-o", str(tmp_path / "t"))
    assert result.returncode == 1
    assert "invalid, nothing written" in result.stderr
    assert "'trumpp'" in result.stderr
    assert not (tmp_path / "t").exists() or not list((tmp_path / "t").rglob("*.parquet"))
    result = run(
        "export", "csv", "--no-integrity", str(folder / "odd.json"), "-o", str(tmp_path / "c")
    )
    assert result.returncode == 0, result.stderr
    assert (tmp_path / "c" / "actors.csv").exists()
