"""``peacetalks export``: write a peacetalks document as Popolo or PLOVER JSON."""

from __future__ import annotations

import argparse
import json
import sys
from typing import Any

from peacetalks.cli import export_tables
from peacetalks.cli._inputs import add_limit_options, limits_from
from peacetalks.errors import ValidationError
from peacetalks.files import atomic_write, read_document
from peacetalks.interop import EXPORTERS

HELP = "write a peacetalks document as Popolo (actors) or PLOVER (events) JSON"
EXAMPLES = """\
examples:
  peacetalks export popolo talks.json -o people.json
  peacetalks example > article.json && peacetalks export plover article.json -o events.json
  peacetalks export parquet corpus.jsonl -o tables/
  peacetalks export csv article.json -o tables-csv/

Popolo gets the actors (persons, organizations, memberships); PLOVER gets the
statements, proposals, truces and meetings as events. Whatever the format has
no place for is listed on standard error. parquet and csv write the tables of
docs/tables.md into the directory OUT, from a document or a JSON Lines stream.

exit codes:
  0  the output was written
  1  FILE is not a valid peacetalks document (every problem is printed); for
     parquet and csv from JSON Lines, the good records were still written
  2  a file could not be read or written, or the command was misused
"""


def register(commands: Any) -> None:
    parser: argparse.ArgumentParser = commands.add_parser(
        "export",
        help=HELP,
        description=HELP + ". The output is written atomically.",
        epilog=EXAMPLES,
        formatter_class=argparse.RawDescriptionHelpFormatter,
    )
    formats = sorted([*EXPORTERS, *export_tables.FORMATS])
    parser.add_argument("dataset", choices=formats, help="the format to write")
    parser.add_argument("file", metavar="FILE", help="a peacetalks JSON document")
    parser.add_argument(
        "-o", "--output", required=True, metavar="OUT", help="the file (directory for tables)"
    )
    parser.add_argument(
        "--countries",
        action="store_true",
        help="parquet, csv: add a countries table (ISO, Gleditsch-Ward and COW codes)",
    )
    add_limit_options(parser)
    parser.set_defaults(run=run)


def run(args: argparse.Namespace) -> int:
    if args.dataset in export_tables.FORMATS:
        return export_tables.run(args)
    try:
        document = read_document(args.file, limits=limits_from(args))
    except OSError as exc:
        print(f"{args.file}: cannot read: {exc.strerror or exc}", file=sys.stderr)
        return 2
    except ValidationError as exc:
        print(f"{args.file}: {exc}", file=sys.stderr)
        return 1
    data, notes = EXPORTERS[args.dataset](document)
    text = json.dumps(data, ensure_ascii=False, indent=2) + "\n"
    try:
        atomic_write(args.output, text.encode("utf-8"))
    except OSError as exc:
        print(f"{args.output}: cannot write: {exc.strerror or exc}", file=sys.stderr)
        return 2
    for note in notes:
        print(f"{args.file}: {note}", file=sys.stderr)
    count = len(data) if isinstance(data, list) else sum(len(v) for v in data.values())
    records = len(document.records)
    print(f"{args.output}: {count} {args.dataset} objects written from {records} records")
    return 0
