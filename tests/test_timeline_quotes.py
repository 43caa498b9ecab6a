"""The timeline tells quotes from paraphrases: only a speaker's own words are in quotation marks."""

from __future__ import annotations

import peacetalks as pt
from conftest import run_peacetalks as run

MARKS = '“”"'


def _records(quotation: pt.Quotation, text: str) -> list[pt.Actor | pt.Statement]:
    speaker = pt.Actor(id="envoy", category=pt.ActorCategory.PERSON, name="The Envoy")
    said = pt.Statement(
        id="s",
        speaker="envoy",
        quotation=quotation,
        text=text,
        said=pt.ReportedTime.on("2025-03-21"),
    )
    return [speaker, said]


def _summary(quotation: pt.Quotation, text: str) -> str:
    (entry,) = pt.Dossier(_records(quotation, text)).timeline()
    return entry.summary


def test_a_direct_quote_is_in_quotation_marks() -> None:
    assert _summary(pt.Quotation.DIRECT, "We are close.") == "The Envoy: “We are close.”"


def test_a_paraphrase_is_never_in_quotation_marks() -> None:
    summary = _summary(pt.Quotation.PARAPHRASE, "The talks are close to a deal")
    assert summary == "The Envoy, paraphrased: The talks are close to a deal"
    assert not set(MARKS) & set(summary)


def test_a_partial_quote_keeps_only_its_own_marks() -> None:
    text = "the talks were “very close” to a deal"
    assert _summary(pt.Quotation.PARTIAL, text) == f"The Envoy, in part quoted: {text}"


def test_no_paraphrase_of_the_example_is_printed_in_quotation_marks() -> None:
    example = pt.load_example()
    kinds = {r.id: r.quotation for r in example.records if isinstance(r, pt.Statement)}
    assert pt.Quotation.PARAPHRASE in kinds.values()
    printed = run("timeline").stdout.splitlines()
    seen = set()
    for line in printed:
        for record_id, quotation in kinds.items():
            if f" statement {record_id}: " not in line:
                continue
            seen.add(record_id)
            summary = line.split(" — ", 1)[1]
            if quotation is pt.Quotation.PARAPHRASE:
                assert ", paraphrased: " in summary
                assert not set("“”") & set(summary), line
            elif quotation is pt.Quotation.DIRECT:
                assert "“" in summary
    assert seen == set(kinds)
