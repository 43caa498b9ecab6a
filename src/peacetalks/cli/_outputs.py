"""What the commands write: a file (atomically) or standard output, as JSON or JSON Lines.

Every command that writes records or dataset objects picks the format by one
rule, :func:`~peacetalks.cli._inputs.output_format`: ``--output-format``, else
the output's name (``.jsonl``, ``.ndjson``, ``.jsonlines`` for JSON Lines,
``.json`` for JSON), else the command's default. So a file is never written in
the other format than its name says, and what ``validate`` then reads is what
was written.
"""

from __future__ import annotations

import argparse
import json
import sys
from collections.abc import Iterable, Iterator
from typing import Any

import cattrs

from peacetalks.cli._inputs import JSON, JSONL, output_format
from peacetalks.converter import converter as default_converter
from peacetalks.converter import to_json_bytes
from peacetalks.document import Document, Record
from peacetalks.files import atomic_output
from peacetalks.jsonlines import JsonLinesWriter

__all__ = [
    "add_output_format",
    "chosen_format",
    "write_json",
    "write_records",
    "write_text",
]

FORMAT_HELP = (
    "json (a document) or jsonl (JSON Lines, one record a line); by default told from"
    " the output's name: .jsonl, .ndjson or .jsonlines for JSON Lines, .json for JSON"
)


def add_output_format(parser: argparse.ArgumentParser, *aliases: str, default: str) -> None:
    """``--output-format`` (and older names for it), ``args.output_format``."""
    parser.add_argument(
        "--output-format",
        *aliases,
        dest="output_format",
        choices=(JSON, JSONL),
        help=f"{FORMAT_HELP} (else {default})",
    )


def chosen_format(args: argparse.Namespace, default: str) -> str:
    """The format to write: ``--output-format``, else told from ``--output``, else ``default``."""
    return output_format(getattr(args, "output", None), args.output_format, default)


def write_records(
    header: Document,
    records: Iterable[Record],
    target_format: str,
    output: str | None,
    *,
    indent: int | None = 2,
    converter: cattrs.Converter = default_converter,
) -> None:
    """Write the records under the header's title and sources; a file atomically."""
    if target_format == JSONL:
        target: Any = sys.stdout.buffer if output in (None, "-") else output
        with JsonLinesWriter(
            target, title=header.title, sources=header.sources, converter=converter
        ) as writer:
            writer.write_all(records)
        return
    document = Document(records=tuple(records), title=header.title, sources=header.sources)
    _write_bytes(to_json_bytes(document, indent=indent, converter=converter) + b"\n", output)


def write_json(data: Any, target_format: str, output: str | None) -> None:
    """Plain JSON data: indented, or for JSON Lines each item of a list on its own line."""
    if target_format == JSONL:
        if not isinstance(data, list):
            raise TypeError("only a list has a JSON Lines form")  # the callers check first
        _write_bytes(b"".join(_lines(data)), output)
    else:
        _write_bytes((json.dumps(data, ensure_ascii=False, indent=2) + "\n").encode(), output)


def write_text(text: str, output: str | None) -> None:
    """Text as it is (a CSV dataset), UTF-8; a file atomically."""
    _write_bytes(text.encode("utf-8"), output)


def _lines(items: list[Any]) -> Iterator[bytes]:
    for item in items:
        yield (json.dumps(item, ensure_ascii=False, separators=(",", ":")) + "\n").encode()


def _write_bytes(data: bytes, output: str | None) -> None:
    if output is None or output == "-":
        sys.stdout.buffer.write(data)
        sys.stdout.buffer.flush()
    else:
        with atomic_output(output) as handle:
            handle.write(data)
