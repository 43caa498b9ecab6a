"""Statements, proposals, truces and meetings → PLOVER event records.

Records imported from PLOVER give back every field of their record: the
fields their typed fields give, with the kept ones (``source_columns`` under
``plover``, or ``plover.json`` for a field whose value is a list or object)
over them. What a record holds that PLOVER has no field for is reported.
"""

from __future__ import annotations

import json
from typing import Any

import attrs

from peacetalks.actor import Actor
from peacetalks.common import SourceValue
from peacetalks.document import Document, Record
from peacetalks.proposal import Proposal, ResponseKind
from peacetalks.statement import Stance, Statement
from peacetalks.times import ReportedTime, TimePoint
from peacetalks.truce import Truce, TruceEventKind
from peacetalks.venue import Format, Venue

__all__ = ["EVENT_FOR_STANCE", "JSON_DATASET", "events_of", "kept_fields", "to_plover"]

DATASET = "plover"
JSON_DATASET = "plover.json"
#: The fields of each kind of record an event is written from; others are reported as lost.
WRITTEN = {
    Statement: {"id", "speaker", "addressed_to", "said", "stance", "text", "language"},
    Proposal: {"id", "proposed_by", "addressed_to", "proposed", "title", "terms", "responses"},
    Truce: {"id", "parties", "effective", "declared", "events", "name"},
    Venue: {"id", "participants", "hosts", "mediators", "when", "formats", "name", "place"},
}
_ALWAYS = {"sources", "identifiers", "source_columns"}

#: The PLOVER event type for each statement stance; stances not listed have none.
EVENT_FOR_STANCE = {
    Stance.SUPPORTS: "SUPPORT",
    Stance.REJECTS: "REJECT",
    Stance.DENIES: "REJECT",
    Stance.DEMANDS: "REQUEST",
    Stance.SETS_CONDITIONS: "REQUEST",
    Stance.AGREES: "AGREE",
    Stance.PROPOSES: "AGREE",
    Stance.ACCUSES: "ACCUSE",
    Stance.WARNS: "THREATEN",
}
_RESPONSES = {ResponseKind.ACCEPTED: "AGREE", ResponseKind.REJECTED: "REJECT"}


def to_plover(document: Document) -> tuple[list[dict[str, Any]], list[str]]:
    """PLOVER event records for the document's records, and notes on what was not written.

    A statement becomes the event its stance codes (rejects → REJECT, demands →
    REQUEST, proposes → AGREE...); a proposal an AGREE by its proposers, plus one
    event per accepted or rejected response; a truce RETREAT (mode ceasefire)
    once in effect and CONCEDE while only declared, as PLOVER's rules ask; a
    venue CONSULT with mode phone, third-party, multilateral or visit.
    """
    actors = {a.id: a for a in document.of_type(Actor)}
    events: list[dict[str, Any]] = []
    notes: list[str] = []
    for record in document.records:
        if isinstance(record, Actor):
            continue
        made = events_of(record, actors, notes)
        if made:
            made[0].update(kept_fields(record.source_columns))
            notes.extend(_losses(record))
        events.extend(made)
    return events, notes


def events_of(record: Record, actors: dict[str, Actor], notes: list[str]) -> list[dict[str, Any]]:
    """The PLOVER events a record gives from its typed fields (before its kept fields)."""
    events: list[dict[str, Any]] = []
    if isinstance(record, Statement):
        event = EVENT_FOR_STANCE.get(record.stance) if record.stance else None
        if event is None:
            shown = record.stance.value if record.stance else "none"
            notes.append(f"statement {record.id!r}: stance {shown} has no PLOVER event")
            return []
        events.append(
            _event(record, event, [record.speaker], record.addressed_to, record.said, notes)
            | {"text": record.text}
            | ({"language": record.language} if record.language else {})
        )
    elif isinstance(record, Proposal):
        events.extend(_proposal(record, notes))
    elif isinstance(record, Truce):
        events.append(_truce(record, notes))
    elif isinstance(record, Venue):
        events.append(_venue(record, notes))
    for out in events:
        out["actor"] = [_actor(i, actors) for i in out["actor"]]
        out["recipient"] = [_actor(i, actors) for i in out["recipient"]]
    return events


def kept_fields(values: tuple[SourceValue, ...]) -> dict[str, Any]:
    """The PLOVER fields kept on a record, as the record had them."""
    fields: dict[str, Any] = {}
    for value in values:
        if value.dataset == JSON_DATASET and value.text is not None:
            fields[value.column] = json.loads(value.text)
        elif value.dataset == DATASET:
            given = (value.text, value.integer, value.number, value.boolean)
            fields[value.column] = next((v for v in given if v is not None), str(value.date))
    return fields


def _losses(record: Record) -> list[str]:
    """What a record holds that its PLOVER event does not: every field not written."""
    written = WRITTEN.get(type(record), set()) | _ALWAYS
    lost = [
        field.name
        for field in attrs.fields(type(record))
        if field.name not in written
        and field.default is not attrs.NOTHING  # what every record has: its kind of quotation
        and getattr(record, field.name) != field.default
    ]
    if len(record.sources) > 1:
        lost.append(f"sources after the first ({len(record.sources) - 1})")
    if not lost:
        return []
    return [f"{record.record_type} {record.id!r}: no PLOVER field for {', '.join(lost)}"]


def _event(  # noqa: PLR0917 - private, called positionally in one module
    record: Record,
    event: str,
    actor_ids: tuple[str, ...] | list[str],
    recipient_ids: tuple[str, ...] | list[str],
    when: ReportedTime | None,
    notes: list[str],
) -> dict[str, Any]:
    """An event record; ``actor`` and ``recipient`` hold ids until :func:`to_plover` fills them."""
    out: dict[str, Any] = {"id": record.id}
    if when is not None and when.earliest is not None and when.latest is not None:
        out["date"] = _date(when.earliest)
        if _date(when.latest) != out["date"]:
            out["enddate"] = _date(when.latest)
    elif when is not None and when.resolved:
        # "Before March" has no day PLOVER could record.
        notes.append(f"{record.record_type} {record.id!r}: a time open at one end, no date written")
    out["actor"] = list(actor_ids)
    out["recipient"] = list(recipient_ids)
    out["event"] = [event]
    out["mode"] = []
    out["context"] = []
    source = next(iter(record.sources), None)
    if source is not None:
        info = {
            "publication": source.publisher,
            "url": source.url,
            "title": source.title,
            "language": source.language,
            "licence": source.rights,
        }
        out["cite_info"] = {k: v for k, v in info.items() if v is not None}
    return out


def _date(point: TimePoint) -> str:
    return str(point)[:10]


def _actor(actor_id: str, actors: dict[str, Actor]) -> dict[str, Any]:
    actor = actors.get(actor_id)
    out: dict[str, Any] = {"id": actor_id}
    if actor is not None:
        out["name"] = actor.name or actor.description
        wikidata = next((i.value for i in actor.identifiers if i.scheme == "wikidata"), None)
        if wikidata:
            out["wikidata_id"] = wikidata
        cameo = next((i.value for i in actor.identifiers if i.scheme == "cameo"), None)
        if cameo:
            # A CAMEO code is a three-letter actor code and the role codes after it.
            out["code"] = cameo[:3]
            if cameo[3:]:
                out["sector"] = cameo[3:]
    return out


def _proposal(proposal: Proposal, notes: list[str]) -> list[dict[str, Any]]:
    agreement = proposal.agreement
    by = proposal.proposed_by or (agreement.signatories if agreement else ())
    when = proposal.proposed or (agreement.reached if agreement else None)
    text = proposal.title or proposal.terms[0].description
    events = [_event(proposal, "AGREE", by, proposal.addressed_to, when, notes) | {"text": text}]
    for index, response in enumerate(proposal.responses, start=1):
        event = _RESPONSES.get(response.position)
        if event is not None:
            out = _event(proposal, event, [response.party], by, response.when, notes)
            events.append(out | {"id": f"{proposal.id}-response-{index}", "text": text})
    return events


def _truce(truce: Truce, notes: list[str]) -> dict[str, Any]:
    took_effect = [e for e in truce.events if e.kind is TruceEventKind.TOOK_EFFECT]
    in_effect = truce.effective is not None or bool(took_effect)
    event = "RETREAT" if in_effect else "CONCEDE"
    # The RETREAT is dated when the truce took effect: never by its declaration.
    when = (truce.effective or next(iter(took_effect)).when) if in_effect else truce.declared
    parties = [p.actor for p in truce.parties]
    out = _event(truce, event, parties, (), when, notes)
    out["mode"] = ["ceasefire"]
    if truce.name:
        out["text"] = truce.name
    return out


def _venue(venue: Venue, notes: list[str]) -> dict[str, Any]:
    formats = set(venue.formats)
    if formats & {Format.PHONE_CALL, Format.VIDEO_CALL}:
        mode = "phone"
    elif venue.mediators or formats & {Format.PARALLEL, Format.PROXIMITY, Format.SHUTTLE}:
        mode = "third-party"
    elif Format.MULTILATERAL in formats or len(venue.participants) > 2:
        mode = "multilateral"
    else:
        mode = "visit"
    people = list(dict.fromkeys((*venue.participants, *venue.hosts, *venue.mediators)))
    out = _event(venue, "CONSULT", people[:1], people[1:], venue.when, notes)
    out["mode"] = [mode]
    if venue.name:
        out["text"] = venue.name
    if venue.place is not None:
        out["location"] = {"name": venue.place.name}
    return out
