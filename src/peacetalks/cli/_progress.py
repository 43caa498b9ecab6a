"""A progress bar on standard error, drawn only when it is a terminal.

When standard error is a pipe or a file, nothing is written at all, so logs
and scripts see only the command's own messages.
"""

from __future__ import annotations

import shutil
import sys
import time
from typing import TextIO

_INTERVAL = 0.1  # seconds between redraws
_BAR = 24


class Progress:
    """Shows how far through its input a command is: bytes when the size is known, else lines."""

    def __init__(self, label: str, total_bytes: int | None, stream: TextIO | None = None) -> None:
        self.stream = sys.stderr if stream is None else stream
        self.enabled = self.stream.isatty()
        self.label = label
        self.total = total_bytes or None
        self._next_draw = 0.0
        self._drawn = False

    def update(self, done_bytes: int, lines: int) -> None:
        """Redraw, at most every tenth of a second."""
        if not self.enabled:
            return
        now = time.monotonic()
        if now < self._next_draw:
            return
        self._next_draw = now + _INTERVAL
        counted = f"{lines:,} lines"
        if self.total:
            share = min(done_bytes / self.total, 1.0)
            filled = round(share * _BAR)
            text = f"{self.label} [{'#' * filled}{'.' * (_BAR - filled)}] {share:4.0%} {counted}"
        else:
            text = f"{self.label} {counted}"
        width = shutil.get_terminal_size().columns - 1
        self.stream.write("\r" + text[:width] + "\x1b[K")
        self.stream.flush()
        self._drawn = True

    def close(self) -> None:
        """Clear the bar, leaving the line free for what comes next."""
        if self._drawn:
            self.stream.write("\r\x1b[K")
            self.stream.flush()
            self._drawn = False
