"""The peacetalks model as msgspec Structs, as strict as msgspec allows.

Strict types (msgspec never coerces), unknown keys forbidden, peacetalks' own
patterns for ids, languages, scripts, schemes, URLs, zones and time points (the
exact pattern, which checks the calendar), country codes and enum values as
literals, number ranges as bounds, records tagged by ``type``, and every
cross-field rule in ``__post_init__`` (:mod:`peers.rules`), which msgspec runs
while decoding. Differences, none of which the corpus exercises:

* repeated keys in a JSON object: msgspec keeps the last, peacetalks refuses;
* integers beyond the range of a 64-bit float: msgspec accepts them up to 64 bits;
* enum values and time points stay strings (peacetalks builds enum members
  and :class:`~peacetalks.TimePoint` objects);
* the rules that compare two time points use plain spans (peacetalks also
  widens a span by its relation: ``by``, ``after``...).
"""

from __future__ import annotations

import enum
from typing import Annotated, Any, Literal, Union

import msgspec

import peacetalks as pt

from . import rules

__all__ = ["decode_document", "decode_record", "dump_document", "dump_record"]


def _choice(cls: type[enum.Enum]) -> Any:
    return Literal[tuple(member.value for member in cls)]  # type: ignore[misc]


def _pattern(pattern: str) -> Any:
    return Annotated[str, msgspec.Meta(pattern=rules.python_re(pattern))]


Id = _pattern(rules.ID)
Text = _pattern(rules.NON_EMPTY)
Language = _pattern(rules.LANGUAGE)
Script = _pattern(rules.SCRIPT)
Url = _pattern(rules.URL)
Scheme = _pattern(rules.SCHEME)
Zone = _pattern(rules.ZONE)
Point = _pattern(rules.TIME_POINT)
Country = Literal[rules.COUNTRIES]  # type: ignore[valid-type]


class Base(msgspec.Struct, frozen=True, forbid_unknown_fields=True, omit_defaults=True):
    pass


class Identifier(Base):
    scheme: Scheme
    value: Text

    def __post_init__(self) -> None:
        rules.check_identifier(self)


class ReportedTime(Base):
    words: Text | None = None
    earliest: Point | None = None
    latest: Point | None = None
    relation: _choice(pt.TimeRelation) = "within"
    zone: Zone | None = None
    reference: Point | None = None
    basis: _choice(pt.Basis) = "stated"
    approximate: bool = False

    def __post_init__(self) -> None:
        rules.check_reported_time(self)


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

    def __post_init__(self) -> None:
        rules.check_citation(self)


class Coordinates(Base):
    latitude: Annotated[float, msgspec.Meta(ge=-90, le=90)]
    longitude: Annotated[float, msgspec.Meta(ge=-180, le=180)]


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

    def __post_init__(self) -> None:
        rules.check_span(self.start, self.end)


class Affiliation(Base):
    organization: Id
    relation: _choice(pt.Relation)
    role: Text | None = None
    start: Point | None = None
    end: Point | None = None

    def __post_init__(self) -> None:
        rules.check_span(self.start, self.end)


class Anonymity(Base):
    reason: Text | None = None
    asked_not_to_be_named: bool | None = None
    how_many: _choice(pt.SourceCount) = "unknown"


class Actor(Base, tag_field="type", tag="actor"):
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

    def __post_init__(self) -> None:
        rules.check_actor(self)


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

    def __post_init__(self) -> None:
        rules.check_quantity(self)


class Claim(Base):
    subject: Text
    quantity: Quantity | None = None
    period: ReportedTime | None = None
    place: Place | None = None


class Statement(Base, tag_field="type", tag="statement"):
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

    def __post_init__(self) -> None:
        rules.check_statement(self)


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

    def __post_init__(self) -> None:
        rules.check_response(self)


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


class Proposal(Base, tag_field="type", tag="proposal"):
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

    def __post_init__(self) -> None:
        rules.check_proposal(self)


class Duration(Base):
    kind: _choice(pt.DurationKind) = "fixed"
    amount: Annotated[int, msgspec.Meta(ge=0)] | None = None
    unit: _choice(pt.TimeUnit) | None = None
    words: Text | None = None
    approximate: bool = False

    def __post_init__(self) -> None:
        rules.check_duration(self)


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


class Truce(Base, tag_field="type", tag="truce"):
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

    def __post_init__(self) -> None:
        rules.check_truce(self)


class Delegation(Base):
    sent_by: Id
    members: tuple[Id, ...] = ()
    head: Id | None = None
    rank: _choice(pt.Rank) | None = None
    size: Annotated[int, msgspec.Meta(ge=1)] | None = None
    description: Text | None = None

    def __post_init__(self) -> None:
        rules.check_delegation(self)


class Venue(Base, tag_field="type", tag="venue"):
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

    def __post_init__(self) -> None:
        rules.check_venue(self)


Record = Union[Actor, Statement, Proposal, Truce, Venue]  # noqa: UP007


class Document(Base):
    schema_version: Literal[2]
    records: tuple[Record, ...] = ()
    title: Text | None = None
    sources: tuple[Citation, ...] = ()


_documents = msgspec.json.Decoder(Document)
_records = msgspec.json.Decoder(Record)
_encoder = msgspec.json.Encoder()
decode_document = _documents.decode
decode_record = _records.decode


def dump_document(document: Document) -> bytes:
    """JSON for a document (Structs leave defaults out, as peacetalks does)."""
    return _encoder.encode(document)


dump_record = dump_document
