"""Reusable checks on single values: ids, country codes, language tags, URLs, zones.

A :class:`Rule` is attached to a field through its metadata (see
:mod:`peacetalks._base`); the same rule feeds the runtime check, the error
message and the JSON Schema (``schema``), so the three never disagree.

Patterns are written so that they mean the same in Python's :mod:`re`, in the
ECMA 262 dialect JSON Schema prescribes and in other common engines: no ``\\s``
or ``\\S`` (their whitespace differs between dialects; :data:`WHITESPACE` spells
Python's out), no ``\\u`` escapes, no named groups and no look-arounds.
:func:`pattern_schema` also guards against Python's ``$``, which matches before
a final newline.
"""

from __future__ import annotations

import math
import re
from collections.abc import Callable, Mapping
from functools import lru_cache
from typing import Any

import attrs

__all__ = [
    "CONFIDENCE",
    "COUNT",
    "COUNTRY",
    "FIELD_PATH",
    "FLOAT_MAX",
    "HEADCOUNT",
    "ID",
    "LANGUAGE",
    "LATITUDE",
    "LONGITUDE",
    "NON_EMPTY",
    "SCHEME",
    "SCRIPT",
    "URL",
    "WHITESPACE",
    "ZONE",
    "Rule",
    "describe",
    "is_number",
    "is_zone",
    "pattern_schema",
]

# ISO 3166-1 alpha-2, all 249 assigned codes, plus XK (Kosovo), the user-assigned
# code that UCDP, the EU and most news datasets use.
COUNTRY_CODES = frozenset(
    """AD AE AF AG AI AL AM AO AQ AR AS AT AU AW AX AZ BA BB BD BE BF BG BH BI BJ BL BM BN BO
    BQ BR BS BT BV BW BY BZ CA CC CD CF CG CH CI CK CL CM CN CO CR CU CV CW CX CY CZ DE DJ
    DK DM DO DZ EC EE EG EH ER ES ET FI FJ FK FM FO FR GA GB GD GE GF GG GH GI GL GM GN GP
    GQ GR GS GT GU GW GY HK HM HN HR HT HU ID IE IL IM IN IO IQ IR IS IT JE JM JO JP KE KG
    KH KI KM KN KP KR KW KY KZ LA LB LC LI LK LR LS LT LU LV LY MA MC MD ME MF MG MH MK ML
    MM MN MO MP MQ MR MS MT MU MV MW MX MY MZ NA NC NE NF NG NI NL NO NP NR NU NZ OM PA PE
    PF PG PH PK PL PM PN PR PS PT PW PY QA RE RO RS RU RW SA SB SC SD SE SG SH SI SJ SK SL
    SM SN SO SR SS ST SV SX SY SZ TC TD TF TG TH TJ TK TL TM TN TO TR TT TV TW TZ UA UG UM
    US UY UZ VA VC VE VG VI VN VU WF WS YE YT ZA ZM ZW XK""".split()  # noqa: SIM905 - a compact list of 250 codes
)

#: The characters ``str.strip()`` and Python's ``\\s`` treat as whitespace, as the
#: inside of a regular-expression character class. The characters themselves, not
#: escapes, so that every regular-expression dialect reads the class alike (the
#: schema file spells them as JSON escapes).
WHITESPACE = "\t\n\x0b\x0c\r\x1c-\x1f \x85\xa0\u1680\u2000-\u200a\u2028\u2029\u202f\u205f\u3000"
#: The largest finite 64-bit float: JSON numbers beyond it overflow in most parsers.
FLOAT_MAX = 1.7976931348623157e308

ID_PATTERN = r"^[A-Za-z0-9][A-Za-z0-9._:-]{0,199}$"
LANGUAGE_PATTERN = r"^[a-z]{2,3}(?:-[A-Za-z0-9]{2,8})*$"
SCRIPT_PATTERN = r"^[A-Z][a-z]{3}$"
# The host, then optionally a path, query or fragment: the two parts meet at the first
# '/', '?' or '#', so no character can be read by either (no backtracking).
URL_PATTERN = rf"^https?://[^{WHITESPACE}/?#]+(?:[/?#][^{WHITESPACE}]*)?$"
SCHEME_PATTERN = r"^[a-z][a-z0-9_.-]{0,63}$"
# The shape of an IANA zone name; whether the zone exists is up to the zone database.
FIELD_PATH_PATTERN = r"^[a-z][a-z_]*(?:\[[0-9]+\])*(?:\.[a-z][a-z_]*(?:\[[0-9]+\])*)*$"
ZONE_PATTERN = r"^[A-Za-z0-9._+-]+(?:/[A-Za-z0-9._+-]+)*$"


#: The longest value each pattern rule reads; a longer one is refused before the
#: pattern runs, so no rule costs more than these many characters of matching.
#: (ids, scheme names and script codes are bounded by their patterns already.)
LANGUAGE_MAX = 64  # RFC 5646 asks for at least 35
URL_MAX = 8192
ZONE_MAX = 100  # the longest IANA name has 32 characters


@attrs.frozen
class Rule:
    """A check on one value.

    Attributes:
        name: A short name for the kind of value, for the docs: ``"id"``.
        expected: What a valid value looks like, in words, for error messages.
        test: Returns true for a valid value.
        schema: JSON Schema keywords that accept exactly the valid values.
    """

    name: str
    expected: str
    test: Callable[[Any], bool]
    schema: Mapping[str, Any]
    schema_gap: str | None = None
    """What ``test`` checks that ``schema`` cannot, and why; ``None`` when they agree."""
    text_test: Callable[[str], object] | None = None
    """The same test for a ``str`` alone, truthy when valid, as a quick built-in call
    (``test(s) == bool(text_test(s))`` for every ``str``); ``None`` when there is none."""
    missing: Callable[[], str | None] | None = None
    """What this machine lacks for ``test`` to pass any value (e.g. a zone database),
    in words, or ``None``; asked only once a value has failed."""

    def expected_of(self, value: Any) -> str:
        """What was expected of ``value``, which failed ``test``: ``expected``, and what this
        machine lacks when that is why it failed."""
        lacking = self.missing() if self.missing is not None else None
        return self.expected if lacking is None else f"{self.expected}, {lacking}"


def pattern_schema(pattern: str, max_length: int | None = None) -> dict[str, Any]:
    """JSON Schema for strings matching ``pattern``, anchored with ``^`` and ``$``.

    The ``not`` keeps validators written in Python (whose ``$`` also matches
    before a final newline) from accepting ``"value\\n"``. With ``max_length``,
    longer strings are refused before the pattern is tried.
    """
    schema: dict[str, Any] = {"type": "string", "pattern": pattern, "not": {"pattern": r"\n$"}}
    if max_length is not None:
        schema["maxLength"] = max_length
    return schema


def _matcher(pattern: str, max_length: int | None = None) -> Callable[[Any], bool]:
    fullmatch = re.compile(pattern).fullmatch
    if max_length is None:

        def test(value: Any) -> bool:
            return type(value) is str and fullmatch(value) is not None

        return test

    def bounded_test(value: Any) -> bool:
        return type(value) is str and len(value) <= max_length and fullmatch(value) is not None

    return bounded_test


def _text_matcher(pattern: str, max_length: int) -> Callable[[str], object]:
    fullmatch = re.compile(pattern).fullmatch

    def text_test(value: str) -> object:
        return len(value) <= max_length and fullmatch(value)

    return text_test


def is_zone(name: object) -> bool:
    """True for an IANA time zone name this machine's zone database knows."""
    return type(name) is str and 0 < len(name) <= ZONE_MAX and _is_zone(name)


@lru_cache(maxsize=1)
def zone_database_missing() -> str | None:
    """Why no zone name can be valid on this machine, or ``None`` when it has a zone database.

    Python's ``zoneinfo`` reads the system's database (``zoneinfo.TZPATH``) or the
    ``tzdata`` package; a slim container or Windows without ``tzdata`` has neither.
    """
    import zoneinfo  # noqa: PLC0415 - loaded with the first zone, not with peacetalks

    for name in ("UTC", "Etc/UTC"):
        try:
            zoneinfo.ZoneInfo.no_cache(name)
        except (zoneinfo.ZoneInfoNotFoundError, ValueError, OSError):
            continue
        return None
    return (
        "which needs an IANA time zone database, and none was found on this machine"
        " (install tzdata, a dependency of peacetalks: pip install tzdata;"
        " or set PYTHONTZPATH to a zoneinfo folder)"
    )


@lru_cache(maxsize=1024)
def _is_zone(name: str) -> bool:
    if name != name.strip() or name.startswith("/"):
        return False
    import zoneinfo  # noqa: PLC0415 - loaded with the first zone, not with peacetalks

    try:
        zoneinfo.ZoneInfo(name)
    except (zoneinfo.ZoneInfoNotFoundError, ValueError, OSError):  # OSError: a name too long
        return False
    return True


def is_number(value: object) -> bool:
    """A JSON number a 64-bit float can hold (what other languages can read)."""
    if type(value) is float:
        return math.isfinite(value)
    return type(value) is int and -FLOAT_MAX <= value <= FLOAT_MAX


def _non_empty(value: Any) -> bool:
    return type(value) is str and value.strip() != ""


def _in_range(low: float, high: float) -> Callable[[Any], bool]:
    def test(value: Any) -> bool:
        return type(value) in (int, float) and low <= value <= high

    return test


ID = Rule(
    "id",
    "an id: 1 to 200 letters, digits, '.', '_', ':' or '-', starting with a letter or digit",
    _matcher(ID_PATTERN),
    pattern_schema(ID_PATTERN),
    text_test=re.compile(ID_PATTERN).fullmatch,
)
NON_EMPTY = Rule(
    "non-empty text",
    "a non-empty string",
    _non_empty,
    {"type": "string", "pattern": f"[^{WHITESPACE}]"},
    text_test=str.strip,
)
COUNTRY = Rule(
    "country code",
    "an ISO 3166-1 alpha-2 country code such as 'UA'",
    lambda value: type(value) is str and value in COUNTRY_CODES,
    {"type": "string", "enum": sorted(COUNTRY_CODES)},
    text_test=COUNTRY_CODES.__contains__,
)
LANGUAGE = Rule(
    "language tag",
    "a BCP 47 language tag such as 'en', 'uk' or 'ru-Latn'",
    _matcher(LANGUAGE_PATTERN, LANGUAGE_MAX),
    pattern_schema(LANGUAGE_PATTERN, LANGUAGE_MAX),
    text_test=_text_matcher(LANGUAGE_PATTERN, LANGUAGE_MAX),
)
SCRIPT = Rule(
    "script code",
    "an ISO 15924 script code such as 'Latn' or 'Cyrl'",
    _matcher(SCRIPT_PATTERN),
    pattern_schema(SCRIPT_PATTERN),
    text_test=re.compile(SCRIPT_PATTERN).fullmatch,
)
URL = Rule(
    "URL",
    f"an absolute http or https URL of at most {URL_MAX:,} characters",
    _matcher(URL_PATTERN, URL_MAX),
    pattern_schema(URL_PATTERN, URL_MAX),
    text_test=_text_matcher(URL_PATTERN, URL_MAX),
)
SCHEME = Rule(
    "scheme name",
    "a scheme name: lower-case letters, digits, '_', '.' or '-', 1 to 64 long",
    _matcher(SCHEME_PATTERN),
    pattern_schema(SCHEME_PATTERN),
    text_test=re.compile(SCHEME_PATTERN).fullmatch,
)
ZONE = Rule(
    "time zone",
    "an IANA time zone name such as 'Europe/Kyiv'",
    is_zone,
    pattern_schema(ZONE_PATTERN, ZONE_MAX),
    schema_gap=(
        "The zone exists in the reader's IANA time zone database: the JSON Schema checks"
        " only the shape of the name, since the zones change with each release of the"
        " database (Europe/Kyiv is new in 2022)."
    ),
    missing=zone_database_missing,
)
COUNT = Rule(
    "count",
    "a whole number, zero or more",
    lambda value: type(value) is int and value >= 0,
    {"type": "integer", "minimum": 0},
)
HEADCOUNT = Rule(
    "headcount",
    "a whole number, 1 or more",
    lambda value: type(value) is int and value >= 1,
    {"type": "integer", "minimum": 1},
)
LATITUDE = Rule(
    "latitude",
    "a number from -90 to 90",
    _in_range(-90, 90),
    {"type": "number", "minimum": -90, "maximum": 90},
)
LONGITUDE = Rule(
    "longitude",
    "a number from -180 to 180",
    _in_range(-180, 180),
    {"type": "number", "minimum": -180, "maximum": 180},
)
CONFIDENCE = Rule(
    "confidence",
    "a number from 0 (a guess) to 1 (certain)",
    _in_range(0, 1),
    {"type": "number", "minimum": 0, "maximum": 1},
)
FIELD_PATH = Rule(
    "field path",
    "a field path within the record such as 'said' or 'claims[0].quantity'",
    _matcher(FIELD_PATH_PATTERN),
    pattern_schema(FIELD_PATH_PATTERN),
    text_test=re.compile(FIELD_PATH_PATTERN).fullmatch,
)

_JSON_TYPE_NAMES = {
    str: "string",
    int: "integer",
    float: "number",
    bool: "boolean",
    list: "array",
    tuple: "array",
    dict: "object",
    type(None): "null",
}


_SHOWN_BITS = 200  # integers up to about 60 digits are shown whole


def describe(value: object, limit: int = 60) -> str:
    """A short description of a value for an error message: ``integer 5``, ``string 'x'``."""
    kind = _JSON_TYPE_NAMES.get(type(value))
    if kind is None:
        return f"a Python {type(value).__name__}"
    if value is None:
        return "null"
    if kind in ("array", "object"):
        return f"an {kind}"
    if isinstance(value, int) and value.bit_length() > _SHOWN_BITS:
        # Too long to show, and past 4,300 digits too long for Python to turn into text.
        digits = int(value.bit_length() * math.log10(2)) + 1
        return f"an integer of about {digits:,} digits"
    if isinstance(value, str) and len(value) > limit:
        value = value[:limit]
    text = repr(value)
    if len(text) > limit:
        text = text[: limit - 3] + "..."
    return f"{kind} {text}"
