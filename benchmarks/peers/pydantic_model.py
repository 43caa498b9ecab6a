"""The peacetalks model as pydantic v2 models, as strict as pydantic allows.

Strict types (no coercion: ``"5"`` is not ``5``, ``true`` is not ``1``), unknown
keys forbidden, NaN and Infinity refused, peacetalks' own patterns for ids,
languages, scripts, schemes, URLs, zones and time points (the exact pattern,
which checks the calendar), country codes and enum values as literals, number
ranges as bounds, and every cross-field rule as an ``after`` model validator
(:mod:`peers.rules`). Differences, none of which the corpus exercises:

* repeated keys in a JSON object: pydantic keeps the last, peacetalks refuses;
* integers beyond the range of a 64-bit float: pydantic accepts them;
* enum values and time points stay strings (peacetalks builds enum members
  and :class:`~peacetalks.TimePoint` objects);
* the rules that compare two time points use plain spans (peacetalks also
  widens a span by its relation: ``by``, ``after``...).
"""

from __future__ import annotations

import enum
from typing import Annotated, Any, Literal, Union

from pydantic import BaseModel, ConfigDict, Field, StringConstraints, TypeAdapter, model_validator

import peacetalks as pt

from . import rules

__all__ = ["DocumentAdapter", "RecordAdapter", "dump_document", "dump_record"]


def _choice(cls: type[enum.Enum]) -> Any:
    return Literal[tuple(member.value for member in cls)]  # type: ignore[misc]


def _pattern(pattern: str) -> Any:
    return Annotated[str, StringConstraints(pattern=pattern)]


Id = _pattern(rules.ID)
Text = _pattern(rules.NON_EMPTY)
Language = _pattern(rules.LANGUAGE)
Script = _pattern(rules.SCRIPT)
Url = _pattern(rules.URL)
Scheme = _pattern(rules.SCHEME)
Zone = _pattern(rules.ZONE)
Point = _pattern(rules.TIME_POINT)
Country = Literal[rules.COUNTRIES]  # type: ignore[valid-type]


class Base(BaseModel):
    model_config = ConfigDict(
        strict=True, extra="forbid", frozen=True, allow_inf_nan=False, regex_engine="rust-regex"
    )


class Identifier(Base):
    scheme: Scheme
    value: Text

    @model_validator(mode="after")
    def _rules(self) -> Identifier:
        rules.check_identifier(self)
        return self


class ReportedTime(Base):
    words: Text | None = None
    earliest: Point | None = None
    latest: Point | None = None
    relation: _choice(pt.TimeRelation) = "within"
    zone: Zone | None = None
    reference: Point | None = None
    basis: _choice(pt.Basis) = "stated"
    approximate: bool = False

    @model_validator(mode="after")
    def _rules(self) -> ReportedTime:
        rules.check_reported_time(self)
        return self


class Citation(Base):
    publisher: Text | None = None
    title: Text | None = None
    url: Url | None = None
    authors: tuple[Text, ...] = ()
    contributors: tuple[Text, ...] = ()
    distributed_by: tuple[Text, ...] = ()
    section: Text | None = None
    published: ReportedTime | None = None
    retrieved: Point | None = None
    language: Language | None = None
    rights: Text | None = None
    basis: _choice(pt.Basis) = "stated"
    identifiers: tuple[Identifier, ...] = ()

    @model_validator(mode="after")
    def _rules(self) -> Citation:
        rules.check_citation(self)
        return self


class Coordinates(Base):
    latitude: Annotated[float, Field(ge=-90, le=90)]
    longitude: Annotated[float, Field(ge=-180, le=180)]


class Place(Base):
    name: Text
    kind: _choice(pt.PlaceKind) | None = None
    country: Country | None = None
    within: Text | None = None
    coordinates: Coordinates | None = None
    identifiers: tuple[Identifier, ...] = ()


class Name(Base):
    text: Text
    kind: _choice(pt.NameKind) | None = None
    language: Language | None = None
    script: Script | None = None
    start: Point | None = None
    end: Point | None = None

    @model_validator(mode="after")
    def _rules(self) -> Name:
        rules.check_span(self.start, self.end)
        return self


class Affiliation(Base):
    organization: Id
    relation: _choice(pt.Relation)
    role: Text | None = None
    start: Point | None = None
    end: Point | None = None

    @model_validator(mode="after")
    def _rules(self) -> Affiliation:
        rules.check_span(self.start, self.end)
        return self


class Anonymity(Base):
    reason: Text | None = None
    asked_not_to_be_named: bool | None = None
    how_many: _choice(pt.SourceCount) = "unknown"


class Actor(Base):
    type: Literal["actor"]
    id: Id
    category: _choice(pt.ActorCategory)
    name: Text | None = None
    description: Text | None = None
    names: tuple[Name, ...] = ()
    country: Country | None = None
    affiliations: tuple[Affiliation, ...] = ()
    members: tuple[Id, ...] = ()
    anonymity: Anonymity | None = None
    sources: tuple[Citation, ...] = ()
    identifiers: tuple[Identifier, ...] = ()

    @model_validator(mode="after")
    def _rules(self) -> Actor:
        rules.check_actor(self)
        return self


class Channel(Base):
    medium: _choice(pt.Medium)
    outlet: Text | None = None
    program: Text | None = None
    interviewer: Text | None = None
    published_on: tuple[Text, ...] = ()


class Quantity(Base):
    value: int | float
    unit: Text
    qualifier: _choice(pt.Qualifier) = "exactly"
    upper: int | float | None = None
    words: Text | None = None

    @model_validator(mode="after")
    def _rules(self) -> Quantity:
        rules.check_quantity(self)
        return self


class Claim(Base):
    subject: Text
    quantity: Quantity | None = None
    period: ReportedTime | None = None
    place: Place | None = None


class Statement(Base):
    type: Literal["statement"]
    id: Id
    speaker: Id
    quotation: _choice(pt.Quotation)
    text: Text
    language: Language | None = None
    addressed_to: tuple[Id, ...] = ()
    said: ReportedTime | None = None
    reported: ReportedTime | None = None
    channel: Channel | None = None
    place: Place | None = None
    venue: Id | None = None
    about: tuple[Id, ...] = ()
    stance: _choice(pt.Stance) | None = None
    disputes: tuple[Id, ...] = ()
    claims: tuple[Claim, ...] = ()
    sources: tuple[Citation, ...] = ()
    identifiers: tuple[Identifier, ...] = ()

    @model_validator(mode="after")
    def _rules(self) -> Statement:
        rules.check_statement(self)
        return self


class Term(Base):
    topic: _choice(pt.TermTopic)
    description: Text
    obliges: tuple[Id, ...] = ()
    concerns: tuple[Id, ...] = ()


class Condition(Base):
    description: Text
    requires: tuple[Id, ...] = ()
    set_by: tuple[Id, ...] = ()


class Response(Base):
    party: Id
    position: _choice(pt.ResponseKind)
    when: ReportedTime | None = None
    conditions: tuple[Condition, ...] = ()
    statement: Id | None = None

    @model_validator(mode="after")
    def _rules(self) -> Response:
        rules.check_response(self)
        return self


class Agreement(Base):
    reached: ReportedTime | None = None
    signatories: tuple[Id, ...] = ()
    witnesses: tuple[Id, ...] = ()
    guarantors: tuple[Id, ...] = ()
    mediators: tuple[Id, ...] = ()
    third_parties: tuple[Id, ...] = ()
    signing: _choice(pt.Signing) | None = None
    place: Place | None = None
    written: bool | None = None


class Proposal(Base):
    type: Literal["proposal"]
    id: Id
    title: Text | None = None
    proposed_by: tuple[Id, ...] = ()
    addressed_to: tuple[Id, ...] = ()
    proposed: ReportedTime | None = None
    terms: tuple[Term, ...] = ()
    conditions: tuple[Condition, ...] = ()
    deadline: ReportedTime | None = None
    status: _choice(pt.ProposalStatus) = "proposed"
    responses: tuple[Response, ...] = ()
    revises: Id | None = None
    stage: _choice(pt.AgreementStage) | None = None
    peace_process: Text | None = None
    conflict: Text | None = None
    agreement: Agreement | None = None
    sources: tuple[Citation, ...] = ()
    identifiers: tuple[Identifier, ...] = ()

    @model_validator(mode="after")
    def _rules(self) -> Proposal:
        rules.check_proposal(self)
        return self


class Duration(Base):
    kind: _choice(pt.DurationKind) = "fixed"
    amount: Annotated[int, Field(ge=0)] | None = None
    unit: _choice(pt.TimeUnit) | None = None
    words: Text | None = None
    approximate: bool = False

    @model_validator(mode="after")
    def _rules(self) -> Duration:
        rules.check_duration(self)
        return self


class Scope(Base):
    extent: _choice(pt.Extent)
    activities: tuple[_choice(pt.Activity), ...] = ()
    targets: tuple[_choice(pt.Target), ...] = ()
    areas: tuple[Place, ...] = ()
    words: Text | None = None


class TruceParty(Base):
    actor: Id
    consent: _choice(pt.Consent) | None = None
    consented: ReportedTime | None = None
    venue: Id | None = None


class TruceEvent(Base):
    kind: _choice(pt.TruceEventKind)
    when: ReportedTime | None = None
    actors: tuple[Id, ...] = ()
    reported_by: tuple[Id, ...] = ()
    scope: Scope | None = None
    duration: Duration | None = None
    statement: Id | None = None
    proposal: Id | None = None
    words: Text | None = None


class TruceLink(Base):
    relation: _choice(pt.TruceLinkKind)
    truce: Id


class Truce(Base):
    type: Literal["truce"]
    id: Id
    name: Text | None = None
    parties: tuple[TruceParty, ...] = ()
    announced_by: tuple[Id, ...] = ()
    mediators: tuple[Id, ...] = ()
    scope: Scope | None = None
    duration: Duration | None = None
    declared: ReportedTime | None = None
    effective: ReportedTime | None = None
    ends: ReportedTime | None = None
    purposes: tuple[_choice(pt.Purpose), ...] = ()
    other_purpose: Text | None = None
    written: bool | None = None
    monitored_by: tuple[Id, ...] = ()
    enforcement: _choice(pt.Enforcement) | None = None
    category: _choice(pt.TruceCategory) | None = None
    implementation_mechanism: bool | None = None
    disarmament: bool | None = None
    events: tuple[TruceEvent, ...] = ()
    links: tuple[TruceLink, ...] = ()
    proposal: Id | None = None
    sources: tuple[Citation, ...] = ()
    identifiers: tuple[Identifier, ...] = ()

    @model_validator(mode="after")
    def _rules(self) -> Truce:
        rules.check_truce(self)
        return self


class Delegation(Base):
    sent_by: Id
    members: tuple[Id, ...] = ()
    head: Id | None = None
    rank: _choice(pt.Rank) | None = None
    size: Annotated[int, Field(ge=1)] | None = None
    description: Text | None = None

    @model_validator(mode="after")
    def _rules(self) -> Delegation:
        rules.check_delegation(self)
        return self


class Venue(Base):
    type: Literal["venue"]
    id: Id
    name: Text | None = None
    formats: tuple[_choice(pt.Format), ...] = ()
    place: Place | None = None
    status: _choice(pt.VenueStatus) | None = None
    when: ReportedTime | None = None
    duration: Duration | None = None
    hosts: tuple[Id, ...] = ()
    mediators: tuple[Id, ...] = ()
    participants: tuple[Id, ...] = ()
    delegations: tuple[Delegation, ...] = ()
    agenda: tuple[Id, ...] = ()
    outcome: _choice(pt.Outcome) | None = None
    part_of: Id | None = None
    sources: tuple[Citation, ...] = ()
    identifiers: tuple[Identifier, ...] = ()

    @model_validator(mode="after")
    def _rules(self) -> Venue:
        rules.check_venue(self)
        return self


Record = Annotated[
    Union[Actor, Statement, Proposal, Truce, Venue],  # noqa: UP007
    Field(discriminator="type"),
]


class Document(Base):
    schema_version: Literal[2]
    records: tuple[Record, ...] = ()
    title: Text | None = None
    sources: tuple[Citation, ...] = ()


DocumentAdapter = TypeAdapter(Document)
RecordAdapter: TypeAdapter[Any] = TypeAdapter(Record)


def dump_document(document: Document) -> bytes:
    """JSON for a document, defaults left out as peacetalks leaves them out."""
    return DocumentAdapter.dump_json(document, exclude_defaults=True)


def dump_record(record: Any) -> bytes:
    return RecordAdapter.dump_json(record, exclude_defaults=True)
