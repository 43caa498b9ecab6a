"""What the commands read: a file, standard input (``-``) or the bundled example.

The format is told by the name (``.jsonl``, ``.ndjson``, ``.jsonlines``) or,
failing that, by the first lines: a JSON Lines stream starts with a line that
is a whole JSON object without ``records`` (its header or a record); a JSON
document either spans several lines or has ``records``. ``--input-format``
overrides the guess.
"""

from __future__ import annotations

import argparse
import io
import itertools
import os
import stat
import sys
from collections.abc import Iterator
from types import TracebackType
from typing import BinaryIO

from peacetalks._jsontext import parse_json
from peacetalks.errors import ValidationError
from peacetalks.example import example_json

EXAMPLE_NAME = "(bundled example)"
JSON, JSONL = "json", "jsonl"
_STREAM_SUFFIXES = (".jsonl", ".ndjson", ".jsonlines")
_SNIFF_LINES = 2


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


class Source:
    """An input opened for reading, whose first lines can be looked at before reading it all.

    Raises :class:`OSError` when the file cannot be opened.
    """

    def __init__(self, name: str | None) -> None:
        self.name = EXAMPLE_NAME if name is None else name
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
            line = self._handle.readline()
            if not line:
                break
            self._peeked.append(line)
            stripped = line.removeprefix(b"\xef\xbb\xbf").strip()
            if stripped:
                candidates.append(stripped)
        for candidate in candidates:
            try:
                data = parse_json(candidate)
            except ValidationError:
                continue
            return JSON if not isinstance(data, dict) or "records" in data else JSONL
        return JSON

    def lines(self) -> Iterator[bytes]:
        """Every line, the ones already looked at first."""
        return itertools.chain(self._peeked, self._handle)

    def read(self) -> bytes:
        """All the content."""
        return b"".join(self._peeked) + self._handle.read()

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


def cannot_read(exc: OSError) -> str:
    """What went wrong opening or reading a file, in a few words."""
    return f"cannot read: {exc.strerror or exc}"
