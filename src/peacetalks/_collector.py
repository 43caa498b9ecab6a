"""Pausing Python's cyclic garbage collector while a whole document is read or written.

Reading a document builds hundreds of thousands of containers (the parsed
dicts, then the records and their values) and keeps nearly all of them. Each
700 new containers start a collection, and as the heap grows the collector
walks everything kept so far again and again: about a third of the time of
reading a large document, for nothing, since reading makes no reference
cycles. :func:`paused` turns the collector off for the duration and back on
afterwards, on success and on error alike.

The collector is only turned back on if it was on when the first of the
overlapping calls (from any thread) began, and only when the last of them
ends, so calls in several threads at once and a program that runs with the
collector off are both respected. A program that turns the collector off
*while* a document is being read in another thread should turn it off again
afterwards.
"""

from __future__ import annotations

import gc
import threading
from collections.abc import Iterator
from contextlib import contextmanager

__all__ = ["paused"]

_lock = threading.Lock()
_running = 0  # calls inside paused(), in every thread
_turned_off = False  # whether the first of them turned the collector off


@contextmanager
def paused() -> Iterator[None]:
    """Run the body with the cyclic garbage collector off, then restore it."""
    global _running, _turned_off  # noqa: PLW0603 - one process-wide state, under the lock
    with _lock:
        if _running == 0:
            _turned_off = gc.isenabled()
            if _turned_off:
                gc.disable()
        _running += 1
    try:
        yield
    finally:
        with _lock:
            _running -= 1
            if _running == 0 and _turned_off:
                _turned_off = False
                gc.enable()
