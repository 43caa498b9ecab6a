"""Benchmarks: peacetalks against pydantic v2, msgspec and the orjson floor.

    python benchmarks/run.py            # the full run (about ten minutes on two cores)
    python benchmarks/run.py --quick    # a smoke run: tiny corpus, one repeat
    python benchmarks/run.py --json results.json

Everything runs in one process. First every library decodes the same corpus
and must accept it, give back equal data and reject the same invalid records
(the run stops otherwise); then the timings run interleaved, and the table
gives medians and the ratios measured in this same run. Memory is what stays
allocated for the decoded records (tracemalloc); import time is measured in a
fresh interpreter. The floor is ``orjson.loads`` / ``orjson.dumps`` on the
same data as plain dicts: no checks at all.

Needs the ``bench`` extra (``pip install -e ".[bench]"``); a peer that is not
installed is left out, and its columns say so.
"""

from __future__ import annotations

import argparse
import io
import json
import os
import platform
import sys
from collections.abc import Callable
from importlib import metadata
from pathlib import Path
from typing import Any

import orjson

sys.path.insert(0, str(Path(__file__).resolve().parent))

import peacetalks as pt
from corpus import make_corpus, make_invalid
from measure import import_time, memory_held, time_interleaved
from peacetalks._jsontext import parse_json

try:
    from peacetalks import _fastjson
except ImportError:  # a peacetalks from before the fast extra
    _fastjson = None  # type: ignore[assignment]

TARGETS = {
    "decode": 4.5,  # at most this many times the orjson floor
    "encode": 2.5,
    "memory": 0.8,  # at most this share of the plain dicts' memory
    "import_ms": 80.0,
}


class Library:
    """How one library decodes and encodes a document and single records."""

    def __init__(
        self,
        name: str,
        decode: Callable[[bytes], Any],
        encode: Callable[[Any], bytes],
        decode_record: Callable[[bytes], Any],
        encode_record: Callable[[Any], bytes],
    ) -> None:
        self.name = name
        self.decode = decode
        self.encode = encode
        self.decode_record = decode_record
        self.encode_record = encode_record


def _peacetalks() -> Library:
    return Library(
        "peacetalks",
        lambda data: pt.from_json(data, pt.Document),
        pt.to_json_bytes,
        lambda line: pt.from_json(line, pt.Record),  # type: ignore[arg-type]
        pt.to_json_bytes,
    )


def _peers() -> tuple[list[Library], list[str]]:
    found, missing = [], []
    try:
        from peers import pydantic_model as pd  # noqa: PLC0415 - optional
    except ImportError:
        missing.append("pydantic")
    else:
        found.append(
            Library(
                "pydantic",
                pd.DocumentAdapter.validate_json,
                pd.dump_document,
                pd.RecordAdapter.validate_json,
                pd.dump_record,
            )
        )
    try:
        from peers import msgspec_model as ms  # noqa: PLC0415 - optional
    except ImportError:
        missing.append("msgspec")
    else:
        found.append(
            Library(
                "msgspec", ms.decode_document, ms.dump_document, ms.decode_record, ms.dump_record
            )
        )
    return found, missing


def check_equivalence(
    libraries: list[Library], document: dict[str, Any], invalid: list[tuple[str, dict[str, Any]]]
) -> list[str]:
    """What any library gets wrong: the same valid data in and out, the same rejections."""
    wrong = []
    data = orjson.dumps(document)
    for library in libraries:
        decoded = library.decode(data)
        if orjson.loads(library.encode(decoded)) != document:
            wrong.append(f"{library.name}: the corpus does not come back equal")
        for name, record in invalid:
            try:
                library.decode_record(orjson.dumps(record))
            except Exception:  # every library has its own error class
                continue
            wrong.append(f"{library.name} accepts an invalid record: {name}")
    return wrong


def _jsonl(records: list[dict[str, Any]]) -> bytes:
    return b"".join(orjson.dumps(record) + b"\n" for record in records)


def time_operations(
    libraries: list[Library], data: bytes, repeats: int
) -> dict[str, dict[str, float]]:
    """Median seconds for each operation and library, interleaved, in two phases.

    Reading first, with nothing alive but the input bytes (which the garbage
    collector does not walk); then writing, with each library's decoded corpus
    alive as its input. Keeping every library's objects alive while reading would
    make each collection walk them all, and time the collector rather than the
    libraries.
    """
    body = b"".join(orjson.dumps(record) + b"\n" for record in orjson.loads(data)["records"])
    stream = orjson.dumps({"schema_version": pt.SCHEMA_VERSION}) + b"\n" + body
    lines = body.splitlines()
    reading: dict[str, Callable[[], object]] = {
        "decode/floor": lambda: orjson.loads(data),
        "decode/strict parser": lambda: parse_json(data),
        "jsonl read/floor": lambda: [orjson.loads(line) for line in lines],
    }
    for library in libraries:
        reading[f"decode/{library.name}"] = lambda lib=library: lib.decode(data)
        if library.name == "peacetalks":
            reading["jsonl read/peacetalks"] = lambda: list(pt.read_jsonl(io.BytesIO(stream)))
        else:
            reading[f"jsonl read/{library.name}"] = lambda lib=library: [
                lib.decode_record(line) for line in lines
            ]
    medians = time_interleaved(reading, repeats)
    del reading

    document = orjson.loads(data)
    records = document["records"]
    writing: dict[str, Callable[[], object]] = {
        "encode/floor": lambda: orjson.dumps(document),
        "jsonl write/floor": lambda: _jsonl(records),
    }
    for library in libraries:
        decoded = library.decode(data)
        writing[f"encode/{library.name}"] = lambda lib=library, obj=decoded: lib.encode(obj)
        if library.name == "peacetalks" and _fastjson is not None:
            writing["encode/peacetalks without orjson"] = lambda obj=decoded: _plain(obj)
        if library.name == "peacetalks":
            writing["jsonl write/peacetalks"] = lambda objs=decoded.records: pt.write_jsonl(
                io.BytesIO(), objs
            )
        else:
            writing[f"jsonl write/{library.name}"] = lambda lib=library, objs=decoded.records: (
                b"".join(lib.encode_record(obj) + b"\n" for obj in objs)
            )
    medians.update(time_interleaved(writing, repeats))
    del writing, decoded
    table: dict[str, dict[str, float]] = {}
    for key, seconds in medians.items():
        operation, name = key.split("/")
        table.setdefault(operation, {})[name] = seconds
    return table


def _plain(obj: Any) -> bytes:
    """``to_json_bytes`` on the plain path, as without the fast extra."""
    saved = _fastjson._orjson_dumps, _fastjson._looked  # type: ignore[union-attr]
    _fastjson._orjson_dumps, _fastjson._looked = None, True  # type: ignore[union-attr]
    try:
        return pt.to_json_bytes(obj)
    finally:
        _fastjson._orjson_dumps, _fastjson._looked = saved  # type: ignore[union-attr]


def measure_memory(libraries: list[Library], records: list[dict[str, Any]]) -> dict[str, float]:
    """Bytes held per decoded record, for plain dicts and for each library."""
    data = orjson.dumps({"schema_version": pt.SCHEMA_VERSION, "records": records})
    for library in libraries:  # warm up: hooks and caches built before measuring
        library.decode(orjson.dumps({"schema_version": pt.SCHEMA_VERSION, "records": records[:50]}))
    held = {"floor": memory_held(lambda: orjson.loads(data))[0]}
    for library in libraries:
        held[library.name] = memory_held(lambda lib=library: lib.decode(data))[0]
    return {name: size / len(records) for name, size in held.items()}


def measure_import(repeats: int) -> dict[str, float]:
    """Milliseconds to import peacetalks, and to import it and read one record of each kind."""
    kinds = ", ".join(
        f"pt.from_json({json.dumps(json.dumps(record))}, pt.Record)"
        for record in _one_of_each_kind()
    )
    return {
        "import attrs and cattrs alone": 1000 * import_time("import attrs, cattrs", repeats),
        "import peacetalks": 1000 * import_time("import peacetalks", repeats),
        "import and read one record of each kind": 1000
        * import_time(f"import peacetalks as pt\n{kinds}", repeats),
    }


def _one_of_each_kind() -> list[dict[str, Any]]:
    records = make_corpus(50)
    return [next(r for r in records if r["type"] == kind) for kind in pt.RECORD_CLASSES]


def versions() -> dict[str, str]:
    found = {"python": platform.python_version(), "machine": platform.machine()}
    for package in ("peacetalks", "attrs", "cattrs", "orjson", "pydantic", "msgspec"):
        try:
            found[package] = metadata.version(package)
        except metadata.PackageNotFoundError:
            found[package] = "not installed"
    found["cpus"] = str(len(_cpus()))
    return found


def _cpus() -> list[int]:
    return sorted(os.sched_getaffinity(0)) if hasattr(os, "sched_getaffinity") else [0]


def render(results: dict[str, Any]) -> str:
    """The results as a Markdown table, ratios first."""
    names = ["peacetalks", *results["peers"]]
    lines = [
        f"{results['records']} records, median of {results['repeats']} interleaved repeats"
        f" (Python {results['versions']['python']}, {results['versions']['cpus']} CPUs)",
        "",
        "| operation | floor ms | "
        + " | ".join(f"{n} ms" for n in names)
        + " | peacetalks / floor | "
        + " | ".join(f"peacetalks / {n}" for n in names[1:])
        + " |",
        "|---" * (3 + len(names) + len(names) - 1) + "|",
    ]
    for operation, row in results["times"].items():
        cells = [f"{1000 * row[n]:.1f}" if n in row else "-" for n in names]
        ratios = [f"{row['peacetalks'] / row[n]:.2f}×" if n in row else "-" for n in names[1:]]
        lines.append(
            f"| {operation} | {1000 * row['floor']:.1f} | "
            + " | ".join(cells)
            + f" | {row['peacetalks'] / row['floor']:.2f}× | "
            + " | ".join(ratios)
            + " |"
        )
    decode = results["times"]["decode"]
    lines.append(
        f"\nOf peacetalks' decode, its strict JSON parser (peacetalks._jsontext.parse_json)"
        f" takes {1000 * decode['strict parser']:.1f} ms"
        f" ({decode['strict parser'] / decode['floor']:.2f}× the floor)."
    )
    encode = results["times"]["encode"]
    if "peacetalks without orjson" in encode:
        lines.append(
            "peacetalks' encode above uses orjson (the fast extra); without it (the plain"
            f" path) it takes {1000 * encode['peacetalks without orjson']:.1f} ms"
            f" ({encode['peacetalks without orjson'] / encode['floor']:.2f}× the floor)."
        )
    memory = results["memory_per_record"]
    lines += [
        "",
        f"Memory held per decoded record ({results['memory_records']} records): "
        + ", ".join(f"{name} {size:.0f} B" for name, size in memory.items())
        + f"; peacetalks / plain dicts {memory['peacetalks'] / memory['floor']:.2f}×",
        "Import: " + ", ".join(f"{k} {v:.1f} ms" for k, v in results["import_ms"].items()),
        "",
        "Targets: "
        + "; ".join(
            f"{name} {'met' if ok else 'MISSED'} ({value})"
            for name, (ok, value) in results["targets"].items()
        ),
    ]
    return "\n".join(lines)


def judge(results: dict[str, Any]) -> dict[str, tuple[bool, str]]:
    times = results["times"]
    decode = times["decode"]["peacetalks"] / times["decode"]["floor"]
    encode = times["encode"]["peacetalks"] / times["encode"]["floor"]
    memory = results["memory_per_record"]
    held = memory["peacetalks"] / memory["floor"]
    imported = results["import_ms"]["import peacetalks"]
    verdict = {
        "decode ≤ 4.5× floor": (decode <= TARGETS["decode"], f"{decode:.2f}×"),
        "encode ≤ 2.5× floor": (encode <= TARGETS["encode"], f"{encode:.2f}×"),
        "memory ≤ 0.8× dicts": (held <= TARGETS["memory"], f"{held:.2f}×"),
        "import ≤ 80 ms": (imported <= TARGETS["import_ms"], f"{imported:.1f} ms"),
    }
    if "pydantic" in times["decode"]:
        for operation in ("decode", "encode"):
            ratio = times[operation]["peacetalks"] / times[operation]["pydantic"]
            verdict[f"{operation} faster than pydantic"] = (ratio < 1, f"{ratio:.2f}×")
    return verdict


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("--quick", action="store_true", help="tiny corpus, one repeat")
    parser.add_argument("--json", type=Path, help="also write every figure and ratio here")
    parser.add_argument("--records", type=int, help="corpus size (default 20000; quick 200)")
    parser.add_argument("--repeats", type=int, help="timed rounds (default 7; quick 1)")
    args = parser.parse_args(argv)
    size = args.records or (200 if args.quick else 20_000)
    repeats = args.repeats or (1 if args.quick else 7)
    memory_records = 1_000 if args.quick else 100_000

    records = make_corpus(size)
    document = {"schema_version": pt.SCHEMA_VERSION, "records": records}
    data = orjson.dumps(document)
    peers, missing = _peers()
    libraries = [_peacetalks(), *peers]
    wrong = check_equivalence(libraries, document, make_invalid(records))
    del document, records  # reading is timed with nothing but the bytes alive
    if wrong:
        print("The libraries do not agree on the corpus:", *wrong, sep="\n  ", file=sys.stderr)
        return 1
    print(f"equivalence: {len(libraries)} libraries agree on {size} records", file=sys.stderr)
    results: dict[str, Any] = {
        "records": size,
        "repeats": repeats,
        "versions": versions(),
        "peers": [peer.name for peer in peers],
        "missing": missing,
        "times": time_operations(libraries, data, repeats),
    }
    memory_corpus = make_corpus(memory_records, seed=8)
    results["memory_records"] = memory_records
    results["memory_per_record"] = measure_memory(libraries, memory_corpus)
    results["import_ms"] = measure_import(1 if args.quick else 9)
    results["targets"] = judge(results)
    print(render(results))
    if missing:
        print(f"\nNot installed, left out: {', '.join(missing)}")
    if args.json:
        args.json.write_text(json.dumps(results, indent=2, ensure_ascii=False) + "\n")
    return 0


if __name__ == "__main__":
    sys.exit(main())
