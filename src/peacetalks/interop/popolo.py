"""Popolo people and organisations (JSON) ↔ actors, both ways.

:func:`read_popolo` reads a Popolo export (``{"persons": [...],
"organizations": [...], "memberships": [...]}``), a list of Popolo objects or
a single one. Persons and organizations become :class:`~peacetalks.Actor`
records; memberships become their :class:`~peacetalks.Affiliation` s. Other
Popolo objects (posts, areas, events, motions, votes, speeches...) are
reported as skipped. :func:`to_popolo` writes actors back as a Popolo export.
See ``docs/interop.md``.
"""

from __future__ import annotations

from typing import Any

import attrs

from peacetalks._jsontext import parse_json
from peacetalks._rules import ID
from peacetalks.actor import Actor, ActorCategory, Affiliation, Relation
from peacetalks.common import Identifier
from peacetalks.document import Document, Record
from peacetalks.errors import MalformedJSONError, Problem, ValidationError
from peacetalks.interop import _popolo_values as values
from peacetalks.interop._common import Source, attempt, memory_guarded, slug, too_many_rows
from peacetalks.interop._csvfile import read_text
from peacetalks.interop._popolo_export import to_popolo
from peacetalks.interop._report import ImportResult, RowOutcome, RowReport
from peacetalks.limits import DEFAULT_LIMITS, Limits

__all__ = ["read_popolo", "to_popolo"]

WHAT = "Popolo"
_COLLECTIONS = (
    ("persons", "person"),
    ("organizations", "organization"),
    ("memberships", "membership"),
)
_PERSON_KEYS = frozenset(
    [
        "given_name",
        "family_name",
        "additional_name",
        "honorific_prefix",
        "honorific_suffix",
        "patronymic_name",
        "sort_name",
        "email",
        "gender",
        "pronouns",
        "birth_date",
        "death_date",
        "summary",
        "biography",
        "national_identity",
    ]
)
_ORGANIZATION_KEYS = frozenset(
    [
        "classification",
        "founding_date",
        "dissolution_date",
        "abstract",
        "description",
        "posts",
        "children",
        "parent_id",
        "parent",
        "area_id",
        "vote_events",
    ]
)
_MEMBERSHIP_KEYS = frozenset(["person_id", "person", "member", "on_behalf_of_id", "on_behalf_of"])
#: Keys that mark other Popolo classes, checked in this order: (key, class).
_OTHER_CLASSES = (
    ("voter_id", "vote"),
    ("group_results", "vote event"),
    ("counts", "vote event"),
    ("vote_events", "motion"),
    ("requirement", "motion"),
    ("creator_id", "speech"),
    ("attribution_text", "speech"),
    ("attendees", "event"),
    ("geometry", "area"),
    ("identifier", "area"),
    ("option", "count"),
    ("valid_from", "contact detail"),
    ("label", "post"),
)
#: The keys of a membership that peacetalks keeps (the others are noted as not kept).
_MEMBERSHIP_KEPT = frozenset(
    [
        *("id", "person_id", "person", "member", "organization_id", "organization", "role"),
        *("start_date", "end_date"),
    ]
)
_KEPT = frozenset(
    [
        "id",
        "name",
        "other_names",
        "identifiers",
        "classification",
        "parent_id",
        "sources",
        "memberships",
        "summary",
        "description",
        "_kind",
    ]
)


@attrs.define
class _Report:
    position: int
    key: str | None
    outcome: RowOutcome
    problems: list[str]


@attrs.define
class _Reader:
    notes: list[str] = attrs.Factory(list)
    actors: dict[str, dict[str, Any]] = attrs.Factory(dict)
    affiliations: dict[str, list[tuple[Affiliation, _Report, bool]]] = attrs.Factory(dict)
    reports: list[_Report] = attrs.Factory(list)
    origin: dict[str, tuple[_Report, bool]] = attrs.Factory(dict)
    """Where each actor was found: the report of its object, and whether it is that object."""

    def add(
        self, actor_id: str, obj: dict[str, Any], kind: str, report: _Report, own: bool
    ) -> None:
        self.actors[actor_id] = {**obj, "_kind": kind}
        self.origin[actor_id] = (report, own)


def _norm(value: str) -> str:
    """A Popolo id as a peacetalks id: itself when valid, else a slug of it."""
    return value if ID.test(value) else f"popolo-{slug(value)}"


@memory_guarded(WHAT)
def read_popolo(
    source: Source, *, limits: Limits = DEFAULT_LIMITS, encoding: str | None = None
) -> ImportResult:
    """Read Popolo JSON into actors, reporting on every object.

    Raises :class:`~peacetalks.errors.ValidationError` (or its subclass
    :class:`~peacetalks.errors.MalformedJSONError`) only when the file is not
    JSON or holds no Popolo objects at all.
    """
    text, notes = read_text(source, WHAT, limits, encoding)
    data = parse_json(text, limits)
    items = _items(data)
    if len(items) > limits.max_records:
        raise too_many_rows(limits, WHAT, f"{len(items):,} objects")
    reader = _Reader(notes=notes)
    for position, (kind, obj) in enumerate(items, start=1):
        _read(reader, position, kind, obj)
    records: list[Record] = []
    for actor_id in reader.actors:
        actor, problems = _actor(actor_id, reader)
        report, own = reader.origin[actor_id]
        report.problems.extend(problems if own else [f"{p} ({actor_id})" for p in problems])
        if actor is not None:
            records.append(actor)
        elif own:
            report.outcome = RowOutcome.REJECTED
    for person, affiliations in reader.affiliations.items():
        if person in reader.actors:
            continue
        for _, report, own in affiliations:
            if own:
                report.outcome = RowOutcome.REJECTED
                report.problems.append(f"its member is not in this file: {person}")
            else:
                report.problems.append(f"membership of someone not in this file, dropped: {person}")
    rows = tuple(RowReport(r.position, r.key, r.outcome, tuple(r.problems)) for r in reader.reports)
    return ImportResult(
        document=Document(records=tuple(records)), rows=rows, notes=tuple(reader.notes)
    )


def _items(data: Any) -> list[tuple[str | None, Any]]:
    export = isinstance(data, dict) and (
        "persons" in data
        or "organizations" in data
        or ("memberships" in data and "id" not in data and "name" not in data)
    )
    if export:
        items: list[tuple[str | None, Any]] = []
        for name, kind in _COLLECTIONS:
            values = data.get(name) or []
            if not isinstance(values, list):
                problem = Problem((name,), "an array of Popolo objects", type(values).__name__)
                raise ValidationError([problem], WHAT)
            items.extend((kind, value) for value in values)
        return items
    if isinstance(data, list):
        return [(None, value) for value in data]
    if isinstance(data, dict):
        return [(None, data)]
    raise MalformedJSONError(
        [Problem((), "a Popolo object, a list or an export", "other JSON")], WHAT
    )


def _kind(obj: dict[str, Any]) -> str:
    keys = obj.keys()
    if keys & _MEMBERSHIP_KEYS or (
        "organization" in keys and "role" in keys and "label" not in keys
    ):
        return "membership"
    for key, kind in _OTHER_CLASSES:
        if key in keys and not keys & _PERSON_KEYS:
            return kind
    if keys & _ORGANIZATION_KEYS and not keys & _PERSON_KEYS:
        return "organization"
    return "person"


def _read(reader: _Reader, position: int, kind: str | None, obj: Any) -> None:
    raw_id = obj.get("id") if isinstance(obj, dict) else None
    report = _Report(position, raw_id if isinstance(raw_id, str) else None, RowOutcome.IMPORTED, [])
    reader.reports.append(report)
    if not isinstance(obj, dict):
        report.outcome, report.problems = RowOutcome.REJECTED, ["not a JSON object"]
        return
    kind = kind or _kind(obj)
    if kind == "membership":
        if not _membership(reader, obj, report, own=True):
            report.outcome = RowOutcome.REJECTED
        return
    if kind not in ("person", "organization"):
        report.outcome = RowOutcome.SKIPPED
        report.problems.append(f"not a person or organization: a Popolo {kind}")
        return
    actor_id = _actor_id(obj, report.problems)
    # An object embedded in an earlier membership is only a stub: the full object replaces it.
    if actor_id is None or (actor_id in reader.actors and reader.origin[actor_id][1]):
        if actor_id is not None:
            report.problems.append(f"id already used by an earlier object: {actor_id}")
        report.outcome = RowOutcome.REJECTED
        return
    reader.add(actor_id, obj, kind, report, own=True)
    for embedded in values.listed(obj, "memberships", report.problems):
        if isinstance(embedded, dict) and isinstance(obj.get("id"), str):
            side = "person_id" if kind == "person" else "organization_id"
            _membership(reader, {**embedded, side: obj["id"]}, report, own=False)


def _actor_id(obj: dict[str, Any], problems: list[str]) -> str | None:
    raw = obj.get("id")
    if isinstance(raw, str) and raw.strip():
        return _norm(raw)
    name = obj.get("name")
    if isinstance(name, str) and name.strip():
        problems.append("no id, one made from the name: id")
        return f"popolo-{slug(name)}"
    problems.append("no id and no name: id")
    return None


def _membership(reader: _Reader, obj: dict[str, Any], report: _Report, own: bool) -> bool:
    problems = report.problems
    person, organization = obj.get("person_id"), obj.get("organization_id")
    for side, kind in (
        ("person", "person"),
        ("member", "organization"),
        ("organization", "organization"),
    ):
        embedded = obj.get(side)
        if isinstance(embedded, dict) and isinstance(embedded.get("id"), str):
            if side == "organization":
                organization = embedded["id"]
            else:
                person = embedded["id"]
            if _norm(embedded["id"]) not in reader.actors and isinstance(embedded.get("name"), str):
                reader.add(_norm(embedded["id"]), embedded, kind, report, own=False)
    if not isinstance(person, str) or not isinstance(organization, str):
        problems.append(
            "a membership needs a member and an organization: person_id, organization_id"
        )
        return False
    role = obj.get("role") if isinstance(obj.get("role"), str) and obj["role"].strip() else None
    relation = next((r for r in Relation if role and r.value == role.strip().lower()), None)
    start, more = values.point(obj.get("start_date"), "start_date")
    end, later = values.point(obj.get("end_date"), "end_date")
    problems.extend(more + later)
    affiliation, failed = attempt(
        lambda: Affiliation(
            organization=_norm(organization),
            relation=relation or Relation.MEMBER,
            role=None if relation else role,
            start=start,
            end=end,
        )
    )
    if affiliation is None:
        problems.extend(failed)
        return False
    unkept = sorted(key for key in obj.keys() - _MEMBERSHIP_KEPT if obj[key] not in (None, "", []))
    if unkept:
        problems.append("not kept from a membership, no place for them: " + ", ".join(unkept))
    reader.affiliations.setdefault(_norm(person), []).append((affiliation, report, own))
    return True


def _actor(actor_id: str, reader: _Reader) -> tuple[Actor | None, list[str]]:
    obj = reader.actors[actor_id]
    problems: list[str] = []
    person = obj["_kind"] == "person"
    classification = obj.get("classification")
    category = ActorCategory.PERSON if person else values.category(classification, problems)
    names = [
        name
        for other in values.listed(obj, "other_names", problems)
        if (name := values.other_name(other, problems)) is not None
    ]
    identifiers = []
    raw = str(obj.get("id") or actor_id).strip()
    own, _ = attempt(lambda: Identifier(scheme="popolo", value=raw))
    if own is not None:
        identifiers.append(own)
    else:
        problems.append(f"id not kept as a popolo identifier, it has spaces: id {obj.get('id')!r}")
    for item in values.listed(obj, "identifiers", problems):
        found = values.identifier(item, problems)
        if found is not None and found not in identifiers:
            identifiers.append(found)
    affiliations = [found for found, _, _ in reader.affiliations.get(actor_id, [])]
    parent = obj.get("parent_id")
    if isinstance(parent, str) and parent.strip():
        affiliations.append(Affiliation(organization=_norm(parent), relation=Relation.PART_OF))
    sources = []
    for link in values.listed(obj, "sources", problems):
        url = link.get("url") if isinstance(link, dict) else None
        note = link.get("note") if isinstance(link, dict) else None
        citation = values.citation(url, note)
        if citation is None:
            problems.append(f"source without an http(s) URL, dropped: sources {url!r}")
        else:
            sources.append(citation)
    text = obj.get("name") if isinstance(obj.get("name"), str) and obj["name"].strip() else None
    summary = obj.get("summary") if person else obj.get("description")
    description = summary if isinstance(summary, str) and summary.strip() else None
    unkept = sorted(key for key in obj.keys() - _KEPT if obj[key] not in (None, "", []))
    if unkept:
        problems.append("not kept, peacetalks has no place for them: " + ", ".join(unkept))
    actor, failed = attempt(
        lambda: Actor(
            id=actor_id,
            category=category,
            name=text,
            description=description,
            names=tuple(names),
            affiliations=tuple(affiliations),
            sources=tuple(sources),
            identifiers=tuple(identifiers),
        )
    )
    return actor, problems + failed
