"""Value types every record shares: identifiers, citations, places and kept source cells."""

from __future__ import annotations

import enum
import math
import re

import attrs

from peacetalks._base import Model, meta
from peacetalks._invariants import any_of, given, implies, non_empty
from peacetalks._rules import (
    COUNTRY,
    LANGUAGE,
    LATITUDE,
    LONGITUDE,
    NON_EMPTY,
    SCHEME,
    URL,
    WHITESPACE,
    describe,
    pattern_schema,
)
from peacetalks.errors import Problem
from peacetalks.times import Basis, ReportedTime, TimePoint

__all__ = [
    "KNOWN_SCHEMES",
    "Citation",
    "Coordinates",
    "Identifier",
    "Place",
    "PlaceKind",
    "SourceValue",
]

#: Identifier schemes whose values have a known shape, with a pattern and an example.
KNOWN_SCHEMES: dict[str, tuple[str, str]] = {
    "wikidata": (r"^Q[1-9][0-9]*$", "Q3874799"),
    "ucdp_actor": (r"^[1-9][0-9]*$", "755"),
    "ucdp_conflict": (r"^[1-9][0-9]*$", "316"),
    "ucdp_dyad": (r"^[1-9][0-9]*$", "697"),
    "ucdp_agreement": (r"^[1-9][0-9]*$", "1"),
    "pax": (r"^[1-9][0-9]*$", "2444"),
    "pax_process": (r"^[1-9][0-9]*$", "85"),
    "ethprio": (r"^[1-9][0-9]*$", "92001"),
    "ethprio_row": (r"^[1-9][0-9]*$", "21"),
    "gwno": (r"^[0-9]{1,3}$", "369"),
    "iso3166": (r"^[A-Z]{2}$", "UA"),
    "geonames": (r"^[1-9][0-9]*$", "703448"),
    "popolo": (rf"^[^{WHITESPACE}]+$", "person/zelenskyy"),
    "plover": (rf"^[^{WHITESPACE}]+$", "GSR-1"),
}
_SCHEME_VALUES = {name: re.compile(pattern) for name, (pattern, _) in KNOWN_SCHEMES.items()}


@attrs.frozen(kw_only=True, weakref_slot=False)
class Identifier(Model):
    """An id of the same thing in another system: a Wikidata QID, a UCDP actor id, a PA-X id.

    Schemes in :data:`KNOWN_SCHEMES` have their values checked; any other
    scheme (lower-case letters, digits, ``_ . -``) takes any non-blank value.
    """

    schema_invariants = (
        *(
            implies(
                {"required": ["scheme"], "properties": {"scheme": {"const": scheme}}},
                {"properties": {"value": pattern_schema(pattern)}},
            )
            for scheme, (pattern, _) in KNOWN_SCHEMES.items()
        ),
        {
            "properties": {
                "value": {
                    "type": "string",
                    "not": {"pattern": f"^[{WHITESPACE}]|[{WHITESPACE}]$"},
                }
            }
        },
    )

    scheme: str = attrs.field(
        metadata=meta("The system, e.g. 'wikidata', 'ucdp_actor', 'pax', 'popolo'.", SCHEME)
    )
    value: str = attrs.field(metadata=meta("The id in that system, e.g. 'Q3874799'.", NON_EMPTY))

    def _check(self) -> list[Problem]:
        known = _SCHEME_VALUES.get(self.scheme) if type(self.scheme) is str else None
        if known is not None and not known.fullmatch(self.value):
            example = KNOWN_SCHEMES[self.scheme][1]
            expected = f"a {self.scheme} id like {example!r}"
            return [Problem(("value",), expected, describe(self.value))]
        if self.value != self.value.strip():
            return [Problem(("value",), "no spaces around the value", describe(self.value))]
        return []


class PlaceKind(enum.Enum):
    """What sort of place a :class:`Place` is."""

    COUNTRY = "country"
    REGION = "region"
    CITY = "city"
    DISTRICT = "district"
    BUILDING = "building"
    SEA = "sea"
    AREA = "area"
    """Any other stretch of land or water: a front line, a border zone."""


@attrs.frozen(kw_only=True, weakref_slot=False)
class Coordinates(Model):
    """A point on Earth in WGS 84 degrees."""

    latitude: float = attrs.field(metadata=meta("Degrees north, -90 to 90.", LATITUDE))
    longitude: float = attrs.field(metadata=meta("Degrees east, -180 to 180.", LONGITUDE))


@attrs.frozen(kw_only=True, weakref_slot=False)
class Place(Model):
    """A named place: a country, a city, a building, a sea."""

    name: str = attrs.field(metadata=meta("The place's name as the source gives it.", NON_EMPTY))
    kind: PlaceKind | None = attrs.field(
        default=None, metadata=meta("country, region, city, district, building, sea or area.")
    )
    country: str | None = attrs.field(
        default=None,
        metadata=meta("The ISO 3166-1 alpha-2 code of the country it is in, if any.", COUNTRY),
    )
    within: str | None = attrs.field(
        default=None,
        metadata=meta("A larger place it is part of, e.g. 'Riyadh' for a hotel.", NON_EMPTY),
    )
    coordinates: Coordinates | None = attrs.field(
        default=None, metadata=meta("Where it is, if known.")
    )
    identifiers: tuple[Identifier, ...] = attrs.field(
        default=(), metadata=meta("Ids of the place elsewhere: Wikidata, GeoNames.")
    )


@attrs.frozen(kw_only=True, weakref_slot=False)
class Citation(Model):
    """A source a record is based on: a news article, a dataset row, a transcript.

    The syndication chain is kept in order: Bloomberg News, distributed by
    Tribune Content Agency, published on ArcaMax.
    """

    schema_invariants = (
        any_of(given("publisher"), given("title"), given("url"), non_empty("identifiers")),
    )

    publisher: str | None = attrs.field(
        default=None, metadata=meta("Who published it, e.g. 'Bloomberg News'.", NON_EMPTY)
    )
    title: str | None = attrs.field(
        default=None, metadata=meta("The headline or title.", NON_EMPTY)
    )
    url: str | None = attrs.field(
        default=None, metadata=meta("Where it can be read: an absolute http(s) URL.", URL)
    )
    authors: tuple[str, ...] = attrs.field(
        default=(), metadata=meta("Bylined authors, in order.", NON_EMPTY)
    )
    contributors: tuple[str, ...] = attrs.field(
        default=(), metadata=meta("Others credited, e.g. 'with assistance from'.", NON_EMPTY)
    )
    distributed_by: tuple[str, ...] = attrs.field(
        default=(),
        metadata=meta("The syndication chain after the publisher, in order.", NON_EMPTY),
    )
    section: str | None = attrs.field(
        default=None, metadata=meta("The section it appeared in.", NON_EMPTY)
    )
    published: ReportedTime | None = attrs.field(
        default=None, metadata=meta("When it was published; inferred when not printed.")
    )
    retrieved: TimePoint | None = attrs.field(
        default=None, metadata=meta("When it was read or downloaded.")
    )
    language: str | None = attrs.field(
        default=None, metadata=meta("Its language, as a BCP 47 tag such as 'en'.", LANGUAGE)
    )
    rights: str | None = attrs.field(
        default=None, metadata=meta("Its copyright or licence notice.", NON_EMPTY)
    )
    basis: Basis = attrs.field(
        default=Basis.STATED,
        metadata=meta(
            "stated: the source says what the record records; inferred: the record is worked"
            " out from it; external: the source is another dataset or reference work."
        ),
    )
    identifiers: tuple[Identifier, ...] = attrs.field(
        default=(), metadata=meta("Ids of the source elsewhere: a dataset row, a DOI.")
    )

    def _check(self) -> list[Problem]:
        if (
            self.publisher is None
            and self.title is None
            and self.url is None
            and not self.identifiers
        ):
            return [Problem(("publisher",), "at least a publisher, title, url or identifier")]
        return []


_VALUE_FIELDS = ("text", "integer", "number", "boolean", "date")


@attrs.frozen(kw_only=True, weakref_slot=False)
class SourceValue(Model):
    """One cell of a source dataset that no other field holds, kept so an export gives it back.

    An importer keeps every column it has no typed home for (ETH/PRIO ``cf_pp``,
    PA-X provision columns...) under its dataset's name, typed as the
    dataset's codebook codes it: exactly one of ``text``, ``integer``,
    ``number``, ``boolean`` or ``date`` is given. ``row`` names the source row
    when a record was made from several rows (ETH/PRIO: one per declaring actor).
    """

    schema_invariants = ({"oneOf": [given(name) for name in _VALUE_FIELDS]},)

    dataset: str = attrs.field(
        metadata=meta("The source dataset, e.g. 'ethprio', 'pax', 'ucdp_peace'.", SCHEME)
    )
    column: str = attrs.field(metadata=meta("The column's name, as the file gives it.", NON_EMPTY))
    row: str | None = attrs.field(
        default=None,
        metadata=meta("The source row it is from: its id in the dataset, or 'line-N'.", NON_EMPTY),
    )
    text: str | None = attrs.field(
        default=None, metadata=meta("The cell, when the codebook makes it text.")
    )
    integer: int | None = attrs.field(
        default=None, metadata=meta("The cell, when it is a whole number (codes, counts, ids).")
    )
    number: float | None = attrs.field(
        default=None, metadata=meta("The cell, when it is a number with a fraction.")
    )
    boolean: bool | None = attrs.field(
        default=None, metadata=meta("The cell, when it is true or false.")
    )
    date: TimePoint | None = attrs.field(
        default=None, metadata=meta("The cell, when it is a date.")
    )

    def _check(self) -> list[Problem]:
        count = (
            (self.text is not None)
            + (self.integer is not None)
            + (self.number is not None)
            + (self.boolean is not None)
            + (self.date is not None)
        )
        if count == 1 and self.number is None:
            return []  # the usual case, checked without building anything
        given_fields = [name for name in _VALUE_FIELDS if getattr(self, name) is not None]
        if len(given_fields) != 1:
            got = ", ".join(given_fields) if given_fields else "none"
            expected = "exactly one of text, integer, number, boolean or date"
            return [Problem(("text",), expected, got)]
        if self.number is not None and (
            type(self.number) not in (int, float) or not math.isfinite(self.number)
        ):
            return [Problem(("number",), "a finite number", repr(self.number))]
        return []
