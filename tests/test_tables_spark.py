"""A Spark job in local mode: validate a partitioned JSON Lines corpus, keep bad lines, write tables.

Needs Java. Where it is missing the test is skipped, unless
PEACETALKS_REQUIRE_SPARK=1 (set by .ci/run): then it fails, so CI never passes
without having run it. One session for the module, two local cores, stopped at
the end.
"""

from __future__ import annotations

import os
import shutil
import sys
from collections.abc import Iterator
from pathlib import Path

import pytest

try:
    from pyspark.sql import SparkSession
    from pyspark.sql import functions as f
except ImportError:  # the test says so below
    SparkSession = None  # type: ignore[assignment,misc]

import peacetalks as pt
from peacetalks.tables import read_parquet
from peacetalks.tables.spark import write_partition

pytestmark = pytest.mark.spark

REQUIRED = os.environ.get("PEACETALKS_REQUIRE_SPARK") == "1"


@pytest.fixture(scope="module")
def spark() -> Iterator[object]:
    missing = None
    if shutil.which("java") is None and not os.environ.get("JAVA_HOME"):
        missing = "Java is not installed"
    elif SparkSession is None:
        missing = "pyspark is not installed (pip install -e '.[test]')"
    if missing:
        if REQUIRED:
            pytest.fail(f"{missing}, and PEACETALKS_REQUIRE_SPARK=1")
        pytest.skip(f"{missing}; PEACETALKS_REQUIRE_SPARK=1 makes this a failure")
    session = (
        SparkSession.builder.master("local[2]")
        .appName("peacetalks-tables-test")
        .config("spark.ui.enabled", "false")
        .config("spark.sql.shuffle.partitions", "2")
        .config("spark.pyspark.python", sys.executable)
        .config("spark.driver.memory", "512m")
        .getOrCreate()
    )
    session.sparkContext.setLogLevel("ERROR")
    yield session
    session.stop()


def _corpus(folder: Path) -> list[pt.Record]:
    """Three JSON Lines files (headerless parts), with two bad lines among them."""
    folder.mkdir()
    records = list(pt.load_example().records)
    thirds = [records[:30], records[30:60], records[60:]]
    bad = [
        b'{"type":"actor","id":"x","category":"person","name":5}\n',
        b'{"type":"truce","id":"t","parties":"ua"}\n',
    ]
    for number, part in enumerate(thirds):
        lines = [pt.to_json_bytes(record) + b"\n" for record in part]
        if number < len(bad):
            lines.insert(5, bad[number])
        (folder / f"part-{number}.jsonl").write_bytes(b"".join(lines))
    return records


def test_spark_job_validates_partitions_and_writes_tables(spark: object, tmp_path: Path) -> None:
    assert isinstance(spark, SparkSession)
    records = _corpus(tmp_path / "corpus")
    out = str(tmp_path / "tables")

    # The job, as in docs/tables.md.
    lines = spark.sparkContext.textFile(str(tmp_path / "corpus"), minPartitions=3)
    bad = lines.mapPartitionsWithIndex(lambda index, part: write_partition(index, part, out))
    bad_lines = spark.createDataFrame(
        bad, "partition int, line int, text string, reasons array<string>"
    )
    bad_lines.write.mode("overwrite").parquet(str(tmp_path / "bad_lines"))

    kept = spark.read.parquet(str(tmp_path / "bad_lines")).orderBy("text").collect()
    assert [row.text for row in kept] == [
        '{"type":"actor","id":"x","category":"person","name":5}',
        '{"type":"truce","id":"t","parties":"ua"}',
    ]
    assert "expected a string or null, got integer 5" in kept[0].reasons[0]
    assert "truce 't' at $.parties" in kept[1].reasons[0]

    # The tables, queried with Spark: every good record is there once.
    actors = spark.read.parquet(f"{out}/actors")
    assert actors.count() == sum(1 for r in records if isinstance(r, pt.Actor))
    parties = spark.read.parquet(f"{out}/truce_parties")
    by_country = (
        parties.join(actors, parties.actor == actors.id)
        .groupBy("country")
        .agg(f.countDistinct("truce_id").alias("truces"))
        .orderBy("country")
        .collect()
    )
    assert [(row.country, row.truces) for row in by_country] == [("RU", 2), ("UA", 2)]

    # And back to records, losslessly: the same records, part by part.
    back = read_parquet(out).records
    assert sorted(back, key=lambda r: r.id) == sorted(records, key=lambda r: r.id)
