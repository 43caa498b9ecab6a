"""The classes themselves: immutability, value semantics and invariants checked in Python."""

from __future__ import annotations

from datetime import UTC, date, datetime, timedelta, timezone

import attrs
import pytest

import peacetalks as pt
from peacetalks.times import ends_before_start

TRUMP = pt.Actor(id="trump", category=pt.ActorCategory.PERSON, name="Donald Trump")


def problems_of(build: object) -> list[tuple[str, str]]:
    assert callable(build)
    with pytest.raises(pt.ValidationError) as raised:
        build()
    return [(p.path, p.message) for p in raised.value.problems]


def test_records_are_frozen_slotted_and_compared_by_value() -> None:
    with pytest.raises(attrs.exceptions.FrozenInstanceError):
        TRUMP.name = "someone else"  # type: ignore[misc]
    assert not hasattr(TRUMP, "__dict__")
    twin = pt.Actor(id="trump", category=pt.ActorCategory.PERSON, name="Donald Trump")
    assert twin == TRUMP
    assert hash(twin) == hash(TRUMP)
    assert len({twin, TRUMP}) == 1
    assert attrs.evolve(TRUMP, name="Donald J. Trump") != TRUMP


def test_evolve_rechecks_invariants() -> None:
    with pytest.raises(pt.ValidationError):
        attrs.evolve(TRUMP, id="")


def test_construction_reports_every_broken_invariant_at_once() -> None:
    found = problems_of(
        lambda: pt.Actor(
            id="bad id", category=pt.ActorCategory.PERSON, country="XX", members=("a",)
        )
    )
    assert [path for path, _ in found] == ["$.id", "$.country", "$.name", "$.members"]


def test_an_unnamed_source_has_a_description_and_no_name() -> None:
    anonymous = pt.Anonymity(how_many=pt.SourceCount.ONE)
    source = pt.Actor(
        id="s",
        category=pt.ActorCategory.PERSON,
        description="a person familiar with it",
        anonymity=anonymous,
    )
    assert source.name is None
    found = problems_of(
        lambda: pt.Actor(id="s", category=pt.ActorCategory.PERSON, name="Jane", anonymity=anonymous)
    )
    assert found == [("$.name", "expected no name for an actor with anonymity, got 'Jane'")]
    found = problems_of(lambda: pt.Actor(id="s", category=pt.ActorCategory.GROUP))
    assert found == [
        ("$.name", "expected a name, or a description for an unnamed actor, got nothing")
    ]


def test_errors_from_python_construction_name_the_record() -> None:
    with pytest.raises(pt.ValidationError) as raised:
        pt.Statement(id="st-1", speaker="", quotation=pt.Quotation.DIRECT, text="")
    assert str(raised.value).splitlines()[0] == "invalid statement 'st-1': 2 problems"
    assert {(p.record_kind, p.record_id) for p in raised.value.problems} == {("statement", "st-1")}


@pytest.mark.parametrize(
    ("text", "precision"),
    [
        ("2022", pt.Precision.YEAR),
        ("2022-03", pt.Precision.MONTH),
        ("2025-03-18", pt.Precision.DAY),
        ("2025-03-23T06+02:00", pt.Precision.HOUR),
        ("2025-03-23T06:30Z", pt.Precision.MINUTE),
        ("2025-03-23T06:30:15-04:00", pt.Precision.SECOND),
        ("2025-03-23T06:30:15.250000+05:30", pt.Precision.SECOND),
    ],
)
def test_time_points_keep_their_precision(text: str, precision: pt.Precision) -> None:
    point = pt.TimePoint.parse(text)
    assert point.precision is precision
    assert str(point) == text


@pytest.mark.parametrize(
    "text",
    [
        "25",
        "2025-3",
        "2025-03-18T06",
        "2025-03-18T06:00",
        "20250318",
        "2025-W12",
        "2025-03-18 06:00Z",
        "2025-13",
        "2025-02-29",
        "0000",
        "2025-03-18T24:00Z",
        "2025-03-18T06:00+15:00",
        "2025\n",
    ],
)
def test_time_points_reject_anything_but_well_formed_iso_prefixes(text: str) -> None:
    with pytest.raises(pt.ValidationError):
        pt.TimePoint.parse(text)


def test_time_point_parts_must_be_known_from_the_top() -> None:
    found = problems_of(lambda: pt.TimePoint(year=2025, day=18))
    assert found == [("$.day", "expected no day without a month, got 18")]
    found = problems_of(lambda: pt.TimePoint(year=2025, month=3, day=18, hour=6))
    assert found == [
        ("$.utc_offset_minutes", "expected a UTC offset with a time of day, got nothing")
    ]


def test_time_point_bounds_respect_precision_and_zone() -> None:
    kyiv = pt.TimePoint.parse("2025-03-18").bounds("Europe/Kyiv")
    assert [moment.isoformat() for moment in kyiv] == [
        "2025-03-18T00:00:00+02:00",
        "2025-03-19T00:00:00+02:00",
    ]
    anywhere = pt.TimePoint.parse("2025-03-18").bounds()
    assert anywhere[0] == datetime(2025, 3, 17, 10, tzinfo=UTC)
    assert anywhere[1] == datetime(2025, 3, 19, 12, tzinfo=UTC)
    month = pt.TimePoint.parse("2024-02").bounds("UTC")
    assert month[1] - month[0] == timedelta(days=29)
    hour = pt.TimePoint.parse("2025-03-23T06+02:00").bounds()
    assert hour[1] - hour[0] == timedelta(hours=1)
    assert pt.TimePoint.parse("9999").bounds("UTC")[1].year == 9999


def test_time_points_from_python_dates_and_aware_datetimes() -> None:
    assert str(pt.TimePoint.from_date(date(2025, 3, 18))) == "2025-03-18"
    moment = datetime(2025, 3, 23, 6, 30, tzinfo=timezone(timedelta(hours=2)))
    assert str(pt.TimePoint.from_datetime(moment, pt.Precision.MINUTE)) == "2025-03-23T06:30+02:00"
    assert str(pt.TimePoint.from_datetime(moment, pt.Precision.MONTH)) == "2025-03"
    with pytest.raises(pt.ValidationError, match="timezone-aware"):
        pt.TimePoint.from_datetime(datetime(2025, 3, 23, 6, 30))


def test_precision_aware_ordering_never_calls_overlapping_dates_conflicting() -> None:
    march, day = pt.TimePoint.parse("2025-03"), pt.TimePoint.parse("2025-03-18")
    assert not ends_before_start(day, march)
    assert not ends_before_start(march, day)
    assert ends_before_start(pt.TimePoint.parse("2025-04"), march)
    assert not ends_before_start(None, march)


def test_reported_time_rules() -> None:
    by = pt.ReportedTime(
        words="by April 20", latest=pt.TimePoint.parse("2025-04-20"), relation=pt.TimeRelation.BY
    )
    assert by.bounds()[0] is None
    found = problems_of(pt.ReportedTime)
    assert found == [("$.words", "expected the source's words or at least one date, got nothing")]
    found = problems_of(
        lambda: pt.ReportedTime(earliest=pt.TimePoint.parse("2025"), relation=pt.TimeRelation.BY)
    )
    assert found == [("$.earliest", "expected no earliest point with relation 'by', got 2025")]
    unresolved = pt.ReportedTime(words="since the start of the war", relation=pt.TimeRelation.SINCE)
    assert unresolved.precision is None
    assert not unresolved.resolved


def test_reported_time_comparisons_answer_yes_no_or_maybe() -> None:
    march = pt.ReportedTime.on("2025-03", zone="Europe/Kyiv")
    tuesday = pt.ReportedTime.on("2025-03-18", zone="Europe/Kyiv")
    assert march.contains(date(2025, 3, 18)) is pt.Answer.YES
    assert tuesday.contains(pt.TimePoint.parse("2025-03")) is pt.Answer.MAYBE
    assert tuesday.contains(date(2025, 4, 1)) is pt.Answer.NO
    assert march.is_before(tuesday) is pt.Answer.MAYBE
    assert tuesday.is_before(pt.ReportedTime.on("2025-03-19", zone="Europe/Kyiv")) is pt.Answer.YES
    assert tuesday.is_after(pt.ReportedTime.on("2025-03-19", zone="Europe/Kyiv")) is pt.Answer.NO
    assert tuesday.overlaps(march) is pt.Answer.YES


def test_durations() -> None:
    assert pt.Duration(kind=pt.DurationKind.INDEFINITE, words="indefinite").amount is None
    found = problems_of(lambda: pt.Duration(amount=30))
    assert found == [("$.unit", "expected a unit for a fixed duration, got nothing")]
    found = problems_of(
        lambda: pt.Duration(kind=pt.DurationKind.PERMANENT, amount=1, unit=pt.TimeUnit.DAY)
    )
    assert [path for path, _ in found] == ["$.amount", "$.unit"]


def test_quantities_and_identifiers() -> None:
    assert (
        pt.Quantity(value=200, upper=300, unit="drones", qualifier=pt.Qualifier.BETWEEN).upper
        == 300
    )
    found = problems_of(lambda: pt.Quantity(value=float("nan"), unit="drones"))
    assert found == [("$.value", "expected a finite number, got number nan")]
    found = problems_of(lambda: pt.Identifier(scheme="Wiki data", value="Q1"))
    assert found[0][0] == "$.scheme"
    assert pt.Identifier(scheme="my-dataset", value="row 12").value == "row 12"


def test_venue_and_proposal_rules() -> None:
    riyadh = pt.Place(name="Riyadh", kind=pt.PlaceKind.CITY, country="SA")
    found = problems_of(lambda: pt.Venue(id="call", formats=(pt.Format.PHONE_CALL,), place=riyadh))
    assert found == [
        ("$.place", "expected no place for talks held only by phone or video, got Riyadh")
    ]
    found = problems_of(
        lambda: pt.Delegation(sent_by="ukraine", members=("a", "b"), size=1, head="c")
    )
    assert [path for path, _ in found] == ["$.size", "$.head"]
    agreement = pt.Agreement(signatories=("russia", "ukraine"))
    found = problems_of(lambda: pt.Proposal(id="p", title="Deal", agreement=agreement))
    assert found == [
        (
            "$.status",
            "expected agreed, collapsed or superseded for a proposal with an agreement, got 'proposed'",
        )
    ]


def test_document_helpers() -> None:
    statement = pt.Statement(
        id="s", speaker="trump", quotation=pt.Quotation.PARAPHRASE, text="said so"
    )
    doc = pt.Document(records=(TRUMP, statement))
    assert doc.of_type(pt.Statement) == (statement,)
    assert doc.get("trump") is TRUMP
    assert doc.get("nobody") is None


def test_extra_fields_cannot_shadow_schema_keys() -> None:
    found = problems_of(
        lambda: pt.Actor(
            id="a",
            category=pt.ActorCategory.STATE,
            name="A",
            extra_fields=pt.JSONObject({"name": "B"}),
        )
    )
    assert found == [("$.extra_fields", "expected only keys the schema does not define, got name")]


def test_a_field_typed_as_an_enum_takes_members_only() -> None:
    found = problems_of(
        lambda: pt.Statement(
            id="s1",
            speaker="zelensky",
            quotation="direct",  # type: ignore[arg-type]
            text="We are ready.",
            stance="agrees",  # type: ignore[arg-type]
        )
    )
    assert [path for path, _ in found] == ["$.quotation", "$.stance"]
    assert "a member of Quotation (on the wire one of 'direct', 'partial'" in found[0][1]


def test_optional_and_repeated_enum_fields() -> None:
    place = pt.Place(name="Kyiv", kind=None)
    assert place.kind is None
    found = problems_of(
        lambda: pt.Scope(extent=pt.Extent.PARTIAL, activities=(pt.Activity.STRIKES, "shelling"))  # type: ignore[arg-type]
    )
    assert [path for path, _ in found] == ["$.activities[1]"]
    found = problems_of(lambda: pt.Actor(id="a", category=None, name="A"))  # type: ignore[arg-type]
    assert [path for path, _ in found] == ["$.category"]
