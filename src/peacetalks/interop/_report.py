"""What every importer returns: the records, and a report on every row it read."""

from __future__ import annotations

import enum
from collections import Counter

import attrs

from peacetalks.document import RECORD_CLASSES, Document

__all__ = ["ImportResult", "RowOutcome", "RowReport"]


class RowOutcome(enum.Enum):
    """What became of one row (or one JSON record) of an input file."""

    IMPORTED = "imported"
    """Turned into records; any problems are notes on what could not be kept."""
    MERGED = "merged"
    """A duplicate of an earlier row, merged into the same records."""
    SPLIT = "split"
    """Made into a truce of its own, apart from other rows with the same key (a note says why)."""
    SKIPPED = "skipped"
    """Read and understood, but outside what peacetalks records (e.g. a PLOVER riot)."""
    REJECTED = "rejected"
    """Could not be turned into valid records; the problems say why."""


@attrs.frozen
class RowReport:
    """The report on one row.

    Attributes:
        line: Where the row starts: the 1-based line of a CSV file, or the
            1-based position of a record in a JSON file.
        key: The row's own id in its dataset (ETH/PRIO ``id``, PA-X ``AgtId``,
            a PLOVER or Popolo ``id``), where it has one.
        outcome: imported, merged, skipped or rejected.
        problems: Every problem found, in words; for an imported row, what
            could not be kept or was read with care.
    """

    line: int
    key: str | None
    outcome: RowOutcome
    problems: tuple[str, ...] = ()

    def __str__(self) -> str:
        where = f"line {self.line}" + (f" ({self.key})" if self.key else "")
        text = f"{where}: {self.outcome.value}"
        return text + ("; " + "; ".join(self.problems) if self.problems else "")


@attrs.frozen
class ImportResult:
    """The records an importer made and a report on every row it read.

    ``document`` holds only valid records; ``rows`` has one report per row or
    record read, in file order, so nothing is dropped without a word.
    """

    document: Document
    rows: tuple[RowReport, ...]
    notes: tuple[str, ...] = ()
    """Problems with the file as a whole (missing optional columns, bad bytes)."""

    @property
    def rows_read(self) -> int:
        """How many rows (or JSON records) were read."""
        return len(self.rows)

    def outcomes(self) -> dict[str, int]:
        """How many rows had each outcome: ``{"imported": 2400, "merged": 23, ...}``."""
        counts = Counter(report.outcome for report in self.rows)
        return {outcome.value: counts[outcome] for outcome in RowOutcome}

    def records_by_kind(self) -> dict[str, int]:
        """How many records of each kind were produced: ``{"actor": 355, "truce": 1264, ...}``."""
        counts = Counter(type(record).record_type for record in self.document.records)
        return {kind: counts[kind] for kind in RECORD_CLASSES}

    def top_reasons(
        self, outcome: RowOutcome = RowOutcome.REJECTED, limit: int = 5
    ) -> list[tuple[str, int]]:
        """The commonest problems of rows with ``outcome``, most frequent first.

        Problems are counted by their reason, the part before the first ``": "``,
        so "day 31 is not in the month: cf_dec_day" and the same with another
        column count as one reason.
        """
        counts = Counter(
            problem.split(": ", 1)[0]
            for report in self.rows
            if report.outcome is outcome
            for problem in report.problems
        )
        return counts.most_common(limit)
