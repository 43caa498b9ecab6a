"""``peacetalks export parquet|csv FILE -o DIR``: the tables of ``peacetalks.tables``.

A JSON document's records must fit together (unless ``--no-integrity``), as
``peacetalks validate`` checks by default. A JSON Lines input is streamed
(bounded memory whatever its length), each record checked alone; its bad lines
are reported on standard error and skipped, and the good records are written.
The tables appear in DIR only once all are complete.
"""

from __future__ import annotations

import argparse
import sys
from collections.abc import Iterator

from peacetalks.cli._inputs import JSONL, Source, limits_from
from peacetalks.cli._progress import Progress
from peacetalks.converter import from_json
from peacetalks.document import Document, Record
from peacetalks.errors import IntegrityError, SchemaVersionError, ValidationError
from peacetalks.integrity import check_integrity
from peacetalks.jsonlines import BadLine, JsonLinesReader

#: The formats this module writes, as ``peacetalks export`` choices.
FORMATS = ("csv", "parquet")


def run(args: argparse.Namespace) -> int:
    """Write the tables; exit 0, 1 (bad input; good records still written) or 2."""
    try:
        from peacetalks.tables import TableWriter  # noqa: PLC0415 - needs the tables extra
    except ImportError as exc:
        print(f"peacetalks export {args.dataset}: {exc}", file=sys.stderr)
        return 2
    bad = 0
    try:
        with Source(args.file, limits_from(args)) as source:
            progress = Progress(f"exporting {source.name}", source.size)

            def bad_line(line: BadLine) -> None:
                nonlocal bad
                bad += 1
                for problem in line.problems:
                    print(f"{source.name}:{line.line}: {problem}", file=sys.stderr)

            records: Iterator[Record]
            if source.format() == JSONL:
                reader = JsonLinesReader(
                    source.stream(), on_bad_line=bad_line, limits=source.limits
                )

                def streamed() -> Iterator[Record]:
                    for record in reader:
                        progress.update(reader.bytes_read, reader.lines)
                        yield record

                records = streamed()
                first = next(records, None)
                header = reader.header
                if first is not None:
                    records = _chain(first, records)
            else:
                header = from_json(source.read(), Document, limits=source.limits)
                most = source.limits.max_problems
                problems = (
                    check_integrity(header.records, max_problems=most) if args.integrity else []
                )
                if problems:
                    raise IntegrityError(problems, "document")
                records = iter(header.records)
            try:
                with TableWriter(
                    args.output, format=args.dataset, header=header, countries=args.countries
                ) as writer:
                    writer.write_all(records)
            finally:
                progress.close()
    except (ValidationError, SchemaVersionError) as exc:
        print(f"{args.file}: invalid, nothing written", file=sys.stderr)
        for problem in exc.problems:
            print(f"  {problem}", file=sys.stderr)
        return 1
    except ImportError as exc:
        print(f"peacetalks export {args.dataset}: {exc}", file=sys.stderr)
        return 2
    except OSError as exc:
        where = f" {exc.filename}" if exc.filename else ""
        print(f"peacetalks export:{where}: {exc.strerror or exc}", file=sys.stderr)
        return 2
    rows = sum(writer.counts.values())
    tables = sum(1 for count in writer.counts.values() if count)
    skipped = f"; skipped {bad} bad line{'' if bad == 1 else 's'}" if bad else ""
    print(
        f"{args.output}: {writer.records} records as {len(writer.counts)} {args.dataset} tables"
        f" ({rows} rows in {tables} non-empty tables){skipped}"
    )
    return 1 if bad else 0


def _chain(first: Record, rest: Iterator[Record]) -> Iterator[Record]:
    yield first
    yield from rest
