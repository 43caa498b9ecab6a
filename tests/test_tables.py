"""peacetalks.tables: the layout, Arrow, Parquet, CSV, pandas, Polars, DuckDB, the CLI."""

from __future__ import annotations

import json
from datetime import UTC, date, datetime
from pathlib import Path

import attrs
import duckdb
import pandas as pd
import polars as pl
import pyarrow as pa
import pyarrow.csv as pa_csv
import pyarrow.parquet as pq
import pytest
from hypothesis import HealthCheck, given, settings

import peacetalks as pt
from conftest import ROOT, run_peacetalks
from peacetalks.tables import (
    LAYOUT_VERSION,
    TableWriter,
    from_arrow,
    layout,
    read_parquet,
    to_arrow,
    to_pandas,
    to_polars,
    write_csv,
    write_parquet,
)
from peacetalks.testing import documents

GOLDEN_LAYOUT = ROOT / "tests" / "golden" / "tables" / f"layout-v{LAYOUT_VERSION}.json"


def _layout_json() -> list[dict[str, object]]:
    return [
        {
            "table": table.name,
            "parent": table.parent,
            "columns": [f"{c.name} {c.type} {c.role}" for c in table.columns],
        }
        for table in layout()
    ]


def test_the_layout_is_the_committed_one() -> None:
    # A renamed, retyped or removed column fails here: the layout is a public contract,
    # changed only with a new LAYOUT_VERSION (and a new golden file).
    assert _layout_json() == json.loads(GOLDEN_LAYOUT.read_text(encoding="utf-8"))


def test_every_table_has_keys_first_and_arrow_types() -> None:
    tables = to_arrow([])
    assert set(tables) == {table.name for table in layout()}
    for table in layout():
        names = [c.name for c in table.columns]
        assert names[:2] == ["record_position", f"{table.kind}_id"]
        assert tables[table.name].column_names == names
        assert tables[table.name].num_rows == 0


@given(documents())
def test_arrow_round_trip_is_lossless(document: pt.Document) -> None:
    tables = to_arrow(document.records)
    back = from_arrow(tables, header=document)
    assert back.records == document.records
    assert [pt.to_json(r) for r in back.records] == [pt.to_json(r) for r in document.records]


@settings(max_examples=20, suppress_health_check=[HealthCheck.function_scoped_fixture])
@given(document=documents())
def test_parquet_round_trip_is_lossless(document: pt.Document, tmp_path: Path) -> None:
    out = tmp_path / "tables"
    write_parquet(document, out)
    assert read_parquet(out) == document


def test_unknown_keys_kept_in_lenient_mode_survive(tmp_path: Path) -> None:
    lenient = pt.make_converter(keep_unknown_keys=True)
    record = pt.from_dict(
        {
            "type": "statement",
            "id": "s",
            "speaker": "a",
            "quotation": "direct",
            "text": "Yes.",
            "said": {"earliest": "2025-03", "zz_said": [1, {"x": None}]},
            "zz_top": "kept",
        },
        pt.Statement,
        converter=lenient,
    )
    write_parquet([record], tmp_path / "t", converter=lenient)
    (back,) = read_parquet(tmp_path / "t", converter=lenient).records
    assert back == record
    assert pt.to_dict(back, converter=lenient) == pt.to_dict(record, converter=lenient)
    with pytest.raises(pt.ValidationError, match=r"\$\.records\[0\]"):
        read_parquet(tmp_path / "t")  # the strict converter refuses the unknown keys


def test_the_example_round_trips_through_parquet_and_keeps_its_header(tmp_path: Path) -> None:
    document = pt.load_example()
    report = write_parquet(document, tmp_path / "t")
    assert report.records == len(document.records)
    assert report.rows["truces"] == 2
    assert read_parquet(tmp_path / "t") == document


def test_a_changed_table_is_checked_like_json_and_a_newer_layout_refused() -> None:
    tables = to_arrow(pt.load_example().records)
    parties = tables["truce_parties"]
    actors = parties.column("actor").to_pylist()
    actors[1] = "Not An Id"
    tables["truce_parties"] = parties.set_column(
        parties.schema.get_field_index("actor"), "actor", pa.array(actors)
    )
    with pytest.raises(pt.ValidationError) as caught:
        from_arrow(tables)
    (problem,) = caught.value.problems
    assert (problem.record_kind, problem.record_id) == ("truce", "energy-truce")
    assert problem.path == "$.records[88].parties[1].actor"
    truces = tables["truces"]
    tables["truces"] = truces.set_column(
        truces.schema.get_field_index("extra_fields"), "extra_fields", pa.array(["[1]", None])
    )
    with pytest.raises(pt.ValidationError) as caught:
        from_arrow(tables)
    assert [p.path for p in caught.value.problems] == ["$.records[88].extra_fields"]
    newer = {
        name: table.replace_schema_metadata(
            {**table.schema.metadata, b"peacetalks.layout_version": b"99"}
        )
        for name, table in to_arrow([]).items()
    }
    with pytest.raises(pt.SchemaVersionError, match="layout version"):
        from_arrow(newer)


def test_reported_times_become_typed_columns() -> None:
    truce = pt.Truce(
        id="t",
        declared=pt.ReportedTime.on("2025-03-18", zone="America/New_York", words="on Tuesday"),
        effective=pt.ReportedTime(earliest=pt.TimePoint.parse("2022-03")),
        ends=pt.ReportedTime(
            earliest=pt.TimePoint.parse("2025-04-20T06:30+03:00"),
            latest=pt.TimePoint.parse("2025-04-20T06:30+03:00"),
        ),
    )
    row = to_arrow([truce])["truces"].to_pylist()[0]
    assert row["declared_earliest"] == "2025-03-18"
    assert row["declared_earliest_precision"] == "day"
    assert row["declared_words"] == "on Tuesday"
    assert row["declared_zone"] == "America/New_York"
    assert row["declared_start_date"] == row["declared_end_date"] == date(2025, 3, 18)
    assert row["declared_start"] == datetime(2025, 3, 18, 4, tzinfo=UTC)  # midnight, EDT
    assert row["declared_end"] == datetime(2025, 3, 19, 4, tzinfo=UTC)
    # The month-precision date that breaks type inference elsewhere is a string and a date.
    assert row["effective_earliest"] == "2022-03"
    assert row["effective_earliest_precision"] == "month"
    assert row["effective_start_date"] == date(2022, 3, 1)
    assert row["effective_end_date"] is None  # no latest: open-ended
    assert row["ends_start"] == datetime(2025, 4, 20, 3, 30, tzinfo=UTC)
    schema = to_arrow([truce])["truces"].schema
    assert schema.field("declared_start_date").type == pa.date32()
    assert schema.field("declared_start").type == pa.timestamp("us", tz="UTC")
    assert schema.metadata[b"peacetalks.layout_version"] == str(LAYOUT_VERSION).encode()


def test_child_tables_are_keyed_by_record_and_position() -> None:
    tables = to_arrow(pt.load_example().records)
    parties = tables["truce_parties"].to_pylist()
    assert [(p["truce_id"], p["parties_position"], p["actor"]) for p in parties][:2] == [
        ("energy-truce", 0, "russia"),
        ("energy-truce", 1, "ukraine"),
    ]
    truces = {t["id"]: t["record_position"] for t in tables["truces"].to_pylist()}
    assert {p["record_position"] for p in parties} <= set(truces.values())


def test_quantities_keep_integers_exact() -> None:
    statement = pt.from_dict(
        {
            "type": "statement",
            "id": "s",
            "speaker": "ukraine",
            "quotation": "paraphrase",
            "text": "Russia launched 224 drones.",
            "claims": [
                {"subject": "drones", "quantity": {"value": 224, "unit": "drone"}},
                {"subject": "share", "quantity": {"value": 0.5, "unit": "share"}},
            ],
        },
        pt.Statement,
    )
    claims = to_arrow([statement])["statement_claims"].to_pylist()
    assert [(c["quantity_value"], c["quantity_value_integer"]) for c in claims] == [
        (224.0, 224),
        (0.5, None),
    ]
    assert from_arrow(to_arrow([statement])).records == (statement,)


def _corpus(path: Path, records: list[pt.Record], bad: bytes = b"") -> Path:
    with pt.JsonLinesWriter(path, title="corpus") as writer:
        writer.write_all(records)
    if bad:
        with path.open("ab") as handle:
            handle.write(bad)
    return path


def test_jsonl_is_streamed_in_row_groups_and_bad_lines_reported(tmp_path: Path) -> None:
    records = list(pt.load_example().records) * 30  # 2,940 records
    source = _corpus(
        tmp_path / "in.jsonl",
        records,
        bad=b'{"type":"actor","id":"x","category":"person","name":5}\n',
    )
    report = write_parquet(source, tmp_path / "t", row_group_rows=500, rejects=tmp_path / "bad")
    assert report.records == len(records)
    assert [b.line for b in report.bad_lines] == [len(records) + 2]
    assert "expected a string or null, got integer 5" in str(report.bad_lines[0])
    assert (tmp_path / "bad").read_bytes().count(b"\n") == 2  # header and the bad line
    statements = pq.ParquetFile(tmp_path / "t" / "statements" / "part-00000.parquet")
    assert statements.metadata.num_row_groups > 1
    assert statements.metadata.num_rows == report.rows["statements"]
    back = read_parquet(tmp_path / "t")
    assert back.records == tuple(records)
    assert back.title == "corpus"


def test_a_failed_write_leaves_nothing_half_written(tmp_path: Path) -> None:
    out = tmp_path / "t"
    write_parquet(pt.load_example(), out)
    before = {p: p.read_bytes() for p in out.rglob("*") if p.is_file()}

    def failing() -> object:
        yield from pt.load_example().records[:5]
        raise RuntimeError("the source broke")

    with pytest.raises(RuntimeError, match="the source broke"):
        write_parquet(failing(), out, row_group_rows=1)  # type: ignore[arg-type]
    after = {p: p.read_bytes() for p in out.rglob("*") if p.is_file()}
    assert after == before


def test_csv_has_the_same_tables_and_columns(tmp_path: Path) -> None:
    document = pt.load_example()
    write_csv(document, tmp_path / "csv")
    arrow = to_arrow(document.records)
    for table in layout():
        read = pa_csv.read_csv(tmp_path / "csv" / f"{table.name}.csv")
        assert read.column_names == arrow[table.name].column_names
        assert read.num_rows == arrow[table.name].num_rows
    truces = pa_csv.read_csv(tmp_path / "csv" / "truces.csv").to_pylist()
    assert truces[0]["declared_start_date"] == date(2025, 3, 18)


def test_pandas_and_polars_through_arrow() -> None:
    records = pt.load_example().records
    frames = to_pandas(records)
    truces = frames["truces"]
    assert isinstance(truces, pd.DataFrame)
    assert list(truces["id"]) == ["energy-truce", "general-truce"]
    # Nulls stay nulls: a truce not known to be written is not False, and ints stay ints.
    assert list(truces["written"].isna()) == [False, True]
    assert str(truces["duration_amount"].dtype) == "int64[pyarrow]"
    polars_frames = to_polars(records)
    assert isinstance(polars_frames["truce_parties"], pl.DataFrame)
    assert polars_frames["truce_parties"].height == 4
    assert polars_frames["truces"].schema["declared_start_date"] == pl.Date


def _truce(id: str, start: str, end: str | None, parties: list[str]) -> pt.Truce:
    return pt.Truce(
        id=id,
        parties=tuple(pt.TruceParty(actor=p) for p in parties),
        effective=pt.ReportedTime.on(start),
        ends=None if end is None else pt.ReportedTime.on(end),
    )


def test_duckdb_truces_in_force_per_month_per_country(tmp_path: Path) -> None:
    actors = [
        pt.Actor(id="ua", category=pt.ActorCategory.STATE, name="Ukraine", country="UA"),
        pt.Actor(id="ru", category=pt.ActorCategory.STATE, name="Russia", country="RU"),
        pt.Actor(id="sd", category=pt.ActorCategory.STATE, name="Sudan", country="SD"),
    ]
    truces = [
        _truce("energy", "2025-03-18", "2025-04-16", ["ua", "ru"]),  # March and April
        _truce("easter", "2025-04", "2025-04", ["ua", "ru"]),  # a month-precision date
        _truce("sudan", "2025-02-20", "2025-03-05", ["sd"]),  # February and March
    ]
    write_parquet([*actors, *truces], tmp_path / "t")
    query = f"""
        WITH truce_months AS (
            SELECT id, unnest(generate_series(
                date_trunc('month', effective_start_date),
                date_trunc('month', ends_end_date), INTERVAL 1 MONTH)) AS month
            FROM read_parquet('{tmp_path}/t/truces/*.parquet')
        )
        SELECT strftime(m.month, '%Y-%m') AS month, a.country, count(DISTINCT m.id) AS truces
        FROM truce_months m
        JOIN read_parquet('{tmp_path}/t/truce_parties/*.parquet') p ON p.truce_id = m.id
        JOIN read_parquet('{tmp_path}/t/actors/*.parquet') a ON a.id = p.actor
        GROUP BY ALL ORDER BY ALL
    """  # noqa: S608 - the paths are the test's own
    with duckdb.connect() as connection:
        rows = connection.execute(query).fetchall()
    assert rows == [
        ("2025-02", "SD", 1),
        ("2025-03", "RU", 1),
        ("2025-03", "SD", 1),
        ("2025-03", "UA", 1),
        ("2025-04", "RU", 2),
        ("2025-04", "UA", 2),
    ]


def test_cli_exports_parquet_and_csv_from_a_stream(tmp_path: Path) -> None:
    source = _corpus(
        tmp_path / "in.jsonl",
        list(pt.load_example().records),
        bad=b'{"type":"truce","id":"t","parties":"ua"}\n',
    )
    result = run_peacetalks("export", "parquet", str(source), "-o", str(tmp_path / "pq"))
    assert result.returncode == 1, result.stderr  # a bad line; the good records written
    assert "in.jsonl:100: truce 't' at $.parties" in result.stderr
    assert "98 records as" in result.stdout
    assert read_parquet(tmp_path / "pq").records == pt.load_example().records
    result = run_peacetalks(
        "export", "csv", "-", "-o", str(tmp_path / "csv"), stdin=pt.example_json()
    )
    assert result.returncode == 0, result.stderr
    assert (tmp_path / "csv" / "truce_parties.csv").read_text().count("\n") == 5
    result = run_peacetalks("export", "parquet", str(tmp_path / "missing.json"), "-o", "x")
    assert result.returncode == 2


def test_a_long_export_goes_on_in_segments_and_reads_back_whole(tmp_path: Path) -> None:
    # Enough records for several conversions to Arrow (one every 8,192 records), small
    # row groups, two row groups a file and three files open: tables go on in segments.
    example = pt.load_example().records
    records = [
        attrs.evolve(record, id=f"{record.id}-{copy}") for copy in range(200) for record in example
    ]
    out = tmp_path / "t"
    with TableWriter(out, row_group_rows=2000, file_row_groups=2, open_files=3) as writer:
        writer.write_all(records)
    segments = sorted(path.name for path in (out / "statements").iterdir())
    assert segments[:2] == ["part-00000.parquet", "part-00000.s00001.parquet"]
    assert all(pq.ParquetFile(out / "statements" / name).num_row_groups <= 2 for name in segments)
    assert not list(out.glob("*/.*"))  # no temporary file is left
    # Read back, a table's segments are one table; an engine reads them all by glob, and
    # in the order of the rows, since the names sort as text in that order.
    assert read_parquet(out).records == tuple(records)
    found = duckdb.execute(
        "SELECT record_position FROM read_parquet(?)", [f"{out}/statements/*.parquet"]
    ).fetchall()
    positions = [position for (position,) in found]
    assert len(positions) == sum(isinstance(record, pt.Statement) for record in records)
    assert positions == sorted(positions)

    # Exported again into the same directory, a short export replaces the long one whole:
    # no segment of the earlier export is left to be read with it.
    write_parquet(pt.load_example(), out)
    assert sorted(path.name for path in (out / "statements").iterdir()) == ["part-00000.parquet"]
    assert read_parquet(out) == pt.load_example()


def test_a_parquet_file_not_named_by_the_writer_is_refused_not_left_out(tmp_path: Path) -> None:
    write_parquet(pt.load_example(), tmp_path)
    copy = tmp_path / "truces" / "part-00000.copy.parquet"
    copy.write_bytes((tmp_path / "truces" / "part-00000.parquet").read_bytes())
    with pytest.raises(pt.ValidationError) as caught:
        read_parquet(tmp_path)
    (problem,) = caught.value.problems
    assert problem.location == ("files", "truces/part-00000.copy.parquet")
    assert "part-00000.s00001.parquet" in problem.expected


def test_open_files_and_file_row_groups_must_be_positive(tmp_path: Path) -> None:
    with pytest.raises(ValueError, match="at least 1"):
        TableWriter(tmp_path, open_files=0)
