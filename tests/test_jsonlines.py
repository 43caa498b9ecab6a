"""JSON Lines streams: round trips, corrupted lines counted exactly, rejects, versions, atomic writes."""

from __future__ import annotations

import io
import json
import os
import signal
import subprocess
import sys
import time
from pathlib import Path

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

import peacetalks as pt
from peacetalks import testing

EXAMPLE = pt.load_example()
GOOD = b'{"type":"actor","id":"a%d","category":"person","name":"Person %d"}'


def good_line(number: int) -> bytes:
    return GOOD % (number, number)


def test_a_document_round_trips_through_a_stream(tmp_path: Path) -> None:
    target = tmp_path / "example.jsonl"
    count = pt.write_jsonl(target, EXAMPLE.records, title=EXAMPLE.title, sources=EXAMPLE.sources)
    assert count == 98
    lines = target.read_bytes().splitlines()
    assert len(lines) == 99
    header = json.loads(lines[0])
    assert header["schema_version"] == pt.SCHEMA_VERSION
    assert header["title"] == EXAMPLE.title
    assert "type" not in header
    assert json.loads(lines[1]) == pt.to_dict(EXAMPLE.records[0])
    with pt.read_jsonl(target) as reader:
        records = tuple(reader)
    assert records == EXAMPLE.records
    assert reader.header == pt.Document(title=EXAMPLE.title, sources=EXAMPLE.sources)
    assert (reader.lines, reader.good, reader.bad) == (99, 98, 0)
    assert reader.kinds["actor"] == 43


@settings(max_examples=25)
@given(st.lists(testing.records(), max_size=5))
def test_any_records_round_trip_through_a_stream(records: list[pt.Record]) -> None:
    buffer = io.BytesIO()
    pt.write_jsonl(buffer, records)
    reader = pt.read_jsonl(io.BytesIO(buffer.getvalue()), strict=True)
    assert list(reader) == records


CORRUPTIONS = {
    3: b"not json at all",
    10: b'{"type":"actor","id":"a10","category":"person","name":"Cut off',
    11: b'["an", "array"]',
    20: b'{"type":"actor","id":"a20","category":"person","name":5}',
    21: b'{"type":"actorx","id":"a21"}',
    30: b'{"type":"actor","id":"a30","category":"person","name":"\xff\xfe"}',
    31: b'{"type":"actor","id":"a31","category":"person","name":"A","name":"B"}',
    40: b'{"type":"actor","id":"a40","category":"person","name":NaN}',
    50: b'{"schema_version":1}',
    60: b'{"type":"actor","id":"a60","category":"person","name":"X","nickname":"Y"}',
}
BLANK = {70, 71}


def corrupted_stream(lines: int = 100) -> bytes:
    """A header, then ``lines - 1`` numbered lines: good, corrupted or blank."""
    out = [b'{"schema_version":1,"title":"Corrupted"}']
    for number in range(2, lines + 1):
        out.append(b"" if number in BLANK else CORRUPTIONS.get(number, good_line(number)))
    return b"\n".join(out) + b"\n"


def test_bad_lines_are_reported_with_numbers_and_good_records_kept() -> None:
    reader = pt.JsonLinesReader(io.BytesIO(corrupted_stream()))
    records = list(reader)
    expected_good = [n for n in range(2, 101) if n not in CORRUPTIONS and n not in BLANK]
    assert [r.id for r in records] == [f"a{n}" for n in expected_good]
    assert (reader.lines, reader.good, reader.bad) == (100, 87, 10)
    assert [bad.line for bad in reader.bad_lines] == sorted(CORRUPTIONS)
    problems = {bad.line: bad.problems for bad in reader.bad_lines}
    assert problems[3][0].expected == "well-formed JSON"
    assert problems[11][0].expected == "an object (a record)"
    assert (problems[20][0].record_id, problems[20][0].path) == ("a20", "$.name")
    assert problems[21][0].path == "$.type"
    assert problems[30][0].expected == "UTF-8 text"
    assert "more than once" in str(problems[31][0].got)
    assert "NaN" in str(problems[40][0].got)
    assert problems[50][0].path == "$.type"  # a second header is not a record
    assert problems[60][0].path == "$.nickname"
    assert reader.bad_lines[0].text == b"not json at all"


def test_bad_lines_can_go_to_a_callback_instead_of_a_list() -> None:
    seen: list[int] = []
    reader = pt.JsonLinesReader(
        io.BytesIO(corrupted_stream()), on_bad_line=lambda b: seen.append(b.line)
    )
    assert sum(1 for _ in reader) == 87
    assert seen == sorted(CORRUPTIONS)
    assert reader.bad_lines == []


def test_strict_reading_stops_at_the_first_bad_line() -> None:
    reader = pt.JsonLinesReader(io.BytesIO(corrupted_stream()), strict=True)
    read = []
    with pytest.raises(pt.BadLineError) as caught:
        read.extend(reader)
    assert caught.value.line == 3
    assert [r.id for r in read] == ["a2"]
    assert str(caught.value).startswith("invalid line 3:")


def test_rejects_are_copied_to_a_side_file_after_the_header(tmp_path: Path) -> None:
    rejects = tmp_path / "rejects.jsonl"
    rejects.write_bytes(b"old content\n")
    reader = pt.JsonLinesReader(io.BytesIO(corrupted_stream()), rejects=rejects)
    for _ in reader:
        assert rejects.read_bytes() == b"old content\n"  # replaced only at the end
    lines = rejects.read_bytes().split(b"\n")
    assert lines[0] == b'{"schema_version":1,"title":"Corrupted"}'
    assert lines[1:-1] == [CORRUPTIONS[n] for n in sorted(CORRUPTIONS)]
    again = pt.JsonLinesReader(rejects)
    assert list(again) == []
    assert again.bad == 10


def test_a_clean_stream_leaves_an_empty_rejects_file(tmp_path: Path) -> None:
    rejects = tmp_path / "rejects.jsonl"
    list(pt.JsonLinesReader(io.BytesIO(good_line(1) + b"\n"), rejects=rejects))
    assert rejects.read_bytes() == b""


def test_closing_a_reader_early_writes_the_rejects(tmp_path: Path) -> None:
    rejects = tmp_path / "rejects.jsonl"
    with pt.JsonLinesReader(io.BytesIO(corrupted_stream()), rejects=rejects) as reader:
        for record in reader:
            if record.id == "a5":
                break
    assert rejects.read_bytes().split(b"\n")[1] == CORRUPTIONS[3]


def test_a_stream_without_a_header_is_read_in_the_current_version() -> None:
    reader = pt.JsonLinesReader(io.BytesIO(good_line(1) + b"\n" + good_line(2)))
    assert [r.id for r in reader] == ["a1", "a2"]
    assert reader.header is None
    assert reader.schema_version == pt.SCHEMA_VERSION


@pytest.mark.parametrize("version", [b"3", b"0", b'"1"', b"null"])
def test_a_header_for_an_unknown_version_stops_the_stream(version: bytes) -> None:
    stream = io.BytesIO(b'{"schema_version":' + version + b"}\n" + good_line(2))
    with pytest.raises(pt.SchemaVersionError) as caught:
        list(pt.JsonLinesReader(stream))
    assert caught.value.problems[0].path == "$.schema_version"


def test_a_header_with_bad_fields_is_a_bad_line_but_sets_the_version() -> None:
    stream = io.BytesIO(b'{"schema_version":1,"title":7}\n' + good_line(2))
    reader = pt.JsonLinesReader(stream)
    assert [r.id for r in reader] == ["a2"]
    assert [(b.line, b.problems[0].path) for b in reader.bad_lines] == [(1, "$.title")]
    records_in_header = io.BytesIO(b'{"schema_version":1,"records":[]}\n')
    reader = pt.JsonLinesReader(records_in_header)
    assert list(reader) == []
    assert reader.bad_lines[0].problems[0].path == "$.records"


def test_a_byte_order_mark_and_windows_line_ends_are_read() -> None:
    stream = io.BytesIO(b"\xef\xbb\xbf" + b'{"schema_version":1}\r\n' + good_line(2) + b"\r\n")
    reader = pt.JsonLinesReader(stream)
    assert [r.id for r in reader] == ["a2"]
    assert reader.header == pt.Document()


def test_record_from_dict_is_the_one_door_for_streamed_records() -> None:
    data = pt.to_dict(EXAMPLE.records[0])
    assert pt.record_from_dict(data, pt.SCHEMA_VERSION) == EXAMPLE.records[0]
    with pytest.raises(pt.SchemaVersionError):
        pt.record_from_dict(data, pt.SCHEMA_VERSION + 1)
    with pytest.raises(pt.ValidationError) as caught:
        pt.record_from_dict({**data, "category": "planet"}, pt.SCHEMA_VERSION)
    assert caught.value.problems[0].path == "$.category"


def test_the_lenient_converter_keeps_unknown_keys_in_streams() -> None:
    lenient = pt.make_converter(keep_unknown_keys=True)
    line = CORRUPTIONS[60]
    [record] = pt.JsonLinesReader(io.BytesIO(line), converter=lenient)
    buffer = io.BytesIO()
    pt.write_jsonl(buffer, [record], converter=lenient)
    assert json.loads(buffer.getvalue().splitlines()[1]) == json.loads(line)


def test_a_failed_write_leaves_the_old_file_untouched(tmp_path: Path) -> None:
    target = tmp_path / "out.jsonl"
    target.write_bytes(b"old\n")
    target.chmod(0o640)

    def records() -> object:
        yield EXAMPLE.records[0]
        raise RuntimeError("the pipeline broke")

    with pytest.raises(RuntimeError):
        pt.write_jsonl(target, records())  # type: ignore[arg-type]
    assert target.read_bytes() == b"old\n"
    assert [p.name for p in tmp_path.iterdir()] == ["out.jsonl"]
    pt.write_jsonl(target, EXAMPLE.records[:2])
    assert len(target.read_bytes().splitlines()) == 3
    assert target.stat().st_mode & 0o777 == 0o640  # the replaced file's mode is kept


def test_only_records_can_be_written() -> None:
    with pytest.raises(pt.SerializationError), pt.JsonLinesWriter(io.BytesIO()) as writer:
        writer.write(pt.Document())  # type: ignore[arg-type]


# Writers that take a while, run in a process of their own: {target} is the file they replace.
SLOW_WRITERS = {
    "write_jsonl": """
import time, peacetalks as pt
records = pt.load_example().records
def slowly():
    for record in records * 5:
        yield record
        time.sleep(0.001)
pt.write_jsonl({target!r}, slowly())
""",
    "write_document": """
import os, time, peacetalks as pt
sync = os.fsync
def slow_disk(fd):  # the new content waits in its temporary file for half a second
    time.sleep(0.5)
    sync(fd)
os.fsync = slow_disk
example = pt.load_example()
# The records repeat (a large document quickly), so their ids do too.
pt.write_document(pt.Document(records=example.records * 40), {target!r}, integrity=False)
""",
}


def start_writer(name: str, target: Path) -> subprocess.Popen[bytes]:
    script = SLOW_WRITERS[name].format(target=str(target))
    return subprocess.Popen([sys.executable, "-c", script])


@pytest.mark.slow
@pytest.mark.parametrize("name", sorted(SLOW_WRITERS))
def test_a_killed_writer_leaves_the_old_file_or_the_new_one(tmp_path: Path, name: str) -> None:
    target = tmp_path / "out"
    target.write_bytes(b"old\n")
    started = time.monotonic()
    assert start_writer(name, target).wait(timeout=120) == 0
    lifetime = time.monotonic() - started
    new = target.read_bytes()
    assert new.endswith(b"\n")
    assert new != b"old\n"

    # Killed while its temporary file is being written: the old content.
    target.write_bytes(b"old\n")
    writer = start_writer(name, target)
    deadline = time.monotonic() + 60
    while not any(p.suffix == ".tmp" and p.stat().st_size > 0 for p in tmp_path.iterdir()):
        assert writer.poll() is None, "the writer ended before it could be killed"
        assert time.monotonic() < deadline
        time.sleep(0.005)
    os.kill(writer.pid, signal.SIGKILL)
    writer.wait()
    assert target.read_bytes() == b"old\n"

    # Killed at moments spread over its life: the old content or the complete new one.
    for share in (0.5, 0.8, 0.95):
        target.write_bytes(b"old\n")
        writer = start_writer(name, target)
        time.sleep(lifetime * share)
        os.kill(writer.pid, signal.SIGKILL)
        writer.wait()
        assert target.read_bytes() in (b"old\n", new), share
