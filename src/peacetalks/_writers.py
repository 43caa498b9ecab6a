"""Fast writers for every peacetalks class, for the orjson path: generated, do not edit.

Written by ``python -m peacetalks._codegen`` from the classes themselves; see
``peacetalks._codegen_write`` for what a writer does and why. One function per
class, hence the length. Each raises :class:`~peacetalks._unhooks.NotPlain` (or
any exception) for a value orjson might write differently from ``json.dumps``;
the plain path then writes the object.
"""

# ruff: noqa: E501
# fmt: off

from __future__ import annotations

from operator import attrgetter
from typing import Any

from peacetalks._unhooks import NotPlain, checked_number
from peacetalks.actor import Actor, Affiliation, Anonymity, Name, SourceCount
from peacetalks.common import Citation, Coordinates, Identifier, Place, SourceValue
from peacetalks.document import SCHEMA_VERSION, Document
from peacetalks.evidence import Evidence, Extractor
from peacetalks.proposal import Agreement, Condition, Proposal, ProposalStatus, Response, Term
from peacetalks.statement import Channel, Claim, Qualifier, Quantity, Statement
from peacetalks.times import Basis, Duration, DurationKind, ReportedTime, TimeRelation
from peacetalks.truce import Scope, Truce, TruceEvent, TruceLink, TruceParty
from peacetalks.venue import Delegation, Venue

__all__ = ["WRITERS", "write_record"]

_value_of = attrgetter("_value_")


def write_record(o: Any) -> Any:
    return _RECORD_WRITERS[type(o)](o)


def write_actor(o: Actor) -> dict[str, Any]:
    if o.extra_fields is not None:
        raise NotPlain
    d: dict[str, Any] = {'type': 'actor'}
    x: Any
    x = o.id
    d['id'] = x
    x = o.category
    d['category'] = x._value_
    x = o.name
    if x is not None:
        d['name'] = x
    x = o.description
    if x is not None:
        d['description'] = x
    x = o.names
    if x != ():
        d['names'] = list(map(write_name, x))
    x = o.country
    if x is not None:
        d['country'] = x
    x = o.affiliations
    if x != ():
        d['affiliations'] = list(map(write_affiliation, x))
    x = o.members
    if x != ():
        if type(x) is not tuple:
            raise NotPlain
        d['members'] = x
    x = o.anonymity
    if x is not None:
        d['anonymity'] = write_anonymity(x)
    x = o.sources
    if x != ():
        d['sources'] = list(map(write_citation, x))
    x = o.identifiers
    if x != ():
        d['identifiers'] = list(map(write_identifier, x))
    x = o.source_columns
    if x != ():
        d['source_columns'] = list(map(write_source_value, x))
    x = o.evidence
    if x != ():
        d['evidence'] = list(map(write_evidence, x))
    return d


def write_affiliation(o: Affiliation) -> dict[str, Any]:
    if o.extra_fields is not None:
        raise NotPlain
    d: dict[str, Any] = {}
    x: Any
    x = o.organization
    d['organization'] = x
    x = o.relation
    d['relation'] = x._value_
    x = o.role
    if x is not None:
        d['role'] = x
    x = o.start
    if x is not None:
        d['start'] = x.wire_text
    x = o.end
    if x is not None:
        d['end'] = x.wire_text
    return d


def write_anonymity(o: Anonymity) -> dict[str, Any]:
    if o.extra_fields is not None:
        raise NotPlain
    d: dict[str, Any] = {}
    x: Any
    x = o.reason
    if x is not None:
        d['reason'] = x
    x = o.asked_not_to_be_named
    if x is not None:
        if type(x) is not bool:
            raise NotPlain
        d['asked_not_to_be_named'] = x
    x = o.how_many
    if x is not SourceCount.UNKNOWN:
        d['how_many'] = x._value_
    return d


def write_name(o: Name) -> dict[str, Any]:
    if o.extra_fields is not None:
        raise NotPlain
    d: dict[str, Any] = {}
    x: Any
    x = o.text
    d['text'] = x
    x = o.kind
    if x is not None:
        d['kind'] = x._value_
    x = o.language
    if x is not None:
        d['language'] = x
    x = o.script
    if x is not None:
        d['script'] = x
    x = o.start
    if x is not None:
        d['start'] = x.wire_text
    x = o.end
    if x is not None:
        d['end'] = x.wire_text
    return d


def write_citation(o: Citation) -> dict[str, Any]:
    if o.extra_fields is not None:
        raise NotPlain
    d: dict[str, Any] = {}
    x: Any
    x = o.publisher
    if x is not None:
        d['publisher'] = x
    x = o.title
    if x is not None:
        d['title'] = x
    x = o.url
    if x is not None:
        d['url'] = x
    x = o.authors
    if x != ():
        if type(x) is not tuple:
            raise NotPlain
        d['authors'] = x
    x = o.contributors
    if x != ():
        if type(x) is not tuple:
            raise NotPlain
        d['contributors'] = x
    x = o.distributed_by
    if x != ():
        if type(x) is not tuple:
            raise NotPlain
        d['distributed_by'] = x
    x = o.section
    if x is not None:
        d['section'] = x
    x = o.published
    if x is not None:
        d['published'] = write_reported_time(x)
    x = o.retrieved
    if x is not None:
        d['retrieved'] = x.wire_text
    x = o.language
    if x is not None:
        d['language'] = x
    x = o.rights
    if x is not None:
        d['rights'] = x
    x = o.basis
    if x is not Basis.STATED:
        d['basis'] = x._value_
    x = o.identifiers
    if x != ():
        d['identifiers'] = list(map(write_identifier, x))
    return d


def write_coordinates(o: Coordinates) -> dict[str, Any]:
    if o.extra_fields is not None:
        raise NotPlain
    d: dict[str, Any] = {}
    x: Any
    x = o.latitude
    d['latitude'] = checked_number(x)
    x = o.longitude
    d['longitude'] = checked_number(x)
    return d


def write_identifier(o: Identifier) -> dict[str, Any]:
    if o.extra_fields is not None:
        raise NotPlain
    d: dict[str, Any] = {}
    x: Any
    x = o.scheme
    d['scheme'] = x
    x = o.value
    d['value'] = x
    return d


def write_place(o: Place) -> dict[str, Any]:
    if o.extra_fields is not None:
        raise NotPlain
    d: dict[str, Any] = {}
    x: Any
    x = o.name
    d['name'] = x
    x = o.kind
    if x is not None:
        d['kind'] = x._value_
    x = o.country
    if x is not None:
        d['country'] = x
    x = o.within
    if x is not None:
        d['within'] = x
    x = o.coordinates
    if x is not None:
        d['coordinates'] = write_coordinates(x)
    x = o.identifiers
    if x != ():
        d['identifiers'] = list(map(write_identifier, x))
    return d


def write_source_value(o: SourceValue) -> dict[str, Any]:
    if o.extra_fields is not None:
        raise NotPlain
    d: dict[str, Any] = {}
    x: Any
    x = o.dataset
    d['dataset'] = x
    x = o.column
    d['column'] = x
    x = o.row
    if x is not None:
        d['row'] = x
    x = o.text
    if x is not None:
        if type(x) is not str:
            raise NotPlain
        d['text'] = x
    x = o.integer
    if x is not None:
        if type(x) is not int:
            raise NotPlain
        d['integer'] = x
    x = o.number
    if x is not None:
        d['number'] = checked_number(x)
    x = o.boolean
    if x is not None:
        if type(x) is not bool:
            raise NotPlain
        d['boolean'] = x
    x = o.date
    if x is not None:
        d['date'] = x.wire_text
    return d


def write_document(o: Document) -> dict[str, Any]:
    if o.extra_fields is not None:
        raise NotPlain
    d: dict[str, Any] = {'schema_version': SCHEMA_VERSION}
    x: Any
    x = o.records
    if x != ():
        d['records'] = list(map(write_record, x))
    x = o.title
    if x is not None:
        d['title'] = x
    x = o.sources
    if x != ():
        d['sources'] = list(map(write_citation, x))
    return d


def write_evidence(o: Evidence) -> dict[str, Any]:
    if o.extra_fields is not None:
        raise NotPlain
    d: dict[str, Any] = {}
    x: Any
    x = o.quote
    d['quote'] = x
    x = o.start
    if x is not None:
        if type(x) is not int:
            raise NotPlain
        d['start'] = x
    x = o.end
    if x is not None:
        if type(x) is not int:
            raise NotPlain
        d['end'] = x
    x = o.field
    if x is not None:
        d['field'] = x
    x = o.extractor
    if x is not None:
        d['extractor'] = write_extractor(x)
    x = o.extracted
    if x is not None:
        d['extracted'] = x.wire_text
    x = o.confidence
    if x is not None:
        d['confidence'] = checked_number(x)
    return d


def write_extractor(o: Extractor) -> dict[str, Any]:
    if o.extra_fields is not None:
        raise NotPlain
    d: dict[str, Any] = {}
    x: Any
    x = o.kind
    d['kind'] = x._value_
    x = o.name
    d['name'] = x
    x = o.version
    if x is not None:
        d['version'] = x
    x = o.prompt
    if x is not None:
        d['prompt'] = x
    return d


def write_agreement(o: Agreement) -> dict[str, Any]:
    if o.extra_fields is not None:
        raise NotPlain
    d: dict[str, Any] = {}
    x: Any
    x = o.reached
    if x is not None:
        d['reached'] = write_reported_time(x)
    x = o.signatories
    if x != ():
        if type(x) is not tuple:
            raise NotPlain
        d['signatories'] = x
    x = o.witnesses
    if x != ():
        if type(x) is not tuple:
            raise NotPlain
        d['witnesses'] = x
    x = o.guarantors
    if x != ():
        if type(x) is not tuple:
            raise NotPlain
        d['guarantors'] = x
    x = o.mediators
    if x != ():
        if type(x) is not tuple:
            raise NotPlain
        d['mediators'] = x
    x = o.third_parties
    if x != ():
        if type(x) is not tuple:
            raise NotPlain
        d['third_parties'] = x
    x = o.signing
    if x is not None:
        d['signing'] = x._value_
    x = o.place
    if x is not None:
        d['place'] = write_place(x)
    x = o.written
    if x is not None:
        if type(x) is not bool:
            raise NotPlain
        d['written'] = x
    return d


def write_condition(o: Condition) -> dict[str, Any]:
    if o.extra_fields is not None:
        raise NotPlain
    d: dict[str, Any] = {}
    x: Any
    x = o.description
    d['description'] = x
    x = o.requires
    if x != ():
        if type(x) is not tuple:
            raise NotPlain
        d['requires'] = x
    x = o.set_by
    if x != ():
        if type(x) is not tuple:
            raise NotPlain
        d['set_by'] = x
    return d


def write_proposal(o: Proposal) -> dict[str, Any]:
    if o.extra_fields is not None:
        raise NotPlain
    d: dict[str, Any] = {'type': 'proposal'}
    x: Any
    x = o.id
    d['id'] = x
    x = o.title
    if x is not None:
        d['title'] = x
    x = o.proposed_by
    if x != ():
        if type(x) is not tuple:
            raise NotPlain
        d['proposed_by'] = x
    x = o.addressed_to
    if x != ():
        if type(x) is not tuple:
            raise NotPlain
        d['addressed_to'] = x
    x = o.proposed
    if x is not None:
        d['proposed'] = write_reported_time(x)
    x = o.terms
    if x != ():
        d['terms'] = list(map(write_term, x))
    x = o.conditions
    if x != ():
        d['conditions'] = list(map(write_condition, x))
    x = o.deadline
    if x is not None:
        d['deadline'] = write_reported_time(x)
    x = o.status
    if x is not ProposalStatus.PROPOSED:
        d['status'] = x._value_
    x = o.responses
    if x != ():
        d['responses'] = list(map(write_response, x))
    x = o.revises
    if x is not None:
        d['revises'] = x
    x = o.stage
    if x is not None:
        d['stage'] = x._value_
    x = o.peace_process
    if x is not None:
        d['peace_process'] = x
    x = o.conflict
    if x is not None:
        d['conflict'] = x
    x = o.agreement
    if x is not None:
        d['agreement'] = write_agreement(x)
    x = o.sources
    if x != ():
        d['sources'] = list(map(write_citation, x))
    x = o.identifiers
    if x != ():
        d['identifiers'] = list(map(write_identifier, x))
    x = o.source_columns
    if x != ():
        d['source_columns'] = list(map(write_source_value, x))
    x = o.evidence
    if x != ():
        d['evidence'] = list(map(write_evidence, x))
    return d


def write_response(o: Response) -> dict[str, Any]:
    if o.extra_fields is not None:
        raise NotPlain
    d: dict[str, Any] = {}
    x: Any
    x = o.party
    d['party'] = x
    x = o.position
    d['position'] = x._value_
    x = o.when
    if x is not None:
        d['when'] = write_reported_time(x)
    x = o.conditions
    if x != ():
        d['conditions'] = list(map(write_condition, x))
    x = o.statement
    if x is not None:
        d['statement'] = x
    return d


def write_term(o: Term) -> dict[str, Any]:
    if o.extra_fields is not None:
        raise NotPlain
    d: dict[str, Any] = {}
    x: Any
    x = o.topic
    d['topic'] = x._value_
    x = o.description
    d['description'] = x
    x = o.obliges
    if x != ():
        if type(x) is not tuple:
            raise NotPlain
        d['obliges'] = x
    x = o.concerns
    if x != ():
        if type(x) is not tuple:
            raise NotPlain
        d['concerns'] = x
    return d


def write_channel(o: Channel) -> dict[str, Any]:
    if o.extra_fields is not None:
        raise NotPlain
    d: dict[str, Any] = {}
    x: Any
    x = o.medium
    d['medium'] = x._value_
    x = o.outlet
    if x is not None:
        d['outlet'] = x
    x = o.program
    if x is not None:
        d['program'] = x
    x = o.interviewer
    if x is not None:
        d['interviewer'] = x
    x = o.published_on
    if x != ():
        if type(x) is not tuple:
            raise NotPlain
        d['published_on'] = x
    return d


def write_claim(o: Claim) -> dict[str, Any]:
    if o.extra_fields is not None:
        raise NotPlain
    d: dict[str, Any] = {}
    x: Any
    x = o.subject
    d['subject'] = x
    x = o.quantity
    if x is not None:
        d['quantity'] = write_quantity(x)
    x = o.period
    if x is not None:
        d['period'] = write_reported_time(x)
    x = o.place
    if x is not None:
        d['place'] = write_place(x)
    return d


def write_quantity(o: Quantity) -> dict[str, Any]:
    if o.extra_fields is not None:
        raise NotPlain
    d: dict[str, Any] = {}
    x: Any
    x = o.value
    d['value'] = checked_number(x)
    x = o.unit
    d['unit'] = x
    x = o.qualifier
    if x is not Qualifier.EXACTLY:
        d['qualifier'] = x._value_
    x = o.upper
    if x is not None:
        d['upper'] = checked_number(x)
    x = o.words
    if x is not None:
        d['words'] = x
    return d


def write_statement(o: Statement) -> dict[str, Any]:
    if o.extra_fields is not None:
        raise NotPlain
    d: dict[str, Any] = {'type': 'statement'}
    x: Any
    x = o.id
    d['id'] = x
    x = o.speaker
    d['speaker'] = x
    x = o.quotation
    d['quotation'] = x._value_
    x = o.text
    d['text'] = x
    x = o.language
    if x is not None:
        d['language'] = x
    x = o.addressed_to
    if x != ():
        if type(x) is not tuple:
            raise NotPlain
        d['addressed_to'] = x
    x = o.said
    if x is not None:
        d['said'] = write_reported_time(x)
    x = o.reported
    if x is not None:
        d['reported'] = write_reported_time(x)
    x = o.channel
    if x is not None:
        d['channel'] = write_channel(x)
    x = o.place
    if x is not None:
        d['place'] = write_place(x)
    x = o.venue
    if x is not None:
        d['venue'] = x
    x = o.about
    if x != ():
        if type(x) is not tuple:
            raise NotPlain
        d['about'] = x
    x = o.stance
    if x is not None:
        d['stance'] = x._value_
    x = o.disputes
    if x != ():
        if type(x) is not tuple:
            raise NotPlain
        d['disputes'] = x
    x = o.claims
    if x != ():
        d['claims'] = list(map(write_claim, x))
    x = o.sources
    if x != ():
        d['sources'] = list(map(write_citation, x))
    x = o.identifiers
    if x != ():
        d['identifiers'] = list(map(write_identifier, x))
    x = o.source_columns
    if x != ():
        d['source_columns'] = list(map(write_source_value, x))
    x = o.evidence
    if x != ():
        d['evidence'] = list(map(write_evidence, x))
    return d


def write_duration(o: Duration) -> dict[str, Any]:
    if o.extra_fields is not None:
        raise NotPlain
    d: dict[str, Any] = {}
    x: Any
    x = o.kind
    if x is not DurationKind.FIXED:
        d['kind'] = x._value_
    x = o.amount
    if x is not None:
        if type(x) is not int:
            raise NotPlain
        d['amount'] = x
    x = o.unit
    if x is not None:
        d['unit'] = x._value_
    x = o.words
    if x is not None:
        d['words'] = x
    x = o.approximate
    if x is not False:
        if type(x) is not bool:
            raise NotPlain
        d['approximate'] = x
    return d


def write_reported_time(o: ReportedTime) -> dict[str, Any]:
    if o.extra_fields is not None:
        raise NotPlain
    d: dict[str, Any] = {}
    x: Any
    x = o.words
    if x is not None:
        d['words'] = x
    x = o.earliest
    if x is not None:
        d['earliest'] = x.wire_text
    x = o.latest
    if x is not None:
        d['latest'] = x.wire_text
    x = o.relation
    if x is not TimeRelation.WITHIN:
        d['relation'] = x._value_
    x = o.zone
    if x is not None:
        if type(x) is not str:
            raise NotPlain
        d['zone'] = x
    x = o.reference
    if x is not None:
        d['reference'] = x.wire_text
    x = o.basis
    if x is not Basis.STATED:
        d['basis'] = x._value_
    x = o.approximate
    if x is not False:
        if type(x) is not bool:
            raise NotPlain
        d['approximate'] = x
    return d


def write_scope(o: Scope) -> dict[str, Any]:
    if o.extra_fields is not None:
        raise NotPlain
    d: dict[str, Any] = {}
    x: Any
    x = o.extent
    d['extent'] = x._value_
    x = o.activities
    if x != ():
        d['activities'] = list(map(_value_of, x))
    x = o.targets
    if x != ():
        d['targets'] = list(map(_value_of, x))
    x = o.areas
    if x != ():
        d['areas'] = list(map(write_place, x))
    x = o.words
    if x is not None:
        d['words'] = x
    return d


def write_truce(o: Truce) -> dict[str, Any]:
    if o.extra_fields is not None:
        raise NotPlain
    d: dict[str, Any] = {'type': 'truce'}
    x: Any
    x = o.id
    d['id'] = x
    x = o.name
    if x is not None:
        d['name'] = x
    x = o.parties
    if x != ():
        d['parties'] = list(map(write_truce_party, x))
    x = o.announced_by
    if x != ():
        if type(x) is not tuple:
            raise NotPlain
        d['announced_by'] = x
    x = o.mediators
    if x != ():
        if type(x) is not tuple:
            raise NotPlain
        d['mediators'] = x
    x = o.scope
    if x is not None:
        d['scope'] = write_scope(x)
    x = o.duration
    if x is not None:
        d['duration'] = write_duration(x)
    x = o.declared
    if x is not None:
        d['declared'] = write_reported_time(x)
    x = o.effective
    if x is not None:
        d['effective'] = write_reported_time(x)
    x = o.ends
    if x is not None:
        d['ends'] = write_reported_time(x)
    x = o.purposes
    if x != ():
        d['purposes'] = list(map(_value_of, x))
    x = o.other_purpose
    if x is not None:
        d['other_purpose'] = x
    x = o.written
    if x is not None:
        if type(x) is not bool:
            raise NotPlain
        d['written'] = x
    x = o.monitored_by
    if x != ():
        if type(x) is not tuple:
            raise NotPlain
        d['monitored_by'] = x
    x = o.enforcement
    if x is not None:
        d['enforcement'] = x._value_
    x = o.category
    if x is not None:
        d['category'] = x._value_
    x = o.implementation_mechanism
    if x is not None:
        if type(x) is not bool:
            raise NotPlain
        d['implementation_mechanism'] = x
    x = o.disarmament
    if x is not None:
        if type(x) is not bool:
            raise NotPlain
        d['disarmament'] = x
    x = o.events
    if x != ():
        d['events'] = list(map(write_truce_event, x))
    x = o.links
    if x != ():
        d['links'] = list(map(write_truce_link, x))
    x = o.proposal
    if x is not None:
        d['proposal'] = x
    x = o.sources
    if x != ():
        d['sources'] = list(map(write_citation, x))
    x = o.identifiers
    if x != ():
        d['identifiers'] = list(map(write_identifier, x))
    x = o.source_columns
    if x != ():
        d['source_columns'] = list(map(write_source_value, x))
    x = o.evidence
    if x != ():
        d['evidence'] = list(map(write_evidence, x))
    return d


def write_truce_event(o: TruceEvent) -> dict[str, Any]:
    if o.extra_fields is not None:
        raise NotPlain
    d: dict[str, Any] = {}
    x: Any
    x = o.kind
    d['kind'] = x._value_
    x = o.when
    if x is not None:
        d['when'] = write_reported_time(x)
    x = o.actors
    if x != ():
        if type(x) is not tuple:
            raise NotPlain
        d['actors'] = x
    x = o.reported_by
    if x != ():
        if type(x) is not tuple:
            raise NotPlain
        d['reported_by'] = x
    x = o.scope
    if x is not None:
        d['scope'] = write_scope(x)
    x = o.duration
    if x is not None:
        d['duration'] = write_duration(x)
    x = o.statement
    if x is not None:
        d['statement'] = x
    x = o.proposal
    if x is not None:
        d['proposal'] = x
    x = o.words
    if x is not None:
        d['words'] = x
    return d


def write_truce_link(o: TruceLink) -> dict[str, Any]:
    if o.extra_fields is not None:
        raise NotPlain
    d: dict[str, Any] = {}
    x: Any
    x = o.relation
    d['relation'] = x._value_
    x = o.truce
    d['truce'] = x
    return d


def write_truce_party(o: TruceParty) -> dict[str, Any]:
    if o.extra_fields is not None:
        raise NotPlain
    d: dict[str, Any] = {}
    x: Any
    x = o.actor
    d['actor'] = x
    x = o.consent
    if x is not None:
        d['consent'] = x._value_
    x = o.consented
    if x is not None:
        d['consented'] = write_reported_time(x)
    x = o.venue
    if x is not None:
        d['venue'] = x
    return d


def write_delegation(o: Delegation) -> dict[str, Any]:
    if o.extra_fields is not None:
        raise NotPlain
    d: dict[str, Any] = {}
    x: Any
    x = o.sent_by
    d['sent_by'] = x
    x = o.members
    if x != ():
        if type(x) is not tuple:
            raise NotPlain
        d['members'] = x
    x = o.head
    if x is not None:
        d['head'] = x
    x = o.rank
    if x is not None:
        d['rank'] = x._value_
    x = o.size
    if x is not None:
        if type(x) is not int:
            raise NotPlain
        d['size'] = x
    x = o.description
    if x is not None:
        d['description'] = x
    return d


def write_venue(o: Venue) -> dict[str, Any]:
    if o.extra_fields is not None:
        raise NotPlain
    d: dict[str, Any] = {'type': 'venue'}
    x: Any
    x = o.id
    d['id'] = x
    x = o.name
    if x is not None:
        d['name'] = x
    x = o.formats
    if x != ():
        d['formats'] = list(map(_value_of, x))
    x = o.place
    if x is not None:
        d['place'] = write_place(x)
    x = o.status
    if x is not None:
        d['status'] = x._value_
    x = o.when
    if x is not None:
        d['when'] = write_reported_time(x)
    x = o.duration
    if x is not None:
        d['duration'] = write_duration(x)
    x = o.hosts
    if x != ():
        if type(x) is not tuple:
            raise NotPlain
        d['hosts'] = x
    x = o.mediators
    if x != ():
        if type(x) is not tuple:
            raise NotPlain
        d['mediators'] = x
    x = o.participants
    if x != ():
        if type(x) is not tuple:
            raise NotPlain
        d['participants'] = x
    x = o.delegations
    if x != ():
        d['delegations'] = list(map(write_delegation, x))
    x = o.agenda
    if x != ():
        if type(x) is not tuple:
            raise NotPlain
        d['agenda'] = x
    x = o.outcome
    if x is not None:
        d['outcome'] = x._value_
    x = o.part_of
    if x is not None:
        d['part_of'] = x
    x = o.sources
    if x != ():
        d['sources'] = list(map(write_citation, x))
    x = o.identifiers
    if x != ():
        d['identifiers'] = list(map(write_identifier, x))
    x = o.source_columns
    if x != ():
        d['source_columns'] = list(map(write_source_value, x))
    x = o.evidence
    if x != ():
        d['evidence'] = list(map(write_evidence, x))
    return d


_RECORD_WRITERS: dict[type, Any] = {Actor: write_actor, Statement: write_statement, Proposal: write_proposal, Truce: write_truce, Venue: write_venue}

#: The writer of each class.
WRITERS: dict[type, Any] = {Actor: write_actor, Affiliation: write_affiliation, Anonymity: write_anonymity, Name: write_name, Citation: write_citation, Coordinates: write_coordinates, Identifier: write_identifier, Place: write_place, SourceValue: write_source_value, Document: write_document, Evidence: write_evidence, Extractor: write_extractor, Agreement: write_agreement, Condition: write_condition, Proposal: write_proposal, Response: write_response, Term: write_term, Channel: write_channel, Claim: write_claim, Quantity: write_quantity, Statement: write_statement, Duration: write_duration, ReportedTime: write_reported_time, Scope: write_scope, Truce: write_truce, TruceEvent: write_truce_event, TruceLink: write_truce_link, TruceParty: write_truce_party, Delegation: write_delegation, Venue: write_venue}
