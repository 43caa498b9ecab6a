"""A Spark (or any map-over-partitions engine) step: validate lines, write tables.

:func:`write_partition` is meant for ``rdd.mapPartitionsWithIndex``: each
partition's JSON Lines are read and checked by peacetalks, the good records
are written as that partition's part of the tables (``part-NNNNN.parquet`` in
each table's folder, then segments ``part-NNNNN.s00001.parquet``... for a long
partition), and every bad line comes back as a row with its reasons, so nothing
is lost silently. It does not import pyspark: it runs in the
executors' Python, where only peacetalks and pyarrow are needed.

>>> import tempfile
>>> lines = ['{"type":"actor","id":"a","category":"person"}']
>>> rows = list(write_partition(3, lines, tempfile.mkdtemp()))
>>> rows[0]["partition"], rows[0]["line"], rows[0]["reasons"]
(3, 1, ["actor 'a' at $.name: expected a name, or a description for an unnamed actor, got nothing"])
"""

from __future__ import annotations

import os
from collections.abc import Iterable, Iterator
from typing import Any

from peacetalks.document import SCHEMA_VERSION
from peacetalks.jsonlines import BadLine, JsonLinesReader
from peacetalks.tables._write import write_parquet

__all__ = ["BAD_LINE_FIELDS", "write_partition"]

#: The fields of each bad-line row, for a Spark schema:
#: partition (int), line (int, within the partition), text (string), reasons (array of strings).
BAD_LINE_FIELDS = ("partition", "line", "text", "reasons")


def write_partition(
    index: int,
    lines: Iterable[str | bytes],
    directory: str | os.PathLike[str],
    *,
    schema_version: int = SCHEMA_VERSION,
) -> Iterator[dict[str, Any]]:
    """Validate one partition's lines and write its tables as part ``index``.

    Yields one dict per bad line: ``partition``, ``line`` (counting from 1 within
    the partition), ``text`` and ``reasons`` (one string per problem). A
    partition that starts with a stream header line is read in that header's
    version; otherwise in ``schema_version``. The tables are complete before
    the first bad line is yielded.
    """
    bad: list[BadLine] = []
    encoded = (line if isinstance(line, bytes) else line.encode("utf-8") for line in lines)
    reader = JsonLinesReader(encoded, on_bad_line=bad.append, schema_version=schema_version)
    write_parquet(reader, directory, part=index)
    for line in bad:
        yield {
            "partition": index,
            "line": line.line,
            "text": line.text.decode("utf-8", errors="replace"),
            "reasons": [str(problem) for problem in line.problems],
        }
