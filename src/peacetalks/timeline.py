"""A timeline of everything the records say happened, honest about precision.

Entries are grouped into *steps*. Every entry of a step certainly happened
after every entry of the steps before it; within a step the order is not known
(two statements on the same day with no time of day, a day in Washington and
the same day in Kyiv, a month and a day in it). Entries are listed in a step by
their earliest possible time, but that order is not a claim.

What goes on the timeline, one entry each:

* a statement: when it was said, or, if that is not known, when it was reported;
* a proposal: when it was proposed, each response (at its own time, or else
  when the statement that gives it was said or reported; the entry's path is
  then ``$.responses[N].statement``), and when agreement was reached;
* a truce: when it was declared, took effect and ends, each party's consent and
  each event in its life;
* a venue: when the talks were or are to be held.

Deadlines are not events and are left out. An entry whose time is unknown or
open-ended ("by April 20", "since 2022") cannot be placed and is listed in
``unplaced``, in record order.
"""

from __future__ import annotations

from collections.abc import Callable, Iterable, Iterator
from datetime import datetime

import attrs

from peacetalks.actor import Actor
from peacetalks.document import Record
from peacetalks.errors import format_path
from peacetalks.proposal import Proposal
from peacetalks.statement import Quotation, Statement
from peacetalks.times import Answer, ReportedTime
from peacetalks.truce import Truce
from peacetalks.venue import Venue

__all__ = ["Timeline", "TimelineEntry", "build_timeline"]


@attrs.frozen(kw_only=True, weakref_slot=False)
class TimelineEntry:
    """One thing that happened, from one record.

    Attributes:
        when: When it happened, as the record gives it; ``None`` when not known.
        record_kind: The kind of record it comes from (``"truce"``).
        record_id: That record's id.
        path: The JSON path of the time within the record (``$.parties[1].consented``).
        what: What happened, in a few words (``"declared"``, ``"russia consented"``).
        summary: The record in a line, for people.
    """

    when: ReportedTime | None
    record_kind: str
    record_id: str
    path: str
    what: str
    summary: str


@attrs.frozen(weakref_slot=False)
class Timeline:
    """Entries in steps of known order, and the entries that cannot be placed.

    Attributes:
        steps: Each step's entries; every entry of a step certainly happened
            after every entry of the earlier steps.
        unplaced: Entries whose time is unknown or open-ended.
    """

    steps: tuple[tuple[TimelineEntry, ...], ...]
    unplaced: tuple[TimelineEntry, ...]

    def __iter__(self) -> Iterator[TimelineEntry]:
        """Every placed entry, step by step."""
        for step in self.steps:
            yield from step

    def step_of(self, record_id: str, what: str | None = None) -> int | None:
        """The number (from 0) of the first step with an entry for this record (and ``what``)."""
        for number, step in enumerate(self.steps):
            if any(e.record_id == record_id and what in (None, e.what) for e in step):
                return number
        return None


def build_timeline(records: Iterable[Record], get: Callable[[str], Record | None]) -> Timeline:
    """The timeline of ``records``; ``get`` looks up the records they refer to by id."""
    placed: list[tuple[datetime, datetime, int, TimelineEntry]] = []
    unplaced: list[TimelineEntry] = []
    for entry in _entries(records, _Names(get)):
        start, end = (None, None) if entry.when is None else entry.when.bounds()
        if start is None or end is None:
            unplaced.append(entry)
        else:
            placed.append((start, end, len(placed), entry))
    placed.sort(key=lambda item: item[:3])
    steps: list[list[TimelineEntry]] = []
    latest: ReportedTime | None = None  # the time in the current step that ends last
    latest_end: datetime | None = None
    for _, end, _, entry in placed:
        when = entry.when
        if when is None:  # pragma: no cover - placed entries have a time
            continue
        if latest is None or when.is_after(latest) is Answer.YES:
            steps.append([])
            latest_end = None
        steps[-1].append(entry)
        if latest_end is None or end > latest_end:
            latest, latest_end = when, end
    return Timeline(tuple(tuple(step) for step in steps), tuple(unplaced))


class _Names:
    """Names of actors and times of statements, for entries that mention them."""

    def __init__(self, get: Callable[[str], Record | None]) -> None:
        self.get = get

    def __call__(self, actor_id: str) -> str:
        actor = self.get(actor_id)
        if isinstance(actor, Actor):
            return actor.name or actor.description or actor_id
        return actor_id

    def said(self, statement_id: str | None) -> ReportedTime | None:
        statement = None if statement_id is None else self.get(statement_id)
        if isinstance(statement, Statement):
            return statement.said if _known(statement.said) else statement.reported
        return None


def _known(when: ReportedTime | None) -> bool:
    return when is not None and when.resolved


def _entries(records: Iterable[Record], name: _Names) -> Iterator[TimelineEntry]:
    for record in records:
        if isinstance(record, Statement):
            yield from _statement(record, name)
        elif isinstance(record, Proposal):
            yield from _proposal(record, name)
        elif isinstance(record, Truce):
            yield from _truce(record, name)
        elif isinstance(record, Venue):
            yield from _venue(record)


def _entry(
    record: Record, when: ReportedTime | None, path: tuple[str | int, ...], what: str, summary: str
) -> TimelineEntry:
    return TimelineEntry(
        when=when,
        record_kind=str(record.record_type),
        record_id=record.id,
        path=format_path(path),
        what=what,
        summary=summary,
    )


def _short(text: str, limit: int = 90) -> str:
    text = " ".join(text.split())
    return text if len(text) <= limit else text[: limit - 1] + "…"


def _statement(record: Statement, name: _Names) -> Iterator[TimelineEntry]:
    summary = _short(_said(name(record.speaker), record))
    if _known(record.said):
        yield _entry(record, record.said, ("said",), "said", summary)
    elif record.reported is not None:
        yield _entry(record, record.reported, ("reported",), "reported", summary)
    else:
        yield _entry(record, record.said, ("said",), "said", summary)


def _said(speaker: str, record: Statement) -> str:
    """Who said what: only the speaker's own words go in quotation marks.

    A direct quote is quoted; a partial quote keeps the marks its text has around
    the quoted words; a paraphrase is the source's words and is never quoted.
    """
    text = record.text.strip()
    if record.quotation is Quotation.DIRECT:
        return f"{speaker}: “{text}”"
    if record.quotation is Quotation.PARTIAL:
        return f"{speaker}, in part quoted: {text}"
    return f"{speaker}, paraphrased: {text}"


def _proposal(record: Proposal, name: _Names) -> Iterator[TimelineEntry]:
    title = record.title or record.terms[0].description
    by = ", ".join(name(actor) for actor in record.proposed_by)
    yield _entry(
        record,
        record.proposed,
        ("proposed",),
        "proposed",
        _short(f"{title} (by {by})" if by else title),
    )
    for number, response in enumerate(record.responses):
        what = f"{name(response.party)}: {response.position.value.replace('_', ' ')}"
        when, path = response.when, ("responses", number, "when")
        if not _known(when) and _known(name.said(response.statement)):
            when, path = name.said(response.statement), ("responses", number, "statement")
        yield _entry(record, when, path, what, _short(title))
    if record.agreement is not None:
        reached = record.agreement.reached
        yield _entry(record, reached, ("agreement", "reached"), "agreement reached", _short(title))


def _truce(record: Truce, name: _Names) -> Iterator[TimelineEntry]:
    title = record.name or record.id
    for field, what in (("declared", "declared"), ("effective", "took effect"), ("ends", "ends")):
        when = getattr(record, field)
        if when is not None:
            yield _entry(record, when, (field,), what, title)
    for number, party in enumerate(record.parties):
        if party.consented is not None:
            what = f"{name(party.actor)} consented"
            yield _entry(record, party.consented, ("parties", number, "consented"), what, title)
    for number, event in enumerate(record.events):
        what = event.kind.value.replace("_", " ")
        if event.actors:
            what += " (" + ", ".join(name(actor) for actor in event.actors) + ")"
        yield _entry(record, event.when, ("events", number, "when"), what, title)


def _venue(record: Venue) -> Iterator[TimelineEntry]:
    status = record.status.value if record.status else "talks"
    what = "talks" if record.status is None else f"talks {status}"
    yield _entry(record, record.when, ("when",), what, record.name or record.id)
