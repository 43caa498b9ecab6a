"""Cross-record integrity: one failing dossier per rule, asserting the ids and paths reported."""

from __future__ import annotations

import attrs
import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

import peacetalks as pt
from peacetalks import testing
from peacetalks._base import Model
from peacetalks._rules import ID

NY = "America/New_York"


def on(day: str, zone: str | None = NY) -> pt.ReportedTime:
    return pt.ReportedTime.on(day, zone=zone)


def person(actor_id: str) -> pt.Actor:
    return pt.Actor(id=actor_id, category=pt.ActorCategory.PERSON, name=actor_id.title())


def say(statement_id: str, speaker: str = "alice", **fields: object) -> pt.Statement:
    return pt.Statement(
        id=statement_id,
        speaker=speaker,
        quotation=pt.Quotation.PARAPHRASE,
        text="Something was said.",
        **fields,  # type: ignore[arg-type]
    )


def propose(proposal_id: str, **fields: object) -> pt.Proposal:
    return pt.Proposal(id=proposal_id, title=proposal_id, **fields)  # type: ignore[arg-type]


# Records every case starts from; the records under test come after them.
BASE = (
    person("alice"),
    person("bob"),
    pt.Venue(id="call", formats=(pt.Format.PHONE_CALL,), when=on("2025-03-18")),
    propose("deal", proposed=on("2025-03-18")),
    pt.Truce(id="truce", declared=on("2025-03-18")),
)
FIRST = len(BASE)  # the index of the first record under test


def reported(records: list[pt.Record]) -> list[tuple[str | None, str]]:
    """(record id, path) of every problem with BASE + records."""
    return [(p.record_id, p.path) for p in pt.check_integrity([*BASE, *records])]


def test_the_base_and_the_bundled_example_fit_together() -> None:
    assert pt.check_integrity(BASE) == []
    assert pt.check_integrity(pt.load_example().records) == []


STRUCTURE_CASES = {
    "duplicate id, same kind": (
        [person("alice")],
        [("alice", f"$.records[{FIRST}].id")],
    ),
    "duplicate id, another kind": (
        [pt.Venue(id="alice")],
        [("alice", f"$.records[{FIRST}].id")],
    ),
    "unresolved speaker": (
        [say("s1", speaker="nobody")],
        [("s1", f"$.records[{FIRST}].speaker")],
    ),
    "a venue as speaker": (
        [say("s1", speaker="call")],
        [("s1", f"$.records[{FIRST}].speaker")],
    ),
    "disputing a statement that does not exist": (
        [say("s1", stance=pt.Stance.DISPUTES, disputes=("s-missing",))],
        [("s1", f"$.records[{FIRST}].disputes[0]")],
    ),
    "disputing something that is not a statement": (
        [say("s1", stance=pt.Stance.DISPUTES, disputes=("deal",))],
        [("s1", f"$.records[{FIRST}].disputes[0]")],
    ),
    "a statement about an actor": (
        [say("s1", about=("deal", "bob"))],
        [("s1", f"$.records[{FIRST}].about[1]")],
    ),
    "a response by a party that does not exist": (
        [propose("p1", responses=(pt.Response(party="carol", position=pt.ResponseKind.REJECTED),))],
        [("p1", f"$.records[{FIRST}].responses[0].party")],
    ),
    "a response given in a statement that does not exist": (
        [
            propose(
                "p1",
                responses=(
                    pt.Response(party="bob", position=pt.ResponseKind.ACCEPTED, statement="s9"),
                ),
            )
        ],
        [("p1", f"$.records[{FIRST}].responses[0].statement")],
    ),
    "a condition requiring an actor": (
        [
            propose(
                "p1",
                conditions=(pt.Condition(description="first", requires=("alice",)),),
            )
        ],
        [("p1", f"$.records[{FIRST}].conditions[0].requires[0]")],
    ),
    "a truce party's call that is a truce": (
        [pt.Truce(id="t1", parties=(pt.TruceParty(actor="alice", venue="truce"),))],
        [("t1", f"$.records[{FIRST}].parties[0].venue")],
    ),
    "a delegation sent by nobody known": (
        [pt.Venue(id="v1", delegations=(pt.Delegation(sent_by="ghost"),))],
        [("v1", f"$.records[{FIRST}].delegations[0].sent_by")],
    ),
    "an affiliation to a venue": (
        [
            pt.Actor(
                id="carol",
                category=pt.ActorCategory.PERSON,
                name="Carol",
                affiliations=(pt.Affiliation(organization="call", relation=pt.Relation.MEMBER),),
            )
        ],
        [("carol", f"$.records[{FIRST}].affiliations[0].organization")],
    ),
    "talks that are part of themselves through another": (
        [pt.Venue(id="v1", part_of="v2"), pt.Venue(id="v2", part_of="v1")],
        [("v1", f"$.records[{FIRST}].part_of")],
    ),
    "proposals that revise each other": (
        [propose("p1", revises="p2"), propose("p2", revises="p3"), propose("p3", revises="p1")],
        [("p1", f"$.records[{FIRST}].revises")],
    ),
}


@pytest.mark.parametrize("case", sorted(STRUCTURE_CASES))
def test_each_structural_rule_reports_the_record_and_path(case: str) -> None:
    records, expected = STRUCTURE_CASES[case]
    assert reported(records) == expected


def test_terms_may_concern_records_of_any_kind() -> None:
    term = pt.Term(
        topic=pt.TermTopic.OTHER, description="x", concerns=("alice", "call", "deal", "truce")
    )
    assert reported([propose("p1", terms=(term,))]) == []


def test_messages_name_what_was_expected_and_found() -> None:
    [wrong_kind] = pt.check_integrity([*BASE, say("s1", speaker="call")])
    assert wrong_kind.message == "expected the id of an actor, got 'call', the id of a venue"
    [missing] = pt.check_integrity([*BASE, say("s1", about=("nowhere",))])
    assert missing.expected == "the id of a statement, a proposal, a truce or a venue"
    assert missing.got == "'nowhere', which no record has"
    [duplicate] = pt.check_integrity([*BASE, person("bob")])
    assert duplicate.got == "'bob', already the id of an actor at $.records[1]"
    [loop] = pt.check_integrity(
        [*BASE, pt.Venue(id="v1", part_of="v2"), pt.Venue(id="v2", part_of="v1")]
    )
    assert loop.got == "a loop: v1 → v2 → v1"


TIME_CASES = {
    "said at a call on another day": (
        [say("s1", venue="call", said=on("2025-03-20"))],
        [("s1", f"$.records[{FIRST}].said")],
    ),
    "reported before the call it was said at": (
        [say("s1", venue="call", reported=on("2025-03-17"))],
        [("s1", f"$.records[{FIRST}].reported")],
    ),
    "disputing an account given later": (
        [
            say("s1", said=on("2025-03-20")),
            say("s2", said=on("2025-03-19"), stance=pt.Stance.DISPUTES, disputes=("s1",)),
        ],
        [("s2", f"$.records[{FIRST + 1}].disputes[0]")],
    ),
    "a response dated before its proposal": (
        [
            propose(
                "p1",
                proposed=on("2025-03-18"),
                responses=(
                    pt.Response(
                        party="bob", position=pt.ResponseKind.REJECTED, when=on("2025-03-17")
                    ),
                ),
            )
        ],
        [("p1", f"$.records[{FIRST}].responses[0].when")],
    ),
    "a response given in a statement made before the proposal": (
        [
            say("s1", said=on("2025-03-16")),
            propose(
                "p1",
                proposed=on("2025-03-18"),
                responses=(
                    pt.Response(party="bob", position=pt.ResponseKind.REJECTED, statement="s1"),
                ),
            ),
        ],
        [("p1", f"$.records[{FIRST + 1}].responses[0].statement")],
    ),
    "a truce effective before it was declared": (
        [pt.Truce(id="t1", declared=on("2025-03-18"), effective=on("2025-03-17"))],
        [("t1", f"$.records[{FIRST}].effective")],
    ),
    "a party consenting at a call outside the call's day": (
        [
            pt.Truce(
                id="t1",
                parties=(pt.TruceParty(actor="alice", venue="call", consented=on("2025-03-19")),),
            )
        ],
        [("t1", f"$.records[{FIRST}].parties[0].consented")],
    ),
    "a truce declared before the proposal that set it up": (
        [pt.Truce(id="t1", declared=on("2025-03-17"), proposal="deal")],
        [("t1", f"$.records[{FIRST}].declared")],
    ),
    "a revision made before the version it revises": (
        [propose("p1", proposed=on("2025-03-17"), revises="deal")],
        [("p1", f"$.records[{FIRST}].proposed")],
    ),
    "talks outside the round they are part of": (
        [pt.Venue(id="v1", when=on("2025-03-25"), part_of="call")],
        [("v1", f"$.records[{FIRST}].when")],
    ),
    "a truce extending one declared after it": (
        [
            pt.Truce(
                id="t1",
                declared=on("2025-03-10"),
                links=(pt.TruceLink(relation=pt.TruceLinkKind.EXTENDS, truce="truce"),),
            )
        ],
        [("t1", f"$.records[{FIRST}].links[0].truce")],
    ),
}


@pytest.mark.parametrize("case", sorted(TIME_CASES))
def test_each_time_rule_reports_the_record_and_path(case: str) -> None:
    records, expected = TIME_CASES[case]
    assert reported(records) == expected


# The same situations with times only as precise as the month: nothing is certain.
VAGUE_CASES = {
    "said in the month of the call": [say("s1", venue="call", said=on("2025-03"))],
    "effective in the month it was declared": [
        pt.Truce(id="t1", declared=on("2025-03-18"), effective=on("2025-03"))
    ],
    "revision in the month of the original": [
        propose("p1", proposed=on("2025-03"), revises="deal")
    ],
    "a day in Kyiv against the same day in New York": [
        pt.Truce(id="t1", declared=on("2025-03-18"), effective=on("2025-03-18", "Europe/Kyiv"))
    ],
    "related truces declared in any order": [
        pt.Truce(
            id="t1",
            declared=on("2025-03-10"),
            links=(pt.TruceLink(relation=pt.TruceLinkKind.RELATED, truce="truce"),),
        )
    ],
}


@pytest.mark.parametrize("case", sorted(VAGUE_CASES))
def test_times_that_only_may_conflict_are_not_problems(case: str) -> None:
    assert reported(VAGUE_CASES[case]) == []


def test_every_problem_is_reported_at_once_by_the_dossier() -> None:
    records = [*BASE, person("alice"), say("s1", speaker="call", venue="nowhere")]
    with pytest.raises(pt.IntegrityError) as caught:
        pt.Dossier(records)
    found = [(p.record_id, p.path) for p in caught.value.problems]
    assert found == [
        ("alice", f"$.records[{FIRST}].id"),
        ("s1", f"$.records[{FIRST + 1}].speaker"),
        ("s1", f"$.records[{FIRST + 1}].venue"),
    ]
    assert isinstance(caught.value, pt.ValidationError)
    assert "3 problems" in str(caught.value)


def _model_classes() -> set[type]:
    found: set[type] = set()
    todo = [Model]
    while todo:
        for sub in todo.pop().__subclasses__():
            if sub not in found:
                found.add(sub)
                todo.append(sub)
    return found


def test_the_references_table_covers_exactly_the_id_fields() -> None:
    id_fields = {
        (cls, field.name)
        for cls in _model_classes()
        for field in attrs.fields(cls)
        if field.metadata.get("rule") is ID and field.name != "id"
    }
    in_table = {(cls, name) for cls, fields in pt.REFERENCES.items() for name in fields}
    assert in_table == id_fields
    kinds = set(pt.RECORD_CLASSES)
    assert all(ref.kinds <= kinds for fields in pt.REFERENCES.values() for ref in fields.values())


@settings(max_examples=20)  # generating records is slow; the check itself is not
@given(st.lists(testing.records(), max_size=4))
def test_random_records_are_checked_without_crashing(records: list[pt.Record]) -> None:
    for problem in pt.check_integrity(records):
        assert problem.location[0] == "records"
        index = problem.location[1]
        assert isinstance(index, int)
        assert problem.record_id == records[index].id
        assert problem.record_kind == records[index].record_type
