"""Dossiers: records of every kind that fit together, indexed by id, and the questions they answer.

A :class:`Dossier` is immutable. Building one checks that its records fit
together (:func:`~peacetalks.integrity.check_integrity`) and raises
:class:`~peacetalks.errors.IntegrityError` listing every problem; so do its
updates, :meth:`Dossier.add`, :meth:`Dossier.replace` and
:meth:`Dossier.remove`, which return a new dossier.

>>> import peacetalks as pt
>>> dossier = pt.Dossier.from_document(pt.load_example())
>>> len(dossier)
98
>>> [s.id for s in dossier.statements_by("peskov")]
['peskov-step', 'peskov-technical-level']
>>> dossier.in_force("energy-truce", pt.ReportedTime.on("2025-03-25", zone="Europe/Kyiv"))
<Answer.MAYBE: 'maybe'>
"""

from __future__ import annotations

from collections.abc import Iterable, Iterator, Sequence
from typing import Any, TypeVar, overload

import attrs

from peacetalks._rules import describe
from peacetalks.actor import Actor, Relation
from peacetalks.common import Citation
from peacetalks.converter import to_dict
from peacetalks.document import RECORD_CLASSES, Document, Record
from peacetalks.errors import (
    IntegrityError,
    MergeConflictError,
    Problem,
    UnknownRecordError,
    format_path,
)
from peacetalks.inforce import When, in_force
from peacetalks.integrity import check_integrity
from peacetalks.limits import DEFAULT_LIMITS
from peacetalks.proposal import Proposal, Response, ResponseKind
from peacetalks.references import Role, iter_references
from peacetalks.statement import Statement
from peacetalks.timeline import Timeline, build_timeline
from peacetalks.times import Answer, ReportedTime
from peacetalks.truce import Truce

__all__ = ["Dossier", "DossierDiff", "Position", "RecordChange"]

R = TypeVar("R")
_RECORD_TYPES = tuple(RECORD_CLASSES.values())

# Affiliations through which an actor speaks for an organisation.
_SPEAKS_FOR = frozenset(
    {Relation.LEADER, Relation.SPOKESPERSON, Relation.ENVOY, Relation.REPRESENTATIVE}
)


@attrs.frozen(kw_only=True, weakref_slot=False)
class Position:
    """A party's position on a proposal at one time.

    Attributes:
        party: The id of the actor responding.
        position: accepted, rejected, open_to_discussion...
        when: When the position was taken: the response's own time, or else
            when the statement giving it was said (or, failing that, reported).
        response: The response as recorded.
        statement: The statement that gives the position, if any.
    """

    party: str
    position: ResponseKind
    when: ReportedTime | None
    response: Response
    statement: Statement | None = None


@attrs.frozen(kw_only=True, weakref_slot=False)
class RecordChange:
    """A record that differs between two versions of a dossier.

    Attributes:
        before: The record in the first dossier.
        after: The record, under the same id, in the second.
        paths: The JSON paths (in wire names) of every value that differs.
    """

    before: Record
    after: Record
    paths: tuple[str, ...]

    @property
    def record_id(self) -> str:
        """The id both versions share."""
        return self.before.id


@attrs.frozen(kw_only=True, weakref_slot=False)
class DossierDiff:
    """What changed from one version of a dossier to another.

    Attributes:
        added: Records only in the second version, in its order.
        removed: Records only in the first version, in its order.
        changed: Records in both whose content differs, in the first version's order.
    """

    added: tuple[Record, ...] = ()
    removed: tuple[Record, ...] = ()
    changed: tuple[RecordChange, ...] = ()

    def __bool__(self) -> bool:
        """True when anything changed."""
        return bool(self.added or self.removed or self.changed)


def _as_tuple(records: Iterable[Record]) -> tuple[Record, ...]:
    try:
        return tuple(records)
    except TypeError:  # not even iterable
        problem = Problem(("records",), "an iterable of records", describe(records))
        raise IntegrityError([problem], "dossier") from None


@attrs.frozen(eq=False, weakref_slot=False)
class Dossier:
    """Records of every kind that fit together, indexed by id.

    Equal dossiers hold equal records, in any order. Raises
    :class:`~peacetalks.errors.IntegrityError` when the records do not fit
    together, listing every problem up to ``DEFAULT_LIMITS.max_problems`` (then
    one saying how many more).
    """

    records: tuple[Record, ...] = attrs.field(converter=_as_tuple, default=())
    _index: dict[str, Record] = attrs.field(init=False, repr=False)

    def __attrs_post_init__(self) -> None:
        problems = check_integrity(self.records, max_problems=DEFAULT_LIMITS.max_problems)
        if problems:
            raise IntegrityError(problems, "dossier")
        object.__setattr__(self, "_index", {record.id: record for record in self.records})

    @classmethod
    def from_document(cls, document: Document) -> Dossier:
        """A dossier of a document's records."""
        return cls(document.records)

    def to_document(
        self, *, title: str | None = None, sources: Sequence[Citation] = ()
    ) -> Document:
        """A document of the dossier's records, in order."""
        return Document(records=self.records, title=title, sources=tuple(sources))

    # The collection.

    def __len__(self) -> int:
        return len(self.records)

    def __iter__(self) -> Iterator[Record]:
        return iter(self.records)

    def __contains__(self, record_id: object) -> bool:
        return isinstance(record_id, str) and record_id in self._index

    def __eq__(self, other: object) -> bool:
        if not isinstance(other, Dossier):
            return NotImplemented
        return self._index == other._index

    def __hash__(self) -> int:
        return hash(frozenset(self.records))

    @overload
    def get(self, record_id: str) -> Record | None: ...
    @overload
    def get(self, record_id: str, kind: type[R]) -> R | None: ...
    def get(self, record_id: str, kind: type[Any] | None = None) -> Any:
        """The record with this id (if it is a ``kind``, when given), or ``None``."""
        record = self._index.get(record_id) if isinstance(record_id, str) else None
        return record if kind is None or isinstance(record, kind) else None

    def of_type(self, kind: type[R]) -> tuple[R, ...]:
        """The records of one kind, in order: ``dossier.of_type(Truce)``."""
        return tuple(record for record in self.records if isinstance(record, kind))

    def _require(self, record_id: str, kind: type[R]) -> R:
        record = self.get(record_id, kind)
        if record is None:
            found = self.get(record_id)
            detail = "" if found is None else f" (it is {found.record_type})"
            name = kind.__name__.lower()
            raise UnknownRecordError(f"no {name} with id {record_id!r} in the dossier{detail}")
        return record

    # Validated updates: each returns a new dossier.

    def add(self, *records: Record) -> Dossier:
        """A new dossier with ``records`` added; their ids must be new."""
        return Dossier((*self.records, *records))

    def replace(self, *records: Record) -> Dossier:
        """A new dossier with the records of the same ids replaced by ``records``."""
        _records_only(records, "replacement")
        new: dict[str, Record] = {}
        for record in records:
            if record.id not in self._index:
                raise UnknownRecordError(f"no record with id {record.id!r} to replace")
            if new.setdefault(record.id, record) is not record:
                problem = Problem(("id",), "each id once among the replacements", repr(record.id))
                raise IntegrityError([problem], "replacement")
        return Dossier(new.get(record.id, record) for record in self.records)

    def remove(self, *record_ids: str) -> Dossier:
        """A new dossier without these records; nothing left may refer to them."""
        for record_id in record_ids:
            if record_id not in self:
                raise UnknownRecordError(f"no record with id {record_id!r} in the dossier")
        gone = set(record_ids)
        return Dossier(record for record in self.records if record.id not in gone)

    # Merging and comparing.

    def conflicts(self, other: Dossier) -> list[Problem]:
        """Every difference between records that both dossiers hold under the same id."""
        _dossier_only(other, "merge")
        problems: list[Problem] = []
        for record in self.records:
            theirs = other._index.get(record.id)
            if theirs is None or theirs == record:
                continue
            for location, mine, found in _differences(to_dict(record), to_dict(theirs), ()):
                expected = f"the same as in the first dossier ({_show(mine)})"
                problems.append(
                    Problem(location, expected, _show(found), record.record_type, record.id)
                )
        return problems

    def merge(self, other: Dossier) -> Dossier:
        """The records of both; a record both hold must be identical in both.

        Raises :class:`~peacetalks.errors.MergeConflictError` naming every
        conflicting record and path; nothing is overwritten.
        """
        problems = self.conflicts(other)
        if problems:
            raise MergeConflictError(problems, "merge")
        return Dossier((*self.records, *(r for r in other.records if r.id not in self._index)))

    def diff(self, other: Dossier) -> DossierDiff:
        """What changed from this dossier to ``other``, record by record."""
        _dossier_only(other, "diff")
        changed = []
        for record in self.records:
            theirs = other._index.get(record.id)
            if theirs is not None and theirs != record:
                paths = tuple(
                    format_path(location)
                    for location, _, _ in _differences(to_dict(record), to_dict(theirs), ())
                )
                changed.append(RecordChange(before=record, after=theirs, paths=paths))
        return DossierDiff(
            added=tuple(r for r in other.records if r.id not in self._index),
            removed=tuple(r for r in self.records if r.id not in other._index),
            changed=tuple(changed),
        )

    # Queries.

    def timeline(self) -> Timeline:
        """Everything that happened, in steps of known order (see :mod:`peacetalks.timeline`)."""
        return build_timeline(self.records, self._index.get)

    def statements_by(self, actor_id: str, *, speaking_for: bool = False) -> tuple[Statement, ...]:
        """The statements an actor made, in dossier order.

        With ``speaking_for=True``, also those of the actors who speak for it:
        its leaders, spokespeople, envoys and representatives (from their
        affiliations), e.g. Peskov for the Kremlin.
        """
        self._require(actor_id, Actor)
        speakers = {actor_id}
        if speaking_for:
            speakers.update(
                actor.id
                for actor in self.of_type(Actor)
                if any(
                    a.organization == actor_id and a.relation in _SPEAKS_FOR
                    for a in actor.affiliations
                )
            )
        return tuple(s for s in self.of_type(Statement) if s.speaker in speakers)

    def positions(self, proposal_id: str) -> dict[str, tuple[Position, ...]]:
        """Each party's positions on a proposal, in the order recorded, party by party."""
        proposal = self._require(proposal_id, Proposal)
        positions: dict[str, list[Position]] = {}
        for response in proposal.responses:
            statement = None
            if response.statement is not None:
                statement = self.get(response.statement, Statement)
            when = response.when
            if (when is None or not when.resolved) and statement is not None:
                known = statement.said is not None and statement.said.resolved
                when = statement.said if known else statement.reported
            positions.setdefault(response.party, []).append(
                Position(
                    party=response.party,
                    position=response.position,
                    when=when,
                    response=response,
                    statement=statement,
                )
            )
        return {party: tuple(items) for party, items in positions.items()}

    def in_force(self, truce_id: str, on: When | str) -> Answer:
        """Was this truce in force for all of ``on`` (yes), none of it (no), or maybe?

        The rules are in :mod:`peacetalks.inforce`.
        """
        return in_force(self._require(truce_id, Truce), on)

    def truces_in_force(self, on: When | str) -> tuple[tuple[Truce, Answer], ...]:
        """The truces that were, or may have been, in force at ``on``, with the answer."""
        answers = ((truce, in_force(truce, on)) for truce in self.of_type(Truce))
        return tuple((truce, answer) for truce, answer in answers if answer is not Answer.NO)

    def roles_of(self, actor_id: str) -> dict[Role, tuple[str, ...]]:
        """The roles an actor plays, each with the ids of the records where it plays it."""
        self._require(actor_id, Actor)
        roles: dict[Role, list[str]] = {}
        for record in self.records:
            for _, target, reference in iter_references(record):
                if target == actor_id and reference.role is not None:
                    where = roles.setdefault(reference.role, [])
                    if record.id not in where:
                        where.append(record.id)
        return {role: tuple(ids) for role, ids in roles.items()}

    def actors_by_role(self, role: Role, *, within: str | None = None) -> tuple[Actor, ...]:
        """The actors who play ``role`` (in the record ``within``, if given), in dossier order."""
        records: Iterable[Record] = self.records
        if within is not None:
            record = self.get(within)
            if record is None:
                raise UnknownRecordError(f"no record with id {within!r} in the dossier")
            records = (record,)
        found = {
            target
            for record in records
            for _, target, reference in iter_references(record)
            if reference.role is role
        }
        return tuple(actor for actor in self.of_type(Actor) if actor.id in found)

    def references_to(self, record_id: str) -> tuple[tuple[str, str], ...]:
        """Where a record is referred to: (id of the referring record, JSON path in it)."""
        return tuple(
            (record.id, format_path(path))
            for record in self.records
            for path, target, _ in iter_references(record)
            if target == record_id
        )


def _records_only(records: Iterable[object], subject: str) -> None:
    strays = [
        Problem(("records", index), "a record", describe(item))
        for index, item in enumerate(records)
        if not isinstance(item, _RECORD_TYPES)
    ]
    if strays:
        raise IntegrityError(strays, subject)


def _dossier_only(other: object, subject: str) -> None:
    if not isinstance(other, Dossier):
        raise IntegrityError([Problem((), "a Dossier", describe(other))], subject)


def _differences(
    mine: Any, theirs: Any, location: tuple[str | int, ...]
) -> Iterator[tuple[tuple[str | int, ...], Any, Any]]:
    """(location, value in ``mine``, value in ``theirs``) for each difference in plain JSON data."""
    if isinstance(mine, dict) and isinstance(theirs, dict):
        for key in [*mine, *(k for k in theirs if k not in mine)]:
            yield from _differences(mine.get(key), theirs.get(key), (*location, key))
    elif isinstance(mine, list) and isinstance(theirs, list) and len(mine) == len(theirs):
        for index, (a, b) in enumerate(zip(mine, theirs, strict=True)):
            yield from _differences(a, b, (*location, index))
    elif mine != theirs or type(mine) is not type(theirs):
        yield location, mine, theirs


def _show(value: Any) -> str:
    return "nothing" if value is None else describe(value)
