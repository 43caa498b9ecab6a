"""Importers other packages provide, found through entry points.

A package adds an importer by declaring an entry point in the group
``peacetalks.importers``: the name is the format's name on the command line
(``peacetalks import NAME FILE -o OUT``), the object an :class:`Importer`, a
callable ``(source, *, limits, encoding) -> ImportResult``. In a
``pyproject.toml``::

    [project.entry-points."peacetalks.importers"]
    acled = "my_package.acled:read_acled"

Built-in formats keep their names: a plug-in with the name of one is not used,
and :func:`plugin_problems` says so. A plug-in is loaded only when it is used.
"""

from __future__ import annotations

from importlib.metadata import EntryPoint, entry_points

from peacetalks.interop import IMPORTERS, Importer

__all__ = ["GROUP", "importer_names", "load_importer", "plugin_problems"]

GROUP = "peacetalks.importers"


def _entry_points() -> dict[str, EntryPoint]:
    found: dict[str, EntryPoint] = {}
    for point in entry_points(group=GROUP):
        found.setdefault(point.name, point)
    return found


def importer_names() -> list[str]:
    """Every format that can be imported: the built-in ones and the plug-ins', sorted."""
    return sorted(set(IMPORTERS) | set(_entry_points()))


def plugin_problems() -> list[str]:
    """Plug-ins that are not used, and why (a name a built-in format already has)."""
    return [
        f"plug-in importer {name!r} ({point.value}) not used: {name!r} is a built-in format"
        for name, point in _entry_points().items()
        if name in IMPORTERS
    ]


def load_importer(name: str) -> Importer:
    """The importer for format ``name``: a built-in one, or a plug-in's, loaded now.

    Raises :class:`LookupError` for a name no importer has, and
    :class:`ImportError` (with the plug-in named) for a plug-in that cannot be
    loaded or is not callable.
    """
    if name in IMPORTERS:
        return IMPORTERS[name]
    point = _entry_points().get(name)
    if point is None:
        raise LookupError(f"no importer for {name!r}; known: {', '.join(importer_names())}")
    try:
        loaded = point.load()
    except Exception as exc:  # a plug-in's own failure, whatever it is
        raise ImportError(
            f"plug-in importer {name!r} ({point.value}) failed to load: {exc}"
        ) from exc
    if not callable(loaded):
        raise ImportError(f"plug-in importer {name!r} ({point.value}) is not callable")
    importer: Importer = loaded
    return importer
