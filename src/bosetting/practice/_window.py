"""The days practice ballots are stamped in: the edition's public vote where the record has it.

The editions table records when the public vote opened and closed
(:attr:`~bosetting.model.Edition.vote_opens`, :attr:`~bosetting.model.Edition.vote_closes`),
to the day, to the month or not at all. :func:`vote_window` uses what is there
and fills the rest with a stated rule, never with a guessed date:

* both ends on record: from the first day the opening can mean to the last day
  the close can mean (a month on record is the whole month);
* only the close: the :data:`SYNTHETIC_DAYS` days up to it;
* only the opening: the :data:`SYNTHETIC_DAYS` days from it (ending before the award);
* neither, with an award date to the day: the :data:`SYNTHETIC_DAYS` days before the award;
* neither and no award day: the first :data:`SYNTHETIC_DAYS` days of the edition's year.

:attr:`VoteWindow.synthetic` says whether any end was made up, and
:meth:`VoteWindow.describe` says which rule was used, in the active language.

Examples:
    >>> import bosetting as bs
    >>> w = vote_window(bs.edition(2023))
    >>> w.start, w.end, w.synthetic
    (datetime.date(2023, 10, 2), datetime.date(2023, 10, 11), False)
    >>> w = vote_window(bs.edition(2022))
    >>> w.start, w.end, w.synthetic
    (datetime.date(2022, 10, 20), datetime.date(2022, 11, 16), True)
    >>> w.timestamp(0, 2), w.timestamp(1, 2)
    ('2022-10-20T00:00:00', '2022-11-03T02:11:59')
"""

from __future__ import annotations

import calendar
from collections.abc import Iterable
from datetime import date, datetime, time, timedelta

import attrs

from bosetting.i18n import LazyText, _, lazy_gettext
from bosetting.model import DatePrecision, Edition, Municipality, PartialDate, checked

__all__ = ["SYNTHETIC_DAYS", "VoteWindow", "vote_window"]

#: How many days a made-up end of the window reaches (four weeks).
SYNTHETIC_DAYS = 28

#: The year of the window when no edition is given (nominees only).
_NO_EDITION_YEAR = 2024

_DAY = timedelta(days=1)
_KNOWN = (DatePrecision.DAY, DatePrecision.MONTH)


def _first_day(when: PartialDate) -> date | None:
    if when.precision not in _KNOWN or when.year is None or when.month is None:
        return None
    return date(when.year, when.month, when.day or 1)


def _last_day(when: PartialDate) -> date | None:
    if when.precision not in _KNOWN or when.year is None or when.month is None:
        return None
    return date(when.year, when.month, when.day or calendar.monthrange(when.year, when.month)[1])


def _when(day: PartialDate) -> LazyText | PartialDate:
    """A recorded date as a sentence uses it: "in March 2020", "2 October 2023"."""
    return lazy_gettext("in {date}", date=day) if day.precision is DatePrecision.MONTH else day


@checked
@attrs.frozen
class VoteWindow:
    """The days (both inclusive) practice ballots are stamped in, and where they come from.

    Attributes:
        start: The first day.
        end: The last day.
        opens: The vote's opening as the editions table records it, or ``None``
            where it does not (then the start is made up).
        closes: The vote's close as recorded, or ``None`` (then the end is made up).
        award: The award date the made-up window was measured from, if one was used.
        edition: The edition's label, or ``None`` for nominees without an edition.
    """

    start: date
    end: date
    opens: PartialDate | None = None
    closes: PartialDate | None = None
    award: PartialDate | None = None
    edition: str | None = None

    @property
    def synthetic(self) -> bool:
        """Whether either end of the window is made up (not the recorded vote)."""
        return self.opens is None or self.closes is None

    @property
    def days(self) -> int:
        """How many days the window covers."""
        return (self.end - self.start).days + 1

    def timestamp(self, i: int, n: int) -> str:
        """The time of ballot ``i`` of ``n`` (0-based): spread evenly and in order over the window.

        Each ballot gets its own slice of the window, and a deterministic offset
        inside it, so ballots later in the file are never earlier in time.
        """
        total = self.days * 86_400
        n = max(n, 1)
        slot = max(total // n, 1)
        offset = i * total // n + (i * 7_919) % slot
        moment = datetime.combine(self.start, time()) + timedelta(seconds=min(offset, total - 1))
        return moment.isoformat(timespec="seconds")

    def describe(self) -> str:
        """Which days the timestamps fall on and why, in the active language."""
        span = {"start": self.start, "end": self.end}
        if self.edition is None:
            return _("The timestamps are made up (no edition was given): {start} to {end}.", **span)
        if self.opens is not None and self.closes is not None:
            if (
                self.opens.precision is DatePrecision.DAY
                and self.closes.precision is DatePrecision.DAY
            ):
                return _(
                    "The timestamps fall within the public vote as recorded for {label}: "
                    "{start} to {end}.",
                    label=self.edition,
                    **span,
                )
            return _(
                "The timestamps fall within the public vote as far as it is recorded for {label} "
                "(opened {opens}, closed {closes}): {start} to {end}.",
                label=self.edition,
                opens=_when(self.opens),
                closes=_when(self.closes),
                **span,
            )
        if self.closes is not None:
            return _(
                "The timestamp window is partly made up: the public vote for {label} closed "
                "{closes}, but when it opened is not on record, so the window is the "
                "{days} days up to the close: {start} to {end}.",
                label=self.edition,
                closes=_when(self.closes),
                days=SYNTHETIC_DAYS,
                **span,
            )
        if self.opens is not None:
            return _(
                "The timestamp window is partly made up: the public vote for {label} opened "
                "{opens}, but when it closed is not on record, so the window is at most "
                "{days} days from the opening: {start} to {end}.",
                label=self.edition,
                opens=_when(self.opens),
                days=SYNTHETIC_DAYS,
                **span,
            )
        if self.award is not None:
            return _(
                "The timestamp window is made up: the dates of the public vote for {label} are "
                "not on record, so the timestamps are spread over the {days} days before the "
                "award on {award}: {start} to {end}.",
                label=self.edition,
                award=self.award,
                days=SYNTHETIC_DAYS,
                **span,
            )
        return _(
            "The timestamp window is made up: neither the dates of the public vote for {label} "
            "nor the award date are on record, so the timestamps are spread over {start} to {end}.",
            label=self.edition,
            **span,
        )


@checked
def vote_window(nominees: Edition | Iterable[Municipality]) -> VoteWindow:
    """The window practice ballots for ``nominees`` are stamped in (see the module docstring).

    Args:
        nominees: An edition (its recorded vote dates are used), or nominees
            without an edition (a made-up window in January 2024).

    Returns:
        The window, with what it was built from.

    Examples:
        >>> import bosetting as bs
        >>> w = vote_window(bs.edition(2018))
        >>> w.start, w.end, w.opens, str(w.closes)
        (datetime.date(2019, 1, 12), datetime.date(2019, 2, 8), None, '2019-02-08')
        >>> print(w.describe())  # doctest: +NORMALIZE_WHITESPACE
        The timestamp window is partly made up: the public vote for 2018 closed 8 February 2019,
        but when it opened is not on record, so the window is the 28 days up to the close:
        12 January 2019 to 8 February 2019.
    """
    span = timedelta(days=SYNTHETIC_DAYS - 1)
    if not isinstance(nominees, Edition):
        start = date(_NO_EDITION_YEAR, 1, 1)
        return VoteWindow(start, start + span)
    e = nominees
    first, last = _first_day(e.vote_opens), _last_day(e.vote_closes)
    award = e.award_when.to_date()
    before_award = award - _DAY if award is not None else None
    opens = e.vote_opens if first is not None else None
    closes = e.vote_closes if last is not None else None
    used_award: PartialDate | None = None
    if first is not None and last is not None:
        start, end = first, last
    elif last is not None:
        start, end = last - span, last
    elif first is not None:
        start, end = first, first + span
        if before_award is not None and first <= before_award < end:
            end = before_award
    elif before_award is not None:
        start, end, used_award = before_award - span, before_award, e.award_when
    else:
        start = date(e.year, 1, 1)
        end = start + span
    return VoteWindow(start, max(start, end), opens, closes, used_award, e.label)
