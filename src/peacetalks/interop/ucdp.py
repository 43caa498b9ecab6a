"""UCDP Peace Agreement dataset (Excel workbook or CSV) → agreed proposals, truces, actors.

One row is one agreement (``paid``): a :class:`~peacetalks.Proposal` that
reached agreement, signed by the UCDP actors its ``actor_id`` lists, with the
third parties ``pa_3rd`` names. An agreement with a ceasefire (``cease`` 1)
also becomes a :class:`~peacetalks.Truce`. Every other column is kept on the
proposal as a source column. Workbooks are read with ``openpyxl`` (the
``xlsx`` extra: ``pip install peacetalks[xlsx]``). See ``docs/interop.md``.
"""

from __future__ import annotations

import datetime as dt
import importlib
import io
import warnings
from typing import Any

import attrs

from peacetalks.actor import ActorCategory
from peacetalks.common import Identifier
from peacetalks.document import Document, Record
from peacetalks.errors import Problem, ValidationError
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
)
from peacetalks.interop._csvfile import Domain, Rows, check_table, read_csv, read_text, whole
from peacetalks.interop._repair import make_whole
from peacetalks.interop._report import ImportResult, RowOutcome, RowReport
from peacetalks.limits import DEFAULT_LIMITS, Limits, read_file, too_large
from peacetalks.proposal import (
    Agreement,
    AgreementStage,
    Proposal,
    ProposalStatus,
    Term,
    TermTopic,
)
from peacetalks.times import ReportedTime, TimePoint
from peacetalks.truce import Truce, TruceParty

__all__ = ["DATASET", "PUBLISHER", "read_ucdp"]

DATASET = "ucdp_peace"
PUBLISHER = "UCDP Peace Agreement dataset"
WHAT = "UCDP peace agreements"
REQUIRED = ("paid", "pa_name", "pa_date")
#: Columns of names and prose, kept as text whatever they hold.
FREE_TEXT = frozenset({"pa_name", "pa_date", "pa_3rd", "actor_id", "dyad_id", "conflict_id"})
_STAGES = {
    "1": AgreementStage.COMPREHENSIVE,
    "2": AgreementStage.PARTIAL,
    "3": AgreementStage.PRE_NEGOTIATION,
}
#: Yes/no provisions kept as terms: column, topic, what it records.
PROVISIONS = (
    ("cease", TermTopic.CEASEFIRE, "Ceasefire"),
    ("withd", TermTopic.TROOP_WITHDRAWAL, "Withdrawal of foreign forces"),
    ("pko", TermTopic.PEACEKEEPING, "Peacekeeping operation"),
    ("pris", TermTopic.PRISONERS, "Release of prisoners"),
    ("amn", TermTopic.JUSTICE, "Amnesty"),
)
_FLAG = ("0 or 1", whole(0, 1))
DOMAINS: dict[str, Domain] = {
    "paid": ("an agreement number", whole(1, 10**9)),
    "pa_type": ("an agreement type, 1 to 3", whole(1, 3)),
    **{column: _FLAG for column, _, _ in PROVISIONS},
}
_WORKBOOK = b"PK\x03\x04"


@memory_guarded(WHAT)
def read_ucdp(
    source: Source, *, limits: Limits = DEFAULT_LIMITS, encoding: str | None = None
) -> ImportResult:
    """Read a UCDP Peace Agreement workbook (``.xlsx``) or CSV file, reporting on every row.

    The format is told from the content. A workbook's first sheet is read; its
    rows are numbered as Excel numbers them. Raises
    :class:`~peacetalks.errors.ValidationError` when the file as a whole
    cannot be read (see :func:`~peacetalks.interop.read_ethprio`), or is a
    workbook and ``openpyxl`` is not installed.
    """
    data = _bytes(source, limits)
    if data.startswith(_WORKBOOK):
        rows, notes = _sheet(data, limits)
    else:
        text, notes = read_text(data, WHAT, limits, encoding)
        _, rows, more = read_csv(text, WHAT, REQUIRED, limits, domains=DOMAINS)
        notes.extend(more)
    book = ActorBook(dataset_citation(PUBLISHER))
    reports: list[RowReport] = []
    made: list[tuple[Record, int]] = []
    cells: dict[int, dict[str, str]] = {}
    seen: dict[str, tuple[int, dict[str, str]]] = {}
    for line, row, problems in rows:
        key = clean(row.get("paid"))
        earlier = seen.get(key or "")
        if earlier is not None:
            same = earlier[1] == row
            problem = ("duplicate of an earlier row" if same else "paid already used by a row") + (
                f": line {earlier[0]}"
            )
            outcome = RowOutcome.MERGED if same else RowOutcome.REJECTED
            reports.append(RowReport(line, key, outcome, (problem,)))
            continue
        records, notes_of_row = _agreement(key, row, problems, book)
        if not records:
            reports.append(RowReport(line, key, RowOutcome.REJECTED, tuple(notes_of_row)))
            continue
        seen[key or ""] = (line, row)
        cells[len(reports)] = row
        made.extend((record, len(reports)) for record in records)
        reports.append(RowReport(line, key, RowOutcome.IMPORTED, tuple(notes_of_row)))
    actors = book.actors()
    _, refused = claim_ids(made, actors)
    dropped = {index for index, _ in refused}
    for index, reason in refused:
        reports[index] = attrs.evolve(
            reports[index],
            outcome=RowOutcome.REJECTED,
            problems=(*reports[index].problems, reason),
        )
    owners = {record.id: index for record, index in made if index not in dropped}
    records, changed, incurable = make_whole(
        [*actors, *(record for record, index in made if index not in dropped)]
    )
    for trouble in incurable:
        culprit = owners.get(trouble.record_id or "")
        if culprit is not None:
            dropped.add(culprit)
            reports[culprit] = attrs.evolve(
                reports[culprit],
                outcome=RowOutcome.REJECTED,
                problems=(*reports[culprit].problems, f"{trouble.path}: {trouble.message}"),
            )
    kept: list[Record] = []
    for record in records:
        owner = owners.get(record.id)
        if owner in dropped:
            continue
        if owner is not None and changed.get(record.id):
            changes = tuple(changed[record.id])
            reports[owner] = attrs.evolve(
                reports[owner], problems=(*reports[owner].problems, *changes)
            )
        if owner is not None and isinstance(record, Proposal):
            own = keep_cells(DATASET, None, cells[owner], _columns(record), FREE_TEXT)
            record = attrs.evolve(record, source_columns=tuple(own))  # noqa: PLW2901
        kept.append(record)
    document = Document(records=tuple(kept))
    return ImportResult(document=document, rows=tuple(reports), notes=tuple(notes))


def _bytes(source: Source, limits: Limits) -> bytes:
    if isinstance(source, bytes):
        if len(source) > limits.max_document_bytes:
            raise too_large(limits, len(source), WHAT)
        return source
    try:
        return read_file(source, limits, WHAT)
    except OSError as exc:
        problem = Problem((), f"a readable {WHAT} file", exc.strerror or str(exc))
        raise ValidationError([problem], WHAT) from None


def _sheet(data: bytes, limits: Limits) -> tuple[Rows, list[str]]:
    """The rows and notes of a workbook's first sheet, every cell as text."""
    try:
        openpyxl: Any = importlib.import_module("openpyxl")
    except ImportError:
        problem = Problem(
            (), "openpyxl to read a workbook (pip install peacetalks[xlsx])", "not installed"
        )
        raise ValidationError([problem], WHAT) from None
    notes: list[str] = []
    with warnings.catch_warnings(record=True) as caught:
        warnings.simplefilter("always")
        try:
            workbook = openpyxl.load_workbook(io.BytesIO(data), read_only=True, data_only=True)
            sheet = workbook.worksheets[0]
            table = [
                [_text(value) for value in values]
                for values in sheet.iter_rows(values_only=True, max_row=limits.max_records + 2)
            ]
            workbook.close()
        except Exception as exc:  # openpyxl raises many kinds for a broken workbook
            problem = Problem((), "a readable Excel workbook", f"{type(exc).__name__}: {exc}")
            raise ValidationError([problem], WHAT) from None
    notes.extend(f"the workbook: {warning.message}" for warning in caught)
    if not table:
        raise ValidationError([Problem((), "a sheet with a header row", "an empty sheet")], WHAT)
    header = [name.strip() for name in table[0]]
    while header and not header[-1]:
        header.pop()
    rows, more = check_table(header, _table_rows(header, table, limits), WHAT, REQUIRED,
                             domains=DOMAINS)  # fmt: skip
    return rows, notes + more


def _table_rows(header: list[str], table: list[list[str]], limits: Limits) -> Rows:
    count = 0
    for number, values in enumerate(table[1:], start=2):
        if not any(value.strip() for value in values):
            continue
        count += 1
        if count > limits.max_records:
            raise limits.error("max_records", (), "at most {} rows", f"more rows (row {number})")
        problems = []
        if any(value.strip() for value in values[len(header) :]):
            problems.append(f"cells beyond the header's {len(header)} columns, not read")
        longest = limits.max_string_length
        if any(len(value) > longest for value in values):
            problems.append(f"a field longer than {longest:,} characters (max_string_length)")
        padded = [*values, *[""] * (len(header) - len(values))]
        yield number, dict(zip(header, padded, strict=False)), problems


def _text(value: object) -> str:
    """A cell as the text a CSV copy of the sheet would hold."""
    if value is None:
        return ""
    if isinstance(value, bool):
        return "1" if value else "0"
    if isinstance(value, float) and value.is_integer():
        return str(int(value))
    if isinstance(value, dt.datetime):
        return value.date().isoformat() if value.time() == dt.time() else value.isoformat()
    if isinstance(value, dt.date):
        return value.isoformat()
    return str(value)


def _ids(text: str | None) -> list[str]:
    return [item.removesuffix(".0") for item in split_list(clean(text) or "", ",;")]


def _agreement(
    key: str | None, row: dict[str, str], problems: list[str], book: ActorBook
) -> tuple[list[Record], list[str]]:
    notes: list[str] = []
    try:
        number = integer(key)
    except ValueError:
        number = None
    if number is None or number <= 0:
        problems.append(f"no agreement id: paid {row.get('paid')!r}")
    if problems or number is None:
        return [], problems
    proposal_id = f"ucdp-pa-{number}"
    signatories = []
    for value in _ids(row.get("actor_id")):
        found = identifier("ucdp_actor", value, notes, "actor_id")
        if found is None:
            continue
        actor_id = f"ucdp-actor-{found.value}"
        book.add(actor_id, "", ActorCategory.UNCLASSIFIED, (found,))
        signatories.append(actor_id)
    third = []
    for name in split_list(clean(row.get("pa_3rd")) or "", ",;"):
        actor_id = f"ucdp-pa-party-{slug(name)}"
        notes.extend(book.add(actor_id, name, ActorCategory.UNCLASSIFIED))
        third.append(actor_id)
    reached = _date(row.get("pa_date"), notes)
    terms = []
    for column, topic, label in PROVISIONS:
        flag = coded(row.get(column), column, {"0": False, "1": True}, notes)
        if flag:
            terms.append(Term(topic=topic, description=f"{label} (UCDP {column} = 1)"))
    identifiers = [Identifier(scheme="ucdp_agreement", value=str(number))]
    for scheme, column in (("ucdp_conflict", "conflict_id"), ("ucdp_dyad", "dyad_id")):
        for value in _ids(row.get(column)):
            item = identifier(scheme, value, notes, column)
            if item is not None and item not in identifiers:
                identifiers.append(item)
    citation = dataset_citation(PUBLISHER, identifiers[:1])
    agreement = Agreement(
        reached=reached,
        signatories=tuple(dict.fromkeys(signatories)),
        third_parties=tuple(dict.fromkeys(third)),
        written=True,
    )
    proposal, more = attempt(
        lambda: Proposal(
            id=proposal_id,
            title=clean(row.get("pa_name")),
            terms=tuple(terms),
            status=ProposalStatus.AGREED,
            stage=coded(row.get("pa_type"), "pa_type", _STAGES, notes),
            agreement=agreement,
            sources=(citation,),
            identifiers=tuple(identifiers),
        )
    )
    if proposal is None:
        return [], notes + more
    made: list[Record] = [proposal]
    if any(term.topic is TermTopic.CEASEFIRE for term in terms):
        truce, more = attempt(
            lambda: Truce(
                id=f"{proposal_id}-truce",
                name=clean(row.get("pa_name")),
                parties=tuple(TruceParty(actor=actor) for actor in agreement.signatories),
                declared=reached,
                written=True,
                proposal=proposal_id,
                sources=(citation,),
                identifiers=tuple(identifiers[:1]),
            )
        )
        if truce is None:
            return [], notes + more
        made.append(truce)
    return made, notes


def _date(value: str | None, notes: list[str]) -> ReportedTime | None:
    text = clean(value)
    if text is None:
        return None
    try:
        return ReportedTime.on(TimePoint.parse(text))
    except ValidationError:
        notes.append(f"not an ISO date, read as unknown: pa_date {text!r}")
        return None


def _columns(proposal: Proposal) -> dict[str, str]:
    """The columns a proposal's typed fields give back as the dataset wrote them."""
    columns: dict[str, str] = {}
    for identifier_ in proposal.identifiers:
        if identifier_.scheme == "ucdp_agreement":
            columns["paid"] = identifier_.value
    if proposal.title is not None:
        columns["pa_name"] = proposal.title
    agreement = proposal.agreement
    if agreement and agreement.reached and agreement.reached.earliest == agreement.reached.latest:
        columns["pa_date"] = str(agreement.reached.earliest)
    return columns
