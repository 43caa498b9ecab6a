"""The ``peacetalks`` command line.

Every command lives in its own module with a ``register(commands)`` function
that adds its sub-parser; :data:`COMMANDS` lists them in ``--help`` order.

Exit codes, for every command: 0 success, 1 invalid input, 2 a usage error or
a file that cannot be read.
"""

from __future__ import annotations

import argparse
import os
import sys
from collections.abc import Sequence
from types import ModuleType

from peacetalks.__about__ import __version__
from peacetalks.cli import convert, example, exports, imports, schema, timeline, validate, when

__all__ = ["COMMANDS", "EXIT_INVALID", "EXIT_OK", "EXIT_USAGE", "build_parser", "main"]

EXIT_OK = 0
EXIT_INVALID = 1
EXIT_USAGE = 2

COMMANDS: tuple[ModuleType, ...] = (
    validate,
    timeline,
    convert,
    when,
    example,
    schema,
    imports,
    exports,
)


def build_parser() -> argparse.ArgumentParser:
    """The parser for ``peacetalks`` and all its commands."""
    parser = argparse.ArgumentParser(
        prog="peacetalks",
        description=(
            "Validate and inspect peace-talks records in the peacetalks JSON format,"
            " and convert them to and from the field's datasets."
        ),
        epilog="Run 'peacetalks COMMAND --help' for a command's options and examples.",
    )
    parser.add_argument("--version", action="version", version=f"peacetalks {__version__}")
    commands = parser.add_subparsers(title="commands", metavar="COMMAND")
    for command in COMMANDS:
        command.register(commands)
    return parser


def main(argv: Sequence[str] | None = None) -> int:
    """Run the command line; returns the exit code."""
    parser = build_parser()
    args = parser.parse_args(argv)
    run = getattr(args, "run", None)
    if run is None:
        parser.print_help(sys.stderr)
        return EXIT_USAGE
    try:
        code: int = run(args)
        sys.stdout.flush()
    except BrokenPipeError:
        # The reader went away (`peacetalks example | head`): stop quietly.
        devnull = os.open(os.devnull, os.O_WRONLY)
        os.dup2(devnull, sys.stdout.fileno())
        return EXIT_OK
    except KeyboardInterrupt:
        return 130
    except OSError as exc:  # most often stdout: a full disk (`> /dev/full`), a closed pipe
        _drop_stdout()
        where = exc.filename if exc.filename else "cannot write the output"
        print(f"peacetalks: {where}: {exc.strerror or exc}", file=sys.stderr)
        return EXIT_USAGE
    return code


def _drop_stdout() -> None:
    """Send what stdout still holds nowhere, so that exiting does not fail to flush it."""
    devnull = os.open(os.devnull, os.O_WRONLY)
    os.dup2(devnull, sys.stdout.fileno())
    os.close(devnull)


if __name__ == "__main__":  # pragma: no cover
    sys.exit(main())
