"""Evidence spans: offsets in code points, checked against the source text, with Unicode,
curly quotes and quotations over several paragraphs."""

from __future__ import annotations

import os
from pathlib import Path

import pytest
from hypothesis import given
from hypothesis import strategies as st

import peacetalks as pt
from peacetalks.evidence import check_evidence, locate
from peacetalks.testing import evidence

SEED = Path(__file__).resolve().parent.parent.parent / "shared" / "seed" / "article.txt"
ARTICLE = (
    "Zelenskyy said Kyiv is ready to be “concrete and very fast in the talks.”\n\n"
    "“I don’t see any reason to think that Russia is in a hurry,” said Kristine Berzina.\n\n"
    "“We have made more progress than anyone thought we would ever make.\n\n"
    "“The ultimate goal is a 30-day ceasefire,” Witkoff said.\n\n"
    "Зеленський 🕊️ said the 224 drones were shot down."
)


def statement(text: str, *found: pt.Evidence, quotation: str = "direct") -> pt.Statement:
    return pt.Statement(
        id="st-1",
        speaker="witkoff",
        quotation=pt.Quotation(quotation),
        text=text,
        evidence=found,
    )


def span(quote: str, source: str = ARTICLE, **more: object) -> pt.Evidence:
    start = source.index(quote)
    return pt.Evidence(quote=quote, start=start, end=start + len(quote), **more)  # type: ignore[arg-type]


def test_offsets_count_code_points_not_bytes_nor_utf16_units() -> None:
    quote = "Зеленський 🕊️ said"
    found = span(quote)
    assert ARTICLE[found.start : found.end] == quote  # type: ignore[misc]
    assert found.end - found.start == 18  # type: ignore[operator]
    assert len(quote.encode("utf-8")) != 18
    assert len(quote.encode("utf-16-le")) // 2 != 18
    assert check_evidence([statement("224 drones", found, quotation="paraphrase")], ARTICLE) == []


def test_offsets_that_do_not_span_the_quote_are_refused_without_the_source() -> None:
    with pytest.raises(pt.ValidationError) as caught:
        pt.Evidence(quote="Зеленський", start=0, end=20)  # UTF-8 bytes, not code points
    assert "$.end: expected start + the quote's length in code points (10)" in str(caught.value)
    with pytest.raises(pt.ValidationError, match=r"\$\.end: expected both 'start' and 'end'"):
        pt.Evidence(quote="x", start=3)
    with pytest.raises(pt.ValidationError, match=r"\$\.confidence: expected a number from 0"):
        pt.Evidence(quote="x", confidence=1.5)
    with pytest.raises(pt.ValidationError, match=r"\$\.field: expected a field path"):
        pt.Evidence(quote="x", field="Said")


def test_curly_quotes_and_a_quotation_over_two_paragraphs_match_verbatim() -> None:
    quote = (
        "We have made more progress than anyone thought we would ever make.\n\n"
        "“The ultimate goal is a 30-day ceasefire,"
    )
    record = statement(quote, span(quote, field="text"))
    assert check_evidence([record], ARTICLE) == []


def test_a_straightened_apostrophe_is_reported_where_it_departs() -> None:
    record = statement("I don't see any reason to think that Russia is in a hurry,")
    [problem] = check_evidence([record], ARTICLE)
    assert problem.path == "$.records[0].text"
    assert problem.expected == "a direct quotation found verbatim in the source"
    assert problem.got == (
        'text that departs from the source at code point 5: "\'" (U+0027)'
        " where the source has U+2019 '’'"
    )


def test_paraphrases_need_not_be_in_the_source() -> None:
    assert (
        check_evidence([statement("He says talks go well", quotation="paraphrase")], ARTICLE) == []
    )


def test_a_span_at_the_wrong_offsets_or_not_in_the_source_is_an_error() -> None:
    moved = pt.Evidence(quote="concrete and very fast", start=0, end=22)
    absent = pt.Evidence(quote="a full-on shooting ceasefire")
    elsewhere = pt.Evidence(quote="Witkoff", field="claims[3]")
    problems = check_evidence([statement("concrete", moved, absent, elsewhere)], ARTICLE)
    assert [(p.path, p.expected) for p in problems] == [
        ("$.records[0].evidence[0].quote", "the text at start-end in the source"),
        ("$.records[0].evidence[1].quote", "a span found verbatim in the source"),
        ("$.records[0].evidence[2].field", "the path of a field this record has"),
    ]
    assert problems[0].got == "string 'Zelenskyy said Kyiv is'"
    assert all(p.record_kind == "statement" and p.record_id == "st-1" for p in problems)


def test_a_field_path_may_name_nested_fields_and_items() -> None:
    claim = pt.Claim(subject="drones shot down", quantity=pt.Quantity(value=224, unit="drones"))
    record = pt.Statement(
        id="st-2",
        speaker="russia-defense",
        quotation=pt.Quotation.PARAPHRASE,
        text="shot down 224 drones",
        claims=(claim,),
        evidence=(span("224 drones", field="claims[0].quantity.value"),),
    )
    assert check_evidence([record], ARTICLE) == []


@pytest.mark.skipif(
    not SEED.exists() and os.environ.get("PEACETALKS_REQUIRE_SHARED_DATA") != "1",
    reason="needs the seed article: put the project's shared folder beside the checkout"
    " (../shared/seed/article.txt); PEACETALKS_REQUIRE_SHARED_DATA=1 fails instead",
)
def test_every_direct_quotation_of_the_example_is_verbatim_in_the_seed_article() -> None:
    source = SEED.read_text(encoding="utf-8")
    assert check_evidence(pt.load_example().records, source) == []


@given(st.text(min_size=1).filter(str.strip), st.text(), st.text())
def test_a_span_located_in_any_text_checks(quote: str, before: str, after: str) -> None:
    source = before + quote + after
    start = locate(quote, source)
    assert start is not None
    found = pt.Evidence(quote=quote, start=start, end=start + len(quote))
    assert check_evidence([statement("x", found, quotation="paraphrase")], source) == []


@given(evidence())
def test_evidence_round_trips_through_json(found: pt.Evidence) -> None:
    assert pt.from_json(pt.to_json(found), pt.Evidence) == found
