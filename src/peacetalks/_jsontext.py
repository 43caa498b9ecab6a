"""Strict JSON text: UTF-8 only, no NaN or Infinity, no repeated keys, within limits.

:func:`parse_json` is the one place untrusted JSON text is parsed. Before
parsing it checks the size, the nesting depth, the length of strings and
escapes of lone surrogates on the raw bytes (see :mod:`peacetalks._jsonscan`),
so that nothing deeper or larger than the :class:`~peacetalks.Limits` allow is
ever built. Every failure names the JSON path where it happened.

A UTF-8 byte order mark at the very start is skipped, as in JSON Lines streams
and dataset files; anywhere else it is an error.

With orjson installed (the ``fast`` extra), text of at most
:data:`QUICK_PATH_BYTES` that orjson reads and writes back byte for byte is
taken as orjson read it: compact JSON as peacetalks and
orjson write it. That is proof enough that no key was repeated (orjson writes
each key of an object once, so a repeated key would make the text differ) and
that every number was read as Python reads it (orjson writes the shortest text
that reads back as the same float, and an integer beyond 64 bits comes back as
a float, which it writes differently). Any other text, and every error, goes
the plain way, with :func:`json.loads`. Larger text always goes the plain way:
orjson reserves many times the size of the text before it reads, and under an
address-space limit (``ulimit -v``) or strict overcommit it can crash the process
where :func:`json.loads` raises :class:`MemoryError`, which is reported as a
:class:`~peacetalks.errors.LimitExceededError` (limit ``"memory"``).
"""

from __future__ import annotations

import functools
import json
import sys
from collections.abc import Sequence
from typing import Any

from peacetalks import _jsonscan
from peacetalks._problems import Invalid, describe, past_the_limit
from peacetalks.errors import MalformedJSONError, Problem
from peacetalks.limits import DEFAULT_LIMITS, Limits, out_of_memory, too_large

__all__ = ["QUICK_PATH_BYTES", "optional_orjson", "parse_json"]

_BOM = b"\xef\xbb\xbf"
_SUBJECT = "JSON"
#: The largest text the orjson quick path reads (see the module's docstring).
QUICK_PATH_BYTES = 4 * 1024 * 1024
#: Beyond this offset an error is reported at ``$`` with its line and column:
#: naming the path means reading every token before it, in Python.
_WALK_LIMIT = 32 * 1024 * 1024


def parse_json(
    text: str | bytes,
    limits: Limits = DEFAULT_LIMITS,
    *,
    line: bool = False,
    records: str | None = None,
) -> Any:
    """Parse JSON strictly: UTF-8 only, no NaN or Infinity, no duplicate keys, within ``limits``.

    ``line`` says the text is one line of a JSON Lines stream, whose size limit
    is ``max_line_bytes`` rather than ``max_document_bytes``, and where a byte
    order mark is not skipped (the stream's reader skips one on the first line).
    ``records`` names what the text holds records of (``"document"``): the values
    of its top-level ``records`` array, or of a top-level array, are then counted
    on the raw text and refused beyond ``max_records`` before anything is built.

    Raises :class:`~peacetalks.errors.MalformedJSONError` for text that is not
    such JSON and :class:`~peacetalks.errors.LimitExceededError` for text
    beyond a limit, each naming the JSON path of the problem.
    """
    data, text = _utf8(text, limits, line=line)
    escaped = _check_raw(data, limits)
    if records is not None:
        count = _jsonscan.records_in_document(escaped, limits.max_records)
        if count > limits.max_records:
            top = () if data.lstrip()[:1] == b"[" else ("records",)
            got = f"{count:,} records"
            raise limits.error("max_records", top, "at most {} records", got, records)
    if len(data) <= QUICK_PATH_BYTES:
        quick = _orjson_round_trip(data)
        if quick is not _NOT_QUICK:
            return quick
    try:
        return json.loads(text, object_pairs_hook=_no_duplicates, parse_constant=_no_constants)
    except MemoryError:
        raise out_of_memory(len(data), _SUBJECT) from None
    except json.JSONDecodeError as exc:
        reason = f"{exc.msg.removesuffix(' at')} at line {exc.lineno} column {exc.colno}"
        offset = len(text[: exc.pos].encode("utf-8"))
        problem = Problem(_location(data, offset), "well-formed JSON", reason)
        raise MalformedJSONError([problem], _SUBJECT) from None
    except (Invalid, ValueError):  # a repeated key, NaN, an integer too long to convert
        raise MalformedJSONError(_value_problems(text, limits.max_problems), _SUBJECT) from None
    except RecursionError:  # only when called from code that is itself deeply nested
        raise limits.error(
            "max_depth",
            (),
            "arrays and objects nested at most {} deep",
            "nesting deeper than Python can read here",
            _SUBJECT,
        ) from None


_NOT_QUICK: Any = object()
_orjson: Any = None
_looked = False


@functools.cache
def optional_orjson() -> Any:
    """The orjson module if the ``fast`` extra is installed, else ``None`` (looked for once)."""
    try:
        import orjson  # noqa: PLC0415 - optional, and slow to import for nothing
    except ImportError:
        return None
    return orjson


def _orjson_round_trip(data: bytes) -> Any:
    """What orjson reads ``data`` as, if it writes that back as ``data``; else _NOT_QUICK."""
    global _orjson, _looked  # noqa: PLW0603 - looked for on first use
    if not _looked:
        _looked = True
        _orjson = optional_orjson()
    if _orjson is None:
        return _NOT_QUICK
    try:
        value = _orjson.loads(data)
        if _orjson.dumps(value) == data:
            return value
    except Exception:  # noqa: S110 - anything orjson refuses is read the plain way
        pass
    return _NOT_QUICK


def _utf8(text: object, limits: Limits, *, line: bool) -> tuple[bytes, str]:
    """The text as UTF-8 bytes and as a string, without a leading byte order mark."""
    size_limit = "max_line_bytes" if line else "max_document_bytes"
    most: int = getattr(limits, size_limit)
    bom = "" if line else "\ufeff"
    if isinstance(text, str):
        if len(text) > most:
            got = f"{len(text):,} characters"
            raise limits.error(size_limit, (), "at most {} bytes", got, _SUBJECT)
        text = text.removeprefix(bom)
        try:
            return text.encode("utf-8"), text
        except UnicodeEncodeError as exc:
            offset = len(text[: exc.start].encode("utf-8", "surrogatepass"))
            data = text.encode("utf-8", "surrogatepass")
            got = f"the lone surrogate {text[exc.start]!r}"
            raise MalformedJSONError(
                [Problem(_location(data, offset), _NO_SURROGATES, got)], _SUBJECT
            ) from None
    if not isinstance(text, bytes | bytearray | memoryview):
        raise MalformedJSONError(
            [Problem((), "JSON text (str or bytes)", describe(text))], _SUBJECT
        )
    data = bytes(text)
    if len(data) > most:
        raise too_large(limits, len(data), _SUBJECT, size_limit)
    skipped = len(_BOM) if not line and data.startswith(_BOM) else 0
    data = data[skipped:]
    try:
        return data, data.decode("utf-8")
    except UnicodeDecodeError as exc:
        got = f"a byte that is not UTF-8 at offset {exc.start + skipped}"
        problem = Problem(_location(data, exc.start), "UTF-8 text", got)
        raise MalformedJSONError([problem], _SUBJECT) from None


_NO_SURROGATES = "text that UTF-8 can hold (no lone surrogate from U+D800 to U+DFFF)"


def _check_raw(data: bytes, limits: Limits) -> bytes:
    """Refuse nesting too deep, lone surrogate escapes and strings too long, before parsing.

    Returns the text without quoting escapes (see :func:`_jsonscan.without_escapes`).
    """
    escaped = _jsonscan.without_escapes(data)
    if _jsonscan.too_deep(escaped, limits.max_depth):
        _check_depth(data, limits)
    offset = _jsonscan.lone_surrogate(data, escaped)
    if offset is not None:
        got = f"the escape {data[offset : offset + 6].decode('ascii')!r}"
        problem = Problem(_location(data, offset), _NO_SURROGATES, got)
        raise MalformedJSONError([problem], _SUBJECT)
    runs = _jsonscan.long_string_runs(escaped, limits.max_string_length)
    if next(runs, None) is not None:
        _check_strings(data, escaped, limits)
    return escaped


def _check_depth(data: bytes, limits: Limits) -> None:
    walker = _jsonscan.Walker(data)
    if walker.first_too_deep(limits.max_depth) is not None:
        raise limits.error(
            "max_depth",
            walker.location(),
            "arrays and objects nested at most {} deep",
            f"an array or object nested {limits.max_depth + 1} deep",
            _SUBJECT,
        )


def _check_strings(data: bytes, escaped: bytes, limits: Limits) -> None:
    for start, end in _jsonscan.long_string_runs(escaped, limits.max_string_length):
        if not start or escaped.count(b'"', 0, start - 1) % 2:
            continue  # the quote before the run closes a string: numbers, spaces...
        length = len(_jsonscan.decode_string(data[start - 1 : end + 1]))
        if length <= limits.max_string_length:
            continue
        walker = _jsonscan.Walker(data, escaped)
        location: tuple[str | int, ...] = ()
        kind = "string"
        if start - 1 <= _WALK_LIMIT:  # naming the path means reading every token before it
            walker.advance(start - 1)
            location = walker.location()
            kind = "key" if walker.at_key() else "string"
        raise limits.error(
            "max_string_length",
            location,
            "a string of at most {} characters",
            f"a {kind} of {length:,} characters",
            _SUBJECT,
        )


def _location(data: bytes, offset: int) -> tuple[str | int, ...]:
    """The JSON path of what starts at byte ``offset``; ``()`` when too far to find cheaply."""
    if offset > _WALK_LIMIT:
        return ()
    walker = _jsonscan.Walker(data)
    walker.advance(offset)
    return walker.location()


def _no_duplicates(pairs: Sequence[tuple[str, Any]]) -> dict[str, Any]:
    """``object_pairs_hook`` for :func:`json.loads` that rejects repeated keys."""
    result = dict(pairs)
    if len(result) != len(pairs):
        raise Invalid([])
    return result


def _no_constants(name: str) -> Any:
    """``parse_constant`` for :func:`json.loads`: NaN and Infinity are not JSON."""
    raise Invalid([])


# The error path: parse again, marking what is wrong instead of stopping at it, then
# find every mark and its path. Only text that failed is parsed twice.


class _Mark:
    """A value that is not JSON Python can read, where it was found."""

    def __init__(self, expected: str, got: str) -> None:
        self.expected = expected
        self.got = got


class _RepeatedKeys(dict[str, Any]):
    """An object whose keys were repeated: the keys, each once."""

    repeated: list[str]


def _mark_repeats(pairs: Sequence[tuple[str, Any]]) -> dict[str, Any]:
    result = dict(pairs)
    if len(result) == len(pairs):
        return result
    marked = _RepeatedKeys(result)
    seen: set[str] = set()
    marked.repeated = []
    for key, _ in pairs:
        if key in seen and key not in marked.repeated:
            marked.repeated.append(key)
        seen.add(key)
    return marked


def _mark_constant(name: str) -> _Mark:
    return _Mark("a JSON value (NaN and Infinity are not JSON)", name)


def _mark_integer(digits: str) -> int | _Mark:
    try:
        return int(digits)
    except ValueError:
        most = f"a number of at most {sys.get_int_max_str_digits():,} digits"
        return _Mark(most, f"an integer of {len(digits.lstrip('-')):,} digits")


def _value_problems(text: str, most: int) -> list[Problem]:
    data = json.loads(
        text,
        object_pairs_hook=_mark_repeats,
        parse_constant=_mark_constant,
        parse_int=_mark_integer,
    )
    problems: list[Problem] = []
    # Depth first, in input order: (where, the value there, whether its key was repeated).
    stack: list[tuple[tuple[str | int, ...], Any, bool]] = [((), data, False)]
    while stack:
        location, value, repeated = stack.pop()
        if repeated:
            got = f"{location[-1]!r} more than once"
            problems.append(Problem(location, "each key at most once in an object", got))
        if len(problems) >= most:
            got = "more problems, not listed"
            problems.append(past_the_limit(most, got))
            break
        if isinstance(value, _Mark):
            problems.append(Problem(location, value.expected, value.got))
        elif isinstance(value, dict):
            keys = getattr(value, "repeated", ())
            items = [((*location, key), item, key in keys) for key, item in value.items()]
            stack.extend(reversed(items))
        elif isinstance(value, list):
            stack.extend(reversed([((*location, i), item, False) for i, item in enumerate(value)]))
    return problems or [Problem((), "JSON that Python can read", "a value it cannot read")]
