"""Turning whatever went wrong while structuring into :class:`~peacetalks.errors.Problem` s.

cattrs reports nested failures as exception groups with notes naming the
attribute or index; peacetalks' own hooks raise :class:`Invalid`, and
constructors raise :class:`~peacetalks.errors.ValidationError`. :func:`problems`
flattens all of them into problems with paths in wire names, so no raw
``KeyError`` or ``TypeError`` ever reaches a caller.
"""

from __future__ import annotations

import contextlib
import difflib
import typing
from collections.abc import Iterable, Iterator
from contextvars import ContextVar
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
    "at_most",
    "capped",
    "describe",
    "describe_key",
    "expected_for",
    "lone_surrogate",
    "not_checked",
    "problems",
    "room",
    "rule_problems",
    "spend",
    "spent",
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


# How many problems one load reports (Limits.max_problems): set by from_dict and the
# JSON Lines reader for the document or line they read, in this thread or task only.
# Arrays stop reading their items once it is spent, so no input can make the report
# grow with its size; without one (the converter called directly) there is no bound.


class _Budget:
    __slots__ = ("most", "spent")

    def __init__(self, most: int) -> None:
        self.most = most
        self.spent = 0


_BUDGET: ContextVar[_Budget | None] = ContextVar("peacetalks_problem_budget", default=None)


@contextlib.contextmanager
def at_most(most: int) -> Iterator[None]:
    """Report at most ``most`` problems for what is read inside the block."""
    token = _BUDGET.set(_Budget(most))
    try:
        yield
    finally:
        _BUDGET.reset(token)


def spent() -> int:
    """The problems found so far, by the items of arrays read to the end or given up."""
    budget = _BUDGET.get()
    return 0 if budget is None else budget.spent


def spend(before: int, count: int) -> bool:
    """Record that an item found ``count`` problems when ``before`` had been found before
    it (those of arrays inside it are among its own); true when no more may be reported."""
    budget = _BUDGET.get()
    if budget is None:
        return False
    budget.spent = before + count
    return budget.spent >= budget.most


def room() -> int | None:
    """How many more problems may be reported, ``None`` for no bound."""
    budget = _BUDGET.get()
    return None if budget is None else max(budget.most - budget.spent, 0)


def not_checked(location: tuple[str | int, ...], count: int, what: str = "items") -> Problem:
    """The problem that stands for ``count`` things left unread, past the problem limit."""
    budget = _BUDGET.get()
    most = f"{budget.most:,} " if budget is not None else ""
    return Problem(
        location,
        f"at most {most}problems reported (max_problems)",
        f"{count:,} more {what} not checked",
    )


def capped(found: list[Problem], most: int) -> list[Problem]:
    """The first ``most`` problems, then one that says how many more there were."""
    if len(found) <= most:
        return found
    rest = found[most:]
    # Those that stand for what was not read, one per array given up, are kept.
    unread = [p for p in rest if p.expected.endswith("(max_problems)")]
    more = len(rest) - len(unread)
    if not more:
        return [*found[:most], *unread]
    return [*found[:most], *unread, past_the_limit(most, f"{more:,} more problems")]


def past_the_limit(most: int, got: str) -> Problem:
    """The problem at the root that ends a list cut at ``most`` problems; ``got`` says
    what was left out (``"4,999 more integrity problems"``)."""
    return Problem((), f"at most {most:,} problems reported (max_problems)", got)


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
            left = room()
            for index, item in enumerate(raw):
                if type(item) is str and not rule.test(item):
                    if left is not None and left <= 0:
                        found.append(not_checked((name, index), len(raw) - index))
                        break
                    found.append(Problem((name, index), rule.expected, describe(item)))
                    left = None if left is None else left - 1
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


NO_SURROGATES = "text that UTF-8 can hold (no lone surrogate from U+D800 to U+DFFF)"


def lone_surrogate(data: object) -> Problem | None:
    """The first string (value or key) in plain data holding a lone surrogate, if any.

    Such a string cannot be written as UTF-8 JSON. A quick pass finds whether
    there is one; only then is its path looked for.
    """
    stack: list[Any] = [data]
    pop, extend = stack.pop, stack.extend
    while stack:
        value = pop()
        kind = type(value)
        if kind is str:
            if not value.isascii() and not _encodes(value):
                break
        elif kind is dict:
            if not all(type(k) is not str or k.isascii() or _encodes(k) for k in value):
                break
            extend(value.values())
        elif kind is list or kind is tuple:
            extend(value)
    else:
        return None
    return _find_surrogate(data)


def _encodes(text: str) -> bool:
    try:
        text.encode("utf-8")
    except UnicodeEncodeError:
        return False
    return True


def _find_surrogate(data: object) -> Problem | None:
    stack: list[tuple[tuple[str | int, ...], object]] = [((), data)]
    while stack:
        location, value = stack.pop()
        if type(value) is str and not _encodes(value):
            return Problem(location, NO_SURROGATES, describe(value))
        if type(value) is dict:
            for key in value:
                if type(key) is str and not _encodes(key):
                    return Problem((*location, key), NO_SURROGATES, f"the key {key!r}")
            stack.extend(((*location, k), v) for k, v in reversed(value.items()))
        elif type(value) is list or type(value) is tuple:
            stack.extend(((*location, i), v) for i, v in reversed(list(enumerate(value))))
    return None
