"""What the fuzz tests share: their hypothesis profile, a time bound, a tally, JSON mutations.

The fuzz tests run under their own profile, chosen by PEACETALKS_FUZZ_PROFILE:
``fuzz-quick`` (the default: a few fixed inputs, for a short local run), ``fuzz-ci``
(fixed inputs, bounded to fit CI; .ci/run sets it) or ``fuzz-soak`` (many more,
random inputs). See docs/reliability.md.
"""

from __future__ import annotations

import contextlib
import copy
import json
import os
import signal
from collections.abc import Callable, Iterator
from typing import Any, TypeVar

import pytest
from hypothesis import settings
from hypothesis import strategies as st

import peacetalks as pt

T = TypeVar("T")

#: The profile every fuzz test runs under.
PROFILE = os.environ.get("PEACETALKS_FUZZ_PROFILE", "fuzz-quick")
#: How many inputs the fuzz tests tried in this session, by entry point.
TALLY: dict[str, int] = {}


def fuzz(test: Callable[..., T]) -> Callable[..., T]:
    """A fuzz test: marked ``fuzz`` and run under the fuzz profile."""
    return pytest.mark.fuzz(settings(settings.get_profile(PROFILE))(test))


def tried(entry: str, count: int = 1) -> None:
    """Count inputs tried against an entry point, for the session's summary line."""
    TALLY[entry] = TALLY.get(entry, 0) + count


@contextlib.contextmanager
def within(seconds: float) -> Iterator[None]:
    """Fail with :class:`TimeoutError` if the block runs longer than ``seconds`` (a hang)."""

    def expire(signum: int, frame: object) -> None:
        raise TimeoutError(f"still running after {seconds} s: a hang")

    previous = signal.signal(signal.SIGALRM, expire)
    signal.setitimer(signal.ITIMER_REAL, seconds)
    try:
        yield
    finally:
        signal.setitimer(signal.ITIMER_REAL, 0)
        signal.signal(signal.SIGALRM, previous)


def outcome(entry: str, call: Callable[[], T], seconds: float = 10) -> T | pt.PeacetalksError:
    """The result of ``call``, or the peacetalks error it raised; anything else fails the test.

    A :class:`~peacetalks.ValidationError` must name a path for each problem.
    """
    tried(entry)
    try:
        with within(seconds):
            return call()
    except pt.ValidationError as error:
        assert error.problems, f"{entry}: an error with no problem: {error!r}"
        for problem in error.problems:
            assert problem.path.startswith("$"), problem
            assert str(problem)
        return error
    except pt.PeacetalksError as error:
        assert str(error)
        return error


# JSON values and what to do to them

JSON_SCALARS = (
    st.none()
    | st.booleans()
    | st.integers(min_value=-(2**70), max_value=2**70)
    | st.floats(allow_nan=False, allow_infinity=False)
    | st.text(max_size=12)
)
JSON_VALUES = st.recursive(
    JSON_SCALARS,
    lambda inner: (
        st.lists(inner, max_size=4) | st.dictionaries(st.text(max_size=8), inner, max_size=4)
    ),
    max_leaves=12,
)
#: One value of each JSON type, for replacing a field with every wrong type.
ONE_OF_EACH_TYPE: tuple[Any, ...] = (None, True, 7, -2.5, "text", [], ["a", 1], {}, {"k": "v"})
#: Strings that break naive code: empty, blank, huge, control characters, other scripts.
AWKWARD_STRINGS: tuple[str, ...] = (
    "",
    " ",
    "\x00",
    "\u200b",
    "x" * 10_000,
    "Зеленський",
    "\U0001f54a",
    "1e999",
    "NaN",
    "2025-02-30",
    "../../etc/passwd",
)


def paths_in(data: Any, prefix: tuple[str | int, ...] = ()) -> Iterator[tuple[str | int, ...]]:
    """Every location in plain JSON data, parents before children."""
    yield prefix
    if isinstance(data, dict):
        for key, value in data.items():
            yield from paths_in(value, (*prefix, key))
    elif isinstance(data, list):
        for index, value in enumerate(data):
            yield from paths_in(value, (*prefix, index))


def objects_in(data: Any) -> list[tuple[str | int, ...]]:
    """The locations of every object in plain JSON data."""
    found = []
    for path in paths_in(data):
        if isinstance(get(data, path), dict):
            found.append(path)
    return found


def get(data: Any, path: tuple[str | int, ...]) -> Any:
    for step in path:
        data = data[step]
    return data


def replaced(data: Any, path: tuple[str | int, ...], value: Any) -> Any:
    """A copy of ``data`` with the value at ``path`` replaced (the whole of it for ``()``)."""
    if not path:
        return value
    result = copy.deepcopy(data)
    get(result, path[:-1])[path[-1]] = value
    return result


def without(data: Any, path: tuple[str | int, ...]) -> Any:
    """A copy of ``data`` without the key or item at ``path``."""
    result = copy.deepcopy(data)
    del get(result, path[:-1])[path[-1]]
    return result


def near(problem: pt.Problem, path: tuple[str | int, ...]) -> bool:
    """True when ``problem`` is about ``path``: the value there, inside it, beside it
    (an invariant of the object holding it) or an object holding it."""
    field = path
    while field and isinstance(field[-1], int):  # an item of an array: the array's field
        field = field[:-1]
    holder = field[:-1]
    location = problem.location
    return location[: len(holder)] == holder or path[: len(location)] == location


def dumps(data: Any) -> bytes:
    return json.dumps(data, ensure_ascii=False).encode("utf-8")
