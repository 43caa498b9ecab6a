"""``peacetalks schema``: print the JSON Schema of the peacetalks format."""

from __future__ import annotations

import argparse
import sys
from typing import Any

from peacetalks.document import SCHEMA_VERSION
from peacetalks.schema import load_schema_text

HELP = f"print the JSON Schema of peacetalks documents (schema version {SCHEMA_VERSION})"
EXAMPLES = """\
examples:
  peacetalks schema                       print the schema
  peacetalks schema > peacetalks.schema.json
                                          save it for a validator in another language

exit codes:
  0  the schema was printed
  2  the command was misused
"""


def register(commands: Any) -> None:
    parser: argparse.ArgumentParser = commands.add_parser(
        "schema",
        help=HELP,
        description=HELP + ": JSON Schema draft 2020-12. A whole document is valid against it;"
        " a single record against #/$defs/Record.",
        epilog=EXAMPLES,
        formatter_class=argparse.RawDescriptionHelpFormatter,
    )
    parser.set_defaults(run=run)


def run(args: argparse.Namespace) -> int:
    sys.stdout.write(load_schema_text())
    return 0
