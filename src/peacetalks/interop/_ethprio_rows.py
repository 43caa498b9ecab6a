"""ETH/PRIO rows: what one row says, and which rows make one ceasefire.

Rows are grouped by (``cc``, ``cf_id``); rows of one key declared more than
:data:`GAP_YEARS` apart are different ceasefires, split into truces of their
own. Each ceasefire's truce id is decided here.
"""

from __future__ import annotations

import attrs

from peacetalks.interop._common import broken, clean, identifier, integer, partial_date, slug
from peacetalks.interop._csvfile import Domain, text_not_number, whole
from peacetalks.timepoint import TimePoint

__all__ = ["DOMAINS", "GAP_YEARS", "IDS", "Row", "parse_row", "split_all", "truce_ids"]

#: Rows of one (cc, cf_id) declared more than this many years apart are different ceasefires.
GAP_YEARS = 2

_YEAR = ("a four-digit year", whole(1000, 9999, 0))
_MONTH = ("a month, 1 to 12", whole(0, 12))
_DAY = ("a day of the month, 1 to 31", whole(0, 31))
_FLAG = ("0 or 1", whole(0, 1))
#: What the columns hold, to catch swapped or misnamed columns and two-digit years.
DOMAINS: dict[str, Domain] = {
    "cc": ("a country code, 0 to 999", whole(0, 999)),
    "cf_id": ("a ceasefire number", whole(1, 10**9)),
    "actor_name": ("a name", text_not_number),
    "location": ("a country's name", text_not_number),
    "side": ("a side code, 1 to 3", whole(1, 3)),
    "written": ("a code 0 to 2", whole(0, 2)),
    "ceasefire_class": ("a class, 1 to 3", whole(1, 3)),
    "enforcement": ("a code 0 to 3", whole(0, 3)),
    **dict.fromkeys(("cf_dec_yr", "cf_effect_yr", "end_yr"), _YEAR),
    **dict.fromkeys(("cf_dec_month", "cf_effect_month", "end_month"), _MONTH),
    **dict.fromkeys(("cf_dec_day", "cf_effect_day", "end_day"), _DAY),
    **dict.fromkeys(("partial", "implement", "ddr", "p_humanitarian"), _FLAG),
    **dict.fromkeys(("p_peaceprocess", "p_holiday", "p_election", "p_unclear"), _FLAG),
}

#: Columns holding ids in other systems, by scheme; the last three become the truce's identifiers.
IDS = (
    ("ethprio_row", "id"),
    ("ucdp_actor", "ucdp_actor_id"),
    ("pax", "pax_id"),
    ("ucdp_conflict", "ucdp_acd_id"),
    ("ucdp_dyad", "ucdp_dyad"),
)


@attrs.define
class Row:
    line: int
    key: str | None
    data: dict[str, str]
    uniq: str
    """The ceasefire's id: its ``uniq_id`` when that is a dataset id, else ``{cc}-{cf_id}``."""
    actor: str
    notes: list[str]
    declared: TimePoint | None = None
    effective: TimePoint | None = None
    ended: TimePoint | None = None
    merged: list[str | None] = attrs.Factory(list)
    twins: list[tuple[int, str | None, dict[str, str]]] = attrs.Factory(list)
    """Exact duplicates merged into this row: their line, id and cells."""

    def cells_key(self, line: int, key: str | None, taken: set[str]) -> str:
        """The name of a row among kept cells: its ``id``, else (or when taken) ``line-N``."""
        name = key if key and key not in taken else f"line-{line}"
        taken.add(name)
        return name


def split_all(
    groups: dict[tuple[int, int], list[Row]], ids: dict[tuple[int, int], str]
) -> list[tuple[int, int, str, list[Row]]]:
    """Each key's rows as one or more ceasefires, with the truce id of each."""
    found = []
    for (cc, cf_id), rows in groups.items():
        parts = _split(rows)
        for number, members in enumerate(parts, start=1):
            truce_id = ids[(cc, cf_id)] + ("" if number == 1 else f"-{number}")
            if len(parts) > 1:
                lines = ", ".join(str(row.line) for row in members)
                note = (
                    f"cc {cc} cf_id {cf_id} holds ceasefires declared more than {GAP_YEARS}"
                    f" years apart, split into {len(parts)} truces: this row is in {truce_id}"
                    f" with lines {lines}"
                )
                for row in members:
                    row.notes.append(note)
            found.append((cc, cf_id, truce_id, members))
    return found


def _split(rows: list[Row]) -> list[list[Row]]:
    """Rows of one key grouped into ceasefires: rows declared within GAP_YEARS of each other.

    A row with no date joins the first ceasefire.
    """
    parts: list[list[Row]] = []
    spans: list[list[int]] = []
    undated: list[Row] = []
    for row in rows:
        point = row.declared or row.effective
        if point is None:
            undated.append(row)
            continue
        for members, span in zip(parts, spans, strict=True):
            if span[0] - GAP_YEARS <= point.year <= span[1] + GAP_YEARS:
                members.append(row)
                span[0], span[1] = min(span[0], point.year), max(span[1], point.year)
                break
        else:
            parts.append([row])
            spans.append([point.year, point.year])
    if not parts:
        return [undated]
    parts[0].extend(undated)
    parts[0].sort(key=lambda row: row.line)
    return parts


def parse_row(
    line: int, key: str | None, data: dict[str, str], problems: list[str]
) -> tuple[Row | None, list[str]]:
    try:
        cc, cf_id = integer(data["cc"]), integer(data["cf_id"])
    except ValueError:
        cc = cf_id = None
    if cc is None or cf_id is None or cc < 0 or cf_id <= 0:
        problems.append(f"no ceasefire key: cc {data['cc']!r}, cf_id {data['cf_id']!r}")
    name = clean(data["actor_name"])
    if name is None:
        problems.append("no actor name: actor_name is empty or -1")
    if problems or name is None:
        return None, problems
    notes = broken("actor_name", name) + broken("p_other_comment", data.get("p_other_comment"))
    for scheme, column in IDS:
        identifier(scheme, data.get(column), notes, column)
    ucdp = identifier("ucdp_actor", data.get("ucdp_actor_id"))
    uniq = identifier("ethprio", data.get("uniq_id"))
    if uniq is None and clean(data.get("uniq_id")) is not None:
        notes.append(f"uniq_id is not a dataset id, cc and cf_id used: uniq_id {data['uniq_id']!r}")
    own = uniq.value if uniq else f"{cc}-{cf_id}"
    actor = f"ucdp-actor-{ucdp.value}" if ucdp else f"ethprio-{own}-{slug(name)}"
    row = Row(line, key, data, own, actor, notes)
    for attr, prefix, names in (
        ("declared", "cf_dec", ("cf_dec_yr", "cf_dec_month", "cf_dec_day")),
        ("effective", "cf_effect", ("cf_effect_yr", "cf_effect_month", "cf_effect_day")),
        ("ended", "end", ("end_yr", "end_month", "end_day")),
    ):
        year, month, day = (data.get(n) for n in names)
        point, date_notes = partial_date(year, month, day, prefix)
        setattr(row, attr, point)
        notes.extend(date_notes)
    return row, []


def truce_ids(groups: dict[tuple[int, int], list[Row]]) -> dict[tuple[int, int], str]:
    """Each ceasefire's truce id, by (``cc``, ``cf_id``).

    It is ``ethprio-{uniq_id}``, or ``ethprio-{cc}-{cf_id}`` when the rows give no
    usable ``uniq_id`` or an earlier ceasefire has it (noted on the first row).
    """
    ids: dict[tuple[int, int], str] = {}
    taken: dict[str, tuple[int, int]] = {}
    for (cc, cf_id), rows in groups.items():
        fallback = f"{cc}-{cf_id}"
        truce_id = "ethprio-" + next((r.uniq for r in rows if r.uniq != fallback), fallback)
        if truce_id in taken:
            first_cc, first_cf_id = taken[truce_id]
            rows[0].notes.append(
                f"uniq_id already names another ceasefire (cc {first_cc}, cf_id {first_cf_id}),"
                f" cc and cf_id used: uniq_id {truce_id.removeprefix('ethprio-')!r}"
            )
            truce_id = f"ethprio-{fallback}"
        ids[(cc, cf_id)] = truce_id
        taken[truce_id] = (cc, cf_id)
    return ids
