"""``peacetalks timeline``: everything the records say happened, in the order that is known."""

from __future__ import annotations

import argparse
import json
import sys
from typing import Any

from peacetalks._timetext import show_time
from peacetalks.cli._inputs import (
    EXAMPLE_NAME,
    JSON,
    Source,
    add_input_options,
    cannot_read,
    limits_from,
)
from peacetalks.cli._progress import Progress
from peacetalks.converter import from_json, make_converter, to_dict
from peacetalks.document import Document, Record
from peacetalks.dossier import Dossier
from peacetalks.errors import ValidationError
from peacetalks.jsonlines import BadLine, JsonLinesReader
from peacetalks.timeline import Timeline, TimelineEntry

HELP = "print a timeline of everything the records say happened"
DESCRIPTION = """\
Print a timeline of everything the records say happened: statements, proposals
and responses, truces and their events, talks. With no FILE, the bundled example.

Entries are numbered in steps. Every entry of a step certainly happened after
every entry of the steps before it; entries that share a number happened in an
order the sources do not fix (the same day with no time of day, a day in
Washington and the same day in Kyiv). Entries whose time is unknown or
open-ended are listed at the end.

The records must fit together, as 'peacetalks validate' checks for a document.
"""
EXAMPLES = """\
examples:
  peacetalks timeline                        the bundled example
  peacetalks timeline talks.json
  peacetalks timeline corpus.jsonl --format json
  peacetalks example | peacetalks timeline -

exit codes:
  0  the timeline was printed
  1  the input was invalid or its records do not fit together (problems are printed)
  2  a file could not be read, or the command was misused
"""


def register(commands: Any) -> None:
    parser: argparse.ArgumentParser = commands.add_parser(
        "timeline",
        help=HELP,
        description=DESCRIPTION,
        epilog=EXAMPLES,
        formatter_class=argparse.RawDescriptionHelpFormatter,
    )
    parser.add_argument(
        "file", nargs="?", metavar="FILE", help="a JSON document or JSON Lines file, or -"
    )
    parser.add_argument(
        "--format",
        choices=("text", "json"),
        default="text",
        help="text (default) for people, json for programs",
    )
    add_input_options(parser)
    parser.set_defaults(run=run)


def run(args: argparse.Namespace) -> int:
    conv = make_converter(keep_unknown_keys=args.keep_unknown_keys)
    problems: list[str] = []
    try:
        with Source(args.file, limits_from(args)) as source:
            name = source.name
            if source.format(args.input_format) == JSON:
                records: tuple[Record, ...] = ()
                try:
                    data = source.read()
                    records = from_json(
                        data, Document, converter=conv, limits=source.limits
                    ).records
                except ValidationError as exc:
                    problems = [f"  {problem}" for problem in exc.problems]
            else:
                records, problems = _read_stream(source, conv)
    except BrokenPipeError:
        raise  # the reader of our output went away: main() ends quietly
    except OSError as exc:
        print(f"{args.file or EXAMPLE_NAME}: {cannot_read(exc)}", file=sys.stderr)
        return 2
    timeline = None
    if not problems:
        try:
            timeline = Dossier(records).timeline()
        except ValidationError as exc:
            problems = [f"  {problem}" for problem in exc.problems]
    if timeline is None:
        print(f"{name}: invalid, no timeline", file=sys.stderr)
        print("\n".join(problems), file=sys.stderr)
        return 1
    if args.format == "json":
        sys.stdout.write(json.dumps(_as_json(timeline), ensure_ascii=False, indent=2) + "\n")
    else:
        sys.stdout.write(render(timeline))
    return 0


def _read_stream(source: Source, conv: Any) -> tuple[tuple[Record, ...], list[str]]:
    problems: list[str] = []

    def bad_line(bad: BadLine) -> None:
        problems.extend(f"  line {bad.line}: {problem}" for problem in bad.problems)

    progress = Progress(f"reading {source.name}", source.size)
    reader = JsonLinesReader(
        source.stream(), on_bad_line=bad_line, converter=conv, limits=source.limits
    )
    records = []
    try:
        for record in reader:
            records.append(record)
            progress.update(reader.bytes_read, reader.lines)
    except ValidationError as exc:  # a header for a version this library cannot read
        bad_line(BadLine(line=reader.lines, problems=exc.problems, text=b""))
    finally:
        progress.close()
    return tuple(records), problems


def render(timeline: Timeline) -> str:
    """The timeline as text, one entry a line."""
    lines = []
    whens = [show_time(e.when) for e in timeline if e.when is not None]
    width = min(max(map(len, whens), default=0), 44)
    for number, step in enumerate(timeline.steps, start=1):
        for position, entry in enumerate(step):
            label = f"{number:>3}." if position == 0 else "    "
            lines.append(f"{label} {_line(entry, width)}")
    if timeline.unplaced:
        lines.append("")
        lines.append("Unknown or open-ended times:")
        for entry in timeline.unplaced:
            lines.append(f"   - {_line(entry, width)}")
    return "\n".join(lines) + "\n"


def _line(entry: TimelineEntry, width: int) -> str:
    when = "time unknown" if entry.when is None else show_time(entry.when)
    return f"{when:<{width}}  {entry.record_kind} {entry.record_id}: {entry.what} — {entry.summary}"


def _as_json(timeline: Timeline) -> dict[str, Any]:
    return {
        "steps": [[_entry(entry) for entry in step] for step in timeline.steps],
        "unplaced": [_entry(entry) for entry in timeline.unplaced],
    }


def _entry(entry: TimelineEntry) -> dict[str, Any]:
    return {
        "when": None if entry.when is None else to_dict(entry.when),
        "record_kind": entry.record_kind,
        "record_id": entry.record_id,
        "path": entry.path,
        "what": entry.what,
        "summary": entry.summary,
    }
