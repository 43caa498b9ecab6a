"""Untrusted input in bounded time and memory: one regression test per way it once was not.

The timing tests here compare growth, never absolute time: a check that reads 10 times
the input may take about 10 times as long (with generous slack for a busy machine),
not 100 times.
"""

from __future__ import annotations

import importlib
import io
import json
import pkgutil
import re
import time
import tracemalloc
from collections.abc import Callable, Iterator
from pathlib import Path
from typing import Any

import pytest

import peacetalks as pt
from conftest import run_peacetalks
from fuzzing import within
from peacetalks import _jsonscan, _rules
from peacetalks.interop import RowOutcome, read_pax
from peacetalks.interop._pax_parties import people

# Patterns: linear growth, bounded length -------------------------------------------

_SCHEMA = json.loads((Path(pt.__file__).parent / "data" / "schema.json").read_text("utf-8"))


def _schema_patterns(value: Any) -> Iterator[str]:
    if isinstance(value, dict):
        for key, item in value.items():
            if key == "pattern" and isinstance(item, str):
                yield item
            else:
                yield from _schema_patterns(item)
    elif isinstance(value, list):
        for item in value:
            yield from _schema_patterns(item)


#: Every pattern the JSON Schema holds (every rule's, the time points', the schemes'),
#: and the rules' own patterns.
PATTERNS = sorted(
    set(_schema_patterns(_SCHEMA))
    | {getattr(_rules, name) for name in dir(_rules) if name.endswith("_PATTERN")}
)
_PREFIXES = ("", "http://", "https://a", "Q1", "2025-", "en-", "Europe/", "a")
_FILLERS = ("a", "0", "a-", "a/", "/a", ".", "-", " ", "a:", "aA0._:-", "\\")
_SUFFIXES = ("", "!", " ", "\n", "/ ", "\x00")


def _best_time(call: Callable[[], object], repeats: int = 5) -> float:
    best = float("inf")
    for _ in range(repeats):
        started = time.perf_counter()
        call()
        best = min(best, time.perf_counter() - started)
    return best


def _adversarial(length: int) -> Iterator[str]:
    for prefix in _PREFIXES:
        for filler in _FILLERS:
            for suffix in _SUFFIXES:
                yield prefix + filler * (length // len(filler)) + suffix


def _growth(match: Callable[[str], object], make: Callable[[int], str]) -> float:
    """How much longer ``match`` takes on 10^5 characters than on 10^4."""
    short, long = make(10_000), make(100_000)
    return _best_time(lambda: match(long)) / max(_best_time(lambda: match(short)), 1e-6)


def _worst_shape(match: Callable[[str], object]) -> Callable[[int], str]:
    """The adversarial shape ``match`` takes longest on, at 2,000 characters."""
    shapes = [
        (prefix, filler, suffix)
        for prefix in _PREFIXES
        for filler in _FILLERS
        for suffix in _SUFFIXES
    ]
    prefix, filler, suffix = max(
        shapes,
        key=lambda s: _best_time(lambda: match(s[0] + s[1] * (2000 // len(s[1])) + s[2]), 1),
    )
    return lambda n: prefix + filler * (n // len(filler)) + suffix


@pytest.mark.parametrize("pattern", PATTERNS)
def test_every_pattern_runs_in_linear_time(pattern: str) -> None:
    """Matched whole (as the rules do) and searched (as JSON Schema validators do)."""
    compiled = re.compile(pattern)
    for match in (compiled.fullmatch, compiled.search):
        growth = _growth(match, _worst_shape(match))
        assert growth < 40, f"{pattern!r} {match.__name__}: 10x the input took {growth:.0f}x"


def _compiled_patterns() -> dict[str, re.Pattern[Any]]:
    """Every pattern compiled at the top of a module of the package, by dotted name."""
    found: dict[str, re.Pattern[Any]] = {}
    for module in pkgutil.walk_packages(pt.__path__, "peacetalks."):
        for name, value in vars(importlib.import_module(module.name)).items():
            if isinstance(value, re.Pattern):
                found.setdefault(f"{module.name}.{name}", value)
    return found


COMPILED = _compiled_patterns()
#: Patterns never searched over text of any length: each only matched from a given
#: position, or searched within a window of bounded size (the reason says which).
NOT_SEARCHED = {
    "peacetalks._timewords._DURATION": "fullmatch on words of bounded length",
    "peacetalks.extract._STRING_REST": "match from a quote",
    "peacetalks.interop._durations._LENGTH": "fullmatch on one cell",
    "peacetalks.interop._pax_parties._TRAILING_MARK": "search within _MARK_WINDOW characters",
}


@pytest.mark.parametrize("name", sorted(COMPILED))
def test_every_compiled_pattern_in_the_package_runs_in_linear_time(name: str) -> None:
    compiled = COMPILED[name]
    modes = [compiled.fullmatch] if name in NOT_SEARCHED else [compiled.fullmatch, compiled.search]
    for mode in modes:
        match: Callable[[str], object] = mode
        if isinstance(compiled.pattern, bytes):
            match = lambda text, m=mode: m(text.encode("utf-8", "surrogatepass"))  # noqa: E731
        growth = _growth(match, _worst_shape(match))
        assert growth < 40, f"{name} {mode.__name__}: 10x the input took {growth:.0f}x"


def test_the_patterns_not_searched_are_still_in_the_package() -> None:
    assert set(NOT_SEARCHED) <= set(COMPILED)
    assert len(COMPILED) > 40


def test_pax_party_cells_with_long_runs_of_spaces_are_read_at_once() -> None:
    spaces = " " * 60_000  # two runs fill a cell: the CSV reader takes 131,072 characters
    cells = {
        f"A{spaces}B": [],  # too long for a name
        f"Hamas{spaces}and{spaces}Fatah (signed)": [
            ("signatories", "Hamas"),
            ("signatories", "Fatah"),
        ],
        f"1.{spaces}AB{spaces}[signed]": [("signatories", "AB")],
    }
    with within(5):
        for cell, names in cells.items():
            assert people(cell, "signatories", [], "Part") == names
        data = f'AgtId,Agt,Dat,Part\n1,"Agreement",2001-02-03,"1.{spaces}AB{spaces}[signed]"\n'
        result = read_pax(data.encode())
    assert [report.outcome for report in result.rows] == [RowOutcome.IMPORTED]
    # The same cells with short runs: the names, without their marks.
    assert people("1.   AB   [signed]", "signatories", [], "Part") == [("signatories", "AB")]
    assert people("B  Name ,  sd.", "signatories", [], "Part") == [("signatories", "B Name")]


RULES = [value for value in vars(_rules).values() if isinstance(value, _rules.Rule)]


@pytest.mark.parametrize("rule", RULES, ids=lambda rule: rule.name)
def test_every_rule_checks_a_bounded_length_or_runs_in_linear_time(rule: _rules.Rule) -> None:
    for test in (rule.test, rule.text_test):
        if test is None:
            continue
        growth = _growth(test, _worst_shape(test))
        assert growth < 40, f"{rule.name}: 10x the input took {growth:.0f}x"


def test_a_long_url_that_does_not_match_is_refused_at_once() -> None:
    url = "http://" + "a" * 1_000_000 + " "
    with within(5):
        assert not _rules.URL.test(url)
        assert not _rules.URL.text_test(url)  # type: ignore[misc]
        with pytest.raises(pt.ValidationError, match="at most 8,192 characters"):
            pt.Citation(url=url[:-1])
        assert not _rules.URL.test(url[: _rules.URL_MAX - 1] + " ")
    assert _rules.URL.test("https://example.org/" + "a" * (_rules.URL_MAX - 20))
    assert not _rules.URL.test("https://example.org/" + "a" * (_rules.URL_MAX - 19))
    assert _URL_SCHEMA["maxLength"] == _rules.URL_MAX


_URL_SCHEMA = _rules.URL.schema


def test_the_url_pattern_accepts_what_it_accepted_before() -> None:
    old = re.compile(rf"^https?://[^{_rules.WHITESPACE}/?#]+[^{_rules.WHITESPACE}]*$")
    for url in (
        "http://a",
        "https://example.org/path?q=1#f",
        "https://a?b",
        "https://a#",
        "https://a/b c",
        "https:///a",
        "http://a b",
        "https://user@host:8080/x/y//z?a=b&c=d",
        "https://",
        "ftp://a",
    ):
        assert bool(_rules.URL.test(url)) == (old.fullmatch(url) is not None), url


def _walk(data: bytes) -> None:
    _jsonscan.Walker(data).advance(len(data) + 1)


def test_the_json_scanner_patterns_run_in_linear_time() -> None:
    for data in (b'"' + b"\\n" * 50_000, b'"' + b"a\\" * 50_000, b"\\ud800" * 20_000):
        short = data[: len(data) // 10]
        growth = _best_time(lambda d=data: _walk(d)) / max(
            _best_time(lambda s=short: _walk(s)), 1e-6
        )
        assert growth < 40


# parse_time and parse_duration read bounded words ------------------------------------


def test_parse_time_refuses_words_longer_than_it_reads() -> None:
    with within(5), pytest.raises(pt.UnreadableTimeError, match="longer than 300") as raised:
        pt.parse_time("march " + "1" * 1_000_000, "2025-03-23T12:00:00Z", "UTC")
    assert len(str(raised.value)) < 300  # the message shows the start of the words only
    kept = pt.parse_time("march " + "1" * 1_000_000, on_unknown="keep")
    assert kept.earliest is None
    assert len(kept.words) == 1_000_006
    longest = "on " + " " * (pt.timeparse.MAX_TIME_WORDS - 13) + "march 2025"
    assert str(pt.parse_time(longest).earliest) == "2025-03"


def test_parse_duration_refuses_words_longer_than_it_reads() -> None:
    with within(5), pytest.raises(pt.UnreadableTimeError, match="longer than 300"):
        pt.parse_duration("1" * 1_000_000 + " days")
    kept = pt.parse_duration("a" * 1_000_000, on_unknown="keep")
    assert kept.kind is pt.DurationKind.UNKNOWN


# Problems: at most max_problems per document or line ----------------------------------


def _actor_with_names(count: int) -> bytes:
    names = b",".join([b"{}"] * count)
    return b'{"type":"actor","id":"a","category":"person","name":"A","names":[' + names + b"]}"


def test_a_line_of_empty_names_reports_a_bounded_number_of_problems() -> None:
    with pytest.raises(pt.ValidationError) as raised:
        pt.from_json(_actor_with_names(200_000), pt.Actor)
    problems = raised.value.problems
    assert len(problems) == 1001
    assert problems[0].path == "$.names[0].text"
    assert problems[-1].path == "$.names[1000]"
    assert problems[-1].expected == "at most 1,000 problems reported (max_problems)"
    assert problems[-1].got == "199,000 more items not checked"


def test_max_problems_is_configurable_and_applies_to_every_kind_of_problem() -> None:
    few = pt.Limits(max_problems=5)
    with pytest.raises(pt.ValidationError) as raised:
        pt.from_json(_actor_with_names(1000), pt.Actor, limits=few)
    assert len(raised.value.problems) == 6
    # Unknown keys, in a document's records, counted across records.
    record = {"type": "actor", "id": "a", "category": "person", "name": "A"}
    unknown = {f"k{n}": n for n in range(1000)}
    data = {"schema_version": 1, "records": [{**record, **unknown}] * 3}
    with pytest.raises(pt.ValidationError) as raised:
        pt.from_dict(data, pt.Document, limits=few)
    assert len(raised.value.problems) <= 8
    assert "max_problems" in str(raised.value)
    # Values Python cannot read: NaN, repeated keys.
    with pytest.raises(pt.MalformedJSONError) as raised:
        pt.from_json("[" + ",".join(["NaN"] * 10_000) + "]", pt.Actor, limits=few)
    assert len(raised.value.problems) == 6


def test_a_stream_reports_a_bounded_number_of_problems_per_line() -> None:
    stream = b'{"schema_version":1}\n' + _actor_with_names(5000) + b"\n"
    reader = pt.JsonLinesReader(io.BytesIO(stream), limits=pt.Limits(max_problems=10))
    assert list(reader) == []
    (bad,) = reader.bad_lines
    assert len(bad.problems) == 11
    assert bad.problems[-1].got == "4,990 more items not checked"


def _same_id_actors(count: int) -> bytes:
    actor = '{"type":"actor","id":"a","category":"person","name":"A"}'
    records = ",".join([actor] * count)
    return f'{{"schema_version":{pt.SCHEMA_VERSION},"records":[{records}]}}'.encode()


def test_integrity_problems_are_bounded_like_load_problems(tmp_path: Path) -> None:
    """5,000 records with one id: the first max_problems problems, then how many more."""
    path = tmp_path / "same.json"
    path.write_bytes(_same_id_actors(5000))
    with pytest.raises(pt.IntegrityError) as raised:
        pt.read_document(path, limits=pt.Limits(max_problems=20))
    problems = raised.value.problems
    assert len(problems) == 21
    assert problems[0].path == "$.records[1].id"
    assert problems[-1].path == "$"
    assert problems[-1].expected == "at most 20 problems reported (max_problems)"
    assert problems[-1].got == "4,979 more integrity problems"
    document = pt.read_document(path, integrity=False)
    with pytest.raises(pt.IntegrityError) as raised:
        pt.write_document(document, tmp_path / "out.json")
    assert len(raised.value.problems) == pt.DEFAULT_LIMITS.max_problems + 1
    assert not (tmp_path / "out.json").exists()
    with pytest.raises(pt.IntegrityError) as raised:
        pt.Dossier(document.records)
    assert raised.value.problems[-1].got == "3,999 more integrity problems"
    assert len(pt.check_integrity(document.records)) == 4999  # uncapped unless asked
    strays = pt.check_integrity([1] * 50, max_problems=3)  # type: ignore[list-item]
    assert [p.got for p in strays][-1] == "47 more items that are not records"


@pytest.mark.parametrize("suffix", [".json", ".jsonl"])
def test_validate_bounds_integrity_problems_in_documents_and_streams(
    tmp_path: Path, suffix: str
) -> None:
    path = tmp_path / f"same{suffix}"
    if suffix == ".json":
        path.write_bytes(_same_id_actors(1500))
    else:
        actor = b'{"type":"actor","id":"a","category":"person","name":"A"}\n'
        path.write_bytes(b'{"schema_version":%d}\n' % pt.SCHEMA_VERSION + actor * 1500)
    done = run_peacetalks("validate", "--integrity", "--format", "json", str(path))
    assert done.returncode == 1, done.stderr
    (report,) = json.loads(done.stdout)["files"]
    assert report["problem_count"] == 1001
    last = report["problems"][-1]
    assert last["expected"] == "at most 1,000 problems reported (max_problems)"
    assert last["got"] == "499 more integrity problems"
    text = run_peacetalks("validate", "--integrity", str(path)).stdout.splitlines()
    more = "$: expected at most 1,000 problems reported (max_problems), got 499 more integrity problems"
    # A document lists its problems last; a stream ends with its summary line.
    last_problem = text[-1] if suffix == ".json" else text[-2]
    assert more in last_problem
    assert len(text) == 1002


# Refusals cost memory in proportion to the input ---------------------------------------


def _peak_memory(call: Callable[[], object]) -> int:
    tracemalloc.start()
    try:
        call()
    except pt.PeacetalksError:
        pass
    finally:
        peak = tracemalloc.get_traced_memory()[1]
        tracemalloc.stop()
    return peak


def test_a_string_of_escapes_too_long_is_refused_in_memory_proportional_to_it() -> None:
    data = b'["' + b"\\n" * 2_000_000 + b'"]'
    small = pt.Limits(max_string_length=1000)
    with pytest.raises(pt.LimitExceededError, match=r"\$\[0\].*2,000,000 characters"):
        pt.from_json(data, pt.Actor, limits=small)
    # Before: a backtracking frame per escape, about 60 bytes per byte.
    assert _peak_memory(lambda: pt.from_json(data, pt.Actor, limits=small)) < 6 * len(data)


def _records(count: int, record: bytes = b"{}") -> bytes:
    return b'{"schema_version":1,"records":[' + b",".join([record] * count) + b"]}"


@pytest.mark.parametrize("record", [b"{}", b"0", b'{"a":[[1,2],{"b":[3]}]}', b'"{[,]}"'])
def test_too_many_records_are_refused_before_any_is_built(record: bytes) -> None:
    data = _records(200_000, record)
    few = pt.Limits(max_records=100_000)
    with pytest.raises(pt.LimitExceededError) as raised:
        pt.from_json(data, pt.Document, limits=few)
    assert raised.value.limit == "max_records"
    assert raised.value.problems[0].path == "$.records"
    assert raised.value.problems[0].got == "200,000 records"
    # Before: every record built first, about 30 times the input.
    assert _peak_memory(lambda: pt.from_json(data, pt.Document, limits=few)) < 6 * len(data)


def test_records_are_counted_exactly_on_the_raw_text() -> None:
    nested = b'{"type":"actor","records":[1,2,3],"x":"records\\": [1, 2, 3]"}'
    data = _records(5, nested)
    assert pt._jsonscan.records_in_document(pt._jsonscan.without_escapes(data), 0) == 5
    with pytest.raises(pt.LimitExceededError, match="5 records"):
        pt.from_json(data, pt.Document, limits=pt.Limits(max_records=4))
    with pytest.raises(pt.ValidationError) as raised:  # exactly the limit: read, then judged
        pt.from_json(data, pt.Document, limits=pt.Limits(max_records=5))
    assert not isinstance(raised.value, pt.LimitExceededError)


def test_a_plover_file_with_too_many_records_is_refused_before_parsing(tmp_path: Path) -> None:
    from peacetalks.interop import read_plover  # noqa: PLC0415

    (tmp_path / "events.json").write_bytes(b"[" + b",".join([b"{}"] * 300) + b"]")
    with pytest.raises(pt.LimitExceededError, match="300 records") as raised:
        read_plover(tmp_path / "events.json", limits=pt.Limits(max_records=200))
    assert raised.value.problems[0].path == "$"


# Lone surrogates --------------------------------------------------------------------


@pytest.mark.parametrize(
    ("data", "path"),
    [
        ({"type": "actor", "id": "a", "category": "person", "name": "A\ud800"}, "$.name"),
        ({"type": "actor", "id": "a", "category": "person", "name": "A", "\udc00": 1}, None),
    ],
)
def test_from_dict_refuses_lone_surrogates(data: dict[str, Any], path: str | None) -> None:
    with pytest.raises(pt.ValidationError) as raised:
        pt.from_dict(data, pt.Actor)
    problem = raised.value.problems[0]
    assert "lone surrogate" in problem.expected
    assert problem.path == (path or '$["\\udc00"]')
    str(raised.value).encode("utf-8")  # every message can be printed


def test_a_lone_surrogate_key_is_printed_escaped_by_validate(tmp_path: Path) -> None:
    for name, text in (
        ("doc.json", '{"schema_version":1,"records":[{"type":"actor","\\ud800":1}]}'),
        ("lines.jsonl", '{"schema_version":1}\n{"type":"actor","\\udfff\\ud800":1}\n'),
    ):
        (tmp_path / name).write_text(text, "utf-8")
        done = run_peacetalks("validate", str(tmp_path / name))
        assert done.returncode == 1, done.stderr
        assert "Traceback" not in done.stderr
        assert "\\ud" in done.stdout
