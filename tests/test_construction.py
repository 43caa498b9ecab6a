"""Objects built in Python keep the promise JSON input keeps: a value of the wrong type is
refused when the object is built, with a ValidationError naming the field, in the words
the JSON readers use, and never written as something that would not read back.
"""

from __future__ import annotations

import enum
import json
import types
import typing
from pathlib import Path
from typing import Any

import attrs
import pytest
from hypothesis import given
from hypothesis import strategies as st

import peacetalks as pt
from conftest import ROOT
from conftest import run_peacetalks as run
from peacetalks import testing
from peacetalks._base import Checked

GOLDEN = ROOT / "tests" / "golden" / f"v{pt.SCHEMA_VERSION}" / "every-field.json"


def _instances(root: object, found: dict[type, list[Any]]) -> dict[type, list[Any]]:
    """Every peacetalks object under ``root``, by class."""
    if isinstance(root, tuple):
        for item in root:
            _instances(item, found)
    elif attrs.has(type(root)):
        found.setdefault(type(root), []).append(root)
        for field in attrs.fields(type(root)):
            _instances(getattr(root, field.name), found)
    return found


# Valid objects of every class (the golden fixture has every field of every class).
INSTANCES = _instances(pt.load_example(), _instances(pt.read_document(GOLDEN, integrity=False), {}))
CLASSES = sorted(INSTANCES, key=lambda cls: cls.__name__)
# The public strategies of the value types (records and documents come from the
# fixtures alone: drawing them is slow, and the fixtures hold about a hundred).
STRATEGIES: dict[type, st.SearchStrategy[Any]] = {
    pt.Citation: testing.citations(),
    pt.Duration: testing.durations(),
    pt.Identifier: testing.identifiers(),
    pt.Place: testing.places(),
    pt.ReportedTime: testing.reported_times(),
    pt.TimePoint: testing.time_points(),
}
# The first member of every public enum.
ENUM_MEMBERS = [
    next(iter(value))
    for value in vars(pt).values()
    if isinstance(value, type) and issubclass(value, enum.Enum)
]


def test_every_class_is_covered() -> None:
    """Every record and value type of the public API is built here."""
    public = {
        value
        for value in vars(pt).values()
        if isinstance(value, type) and attrs.has(value) and issubclass(value, Checked)
    }
    assert public <= set(CLASSES)
    assert len(CLASSES) >= 28


def hints(cls: type) -> dict[str, Any]:
    return typing.get_type_hints(cls)


def init_fields(cls: type) -> list[str]:
    return [field.name for field in attrs.fields(cls) if field.init]


def admitted_types(tp: Any) -> set[type]:
    """The exact Python types an annotation names (unions flattened; a float may be an
    int, as a JSON number may)."""
    if typing.get_origin(tp) in (typing.Union, types.UnionType):
        return set().union(*(admitted_types(arg) for arg in typing.get_args(tp)))
    if tp is float:
        return {int, float}
    origin = typing.get_origin(tp)
    return {origin if origin is not None else tp}


def tuple_item(tp: Any) -> Any | None:
    """``X`` for ``tuple[X, ...]``, else ``None``."""
    if typing.get_origin(tp) is tuple:
        return typing.get_args(tp)[0]
    return None


# Values of many kinds: for each field, those whose type the annotation does not name.
ODD_OBJECTS = [
    pt.Place(name="Istanbul"),
    pt.Identifier(scheme="wikidata", value="Q1"),
    pt.TimePoint.parse("2022-05-16"),
    pt.ReportedTime.on("2022-05-16"),
    pt.Duration(amount=30, unit=pt.TimeUnit.DAY),
    pt.Actor(id="russia", category=pt.ActorCategory.STATE, name="Russia"),
    pt.JSONObject({"a": 1}),
    *ENUM_MEMBERS,
]
ANY_VALUE = st.one_of(
    st.none(),
    st.booleans(),
    st.integers(),
    st.floats(),
    st.text(max_size=4),
    st.sampled_from(["2022-05-16", "Reuters", "russia", "Istanbul"]),
    st.binary(max_size=2),
    st.lists(st.text(max_size=2), max_size=2),
    st.dictionaries(st.text(max_size=2), st.integers(), max_size=2),
    st.frozensets(st.integers(), max_size=2),
    st.sampled_from(ODD_OBJECTS),
    st.builds(object),
)


def wrong_for(tp: Any) -> st.SearchStrategy[Any]:
    """Values whose type ``tp`` does not name."""
    allowed = admitted_types(tp)
    return ANY_VALUE.filter(lambda value: type(value) not in allowed)


@st.composite
def wrong_field(draw: st.DrawFn, cls: type) -> tuple[Any, str, Any, tuple[str | int, ...]]:
    """A valid object, a field, a value of the wrong type for it, and where the problem is."""
    choices = st.sampled_from(INSTANCES[cls])
    base = draw(choices | STRATEGIES[cls] if cls in STRATEGIES else choices)
    name = draw(st.sampled_from(init_fields(cls)))
    tp = hints(cls)[name]
    item = tuple_item(tp)
    if item is None or draw(st.booleans()):
        return base, name, draw(wrong_for(tp)), (name,)
    # A tuple with one item of the wrong type among valid ones.
    items = list(getattr(base, name))
    index = draw(st.integers(0, len(items)))
    items.insert(index, draw(wrong_for(item)))
    return base, name, tuple(items), (name, index)


@pytest.mark.parametrize("cls", CLASSES, ids=lambda cls: cls.__name__)
def test_a_value_of_the_wrong_type_is_refused_with_its_path(cls: type) -> None:
    @given(wrong_field(cls))
    def check(case: tuple[Any, str, Any, tuple[str | int, ...]]) -> None:
        base, name, value, location = case
        with pytest.raises(pt.ValidationError) as raised:
            attrs.evolve(base, **{name: value})
        problems = raised.value.problems
        assert location in [problem.location for problem in problems], str(raised.value)
        problem = next(problem for problem in problems if problem.location == location)
        assert problem.expected
        assert problem.got
        assert problem.record_kind == cls.record_type  # type: ignore[attr-defined]

    check()


@pytest.mark.parametrize(
    ("cls", "name"),
    [(cls, name) for cls in CLASSES for name in init_fields(cls)],
    ids=lambda value: value if isinstance(value, str) else value.__name__,
)
def test_every_field_refuses_an_object_of_no_type_it_names(cls: type, name: str) -> None:
    base = INSTANCES[cls][0]
    with pytest.raises(pt.ValidationError) as raised:
        attrs.evolve(base, **{name: object()})
    assert [problem.location for problem in raised.value.problems][:1] == [(name,)]


# The cases of the issue, word for word as the JSON readers say them -------------------


def statement(**fields: Any) -> pt.Statement:
    return pt.Statement(
        id="st-1", speaker="peskov", quotation=pt.Quotation.DIRECT, text="No.", **fields
    )


def as_json(obj: object, **fields: Any) -> dict[str, Any]:
    data: dict[str, Any] = pt.to_dict(obj)
    data.update(fields)
    return data


def same_error(build: Any, data: dict[str, Any], cls: type) -> str:
    """The error of building in Python, checked to be the one reading ``data`` gives."""
    with pytest.raises(pt.ValidationError) as built:
        build()
    with pytest.raises(pt.ValidationError) as read:
        pt.from_dict(data, cls)
    assert str(built.value) == str(read.value).replace("invalid document", "invalid Document")
    return str(built.value)


def test_a_string_for_a_reported_time() -> None:
    text = same_error(
        lambda: statement(said="2022-05-16"),
        as_json(statement(), said="2022-05-16"),
        pt.Statement,
    )
    assert text == (
        "invalid statement 'st-1': statement 'st-1' at $.said: "
        "expected an object (ReportedTime) or null, got string '2022-05-16'"
    )


def test_a_string_for_a_scope_and_for_parties() -> None:
    text = same_error(
        lambda: pt.Truce(id="t", scope="energy", parties=("russia", "ukraine")),  # type: ignore[arg-type]
        {"type": "truce", "id": "t", "scope": "energy", "parties": ["russia", "ukraine"]},
        pt.Truce,
    )
    assert text.splitlines()[1:] == [
        "  - truce 't' at $.parties[0]: expected an object (TruceParty), got string 'russia'",
        "  - truce 't' at $.parties[1]: expected an object (TruceParty), got string 'ukraine'",
        "  - truce 't' at $.scope: expected an object (Scope) or null, got string 'energy'",
    ]


def test_true_for_anonymity_a_string_for_a_place_and_for_a_source() -> None:
    actor = pt.Actor(id="a", category=pt.ActorCategory.PERSON, description="an official")
    same_error(
        lambda: attrs.evolve(actor, anonymity=True), as_json(actor, anonymity=True), pt.Actor
    )
    venue = pt.Venue(id="istanbul-2022")
    text = same_error(
        lambda: attrs.evolve(venue, place="Istanbul"), as_json(venue, place="Istanbul"), pt.Venue
    )
    assert text.endswith("$.place: expected an object (Place) or null, got string 'Istanbul'")
    text = same_error(
        lambda: pt.Document(sources=("Reuters",)),  # type: ignore[arg-type]
        {"schema_version": 1, "sources": ["Reuters"]},
        pt.Document,
    )
    assert (
        text
        == "invalid Document: $.sources[0]: expected an object (Citation), got string 'Reuters'"
    )


def test_a_string_for_a_bool() -> None:
    same_error(
        lambda: pt.Truce(id="t", written="yes"),  # type: ignore[arg-type]
        {"type": "truce", "id": "t", "written": "yes"},
        pt.Truce,
    )


def test_numbers_are_finite_and_bools_are_not_numbers() -> None:
    for value in (float("nan"), float("inf"), True, "3"):
        with pytest.raises(pt.ValidationError, match=r"\$\.value: expected a finite number"):
            pt.Quantity(value=value, unit="drones")  # type: ignore[arg-type]
    with pytest.raises(pt.ValidationError, match=r"\$\.approximate: expected true or false"):
        pt.Duration(amount=3, unit=pt.TimeUnit.DAY, approximate=1)  # type: ignore[arg-type]


def test_a_string_for_a_time_point_says_what_to_give() -> None:
    with pytest.raises(pt.ValidationError) as raised:
        pt.ReportedTime(earliest="2022-05-16")  # type: ignore[arg-type]
    assert str(raised.value) == (
        "invalid ReportedTime: $.earliest: expected a TimePoint"
        " (on the wire a date or time string) or null, got string '2022-05-16'"
    )


def test_a_required_field_is_not_none() -> None:
    with pytest.raises(pt.ValidationError, match=r"\$\.speaker: expected an id.*got null"):
        pt.Statement(id="st-1", speaker=None, quotation=pt.Quotation.DIRECT, text="No.")  # type: ignore[arg-type]
    with pytest.raises(pt.ValidationError, match=r"\$\.year: expected an integer, got null"):
        pt.TimePoint(year=None)  # type: ignore[arg-type]


def test_cross_field_checks_do_not_trip_over_a_wrong_type() -> None:
    """Each wrong field is reported once, for its type; nothing else escapes."""
    with pytest.raises(pt.ValidationError) as raised:
        pt.Quantity(value="3", unit="drones", qualifier=pt.Qualifier.BETWEEN, upper=2)  # type: ignore[arg-type]
    assert [problem.path for problem in raised.value.problems] == ["$.value"]
    with pytest.raises(pt.ValidationError) as raised:
        pt.TimePoint(year="2022")  # type: ignore[arg-type]
    assert [str(problem) for problem in raised.value.problems] == [
        "$.year: expected an integer, got string '2022'"
    ]


# Lists and round trips ------------------------------------------------------------------


TUPLE_FIELDS = [
    (cls, name) for cls in CLASSES for name, tp in hints(cls).items() if tuple_item(tp) is not None
]


@pytest.mark.parametrize(
    ("cls", "name"), TUPLE_FIELDS, ids=lambda v: v if isinstance(v, str) else v.__name__
)
def test_a_list_for_a_tuple_field_is_refused(cls: type, name: str) -> None:
    base = max(INSTANCES[cls], key=lambda obj: len(getattr(obj, name)))
    with pytest.raises(pt.ValidationError) as raised:
        attrs.evolve(base, **{name: list(getattr(base, name))})
    assert f"$.{name}: expected a tuple, got a list" in str(raised.value)


@given(testing.documents(max_records=2))
def test_every_document_that_is_built_reads_back_equal(document: pt.Document) -> None:
    rebuilt = pt.Document(records=document.records, title=document.title, sources=document.sources)
    assert pt.from_json(pt.to_json(rebuilt), pt.Document) == rebuilt == document


def test_a_written_and_read_document_is_equal_to_the_one_built(tmp_path: Path) -> None:
    target = tmp_path / "talks.json"
    document = pt.Document(records=pt.load_example().records[:5], title="Five")
    pt.write_document(document, target)
    assert pt.read_document(target) == document


# Documents check their records ---------------------------------------------------------


def test_a_document_refuses_what_is_not_a_record() -> None:
    actor = pt.Actor(id="russia", category=pt.ActorCategory.STATE, name="Russia")
    with pytest.raises(pt.ValidationError) as raised:
        pt.Document(records=(actor, "ukraine", pt.Place(name="Kyiv"), None))  # type: ignore[arg-type]
    assert [str(problem) for problem in raised.value.problems] == [
        "$.records[1]: expected an object (a record), got string 'ukraine'",
        "$.records[2]: expected an object (a record), got a Python Place",
        "$.records[3]: expected an object (a record), got null",
    ]
    with pytest.raises(pt.ValidationError, match=r"\$\.records: expected a tuple, got a list"):
        pt.Document(records=[actor])  # type: ignore[arg-type]
    assert pt.Document(records=(actor,)).records == (actor,)


def test_kept_unknown_keys_hold_only_json() -> None:
    with pytest.raises(pt.ValidationError) as raised:
        pt.Place(
            name="Kyiv",
            extra_fields=pt.JSONObject({"a": [1], "b": pt.JSONObject({"c": float("nan")})}),
        )
    assert [problem.path for problem in raised.value.problems] == [
        "$.extra_fields.a",
        "$.extra_fields.b.c",
    ]
    kept = pt.JSONObject({"a": (1, "x", None, True), "b": pt.JSONObject({"c": 1.5})})
    assert pt.Place(name="Kyiv", extra_fields=kept).extra_fields == kept


def test_a_subclass_field_of_any_type_is_held_to_its_annotation() -> None:
    @attrs.frozen(kw_only=True, weakref_slot=False)
    class NotedPlace(pt.Place):
        notes: list[str] = attrs.field(factory=list, eq=False)
        anything: Any = None

    assert NotedPlace(name="Kyiv", anything=object()).notes == []
    with pytest.raises(pt.ValidationError, match=r"\$\.notes: expected a value"):
        NotedPlace(name="Kyiv", notes=("a",))  # type: ignore[arg-type]


# Did you mean ----------------------------------------------------------------------------


def test_an_unknown_key_close_to_a_known_one_gets_a_suggestion() -> None:
    data = {"type": "statement", "id": "s", "spekaer": "a", "quotation": "direct", "text": "x"}
    with pytest.raises(pt.ValidationError) as raised:
        pt.from_dict(data, pt.Statement)
    (unknown,) = [p for p in raised.value.problems if p.path == "$.spekaer"]
    assert unknown.got == "an unknown key (did you mean 'speaker'?)"
    data = {"tpye": "venue", "type": "venue", "id": "v", "vibe": "calm"}
    with pytest.raises(pt.ValidationError) as raised:
        pt.from_dict(data, pt.Venue)
    got = {problem.path: problem.got for problem in raised.value.problems}
    assert got == {"$.tpye": "an unknown key (did you mean 'type'?)", "$.vibe": "an unknown key"}


def test_the_command_suggests_the_key_too(tmp_path: Path) -> None:
    document = json.loads(pt.example_json())
    document["records"][0]["nmae"] = document["records"][0].pop("name")
    (tmp_path / "talks.json").write_text(json.dumps(document), encoding="utf-8")
    result = run("validate", str(tmp_path / "talks.json"))
    assert result.returncode == 1
    assert "$.records[0].nmae" in result.stdout + result.stderr
    assert "did you mean 'name'?" in result.stdout + result.stderr
