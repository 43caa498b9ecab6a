"""Strict JSON text: UTF-8 only, no NaN or Infinity, no repeated keys."""

from __future__ import annotations

import json
from collections.abc import Sequence
from typing import Any

from peacetalks._problems import Invalid, describe
from peacetalks.errors import MalformedJSONError, Problem

__all__ = ["parse_json"]


def parse_json(text: str | bytes) -> Any:
    """Parse JSON strictly: UTF-8 only, no NaN or Infinity, no duplicate keys."""
    if isinstance(text, bytes | bytearray | memoryview):
        try:
            text = bytes(text).decode("utf-8")
        except UnicodeDecodeError as exc:
            problem = Problem((), "UTF-8 text", f"a byte that is not UTF-8 at offset {exc.start}")
            raise MalformedJSONError([problem], "JSON") from None
    elif not isinstance(text, str):
        raise MalformedJSONError([Problem((), "JSON text (str or bytes)", describe(text))], "JSON")
    try:
        data: Any = json.loads(text, object_pairs_hook=_no_duplicates, parse_constant=_no_constants)
    except json.JSONDecodeError as exc:
        where = f"line {exc.lineno} column {exc.colno}"
        raise MalformedJSONError(
            [Problem((), "well-formed JSON", f"{exc.msg} at {where}")], "JSON"
        ) from None
    except Invalid as exc:
        raise MalformedJSONError(exc.problems, "JSON") from None
    except ValueError as exc:  # e.g. an integer too long for Python to convert
        raise MalformedJSONError(
            [Problem((), "JSON that Python can read", f"{exc}")], "JSON"
        ) from None
    except RecursionError:
        raise MalformedJSONError(
            [Problem((), "JSON nested less deeply", "nesting too deep to read")], "JSON"
        ) from None
    return data


def _no_duplicates(pairs: Sequence[tuple[str, Any]]) -> dict[str, Any]:
    """``object_pairs_hook`` for :func:`json.loads` that rejects repeated keys."""
    result = dict(pairs)
    if len(result) != len(pairs):
        seen: set[str] = set()
        for key, _ in pairs:
            if key in seen:
                raise Invalid(
                    [Problem((), "each key at most once in an object", f"{key!r} more than once")]
                )
            seen.add(key)
    return result


def _no_constants(name: str) -> Any:
    """``parse_constant`` for :func:`json.loads`: NaN and Infinity are not JSON."""
    raise Invalid([Problem((), "a JSON value (NaN and Infinity are not JSON)", name)])
