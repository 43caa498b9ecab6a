"""Documents on disk: read strictly, written atomically.

A write goes to a temporary file in the target's directory, is flushed to disk
and then renamed over the target (and the directory flushed too), so a crash
leaves either the old content or the complete new content, never half a file;
on any error, a full disk included, the temporary file is removed.
:func:`atomic_output` does the same for output written piece by piece, such as
a JSON Lines stream.

What the target may be:

* a regular file, or a name not yet taken: replaced as above;
* a symbolic link: followed, so the file it points to is replaced (in that
  file's directory) and the link stays a link;
* a pipe (FIFO) or a character device such as ``/dev/stdout`` or ``/dev/null``:
  written through, directly, since neither can be replaced (nor written
  atomically);
* anything else (a directory, a block device, a socket): refused with an
  :class:`OSError`, before anything is written.
"""

from __future__ import annotations

import contextlib
import errno
import os
import stat
import tempfile
from collections.abc import Iterator
from functools import cache
from pathlib import Path
from typing import BinaryIO

import cattrs

from peacetalks.converter import converter as default_converter
from peacetalks.converter import from_json, to_json_bytes
from peacetalks.document import Document
from peacetalks.errors import IntegrityError
from peacetalks.integrity import check_integrity
from peacetalks.limits import DEFAULT_LIMITS, Limits, read_file

__all__ = ["PendingFile", "atomic_output", "atomic_write", "read_document", "write_document"]


def read_document(
    path: str | os.PathLike[str],
    *,
    converter: cattrs.Converter = default_converter,
    limits: Limits = DEFAULT_LIMITS,
    integrity: bool = True,
) -> Document:
    """Read a document from a JSON file, within ``limits``.

    A file larger than ``limits.max_document_bytes`` is refused before it is
    read. By default (``integrity=True``) the records must also fit together,
    as :func:`~peacetalks.check_integrity` checks: unique ids, references that
    resolve to the right kind of record, times that can all be true;
    ``integrity=False`` skips that check and returns records that are each
    valid.

    Raises :class:`~peacetalks.errors.ValidationError` for invalid content
    (:class:`~peacetalks.errors.LimitExceededError` for content beyond a limit,
    :class:`~peacetalks.errors.IntegrityError` for records that do not fit
    together) and :class:`OSError` when the file cannot be read.
    """
    data = read_file(path, limits, "document")
    document = from_json(data, Document, converter=converter, limits=limits)
    if integrity:
        problems = check_integrity(document.records, max_problems=limits.max_problems)
        if problems:
            raise IntegrityError(problems, "document")
    return document


def write_document(
    document: Document,
    path: str | os.PathLike[str],
    *,
    indent: int | None = 2,
    converter: cattrs.Converter = default_converter,
    integrity: bool = True,
) -> None:
    """Write a document as JSON (indented by default), atomically.

    By default (``integrity=True``) the records must fit together first, as
    :func:`read_document` checks by default, so that whatever is written reads
    back: a document whose records do not raises
    :class:`~peacetalks.errors.IntegrityError` and nothing is written.
    ``integrity=False`` writes it anyway (read it back with
    ``read_document(path, integrity=False)``).
    """
    if integrity:
        problems = check_integrity(document.records, max_problems=DEFAULT_LIMITS.max_problems)
        if problems:
            raise IntegrityError(problems, "document")
    atomic_write(path, to_json_bytes(document, indent=indent, converter=converter) + b"\n")


def atomic_write(path: str | os.PathLike[str], data: bytes) -> None:
    """Replace the file at ``path`` with ``data``: all of it, or none of it."""
    with atomic_output(path) as handle:
        handle.write(data)


@contextlib.contextmanager
def atomic_output(path: str | os.PathLike[str]) -> Iterator[BinaryIO]:
    """A binary file to write ``path``'s new content to, streamed; it replaces ``path`` at the end.

    The content goes to a temporary file in the same directory, which is
    flushed to disk and renamed over ``path`` when the ``with`` block ends
    normally. If the block raises, the temporary file is removed and ``path``
    is left as it was. The new file keeps the mode of the file it replaces
    (or gets the usual mode for a new file).

    >>> import tempfile, pathlib
    >>> target = pathlib.Path(tempfile.mkdtemp()) / "out.jsonl"
    >>> with atomic_output(target) as handle:
    ...     _ = handle.write(b'{"schema_version":1}\\n')
    >>> target.read_bytes()
    b'{"schema_version":1}\\n'
    """
    pending = PendingFile(path)
    try:
        yield pending.handle
    except OSError as exc:
        pending.discard()
        raise pending.named(exc) from None
    except BaseException:
        pending.discard()
        raise
    try:
        pending.commit()
    except OSError as exc:
        raise pending.named(exc) from None


class PendingFile:
    """A temporary file beside ``path`` that replaces it on :meth:`commit`.

    :func:`atomic_output` is the usual way in; this is for writers whose end is
    not a ``with`` block (a stream writer, a reader's side file of rejects).
    """

    def __init__(self, path: str | os.PathLike[str]) -> None:
        self.asked = Path(path)
        self.target = Path(os.path.realpath(path))  # a symbolic link is followed
        self.temporary: str | None = None
        kind = _kind(self.target)
        if kind in (stat.S_IFIFO, stat.S_IFCHR):  # a pipe or a device: written through
            self.handle: BinaryIO = open(self.target, "wb")  # noqa: SIM115 - closed by commit
            return
        if kind is not None and kind != stat.S_IFREG:
            raise OSError(
                errno.EISDIR if kind == stat.S_IFDIR else errno.EINVAL,
                "not a regular file, a pipe or a character device: refusing to replace it",
                str(self.asked),
            )
        try:
            fd, self.temporary = tempfile.mkstemp(
                prefix=f".{self.target.name}.", suffix=".tmp", dir=self.target.parent
            )
        except OSError as exc:  # name the file asked for, not the temporary one
            raise type(exc)(exc.errno, exc.strerror, str(self.asked)) from None
        self.handle = os.fdopen(fd, "wb")

    def named(self, exc: OSError) -> OSError:
        """``exc``, naming the file asked for when it names none (a full disk:
        ``[Errno 28] No space left on device: 'out.json'``)."""
        if exc.filename is not None or exc.errno is None:
            return exc
        named = type(exc)(exc.errno, exc.strerror, str(self.asked))
        named.__traceback__ = exc.__traceback__
        return named

    def commit(self) -> None:
        """Flush the content to disk and rename it over the target."""
        try:
            self.handle.flush()
            if self.temporary is None:  # written through
                self.handle.close()
                return
            os.fsync(self.handle.fileno())
            self.handle.close()
            os.chmod(self.temporary, _mode_for(self.target))
            os.replace(self.temporary, self.target)
            self.temporary = None
        except BaseException:
            self.discard()
            raise
        _sync_directory(self.target.parent)

    def discard(self) -> None:
        """Drop the content; the target is left as it was (a pipe keeps what it was sent)."""
        with contextlib.suppress(OSError):  # closing flushes, and the disk may be full
            self.handle.close()
        if self.temporary is not None:
            Path(self.temporary).unlink(missing_ok=True)
            self.temporary = None


def _kind(path: Path) -> int | None:
    """The file type bits of what is at ``path`` (links followed), or None if nothing."""
    try:
        return stat.S_IFMT(path.stat().st_mode)
    except FileNotFoundError:
        return None
    except OSError:  # cannot look: let creating the temporary file report it
        return None


def _sync_directory(directory: Path) -> None:
    """Flush a directory's entries to disk, so that a rename survives a crash."""
    try:
        fd = os.open(directory, os.O_RDONLY)
    except OSError:  # a system whose directories cannot be opened: nothing to flush
        return
    try:
        with contextlib.suppress(OSError):
            os.fsync(fd)
    finally:
        os.close(fd)


def _mode_for(target: Path) -> int:
    try:
        return stat.S_IMODE(target.stat().st_mode)
    except OSError:
        return 0o666 & ~_umask()


@cache
def _umask() -> int:
    # Linux says it in /proc (since 4.7), which changes nothing; elsewhere the only
    # portable way to read the umask is to set it and restore it at once (done once).
    try:
        with open("/proc/self/status", encoding="ascii", errors="replace") as status:
            for line in status:
                if line.startswith("Umask:"):
                    return int(line.split()[1], 8)
    except (OSError, ValueError, IndexError):
        pass
    mask = os.umask(0o022)
    os.umask(mask)
    return mask
