"""Actors: everyone and everything that speaks, proposes, agrees or is talked about.

States, governments, leaders, officials, envoys, delegations, organisations,
collectives and metonyms ("the Kremlin", "Kyiv and its allies"), analysts and
*unnamed* sources ("people familiar with the planning"), each with their names
in every script, their roles over time and their ids in other systems.
"""

from __future__ import annotations

import enum
from typing import ClassVar

import attrs

from peacetalks._base import Model, meta
from peacetalks._invariants import any_of, given, implies, missing, non_empty
from peacetalks._rules import COUNTRY, ID, LANGUAGE, NON_EMPTY, SCRIPT
from peacetalks.common import Citation, Identifier, SourceValue
from peacetalks.errors import Problem
from peacetalks.evidence import Evidence
from peacetalks.times import TimePoint, ends_before_start

__all__ = [
    "Actor",
    "ActorCategory",
    "Affiliation",
    "Anonymity",
    "Name",
    "NameKind",
    "Relation",
    "SourceCount",
]


class ActorCategory(enum.Enum):
    """What sort of actor an :class:`Actor` is."""

    PERSON = "person"
    GROUP = "group"
    """Several people spoken of together: "European officials", "people familiar with..."."""
    STATE = "state"
    GOVERNMENT = "government"
    """A government or its executive office: "the White House", "the Kremlin"."""
    GOVERNMENT_BODY = "government_body"
    """A ministry, agency, armed force or security service."""
    INTERNATIONAL_ORGANIZATION = "international_organization"
    ARMED_GROUP = "armed_group"
    POLITICAL_PARTY = "political_party"
    THINK_TANK = "think_tank"
    NEWS_ORGANIZATION = "news_organization"
    COMPANY = "company"
    CIVIL_SOCIETY = "civil_society"
    DELEGATION = "delegation"
    COALITION = "coalition"
    """States or groups acting together: "Kyiv and its allies"."""
    UNCLASSIFIED = "unclassified"
    """The source does not say what sort of actor it is (a dataset's free-text party list)."""


_COLLECTIVE = frozenset(ActorCategory) - {ActorCategory.PERSON}


class NameKind(enum.Enum):
    """How a :class:`Name` is used."""

    OFFICIAL = "official"
    COMMON = "common"
    SHORT = "short"
    ALIAS = "alias"
    TRANSLITERATION = "transliteration"
    """A spelling in another script: Zelenskyy, Zelensky, Selenskyj."""
    NATIVE = "native"
    """The name in the actor's own language and script: Зеленський."""
    FORMER = "former"
    METONYM = "metonym"
    """A place or building standing for the actor: "Kyiv", "the Kremlin"."""


@attrs.frozen(kw_only=True, weakref_slot=False)
class Name(Model):
    """One of an actor's names, in a language and script, possibly only for a time."""

    schema_gaps = ("`end` is not before `start`: JSON Schema cannot compare two values.",)

    text: str = attrs.field(metadata=meta("The name exactly as written.", NON_EMPTY))
    kind: NameKind | None = attrs.field(
        default=None, metadata=meta("official, common, short, alias, transliteration...")
    )
    language: str | None = attrs.field(
        default=None, metadata=meta("The language, as a BCP 47 tag such as 'uk'.", LANGUAGE)
    )
    script: str | None = attrs.field(
        default=None, metadata=meta("The script, as an ISO 15924 code such as 'Cyrl'.", SCRIPT)
    )
    start: TimePoint | None = attrs.field(
        default=None, metadata=meta("When the name came into use, if it matters.")
    )
    end: TimePoint | None = attrs.field(
        default=None, metadata=meta("When the name went out of use, if it did.")
    )

    def _check(self) -> list[Problem]:
        if ends_before_start(self.start, self.end):
            return [Problem(("end",), f"an end not before the start {self.start}", str(self.end))]
        return []


class Relation(enum.Enum):
    """How an actor is tied to an organisation in an :class:`Affiliation`."""

    LEADER = "leader"
    MEMBER = "member"
    OFFICIAL = "official"
    SPOKESPERSON = "spokesperson"
    ENVOY = "envoy"
    ADVISER = "adviser"
    REPRESENTATIVE = "representative"
    EMPLOYEE = "employee"
    PART_OF = "part_of"
    """An office or body within a larger one: the White House within the US government."""
    ALLY = "ally"
    FAMILIAR_WITH = "familiar_with"
    """Knows its thinking without speaking for it: "familiar with the Kremlin's thinking"."""


@attrs.frozen(kw_only=True, weakref_slot=False)
class Affiliation(Model):
    """A tie to another actor, with the role held and when.

    "Russia's Defense Minister" is an affiliation to Russia with relation
    ``official`` and role ``"Defense Minister"``.
    """

    schema_gaps = ("`end` is not before `start`: JSON Schema cannot compare two values.",)

    organization: str = attrs.field(metadata=meta("The id of the actor affiliated with.", ID))
    relation: Relation = attrs.field(
        metadata=meta("leader, member, official, spokesperson, envoy, familiar_with...")
    )
    role: str | None = attrs.field(
        default=None, metadata=meta("The title as the source gives it: 'special envoy'.", NON_EMPTY)
    )
    start: TimePoint | None = attrs.field(default=None, metadata=meta("When it began, if known."))
    end: TimePoint | None = attrs.field(default=None, metadata=meta("When it ended, if it has."))

    def _check(self) -> list[Problem]:
        if ends_before_start(self.start, self.end):
            return [Problem(("end",), f"an end not before the start {self.start}", str(self.end))]
        return []


class SourceCount(enum.Enum):
    """How many people stand behind an unnamed source."""

    ONE = "one"
    """As in "a person familiar with..."."""
    SEVERAL = "several"
    """As in "people familiar with..."."""
    UNKNOWN = "unknown"


@attrs.frozen(kw_only=True, weakref_slot=False)
class Anonymity(Model):
    """Why and how a source is not named."""

    reason: str | None = attrs.field(
        default=None,
        metadata=meta(
            "The reason the source gives, e.g. 'to discuss matters that aren't public'.", NON_EMPTY
        ),
    )
    asked_not_to_be_named: bool | None = attrs.field(
        default=None, metadata=meta("True when the source says they asked not to be identified.")
    )
    how_many: SourceCount = attrs.field(
        default=SourceCount.UNKNOWN, metadata=meta("one, several or unknown.")
    )


@attrs.frozen(kw_only=True, weakref_slot=False)
class Actor(Model):
    """Anyone who speaks, proposes, agrees, mediates or is talked about.

    An unnamed source has no ``name``: it has the ``description`` the source
    gives ("people familiar with the planning"), its ``anonymity`` and its
    ``affiliations``.
    """

    record_type: ClassVar[str | None] = "actor"
    schema_invariants = (
        any_of(given("name"), given("description")),
        implies(given("anonymity"), missing("name")),
        implies(
            non_empty("members"),
            {"properties": {"category": {"not": {"const": ActorCategory.PERSON.value}}}},
        ),
    )
    schema_gaps = (
        "`members` does not include the actor's own `id`: JSON Schema cannot compare two values.",
    )

    id: str = attrs.field(metadata=meta("This record's stable id.", ID))
    category: ActorCategory = attrs.field(
        metadata=meta("person, group, state, government, delegation, think_tank...")
    )
    name: str | None = attrs.field(
        default=None,
        metadata=meta("The name the source uses; absent for an unnamed source.", NON_EMPTY),
    )
    description: str | None = attrs.field(
        default=None,
        metadata=meta(
            "How the source describes the actor: 'people familiar with the planning',"
            " 'the city's mayor'.",
            NON_EMPTY,
        ),
    )
    names: tuple[Name, ...] = attrs.field(
        default=(), metadata=meta("Other names: spellings, scripts, aliases, metonyms.")
    )
    country: str | None = attrs.field(
        default=None,
        metadata=meta(
            "The country the actor is, or belongs to, as an ISO 3166-1 alpha-2 code.", COUNTRY
        ),
    )
    affiliations: tuple[Affiliation, ...] = attrs.field(
        default=(), metadata=meta("Roles and ties to other actors, over time.")
    )
    members: tuple[str, ...] = attrs.field(
        default=(),
        metadata=meta("Ids of the actors a group, coalition or delegation is made of.", ID),
    )
    anonymity: Anonymity | None = attrs.field(
        default=None, metadata=meta("Present when the source does not name the actor.")
    )
    sources: tuple[Citation, ...] = attrs.field(
        default=(), metadata=meta("Where this record comes from.")
    )
    identifiers: tuple[Identifier, ...] = attrs.field(
        default=(), metadata=meta("Ids of the same actor elsewhere: Wikidata, UCDP, Popolo.")
    )
    source_columns: tuple[SourceValue, ...] = attrs.field(
        default=(),
        metadata=meta("Cells of the source dataset no other field holds, kept for an export."),
    )
    evidence: tuple[Evidence, ...] = attrs.field(
        default=(), metadata=meta("The spans of the source it rests on, and who extracted it.")
    )

    def _check(self) -> list[Problem]:
        problems = []
        if self.name is None and self.description is None:
            problems.append(Problem(("name",), "a name, or a description for an unnamed actor"))
        if self.anonymity is not None and self.name is not None:
            problems.append(
                Problem(("name",), "no name for an actor with anonymity", repr(self.name))
            )
        if self.members and self.category not in _COLLECTIVE:
            problems.append(
                Problem(("members",), "no members for a person", f"{len(self.members)} members")
            )
        if self.id in self.members:
            problems.append(
                Problem(("members",), "members other than the actor itself", repr(self.id))
            )
        return problems
