"""``peacetalks example``: print or write the bundled example, as a document or JSON Lines."""

from __future__ import annotations

import argparse
import sys
from typing import Any

from peacetalks.cli._inputs import JSON
from peacetalks.cli._outputs import add_output_format, chosen_format, write_records
from peacetalks.example import example_json, load_example

HELP = "print the bundled example document (the seed article) as JSON or JSON Lines"
EXAMPLES = """\
examples:
  peacetalks example                      print the example document
  peacetalks example > article.json       start your own file from it
  peacetalks example -o article.jsonl     the same records as JSON Lines
  peacetalks example --output-format jsonl | head -3
  peacetalks example | peacetalks validate -

exit codes:
  0  the example was written
  2  the output could not be written, or the command was misused
"""


def register(commands: Any) -> None:
    parser: argparse.ArgumentParser = commands.add_parser(
        "example",
        help=HELP,
        description=HELP + ". A file output is written atomically.",
        epilog=EXAMPLES,
        formatter_class=argparse.RawDescriptionHelpFormatter,
    )
    parser.add_argument(
        "-o", "--output", metavar="OUTPUT", help="where to write (default: standard output)"
    )
    add_output_format(parser, default=JSON)
    parser.set_defaults(run=run)


def run(args: argparse.Namespace) -> int:
    target_format = chosen_format(args, JSON)
    try:
        if target_format == JSON and args.output in (None, "-"):
            sys.stdout.write(example_json())  # the bundled file, byte for byte
            return 0
        document = load_example()
        write_records(document, document.records, target_format, args.output)
    except BrokenPipeError:
        raise  # the reader of our output went away: main() ends quietly
    except OSError as exc:
        print(f"{args.output}: cannot write: {exc.strerror or exc}", file=sys.stderr)
        return 2
    return 0
