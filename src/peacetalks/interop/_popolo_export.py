"""Actors → Popolo export JSON (persons, organizations, memberships)."""

from __future__ import annotations

from typing import Any

from peacetalks.actor import Actor, ActorCategory, Affiliation, Name, Relation
from peacetalks.document import Document

__all__ = ["to_popolo"]


def to_popolo(document: Document) -> tuple[dict[str, list[dict[str, Any]]], list[str]]:
    """The document's actors as a Popolo export, and notes on what was not written.

    Persons go to ``persons``, every other actor to ``organizations`` (with its
    category as ``classification``), affiliations to ``memberships``.
    """
    persons: list[dict[str, Any]] = []
    organizations: list[dict[str, Any]] = []
    memberships: list[dict[str, Any]] = []
    notes: list[str] = []
    for actor in document.of_type(Actor):
        person = actor.category is ActorCategory.PERSON
        obj: dict[str, Any] = {"id": actor.id}
        if actor.name is not None:
            obj["name"] = actor.name
        if actor.description is not None:
            obj["summary" if person else "description"] = actor.description
        if not person:
            obj["classification"] = actor.category.value
        lost: list[str] = []
        if actor.names:
            obj["other_names"] = [_other_name(name, lost) for name in actor.names]
        ids = [i for i in actor.identifiers if not (i.scheme == "popolo" and i.value == actor.id)]
        if ids:
            obj["identifiers"] = [{"identifier": i.value, "scheme": i.scheme} for i in ids]
        links = [{"url": c.url, "note": c.title or c.publisher} for c in actor.sources if c.url]
        if links:
            obj["sources"] = links
        lost += [name for name in ("country", "anonymity") if getattr(actor, name) is not None]
        lost += ["members"] if actor.members else []
        if len(links) < len(actor.sources):
            lost.append("sources without a URL")
        for index, affiliation in enumerate(actor.affiliations):
            if not person and affiliation.relation is Relation.PART_OF and "parent_id" not in obj:
                obj["parent_id"] = affiliation.organization
                continue
            memberships.append(_membership_out(actor, index, affiliation))
            if affiliation.role is not None and affiliation.relation is not Relation.MEMBER:
                lost.append(
                    f"the relation {affiliation.relation.value} to {affiliation.organization}"
                )
        if lost:
            notes.append(
                f"actor {actor.id!r}: not written, Popolo has no place for it: {', '.join(lost)}"
            )
        (persons if person else organizations).append(obj)
    others = len(document.records) - len(persons) - len(organizations)
    if others:
        notes.append(f"{others} records that are not actors were not written")
    return {"persons": persons, "organizations": organizations, "memberships": memberships}, notes


def _other_name(name: Name, lost: list[str]) -> dict[str, Any]:
    out: dict[str, Any] = {"name": name.text}
    for key, point in (("start_date", name.start), ("end_date", name.end)):
        if point is not None:
            # Popolo dates a name by the day at most.
            out[key] = str(point)[:10]
            if point.hour is not None:
                lost.append(f"the time of day of {name.text!r}'s {key}")
    if name.kind is not None:
        out["note"] = name.kind.value
    lost += [f"the {key} of {name.text!r}" for key in ("language", "script") if getattr(name, key)]
    return out


def _membership_out(actor: Actor, index: int, affiliation: Affiliation) -> dict[str, Any]:
    out: dict[str, Any] = {"id": f"{actor.id}-membership-{index + 1}"}
    if actor.category is ActorCategory.PERSON:
        out["person_id"] = actor.id
    else:
        out["member"] = {"id": actor.id} | ({"name": actor.name} if actor.name else {})
    out["organization_id"] = affiliation.organization
    out["role"] = affiliation.role or affiliation.relation.value
    if affiliation.start is not None:
        out["start_date"] = str(affiliation.start)
    if affiliation.end is not None:
        out["end_date"] = str(affiliation.end)
    return out
