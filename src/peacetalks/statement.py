"""Statements: who said what, when, where, how, about what, and with which numbers."""

from __future__ import annotations

import enum
from typing import ClassVar

import attrs

from peacetalks._base import Model, meta
from peacetalks._invariants import field_in, given, implies, missing, non_empty
from peacetalks._rules import ID, LANGUAGE, NON_EMPTY, describe
from peacetalks.common import Citation, Identifier, Place, SourceValue
from peacetalks.errors import Problem
from peacetalks.evidence import Evidence
from peacetalks.times import ReportedTime, ends_before_start

__all__ = [
    "Channel",
    "Claim",
    "Medium",
    "Qualifier",
    "Quantity",
    "Quotation",
    "Stance",
    "Statement",
]


class Quotation(enum.Enum):
    """How closely the statement's ``text`` follows the speaker's words."""

    DIRECT = "direct"
    """The speaker's words, verbatim, in quotation marks in the source."""
    PARTIAL = "partial"
    """A paraphrase with some quoted words: said Kyiv is ready to be "concrete and very fast"."""
    PARAPHRASE = "paraphrase"
    """The source's own words for what was said."""


class Medium(enum.Enum):
    """How a statement was delivered."""

    REMARKS_TO_REPORTERS = "remarks_to_reporters"
    """As in "told reporters"."""
    PRESS_CONFERENCE = "press_conference"
    INTERVIEW = "interview"
    SPEECH = "speech"
    WRITTEN_STATEMENT = "written_statement"
    SOCIAL_MEDIA_POST = "social_media_post"
    BROADCAST = "broadcast"
    PHONE_CALL = "phone_call"
    MEETING = "meeting"
    LETTER = "letter"


@attrs.frozen(kw_only=True, weakref_slot=False)
class Channel(Model):
    """Where and how a statement was made public.

    "An interview on state TV published on Telegram" is medium ``interview``,
    outlet ``"state TV"``, published on ``("Telegram",)``.
    """

    medium: Medium = attrs.field(metadata=meta("interview, remarks_to_reporters, speech..."))
    outlet: str | None = attrs.field(
        default=None, metadata=meta("The outlet: 'Fox News', 'Bloomberg Television'.", NON_EMPTY)
    )
    program: str | None = attrs.field(
        default=None, metadata=meta("The programme or show: 'Fox News Sunday'.", NON_EMPTY)
    )
    interviewer: str | None = attrs.field(
        default=None, metadata=meta("Who conducted the interview: 'Tucker Carlson'.", NON_EMPTY)
    )
    published_on: tuple[str, ...] = attrs.field(
        default=(),
        metadata=meta("Where it was then published or relayed, in order: 'Telegram'.", NON_EMPTY),
    )


class Stance(enum.Enum):
    """What a statement does to what it is about."""

    SUPPORTS = "supports"
    AGREES = "agrees"
    """Agrees to a proposal, a truce or a course of action."""
    REJECTS = "rejects"
    DISPUTES = "disputes"
    """Contests an account of events; the disputed statements are in ``disputes``."""
    SETS_CONDITIONS = "sets_conditions"
    PROPOSES = "proposes"
    DEMANDS = "demands"
    PREDICTS = "predicts"
    ACCUSES = "accuses"
    ASSESSES = "assesses"
    """An analyst's or observer's judgement."""
    CONFIRMS = "confirms"
    DENIES = "denies"
    WARNS = "warns"


class Qualifier(enum.Enum):
    """How exact a :class:`Quantity` is."""

    EXACTLY = "exactly"
    AT_LEAST = "at_least"
    AT_MOST = "at_most"
    ABOUT = "about"
    MORE_THAN = "more_than"
    FEWER_THAN = "fewer_than"
    BETWEEN = "between"
    """From ``value`` to ``upper``."""


@attrs.frozen(kw_only=True, weakref_slot=False)
class Quantity(Model):
    """A number as claimed: "at least three people", "224 drones"."""

    schema_invariants = (
        implies(field_in("qualifier", [Qualifier.BETWEEN]), given("upper"), missing("upper")),
    )
    schema_gaps = ("`upper` is at least `value`: JSON Schema cannot compare two values.",)

    value: int | float = attrs.field(metadata=meta("The number."))
    unit: str = attrs.field(metadata=meta("What is counted: 'people', 'drones'.", NON_EMPTY))
    qualifier: Qualifier = attrs.field(
        default=Qualifier.EXACTLY, metadata=meta("exactly, at_least, about, between...")
    )
    upper: int | float | None = attrs.field(
        default=None, metadata=meta("The upper end, for a range ('between 200 and 300').")
    )
    words: str | None = attrs.field(
        default=None, metadata=meta("The source's words: 'at least three'.", NON_EMPTY)
    )

    def _check(self) -> list[Problem]:
        # That value and upper are finite numbers is checked first, for every field.
        problems = []
        if self.qualifier is Qualifier.BETWEEN:
            if self.upper is None:
                problems.append(Problem(("upper",), "an upper end for a range"))
            elif self.upper < self.value:
                problems.append(
                    Problem(
                        ("upper",), f"an upper end of at least {self.value}", describe(self.upper)
                    )
                )
        elif self.upper is not None:
            problems.append(
                Problem(
                    ("upper",),
                    "no upper end unless the qualifier is 'between'",
                    describe(self.upper),
                )
            )
        return problems


@attrs.frozen(kw_only=True, weakref_slot=False)
class Claim(Model):
    """A factual claim a statement makes, usually with a number a fact-checker can test."""

    subject: str = attrs.field(
        metadata=meta("What is claimed: 'Ukrainian drones shot down'.", NON_EMPTY)
    )
    quantity: Quantity | None = attrs.field(default=None, metadata=meta("The number claimed."))
    period: ReportedTime | None = attrs.field(
        default=None, metadata=meta("The time the claim covers: 'in the past day'.")
    )
    place: Place | None = attrs.field(default=None, metadata=meta("Where, if the claim says."))


@attrs.frozen(kw_only=True, weakref_slot=False)
class Statement(Model):
    """An attributed utterance: a direct quote, a partial quote or a paraphrase.

    ``text`` is kept exactly as the source prints it, never corrected or
    trimmed. ``said`` is when it was said, ``reported`` when the source
    reported it: "said in an interview posted late Friday".
    """

    record_type: ClassVar[str | None] = "statement"
    schema_invariants = (
        implies(non_empty("disputes"), field_in("stance", [Stance.DISPUTES, Stance.DENIES])),
    )
    schema_gaps = (
        "`reported` is not before `said`: JSON Schema cannot compare two values.",
        "`disputes` does not include the statement's own `id`: JSON Schema cannot compare"
        " two values.",
    )

    id: str = attrs.field(metadata=meta("This record's stable id.", ID))
    speaker: str = attrs.field(metadata=meta("The id of the actor who said it, named or not.", ID))
    quotation: Quotation = attrs.field(metadata=meta("direct, partial or paraphrase."))
    text: str = attrs.field(
        metadata=meta(
            "The words, verbatim for a direct quote, as the source prints them.", NON_EMPTY
        )
    )
    language: str | None = attrs.field(
        default=None, metadata=meta("The language of the text, as a BCP 47 tag.", LANGUAGE)
    )
    addressed_to: tuple[str, ...] = attrs.field(
        default=(), metadata=meta("Ids of the actors spoken to, if the source says.", ID)
    )
    said: ReportedTime | None = attrs.field(default=None, metadata=meta("When it was said."))
    reported: ReportedTime | None = attrs.field(
        default=None, metadata=meta("When it was first reported or published.")
    )
    channel: Channel | None = attrs.field(
        default=None, metadata=meta("How it was delivered: told reporters, an interview...")
    )
    place: Place | None = attrs.field(default=None, metadata=meta("Where it was said."))
    venue: str | None = attrs.field(
        default=None, metadata=meta("The id of the talks or call it was said at.", ID)
    )
    about: tuple[str, ...] = attrs.field(
        default=(), metadata=meta("Ids of the records it is about: proposals, truces, venues.", ID)
    )
    stance: Stance | None = attrs.field(
        default=None, metadata=meta("What it does to what it is about: supports, rejects...")
    )
    disputes: tuple[str, ...] = attrs.field(
        default=(), metadata=meta("Ids of the statements whose account it disputes.", ID)
    )
    claims: tuple[Claim, ...] = attrs.field(
        default=(), metadata=meta("Factual claims it makes, with their numbers.")
    )
    sources: tuple[Citation, ...] = attrs.field(
        default=(), metadata=meta("Where this record comes from.")
    )
    identifiers: tuple[Identifier, ...] = attrs.field(
        default=(), metadata=meta("Ids of the same statement elsewhere.")
    )
    source_columns: tuple[SourceValue, ...] = attrs.field(
        default=(),
        metadata=meta("Cells of the source dataset no other field holds, kept for an export."),
    )
    evidence: tuple[Evidence, ...] = attrs.field(
        default=(), metadata=meta("The spans of the source it rests on, and who extracted it.")
    )

    def _check(self) -> list[Problem]:
        problems = []
        if ends_before_start(self.said, self.reported):
            problems.append(
                Problem(
                    ("reported",),
                    "a report no earlier than the statement",
                    "a time before it was said",
                )
            )
        if self.id in self.disputes:
            problems.append(Problem(("disputes",), "statements other than this one", repr(self.id)))
        if self.disputes and self.stance not in (Stance.DISPUTES, Stance.DENIES):
            shown = "no stance" if self.stance is None else repr(self.stance.value)
            problems.append(
                Problem(
                    ("stance",),
                    "'disputes' or 'denies' for a statement that disputes others",
                    shown,
                )
            )
        return problems
