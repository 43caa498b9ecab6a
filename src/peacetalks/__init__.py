"""peacetalks: a typed, strict, versioned schema for peace negotiations as the news reports them.

The five records — :class:`Actor`, :class:`Statement`, :class:`Proposal`,
:class:`Truce` and :class:`Venue` — and the value types they share are frozen,
slotted attrs classes, compared and hashed by value. Records refer to each other
by id. :class:`Document` holds records of every kind under a ``schema_version``;
a :class:`Dossier` checks that they fit together and answers questions about them;
:class:`JsonLinesReader` and :class:`JsonLinesWriter` stream them.

>>> import peacetalks as pt
>>> doc = pt.load_example()
>>> doc.get("trump").name
'Donald Trump'
>>> pt.from_json(pt.to_json(doc), pt.Document) == doc
True
"""

import importlib
from typing import TYPE_CHECKING, Any

from peacetalks.__about__ import __version__
from peacetalks._base import JSONObject
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
from peacetalks.converter import (
    converter,
    from_dict,
    from_json,
    make_converter,
    to_dict,
    to_json,
    to_json_bytes,
)
from peacetalks.document import RECORD_CLASSES, SCHEMA_VERSION, Document, Record
from peacetalks.errors import (
    BadLineError,
    IntegrityError,
    LimitExceededError,
    MalformedJSONError,
    MergeConflictError,
    PeacetalksError,
    Problem,
    SchemaVersionError,
    SerializationError,
    UnknownRecordError,
    UnreadableTimeError,
    ValidationError,
)
from peacetalks.evidence import Evidence, Extractor, ExtractorKind, check_evidence
from peacetalks.limits import DEFAULT_LIMITS, DEPTH_CEILING, Limits
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
from peacetalks.times import (
    Answer,
    Basis,
    Duration,
    DurationKind,
    Precision,
    ReportedTime,
    TimePoint,
    TimeRelation,
    TimeUnit,
)
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

if TYPE_CHECKING:
    from peacetalks.dossier import Dossier, DossierDiff, Position, RecordChange
    from peacetalks.example import example_json, load_example
    from peacetalks.files import read_document, write_document
    from peacetalks.inforce import in_force
    from peacetalks.integrity import check_integrity
    from peacetalks.jsonlines import (
        BadLine,
        JsonLinesReader,
        JsonLinesWriter,
        read_jsonl,
        record_from_dict,
        write_jsonl,
    )
    from peacetalks.references import REFERENCES, Reference, Role
    from peacetalks.timeline import Timeline, TimelineEntry
    from peacetalks.timeparse import parse_duration, parse_time

# Loaded on first use, so that importing peacetalks for its model and converter
# does not pay for the rest.
_LAZY = {
    "BadLine": "peacetalks.jsonlines",
    "Dossier": "peacetalks.dossier",
    "DossierDiff": "peacetalks.dossier",
    "JsonLinesReader": "peacetalks.jsonlines",
    "JsonLinesWriter": "peacetalks.jsonlines",
    "Position": "peacetalks.dossier",
    "REFERENCES": "peacetalks.references",
    "RecordChange": "peacetalks.dossier",
    "Reference": "peacetalks.references",
    "Role": "peacetalks.references",
    "Timeline": "peacetalks.timeline",
    "TimelineEntry": "peacetalks.timeline",
    "check_integrity": "peacetalks.integrity",
    "example_json": "peacetalks.example",
    "in_force": "peacetalks.inforce",
    "load_example": "peacetalks.example",
    "parse_duration": "peacetalks.timeparse",
    "parse_time": "peacetalks.timeparse",
    "read_document": "peacetalks.files",
    "read_jsonl": "peacetalks.jsonlines",
    "record_from_dict": "peacetalks.jsonlines",
    "write_document": "peacetalks.files",
    "write_jsonl": "peacetalks.jsonlines",
}

__all__ = [
    "DEFAULT_LIMITS",
    "DEPTH_CEILING",
    "RECORD_CLASSES",
    "REFERENCES",
    "SCHEMA_VERSION",
    "Activity",
    "Actor",
    "ActorCategory",
    "Affiliation",
    "Agreement",
    "AgreementStage",
    "Anonymity",
    "Answer",
    "BadLine",
    "BadLineError",
    "Basis",
    "Channel",
    "Citation",
    "Claim",
    "Condition",
    "Consent",
    "Coordinates",
    "Delegation",
    "Document",
    "Dossier",
    "DossierDiff",
    "Duration",
    "DurationKind",
    "Enforcement",
    "Evidence",
    "Extent",
    "Extractor",
    "ExtractorKind",
    "Format",
    "Identifier",
    "IntegrityError",
    "JSONObject",
    "JsonLinesReader",
    "JsonLinesWriter",
    "LimitExceededError",
    "Limits",
    "MalformedJSONError",
    "Medium",
    "MergeConflictError",
    "Name",
    "NameKind",
    "Outcome",
    "PeacetalksError",
    "Place",
    "PlaceKind",
    "Position",
    "Precision",
    "Problem",
    "Proposal",
    "ProposalStatus",
    "Purpose",
    "Qualifier",
    "Quantity",
    "Quotation",
    "Rank",
    "Record",
    "RecordChange",
    "Reference",
    "Relation",
    "ReportedTime",
    "Response",
    "ResponseKind",
    "Role",
    "SchemaVersionError",
    "Scope",
    "SerializationError",
    "Signing",
    "SourceCount",
    "SourceValue",
    "Stance",
    "Statement",
    "Target",
    "Term",
    "TermTopic",
    "TimePoint",
    "TimeRelation",
    "TimeUnit",
    "Timeline",
    "TimelineEntry",
    "Truce",
    "TruceCategory",
    "TruceEvent",
    "TruceEventKind",
    "TruceLink",
    "TruceLinkKind",
    "TruceParty",
    "UnknownRecordError",
    "UnreadableTimeError",
    "ValidationError",
    "Venue",
    "VenueStatus",
    "__version__",
    "check_evidence",
    "check_integrity",
    "converter",
    "example_json",
    "from_dict",
    "from_json",
    "in_force",
    "load_example",
    "make_converter",
    "parse_duration",
    "parse_time",
    "read_document",
    "read_jsonl",
    "record_from_dict",
    "to_dict",
    "to_json",
    "to_json_bytes",
    "write_document",
    "write_jsonl",
]


def __getattr__(name: str) -> Any:
    module = _LAZY.get(name)
    if module is None:
        raise AttributeError(f"module 'peacetalks' has no attribute {name!r}")
    value = getattr(importlib.import_module(module), name)
    globals()[name] = value
    return value


def __dir__() -> list[str]:
    return sorted(set(globals()) | set(_LAZY))
