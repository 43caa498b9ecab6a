"""Truces → ETH/PRIO ceasefire rows (CSV), the typed fields and the kept source cells.

A truce imported from ETH/PRIO gives back each of its rows: the columns its
typed fields hold (the same for every row of the ceasefire), with the row's
kept cells over them. A truce made in peacetalks gives one row per party,
written from its typed fields alone.
"""

from __future__ import annotations

from collections.abc import Mapping

from peacetalks.actor import Actor
from peacetalks.document import Document
from peacetalks.interop._columns import kept_rows, write_csv
from peacetalks.times import DurationKind, ReportedTime, TimeUnit
from peacetalks.truce import Consent, Enforcement, Extent, Purpose, Truce, TruceCategory

__all__ = ["DATASET", "HEADER", "to_ethprio", "truce_columns"]

DATASET = "ethprio"
#: The columns of the dataset, in its order (release of 2022).
HEADER = (
    "cc", "cf_id", "uniq_id", "location", "region", "link", "ucdp_actor_id", "actor_name",
    "ucdp_acd_id", "ucdp_dyad", "pax_id", "cf_dec_yr", "cf_dec_month", "cf_dec_day",
    "cf_effect_yr", "cf_effect_month", "cf_effect_day", "evidence_onset", "side", "partial",
    "written", "fixed", "fixed_time", "nsa_frac", "p_humanitarian", "p_peaceprocess",
    "p_holiday", "p_election", "p_other", "p_other_comment", "p_unclear", "ceasefire_class",
    "timing", "cf_pp", "mediator_nego", "mediator_send", "implement", "enforcement", "ddr",
    "splinter", "ended", "end_yr", "end_month", "end_day", "evidence_end", "comment",
    "factivia_source", "factivia_page", "truce", "recentadditions",
    *(f"link_id{n}" for n in range(1, 36)), "coder", "id",
)  # fmt: skip
_UNKNOWN = "-1"
_PURPOSES = (
    ("p_humanitarian", Purpose.HUMANITARIAN),
    ("p_peaceprocess", Purpose.PEACE_PROCESS),
    ("p_holiday", Purpose.HOLIDAY),
    ("p_election", Purpose.ELECTION),
    ("p_other", Purpose.OTHER),
    ("p_unclear", Purpose.UNCLEAR),
)
_CATEGORY = {
    TruceCategory.CESSATION_OF_HOSTILITIES: "1",
    TruceCategory.WITH_COMPLIANCE_MEASURES: "2",
    TruceCategory.DEFINITIVE: "3",
}
_ENFORCEMENT = {
    Enforcement.NONE: "0",
    Enforcement.THIRD_STATE: "1",
    Enforcement.INTERNATIONAL_ORGANIZATION: "2",
}


def _flag(value: bool | None) -> str:
    return _UNKNOWN if value is None else "1" if value else "0"


def _date(columns: dict[str, str], names: tuple[str, str, str], time: ReportedTime | None) -> None:
    point = None if time is None or time.earliest != time.latest else time.earliest
    parts = (point.year, point.month, point.day) if point is not None else (None, None, None)
    for name, part in zip(names, parts, strict=True):
        columns[name] = _UNKNOWN if part is None else str(part)


def _identifier(truce: Truce, scheme: str) -> str | None:
    return next((i.value for i in truce.identifiers if i.scheme == scheme), None)


def truce_columns(truce: Truce, names: Mapping[str, str]) -> dict[str, str]:
    """The columns a truce's typed fields give, the same for each of its rows.

    ``names`` gives actors' names by id (for ``mediator_send``).
    """
    columns: dict[str, str] = {}
    scope = truce.scope
    area = scope.areas[0] if scope is not None and scope.areas else None
    cc = next((i.value for i in area.identifiers if i.scheme == "gwno"), None) if area else None
    uniq = _identifier(truce, "ethprio")
    if cc is not None:
        columns["cc"] = cc
        if uniq is not None and 0 < int(uniq) - int(cc) * 1000 < 1000:
            columns["cf_id"] = str(int(uniq) - int(cc) * 1000)
    if uniq is not None:
        columns["uniq_id"] = uniq
    if area is not None:
        columns["location"] = area.name
    columns["partial"] = (
        _UNKNOWN if scope is None else "1" if scope.extent is Extent.PARTIAL else "0"
    )
    columns["written"] = _flag(truce.written)
    for column, purpose in _PURPOSES:
        columns[column] = "1" if purpose in truce.purposes else "0"
    columns["p_other_comment"] = truce.other_purpose or "0"
    columns["ceasefire_class"] = _CATEGORY.get(truce.category, _UNKNOWN)  # type: ignore[arg-type]
    columns["implement"] = _flag(truce.implementation_mechanism)
    columns["ddr"] = _flag(truce.disarmament)
    enforcement = truce.enforcement
    columns["enforcement"] = _UNKNOWN if enforcement is None else _ENFORCEMENT[enforcement]
    mediators = [names.get(actor, actor) for actor in truce.mediators]
    columns["mediator_send"] = ", ".join(mediators) if mediators else "0"
    columns["pax_id"] = _identifier(truce, "pax") or _UNKNOWN
    columns["ucdp_acd_id"] = _identifier(truce, "ucdp_conflict") or _UNKNOWN
    columns["ucdp_dyad"] = _identifier(truce, "ucdp_dyad") or _UNKNOWN
    _date(columns, ("cf_dec_yr", "cf_dec_month", "cf_dec_day"), truce.declared)
    _date(columns, ("cf_effect_yr", "cf_effect_month", "cf_effect_day"), truce.effective)
    _date(columns, ("end_yr", "end_month", "end_day"), truce.ends)
    duration = truce.duration
    if duration is None:
        columns["fixed"], columns["fixed_time"] = _UNKNOWN, _UNKNOWN
    elif duration.kind is DurationKind.INDEFINITE and duration.words is None:
        columns["fixed"], columns["fixed_time"] = "0", "0"
    elif duration.unit is TimeUnit.DAY and duration.words is None:
        columns["fixed"], columns["fixed_time"] = "1", str(duration.amount)
    else:
        columns["fixed"], columns["fixed_time"] = "1", duration.words or _UNKNOWN
    links = []
    for link in truce.links:
        number = link.truce.removeprefix("ethprio-")
        if cc is not None and number.isdigit() and 0 < int(number) - int(cc) * 1000 < 1000:
            links.append(str(int(number) - int(cc) * 1000))
    for n in range(1, 36):
        columns[f"link_id{n}"] = links[n - 1] if n <= len(links) else "0"
    return columns


def _party_rows(truce: Truce, actors: Mapping[str, Actor]) -> list[dict[str, str]]:
    rows = []
    for party in truce.parties:
        actor = actors.get(party.actor)
        known = actor.identifiers if actor else ()
        ucdp = next((i.value for i in known if i.scheme == "ucdp_actor"), _UNKNOWN)
        side = "1" if party.consent is Consent.UNILATERAL_DECLARATION else _UNKNOWN
        name = (actor.name if actor else None) or party.actor
        rows.append({"actor_name": name, "ucdp_actor_id": ucdp, "side": side})
    return rows or [{}]


def to_ethprio(document: Document) -> tuple[str, list[str]]:
    """ETH/PRIO CSV rows for the document's truces, and notes on what could not be written.

    Truces imported from ETH/PRIO give back every row and cell they were read
    from. Others give one row per party from their typed fields; what the
    dataset has no column for (events, announcers, monitors) is noted.
    """
    actors = {r.id: r for r in document.records if isinstance(r, Actor)}
    names = {actor_id: actor.name or actor_id for actor_id, actor in actors.items()}
    rows: list[dict[str, str]] = []
    notes: list[str] = []
    extra: list[str] = []
    for truce in (r for r in document.records if isinstance(r, Truce)):
        columns = truce_columns(truce, names)
        kept = kept_rows(truce.source_columns, DATASET)
        if kept:
            for row_key, cells in kept.items():
                row = {**columns, **cells}
                if row_key is not None and not row_key.startswith("line-"):
                    row.setdefault("id", row_key)
                rows.append(row)
                extra.extend(c for c in cells if c not in HEADER and c not in extra)
            continue
        lost = [
            name
            for name in ("events", "announced_by", "monitored_by", "proposal")
            if getattr(truce, name)
        ]
        if lost:
            notes.append(f"{truce.id}: no ETH/PRIO column for {', '.join(lost)}")
        rows.extend({**columns, **party} for party in _party_rows(truce, actors))
    return write_csv((*HEADER, *extra), rows), notes
