"""Truces: ceasefires, limited truces and their lives, from proposal to collapse."""

from __future__ import annotations

import enum
from typing import ClassVar

import attrs

from peacetalks._base import Model, meta
from peacetalks._invariants import given, implies
from peacetalks._rules import ID, NON_EMPTY
from peacetalks.common import Citation, Identifier, Place, SourceValue
from peacetalks.errors import Problem
from peacetalks.evidence import Evidence
from peacetalks.times import Duration, ReportedTime, ends_before_start

__all__ = [
    "Activity",
    "Consent",
    "Enforcement",
    "Extent",
    "Purpose",
    "Scope",
    "Target",
    "Truce",
    "TruceCategory",
    "TruceEvent",
    "TruceEventKind",
    "TruceLink",
    "TruceLinkKind",
    "TruceParty",
]


class Extent(enum.Enum):
    """Whether a truce covers all hostilities or only some."""

    COMPREHENSIVE = "comprehensive"
    PARTIAL = "partial"


class Activity(enum.Enum):
    """A kind of hostile action a truce stops."""

    ALL_HOSTILITIES = "all_hostilities"
    STRIKES = "strikes"
    AIR_STRIKES = "air_strikes"
    DRONE_STRIKES = "drone_strikes"
    MISSILE_STRIKES = "missile_strikes"
    ARTILLERY = "artillery"
    GROUND_OFFENSIVES = "ground_offensives"
    NAVAL_ATTACKS = "naval_attacks"
    ATTACKS_ON_SHIPPING = "attacks_on_shipping"


class Target(enum.Enum):
    """A category of target a truce protects."""

    ENERGY_INFRASTRUCTURE = "energy_infrastructure"
    CRITICAL_INFRASTRUCTURE = "critical_infrastructure"
    CIVILIAN_AREAS = "civilian_areas"
    SHIPS = "ships"
    PORTS = "ports"
    MILITARY_TARGETS = "military_targets"
    NUCLEAR_FACILITIES = "nuclear_facilities"
    HUMANITARIAN_OPERATIONS = "humanitarian_operations"


@attrs.frozen(kw_only=True, weakref_slot=False)
class Scope(Model):
    """What a truce covers: everything, or only some activities, targets and areas.

    "A 30-day truce on strikes against energy sites" is a partial scope with
    activity ``strikes`` and target ``energy_infrastructure``. A partial scope
    with empty lists and no words is a partial truce whose limits the source
    does not give: unknown, not made up.
    """

    extent: Extent = attrs.field(metadata=meta("comprehensive or partial."))
    activities: tuple[Activity, ...] = attrs.field(
        default=(),
        metadata=meta("The hostile actions it is limited to; empty if none are named."),
    )
    targets: tuple[Target, ...] = attrs.field(
        default=(), metadata=meta("The targets it is limited to; empty if none are named.")
    )
    areas: tuple[Place, ...] = attrs.field(
        default=(), metadata=meta("The areas it is limited to; empty if none are named.")
    )
    words: str | None = attrs.field(
        default=None,
        metadata=meta("The source's words: 'strikes against energy sites'.", NON_EMPTY),
    )


class Consent(enum.Enum):
    """How a party agreed to a truce."""

    SIGNED_AGREEMENT = "signed_agreement"
    JOINT_STATEMENT = "joint_statement"
    PHONE_CALL = "phone_call"
    MEETING = "meeting"
    UNILATERAL_DECLARATION = "unilateral_declaration"
    THROUGH_MEDIATOR = "through_mediator"


@attrs.frozen(kw_only=True, weakref_slot=False)
class TruceParty(Model):
    """A party to a truce and how and when it consented.

    A truce agreed in separate phone calls with a mediator has one party per
    call, each with ``consent="phone_call"`` and that call's venue.
    """

    actor: str = attrs.field(metadata=meta("The id of the party.", ID))
    consent: Consent | None = attrs.field(
        default=None, metadata=meta("How it agreed: phone_call, signed_agreement...")
    )
    consented: ReportedTime | None = attrs.field(default=None, metadata=meta("When it agreed."))
    venue: str | None = attrs.field(
        default=None, metadata=meta("The id of the call or talks where it agreed.", ID)
    )


class Purpose(enum.Enum):
    """Why a truce was declared (as the ETH/PRIO ceasefire dataset codes it)."""

    HUMANITARIAN = "humanitarian"
    PEACE_PROCESS = "peace_process"
    HOLIDAY = "holiday"
    ELECTION = "election"
    OTHER = "other"
    UNCLEAR = "unclear"


class Enforcement(enum.Enum):
    """Who enforces a truce."""

    NONE = "none"
    PARTIES = "parties"
    THIRD_STATE = "third_state"
    INTERNATIONAL_ORGANIZATION = "international_organization"


class TruceCategory(enum.Enum):
    """How far a truce goes (the ETH/PRIO ceasefire dataset's ceasefire class)."""

    CESSATION_OF_HOSTILITIES = "cessation_of_hostilities"
    """A halt to fighting and nothing more."""
    WITH_COMPLIANCE_MEASURES = "with_compliance_measures"
    """A halt to fighting with measures to check or keep compliance."""
    DEFINITIVE = "definitive"
    """Meant to end the conflict for good, as part of a settlement."""


class TruceEventKind(enum.Enum):
    """Something that happens in a truce's life."""

    PROPOSED = "proposed"
    AGREED = "agreed"
    ANNOUNCED = "announced"
    TOOK_EFFECT = "took_effect"
    EXTENSION_PROPOSED = "extension_proposed"
    """A wider scope or longer duration was proposed: the Black Sea extension."""
    EXTENDED = "extended"
    RENEWED = "renewed"
    SUSPENDED = "suspended"
    RESUMED = "resumed"
    VIOLATION_ALLEGED = "violation_alleged"
    WITHDRAWAL = "withdrawal"
    EXPIRED = "expired"
    COLLAPSED = "collapsed"
    ENDED = "ended"
    SUPERSEDED = "superseded"


@attrs.frozen(kw_only=True, weakref_slot=False)
class TruceEvent(Model):
    """One event in a truce's life.

    ``actors`` did it (proposed, withdrew, are alleged to have violated);
    ``reported_by`` said it happened (announced it, made the allegation).
    """

    kind: TruceEventKind = attrs.field(metadata=meta("proposed, took_effect, violation_alleged..."))
    when: ReportedTime | None = attrs.field(default=None, metadata=meta("When it happened."))
    actors: tuple[str, ...] = attrs.field(
        default=(), metadata=meta("Ids of the actors who did it, or are said to have.", ID)
    )
    reported_by: tuple[str, ...] = attrs.field(
        default=(),
        metadata=meta("Ids of the actors who said it happened or made the allegation.", ID),
    )
    scope: Scope | None = attrs.field(
        default=None, metadata=meta("The new or proposed scope, for an extension.")
    )
    duration: Duration | None = attrs.field(
        default=None, metadata=meta("The new or proposed duration, for an extension or renewal.")
    )
    statement: str | None = attrs.field(
        default=None, metadata=meta("The id of the statement that reports it.", ID)
    )
    proposal: str | None = attrs.field(
        default=None, metadata=meta("The id of the proposal behind it, for an extension.", ID)
    )
    words: str | None = attrs.field(
        default=None, metadata=meta("The source's words for the event.", NON_EMPTY)
    )


class TruceLinkKind(enum.Enum):
    """How one truce relates to another."""

    EXTENDS = "extends"
    RENEWS = "renews"
    REPLACES = "replaces"
    FOLLOWS = "follows"
    RELATED = "related"


@attrs.frozen(kw_only=True, weakref_slot=False)
class TruceLink(Model):
    """A link from a truce to another truce."""

    relation: TruceLinkKind = attrs.field(
        metadata=meta("extends, renews, replaces, follows, related.")
    )
    truce: str = attrs.field(metadata=meta("The id of the other truce.", ID))


@attrs.frozen(kw_only=True, weakref_slot=False)
class Truce(Model):
    """A ceasefire or limited truce: parties, scope, duration, dates and life events.

    ``declared``, ``effective`` and ``ends`` are often partial or unknown:
    record them as the source gives them.
    """

    record_type: ClassVar[str | None] = "truce"
    schema_invariants = (
        implies(
            given("other_purpose"),
            {
                "required": ["purposes"],
                "properties": {
                    "purposes": {"type": "array", "contains": {"const": Purpose.OTHER.value}}
                },
            },
        ),
    )
    schema_gaps = (
        "`ends` is not before `declared` or `effective`: JSON Schema cannot compare two values.",
        "Each actor is a party once: JSON Schema can require whole array items to be unique,"
        " not one key of them.",
        "`links` do not point to the truce's own `id`: JSON Schema cannot compare two values.",
    )

    id: str = attrs.field(metadata=meta("This record's stable id.", ID))
    name: str | None = attrs.field(
        default=None, metadata=meta("A short name: 'energy infrastructure truce'.", NON_EMPTY)
    )
    parties: tuple[TruceParty, ...] = attrs.field(
        default=(), metadata=meta("The parties, with how and when each consented.")
    )
    announced_by: tuple[str, ...] = attrs.field(
        default=(), metadata=meta("Ids of the actors who announced it.", ID)
    )
    mediators: tuple[str, ...] = attrs.field(
        default=(), metadata=meta("Ids of the actors who mediated it.", ID)
    )
    scope: Scope | None = attrs.field(default=None, metadata=meta("What it covers."))
    duration: Duration | None = attrs.field(default=None, metadata=meta("How long it is to last."))
    declared: ReportedTime | None = attrs.field(
        default=None, metadata=meta("When it was declared or agreed.")
    )
    effective: ReportedTime | None = attrs.field(
        default=None, metadata=meta("When it took effect.")
    )
    ends: ReportedTime | None = attrs.field(
        default=None, metadata=meta("When it ended or is due to end.")
    )
    purposes: tuple[Purpose, ...] = attrs.field(
        default=(), metadata=meta("Why it was declared: humanitarian, peace_process...")
    )
    other_purpose: str | None = attrs.field(
        default=None,
        metadata=meta("What the purpose is, when purposes include 'other'.", NON_EMPTY),
    )
    written: bool | None = attrs.field(
        default=None, metadata=meta("True for a written agreement, false for a verbal one.")
    )
    monitored_by: tuple[str, ...] = attrs.field(
        default=(), metadata=meta("Ids of the actors who monitor it.", ID)
    )
    enforcement: Enforcement | None = attrs.field(
        default=None, metadata=meta("Who enforces it: none, parties, third_state...")
    )
    category: TruceCategory | None = attrs.field(
        default=None,
        metadata=meta("cessation_of_hostilities, with_compliance_measures or definitive."),
    )
    implementation_mechanism: bool | None = attrs.field(
        default=None,
        metadata=meta(
            "True when the parties agreed a way to carry it out: monitoring, verification,"
            " separation of forces, a complaints procedure or a joint committee."
        ),
    )
    disarmament: bool | None = attrs.field(
        default=None,
        metadata=meta(
            "True when it provides for disarmament, demobilisation and reintegration of fighters."
        ),
    )
    events: tuple[TruceEvent, ...] = attrs.field(
        default=(), metadata=meta("What happened to it, in order.")
    )
    links: tuple[TruceLink, ...] = attrs.field(
        default=(), metadata=meta("Other truces it extends, renews, replaces or follows.")
    )
    proposal: str | None = attrs.field(
        default=None, metadata=meta("The id of the proposal or agreement that set it up.", ID)
    )
    sources: tuple[Citation, ...] = attrs.field(
        default=(), metadata=meta("Where this record comes from.")
    )
    identifiers: tuple[Identifier, ...] = attrs.field(
        default=(), metadata=meta("Ids of the same truce elsewhere: ETH/PRIO, PA-X.")
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
        for start_name in ("declared", "effective"):
            start = getattr(self, start_name)
            if ends_before_start(start, self.ends):
                problems.append(
                    Problem(("ends",), f"an end not before the {start_name} time", "an earlier end")
                )
        if self.other_purpose is not None and Purpose.OTHER not in self.purposes:
            problems.append(
                Problem(
                    ("other_purpose",),
                    "no other_purpose unless purposes include 'other'",
                    repr(self.other_purpose),
                )
            )
        seen: set[str] = set()
        for index, party in enumerate(self.parties):
            if party.actor in seen:
                problems.append(
                    Problem(("parties", index, "actor"), "each party once", repr(party.actor))
                )
            seen.add(party.actor)
        if any(link.truce == self.id for link in self.links):
            problems.append(
                Problem(("links",), "links to truces other than this one", repr(self.id))
            )
        return problems
