"""Resource limits: how much untrusted input a loader reads before it gives up.

A :class:`Limits` object says how large a document may be, how deeply its arrays
and objects may nest, how long a string may be and how many records a document
may hold. Every loader takes one as ``limits=`` — :func:`~peacetalks.from_json`,
:func:`~peacetalks.read_document`, :class:`~peacetalks.JsonLinesReader` and the
importers of :mod:`peacetalks.interop` — and :data:`DEFAULT_LIMITS` when given
none. Input beyond a limit raises :class:`~peacetalks.errors.LimitExceededError`
naming the limit, its value and where it was exceeded, without reading further.

The defaults are generous for real documents and small enough that no input can
exhaust a machine: change them with :func:`attrs.evolve` or a new ``Limits``.

>>> import peacetalks as pt
>>> small = pt.Limits(max_string_length=10)
>>> try:
...     pt.from_json('{"name": "Istanbul, Turkey"}', pt.Place, limits=small)
... except pt.LimitExceededError as error:
...     print(error.limit, error.value, error.problems[0].path)
...     print(error.problems[0].message)
max_string_length 10 $.name
expected a string of at most 10 characters (max_string_length), got a string of 16 characters
"""

from __future__ import annotations

import os
import sys
from collections.abc import Sequence
from typing import Any, BinaryIO

import attrs

from peacetalks.errors import LimitExceededError, Problem

__all__ = ["DEFAULT_LIMITS", "DEPTH_CEILING", "LIMIT_CEILING", "Limits"]

_MIB = 1024 * 1024

#: The deepest nesting ``max_depth`` may allow. Python reads, builds, hashes and
#: writes nested values by recursion, which stops near 1,000 levels (fewer when
#: called from deep code); 200 leaves room to spare for every step.
DEPTH_CEILING = 200


#: The largest value a limit may have: the largest size Python can index.
LIMIT_CEILING = sys.maxsize


def _positive(instance: Limits, attribute: attrs.Attribute[int], value: int) -> None:
    if type(value) is not int or not 1 <= value <= LIMIT_CEILING:
        raise ValueError(
            f"{attribute.name} must be a whole number from 1 to {LIMIT_CEILING:,}; got {value!r}"
        )


def _depth(instance: Limits, attribute: attrs.Attribute[int], value: int) -> None:
    _positive(instance, attribute, value)
    if value > DEPTH_CEILING:
        raise ValueError(
            f"max_depth must be at most {DEPTH_CEILING}: Python cannot safely handle JSON"
            f" nested deeper; got {value!r}"
        )


@attrs.frozen(kw_only=True, weakref_slot=False)
class Limits:
    """How much input a loader reads: the largest document, the deepest nesting...

    Every limit is a whole number, 1 or more. Exceeding one raises
    :class:`~peacetalks.errors.LimitExceededError`.

    Attributes:
        max_document_bytes: The size of a JSON document or dataset file, in
            bytes (in characters for a ``str``). Default 128 MiB.
        max_line_bytes: The size of one line of a JSON Lines stream, in bytes,
            without its line break. A stream itself may be any size: it is read
            a line at a time. Default 16 MiB.
        max_depth: How deeply arrays and objects may nest; the top-level value
            is depth 1. At most :data:`DEPTH_CEILING`. Default 64.
        max_string_length: The length of any string, keys included, in
            characters. Default 1,000,000.
        max_records: The records of a document, or the rows or objects of a
            dataset file. Default 1,000,000.
        max_problems: The problems reported for one document, record or line
            of a stream: past it, arrays are not read further and one last
            problem says how many more items were not checked. Default 1,000.
    """

    max_document_bytes: int = attrs.field(default=128 * _MIB, validator=_positive)
    max_line_bytes: int = attrs.field(default=16 * _MIB, validator=_positive)
    max_depth: int = attrs.field(default=64, validator=_depth)
    max_string_length: int = attrs.field(default=1_000_000, validator=_positive)
    max_records: int = attrs.field(default=1_000_000, validator=_positive)
    max_problems: int = attrs.field(default=1_000, validator=_positive)

    def error(
        self,
        name: str,
        location: Sequence[str | int],
        expected: str,
        got: str,
        subject: str = "input",
    ) -> LimitExceededError:
        """The error for exceeding the limit ``name``: ``expected`` is completed with its value.

        ``expected`` is a phrase with ``{}`` where the value goes:
        ``"a line of at most {} bytes"``.
        """
        value: int = getattr(self, name)
        problem = Problem(tuple(location), f"{expected.format(f'{value:,}')} ({name})", got)
        return LimitExceededError([problem], subject, limit=name, value=value)


#: The limits every loader applies unless given others.
DEFAULT_LIMITS = Limits()


def check_records(data: Any, limits: Limits) -> None:
    """Raise when a document's plain data holds more records than ``limits.max_records``."""
    records = data.get("records") if type(data) is dict else None
    if type(records) is list and len(records) > limits.max_records:
        raise limits.error(
            "max_records",
            ("records",),
            "at most {} records",
            f"{len(records):,} records",
            "document",
        )


def read_file(path: str | os.PathLike[str], limits: Limits, subject: str = "file") -> bytes:
    """The bytes of the file at ``path``, refusing a file over ``limits.max_document_bytes``.

    The size is checked before reading, and again while reading (for files
    that grow, or that have no size, such as pipes). Raises :class:`OSError`
    when the file cannot be read.
    """
    try:
        handle = open(path, "rb")  # noqa: SIM115 - closed below
    except ValueError as exc:  # a path with a NUL byte: a name no file can have
        raise OSError(22, str(exc), os.fspath(path)) from None
    with handle:
        size = os.fstat(handle.fileno()).st_size
        if size > limits.max_document_bytes:
            raise too_large(limits, size, subject)
        data = read_at_most(handle, limits.max_document_bytes, size)
    if len(data) > limits.max_document_bytes:
        raise too_large(limits, None, subject)
    return data


_CHUNK = 16 * _MIB


def read_at_most(handle: BinaryIO, most: int, size: int = 0, head: bytes = b"") -> bytes:
    """What ``handle`` holds after ``head``, stopping once there is more than ``most`` bytes.

    ``size`` is what the file says it holds (0 if unknown): read at once, then
    in chunks, so no buffer is ever the limit's size, however large the limit.
    """
    parts = [head] if head else []
    total = len(head)
    if size and total <= most:
        parts.append(handle.read(min(size, most) + 1))
        total += len(parts[-1])
    while total <= most:
        part = handle.read(min(_CHUNK, most + 1 - total))
        if not part:
            break
        parts.append(part)
        total += len(part)
    return parts[0] if len(parts) == 1 else b"".join(parts)


def too_large(
    limits: Limits, size: int | None, subject: str, name: str = "max_document_bytes"
) -> LimitExceededError:
    """The error for input over ``limits.max_document_bytes`` (or the size limit ``name``)."""
    value = getattr(limits, name)
    got = f"more than {value:,} bytes" if size is None else f"{size:,} bytes"
    return limits.error(name, (), "at most {} bytes", got, subject)


def out_of_memory(size: int, subject: str) -> LimitExceededError:
    """The error for input within the limits that this process has not the memory to read.

    Its ``limit`` is ``"memory"`` and its ``value`` the size of the input, in bytes:
    lower the limits to what the process can hold (docs/reliability.md says how
    much memory reading takes per byte).
    """
    problem = Problem(
        (), "input this process has the memory to read", f"{size:,} bytes, out of memory"
    )
    return LimitExceededError([problem], subject, limit="memory", value=size)
