"""The bundled example: the seed article, recorded as a peacetalks document.

"US hopes for Ukraine peace deal as Putin seems in no hurry" (Bloomberg News,
March 2025): the energy-infrastructure truce agreed in separate phone calls,
the proposed Black Sea extension, the parallel talks in Saudi Arabia, the
demands, conditions and disputed accounts, every quoted statement and the
anonymous sources behind them.
"""

from __future__ import annotations

from functools import cache

from peacetalks.converter import from_json
from peacetalks.document import Document

__all__ = ["example_json", "load_example"]


def example_json() -> str:
    """The bundled example document as JSON text."""
    from importlib.resources import files  # noqa: PLC0415 - slow to import, rarely needed

    return files("peacetalks").joinpath("data", "example.json").read_text(encoding="utf-8")


@cache
def load_example() -> Document:
    """The bundled example document, loaded and validated."""
    return from_json(example_json(), Document)
