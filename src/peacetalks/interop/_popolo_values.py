"""Popolo values → peacetalks values: dates, other names, categories, identifiers, sources.

Each reader notes what it could not keep in ``problems`` rather than raising.
"""

from __future__ import annotations

import re
from typing import Any

from peacetalks.actor import ActorCategory, Name, NameKind
from peacetalks.common import Citation, Identifier
from peacetalks.errors import ValidationError
from peacetalks.interop._common import attempt
from peacetalks.times import TimePoint

__all__ = ["category", "citation", "identifier", "listed", "other_name", "point"]

_CATEGORIES = (
    (re.compile(r"compan|corporat|business|firm", re.IGNORECASE), ActorCategory.COMPANY),
    (re.compile(r"part(y|ies)\b", re.IGNORECASE), ActorCategory.POLITICAL_PARTY),
    (re.compile(r"^government$", re.IGNORECASE), ActorCategory.GOVERNMENT),
    (
        re.compile(r"ministr|department|agency|committee|legislat|parliament|chamber|house|"
                   r"council|court|army|armed forces", re.IGNORECASE),
        ActorCategory.GOVERNMENT_BODY,
    ),
    (re.compile(r"international|intergovernmental", re.IGNORECASE),
     ActorCategory.INTERNATIONAL_ORGANIZATION),
    (re.compile(r"ngo|non-governmental|charit|civil society", re.IGNORECASE),
     ActorCategory.CIVIL_SOCIETY),
)  # fmt: skip
_SCHEME = re.compile(r"[^a-z0-9_.-]+")


def listed(obj: dict[str, Any], key: str, problems: list[str]) -> list[Any]:
    """A field that should hold a list: the list, or nothing (with a note) when it is not one."""
    value = obj.get(key)
    if value is None or value == "":
        return []
    if not isinstance(value, list):
        problems.append(f"not a list, dropped: {key}")
        return []
    return value


def point(value: Any, name: str) -> tuple[TimePoint | None, list[str]]:
    """A Popolo date ("1920", "1920-01", "1949-12-31") and a note when it is not one."""
    if value is None or value == "":
        return None, []
    try:
        return TimePoint.parse(value), []
    except ValidationError:
        return None, [f"not an ISO 8601 date, dropped: {name} {value!r}"]


def other_name(other: Any, problems: list[str]) -> Name | None:
    """One of ``other_names`` as a :class:`~peacetalks.Name`, or ``None`` (noted)."""
    if not isinstance(other, dict) or not isinstance(other.get("name"), str):
        problems.append("other name without a name, dropped: other_names")
        return None
    text = other["name"]
    start, more = point(other.get("start_date"), "other_names start_date")
    end, later = point(other.get("end_date"), "other_names end_date")
    problems.extend(more + later)
    note = other.get("note")
    kind = next((k for k in NameKind if k.value == note), None)
    if kind is None and note not in (None, ""):
        problems.append(f"note on an other name not kept: {text!r} {note!r}")
    name, failed = attempt(lambda: Name(text=text, kind=kind, start=start, end=end))
    problems.extend(
        f"other name not valid, dropped: {text!r} {problem.removeprefix('invalid record: ')}"
        for problem in failed
    )
    return name


def category(classification: Any, problems: list[str]) -> ActorCategory:
    """An organization's category from its ``classification``: exact, matched, or unclassified."""
    if isinstance(classification, str) and classification.strip():
        text = classification.strip()
        exact = next((c for c in ActorCategory if c.value == text), None)
        if exact is not None:
            return exact
        for pattern, category in _CATEGORIES:
            if pattern.search(text):
                return category
        problems.append(f"classification not recognised, actor left unclassified: {text!r}")
    return ActorCategory.UNCLASSIFIED


def identifier(item: Any, problems: list[str]) -> Identifier | None:
    """One of ``identifiers``, its scheme lower-cased (noted), or ``None`` (noted)."""
    if not isinstance(item, dict) or not isinstance(item.get("identifier"), str):
        problems.append("identifier without a value, dropped: identifiers")
        return None
    scheme = item.get("scheme")
    if not isinstance(scheme, str) or not scheme.strip():
        problems.append(f"identifier without a scheme, dropped: identifiers {item['identifier']!r}")
        return None
    name = _SCHEME.sub("-", scheme.strip().lower()).strip("-_.")[:64] or "other"
    if not name[0].isalpha():
        name = f"x{name}"[:64]
    found, _ = attempt(lambda: Identifier(scheme=name, value=item["identifier"].strip()))
    if found is None:
        problems.append(f"identifier not valid, dropped: identifiers {item['identifier']!r}")
    elif name != scheme:
        problems.append(f"identifier scheme written in lower case: {scheme!r} as {name!r}")
    return found


def citation(url: Any, note: Any) -> Citation | None:
    """A source link as a citation, or ``None`` when it has no usable URL."""
    try:
        return Citation(url=url, title=note if isinstance(note, str) and note.strip() else None)
    except ValidationError:
        return None
