"""JSON Lines: streams of records, read lazily in constant memory and written atomically.

The format, one JSON value per line, UTF-8:

* **Line 1, the header** (always written; optional when reading): a JSON object
  with ``schema_version`` and no ``type``, which may also carry the ``title``
  and ``sources`` of a document: ``{"schema_version":1,"title":"..."}``. It is
  exactly a document without its ``records``, so converting between a
  document and a stream loses nothing.
* **Every other line**: one record as :func:`~peacetalks.to_dict` gives it,
  tagged by ``type``.

Blank lines are skipped, and so is a UTF-8 byte order mark at the start (as
at the start of a document; anywhere else it is an error). A stream without a
header is read as ``schema_version`` (by default the current version,
:data:`~peacetalks.SCHEMA_VERSION`); pass the version a headerless stream was
written in when it is older.

Every record read goes through :func:`record_from_dict`, the one place that
turns (plain data, schema version) into a record: migrations from older
versions belong there.

A bad line never stops a :class:`JsonLinesReader` unless it is ``strict``:
the line is reported as a :class:`BadLine` with its number and every problem,
the good records keep coming, and the bad lines can be copied to a side file.
A header for a version this library cannot read does stop it
(:class:`~peacetalks.errors.SchemaVersionError`): nothing after it could be read.

Each line is read within :class:`~peacetalks.Limits`: a line longer than
``max_line_bytes`` is a bad line, and read from a file it is skipped without
ever being held in memory whole. The stream itself may be of any length.

>>> import io
>>> from peacetalks.jsonlines import JsonLinesReader
>>> stream = io.BytesIO(b'''{"schema_version":1}
... {"type":"actor","id":"trump","category":"person","name":"Donald Trump"}
... {"type":"actor","id":"putin","category":"person","name":5}
... ''')
>>> reader = JsonLinesReader(stream)
>>> [record.id for record in reader]
['trump']
>>> reader.good, reader.bad
(1, 1)
>>> print(reader.bad_lines[0])
line 3: actor 'putin' at $.name: expected a string or null, got integer 5
"""

from __future__ import annotations

import errno
import os
from collections import Counter
from collections.abc import Callable, Generator, Iterable, Iterator, Sequence
from types import TracebackType
from typing import Any, BinaryIO

import attrs
import cattrs

from peacetalks import _problems
from peacetalks._jsontext import parse_json
from peacetalks.common import Citation
from peacetalks.converter import converter as default_converter
from peacetalks.converter import from_dict, to_json_bytes
from peacetalks.document import RECORD_CLASSES, SCHEMA_VERSION, Document, Record
from peacetalks.errors import (
    BadLineError,
    Problem,
    SchemaVersionError,
    SerializationError,
    ValidationError,
)
from peacetalks.files import PendingFile
from peacetalks.limits import DEFAULT_LIMITS, LIMIT_CEILING, Limits, too_large
from peacetalks.migrations import identify, migrate_record

__all__ = [
    "BadLine",
    "JsonLinesReader",
    "JsonLinesWriter",
    "read_jsonl",
    "record_from_dict",
    "write_jsonl",
]

_BOM = b"\xef\xbb\xbf"
_CHUNK = 1 << 16
#: How much of a line longer than ``max_line_bytes`` its :class:`BadLine` keeps.
KEPT_OF_LONG_LINE = 1024
_RECORD_TYPES = tuple(RECORD_CLASSES.values())


def record_from_dict(
    data: object,
    schema_version: int,
    *,
    converter: cattrs.Converter = default_converter,
    limits: Limits = DEFAULT_LIMITS,
) -> Record:
    """Build a record from plain data written in ``schema_version``.

    The one way a streamed record is built: the version is checked (raising
    :class:`~peacetalks.errors.SchemaVersionError` for one this library cannot
    read), data of an older version is migrated, and the result is structured
    strictly (raising :class:`~peacetalks.errors.ValidationError` with every
    problem, up to ``limits.max_problems``).
    """
    data = migrate_record(data, schema_version)  # type: ignore[arg-type]  # checked below
    with _problems.at_most(limits.max_problems):
        try:
            record: Record = converter.structure(data, Record)  # type: ignore[arg-type]
        except Exception as exc:
            problems = _problems.capped(_problems.problems(exc), limits.max_problems)
            raise ValidationError(problems, "record") from None
    return record


@attrs.frozen(kw_only=True, weakref_slot=False)
class BadLine:
    """A line that is not a valid record.

    Attributes:
        line: Its line number, counting from 1.
        problems: Every problem with it; paths are relative to the line's JSON value.
        text: The line as read, without its line break; at most its first
            1,024 bytes for a line longer than ``max_line_bytes``.
    """

    line: int
    problems: tuple[Problem, ...]
    text: bytes = attrs.field(repr=False)

    def __str__(self) -> str:
        return "\n".join(f"line {self.line}: {problem}" for problem in self.problems)


class JsonLinesReader:
    """The records of a JSON Lines stream, read lazily, once.

    Iterating again continues where the last loop stopped. Use it in a ``with``
    block (or call :meth:`close`) when a loop may stop early, so the file is
    closed and the rejects file written at once.

    ``source`` is a path, a binary file or any iterable of lines as bytes (a
    path is opened and closed by the reader; a file's lines are read within
    ``limits.max_line_bytes`` each). Bad lines are skipped and
    reported: to ``on_bad_line`` if given, else collected in :attr:`bad_lines`
    (the only thing that grows with the input). With ``strict=True`` the
    first bad line raises :class:`~peacetalks.errors.BadLineError` instead.
    With ``rejects``, every bad line is copied, as read, to that file (after
    the stream's header line, if it had one, so the file is read in the same
    version); the file is replaced atomically when reading ends.
    ``schema_version`` is the version of a stream without a header.
    ``limits`` bound each line: its size (``max_line_bytes``), nesting depth
    and string lengths.

    Attributes:
        header: The header line as a document without records, if there was one.
        schema_version: The version the records are read in.
        lines: Lines read so far, including the header and blank lines.
        good: Records read so far.
        bad: Bad lines so far.
        kinds: Records read so far, by kind.
        bytes_read: Bytes read so far.
        bad_lines: The bad lines, when no ``on_bad_line`` is given.
    """

    def __init__(
        self,
        source: str | os.PathLike[str] | Iterable[bytes],
        *,
        strict: bool = False,
        on_bad_line: Callable[[BadLine], None] | None = None,
        rejects: str | os.PathLike[str] | None = None,
        schema_version: int = SCHEMA_VERSION,
        converter: cattrs.Converter = default_converter,
        limits: Limits = DEFAULT_LIMITS,
    ) -> None:
        self._source = source
        self._limits = limits
        self._strict = strict
        self._on_bad_line = on_bad_line
        self._rejects_path = rejects
        self._converter = converter
        self.header: Document | None = None
        self.schema_version = schema_version
        self.lines = self.good = self.bad = self.bytes_read = 0
        self.kinds: Counter[str] = Counter()
        self.bad_lines: list[BadLine] = []
        self._records: Generator[Record, None, None] | None = None

    def __iter__(self) -> Iterator[Record]:
        if self._records is None:
            self._records = self._open()
        return self._records

    def _open(self) -> Generator[Record, None, None]:
        if isinstance(self._source, str | os.PathLike):
            with open(self._source, "rb") as handle:
                yield from self._read(handle)
        else:
            yield from self._read(self._source)

    def close(self) -> None:
        """Stop reading: the file is closed and the rejects file written, if not yet."""
        if self._records is not None:
            self._records.close()

    def __enter__(self) -> JsonLinesReader:
        return self

    def __exit__(
        self,
        kind: type[BaseException] | None,
        error: BaseException | None,
        trace: TracebackType | None,
    ) -> None:
        self.close()

    def _read(self, handle: Iterable[bytes]) -> Iterator[Record]:
        if self._rejects_path is not None and _same_file(handle, self._rejects_path):
            raise OSError(
                errno.EINVAL, "the rejects file is the file being read", str(self._rejects_path)
            )
        rejects = None if self._rejects_path is None else PendingFile(self._rejects_path)
        copy = None if rejects is None else rejects.handle.write
        readline = getattr(handle, "readline", None)
        lines: Iterable[tuple[bytes, int, int | None]]
        if readline is None:
            lines = ((raw, len(raw), None) for raw in handle)
        else:
            lines = _bounded_lines(readline, self._limits.max_line_bytes, copy)
        try:
            for raw, size, too_long in lines:
                self.lines += 1
                self.bytes_read += size
                if too_long is not None:  # longer than max_line_bytes; copied to rejects
                    error = too_large(self._limits, too_long, "line", "max_line_bytes")
                    bad = BadLine(line=self.lines, problems=error.problems, text=raw)
                    self._reject(bad, None)
                    continue
                line = raw.rstrip(b"\r\n")
                if self.lines == 1 and line.startswith(_BOM):
                    line = line[len(_BOM) :]
                if not line.strip():
                    continue
                try:
                    data = parse_json(line, self._limits, line=True)
                    if self.good == self.bad == 0 and self.header is None and _is_header(data):
                        self._read_header(data, rejects, line)
                        continue
                    record = record_from_dict(
                        data, self.schema_version, converter=self._converter, limits=self._limits
                    )
                except SchemaVersionError:
                    raise
                except ValidationError as exc:
                    self._reject(
                        BadLine(line=self.lines, problems=exc.problems, text=line), rejects
                    )
                    continue
                self.good += 1
                self.kinds[str(record.record_type)] += 1
                yield record
        finally:
            if rejects is not None:
                rejects.commit()

    def _read_header(self, data: dict[str, Any], rejects: PendingFile | None, line: bytes) -> None:
        self.schema_version = identify(data)
        if "records" in data:
            problem = Problem(("records",), "no records in the header line", "an array")
            raise ValidationError([problem], "header")
        # The header is a document without records, in the stream's version: loading
        # it migrates it like any document.
        self.header = from_dict(data, Document, converter=self._converter, limits=self._limits)
        if rejects is not None:
            rejects.handle.write(line + b"\n")

    def _reject(self, bad: BadLine, rejects: PendingFile | None) -> None:
        self.bad += 1
        if rejects is not None:
            rejects.handle.write(bad.text + b"\n")
        if self._strict:
            raise BadLineError(bad.problems, bad.line)
        if self._on_bad_line is not None:
            self._on_bad_line(bad)
        else:
            self.bad_lines.append(bad)


def _bounded_lines(
    readline: Callable[[int], bytes], limit: int, copy: Callable[[bytes], object] | None
) -> Iterator[tuple[bytes, int, int | None]]:
    """Each line, the bytes it took, and its length if it is longer than ``limit``.

    A longer line is not kept whole: it comes as its first :data:`KEPT_OF_LONG_LINE`
    bytes, and is read in chunks and dropped, each chunk passed to ``copy`` (the
    rejects file) if given. Lengths do not count the line break.
    """
    most = limit + 2  # the line and a CR LF
    while True:
        raw = readline(min(most, LIMIT_CEILING))
        if not raw:
            return
        if len(raw) < most or raw.endswith(b"\n"):
            yield raw, len(raw), None
            continue
        size = len(raw)
        if copy is not None:
            copy(raw)
        chunk = raw
        while chunk and not chunk.endswith(b"\n"):
            chunk = readline(_CHUNK)
            size += len(chunk)
            if copy is not None:
                copy(chunk)
        if copy is not None and not chunk.endswith(b"\n"):
            copy(b"\n")
        line_break = len(chunk) - len(chunk.rstrip(b"\r\n"))
        yield raw[:KEPT_OF_LONG_LINE], size, size - line_break


def _same_file(handle: object, path: str | os.PathLike[str]) -> bool:
    """Whether ``path`` names the file ``handle`` reads (when both can be looked at)."""
    try:
        read = os.fstat(handle.fileno())  # type: ignore[attr-defined]
        named = os.stat(path)
    except (AttributeError, OSError, ValueError):  # no file behind it, or nothing there yet
        return False
    return (read.st_dev, read.st_ino) == (named.st_dev, named.st_ino)


def _is_header(data: object) -> bool:
    return isinstance(data, dict) and "schema_version" in data and "type" not in data


#: ``read_jsonl(source, **options)``: a :class:`JsonLinesReader`, under the name that pairs
#: with :func:`write_jsonl`.
read_jsonl = JsonLinesReader


class JsonLinesWriter:
    """Writes records to a JSON Lines stream, header first.

    For a path, the stream goes to a temporary file beside it that replaces
    it only when the writer is closed without error (``with`` does that):
    a crash or an exception leaves the old file untouched. A binary file
    (such as ``sys.stdout.buffer``) is written directly and not closed.
    """

    def __init__(
        self,
        target: str | os.PathLike[str] | BinaryIO,
        *,
        title: str | None = None,
        sources: Sequence[Citation] = (),
        converter: cattrs.Converter = default_converter,
    ) -> None:
        self._converter = converter
        self._pending = None
        if isinstance(target, str | os.PathLike):
            self._pending = PendingFile(target)
            self._handle = self._pending.handle
        else:
            self._handle = target
        self.count = 0
        header = Document(title=title, sources=tuple(sources))
        try:
            self._write(to_json_bytes(header, converter=converter) + b"\n")
        except BaseException:  # a full disk, a file-size limit: no temporary file left
            self.discard()
            raise

    def _write(self, data: bytes) -> None:
        try:
            self._handle.write(data)
        except OSError as exc:
            if self._pending is None:
                raise
            raise self._pending.named(exc) from None

    def write(self, record: Record) -> None:
        """Write one record as one line."""
        if not isinstance(record, _RECORD_TYPES):
            raise SerializationError(f"cannot write {type(record).__name__} as a record line")
        self._write(to_json_bytes(record, converter=self._converter) + b"\n")
        self.count += 1

    def write_all(self, records: Iterable[Record]) -> int:
        """Write every record; returns how many."""
        for record in records:
            self.write(record)
        return self.count

    def close(self) -> None:
        """Finish the stream: for a path, the new file replaces the old one now."""
        if self._pending is not None:
            try:
                self._pending.commit()
            except OSError as exc:
                raise self._pending.named(exc) from None
            self._pending = None
        else:
            self._handle.flush()

    def discard(self) -> None:
        """Abandon the stream: for a path, the old file is left as it was."""
        if self._pending is not None:
            self._pending.discard()
            self._pending = None

    def __enter__(self) -> JsonLinesWriter:
        return self

    def __exit__(
        self,
        kind: type[BaseException] | None,
        error: BaseException | None,
        trace: TracebackType | None,
    ) -> None:
        if error is None:
            self.close()
        else:
            self.discard()


def write_jsonl(
    target: str | os.PathLike[str] | BinaryIO,
    records: Iterable[Record],
    *,
    title: str | None = None,
    sources: Sequence[Citation] = (),
    converter: cattrs.Converter = default_converter,
) -> int:
    """Write ``records`` as a JSON Lines stream, atomically for a path; returns how many."""
    with JsonLinesWriter(target, title=title, sources=sources, converter=converter) as writer:
        return writer.write_all(records)
