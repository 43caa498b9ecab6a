"""The actor network (networkx, GraphML, GEXF), places as GeoJSON, and country codes."""

from __future__ import annotations

import json
from pathlib import Path

import networkx as nx
import pyarrow.parquet as pq
import pytest

import peacetalks as pt
from peacetalks.countries import countries, country_codes, cow_to_gw, gw_to_cow
from peacetalks.geo import to_geojson, write_geojson
from peacetalks.network import actor_network, write_gexf, write_graphml
from peacetalks.tables import read_parquet, write_parquet


def _edges(graph: nx.MultiDiGraph, source: str, target: str) -> list[dict[str, object]]:
    return [data for _, t, data in graph.out_edges(source, data=True) if t == target]


def test_the_example_network_has_affiliations_roles_and_nodes() -> None:
    graph = actor_network(pt.load_example().records)
    assert graph.nodes["trump"] == {
        "kind": "actor",
        "category": "person",
        "name": "Donald Trump",
        "country": "US",
    }
    assert graph.nodes["energy-truce"]["kind"] == "truce"
    assert _edges(graph, "trump", "united-states") == [
        {"relation": "leader", "role": "President", "start": "2025-01-20"}
    ]
    assert {d["relation"] for d in _edges(graph, "russia", "energy-truce")} == {"party"}
    assert _edges(graph, "russia", "energy-truce")[0]["consent"] == "phone_call"
    assert not [n for n, d in graph.nodes(data=True) if d["kind"] == "unknown"]


def test_members_same_as_links_and_unknown_ids() -> None:
    delegation = pt.Actor(
        id="us-delegation",
        category=pt.ActorCategory.DELEGATION,
        description="the US delegation",
        members=("witkoff", "rubio"),
    )
    witkoff = pt.Actor(
        id="witkoff",
        category=pt.ActorCategory.PERSON,
        name="Steve Witkoff",
        identifiers=(pt.Identifier(scheme="wikidata", value="Q7614174"),),
    )
    again = pt.Actor(
        id="steve-witkoff",
        category=pt.ActorCategory.PERSON,
        name="Steven Witkoff",
        identifiers=(pt.Identifier(scheme="wikidata", value="Q7614174"),),
    )
    responses = (
        pt.Response(party="ukraine", position=pt.ResponseKind.REJECTED),
        pt.Response(party="ukraine", position=pt.ResponseKind.ACCEPTED),
    )
    proposal = pt.Proposal(id="p", title="a deal", proposed_by=("witkoff",), responses=responses)
    graph = actor_network([delegation, witkoff, again, proposal])
    assert _edges(graph, "witkoff", "us-delegation") == [{"relation": "member"}]
    assert _edges(graph, "witkoff", "steve-witkoff") == [
        {"relation": "same_as", "scheme": "wikidata", "value": "Q7614174"}
    ]
    assert graph.nodes["rubio"] == {"kind": "unknown"}  # referred to, not defined: kept
    # A party's positions over time are all kept, not merged into one edge.
    assert [d["position"] for d in _edges(graph, "ukraine", "p")] == ["rejected", "accepted"]


def test_graphml_and_gexf_read_back_with_every_node_and_edge(tmp_path: Path) -> None:
    records = pt.load_example().records
    graph = actor_network(records)
    write_graphml(records, tmp_path / "actors.graphml")
    write_gexf(records, tmp_path / "actors.gexf")
    for read in (
        nx.read_graphml(tmp_path / "actors.graphml"),
        nx.read_gexf(tmp_path / "actors.gexf"),
    ):
        assert read.number_of_nodes() == graph.number_of_nodes()
        assert read.number_of_edges() == graph.number_of_edges()
    graphml = nx.read_graphml(tmp_path / "actors.graphml")
    assert graphml.nodes["trump"]["name"] == "Donald Trump"


def test_geojson_has_every_place_with_and_without_coordinates(tmp_path: Path) -> None:
    istanbul = pt.Place(
        name="Istanbul",
        kind=pt.PlaceKind.CITY,
        country="TR",
        coordinates=pt.Coordinates(latitude=41.0082, longitude=28.9784),
    )
    venue = pt.Venue(id="istanbul-2022", name="Istanbul talks", place=istanbul)
    records = [*pt.load_example().records, venue]
    collection = to_geojson(records)
    features = collection["features"]
    assert len(features) == 8  # the example's seven places and Istanbul with coordinates
    located = [f for f in features if f["geometry"] is not None]
    assert located == [
        {
            "type": "Feature",
            "geometry": {"type": "Point", "coordinates": [28.9784, 41.0082]},
            "properties": {
                "record_type": "venue",
                "record_id": "istanbul-2022",
                "record_name": "Istanbul talks",
                "path": "$.place",
                "name": "Istanbul",
                "kind": "city",
                "country": "TR",
                "within": None,
            },
        }
    ]
    assert write_geojson(records, tmp_path / "places.geojson", located_only=True) == 1
    assert json.loads((tmp_path / "places.geojson").read_text())["features"] == located


def test_country_codes_from_the_packaged_sources() -> None:
    ukraine = country_codes("UA")
    assert (ukraine.alpha3, ukraine.numeric, ukraine.name) == ("UKR", 804, "Ukraine")
    assert (ukraine.gw_number, ukraine.cow_number, ukraine.cow_letters) == (369, 369, "UKR")
    germany = country_codes("DE")
    assert (germany.gw_number, germany.cow_number) == (260, 255)  # where the systems differ
    kosovo = country_codes("XK")  # user-assigned: no ISO alpha-3 or numeric code
    assert (kosovo.alpha3, kosovo.numeric) == (None, None)
    assert [c.alpha2 for c in countries(["UA", "RU", "UA"])] == ["UA", "RU"]
    with pytest.raises(pt.ValidationError, match=r"\$\[1\]: expected an ISO 3166-1 alpha-2"):
        countries(["UA", "Ukraine"])


def test_gleditsch_ward_and_correlates_of_war_numbers_cross_directly() -> None:
    # Yugoslavia (345) has no ISO code today: the crosswalk works on the numbers alone.
    assert gw_to_cow([260, 345, 369, 999]) == [255, 345, 369, None]
    assert cow_to_gw([255, 345, 369]) == [260, 345, 369]
    assert gw_to_cow([]) == []
    with pytest.raises(pt.ValidationError) as raised:
        gw_to_cow([260, "345", True, -1])  # type: ignore[list-item]
    assert [p.path for p in raised.value.problems] == ["$[1]", "$[2]", "$[3]"]
    assert "a whole number from 0 to 999" in str(raised.value)


def test_the_countries_table_joins_ucdp_and_acled_codes(tmp_path: Path) -> None:
    document = pt.load_example()
    write_parquet(document, tmp_path / "t", countries=True)
    table = pq.read_table(tmp_path / "t" / "countries").to_pylist()
    by_code = {row["country"]: row for row in table}
    assert by_code["RU"]["gw_number"] == 365
    assert by_code["UA"]["numeric"] == 804
    actor_countries = {r.country for r in document.records if isinstance(r, pt.Actor) and r.country}
    assert actor_countries <= set(by_code)
    assert read_parquet(tmp_path / "t") == document  # the extra table does not disturb the way back
