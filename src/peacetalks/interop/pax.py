"""PA-X Peace Agreements Database (CSV) → agreed proposals, ceasefire truces and actors.

One row is one agreement: a :class:`~peacetalks.Proposal` that reached
agreement, with its signatories and third parties read from PA-X's free-text
``Part`` and ``ThrdPart`` columns. A ceasefire agreement (``Stage`` ``Cea``)
also becomes a :class:`~peacetalks.Truce`. See ``docs/interop.md``.
"""

from __future__ import annotations

import re
from typing import TypeVar

import attrs

from peacetalks.actor import ActorCategory
from peacetalks.common import Identifier
from peacetalks.document import Document, Record
from peacetalks.errors import ValidationError
from peacetalks.interop._common import (
    ActorBook,
    Source,
    attempt,
    broken,
    claim_ids,
    clean,
    dataset_citation,
    identifier,
    integer,
    read_csv,
    read_text,
    slug,
    split_list,
)
from peacetalks.interop._report import ImportResult, RowOutcome, RowReport
from peacetalks.limits import DEFAULT_LIMITS, Limits
from peacetalks.proposal import (
    Agreement,
    AgreementStage,
    Proposal,
    ProposalStatus,
    Signing,
    Term,
    TermTopic,
)
from peacetalks.times import ReportedTime, TimePoint
from peacetalks.truce import Truce, TruceParty

__all__ = ["PUBLISHER", "read_pax"]

T = TypeVar("T")

PUBLISHER = "PA-X Peace Agreements Database"
WHAT = "PA-X agreements"
REQUIRED = ("AgtId", "Agt", "Dat")
OPTIONAL = (
    "PP", "PPName", "Con", "Status", "Stage", "Part", "ThrdPart", "UcdpCon", "UcdpAgr",
    "PamAgr", "CowWar",
)  # fmt: skip

_STAGES = {
    "Pre": AgreementStage.PRE_NEGOTIATION,
    "SubPar": AgreementStage.PARTIAL,
    "SubComp": AgreementStage.COMPREHENSIVE,
    "Cea": AgreementStage.CEASEFIRE,
    "Imp": AgreementStage.IMPLEMENTATION,
    "Ren": AgreementStage.RENEWAL,
    "Oth": AgreementStage.OTHER,
}
_SIGNING = {
    "Multiparty signed/agreed": Signing.MULTIPARTY,
    "Unilateral document": Signing.UNILATERAL,
    "Agreement with subsequent status": Signing.SUBSEQUENT,
    "Status unclear": Signing.UNCLEAR,
}
#: The ceasefire-related provisions kept as terms: column, topic, what it records.
PROVISIONS = (
    ("Ce", TermTopic.CEASEFIRE, "Ceasefire"),
    ("CeProv", TermTopic.CEASEFIRE, "Ceasefire provisions"),
    ("CeGen", TermTopic.CEASEFIRE, "General ceasefire"),
    ("SsrDdr", TermTopic.OTHER, "Disarmament, demobilisation and reintegration"),
    ("DdrDemil", TermTopic.OTHER, "Demilitarisation"),
    ("DdrProg", TermTopic.OTHER, "Disarmament, demobilisation and reintegration programme"),
    ("ImPK", TermTopic.PEACEKEEPING, "International mission or force"),
    ("ImUN", TermTopic.OTHER, "United Nations role"),
)
_ROLES = (
    (re.compile(r"^witness", re.IGNORECASE), "witnesses"),
    (re.compile(r"^guarant", re.IGNORECASE), "guarantors"),
    (re.compile(r"^(mediat|m[ée]diateur|facilitat|chair)", re.IGNORECASE), "mediators"),
    (re.compile(r"^(signator|signed|parties)", re.IGNORECASE), "signatories"),
    (re.compile(r"^(observ|third)", re.IGNORECASE), "third_parties"),
)
_LABELLED = re.compile(r"^(?P<label>[^:]{2,40}?)(?: by)?\s*:\s*(?P<rest>.*)$")
_GOVERNMENT = re.compile(r"\b(government|gobierno|gouvernement)\b", re.IGNORECASE)
_LONGEST_NAME = 160


def read_pax(source: Source, *, limits: Limits = DEFAULT_LIMITS) -> ImportResult:
    """Read a PA-X agreements CSV file, reporting on every row.

    ``source`` is a path or the file's bytes. Raises
    :class:`~peacetalks.errors.ValidationError` only when the file as a whole
    cannot be read (unreadable, not CSV, no ``AgtId``/``Agt``/``Dat``).
    """
    text, notes = read_text(source, WHAT, limits)
    header, rows = read_csv(text, WHAT, REQUIRED, limits)
    absent = [name for name in OPTIONAL if name not in header]
    if absent:
        notes.append("columns not in this file, read as unknown: " + ", ".join(absent))
    book = ActorBook(dataset_citation(PUBLISHER))
    made_by_row: list[tuple[Record, int]] = []
    reports: list[RowReport] = []
    seen: dict[str, tuple[int, dict[str, str]]] = {}
    for line, data, problems in rows:
        key = clean(data.get("AgtId"))
        earlier = seen.get(key or "")
        if earlier is not None:
            if earlier[1] == data:
                problem = f"duplicate of an earlier row: line {earlier[0]}"
                reports.append(RowReport(line, key, RowOutcome.MERGED, (problem,)))
            else:
                problem = f"AgtId already used by a different row: line {earlier[0]}"
                reports.append(RowReport(line, key, RowOutcome.REJECTED, (problem,)))
            continue
        made, mentions, more = _agreement(key, data, problems)
        if not made:
            reports.append(RowReport(line, key, RowOutcome.REJECTED, tuple(problems + more)))
            continue
        seen[key or ""] = (line, data)
        for actor_id, name in mentions:
            category = (
                ActorCategory.GOVERNMENT if _GOVERNMENT.search(name) else ActorCategory.UNCLASSIFIED
            )
            more.extend(book.add(actor_id, name, category))
        made_by_row.extend((record, len(reports)) for record in made)
        reports.append(RowReport(line, key, RowOutcome.IMPORTED, tuple(more)))
    actors = book.actors()
    _, refused = claim_ids(made_by_row, actors)  # a row keeps all its records or none
    for index in dict.fromkeys(index for index, _ in refused):
        report = reports[index]
        reasons = tuple(reason for owner, reason in refused if owner == index)
        reports[index] = attrs.evolve(
            report, outcome=RowOutcome.REJECTED, problems=(*report.problems, *reasons)
        )
    kept_rows = {index for _, index in made_by_row} - {index for index, _ in refused}
    records = [record for record, index in made_by_row if index in kept_rows]
    document = Document(records=(*actors, *records))
    return ImportResult(document=document, rows=tuple(reports), notes=tuple(notes))


def _agreement(
    key: str | None, data: dict[str, str], problems: list[str]
) -> tuple[list[Record], list[tuple[str, str]], list[str]]:
    notes: list[str] = []
    try:
        number = integer(key)
    except ValueError:
        number = None
    if number is None or number <= 0:
        problems.append(f"no agreement id: AgtId {data.get('AgtId')!r}")
    if problems or number is None:
        return [], [], notes
    for column in ("Agt", "Part", "ThrdPart"):
        notes.extend(broken(column, data.get(column)))
    proposal_id = f"pax-{number}"
    truce_id = f"{proposal_id}-truce"
    roles: dict[str, list[str]] = {}
    mentions: list[tuple[str, str]] = []
    for column, default in (("Part", "signatories"), ("ThrdPart", "third_parties")):
        for role, name in _people(data.get(column) or "", default, notes, column):
            actor_id = f"pax-actor-{slug(name)}"
            mentions.append((actor_id, name))
            ids = roles.setdefault(role, [])
            if actor_id not in ids:
                ids.append(actor_id)
    reached = _date(data.get("Dat"), notes)
    signing = _lookup(data, "Status", _SIGNING, notes)
    stage = _lookup(data, "Stage", _STAGES, notes)
    makes_truce = stage is AgreementStage.CEASEFIRE
    terms = []
    for column, topic, label in PROVISIONS:
        try:
            level = integer(data.get(column))
        except ValueError:
            notes.append(f"provision code not a number, dropped: {column}")
            continue
        if level:
            concerns = (truce_id,) if makes_truce and topic is TermTopic.CEASEFIRE else ()
            terms.append(
                Term(
                    topic=topic, description=f"{label} (PA-X {column} = {level})", concerns=concerns
                )
            )
    identifiers = _identifiers(number, data)
    citation = dataset_citation(PUBLISHER, identifiers[:1])
    agreement = Agreement(
        reached=reached,
        signatories=tuple(roles.get("signatories", ())),
        witnesses=tuple(roles.get("witnesses", ())),
        guarantors=tuple(roles.get("guarantors", ())),
        mediators=tuple(roles.get("mediators", ())),
        third_parties=tuple(roles.get("third_parties", ())),
        signing=signing,
        written=True,
    )
    proposal, problems = attempt(
        lambda: Proposal(
            id=proposal_id,
            title=clean(data.get("Agt")),
            terms=tuple(terms),
            status=ProposalStatus.AGREED,
            stage=stage,
            peace_process=clean(data.get("PPName")),
            conflict=clean(data.get("Con")),
            agreement=agreement,
            sources=(citation,),
            identifiers=identifiers,
        )
    )
    if proposal is None:
        return [], [], notes + problems
    made: list[Record] = [proposal]
    if makes_truce:
        truce, problems = attempt(
            lambda: Truce(
                id=truce_id,
                name=clean(data.get("Agt")),
                parties=tuple(TruceParty(actor=a) for a in agreement.signatories),
                mediators=agreement.mediators,
                declared=reached,
                written=True,
                proposal=proposal_id,
                sources=(citation,),
                identifiers=identifiers[:1],
            )
        )
        if truce is None:
            return [], [], notes + problems
        made.append(truce)
    return made, mentions, notes


def _people(text: str, default: str, notes: list[str], column: str) -> list[tuple[str, str]]:
    """(role, name) for each party named in a PA-X free-text list, names as written.

    Lines and ';' separate parties; a line ending in ':' is a heading whose role
    ("Witnesses:", "Mediator:") applies to the lines after it; "Label: name"
    gives one party its role. A single line is split on commas when every part
    starts with a capital.
    """
    chunks = [c.strip(" \t\xa0\u2028-•*") for c in re.split(r"[\r\n;\u2028]+", text)]
    chunks = [c for c in chunks if c]
    if len(chunks) == 1:
        parts = split_list(re.sub(r"\s+and\s+", ", ", chunks[0]), ",")
        if len(parts) > 1 and all(part[:1].isupper() for part in parts):
            chunks = parts
    role = default
    found: list[tuple[str, str]] = []
    for chunk in chunks:
        name, found_role = chunk, role
        labelled = _LABELLED.match(chunk)
        if labelled:
            label_role = _role(labelled["label"])
            rest = labelled["rest"].strip()
            if label_role is not None and not rest:
                role = label_role
                continue
            if label_role is not None:
                name, found_role = rest, label_role
            elif not rest:
                continue  # a heading that names no role: "Page 2:", "For the government:"
        name = name.strip()
        if not name:  # only spaces of other kinds (a form feed...)
            continue
        if len(name) > _LONGEST_NAME:
            notes.append(f"text too long for a name, not read as a party: {column}")
            continue
        if name.startswith("[") and name.endswith("]"):
            notes.append(f"editorial note in brackets, not read as a party: {column}")
            continue
        found.append((found_role, name))
    return found


def _role(label: str) -> str | None:
    for pattern, role in _ROLES:
        if pattern.match(label.strip()):
            return role
    return None


def _date(value: str | None, notes: list[str]) -> ReportedTime | None:
    text = clean(value)
    if text is None:
        return None
    try:
        return ReportedTime.on(TimePoint.parse(text))
    except ValidationError:
        notes.append(f"not an ISO date, read as unknown: Dat {text!r}")
        return None


def _lookup(data: dict[str, str], column: str, codes: dict[str, T], notes: list[str]) -> T | None:
    value = clean(data.get(column))
    if value is None:
        return None
    if value not in codes:
        notes.append(f"unknown code, read as unknown: {column} {value!r}")
        return None
    return codes[value]


def _identifiers(number: int, data: dict[str, str]) -> tuple[Identifier, ...]:
    found = [Identifier(scheme="pax", value=str(number))]
    for scheme, column in (
        ("pax_process", "PP"),
        ("ucdp_conflict", "UcdpCon"),
        ("ucdp_agreement", "UcdpAgr"),
        ("pam_agreement", "PamAgr"),
        ("cow_war", "CowWar"),
    ):
        for value in split_list(clean(data.get(column)) or "", ",;"):
            item = identifier(scheme, value)
            if item is not None and item not in found:
                found.append(item)
    return tuple(found)
