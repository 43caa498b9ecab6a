"""Proposals: terms put forward by someone to someone, and what became of them.

A signed agreement is a proposal that reached agreement: its :class:`Agreement`
names the signatories, witnesses and guarantors.
"""

from __future__ import annotations

import enum
from typing import ClassVar

import attrs

from peacetalks._base import Model, meta
from peacetalks._invariants import any_of, field_in, given, implies, non_empty
from peacetalks._rules import ID, NON_EMPTY
from peacetalks.common import Citation, Identifier, Place, SourceValue
from peacetalks.errors import Problem
from peacetalks.evidence import Evidence
from peacetalks.times import ReportedTime

__all__ = [
    "Agreement",
    "AgreementStage",
    "Condition",
    "Proposal",
    "ProposalStatus",
    "Response",
    "ResponseKind",
    "Signing",
    "Term",
    "TermTopic",
]


class TermTopic(enum.Enum):
    """What a :class:`Term` of a proposal is about."""

    CEASEFIRE = "ceasefire"
    CEASEFIRE_EXTENSION = "ceasefire_extension"
    ARMS_SUPPLIES = "arms_supplies"
    SANCTIONS = "sanctions"
    SECURITY_GUARANTEES = "security_guarantees"
    ALLIANCE_MEMBERSHIP = "alliance_membership"
    TERRITORY = "territory"
    TROOP_WITHDRAWAL = "troop_withdrawal"
    PEACEKEEPING = "peacekeeping"
    PRISONERS = "prisoners"
    HUMANITARIAN = "humanitarian"
    ECONOMIC = "economic"
    NATURAL_RESOURCES = "natural_resources"
    NUCLEAR_FACILITIES = "nuclear_facilities"
    ENERGY = "energy"
    SHIPPING = "shipping"
    ELECTIONS = "elections"
    GOVERNANCE = "governance"
    JUSTICE = "justice"
    MONITORING = "monitoring"
    MEETING = "meeting"
    """A meeting or summit between leaders."""
    OTHER = "other"


@attrs.frozen(kw_only=True, weakref_slot=False)
class Term(Model):
    """One term of a proposal: "an end to arms supplies for Ukraine"."""

    topic: TermTopic = attrs.field(metadata=meta("ceasefire, arms_supplies, territory..."))
    description: str = attrs.field(
        metadata=meta("The term in the source's words or a close summary.", NON_EMPTY)
    )
    obliges: tuple[str, ...] = attrs.field(
        default=(), metadata=meta("Ids of the actors the term would bind.", ID)
    )
    concerns: tuple[str, ...] = attrs.field(
        default=(),
        metadata=meta("Ids of records it concerns: the truce it sets up, the summit.", ID),
    )


@attrs.frozen(kw_only=True, weakref_slot=False)
class Condition(Model):
    """Something that must happen first: "no summit until a comprehensive peace deal"."""

    description: str = attrs.field(metadata=meta("The condition in the source's words.", NON_EMPTY))
    requires: tuple[str, ...] = attrs.field(
        default=(),
        metadata=meta("Ids of the proposals or truces that must be reached first.", ID),
    )
    set_by: tuple[str, ...] = attrs.field(
        default=(), metadata=meta("Ids of the actors who set the condition.", ID)
    )


class ResponseKind(enum.Enum):
    """A party's position on a proposal."""

    ACCEPTED = "accepted"
    CONDITIONAL = "conditional"
    """Accepted only if the response's conditions are met."""
    OPEN_TO_DISCUSSION = "open_to_discussion"
    UNDECIDED = "undecided"
    NOT_AGREED = "not_agreed"
    """Has not agreed, without rejecting: "hasn't agreed to any limits so far"."""
    NOT_ON_AGENDA = "not_on_agenda"
    DISPUTED = "disputed"
    REJECTED = "rejected"
    WITHDRAWN = "withdrawn"
    """Accepted earlier, then withdrew."""


@attrs.frozen(kw_only=True, weakref_slot=False)
class Response(Model):
    """One party's position on a proposal at one time. A party's positions over time are
    several responses."""

    schema_invariants = (
        implies(field_in("position", [ResponseKind.CONDITIONAL]), non_empty("conditions")),
    )

    party: str = attrs.field(metadata=meta("The id of the actor responding.", ID))
    position: ResponseKind = attrs.field(
        metadata=meta("accepted, rejected, open_to_discussion, not_agreed...")
    )
    when: ReportedTime | None = attrs.field(
        default=None, metadata=meta("When the position was taken or reported.")
    )
    conditions: tuple[Condition, ...] = attrs.field(
        default=(), metadata=meta("Conditions attached to the position.")
    )
    statement: str | None = attrs.field(
        default=None, metadata=meta("The id of the statement that gives the position.", ID)
    )

    def _check(self) -> list[Problem]:
        if self.position is ResponseKind.CONDITIONAL and not self.conditions:
            return [
                Problem(
                    ("conditions",), "at least one condition for a conditional position", "none"
                )
            ]
        return []


class ProposalStatus(enum.Enum):
    """Where a proposal stands, as of the source."""

    PROPOSED = "proposed"
    UNDER_DISCUSSION = "under_discussion"
    AGREED = "agreed"
    REJECTED = "rejected"
    WITHDRAWN = "withdrawn"
    SUPERSEDED = "superseded"
    COLLAPSED = "collapsed"
    """Agreed, then fell apart: the grain deal after Russia withdrew."""


class AgreementStage(enum.Enum):
    """The stage of a peace process an agreement belongs to (as PA-X classifies them)."""

    PRE_NEGOTIATION = "pre_negotiation"
    CEASEFIRE = "ceasefire"
    PARTIAL = "partial"
    """Substantive, settling some issues."""
    COMPREHENSIVE = "comprehensive"
    """Substantive, settling the conflict as a whole."""
    IMPLEMENTATION = "implementation"
    RENEWAL = "renewal"
    OTHER = "other"


class Signing(enum.Enum):
    """How an agreement was concluded (as PA-X records its status)."""

    MULTIPARTY = "multiparty"
    """Signed or agreed by several parties."""
    UNILATERAL = "unilateral"
    """A document issued by one party."""
    SUBSEQUENT = "subsequent"
    """Its status came later: initialled first, signed or endorsed afterwards."""
    UNCLEAR = "unclear"


@attrs.frozen(kw_only=True, weakref_slot=False)
class Agreement(Model):
    """How a proposal became an agreement: who signed, witnessed and guaranteed it."""

    reached: ReportedTime | None = attrs.field(
        default=None, metadata=meta("When it was agreed or signed.")
    )
    signatories: tuple[str, ...] = attrs.field(
        default=(), metadata=meta("Ids of the actors who signed or agreed.", ID)
    )
    witnesses: tuple[str, ...] = attrs.field(
        default=(), metadata=meta("Ids of the actors who witnessed it.", ID)
    )
    guarantors: tuple[str, ...] = attrs.field(
        default=(), metadata=meta("Ids of the actors who guarantee it.", ID)
    )
    mediators: tuple[str, ...] = attrs.field(
        default=(), metadata=meta("Ids of the actors who mediated it.", ID)
    )
    third_parties: tuple[str, ...] = attrs.field(
        default=(),
        metadata=meta("Ids of other actors named as third parties, with no role stated.", ID),
    )
    signing: Signing | None = attrs.field(
        default=None,
        metadata=meta("How it was concluded: multiparty, unilateral, subsequent or unclear."),
    )
    place: Place | None = attrs.field(default=None, metadata=meta("Where it was signed."))
    written: bool | None = attrs.field(
        default=None, metadata=meta("True for a written text, false for a verbal agreement.")
    )


_SETTLED = frozenset({ProposalStatus.AGREED, ProposalStatus.COLLAPSED, ProposalStatus.SUPERSEDED})


@attrs.frozen(kw_only=True, weakref_slot=False)
class Proposal(Model):
    """Terms put forward by someone to someone, with each party's response over time.

    Revised proposals point to the version they revise with ``revises``.
    """

    record_type: ClassVar[str | None] = "proposal"
    schema_invariants = (
        any_of(given("title"), non_empty("terms")),
        implies(given("agreement"), field_in("status", _SETTLED)),
    )
    schema_gaps = (
        "`revises` is not the proposal's own `id`: JSON Schema cannot compare two values.",
    )

    id: str = attrs.field(metadata=meta("This record's stable id.", ID))
    title: str | None = attrs.field(
        default=None, metadata=meta("A short name: 'Black Sea shipping ceasefire'.", NON_EMPTY)
    )
    proposed_by: tuple[str, ...] = attrs.field(
        default=(), metadata=meta("Ids of the actors who put it forward; empty if unknown.", ID)
    )
    addressed_to: tuple[str, ...] = attrs.field(
        default=(), metadata=meta("Ids of the actors it was put to.", ID)
    )
    proposed: ReportedTime | None = attrs.field(
        default=None, metadata=meta("When it was put forward.")
    )
    terms: tuple[Term, ...] = attrs.field(default=(), metadata=meta("What it proposes."))
    conditions: tuple[Condition, ...] = attrs.field(
        default=(), metadata=meta("What must happen first.")
    )
    deadline: ReportedTime | None = attrs.field(
        default=None, metadata=meta("The target date: 'by April 20'.")
    )
    status: ProposalStatus = attrs.field(
        default=ProposalStatus.PROPOSED, metadata=meta("proposed, under_discussion, agreed...")
    )
    responses: tuple[Response, ...] = attrs.field(
        default=(), metadata=meta("Each party's positions over time, in the order taken.")
    )
    revises: str | None = attrs.field(
        default=None, metadata=meta("The id of the earlier version this one revises.", ID)
    )
    stage: AgreementStage | None = attrs.field(
        default=None, metadata=meta("The stage of the peace process it belongs to.")
    )
    peace_process: str | None = attrs.field(
        default=None,
        metadata=meta(
            "The name of the peace process it belongs to: 'Bosnia peace process'.", NON_EMPTY
        ),
    )
    conflict: str | None = attrs.field(
        default=None,
        metadata=meta("The name of the conflict it addresses: 'Philippines/Mindanao'.", NON_EMPTY),
    )
    agreement: Agreement | None = attrs.field(
        default=None, metadata=meta("Present once it reached agreement.")
    )
    sources: tuple[Citation, ...] = attrs.field(
        default=(), metadata=meta("Where this record comes from.")
    )
    identifiers: tuple[Identifier, ...] = attrs.field(
        default=(), metadata=meta("Ids of the same proposal elsewhere: PA-X, UCDP.")
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
        if self.revises == self.id:
            problems.append(
                Problem(("revises",), "an earlier version, not this proposal", repr(self.id))
            )
        if self.title is None and not self.terms:
            problems.append(Problem(("terms",), "a title or at least one term", "neither"))
        if self.agreement is not None and self.status not in _SETTLED:
            problems.append(
                Problem(
                    ("status",),
                    "agreed, collapsed or superseded for a proposal with an agreement",
                    repr(self.status.value),
                )
            )
        return problems
