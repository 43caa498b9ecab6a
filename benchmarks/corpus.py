"""A deterministic corpus of peacetalks records, as plain JSON data.

``make_corpus(n)`` gives ``n`` records of every kind, in the canonical wire form
(defaults left out, as :func:`peacetalks.to_dict` writes them), built from a
seeded :class:`random.Random` alone: the same ``n`` and ``seed`` give the same
records on every machine. Text lengths follow the bundled example (names of a
few words, quotes of one to four sentences); about 10% of the text is not ASCII
(Ukrainian, Russian, Arabic, Turkish); times of day are given in several zones
with the UTC offset each zone has at that moment; about half the dates are
partial (a year, a month, a day).

``make_invalid(records)`` gives one broken copy of records for each way of
breaking them that every library in ``benchmarks/peers`` can detect.
"""

from __future__ import annotations

import copy
import random
import zoneinfo
from collections.abc import Callable
from datetime import datetime, timedelta
from typing import Any

__all__ = ["KIND_SHARES", "make_corpus", "make_invalid"]

Record = dict[str, Any]

#: The share of each record kind in the corpus (statements dominate news extraction).
KIND_SHARES = (
    ("statement", 0.40),
    ("actor", 0.30),
    ("proposal", 0.12),
    ("venue", 0.10),
    ("truce", 0.08),
)

_ZONES = (
    "Europe/Kyiv",
    "Europe/Moscow",
    "America/New_York",
    "Asia/Riyadh",
    "Europe/Istanbul",
    "UTC",
    "Asia/Kolkata",
)
_COUNTRIES = ("UA", "RU", "US", "SA", "TR", "GB", "FR", "DE", "QA", "CH", "BY", "PL")
_PROSE = (
    "ceasefire talks energy infrastructure strikes officials said the proposal would "
    "require both sides to halt attacks on shipping in the Black Sea while negotiators "
    "meet again next week delegation envoy summit agreement sanctions prisoners exchange "
    "monitoring mission withdrawal of forces along the front line humanitarian corridor "
    "according to people familiar with the planning who asked not to be identified"
)
_WORDS = tuple(_PROSE.split())
_FOREIGN_PROSE = (
    "перемир'я енергетичної інфраструктури переговори делегація Київ Зеленський "
    "прекращение огня переговоры Москва Кремль وقف إطلاق النار مفاوضات الرياض "
    "ateşkes müzakereleri İstanbul heyeti"
)
_FOREIGN = tuple(_FOREIGN_PROSE.split())
_FIRST = ("Volodymyr", "Sergei", "Marco", "Steve", "Andriy", "Yuri", "Keith", "Hakan", "Faisal")
_LAST = ("Zelenskyy", "Lavrov", "Rubio", "Witkoff", "Yermak", "Ushakov", "Kellogg", "Fidan")
_NATIVE = ("Володимир Зеленський", "Сергей Лавров", "Андрій Єрмак", "فيصل بن فرحان", "Hakan Fidan")
_ENUMS = {
    "category": ("person", "group", "state", "government", "government_body", "think_tank"),
    "relation": ("leader", "official", "spokesperson", "envoy", "adviser", "familiar_with"),
    "quotation": ("direct", "partial", "paraphrase"),
    "medium": ("remarks_to_reporters", "interview", "press_conference", "social_media_post"),
    "stance": ("supports", "rejects", "sets_conditions", "proposes", "demands", "warns"),
    "topic": ("ceasefire", "arms_supplies", "sanctions", "territory", "energy", "shipping"),
    "position": ("accepted", "rejected", "open_to_discussion", "not_agreed", "undecided"),
    "status": ("proposed", "under_discussion", "rejected", "withdrawn"),
    "consent": ("phone_call", "joint_statement", "unilateral_declaration", "through_mediator"),
    "event": ("proposed", "announced", "took_effect", "violation_alleged", "collapsed"),
    "format": ("direct", "parallel", "summit", "technical", "multilateral"),
    "rank": ("leaders", "ministerial", "senior_officials", "working_level"),
    "unit": ("drones", "people", "missiles", "prisoners", "days"),
}


class _Maker:
    def __init__(self, seed: int) -> None:
        self.rng = random.Random(seed)
        self.serial = 0

    # Building blocks -------------------------------------------------------

    def chance(self, p: float) -> bool:
        return self.rng.random() < p

    def pick(self, options: tuple[str, ...]) -> str:
        return self.rng.choice(options)

    def text(self, low: int, high: int) -> str:
        """Words making up ``low`` to ``high`` characters; about 10% not ASCII."""
        target = self.rng.randint(low, high)
        pool = _FOREIGN if self.chance(0.10) else _WORDS
        words: list[str] = []
        size = 0
        while size < target:
            word = self.rng.choice(pool)
            words.append(word)
            size += len(word) + 1
        text = " ".join(words)
        return text[0].upper() + text[1:]

    def ident(self, prefix: str) -> str:
        return f"{prefix}-{self.rng.randrange(100_000):05d}"

    def ids(self, prefix: str, most: int) -> list[str]:
        return sorted({self.ident(prefix) for _ in range(self.rng.randint(1, most))})

    def point(self, zone: str | None, *, with_time: bool) -> str:
        """An ISO prefix: a year, month or day, or a time of day in ``zone``."""
        day = datetime(2014, 1, 1) + timedelta(days=self.rng.randrange(4000))
        if with_time and zone is not None:
            moment = day.replace(hour=self.rng.randrange(24), minute=self.rng.randrange(60))
            offset = moment.replace(tzinfo=zoneinfo.ZoneInfo(zone)).utcoffset()
            assert offset is not None
            minutes = int(offset.total_seconds() // 60)
            sign = "+" if minutes >= 0 else "-"
            text_offset = "Z" if minutes == 0 else f"{sign}{abs(minutes) // 60:02d}:"
            text_offset += "" if minutes == 0 else f"{abs(minutes) % 60:02d}"
            if self.chance(0.5):
                return f"{moment:%Y-%m-%dT%H:%M}{text_offset}"
            return f"{moment:%Y-%m-%dT%H}{text_offset}"
        precision = self.rng.random()
        if precision < 0.15:
            return f"{day:%Y}"
        if precision < 0.45:
            return f"{day:%Y-%m}"
        return f"{day:%Y-%m-%d}"

    def when(self) -> Record:
        zone = self.pick(_ZONES) if self.chance(0.7) else None
        with_time = zone is not None and self.chance(0.3)
        earliest = self.point(zone, with_time=with_time)
        value: Record = {}
        if self.chance(0.6):
            value["words"] = self.text(6, 40)
        value["earliest"] = earliest
        value["latest"] = earliest
        if zone is not None:
            value["zone"] = zone
        if self.chance(0.5):
            value["reference"] = earliest[:10] if len(earliest) >= 10 else earliest
            value["basis"] = "inferred"
        if self.chance(0.1):
            value["approximate"] = True
        return value

    def citation(self) -> Record:
        value: Record = {"publisher": self.pick(("Bloomberg News", "Reuters", "Kyiv Independent"))}
        value["title"] = self.text(30, 90)
        if self.chance(0.5):
            value["url"] = f"https://news.example.org/{self.ident('story')}"
        if self.chance(0.3):
            value["authors"] = [f"{self.pick(_FIRST)} {self.pick(_LAST)}"]
        if self.chance(0.3):
            value["published"] = self.when()
        if self.chance(0.4):
            value["language"] = self.pick(("en", "uk", "ru", "ar"))
        return value

    def place(self) -> Record:
        value: Record = {"name": self.pick(("Kyiv", "Riyadh", "Istanbul", "Geneva", "Доха"))}
        value["kind"] = self.pick(("city", "country", "building"))
        if self.chance(0.7):
            value["country"] = self.pick(_COUNTRIES)
        if self.chance(0.2):
            value["coordinates"] = {
                "latitude": round(self.rng.uniform(-60, 70), 4),
                "longitude": round(self.rng.uniform(-170, 170), 4),
            }
        return value

    def identifiers(self) -> list[Record]:
        if self.chance(0.5):
            return [{"scheme": "wikidata", "value": f"Q{self.rng.randrange(1, 10**7)}"}]
        return [{"scheme": "ucdp_actor", "value": str(self.rng.randrange(1, 5000))}]

    def sources(self) -> list[Record]:
        return [self.citation() for _ in range(self.rng.randint(1, 2))]

    def duration(self) -> Record:
        if self.chance(0.15):
            return {"kind": "indefinite", "words": "open-ended"}
        amount = self.rng.choice((30, 72, 2, 10))
        return {"amount": amount, "unit": self.pick(("day", "hour", "week")), "words": "30-day"}

    # Records ---------------------------------------------------------------

    def actor(self, record_id: str) -> Record:
        value: Record = {"type": "actor", "id": record_id}
        unnamed = self.chance(0.15)
        value["category"] = "group" if unnamed else self.pick(_ENUMS["category"])
        if unnamed:
            value["description"] = self.text(20, 60)
        else:
            value["name"] = f"{self.pick(_FIRST)} {self.pick(_LAST)}"
        if not unnamed and self.chance(0.4):
            value["names"] = [
                {"text": self.pick(_NATIVE), "kind": "native", "language": "uk", "script": "Cyrl"},
                {"text": self.pick(_LAST), "kind": "transliteration", "language": "en"},
            ]
        if self.chance(0.8):
            value["country"] = self.pick(_COUNTRIES)
        if self.chance(0.6):
            affiliation: Record = {
                "organization": self.ident("org"),
                "relation": self.pick(_ENUMS["relation"]),
            }
            if self.chance(0.7):
                affiliation["role"] = self.text(10, 30)
            if self.chance(0.3):
                affiliation["start"] = self.point(None, with_time=False)
            value["affiliations"] = [affiliation]
        if unnamed:
            value["anonymity"] = {"reason": self.text(20, 60), "how_many": "several"}
        value["sources"] = self.sources()
        if self.chance(0.4):
            value["identifiers"] = self.identifiers()
        return value

    def statement(self, record_id: str) -> Record:
        value: Record = {
            "type": "statement",
            "id": record_id,
            "speaker": self.ident("actor"),
            "quotation": self.pick(_ENUMS["quotation"]),
            "text": self.text(60, 400),
        }
        if self.chance(0.8):
            value["language"] = self.pick(("en", "uk", "ru"))
        if self.chance(0.3):
            value["addressed_to"] = self.ids("actor", 2)
        if self.chance(0.7):
            value["said"] = self.when()
        if self.chance(0.4):
            value["channel"] = {"medium": self.pick(_ENUMS["medium"]), "outlet": "Fox News"}
        if self.chance(0.2):
            value["place"] = self.place()
        if self.chance(0.6):
            value["about"] = self.ids("proposal", 2)
        if self.chance(0.6):
            value["stance"] = self.pick(_ENUMS["stance"])
        if self.chance(0.25):
            claim: Record = {"subject": self.text(20, 80)}
            claim["quantity"] = {
                "value": self.rng.randrange(1, 500),
                "unit": self.pick(_ENUMS["unit"]),
                "qualifier": "at_least",
                "words": "at least",
            }
            value["claims"] = [claim]
        value["sources"] = self.sources()
        return value

    def proposal(self, record_id: str) -> Record:
        value: Record = {"type": "proposal", "id": record_id, "title": self.text(15, 50)}
        value["proposed_by"] = self.ids("actor", 2)
        value["addressed_to"] = self.ids("actor", 2)
        if self.chance(0.6):
            value["proposed"] = self.when()
        value["terms"] = [
            {"topic": self.pick(_ENUMS["topic"]), "description": self.text(20, 120)}
            for _ in range(self.rng.randint(1, 3))
        ]
        if self.chance(0.3):
            value["conditions"] = [{"description": self.text(20, 100)}]
        status = self.pick(_ENUMS["status"])
        if status != "proposed":
            value["status"] = status
        responses = []
        for _ in range(self.rng.randint(0, 3)):
            response: Record = {"party": self.ident("actor")}
            response["position"] = self.pick(_ENUMS["position"])
            if self.chance(0.5):
                response["when"] = self.when()
            responses.append(response)
        if responses:
            value["responses"] = responses
        value["sources"] = self.sources()
        return value

    def truce(self, record_id: str) -> Record:
        value: Record = {"type": "truce", "id": record_id, "name": self.text(15, 40)}
        actors = self.ids("actor", 3)
        parties = []
        for actor in actors:
            party: Record = {"actor": actor, "consent": self.pick(_ENUMS["consent"])}
            if self.chance(0.6):
                party["consented"] = self.when()
            parties.append(party)
        value["parties"] = parties
        if self.chance(0.5):
            value["mediators"] = self.ids("actor", 1)
        if self.chance(0.5):
            value["scope"] = {"extent": "partial", "targets": ["energy_infrastructure"]}
        else:
            value["scope"] = {"extent": "comprehensive"}
        value["duration"] = self.duration()
        declared = self.point(None, with_time=False)
        value["declared"] = {"words": self.text(6, 30), "earliest": declared, "latest": declared}
        if self.chance(0.5):
            value["purposes"] = ["humanitarian"]
        if self.chance(0.5):
            value["events"] = [
                {"kind": self.pick(_ENUMS["event"]), "when": self.when(), "words": self.text(9, 80)}
                for _ in range(self.rng.randint(1, 3))
            ]
        value["sources"] = self.sources()
        if self.chance(0.3):
            row = str(self.rng.randrange(1, 99999))
            value["identifiers"] = [{"scheme": "ethprio", "value": row}]
        return value

    def venue(self, record_id: str) -> Record:
        value: Record = {"type": "venue", "id": record_id, "name": self.text(10, 40)}
        remote = self.chance(0.3)
        value["formats"] = ["phone_call"] if remote else [self.pick(_ENUMS["format"])]
        if not remote:
            value["place"] = self.place()
        value["status"] = "held"
        value["when"] = self.when()
        if remote:
            value["duration"] = {"amount": 2, "unit": "hour", "words": "two-hour"}
        value["participants"] = self.ids("actor", 3)
        if not remote and self.chance(0.5):
            members = self.ids("person", 3)
            value["delegations"] = [
                {
                    "sent_by": self.ident("actor"),
                    "members": members,
                    "head": members[0],
                    "rank": self.pick(_ENUMS["rank"]),
                    "size": len(members) + self.rng.randrange(3),
                }
            ]
        if self.chance(0.5):
            value["outcome"] = "no_agreement"
        value["sources"] = self.sources()
        return value


def make_corpus(n: int, seed: int = 7) -> list[Record]:
    """``n`` valid records of every kind, in the canonical wire form, shuffled."""
    maker = _Maker(seed)
    builders: dict[str, Callable[[str], Record]] = {
        "actor": maker.actor,
        "statement": maker.statement,
        "proposal": maker.proposal,
        "truce": maker.truce,
        "venue": maker.venue,
    }
    kinds: list[str] = []
    for kind, share in KIND_SHARES:
        kinds.extend([kind] * max(1, round(n * share)))
    kinds = kinds[:n]
    maker.rng.shuffle(kinds)
    return [builders[kind](f"{kind}-{index:06d}") for index, kind in enumerate(kinds)]


# Ways to break a record that every library must detect: (name, applies to, breaker).
def _set(key: str, value: object) -> Callable[[Record], None]:
    def breaker(record: Record) -> None:
        record[key] = value

    return breaker


def _drop(key: str) -> Callable[[Record], None]:
    def breaker(record: Record) -> None:
        record.pop(key, None)

    return breaker


def _nested(path: tuple[str | int, ...], value: object) -> Callable[[Record], None]:
    def breaker(record: Record) -> None:
        target: Any = record
        for step in path[:-1]:
            target = target[step]
        target[path[-1]] = value

    return breaker


def _append_party(record: Record) -> None:
    record["parties"].append(dict(record["parties"][0]))


_QUANTITY = {"value": 5, "unit": "drones"}
_BREAKERS: tuple[tuple[str, str | None, Callable[[Record], None]], ...] = (
    ("id is an integer", None, _set("id", 5)),
    ("id has a space", None, _set("id", "bad id")),
    ("unknown key", None, _set("colour", "red")),
    ("wrong type tag", None, _set("type", "treaty")),
    ("sources is a string", None, _set("sources", "Reuters")),
    ("unknown enum value", "actor", _set("category", "alien")),
    ("bad country code", "actor", _set("country", "XX")),
    ("anonymous but named", "actor", _set("anonymity", {"how_many": "one"})),
    ("name is blank", "actor", _set("name", "   ")),
    ("missing text", "statement", _drop("text")),
    ("bad language tag", "statement", _set("language", "English")),
    ("time of day without offset", "statement", _set("said", {"earliest": "2025-03-18T10:00"})),
    ("date that does not exist", "statement", _set("said", {"earliest": "2025-02-29"})),
    (
        "offset wrong for the zone",
        "statement",
        _set("said", {"earliest": "2025-03-18T10:00+05:00", "zone": "Europe/Kyiv"}),
    ),
    (
        "latest before earliest",
        "statement",
        _set("said", {"earliest": "2025-03", "latest": "2024"}),
    ),
    ("unknown zone", "statement", _set("said", {"earliest": "2025", "zone": "Mars/Olympus"})),
    ("disputes itself", "statement", lambda r: r.update(disputes=[r["id"]], stance="disputes")),
    (
        "string for a number",
        "statement",
        _set("claims", [{"subject": "x", "quantity": {**_QUANTITY, "value": "5"}}]),
    ),
    (
        "boolean for a number",
        "statement",
        _set("claims", [{"subject": "x", "quantity": {**_QUANTITY, "value": True}}]),
    ),
    ("no title and no terms", "proposal", lambda r: (r.pop("title"), r.pop("terms"))),
    (
        "conditional without conditions",
        "proposal",
        _set("responses", [{"party": "a", "position": "conditional"}]),
    ),
    ("term topic unknown", "proposal", _nested(("terms", 0, "topic"), "peace")),
    ("a party twice", "truce", _append_party),
    ("fixed duration without amount", "truce", _set("duration", {"unit": "day"})),
    (
        "place for a phone call",
        "venue",
        lambda r: r.update(formats=["phone_call"], place={"name": "Kyiv"}),
    ),
    (
        "delegation smaller than its members",
        "venue",
        _set("delegations", [{"sent_by": "a", "members": ["b", "c"], "size": 1}]),
    ),
    (
        "outcome of planned talks",
        "venue",
        lambda r: r.update(status="planned", outcome="agreement"),
    ),
    (
        "latitude out of range",
        "venue",
        _set("place", {"name": "X", "coordinates": {"latitude": 91, "longitude": 0}}),
    ),
)


def make_invalid(records: list[Record]) -> list[tuple[str, Record]]:
    """One broken copy of a record for each way of breaking it, named."""
    broken: list[tuple[str, Record]] = []
    for name, kind, breaker in _BREAKERS:
        original = next(r for r in records if kind is None or r["type"] == kind)
        record = copy.deepcopy(original)
        breaker(record)
        broken.append((name, record))
    return broken
