"""Making an import pass the integrity check, saying per record what was changed."""

from __future__ import annotations

from typing import Any

import attrs

from peacetalks.document import Record
from peacetalks.errors import Problem, ValidationError
from peacetalks.integrity import check_integrity

__all__ = ["make_whole"]

_ROUNDS = 5


def make_whole(records: list[Record]) -> tuple[list[Record], dict[str, list[str]], list[Problem]]:
    """``records`` changed until :func:`~peacetalks.check_integrity` finds nothing.

    A value that breaks a cross-record rule (a link to a truce not in the
    import, a truce effective before it was declared) is dropped: the item of
    a list, or the field itself. Returns the records, what was changed by
    record id (in words, with the rule), and the problems no change could cure
    (a duplicate id), which the importer reports as rejections.
    """
    changed: dict[str, list[str]] = {}
    problems: list[Problem] = []
    incurable: set[int] = set()
    for _ in range(_ROUNDS):
        problems = check_integrity(records)
        cures: dict[int, list[Problem]] = {}
        for problem in problems:
            where = problem.location
            index = where[1] if len(where) >= 3 else None
            if isinstance(index, int) and where[2] != "id" and index not in incurable:
                cures.setdefault(index, []).append(problem)
        if not cures:
            break
        for index, found in cures.items():
            try:
                records[index] = _drop(records[index], found, changed)
            except ValidationError:
                incurable.add(index)
                changed.pop(records[index].id, None)
    return records, changed, problems


def _drop(record: Record, problems: list[Problem], changed: dict[str, list[str]]) -> Record:
    fields = attrs.fields_dict(type(record))
    updates: dict[str, Any] = {}
    items: dict[str, set[int]] = {}
    for problem in problems:
        name = str(problem.location[2])
        rest = problem.location[3:]
        path = ".".join(str(part) for part in problem.location[2:])
        changed.setdefault(record.id, []).append(
            f"changed to pass the integrity check, {name} dropped: {path}: {problem.message}"
        )
        if rest and isinstance(rest[0], int) and isinstance(getattr(record, name), tuple):
            items.setdefault(name, set()).add(rest[0])
        else:
            updates[name] = fields[name].default  # every field a rule names has a plain default
    for name, indices in items.items():
        if name not in updates:
            value = getattr(record, name)
            updates[name] = tuple(item for i, item in enumerate(value) if i not in indices)
    return attrs.evolve(record, **updates)
