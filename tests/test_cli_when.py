"""``peacetalks when``, run as a user runs it: the installed command in a subprocess."""

from __future__ import annotations

import json
import subprocess

import pytest

import peacetalks as pt
from conftest import run_peacetalks


def when(*args: str) -> subprocess.CompletedProcess[str]:
    return run_peacetalks("when", *args)


def test_prints_the_resolved_value_as_json() -> None:
    done = when("by April 20", "--reference", "2025-03-23T12:00:00+02:00", "--zone", "Europe/Kyiv")
    assert done.returncode == 0, done.stderr
    assert json.loads(done.stdout) == {
        "words": "by April 20",
        "latest": "2025-04-20",
        "relation": "by",
        "zone": "Europe/Kyiv",
        "reference": "2025-03-23T12:00:00+02:00",
        "basis": "inferred",
    }
    assert pt.from_json(done.stdout, pt.ReportedTime) == pt.parse_time(
        "by April 20", "2025-03-23T12:00:00+02:00", "Europe/Kyiv"
    )


def test_options_reach_the_parser() -> None:
    future = when("on Monday", "--reference", "2025-03-23", "--future")
    monday_weeks = when("last week", "--reference", "2025-03-23", "--week-starts", "monday")
    assert json.loads(future.stdout)["earliest"] == "2025-03-24"
    assert json.loads(monday_weeks.stdout)["earliest"] == "2025-03-10"
    duration = when("--duration", "72 hours")
    assert json.loads(duration.stdout) == {"amount": 72, "unit": "hour", "words": "72 hours"}


def test_unreadable_words_exit_1_with_the_reason_unless_kept() -> None:
    failed = when("since the start of the war")
    assert (failed.returncode, failed.stdout) == (1, "")
    assert "no date, time or period" in failed.stderr
    kept = when("since the start of the war", "--keep")
    assert kept.returncode == 0
    assert json.loads(kept.stdout) == {"words": "since the start of the war", "relation": "since"}


@pytest.mark.parametrize(
    "args",
    [("today", "--reference", "yesterday"), ("today", "--zone", "Mars/Olympus"), ()],
)
def test_misuse_exits_2(args: tuple[str, ...]) -> None:
    done = when(*args)
    assert done.returncode == 2
    assert done.stdout == ""
    assert done.stderr


def test_help_lists_examples_and_exit_codes() -> None:
    done = when("--help")
    assert done.returncode == 0
    assert "by April 20" in done.stdout
    assert "exit codes" in done.stdout


def test_an_explicit_offset_is_read_with_a_zone_and_the_zone_is_recorded() -> None:
    done = when("2025-03-23T10:00:00Z", "--zone", "Europe/Kyiv")
    assert done.returncode == 0, done.stderr
    assert json.loads(done.stdout) == {
        "words": "2025-03-23T10:00:00Z",
        "earliest": "2025-03-23T12:00:00+02:00",
        "latest": "2025-03-23T12:00:00+02:00",
        "zone": "Europe/Kyiv",
    }


@pytest.mark.parametrize(
    ("words", "expected"),
    [
        ("last December", {"earliest": "2024-12", "latest": "2024-12"}),
        ("next spring", {"earliest": "2026-03", "latest": "2026-05", "approximate": True}),
        ("from May 1", {"earliest": "2025-05-01", "relation": "since"}),
        ("starting May 1", {"earliest": "2025-05-01", "relation": "since"}),
    ],
)
def test_months_seasons_and_start_bounds(words: str, expected: dict[str, object]) -> None:
    done = when(words, "--reference", "2025-03-23")
    assert done.returncode == 0, done.stderr
    assert json.loads(done.stdout) == {
        "words": words,
        **expected,
        "reference": "2025-03-23",
        "basis": "inferred",
    }
