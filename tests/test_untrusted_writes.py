"""Writing where untrusted paths and full disks are: regression tests from issue 14.

Writes never replace what is not a regular file, never leave a temporary file
behind, and the command line turns every output failure into a clear error.
"""

from __future__ import annotations

import errno
import os
import resource
import stat
import subprocess
import sys
from pathlib import Path

import pytest

import peacetalks as pt
from conftest import PEACETALKS, run_peacetalks

# Where a document may be written ------------------------------------------------------


def test_writing_follows_a_symbolic_link_and_keeps_it(tmp_path: Path) -> None:
    real = tmp_path / "real.json"
    real.write_text("old")
    link = tmp_path / "link.json"
    link.symlink_to(real)
    pt.write_document(pt.load_example(), link)
    assert link.is_symlink()
    assert pt.read_document(real) == pt.load_example()
    assert sorted(p.name for p in tmp_path.iterdir()) == ["link.json", "real.json"]


def test_writing_to_a_pipe_writes_through_it(tmp_path: Path) -> None:
    fifo = tmp_path / "fifo"
    os.mkfifo(fifo)
    with subprocess.Popen(["cat", str(fifo)], stdout=subprocess.PIPE) as reader:
        pt.write_document(pt.load_example(), fifo)
        sent = reader.communicate(timeout=10)[0]
    assert stat.S_ISFIFO(fifo.stat().st_mode)
    assert pt.from_json(sent, pt.Document) == pt.load_example()


def test_writing_to_dev_null_writes_through_it() -> None:
    pt.write_document(pt.load_example(), "/dev/null")
    assert stat.S_ISCHR(os.stat("/dev/null").st_mode)


def test_a_directory_is_refused_before_anything_is_written(tmp_path: Path) -> None:
    with pytest.raises(IsADirectoryError, match="not a regular file"):
        pt.write_document(pt.load_example(), tmp_path)
    with pytest.raises(IsADirectoryError):
        pt.write_jsonl(tmp_path, [])
    assert list(tmp_path.iterdir()) == []


@pytest.mark.parametrize("suffix", [".json", ".jsonl"])
def test_the_command_line_writes_through_a_pipe_and_a_link(tmp_path: Path, suffix: str) -> None:
    source = tmp_path / "in.json"
    pt.write_document(pt.load_example(), source)
    fifo = tmp_path / f"fifo{suffix}"
    os.mkfifo(fifo)
    with subprocess.Popen(["cat", str(fifo)], stdout=subprocess.PIPE) as reader:
        done = run_peacetalks("convert", str(source), "-o", str(fifo))
        sent = reader.communicate(timeout=30)[0]
    assert done.returncode == 0, done.stderr
    assert stat.S_ISFIFO(fifo.stat().st_mode)
    assert sent.count(b"\n") >= len(pt.load_example().records)
    real, link = tmp_path / f"real{suffix}", tmp_path / f"link{suffix}"
    real.write_text("old")
    link.symlink_to(real)
    done = run_peacetalks("convert", str(source), "-o", str(link))
    assert done.returncode == 0, done.stderr
    assert link.is_symlink()
    assert real.read_text() != "old"


@pytest.mark.parametrize("suffix", [".json", ".jsonl"])
def test_a_full_disk_is_a_clear_error_naming_the_file(tmp_path: Path, suffix: str) -> None:
    """/dev/full refuses every write with ENOSPC, as a full disk does (Linux, as the
    pipes and device tests above assume a POSIX system)."""
    source = tmp_path / "in.json"
    pt.write_document(pt.load_example(), source)
    output_format = suffix.lstrip(".")
    done = run_peacetalks(
        "convert", str(source), "--output-format", output_format, "-o", "/dev/full"
    )
    assert done.returncode == 2
    assert done.stderr.strip() == "peacetalks convert: /dev/full: No space left on device"
    with pytest.raises(OSError, match="/dev/full") as raised:
        pt.write_document(pt.load_example(), "/dev/full")
    assert raised.value.errno == errno.ENOSPC
    with pytest.raises(OSError, match="/dev/full"):
        pt.write_jsonl("/dev/full", pt.load_example().records)


# No temporary file left behind ---------------------------------------------------------

_FILE_SIZE_LIMITED = """
import os, resource, sys
import peacetalks as pt
resource.setrlimit(resource.RLIMIT_FSIZE, (4096, 4096))
target = sys.argv[1]
records = pt.load_example().records
for write in (
    lambda: pt.write_jsonl(target, records),
    lambda: pt.write_document(pt.load_example(), target),
    lambda: pt.write_jsonl(target, [], title="x" * 10_000),
):
    try:
        write()
    except OSError as error:
        print(error.errno)
"""


def test_no_temporary_file_is_left_when_the_file_size_limit_is_reached(tmp_path: Path) -> None:
    target = tmp_path / "out.jsonl"
    done = subprocess.run(
        [sys.executable, "-c", _FILE_SIZE_LIMITED, str(target)],
        capture_output=True,
        text=True,
        check=False,
    )
    assert done.returncode == 0, done.stderr
    assert done.stdout.split() == [str(errno.EFBIG)] * 3
    assert list(tmp_path.iterdir()) == []


def test_convert_leaves_no_temporary_file_when_the_file_size_limit_is_reached(
    tmp_path: Path,
) -> None:
    source = tmp_path / "talks.json"
    pt.write_document(pt.load_example(), source)

    def limited() -> None:
        resource.setrlimit(resource.RLIMIT_FSIZE, (4096, 4096))

    done = subprocess.run(
        [PEACETALKS, "convert", str(source), "-o", str(tmp_path / "talks.jsonl")],
        capture_output=True,
        text=True,
        check=False,
        preexec_fn=limited,
    )
    assert done.returncode == 2, done.stderr
    assert "Traceback" not in done.stderr
    assert sorted(p.name for p in tmp_path.iterdir()) == ["talks.json"]


# The command line: limits, a full stdout, --rejects --------------------------------------


def test_a_very_large_size_limit_is_taken_and_a_larger_one_refused() -> None:
    done = run_peacetalks("validate", "--max-document-bytes", "100G", "--max-line-bytes", "100G")
    assert done.returncode == 0, done.stderr
    done = run_peacetalks("validate", "--max-document-bytes", "999999999999999999G")
    assert done.returncode == 2
    assert "more bytes than a limit can be" in done.stderr
    with pytest.raises(ValueError, match="max_line_bytes"):
        pt.Limits(max_line_bytes=sys.maxsize + 1)


@pytest.mark.parametrize("command", [["example"], ["validate", "--format", "json"]])
def test_a_full_stdout_is_a_clear_error(command: list[str]) -> None:
    with open("/dev/full", "w") as full:
        done = subprocess.run(
            [PEACETALKS, *command], stdout=full, stderr=subprocess.PIPE, text=True, check=False
        )
    assert done.returncode == 2
    assert "No space left on device" in done.stderr
    assert "Traceback" not in done.stderr


def test_rejects_naming_the_input_is_refused_and_the_input_kept(tmp_path: Path) -> None:
    corpus = tmp_path / "corpus.jsonl"
    corpus.write_bytes(b'{"schema_version":1}\n{"type":"actor"}\n')
    before = corpus.read_bytes()
    for rejects in (str(corpus), str(tmp_path / "." / "corpus.jsonl")):
        done = run_peacetalks("validate", "--rejects", rejects, str(corpus))
        assert done.returncode == 2
        assert "the input file itself" in done.stderr
    assert corpus.read_bytes() == before
    with open(corpus, "rb") as handle, pytest.raises(OSError, match="being read"):
        list(pt.JsonLinesReader(handle, rejects=corpus))
    assert corpus.read_bytes() == before
