"""``peacetalks export``: write a peacetalks document as Popolo or PLOVER JSON."""

from __future__ import annotations

import argparse
import sys
from typing import Any

from peacetalks.cli import export_tables
from peacetalks.cli._inputs import JSON, JSONL, add_limit_options, limits_from
from peacetalks.cli._outputs import add_output_format, chosen_format, write_json, write_text
from peacetalks.errors import ValidationError
from peacetalks.files import read_document
from peacetalks.interop import EXPORTERS

#: The datasets written as CSV text rather than JSON.
CSV_DATASETS = frozenset({"ethprio", "pax"})

HELP = (
    "write a peacetalks document as Popolo (actors) or PLOVER (events) JSON,"
    " or ETH/PRIO (truces) or PA-X (agreements) CSV; or its tables as Parquet or CSV"
)
EXAMPLES = """\
examples:
  peacetalks export popolo talks.json -o people.json
  peacetalks example > article.json && peacetalks export plover article.json -o events.json
  peacetalks export plover article.json -o events.jsonl    one event a line
  peacetalks export ethprio ceasefires.json -o ceasefires.csv
  peacetalks export parquet corpus.jsonl -o tables/
  peacetalks export csv article.json -o tables-csv/

Popolo gets the actors (persons, organizations, memberships); PLOVER gets the
statements, proposals, truces and meetings as events, as a JSON array or, for
an output named .jsonl (or --output-format jsonl), one event a line; ETH/PRIO
gets the truces and PA-X the agreements, as CSV rows (every cell of an imported
row given back). Popolo is one JSON object and has no JSON Lines form. Whatever
the format has no place for is listed on standard error. The document's records
must fit together (see 'peacetalks validate').
parquet and csv write the tables of docs/tables.md into the directory OUT, from
a document (whose records must fit together, unless --no-integrity) or a JSON
Lines stream (streamed, so its records are checked one by one, not together).

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
    parser.add_argument(
        "--no-integrity",
        dest="integrity",
        action="store_false",
        help="parquet, csv: write a JSON document's tables without checking that its records"
        " fit together (a JSON Lines stream is not checked: see 'peacetalks validate"
        " --integrity')",
    )
    add_output_format(parser, default=JSON)
    add_limit_options(parser)
    parser.set_defaults(run=run)


def run(args: argparse.Namespace) -> int:
    if args.dataset in export_tables.FORMATS:
        return export_tables.run(args)
    target_format = chosen_format(args, JSON)
    if target_format == JSONL and args.dataset != "plover":
        what, suffix = (
            ("CSV", ".csv") if args.dataset in CSV_DATASETS else ("one JSON object", ".json")
        )
        print(
            f"peacetalks export: {args.dataset} is {what} and has no JSON Lines form:"
            f" write a {suffix} file",
            file=sys.stderr,
        )
        return 2
    try:
        document = read_document(args.file, limits=limits_from(args))
    except OSError as exc:
        print(f"{args.file}: cannot read: {exc.strerror or exc}", file=sys.stderr)
        return 2
    except ValidationError as exc:
        print(f"{args.file}: {exc}", file=sys.stderr)
        return 1
    data, notes = EXPORTERS[args.dataset](document)
    try:
        if isinstance(data, str):  # a CSV dataset (ETH/PRIO, PA-X) comes as its text
            write_text(data, args.output)
        else:
            write_json(data, target_format, args.output)
    except OSError as exc:
        print(f"{args.output}: cannot write: {exc.strerror or exc}", file=sys.stderr)
        return 2
    for note in notes:
        print(f"{args.file}: {note}", file=sys.stderr)
    if isinstance(data, str):
        count = max(len(data.splitlines()) - 1, 0)
    else:
        count = len(data) if isinstance(data, list) else sum(len(v) for v in data.values())
    records = len(document.records)
    print(f"{args.output}: {count} {args.dataset} objects written from {records} records")
    return 0
