"""Importers you can trust with a whole dataset (issue 19), on rows built for each failure mode.

Every import here is checked for the same four properties: each row accounted
for once, the records pass ``check_integrity``, no source cell is lost, and an
export gives back every cell of every row that was not rejected.
"""

from __future__ import annotations

import csv
import datetime as dt
import io
import json
import os
import subprocess
from pathlib import Path

import openpyxl
import pytest

import peacetalks as pt
from conftest import PEACETALKS
from conftest import run_peacetalks as run
from peacetalks.interop import (
    ImportResult,
    RowOutcome,
    compare_csv,
    read_ethprio,
    read_pax,
    read_ucdp,
    to_ethprio,
    to_pax,
)
from peacetalks.interop._ethprio_export import HEADER as ETHPRIO_HEADER

FIXTURES = Path(__file__).parent / "fixtures" / "interop"

#: One ETH/PRIO row with every column, as the dataset writes a plain one.
BASE = dict.fromkeys(ETHPRIO_HEADER, "0") | {
    "cc": "90",
    "cf_id": "1",
    "uniq_id": "90001",
    "location": "Testland",
    "region": "4",
    "ucdp_actor_id": "11",
    "actor_name": "Government of Testland",
    "ucdp_acd_id": "500",
    "ucdp_dyad": "600",
    "pax_id": "-1",
    "cf_dec_yr": "2001",
    "cf_dec_month": "3",
    "cf_dec_day": "4",
    "cf_effect_yr": "2001",
    "cf_effect_month": "3",
    "cf_effect_day": "5",
    "evidence_onset": "",
    "side": "1",
    "written": "1",
    "fixed": "0",
    "ceasefire_class": "1",
    "cf_pp": "The government declared a truce for the holidays.",
    "end_yr": "-1",
    "end_month": "-1",
    "end_day": "-1",
    "evidence_end": "",
    "comment": "",
    "factivia_source": "",
    "factivia_page": "12, 14",
    "coder": "XX",
    "id": "1",
}


def ethprio_csv(*rows: dict[str, str], header: tuple[str, ...] = ETHPRIO_HEADER) -> bytes:
    out = io.StringIO(newline="")
    writer = csv.writer(out, lineterminator="\n")
    writer.writerow(header)
    for number, changes in enumerate(rows, start=1):
        row = BASE | {"id": str(number)} | changes
        writer.writerow([row[name] for name in header])
    return out.getvalue().encode("utf-8")


def trustworthy(result: ImportResult, original: bytes, dataset: str) -> None:
    """Accounting, integrity, and an export that gives back every cell of every kept row."""
    counts = result.outcomes()
    assert sum(counts.values()) == result.rows_read
    assert len({row.line for row in result.rows}) == result.rows_read
    assert pt.check_integrity(result.document.records) == []
    assert pt.from_json(pt.to_json(result.document), pt.Document) == result.document
    exporter, key = (to_ethprio, "id") if dataset == "ethprio" else (to_pax, "AgtId")
    exported, _ = exporter(result.document)
    rejected = {
        row.key or "": "rejected: " + "; ".join(row.problems)
        for row in result.rows
        if row.outcome is RowOutcome.REJECTED
    }
    differences = compare_csv(original.decode("utf-8-sig"), exported, key, rejected)
    assert [d for d in differences if not d.reason.startswith("rejected")] == []
    assert len(differences) == len(rejected)


# 1. Rows of one key that cannot be one ceasefire are split.


def test_rows_of_one_key_years_apart_become_separate_truces() -> None:
    data = ethprio_csv(
        {"cf_dec_yr": "2014", "cf_dec_month": "4", "cf_dec_day": "-1", "p_holiday": "1"},
        {"cf_dec_yr": "2014", "cf_dec_month": "4", "cf_dec_day": "2", "ucdp_actor_id": "12",
         "actor_name": "Front", "cf_effect_yr": "2014", "cf_effect_month": "4"},
        {"cf_dec_yr": "2019", "cf_dec_month": "3", "cf_dec_day": "7", "cf_effect_yr": "2019",
         "side": "2", "p_holiday": "0", "p_peaceprocess": "1"},
    )  # fmt: skip
    result = read_ethprio(data)
    first, second = result.document.get("ethprio-90001"), result.document.get("ethprio-90001-2")
    assert str(first.declared.earliest) == "2014-04"
    assert first.purposes == (pt.Purpose.HOLIDAY,)
    assert str(second.declared.earliest) == "2019-03-07"
    assert second.purposes == (pt.Purpose.PEACE_PROCESS,)
    assert result.outcomes()["split"] == 1
    assert result.outcomes()["imported"] == 2
    split = result.rows[2]
    assert split.outcome is RowOutcome.SPLIT
    assert split.problems[0] == (
        "cc 90 cf_id 1 holds ceasefires declared more than 2 years apart, split into 2 truces:"
        " this row is in ethprio-90001-2 with lines 4"
    )
    assert "this row is in ethprio-90001 with lines 2, 3" in result.rows[0].problems[0]
    trustworthy(result, data, "ethprio")


# 2. Every import passes the integrity check, saying per row what was changed.


def test_what_breaks_integrity_is_dropped_and_said_per_row_and_kept_as_cells() -> None:
    data = ethprio_csv(
        {"cf_effect_day": "1", "cf_dec_day": "9", "link_id1": "7"},  # effective before declared
    )
    result = read_ethprio(data)
    truce = result.document.get("ethprio-90001")
    assert truce.effective is None
    assert truce.links == ()
    problems = result.rows[0].problems
    assert any(
        p.startswith("changed to pass the integrity check, effective dropped") for p in problems
    )
    assert any(p.startswith("changed to pass the integrity check, links dropped") for p in problems)
    trustworthy(result, data, "ethprio")


def test_an_import_passes_validate_integrity_and_timeline(tmp_path: Path) -> None:
    source = tmp_path / "cf.csv"
    source.write_bytes(ethprio_csv({"cf_effect_day": "1", "cf_dec_day": "9", "link_id1": "7"}))
    out = tmp_path / "cf.json"
    assert run("import", "ethprio", str(source), "-o", str(out)).returncode == 0
    checked = run("validate", "--integrity", str(out))
    assert checked.returncode == 0, checked.stdout + checked.stderr


# 3. A partial ceasefire keeps its country.


def test_a_partial_ceasefire_keeps_its_country() -> None:
    result = read_ethprio(ethprio_csv({"partial": "1"}))
    scope = result.document.get("ethprio-90001").scope
    assert scope.extent is pt.Extent.PARTIAL
    assert [(a.name, a.kind, a.identifiers[0].value) for a in scope.areas] == [
        ("Testland", pt.PlaceKind.COUNTRY, "90")
    ]


# 4. and 7. Unmapped columns are kept, typed; exports give every cell back.


def test_unmapped_columns_are_kept_typed_under_the_dataset_name() -> None:
    data = ethprio_csv({"timing": "2", "nsa_frac": "1"}, {"ucdp_actor_id": "12", "actor_name": "F"})
    result = read_ethprio(data)
    kept = result.document.get("ethprio-90001").source_columns

    def cell(row: str, column: str) -> pt.SourceValue:
        return next(v for v in kept if v.row == row and v.column == column)

    assert cell("1", "cf_pp").text == "The government declared a truce for the holidays."
    assert cell("1", "timing").integer == 2
    assert cell("2", "timing").integer == 0
    assert cell("1", "factivia_page").text == "12, 14"
    assert {v.dataset for v in kept} == {"ethprio"}
    trustworthy(result, data, "ethprio")


def test_ethprio_fixture_round_trips_cell_for_cell(tmp_path: Path) -> None:
    original = (FIXTURES / "ethprio.csv").read_bytes()
    trustworthy(read_ethprio(original), original, "ethprio")
    # And through the real commands: import, export, compare.
    document = tmp_path / "cf.json"
    run("import", "ethprio", str(FIXTURES / "ethprio.csv"), "-o", str(document))
    back = tmp_path / "back.csv"
    done = run("export", "ethprio", str(document), "-o", str(back))
    assert done.returncode == 0, done.stderr
    differences = compare_csv(original.decode(), back.read_text(encoding="utf-8"), "id")
    assert [(d.key, d.reason) for d in differences] == [("5", "the row is not in the export")]


def test_pax_fixture_round_trips_cell_for_cell() -> None:
    original = (FIXTURES / "pax.csv").read_bytes()
    result = read_pax(original)
    trustworthy(result, original, "pax")
    proposal = next(iter(result.document.of_type(pt.Proposal)))
    assert all(v.dataset == "pax" and v.row is None for v in proposal.source_columns)


def test_exporting_truces_made_in_peacetalks_writes_a_row_per_party() -> None:
    document = pt.Document(
        records=(
            pt.Actor(id="a", category=pt.ActorCategory.GOVERNMENT, name="Government of X",
                     identifiers=(pt.Identifier(scheme="ucdp_actor", value="5"),)),
            pt.Actor(id="b", category=pt.ActorCategory.ARMED_GROUP, name="Front"),
            pt.Truce(id="t", parties=(pt.TruceParty(actor="a"), pt.TruceParty(
                actor="b", consent=pt.Consent.UNILATERAL_DECLARATION)),
                purposes=(pt.Purpose.HUMANITARIAN,), announced_by=("a",)),
        )
    )  # fmt: skip
    text, notes = to_ethprio(document)
    rows = list(csv.DictReader(io.StringIO(text)))
    assert [(r["actor_name"], r["ucdp_actor_id"], r["side"]) for r in rows] == [
        ("Government of X", "5", "-1"),
        ("Front", "-1", "1"),
    ]
    assert rows[0]["p_humanitarian"] == "1"
    assert rows[0]["p_holiday"] == "0"
    assert notes == ["t: no ETH/PRIO column for announced_by"]


# 6. Bad files are caught, each with its line and column.


def test_a_column_named_twice_is_refused_with_both_columns() -> None:
    header = (*ETHPRIO_HEADER[:12], "cf_dec_yr", *ETHPRIO_HEADER[12:])
    data = ethprio_csv({}, header=header)
    with pytest.raises(pt.ValidationError) as caught:
        read_ethprio(data)
    assert "columns 12, 13 all named 'cf_dec_yr'" in str(caught.value)


def test_unknown_columns_are_noted_and_kept() -> None:
    header = (*ETHPRIO_HEADER, "my_notes")
    data = ethprio_csv({"my_notes": "checked"}, header=header)
    result = read_ethprio(data)
    assert result.notes == (
        "line 1: columns the dataset does not define, kept as source columns: my_notes (column 88)",
    )
    kept = result.document.get("ethprio-90001").source_columns
    assert pt.SourceValue(dataset="ethprio", column="my_notes", row="1", text="checked") in kept
    text, _ = to_ethprio(result.document)
    assert next(csv.DictReader(io.StringIO(text)))["my_notes"] == "checked"


def test_swapped_columns_are_refused_naming_the_column() -> None:
    header = list(ETHPRIO_HEADER)
    a, b = header.index("cf_dec_yr"), header.index("cf_dec_day")
    header[a], header[b] = header[b], header[a]
    # The values stay where they were; only the header names them the wrong way round.
    data = ethprio_csv(*({"cf_dec_day": str(d)} for d in range(1, 8)))
    data = (",".join(header) + "\n").encode() + data.split(b"\n", 1)[1]
    with pytest.raises(pt.ValidationError) as caught:
        read_ethprio(data)
    message = str(caught.value)
    assert "column 12 (cf_dec_day)" in message
    assert "column 14 (cf_dec_yr)" in message
    assert "are columns swapped or misnamed?" in message


def test_two_digit_years_are_refused_or_noted_never_read_as_year_14() -> None:
    data = ethprio_csv(*({"cf_dec_yr": "14", "cf_effect_yr": "14"} for _ in range(6)))
    with pytest.raises(pt.ValidationError, match=r"column 12 \(cf_dec_yr\).*not a four-digit"):
        read_ethprio(data)
    one = read_ethprio(ethprio_csv({"cf_dec_yr": "14"}, *({"id": str(n)} for n in range(2, 12))))
    assert one.document.get("ethprio-90001").declared.earliest.year == 2001  # the other rows'
    assert "not a four-digit year, date read as unknown: cf_dec 14" in one.rows[0].problems


@pytest.mark.parametrize(("separator", "name"), [(";", "semicolons"), ("\t", "tabs")])
def test_semicolon_and_tab_separated_copies_are_read_as_such(separator: str, name: str) -> None:
    data = ethprio_csv({}, {"ucdp_actor_id": "12", "actor_name": "Front, United"})
    rows = list(csv.reader(io.StringIO(data.decode())))
    out = io.StringIO(newline="")
    csv.writer(out, delimiter=separator, lineterminator="\n").writerows(rows)
    result = read_ethprio(out.getvalue().encode())
    assert result.notes == (
        f"line 1: the columns are separated by {name}, not commas; read as such",
    )
    assert result.document == read_ethprio(data).document


def test_a_latin1_copy_is_refused_with_line_and_column_and_read_with_its_encoding(
    tmp_path: Path,
) -> None:
    text = ethprio_csv({}, {"ucdp_actor_id": "12", "actor_name": "Frente Sandinista de Liberación"})
    data = text.decode().encode("cp1252")
    with pytest.raises(pt.ValidationError) as caught:
        read_ethprio(data)
    message = str(caught.value)
    assert "byte 0xf3 at line 3, column" in message
    assert "--encoding cp1252" in message
    result = read_ethprio(data, encoding="cp1252")
    assert result.document.get("ucdp-actor-12").name == "Frente Sandinista de Liberación"
    source = tmp_path / "latin1.csv"
    source.write_bytes(data)
    out = tmp_path / "out.json"
    refused = run("import", "ethprio", str(source), "-o", str(out))
    assert refused.returncode == 1
    assert "--encoding cp1252" in refused.stderr
    assert not out.exists()
    done = run("import", "ethprio", str(source), "-o", str(out), "--encoding", "cp1252")
    assert done.returncode == 0, done.stderr
    assert pt.read_document(out).get("ucdp-actor-12").name == "Frente Sandinista de Liberación"


# 8. UCDP Peace Agreements, and plug-ins.

UCDP_HEADER = ["paid", "conflict_id", "dyad_id", "actor_id", "pa_name", "pa_date", "year",
               "pa_type", "pa_3rd", "cease", "withd", "pko", "amn", "pris", "ended"]  # fmt: skip
UCDP_ROWS = [
    [1, 200, 300, "11, 755", "Chapultepec Peace Agreement", dt.datetime(1992, 1, 16), 1992, 1,
     "UN", 1, 0, 1, 1, 0, 0],
    [2, 201, 301, "12", "Protocol on elections", dt.datetime(1994, 5, 1), 1994, 3, "", 0, 0, 0,
     0, 1, 1],
    [None, 202, 302, "13", "No id", dt.datetime(1995, 1, 1), 1995, 2, "", 0, 0, 0, 0, 0, 0],
]  # fmt: skip


def ucdp_workbook() -> bytes:
    workbook = openpyxl.Workbook()
    sheet = workbook.active
    sheet.append(UCDP_HEADER)
    for row in UCDP_ROWS:
        sheet.append(row)
    out = io.BytesIO()
    workbook.save(out)
    return out.getvalue()


def test_ucdp_workbook_becomes_agreements_truces_and_actors() -> None:
    result = read_ucdp(ucdp_workbook())
    assert result.outcomes() == {
        "imported": 2, "merged": 0, "split": 0, "skipped": 0, "rejected": 1
    }  # fmt: skip
    assert result.rows[2].problems == ("no agreement id: paid ''",)
    proposal = result.document.get("ucdp-pa-1")
    assert proposal.title == "Chapultepec Peace Agreement"
    assert str(proposal.agreement.reached.earliest) == "1992-01-16"
    assert proposal.agreement.signatories == ("ucdp-actor-11", "ucdp-actor-755")
    assert proposal.agreement.third_parties == ("ucdp-pa-party-un",)
    assert proposal.stage is pt.AgreementStage.COMPREHENSIVE
    assert [t.topic for t in proposal.terms] == [
        pt.TermTopic.CEASEFIRE, pt.TermTopic.PEACEKEEPING, pt.TermTopic.JUSTICE
    ]  # fmt: skip
    truce = result.document.get("ucdp-pa-1-truce")
    assert [p.actor for p in truce.parties] == ["ucdp-actor-11", "ucdp-actor-755"]
    assert result.document.get("ucdp-pa-2-truce") is None
    kept = {v.column: v for v in proposal.source_columns}
    assert kept["year"].integer == 1992
    assert kept["ended"].integer == 0
    assert kept["actor_id"].text == "11, 755"
    assert pt.check_integrity(result.document.records) == []


def test_ucdp_csv_copy_reads_the_same_as_the_workbook() -> None:
    out = io.StringIO(newline="")
    writer = csv.writer(out, lineterminator="\n")
    writer.writerow(UCDP_HEADER)
    for row in UCDP_ROWS:
        writer.writerow(
            ["" if v is None else v.date().isoformat() if isinstance(v, dt.datetime) else v
             for v in row]
        )  # fmt: skip
    from_csv = read_ucdp(out.getvalue().encode())
    assert from_csv.document == read_ucdp(ucdp_workbook()).document


def test_ucdp_import_command_and_a_broken_workbook(tmp_path: Path) -> None:
    source = tmp_path / "ucdp.xlsx"
    source.write_bytes(ucdp_workbook())
    out = tmp_path / "out.jsonl"
    done = run("import", "ucdp", str(source), "-o", str(out))
    assert done.returncode == 1  # one row rejected, the others written
    assert "3 rows read (2 imported, 1 rejected)" in done.stdout
    assert run("validate", "--integrity", str(out)).returncode == 0
    broken = tmp_path / "broken.xlsx"
    broken.write_bytes(b"PK\x03\x04 not really a workbook")
    failed = run("import", "ucdp", str(broken), "-o", str(out))
    assert failed.returncode == 1
    assert "a readable Excel workbook" in failed.stderr


PLUGIN = """
from peacetalks import Actor, ActorCategory, Document
from peacetalks.interop import ImportResult, RowOutcome, RowReport
from peacetalks.interop._common import Source


def read_names(source: Source, *, limits=None, encoding=None) -> ImportResult:
    text = source.decode(encoding or "utf-8") if isinstance(source, bytes) else open(source).read()
    names = [line.strip() for line in text.splitlines() if line.strip()]
    actors = tuple(
        Actor(id=f"names-{name.lower()}", category=ActorCategory.PERSON, name=name)
        for name in names
    )
    rows = tuple(RowReport(n, None, RowOutcome.IMPORTED) for n in range(1, len(names) + 1))
    return ImportResult(document=Document(records=actors), rows=rows)
"""


def plugin_env(tmp_path: Path, name: str = "names") -> dict[str, str]:
    """A real distribution on sys.path: a module and its dist-info with an entry point."""
    site = tmp_path / "site"
    (site / "names_plugin-1.0.dist-info").mkdir(parents=True)
    (site / "names_plugin.py").write_text(PLUGIN, encoding="utf-8")
    info = site / "names_plugin-1.0.dist-info"
    (info / "METADATA").write_text("Metadata-Version: 2.1\nName: names-plugin\nVersion: 1.0\n")
    (info / "entry_points.txt").write_text(
        f"[peacetalks.importers]\n{name} = names_plugin:read_names\n", encoding="utf-8"
    )
    return os.environ | {"PYTHONPATH": str(site)}


def test_a_plugin_importer_is_discovered_and_used_by_the_command(tmp_path: Path) -> None:
    env = plugin_env(tmp_path)
    source = tmp_path / "people.txt"
    source.write_text("Ada\nGrace\n", encoding="utf-8")
    out = tmp_path / "people.json"
    command = [PEACETALKS, "import", "names", str(source), "-o", str(out)]
    done = subprocess.run(command, capture_output=True, text=True, env=env, check=False)
    assert done.returncode == 0, done.stderr
    assert [a.name for a in pt.read_document(out).of_type(pt.Actor)] == ["Ada", "Grace"]
    helped = subprocess.run(
        [PEACETALKS, "import", "--help"], capture_output=True, text=True, env=env, check=False
    )
    assert "names" in helped.stdout
    # Without the distribution on the path, the format is unknown.
    alone = run("import", "names", str(source), "-o", str(out))
    assert alone.returncode == 2
    assert "invalid choice: 'names'" in alone.stderr


def test_a_plugins_records_that_do_not_fit_together_are_not_written(tmp_path: Path) -> None:
    env = plugin_env(tmp_path)
    source = tmp_path / "people.txt"
    source.write_text("Ada\nAda\n", encoding="utf-8")  # the plug-in gives both one id
    out = tmp_path / "people.json"
    command = [PEACETALKS, "import", "names", str(source), "-o", str(out)]
    done = subprocess.run(command, capture_output=True, text=True, env=env, check=False)
    assert done.returncode == 1
    assert "do not fit together, nothing written" in done.stderr
    assert "names-ada" in done.stderr
    assert not out.exists()


def test_a_plugin_cannot_take_a_built_in_name(tmp_path: Path) -> None:
    env = plugin_env(tmp_path, name="ethprio")
    out = tmp_path / "out.json"
    command = [PEACETALKS, "import", "ethprio", str(FIXTURES / "ethprio.csv"), "-o", str(out)]
    done = subprocess.run(command, capture_output=True, text=True, env=env, check=False)
    assert "plug-in importer 'ethprio' (names_plugin:read_names) not used" in done.stderr
    assert pt.read_document(out) == read_ethprio(FIXTURES / "ethprio.csv").document


def test_load_importer_in_process() -> None:
    from peacetalks.interop.plugins import importer_names, load_importer  # noqa: PLC0415

    assert load_importer("ucdp") is read_ucdp
    assert {"ethprio", "pax", "plover", "popolo", "ucdp"} <= set(importer_names())
    with pytest.raises(LookupError, match="no importer for 'nope'"):
        load_importer("nope")


# 9. JSON Lines output.


def test_import_writes_json_lines_for_a_jsonl_name_or_when_asked(tmp_path: Path) -> None:
    out = tmp_path / "cf.jsonl"
    assert run("import", "ethprio", str(FIXTURES / "ethprio.csv"), "-o", str(out)).returncode == 1
    lines = out.read_text(encoding="utf-8").splitlines()
    assert json.loads(lines[0]) == {"schema_version": 2}
    assert len(lines) == 1 + len(read_ethprio(FIXTURES / "ethprio.csv").document.records)
    forced = tmp_path / "cf.out"
    run("import", "ethprio", str(FIXTURES / "ethprio.csv"), "-o", str(forced),
        "--output-format", "jsonl")  # fmt: skip
    assert forced.read_text(encoding="utf-8") == out.read_text(encoding="utf-8")
    assert run("validate", "--integrity", str(out)).returncode == 0


# 5. PA-X parties, parsed with the codebook's conventions.


def pax_parties(part: str) -> tuple[list[str], tuple[str, ...]]:
    out = io.StringIO(newline="")
    writer = csv.writer(out, lineterminator="\n")
    writer.writerow(["AgtId", "Agt", "Dat", "Stage", "Part"])
    writer.writerow(["7", "Protocol", "2014-09-05", "Cea", part])
    result = read_pax(out.getvalue().encode())
    proposal = result.document.get("pax-7")
    names = [result.document.get(i).name for i in proposal.agreement.signatories]
    truce = result.document.get("pax-7-truce")
    assert [p.actor for p in truce.parties] == list(proposal.agreement.signatories)
    return names, result.rows[0].problems


@pytest.mark.parametrize(
    ("part", "names"),
    [
        ("Organization for Security and Cooperation in Europe, Ukraine, Russian Federation",
         ["Organization for Security and Cooperation in Europe", "Ukraine",
          "Russian Federation"]),
        ("Certain Areas of Donetsk and Luhansk", ["Certain Areas of Donetsk and Luhansk"]),
        ("Hamas and Fatah", ["Hamas", "Fatah"]),
        ("The Government of Burundi and the Palipehutu - FNL",
         ["The Government of Burundi", "the Palipehutu - FNL"]),
        ("Copy of agreement not signed, but texts stated to be agreed by Lt Gen Rose (UNPROFOR),"
         " Gen Divjak (BiH Army) and Gen Milovanovic (BSA)",
         ["Lt Gen Rose (UNPROFOR)", "Gen Divjak (BiH Army)", "Gen Milovanovic (BSA)"]),
        ("For the Republic of Bosnia and Herzegovina, and for the Federation of Bosnia and"
         " Herzegovina: A. IZETBEGOVIC; For Republika Srpska: Radovan KARADZIC",
         ["A. IZETBEGOVIC", "Radovan KARADZIC"]),
        ("Page 2: President Leonid Kuchma\nFor the Georgian side: (Signed) E. Shevardnadze",
         ["President Leonid Kuchma", "E. Shevardnadze"]),
    ],
)  # fmt: skip
def test_pax_parties_are_not_split_inside_names_nor_lost_after_a_label(
    part: str, names: list[str]
) -> None:
    assert pax_parties(part)[0] == names


def test_pax_unsigned_texts_and_sentences() -> None:
    names, problems = pax_parties(
        "Not signed, agreement mentions the following parties as having produced it: Hamas; Fatah"
    )
    assert names == ["Hamas", "Fatah"]
    assert "not signed; the parties as the text names them: Part" in problems
    names, problems = pax_parties(
        "The committee drafting the Constitution is headed by Dr. Hamam Hamoudi\nMr. Barzani"
    )
    assert names == ["Mr. Barzani"]
    assert "a sentence, not a name, not read as a party: Part" in problems


# 7. PLOVER export: every loss reported, nothing the records hold lost.


def test_plover_records_export_back_field_for_field() -> None:
    from peacetalks.interop import read_plover, to_plover  # noqa: PLC0415

    original = json.loads((FIXTURES / "plover.json").read_text(encoding="utf-8"))
    co_actors = {
        "id": "CO-7", "event": "AGREE", "text": "Ruritania and Elsewhere agreed to talk.",
        "source": [{"actorText": "Ruritania", "code": "RUR", "sector": "GOV"},
                   {"actorText": "Elsewhere", "code": "ELS"}],
        "context": ["diplomatic"], "size": 2, "dead": None,
    }  # fmt: skip
    original.append(co_actors)
    result = read_plover(json.dumps(original).encode())
    events, notes = to_plover(result.document)
    by_id = {event["id"]: event for event in events}
    imported = [row.key for row in result.rows if row.outcome is RowOutcome.IMPORTED]
    assert sorted(by_id) == sorted(imported)
    for record in original:
        if isinstance(record, dict) and record.get("id") in by_id:
            event = by_id[record["id"]]
            assert {k: event.get(k) for k in record} == record
    # The typed actors carry their codes into the event's actor list.
    assert by_id["CO-7"]["actor"][0] == {
        "id": "plover-ruritania", "name": "Ruritania", "code": "RUR", "sector": "GOV"
    }  # fmt: skip
    statement = result.document.get("CO-7")
    kept = {v.column: v for v in statement.source_columns}
    assert kept["context"].dataset == "plover.json"
    assert kept["size"].integer == 2
    assert "several actors, the first is the speaker" in result.rows[-1].problems[0]
    assert all(note.split()[0] in {"statement", "truce", "venue"} for note in notes)


def test_a_column_without_a_name_is_named_by_its_number_and_kept() -> None:
    result = read_ethprio(b"cc,cf_id,actor_name,\n1,2,Front,a note\n")
    assert "line 1: column 4 has no name, read as column_4" in result.notes
    kept = result.document.get("ethprio-1-2").source_columns
    assert pt.SourceValue(dataset="ethprio", column="column_4", row="line-2", text="a note") in kept


def test_a_plover_field_with_a_blank_name_is_reported() -> None:
    from peacetalks.interop import read_plover  # noqa: PLC0415

    record = {"id": "A", "event": "CONSULT", "source": "Testland", "": 5}
    result = read_plover(json.dumps([record]).encode())
    assert result.rows[0].problems == ("a field with a blank name, not kept: ['']",)
