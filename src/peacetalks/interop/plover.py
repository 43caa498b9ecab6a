"""PLOVER event records (JSON) → statements, venues and truces; and back with :func:`to_plover`.

The importer keeps the records that concern ceasefires, talks and proposals
and reports every other one as skipped. It reads both the current PLOVER
vocabulary (``actor``/``recipient`` lists, ``event``/``mode``/``context``
lists, ``event_text``, ``cite_info``) and the older one of the gold-standard
records (``source``/``target``, comma-joined values, ``DEMAND`` for REQUEST,
``DISAPPROVE`` for ACCUSE). See ``docs/interop.md``.
"""

from __future__ import annotations

import json
import math
import re
from typing import Any

import attrs

from peacetalks._jsontext import parse_json
from peacetalks._rules import ID, LANGUAGE
from peacetalks.actor import ActorCategory
from peacetalks.common import Citation, Identifier, Place, SourceValue
from peacetalks.document import Document, Record
from peacetalks.errors import Problem, ValidationError
from peacetalks.interop._common import (
    ActorBook,
    Source,
    attempt,
    broken,
    claim_ids,
    memory_guarded,
    slug,
    too_many_rows,
)
from peacetalks.interop._csvfile import read_text
from peacetalks.interop._plover_export import DATASET, JSON_DATASET, events_of, to_plover
from peacetalks.interop._report import ImportResult, RowOutcome, RowReport
from peacetalks.limits import DEFAULT_LIMITS, Limits
from peacetalks.statement import Quotation, Stance, Statement
from peacetalks.times import Basis, ReportedTime, TimePoint
from peacetalks.truce import Truce, TruceEvent, TruceEventKind, TruceParty
from peacetalks.venue import Format, Venue, VenueStatus

__all__ = ["OLD_EVENT_NAMES", "read_plover", "to_plover"]

WHAT = "PLOVER"
#: Event names of the older vocabulary and their current names.
OLD_EVENT_NAMES = {"DEMAND": "REQUEST", "DISAPPROVE": "ACCUSE", "FIGHT": "ASSAULT"}
_STANCES = {
    "AGREE": Stance.AGREES,
    "SUPPORT": Stance.SUPPORTS,
    "REQUEST": Stance.DEMANDS,
    "REJECT": Stance.REJECTS,
}
_FORMATS = {
    "phone": Format.PHONE_CALL,
    "visit": Format.DIRECT,
    "host": Format.DIRECT,
    "multilateral": Format.MULTILATERAL,
}
_CEASEFIRE = re.compile(r"cease-?fire|truce", re.IGNORECASE)
_SECTORS = (
    ("REB", ActorCategory.ARMED_GROUP),
    ("GOV", ActorCategory.GOVERNMENT),
    ("MIL", ActorCategory.GOVERNMENT_BODY),
    ("LEG", ActorCategory.GOVERNMENT_BODY),
    ("JUD", ActorCategory.GOVERNMENT_BODY),
    ("OPP", ActorCategory.POLITICAL_PARTY),
    ("PTY", ActorCategory.POLITICAL_PARTY),
)
_DATE = re.compile(
    r"(?P<day>[0-9]{4}(?:-[0-9]{2}(?:-[0-9]{2})?)?)"
    r"(?P<time>[T ][0-9]{2}(?::[0-9]{2}){0,2}(?:\.[0-9]+)?(?:Z|[+-][0-9]{2}(?::?[0-9]{2})?)?)?"
)
#: The PLOVER gold-standard records (ids ``PLOVER-GSR…``) all carry this date as a
#: placeholder, as their readme says: it is not when anything happened.
GSR_PLACEHOLDER_DATE = "2000-01-01"
_ABSENT = object()


@memory_guarded(WHAT)
def read_plover(
    source: Source, *, limits: Limits = DEFAULT_LIMITS, encoding: str | None = None
) -> ImportResult:
    """Read PLOVER event records (a JSON array, or one record) into peacetalks records.

    Raises :class:`~peacetalks.errors.ValidationError` only when the file is
    not JSON or is not an array of records.
    """
    text, notes = read_text(source, WHAT, limits, encoding)
    data = parse_json(text, limits, records=WHAT)
    if isinstance(data, dict):
        data = [data]
    if not isinstance(data, list):
        problem = Problem((), "a JSON array of PLOVER records", type(data).__name__)
        raise ValidationError([problem], WHAT)
    if len(data) > limits.max_records:
        raise too_many_rows(limits, WHAT, f"{len(data):,} records")
    book = ActorBook()
    made: list[tuple[Record, int]] = []
    reports: list[RowReport] = []
    seen: dict[str, tuple[int, Any]] = {}
    items: dict[int, dict[str, Any]] = {}
    for position, item in enumerate(data, start=1):
        key = item.get("id") if isinstance(item, dict) else None
        key = key if isinstance(key, str) else None
        earlier = seen.get(_record_id(key)) if key and key.strip() else None
        if earlier is not None:
            same = earlier[1] == item
            reason = "duplicate of" if same else "id already used by"
            outcome = RowOutcome.MERGED if same else RowOutcome.REJECTED
            said = f"{reason} an earlier record: line {earlier[0]}"
            reports.append(RowReport(position, key, outcome, (said,)))
            continue
        records: list[Record] = []
        outcome, problems = _record(item, book, records)
        items[len(reports)] = item
        made.extend((record, len(reports)) for record in records)
        if key and key.strip():
            seen[_record_id(key)] = (position, item)
        reports.append(RowReport(position, key, outcome, tuple(problems)))
    actors = book.actors()
    kept, refused = claim_ids(made, actors)
    for index, reason in refused:
        report = reports[index]
        reports[index] = attrs.evolve(
            report, outcome=RowOutcome.REJECTED, problems=(*report.problems, reason)
        )
    owners = {record.id: index for record, index in made}
    known = {actor.id: actor for actor in actors}
    whole = []
    for record in kept:
        index = owners[record.id]
        blank = [name for name in items[index] if not name.strip()]
        if blank:  # a field named by blanks has no column to be kept under
            report = reports[index]
            said = f"a field with a blank name, not kept: {blank!r}"
            reports[index] = attrs.evolve(report, problems=(*report.problems, said))
        whole.append(_with_fields(record, items[index], known))
    document = Document(records=(*actors, *whole))
    return ImportResult(document=document, rows=tuple(reports), notes=tuple(notes))


def _with_fields(record: Record, item: dict[str, Any], actors: dict[str, Any]) -> Record:
    """The record with every field of its PLOVER record that its event does not give back."""
    events = events_of(record, actors, [])
    written = events[0] if events else {}
    kept = []
    for name, value in item.items():
        if written.get(name, _ABSENT) == value or not name.strip():
            continue
        if isinstance(value, str):
            kept.append(SourceValue(dataset=DATASET, column=name, text=value))
        elif isinstance(value, bool):
            kept.append(SourceValue(dataset=DATASET, column=name, boolean=value))
        elif isinstance(value, int):
            kept.append(SourceValue(dataset=DATASET, column=name, integer=value))
        elif isinstance(value, float) and math.isfinite(value):
            kept.append(SourceValue(dataset=DATASET, column=name, number=value))
        else:  # a list, an object, null: kept as its JSON text
            text = json.dumps(value, ensure_ascii=False)
            kept.append(SourceValue(dataset=JSON_DATASET, column=name, text=text))
    return attrs.evolve(record, source_columns=tuple(kept))


def _values(record: dict[str, Any], *names: str) -> list[str]:
    """A field that may be a list or a comma-joined string, as a list of words."""
    for name in names:
        value = record.get(name)
        if isinstance(value, list):
            return [str(v).strip() for v in value if isinstance(v, str) and v.strip()]
        if isinstance(value, str) and value.strip():
            return [part.strip() for part in value.split(",") if part.strip()]
    return []


def _text(record: dict[str, Any], *names: str) -> str | None:
    for name in names:
        value = record.get(name)
        if isinstance(value, str) and value.strip():
            return value
    return None


def _record(item: Any, book: ActorBook, records: list[Record]) -> tuple[RowOutcome, list[str]]:
    if not isinstance(item, dict):
        return RowOutcome.REJECTED, ["not a JSON object"]
    raw_id = item.get("id")
    if not isinstance(raw_id, str) or not raw_id.strip():
        return RowOutcome.REJECTED, ["no id: id"]
    events = [OLD_EVENT_NAMES.get(e.upper(), e.upper()) for e in _values(item, "event")]
    modes = [m.lower() for m in _values(item, "mode")]
    words = _text(item, "text", "event_text", "eventText") or ""
    ceasefire = "ceasefire" in modes or bool(_CEASEFIRE.search(words))
    event = next(iter(events), None)
    if event is None:
        return RowOutcome.REJECTED, ["no event type: event"]
    if event == "DOCUMENT":
        return RowOutcome.SKIPPED, ["documentation, not an event: DOCUMENT"]
    relevant = event in (*_STANCES, "CONSULT") or (event in ("CONCEDE", "RETREAT") and ceasefire)
    if not relevant:
        return RowOutcome.SKIPPED, [f"not about ceasefires, talks or proposals: {event}"]
    problems: list[str] = [
        f"the older event name read as {event}: {e}"
        for e in _values(item, "event")
        if e.upper() in OLD_EVENT_NAMES
    ]
    problems += broken("text", words)
    actors = _actors(item, ("actor", "source"), book, problems)
    recipients = _actors(item, ("recipient", "target"), book, problems)
    record_id = _record_id(raw_id)
    citation = _citation(item, raw_id)
    when = _when(item, problems)
    if event == "CONSULT":
        formats = tuple(_FORMATS[m] for m in modes if m in _FORMATS)
        problems += [
            f"mode with no peacetalks format, dropped: {m}" for m in modes if m not in _FORMATS
        ]
        build: Any = lambda: Venue(  # noqa: E731
            id=record_id,
            formats=formats,
            place=None if Format.PHONE_CALL in formats else _place(item),
            status=VenueStatus.HELD,
            when=when,
            participants=tuple(dict.fromkeys(actors + recipients)),
            sources=(citation,),
            identifiers=citation.identifiers,
        )
    elif event in _STANCES:
        if not actors or not words:
            return RowOutcome.REJECTED, [*problems, "no actor or no text: actor/source, text"]
        if len(actors) > 1:
            problems.append(
                f"several actors, the first is the speaker, the record's list is kept as a"
                f" source column: {actors[1:]}"
            )
        build = lambda: Statement(  # noqa: E731
            id=record_id,
            speaker=actors[0],
            quotation=Quotation.PARAPHRASE,
            text=words,
            language=_language(item, problems),
            addressed_to=tuple(r for r in recipients if r != actors[0]),
            said=when,
            stance=_STANCES[event],
            sources=(citation,),
            identifiers=citation.identifiers,
        )
    else:
        kind = TruceEventKind.TOOK_EFFECT if event == "RETREAT" else TruceEventKind.ANNOUNCED
        build = lambda: Truce(  # noqa: E731
            id=record_id,
            parties=tuple(TruceParty(actor=a) for a in dict.fromkeys(actors + recipients)),
            effective=when if event == "RETREAT" else None,
            declared=when if event == "CONCEDE" else None,
            events=(TruceEvent(kind=kind, when=when, actors=tuple(actors), words=words or None),),
            sources=(citation,),
            identifiers=citation.identifiers,
        )
    made, failed = attempt(build)
    if made is None:
        return RowOutcome.REJECTED, problems + failed
    if _values(item, "context"):
        problems.append("no peacetalks field, kept as a source column: context")
    records.append(made)
    return RowOutcome.IMPORTED, problems


def _language(item: dict[str, Any], problems: list[str]) -> str | None:
    language = _text(item, "language") or _text(_info(item), "language")
    if language is None or LANGUAGE.test(language.strip()):
        return language.strip() if language else None
    problems.append(f"not a language tag, dropped: language {language!r}")
    return None


def _record_id(raw_id: str) -> str:
    """A PLOVER record's id as a peacetalks id: itself when valid, else a slug of it."""
    return raw_id if ID.test(raw_id) else f"plover-{slug(raw_id)}"


def _actors(
    item: dict[str, Any], names: tuple[str, str], book: ActorBook, problems: list[str]
) -> list[str]:
    given = [n for n in names if item.get(n) not in (None, "", [])]
    field = given[0] if given else names[0]
    value: Any = item[field] if given else []
    entries = value if isinstance(value, list) else [value]
    found: list[str] = []
    for entry in entries:
        if isinstance(entry, str):
            entry = {"name": entry}  # noqa: PLW2901 - a bare name is an entry with a name only
        if not isinstance(entry, dict):
            problems.append(f"actor entry not understood, dropped: {field}")
            continue
        name = _text(entry, "name", "actorText", "actor_text")
        if name is None:
            problems.append(f"actor without a name, dropped: {field}")
            continue
        name = name.strip()
        own = entry.get("id")
        actor_id = own if isinstance(own, str) and ID.test(own) else f"plover-{slug(name)}"
        if own not in (None, "") and actor_id != own:
            problems.append(f"actor id not usable, one made from the name: {field} id {own!r}")
        code, sector = (_text(entry, "code") or "").strip(), (_text(entry, "sector") or "").strip()
        category = _category(code, sector)
        ids = [Identifier(scheme="cameo", value=code + sector)] if code else []
        wikidata = _text(entry, "wikidata_id", "wikidata")
        if wikidata and re.fullmatch(r"Q[1-9][0-9]*", wikidata):
            ids.append(Identifier(scheme="wikidata", value=wikidata))
        problems.extend(book.add(actor_id, name, category, ids))
        if actor_id not in found:
            found.append(actor_id)
    return found


def _category(code: str, sector: str) -> ActorCategory:
    if code == "IGO":
        return ActorCategory.INTERNATIONAL_ORGANIZATION
    for prefix, category in _SECTORS:
        if sector.upper().startswith(prefix):
            return category
    if re.fullmatch(r"[A-Z]{3}", code) and not sector:
        return ActorCategory.STATE
    return ActorCategory.UNCLASSIFIED


def _when(item: dict[str, Any], problems: list[str]) -> ReportedTime | None:
    points: list[TimePoint | None] = []
    gold = str(item.get("id")).startswith("PLOVER-GSR")
    for name in ("date", "enddate"):
        value = item.get(name)
        if not isinstance(value, str) or not value.strip():
            points.append(None)
            continue
        if gold and value.strip() == GSR_PLACEHOLDER_DATE:
            problems.append(f"placeholder of the gold-standard records, dropped: {name} {value!r}")
            points.append(None)
            continue
        found = _DATE.fullmatch(value.strip())
        try:
            points.append(TimePoint.parse(found["day"]) if found else None)
        except ValidationError:
            points.append(None)
        if points[-1] is None:
            problems.append(f"not an ISO date, dropped: {name} {value!r}")
        elif found and found["time"]:
            problems.append(f"time of day not kept, the day is: {name} {value!r}")
    start, end = points
    if start is None:
        return None
    result, _ = attempt(lambda: ReportedTime.between(start, end or start))
    if result is None:
        problems.append("end date before the date, dropped: enddate")
        return ReportedTime.on(start)
    return result


def _place(item: dict[str, Any]) -> Place | None:
    where = item.get("eventLoc") or item.get("location")
    if not isinstance(where, dict) or not _text(where, "name"):
        return None
    code = _text(where, "country code", "country_code")
    place, _ = attempt(lambda: Place(name=str(where["name"]), country=code))
    return place if place is not None else Place(name=str(where["name"]))


def _citation(item: dict[str, Any], raw_id: str) -> Citation:
    info = _info(item)
    publisher = _text(info, "publication", "publisher") or _text(item, "publication")
    url = _text(info, "url")
    fields: dict[str, Any] = {
        "publisher": publisher,
        "title": _text(info, "title"),
        "url": url if url and re.match(r"^https?://\S+$", url) else None,
        "rights": _text(info, "licence", "license") or _text(item, "license"),
        "basis": Basis.EXTERNAL,
        "identifiers": (Identifier(scheme="plover", value=raw_id.strip()),),
    }
    citation, _ = attempt(lambda: Citation(**fields))
    return citation or Citation(basis=Basis.EXTERNAL, identifiers=fields["identifiers"])


def _info(item: dict[str, Any]) -> dict[str, Any]:
    info = item.get("cite_info")
    return info if isinstance(info, dict) else {}
