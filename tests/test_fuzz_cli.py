"""Fuzzing the command line: any file and any words end in exit code 0, 1 or 2 and a message.

Most inputs go through ``peacetalks.cli.main`` in this process, which is the
command's own code without the cost of starting Python each time; a batch of
them then goes through the real ``peacetalks`` command, in one process a command.
"""

from __future__ import annotations

import contextlib
import io
import os
import sys
import tempfile
from collections.abc import Iterator
from pathlib import Path

from hypothesis import given
from hypothesis import strategies as st

import peacetalks as pt
from conftest import run_peacetalks
from fuzzing import AWKWARD_STRINGS, JSON_VALUES, dumps, fuzz, tried, within
from peacetalks.cli import main

EXAMPLE = pt.example_json().encode()
STREAM = b"\n".join(
    [b'{"schema_version":1}', *(pt.to_json_bytes(r) for r in pt.load_example().records[:20])]
)
FIXTURES = Path(__file__).parent / "fixtures" / "interop"

CONTENTS = st.one_of(
    st.binary(max_size=300),
    JSON_VALUES.map(dumps),
    st.integers(min_value=0, max_value=len(EXAMPLE)).map(lambda n: EXAMPLE[:n]),
    st.integers(min_value=0, max_value=len(STREAM)).map(lambda n: STREAM[:n]),
    st.sampled_from(
        [
            EXAMPLE,
            STREAM,
            b"[" * 100_000,
            b'{"schema_version":1,"title":"\\ud800"}',
            b"\xef\xbb\xbf" + STREAM,
            b'{"schema_version":1,"records":[{"type":"venue","id":"v","id":"w"}]}',
        ]
    ),
)
LIMIT_OPTIONS = st.lists(
    st.sampled_from(
        [
            ["--max-depth", "3"],
            ["--max-string-length", "10"],
            ["--max-records", "2"],
            ["--max-document-bytes", "1K"],
            ["--max-line-bytes", "200"],
        ]
    ),
    max_size=2,
).map(lambda pairs: [option for pair in pairs for option in pair])


@contextlib.contextmanager
def captured(stdin: bytes = b"") -> Iterator[tuple[io.TextIOWrapper, io.StringIO]]:
    """Standard output (with its binary buffer) and error captured, standard input given."""
    out = io.TextIOWrapper(io.BytesIO(), encoding="utf-8")
    err = io.StringIO()
    saved = sys.stdin, sys.stdout, sys.stderr
    sys.stdin = io.TextIOWrapper(io.BytesIO(stdin), encoding="utf-8")
    sys.stdout, sys.stderr = out, err
    try:
        yield out, err
    finally:
        sys.stdin, sys.stdout, sys.stderr = saved


def run(args: list[str], stdin: bytes = b"") -> tuple[int, str]:
    """Exit code and standard error of ``peacetalks ARGS``, run in this process."""
    tried(f"peacetalks {args[0]}")
    with captured(stdin) as (_, err), within(20):
        try:
            code = main(args)
        except SystemExit as exit:  # argparse refusing the options
            code = exit.code if isinstance(exit.code, int) else 2
    assert code in (0, 1, 2), (args, code, err.getvalue())
    if code:
        assert err.getvalue() or code == 1, (args, code)  # a failure always says why
    return code, err.getvalue()


@fuzz
@given(CONTENTS, LIMIT_OPTIONS, st.sampled_from(["", ".json", ".jsonl"]), st.booleans())
def test_validate_timeline_and_convert_read_any_file(
    content: bytes, limits: list[str], suffix: str, from_stdin: bool
) -> None:
    with tempfile.TemporaryDirectory() as folder:
        path = os.path.join(folder, "input" + suffix)
        with open(path, "wb") as handle:
            handle.write(content)
        source = "-" if from_stdin else path
        stdin = content if from_stdin else b""
        run(["validate", "--integrity", source, *limits], stdin)
        run(["validate", "--format", "json", "--summary", source, *limits], stdin)
        run(["timeline", source, *limits], stdin)
        output = os.path.join(folder, "out.jsonl")
        code, _ = run(["convert", source, "-o", output, *limits], stdin)
        if code == 2:
            assert not os.path.exists(output)


@fuzz
@given(
    st.sampled_from(["ethprio", "pax", "popolo", "plover"]), st.binary(max_size=300), LIMIT_OPTIONS
)
def test_import_reads_any_file(dataset: str, content: bytes, limits: list[str]) -> None:
    with tempfile.TemporaryDirectory() as folder:
        path = os.path.join(folder, "input")
        with open(path, "wb") as handle:
            handle.write(content)
        run(["import", dataset, path, "-o", os.path.join(folder, "out.json"), *limits])


@fuzz
@given(CONTENTS, st.sampled_from(["popolo", "plover"]))
def test_export_reads_any_file(content: bytes, dataset: str) -> None:
    with tempfile.TemporaryDirectory() as folder:
        path = os.path.join(folder, "input.json")
        with open(path, "wb") as handle:
            handle.write(content)
        run(["export", dataset, path, "-o", os.path.join(folder, "out.json")])


WORDS = st.one_of(st.text(max_size=30), st.sampled_from(AWKWARD_STRINGS))


@fuzz
@given(WORDS, st.one_of(st.none(), WORDS), st.one_of(st.none(), WORDS), st.booleans())
def test_when_reads_any_words(
    words: str, reference: str | None, zone: str | None, duration: bool
) -> None:
    args = ["when", "--", words] if not duration else ["when", "--duration", "--", words]
    if reference is not None:
        args[1:1] = ["--reference", reference]
    if zone is not None:
        args[1:1] = ["--zone", zone]
    if "\x00" not in " ".join(args):  # no command line can hold a NUL
        run(args)


@fuzz
@given(
    st.lists(
        st.sampled_from(
            [
                "--max-depth",
                "--max-records",
                "--max-document-bytes",
                "0",
                "-5",
                "501",
                "1.5",
                "10Q",
                "3G",
                "x",
            ]
        ),
        max_size=4,
    )
)
def test_limit_options_refuse_what_is_not_a_limit(words: list[str]) -> None:
    run(["validate", *words])


def test_the_real_command_reads_a_batch_of_hostile_files(tmp_path: Path) -> None:
    """One run of the real ``peacetalks validate`` over many broken files, and of each other command."""
    samples = [
        b"",
        b"\x00" * 10,
        b"\xff\xfe{}",
        b"[" * 100_000,
        b'{"a":' * 50_000,
        EXAMPLE[: len(EXAMPLE) // 2],
        EXAMPLE.replace(b'"type":"actor"', b'"type":7', 1),
        b'{"schema_version":1,"title":"\\udc00"}',
        b'{"schema_version":1,"records":[' + b"9" * 5000 + b"]}",
        b'{"schema_version":1,"records":[NaN]}',
        b"\xef\xbb\xbf" + STREAM,
        STREAM.replace(b"\n", b"\n\xef\xbb\xbf", 1),
        STREAM + b"\n" + b'{"type":"venue","id":"' + b"x" * 300 + b'"}',
    ]
    files = []
    for number, sample in enumerate(samples):
        path = tmp_path / f"sample{number}.json"
        path.write_bytes(sample)
        files.append(str(path))
    tried("peacetalks (real command)", len(files) + 4)
    done = run_peacetalks("validate", "--max-line-bytes", "4K", *files)
    assert done.returncode == 1
    assert "Traceback" not in done.stderr
    assert done.stdout.count(": invalid") + done.stdout.count(": valid") == len(files), done.stdout
    for args in (
        ["timeline", files[3]],
        ["convert", files[4], "--to", "jsonl"],
        ["export", "popolo", files[7], "-o", str(tmp_path / "out.json")],
        ["import", "plover", files[9], "-o", str(tmp_path / "out.json")],
    ):
        done = run_peacetalks(*args)
        assert done.returncode == 1, (args, done.stderr)
        assert "Traceback" not in done.stderr
        assert done.stderr.strip()
