"""``peacetalks import``: read a dataset file into a peacetalks document, reporting every row."""

from __future__ import annotations

import argparse
import json
import sys
from typing import Any

from peacetalks.cli._inputs import JSON, JSONL, add_limit_options, limits_from, output_format
from peacetalks.errors import IntegrityError, LimitExceededError, ValidationError
from peacetalks.files import write_document
from peacetalks.interop import IMPORTERS, ImportResult, RowOutcome
from peacetalks.interop.plugins import importer_names, load_importer, plugin_problems
from peacetalks.jsonlines import write_jsonl
from peacetalks.limits import read_file

HELP = (
    "read a dataset file (ETH/PRIO, PA-X, UCDP, Popolo, PLOVER or a plug-in's format)"
    " into a peacetalks document"
)
EXAMPLES = """\
examples:
  peacetalks import ethprio ceasefires.csv -o ceasefires.json
  peacetalks import pax pax_all_agreements_data_v6.csv -o agreements.json
  peacetalks import popolo people.json -o actors.json
  peacetalks import plover events.json -o events.json --format json
  peacetalks import pax agreements.csv -o agreements.json --max-records 5000
  peacetalks import ethprio ceasefires.csv -o ceasefires.jsonl
  peacetalks import ethprio ceasefires-latin1.csv -o out.json --encoding cp1252

The report lists every row that was rejected, merged, split, skipped or
imported with notes, with its line (CSV) or position (JSON), then the counts.
An output named .jsonl (.ndjson, .jsonlines) is written as JSON Lines, one
named .json as a document; --output-format overrides the name. Formats that
installed packages add (entry points in the group peacetalks.importers) are
listed among the choices.

exit codes:
  0  every row was imported, merged or skipped
  1  some rows were rejected (the others were still written), or the file is
     not in the format named, or beyond a --max-... limit (nothing written)
  2  the file could not be read or written, or the command was misused
"""


def register(commands: Any) -> None:
    parser: argparse.ArgumentParser = commands.add_parser(
        "import",
        help=HELP,
        description=HELP + ". The output is written atomically.",
        epilog=EXAMPLES,
        formatter_class=argparse.RawDescriptionHelpFormatter,
    )
    parser.add_argument("dataset", choices=importer_names(), help="the format of FILE")
    parser.add_argument("file", metavar="FILE", help="the file to read")
    parser.add_argument(
        "-o", "--output", required=True, metavar="OUT", help="the document to write"
    )
    parser.add_argument(
        "--output-format",
        choices=(JSON, JSONL),
        help="write a JSON document or JSON Lines (default: told from OUT's name; else json)",
    )
    parser.add_argument(
        "--encoding",
        metavar="NAME",
        help="the file's text encoding, e.g. cp1252 or latin-1 (default: UTF-8)",
    )
    parser.add_argument(
        "--format",
        choices=("text", "json"),
        default="text",
        help="the report: text (default) for people, json for programs",
    )
    add_limit_options(parser, stream=False)
    parser.set_defaults(run=run)


def run(args: argparse.Namespace) -> int:
    limits = limits_from(args)
    for problem in plugin_problems():
        print(f"peacetalks import: {problem}", file=sys.stderr)
    try:
        importer = load_importer(args.dataset)
    except (LookupError, ImportError) as exc:
        print(f"peacetalks import: {exc}", file=sys.stderr)
        return 2
    options = {"encoding": args.encoding} if args.encoding else {}
    try:
        data = read_file(args.file, limits, args.dataset)
        result = importer(data, limits=limits, **options)
    except OSError as exc:
        print(f"{args.file}: cannot read: {exc.strerror or exc}", file=sys.stderr)
        return 2
    except LimitExceededError as exc:
        print(f"{args.file}: {exc}", file=sys.stderr)
        return 1
    except ValidationError as exc:
        print(f"{args.file}: not a {args.dataset} file: {exc}", file=sys.stderr)
        return 1
    except Exception as exc:
        if args.dataset in IMPORTERS:
            raise  # a bug of ours: let it show
        print(
            f"{args.file}: the plug-in importer {args.dataset!r} failed: {exc!r}", file=sys.stderr
        )
        return 2
    try:
        if output_format(args.output, args.output_format, JSON) == JSONL:
            write_jsonl(args.output, result.document.records)
        else:
            write_document(result.document, args.output)
    except IntegrityError as exc:  # a plug-in's records that do not fit together
        print(
            f"{args.file}: the imported records do not fit together, nothing written",
            file=sys.stderr,
        )
        for issue in exc.problems:
            print(f"  {issue}", file=sys.stderr)
        return 1
    except OSError as exc:
        print(f"{args.output}: cannot write: {exc.strerror or exc}", file=sys.stderr)
        return 2
    report = summary(args.file, args.output, result)
    if args.format == "json":
        sys.stdout.write(json.dumps(report, ensure_ascii=False, indent=2) + "\n")
    else:
        print_text(report)
    return 1 if report["rows"]["rejected"] else 0


def summary(name: str, output: str, result: ImportResult) -> dict[str, Any]:
    """The report as plain data: counts, file notes and every row worth a word."""
    return {
        "file": name,
        "output": output,
        "rows_read": result.rows_read,
        "rows": result.outcomes(),
        "records": result.records_by_kind(),
        "notes": list(result.notes),
        "top_rejection_reasons": [
            {"reason": reason, "rows": count} for reason, count in result.top_reasons()
        ],
        "details": [
            {
                "line": row.line,
                "key": row.key,
                "outcome": row.outcome.value,
                "problems": list(row.problems),
            }
            for row in result.rows
            if row.problems or row.outcome is not RowOutcome.IMPORTED
        ],
    }


def print_text(report: dict[str, Any]) -> None:
    for row in report["details"]:
        where = f"line {row['line']}" + (f" ({row['key']})" if row["key"] else "")
        problems = "; ".join(row["problems"])
        print(
            f"{report['file']}: {where}: {row['outcome']}" + (f": {problems}" if problems else "")
        )
    for note in report["notes"]:
        print(f"{report['file']}: {note}")
    rows = ", ".join(f"{n} {outcome}" for outcome, n in report["rows"].items() if n)
    records = ", ".join(
        f"{n} {kind}{'' if n == 1 else 's'}" for kind, n in report["records"].items() if n
    )
    print(f"{report['file']}: {report['rows_read']} rows read ({rows or 'none'})")
    print(f"{report['output']}: {records or 'no records'} written")
    for item in report["top_rejection_reasons"]:
        print(f"  rejected {item['rows']} times: {item['reason']}")
