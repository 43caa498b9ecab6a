"""The ETH/PRIO Civil Conflict Ceasefire dataset (CSV) → truces and the actors they name.

The dataset has one row per ceasefire *per declaring actor*; rows are grouped
by (``cc``, ``cf_id``) into one :class:`~peacetalks.Truce`. Every row is
reported: imported (with notes on anything that could not be kept), merged
(an exact duplicate) or rejected (with the reason). See ``docs/interop.md``
for the field-by-field mapping.
"""

from __future__ import annotations

import re
from collections.abc import Iterable, Mapping
from typing import TypeVar

import attrs

from peacetalks.actor import Actor, ActorCategory
from peacetalks.common import Identifier, Place, PlaceKind
from peacetalks.document import Document, Record
from peacetalks.interop._columns import keep_cells
from peacetalks.interop._common import (
    ActorBook,
    Source,
    attempt,
    claim_ids,
    clean,
    coded,
    dataset_citation,
    identifier,
    integer,
    memory_guarded,
    slug,
    split_list,
    when,
)
from peacetalks.interop._csvfile import read_csv, read_text
from peacetalks.interop._durations import fixed_duration
from peacetalks.interop._ethprio_export import DATASET, HEADER, to_ethprio, truce_columns
from peacetalks.interop._ethprio_rows import (
    DOMAINS,
    IDS,
    Row,
    parse_row,
    split_all,
    truce_ids,
)
from peacetalks.interop._repair import make_whole
from peacetalks.interop._report import ImportResult, RowOutcome, RowReport
from peacetalks.limits import DEFAULT_LIMITS, Limits
from peacetalks.times import Duration
from peacetalks.truce import (
    Consent,
    Enforcement,
    Extent,
    Purpose,
    Scope,
    Truce,
    TruceCategory,
    TruceLink,
    TruceLinkKind,
    TruceParty,
)

__all__ = ["PUBLISHER", "read_ethprio", "to_ethprio"]

T = TypeVar("T")

PUBLISHER = "ETH/PRIO Civil Conflict Ceasefire dataset"
WHAT = "ETH/PRIO ceasefires"
REQUIRED = ("cc", "cf_id", "actor_name")
#: Columns of coders' prose, kept as text whatever they hold.
FREE_TEXT = frozenset(
    {"location", "actor_name", "fixed_time", "p_other_comment", "cf_pp", "mediator_send"}
    | {"factivia_page", "factivia_source", "comment", "evidence_onset", "evidence_end", "coder"}
)
#: Columns read when present; a release without them loses only what they hold.
OPTIONAL = (
    "uniq_id", "location", "ucdp_actor_id", "ucdp_acd_id", "ucdp_dyad", "pax_id",
    "cf_dec_yr", "cf_dec_month", "cf_dec_day", "cf_effect_yr", "cf_effect_month",
    "cf_effect_day", "side", "partial", "written", "fixed", "fixed_time",
    "p_humanitarian", "p_peaceprocess", "p_holiday", "p_election", "p_other",
    "p_other_comment", "p_unclear", "ceasefire_class", "mediator_send", "implement",
    "enforcement", "ddr", "end_yr", "end_month", "end_day", "id",
)  # fmt: skip

_PURPOSES = (
    ("p_humanitarian", Purpose.HUMANITARIAN),
    ("p_peaceprocess", Purpose.PEACE_PROCESS),
    ("p_holiday", Purpose.HOLIDAY),
    ("p_election", Purpose.ELECTION),
    ("p_other", Purpose.OTHER),
    ("p_unclear", Purpose.UNCLEAR),
)
_CATEGORY = {
    "1": TruceCategory.CESSATION_OF_HOSTILITIES,
    "2": TruceCategory.WITH_COMPLIANCE_MEASURES,
    "3": TruceCategory.DEFINITIVE,
}
_ENFORCEMENT = {
    "0": Enforcement.NONE,
    "1": Enforcement.THIRD_STATE,
    "2": Enforcement.INTERNATIONAL_ORGANIZATION,
    "3": None,  # the dataset's own "unclear"
}
_YES_NO = {"0": False, "1": True}
_WRITTEN = {"0": False, "1": True, "2": True}
_EXTENT = {"0": Extent.COMPREHENSIVE, "1": Extent.PARTIAL}
#: "Government of X", misspellings included ("Goverment", "Governmentof Colombia").
_GOVERNMENT = re.compile(r"^(interim |transitional )?gov[a-z]*ment", re.IGNORECASE)
_LINK = re.compile(r"^link_id[0-9]+$")
#: Mediators the dataset names by acronym that are international organisations.
_ORGANIZATIONS = frozenset(
    """UN AU EU EC OAU OSCE ECOWAS ECOMOG ECCAS IGAD SADC CPLP NATO KFOR MONUC MINUSMA UNSMIL
    UNSMIS UNHCR COMMONWEALTH""".split()  # noqa: SIM905 - a compact list
) | {"League of Arab States", "Organization of Islamic Conference"}


@memory_guarded(WHAT)
def read_ethprio(
    source: Source, *, limits: Limits = DEFAULT_LIMITS, encoding: str | None = None
) -> ImportResult:
    """Read an ETH/PRIO ceasefire CSV file into truces and actors, reporting on every row.

    ``source`` is a path or the file's bytes, in UTF-8 unless ``encoding``
    names another. Raises :class:`~peacetalks.errors.ValidationError` only
    when the file as a whole cannot be read: unreadable, not in the encoding,
    not CSV, no ``cc``/``cf_id``/``actor_name``, a column named twice, or
    columns whose values are mostly not what they hold (swapped columns,
    two-digit years).
    """
    text, notes = read_text(source, WHAT, limits, encoding)
    header, rows, more = read_csv(text, WHAT, REQUIRED, limits, known=HEADER, domains=DOMAINS)
    notes.extend(more)
    absent = [name for name in OPTIONAL if name not in header]
    if absent:
        notes.append("columns not in this file, read as unknown: " + ", ".join(absent))
    links = [name for name in header if _LINK.match(name)]
    reports: dict[int, RowReport] = {}
    groups: dict[tuple[int, int], list[Row]] = {}
    seen: dict[tuple[str, ...], Row] = {}
    for line, data, found in rows:
        key = clean(data.get("id"))
        row, problems = parse_row(line, key, data, found)
        if row is None:
            reports[line] = RowReport(line, key, RowOutcome.REJECTED, tuple(problems))
            continue
        same = tuple(data.values()) if "id" not in data else tuple({**data, "id": ""}.values())
        first = seen.setdefault(same, row)
        if first is not row:
            first.merged.append(key)
            first.twins.append((line, key, data))
            problem = f"duplicate of an earlier row apart from its id: line {first.line}"
            reports[line] = RowReport(line, key, RowOutcome.MERGED, (problem,))
            continue
        cc, cf_id = integer(data["cc"]), integer(data["cf_id"])
        groups.setdefault((cc or 0, cf_id or 0), []).append(row)
    made: list[tuple[Record, list[Row]]] = []
    book = ActorBook(dataset_citation(PUBLISHER))
    ids = truce_ids(groups)
    parts = split_all(groups, ids)
    # A link to a ceasefire outside the file gets the id it would have: ethprio-{uniq_id}
    # when this file's uniq_ids follow the dataset's rule cc * 1000 + cf_id.
    rule = any(value == f"ethprio-{c * 1000 + n}" for (c, n), value in ids.items())
    linking: Links = (links, ids, rule)
    for cc, cf_id, truce_id, members in parts:
        truce, group_notes, mentions = _truce(cc, truce_id, members, linking)
        if truce is None:
            for row in members:
                reports[row.line] = RowReport(
                    row.line, row.key, RowOutcome.REJECTED, tuple(row.notes + group_notes)
                )
            continue
        made.append((truce, members))
        members[0].notes.extend(group_notes)
        for row, (actor_id, name, category, known_as) in mentions:
            row.notes.extend(book.add(actor_id, name, category, known_as))
        outcome = RowOutcome.SPLIT if truce_id != ids[(cc, cf_id)] else RowOutcome.IMPORTED
        for row in members:
            reports[row.line] = RowReport(row.line, row.key, outcome, tuple(row.notes))
    actors = book.actors()
    records, refused = claim_ids(made, actors)
    owners = {record.id: members for record, members in made}
    records, changed, incurable = make_whole([*actors, *records])
    for trouble in incurable:
        if trouble.record_id in owners:
            refused.append((owners[trouble.record_id], f"{trouble.path}: {trouble.message}"))
    rejected = {id(members) for members, _ in refused}
    for members, reason in refused:
        for row in members:
            report = reports[row.line]
            reports[row.line] = attrs.evolve(
                report, outcome=RowOutcome.REJECTED, problems=(*report.problems, reason)
            )
    names = {r.id: r.name or r.id for r in records if isinstance(r, Actor)}
    kept: list[Record] = []
    for record in records:
        own = owners.get(record.id)
        if own is None or not isinstance(record, Truce):
            kept.append(record)
            continue
        if id(own) in rejected:
            continue
        for row in own:
            report = reports[row.line]
            changes = tuple(changed.get(record.id, ())) if row is own[0] else ()
            reports[row.line] = attrs.evolve(report, problems=(*report.problems, *changes))
        kept.append(_with_cells(record, own, names))
    document = Document(records=tuple(kept))
    ordered = tuple(reports[line] for line in sorted(reports))
    return ImportResult(document=document, rows=ordered, notes=tuple(notes))


def _with_cells(truce: Truce, rows: list[Row], names: dict[str, str]) -> Truce:
    """The truce with every cell of its rows that its typed fields do not give back."""
    columns = truce_columns(truce, names)
    cells = []
    taken: set[str] = set()
    for row in rows:
        for line, key, data in ((row.line, row.key, row.data), *row.twins):
            name = row.cells_key(line, key, taken)
            written = {**columns, "id": name} if name == key else columns
            cells.extend(keep_cells(DATASET, name, data, written, FREE_TEXT))
    return attrs.evolve(truce, source_columns=tuple(cells))


def _values(rows: list[Row], column: str, notes: list[str]) -> list[str]:
    """The distinct known values of a column over a ceasefire's rows, noting disagreement."""
    found: list[str] = []
    for row in rows:
        value = clean(row.data.get(column))
        if value is not None and value not in found:
            found.append(value)
    if len(found) > 1:
        notes.append(f"rows of one ceasefire disagree, the first is kept: {column} {found}")
    return found


def _coded(
    rows: list[Row], column: str, codes: Mapping[str, T | None], notes: list[str]
) -> T | None:
    """What a ceasefire's code means, from the first of its rows that gives one."""
    values = _values(rows, column, notes)
    return coded(values[0], column, codes, notes) if values else None


Mention = tuple[Row, tuple[str, str, ActorCategory, tuple[Identifier | None, ...]]]


Links = tuple[list[str], dict[tuple[int, int], str], bool]
"""The link columns, every ceasefire's truce id, and whether uniq_id is cc * 1000 + cf_id."""


def _truce(
    cc: int, truce_id: str, rows: list[Row], linking: Links
) -> tuple[Truce | None, list[str], list[Mention]]:
    notes: list[str] = []
    uniq = _values(rows, "uniq_id", notes)
    mentions: list[Mention] = []
    parties: dict[str, list[Row]] = {}
    for row in rows:
        parties.setdefault(row.actor, []).append(row)
        name = clean(row.data["actor_name"]) or ""
        ucdp = identifier("ucdp_actor", row.data.get("ucdp_actor_id"))
        category = (
            ActorCategory.GOVERNMENT
            if _GOVERNMENT.match(name)
            else ActorCategory.ARMED_GROUP
            if ucdp
            else ActorCategory.UNCLASSIFIED
        )
        mentions.append((row, (row.actor, name, category, (ucdp,))))
    mediators: list[str] = []
    for row in rows:
        send = clean(row.data.get("mediator_send"))
        for name in split_list(send) if send and send != "0" else []:
            mediator = f"ethprio-mediator-{slug(name)}"
            if mediator not in mediators:
                mediators.append(mediator)
            category = (
                ActorCategory.INTERNATIONAL_ORGANIZATION
                if name.strip() in _ORGANIZATIONS or name.strip().upper() in _ORGANIZATIONS
                else ActorCategory.UNCLASSIFIED
            )
            mentions.append((row, (mediator, name, category, ())))
    purposes = tuple(
        purpose
        for column, purpose in _PURPOSES
        if any(clean(row.data.get(column)) == "1" for row in rows)
    )
    comments = [c for c in _values(rows, "p_other_comment", []) if c != "0"]
    other = "; ".join(comments) if comments and Purpose.OTHER in purposes else None
    if comments and other is None:
        notes.append(f"p_other_comment without p_other, dropped: {comments}")
    location = _values(rows, "location", notes)
    extent = _coded(rows, "partial", _EXTENT, notes)
    gwno = tuple(i for i in (identifier("gwno", str(cc)),) if i)
    # A comprehensive ceasefire covers the country; a partial one is limited to a part of
    # it the dataset does not name: its area is the country, and its limits are unknown.
    areas = tuple(
        Place(name=name, kind=PlaceKind.COUNTRY, identifiers=gwno) for name in location[:1]
    )
    scope = None if extent is None else Scope(extent=extent, areas=areas)
    citation = dataset_citation(
        PUBLISHER,
        (
            found
            for row in rows
            for key in (row.key, *row.merged)
            if (found := identifier("ethprio_row", key)) is not None
        ),
    )
    written = _coded(rows, "written", _WRITTEN, notes)
    enforcement = _coded(rows, "enforcement", _ENFORCEMENT, notes)
    truce_category = _coded(rows, "ceasefire_class", _CATEGORY, notes)
    mechanism = _coded(rows, "implement", _YES_NO, notes)
    disarmament = _coded(rows, "ddr", _YES_NO, notes)
    fields: dict[str, object] = {
        "id": truce_id,
        "parties": tuple(
            TruceParty(
                actor=actor,
                consent=Consent.UNILATERAL_DECLARATION
                if all(clean(r.data.get("side")) == "1" for r in own)
                else None,
                consented=when(r.declared for r in own),
            )
            for actor, own in parties.items()
        ),
        "mediators": tuple(mediators),
        "scope": scope,
        "duration": _duration(rows, notes),
        "declared": when(row.declared for row in rows),
        "effective": when(row.effective for row in rows),
        "ends": when(row.ended for row in rows),
        "purposes": purposes,
        "other_purpose": other,
        "written": written,
        "enforcement": enforcement,
        "category": truce_category,
        "implementation_mechanism": mechanism,
        "disarmament": disarmament,
        "links": _links(cc, truce_id, rows, linking),
        "sources": (citation,),
        "identifiers": _identifiers(rows, uniq),
    }
    truce, problems = attempt(lambda: Truce(**fields))  # type: ignore[arg-type]
    if truce is None and fields["ends"] is not None:
        fields["ends"] = None
        truce, _ = attempt(lambda: Truce(**fields))  # type: ignore[arg-type]
        if truce is not None:
            notes.append("end date before the start, dropped: end_yr/end_month/end_day")
    return truce, notes + problems if truce is None else notes, mentions


def _duration(rows: list[Row], notes: list[str]) -> Duration | None:
    pairs = []
    for row in rows:
        pair = (clean(row.data.get("fixed")), (row.data.get("fixed_time") or "").strip())
        if pair not in pairs:
            pairs.append(pair)
    if len(pairs) > 1:
        notes.append(f"rows of one ceasefire disagree, the first is kept: fixed/fixed_time {pairs}")
    return fixed_duration(*pairs[0], notes)


def _links(cc: int, truce_id: str, rows: list[Row], linking: Links) -> tuple[TruceLink, ...]:
    """Links to the ceasefires a row names by their ``cf_id`` in the same country."""
    columns, ids, rule = linking
    targets: list[str] = []
    for row in rows:
        for column in columns:
            try:
                number = integer(row.data.get(column))
            except ValueError:
                row.notes.append(f"link is not a number, dropped: {column}")
                continue
            if number is None or number <= 0:
                continue
            outside = f"ethprio-{cc * 1000 + number}" if rule else f"ethprio-{cc}-{number}"
            target = ids.get((cc, number), outside)
            if target != truce_id and target not in targets:
                targets.append(target)
    return tuple(TruceLink(relation=TruceLinkKind.RELATED, truce=t) for t in targets)


def _identifiers(rows: list[Row], uniq: list[str]) -> tuple[Identifier, ...]:
    found: list[Identifier] = []

    def add(items: Iterable[Identifier | None]) -> None:
        for item in items:
            if item is not None and item not in found:
                found.append(item)

    add(identifier("ethprio", value) for value in uniq[:1])
    for scheme, column in IDS[2:]:
        add(identifier(scheme, row.data.get(column)) for row in rows)
    return tuple(found)
