"""The vocabulary of time words: numbers, units, weekdays, parts of the day, zones.

Tables and small readers shared by :mod:`peacetalks._timeread` and
:mod:`peacetalks.timeparse`. Nothing here needs python-dateutil, so reading a
duration never imports it.
"""

from __future__ import annotations

import re
import zoneinfo
from functools import cache

from peacetalks.times import Duration, DurationKind, TimeRelation, TimeUnit

__all__ = [
    "ABBREVIATIONS",
    "HEDGES",
    "NUMBER_PATTERN",
    "PARTS_OF_DAY",
    "UNIT_PATTERN",
    "VAGUE_REACH",
    "WEEKDAYS",
    "ReadError",
    "city_zone",
    "names_month",
    "normalize",
    "number",
    "read_duration",
    "strip_hedge",
    "unit",
    "words_of",
]


class ReadError(Exception):
    """Raised inside the readers; the public functions turn it into UnreadableTimeError."""

    def __init__(self, reason: str) -> None:
        super().__init__(reason)
        self.reason = reason
        self.relation: TimeRelation | None = None  # the relation word read before the trouble


_DASHES = str.maketrans({"\u2010": "-", "\u2011": "-", "\u2012": "-", "\u2013": "-",
                         "\u2014": "-", "\u2212": "-", "\u2019": "'", "\u00a0": " "})  # fmt: skip
_MERIDIEM = re.compile(r"(\d)\s*([ap])\.?\s?m\b\.?")


def normalize(text: str) -> str:
    """Lower case, plain dashes and spaces, ``9 p.m.`` as ``9 pm``, no final punctuation."""
    text = _MERIDIEM.sub(r"\1 \2m", text.translate(_DASHES).lower())
    text = text.replace(",", " ")
    return " ".join(text.split()).rstrip(".;:!?").strip()


_SMALL = ("zero", "one", "two", "three", "four", "five", "six", "seven", "eight", "nine",
          "ten", "eleven", "twelve", "thirteen", "fourteen", "fifteen", "sixteen",
          "seventeen", "eighteen", "nineteen")  # fmt: skip
_TENS = ("twenty", "thirty", "forty", "fifty", "sixty", "seventy", "eighty", "ninety")
_NUMBERS = {word: value for value, word in enumerate(_SMALL)}
_NUMBERS.update({word: 20 + 10 * index for index, word in enumerate(_TENS)})
_NUMBERS.update({"a": 1, "an": 1, "a hundred": 100, "one hundred": 100})
_NUMBERS.update(
    {f"{ten}{sep}{one}": 20 + 10 * t + o for t, ten in enumerate(_TENS)
     for o, one in enumerate(_SMALL[1:10], start=1) for sep in ("-", " ")}
)  # fmt: skip


def number(word: str) -> int | None:
    """A whole number written in digits or words (``"30"``, ``"thirty"``, ``"seventy-two"``)."""
    if word.isascii() and word.isdigit():
        return int(word) if len(word) <= 6 else None
    return _NUMBERS.get(word)


# A number in digits or in one or two words ("72", "a", "seventy-two", "seventy two").
NUMBER_PATTERN = r"\d{1,6}|an?|[a-z]+(?:[ -][a-z]+)?"

_UNITS = {
    "minute": TimeUnit.MINUTE,
    "min": TimeUnit.MINUTE,
    "hour": TimeUnit.HOUR,
    "hr": TimeUnit.HOUR,
    "day": TimeUnit.DAY,
    "week": TimeUnit.WEEK,
    "month": TimeUnit.MONTH,
    "year": TimeUnit.YEAR,
}
UNIT_PATTERN = r"(?:minute|min|hour|hr|day|week|month|year)s?"


def unit(word: str) -> TimeUnit:
    """The unit a word names: ``"days"`` → ``TimeUnit.DAY``."""
    return _UNITS[word[:-1] if word.endswith("s") else word]


#: How far an unnumbered plural reaches: "within weeks" is up to 8 weeks.
VAGUE_REACH = {TimeUnit.DAY: 7, TimeUnit.WEEK: 8, TimeUnit.MONTH: 12}

WEEKDAYS = {
    name: index
    for index, name in enumerate(
        ("monday", "tuesday", "wednesday", "thursday", "friday", "saturday", "sunday")
    )
}

_MONTH_WORDS = frozenset(
    {
        *("january", "february", "march", "april", "may", "june", "july", "august"),
        *("september", "october", "november", "december"),
        *("jan", "feb", "mar", "apr", "jun", "jul", "aug", "sep", "sept", "oct", "nov", "dec"),
    }
)


def words_of(text: str) -> set[str]:
    """The words of ``text``, split at spaces and hyphens, without final dots ("sept.")."""
    return {word.rstrip(".") for word in text.replace("-", " ").split()}


def names_month(text: str) -> bool:
    """True when ``text`` names a month: "mid-April", "Sept. 2024"."""
    return not _MONTH_WORDS.isdisjoint(words_of(text))


#: (modifier, part) → (first hour, last hour, whether the last hour is on the next day).
PARTS_OF_DAY: dict[tuple[str | None, str | None], tuple[int, int, bool]] = {
    ("early", None): (0, 8, False),
    ("late", None): (18, 23, False),
    (None, "morning"): (5, 11, False),
    ("early", "morning"): (0, 8, False),
    ("late", "morning"): (9, 11, False),
    (None, "afternoon"): (12, 17, False),
    ("early", "afternoon"): (12, 14, False),
    ("late", "afternoon"): (15, 17, False),
    (None, "evening"): (18, 23, False),
    ("early", "evening"): (18, 20, False),
    ("late", "evening"): (21, 23, False),
    (None, "night"): (18, 5, True),
    ("late", "night"): (21, 5, True),
}

HEDGES = ("about", "around", "roughly", "approximately", "some time", "sometime", "circa")

#: Zone abbreviations: (UTC offset in minutes, or None to use the zone's own; the usual zone).
ABBREVIATIONS: dict[str, tuple[int | None, str | None]] = {
    "utc": (0, "UTC"),
    "gmt": (0, "UTC"),
    "z": (0, "UTC"),
    "et": (None, "America/New_York"),
    "est": (-300, "America/New_York"),
    "edt": (-240, "America/New_York"),
    "ct": (None, "America/Chicago"),
    "cst": (-360, "America/Chicago"),
    "cdt": (-300, "America/Chicago"),
    "mt": (None, "America/Denver"),
    "mst": (-420, "America/Denver"),
    "mdt": (-360, "America/Denver"),
    "pt": (None, "America/Los_Angeles"),
    "pst": (-480, "America/Los_Angeles"),
    "pdt": (-420, "America/Los_Angeles"),
    "msk": (None, "Europe/Moscow"),
    "eet": (120, None),
    "eest": (180, None),
    "cet": (60, None),
    "cest": (120, None),
    "bst": (60, "Europe/London"),
}

_CITY_ALIASES = {
    "kiev": "Europe/Kyiv",
    "washington": "America/New_York",
    "eastern": "America/New_York",
    "central": "America/Chicago",
    "mountain": "America/Denver",
    "pacific": "America/Los_Angeles",
    "british": "Europe/London",
    "uk": "Europe/London",
    "beijing": "Asia/Shanghai",
    "gaza": "Asia/Gaza",
}


@cache
def _cities() -> dict[str, str]:
    """City name → IANA zone, from the zone database's own names (read once)."""
    found: dict[str, str] = {}
    for name in sorted(zoneinfo.available_timezones()):
        area, _, city = name.rpartition("/")
        if area and not area.startswith(("Etc", "SystemV", "US")):
            found.setdefault(city.replace("_", " ").lower(), name)
    return found


def city_zone(words: str) -> str | None:
    """The zone of ``"kyiv"`` in "10:00 Kyiv time", or ``None``."""
    return _CITY_ALIASES.get(words) or _cities().get(words)


_DURATION = re.compile(rf"(?P<n>{NUMBER_PATTERN})[ -](?P<unit>{UNIT_PATTERN})(?: long)?")
_OPEN_ENDED = {
    "indefinite": DurationKind.INDEFINITE,
    "indefinitely": DurationKind.INDEFINITE,
    "open-ended": DurationKind.INDEFINITE,
    "with no end date": DurationKind.INDEFINITE,
    "permanent": DurationKind.PERMANENT,
    "permanently": DurationKind.PERMANENT,
}


def strip_hedge(words: str) -> tuple[str, bool]:
    """``words`` without a leading hedge ("about", "around"...), and whether there was one."""
    for hedge in HEDGES:
        if words.startswith(hedge + " "):
            return words[len(hedge) + 1 :], True
    return words, False


def read_duration(text: str) -> Duration:
    """A :class:`Duration` from words such as "30-day", "72 hours", "two-hour", "indefinite"."""
    words = normalize(text)
    kind = _OPEN_ENDED.get(words)
    if kind is not None:
        return Duration(kind=kind, words=text)
    words = words.removeprefix("for ")
    words, hedged = strip_hedge(words)
    # "a 30-day", "a two-hour": the article is not the number; in "a week" it is.
    article = re.match(r"an? ", words)
    for candidate in ([words[article.end() :]] if article else []) + [words]:
        found = _DURATION.fullmatch(candidate)
        amount = number(found["n"]) if found else None
        if found and amount is not None:
            return Duration(amount=amount, unit=unit(found["unit"]), words=text, approximate=hedged)
    raise ReadError(
        "expected a length such as '30-day', '72 hours', 'two-hour', 'indefinite' or 'permanent'"
    )
