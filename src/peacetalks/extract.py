"""From a model's output to records: parse, resolve time words, check, and say what to fix.

:func:`extract` takes the raw text a language model (or a person) wrote under a
generation profile (see :mod:`peacetalks.profiles`): JSON, possibly fenced in
markdown or followed by prose. It

1. finds the JSON in the text and parses it strictly;
2. resolves time words against the article's publication time with
   :func:`peacetalks.timeparse.parse_time`: a ``ReportedTime`` with ``words``
   and neither ``earliest`` nor ``latest`` gets its dates, relation, zone,
   reference and basis filled in, so a model never has to compute a date;
3. with the source text given, locates each evidence quote that has no
   offsets (its first occurrence, in code points) and stamps each piece of
   evidence with the extractor and time of extraction, when given;
4. loads every record on its own, and checks evidence and direct quotations
   against the source text (:func:`peacetalks.evidence.check_evidence`).

It returns an :class:`Extraction`: the valid records, and every problem with a
JSON path. :meth:`Extraction.feedback` renders the problems as a compact list
to send back to the model; :func:`repair` runs that loop with any callable
that takes a prompt and returns the model's reply.

>>> from peacetalks.extract import extract
>>> reply = '''Here you are:
... ```json
... {"records": [{"type": "actor", "id": "putin", "category": "person",
...   "name": "Vladimir Putin", "description": null}]}
... ```
... Let me know if you need more.'''
>>> result = extract(reply, profile="actor")
>>> result.ok, [record.id for record in result.records]
(True, ['putin'])
>>> broken = '{"records": [{"type": "actor", "id": "putin", "category": "leader"}]}'
>>> print(extract(broken, profile="actor").feedback())
Your JSON has 1 problem. Fix them and send the whole JSON again.
- at $.records[0].category: expected one of 'person', 'group', 'state', ..., got string 'leader'
"""

from __future__ import annotations

import json
import re
from collections.abc import Callable, Iterator
from datetime import datetime
from typing import Any

import attrs

from peacetalks._jsontext import parse_json
from peacetalks.converter import to_dict
from peacetalks.document import Document, Record
from peacetalks.errors import Problem, ValidationError, format_path
from peacetalks.evidence import Extractor, locate
from peacetalks.limits import DEFAULT_LIMITS
from peacetalks.profiles import GENERATION_PROFILES, _resolve, from_profile, full_definitions
from peacetalks.timeparse import Tense, parse_time
from peacetalks.timepoint import TimePoint

__all__ = ["Extraction", "extract", "find_json", "repair"]

#: At most this many problems are listed in :meth:`Extraction.feedback`.
FEEDBACK_LIMIT = 20
_FENCE = re.compile(r"```[A-Za-z0-9_-]*[ \t]*\r?\n(.*?)```", re.DOTALL)
_DATE_EXPECTED = "a date or time as an ISO 8601 prefix"


@attrs.frozen(kw_only=True)
class Extraction:
    """What came out of a model's output: the valid records, and every problem.

    Attributes:
        document: The valid records (for the ``document`` profile, with the
            document's title and sources when valid).
        problems: Every problem found, each with its JSON path in the output.
        attempts: How many outputs were read to get here (1, plus the repair rounds).
    """

    document: Document
    problems: tuple[Problem, ...] = ()
    attempts: int = 1

    @property
    def records(self) -> tuple[Record, ...]:
        """The valid records, in output order."""
        return self.document.records

    @property
    def ok(self) -> bool:
        """True when the output had no problem at all."""
        return not self.problems

    def feedback(self, limit: int = FEEDBACK_LIMIT) -> str:
        """The problems as a short list a model can act on (empty text when there are none)."""
        if not self.problems:
            return ""
        count = len(self.problems)
        noun = "problem" if count == 1 else "problems"
        lines = [f"Your JSON has {count} {noun}. Fix them and send the whole JSON again."]
        lines.extend(f"- {_line(problem)}" for problem in self.problems[:limit])
        if count > limit:
            lines.append(f"- and {count - limit} more like these")
        return "\n".join(lines)


def _line(problem: Problem) -> str:
    expected, location = problem.expected, problem.location
    hint = ""
    if expected.startswith(_DATE_EXPECTED) and location and location[-1] in ("earliest", "latest"):
        expected = "a date like 2025-03-18 (or 2025-03, 2025, 2025-03-18T06:30+02:00)"
        words = format_path((*location[2:-1], "words"))[2:]
        hint = (
            f"; keep the words in `{words}` and leave `earliest` and `latest` null:"
            " peacetalks works the dates out from the publication time"
        )
    got = "nothing" if problem.got is None else problem.got
    return f"at {problem.path}: expected {expected}, got {got}{hint}"


def find_json(text: str) -> str | None:
    """The JSON value in a model's reply: in the first markdown fence that holds one,
    else the first bracketed span of the text that is JSON, with any prose around it
    left out.

    The text is read once: each ``{`` or ``[`` is matched with its closing bracket
    (brackets inside JSON strings do not count), and only balanced spans are
    decoded, outermost first, so the time grows in proportion to the text
    whatever it holds. A span nested deeper than ``Limits.max_depth`` is returned
    undecoded, for :func:`~peacetalks._jsontext.parse_json` to refuse with its path.
    """
    candidates = [match.group(1) for match in _FENCE.finditer(text)]
    candidates.append(text)
    for candidate in candidates:
        found = _first_json_span(candidate)
        if found is not None:
            return found
    return None


_BRACKET = re.compile(r'[{}\[\]"]')
_STRING_REST = re.compile(r'(?:[^"\\]|\\.)*"', re.DOTALL)
_OPENERS = re.compile(r"[{\[]")
#: When no balanced span decodes (a stray quote in prose can hide one), this many
#: starts are still tried one by one, each decode reading at most the rest of the text.
_FALLBACK_STARTS = 16


def _spans(text: str) -> Iterator[tuple[int, int, int]]:
    """Every balanced bracket span as ``(start, end, depth)``, in text order."""
    closed: list[tuple[int, int, int]] = []
    # The open brackets: where each starts, and the deepest nesting inside it so far
    # (two lists of ints, which the garbage collector does not track).
    starts: list[int] = []
    depths: list[int] = []
    position = 0
    while True:
        match = (_BRACKET if starts else _OPENERS).search(text, position)
        if match is None:
            break
        char, position = match.group(), match.end()
        if char in "{[":
            starts.append(match.start())
            depths.append(1)
        elif char == '"':
            rest = _STRING_REST.match(text, position)
            if rest is None:  # an unterminated string: nothing after it closes
                break
            position = rest.end()
        else:
            depth = depths.pop()
            closed.append((starts.pop(), position, depth))
            if depths:
                depths[-1] = max(depths[-1], depth + 1)
    closed.sort()
    return iter(closed)


def _first_json_span(text: str) -> str | None:
    # Spans come in text order, outermost first; every span read lies inside at
    # most ``max_depth`` others (a deeper one is returned at once), so decoding
    # reads each character at most ``max_depth`` times.
    decoder = json.JSONDecoder()
    limit = DEFAULT_LIMITS.max_depth
    for start, end, depth in _spans(text):
        span = text[start:end]
        if depth > limit:
            return span
        try:
            _, stop = decoder.raw_decode(span)
        except ValueError:  # JSONDecodeError, or a number too long to convert
            continue
        if stop == len(span):
            return span
    for attempt, match in enumerate(_OPENERS.finditer(text)):
        if attempt == _FALLBACK_STARTS:
            break
        try:
            _, stop = decoder.raw_decode(text, match.start())
        except (ValueError, RecursionError):
            continue
        return text[match.start() : stop]
    return None


def extract(
    output: str,
    *,
    profile: str = "document",
    source: str | None = None,
    published: TimePoint | datetime | str | None = None,
    zone: str | None = None,
    tense: Tense = "past",
    extractor: Extractor | None = None,
    extracted: TimePoint | None = None,
) -> Extraction:
    """The records in a model's ``output`` under ``profile``, and every problem.

    Args:
        output: The model's reply, as text.
        profile: The generation profile it was asked for: ``"document"`` or a
            record kind (:data:`peacetalks.profiles.GENERATION_PROFILES`).
        source: The text the records were extracted from. When given, evidence
            quotes without offsets are located in it, and every quote and
            direct quotation is checked against it, verbatim.
        published: The source's publication time, which time words are resolved
            against ("on Tuesday", "last week").
        zone: The IANA zone the time words are read in, e.g. ``"America/New_York"``,
            unless a ``ReportedTime`` names its own.
        tense: ``"future"`` reads a bare weekday as the next one, not the last.
        extractor: Who or what extracted the records: given to every piece of
            evidence that names none.
        extracted: When: given to every piece of evidence that says not.
    """
    if profile not in GENERATION_PROFILES:
        raise ValueError(f"not a generation profile: {profile!r}")
    text = find_json(output) if isinstance(output, str) else None
    if text is None:
        shown = repr(output[:60]) if isinstance(output, str) else type(output).__name__
        problem = Problem((), "a JSON object with 'records', alone or in a ```json fence", shown)
        return Extraction(document=Document(), problems=(problem,))
    try:
        data = parse_json(text)
    except ValidationError as error:
        return Extraction(document=Document(), problems=error.problems)
    defs = full_definitions()
    root = (
        {"$ref": "#/$defs/Document"}
        if profile == "document"
        else {
            "type": "object",
            "properties": {
                "records": {"type": "array", "items": {"$ref": f"#/$defs/{_def(profile)}"}}
            },
        }
    )
    for _location, name, value in list(_objects(data, root, defs, ())):
        if name == "ReportedTime":
            _resolve_time(value, published, zone, tense)
        elif name == "Evidence":
            _complete_evidence(value, source, extractor, extracted)
    document, problems = from_profile(data, profile, source=source)
    return Extraction(document=document, problems=problems)


def repair(
    model: Callable[[str], str], prompt: str, *, rounds: int = 2, **options: Any
) -> Extraction:
    """Ask ``model`` with ``prompt``, then send back the problems until there are none,
    at most ``rounds`` times; ``options`` are :func:`extract`'s.

    ``model`` takes the text to send (the prompt, then the feedback) and returns
    its reply; a chat client keeps the conversation itself.
    """
    result = extract(model(prompt), **options)
    attempts = 1
    while result.problems and attempts <= rounds:
        result = extract(model(result.feedback()), **options)
        attempts += 1
    return attrs.evolve(result, attempts=attempts)


def _def(profile: str) -> str:
    from peacetalks.document import RECORD_CLASSES  # noqa: PLC0415

    return RECORD_CLASSES[profile].__name__


def _objects(
    data: Any, schema: dict[str, Any], defs: dict[str, Any], location: tuple[str | int, ...]
) -> Iterator[tuple[tuple[str | int, ...], str | None, dict[str, Any]]]:
    """Each JSON object within ``data`` with the name of the definition it is meant to be."""
    target = _resolve(schema, data, defs)
    if isinstance(data, dict) and "properties" in target:
        name = next((n for n, d in defs.items() if d is target), None)
        yield location, name, data
        for key, value in data.items():
            if key in target["properties"]:
                yield from _objects(value, target["properties"][key], defs, (*location, key))
    elif isinstance(data, list) and "items" in target:
        for index, item in enumerate(data):
            yield from _objects(item, target["items"], defs, (*location, index))


def _resolve_time(value: dict[str, Any], published: Any, zone: str | None, tense: Tense) -> None:
    words = value.get("words")
    if (
        type(words) is not str
        or value.get("earliest") is not None
        or value.get("latest") is not None
    ):
        return
    own = value.get("zone")
    try:
        reading = parse_time(
            words, published, own if type(own) is str else zone, tense=tense, on_unknown="keep"
        )
    except (ValidationError, ValueError):
        return  # a bad zone or reference: reported when the record is loaded
    for key, item in to_dict(reading).items():
        if value.get(key) is None:
            value[key] = item


def _complete_evidence(
    value: dict[str, Any],
    source: str | None,
    extractor: Extractor | None,
    extracted: TimePoint | None,
) -> None:
    quote = value.get("quote")
    if (
        source is not None
        and type(quote) is str
        and value.get("start") is None
        and value.get("end") is None
    ):
        start = locate(quote, source)
        if start is not None:
            value["start"], value["end"] = start, start + len(quote)
    if extractor is not None and value.get("extractor") is None:
        value["extractor"] = to_dict(extractor)
    if extracted is not None and value.get("extracted") is None:
        value["extracted"] = to_dict(extracted)
