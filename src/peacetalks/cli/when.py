"""``peacetalks when``: show how a phrase about time is read, as JSON."""

from __future__ import annotations

import argparse
import sys
from typing import Any

from peacetalks.converter import to_json
from peacetalks.errors import UnreadableTimeError, ValidationError
from peacetalks.timeparse import OnUnknown, parse_duration, parse_time

HELP = "show how words about time are read: the resolved reported time as JSON"
EXAMPLES = """\
examples:
  peacetalks when "by April 20" --reference 2025-03-23T12:00:00+02:00
  peacetalks when "early Sunday morning" --reference 2025-03-23 --zone Europe/Kyiv
  peacetalks when "late Friday" --reference 2025-03-23 --zone America/New_York
  peacetalks when "March 2022"
  peacetalks when "since the start of the war" --keep
  peacetalks when --duration "30-day"

exit codes:
  0  the words were read (or kept, with --keep)
  1  the words cannot be read or resolved (the reason is printed)
  2  the command was misused: a bad --reference or --zone
"""


def register(commands: Any) -> None:
    parser: argparse.ArgumentParser = commands.add_parser(
        "when",
        help=HELP,
        description=HELP + ". The rules are in docs/time.md.",
        epilog=EXAMPLES,
        formatter_class=argparse.RawDescriptionHelpFormatter,
    )
    parser.add_argument("words", metavar="WORDS", help='the words, e.g. "by April 20"')
    parser.add_argument(
        "--reference",
        metavar="ISO",
        help="what relative words are resolved against, usually the publication time: "
        "2025-03-23 or 2025-03-23T12:00:00+02:00",
    )
    parser.add_argument(
        "--zone", metavar="ZONE", help="the IANA zone the words are read in, e.g. Europe/Kyiv"
    )
    parser.add_argument(
        "--future",
        action="store_true",
        help="read a bare weekday ('on Monday') as the next one, not the last one",
    )
    parser.add_argument(
        "--week-starts",
        choices=("sunday", "monday"),
        default="sunday",
        help="the first day of a week, for 'this week' and 'last week' (default: sunday)",
    )
    parser.add_argument(
        "--keep",
        action="store_true",
        help="print words that cannot be read with no dates, instead of failing",
    )
    parser.add_argument(
        "--duration", action="store_true", help="read the words as a length: '30-day', '72 hours'"
    )
    parser.set_defaults(run=run)


def run(args: argparse.Namespace) -> int:
    on_unknown: OnUnknown = "keep" if args.keep else "error"
    try:
        if args.duration:
            value: object = parse_duration(args.words, on_unknown=on_unknown)
        else:
            value = parse_time(
                args.words,
                args.reference,
                args.zone,
                tense="future" if args.future else "past",
                week_starts=args.week_starts,
                on_unknown=on_unknown,
            )
    except UnreadableTimeError as error:
        print(f"peacetalks when: {error}", file=sys.stderr)
        return 1
    except ValidationError as error:
        print(f"peacetalks when: {error}", file=sys.stderr)
        return 2
    sys.stdout.write(to_json(value, indent=2) + "\n")
    return 0
