"""Turning whatever went wrong while structuring into :class:`~peacetalks.errors.Problem` s.

cattrs reports nested failures as exception groups with notes naming the
attribute or index; peacetalks' own hooks raise :class:`Invalid`, and
constructors raise :class:`~peacetalks.errors.ValidationError`. :func:`problems`
flattens all of them into problems with paths in wire names, so no raw
``KeyError`` or ``TypeError`` ever reaches a caller.
"""

from __future__ import annotations

import difflib
import typing
from collections.abc import Iterable
from typing import Any

import attrs
from cattrs.errors import (
    AttributeValidationNote,
    ClassValidationError,
    IterableValidationError,
    IterableValidationNote,
)

from peacetalks._base import JSONObject, plan
from peacetalks._fieldtypes import expected_for
from peacetalks._rules import describe
from peacetalks.errors import Problem, ValidationError

__all__ = [
    "Invalid",
    "describe",
    "describe_key",
    "expected_for",
    "problems",
    "rule_problems",
    "unknown_key",
]


class Invalid(Exception):  # noqa: N818 - internal signal, never escapes
    """Raised by peacetalks' hooks: the problems found, relative to the value hooked."""

    def __init__(self, found: Iterable[Problem]) -> None:
        self.problems = list(found)
        super().__init__(self.problems)

    @classmethod
    def single(cls, expected: str, value: object) -> Invalid:
        return cls([Problem((), expected, describe(value))])


def describe_key(value: dict[str, Any], key: str) -> str | None:
    """``describe`` of ``value[key]``, or ``None`` when the key is missing."""
    return describe(value[key]) if key in value else None


def unknown_key(key: str, cls: type, known: Iterable[str], allowed: Iterable[str] = ()) -> Problem:
    """The problem of an unknown key: the keys of ``cls`` (``known``) and, when one
    of them (or of ``allowed``, such as the ``type`` tag) is close, a "did you mean"."""
    known = sorted(known)
    got = "an unknown key"
    if type(key) is str:
        close = difflib.get_close_matches(key, {*known, *allowed}, n=1, cutoff=0.75)
        if close:
            got += f" (did you mean {close[0]!r}?)"
    names = ", ".join(known)
    return Problem((key,), f"only the keys of {cls.__name__} ({names})", got)


def _expected_for_field(cls: type | None, name: str, tp: Any) -> str:
    if cls is not None and attrs.has(cls):
        field = attrs.fields_dict(cls).get(name)
        rule = field.metadata.get("rule") if field is not None else None
        if rule is not None and typing.get_origin(tp) is not tuple:
            return str(rule.expected)
    return expected_for(tp)


def problems(exc: BaseException, cls: type | None = None) -> list[Problem]:
    """Every problem ``exc`` stands for, with locations relative to the value structured."""
    if isinstance(exc, Invalid | ValidationError):
        return list(exc.problems)
    if isinstance(exc, ClassValidationError):
        return _from_group(exc, exc.cl)
    if isinstance(exc, IterableValidationError):
        return _from_group(exc, None)
    if isinstance(exc, RecursionError):
        return [Problem((), "data nested less deeply", "nesting too deep to read")]
    return [Problem((), "a valid value", f"an error ({type(exc).__name__}: {exc})")]


def _from_group(
    group: ClassValidationError | IterableValidationError, cls: type | None
) -> list[Problem]:
    found: list[Problem] = []
    for sub in group.exceptions:
        note = _note(sub)
        if note is None:
            found.extend(problems(sub, cls))
            continue
        step: str | int = note.name if isinstance(note, AttributeValidationNote) else note.index
        if isinstance(sub, KeyError) and isinstance(note, AttributeValidationNote):
            expected = _expected_for_field(cls, note.name, note.type)
            found.append(Problem((note.name,), expected, "nothing (the key is missing)"))
            continue
        nested = sub.cl if isinstance(sub, ClassValidationError) else None
        found.extend(p.within((step,)) for p in problems(sub, nested))
    return found


def rule_problems(value: dict[str, Any], cls: type, reported: list[Problem]) -> list[Problem]:
    """Field rules broken by raw values, for an object that failed before it could be built.

    The constructor checks these rules; when other fields fail to structure it never
    runs, so check the raw values here and report everything at once.
    """
    taken = {p.location[0] for p in reported if p.location}
    found: list[Problem] = []
    for name, rule, many in plan(cls):
        raw = value.get(name)
        if name in taken or raw is None:
            continue
        if many and type(raw) is list:
            found.extend(
                Problem((name, index), rule.expected, describe(item))
                for index, item in enumerate(raw)
                if type(item) is str and not rule.test(item)
            )
        elif type(raw) is str and not rule.test(raw):
            found.append(Problem((name,), rule.expected, describe(raw)))
    return found


def _note(exc: BaseException) -> AttributeValidationNote | IterableValidationNote | None:
    for note in getattr(exc, "__notes__", ()):
        if isinstance(note, AttributeValidationNote | IterableValidationNote):
            return note
    return None


def freeze(value: Any) -> Any:
    """JSON data made immutable: objects become :class:`JSONObject`, arrays tuples."""
    if isinstance(value, dict):
        return JSONObject({key: freeze(item) for key, item in value.items()})
    if isinstance(value, list | tuple):
        return tuple(freeze(item) for item in value)
    return value


def thaw(value: Any) -> Any:
    """The inverse of :func:`freeze`: plain dicts and lists again."""
    if isinstance(value, typing.Mapping):
        return {key: thaw(item) for key, item in value.items()}
    if isinstance(value, tuple):
        return [thaw(item) for item in value]
    return value
