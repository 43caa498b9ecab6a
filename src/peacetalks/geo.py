"""Places and venues as GeoJSON (RFC 7946), for QGIS, kepler.gl or geopandas.

:func:`to_geojson` gives a ``FeatureCollection`` with one feature for every
place any record names: a venue's place, where a statement was made, the place
of a claim or an agreement, the areas of a truce's scope. A place with
coordinates is a ``Point`` (longitude, latitude, WGS 84); one without has a
``null`` geometry, as RFC 7946 allows, so no place is dropped
(``located_only=True`` leaves those out). Each feature's properties name the
record (``record_type``, ``record_id``, ``record_name``), where in it the place
is (``path``, a JSON path) and the place itself (``name``, ``kind``,
``country``, ``within``).

>>> import peacetalks as pt
>>> venue = pt.Venue(id="istanbul-2022", place=pt.Place(name="Istanbul",
...     coordinates=pt.Coordinates(latitude=41.0082, longitude=28.9784)))
>>> feature = to_geojson([venue])["features"][0]
>>> feature["geometry"], feature["properties"]["path"]
({'type': 'Point', 'coordinates': [28.9784, 41.0082]}, '$.place')
"""

from __future__ import annotations

import json
import os
from collections.abc import Iterable, Iterator
from typing import Any

import attrs

from peacetalks.common import Place
from peacetalks.document import Record
from peacetalks.errors import format_path
from peacetalks.files import atomic_write

__all__ = ["to_geojson", "write_geojson"]


def _places(
    value: object, location: tuple[str | int, ...]
) -> Iterator[tuple[tuple[str | int, ...], Place]]:
    """Every place inside an object, with its location."""
    if isinstance(value, Place):
        yield location, value
        return
    if isinstance(value, tuple):
        for index, item in enumerate(value):
            yield from _places(item, (*location, index))
        return
    if attrs.has(type(value)):
        for field in attrs.fields(type(value)):  # type: ignore[arg-type]  # attrs.has said so
            if field.name == "extra_fields" or not field.init:
                continue
            item = getattr(value, field.name)
            if item is not None and not isinstance(item, str | int | float | bool):
                yield from _places(item, (*location, field.name))


def _feature(record: Record, location: tuple[str | int, ...], place: Place) -> dict[str, Any]:
    geometry = None
    if place.coordinates is not None:
        geometry = {
            "type": "Point",
            "coordinates": [place.coordinates.longitude, place.coordinates.latitude],
        }
    return {
        "type": "Feature",
        "geometry": geometry,
        "properties": {
            "record_type": str(record.record_type),
            "record_id": record.id,
            "record_name": getattr(record, "name", None) or getattr(record, "title", None),
            "path": format_path(location),
            "name": place.name,
            "kind": None if place.kind is None else place.kind.value,
            "country": place.country,
            "within": place.within,
        },
    }


def to_geojson(records: Iterable[Record], *, located_only: bool = False) -> dict[str, Any]:
    """Every place the records name, as a GeoJSON ``FeatureCollection``."""
    features = [
        _feature(record, location, place)
        for record in records
        for location, place in _places(record, ())
        if place.coordinates is not None or not located_only
    ]
    return {"type": "FeatureCollection", "features": features}


def write_geojson(
    records: Iterable[Record], path: str | os.PathLike[str], *, located_only: bool = False
) -> int:
    """Write :func:`to_geojson` to ``path``, atomically; returns how many features."""
    collection = to_geojson(records, located_only=located_only)
    text = json.dumps(collection, ensure_ascii=False, indent=1) + "\n"
    atomic_write(path, text.encode("utf-8"))
    return len(collection["features"])
