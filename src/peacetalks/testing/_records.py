"""Strategies for the five records and documents."""

from __future__ import annotations

from hypothesis import strategies as st

from peacetalks.actor import (
    Actor,
    ActorCategory,
    Anonymity,
)
from peacetalks.document import Document, Record
from peacetalks.proposal import (
    Agreement,
    AgreementStage,
    Condition,
    Proposal,
    ProposalStatus,
    Response,
    ResponseKind,
    Signing,
    Term,
    TermTopic,
)
from peacetalks.statement import (
    Channel,
    Claim,
    Medium,
    Qualifier,
    Quantity,
    Quotation,
    Stance,
    Statement,
)
from peacetalks.times import (
    ends_before_start,
)
from peacetalks.truce import (
    Activity,
    Consent,
    Enforcement,
    Extent,
    Purpose,
    Scope,
    Target,
    Truce,
    TruceCategory,
    TruceEvent,
    TruceEventKind,
    TruceLink,
    TruceLinkKind,
    TruceParty,
)
from peacetalks.venue import Delegation, Format, Outcome, Rank, Venue, VenueStatus

__all__ = [
    "actors",
    "documents",
    "proposals",
    "records",
    "statements",
    "truces",
    "venues",
]

from peacetalks.testing._values import (
    _affiliations,
    _countries,
    _languages,
    _names,
    _opt,
    _tuples,
    _unique_ids,
    citations,
    durations,
    evidence,
    identifiers,
    ids,
    places,
    reported_times,
    source_values,
    texts,
)


@st.composite
def actors(draw: st.DrawFn) -> Actor:
    """Actors, named and unnamed, of every category."""
    record_id = draw(ids())
    category = draw(st.sampled_from(ActorCategory))
    anonymous = draw(st.booleans())
    name = None if anonymous else draw(_opt(texts()))
    members = () if category is ActorCategory.PERSON else draw(_unique_ids())
    anonymity = st.builds(
        Anonymity, reason=_opt(texts()), asked_not_to_be_named=_opt(st.booleans())
    )
    return Actor(
        id=record_id,
        category=category,
        name=name,
        description=draw(texts()) if name is None else draw(_opt(texts())),
        names=draw(_tuples(_names())),
        country=draw(_opt(_countries)),
        affiliations=draw(_tuples(_affiliations())),
        members=tuple(m for m in members if m != record_id),
        anonymity=draw(anonymity) if anonymous else None,
        sources=draw(_tuples(citations(), 2)),
        identifiers=draw(_tuples(identifiers())),
        source_columns=draw(_tuples(source_values(), 2)),
        evidence=draw(_tuples(evidence(), 2)),
    )


@st.composite
def _quantities(draw: st.DrawFn) -> Quantity:
    number = st.integers(-(10**9), 10**9) | st.floats(allow_nan=False, allow_infinity=False)
    qualifier = draw(st.sampled_from(Qualifier))
    value = draw(number)
    upper = draw(number) if qualifier is Qualifier.BETWEEN else None
    if upper is not None and upper < value:
        value, upper = upper, value
    return Quantity(
        value=value, unit=draw(texts()), qualifier=qualifier, upper=upper, words=draw(_opt(texts()))
    )


@st.composite
def statements(draw: st.DrawFn) -> Statement:
    """Statements of every quotation form, stance and delivery."""
    record_id = draw(ids())
    stance = draw(_opt(st.sampled_from(Stance)))
    disputing = stance in (Stance.DISPUTES, Stance.DENIES)
    said, reported = draw(_opt(reported_times())), draw(_opt(reported_times()))
    if ends_before_start(said, reported):
        said, reported = reported, said
    if ends_before_start(said, reported):
        reported = None
    channel = st.builds(
        Channel,
        medium=st.sampled_from(Medium),
        outlet=_opt(texts()),
        program=_opt(texts()),
        interviewer=_opt(texts()),
        published_on=_tuples(texts()),
    )
    claims = st.builds(
        Claim,
        subject=texts(),
        quantity=_opt(_quantities()),
        period=_opt(reported_times()),
        place=_opt(places()),
    )
    return Statement(
        id=record_id,
        speaker=draw(ids()),
        quotation=draw(st.sampled_from(Quotation)),
        text=draw(texts(200)),
        language=draw(_opt(_languages)),
        addressed_to=draw(_unique_ids()),
        said=said,
        reported=reported,
        channel=draw(_opt(channel)),
        place=draw(_opt(places())),
        venue=draw(_opt(ids())),
        about=draw(_unique_ids()),
        stance=stance,
        disputes=tuple(i for i in draw(_unique_ids()) if i != record_id) if disputing else (),
        claims=draw(_tuples(claims, 2)),
        sources=draw(_tuples(citations(), 2)),
        identifiers=draw(_tuples(identifiers())),
        source_columns=draw(_tuples(source_values(), 2)),
        evidence=draw(_tuples(evidence(), 2)),
    )


_conditions = st.builds(
    Condition, description=texts(), requires=_unique_ids(), set_by=_unique_ids()
)


@st.composite
def _responses(draw: st.DrawFn) -> Response:
    position = draw(st.sampled_from(ResponseKind))
    least = 1 if position is ResponseKind.CONDITIONAL else 0
    return Response(
        party=draw(ids()),
        position=position,
        when=draw(_opt(reported_times())),
        conditions=tuple(draw(st.lists(_conditions, min_size=least, max_size=2))),
        statement=draw(_opt(ids())),
    )


@st.composite
def proposals(draw: st.DrawFn) -> Proposal:
    """Proposals, from first offers to signed and collapsed agreements."""
    record_id = draw(ids())
    terms = st.builds(
        Term,
        topic=st.sampled_from(TermTopic),
        description=texts(),
        obliges=_unique_ids(),
        concerns=_unique_ids(),
    )
    agreement = draw(
        _opt(
            st.builds(
                Agreement,
                reached=_opt(reported_times()),
                signatories=_unique_ids(),
                witnesses=_unique_ids(),
                guarantors=_unique_ids(),
                mediators=_unique_ids(),
                third_parties=_unique_ids(),
                signing=_opt(st.sampled_from(Signing)),
                place=_opt(places()),
                written=_opt(st.booleans()),
            )
        )
    )
    settled = [ProposalStatus.AGREED, ProposalStatus.COLLAPSED, ProposalStatus.SUPERSEDED]
    title = draw(_opt(texts()))
    revises = draw(_opt(ids()))
    return Proposal(
        id=record_id,
        title=title,
        proposed_by=draw(_unique_ids()),
        addressed_to=draw(_unique_ids()),
        proposed=draw(_opt(reported_times())),
        terms=tuple(draw(st.lists(terms, min_size=0 if title else 1, max_size=3))),
        conditions=draw(_tuples(_conditions, 2)),
        deadline=draw(_opt(reported_times())),
        status=draw(st.sampled_from(settled if agreement else list(ProposalStatus))),
        responses=draw(_tuples(_responses())),
        revises=None if revises == record_id else revises,
        stage=draw(_opt(st.sampled_from(AgreementStage))),
        peace_process=draw(_opt(texts())),
        conflict=draw(_opt(texts())),
        agreement=agreement,
        sources=draw(_tuples(citations(), 2)),
        identifiers=draw(_tuples(identifiers())),
        source_columns=draw(_tuples(source_values(), 2)),
        evidence=draw(_tuples(evidence(), 2)),
    )


@st.composite
def _scopes(draw: st.DrawFn) -> Scope:
    extent = draw(st.sampled_from(Extent))
    activities = draw(_tuples(st.sampled_from(Activity)))
    targets = draw(_tuples(st.sampled_from(Target)))
    areas = draw(_tuples(places(), 2))
    words = draw(_opt(texts()))
    return Scope(extent=extent, activities=activities, targets=targets, areas=areas, words=words)


@st.composite
def truces(draw: st.DrawFn) -> Truce:
    """Truces with parties, scopes, dates and life events."""
    record_id = draw(ids())
    parties = [
        TruceParty(
            actor=actor,
            consent=draw(_opt(st.sampled_from(Consent))),
            consented=draw(_opt(reported_times())),
            venue=draw(_opt(ids())),
        )
        for actor in draw(_unique_ids(4))
    ]
    declared, effective, ends = (draw(_opt(reported_times())) for _ in range(3))
    if ends_before_start(declared, ends) or ends_before_start(effective, ends):
        ends = None
    events = st.builds(
        TruceEvent,
        kind=st.sampled_from(TruceEventKind),
        when=_opt(reported_times()),
        actors=_unique_ids(),
        reported_by=_unique_ids(),
        scope=_opt(_scopes()),
        duration=_opt(durations()),
        statement=_opt(ids()),
        proposal=_opt(ids()),
        words=_opt(texts()),
    )
    links = st.builds(
        TruceLink,
        relation=st.sampled_from(TruceLinkKind),
        truce=ids().filter(lambda i: i != record_id),
    )
    purposes = draw(st.lists(st.sampled_from(Purpose), max_size=3, unique=True))
    return Truce(
        id=record_id,
        name=draw(_opt(texts())),
        parties=tuple(parties),
        announced_by=draw(_unique_ids()),
        mediators=draw(_unique_ids()),
        scope=draw(_opt(_scopes())),
        duration=draw(_opt(durations())),
        declared=declared,
        effective=effective,
        ends=ends,
        purposes=tuple(purposes),
        other_purpose=draw(_opt(texts())) if Purpose.OTHER in purposes else None,
        written=draw(_opt(st.booleans())),
        monitored_by=draw(_unique_ids()),
        enforcement=draw(_opt(st.sampled_from(Enforcement))),
        category=draw(_opt(st.sampled_from(TruceCategory))),
        implementation_mechanism=draw(_opt(st.booleans())),
        disarmament=draw(_opt(st.booleans())),
        events=draw(_tuples(events)),
        links=draw(_tuples(links, 2)),
        proposal=draw(_opt(ids())),
        sources=draw(_tuples(citations(), 2)),
        identifiers=draw(_tuples(identifiers())),
        source_columns=draw(_tuples(source_values(), 2)),
        evidence=draw(_tuples(evidence(), 2)),
    )


@st.composite
def _delegations(draw: st.DrawFn) -> Delegation:
    members = draw(_unique_ids(4))
    led: bool = draw(st.booleans())
    return Delegation(
        sent_by=draw(ids()),
        members=members,
        head=draw(st.sampled_from(members)) if members and led else None,
        rank=draw(_opt(st.sampled_from(Rank))),
        size=draw(_opt(st.integers(max(1, len(members)), 500))),
        description=draw(_opt(texts())),
    )


@st.composite
def venues(draw: st.DrawFn) -> Venue:
    """Venues: summits, parallel talks, phone calls, past and planned."""
    record_id = draw(ids())
    formats = draw(st.lists(st.sampled_from(Format), max_size=3, unique=True))
    remote = bool(formats) and set(formats) <= {Format.PHONE_CALL, Format.VIDEO_CALL}
    outcome = draw(_opt(st.sampled_from(Outcome)))
    statuses = [VenueStatus.HELD, VenueStatus.ONGOING] if outcome else [None, *VenueStatus]
    part_of = draw(_opt(ids()))
    return Venue(
        id=record_id,
        name=draw(_opt(texts())),
        formats=tuple(formats),
        place=None if remote else draw(_opt(places())),
        status=draw(st.sampled_from(statuses)),
        when=draw(_opt(reported_times())),
        duration=draw(_opt(durations())),
        hosts=draw(_unique_ids()),
        mediators=draw(_unique_ids()),
        participants=draw(_unique_ids()),
        delegations=draw(_tuples(_delegations(), 2)),
        agenda=draw(_unique_ids()),
        outcome=outcome,
        part_of=None if part_of == record_id else part_of,
        sources=draw(_tuples(citations(), 2)),
        identifiers=draw(_tuples(identifiers())),
        source_columns=draw(_tuples(source_values(), 2)),
        evidence=draw(_tuples(evidence(), 2)),
    )


def records() -> st.SearchStrategy[Record]:
    """Records of any of the five kinds."""
    return st.one_of(actors(), statements(), proposals(), truces(), venues())


def documents(max_records: int = 6) -> st.SearchStrategy[Document]:
    """Documents of mixed records (ids are not made unique: that is a dossier's concern)."""
    return st.builds(
        Document,
        records=st.lists(records(), max_size=max_records).map(tuple),
        title=_opt(texts()),
        sources=_tuples(citations(), 2),
    )
