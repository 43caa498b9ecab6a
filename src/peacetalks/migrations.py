"""Schema versions: reading documents written for older versions of the JSON format.

Loading a document is *identify → migrate → structure*: :func:`identify` reads
its ``schema_version``, :func:`migrate_document` brings the plain data (as
:func:`json.loads` returns it) up to :data:`~peacetalks.SCHEMA_VERSION` one
version at a time, and only then is it turned into objects. The converter's
:func:`~peacetalks.converter.from_dict` and :func:`~peacetalks.converter.from_json`
do all three for a :class:`~peacetalks.Document`.

A :class:`Migration` upgrades data from one version to the next. It is a pair
of small, pure functions on plain data: ``record`` for each record (so a stream
of records, such as a JSON Lines file, migrates with :func:`migrate_record`
alone) and ``document`` for the envelope around them. Neither may change its
input: each returns new data. :data:`MIGRATIONS` holds them by the version
they upgrade *from*.

Version 2 only adds optional fields to version 1, so version 1 data migrates
unchanged but for its ``schema_version``:

>>> from peacetalks.migrations import MIGRATIONS, migrate_document
>>> MIGRATIONS.current, MIGRATIONS.oldest
(2, 1)
>>> migrate_document({"schema_version": 1, "records": []})
{'schema_version': 2, 'records': []}
>>> from peacetalks.errors import SchemaVersionError
>>> try:
...     migrate_document({"schema_version": 3, "records": []})
... except SchemaVersionError as error:
...     print(error)
invalid document: $.schema_version: expected schema version 2 or older (this peacetalks
reads versions 1 to 2; upgrade peacetalks to read this document), got schema version 3
"""

from __future__ import annotations

from collections.abc import Callable, Mapping
from types import MappingProxyType
from typing import Any

import attrs

from peacetalks._rules import describe
from peacetalks.document import SCHEMA_VERSION
from peacetalks.errors import Problem, SchemaVersionError, ValidationError

__all__ = [
    "MIGRATIONS",
    "Migration",
    "Migrations",
    "identify",
    "migrate_document",
    "migrate_record",
]

PlainData = dict[str, Any]
_VERSION_KEY = "schema_version"


def _unchanged(data: PlainData) -> PlainData:
    return data


@attrs.frozen(kw_only=True)
class Migration:
    """How plain data changes from one schema version to the next.

    Attributes:
        description: What changed in the format, in a sentence, for the changelog.
        record: Returns a record's data (any kind: look at its ``"type"``) in the
            newer format. Records that did not change are returned as they are.
        document: Returns the document's data in the newer format, given it with
            its records already migrated. The ``schema_version`` is set for it.
    """

    description: str
    record: Callable[[PlainData], PlainData] = _unchanged
    document: Callable[[PlainData], PlainData] = _unchanged


def _read_only(steps: Mapping[int, Migration]) -> Mapping[int, Migration]:
    return MappingProxyType(dict(steps))


def _check_steps(instance: Migrations, _: object, steps: Mapping[int, Migration]) -> None:
    for version in steps:
        if type(version) is not int or not 0 <= version < instance.current:
            raise ValueError(
                f"a migration from version {version!r} does not lead to version {instance.current}"
            )


@attrs.frozen(kw_only=True)
class Migrations:
    """A registry: the migration *from* each version, and the version they lead to.

    Attributes:
        current: The version this library writes, where every chain ends.
        steps: Each migration by the version it upgrades from (to that version + 1).
    """

    current: int
    steps: Mapping[int, Migration] = attrs.field(
        factory=dict, converter=_read_only, validator=_check_steps, hash=False
    )

    @property
    def oldest(self) -> int:
        """The oldest version with an unbroken chain of migrations to :attr:`current`."""
        version = self.current
        while version - 1 in self.steps:
            version -= 1
        return version

    def readable(self) -> str:
        """The versions this registry can read, in words: ``version 1 only``."""
        oldest = self.oldest
        if oldest == self.current:
            return f"version {self.current} only"
        return f"versions {oldest} to {self.current}"


#: The real registry: every migration peacetalks ships.
MIGRATIONS = Migrations(
    current=SCHEMA_VERSION,
    steps={
        1: Migration(
            description=(
                "Version 2 adds optional fields only; version 1 records are version 2"
                " records as they are."
            )
        ),
    },
)


def identify(data: object, *, migrations: Migrations = MIGRATIONS) -> int:
    """The schema version of a document's plain data, once checked readable.

    Raises :class:`~peacetalks.errors.SchemaVersionError` when the version is
    missing or not an integer, newer than ``migrations.current`` (naming both
    versions) or older than any migration reaches, and
    :class:`~peacetalks.errors.ValidationError` when ``data`` is not an object.
    """
    if type(data) is not dict:
        raise ValidationError([Problem((), "an object (Document)", describe(data))], "document")
    if _VERSION_KEY not in data:
        got = None
    else:
        version = data[_VERSION_KEY]
        if type(version) is int:
            _check_readable(version, migrations, (_VERSION_KEY,), "document")
            return version
        got = describe(version)
    expected = f"the schema version, an integer such as {migrations.current}"
    raise SchemaVersionError([Problem((_VERSION_KEY,), expected, got)], "document")


def migrate_document(data: object, *, migrations: Migrations = MIGRATIONS) -> PlainData:
    """A document's plain data in the current schema version.

    Data already current is returned as it is; otherwise every migration from
    its version on is applied in turn, and the result is new data: ``data`` is
    never changed. Raises what :func:`identify` raises, and
    :class:`~peacetalks.errors.ValidationError` when a migration fails.
    """
    version = identify(data, migrations=migrations)
    result: PlainData = data  # type: ignore[assignment]  # identify checked it is a dict
    for step_from in range(version, migrations.current):
        step = migrations.steps[step_from]
        records = result.get("records")
        if type(records) is list:
            records = [
                _apply(step.record, item, step_from, ("records", index))
                if type(item) is dict
                else item
                for index, item in enumerate(records)
            ]
            result = {**result, "records": records}
        result = _apply(step.document, result, step_from)
        result = {**result, _VERSION_KEY: step_from + 1}
    return result


def migrate_record(
    data: PlainData, version: int, *, migrations: Migrations = MIGRATIONS
) -> PlainData:
    """One record's plain data, written for schema ``version``, in the current version.

    For streams of records that carry their version outside each record (a JSON
    Lines file's header, say). Data already current is returned as it is;
    ``data`` is never changed. Raises
    :class:`~peacetalks.errors.SchemaVersionError` for a version this library
    cannot read, and :class:`~peacetalks.errors.ValidationError` when a
    migration fails.
    """
    if type(version) is not int:
        expected = f"the schema version, an integer such as {migrations.current}"
        raise SchemaVersionError([Problem((), expected, describe(version))], "record")
    _check_readable(version, migrations, (), "record")
    result = data
    if type(result) is not dict:
        return result  # nothing to migrate; structuring reports what is wrong
    for step_from in range(version, migrations.current):
        result = _apply(migrations.steps[step_from].record, result, step_from, ())
    return result


def _check_readable(
    version: int, migrations: Migrations, location: tuple[str, ...], subject: str
) -> None:
    current, oldest = migrations.current, migrations.oldest
    shown = describe(version).removeprefix("integer ")  # huge ones cannot be shown whole
    if version > current:
        expected = (
            f"schema version {current} or older (this peacetalks reads {migrations.readable()};"
            f" upgrade peacetalks to read this {subject})"
        )
    elif version < oldest:
        expected = (
            f"schema version {oldest} or newer (this peacetalks reads {migrations.readable()};"
            f" no migration leads from version {shown} to version {current})"
        )
    else:
        return
    raise SchemaVersionError([Problem(location, expected, f"schema version {shown}")], subject)


def _apply(
    function: Callable[[PlainData], PlainData],
    data: PlainData,
    version: int,
    record_at: tuple[str | int, ...] | None = None,
) -> PlainData:
    """``function(data)``, with any failure reported as a problem at the data's place.

    ``record_at`` is where a record is (``()`` for a record on its own); ``None``
    stands for the document.
    """
    try:
        return function(data)
    except Exception as exc:
        expected = f"data that migrates from schema version {version} to {version + 1}"
        problem = Problem(record_at or (), expected, f"an error ({type(exc).__name__}: {exc})")
        if record_at is None:
            raise ValidationError([problem], "document") from None
        kind, record_id = data.get("type"), data.get("id")
        kind = kind if type(kind) is str else "record"
        problem = problem.within((), kind, record_id if type(record_id) is str else None)
        raise ValidationError([problem], kind if record_at == () else "document") from None
