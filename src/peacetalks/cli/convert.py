"""``peacetalks convert``: a JSON document to JSON Lines and back.

A document's title and sources travel in the stream's header line, so a round
trip loses nothing. Bad lines of a stream are reported on standard error and
skipped (or copied to ``--rejects``); the output holds every good record. A
file output is written atomically: a failed run leaves the old file as it was.
"""

from __future__ import annotations

import argparse
import itertools
import sys
from collections.abc import Iterator
from typing import Any

import cattrs

from peacetalks.cli._inputs import JSON, JSONL, Source, add_input_options, limits_from
from peacetalks.cli._outputs import add_output_format, chosen_format, write_records
from peacetalks.cli._progress import Progress
from peacetalks.converter import from_json, make_converter
from peacetalks.document import Document, Record
from peacetalks.errors import BadLineError, SchemaVersionError, ValidationError
from peacetalks.jsonlines import BadLine, JsonLinesReader

HELP = "convert between a JSON document and JSON Lines (one record per line)"
EXAMPLES = """\
examples:
  peacetalks convert talks.json -o talks.jsonl     a document to a stream
  peacetalks convert talks.jsonl -o talks.json     a stream to a document
  peacetalks convert talks.json --output-format jsonl | head -3
  peacetalks convert corpus.jsonl -o clean.jsonl --rejects bad.jsonl
  peacetalks example | peacetalks convert - --output-format jsonl

The output format is --output-format (or its older name --to), else told from
the output's name (.json; .jsonl, .ndjson, .jsonlines), else the other format
from the input's.

exit codes:
  0  converted; the input was valid
  1  the input was invalid: for a stream, the good records were still written
     (unless --fail-fast); for a document, nothing was written
  2  a file could not be read or written, or the command was misused
"""


def register(commands: Any) -> None:
    parser: argparse.ArgumentParser = commands.add_parser(
        "convert",
        help=HELP,
        description=HELP + ".",
        epilog=EXAMPLES,
        formatter_class=argparse.RawDescriptionHelpFormatter,
    )
    parser.add_argument("input", metavar="INPUT", help="a JSON document or JSON Lines file, or -")
    parser.add_argument(
        "-o", "--output", metavar="OUTPUT", help="where to write (default: standard output)"
    )
    add_output_format(parser, "--to", default="the other format from the input's")
    parser.add_argument(
        "--indent",
        type=int,
        default=2,
        metavar="N",
        help="indent a JSON document by N spaces (default 2; 0 for one line)",
    )
    parser.add_argument(
        "--fail-fast",
        action="store_true",
        help="stop at a stream's first bad line and write nothing",
    )
    parser.add_argument("--rejects", metavar="FILE", help="copy a stream's bad lines here")
    add_input_options(parser)
    parser.set_defaults(run=run)


def run(args: argparse.Namespace) -> int:
    conv = make_converter(keep_unknown_keys=args.keep_unknown_keys)
    try:
        with Source(args.input, limits_from(args)) as source:
            source_format = source.format(args.input_format)
            target_format = _target_format(args, source_format)
            if source_format == JSON:
                return _from_document(source, target_format, args, conv)
            return _from_stream(source, target_format, args, conv)
    except BrokenPipeError:
        raise  # the reader of our output went away: main() ends quietly
    except OSError as exc:
        where = f" {exc.filename}" if exc.filename else ""
        print(f"peacetalks convert:{where}: {exc.strerror or exc}", file=sys.stderr)
        return 2


def _target_format(args: argparse.Namespace, source_format: str) -> str:
    return chosen_format(args, JSONL if source_format == JSON else JSON)


def _from_document(
    source: Source, target_format: str, args: argparse.Namespace, conv: cattrs.Converter
) -> int:
    try:
        document = from_json(source.read(), Document, converter=conv, limits=source.limits)
    except ValidationError as exc:
        print(f"{source.name}: invalid, nothing written", file=sys.stderr)
        for problem in exc.problems:
            print(f"  {problem}", file=sys.stderr)
        return 1
    _write(document, iter(document.records), target_format, args, conv)
    _done(source.name, len(document.records), 0, args, target_format)
    return 0


def _from_stream(
    source: Source, target_format: str, args: argparse.Namespace, conv: cattrs.Converter
) -> int:
    progress = Progress(f"converting {source.name}", source.size)

    def bad_line(bad: BadLine) -> None:
        for problem in bad.problems:
            print(f"{source.name}:{bad.line}: {problem}", file=sys.stderr)

    reader = JsonLinesReader(
        source.stream(),
        strict=args.fail_fast,
        on_bad_line=bad_line,
        rejects=args.rejects,
        converter=conv,
        limits=source.limits,
    )

    def records() -> Iterator[Record]:
        for record in reader:
            progress.update(reader.bytes_read, reader.lines)
            yield record

    stream = records()
    try:
        # Reading up to the first record reads the header, whose title and sources go along.
        first = next(stream, None)
        header = reader.header or Document()
        rest = stream if first is None else itertools.chain([first], stream)
        _write(header, rest, target_format, args, conv)
    except (BadLineError, SchemaVersionError) as exc:
        line = exc.line if isinstance(exc, BadLineError) else reader.lines
        bad_line(BadLine(line=line, problems=exc.problems, text=b""))
        print(f"{source.name}: stopped at line {line}, nothing written", file=sys.stderr)
        return 1
    finally:
        progress.close()
    _done(source.name, reader.good, reader.bad, args, target_format)
    return 1 if reader.bad else 0


def _write(
    header: Document,
    records: Iterator[Record],
    target_format: str,
    args: argparse.Namespace,
    conv: cattrs.Converter,
) -> None:
    """Write the records under the header's title and sources; a file output atomically."""
    write_records(
        header, records, target_format, args.output, indent=args.indent or None, converter=conv
    )


def _done(name: str, good: int, bad: int, args: argparse.Namespace, target_format: str) -> None:
    target = args.output if args.output not in (None, "-") else "standard output"
    skipped = f", skipped {bad} bad line{'' if bad == 1 else 's'}" if bad else ""
    plural = "" if good == 1 else "s"
    print(
        f"{name}: wrote {good} record{plural} to {target} ({target_format}){skipped}",
        file=sys.stderr,
    )
