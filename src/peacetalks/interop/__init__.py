"""Importers and exporters for the field's datasets.

Each importer reads a file (a path, or its bytes) and returns an
:class:`ImportResult`: a :class:`~peacetalks.Document` holding the valid records
it made, and one :class:`RowReport` for every row or record it read, saying
whether it was imported, merged (a duplicate), skipped (out of scope) or
rejected, and why. Nothing is dropped without a word, and a bad row never stops
the import.

* :func:`read_ethprio`: the ETH/PRIO Civil Conflict Ceasefire dataset (CSV).
* :func:`read_pax`: the PA-X Peace Agreements Database (CSV).
* :func:`read_popolo`: Popolo persons, organizations and memberships (JSON).
* :func:`read_plover`: PLOVER event records (JSON), old vocabulary included.
* :func:`read_ucdp`: the UCDP Peace Agreement dataset (Excel workbook or CSV).

Exporters write peacetalks records out: :func:`to_popolo` (actors),
:func:`to_plover` (statements, proposals, truces and meetings),
:func:`to_ethprio` (truces, as CSV) and :func:`to_pax` (agreements, as CSV).
Each returns the data and notes on what it could not write. Records imported
from ETH/PRIO or PA-X keep every cell their typed fields cannot hold
(``source_columns``), so an export gives every cell back;
:func:`compare_csv` checks that, cell by cell.

More importers can be plugged in by other packages: see :mod:`peacetalks.interop.plugins`.
"""

from collections.abc import Callable
from typing import Any, Protocol

from peacetalks.document import Document
from peacetalks.interop._columns import CellDifference, compare_csv
from peacetalks.interop._common import Source
from peacetalks.interop._report import ImportResult, RowOutcome, RowReport
from peacetalks.interop.ethprio import read_ethprio, to_ethprio
from peacetalks.interop.pax import read_pax, to_pax
from peacetalks.interop.plover import read_plover, to_plover
from peacetalks.interop.popolo import read_popolo, to_popolo
from peacetalks.interop.ucdp import read_ucdp
from peacetalks.limits import Limits

__all__ = [
    "EXPORTERS",
    "IMPORTERS",
    "CellDifference",
    "ImportResult",
    "Importer",
    "RowOutcome",
    "RowReport",
    "compare_csv",
    "read_ethprio",
    "read_pax",
    "read_plover",
    "read_popolo",
    "read_ucdp",
    "to_ethprio",
    "to_pax",
    "to_plover",
    "to_popolo",
]


class Importer(Protocol):
    """What every importer is: ``read_...(source, limits=..., encoding=...)``.

    ``encoding`` is ``None`` for the format's own (UTF-8 for every built-in one).
    """

    def __call__(
        self, source: Source, *, limits: Limits = ..., encoding: str | None = ...
    ) -> ImportResult: ...


#: Importers by format name, as the command line names them.
IMPORTERS: dict[str, Importer] = {
    "ethprio": read_ethprio,
    "pax": read_pax,
    "popolo": read_popolo,
    "plover": read_plover,
    "ucdp": read_ucdp,
}
#: Exporters by format name, as the command line names them.
EXPORTERS: dict[str, Callable[[Document], tuple[Any, list[str]]]] = {
    "popolo": to_popolo,
    "plover": to_plover,
    "ethprio": to_ethprio,
    "pax": to_pax,
}
