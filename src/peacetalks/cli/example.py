"""``peacetalks example``: print the bundled example document."""

from __future__ import annotations

import argparse
import sys
from typing import Any

from peacetalks.example import example_json

HELP = "print the bundled example document (the seed article) as JSON"
EXAMPLES = """\
examples:
  peacetalks example                      print the example document
  peacetalks example > article.json       start your own file from it
  peacetalks example | peacetalks validate -
"""


def register(commands: Any) -> None:
    parser: argparse.ArgumentParser = commands.add_parser(
        "example",
        help=HELP,
        description=HELP + ".",
        epilog=EXAMPLES,
        formatter_class=argparse.RawDescriptionHelpFormatter,
    )
    parser.set_defaults(run=run)


def run(args: argparse.Namespace) -> int:
    sys.stdout.write(example_json())
    return 0
