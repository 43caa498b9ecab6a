"""Hypothesis strategies for every peacetalks type, for property tests here and downstream.

Every strategy generates *valid* values: they satisfy every invariant the
classes check, so ``from_json(to_json(x), type(x)) == x`` must hold for all of
them. Install with ``pip install peacetalks[testing]``.

>>> from hypothesis import given
>>> from peacetalks import from_json, to_json
>>> from peacetalks.testing import statements
>>> @given(statements())
... def test_round_trip(statement):
...     assert from_json(to_json(statement), type(statement)) == statement
>>> test_round_trip()
"""

from peacetalks.testing._records import (
    actors,
    documents,
    proposals,
    records,
    statements,
    truces,
    venues,
)
from peacetalks.testing._values import (
    ZONES,
    citations,
    durations,
    evidence,
    identifiers,
    ids,
    places,
    reported_times,
    texts,
    time_points,
)

__all__ = [
    "ZONES",
    "actors",
    "citations",
    "documents",
    "durations",
    "evidence",
    "identifiers",
    "ids",
    "places",
    "proposals",
    "records",
    "reported_times",
    "statements",
    "texts",
    "time_points",
    "truces",
    "venues",
]
