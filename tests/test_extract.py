"""peacetalks.extract: a model's raw reply to records, or to problems it can act on."""

from __future__ import annotations

import time
from collections.abc import Callable

import pytest

import peacetalks as pt
from fuzzing import within
from peacetalks.extract import extract, find_json, repair

ACTOR = '{"records": [{"type": "actor", "id": "putin", "category": "person", "name": "Putin"}]}'


@pytest.mark.parametrize(
    "reply",
    [
        ACTOR,
        f"```json\n{ACTOR}\n```",
        f"Here you go:\n```\n{ACTOR}\n```\nAnything else?",
        f"{ACTOR}\n\nThe record above is {{complete}}.",
        f"Records: {ACTOR} -- done",
    ],
)
def test_json_is_found_alone_fenced_or_among_prose(reply: str) -> None:
    result = extract(reply, profile="actor")
    assert result.ok
    assert [r.id for r in result.records] == ["putin"]


def test_a_reply_without_json_is_one_problem_at_the_root() -> None:
    result = extract("I cannot help with that.", profile="actor")
    assert find_json("I cannot help with that.") is None
    assert [p.path for p in result.problems] == ["$"]
    assert "a JSON object with 'records'" in result.feedback()


def test_duplicate_keys_are_refused_by_the_strict_parser() -> None:
    result = extract('{"records": [], "records": []}', profile="actor")
    assert not result.ok


def test_good_records_are_kept_and_every_bad_one_reported() -> None:
    reply = (
        '{"records": [{"type": "actor", "id": "a", "category": "person", "name": "A"},'
        ' {"type": "actor", "id": "b b", "category": "person", "name": "B"},'
        ' {"type": "actor", "id": "c", "category": "person", "name": "C", "country": "XX"}]}'
    )
    result = extract(reply, profile="actor")
    assert [r.id for r in result.records] == ["a"]
    assert [p.path for p in result.problems] == ["$.records[1].id", "$.records[2].country"]
    assert result.feedback().startswith("Your JSON has 2 problems.")


def test_time_words_are_resolved_against_the_publication_time() -> None:
    reply = (
        '{"records": [{"type": "statement", "id": "s", "speaker": "trump", "quotation":'
        ' "paraphrase", "text": "Talks go well", "said": {"words": "on Tuesday",'
        ' "earliest": null, "latest": null, "zone": null}}]}'
    )
    result = extract(reply, profile="statement", published="2025-03-23", zone="Europe/Kyiv")
    assert result.ok, result.feedback()
    said = result.records[0].said
    assert said is not None
    assert (str(said.earliest), said.zone, said.basis) == (
        "2025-03-18",
        "Europe/Kyiv",
        pt.Basis.INFERRED,
    )


def test_a_word_where_a_date_belongs_gets_a_hint_to_keep_it_in_words() -> None:
    reply = (
        '{"records": [{"type": "statement", "id": "s", "speaker": "trump", "quotation":'
        ' "paraphrase", "text": "x", "said": {"words": "Tuesday", "earliest": "Tuesday"}}]}'
    )
    line = extract(reply, profile="statement").feedback().splitlines()[1]
    assert line.startswith("- at $.records[0].said.earliest: expected a date like 2025-03-18")
    assert "got string 'Tuesday'; keep the words in `said.words`" in line


def test_evidence_is_located_checked_and_stamped() -> None:
    source = "Putin spoke to Trump on Tuesday."
    extractor = pt.Extractor(kind=pt.ExtractorKind.HUMAN, name="coder-7")
    reply = (
        '{"records": [{"type": "actor", "id": "putin", "category": "person", "name": "Putin",'
        ' "evidence": [{"quote": "Putin spoke"}]},'
        ' {"type": "actor", "id": "trump", "category": "person", "name": "Trump",'
        ' "evidence": [{"quote": "Donald Trump"}]}]}'
    )
    result = extract(reply, profile="actor", source=source, extractor=extractor)
    assert [r.id for r in result.records] == ["putin"]
    [found] = result.records[0].evidence
    assert (found.start, found.end, found.extractor) == (0, 11, extractor)
    assert [p.path for p in result.problems] == ["$.records[1].evidence[0].quote"]


def test_repair_stops_after_the_rounds_allowed() -> None:
    sent: list[str] = []

    def model(text: str) -> str:
        sent.append(text)
        return "no JSON here"

    result = repair(model, "extract", rounds=2, profile="actor")
    assert not result.ok
    assert result.attempts == 3
    assert sent[0] == "extract"
    assert sent[1] == sent[2] == result.feedback()


def test_an_unknown_profile_is_refused() -> None:
    with pytest.raises(ValueError, match="not a generation profile"):
        extract(ACTOR, profile="full")


@pytest.mark.parametrize(
    "reply",
    [
        "[" * 100_000,  # once a RecursionError from the decoder
        "{" * 100_000,
        "[0," * 30_000,
        "{the} " * 20_000,
        '{"' * 50_000,
        "```\n" * 20_000,
        ("{x" * 60 + "}" * 60) * 500,
    ],
    ids=[
        "open brackets",
        "open braces",
        "open arrays",
        "prose braces",
        "quotes",
        "fences",
        "nested",
    ],
)
def test_hostile_replies_are_one_problem_in_linear_time(reply: str) -> None:
    with within(10):
        result = extract(reply, profile="actor")
    assert not result.ok
    assert len(result.problems) == 1
    short = reply[: len(reply) // 10]
    growth = _best_time(lambda: find_json(reply)) / max(_best_time(lambda: find_json(short)), 1e-6)
    assert growth < 40, f"10x the reply took {growth:.0f}x"


def test_json_nested_past_the_depth_limit_is_refused_with_its_path() -> None:
    result = extract("Here: " + "[" * 5000 + "]" * 5000, profile="actor")
    [problem] = result.problems
    assert "max_depth" in problem.expected


def test_json_after_braces_in_prose_or_inside_a_stray_brace_is_found() -> None:
    for reply in (
        f"Use {{braces}} like this {{ and this: {ACTOR}",
        f'{{ He said "hi" {ACTOR}',  # a stray quote: found by the bounded fallback
    ):
        assert find_json(reply) == ACTOR, reply


def _best_time(call: Callable[[], object]) -> float:
    best = float("inf")
    for _ in range(3):
        started = time.perf_counter()
        call()
        best = min(best, time.perf_counter() - started)
    return best


def test_a_record_that_fails_to_load_still_has_its_quotation_checked() -> None:
    source = "“We’re close,” Trump said."
    reply = (
        '{"records": [{"type": "statement", "id": "s", "speaker": "trump", "quotation":'
        ' "direct", "text": "We\'re close,", "said": {"words": "x", "earliest": "Friday",'
        ' "latest": null, "zone": null}}]}'
    )
    result = extract(reply, profile="statement", source=source)
    assert [p.path for p in result.problems] == ["$.records[0].said.earliest", "$.records[0].text"]
    assert result.problems[1].record_id == "s"
    # A paraphrase, or a text that is wrong already, is not checked again.
    paraphrase = reply.replace('"direct"', '"paraphrase"')
    assert [p.path for p in extract(paraphrase, profile="statement", source=source).problems] == [
        "$.records[0].said.earliest"
    ]
    empty = reply.replace("We\\'re close,", "")
    assert sorted(p.path for p in extract(empty, profile="statement", source=source).problems) == [
        "$.records[0].said.earliest",
        "$.records[0].text",
    ]
