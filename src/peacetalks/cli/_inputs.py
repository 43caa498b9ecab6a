"""What the commands read: a file, standard input (``-``) or the bundled example.

The format is told by the name (``.jsonl``, ``.ndjson``, ``.jsonlines``) or,
failing that, by the first lines: a JSON Lines stream starts with a line that
is a whole JSON object without ``records`` (its header or a record); a JSON
document either spans several lines or has ``records``. ``--input-format``
overrides the guess.

Everything is read within :class:`~peacetalks.Limits`, set by the ``--max-...``
options: a document is refused once it is larger than ``--max-document-bytes``
(before it is read, for a file), and a stream is read a bounded line at a time.
"""

from __future__ import annotations

import argparse
import io
import os
import stat
import sys
from types import TracebackType
from typing import BinaryIO

from peacetalks._jsontext import parse_json
from peacetalks.errors import ValidationError
from peacetalks.example import example_json
from peacetalks.limits import (
    DEFAULT_LIMITS,
    DEPTH_CEILING,
    LIMIT_CEILING,
    Limits,
    read_at_most,
    too_large,
)

EXAMPLE_NAME = "(bundled example)"
JSON, JSONL = "json", "jsonl"
_STREAM_SUFFIXES = (".jsonl", ".ndjson", ".jsonlines")
_SNIFF_LINES = 2
_SNIFF_BYTES = 1 << 20  # of a line looked at to tell the format
_UNITS = {"K": 1 << 10, "M": 1 << 20, "G": 1 << 30}


def output_format(name: str | None, forced: str | None, default: str) -> str:
    """The format a command writes: ``forced`` if given, else told from ``name``.

    The one rule for every command that writes: a name ending in ``.jsonl``,
    ``.ndjson`` or ``.jsonlines`` gets JSON Lines, one ending in ``.json`` a JSON
    document, and any other name (or standard output) ``default``.

    >>> output_format("out.JSONL", None, JSON), output_format("out.json", None, JSONL)
    ('jsonl', 'json')
    >>> output_format(None, JSONL, JSON), output_format("-", None, JSON)
    ('jsonl', 'json')
    """
    if forced:
        return forced
    lowered = (name or "").lower()
    if lowered.endswith(_STREAM_SUFFIXES):
        return JSONL
    if lowered.endswith(".json"):
        return JSON
    return default


def add_input_options(parser: argparse.ArgumentParser) -> None:
    """The options every reading command shares."""
    parser.add_argument(
        "--input-format",
        choices=(JSON, JSONL),
        help="read input as a JSON document or JSON Lines (default: tell from the name or content)",
    )
    parser.add_argument(
        "--keep-unknown-keys",
        action="store_true",
        help="accept keys the schema does not define (they are kept, not dropped)",
    )
    add_limit_options(parser)


def add_limit_options(parser: argparse.ArgumentParser, *, stream: bool = True) -> None:
    """The ``--max-...`` options, which set the :class:`~peacetalks.Limits` input is read in."""
    group = parser.add_argument_group(
        "limits", "how much input is read before it is refused (see docs/reliability.md)"
    )
    default = DEFAULT_LIMITS
    group.add_argument(
        "--max-document-bytes",
        type=_size,
        default=default.max_document_bytes,
        metavar="SIZE",
        help="the largest file or document, in bytes; K, M and G multiply by 1024"
        f" (default {default.max_document_bytes >> 20}M)",
    )
    if stream:
        group.add_argument(
            "--max-line-bytes",
            type=_size,
            default=default.max_line_bytes,
            metavar="SIZE",
            help="the longest line of a JSON Lines stream"
            f" (default {default.max_line_bytes >> 20}M)",
        )
    group.add_argument(
        "--max-depth",
        type=_depth,
        default=default.max_depth,
        metavar="N",
        help=f"how deeply arrays and objects may nest, 1 to {DEPTH_CEILING}"
        f" (default {default.max_depth})",
    )
    group.add_argument(
        "--max-string-length",
        type=_count,
        default=default.max_string_length,
        metavar="N",
        help=f"the longest string, in characters (default {default.max_string_length:,})",
    )
    group.add_argument(
        "--max-records",
        type=_count,
        default=default.max_records,
        metavar="N",
        help="the most records in a document, or rows in a dataset file"
        f" (default {default.max_records:,})",
    )


def limits_from(args: argparse.Namespace) -> Limits:
    """The limits the ``--max-...`` options set."""
    return Limits(
        max_document_bytes=args.max_document_bytes,
        max_line_bytes=getattr(args, "max_line_bytes", DEFAULT_LIMITS.max_line_bytes),
        max_depth=args.max_depth,
        max_string_length=args.max_string_length,
        max_records=args.max_records,
    )


def _size(text: str) -> int:
    """A number of bytes, 1 or more, with an optional K, M or G (times 1024, 1024², 1024³)."""
    number, unit = text.strip(), 1
    if number[-1:].upper() in _UNITS:
        number, unit = number[:-1], _UNITS[number[-1].upper()]
    size = _count(number) * unit
    if size > LIMIT_CEILING:
        raise argparse.ArgumentTypeError(f"more bytes than a limit can be: {text!r}")
    return size


def _count(text: str, most: int | None = None) -> int:
    """A whole number, 1 or more (and at most ``most``)."""
    number = text.strip()
    if not number.isdecimal() or len(number) > 18 or int(number) < 1:
        raise argparse.ArgumentTypeError(f"not a whole number, 1 or more: {text!r}")
    if most is not None and int(number) > most:
        raise argparse.ArgumentTypeError(f"not a whole number from 1 to {most}: {text!r}")
    return int(number)


def _depth(text: str) -> int:
    return _count(text, DEPTH_CEILING)


class Source:
    """An input opened for reading, whose first lines can be looked at before reading it all.

    Raises :class:`OSError` when the file cannot be opened.
    """

    def __init__(self, name: str | None, limits: Limits = DEFAULT_LIMITS) -> None:
        self.name = EXAMPLE_NAME if name is None else name
        self.limits = limits
        self.size: int | None = None
        self._owned = False
        if name is None:
            data = example_json().encode("utf-8")
            self._handle: BinaryIO = io.BytesIO(data)
            self.size = len(data)
        elif name == "-":
            self._handle = sys.stdin.buffer
        else:
            self._handle = open(name, "rb")  # noqa: SIM115 - closed by close()
            self._owned = True
            info = os.fstat(self._handle.fileno())
            self.size = info.st_size if stat.S_ISREG(info.st_mode) else None
        self._peeked: list[bytes] = []

    def format(self, forced: str | None = None) -> str:
        """``"json"`` or ``"jsonl"``: ``forced`` if given, else told from the name or content."""
        if forced:
            return forced
        if self.name.lower().endswith(_STREAM_SUFFIXES):
            return JSONL
        candidates: list[bytes] = []
        while len(candidates) < _SNIFF_LINES:
            line = self._handle.readline(_SNIFF_BYTES)
            if not line:
                break
            self._peeked.append(line)
            stripped = line.removeprefix(b"\xef\xbb\xbf").strip()
            if stripped:
                candidates.append(stripped)
        for candidate in candidates:
            try:
                data = parse_json(candidate, self.limits, line=True)
            except ValidationError:
                continue
            return JSON if not isinstance(data, dict) or "records" in data else JSONL
        return JSON

    def stream(self) -> BinaryIO:
        """The content as a binary file, the lines already looked at first."""
        return io.BufferedReader(_Replay(b"".join(self._peeked), self._handle))

    def read(self) -> bytes:
        """All the content; raises :class:`~peacetalks.errors.LimitExceededError` when too large."""
        most = self.limits.max_document_bytes
        if self.size is not None and self.size > most:
            raise too_large(self.limits, self.size, "JSON")
        data = read_at_most(self._handle, most, self.size or 0, b"".join(self._peeked))
        if len(data) > most:
            raise too_large(self.limits, None, "JSON")
        return data

    def close(self) -> None:
        if self._owned:
            self._handle.close()

    def __enter__(self) -> Source:
        return self

    def __exit__(
        self,
        kind: type[BaseException] | None,
        error: BaseException | None,
        trace: TracebackType | None,
    ) -> None:
        self.close()


class _Replay(io.RawIOBase):
    """Bytes already read from a file, then the rest of the file."""

    def __init__(self, head: bytes, rest: BinaryIO) -> None:
        self._head = memoryview(head)
        self._rest = rest

    def readable(self) -> bool:
        return True

    def readinto(self, buffer: memoryview) -> int:  # type: ignore[override]
        if self._head:
            count = min(len(buffer), len(self._head))
            buffer[:count] = self._head[:count]
            self._head = self._head[count:]
            return count
        read = getattr(self._rest, "read1", self._rest.read)
        data = read(len(buffer))
        buffer[: len(data)] = data
        return len(data)


def cannot_read(exc: OSError) -> str:
    """What went wrong opening or reading a file, in a few words."""
    return f"cannot read: {exc.strerror or exc}"
