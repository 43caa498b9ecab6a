"""Venues: where and how talks happen, from a summit to a phone call."""

from __future__ import annotations

import enum
from typing import ClassVar

import attrs

from peacetalks._base import Model, meta
from peacetalks._invariants import field_in, given, implies, never
from peacetalks._rules import HEADCOUNT, ID, NON_EMPTY, describe
from peacetalks.common import Citation, Identifier, Place, SourceValue
from peacetalks.errors import Problem
from peacetalks.evidence import Evidence
from peacetalks.times import Duration, ReportedTime

__all__ = ["Delegation", "Format", "Outcome", "Rank", "Venue", "VenueStatus"]


class Format(enum.Enum):
    """How talks are held. A venue may combine several: parallel technical talks."""

    DIRECT = "direct"
    """The parties meet face to face."""
    PARALLEL = "parallel"
    """A mediator meets each party separately in the same place and time."""
    PROXIMITY = "proximity"
    """The parties are in one place but do not meet; a mediator carries messages."""
    SHUTTLE = "shuttle"
    """A mediator travels between the parties."""
    SUMMIT = "summit"
    PHONE_CALL = "phone_call"
    VIDEO_CALL = "video_call"
    TECHNICAL = "technical"
    """Officials and experts working out details."""
    MULTILATERAL = "multilateral"


_REMOTE = frozenset({Format.PHONE_CALL, Format.VIDEO_CALL})


class Rank(enum.Enum):
    """The level of a delegation."""

    LEADERS = "leaders"
    """Heads of state or government."""
    MINISTERIAL = "ministerial"
    SENIOR_OFFICIALS = "senior_officials"
    WORKING_LEVEL = "working_level"
    """As in "lower-level officials" or technical staff."""
    MIXED = "mixed"


@attrs.frozen(kw_only=True, weakref_slot=False)
class Delegation(Model):
    """A party's delegation to talks: "his defense minister and two top presidential aides"."""

    schema_gaps = (
        "`size` is at least the number of `members`: JSON Schema cannot compare two values.",
        "`head` is one of the `members`, when members are listed: JSON Schema cannot compare"
        " two values.",
    )

    sent_by: str = attrs.field(metadata=meta("The id of the actor who sent it.", ID))
    members: tuple[str, ...] = attrs.field(
        default=(), metadata=meta("Ids of the members the source identifies.", ID)
    )
    head: str | None = attrs.field(
        default=None, metadata=meta("The id of the member who leads it.", ID)
    )
    rank: Rank | None = attrs.field(
        default=None, metadata=meta("leaders, ministerial, senior_officials, working_level, mixed.")
    )
    size: int | None = attrs.field(
        default=None, metadata=meta("How many members, when the source says.", HEADCOUNT)
    )
    description: str | None = attrs.field(
        default=None,
        metadata=meta("The source's words: 'lower-level officials'.", NON_EMPTY),
    )

    def _check(self) -> list[Problem]:
        problems = []
        if type(self.size) is int and 1 <= self.size < len(self.members):
            expected = f"a whole number of at least {len(self.members)}"
            problems.append(Problem(("size",), expected, describe(self.size)))
        if self.head is not None and self.members and self.head not in self.members:
            problems.append(Problem(("head",), "one of the members", repr(self.head)))
        return problems


class VenueStatus(enum.Enum):
    """Whether talks have happened, as of the source."""

    PLANNED = "planned"
    ONGOING = "ongoing"
    HELD = "held"
    POSTPONED = "postponed"
    CANCELLED = "cancelled"


class Outcome(enum.Enum):
    """What talks achieved."""

    AGREEMENT = "agreement"
    PARTIAL_AGREEMENT = "partial_agreement"
    NO_AGREEMENT = "no_agreement"


@attrs.frozen(kw_only=True, weakref_slot=False)
class Venue(Model):
    """Where and how talks happen: a place, or none at all for a phone call.

    Past venues (Istanbul, March 2022) are recorded as fully as planned ones.
    """

    record_type: ClassVar[str | None] = "venue"
    schema_invariants = (
        never(
            {
                "required": ["place", "formats"],
                "properties": {
                    "place": {"not": {"type": "null"}},
                    "formats": {
                        "type": "array",
                        "minItems": 1,
                        "items": {"enum": sorted(f.value for f in _REMOTE)},
                    },
                },
            }
        ),
        implies(given("outcome"), field_in("status", [VenueStatus.HELD, VenueStatus.ONGOING])),
    )
    schema_gaps = ("`part_of` is not the venue's own `id`: JSON Schema cannot compare two values.",)

    id: str = attrs.field(metadata=meta("This record's stable id.", ID))
    name: str | None = attrs.field(
        default=None, metadata=meta("A short name: 'Istanbul talks'.", NON_EMPTY)
    )
    formats: tuple[Format, ...] = attrs.field(
        default=(), metadata=meta("How the talks are held: direct, parallel, phone_call...")
    )
    place: Place | None = attrs.field(
        default=None, metadata=meta("Where; absent for a call, or when the source does not say.")
    )
    status: VenueStatus | None = attrs.field(
        default=None, metadata=meta("planned, ongoing, held, postponed or cancelled.")
    )
    when: ReportedTime | None = attrs.field(
        default=None, metadata=meta("When the talks happen or happened.")
    )
    duration: Duration | None = attrs.field(
        default=None, metadata=meta("How long they lasted: 'a two-hour phone call'.")
    )
    hosts: tuple[str, ...] = attrs.field(default=(), metadata=meta("Ids of the hosts.", ID))
    mediators: tuple[str, ...] = attrs.field(default=(), metadata=meta("Ids of the mediators.", ID))
    participants: tuple[str, ...] = attrs.field(
        default=(), metadata=meta("Ids of the actors taking part, e.g. both ends of a call.", ID)
    )
    delegations: tuple[Delegation, ...] = attrs.field(
        default=(), metadata=meta("The delegations present and their rank.")
    )
    agenda: tuple[str, ...] = attrs.field(
        default=(), metadata=meta("Ids of the proposals and truces on the table.", ID)
    )
    outcome: Outcome | None = attrs.field(
        default=None, metadata=meta("agreement, partial_agreement or no_agreement.")
    )
    part_of: str | None = attrs.field(
        default=None, metadata=meta("The id of a larger round of talks it belongs to.", ID)
    )
    sources: tuple[Citation, ...] = attrs.field(
        default=(), metadata=meta("Where this record comes from.")
    )
    identifiers: tuple[Identifier, ...] = attrs.field(
        default=(), metadata=meta("Ids of the same talks elsewhere.")
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
        if self.place is not None and self.formats and set(self.formats) <= _REMOTE:
            problems.append(
                Problem(
                    ("place",), "no place for talks held only by phone or video", self.place.name
                )
            )
        if self.part_of == self.id:
            problems.append(Problem(("part_of",), "a venue other than this one", repr(self.id)))
        if self.outcome is not None and self.status not in (VenueStatus.HELD, VenueStatus.ONGOING):
            shown = "no status" if self.status is None else repr(self.status.value)
            problems.append(
                Problem(("status",), "'held' or 'ongoing' for talks with an outcome", shown)
            )
        return problems
