"""Reusable checks on single values: ids, country codes, language tags, URLs, zones.

A :class:`Rule` is attached to a field through its metadata (see
:mod:`peacetalks._base`); the same rule feeds the runtime check, the error
message and the JSON Schema (``schema``), so the three never disagree.
"""

from __future__ import annotations

import re
import zoneinfo
from collections.abc import Callable, Mapping
from functools import lru_cache
from typing import Any

import attrs

__all__ = [
    "COUNTRY",
    "ID",
    "LANGUAGE",
    "NON_EMPTY",
    "SCRIPT",
    "URL",
    "ZONE",
    "Rule",
    "describe",
    "is_zone",
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

ID_PATTERN = r"^[A-Za-z0-9][A-Za-z0-9._:-]{0,199}$"
LANGUAGE_PATTERN = r"^[a-z]{2,3}(-[A-Za-z0-9]{2,8})*$"
SCRIPT_PATTERN = r"^[A-Z][a-z]{3}$"
URL_PATTERN = r"^https?://[^\s/?#]+[^\s]*$"


@attrs.frozen
class Rule:
    """A check on one value.

    Attributes:
        expected: What a valid value looks like, in words, for error messages.
        test: Returns true for a valid value.
        schema: JSON Schema keywords that accept exactly the valid values.
    """

    expected: str
    test: Callable[[Any], bool]
    schema: Mapping[str, Any]


def _matcher(pattern: str) -> Callable[[Any], bool]:
    fullmatch = re.compile(pattern).fullmatch

    def test(value: Any) -> bool:
        return type(value) is str and fullmatch(value) is not None

    return test


@lru_cache(maxsize=1024)
def is_zone(name: object) -> bool:
    """True for an IANA time zone name this machine's zone database knows."""
    if type(name) is not str or not name or name != name.strip() or name.startswith("/"):
        return False
    try:
        zoneinfo.ZoneInfo(name)
    except (zoneinfo.ZoneInfoNotFoundError, ValueError):
        return False
    return True


def _non_empty(value: Any) -> bool:
    return type(value) is str and value.strip() != ""


ID = Rule(
    "an id: 1 to 200 letters, digits, '.', '_', ':' or '-', starting with a letter or digit",
    _matcher(ID_PATTERN),
    {"type": "string", "pattern": ID_PATTERN},
)
NON_EMPTY = Rule(
    "a non-empty string",
    _non_empty,
    {"type": "string", "minLength": 1, "pattern": r"\S"},
)
COUNTRY = Rule(
    "an ISO 3166-1 alpha-2 country code such as 'UA'",
    lambda value: type(value) is str and value in COUNTRY_CODES,
    {"type": "string", "enum": sorted(COUNTRY_CODES)},
)
LANGUAGE = Rule(
    "a BCP 47 language tag such as 'en', 'uk' or 'ru-Latn'",
    _matcher(LANGUAGE_PATTERN),
    {"type": "string", "pattern": LANGUAGE_PATTERN},
)
SCRIPT = Rule(
    "an ISO 15924 script code such as 'Latn' or 'Cyrl'",
    _matcher(SCRIPT_PATTERN),
    {"type": "string", "pattern": SCRIPT_PATTERN},
)
URL = Rule(
    "an absolute http or https URL",
    _matcher(URL_PATTERN),
    {"type": "string", "pattern": URL_PATTERN},
)
ZONE = Rule(
    "an IANA time zone name such as 'Europe/Kyiv'",
    is_zone,
    {"type": "string", "minLength": 1},
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


def describe(value: object, limit: int = 60) -> str:
    """A short description of a value for an error message: ``integer 5``, ``string 'x'``."""
    kind = _JSON_TYPE_NAMES.get(type(value))
    if kind is None:
        return f"a Python {type(value).__name__}"
    if value is None:
        return "null"
    if kind in ("array", "object"):
        return f"an {kind}"
    text = repr(value)
    if len(text) > limit:
        text = text[: limit - 3] + "..."
    return f"{kind} {text}"
