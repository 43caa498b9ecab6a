"""The bundled example records the seed article exactly: facts asserted through the public API."""

from __future__ import annotations

import json
from collections import Counter

import pytest

import peacetalks as pt


@pytest.fixture(scope="module")
def doc() -> pt.Document:
    return pt.load_example()


def record(doc: pt.Document, record_id: str) -> pt.Record:
    found = doc.get(record_id)
    assert found is not None, record_id
    return found


def test_the_example_loads_and_round_trips(doc: pt.Document) -> None:
    assert pt.from_json(pt.to_json(doc), pt.Document) == doc
    assert json.loads(pt.example_json())["schema_version"] == pt.SCHEMA_VERSION
    ids = [r.id for r in doc.records]
    assert len(ids) == len(set(ids))


def test_the_example_has_every_record_kind(doc: pt.Document) -> None:
    counts = Counter(type(r).__name__ for r in doc.records)
    assert set(counts) == {"Actor", "Statement", "Proposal", "Truce", "Venue"}
    assert len(doc.of_type(pt.Statement)) >= 30


def test_the_article_is_cited_with_its_syndication_chain_and_inferred_date(
    doc: pt.Document,
) -> None:
    (article,) = doc.sources
    assert article.publisher == "Bloomberg News"
    assert article.distributed_by == ("Tribune Content Agency", "ArcaMax")
    assert article.contributors == ("Alberto Nardelli", "Lauren Dezenski")
    assert article.published is not None
    assert article.published.basis is pt.Basis.INFERRED
    assert str(article.published.earliest) == "2025-03-23"
    assert article.url is None  # the article's address is not printed: nothing is invented


def test_anonymous_sources_keep_their_affiliation_and_reason(doc: pt.Document) -> None:
    people = record(doc, "people-familiar-planning")
    assert isinstance(people, pt.Actor)
    assert people.name is None
    assert people.description == "people familiar with the planning"
    assert people.anonymity == pt.Anonymity(
        reason="to discuss matters that aren't public",
        asked_not_to_be_named=True,
        how_many=pt.SourceCount.SEVERAL,
    )
    assert people.affiliations[0].organization == "white-house"
    assert people.affiliations[0].relation is pt.Relation.FAMILIAR_WITH
    one = record(doc, "person-familiar-kremlin")
    assert isinstance(one, pt.Actor)
    assert one.anonymity is not None
    assert one.anonymity.how_many is pt.SourceCount.ONE


def test_zelenskyy_is_known_by_every_spelling(doc: pt.Document) -> None:
    zelenskyy = record(doc, "zelenskyy")
    assert isinstance(zelenskyy, pt.Actor)
    spellings = {name.text for name in zelenskyy.names}
    assert {"Zelensky", "Володимир Зеленський"} <= spellings
    native = next(n for n in zelenskyy.names if n.kind is pt.NameKind.NATIVE)
    assert (native.language, native.script) == ("uk", "Cyrl")


def test_the_energy_truce_was_agreed_in_separate_calls_on_different_days(doc: pt.Document) -> None:
    truce = record(doc, "energy-truce")
    assert isinstance(truce, pt.Truce)
    consent = {
        p.actor: (p.consent, str(p.consented.earliest) if p.consented else None, p.venue)
        for p in truce.parties
    }
    assert consent == {
        "russia": (pt.Consent.PHONE_CALL, "2025-03-18", "call-trump-putin"),
        "ukraine": (pt.Consent.PHONE_CALL, "2025-03-19", "call-trump-zelenskyy"),
    }
    assert truce.announced_by == ("trump",)
    assert truce.effective is None  # no start date was given
    assert truce.duration == pt.Duration(amount=30, unit=pt.TimeUnit.DAY, words="30-day")
    assert truce.scope is not None
    assert truce.scope.extent is pt.Extent.PARTIAL
    assert truce.scope.targets == (pt.Target.ENERGY_INFRASTRUCTURE,)


def test_the_black_sea_extension_is_proposed_not_agreed(doc: pt.Document) -> None:
    truce = record(doc, "energy-truce")
    assert isinstance(truce, pt.Truce)
    (extension,) = [e for e in truce.events if e.kind is pt.TruceEventKind.EXTENSION_PROPOSED]
    assert extension.scope is not None
    assert [area.name for area in extension.scope.areas] == ["Black Sea"]
    assert extension.scope.activities == (pt.Activity.ATTACKS_ON_SHIPPING,)
    assert extension.proposal == "black-sea-ceasefire"
    assert not any(e.kind is pt.TruceEventKind.EXTENDED for e in truce.events)


def test_two_different_30_day_ceasefires_are_kept_apart(doc: pt.Document) -> None:
    energy, general = record(doc, "energy-truce"), record(doc, "general-truce")
    assert isinstance(energy, pt.Truce)
    assert isinstance(general, pt.Truce)
    assert energy.duration == general.duration  # both "30-day", yet different truces
    assert general.scope is not None
    assert general.scope.extent is pt.Extent.COMPREHENSIVE
    assert [e.kind for e in general.events] == [pt.TruceEventKind.PROPOSED]


def test_the_arms_demand_is_rejected_by_kyiv_and_not_agreed_by_the_us_so_far(
    doc: pt.Document,
) -> None:
    demand = record(doc, "end-arms-supplies")
    assert isinstance(demand, pt.Proposal)
    assert demand.proposed_by == ("russia",)
    positions = [(r.party, r.position) for r in demand.responses]
    assert ("kyiv-and-allies", pt.ResponseKind.REJECTED) in positions
    assert ("united-states", pt.ResponseKind.NOT_AGREED) in positions
    not_agreed = next(r for r in demand.responses if r.position is pt.ResponseKind.NOT_AGREED)
    assert not_agreed.when is not None
    assert not_agreed.when.words == "so far"


def test_the_deadline_is_by_april_20(doc: pt.Document) -> None:
    ceasefire = record(doc, "general-ceasefire")
    assert isinstance(ceasefire, pt.Proposal)
    assert ceasefire.deadline is not None
    assert ceasefire.deadline.relation is pt.TimeRelation.BY
    assert str(ceasefire.deadline.latest) == "2025-04-20"
    assert ceasefire.deadline.earliest is None


def test_the_summit_has_different_conditions_from_the_kremlin_and_the_us(doc: pt.Document) -> None:
    summit = record(doc, "trump-putin-summit")
    assert isinstance(summit, pt.Proposal)
    requirements = {
        r.party: {req for c in r.conditions for req in c.requires}
        for r in summit.responses
        if r.position is pt.ResponseKind.CONDITIONAL and any(c.requires for c in r.conditions)
    }
    assert requirements == {
        "kremlin": {"comprehensive-peace-deal"},
        "united-states": {"general-ceasefire"},
    }


def test_the_disputed_account_of_the_call(doc: pt.Document) -> None:
    dispute = record(doc, "zelenskyy-disputes-account")
    assert isinstance(dispute, pt.Statement)
    assert dispute.stance is pt.Stance.DISPUTES
    assert dispute.disputes == ("white-house-nuclear-plants",)
    account = record(doc, "white-house-nuclear-plants")
    assert isinstance(account, pt.Statement)
    assert account.speaker == "white-house"
    assert account.venue == "call-trump-zelenskyy"


def test_quotes_are_verbatim_with_their_channels(doc: pt.Document) -> None:
    witkoff = record(doc, "witkoff-black-sea")
    assert isinstance(witkoff, pt.Statement)
    assert witkoff.quotation is pt.Quotation.DIRECT
    assert witkoff.text.startswith("I think that you’re going to see in Saudi Arabia on Monday")
    assert witkoff.channel == pt.Channel(
        medium=pt.Medium.INTERVIEW, outlet="Fox News", program="Fox News Sunday"
    )
    peskov = record(doc, "peskov-technical-level")
    assert isinstance(peskov, pt.Statement)
    assert peskov.channel is not None
    assert (peskov.channel.outlet, peskov.channel.published_on) == ("state TV", ("Telegram",))


def test_numeric_claims_keep_their_qualifiers(doc: pt.Document) -> None:
    drones = record(doc, "russia-drones-shot-down")
    assert isinstance(drones, pt.Statement)
    (claim,) = drones.claims
    assert claim.quantity == pt.Quantity(value=224, unit="drones", words="224")
    casualties = record(doc, "kyiv-mayor-casualties")
    assert isinstance(casualties, pt.Statement)
    assert casualties.claims[0].quantity is not None
    assert casualties.claims[0].quantity.qualifier is pt.Qualifier.AT_LEAST
    assert casualties.claims[0].quantity.value == 3


def test_venues_past_planned_and_placeless(doc: pt.Document) -> None:
    saudi = record(doc, "saudi-talks")
    assert isinstance(saudi, pt.Venue)
    assert set(saudi.formats) == {pt.Format.PARALLEL, pt.Format.TECHNICAL}
    assert saudi.status is pt.VenueStatus.PLANNED
    ranks = {d.sent_by: (d.rank, d.size) for d in saudi.delegations}
    assert ranks == {"ukraine": (pt.Rank.MINISTERIAL, 3), "russia": (pt.Rank.WORKING_LEVEL, None)}
    call = record(doc, "call-trump-putin")
    assert isinstance(call, pt.Venue)
    assert call.place is None
    assert call.duration == pt.Duration(amount=2, unit=pt.TimeUnit.HOUR, words="two-hour")
    istanbul = record(doc, "istanbul-2022")
    assert isinstance(istanbul, pt.Venue)
    assert istanbul.outcome is pt.Outcome.NO_AGREEMENT
    assert istanbul.when is not None
    assert istanbul.when.precision is pt.Precision.MONTH


def test_the_grain_deal_was_mediated_by_turkey_and_the_un_and_collapsed(doc: pt.Document) -> None:
    deal = record(doc, "black-sea-grain-deal")
    assert isinstance(deal, pt.Proposal)
    assert deal.status is pt.ProposalStatus.COLLAPSED
    assert deal.agreement is not None
    assert deal.agreement.mediators == ("turkey", "united-nations")
    assert pt.Identifier(scheme="pax", value="2444") in deal.identifiers
    assert any(
        r.party == "russia" and r.position is pt.ResponseKind.WITHDRAWN for r in deal.responses
    )
