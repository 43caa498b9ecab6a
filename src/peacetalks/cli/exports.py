"""``peacetalks export``: write a peacetalks document as Popolo or PLOVER JSON."""

from __future__ import annotations

import argparse
import json
import sys
from typing import Any

from peacetalks.cli._inputs import add_limit_options, limits_from
from peacetalks.errors import ValidationError
from peacetalks.files import atomic_write, read_document
from peacetalks.interop import EXPORTERS

HELP = (
    "write a peacetalks document as Popolo (actors) or PLOVER (events) JSON,"
    " or ETH/PRIO (truces) or PA-X (agreements) CSV"
)
EXAMPLES = """\
examples:
  peacetalks export popolo talks.json -o people.json
  peacetalks example > article.json && peacetalks export plover article.json -o events.json
  peacetalks export ethprio ceasefires.json -o ceasefires.csv

Popolo gets the actors (persons, organizations, memberships); PLOVER gets the
statements, proposals, truces and meetings as events; ETH/PRIO gets the truces
and PA-X the agreements, as CSV rows (every cell of an imported row given
back). Whatever the format has no place for is listed on standard error.

exit codes:
  0  the output was written
  1  FILE is not a valid peacetalks document (every problem is printed)
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
    parser.add_argument("dataset", choices=sorted(EXPORTERS), help="the format to write")
    parser.add_argument("file", metavar="FILE", help="a peacetalks JSON document")
    parser.add_argument("-o", "--output", required=True, metavar="OUT", help="the file to write")
    add_limit_options(parser, stream=False)
    parser.set_defaults(run=run)


def run(args: argparse.Namespace) -> int:
    try:
        document = read_document(args.file, limits=limits_from(args))
    except OSError as exc:
        print(f"{args.file}: cannot read: {exc.strerror or exc}", file=sys.stderr)
        return 2
    except ValidationError as exc:
        print(f"{args.file}: {exc}", file=sys.stderr)
        return 1
    data, notes = EXPORTERS[args.dataset](document)
    # A CSV dataset (ETH/PRIO, PA-X) comes as its text; the others as JSON data.
    text = data if isinstance(data, str) else json.dumps(data, ensure_ascii=False, indent=2) + "\n"
    try:
        atomic_write(args.output, text.encode("utf-8"))
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
