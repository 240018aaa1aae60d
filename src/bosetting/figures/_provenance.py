"""Where the intro-programme figures in use come from: the data package, or SSB as last fetched.

Every result built on the figures says which (:class:`Provenance`, through the
catalogue and the date formatter): "SSB table 10824, fetched 6 December 2026,
status years 2011–2024" after ``bosetting update``, "from the data package,
status years 2011–2014" otherwise. The status years are those of the municipal
figures, the ones the criteria are assessed on.

Examples:
    >>> from bosetting.i18n import language
    >>> with language("nb"):
    ...     str(provenance(source="shipped"))
    'fra datapakken, statusår 2011–2014'
"""

from __future__ import annotations

import functools
from datetime import datetime

import attrs

from bosetting.data import View, current_view, read_rows, using
from bosetting.i18n import _, format_date
from bosetting.model import AreaType, checked

__all__ = ["SSB_SOURCE", "Provenance", "provenance"]

#: The cached source of table 10824 (``bosetting update``).
SSB_SOURCE = "ssb-10824"


@checked
@attrs.frozen
class Provenance:
    """Where the intro-programme figures in use come from.

    Attributes:
        refreshed: Whether they are SSB's as ``bosetting update`` fetched them.
        fetched: When they were fetched (UTC), for refreshed figures.
        status_years: The first and last status year of the municipal figures, if any.
    """

    refreshed: bool
    fetched: datetime | None = None
    status_years: tuple[int, int] | None = None

    def covered(self, years: range) -> int:
        """How many of ``years`` lie within the municipal figures' status years."""
        if self.status_years is None:
            return 0
        first, last = self.status_years
        return sum(1 for y in years if first <= y <= last)

    def __str__(self) -> str:
        first, last = self.status_years or (None, None)
        if self.refreshed and self.fetched is not None:
            when = format_date(self.fetched.astimezone().date())
            if first is None:
                return _("SSB table 10824, fetched {date}, no municipal figures", date=when)
            return _(
                "SSB table 10824, fetched {date}, status years {first}–{last}",
                date=when,
                first=first,
                last=last,
            )
        if first is None:
            return _("from the data package, no municipal figures")
        return _("from the data package, status years {first}–{last}", first=first, last=last)


@functools.cache
def _provenance(view: View) -> Provenance:
    years = [
        r["status_year"]
        for r in read_rows("intro_outcomes")
        if r["area_type"] == AreaType.MUNICIPALITY.value
    ]
    span = (min(years), max(years)) if years else None
    fetched = view.source(SSB_SOURCE)
    if fetched is None:
        return Provenance(False, None, span)
    return Provenance(True, fetched.fetched, span)


@checked
def provenance(*, source: str | None = None) -> Provenance:
    """Where the intro-programme figures in use come from (with ``source``: those it chooses).

    Args:
        source: ``"auto"``, ``"shipped"`` or ``"refreshed"`` (see
            :func:`bosetting.data.using`); ``None`` for the source chosen around the call.
    """
    with using(source):
        return _provenance(current_view())
