"""The actor network: actors, the talks, truces and proposals they take part in, as a graph.

:func:`actor_network` builds a :class:`networkx.MultiDiGraph` (needs
``pip install peacetalks[network]``):

* **nodes**: every actor (``kind="actor"``, with ``category``, ``name``,
  ``country``), and every truce, proposal and venue (``kind="truce"``...,
  with a ``name``); an id that records refer to but no record defines is a
  node with ``kind="unknown"``, so nothing referred to is dropped;
* **edges** from an actor, each with a ``relation``:

  - to another actor: its affiliations (``leader``, ``member``, ``official``,
    ``part_of``... with ``role``, ``start``, ``end``), ``member`` for the
    members a group lists, and ``same_as`` between actors that share an
    identifier (same scheme and value: ``scheme``, ``value``);
  - to a truce: ``party`` (with ``consent``), ``announced``, ``mediator``,
    ``monitor``;
  - to a proposal: ``proposer``, ``addressee``, ``response`` (with
    ``position``), ``signatory``, ``witness``, ``guarantor``, ``mediator``,
    ``third_party``;
  - to a venue: ``host``, ``mediator``, ``participant``, ``delegation``.

:func:`write_graphml` and :func:`write_gexf` write it for Gephi, yEd or
Cytoscape (atomically; attributes that are not known are left out).

>>> import peacetalks as pt
>>> graph = actor_network(pt.load_example().records)
>>> sorted(d["relation"] for _, _, d in graph.out_edges("trump", data=True))[:3]
['announced', 'leader', 'participant']
"""

from __future__ import annotations

import itertools
import os
from collections import defaultdict
from collections.abc import Iterable, Iterator
from typing import TYPE_CHECKING, Any

from peacetalks.actor import Actor
from peacetalks.document import Record
from peacetalks.files import atomic_output
from peacetalks.proposal import Proposal
from peacetalks.truce import Truce
from peacetalks.venue import Venue

if TYPE_CHECKING:
    import networkx as nx

__all__ = ["actor_network", "write_gexf", "write_graphml"]

_Edge = tuple[str, str, dict[str, Any]]


def _nx() -> Any:
    try:
        import networkx  # noqa: PLC0415 - optional
    except ImportError as exc:
        raise ImportError(
            "the actor network needs networkx: pip install 'peacetalks[network]'"
        ) from exc
    return networkx


def _attributes(**values: object) -> dict[str, Any]:
    """Attributes without the unknown ones (GraphML and GEXF have no null)."""
    out = {}
    for key, value in values.items():
        if value is None:
            continue
        out[key] = getattr(value, "value", value) if not isinstance(value, bool) else value
        if not isinstance(out[key], str | int | float | bool):
            out[key] = str(out[key])
    return out


def _actor_edges(actor: Actor) -> Iterator[_Edge]:
    for affiliation in actor.affiliations:
        yield (
            actor.id,
            affiliation.organization,
            _attributes(
                relation=affiliation.relation,
                role=affiliation.role,
                start=affiliation.start,
                end=affiliation.end,
            ),
        )
    for member in actor.members:
        yield member, actor.id, {"relation": "member"}


def _truce_edges(truce: Truce) -> Iterator[_Edge]:
    for party in truce.parties:
        yield party.actor, truce.id, _attributes(relation="party", consent=party.consent)
    for relation, actors in (
        ("announced", truce.announced_by),
        ("mediator", truce.mediators),
        ("monitor", truce.monitored_by),
    ):
        for actor in actors:
            yield actor, truce.id, {"relation": relation}


def _proposal_edges(proposal: Proposal) -> Iterator[_Edge]:
    for relation, actors in (
        ("proposer", proposal.proposed_by),
        ("addressee", proposal.addressed_to),
    ):
        for actor in actors:
            yield actor, proposal.id, {"relation": relation}
    for response in proposal.responses:
        yield (
            response.party,
            proposal.id,
            _attributes(relation="response", position=response.position),
        )
    agreement = proposal.agreement
    if agreement is not None:
        for relation, actors in (
            ("signatory", agreement.signatories),
            ("witness", agreement.witnesses),
            ("guarantor", agreement.guarantors),
            ("mediator", agreement.mediators),
            ("third_party", agreement.third_parties),
        ):
            for actor in actors:
                yield actor, proposal.id, {"relation": relation}


def _venue_edges(venue: Venue) -> Iterator[_Edge]:
    for relation, actors in (
        ("host", venue.hosts),
        ("mediator", venue.mediators),
        ("participant", venue.participants),
    ):
        for actor in actors:
            yield actor, venue.id, {"relation": relation}
    for delegation in venue.delegations:
        yield delegation.sent_by, venue.id, _attributes(relation="delegation", rank=delegation.rank)


def _node(record: Record) -> dict[str, Any]:
    if isinstance(record, Actor):
        return _attributes(
            kind="actor",
            category=record.category,
            name=record.name or record.description,
            country=record.country,
        )
    name = getattr(record, "name", None) or getattr(record, "title", None)
    return _attributes(kind=str(record.record_type), name=name)


def actor_network(records: Iterable[Record]) -> nx.MultiDiGraph:
    """The actors and their relations as a directed multigraph (see the module's docs)."""
    networkx = _nx()
    graph = networkx.MultiDiGraph()
    edges: list[_Edge] = []
    shared: dict[tuple[str, str], list[str]] = defaultdict(list)
    for record in records:
        if isinstance(record, Actor):
            graph.add_node(record.id, **_node(record))
            edges += _actor_edges(record)
            for identifier in record.identifiers:
                shared[(identifier.scheme, identifier.value)].append(record.id)
        elif isinstance(record, Truce):
            graph.add_node(record.id, **_node(record))
            edges += _truce_edges(record)
        elif isinstance(record, Proposal):
            graph.add_node(record.id, **_node(record))
            edges += _proposal_edges(record)
        elif isinstance(record, Venue):
            graph.add_node(record.id, **_node(record))
            edges += _venue_edges(record)
    for (scheme, value), actors in shared.items():
        for first, other in itertools.pairwise(actors):
            if first != other:
                edges.append(
                    (first, other, {"relation": "same_as", "scheme": scheme, "value": value})
                )
    for source, target, data in edges:
        for node in (source, target):
            if node not in graph:
                graph.add_node(node, kind="unknown")
        graph.add_edge(source, target, **data)
    return graph


def write_graphml(records: Iterable[Record], path: str | os.PathLike[str]) -> None:
    """Write the actor network as GraphML, atomically."""
    networkx = _nx()
    graph = actor_network(records)
    with atomic_output(path) as handle:
        for line in networkx.generate_graphml(graph):
            handle.write(line.encode("utf-8") + b"\n")


def write_gexf(records: Iterable[Record], path: str | os.PathLike[str]) -> None:
    """Write the actor network as GEXF (Gephi's format), atomically."""
    networkx = _nx()
    graph = actor_network(records)
    with atomic_output(path) as handle:
        for line in networkx.generate_gexf(graph):
            handle.write(line.encode("utf-8") + b"\n")
