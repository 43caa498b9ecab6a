"""Durations in datasets: ETH/PRIO's ``fixed``/``fixed_time``, prose such as "72 hours"."""

from __future__ import annotations

import re

from peacetalks.interop._common import clean, integer
from peacetalks.times import Duration, DurationKind, TimeUnit

__all__ = ["fixed_duration", "parse_duration"]

_NUMBERS = {
    "a": 1, "an": 1, "one": 1, "two": 2, "three": 3, "four": 4, "five": 5, "six": 6,
    "seven": 7, "eight": 8, "nine": 9, "ten": 10, "eleven": 11, "twelve": 12,
    "fourteen": 14, "fifteen": 15, "twenty": 20, "thirty": 30, "forty-eight": 48,
    "sixty": 60, "seventy-two": 72, "ninety": 90,
}  # fmt: skip
_UNITS = {unit.value: unit for unit in TimeUnit}
_LENGTH = re.compile(
    r"(?P<amount>[0-9]+|[a-z]+(?:-[a-z]+)?)[\s-]*(?P<unit>minute|hour|day|week|month|year)s?",
    re.IGNORECASE,
)


def parse_duration(text: str) -> tuple[Duration, list[str]]:
    """A duration from a dataset's text, and notes on how it was read.

    Text that is exactly one length ("72 hours", "30-day", "two weeks",
    "90 days") becomes a fixed duration keeping the words; "indefinite" and
    "permanent" their kinds; anything else (several lengths, a condition such
    as "until the elections") a duration of unknown length that keeps the words.
    """
    words = text.strip()
    lowered = words.lower().rstrip(".")
    if lowered in ("indefinite", "open-ended", "unlimited"):
        return Duration(kind=DurationKind.INDEFINITE, words=words), []
    if lowered == "permanent":
        return Duration(kind=DurationKind.PERMANENT, words=words), []
    found = _LENGTH.fullmatch(lowered)
    if found is not None:
        raw = found["amount"]
        amount = int(raw) if raw.isdigit() else _NUMBERS.get(raw)
        if amount is not None:
            unit = _UNITS[found["unit"]]
            return Duration(amount=amount, unit=unit, words=words), []
    note = "duration in prose with no single length, kept as words: fixed_time"
    return Duration(kind=DurationKind.UNKNOWN, words=words), [note]


def fixed_duration(fixed: str | None, text: str, notes: list[str]) -> Duration | None:
    """A duration from ETH/PRIO's ``fixed`` (0 open-ended, 1 fixed) and ``fixed_time``.

    ``fixed_time`` is a number of days or prose; ``fixed`` 0 with no length is
    indefinite; anything unknown is ``None``.
    """
    if clean(text) is None:
        return Duration(kind=DurationKind.INDEFINITE) if fixed == "0" else None
    try:
        days = integer(text)
    except ValueError:
        duration, more = parse_duration(text)
        notes.extend(more)
        return duration
    if days == 0:
        if fixed == "1":
            notes.append("fixed is 1 but fixed_time is 0, length unknown: fixed_time")
        return Duration(kind=DurationKind.INDEFINITE) if fixed == "0" else None
    if days is None:
        return None
    if days < 0:
        notes.append(f"a negative length, read as unknown: fixed_time {text!r}")
        return None
    return Duration(amount=days, unit=TimeUnit.DAY)
