"""Typical use of the public API; `mypy --strict` must accept it (see test_typing.py)."""

from __future__ import annotations

import peacetalks as pt

trump = pt.Actor(id="trump", category=pt.ActorCategory.PERSON, name="Donald Trump")
said = pt.ReportedTime.on("2025-03-21", words="on Friday", zone="America/New_York")
quote = pt.Statement(
    id="trump-full-ceasefire",
    speaker=trump.id,
    quotation=pt.Quotation.DIRECT,
    text="I believe we’re going to pretty soon have a full ceasefire,",
    said=said,
)
document = pt.Document(records=(trump, quote))
text: str = pt.to_json(document, indent=2)
data: bytes = pt.to_json_bytes(quote)
loaded: pt.Document = pt.from_json(text, pt.Document)
statement: pt.Statement = pt.from_json(data, pt.Statement)
statements: tuple[pt.Statement, ...] = loaded.of_type(pt.Statement)
answer: pt.Answer = said.contains(pt.TimePoint.parse("2025-03-21"))
lenient = pt.make_converter(keep_unknown_keys=True)
again: pt.Actor = pt.from_dict(pt.to_dict(trump), pt.Actor, converter=lenient)
try:
    pt.from_json("{}", pt.Document)
except pt.ValidationError as error:
    paths: list[str] = [problem.path for problem in error.problems]
