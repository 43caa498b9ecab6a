"""Documents on disk: read strictly, written atomically.

A write goes to a temporary file in the target's directory, is flushed to disk
and then renamed over the target, so a crash leaves either the old content or
the complete new content, never half a file.
"""

from __future__ import annotations

import os
import tempfile
from pathlib import Path

import cattrs

from peacetalks.converter import converter as default_converter
from peacetalks.converter import from_json, to_json_bytes
from peacetalks.document import Document

__all__ = ["atomic_write", "read_document", "write_document"]


def read_document(
    path: str | os.PathLike[str], *, converter: cattrs.Converter = default_converter
) -> Document:
    """Read a document from a JSON file.

    Raises :class:`~peacetalks.errors.ValidationError` for invalid content and
    :class:`OSError` when the file cannot be read.
    """
    return from_json(Path(path).read_bytes(), Document, converter=converter)


def write_document(
    document: Document,
    path: str | os.PathLike[str],
    *,
    indent: int | None = 2,
    converter: cattrs.Converter = default_converter,
) -> None:
    """Write a document as JSON (indented by default), atomically."""
    atomic_write(path, to_json_bytes(document, indent=indent, converter=converter) + b"\n")


def atomic_write(path: str | os.PathLike[str], data: bytes) -> None:
    """Replace the file at ``path`` with ``data``: all of it, or none of it."""
    target = Path(path)
    fd, temporary = tempfile.mkstemp(prefix=f".{target.name}.", suffix=".tmp", dir=target.parent)
    try:
        with os.fdopen(fd, "wb") as handle:
            handle.write(data)
            handle.flush()
            os.fsync(handle.fileno())
        os.replace(temporary, target)
    except BaseException:
        Path(temporary).unlink(missing_ok=True)
        raise
