"""PA-X Peace Agreements Database (CSV) → agreed proposals, ceasefire truces and actors.

One row is one agreement: a :class:`~peacetalks.Proposal` that reached
agreement, with its signatories and third parties read from PA-X's free-text
``Part`` and ``ThrdPart`` columns. A ceasefire agreement (``Stage`` ``Cea``)
also becomes a :class:`~peacetalks.Truce`. See ``docs/interop.md``.
"""

from __future__ import annotations

import re

import attrs

from peacetalks.actor import ActorCategory
from peacetalks.common import Identifier
from peacetalks.document import Document, Record
from peacetalks.errors import ValidationError
from peacetalks.interop._columns import keep_cells
from peacetalks.interop._common import (
    ActorBook,
    Source,
    attempt,
    broken,
    claim_ids,
    clean,
    coded,
    dataset_citation,
    identifier,
    integer,
    memory_guarded,
    slug,
    split_list,
)
from peacetalks.interop._csvfile import Domain, read_csv, read_text, text_not_number, whole
from peacetalks.interop._pax_export import DATASET, HEADER, proposal_columns, to_pax
from peacetalks.interop._pax_parties import people
from peacetalks.interop._repair import make_whole
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
from peacetalks.truce import Consent, Truce, TruceParty

__all__ = ["PUBLISHER", "read_pax", "to_pax"]

PUBLISHER = "PA-X Peace Agreements Database"
WHAT = "PA-X agreements"
REQUIRED = ("AgtId", "Agt", "Dat")
#: Columns of prose and names, kept as text whatever they hold.
FREE_TEXT = frozenset(
    {"Con", "Contp", "PPName", "Reg", "Agt", "Dat", "Status", "Agtp", "Stage", "StageSub"}
    | {"Part", "ThrdPart", "OthAgr", "Loc1ISO", "Loc2ISO", "Interim", "Ver"}
)
OPTIONAL = (
    "PP", "PPName", "Con", "Status", "Stage", "Part", "ThrdPart", "UcdpCon", "UcdpAgr",
    "PamAgr", "CowWar",
)  # fmt: skip

_ISO_DATE = re.compile(r"[0-9]{4}(-[0-9]{2}){0,2}")
_CODE = ("a whole number", whole(-99, 10**6))
#: What the columns hold, to catch swapped or misnamed columns and two-digit years.
DOMAINS: dict[str, Domain] = {
    "AgtId": ("an agreement number", whole(1, 10**9)),
    "Dat": (
        "an ISO date with a four-digit year",
        re.compile(r"[0-9]{4}(-[0-9]{2}){0,2}").fullmatch,
    ),  # type: ignore[dict-item]
    "Agt": ("an agreement's name", text_not_number),
    "Con": ("a conflict's name", text_not_number),
    **dict.fromkeys(HEADER[HEADER.index("GCh") :], _CODE),
}
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
_GOVERNMENT = re.compile(r"\b(government|gobierno|gouvernement)\b", re.IGNORECASE)


@memory_guarded(WHAT)
def read_pax(
    source: Source, *, limits: Limits = DEFAULT_LIMITS, encoding: str | None = None
) -> ImportResult:
    """Read a PA-X agreements CSV file, reporting on every row.

    ``source`` is a path or the file's bytes, in UTF-8 unless ``encoding``
    names another. Raises :class:`~peacetalks.errors.ValidationError` only
    when the file as a whole cannot be read: unreadable, not in the encoding,
    not CSV, no ``AgtId``/``Agt``/``Dat``, a column named twice, or columns
    whose values are mostly not what they hold (swapped columns, dates with
    two-digit years).
    """
    text, notes = read_text(source, WHAT, limits, encoding)
    header, rows, more = read_csv(text, WHAT, REQUIRED, limits, known=HEADER, domains=DOMAINS)
    notes.extend(more)
    absent = [name for name in OPTIONAL if name not in header]
    if absent:
        notes.append("columns not in this file, read as unknown: " + ", ".join(absent))
    book = ActorBook(dataset_citation(PUBLISHER))
    made_by_row: list[tuple[Record, int]] = []
    reports: list[RowReport] = []
    seen: dict[str, tuple[int, dict[str, str]]] = {}
    cells: dict[int, dict[str, str]] = {}
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
        cells[len(reports)] = data
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
    owners = {record.id: index for record, index in made_by_row if index in kept_rows}
    records, changed, incurable = make_whole(
        [*actors, *(record for record, index in made_by_row if index in kept_rows)]
    )
    dropped = {owners[p.record_id] for p in incurable if p.record_id in owners}
    for row_index in sorted(dropped):
        reasons = tuple(
            f"{p.path}: {p.message}"
            for p in incurable
            if owners.get(p.record_id or "") == row_index
        )
        reports[row_index] = attrs.evolve(
            reports[row_index],
            outcome=RowOutcome.REJECTED,
            problems=(*reports[row_index].problems, *reasons),
        )
    kept: list[Record] = []
    for record in records:
        owner = owners.get(record.id)
        if owner in dropped:
            continue
        if owner is not None:
            changes = tuple(changed.get(record.id, ()))
            if changes:
                reports[owner] = attrs.evolve(
                    reports[owner], problems=(*reports[owner].problems, *changes)
                )
            if isinstance(record, Proposal):
                written = proposal_columns(record)
                own = keep_cells(DATASET, None, cells[owner], written, FREE_TEXT)
                kept.append(attrs.evolve(record, source_columns=tuple(own)))
                continue
        kept.append(record)
    document = Document(records=tuple(kept))
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
        for role, name in people(data.get(column) or "", default, notes, column):
            actor_id = f"pax-actor-{slug(name)}"
            mentions.append((actor_id, name))
            ids = roles.setdefault(role, [])
            if actor_id not in ids:
                ids.append(actor_id)
    reached = _date(data.get("Dat"), notes)
    signing = coded(data.get("Status"), "Status", _SIGNING, notes)
    stage = coded(data.get("Stage"), "Stage", _STAGES, notes)
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
    identifiers = _identifiers(number, data, notes)
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
        # A unilateral document is its party's declaration; "signed/agreed" does not say how.
        consent = Consent.UNILATERAL_DECLARATION if signing is Signing.UNILATERAL else None
        truce, problems = attempt(
            lambda: Truce(
                id=truce_id,
                name=clean(data.get("Agt")),
                parties=tuple(TruceParty(actor=a, consent=consent) for a in agreement.signatories),
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


def _date(value: str | None, notes: list[str]) -> ReportedTime | None:
    text = clean(value)
    if text is None:
        return None
    try:
        return ReportedTime.on(TimePoint.parse(text))
    except ValidationError:
        notes.append(f"not an ISO date, read as unknown: Dat {text!r}")
        return None


def _identifiers(number: int, data: dict[str, str], notes: list[str]) -> tuple[Identifier, ...]:
    found = [Identifier(scheme="pax", value=str(number))]
    for scheme, column in (
        ("pax_process", "PP"),
        ("ucdp_conflict", "UcdpCon"),
        ("ucdp_agreement", "UcdpAgr"),
        ("pam_agreement", "PamAgr"),
        ("cow_war", "CowWar"),
    ):
        for value in split_list(clean(data.get(column)) or "", ",;"):
            item = identifier(scheme, value, notes, column)
            if item is not None and item not in found:
                found.append(item)
    return tuple(found)
