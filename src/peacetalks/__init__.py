"""peacetalks: a typed, strict, versioned schema for peace negotiations as the news reports them.

The five records — :class:`Actor`, :class:`Statement`, :class:`Proposal`,
:class:`Truce` and :class:`Venue` — and the value types they share are frozen,
slotted attrs classes, compared and hashed by value. Records refer to each other
by id. :class:`Document` holds records of every kind under a ``schema_version``.

>>> import peacetalks as pt
>>> doc = pt.load_example()
>>> doc.get("trump").name
'Donald Trump'
>>> pt.from_json(pt.to_json(doc), pt.Document) == doc
True
"""

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
from peacetalks.common import Citation, Coordinates, Identifier, Place, PlaceKind
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
    MalformedJSONError,
    PeacetalksError,
    Problem,
    SchemaVersionError,
    SerializationError,
    UnreadableTimeError,
    ValidationError,
)
from peacetalks.example import example_json, load_example
from peacetalks.files import read_document, write_document
from peacetalks.proposal import (
    Agreement,
    AgreementStage,
    Condition,
    Proposal,
    ProposalStatus,
    Response,
    ResponseKind,
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
from peacetalks.timeparse import parse_duration, parse_time
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
    TruceEvent,
    TruceEventKind,
    TruceLink,
    TruceLinkKind,
    TruceParty,
)
from peacetalks.venue import Delegation, Format, Outcome, Rank, Venue, VenueStatus

__all__ = [
    "RECORD_CLASSES",
    "SCHEMA_VERSION",
    "Activity",
    "Actor",
    "ActorCategory",
    "Affiliation",
    "Agreement",
    "AgreementStage",
    "Anonymity",
    "Answer",
    "Basis",
    "Channel",
    "Citation",
    "Claim",
    "Condition",
    "Consent",
    "Coordinates",
    "Delegation",
    "Document",
    "Duration",
    "DurationKind",
    "Enforcement",
    "Extent",
    "Format",
    "Identifier",
    "JSONObject",
    "MalformedJSONError",
    "Medium",
    "Name",
    "NameKind",
    "Outcome",
    "PeacetalksError",
    "Place",
    "PlaceKind",
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
    "Relation",
    "ReportedTime",
    "Response",
    "ResponseKind",
    "SchemaVersionError",
    "Scope",
    "SerializationError",
    "SourceCount",
    "Stance",
    "Statement",
    "Target",
    "Term",
    "TermTopic",
    "TimePoint",
    "TimeRelation",
    "TimeUnit",
    "Truce",
    "TruceEvent",
    "TruceEventKind",
    "TruceLink",
    "TruceLinkKind",
    "TruceParty",
    "UnreadableTimeError",
    "ValidationError",
    "Venue",
    "VenueStatus",
    "__version__",
    "converter",
    "example_json",
    "from_dict",
    "from_json",
    "load_example",
    "make_converter",
    "parse_duration",
    "parse_time",
    "read_document",
    "to_dict",
    "to_json",
    "to_json_bytes",
    "write_document",
]
