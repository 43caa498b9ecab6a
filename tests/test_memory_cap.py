"""Every loader under an address-space limit, fed the largest inputs the default limits allow.

Each case runs in a child process whose address space is capped with
``resource.setrlimit(RLIMIT_AS)`` (as ``ulimit -v`` does), with orjson present, and
must end in a result or a peacetalks error: never a crash, a ``MemoryError`` or
another exception. Each child builds its own input, so nothing large crosses a pipe.
"""

from __future__ import annotations

import subprocess
import sys
import textwrap

import pytest

pytestmark = pytest.mark.slow  # every case starts a capped interpreter on a large input

#: The cap: well below what reading the largest inputs naively took (4 to 8 GiB).
CAP_BYTES = 1536 * 1024 * 1024
#: Lower caps for cases that would take long to reach the usual one; under these the
#: CSV importers run out of memory while building rows, not only while decoding.
CAPS = {
    "a PA-X file of short agreements": 1000 * 1024 * 1024,
    "an ETH/PRIO file of short ceasefires": 1000 * 1024 * 1024,
}

_PRELUDE = """
import io, resource, sys
import peacetalks as pt
from peacetalks.interop import read_ethprio, read_pax, read_plover

MIB = 1024 * 1024
DOC = pt.DEFAULT_LIMITS.max_document_bytes
LINE = pt.DEFAULT_LIMITS.max_line_bytes
resource.setrlimit(resource.RLIMIT_AS, ({cap}, {cap}))


def document(value, size=DOC):
    # A document of at most size bytes whose records array repeats value.
    head, tail = b'{{"schema_version":1,"records":[', b"]}}"
    count = (size - len(head) - len(tail) + 1) // (len(value) + 1)
    return head + (value + b",") * (count - 1) + value + tail


def csv_file(head, row, size=DOC):
    # A CSV file of at most size bytes: head, then row % (n, n) for n = 0, 1, ...
    rows, total, n = [head], len(head), 0
    while total < size - 200:
        rows.append(row % (n, n))
        total, n = total + len(rows[-1]), n + 1
    return b"".join(rows)


def outcome(call):
    try:
        result = call()
    except pt.LimitExceededError as error:
        return f"LimitExceededError {{error.limit}}"
    except pt.PeacetalksError as error:
        return f"{{type(error).__name__}} {{len(getattr(error, 'problems', ()))}}"
    return f"result {{type(result).__name__}}"
"""

# Each case: its name, the statement that makes ``data``, the call, and the outcomes allowed.
CASES = {
    "empty records": (
        "data = document(b'{}')",
        "pt.from_json(data, pt.Document)",
        {"LimitExceededError max_records"},
    ),
    "one long string": (
        "data = b'[\"' + b'a' * (DOC - 4) + b'\"]'",
        "pt.from_json(data, pt.Document)",
        {"LimitExceededError max_string_length"},
    ),
    "a string of escapes": (
        "data = b'[\"' + b'\\\\n' * ((DOC - 4) // 2) + b'\"]'",
        "pt.from_json(data, pt.Document)",
        {"LimitExceededError max_string_length"},
    ),
    "deep nesting": (
        "data = b'[' * DOC",
        "pt.from_json(data, pt.Document)",
        {"LimitExceededError max_depth"},
    ),
    "short strings": (
        "data = document(b'\"ab\"')",
        "pt.from_json(data, pt.Document)",
        {"LimitExceededError max_records"},
    ),
    "numbers in one record": (
        'data = (b\'{"schema_version":1,"records":[{"type":"actor","id":"a",\''
        ' + b\'"category":"person","name":"A","names":[\' + b\'0,\' * ((DOC - 200) // 2)'
        " + b'0]}]}')",
        "pt.from_json(data, pt.Document)",
        {"ValidationError 1001", "LimitExceededError memory"},
    ),
    "a 20 MB document (the orjson quick path)": (
        "data = pt.to_json_bytes(pt.Document(records=pt.load_example().records * 280))",
        "pt.from_json(data, pt.Document)",
        {"result Document", "LimitExceededError memory"},
    ),
    "a line of empty names": (
        'data = b\'{"schema_version":1}\\n{"type":"actor","id":"a","category":"person",'
        '"name":"A","names":[\' + b\'{},\' * ((LINE - 100) // 3) + b\'{}]}\\n\'',
        "[r.bad_lines[0].problems for r in [pt.JsonLinesReader(io.BytesIO(data))] if not list(r)]",
        {"result list"},
    ),
    "lines too long": (
        "data = b'{\"schema_version\":1}\\n' + (b'[' * (LINE + 10) + b'\\n') * 4",
        "[r.bad for r in [pt.JsonLinesReader(io.BytesIO(data))] if not list(r)]",
        {"result list"},
    ),
    "a PLOVER file of empty records": (
        "open(sys.argv[1], 'wb').write(b'[' + b'{},' * (DOC // 3 - 1) + b'{}]'); data = None",
        "read_plover(sys.argv[1])",
        {"LimitExceededError max_records"},
    ),
    "a PA-X file of short agreements": (
        "data = csv_file(b'AgtId,Agt,Dat,Part\\n',"
        ' b\'%d,"Agreement %d",2001-02-03,"A, B and C; (signed) D"\\n\')',
        "read_pax(data)",
        {"LimitExceededError memory", "LimitExceededError max_records", "result ImportResult"},
    ),
    "an ETH/PRIO file of short ceasefires": (
        "data = csv_file(b'cc,cf_id,actor_name,cf_dec_yr\\n', b'%d,%d,Side A,1999\\n')",
        "read_ethprio(data)",
        {"LimitExceededError memory", "LimitExceededError max_records", "result ImportResult"},
    ),
    "time words": (
        "data = 'march ' + '1' * (DOC // 8)",
        "pt.parse_time(data, '2025-03-23T12:00:00Z', 'UTC')",
        {"UnreadableTimeError 0"},
    ),
}


@pytest.mark.fuzz
@pytest.mark.parametrize("case", list(CASES))
def test_the_largest_inputs_end_cleanly_under_an_address_space_limit(
    case: str, tmp_path: object
) -> None:
    make, call, allowed = CASES[case]
    code = (
        textwrap.dedent(_PRELUDE.format(cap=CAPS.get(case, CAP_BYTES)))
        + f"{make}\nprint(outcome(lambda: {call}))\n"
    )
    done = subprocess.run(
        [sys.executable, "-c", code, str(tmp_path) + "/plover.json"],
        capture_output=True,
        text=True,
        check=False,
        timeout=600,
    )
    assert done.returncode == 0, f"{case}: exit {done.returncode}\n{done.stderr[-2000:]}"
    assert done.stdout.strip() in allowed, f"{case}: {done.stdout!r} {done.stderr[-2000:]}"
