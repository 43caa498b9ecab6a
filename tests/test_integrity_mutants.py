"""Tests for what mutation testing of ``peacetalks.integrity`` found untested.

``python tools/mutants.py src/peacetalks/integrity.py tests/test_integrity.py
tests/test_robustness.py`` left two mutants alive; each test here kills one.
"""

from __future__ import annotations

import peacetalks as pt


def test_things_that_are_not_records_are_each_reported() -> None:
    actor = pt.Actor(id="a", category=pt.ActorCategory.PERSON, name="A")
    problems = pt.check_integrity([actor, "oops", 5])  # type: ignore[list-item]
    assert [(p.path, p.got) for p in problems] == [
        ("$.records[1]", "string 'oops'"),
        ("$.records[2]", "integer 5"),
    ]
    assert all(p.expected.startswith("a record:") for p in problems)


def test_a_field_that_may_name_any_record_says_so() -> None:
    term = pt.Term(topic=pt.TermTopic.CEASEFIRE, description="A truce", concerns=("nobody",))
    proposal = pt.Proposal(id="p", terms=(term,))
    (problem,) = pt.check_integrity([proposal])
    assert problem.path == "$.records[0].terms[0].concerns[0]"
    assert problem.expected == "the id of any record"
