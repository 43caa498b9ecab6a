"""``peacetalks validate``: check documents and report every problem."""

from __future__ import annotations

import argparse
import json
import sys
from collections import Counter
from typing import Any

from peacetalks.converter import from_json, make_converter
from peacetalks.document import RECORD_CLASSES, Document
from peacetalks.errors import Problem, ValidationError
from peacetalks.example import example_json

HELP = "check peacetalks JSON documents and report every problem"
EXAMPLES = """\
examples:
  peacetalks validate                     check the bundled example
  peacetalks validate talks.json more.json
  peacetalks validate --format json talks.json
  cat talks.json | peacetalks validate -

exit codes:
  0  every document is valid
  1  at least one document is invalid (every problem is printed)
  2  a file could not be read, or the command was misused
"""
EXAMPLE_NAME = "(bundled example)"


def register(commands: Any) -> None:
    parser: argparse.ArgumentParser = commands.add_parser(
        "validate",
        help=HELP,
        description=HELP + ". With no FILE, checks the bundled example.",
        epilog=EXAMPLES,
        formatter_class=argparse.RawDescriptionHelpFormatter,
    )
    parser.add_argument("files", nargs="*", metavar="FILE", help="a JSON document, or - for stdin")
    parser.add_argument(
        "--format",
        choices=("text", "json"),
        default="text",
        help="text (default) for people, json for programs",
    )
    parser.add_argument(
        "--keep-unknown-keys",
        action="store_true",
        help="accept keys the schema does not define (they are kept, not dropped)",
    )
    parser.set_defaults(run=run)


def run(args: argparse.Namespace) -> int:
    conv = make_converter(keep_unknown_keys=args.keep_unknown_keys)
    reports = [_check(name, conv) for name in (args.files or [None])]
    if args.format == "json":
        payload = {"valid": all(r["valid"] for r in reports), "files": reports}
        sys.stdout.write(json.dumps(payload, ensure_ascii=False, indent=2) + "\n")
    else:
        for report in reports:
            _print_text(report)
    if any(r["error"] for r in reports):
        return 2
    return 0 if all(r["valid"] for r in reports) else 1


def _check(name: str | None, conv: Any) -> dict[str, Any]:
    report: dict[str, Any] = {"file": name or EXAMPLE_NAME, "valid": False, "error": None}
    try:
        if name is None:
            data: str | bytes = example_json()
        elif name == "-":
            data = sys.stdin.buffer.read()
        else:
            with open(name, "rb") as handle:
                data = handle.read()
    except OSError as exc:
        report["error"] = f"cannot read: {exc.strerror or exc}"
        report["problems"] = []
        return report
    try:
        document = from_json(data, Document, converter=conv)
    except ValidationError as exc:
        report["problems"] = [_problem(p) for p in exc.problems]
        return report
    counts = Counter(type(record).record_type for record in document.records)
    report.update(valid=True, problems=[], records={kind: counts[kind] for kind in RECORD_CLASSES})
    return report


def _problem(problem: Problem) -> dict[str, Any]:
    return {
        "path": problem.path,
        "expected": problem.expected,
        "got": problem.got,
        "record_kind": problem.record_kind,
        "record_id": problem.record_id,
        "message": str(problem),
    }


def _print_text(report: dict[str, Any]) -> None:
    name = report["file"]
    if report["error"]:
        print(f"{name}: {report['error']}", file=sys.stderr)
    elif report["valid"]:
        counts = report["records"]
        total = sum(counts.values())
        detail = ", ".join(f"{n} {kind}{'' if n == 1 else 's'}" for kind, n in counts.items() if n)
        print(
            f"{name}: valid, {total} record{'' if total == 1 else 's'}"
            + (f" ({detail})" if detail else "")
        )
    else:
        problems = report["problems"]
        print(f"{name}: invalid, {len(problems)} problem{'' if len(problems) == 1 else 's'}")
        for problem in problems:
            print(f"  {problem['message']}")
