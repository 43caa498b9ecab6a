"""Is a truce in force? Each rule of peacetalks.inforce on a small truce."""

from __future__ import annotations

from datetime import UTC, date, datetime

import pytest

import peacetalks as pt

M, N, Y = pt.Answer.MAYBE, pt.Answer.NO, pt.Answer.YES
NY = "America/New_York"
DAYS_30 = pt.Duration(amount=30, unit=pt.TimeUnit.DAY)
FOREVER = pt.Duration(kind=pt.DurationKind.INDEFINITE)


def day(text: str, zone: str | None = NY) -> pt.ReportedTime:
    return pt.ReportedTime.on(text, zone=zone)


def event(kind: pt.TruceEventKind, when: str | None = None) -> pt.TruceEvent:
    return pt.TruceEvent(kind=kind, when=None if when is None else day(when))


def truce(**fields: object) -> pt.Truce:
    return pt.Truce(id="t", **fields)  # type: ignore[arg-type]


THIRTY_DAYS = truce(effective=day("2025-03-18"), duration=DAYS_30)


@pytest.mark.parametrize(
    ("on", "answer"),
    [
        ("2025-03-17", N),  # before it took effect
        ("2025-03-18", M),  # the day it took effect: the hour is not known
        ("2025-03-25", Y),
        ("2025-04-16", Y),
        ("2025-04-17", M),  # the day the 30 days run out
        ("2025-04-18", N),
    ],
)
def test_a_start_and_a_fixed_duration_give_an_end(on: str, answer: pt.Answer) -> None:
    assert pt.in_force(THIRTY_DAYS, day(on)) is answer


def test_month_precision_is_honoured() -> None:
    vague = truce(effective=day("2025-03"), duration=FOREVER)
    assert pt.in_force(vague, day("2025-03-15")) is M
    assert pt.in_force(vague, day("2025-04-05")) is Y
    assert pt.in_force(vague, day("2025-02-27")) is N
    assert pt.in_force(THIRTY_DAYS, day("2025-03")) is M  # a month it only partly covers


def test_durations_in_months_and_hours() -> None:
    months = truce(
        effective=day("2025-01-31"), duration=pt.Duration(amount=1, unit=pt.TimeUnit.MONTH)
    )
    assert pt.in_force(months, day("2025-02-27")) is Y
    assert pt.in_force(months, day("2025-03-01")) is N  # 31 January + 1 month = 28 February
    hours = truce(
        effective=pt.ReportedTime.on("2025-03-18T10:00-04:00", zone=NY),
        duration=pt.Duration(amount=72, unit=pt.TimeUnit.HOUR),
    )
    assert pt.in_force(hours, datetime(2025, 3, 21, 13, 59, tzinfo=UTC)) is Y
    assert pt.in_force(hours, datetime(2025, 3, 21, 14, 0, 30, tzinfo=UTC)) is M  # that minute
    assert pt.in_force(hours, datetime(2025, 3, 21, 14, 1, tzinfo=UTC)) is N


def test_an_explicit_end_or_an_ending_event_ends_it() -> None:
    ended = truce(effective=day("2025-03-18"), ends=day("2025-03-20"))
    assert pt.in_force(ended, day("2025-03-19")) is Y
    assert pt.in_force(ended, day("2025-03-20")) is M
    assert pt.in_force(ended, day("2025-03-21")) is N
    collapsed = truce(
        effective=day("2025-03-18"),
        duration=FOREVER,
        events=(event(pt.TruceEventKind.COLLAPSED, "2025-03-22"),),
    )
    assert pt.in_force(collapsed, day("2025-03-21")) is Y
    assert pt.in_force(collapsed, day("2025-03-23")) is N
    undated = truce(
        effective=day("2025-03-18"), duration=FOREVER, events=(event(pt.TruceEventKind.EXPIRED),)
    )
    assert pt.in_force(undated, day("2025-03-21")) is M  # it ended, but when?


def test_an_extension_makes_the_computed_end_unknown() -> None:
    extended = truce(
        effective=day("2025-03-18"),
        duration=DAYS_30,
        events=(event(pt.TruceEventKind.EXTENDED, "2025-04-10"),),
    )
    assert pt.in_force(extended, day("2025-04-20")) is M
    assert pt.in_force(THIRTY_DAYS, day("2025-04-20")) is N


def test_without_a_known_end_it_is_at_most_maybe() -> None:
    no_duration = truce(effective=day("2025-03-18"))
    assert pt.in_force(no_duration, day("2030-01-01")) is M
    assert pt.in_force(truce(effective=day("2025-03-18"), duration=FOREVER), day("2030-01-01")) is Y


def test_without_a_start_it_is_maybe_after_it_was_declared() -> None:
    declared = truce(declared=day("2025-03-18"), duration=DAYS_30)
    assert pt.in_force(declared, day("2025-03-17")) is N
    assert pt.in_force(declared, day("2025-06-01")) is M
    consented = truce(parties=(pt.TruceParty(actor="a", consented=day("2025-03-18")),))
    assert pt.in_force(consented, day("2025-03-17")) is N
    assert pt.in_force(consented, day("2025-03-19")) is M


def test_a_took_effect_event_gives_the_start() -> None:
    took = truce(duration=FOREVER, events=(event(pt.TruceEventKind.TOOK_EFFECT, "2025-03-18"),))
    assert pt.in_force(took, day("2025-03-19")) is Y
    assert pt.in_force(took, day("2025-03-17")) is N


def test_a_suspension_pauses_it_until_it_resumes() -> None:
    paused = truce(
        effective=day("2025-03-01"),
        duration=FOREVER,
        events=(
            event(pt.TruceEventKind.SUSPENDED, "2025-03-10"),
            event(pt.TruceEventKind.RESUMED, "2025-03-20"),
        ),
    )
    assert pt.in_force(paused, day("2025-03-05")) is Y
    assert pt.in_force(paused, day("2025-03-10")) is M
    assert pt.in_force(paused, day("2025-03-15")) is N
    assert pt.in_force(paused, day("2025-03-25")) is Y
    for_good = truce(
        effective=day("2025-03-01"),
        duration=FOREVER,
        events=(event(pt.TruceEventKind.SUSPENDED, "2025-03-10"),),
    )
    assert pt.in_force(for_good, day("2025-06-01")) is N
    resumed_sometime = truce(
        effective=day("2025-03-01"),
        duration=FOREVER,
        events=(event(pt.TruceEventKind.SUSPENDED, "2025-03-10"), event(pt.TruceEventKind.RESUMED)),
    )
    assert pt.in_force(resumed_sometime, day("2025-06-01")) is M


def test_a_truce_only_proposed_is_not_in_force_and_one_with_no_facts_may_be() -> None:
    proposed = truce(duration=DAYS_30, events=(event(pt.TruceEventKind.PROPOSED, "2025-03-21"),))
    assert pt.in_force(proposed, day("2025-03-25")) is N
    assert pt.in_force(truce(), day("2025-03-25")) is M


def test_the_question_may_be_asked_in_several_forms() -> None:
    assert pt.in_force(THIRTY_DAYS, date(2025, 3, 25)) is Y
    assert pt.in_force(THIRTY_DAYS, pt.TimePoint.parse("2025-03-25T12:00Z")) is Y
    assert pt.in_force(THIRTY_DAYS, "2025-03-25") is Y
    with pytest.raises(pt.ValidationError):
        pt.in_force(THIRTY_DAYS, datetime(2025, 3, 25))
