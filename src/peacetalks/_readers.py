"""Fast readers for every peacetalks class: generated, do not edit.

Written by ``python -m peacetalks._codegen`` from the classes themselves; see that
module for what a reader does and why. One function per class, hence the length.
Each raises at the first sign of trouble (any exception); the converter then
reads the input the exact way, which reports every problem.
"""

# ruff: noqa: E501, SIM102
# fmt: off

from __future__ import annotations

from collections.abc import Callable
from typing import Any

from peacetalks import _rules
from peacetalks.actor import (
    Actor,
    ActorCategory,
    Affiliation,
    Anonymity,
    Name,
    NameKind,
    Relation,
    SourceCount,
)
from peacetalks.common import Citation, Coordinates, Identifier, Place, PlaceKind, SourceValue
from peacetalks.document import SCHEMA_VERSION, Document
from peacetalks.evidence import Evidence, Extractor, ExtractorKind
from peacetalks.proposal import (
    Agreement,
    AgreementStage,
    Condition,
    Proposal,
    ProposalStatus,
    Response,
    ResponseKind,
    Signing,
    Term,
    TermTopic,
)
from peacetalks.statement import (
    Channel,
    Claim,
    Medium,
    Qualifier,
    Quantity,
    Quotation,
    Stance,
    Statement,
)
from peacetalks.timepoint import _INTERNED, TimePoint
from peacetalks.times import Basis, Duration, DurationKind, ReportedTime, TimeRelation, TimeUnit
from peacetalks.truce import (
    Activity,
    Consent,
    Enforcement,
    Extent,
    Purpose,
    Scope,
    Target,
    Truce,
    TruceCategory,
    TruceEvent,
    TruceEventKind,
    TruceLink,
    TruceLinkKind,
    TruceParty,
)
from peacetalks.venue import Delegation, Format, Outcome, Rank, Venue, VenueStatus

__all__ = ["READERS", "read_record"]


class NotRead(Exception):  # noqa: N818 - internal signal, never escapes
    """The fast reader gives up: the exact path will say why."""


def _text_test(rule: _rules.Rule) -> Callable[[str], object]:
    if rule.text_test is None:
        raise TypeError(f"the rule {rule.name!r} has no test for text alone")
    return rule.text_test


_new = object.__new__
_set = object.__setattr__
_point = TimePoint.parse
_known_point = _INTERNED.get  # the points parse shares (a TimePoint is always true)
_is_number = _rules.is_number

_check_actor = Actor._check
_check_affiliation = Affiliation._check
_check_citation = Citation._check
_check_delegation = Delegation._check
_check_duration = Duration._check
_check_evidence = Evidence._check
_check_identifier = Identifier._check
_check_name = Name._check
_check_proposal = Proposal._check
_check_quantity = Quantity._check
_check_reported_time = ReportedTime._check
_check_response = Response._check
_check_source_value = SourceValue._check
_check_statement = Statement._check
_check_truce = Truce._check
_check_venue = Venue._check
_keys_actor = frozenset(['affiliations', 'anonymity', 'category', 'country', 'description', 'evidence', 'id', 'identifiers', 'members', 'name', 'names', 'source_columns', 'sources', 'type'])
_keys_affiliation = frozenset(['end', 'organization', 'relation', 'role', 'start'])
_keys_agreement = frozenset(['guarantors', 'mediators', 'place', 'reached', 'signatories', 'signing', 'third_parties', 'witnesses', 'written'])
_keys_anonymity = frozenset(['asked_not_to_be_named', 'how_many', 'reason'])
_keys_channel = frozenset(['interviewer', 'medium', 'outlet', 'program', 'published_on'])
_keys_citation = frozenset(['authors', 'basis', 'contributors', 'distributed_by', 'identifiers', 'language', 'published', 'publisher', 'retrieved', 'rights', 'section', 'title', 'url'])
_keys_claim = frozenset(['period', 'place', 'quantity', 'subject'])
_keys_condition = frozenset(['description', 'requires', 'set_by'])
_keys_coordinates = frozenset(['latitude', 'longitude'])
_keys_delegation = frozenset(['description', 'head', 'members', 'rank', 'sent_by', 'size'])
_keys_document = frozenset(['records', 'schema_version', 'sources', 'title'])
_keys_duration = frozenset(['amount', 'approximate', 'kind', 'unit', 'words'])
_keys_evidence = frozenset(['confidence', 'end', 'extracted', 'extractor', 'field', 'quote', 'start'])
_keys_extractor = frozenset(['kind', 'name', 'prompt', 'version'])
_keys_identifier = frozenset(['scheme', 'value'])
_keys_name = frozenset(['end', 'kind', 'language', 'script', 'start', 'text'])
_keys_place = frozenset(['coordinates', 'country', 'identifiers', 'kind', 'name', 'within'])
_keys_proposal = frozenset(['addressed_to', 'agreement', 'conditions', 'conflict', 'deadline', 'evidence', 'id', 'identifiers', 'peace_process', 'proposed', 'proposed_by', 'responses', 'revises', 'source_columns', 'sources', 'stage', 'status', 'terms', 'title', 'type'])
_keys_quantity = frozenset(['qualifier', 'unit', 'upper', 'value', 'words'])
_keys_reported_time = frozenset(['approximate', 'basis', 'earliest', 'latest', 'reference', 'relation', 'words', 'zone'])
_keys_response = frozenset(['conditions', 'party', 'position', 'statement', 'when'])
_keys_scope = frozenset(['activities', 'areas', 'extent', 'targets', 'words'])
_keys_source_value = frozenset(['boolean', 'column', 'dataset', 'date', 'integer', 'number', 'row', 'text'])
_keys_statement = frozenset(['about', 'addressed_to', 'channel', 'claims', 'disputes', 'evidence', 'id', 'identifiers', 'language', 'place', 'quotation', 'reported', 'said', 'source_columns', 'sources', 'speaker', 'stance', 'text', 'type', 'venue'])
_keys_term = frozenset(['concerns', 'description', 'obliges', 'topic'])
_keys_truce = frozenset(['announced_by', 'category', 'declared', 'disarmament', 'duration', 'effective', 'ends', 'enforcement', 'events', 'evidence', 'id', 'identifiers', 'implementation_mechanism', 'links', 'mediators', 'monitored_by', 'name', 'other_purpose', 'parties', 'proposal', 'purposes', 'scope', 'source_columns', 'sources', 'type', 'written'])
_keys_truce_event = frozenset(['actors', 'duration', 'kind', 'proposal', 'reported_by', 'scope', 'statement', 'when', 'words'])
_keys_truce_link = frozenset(['relation', 'truce'])
_keys_truce_party = frozenset(['actor', 'consent', 'consented', 'venue'])
_keys_venue = frozenset(['agenda', 'delegations', 'duration', 'evidence', 'formats', 'hosts', 'id', 'identifiers', 'mediators', 'name', 'outcome', 'part_of', 'participants', 'place', 'source_columns', 'sources', 'status', 'type', 'when'])
_members_activity = {member.value: member for member in Activity}
_members_actor_category = {member.value: member for member in ActorCategory}
_members_agreement_stage = {member.value: member for member in AgreementStage}
_members_basis = {member.value: member for member in Basis}
_members_consent = {member.value: member for member in Consent}
_members_duration_kind = {member.value: member for member in DurationKind}
_members_enforcement = {member.value: member for member in Enforcement}
_members_extent = {member.value: member for member in Extent}
_members_extractor_kind = {member.value: member for member in ExtractorKind}
_members_format = {member.value: member for member in Format}
_members_medium = {member.value: member for member in Medium}
_members_name_kind = {member.value: member for member in NameKind}
_members_outcome = {member.value: member for member in Outcome}
_members_place_kind = {member.value: member for member in PlaceKind}
_members_proposal_status = {member.value: member for member in ProposalStatus}
_members_purpose = {member.value: member for member in Purpose}
_members_qualifier = {member.value: member for member in Qualifier}
_members_quotation = {member.value: member for member in Quotation}
_members_rank = {member.value: member for member in Rank}
_members_relation = {member.value: member for member in Relation}
_members_response_kind = {member.value: member for member in ResponseKind}
_members_signing = {member.value: member for member in Signing}
_members_source_count = {member.value: member for member in SourceCount}
_members_stance = {member.value: member for member in Stance}
_members_target = {member.value: member for member in Target}
_members_term_topic = {member.value: member for member in TermTopic}
_members_time_relation = {member.value: member for member in TimeRelation}
_members_time_unit = {member.value: member for member in TimeUnit}
_members_truce_category = {member.value: member for member in TruceCategory}
_members_truce_event_kind = {member.value: member for member in TruceEventKind}
_members_truce_link_kind = {member.value: member for member in TruceLinkKind}
_members_venue_status = {member.value: member for member in VenueStatus}
_test_confidence = _rules.CONFIDENCE.test
_test_count = _rules.COUNT.test
_test_headcount = _rules.HEADCOUNT.test
_test_latitude = _rules.LATITUDE.test
_test_longitude = _rules.LONGITUDE.test
_test_zone = _rules.ZONE.test
_text_country = _text_test(_rules.COUNTRY)
_text_field_path = _text_test(_rules.FIELD_PATH)
_text_id = _text_test(_rules.ID)
_text_language = _text_test(_rules.LANGUAGE)
_text_non_empty = _text_test(_rules.NON_EMPTY)
_text_scheme = _text_test(_rules.SCHEME)
_text_script = _text_test(_rules.SCRIPT)
_text_url = _text_test(_rules.URL)


def read_record(o: Any, _: Any = None) -> Any:
    return _RECORD_READERS[o['type']](o)


def read_actor(o: Any, _: Any = None) -> Actor:
    if type(o) is not dict or not o.keys() <= _keys_actor:
        raise NotRead
    if o.get('type') != 'actor':
        raise NotRead
    f_id = o['id']
    if type(f_id) is not str or not _text_id(f_id):
        raise NotRead
    f_category = o['category']
    if type(f_category) is not str:
        raise NotRead
    f_category = _members_actor_category[f_category]
    f_name = o.get('name')
    if f_name is not None:
        if type(f_name) is not str or not _text_non_empty(f_name):
            raise NotRead
    f_description = o.get('description')
    if f_description is not None:
        if type(f_description) is not str or not _text_non_empty(f_description):
            raise NotRead
    if 'names' in o:
        f_names = o['names']
        if type(f_names) is not list and type(f_names) is not tuple:
            raise NotRead
        f_names = tuple([read_name(item) for item in f_names])
    else:
        f_names = ()
    f_country = o.get('country')
    if f_country is not None:
        if type(f_country) is not str or not _text_country(f_country):
            raise NotRead
    if 'affiliations' in o:
        f_affiliations = o['affiliations']
        if type(f_affiliations) is not list and type(f_affiliations) is not tuple:
            raise NotRead
        f_affiliations = tuple([read_affiliation(item) for item in f_affiliations])
    else:
        f_affiliations = ()
    if 'members' in o:
        f_members = o['members']
        if type(f_members) is not list and type(f_members) is not tuple:
            raise NotRead
        for item in f_members:
            if type(item) is not str or not _text_id(item):
                raise NotRead
        f_members = tuple(f_members)
    else:
        f_members = ()
    f_anonymity = o.get('anonymity')
    if f_anonymity is not None:
        f_anonymity = read_anonymity(f_anonymity)
    if 'sources' in o:
        f_sources = o['sources']
        if type(f_sources) is not list and type(f_sources) is not tuple:
            raise NotRead
        f_sources = tuple([read_citation(item) for item in f_sources])
    else:
        f_sources = ()
    if 'identifiers' in o:
        f_identifiers = o['identifiers']
        if type(f_identifiers) is not list and type(f_identifiers) is not tuple:
            raise NotRead
        f_identifiers = tuple([read_identifier(item) for item in f_identifiers])
    else:
        f_identifiers = ()
    if 'source_columns' in o:
        f_source_columns = o['source_columns']
        if type(f_source_columns) is not list and type(f_source_columns) is not tuple:
            raise NotRead
        f_source_columns = tuple([read_source_value(item) for item in f_source_columns])
    else:
        f_source_columns = ()
    if 'evidence' in o:
        f_evidence = o['evidence']
        if type(f_evidence) is not list and type(f_evidence) is not tuple:
            raise NotRead
        f_evidence = tuple([read_evidence(item) for item in f_evidence])
    else:
        f_evidence = ()
    obj = _new(Actor)
    _set(obj, 'extra_fields', None)
    _set(obj, 'id', f_id)
    _set(obj, 'category', f_category)
    _set(obj, 'name', f_name)
    _set(obj, 'description', f_description)
    _set(obj, 'names', f_names)
    _set(obj, 'country', f_country)
    _set(obj, 'affiliations', f_affiliations)
    _set(obj, 'members', f_members)
    _set(obj, 'anonymity', f_anonymity)
    _set(obj, 'sources', f_sources)
    _set(obj, 'identifiers', f_identifiers)
    _set(obj, 'source_columns', f_source_columns)
    _set(obj, 'evidence', f_evidence)
    if _check_actor(obj):
        raise NotRead
    return obj


def read_affiliation(o: Any, _: Any = None) -> Affiliation:
    if type(o) is not dict or not o.keys() <= _keys_affiliation:
        raise NotRead
    f_organization = o['organization']
    if type(f_organization) is not str or not _text_id(f_organization):
        raise NotRead
    f_relation = o['relation']
    if type(f_relation) is not str:
        raise NotRead
    f_relation = _members_relation[f_relation]
    f_role = o.get('role')
    if f_role is not None:
        if type(f_role) is not str or not _text_non_empty(f_role):
            raise NotRead
    f_start = o.get('start')
    if f_start is not None:
        if type(f_start) is not str:
            raise NotRead
        f_start = _known_point(f_start) or _point(f_start)
    f_end = o.get('end')
    if f_end is not None:
        if type(f_end) is not str:
            raise NotRead
        f_end = _known_point(f_end) or _point(f_end)
    obj = _new(Affiliation)
    _set(obj, 'extra_fields', None)
    _set(obj, 'organization', f_organization)
    _set(obj, 'relation', f_relation)
    _set(obj, 'role', f_role)
    _set(obj, 'start', f_start)
    _set(obj, 'end', f_end)
    if _check_affiliation(obj):
        raise NotRead
    return obj


def read_anonymity(o: Any, _: Any = None) -> Anonymity:
    if type(o) is not dict or not o.keys() <= _keys_anonymity:
        raise NotRead
    f_reason = o.get('reason')
    if f_reason is not None:
        if type(f_reason) is not str or not _text_non_empty(f_reason):
            raise NotRead
    f_asked_not_to_be_named = o.get('asked_not_to_be_named')
    if f_asked_not_to_be_named is not None:
        if type(f_asked_not_to_be_named) is not bool:
            raise NotRead
    if 'how_many' in o:
        f_how_many = o['how_many']
        if type(f_how_many) is not str:
            raise NotRead
        f_how_many = _members_source_count[f_how_many]
    else:
        f_how_many = SourceCount.UNKNOWN
    obj = _new(Anonymity)
    _set(obj, 'extra_fields', None)
    _set(obj, 'reason', f_reason)
    _set(obj, 'asked_not_to_be_named', f_asked_not_to_be_named)
    _set(obj, 'how_many', f_how_many)
    return obj


def read_name(o: Any, _: Any = None) -> Name:
    if type(o) is not dict or not o.keys() <= _keys_name:
        raise NotRead
    f_text = o['text']
    if type(f_text) is not str or not _text_non_empty(f_text):
        raise NotRead
    f_kind = o.get('kind')
    if f_kind is not None:
        if type(f_kind) is not str:
            raise NotRead
        f_kind = _members_name_kind[f_kind]
    f_language = o.get('language')
    if f_language is not None:
        if type(f_language) is not str or not _text_language(f_language):
            raise NotRead
    f_script = o.get('script')
    if f_script is not None:
        if type(f_script) is not str or not _text_script(f_script):
            raise NotRead
    f_start = o.get('start')
    if f_start is not None:
        if type(f_start) is not str:
            raise NotRead
        f_start = _known_point(f_start) or _point(f_start)
    f_end = o.get('end')
    if f_end is not None:
        if type(f_end) is not str:
            raise NotRead
        f_end = _known_point(f_end) or _point(f_end)
    obj = _new(Name)
    _set(obj, 'extra_fields', None)
    _set(obj, 'text', f_text)
    _set(obj, 'kind', f_kind)
    _set(obj, 'language', f_language)
    _set(obj, 'script', f_script)
    _set(obj, 'start', f_start)
    _set(obj, 'end', f_end)
    if _check_name(obj):
        raise NotRead
    return obj


def read_citation(o: Any, _: Any = None) -> Citation:
    if type(o) is not dict or not o.keys() <= _keys_citation:
        raise NotRead
    f_publisher = o.get('publisher')
    if f_publisher is not None:
        if type(f_publisher) is not str or not _text_non_empty(f_publisher):
            raise NotRead
    f_title = o.get('title')
    if f_title is not None:
        if type(f_title) is not str or not _text_non_empty(f_title):
            raise NotRead
    f_url = o.get('url')
    if f_url is not None:
        if type(f_url) is not str or not _text_url(f_url):
            raise NotRead
    if 'authors' in o:
        f_authors = o['authors']
        if type(f_authors) is not list and type(f_authors) is not tuple:
            raise NotRead
        for item in f_authors:
            if type(item) is not str or not _text_non_empty(item):
                raise NotRead
        f_authors = tuple(f_authors)
    else:
        f_authors = ()
    if 'contributors' in o:
        f_contributors = o['contributors']
        if type(f_contributors) is not list and type(f_contributors) is not tuple:
            raise NotRead
        for item in f_contributors:
            if type(item) is not str or not _text_non_empty(item):
                raise NotRead
        f_contributors = tuple(f_contributors)
    else:
        f_contributors = ()
    if 'distributed_by' in o:
        f_distributed_by = o['distributed_by']
        if type(f_distributed_by) is not list and type(f_distributed_by) is not tuple:
            raise NotRead
        for item in f_distributed_by:
            if type(item) is not str or not _text_non_empty(item):
                raise NotRead
        f_distributed_by = tuple(f_distributed_by)
    else:
        f_distributed_by = ()
    f_section = o.get('section')
    if f_section is not None:
        if type(f_section) is not str or not _text_non_empty(f_section):
            raise NotRead
    f_published = o.get('published')
    if f_published is not None:
        f_published = read_reported_time(f_published)
    f_retrieved = o.get('retrieved')
    if f_retrieved is not None:
        if type(f_retrieved) is not str:
            raise NotRead
        f_retrieved = _known_point(f_retrieved) or _point(f_retrieved)
    f_language = o.get('language')
    if f_language is not None:
        if type(f_language) is not str or not _text_language(f_language):
            raise NotRead
    f_rights = o.get('rights')
    if f_rights is not None:
        if type(f_rights) is not str or not _text_non_empty(f_rights):
            raise NotRead
    if 'basis' in o:
        f_basis = o['basis']
        if type(f_basis) is not str:
            raise NotRead
        f_basis = _members_basis[f_basis]
    else:
        f_basis = Basis.STATED
    if 'identifiers' in o:
        f_identifiers = o['identifiers']
        if type(f_identifiers) is not list and type(f_identifiers) is not tuple:
            raise NotRead
        f_identifiers = tuple([read_identifier(item) for item in f_identifiers])
    else:
        f_identifiers = ()
    obj = _new(Citation)
    _set(obj, 'extra_fields', None)
    _set(obj, 'publisher', f_publisher)
    _set(obj, 'title', f_title)
    _set(obj, 'url', f_url)
    _set(obj, 'authors', f_authors)
    _set(obj, 'contributors', f_contributors)
    _set(obj, 'distributed_by', f_distributed_by)
    _set(obj, 'section', f_section)
    _set(obj, 'published', f_published)
    _set(obj, 'retrieved', f_retrieved)
    _set(obj, 'language', f_language)
    _set(obj, 'rights', f_rights)
    _set(obj, 'basis', f_basis)
    _set(obj, 'identifiers', f_identifiers)
    if _check_citation(obj):
        raise NotRead
    return obj


def read_coordinates(o: Any, _: Any = None) -> Coordinates:
    if type(o) is not dict or not o.keys() <= _keys_coordinates:
        raise NotRead
    f_latitude = o['latitude']
    if not _is_number(f_latitude):
        raise NotRead
    f_latitude = float(f_latitude)
    if not _test_latitude(f_latitude):
        raise NotRead
    f_longitude = o['longitude']
    if not _is_number(f_longitude):
        raise NotRead
    f_longitude = float(f_longitude)
    if not _test_longitude(f_longitude):
        raise NotRead
    obj = _new(Coordinates)
    _set(obj, 'extra_fields', None)
    _set(obj, 'latitude', f_latitude)
    _set(obj, 'longitude', f_longitude)
    return obj


def read_identifier(o: Any, _: Any = None) -> Identifier:
    if type(o) is not dict or not o.keys() <= _keys_identifier:
        raise NotRead
    f_scheme = o['scheme']
    if type(f_scheme) is not str or not _text_scheme(f_scheme):
        raise NotRead
    f_value = o['value']
    if type(f_value) is not str or not _text_non_empty(f_value):
        raise NotRead
    obj = _new(Identifier)
    _set(obj, 'extra_fields', None)
    _set(obj, 'scheme', f_scheme)
    _set(obj, 'value', f_value)
    if _check_identifier(obj):
        raise NotRead
    return obj


def read_place(o: Any, _: Any = None) -> Place:
    if type(o) is not dict or not o.keys() <= _keys_place:
        raise NotRead
    f_name = o['name']
    if type(f_name) is not str or not _text_non_empty(f_name):
        raise NotRead
    f_kind = o.get('kind')
    if f_kind is not None:
        if type(f_kind) is not str:
            raise NotRead
        f_kind = _members_place_kind[f_kind]
    f_country = o.get('country')
    if f_country is not None:
        if type(f_country) is not str or not _text_country(f_country):
            raise NotRead
    f_within = o.get('within')
    if f_within is not None:
        if type(f_within) is not str or not _text_non_empty(f_within):
            raise NotRead
    f_coordinates = o.get('coordinates')
    if f_coordinates is not None:
        f_coordinates = read_coordinates(f_coordinates)
    if 'identifiers' in o:
        f_identifiers = o['identifiers']
        if type(f_identifiers) is not list and type(f_identifiers) is not tuple:
            raise NotRead
        f_identifiers = tuple([read_identifier(item) for item in f_identifiers])
    else:
        f_identifiers = ()
    obj = _new(Place)
    _set(obj, 'extra_fields', None)
    _set(obj, 'name', f_name)
    _set(obj, 'kind', f_kind)
    _set(obj, 'country', f_country)
    _set(obj, 'within', f_within)
    _set(obj, 'coordinates', f_coordinates)
    _set(obj, 'identifiers', f_identifiers)
    return obj


def read_source_value(o: Any, _: Any = None) -> SourceValue:
    if type(o) is not dict or not o.keys() <= _keys_source_value:
        raise NotRead
    f_dataset = o['dataset']
    if type(f_dataset) is not str or not _text_scheme(f_dataset):
        raise NotRead
    f_column = o['column']
    if type(f_column) is not str or not _text_non_empty(f_column):
        raise NotRead
    f_row = o.get('row')
    if f_row is not None:
        if type(f_row) is not str or not _text_non_empty(f_row):
            raise NotRead
    f_text = o.get('text')
    if f_text is not None:
        if type(f_text) is not str:
            raise NotRead
    f_integer = o.get('integer')
    if f_integer is not None:
        if type(f_integer) is not int:
            raise NotRead
    f_number = o.get('number')
    if f_number is not None:
        if not _is_number(f_number):
            raise NotRead
        f_number = float(f_number)
    f_boolean = o.get('boolean')
    if f_boolean is not None:
        if type(f_boolean) is not bool:
            raise NotRead
    f_date = o.get('date')
    if f_date is not None:
        if type(f_date) is not str:
            raise NotRead
        f_date = _known_point(f_date) or _point(f_date)
    obj = _new(SourceValue)
    _set(obj, 'extra_fields', None)
    _set(obj, 'dataset', f_dataset)
    _set(obj, 'column', f_column)
    _set(obj, 'row', f_row)
    _set(obj, 'text', f_text)
    _set(obj, 'integer', f_integer)
    _set(obj, 'number', f_number)
    _set(obj, 'boolean', f_boolean)
    _set(obj, 'date', f_date)
    if _check_source_value(obj):
        raise NotRead
    return obj


def read_document(o: Any, _: Any = None) -> Document:
    if type(o) is not dict or not o.keys() <= _keys_document:
        raise NotRead
    if o.get('schema_version') != SCHEMA_VERSION:
        raise NotRead
    if 'records' in o:
        f_records = o['records']
        if type(f_records) is not list and type(f_records) is not tuple:
            raise NotRead
        f_records = tuple([read_record(item) for item in f_records])
    else:
        f_records = ()
    f_title = o.get('title')
    if f_title is not None:
        if type(f_title) is not str or not _text_non_empty(f_title):
            raise NotRead
    if 'sources' in o:
        f_sources = o['sources']
        if type(f_sources) is not list and type(f_sources) is not tuple:
            raise NotRead
        f_sources = tuple([read_citation(item) for item in f_sources])
    else:
        f_sources = ()
    obj = _new(Document)
    _set(obj, 'extra_fields', None)
    _set(obj, 'records', f_records)
    _set(obj, 'title', f_title)
    _set(obj, 'sources', f_sources)
    return obj


def read_evidence(o: Any, _: Any = None) -> Evidence:
    if type(o) is not dict or not o.keys() <= _keys_evidence:
        raise NotRead
    f_quote = o['quote']
    if type(f_quote) is not str or not _text_non_empty(f_quote):
        raise NotRead
    f_start = o.get('start')
    if f_start is not None:
        if type(f_start) is not int:
            raise NotRead
        if not _test_count(f_start):
            raise NotRead
    f_end = o.get('end')
    if f_end is not None:
        if type(f_end) is not int:
            raise NotRead
        if not _test_count(f_end):
            raise NotRead
    f_field = o.get('field')
    if f_field is not None:
        if type(f_field) is not str or not _text_field_path(f_field):
            raise NotRead
    f_extractor = o.get('extractor')
    if f_extractor is not None:
        f_extractor = read_extractor(f_extractor)
    f_extracted = o.get('extracted')
    if f_extracted is not None:
        if type(f_extracted) is not str:
            raise NotRead
        f_extracted = _known_point(f_extracted) or _point(f_extracted)
    f_confidence = o.get('confidence')
    if f_confidence is not None:
        if not _is_number(f_confidence):
            raise NotRead
        f_confidence = float(f_confidence)
        if not _test_confidence(f_confidence):
            raise NotRead
    obj = _new(Evidence)
    _set(obj, 'extra_fields', None)
    _set(obj, 'quote', f_quote)
    _set(obj, 'start', f_start)
    _set(obj, 'end', f_end)
    _set(obj, 'field', f_field)
    _set(obj, 'extractor', f_extractor)
    _set(obj, 'extracted', f_extracted)
    _set(obj, 'confidence', f_confidence)
    if _check_evidence(obj):
        raise NotRead
    return obj


def read_extractor(o: Any, _: Any = None) -> Extractor:
    if type(o) is not dict or not o.keys() <= _keys_extractor:
        raise NotRead
    f_kind = o['kind']
    if type(f_kind) is not str:
        raise NotRead
    f_kind = _members_extractor_kind[f_kind]
    f_name = o['name']
    if type(f_name) is not str or not _text_non_empty(f_name):
        raise NotRead
    f_version = o.get('version')
    if f_version is not None:
        if type(f_version) is not str or not _text_non_empty(f_version):
            raise NotRead
    f_prompt = o.get('prompt')
    if f_prompt is not None:
        if type(f_prompt) is not str or not _text_non_empty(f_prompt):
            raise NotRead
    obj = _new(Extractor)
    _set(obj, 'extra_fields', None)
    _set(obj, 'kind', f_kind)
    _set(obj, 'name', f_name)
    _set(obj, 'version', f_version)
    _set(obj, 'prompt', f_prompt)
    return obj


def read_agreement(o: Any, _: Any = None) -> Agreement:
    if type(o) is not dict or not o.keys() <= _keys_agreement:
        raise NotRead
    f_reached = o.get('reached')
    if f_reached is not None:
        f_reached = read_reported_time(f_reached)
    if 'signatories' in o:
        f_signatories = o['signatories']
        if type(f_signatories) is not list and type(f_signatories) is not tuple:
            raise NotRead
        for item in f_signatories:
            if type(item) is not str or not _text_id(item):
                raise NotRead
        f_signatories = tuple(f_signatories)
    else:
        f_signatories = ()
    if 'witnesses' in o:
        f_witnesses = o['witnesses']
        if type(f_witnesses) is not list and type(f_witnesses) is not tuple:
            raise NotRead
        for item in f_witnesses:
            if type(item) is not str or not _text_id(item):
                raise NotRead
        f_witnesses = tuple(f_witnesses)
    else:
        f_witnesses = ()
    if 'guarantors' in o:
        f_guarantors = o['guarantors']
        if type(f_guarantors) is not list and type(f_guarantors) is not tuple:
            raise NotRead
        for item in f_guarantors:
            if type(item) is not str or not _text_id(item):
                raise NotRead
        f_guarantors = tuple(f_guarantors)
    else:
        f_guarantors = ()
    if 'mediators' in o:
        f_mediators = o['mediators']
        if type(f_mediators) is not list and type(f_mediators) is not tuple:
            raise NotRead
        for item in f_mediators:
            if type(item) is not str or not _text_id(item):
                raise NotRead
        f_mediators = tuple(f_mediators)
    else:
        f_mediators = ()
    if 'third_parties' in o:
        f_third_parties = o['third_parties']
        if type(f_third_parties) is not list and type(f_third_parties) is not tuple:
            raise NotRead
        for item in f_third_parties:
            if type(item) is not str or not _text_id(item):
                raise NotRead
        f_third_parties = tuple(f_third_parties)
    else:
        f_third_parties = ()
    f_signing = o.get('signing')
    if f_signing is not None:
        if type(f_signing) is not str:
            raise NotRead
        f_signing = _members_signing[f_signing]
    f_place = o.get('place')
    if f_place is not None:
        f_place = read_place(f_place)
    f_written = o.get('written')
    if f_written is not None:
        if type(f_written) is not bool:
            raise NotRead
    obj = _new(Agreement)
    _set(obj, 'extra_fields', None)
    _set(obj, 'reached', f_reached)
    _set(obj, 'signatories', f_signatories)
    _set(obj, 'witnesses', f_witnesses)
    _set(obj, 'guarantors', f_guarantors)
    _set(obj, 'mediators', f_mediators)
    _set(obj, 'third_parties', f_third_parties)
    _set(obj, 'signing', f_signing)
    _set(obj, 'place', f_place)
    _set(obj, 'written', f_written)
    return obj


def read_condition(o: Any, _: Any = None) -> Condition:
    if type(o) is not dict or not o.keys() <= _keys_condition:
        raise NotRead
    f_description = o['description']
    if type(f_description) is not str or not _text_non_empty(f_description):
        raise NotRead
    if 'requires' in o:
        f_requires = o['requires']
        if type(f_requires) is not list and type(f_requires) is not tuple:
            raise NotRead
        for item in f_requires:
            if type(item) is not str or not _text_id(item):
                raise NotRead
        f_requires = tuple(f_requires)
    else:
        f_requires = ()
    if 'set_by' in o:
        f_set_by = o['set_by']
        if type(f_set_by) is not list and type(f_set_by) is not tuple:
            raise NotRead
        for item in f_set_by:
            if type(item) is not str or not _text_id(item):
                raise NotRead
        f_set_by = tuple(f_set_by)
    else:
        f_set_by = ()
    obj = _new(Condition)
    _set(obj, 'extra_fields', None)
    _set(obj, 'description', f_description)
    _set(obj, 'requires', f_requires)
    _set(obj, 'set_by', f_set_by)
    return obj


def read_proposal(o: Any, _: Any = None) -> Proposal:
    if type(o) is not dict or not o.keys() <= _keys_proposal:
        raise NotRead
    if o.get('type') != 'proposal':
        raise NotRead
    f_id = o['id']
    if type(f_id) is not str or not _text_id(f_id):
        raise NotRead
    f_title = o.get('title')
    if f_title is not None:
        if type(f_title) is not str or not _text_non_empty(f_title):
            raise NotRead
    if 'proposed_by' in o:
        f_proposed_by = o['proposed_by']
        if type(f_proposed_by) is not list and type(f_proposed_by) is not tuple:
            raise NotRead
        for item in f_proposed_by:
            if type(item) is not str or not _text_id(item):
                raise NotRead
        f_proposed_by = tuple(f_proposed_by)
    else:
        f_proposed_by = ()
    if 'addressed_to' in o:
        f_addressed_to = o['addressed_to']
        if type(f_addressed_to) is not list and type(f_addressed_to) is not tuple:
            raise NotRead
        for item in f_addressed_to:
            if type(item) is not str or not _text_id(item):
                raise NotRead
        f_addressed_to = tuple(f_addressed_to)
    else:
        f_addressed_to = ()
    f_proposed = o.get('proposed')
    if f_proposed is not None:
        f_proposed = read_reported_time(f_proposed)
    if 'terms' in o:
        f_terms = o['terms']
        if type(f_terms) is not list and type(f_terms) is not tuple:
            raise NotRead
        f_terms = tuple([read_term(item) for item in f_terms])
    else:
        f_terms = ()
    if 'conditions' in o:
        f_conditions = o['conditions']
        if type(f_conditions) is not list and type(f_conditions) is not tuple:
            raise NotRead
        f_conditions = tuple([read_condition(item) for item in f_conditions])
    else:
        f_conditions = ()
    f_deadline = o.get('deadline')
    if f_deadline is not None:
        f_deadline = read_reported_time(f_deadline)
    if 'status' in o:
        f_status = o['status']
        if type(f_status) is not str:
            raise NotRead
        f_status = _members_proposal_status[f_status]
    else:
        f_status = ProposalStatus.PROPOSED
    if 'responses' in o:
        f_responses = o['responses']
        if type(f_responses) is not list and type(f_responses) is not tuple:
            raise NotRead
        f_responses = tuple([read_response(item) for item in f_responses])
    else:
        f_responses = ()
    f_revises = o.get('revises')
    if f_revises is not None:
        if type(f_revises) is not str or not _text_id(f_revises):
            raise NotRead
    f_stage = o.get('stage')
    if f_stage is not None:
        if type(f_stage) is not str:
            raise NotRead
        f_stage = _members_agreement_stage[f_stage]
    f_peace_process = o.get('peace_process')
    if f_peace_process is not None:
        if type(f_peace_process) is not str or not _text_non_empty(f_peace_process):
            raise NotRead
    f_conflict = o.get('conflict')
    if f_conflict is not None:
        if type(f_conflict) is not str or not _text_non_empty(f_conflict):
            raise NotRead
    f_agreement = o.get('agreement')
    if f_agreement is not None:
        f_agreement = read_agreement(f_agreement)
    if 'sources' in o:
        f_sources = o['sources']
        if type(f_sources) is not list and type(f_sources) is not tuple:
            raise NotRead
        f_sources = tuple([read_citation(item) for item in f_sources])
    else:
        f_sources = ()
    if 'identifiers' in o:
        f_identifiers = o['identifiers']
        if type(f_identifiers) is not list and type(f_identifiers) is not tuple:
            raise NotRead
        f_identifiers = tuple([read_identifier(item) for item in f_identifiers])
    else:
        f_identifiers = ()
    if 'source_columns' in o:
        f_source_columns = o['source_columns']
        if type(f_source_columns) is not list and type(f_source_columns) is not tuple:
            raise NotRead
        f_source_columns = tuple([read_source_value(item) for item in f_source_columns])
    else:
        f_source_columns = ()
    if 'evidence' in o:
        f_evidence = o['evidence']
        if type(f_evidence) is not list and type(f_evidence) is not tuple:
            raise NotRead
        f_evidence = tuple([read_evidence(item) for item in f_evidence])
    else:
        f_evidence = ()
    obj = _new(Proposal)
    _set(obj, 'extra_fields', None)
    _set(obj, 'id', f_id)
    _set(obj, 'title', f_title)
    _set(obj, 'proposed_by', f_proposed_by)
    _set(obj, 'addressed_to', f_addressed_to)
    _set(obj, 'proposed', f_proposed)
    _set(obj, 'terms', f_terms)
    _set(obj, 'conditions', f_conditions)
    _set(obj, 'deadline', f_deadline)
    _set(obj, 'status', f_status)
    _set(obj, 'responses', f_responses)
    _set(obj, 'revises', f_revises)
    _set(obj, 'stage', f_stage)
    _set(obj, 'peace_process', f_peace_process)
    _set(obj, 'conflict', f_conflict)
    _set(obj, 'agreement', f_agreement)
    _set(obj, 'sources', f_sources)
    _set(obj, 'identifiers', f_identifiers)
    _set(obj, 'source_columns', f_source_columns)
    _set(obj, 'evidence', f_evidence)
    if _check_proposal(obj):
        raise NotRead
    return obj


def read_response(o: Any, _: Any = None) -> Response:
    if type(o) is not dict or not o.keys() <= _keys_response:
        raise NotRead
    f_party = o['party']
    if type(f_party) is not str or not _text_id(f_party):
        raise NotRead
    f_position = o['position']
    if type(f_position) is not str:
        raise NotRead
    f_position = _members_response_kind[f_position]
    f_when = o.get('when')
    if f_when is not None:
        f_when = read_reported_time(f_when)
    if 'conditions' in o:
        f_conditions = o['conditions']
        if type(f_conditions) is not list and type(f_conditions) is not tuple:
            raise NotRead
        f_conditions = tuple([read_condition(item) for item in f_conditions])
    else:
        f_conditions = ()
    f_statement = o.get('statement')
    if f_statement is not None:
        if type(f_statement) is not str or not _text_id(f_statement):
            raise NotRead
    obj = _new(Response)
    _set(obj, 'extra_fields', None)
    _set(obj, 'party', f_party)
    _set(obj, 'position', f_position)
    _set(obj, 'when', f_when)
    _set(obj, 'conditions', f_conditions)
    _set(obj, 'statement', f_statement)
    if _check_response(obj):
        raise NotRead
    return obj


def read_term(o: Any, _: Any = None) -> Term:
    if type(o) is not dict or not o.keys() <= _keys_term:
        raise NotRead
    f_topic = o['topic']
    if type(f_topic) is not str:
        raise NotRead
    f_topic = _members_term_topic[f_topic]
    f_description = o['description']
    if type(f_description) is not str or not _text_non_empty(f_description):
        raise NotRead
    if 'obliges' in o:
        f_obliges = o['obliges']
        if type(f_obliges) is not list and type(f_obliges) is not tuple:
            raise NotRead
        for item in f_obliges:
            if type(item) is not str or not _text_id(item):
                raise NotRead
        f_obliges = tuple(f_obliges)
    else:
        f_obliges = ()
    if 'concerns' in o:
        f_concerns = o['concerns']
        if type(f_concerns) is not list and type(f_concerns) is not tuple:
            raise NotRead
        for item in f_concerns:
            if type(item) is not str or not _text_id(item):
                raise NotRead
        f_concerns = tuple(f_concerns)
    else:
        f_concerns = ()
    obj = _new(Term)
    _set(obj, 'extra_fields', None)
    _set(obj, 'topic', f_topic)
    _set(obj, 'description', f_description)
    _set(obj, 'obliges', f_obliges)
    _set(obj, 'concerns', f_concerns)
    return obj


def read_channel(o: Any, _: Any = None) -> Channel:
    if type(o) is not dict or not o.keys() <= _keys_channel:
        raise NotRead
    f_medium = o['medium']
    if type(f_medium) is not str:
        raise NotRead
    f_medium = _members_medium[f_medium]
    f_outlet = o.get('outlet')
    if f_outlet is not None:
        if type(f_outlet) is not str or not _text_non_empty(f_outlet):
            raise NotRead
    f_program = o.get('program')
    if f_program is not None:
        if type(f_program) is not str or not _text_non_empty(f_program):
            raise NotRead
    f_interviewer = o.get('interviewer')
    if f_interviewer is not None:
        if type(f_interviewer) is not str or not _text_non_empty(f_interviewer):
            raise NotRead
    if 'published_on' in o:
        f_published_on = o['published_on']
        if type(f_published_on) is not list and type(f_published_on) is not tuple:
            raise NotRead
        for item in f_published_on:
            if type(item) is not str or not _text_non_empty(item):
                raise NotRead
        f_published_on = tuple(f_published_on)
    else:
        f_published_on = ()
    obj = _new(Channel)
    _set(obj, 'extra_fields', None)
    _set(obj, 'medium', f_medium)
    _set(obj, 'outlet', f_outlet)
    _set(obj, 'program', f_program)
    _set(obj, 'interviewer', f_interviewer)
    _set(obj, 'published_on', f_published_on)
    return obj


def read_claim(o: Any, _: Any = None) -> Claim:
    if type(o) is not dict or not o.keys() <= _keys_claim:
        raise NotRead
    f_subject = o['subject']
    if type(f_subject) is not str or not _text_non_empty(f_subject):
        raise NotRead
    f_quantity = o.get('quantity')
    if f_quantity is not None:
        f_quantity = read_quantity(f_quantity)
    f_period = o.get('period')
    if f_period is not None:
        f_period = read_reported_time(f_period)
    f_place = o.get('place')
    if f_place is not None:
        f_place = read_place(f_place)
    obj = _new(Claim)
    _set(obj, 'extra_fields', None)
    _set(obj, 'subject', f_subject)
    _set(obj, 'quantity', f_quantity)
    _set(obj, 'period', f_period)
    _set(obj, 'place', f_place)
    return obj


def read_quantity(o: Any, _: Any = None) -> Quantity:
    if type(o) is not dict or not o.keys() <= _keys_quantity:
        raise NotRead
    f_value = o['value']
    if not _is_number(f_value):
        raise NotRead
    f_unit = o['unit']
    if type(f_unit) is not str or not _text_non_empty(f_unit):
        raise NotRead
    if 'qualifier' in o:
        f_qualifier = o['qualifier']
        if type(f_qualifier) is not str:
            raise NotRead
        f_qualifier = _members_qualifier[f_qualifier]
    else:
        f_qualifier = Qualifier.EXACTLY
    f_upper = o.get('upper')
    if f_upper is not None:
        if not _is_number(f_upper):
            raise NotRead
    f_words = o.get('words')
    if f_words is not None:
        if type(f_words) is not str or not _text_non_empty(f_words):
            raise NotRead
    obj = _new(Quantity)
    _set(obj, 'extra_fields', None)
    _set(obj, 'value', f_value)
    _set(obj, 'unit', f_unit)
    _set(obj, 'qualifier', f_qualifier)
    _set(obj, 'upper', f_upper)
    _set(obj, 'words', f_words)
    if _check_quantity(obj):
        raise NotRead
    return obj


def read_statement(o: Any, _: Any = None) -> Statement:
    if type(o) is not dict or not o.keys() <= _keys_statement:
        raise NotRead
    if o.get('type') != 'statement':
        raise NotRead
    f_id = o['id']
    if type(f_id) is not str or not _text_id(f_id):
        raise NotRead
    f_speaker = o['speaker']
    if type(f_speaker) is not str or not _text_id(f_speaker):
        raise NotRead
    f_quotation = o['quotation']
    if type(f_quotation) is not str:
        raise NotRead
    f_quotation = _members_quotation[f_quotation]
    f_text = o['text']
    if type(f_text) is not str or not _text_non_empty(f_text):
        raise NotRead
    f_language = o.get('language')
    if f_language is not None:
        if type(f_language) is not str or not _text_language(f_language):
            raise NotRead
    if 'addressed_to' in o:
        f_addressed_to = o['addressed_to']
        if type(f_addressed_to) is not list and type(f_addressed_to) is not tuple:
            raise NotRead
        for item in f_addressed_to:
            if type(item) is not str or not _text_id(item):
                raise NotRead
        f_addressed_to = tuple(f_addressed_to)
    else:
        f_addressed_to = ()
    f_said = o.get('said')
    if f_said is not None:
        f_said = read_reported_time(f_said)
    f_reported = o.get('reported')
    if f_reported is not None:
        f_reported = read_reported_time(f_reported)
    f_channel = o.get('channel')
    if f_channel is not None:
        f_channel = read_channel(f_channel)
    f_place = o.get('place')
    if f_place is not None:
        f_place = read_place(f_place)
    f_venue = o.get('venue')
    if f_venue is not None:
        if type(f_venue) is not str or not _text_id(f_venue):
            raise NotRead
    if 'about' in o:
        f_about = o['about']
        if type(f_about) is not list and type(f_about) is not tuple:
            raise NotRead
        for item in f_about:
            if type(item) is not str or not _text_id(item):
                raise NotRead
        f_about = tuple(f_about)
    else:
        f_about = ()
    f_stance = o.get('stance')
    if f_stance is not None:
        if type(f_stance) is not str:
            raise NotRead
        f_stance = _members_stance[f_stance]
    if 'disputes' in o:
        f_disputes = o['disputes']
        if type(f_disputes) is not list and type(f_disputes) is not tuple:
            raise NotRead
        for item in f_disputes:
            if type(item) is not str or not _text_id(item):
                raise NotRead
        f_disputes = tuple(f_disputes)
    else:
        f_disputes = ()
    if 'claims' in o:
        f_claims = o['claims']
        if type(f_claims) is not list and type(f_claims) is not tuple:
            raise NotRead
        f_claims = tuple([read_claim(item) for item in f_claims])
    else:
        f_claims = ()
    if 'sources' in o:
        f_sources = o['sources']
        if type(f_sources) is not list and type(f_sources) is not tuple:
            raise NotRead
        f_sources = tuple([read_citation(item) for item in f_sources])
    else:
        f_sources = ()
    if 'identifiers' in o:
        f_identifiers = o['identifiers']
        if type(f_identifiers) is not list and type(f_identifiers) is not tuple:
            raise NotRead
        f_identifiers = tuple([read_identifier(item) for item in f_identifiers])
    else:
        f_identifiers = ()
    if 'source_columns' in o:
        f_source_columns = o['source_columns']
        if type(f_source_columns) is not list and type(f_source_columns) is not tuple:
            raise NotRead
        f_source_columns = tuple([read_source_value(item) for item in f_source_columns])
    else:
        f_source_columns = ()
    if 'evidence' in o:
        f_evidence = o['evidence']
        if type(f_evidence) is not list and type(f_evidence) is not tuple:
            raise NotRead
        f_evidence = tuple([read_evidence(item) for item in f_evidence])
    else:
        f_evidence = ()
    obj = _new(Statement)
    _set(obj, 'extra_fields', None)
    _set(obj, 'id', f_id)
    _set(obj, 'speaker', f_speaker)
    _set(obj, 'quotation', f_quotation)
    _set(obj, 'text', f_text)
    _set(obj, 'language', f_language)
    _set(obj, 'addressed_to', f_addressed_to)
    _set(obj, 'said', f_said)
    _set(obj, 'reported', f_reported)
    _set(obj, 'channel', f_channel)
    _set(obj, 'place', f_place)
    _set(obj, 'venue', f_venue)
    _set(obj, 'about', f_about)
    _set(obj, 'stance', f_stance)
    _set(obj, 'disputes', f_disputes)
    _set(obj, 'claims', f_claims)
    _set(obj, 'sources', f_sources)
    _set(obj, 'identifiers', f_identifiers)
    _set(obj, 'source_columns', f_source_columns)
    _set(obj, 'evidence', f_evidence)
    if _check_statement(obj):
        raise NotRead
    return obj


def read_duration(o: Any, _: Any = None) -> Duration:
    if type(o) is not dict or not o.keys() <= _keys_duration:
        raise NotRead
    if 'kind' in o:
        f_kind = o['kind']
        if type(f_kind) is not str:
            raise NotRead
        f_kind = _members_duration_kind[f_kind]
    else:
        f_kind = DurationKind.FIXED
    f_amount = o.get('amount')
    if f_amount is not None:
        if type(f_amount) is not int:
            raise NotRead
        if not _test_count(f_amount):
            raise NotRead
    f_unit = o.get('unit')
    if f_unit is not None:
        if type(f_unit) is not str:
            raise NotRead
        f_unit = _members_time_unit[f_unit]
    f_words = o.get('words')
    if f_words is not None:
        if type(f_words) is not str or not _text_non_empty(f_words):
            raise NotRead
    if 'approximate' in o:
        f_approximate = o['approximate']
        if type(f_approximate) is not bool:
            raise NotRead
    else:
        f_approximate = False
    obj = _new(Duration)
    _set(obj, 'extra_fields', None)
    _set(obj, 'kind', f_kind)
    _set(obj, 'amount', f_amount)
    _set(obj, 'unit', f_unit)
    _set(obj, 'words', f_words)
    _set(obj, 'approximate', f_approximate)
    if _check_duration(obj):
        raise NotRead
    return obj


def read_reported_time(o: Any, _: Any = None) -> ReportedTime:
    if type(o) is not dict or not o.keys() <= _keys_reported_time:
        raise NotRead
    f_words = o.get('words')
    if f_words is not None:
        if type(f_words) is not str or not _text_non_empty(f_words):
            raise NotRead
    f_earliest = o.get('earliest')
    if f_earliest is not None:
        if type(f_earliest) is not str:
            raise NotRead
        f_earliest = _known_point(f_earliest) or _point(f_earliest)
    f_latest = o.get('latest')
    if f_latest is not None:
        if type(f_latest) is not str:
            raise NotRead
        f_latest = _known_point(f_latest) or _point(f_latest)
    if 'relation' in o:
        f_relation = o['relation']
        if type(f_relation) is not str:
            raise NotRead
        f_relation = _members_time_relation[f_relation]
    else:
        f_relation = TimeRelation.WITHIN
    f_zone = o.get('zone')
    if f_zone is not None:
        if type(f_zone) is not str or not _test_zone(f_zone):
            raise NotRead
    f_reference = o.get('reference')
    if f_reference is not None:
        if type(f_reference) is not str:
            raise NotRead
        f_reference = _known_point(f_reference) or _point(f_reference)
    if 'basis' in o:
        f_basis = o['basis']
        if type(f_basis) is not str:
            raise NotRead
        f_basis = _members_basis[f_basis]
    else:
        f_basis = Basis.STATED
    if 'approximate' in o:
        f_approximate = o['approximate']
        if type(f_approximate) is not bool:
            raise NotRead
    else:
        f_approximate = False
    obj = _new(ReportedTime)
    _set(obj, 'extra_fields', None)
    _set(obj, 'words', f_words)
    _set(obj, 'earliest', f_earliest)
    _set(obj, 'latest', f_latest)
    _set(obj, 'relation', f_relation)
    _set(obj, 'zone', f_zone)
    _set(obj, 'reference', f_reference)
    _set(obj, 'basis', f_basis)
    _set(obj, 'approximate', f_approximate)
    if _check_reported_time(obj):
        raise NotRead
    return obj


def read_scope(o: Any, _: Any = None) -> Scope:
    if type(o) is not dict or not o.keys() <= _keys_scope:
        raise NotRead
    f_extent = o['extent']
    if type(f_extent) is not str:
        raise NotRead
    f_extent = _members_extent[f_extent]
    if 'activities' in o:
        f_activities = o['activities']
        if type(f_activities) is not list and type(f_activities) is not tuple:
            raise NotRead
        for item in f_activities:
            if type(item) is not str:
                raise NotRead
        f_activities = tuple([_members_activity[item] for item in f_activities])
    else:
        f_activities = ()
    if 'targets' in o:
        f_targets = o['targets']
        if type(f_targets) is not list and type(f_targets) is not tuple:
            raise NotRead
        for item in f_targets:
            if type(item) is not str:
                raise NotRead
        f_targets = tuple([_members_target[item] for item in f_targets])
    else:
        f_targets = ()
    if 'areas' in o:
        f_areas = o['areas']
        if type(f_areas) is not list and type(f_areas) is not tuple:
            raise NotRead
        f_areas = tuple([read_place(item) for item in f_areas])
    else:
        f_areas = ()
    f_words = o.get('words')
    if f_words is not None:
        if type(f_words) is not str or not _text_non_empty(f_words):
            raise NotRead
    obj = _new(Scope)
    _set(obj, 'extra_fields', None)
    _set(obj, 'extent', f_extent)
    _set(obj, 'activities', f_activities)
    _set(obj, 'targets', f_targets)
    _set(obj, 'areas', f_areas)
    _set(obj, 'words', f_words)
    return obj


def read_truce(o: Any, _: Any = None) -> Truce:
    if type(o) is not dict or not o.keys() <= _keys_truce:
        raise NotRead
    if o.get('type') != 'truce':
        raise NotRead
    f_id = o['id']
    if type(f_id) is not str or not _text_id(f_id):
        raise NotRead
    f_name = o.get('name')
    if f_name is not None:
        if type(f_name) is not str or not _text_non_empty(f_name):
            raise NotRead
    if 'parties' in o:
        f_parties = o['parties']
        if type(f_parties) is not list and type(f_parties) is not tuple:
            raise NotRead
        f_parties = tuple([read_truce_party(item) for item in f_parties])
    else:
        f_parties = ()
    if 'announced_by' in o:
        f_announced_by = o['announced_by']
        if type(f_announced_by) is not list and type(f_announced_by) is not tuple:
            raise NotRead
        for item in f_announced_by:
            if type(item) is not str or not _text_id(item):
                raise NotRead
        f_announced_by = tuple(f_announced_by)
    else:
        f_announced_by = ()
    if 'mediators' in o:
        f_mediators = o['mediators']
        if type(f_mediators) is not list and type(f_mediators) is not tuple:
            raise NotRead
        for item in f_mediators:
            if type(item) is not str or not _text_id(item):
                raise NotRead
        f_mediators = tuple(f_mediators)
    else:
        f_mediators = ()
    f_scope = o.get('scope')
    if f_scope is not None:
        f_scope = read_scope(f_scope)
    f_duration = o.get('duration')
    if f_duration is not None:
        f_duration = read_duration(f_duration)
    f_declared = o.get('declared')
    if f_declared is not None:
        f_declared = read_reported_time(f_declared)
    f_effective = o.get('effective')
    if f_effective is not None:
        f_effective = read_reported_time(f_effective)
    f_ends = o.get('ends')
    if f_ends is not None:
        f_ends = read_reported_time(f_ends)
    if 'purposes' in o:
        f_purposes = o['purposes']
        if type(f_purposes) is not list and type(f_purposes) is not tuple:
            raise NotRead
        for item in f_purposes:
            if type(item) is not str:
                raise NotRead
        f_purposes = tuple([_members_purpose[item] for item in f_purposes])
    else:
        f_purposes = ()
    f_other_purpose = o.get('other_purpose')
    if f_other_purpose is not None:
        if type(f_other_purpose) is not str or not _text_non_empty(f_other_purpose):
            raise NotRead
    f_written = o.get('written')
    if f_written is not None:
        if type(f_written) is not bool:
            raise NotRead
    if 'monitored_by' in o:
        f_monitored_by = o['monitored_by']
        if type(f_monitored_by) is not list and type(f_monitored_by) is not tuple:
            raise NotRead
        for item in f_monitored_by:
            if type(item) is not str or not _text_id(item):
                raise NotRead
        f_monitored_by = tuple(f_monitored_by)
    else:
        f_monitored_by = ()
    f_enforcement = o.get('enforcement')
    if f_enforcement is not None:
        if type(f_enforcement) is not str:
            raise NotRead
        f_enforcement = _members_enforcement[f_enforcement]
    f_category = o.get('category')
    if f_category is not None:
        if type(f_category) is not str:
            raise NotRead
        f_category = _members_truce_category[f_category]
    f_implementation_mechanism = o.get('implementation_mechanism')
    if f_implementation_mechanism is not None:
        if type(f_implementation_mechanism) is not bool:
            raise NotRead
    f_disarmament = o.get('disarmament')
    if f_disarmament is not None:
        if type(f_disarmament) is not bool:
            raise NotRead
    if 'events' in o:
        f_events = o['events']
        if type(f_events) is not list and type(f_events) is not tuple:
            raise NotRead
        f_events = tuple([read_truce_event(item) for item in f_events])
    else:
        f_events = ()
    if 'links' in o:
        f_links = o['links']
        if type(f_links) is not list and type(f_links) is not tuple:
            raise NotRead
        f_links = tuple([read_truce_link(item) for item in f_links])
    else:
        f_links = ()
    f_proposal = o.get('proposal')
    if f_proposal is not None:
        if type(f_proposal) is not str or not _text_id(f_proposal):
            raise NotRead
    if 'sources' in o:
        f_sources = o['sources']
        if type(f_sources) is not list and type(f_sources) is not tuple:
            raise NotRead
        f_sources = tuple([read_citation(item) for item in f_sources])
    else:
        f_sources = ()
    if 'identifiers' in o:
        f_identifiers = o['identifiers']
        if type(f_identifiers) is not list and type(f_identifiers) is not tuple:
            raise NotRead
        f_identifiers = tuple([read_identifier(item) for item in f_identifiers])
    else:
        f_identifiers = ()
    if 'source_columns' in o:
        f_source_columns = o['source_columns']
        if type(f_source_columns) is not list and type(f_source_columns) is not tuple:
            raise NotRead
        f_source_columns = tuple([read_source_value(item) for item in f_source_columns])
    else:
        f_source_columns = ()
    if 'evidence' in o:
        f_evidence = o['evidence']
        if type(f_evidence) is not list and type(f_evidence) is not tuple:
            raise NotRead
        f_evidence = tuple([read_evidence(item) for item in f_evidence])
    else:
        f_evidence = ()
    obj = _new(Truce)
    _set(obj, 'extra_fields', None)
    _set(obj, 'id', f_id)
    _set(obj, 'name', f_name)
    _set(obj, 'parties', f_parties)
    _set(obj, 'announced_by', f_announced_by)
    _set(obj, 'mediators', f_mediators)
    _set(obj, 'scope', f_scope)
    _set(obj, 'duration', f_duration)
    _set(obj, 'declared', f_declared)
    _set(obj, 'effective', f_effective)
    _set(obj, 'ends', f_ends)
    _set(obj, 'purposes', f_purposes)
    _set(obj, 'other_purpose', f_other_purpose)
    _set(obj, 'written', f_written)
    _set(obj, 'monitored_by', f_monitored_by)
    _set(obj, 'enforcement', f_enforcement)
    _set(obj, 'category', f_category)
    _set(obj, 'implementation_mechanism', f_implementation_mechanism)
    _set(obj, 'disarmament', f_disarmament)
    _set(obj, 'events', f_events)
    _set(obj, 'links', f_links)
    _set(obj, 'proposal', f_proposal)
    _set(obj, 'sources', f_sources)
    _set(obj, 'identifiers', f_identifiers)
    _set(obj, 'source_columns', f_source_columns)
    _set(obj, 'evidence', f_evidence)
    if _check_truce(obj):
        raise NotRead
    return obj


def read_truce_event(o: Any, _: Any = None) -> TruceEvent:
    if type(o) is not dict or not o.keys() <= _keys_truce_event:
        raise NotRead
    f_kind = o['kind']
    if type(f_kind) is not str:
        raise NotRead
    f_kind = _members_truce_event_kind[f_kind]
    f_when = o.get('when')
    if f_when is not None:
        f_when = read_reported_time(f_when)
    if 'actors' in o:
        f_actors = o['actors']
        if type(f_actors) is not list and type(f_actors) is not tuple:
            raise NotRead
        for item in f_actors:
            if type(item) is not str or not _text_id(item):
                raise NotRead
        f_actors = tuple(f_actors)
    else:
        f_actors = ()
    if 'reported_by' in o:
        f_reported_by = o['reported_by']
        if type(f_reported_by) is not list and type(f_reported_by) is not tuple:
            raise NotRead
        for item in f_reported_by:
            if type(item) is not str or not _text_id(item):
                raise NotRead
        f_reported_by = tuple(f_reported_by)
    else:
        f_reported_by = ()
    f_scope = o.get('scope')
    if f_scope is not None:
        f_scope = read_scope(f_scope)
    f_duration = o.get('duration')
    if f_duration is not None:
        f_duration = read_duration(f_duration)
    f_statement = o.get('statement')
    if f_statement is not None:
        if type(f_statement) is not str or not _text_id(f_statement):
            raise NotRead
    f_proposal = o.get('proposal')
    if f_proposal is not None:
        if type(f_proposal) is not str or not _text_id(f_proposal):
            raise NotRead
    f_words = o.get('words')
    if f_words is not None:
        if type(f_words) is not str or not _text_non_empty(f_words):
            raise NotRead
    obj = _new(TruceEvent)
    _set(obj, 'extra_fields', None)
    _set(obj, 'kind', f_kind)
    _set(obj, 'when', f_when)
    _set(obj, 'actors', f_actors)
    _set(obj, 'reported_by', f_reported_by)
    _set(obj, 'scope', f_scope)
    _set(obj, 'duration', f_duration)
    _set(obj, 'statement', f_statement)
    _set(obj, 'proposal', f_proposal)
    _set(obj, 'words', f_words)
    return obj


def read_truce_link(o: Any, _: Any = None) -> TruceLink:
    if type(o) is not dict or not o.keys() <= _keys_truce_link:
        raise NotRead
    f_relation = o['relation']
    if type(f_relation) is not str:
        raise NotRead
    f_relation = _members_truce_link_kind[f_relation]
    f_truce = o['truce']
    if type(f_truce) is not str or not _text_id(f_truce):
        raise NotRead
    obj = _new(TruceLink)
    _set(obj, 'extra_fields', None)
    _set(obj, 'relation', f_relation)
    _set(obj, 'truce', f_truce)
    return obj


def read_truce_party(o: Any, _: Any = None) -> TruceParty:
    if type(o) is not dict or not o.keys() <= _keys_truce_party:
        raise NotRead
    f_actor = o['actor']
    if type(f_actor) is not str or not _text_id(f_actor):
        raise NotRead
    f_consent = o.get('consent')
    if f_consent is not None:
        if type(f_consent) is not str:
            raise NotRead
        f_consent = _members_consent[f_consent]
    f_consented = o.get('consented')
    if f_consented is not None:
        f_consented = read_reported_time(f_consented)
    f_venue = o.get('venue')
    if f_venue is not None:
        if type(f_venue) is not str or not _text_id(f_venue):
            raise NotRead
    obj = _new(TruceParty)
    _set(obj, 'extra_fields', None)
    _set(obj, 'actor', f_actor)
    _set(obj, 'consent', f_consent)
    _set(obj, 'consented', f_consented)
    _set(obj, 'venue', f_venue)
    return obj


def read_delegation(o: Any, _: Any = None) -> Delegation:
    if type(o) is not dict or not o.keys() <= _keys_delegation:
        raise NotRead
    f_sent_by = o['sent_by']
    if type(f_sent_by) is not str or not _text_id(f_sent_by):
        raise NotRead
    if 'members' in o:
        f_members = o['members']
        if type(f_members) is not list and type(f_members) is not tuple:
            raise NotRead
        for item in f_members:
            if type(item) is not str or not _text_id(item):
                raise NotRead
        f_members = tuple(f_members)
    else:
        f_members = ()
    f_head = o.get('head')
    if f_head is not None:
        if type(f_head) is not str or not _text_id(f_head):
            raise NotRead
    f_rank = o.get('rank')
    if f_rank is not None:
        if type(f_rank) is not str:
            raise NotRead
        f_rank = _members_rank[f_rank]
    f_size = o.get('size')
    if f_size is not None:
        if type(f_size) is not int:
            raise NotRead
        if not _test_headcount(f_size):
            raise NotRead
    f_description = o.get('description')
    if f_description is not None:
        if type(f_description) is not str or not _text_non_empty(f_description):
            raise NotRead
    obj = _new(Delegation)
    _set(obj, 'extra_fields', None)
    _set(obj, 'sent_by', f_sent_by)
    _set(obj, 'members', f_members)
    _set(obj, 'head', f_head)
    _set(obj, 'rank', f_rank)
    _set(obj, 'size', f_size)
    _set(obj, 'description', f_description)
    if _check_delegation(obj):
        raise NotRead
    return obj


def read_venue(o: Any, _: Any = None) -> Venue:
    if type(o) is not dict or not o.keys() <= _keys_venue:
        raise NotRead
    if o.get('type') != 'venue':
        raise NotRead
    f_id = o['id']
    if type(f_id) is not str or not _text_id(f_id):
        raise NotRead
    f_name = o.get('name')
    if f_name is not None:
        if type(f_name) is not str or not _text_non_empty(f_name):
            raise NotRead
    if 'formats' in o:
        f_formats = o['formats']
        if type(f_formats) is not list and type(f_formats) is not tuple:
            raise NotRead
        for item in f_formats:
            if type(item) is not str:
                raise NotRead
        f_formats = tuple([_members_format[item] for item in f_formats])
    else:
        f_formats = ()
    f_place = o.get('place')
    if f_place is not None:
        f_place = read_place(f_place)
    f_status = o.get('status')
    if f_status is not None:
        if type(f_status) is not str:
            raise NotRead
        f_status = _members_venue_status[f_status]
    f_when = o.get('when')
    if f_when is not None:
        f_when = read_reported_time(f_when)
    f_duration = o.get('duration')
    if f_duration is not None:
        f_duration = read_duration(f_duration)
    if 'hosts' in o:
        f_hosts = o['hosts']
        if type(f_hosts) is not list and type(f_hosts) is not tuple:
            raise NotRead
        for item in f_hosts:
            if type(item) is not str or not _text_id(item):
                raise NotRead
        f_hosts = tuple(f_hosts)
    else:
        f_hosts = ()
    if 'mediators' in o:
        f_mediators = o['mediators']
        if type(f_mediators) is not list and type(f_mediators) is not tuple:
            raise NotRead
        for item in f_mediators:
            if type(item) is not str or not _text_id(item):
                raise NotRead
        f_mediators = tuple(f_mediators)
    else:
        f_mediators = ()
    if 'participants' in o:
        f_participants = o['participants']
        if type(f_participants) is not list and type(f_participants) is not tuple:
            raise NotRead
        for item in f_participants:
            if type(item) is not str or not _text_id(item):
                raise NotRead
        f_participants = tuple(f_participants)
    else:
        f_participants = ()
    if 'delegations' in o:
        f_delegations = o['delegations']
        if type(f_delegations) is not list and type(f_delegations) is not tuple:
            raise NotRead
        f_delegations = tuple([read_delegation(item) for item in f_delegations])
    else:
        f_delegations = ()
    if 'agenda' in o:
        f_agenda = o['agenda']
        if type(f_agenda) is not list and type(f_agenda) is not tuple:
            raise NotRead
        for item in f_agenda:
            if type(item) is not str or not _text_id(item):
                raise NotRead
        f_agenda = tuple(f_agenda)
    else:
        f_agenda = ()
    f_outcome = o.get('outcome')
    if f_outcome is not None:
        if type(f_outcome) is not str:
            raise NotRead
        f_outcome = _members_outcome[f_outcome]
    f_part_of = o.get('part_of')
    if f_part_of is not None:
        if type(f_part_of) is not str or not _text_id(f_part_of):
            raise NotRead
    if 'sources' in o:
        f_sources = o['sources']
        if type(f_sources) is not list and type(f_sources) is not tuple:
            raise NotRead
        f_sources = tuple([read_citation(item) for item in f_sources])
    else:
        f_sources = ()
    if 'identifiers' in o:
        f_identifiers = o['identifiers']
        if type(f_identifiers) is not list and type(f_identifiers) is not tuple:
            raise NotRead
        f_identifiers = tuple([read_identifier(item) for item in f_identifiers])
    else:
        f_identifiers = ()
    if 'source_columns' in o:
        f_source_columns = o['source_columns']
        if type(f_source_columns) is not list and type(f_source_columns) is not tuple:
            raise NotRead
        f_source_columns = tuple([read_source_value(item) for item in f_source_columns])
    else:
        f_source_columns = ()
    if 'evidence' in o:
        f_evidence = o['evidence']
        if type(f_evidence) is not list and type(f_evidence) is not tuple:
            raise NotRead
        f_evidence = tuple([read_evidence(item) for item in f_evidence])
    else:
        f_evidence = ()
    obj = _new(Venue)
    _set(obj, 'extra_fields', None)
    _set(obj, 'id', f_id)
    _set(obj, 'name', f_name)
    _set(obj, 'formats', f_formats)
    _set(obj, 'place', f_place)
    _set(obj, 'status', f_status)
    _set(obj, 'when', f_when)
    _set(obj, 'duration', f_duration)
    _set(obj, 'hosts', f_hosts)
    _set(obj, 'mediators', f_mediators)
    _set(obj, 'participants', f_participants)
    _set(obj, 'delegations', f_delegations)
    _set(obj, 'agenda', f_agenda)
    _set(obj, 'outcome', f_outcome)
    _set(obj, 'part_of', f_part_of)
    _set(obj, 'sources', f_sources)
    _set(obj, 'identifiers', f_identifiers)
    _set(obj, 'source_columns', f_source_columns)
    _set(obj, 'evidence', f_evidence)
    if _check_venue(obj):
        raise NotRead
    return obj


_RECORD_READERS: dict[str, Any] = {'actor': read_actor, 'statement': read_statement, 'proposal': read_proposal, 'truce': read_truce, 'venue': read_venue}

#: The reader of each class.
READERS: dict[type, Any] = {Actor: read_actor, Affiliation: read_affiliation, Anonymity: read_anonymity, Name: read_name, Citation: read_citation, Coordinates: read_coordinates, Identifier: read_identifier, Place: read_place, SourceValue: read_source_value, Document: read_document, Evidence: read_evidence, Extractor: read_extractor, Agreement: read_agreement, Condition: read_condition, Proposal: read_proposal, Response: read_response, Term: read_term, Channel: read_channel, Claim: read_claim, Quantity: read_quantity, Statement: read_statement, Duration: read_duration, ReportedTime: read_reported_time, Scope: read_scope, Truce: read_truce, TruceEvent: read_truce_event, TruceLink: read_truce_link, TruceParty: read_truce_party, Delegation: read_delegation, Venue: read_venue}
