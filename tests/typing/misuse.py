"""Mistakes `mypy --strict` must catch (see test_typing.py); each line is one error."""

from __future__ import annotations

import peacetalks as pt

pt.Actor(id="a", category="person", name="A")
pt.Statement(id="s", speaker="a", quotation=pt.Quotation.DIRECT)
wrong: pt.Actor = pt.from_json("{}", pt.Statement)
pt.load_example().records[0].id = "x"
