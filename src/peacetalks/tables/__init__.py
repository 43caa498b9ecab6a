"""Tables for analysts and engines: records as Arrow, Parquet, CSV, pandas and Polars.

What lives here:

* the **table layout** (:func:`layout`, :data:`LAYOUT_VERSION`): one table per
  record kind (``actors``, ``statements``, ``proposals``, ``truces``,
  ``venues``) and a child table for every repeated value inside them
  (``truce_parties``, ``actor_names``, ``proposal_responses``...), keyed by the
  record's position and id and each repeated value's position;
* **writers**: :func:`to_arrow` (``pyarrow.Table`` s), :func:`write_parquet`
  (streamed from a document or JSON Lines in bounded memory),
  :func:`write_csv`, :class:`TableWriter` underneath them, and
  :func:`to_pandas` / :func:`to_polars` through Arrow;
* **the way back**: :func:`read_parquet` and :func:`from_arrow`, lossless;
* a Spark (or any map-over-partitions engine) step in
  :mod:`peacetalks.tables.spark`.

Beside it: the **actor network** and **places** in :mod:`peacetalks.network`
and :mod:`peacetalks.geo`, and **country codes** for joining other datasets in
:mod:`peacetalks.countries`.

Needs ``pip install peacetalks[tables]`` (pyarrow). See ``docs/tables.md``.

>>> import peacetalks as pt
>>> from peacetalks.tables import to_arrow
>>> truces = to_arrow(pt.load_example().records)["truces"]
>>> truces.select(["id", "effective_start_date"]).to_pylist()[0]
{'id': 'energy-truce', 'effective_start_date': None}
"""

from __future__ import annotations

from typing import TYPE_CHECKING, Any

try:
    import pyarrow
except ImportError as exc:  # pragma: no cover - exercised where pyarrow is absent
    raise ImportError("peacetalks.tables needs pyarrow: pip install 'peacetalks[tables]'") from exc

from peacetalks.tables._arrow import arrow_schema, to_arrow
from peacetalks.tables._layout import (
    LAYOUT_VERSION,
    SCHEMA_VERSIONS,
    Column,
    Table,
    layout,
    table_names,
)
from peacetalks.tables._read import from_arrow, read_parquet
from peacetalks.tables._write import (
    ROW_GROUP_ROWS,
    TablesReport,
    TableWriter,
    write_csv,
    write_parquet,
)

if TYPE_CHECKING:
    from collections.abc import Iterable

    from peacetalks.document import Record

__all__ = [
    "LAYOUT_VERSION",
    "ROW_GROUP_ROWS",
    "SCHEMA_VERSIONS",
    "Column",
    "Table",
    "TableWriter",
    "TablesReport",
    "arrow_schema",
    "from_arrow",
    "layout",
    "read_parquet",
    "table_names",
    "to_arrow",
    "to_pandas",
    "to_polars",
    "write_csv",
    "write_parquet",
]


def to_pandas(records: Iterable[Record]) -> dict[str, Any]:
    """Records as one pandas DataFrame per table (needs pandas), through Arrow.

    Columns keep their Arrow types (``pandas.ArrowDtype``), so nulls stay
    nulls: an unknown ``written`` is ``<NA>``, not ``False``, and integers stay
    integers.
    """
    import pandas as pd  # noqa: PLC0415 - optional

    def frame(table: pyarrow.Table) -> pd.DataFrame:
        return table.to_pandas(types_mapper=pd.ArrowDtype)

    return {name: frame(table) for name, table in to_arrow(records).items()}


def to_polars(records: Iterable[Record]) -> dict[str, Any]:
    """Records as one Polars DataFrame per table (needs polars), through Arrow."""
    import polars as pl  # noqa: PLC0415 - optional

    return {name: pl.from_arrow(table) for name, table in to_arrow(records).items()}
