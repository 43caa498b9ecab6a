"""``peacetalks validate``: check documents and JSON Lines streams and report every problem.

A JSON document's records are also checked to fit together (ids, references,
times) unless ``--no-integrity``. A JSON Lines stream is checked line by line in
constant memory: bad lines are reported as they are found and never stop the
check (unless ``--fail-fast``); ``--integrity`` also checks that its records fit
together, which means holding them all in memory, and the summary line says
when that was not done.
"""

from __future__ import annotations

import argparse
import json
import os
import sys
from array import array
from collections import Counter
from typing import Any, TextIO

import cattrs

from peacetalks.cli._inputs import (
    EXAMPLE_NAME,
    JSON,
    JSONL,
    Source,
    add_input_options,
    cannot_read,
    limits_from,
)
from peacetalks.cli._progress import Progress
from peacetalks.converter import from_json, make_converter
from peacetalks.document import RECORD_CLASSES, Document, Record
from peacetalks.errors import BadLineError, Problem, SchemaVersionError, ValidationError
from peacetalks.integrity import check_integrity
from peacetalks.jsonlines import BadLine, JsonLinesReader

HELP = "check peacetalks JSON documents and JSON Lines streams and report every problem"
EXAMPLES = """\
examples:
  peacetalks validate                         check the bundled example
  peacetalks validate talks.json more.jsonl   documents and streams, told apart by content
  peacetalks validate --integrity more.jsonl  also check that a stream's records fit together
  peacetalks validate --no-integrity talks.json  each record alone, not whether they fit together
  peacetalks validate --format json talks.json
  peacetalks validate --summary corpus.jsonl  counts only, no problem listing
  peacetalks validate --rejects bad.jsonl corpus.jsonl
  peacetalks validate --max-document-bytes 10M --max-depth 20 upload.json
  cat talks.jsonl | peacetalks validate -

exit codes:
  0  every file is valid
  1  at least one file is invalid (every problem is printed)
  2  a file could not be read, or the command was misused
"""


def register(commands: Any) -> None:
    parser: argparse.ArgumentParser = commands.add_parser(
        "validate",
        help=HELP,
        description=HELP + ". With no FILE, checks the bundled example.",
        epilog=EXAMPLES,
        formatter_class=argparse.RawDescriptionHelpFormatter,
    )
    parser.add_argument(
        "files",
        nargs="*",
        metavar="FILE",
        help="a JSON document or JSON Lines file, or - for stdin",
    )
    parser.add_argument(
        "--format",
        choices=("text", "json"),
        default="text",
        help="text (default) for people, json for programs",
    )
    parser.add_argument(
        "--integrity",
        action=argparse.BooleanOptionalAction,
        default=None,
        help="check that the records fit together (ids, references, times): the default"
        " for a JSON document; a JSON Lines stream only with --integrity, which holds"
        " every record in memory",
    )
    parser.add_argument(
        "--summary", action="store_true", help="print counts only, not each problem"
    )
    parser.add_argument(
        "--fail-fast",
        action="store_true",
        help="stop reading a JSON Lines file at its first bad line",
    )
    parser.add_argument(
        "--rejects",
        metavar="FILE",
        help="copy the bad lines of a JSON Lines file here (one input file only)",
    )
    add_input_options(parser)
    parser.set_defaults(run=run)


def run(args: argparse.Namespace) -> int:
    if args.rejects and len(args.files) != 1:
        print("peacetalks validate: --rejects needs exactly one input file", file=sys.stderr)
        return 2
    if args.rejects and args.files[0] != "-" and _same_file(args.files[0], args.rejects):
        print("peacetalks validate: --rejects names the input file itself", file=sys.stderr)
        return 2
    conv = make_converter(keep_unknown_keys=args.keep_unknown_keys)
    output: _Output = _Json(sys.stdout) if args.format == "json" else _Text(sys.stdout)
    output.summary = args.summary
    codes = [_check(name, args, conv, output) for name in (args.files or [None])]
    output.finish(valid=not any(codes))
    return max(codes)


def _check(name: str | None, args: argparse.Namespace, conv: cattrs.Converter, out: _Output) -> int:
    """Check one file, writing its report; returns its exit code."""
    started = False
    try:
        with Source(name, limits_from(args)) as source:
            kind = source.format(args.input_format)
            out.start(source.name, kind)
            started = True
            if kind == JSON:
                report = _check_document(source, args, conv)
            else:
                report = _check_stream(source, args, conv, out)
    except BrokenPipeError:
        raise  # the reader of our output went away: main() ends quietly
    except OSError as exc:
        if not started:
            out.start(EXAMPLE_NAME if name is None else name, None)
        report = {"error": cannot_read(exc), "problems": [], "records": {}}
    return out.end(report)


def _check_document(
    source: Source, args: argparse.Namespace, conv: cattrs.Converter
) -> dict[str, Any]:
    try:
        document = from_json(source.read(), Document, converter=conv, limits=source.limits)
    except ValidationError as exc:
        return {"error": None, "problems": list(exc.problems), "records": {}}
    integrity = args.integrity is not False  # on for a document unless --no-integrity
    most = source.limits.max_problems
    problems = check_integrity(document.records, max_problems=most) if integrity else []
    return {
        "error": None,
        "problems": problems,
        "records": _counts(document.records),
        "integrity_checked": integrity,
    }


def _check_stream(
    source: Source, args: argparse.Namespace, conv: cattrs.Converter, out: _Output
) -> dict[str, Any]:
    progress = Progress(f"validating {source.name}", source.size)
    kept: list[Record] = []
    lines = array("Q")  # the line number of each kept record, for integrity problems

    def bad_line(bad: BadLine) -> None:
        out.bad_line(bad)
        progress.update(reader.bytes_read, reader.lines)

    unreadable = 0
    reader = JsonLinesReader(
        source.stream(),
        strict=args.fail_fast,
        on_bad_line=bad_line,
        rejects=args.rejects,
        converter=conv,
        limits=source.limits,
    )
    try:
        for record in reader:
            if args.integrity:
                kept.append(record)
                lines.append(reader.lines)
            progress.update(reader.bytes_read, reader.lines)
    except BadLineError as exc:
        out.bad_line(BadLine(line=exc.line, problems=exc.problems, text=b""))
    except SchemaVersionError as exc:  # the header names a version this library cannot read
        unreadable = 1
        out.bad_line(BadLine(line=reader.lines, problems=exc.problems, text=b""))
    finally:
        progress.close()
    bad = reader.bad + unreadable
    problems = []
    if args.integrity and bad == 0:
        found = check_integrity(
            kept,
            position=lambda index: f"line {lines[index]}",
            max_problems=source.limits.max_problems,
        )
        # By line; the one saying how many more were left out (on no line) last.
        problems = sorted(
            (_on_line(problem, lines) for problem in found), key=lambda p: p[0] or len(lines) + 1
        )
    return {
        "error": None,
        "problems": problems,
        "records": {kind: reader.kinds[kind] for kind in RECORD_CLASSES},
        "lines": reader.lines,
        "bad_lines": bad,
        # Bad lines may hold records others refer to: check integrity only without them.
        "integrity_checked": bool(args.integrity) and bad == 0,
        "integrity_asked": bool(args.integrity),
    }


def _on_line(problem: Problem, lines: array[int]) -> tuple[int, Problem]:
    """An integrity problem at ``$.records[i]...`` moved to the line record ``i`` was on
    (line 0 for one on no record)."""
    index = problem.location[1] if len(problem.location) > 1 else None
    line = lines[index] if isinstance(index, int) else 0
    moved = Problem(
        problem.location[2:], problem.expected, problem.got, problem.record_kind, problem.record_id
    )
    return line, moved


def _counts(records: tuple[Record, ...]) -> dict[str, int]:
    counts = Counter(str(record.record_type) for record in records)
    return {kind: counts[kind] for kind in RECORD_CLASSES}


def _plural(count: int, noun: str) -> str:
    return f"{count} {noun}{'' if count == 1 else 's'}"


def _problem(problem: Problem) -> dict[str, Any]:
    return {
        "path": problem.path,
        "expected": problem.expected,
        "got": problem.got,
        "record_kind": problem.record_kind,
        "record_id": problem.record_id,
        "message": str(problem),
    }


class _Output:
    """Where reports go; bad lines are written as they are found."""

    summary = False

    def __init__(self, stream: TextIO) -> None:
        self.stream = stream
        self.name = ""
        self.kind: str | None = None

    def start(self, name: str, kind: str | None) -> None:
        self.name = name
        self.kind = kind

    def bad_line(self, bad: BadLine) -> None:
        raise NotImplementedError

    def end(self, report: dict[str, Any]) -> int:
        raise NotImplementedError

    def finish(self, *, valid: bool) -> None:
        return None

    @staticmethod
    def code(report: dict[str, Any]) -> int:
        if report["error"]:
            return 2
        return 1 if report["problems"] or report.get("bad_lines") else 0


class _Text(_Output):
    def bad_line(self, bad: BadLine) -> None:
        if not self.summary:
            for problem in bad.problems:
                print(f"{self.name}:{bad.line}: {problem}", file=self.stream)

    def end(self, report: dict[str, Any]) -> int:
        code = self.code(report)
        if report["error"]:
            print(f"{self.name}: {report['error']}", file=sys.stderr)
            return code
        records = report["records"]
        total = sum(records.values())
        detail = ", ".join(_plural(n, kind) for kind, n in records.items() if n)
        counted = _plural(total, "record") + (f" ({detail})" if detail else "")
        problems = report["problems"]
        if "lines" in report:
            if problems and not self.summary:
                for line, problem in problems:
                    where = f"{self.name}:{line}" if line else self.name
                    print(f"{where}: {problem}", file=self.stream)
            verdict = "valid" if code == 0 else "invalid"
            bad = report["bad_lines"]
            parts = [verdict, counted]
            if bad:
                parts.append(f"{_plural(bad, 'bad line')} of {report['lines']}")
            if problems:
                parts.append(_plural(len(problems), "integrity problem"))
            if not report["integrity_asked"]:
                parts.append("integrity not checked (add --integrity for a stream)")
            elif not report["integrity_checked"]:
                parts.append("integrity not checked because of the bad lines")
            print(f"{self.name}: " + ", ".join(parts), file=self.stream)
        elif problems:
            print(f"{self.name}: invalid, {_plural(len(problems), 'problem')}", file=self.stream)
            if not self.summary:
                for problem in problems:
                    print(f"  {problem}", file=self.stream)
        else:
            print(f"{self.name}: valid, {counted}", file=self.stream)
        return code


class _Json(_Output):
    """One JSON object; a stream's bad lines are written as found, so memory stays flat."""

    def __init__(self, stream: TextIO) -> None:
        super().__init__(stream)
        self.files = 0
        self.stream.write('{"files": [')
        self.bad_lines = 0
        self.listing = False

    def start(self, name: str, kind: str | None) -> None:
        super().start(name, kind)
        self.stream.write(",\n" if self.files else "\n")
        self.files += 1
        head = json.dumps({"file": name, "format": kind}, ensure_ascii=False)[:-1]
        self.listing = kind == JSONL and not self.summary
        self.stream.write(head + (', "bad_lines": [' if self.listing else ""))
        self.bad_lines = 0

    def bad_line(self, bad: BadLine) -> None:
        if self.summary:
            return
        item = {"line": bad.line, "problems": [_problem(p) for p in bad.problems]}
        self.stream.write(
            ("," if self.bad_lines else "") + "\n  " + json.dumps(item, ensure_ascii=False)
        )
        self.bad_lines += 1

    def end(self, report: dict[str, Any]) -> int:
        code = self.code(report)
        problems = report["problems"]
        rest: dict[str, Any] = {
            "valid": code == 0,
            "error": report["error"],
            "bad_line_count": report.get("bad_lines", 0),
            "problem_count": len(problems),
            "records": report["records"],
            "integrity_checked": report.get("integrity_checked"),
        }
        if "lines" in report:
            rest["lines"] = report["lines"]
            problems = [{**_problem(p), "line": line} for line, p in problems]
        else:
            problems = [_problem(p) for p in problems]
        if not self.summary:
            rest["problems"] = problems
        self.stream.write(
            ("\n]" if self.listing else "") + ", " + json.dumps(rest, ensure_ascii=False)[1:]
        )
        return code

    def finish(self, *, valid: bool) -> None:
        self.stream.write(f'\n], "valid": {json.dumps(valid)}}}\n')


def _same_file(one: str, other: str) -> bool:
    try:
        return os.path.samefile(one, other)
    except OSError:  # one of them does not exist (yet): not the same
        return False
