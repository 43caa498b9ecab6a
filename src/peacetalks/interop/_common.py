"""Helpers every importer shares: reading files, missing values, dates, ids, actors."""

from __future__ import annotations

import functools
import hashlib
import os
import re
import unicodedata
from collections.abc import Callable, Iterable, Mapping
from typing import ParamSpec, TypeVar

import attrs

from peacetalks.actor import Actor, ActorCategory, Name, NameKind
from peacetalks.common import Citation, Identifier
from peacetalks.document import Record
from peacetalks.errors import LimitExceededError, ValidationError
from peacetalks.limits import Limits, out_of_memory
from peacetalks.times import Basis, ReportedTime, TimePoint

__all__ = [
    "MISSING",
    "ActorBook",
    "Source",
    "attempt",
    "claim_ids",
    "clean",
    "coded",
    "id_part",
    "identifier",
    "memory_guarded",
    "partial_date",
    "slug",
    "split_list",
    "too_many_rows",
    "when",
]

T = TypeVar("T")
P = ParamSpec("P")

Source = str | os.PathLike[str] | bytes
"""A file to import: a path, or its content as bytes."""


def memory_guarded(what: str) -> Callable[[Callable[P, T]], Callable[P, T]]:
    """An importer that reports running out of memory as a
    :class:`~peacetalks.errors.LimitExceededError` (``limit="memory"``) naming
    ``what`` it read, as the JSON loaders do, never as a bare :class:`MemoryError`.

    The error is raised outside the handler of the ``MemoryError``, so that it
    does not keep the traceback (and the partial import its frames hold) alive.
    """

    def guard(read: Callable[P, T]) -> Callable[P, T]:
        @functools.wraps(read)
        def guarded(*args: P.args, **kwargs: P.kwargs) -> T:
            try:
                return read(*args, **kwargs)
            except MemoryError:
                pass  # leaving this block drops the traceback, and the frames it holds
            source = args[0] if args else kwargs.get("source")
            raise out_of_memory(_size_of(source), what)

        return guarded

    return guard


def _size_of(source: object) -> int:
    """The size in bytes of a file to import, 0 when it cannot be told."""
    if isinstance(source, bytes):
        return len(source)
    if isinstance(source, str | os.PathLike):
        try:
            return os.stat(source).st_size
        except (OSError, ValueError):  # ValueError: a NUL in the path
            return 0
    return 0


#: How the field's datasets write "no value": -1, -99, NA and blanks.
MISSING = frozenset({"", "-1", "-99", "NA", "N/A", "NA ", "na", "n/a", "NaN", "nan", "."})

_BROKEN = "\ufffd"
_WHOLE = re.compile(r"[+-]?[0-9]+(\.0+)?")
_TRAILING_ZERO = frozenset({"ucdp_actor", "ucdp_conflict", "ucdp_dyad", "ucdp_agreement", "pax"})
_ID_PART = re.compile(r"[A-Za-z0-9][A-Za-z0-9._:-]{0,99}")


def too_many_rows(limits: Limits, what: str, got: str) -> LimitExceededError:
    """The error for a file with more rows or objects than ``limits.max_records``."""
    return limits.error("max_records", (), "at most {} rows or objects", got, what)


def clean(value: str | None) -> str | None:
    """The value with spaces trimmed, or ``None`` for a missing-value code."""
    if value is None:
        return None
    value = value.strip()
    return None if value in MISSING else value


def coded(
    value: str | None, column: str, codes: Mapping[str, T | None], notes: list[str]
) -> T | None:
    """What a dataset's code means, ``None`` when missing.

    A code the dataset itself defines as unclear maps to ``None`` in ``codes``;
    a code not in ``codes`` at all is read as unknown too, with a note.
    """
    text = clean(value)
    if text is None:
        return None
    if text not in codes:
        notes.append(f"unknown code, read as unknown: {column} {text!r}")
        return None
    return codes[text]


def integer(value: str | None) -> int | None:
    """A whole number, ``None`` when missing; raises ``ValueError`` for anything else."""
    text = clean(value)
    if text is None:
        return None
    if not _WHOLE.fullmatch(text):
        raise ValueError(text)
    return int(float(text)) if "." in text else int(text)


def broken(name: str, value: str | None) -> list[str]:
    """A note when ``value`` holds U+FFFD, the mark of characters lost before we got them."""
    if value and _BROKEN in value:
        return [f"broken characters (U+FFFD) kept as they are: {name}"]
    return []


def slug(text: str, limit: int = 60) -> str:
    """A stable id fragment for ``text``: lower-case ASCII letters, digits and '-'.

    Long or non-Latin text gets a short hash so that different texts stay apart.
    """
    plain = unicodedata.normalize("NFKD", text).encode("ascii", "ignore").decode()
    words = re.findall(r"[a-z0-9]+", plain.lower())
    base = "-".join(words)
    digest = hashlib.sha1(text.encode("utf-8"), usedforsecurity=False).hexdigest()[:8]
    if not base:
        return digest
    if len(base) > limit:
        return f"{base[:limit].rstrip('-')}-{digest}"
    return base


def id_part(text: str) -> str:
    """``text`` as it is when it can be part of an id (``900001``, ``5-1``), else :func:`slug`."""
    return text if _ID_PART.fullmatch(text) else slug(text)


def split_list(text: str, separators: str = ",;") -> list[str]:
    """Split a free-text list ("OSCE, Russia") on separators outside brackets and quotes.

    Items are trimmed; surrounding double quotes are removed; empty items dropped.
    An unpaired double quote is read as a character, not as the start of a quote.
    """
    items: list[str] = []
    depth = 0
    quoted = False
    paired = text.count('"') % 2 == 0
    current: list[str] = []
    for char in text:
        if char in "([":
            depth += 1
        elif char in ")]" and depth:
            depth -= 1
        elif char == '"' and paired:
            quoted = not quoted
        if char in separators and depth == 0 and not quoted:
            items.append("".join(current))
            current = []
        else:
            current.append(char)
    items.append("".join(current))
    result = []
    for raw in items:
        item = raw.strip()
        if len(item) > 1 and item[0] == item[-1] == '"':
            item = item[1:-1].strip()
        if item:
            result.append(item)
    return result


def partial_date(
    year: str | None, month: str | None, day: str | None, name: str
) -> tuple[TimePoint | None, list[str]]:
    """A date from separate parts, as precise as the parts known and no more.

    -1, 0 and blanks are unknown; a day without its month is dropped with a
    note; an impossible day or month lowers the precision, with a note.
    """
    notes: list[str] = []
    parts: list[int | None] = []
    for label, raw in (("year", year), ("month", month), ("day", day)):
        try:
            number = integer(raw)
        except ValueError:
            notes.append(f"not a number, read as unknown: {name} {label} {raw!r}")
            number = None
        parts.append(None if number == 0 else number)
    y, m, d = parts
    if y is None:
        if m is not None or d is not None:
            notes.append(f"month or day without a year, date read as unknown: {name}")
        return None, notes
    if not 1000 <= y <= 9999:
        reason = "not a four-digit year" if 0 < y < 1000 else "year out of range"
        return None, [*notes, f"{reason}, date read as unknown: {name} {y}"]
    if m is not None and not 1 <= m <= 12:
        notes.append(f"month out of range, read as unknown: {name} {m}")
        m = None
    if m is None:
        if d is not None:
            notes.append(f"day without a month, dropped: {name} day {d}")
        return TimePoint(year=y), notes
    if d is None:
        return TimePoint(year=y, month=m), notes
    try:
        return TimePoint(year=y, month=m, day=d), notes
    except ValidationError:
        notes.append(f"day not in the month, read as unknown: {name} {y}-{m:02d}-{d}")
        return TimePoint(year=y, month=m), notes


def when(points: Iterable[TimePoint | None]) -> ReportedTime | None:
    """One reported time for several rows' dates: the date, or the window they span."""
    known = [point for point in points if point is not None]
    if not known:
        return None
    if all(point == known[0] for point in known):
        return ReportedTime.on(known[0])
    first = min(known, key=lambda point: point.bounds()[0])
    last = max(known, key=lambda point: point.bounds()[1])
    if first == last or first.bounds()[1] >= last.bounds()[1]:
        # One point covers all the others ("2000" and "2000-05-03"): the coarse one.
        return ReportedTime.on(first)
    return ReportedTime.between(first, last)


def identifier(
    scheme: str, value: str | None, notes: list[str] | None = None, column: str = ""
) -> Identifier | None:
    """An identifier, or ``None`` when the value is missing or not valid for the scheme.

    With ``notes``, a value that is there but not valid is noted as dropped from ``column``.
    """
    text = clean(value)
    if text is None:
        return None
    if scheme in _TRAILING_ZERO:
        text = text.removesuffix(".0")
    found = _identifier(scheme, text)
    if found is None and notes is not None:
        notes.append(f"not a {scheme} id, dropped: {column} {text!r}")
    return found


@functools.lru_cache(maxsize=4096)
def _identifier(scheme: str, text: str) -> Identifier | None:
    """One (immutable) identifier per value: datasets repeat the same ids on many rows."""
    try:
        return Identifier(scheme=scheme, value=text)
    except ValidationError:
        return None


def claim_ids(
    made: Iterable[tuple[Record, T]], actors: Iterable[Actor]
) -> tuple[list[Record], list[tuple[T, str]]]:
    """The records whose id no actor and no earlier record has, and the owners of the others.

    ``made`` pairs each record with what it was made from (a row); for every
    record left out, that owner comes back with the problem to report on it.
    Ids built from the data can meet (two ceasefires given one ``uniq_id``,
    ``101`` and ``101.0`` as an agreement id): the first record keeps its id.
    """
    taken = {actor.id for actor in actors}
    kept: list[Record] = []
    refused: list[tuple[T, str]] = []
    for record, owner in made:
        if record.id in taken:
            refused.append((owner, f"id already used by another record: {record.id}"))
        else:
            taken.add(record.id)
            kept.append(record)
    return kept, refused


def attempt(build: Callable[[], T]) -> tuple[T | None, list[str]]:
    """Build a record; on failure, ``None`` and its problems in words."""
    try:
        return build(), []
    except ValidationError as exc:
        return None, [f"invalid record: {problem}" for problem in exc.problems]


def dataset_citation(publisher: str, identifiers: Iterable[Identifier] = ()) -> Citation:
    """The citation of a dataset row: the dataset, as an external source."""
    return Citation(publisher=publisher, basis=Basis.EXTERNAL, identifiers=tuple(identifiers))


@attrs.define
class _Entry:
    name: str
    category: ActorCategory
    names: list[str]
    identifiers: list[Identifier]


class ActorBook:
    """The actors an import mentions, each once, in order of first mention.

    The same id met with another spelling keeps the first as ``name`` and the
    others as aliases.
    """

    def __init__(self, source: Citation | None = None) -> None:
        self._entries: dict[str, _Entry] = {}
        self._source = source

    def add(
        self,
        actor_id: str,
        name: str,
        category: ActorCategory,
        identifiers: Iterable[Identifier | None] = (),
    ) -> list[str]:
        """Record a mention; returns notes when the id was seen with another name."""
        name = name.strip()
        entry = self._entries.get(actor_id)
        found = [i for i in identifiers if i is not None]
        if entry is None:
            self._entries[actor_id] = _Entry(name, category, [], found)
            return []
        for item in found:
            if item not in entry.identifiers:
                entry.identifiers.append(item)
        if name != entry.name and name not in entry.names:
            entry.names.append(name)
            return [f"actor named differently elsewhere in the file, kept as an alias: {name!r}"]
        return []

    def __contains__(self, actor_id: str) -> bool:
        return actor_id in self._entries

    def actors(self) -> list[Actor]:
        """The actors, in order of first mention."""
        sources = (self._source,) if self._source else ()
        return [
            Actor(
                id=actor_id,
                category=entry.category,
                name=entry.name or None,
                # An actor a dataset gives only by its id (UCDP's actor_id) has no name.
                description=None if entry.name else "named in the dataset by its id only",
                names=tuple(Name(text=text, kind=NameKind.ALIAS) for text in entry.names),
                identifiers=tuple(entry.identifiers),
                sources=sources,
            )
            for actor_id, entry in self._entries.items()
        ]
