"""Country codes for joining other datasets: ISO 3166, Gleditsch-Ward and Correlates of War.

peacetalks records countries as ISO 3166-1 alpha-2 codes (``UA``). Other
datasets key them differently: ACLED by ISO numeric code (``iso``, 804) and
name, UCDP and ETH/PRIO by Gleditsch-Ward number (``gwno``, 369), the
Correlates of War by its own number and letters (``ccode`` 369, ``UKR``).
:func:`country_codes` gives all of them for one code, and
:func:`countries` for many at once (the ``countries`` table of
``peacetalks.tables``). :func:`gw_to_cow` and :func:`cow_to_gw` cross between
the Gleditsch-Ward and Correlates of War numbers directly, for rows that carry
no ISO code at all (a ``gwno`` of a state that no longer exists).

The codes come from maintained packages, not from a table typed here:
ISO 3166 from `pycountry <https://pypi.org/project/pycountry/>`_ (the ISO
3166 data of Debian's iso-codes), Gleditsch-Ward and Correlates of War from
`countrycode <https://pypi.org/project/countrycode/>`_ (the Python port of
the R package of the same name, by Arel-Bundock, Enevoldsen and Yetman). Both
come with ``pip install peacetalks[countries]``. A code that a system does not
have is ``None``: Kosovo (``XK``, user-assigned) has no ISO alpha-3 or numeric
code; a state that the Correlates of War does not list as it stands today
(Serbia) has no COW code there.

>>> codes = country_codes("DE")
>>> codes.alpha3, codes.numeric, codes.gw_number, codes.cow_number, codes.cow_letters
('DEU', 276, 260, 255, 'GMY')
"""

from __future__ import annotations

from collections.abc import Iterable
from typing import Any

import attrs

from peacetalks._rules import COUNTRY
from peacetalks.errors import Problem, ValidationError

__all__ = ["CountryCodes", "countries", "country_codes", "cow_to_gw", "gw_to_cow"]


@attrs.frozen
class CountryCodes:
    """One country's codes in the systems other datasets use.

    Attributes:
        alpha2: The ISO 3166-1 alpha-2 code, as peacetalks records it.
        alpha3: The ISO 3166-1 alpha-3 code (``UKR``).
        numeric: The ISO 3166-1 numeric code (804), as ACLED's ``iso``.
        name: The ISO 3166 name.
        gw_number: The Gleditsch-Ward number (369), UCDP's and ETH/PRIO's ``gwno``.
        gw_letters: The Gleditsch-Ward letters (``UKR``).
        cow_number: The Correlates of War number (``ccode``).
        cow_letters: The Correlates of War letters (``stateabb``).
    """

    alpha2: str
    alpha3: str | None
    numeric: int | None
    name: str | None
    gw_number: int | None
    gw_letters: str | None
    cow_number: int | None
    cow_letters: str | None


def _packages() -> tuple[Any, Any]:
    try:
        import countrycode  # noqa: PLC0415 - optional
        import pycountry  # noqa: PLC0415 - optional
    except ImportError as exc:
        raise ImportError(
            "country codes need pycountry and countrycode: pip install 'peacetalks[countries]'"
        ) from exc
    return pycountry, countrycode


def _int(value: object) -> int | None:
    return None if value is None else int(value)  # type: ignore[call-overload]


def countries(codes: Iterable[str]) -> list[CountryCodes]:
    """The codes of each ISO 3166-1 alpha-2 code given, in order, once each.

    Raises :class:`~peacetalks.errors.ValidationError` naming every code that
    is not an ISO 3166-1 alpha-2 code peacetalks accepts.
    """
    wanted = list(dict.fromkeys(codes))
    problems = [
        Problem((index,), COUNTRY.expected, repr(code))
        for index, code in enumerate(wanted)
        if not COUNTRY.test(code)
    ]
    if problems:
        raise ValidationError(problems, "country codes")
    if not wanted:
        return []
    pycountry, countrycode = _packages()
    columns = {
        name: countrycode.countrycode(wanted, origin="iso2c", destination=name)
        for name in ("gwn", "gwc", "cown", "cowc")
    }
    out = []
    for index, code in enumerate(wanted):
        iso = pycountry.countries.get(alpha_2=code)
        out.append(
            CountryCodes(
                alpha2=code,
                alpha3=None if iso is None else iso.alpha_3,
                numeric=None if iso is None else int(iso.numeric),
                name=None if iso is None else iso.name,
                gw_number=_int(columns["gwn"][index]),
                gw_letters=columns["gwc"][index],
                cow_number=_int(columns["cown"][index]),
                cow_letters=columns["cowc"][index],
            )
        )
    return out


def country_codes(code: str) -> CountryCodes:
    """The codes of one ISO 3166-1 alpha-2 code (see :func:`countries`)."""
    (found,) = countries([code])
    return found


def gw_to_cow(numbers: Iterable[int]) -> list[int | None]:
    """The Correlates of War number of each Gleditsch-Ward number, in order.

    ``None`` where countrycode's crosswalk has no row for the number. The
    crosswalk has a row for each country it knows, under the codes it has in
    each system: Germany is 260 in Gleditsch-Ward and 255 in the Correlates of
    War, Yugoslavia 345 in both.

    >>> gw_to_cow([260, 345, 365])
    [255, 345, 365]

    Raises :class:`~peacetalks.errors.ValidationError` naming every item that
    is not a whole number from 0 to 999.
    """
    return _crosswalk(numbers, "gwn", "cown", "Gleditsch-Ward numbers")


def cow_to_gw(numbers: Iterable[int]) -> list[int | None]:
    """The Gleditsch-Ward number of each Correlates of War number, in order.

    >>> cow_to_gw([255, 345, 365])
    [260, 345, 365]

    ``None`` where the crosswalk has no row for the number; invalid items
    raise :class:`~peacetalks.errors.ValidationError`, as for :func:`gw_to_cow`.
    """
    return _crosswalk(numbers, "cown", "gwn", "Correlates of War numbers")


def _crosswalk(
    numbers: Iterable[int], origin: str, destination: str, what: str
) -> list[int | None]:
    given = list(numbers)
    problems = [
        Problem((index,), "a whole number from 0 to 999", repr(number))
        for index, number in enumerate(given)
        if type(number) is not int or not 0 <= number <= 999
    ]
    if problems:
        raise ValidationError(problems, what)
    if not given:
        return []
    _, countrycode = _packages()
    found = countrycode.countrycode(given, origin=origin, destination=destination)
    return [_int(value) for value in found]
