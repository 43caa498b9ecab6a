"""Dossiers: validated updates, merge conflicts, diffs, and every query on the bundled example."""

from __future__ import annotations

import itertools
from datetime import date, datetime

import attrs
import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

import peacetalks as pt
from peacetalks import testing

A, M, N, Y = pt.Answer, pt.Answer.MAYBE, pt.Answer.NO, pt.Answer.YES


@pytest.fixture(scope="module")
def example() -> pt.Dossier:
    return pt.Dossier.from_document(pt.load_example())


def person(actor_id: str, name: str | None = None) -> pt.Actor:
    return pt.Actor(id=actor_id, category=pt.ActorCategory.PERSON, name=name or actor_id.title())


def say(statement_id: str, speaker: str) -> pt.Statement:
    return pt.Statement(
        id=statement_id, speaker=speaker, quotation=pt.Quotation.DIRECT, text="We agree."
    )


# The collection.


def test_a_dossier_indexes_records_by_id(example: pt.Dossier) -> None:
    assert len(example) == 98
    assert "energy-truce" in example
    assert "nobody" not in example
    truce = example.get("energy-truce", pt.Truce)
    assert truce is not None
    assert truce.name == "Energy infrastructure truce"
    assert example.get("energy-truce", pt.Actor) is None
    assert example.get("nobody") is None
    assert [t.id for t in example.of_type(pt.Truce)] == ["energy-truce", "general-truce"]
    assert list(example) == list(pt.load_example().records)


def test_dossiers_are_immutable_and_equal_whatever_the_order(example: pt.Dossier) -> None:
    with pytest.raises(attrs.exceptions.FrozenInstanceError):
        example.records = ()  # type: ignore[misc]
    shuffled = pt.Dossier(reversed(example.records))
    assert shuffled == example
    assert hash(shuffled) == hash(example)
    assert shuffled != pt.Dossier(example.records[:-1])


def test_a_dossier_round_trips_through_a_document(example: pt.Dossier) -> None:
    document = example.to_document(title="Seed article")
    assert document.title == "Seed article"
    assert pt.Dossier.from_document(pt.from_json(pt.to_json(document), pt.Document)) == example


def test_things_that_are_not_records_are_reported() -> None:
    with pytest.raises(pt.IntegrityError) as caught:
        pt.Dossier([person("alice"), "bob"])  # type: ignore[list-item]
    [problem] = caught.value.problems
    assert problem.path == "$.records[1]"
    assert problem.got == "string 'bob'"


# Validated updates.


def test_add_returns_a_new_dossier_and_rejects_a_taken_id() -> None:
    dossier = pt.Dossier([person("alice")])
    bigger = dossier.add(person("bob"), say("s1", "bob"))
    assert len(dossier) == 1
    assert [r.id for r in bigger] == ["alice", "bob", "s1"]
    with pytest.raises(pt.IntegrityError) as caught:
        bigger.add(person("bob", "Robert"))
    assert [(p.record_id, p.path) for p in caught.value.problems] == [("bob", "$.records[3].id")]


def test_add_rejects_a_record_whose_references_do_not_resolve() -> None:
    with pytest.raises(pt.IntegrityError) as caught:
        pt.Dossier([person("alice")]).add(say("s1", "carol"))
    [problem] = caught.value.problems
    assert (problem.record_kind, problem.record_id, problem.path) == (
        "statement",
        "s1",
        "$.records[1].speaker",
    )


def test_replace_swaps_records_of_the_same_id() -> None:
    dossier = pt.Dossier([person("alice"), say("s1", "alice")])
    renamed = dossier.replace(person("alice", "Alice Smith"))
    alice = renamed.get("alice", pt.Actor)
    assert alice is not None
    assert alice.name == "Alice Smith"
    assert [r.id for r in renamed] == ["alice", "s1"]
    with pytest.raises(pt.UnknownRecordError):
        dossier.replace(person("bob"))
    with pytest.raises(pt.IntegrityError):
        dossier.replace(pt.Venue(id="alice"))  # s1's speaker would be a venue
    with pytest.raises(pt.IntegrityError):
        dossier.replace(person("alice", "A"), person("alice", "B"))


def test_remove_keeps_the_dossier_whole() -> None:
    dossier = pt.Dossier([person("alice"), person("bob"), say("s1", "alice")])
    assert [r.id for r in dossier.remove("bob")] == ["alice", "s1"]
    with pytest.raises(pt.IntegrityError) as caught:
        dossier.remove("alice")
    assert [(p.record_id, p.path) for p in caught.value.problems] == [
        ("s1", "$.records[1].speaker")
    ]
    with pytest.raises(pt.UnknownRecordError):
        dossier.remove("carol")


# Merging and comparing.


def test_merge_unites_records_and_keeps_identical_ones_once() -> None:
    first = pt.Dossier([person("alice"), say("s1", "alice")])
    second = pt.Dossier([person("alice"), person("bob"), say("s2", "bob")])
    merged = first.merge(second)
    assert [r.id for r in merged] == ["alice", "s1", "bob", "s2"]
    assert first.conflicts(second) == []


def test_merge_reports_every_conflict_instead_of_overwriting() -> None:
    first = pt.Dossier([person("alice", "Alice"), say("s1", "alice")])
    changed = pt.Statement(
        id="s1", speaker="alice", quotation=pt.Quotation.PARAPHRASE, text="We agree.", about=()
    )
    second = pt.Dossier([person("alice", "Alicia"), changed])
    with pytest.raises(pt.MergeConflictError) as caught:
        first.merge(second)
    found = [(p.record_kind, p.record_id, p.path, p.got) for p in caught.value.problems]
    assert found == [
        ("actor", "alice", "$.name", "string 'Alicia'"),
        ("statement", "s1", "$.quotation", "string 'paraphrase'"),
    ]
    assert caught.value.problems[0].expected == "the same as in the first dossier (string 'Alice')"
    assert first.get("alice", pt.Actor).name == "Alice"  # type: ignore[union-attr]


def test_merge_reports_a_record_of_another_kind_under_the_same_id() -> None:
    with pytest.raises(pt.MergeConflictError) as caught:
        pt.Dossier([person("x")]).merge(pt.Dossier([pt.Venue(id="x")]))
    paths = [p.path for p in caught.value.problems]
    assert paths[0] == "$.type"


def test_diff_lists_added_removed_and_changed_records() -> None:
    before = pt.Dossier([person("alice"), person("bob"), say("s1", "alice")])
    statement = say("s1", "carol")
    after = pt.Dossier([person("alice"), statement, person("carol")])
    diff = before.diff(after)
    assert [r.id for r in diff.added] == ["carol"]
    assert [r.id for r in diff.removed] == ["bob"]
    [change] = diff.changed
    assert (change.record_id, change.paths) == ("s1", ("$.speaker",))
    assert change.before.speaker == "alice"  # type: ignore[union-attr]
    assert not before.diff(before)
    assert diff


def test_diff_paths_reach_into_nested_values(example: pt.Dossier) -> None:
    truce = example.get("energy-truce", pt.Truce)
    assert truce is not None
    party = attrs.evolve(truce.parties[1], venue=None)
    edited = example.replace(attrs.evolve(truce, parties=(truce.parties[0], party)))
    [change] = example.diff(edited).changed
    assert change.paths == ("$.parties[1].venue",)


# Queries on the bundled example.


def test_statements_by_an_actor(example: pt.Dossier) -> None:
    ids = [s.id for s in example.statements_by("zelenskyy")]
    assert ids == [
        "zelenskyy-new-pressure",
        "zelenskyy-sanctions",
        "zelenskyy-concrete",
        "zelenskyy-disputes-account",
    ]
    assert [s.id for s in example.statements_by("kremlin")] == []
    speaking_for = [s.id for s in example.statements_by("kremlin", speaking_for=True)]
    assert speaking_for == ["peskov-step", "peskov-technical-level"]
    white_house = [s.id for s in example.statements_by("white-house", speaking_for=True)]
    assert white_house == ["hughes-working", "hughes-terms", "white-house-nuclear-plants"]


def test_queries_reject_unknown_ids_and_wrong_kinds(example: pt.Dossier) -> None:
    with pytest.raises(pt.UnknownRecordError, match="no actor with id 'nobody'"):
        example.statements_by("nobody")
    with pytest.raises(pt.UnknownRecordError, match="it is truce"):
        example.statements_by("energy-truce")
    with pytest.raises(pt.UnknownRecordError):
        example.positions("trump")
    with pytest.raises(pt.UnknownRecordError):
        example.in_force("black-sea-ceasefire", date(2025, 3, 25))
    with pytest.raises(pt.PeacetalksError):
        example.actors_by_role(pt.Role.MEDIATOR, within="nowhere")


def test_each_partys_position_on_a_proposal_over_time(example: pt.Dossier) -> None:
    positions = example.positions("end-arms-supplies")
    assert {party: [p.position for p in items] for party, items in positions.items()} == {
        "kyiv-and-allies": [pt.ResponseKind.REJECTED],
        "united-states": [pt.ResponseKind.NOT_AGREED, pt.ResponseKind.CONDITIONAL],
    }
    not_agreed, conditional = positions["united-states"]
    assert not_agreed.when is not None
    assert not_agreed.when.words == "so far"  # the response's own time
    assert conditional.statement is not None
    assert conditional.statement.id == "us-position-acceptable-to-kyiv"
    assert conditional.when == conditional.statement.reported  # from its statement
    assert positions["kyiv-and-allies"][0].when is None
    summit = example.positions("trump-putin-summit")
    assert [p.statement.id for p in summit["kremlin"] if p.statement] == [
        "kremlin-summit-condition",
        "peskov-technical-level",
    ]
    assert example.positions("comprehensive-peace-deal") == {}


def test_the_energy_truce_on_25_march_is_uncertain(example: pt.Dossier) -> None:
    # Agreed in separate calls on 18 and 19 March, declared on the 18th, no start date,
    # 30 days: it may or may not have taken effect by any given later day.
    assert example.in_force("energy-truce", date(2025, 3, 25)) is M
    kyiv_day = pt.ReportedTime.on("2025-03-25", zone="Europe/Kyiv")
    assert example.in_force("energy-truce", kyiv_day) is M
    assert example.in_force("energy-truce", "2025-03-25") is M
    assert example.in_force("energy-truce", date(2025, 3, 16)) is N  # before it was declared
    assert (
        example.in_force("energy-truce", pt.ReportedTime.on("2025-03-17", zone="America/New_York"))
        is N
    )
    assert example.in_force("energy-truce", date(2025, 3, 18)) is M  # the day it was declared
    assert example.in_force("general-truce", date(2025, 3, 25)) is N  # only proposed
    assert [(t.id, a) for t, a in example.truces_in_force(date(2025, 3, 25))] == [
        ("energy-truce", M)
    ]
    assert example.truces_in_force(date(2025, 3, 1)) == ()


def test_in_force_rejects_what_is_not_a_time(example: pt.Dossier) -> None:
    with pytest.raises(pt.ValidationError, match="timezone-aware"):
        example.in_force("energy-truce", datetime(2025, 3, 25, 12))
    with pytest.raises(pt.ValidationError):
        example.in_force("energy-truce", 20250325)  # type: ignore[arg-type]
    with pytest.raises(pt.ValidationError):
        example.in_force("energy-truce", "25 March")


def test_actors_by_role(example: pt.Dossier) -> None:
    def ids(role: pt.Role, within: str | None = None) -> list[str]:
        return [a.id for a in example.actors_by_role(role, within=within)]

    assert ids(pt.Role.MEDIATOR) == ["united-states", "turkey", "united-nations"]
    assert ids(pt.Role.PARTY) == ["russia", "ukraine"]
    assert ids(pt.Role.GUARANTOR) == []
    assert ids(pt.Role.ANNOUNCER) == ["trump"]
    assert ids(pt.Role.MEDIATOR, within="black-sea-grain-deal") == ["turkey", "united-nations"]
    assert ids(pt.Role.DELEGATE, within="saudi-talks") == [
        "ukraine-defense-minister",
        "ukraine-presidential-aides",
        "russia-lower-level-officials",
        "russia-security-veteran",
    ]
    roles = example.roles_of("trump")
    assert roles[pt.Role.ANNOUNCER] == ("energy-truce",)
    assert roles[pt.Role.PROPOSER] == ("trump-putin-summit", "us-nuclear-plants", "resources-deal")
    assert pt.Role.MEDIATOR not in roles


def test_references_to_a_record(example: pt.Dossier) -> None:
    assert example.references_to("call-trump-putin") == (
        ("peskov-step", "$.about[0]"),
        ("energy-truce", "$.parties[0].venue"),
    )
    assert example.references_to("nobody") == ()


def test_the_timeline_orders_only_what_is_certain(example: pt.Dossier) -> None:
    timeline = example.timeline()
    step = timeline.step_of
    # Friday before Saturday before Sunday, all in New York.
    assert step("trump-full-ceasefire", "said") < step("trump-under-control", "said")  # type: ignore[operator]
    # Same day, no time of day: one step, in no claimed order.
    assert step("hughes-working") == step("hughes-terms") == step("witkoff-black-sea")
    # Sunday in Kyiv and Saturday in New York overlap (late Saturday in New York is Sunday in Kyiv).
    assert step("zelenskyy-new-pressure") == step("trump-under-control")
    # The two consents on the 18th and 19th sit inside the calls spanning both days.
    assert step("energy-truce", "Russia consented") == step("energy-truce", "Ukraine consented")
    assert step("istanbul-2022") == 0
    unplaced = {(e.record_id, e.what) for e in timeline.unplaced}
    assert ("general-ceasefire", "proposed") in unplaced  # no date
    assert ("end-arms-supplies", "United States: not agreed") in unplaced  # "so far": open-ended
    assert ("energy-truce", "violation alleged (Russia)") in unplaced
    entry = next(e for e in timeline if e.record_id == "article-5-alternative")
    assert (entry.what, entry.path) == (
        "United States: open to discussion",
        "$.responses[0].statement",
    )


def _assert_steps_are_honest(timeline: pt.Timeline) -> None:
    for earlier, later in itertools.combinations(timeline.steps, 2):
        for first, second in itertools.product(earlier, later):
            assert second.when is not None
            assert first.when is not None
            assert second.when.is_after(first.when) is Y
    for step in timeline.steps:
        for index, entry in enumerate(step[1:], start=1):
            assert entry.when is not None
            assert any(entry.when.is_after(other.when) is not Y for other in step[:index])  # type: ignore[arg-type]


def test_every_step_of_the_example_timeline_is_certainly_after_the_ones_before(
    example: pt.Dossier,
) -> None:
    timeline = example.timeline()
    assert len(timeline.steps) >= 4
    _assert_steps_are_honest(timeline)


@settings(max_examples=60)
@given(st.lists(testing.reported_times(), min_size=1, max_size=8))
def test_random_timelines_are_honest(times: list[pt.ReportedTime]) -> None:
    venues = [pt.Venue(id=f"v{number}", when=when) for number, when in enumerate(times)]
    timeline = pt.Dossier(venues).timeline()
    _assert_steps_are_honest(timeline)
    placed = sum(len(step) for step in timeline.steps)
    assert placed + len(timeline.unplaced) == len(venues)
