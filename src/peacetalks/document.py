"""Documents: a versioned envelope holding records of every kind."""

from __future__ import annotations

from typing import TypeAlias, TypeVar

import attrs

from peacetalks._base import Model, meta
from peacetalks._rules import NON_EMPTY
from peacetalks.actor import Actor
from peacetalks.common import Citation
from peacetalks.proposal import Proposal
from peacetalks.statement import Statement
from peacetalks.truce import Truce
from peacetalks.venue import Venue

__all__ = ["RECORD_CLASSES", "SCHEMA_VERSION", "Document", "Record"]

#: The version of the JSON format this library writes, and the newest it reads.
SCHEMA_VERSION = 2

Record: TypeAlias = Actor | Statement | Proposal | Truce | Venue
"""Any of the five record kinds."""

RecordT = TypeVar("RecordT", Actor, Statement, Proposal, Truce, Venue)

#: Each record class by the ``type`` tag it carries on the wire.
RECORD_CLASSES: dict[str, type[Record]] = {
    "actor": Actor,
    "statement": Statement,
    "proposal": Proposal,
    "truce": Truce,
    "venue": Venue,
}


@attrs.frozen(kw_only=True, weakref_slot=False)
class Document(Model):
    """Records of mixed kinds, with what they were compiled from.

    On the wire a document carries ``schema_version``; in Python it is always
    the current version, since loading migrates older documents.
    """

    records: tuple[Record, ...] = attrs.field(
        default=(), metadata=meta("The records, each tagged with its kind under 'type'.")
    )
    title: str | None = attrs.field(
        default=None, metadata=meta("What the document covers.", NON_EMPTY)
    )
    sources: tuple[Citation, ...] = attrs.field(
        default=(), metadata=meta("What the document as a whole was compiled from.")
    )

    def of_type(self, cls: type[RecordT]) -> tuple[RecordT, ...]:
        """The records of one kind, in document order: ``doc.of_type(Actor)``."""
        return tuple(record for record in self.records if type(record) is cls)

    def get(self, record_id: str) -> Record | None:
        """The first record with this id, or ``None``."""
        for record in self.records:
            if record.id == record_id:
                return record
        return None
