"""``peacetalks schema``: print the JSON Schema of the peacetalks format."""

from __future__ import annotations

import argparse
import sys
from typing import Any

from peacetalks.document import SCHEMA_VERSION
from peacetalks.profiles import PROFILES, profile_text

HELP = f"print the JSON Schema of peacetalks documents (schema version {SCHEMA_VERSION})"
EXAMPLES = """\
examples:
  peacetalks schema                       print the schema
  peacetalks schema > peacetalks.schema.json
                                          save it for a validator in another language
  peacetalks schema --profile statement   the generation profile for statements, for
                                          constrained decoding (docs/extraction.md)

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
    parser.add_argument(
        "--profile",
        choices=PROFILES,
        default="full",
        help="full: the whole JSON contract (the default); document or a record kind: a"
        " generation profile for constrained decoding",
    )
    parser.set_defaults(run=run)


def run(args: argparse.Namespace) -> int:
    sys.stdout.write(profile_text(args.profile))
    return 0
