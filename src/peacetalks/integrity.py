"""Cross-record integrity: do records that are each valid also fit together?

:func:`check_integrity` reports *every* problem in a sequence of records, each
naming the record (kind and id) and the JSON path of the offending value as if
the records were a document's ``records`` array (``$.records[3].speaker``):

* **duplicate ids**: ids are unique across all kinds, since references do not
  say which kind they name;
* **unresolved references**: an id no record has;
* **references to the wrong kind**: a venue as a statement's speaker (what each
  field may name is in :data:`peacetalks.references.REFERENCES`);
* **loops**: talks that are part of themselves through ``part_of``, proposals
  that revise themselves through ``revises``;
* **times that cannot all be true**, judged with the precision-aware
  comparisons of :class:`~peacetalks.ReportedTime`: only a *certain* conflict
  is a problem (``2025-03`` is not before ``2025-03-18``). The rules are in
  :data:`TIME_RULES` and in ``docs/dossier.md``.
"""

from __future__ import annotations

import itertools
from collections.abc import Callable, Iterator, Sequence
from typing import TypeVar

from peacetalks._problems import past_the_limit
from peacetalks._rules import describe
from peacetalks._timetext import show_time
from peacetalks.document import RECORD_CLASSES, Record
from peacetalks.errors import Problem
from peacetalks.proposal import Proposal
from peacetalks.references import iter_references
from peacetalks.statement import Statement
from peacetalks.times import Answer, ReportedTime
from peacetalks.truce import Truce, TruceLinkKind
from peacetalks.venue import Venue

__all__ = ["TIME_RULES", "check_integrity", "kinds_phrase"]

R = TypeVar("R")
_RECORD_TYPES = tuple(RECORD_CLASSES.values())


_SEQUENCE = "a sequence of records"


def kinds_phrase(kinds: frozenset[str]) -> str:
    """``{"proposal", "truce"}`` → ``'a proposal or a truce'``."""
    if kinds == frozenset(RECORD_CLASSES):
        return "any record"
    names = [_article(kind) for kind in RECORD_CLASSES if kind in kinds]
    return names[0] if len(names) == 1 else ", ".join(names[:-1]) + " or " + names[-1]


def _article(kind: str) -> str:
    return f"an {kind}" if kind[0] in "aeiou" else f"a {kind}"


class _Records:
    """The records being checked, by id (first occurrence wins)."""

    def __init__(self, records: Sequence[Record]) -> None:
        self.records = records
        self.position: dict[str, int] = {}
        for index, record in enumerate(records):
            self.position.setdefault(record.id, index)

    def get(self, record_id: str | None, cls: type[R]) -> R | None:
        """The record with this id if it is a ``cls``, else ``None`` (reported elsewhere)."""
        index = self.position.get(record_id) if record_id is not None else None
        record = None if index is None else self.records[index]
        return record if isinstance(record, cls) else None


def check_integrity(
    records: Sequence[Record],
    *,
    position: Callable[[int], str] | None = None,
    max_problems: int | None = None,
) -> list[Problem]:
    """Every way ``records`` fail to fit together; an empty list when they do.

    Locations read as if the records were a document's ``records`` array.
    ``position`` says where the record at an index is, for messages that point
    to another record (by default its JSON path: ``$.records[3]``).
    ``max_problems`` keeps the list short (as ``Limits.max_problems`` does for a
    load): the first ``max_problems`` problems, then one at the root saying how
    many more there were, which are counted but not kept.

    >>> from peacetalks import Actor, ActorCategory, Quotation, Statement, Venue
    >>> records = [
    ...     Venue(id="talks"),
    ...     Statement(id="s1", speaker="talks", quotation=Quotation.DIRECT, text="Yes."),
    ... ]
    >>> [problem] = check_integrity(records)
    >>> problem.path, problem.record_id
    ('$.records[1].speaker', 's1')
    >>> problem.message
    "expected the id of an actor, got 'talks', the id of a venue"
    """
    if not isinstance(records, list | tuple):
        try:
            records = list(records)
        except TypeError:  # not even iterable
            return [Problem(("records",), _SEQUENCE, describe(records))]
    strays = (
        Problem(
            ("records", index),
            "a record: an actor, statement, proposal, truce or venue",
            describe(item),
        )
        for index, item in enumerate(records)
        if not isinstance(item, _RECORD_TYPES)
    )
    first = next(strays, None)
    if first is not None:  # nothing else can be checked among things that are not records
        return _kept(itertools.chain([first], strays), max_problems, "items that are not records")
    found = _all_problems(records, position or (lambda index: f"$.records[{index}]"))
    return _kept(found, max_problems, "integrity problems")


def _kept(found: Iterator[Problem], most: int | None, what: str) -> list[Problem]:
    """The first ``most`` problems, then one saying how many more were found."""
    if most is None:
        return list(found)
    problems = list(itertools.islice(found, most))
    more = sum(1 for _ in found)
    if more:
        problems.append(past_the_limit(most, f"{more:,} more {what}"))
    return problems


def _all_problems(records: Sequence[Record], where: Callable[[int], str]) -> Iterator[Problem]:
    known = _Records(records)
    for index, record in enumerate(records):
        first = known.position[record.id]
        if first != index:
            kind = _article(str(records[first].record_type))
            got = f"{record.id!r}, already the id of {kind} at {where(first)}"
            yield _at(record, index, ("id",), "an id no other record has", got)
    for index, record in enumerate(records):
        for path, target, reference in iter_references(record):
            found_at = known.position.get(target)
            if found_at is None:
                got = f"{target!r}, which no record has"
            elif records[found_at].record_type not in reference.kinds:
                got = f"{target!r}, the id of {_article(str(records[found_at].record_type))}"
            else:
                continue
            expected = f"the id of {kinds_phrase(reference.kinds)}"
            yield _at(record, index, path, expected, got)
    yield from _loops(known)
    for rule in TIME_RULES:
        for index, record in enumerate(records):
            yield from rule(known, index, record)


def _at(
    record: Record, index: int, path: tuple[str | int, ...], expected: str, got: str
) -> Problem:
    return Problem(("records", index, *path), expected, got, record.record_type, record.id)


_CHAINS: tuple[tuple[type[Venue] | type[Proposal], str, str], ...] = (
    (Venue, "part_of", "talks that are not, through 'part_of', part of themselves"),
    (Proposal, "revises", "a chain of revisions that does not loop back to this proposal"),
)


def _loops(known: _Records) -> Iterator[Problem]:
    """Each loop in a ``part_of`` or ``revises`` chain, reported once, at its first record."""
    for cls, field, expected in _CHAINS:
        for index, record in enumerate(known.records):
            if not isinstance(record, cls):
                continue
            chain = [record.id]
            current: Venue | Proposal | None = known.get(getattr(record, field), cls)
            while current is not None and current.id not in chain:
                chain.append(current.id)
                current = known.get(getattr(current, field), cls)
            if current is None or current.id != record.id:
                continue
            if min(known.position[i] for i in chain) == index:
                loop = " → ".join([*chain, record.id])
                yield _at(record, index, (field,), expected, f"a loop: {loop}")


# The rules on times. Each takes the records, one record and its index, and yields the
# problems that record has with the records it refers to. Only certain conflicts count.
_TimeRule = Callable[[_Records, int, Record], Iterator[Problem]]


def _statement_at_venue(known: _Records, index: int, record: Record) -> Iterator[Problem]:
    """A statement said at talks was said while they were held, and not reported before."""
    if not isinstance(record, Statement):
        return
    venue = known.get(record.venue, Venue)
    if venue is None or venue.when is None:
        return
    held = show_time(venue.when)
    if record.said is not None and record.said.overlaps(venue.when) is Answer.NO:
        yield _at(
            record,
            index,
            ("said",),
            f"a time during the talks {venue.id!r} it was said at ({held})",
            show_time(record.said),
        )
    if record.reported is not None and record.reported.is_before(venue.when) is Answer.YES:
        yield _at(
            record,
            index,
            ("reported",),
            f"a report no earlier than the talks {venue.id!r} it was said at ({held})",
            show_time(record.reported),
        )


def _dispute_after_disputed(known: _Records, index: int, record: Record) -> Iterator[Problem]:
    """A statement cannot dispute an account that was given after it."""
    if not isinstance(record, Statement):
        return
    made = _said_or_reported(record)
    for number, disputed_id in enumerate(record.disputes):
        disputed = known.get(disputed_id, Statement)
        if made is None or disputed is None or disputed.said is None:
            continue
        if made.is_before(disputed.said) is Answer.YES:
            yield _at(
                record,
                index,
                ("disputes", number),
                f"a statement said before this one (it was said {show_time(disputed.said)})",
                f"{disputed_id!r}, disputed at {show_time(made)}",
            )


def _response_after_proposal(known: _Records, index: int, record: Record) -> Iterator[Problem]:
    """A response to a proposal, or the statement giving it, comes after the proposal."""
    if not isinstance(record, Proposal) or record.proposed is None:
        return
    proposed = show_time(record.proposed)
    for number, response in enumerate(record.responses):
        if response.when is not None:
            if response.when.is_before(record.proposed) is Answer.YES:
                yield _at(
                    record,
                    index,
                    ("responses", number, "when"),
                    f"a response no earlier than the proposal ({proposed})",
                    show_time(response.when),
                )
            continue
        statement = known.get(response.statement, Statement)
        made = None if statement is None else _said_or_reported(statement)
        if made is not None and made.is_before(record.proposed) is Answer.YES:
            yield _at(
                record,
                index,
                ("responses", number, "statement"),
                f"a statement made no earlier than the proposal ({proposed})",
                f"{response.statement!r}, made {show_time(made)}",
            )


def _effective_after_declared(known: _Records, index: int, record: Record) -> Iterator[Problem]:
    """A truce takes effect no earlier than it is declared."""
    if not isinstance(record, Truce) or record.effective is None or record.declared is None:
        return
    if record.effective.is_before(record.declared) is Answer.YES:
        yield _at(
            record,
            index,
            ("effective",),
            f"a time no earlier than the truce was declared ({show_time(record.declared)})",
            show_time(record.effective),
        )


def _consent_at_venue(known: _Records, index: int, record: Record) -> Iterator[Problem]:
    """A party that consented at talks or a call did so while they were held."""
    if not isinstance(record, Truce):
        return
    for number, party in enumerate(record.parties):
        venue = known.get(party.venue, Venue)
        if venue is None or venue.when is None or party.consented is None:
            continue
        if party.consented.overlaps(venue.when) is Answer.NO:
            yield _at(
                record,
                index,
                ("parties", number, "consented"),
                f"a time during the talks {venue.id!r} it consented at ({show_time(venue.when)})",
                show_time(party.consented),
            )


def _truce_after_proposal(known: _Records, index: int, record: Record) -> Iterator[Problem]:
    """A truce is declared no earlier than the proposal that set it up was made."""
    if not isinstance(record, Truce) or record.declared is None:
        return
    proposal = known.get(record.proposal, Proposal)
    if proposal is None or proposal.proposed is None:
        return
    if record.declared.is_before(proposal.proposed) is Answer.YES:
        yield _at(
            record,
            index,
            ("declared",),
            f"a time no earlier than its proposal {proposal.id!r} was made"
            f" ({show_time(proposal.proposed)})",
            show_time(record.declared),
        )


def _revision_after_original(known: _Records, index: int, record: Record) -> Iterator[Problem]:
    """A revised proposal is made no earlier than the version it revises."""
    if not isinstance(record, Proposal) or record.proposed is None:
        return
    original = known.get(record.revises, Proposal)
    if original is None or original.proposed is None:
        return
    if record.proposed.is_before(original.proposed) is Answer.YES:
        yield _at(
            record,
            index,
            ("proposed",),
            f"a time no earlier than the version it revises, {original.id!r}"
            f" ({show_time(original.proposed)})",
            show_time(record.proposed),
        )


def _venue_within_parent(known: _Records, index: int, record: Record) -> Iterator[Problem]:
    """Talks that are part of a larger round are held while that round is."""
    if not isinstance(record, Venue) or record.when is None:
        return
    parent = known.get(record.part_of, Venue)
    if parent is None or parent.when is None:
        return
    if record.when.overlaps(parent.when) is Answer.NO:
        yield _at(
            record,
            index,
            ("when",),
            f"a time during the talks {parent.id!r} it is part of ({show_time(parent.when)})",
            show_time(record.when),
        )


_ORDERED_LINKS = frozenset(TruceLinkKind) - {TruceLinkKind.RELATED}


def _link_after_linked(known: _Records, index: int, record: Record) -> Iterator[Problem]:
    """A truce that extends, renews, replaces or follows another is declared no earlier."""
    if not isinstance(record, Truce) or record.declared is None:
        return
    for number, link in enumerate(record.links):
        other = known.get(link.truce, Truce)
        if link.relation not in _ORDERED_LINKS or other is None or other.declared is None:
            continue
        if record.declared.is_before(other.declared) is Answer.YES:
            yield _at(
                record,
                index,
                ("links", number, "truce"),
                f"a truce declared no later than this one ({show_time(record.declared)})",
                f"{other.id!r}, which it {link.relation.value} but which was declared"
                f" {show_time(other.declared)}",
            )


def _said_or_reported(statement: Statement) -> ReportedTime | None:
    """When a statement was made, or failing that reported (it was made no later)."""
    return statement.said or statement.reported


#: The rules on times, in the order they are checked (documented in docs/dossier.md).
TIME_RULES: tuple[_TimeRule, ...] = (
    _statement_at_venue,
    _dispute_after_disputed,
    _response_after_proposal,
    _effective_after_declared,
    _consent_at_venue,
    _truce_after_proposal,
    _revision_after_original,
    _venue_within_parent,
    _link_after_linked,
)
