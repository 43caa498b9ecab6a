"""The exceptions peacetalks raises.

Every exception derives from :class:`PeacetalksError`. Bad input raises
:class:`ValidationError`, which carries *every* problem found as a
:class:`Problem`: the record it belongs to (kind and id, where known), the JSON
path of the offending value in wire names, what was expected and what was found.

>>> from peacetalks.errors import Problem
>>> print(Problem(("records", 3, "speaker"), "an id", "integer 5", "statement", "st-1"))
statement 'st-1' at $.records[3].speaker: expected an id, got integer 5
"""

from __future__ import annotations

import re
from collections.abc import Iterable, Sequence
from typing import Any

import attrs

__all__ = [
    "BadLineError",
    "IntegrityError",
    "LimitExceededError",
    "MalformedJSONError",
    "MergeConflictError",
    "PeacetalksError",
    "Problem",
    "SchemaVersionError",
    "SerializationError",
    "UnknownRecordError",
    "UnreadableTimeError",
    "ValidationError",
    "format_path",
]

_PLAIN_KEY = re.compile(r"[A-Za-z_][A-Za-z0-9_]*")


def format_path(location: Sequence[str | int]) -> str:
    """Render a location as a JSON path: ``("records", 3, "speaker")`` → ``$.records[3].speaker``.

    Keys that are not plain identifiers are quoted: ``$["two words"]``.
    """
    parts = ["$"]
    for step in location:
        if isinstance(step, int):
            parts.append(f"[{step}]")
        elif not isinstance(step, str):  # a key only Python data can have
            parts.append(f"[{step!r}]")
        elif _PLAIN_KEY.fullmatch(step):
            parts.append(f".{step}")
        else:
            escaped = step.replace("\\", "\\\\").replace('"', '\\"')
            parts.append(f'["{printable(escaped)}"]')
    return "".join(parts)


def printable(text: str) -> str:
    """``text`` with what UTF-8 cannot hold (lone surrogates) as ``\\udXXX`` escapes."""
    if text.isascii():
        return text
    return text.encode("utf-8", "backslashreplace").decode("utf-8")


@attrs.frozen
class Problem:
    """One thing wrong with the input.

    Attributes:
        location: Where the problem is, as keys and indices from the root of
            the input, in wire names.
        expected: What a valid value would have been, in words.
        got: What was found, in words; ``None`` when nothing was there.
        record_kind: The kind of record (``"actor"``, ``"truce"``...) the problem
            belongs to, where known.
        record_id: That record's id, where known.
    """

    location: tuple[str | int, ...]
    expected: str
    got: str | None = None
    record_kind: str | None = None
    record_id: str | None = None

    @property
    def path(self) -> str:
        """The location as a JSON path, e.g. ``$.records[3].speaker``."""
        return format_path(self.location)

    @property
    def message(self) -> str:
        """What was expected and what was found, without the location."""
        got = "nothing" if self.got is None else self.got
        return printable(f"expected {self.expected}, got {got}")

    def within(
        self, prefix: Sequence[str | int], kind: str | None = None, id: str | None = None
    ) -> Problem:
        """This problem moved under ``prefix``, tagged with a record where not yet tagged."""
        return Problem(
            (*prefix, *self.location),
            self.expected,
            self.got,
            self.record_kind or kind,
            self.record_id if self.record_kind else (id if kind else None),
        )

    def __str__(self) -> str:
        where = self.path
        if self.record_kind:
            who = (
                self.record_kind
                if self.record_id is None
                else f"{self.record_kind} {self.record_id!r}"
            )
            where = f"{who} at {where}"
        return f"{where}: {self.message}"


class PeacetalksError(Exception):
    """The root of every exception raised by peacetalks."""


class ValidationError(PeacetalksError, ValueError):
    """Input that does not satisfy the schema.

    ``problems`` lists every problem found, in input order. ``str()`` of the
    error names each one on its own line.
    """

    problems: tuple[Problem, ...]

    def __init__(self, problems: Iterable[Problem], subject: str = "input") -> None:
        self.problems = tuple(problems)
        self.subject = subject
        super().__init__(self._render())

    def _render(self) -> str:
        count = len(self.problems)
        if count == 1:
            return f"invalid {self.subject}: {self.problems[0]}"
        lines = [f"invalid {self.subject}: {count} problems"]
        lines.extend(f"  - {problem}" for problem in self.problems)
        return "\n".join(lines)

    def __reduce__(self) -> tuple[Any, ...]:
        return (type(self), (self.problems, self.subject))


class MalformedJSONError(ValidationError):
    """Text that is not well-formed JSON (or not UTF-8), so nothing could be checked."""


class LimitExceededError(ValidationError):
    """Input larger than a resource limit allows (see :class:`peacetalks.Limits`).

    The problem names the limit, its value and where it was exceeded; the input
    was not read further.

    Attributes:
        limit: The name of the limit, a field of :class:`~peacetalks.Limits`
            such as ``"max_depth"``.
        value: The limit's value when it was exceeded.
    """

    def __init__(
        self, problems: Iterable[Problem], subject: str = "input", *, limit: str, value: int
    ) -> None:
        self.limit = limit
        self.value = value
        super().__init__(problems, subject)

    def __reduce__(self) -> tuple[Any, ...]:
        return (_rebuild_limit_error, (self.problems, self.subject, self.limit, self.value))


def _rebuild_limit_error(
    problems: tuple[Problem, ...], subject: str, limit: str, value: int
) -> LimitExceededError:
    return LimitExceededError(problems, subject, limit=limit, value=value)


class SchemaVersionError(ValidationError):
    """A document written for a schema version this library cannot read."""


class IntegrityError(ValidationError):
    """Records that are each valid but do not fit together.

    Duplicate ids, references that do not resolve or name the wrong kind of
    record, and times that cannot all be true (see ``docs/dossier.md``).
    """


class MergeConflictError(ValidationError):
    """Two dossiers hold different records under the same id.

    Each problem names the record and a JSON path where the two versions differ.
    """


class BadLineError(ValidationError):
    """A line of a JSON Lines stream that is not a valid record, when reading strictly.

    ``line`` is its line number, counting from 1.
    """

    def __init__(self, problems: Iterable[Problem], line: int) -> None:
        self.line = line
        super().__init__(problems, f"line {line}")

    def __reduce__(self) -> tuple[Any, ...]:
        return (type(self), (self.problems, self.line))


class UnknownRecordError(PeacetalksError, LookupError):
    """A query named a record that the dossier does not hold (or not of the kind asked for)."""


class SerializationError(PeacetalksError):
    """An object that cannot be written as peacetalks JSON.

    Raised when an object built in Python holds values of the wrong type (which a
    type checker would have flagged), instead of writing output that would not load.
    """


_SHOWN_WORDS = 100  # the words an UnreadableTimeError message shows


class UnreadableTimeError(PeacetalksError, ValueError):
    """Words about time that :func:`~peacetalks.timeparse.parse_time` or
    :func:`~peacetalks.timeparse.parse_duration` cannot read or resolve.

    Attributes:
        words: The words as given.
        reason: Why they could not be read, e.g. ``"a time of day needs a zone"``.
    """

    def __init__(self, words: str, reason: str) -> None:
        self.words = words
        self.reason = reason
        shown = repr(words) if len(words) <= _SHOWN_WORDS else f"{words[:_SHOWN_WORDS]!r}..."
        super().__init__(f"cannot read {shown}: {reason}")

    def __reduce__(self) -> tuple[Any, ...]:
        return (type(self), (self.words, self.reason))
