"""Which records each id field may point to: the one table the integrity check reads.

Records refer to each other by id. :data:`REFERENCES` says, for every class
with such a field, which record kinds the id may name and, for ids of actors,
the role the actor plays there (a truce's ``mediators`` are mediators, a
proposal's ``proposed_by`` are proposers). The integrity check, the role query
and the "what points here" query all read this table and nothing else, so a
new reference field needs one new line here (a test fails until it has one).

>>> from peacetalks import Statement
>>> from peacetalks.references import REFERENCES
>>> sorted(REFERENCES[Statement]["about"].kinds)
['proposal', 'statement', 'truce', 'venue']
>>> REFERENCES[Statement]["speaker"].role
<Role.SPEAKER: 'speaker'>
"""

from __future__ import annotations

import enum
import typing
from collections.abc import Iterator, Mapping

import attrs

from peacetalks._base import Checked
from peacetalks.actor import Actor, Affiliation
from peacetalks.document import RECORD_CLASSES, Record
from peacetalks.proposal import Agreement, Condition, Proposal, Response, Term
from peacetalks.statement import Statement
from peacetalks.truce import Truce, TruceEvent, TruceLink, TruceParty
from peacetalks.venue import Delegation, Venue

__all__ = ["REFERENCES", "Reference", "Role", "iter_references"]


class Role(enum.Enum):
    """The part an actor plays where a record names it."""

    SPEAKER = "speaker"
    """Said a statement."""
    ADDRESSEE = "addressee"
    """A statement or proposal was addressed to it."""
    PROPOSER = "proposer"
    RESPONDENT = "respondent"
    """Took a position on a proposal."""
    OBLIGED = "obliged"
    """Would be bound by a term of a proposal."""
    CONDITION_SETTER = "condition_setter"
    SIGNATORY = "signatory"
    WITNESS = "witness"
    GUARANTOR = "guarantor"
    MEDIATOR = "mediator"
    """Mediated an agreement, a truce or talks."""
    THIRD_PARTY = "third_party"
    """Named as a third party to an agreement, with no role stated."""
    PARTY = "party"
    """A party to a truce."""
    ANNOUNCER = "announcer"
    """Announced a truce."""
    MONITOR = "monitor"
    """Monitors a truce."""
    HOST = "host"
    PARTICIPANT = "participant"
    """Took part in talks or a call, or sent a delegation to them."""
    DELEGATE = "delegate"
    """A member (or the head) of a delegation."""
    MEMBER = "member"
    """A member of a group, coalition or delegation actor."""


@attrs.frozen
class Reference:
    """What an id field may point to.

    Attributes:
        kinds: The record kinds (``"actor"``, ``"truce"``...) the id may name.
        role: For ids of actors, the role the actor plays there, if it is one
            a user asks about.
    """

    kinds: frozenset[str]
    role: Role | None = None


_ACTOR = frozenset({"actor"})
_STATEMENT = frozenset({"statement"})
_PROPOSAL = frozenset({"proposal"})
_TRUCE = frozenset({"truce"})
_VENUE = frozenset({"venue"})
_DEAL = _PROPOSAL | _TRUCE
_ANY = frozenset(RECORD_CLASSES)


def _actor(role: Role | None = None) -> Reference:
    return Reference(_ACTOR, role)


#: For each class with id fields: field name → what the ids may point to.
REFERENCES: Mapping[type, Mapping[str, Reference]] = {
    Actor: {"members": _actor(Role.MEMBER)},
    Affiliation: {"organization": _actor()},
    Statement: {
        "speaker": _actor(Role.SPEAKER),
        "addressed_to": _actor(Role.ADDRESSEE),
        "venue": Reference(_VENUE),
        # What a statement is about: a proposal, a truce, talks, or another statement.
        "about": Reference(_ANY - _ACTOR),
        "disputes": Reference(_STATEMENT),
    },
    Term: {
        "obliges": _actor(Role.OBLIGED),
        # Anything a term concerns: the truce it sets up, a summit, an alliance (an actor).
        "concerns": Reference(_ANY),
    },
    Condition: {"requires": Reference(_DEAL), "set_by": _actor(Role.CONDITION_SETTER)},
    Response: {"party": _actor(Role.RESPONDENT), "statement": Reference(_STATEMENT)},
    Agreement: {
        "signatories": _actor(Role.SIGNATORY),
        "witnesses": _actor(Role.WITNESS),
        "guarantors": _actor(Role.GUARANTOR),
        "mediators": _actor(Role.MEDIATOR),
        "third_parties": _actor(Role.THIRD_PARTY),
    },
    Proposal: {
        "proposed_by": _actor(Role.PROPOSER),
        "addressed_to": _actor(Role.ADDRESSEE),
        "revises": Reference(_PROPOSAL),
    },
    TruceParty: {"actor": _actor(Role.PARTY), "venue": Reference(_VENUE)},
    TruceEvent: {
        "actors": _actor(),
        "reported_by": _actor(),
        "statement": Reference(_STATEMENT),
        "proposal": Reference(_PROPOSAL),
    },
    TruceLink: {"truce": Reference(_TRUCE)},
    Truce: {
        "announced_by": _actor(Role.ANNOUNCER),
        "mediators": _actor(Role.MEDIATOR),
        "monitored_by": _actor(Role.MONITOR),
        "proposal": Reference(_PROPOSAL),
    },
    Delegation: {
        "sent_by": _actor(Role.PARTICIPANT),
        "members": _actor(Role.DELEGATE),
        "head": _actor(Role.DELEGATE),
    },
    Venue: {
        "hosts": _actor(Role.HOST),
        "mediators": _actor(Role.MEDIATOR),
        "participants": _actor(Role.PARTICIPANT),
        "agenda": Reference(_DEAL),
        "part_of": Reference(_VENUE),
    },
}

# Per class, in field order: (name, what it refers to), or (name, None) for a field that
# may hold objects with references of their own.
_Walk = tuple[tuple[str, Reference | None], ...]
_WALKS: dict[type, _Walk] = {}


def _classes_in(annotation: object) -> Iterator[type]:
    """The attrs classes an annotation may hold, through ``X | None`` and ``tuple[X, ...]``."""
    if isinstance(annotation, type) and attrs.has(annotation):
        yield annotation
    for argument in typing.get_args(annotation):
        yield from _classes_in(argument)


def _walk(cls: type) -> _Walk:
    walk = _WALKS.get(cls)
    if walk is None:
        _WALKS[cls] = ()  # guards against cycles while this class is worked out
        hints = typing.get_type_hints(cls)
        own = REFERENCES.get(cls, {})
        walk = _WALKS[cls] = tuple(
            (field.name, own.get(field.name))
            for field in attrs.fields(cls)
            if field.name in own or any(_walk(inner) for inner in _classes_in(hints[field.name]))
        )
    return walk


def iter_references(record: Record) -> Iterator[tuple[tuple[str | int, ...], str, Reference]]:
    """Every id ``record`` refers to: (JSON path within the record, the id, what it may name).

    >>> from peacetalks import load_example
    >>> truce = load_example().get("energy-truce")
    >>> for path, target, _ in list(iter_references(truce))[:3]:
    ...     print(path, target)
    ('parties', 0, 'actor') russia
    ('parties', 0, 'venue') call-trump-putin
    ('parties', 1, 'actor') ukraine
    """
    yield from _references_in(record, ())


def _references_in(
    obj: Checked, location: tuple[str | int, ...]
) -> Iterator[tuple[tuple[str | int, ...], str, Reference]]:
    for name, reference in _walk(type(obj)):
        value = getattr(obj, name)
        if value is None:
            continue
        many = isinstance(value, tuple)
        items = enumerate(value) if many else ((None, value),)
        for index, item in items:
            where = (*location, name) if index is None else (*location, name, index)
            if reference is None:
                yield from _references_in(item, where)
            else:
                yield where, item, reference
