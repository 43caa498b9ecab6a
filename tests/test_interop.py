"""Importers and exporters, on small fixtures written for each real format (tests/fixtures/interop)."""

from __future__ import annotations

import json
from pathlib import Path

import pytest

import peacetalks as pt
from conftest import run_peacetalks as run
from peacetalks.interop import (
    RowOutcome,
    read_ethprio,
    read_pax,
    read_plover,
    read_popolo,
    to_plover,
    to_popolo,
)

FIXTURES = Path(__file__).parent / "fixtures" / "interop"


def outcomes(result: object) -> dict[int, tuple[RowOutcome, tuple[str, ...]]]:
    return {row.line: (row.outcome, row.problems) for row in result.rows}  # type: ignore[attr-defined]


def round_trips(document: pt.Document) -> bool:
    return pt.from_json(pt.to_json(document), pt.Document) == document


# ETH/PRIO


@pytest.fixture(scope="module")
def ethprio() -> object:
    return read_ethprio(FIXTURES / "ethprio.csv")


def test_ethprio_reports_every_row_with_its_line(ethprio: object) -> None:
    rows = outcomes(ethprio)
    # Line 2's cf_pp runs over two lines, so the second row starts on line 4.
    assert sorted(rows) == [2, 4, 5, 6, 7, 8]
    assert rows[5][0] is RowOutcome.MERGED
    assert rows[5][1] == ("duplicate of an earlier row apart from its id: line 4",)
    assert rows[7] == (RowOutcome.REJECTED, ("no actor name: actor_name is empty or -1",))


def test_ethprio_groups_rows_into_one_truce_per_ceasefire(ethprio: object) -> None:
    doc = ethprio.document  # type: ignore[attr-defined]
    truce = doc.get("ethprio-900001")
    assert isinstance(truce, pt.Truce)
    assert [p.actor for p in truce.parties] == ["ucdp-actor-11", "ucdp-actor-12"]
    assert str(truce.declared.earliest) == "2001-03-04"
    assert truce.duration == pt.Duration(amount=72, unit=pt.TimeUnit.HOUR, words="72 hours")
    assert truce.purposes == (pt.Purpose.HUMANITARIAN, pt.Purpose.OTHER)
    assert truce.other_purpose == "exchange of prisoners"
    assert truce.scope is not None
    assert truce.scope.extent is pt.Extent.PARTIAL
    assert truce.category is pt.TruceCategory.WITH_COMPLIANCE_MEASURES
    assert (truce.implementation_mechanism, truce.disarmament, truce.written) == (True, True, True)
    assert truce.enforcement is pt.Enforcement.INTERNATIONAL_ORGANIZATION
    assert truce.mediators == ("ethprio-mediator-osce", "ethprio-mediator-russia")
    assert [link.truce for link in truce.links] == ["ethprio-900002"]
    rows = [i.value for i in truce.sources[0].identifiers]
    assert rows == ["1", "2", "3"]  # the merged duplicate stays traceable
    assert pt.Identifier(scheme="ucdp_dyad", value="600") in truce.identifiers


def test_ethprio_keeps_partial_dates_partial_and_unknowns_unknown(ethprio: object) -> None:
    truce = ethprio.document.get("ethprio-900002")  # type: ignore[attr-defined]
    assert str(truce.declared.earliest) == "2002"  # month and day -1
    assert str(truce.effective.earliest) == "2002-06"  # day 0
    assert truce.ends is None
    assert truce.parties[0].consent is pt.Consent.UNILATERAL_DECLARATION
    assert pt.Identifier(scheme="pax", value="77") in truce.identifiers
    third = ethprio.document.get("ethprio-900004")  # type: ignore[attr-defined]
    assert str(third.declared.earliest) == "2003-02"  # 30 February is not a day
    assert third.duration == pt.Duration(kind=pt.DurationKind.INDEFINITE)
    assert (third.written, third.enforcement, third.mediators) == (None, None, ())
    assert outcomes(ethprio)[8][1][:4] == (
        "not a pax id, dropped: pax_id '0'",
        "not a ucdp_conflict id, dropped: ucdp_acd_id '0'",
        "not a ucdp_dyad id, dropped: ucdp_dyad '0'",
        "day not in the month, read as unknown: cf_dec 2003-02-30",
    )


def test_ethprio_keeps_broken_characters_and_names_actors(ethprio: object) -> None:
    doc = ethprio.document  # type: ignore[attr-defined]
    faction = doc.get("ethprio-900002-slka-faction")
    assert faction.name == "S\ufffdl\ufffdka faction"
    assert faction.category is pt.ActorCategory.UNCLASSIFIED
    government = doc.get("ucdp-actor-11")
    assert government.category is pt.ActorCategory.GOVERNMENT
    assert [n.text for n in government.names] == ["Governement of Testland"]
    assert doc.get("ethprio-mediator-osce").category is pt.ActorCategory.INTERNATIONAL_ORGANIZATION
    assert round_trips(doc)


@pytest.mark.parametrize(
    "name", ["Government of Testland", "Goverment of Testland", "Governmentof Testland"]
)
def test_ethprio_a_misspelt_government_is_still_a_government(name: str) -> None:
    data = f"cc,cf_id,actor_name,ucdp_actor_id\n5,1,{name},17\n".encode()
    actor = read_ethprio(data).document.get("ucdp-actor-17")
    assert actor.category is pt.ActorCategory.GOVERNMENT


def test_ethprio_extent_is_kept_with_or_without_a_location() -> None:
    data = (
        b"cc,cf_id,actor_name,partial,location\n5,1,Group,0,\n5,2,Group,1,\n5,3,Group,1,Testland\n"
    )
    result = read_ethprio(data)
    assert result.document.get("ethprio-5-1").scope == pt.Scope(extent=pt.Extent.COMPREHENSIVE)
    # A partial ceasefire keeps its country: its area is the country, within which
    # the dataset does not say which part it covers.
    assert result.document.get("ethprio-5-2").scope == pt.Scope(extent=pt.Extent.PARTIAL)
    country = pt.Place(
        name="Testland",
        kind=pt.PlaceKind.COUNTRY,
        identifiers=(pt.Identifier(scheme="gwno", value="5"),),
    )
    assert result.document.get("ethprio-5-3").scope == pt.Scope(
        extent=pt.Extent.PARTIAL, areas=(country,)
    )


def test_ethprio_without_its_key_columns_is_refused() -> None:
    with pytest.raises(pt.ValidationError, match="no cf_id"):
        read_ethprio(b"cc,actor_name\n1,x\n")


def test_ethprio_with_fewer_columns_reads_what_is_there() -> None:
    result = read_ethprio(b"cc,cf_id,actor_name,cf_dec_yr\n5,1,Group,1999\n")
    assert result.notes[0].startswith("columns not in this file")
    truce = result.document.get("ethprio-5-1")
    assert str(truce.declared.earliest) == "1999"


@pytest.mark.parametrize("reader", [read_ethprio, read_pax])
def test_a_short_row_is_rejected_not_a_crash(reader: object) -> None:
    header = b"cc,cf_id,actor_name" if reader is read_ethprio else b"AgtId,Agt,Dat"
    outcome, problems = outcomes(reader(header + b"\n5\n"))[2]  # type: ignore[operator]
    assert outcome is RowOutcome.REJECTED
    assert problems[0] == "wrong number of fields: 1, the header has 3"


def test_ethprio_ids_stay_valid_and_unique_whatever_uniq_id_holds() -> None:
    data = b"cc,cf_id,uniq_id,actor_name\n5,1,5001,Rebels\n6,1,5001,Army\n7,1,a b,Front\n"
    result = read_ethprio(data)
    truces = [t.id for t in result.document.of_type(pt.Truce)]
    assert truces == ["ethprio-5001", "ethprio-6-1", "ethprio-7-1"]
    assert pt.check_integrity(result.document.records) == []
    rows = outcomes(result)
    assert rows[3][1] == (
        "uniq_id already names another ceasefire (cc 5, cf_id 1), cc and cf_id used: uniq_id '5001'",
    )
    assert rows[4][1] == ("uniq_id is not a dataset id, cc and cf_id used: uniq_id 'a b'",)


def test_ethprio_links_reach_the_linked_ceasefire_whatever_its_id() -> None:
    data = (
        b"cc,cf_id,uniq_id,actor_name,link_id1\n"
        b"5,1,5001,Rebels,0\n6,1,5001,Army,0\n6,2,6002,Front,1\n6,3,6003,Front,9\n"
    )
    result = read_ethprio(data)
    doc = result.document
    assert [link.truce for link in doc.get("ethprio-6002").links] == ["ethprio-6-1"]
    # A link to a ceasefire not in the file would fail the integrity check: it is dropped,
    # the row says so, and the cell is kept for an export.
    assert doc.get("ethprio-6003").links == ()
    assert "changed to pass the integrity check, links dropped" in result.rows[3].problems[0]
    kept = doc.get("ethprio-6003").source_columns
    assert pt.SourceValue(dataset="ethprio", column="link_id1", row="line-5", integer=9) in kept
    assert pt.check_integrity(doc.records) == []


def test_ethprio_enforcement_unclear_unknown_and_disagreeing_codes() -> None:
    data = b"cc,cf_id,actor_name,enforcement\n5,1,A,3\n5,2,A,7\n5,3,A,1\n5,3,B,2\n"
    result = read_ethprio(data)
    truces = {t.id: t.enforcement for t in result.document.of_type(pt.Truce)}
    assert truces == {
        "ethprio-5-1": None,
        "ethprio-5-2": None,
        "ethprio-5-3": pt.Enforcement.THIRD_STATE,
    }
    rows = outcomes(result)
    assert rows[2] == (RowOutcome.IMPORTED, ())  # 3 is the dataset's own "unclear"
    assert rows[3][1] == ("unknown code, read as unknown: enforcement '7'",)
    assert rows[4][1] == (
        "rows of one ceasefire disagree, the first is kept: enforcement ['1', '2']",
    )


def test_ethprio_a_quoted_mediator_is_one_mediator() -> None:
    data = b'cc,cf_id,actor_name,mediator_send\n5,1,Group,"""a nun, Mother Agnes"", UN"\n'
    result = read_ethprio(data)
    truce = result.document.get("ethprio-5-1")
    assert [result.document.get(m).name for m in truce.mediators] == ["a nun, Mother Agnes", "UN"]


@pytest.mark.parametrize(
    ("words", "expected"),
    [
        ("72 hours", pt.Duration(amount=72, unit=pt.TimeUnit.HOUR, words="72 hours")),
        ("two weeks", pt.Duration(amount=2, unit=pt.TimeUnit.WEEK, words="two weeks")),
        ("30-day", pt.Duration(amount=30, unit=pt.TimeUnit.DAY, words="30-day")),
        ("48 or 72 hours", pt.Duration(kind=pt.DurationKind.UNKNOWN, words="48 or 72 hours")),
    ],
)
def test_ethprio_reads_prose_durations(words: str, expected: pt.Duration) -> None:
    data = f"cc,cf_id,actor_name,fixed,fixed_time\n5,1,Group,1,{words}\n".encode()
    assert read_ethprio(data).document.get("ethprio-5-1").duration == expected


def test_ethprio_a_negative_length_is_unknown_and_said() -> None:
    result = read_ethprio(b"cc,cf_id,actor_name,fixed,fixed_time\n5,1,Group,1,-5\n")
    assert result.document.get("ethprio-5-1").duration is None
    assert outcomes(result)[2][1] == ("a negative length, read as unknown: fixed_time '-5'",)


# PA-X


@pytest.fixture(scope="module")
def pax() -> object:
    return read_pax(FIXTURES / "pax.csv")


def test_pax_reports_every_row(pax: object) -> None:
    rows = outcomes(pax)
    assert rows[5] == (RowOutcome.REJECTED, ("no agreement id: AgtId 'abc'",))
    assert rows[7] == (RowOutcome.MERGED, ("duplicate of an earlier row: line 2",))
    assert rows[6][0] is RowOutcome.IMPORTED
    assert "not an ISO date, read as unknown: Dat '2003-13-01'" in rows[6][1]


def test_pax_agreement_becomes_an_agreed_proposal_and_a_truce(pax: object) -> None:
    doc = pax.document  # type: ignore[attr-defined]
    proposal = doc.get("pax-101")
    assert proposal.status is pt.ProposalStatus.AGREED
    assert proposal.stage is pt.AgreementStage.CEASEFIRE
    assert (proposal.peace_process, proposal.conflict) == ("Testland peace process", "Testland")
    agreement = proposal.agreement
    assert agreement.signing is pt.Signing.MULTIPARTY
    assert [doc.get(i).name for i in agreement.signatories] == [
        "Government of Testland",
        "Front for Testing",
    ]
    assert [doc.get(i).name for i in agreement.witnesses] == ["Republic of Elsewhere"]
    assert [doc.get(i).name for i in agreement.guarantors] == ["United Nations"]
    assert str(agreement.reached.earliest) == "2001-03-04"
    assert [t.description for t in proposal.terms] == [
        "Ceasefire (PA-X Ce = 2)",
        "Ceasefire provisions (PA-X CeProv = 1)",
        "International mission or force (PA-X ImPK = 1)",
    ]
    assert pt.Identifier(scheme="pax_process", value="5") in proposal.identifiers
    truce = doc.get("pax-101-truce")
    assert truce.proposal == "pax-101"
    assert [p.actor for p in truce.parties] == list(agreement.signatories)
    assert doc.get("pax-102").agreement.mediators == (
        "pax-actor-centre-for-testing-dialogue-signatory",
    )
    assert [doc.get(i).name for i in doc.get("pax-103").agreement.signatories] == ["Hamas", "Fatah"]
    assert round_trips(doc)


def test_pax_a_unilateral_ceasefire_is_its_partys_declaration() -> None:
    row = (
        b"AgtId,Agt,Dat,Stage,Status,Part\n7,Declaration,2001-03-04,Cea,Unilateral document,Front\n"
    )
    truce = read_pax(row).document.get("pax-7-truce")
    assert [p.consent for p in truce.parties] == [pt.Consent.UNILATERAL_DECLARATION]


def test_pax_an_id_that_is_not_one_is_noted() -> None:
    result = read_pax(b'AgtId,Agt,Dat,UcdpCon\n7,Accord,2001-03-04,"301, 30x"\n')
    assert outcomes(result)[2][1] == ("not a ucdp_conflict id, dropped: UcdpCon '30x'",)
    ids = result.document.get("pax-7").identifiers
    assert pt.Identifier(scheme="ucdp_conflict", value="301") in ids


def test_pax_party_lists_skip_what_names_no_one() -> None:
    part = (
        "For the Government of Testland:\nSd.\n2. Ada Tester [Signed]\nChairperson\n"
        "Page 2, Untitled Preamble\nwww.peaceagreements.org\n3\n(Signed) Bo Front"
    )
    third = "Witnesses\nRepublic of Elsewhere\nIn the presence of\nUnited Nations"
    row = f'AgtId,Agt,Dat,Part,ThrdPart\n7,Accord,2001-03-04,"{part}","{third}"\n'
    result = read_pax(row.encode())
    doc = result.document
    agreement = doc.get("pax-7").agreement
    assert [doc.get(i).name for i in agreement.signatories] == ["Ada Tester", "Bo Front"]
    assert [doc.get(i).name for i in agreement.witnesses] == [
        "Republic of Elsewhere",
        "United Nations",
    ]
    assert agreement.third_parties == ()
    assert outcomes(result)[2][1] == (
        "signature mark or list number alone, not read as a party: Part",
        "a title without a name, not read as a party: Part",
        "page reference or credit of PA-X, not read as a party: Part",
        "page reference or credit of PA-X, not read as a party: Part",
        "no name in the text, not read as a party: Part",
    )


# Popolo


@pytest.fixture(scope="module")
def popolo() -> object:
    return read_popolo(FIXTURES / "popolo.json")


def test_popolo_reads_people_organisations_and_memberships(popolo: object) -> None:
    doc = popolo.document  # type: ignore[attr-defined]
    ada = doc.get("ada-tester")
    assert ada.category is pt.ActorCategory.PERSON
    assert ada.names == (
        pt.Name(text="A. Tester", kind=pt.NameKind.ALIAS, start=pt.TimePoint.parse("1990-05")),
    )
    assert [(a.organization, a.relation, a.role) for a in ada.affiliations] == [
        ("testing-ministry", pt.Relation.MEMBER, "Minister of Testing"),
        ("testland-government", pt.Relation.SPOKESPERSON, None),
    ]
    assert str(ada.affiliations[0].end) == "2023"
    assert pt.Identifier(scheme="sin", value="7") in ada.identifiers
    assert doc.get("testing-ministry").category is pt.ActorCategory.GOVERNMENT_BODY
    assert doc.get("testing-ministry").affiliations[0].relation is pt.Relation.PART_OF
    assert doc.get("mystery").category is pt.ActorCategory.UNCLASSIFIED
    rows = outcomes(popolo)
    assert rows[4] == (RowOutcome.REJECTED, ("id already used by an earlier object: twice",))
    assert rows[10] == (RowOutcome.REJECTED, ("its member is not in this file: somebody-else",))
    assert round_trips(doc)


def test_popolo_round_trips_through_its_own_export(popolo: object) -> None:
    doc = popolo.document  # type: ignore[attr-defined]
    exported, _ = to_popolo(doc)
    again = read_popolo(json.dumps(exported).encode()).document
    assert {a.id for a in again.of_type(pt.Actor)} == {a.id for a in doc.of_type(pt.Actor)}
    assert again.get("ada-tester").names == doc.get("ada-tester").names
    assert again.get("ada-tester").affiliations == doc.get("ada-tester").affiliations


def test_popolo_odd_objects_are_reported_not_a_crash() -> None:
    objects = [
        {"person": {"id": "ada", "name": "Ada"}, "organization_id": "the testers"},
        {"id": "ada", "name": "Ada Tester", "summary": "A tester", "identifiers": 5},
        {
            "id": "bo",
            "name": "Bo",
            "other_names": [{"name": "B", "start_date": "2000", "end_date": "1990"}],
        },
        {"id": "the testers", "name": "Testers", "classification": "party", "sources": "x"},
    ]
    result = read_popolo(json.dumps(objects).encode())
    rows = outcomes(result)
    assert rows[1] == (RowOutcome.IMPORTED, ())
    assert rows[2] == (RowOutcome.IMPORTED, ("not a list, dropped: identifiers",))
    assert rows[3][1][0].startswith("other name not valid, dropped: 'B' $.end: expected an end")
    assert rows[4] == (
        RowOutcome.IMPORTED,
        (
            "id not kept as a popolo identifier, it has spaces: id 'the testers'",
            "not a list, dropped: sources",
        ),
    )
    doc = result.document
    ada = doc.get("ada")  # the full object replaces the stub from the membership
    assert (ada.name, ada.description) == ("Ada Tester", "A tester")
    assert [a.organization for a in ada.affiliations] == ["popolo-the-testers"]
    assert doc.get("popolo-the-testers").identifiers == ()


def test_popolo_says_what_it_does_not_keep_of_names_and_memberships() -> None:
    objects = [
        {"id": "ada", "name": "Ada", "other_names": [{"name": "Ada B", "note": "Birth name"}]},
        {
            "person_id": "ada",
            "organization_id": "testers",
            "label": "Chief tester",
            "on_behalf_of": {"id": "front", "name": "Front"},
            "post": {"id": "chief", "label": "Chief"},
        },
    ]
    rows = outcomes(read_popolo(json.dumps(objects).encode()))
    assert rows[1][1] == ("note on an other name not kept: 'Ada B' 'Birth name'",)
    assert rows[2][1] == (
        "not kept from a membership, no place for them: label, on_behalf_of, post",
    )


def test_popolo_export_says_what_popolo_cannot_hold() -> None:
    at = pt.TimePoint.parse("2022-03-01T10:00+02:00")
    ada = pt.Actor(
        id="ada",
        category=pt.ActorCategory.PERSON,
        name="Ada",
        names=(pt.Name(text="Ада", language="uk", start=at),),
        affiliations=(
            pt.Affiliation(organization="org", relation=pt.Relation.ENVOY, role="envoy"),
        ),
    )
    exported, notes = to_popolo(pt.Document(records=(ada,)))
    assert exported["persons"][0]["other_names"] == [{"name": "Ада", "start_date": "2022-03-01"}]
    assert notes == [
        "actor 'ada': not written, Popolo has no place for it: the time of day of 'Ада''s"
        " start_date, the language of 'Ада', the relation envoy to org"
    ]


def test_popolo_refuses_what_is_not_popolo() -> None:
    with pytest.raises(pt.MalformedJSONError):
        read_popolo(b"not json")
    with pytest.raises(pt.ValidationError):
        read_popolo(b"42")


# PLOVER


@pytest.fixture(scope="module")
def plover() -> object:
    return read_plover(FIXTURES / "plover.json")


def test_plover_keeps_ceasefires_talks_and_proposals_and_reports_the_rest(plover: object) -> None:
    rows = outcomes(plover)
    assert [rows[n][0] for n in sorted(rows)] == [
        RowOutcome.IMPORTED,
        RowOutcome.IMPORTED,
        RowOutcome.SKIPPED,
        RowOutcome.IMPORTED,
        RowOutcome.SKIPPED,
        RowOutcome.REJECTED,
        RowOutcome.REJECTED,
    ]
    assert "the older event name read as REQUEST: DEMAND" in rows[1][1]
    assert rows[5][1] == ("not about ceasefires, talks or proposals: ACCUSE",)  # DISAPPROVE
    doc = plover.document  # type: ignore[attr-defined]
    demand = doc.get("OLD-1")
    assert (demand.stance, demand.speaker) == (pt.Stance.DEMANDS, "plover-testland")
    assert demand.addressed_to == ("plover-front-for-testing",)
    assert doc.get("plover-front-for-testing").category is pt.ActorCategory.ARMED_GROUP
    call = doc.get("OLD-2")
    assert isinstance(call, pt.Venue)
    assert call.formats == (pt.Format.PHONE_CALL,)
    truce = doc.get("NEW-4")
    assert isinstance(truce, pt.Truce)
    assert str(truce.effective.latest) == "2001-03-08"
    assert truce.sources[0].url == "https://example.org/story"
    assert round_trips(doc)


def test_plover_odd_records_are_reported_not_a_crash() -> None:
    said = {"event": "AGREE", "text": "Both sides agreed to talk."}
    records = [
        {"id": "A", **said, "actor": [{"name": "Testland", "id": "not an id!", "code": " TST"}]},
        {"id": "A", **said, "actor": "Elsewhere"},
        {"id": "B", **said, "actor": "Elsewhere", "language": "English"},
        {"id": "B", **said, "actor": "Elsewhere", "language": "English"},
    ]
    result = read_plover(json.dumps(records).encode())
    rows = outcomes(result)
    assert rows[1] == (
        RowOutcome.IMPORTED,
        ("actor id not usable, one made from the name: actor id 'not an id!'",),
    )
    assert rows[2] == (RowOutcome.REJECTED, ("id already used by an earlier record: line 1",))
    assert rows[3] == (RowOutcome.IMPORTED, ("not a language tag, dropped: language 'English'",))
    assert rows[4] == (RowOutcome.MERGED, ("duplicate of an earlier record: line 3",))
    doc = result.document
    assert pt.check_integrity(doc.records) == []
    assert pt.Identifier(scheme="cameo", value="TST") in doc.get("plover-testland").identifiers


def test_plover_gold_standard_placeholder_date_is_not_a_date() -> None:
    record = {"event": "CONSULT", "source": "Testland", "date": "2000-01-01", "text": "They met."}
    records = [{"id": "PLOVER-GSR01-CONSULT-0001", **record}, {"id": "OWN-1", **record}]
    result = read_plover(json.dumps(records).encode())
    assert result.document.get("PLOVER-GSR01-CONSULT-0001").when is None
    assert outcomes(result)[1][1] == (
        "placeholder of the gold-standard records, dropped: date '2000-01-01'",
    )
    assert str(result.document.get("OWN-1").when.earliest) == "2000-01-01"


@pytest.mark.parametrize(
    ("date", "day", "problem"),
    [
        ("2001-03-04", "2001-03-04", None),
        ("2001-03", "2001-03", None),
        ("2001-03-04T10:00:00Z", "2001-03-04", "time of day not kept, the day is: date"),
        ("20010304", None, "not an ISO date, dropped: date"),
        ("2001-03-04 or so", None, "not an ISO date, dropped: date"),
    ],
)
def test_plover_reads_a_date_whole_or_not_at_all(date: str, day: str | None, problem: str) -> None:
    record = {"id": "E-1", "event": "CONSULT", "source": "Testland", "date": date}
    result = read_plover(json.dumps([record]).encode())
    when = result.document.get("E-1").when
    assert (str(when.earliest) if when else None) == day
    assert outcomes(result)[1][1] == ((f"{problem} {date!r}",) if problem else ())


def test_plover_export_follows_the_coding_rules() -> None:
    doc = pt.load_example()
    events, notes = to_plover(doc)
    by_id = {event["id"]: event for event in events}
    for truce in doc.of_type(pt.Truce):
        expected = "RETREAT" if truce.effective else "CONCEDE"
        if any(e.kind is pt.TruceEventKind.TOOK_EFFECT for e in truce.events):
            expected = "RETREAT"
        assert by_id[truce.id]["event"] == [expected]
        assert by_id[truce.id]["mode"] == ["ceasefire"]
    for venue in doc.of_type(pt.Venue):
        assert by_id[venue.id]["event"] == ["CONSULT"]
    statements = [s for s in doc.of_type(pt.Statement) if s.id in by_id]
    assert statements
    assert all(by_id[s.id]["text"] == s.text for s in statements)
    # Every record that loses something says what: a stance with no event, fields PLOVER lacks.
    assert all(note.split()[0] in {"statement", "proposal", "truce", "venue"} for note in notes)
    assert (
        "truce 'energy-truce': no PLOVER field for announced_by, mediators, scope, duration,"
        " purposes, written"
    ) in notes


def test_plover_export_dates_an_event_only_by_days_it_knows() -> None:
    day = pt.ReportedTime.on
    took_effect = pt.TruceEvent(kind=pt.TruceEventKind.TOOK_EFFECT, when=day("2025-03-20"))
    truce = pt.Truce(id="t", declared=day("2025-03-18"), events=(took_effect,))
    before = pt.ReportedTime(relation=pt.TimeRelation.BEFORE, latest=pt.TimePoint.parse("2025-04"))
    said = pt.Statement(
        id="s",
        speaker="a",
        quotation=pt.Quotation.PARAPHRASE,
        text="We will talk.",
        stance=pt.Stance.PROPOSES,
        said=before,
    )
    actor = pt.Actor(id="a", category=pt.ActorCategory.PERSON, name="Ada")
    events, notes = to_plover(pt.Document(records=(actor, truce, said)))
    by_id = {event["id"]: event for event in events}
    assert (by_id["t"]["event"], by_id["t"]["date"]) == (["RETREAT"], "2025-03-20")
    assert "date" not in by_id["s"]
    assert by_id["s"]["actor"] == [{"id": "a", "name": "Ada"}]
    assert notes == ["statement 's': a time open at one end, no date written"]


def test_plover_export_reads_back(plover: object) -> None:
    doc = plover.document  # type: ignore[attr-defined]
    events, _ = to_plover(doc)
    again = read_plover(json.dumps(events).encode()).document
    assert again.get("OLD-1").text == doc.get("OLD-1").text
    assert again.get("OLD-1").stance is pt.Stance.DEMANDS
    assert again.get("OLD-2").formats == (pt.Format.PHONE_CALL,)


# The command line


def test_cli_import_writes_a_valid_document_and_reports_rows(tmp_path: Path) -> None:
    out = tmp_path / "out.json"
    done = run("import", "ethprio", str(FIXTURES / "ethprio.csv"), "-o", str(out))
    assert done.returncode == 1  # one row rejected; the rest written
    assert "line 7 (5): rejected: no actor name" in done.stdout
    assert "6 rows read (4 imported, 1 merged, 1 rejected)" in done.stdout
    assert pt.read_document(out) == read_ethprio(FIXTURES / "ethprio.csv").document
    assert run("validate", str(out)).returncode == 0


def test_cli_import_json_report_and_errors(tmp_path: Path) -> None:
    out = tmp_path / "out.json"
    done = run(
        "import", "plover", str(FIXTURES / "plover.json"), "-o", str(out), "--format", "json"
    )
    report = json.loads(done.stdout)
    assert report["rows_read"] == 7
    assert report["rows"] == {
        "imported": 3,
        "merged": 0,
        "split": 0,
        "skipped": 2,
        "rejected": 2,
    }
    assert run("import", "pax", str(tmp_path / "missing.csv"), "-o", str(out)).returncode == 2
    assert run("import", "pax", str(FIXTURES / "plover.json"), "-o", str(out)).returncode == 1
    assert run("import", "nonsense", "x", "-o", str(out)).returncode == 2
    assert "examples:" in run("import", "--help").stdout


def test_cli_export_writes_popolo_and_plover(tmp_path: Path) -> None:
    source = tmp_path / "example.json"
    source.write_text(pt.example_json(), encoding="utf-8")
    for dataset in ("popolo", "plover"):
        out = tmp_path / f"{dataset}.json"
        done = run("export", dataset, str(source), "-o", str(out))
        assert done.returncode == 0, done.stderr
        assert json.loads(out.read_text(encoding="utf-8"))
    bad = tmp_path / "bad.json"
    bad.write_text("{}", encoding="utf-8")
    assert run("export", "popolo", str(bad), "-o", str(tmp_path / "x.json")).returncode == 1
