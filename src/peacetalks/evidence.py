"""Evidence and provenance: where in the source a record (or one of its fields) came
from, and who or what extracted it.

Every record has an ``evidence`` field, a tuple of :class:`Evidence` (empty by
default). Each piece quotes a span of the source text, optionally with its
offsets, names the field it supports (``None``: the record as a whole), the
:class:`Extractor` (a model and its prompt, or a human coder), when it was
extracted and with what confidence.

Offsets count **code points** (Python ``str`` indices), from 0, end exclusive:
``source[start:end] == quote``. Not bytes, and not UTF-16 units as in
JavaScript: "Зеленський" is 10 code points, 20 bytes of UTF-8. So, without the
source, ``end - start`` must equal the quote's length in code points.

:func:`check_evidence` verifies records against the source text: every quoted
span is in the text (at its offsets, when given), every ``field`` names a field
of the record, and a direct quotation's ``text`` occurs in the source verbatim,
curly quotes, dashes and paragraph breaks included.

>>> from peacetalks.evidence import Evidence, check_evidence
>>> source = "“We are working for a ceasefire,” Hughes said."
>>> Evidence(quote="We are working for a ceasefire", start=1, end=31).end
31
>>> check_evidence([], source)
[]
"""

from __future__ import annotations

import enum
from collections.abc import Iterable, Sequence
from typing import Any

import attrs

from peacetalks._base import Model, meta
from peacetalks._rules import CONFIDENCE, COUNT, FIELD_PATH, NON_EMPTY, describe
from peacetalks.errors import Problem
from peacetalks.timepoint import TimePoint

__all__ = [
    "Evidence",
    "Extractor",
    "ExtractorKind",
    "check_evidence",
    "locate",
]


class ExtractorKind(enum.Enum):
    """Who or what extracted a record from its source."""

    MODEL = "model"
    """A language model (or any other statistical model)."""
    HUMAN = "human"
    """A human coder."""
    PROGRAM = "program"
    """A rule-based program: a parser, an importer."""


@attrs.frozen(kw_only=True, weakref_slot=False)
class Extractor(Model):
    """Who or what extracted a record: a model with its version and prompt, or a coder."""

    kind: ExtractorKind = attrs.field(metadata=meta("model, human or program."))
    name: str = attrs.field(
        metadata=meta(
            "The model's name ('gpt-4o', 'llama-3.1-8b-instruct'), the program's, or the"
            " human coder's id ('coder-7').",
            NON_EMPTY,
        )
    )
    version: str | None = attrs.field(
        default=None,
        metadata=meta("The model's or program's version: '2024-08-06', '1.4.2'.", NON_EMPTY),
    )
    prompt: str | None = attrs.field(
        default=None,
        metadata=meta(
            "The id of the prompt or coding instructions used: 'statements-v3'.", NON_EMPTY
        ),
    )


@attrs.frozen(kw_only=True, weakref_slot=False)
class Evidence(Model):
    """A span of the source text that a record, or one of its fields, rests on.

    ``start`` and ``end`` are offsets in code points from the start of the
    source text, end exclusive: ``source[start:end] == quote``.
    """

    schema_gaps = (
        "`start` and `end` are given together, `end` is at least `start` and"
        " `end - start` is the length of `quote` in code points: JSON Schema cannot"
        " compare two values.",
    )

    quote: str = attrs.field(
        metadata=meta(
            "The span of the source, verbatim: 'agreed to in separate phone calls'.", NON_EMPTY
        )
    )
    start: int | None = attrs.field(
        default=None,
        metadata=meta("Where the span starts in the source, in code points from 0.", COUNT),
    )
    end: int | None = attrs.field(
        default=None,
        metadata=meta("Where the span ends in the source, in code points, exclusive.", COUNT),
    )
    field: str | None = attrs.field(
        default=None,
        metadata=meta(
            "The field the span supports, as a path within the record: 'said',"
            " 'claims[0].quantity'; none for the record as a whole.",
            FIELD_PATH,
        ),
    )
    extractor: Extractor | None = attrs.field(
        default=None, metadata=meta("Who or what extracted it.")
    )
    extracted: TimePoint | None = attrs.field(
        default=None, metadata=meta("When it was extracted: '2025-03-24T09:30Z'.")
    )
    confidence: float | None = attrs.field(
        default=None,
        metadata=meta("How sure the extractor is, from 0 (a guess) to 1 (certain).", CONFIDENCE),
    )

    def _check(self) -> list[Problem]:
        start, end = self.start, self.end
        if (start is None) != (end is None):
            name = "end" if end is None else "start"
            return [Problem((name,), "both 'start' and 'end', or neither", "only one of them")]
        if start is None or end is None or type(self.quote) is not str:
            return []
        if end < start:
            return [Problem(("end",), f"an offset no smaller than start ({start})", describe(end))]
        if end - start != len(self.quote):
            return [
                Problem(
                    ("end",),
                    f"start + the quote's length in code points ({start + len(self.quote)})",
                    describe(end),
                )
            ]
        return []


def _parse_path(path: str) -> tuple[str | int, ...] | None:
    """``'claims[0].quantity'`` as ``('claims', 0, 'quantity')``; ``None`` if malformed."""
    steps: list[str | int] = []
    for part in path.split("."):
        name, _, rest = part.partition("[")
        if not name or not (name[0].isascii() and name[0].islower()):
            return None
        if not all(c.isascii() and (c.islower() or c == "_") for c in name):
            return None
        steps.append(name)
        while rest:
            index, bracket, rest = rest.partition("]")
            if not bracket or not index.isdigit() or not index.isascii():
                return None
            steps.append(int(index))
            if rest and not rest.startswith("["):
                return None
            rest = rest[1:]
    return tuple(steps)


def locate(quote: str, source: str, start: int | None = None) -> int | None:
    """Where ``quote`` starts in ``source``, in code points: at ``start`` if given, else
    its first occurrence; ``None`` when it is not there."""
    if start is not None:
        return start if source[start : start + len(quote)] == quote else None
    found = source.find(quote)
    return None if found < 0 else found


def check_evidence(records: Iterable[Any], source: str) -> list[Problem]:
    """Every problem with the records' evidence and direct quotations, judged against
    ``source``, the text they were extracted from.

    Paths are given from ``$.records[i]``, in the order the records come.
    """
    problems: list[Problem] = []
    for index, record in enumerate(records):
        kind, record_id = record.record_type, getattr(record, "id", None)

        def add(location: Sequence[str | int], expected: str, got: str | None) -> None:
            problems.append(Problem(("records", index, *location), expected, got, kind, record_id))  # noqa: B023

        for number, evidence in enumerate(record.evidence):
            where = ("evidence", number)
            if locate(evidence.quote, source, evidence.start) is None:
                if evidence.start is not None:
                    found = source[evidence.start : evidence.end]
                    add((*where, "quote"), "the text at start-end in the source", describe(found))
                else:
                    add(
                        (*where, "quote"),
                        "a span found verbatim in the source",
                        _mismatch(evidence.quote, source),
                    )
            if evidence.field is not None and not _names_field(record, evidence.field):
                add(
                    (*where, "field"),
                    "the path of a field this record has",
                    describe(evidence.field),
                )
        quotation = getattr(record, "quotation", None)
        if quotation is not None and quotation.value == "direct":
            wrong = quotation_problem(record.text, source)
            if wrong is not None:
                add(("text",), wrong.expected, wrong.got)
    return problems


def quotation_problem(text: Any, source: str) -> Problem | None:
    """The problem (at ``text``) with a direct quotation's ``text`` that is not in
    ``source`` verbatim, or ``None``. It applies to raw data too: a record that
    fails to load is still checked, so that a model hears of every problem at once.
    """
    if not isinstance(text, str) or text in source:
        return None
    expected = "a direct quotation found verbatim in the source"
    return Problem(("text",), expected, _mismatch(text, source))


def _names_field(record: Any, path: str) -> bool:
    steps = _parse_path(path)
    if steps is None:
        return False
    value: Any = record
    for step in steps:
        if isinstance(step, int):
            if type(value) is not tuple or step >= len(value):
                return False
            value = value[step]
        elif attrs.has(type(value)) and step in attrs.fields_dict(type(value)):
            value = getattr(value, step)
        else:
            return False
    return True


def _mismatch(text: str, source: str) -> str:
    """Where ``text`` stops following the source, in words a model can act on."""
    low, high = 0, len(text)  # the longest prefix of text found in source
    while low < high:
        middle = (low + high + 1) // 2
        if text[:middle] in source:
            low = middle
        else:
            high = middle - 1
    if low == 0:
        return f"text not in the source, starting {describe(text[:40])}"
    at = source.find(text[:low])
    theirs = source[at + low : at + low + 1]
    ours = text[low]
    shown = f"U+{ord(theirs):04X} {theirs!r}" if theirs else "the end of the source"
    return (
        f"text that departs from the source at code point {low}:"
        f" {ours!r} (U+{ord(ours):04X}) where the source has {shown}"
    )
