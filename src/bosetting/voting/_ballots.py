"""Ballots of the public vote, as read from a list, a pandas Series or a CSV file.

A :class:`Ballot` keeps the choice exactly as written; nothing is resolved or
dropped here. :mod:`bosetting.voting` resolves choices against one edition's
nominees and keeps every rejected ballot with its reason.

A ballot file is a CSV file with a header. The choice column holds a
municipality's name or kommunenummer; optional columns hold a voter id, a
timestamp and a label (``ØVINGSDATA`` marks practice data). Column names are
found case-insensitively:

* choice: ``choice``, ``valg``, ``stemme``, ``kommune``, ``kommunenummer``, ``nominee``, ``vote``;
* voter id: ``voter``, ``voter_id``, ``velger``, ``velger_id``;
* timestamp: ``timestamp``, ``tidspunkt``, ``time``;
* label: ``label``, ``merknad``.

Encoding, line ends and delimiter are detected as described in
:mod:`bosetting.voting._file` (BOM, UTF-8, Windows-1252, Latin-1; ``;``, ``,`` or tab).

Examples:
    >>> ballots = ballots_from_iterable(["Kinn", "", "4602"])
    >>> [(b.row, b.choice) for b in ballots]
    [(1, 'Kinn'), (2, ''), (3, '4602')]
"""

from __future__ import annotations

from collections.abc import Iterable
from typing import TYPE_CHECKING, Any

import attrs

from bosetting.data import CsvText, find_column
from bosetting.errors import BallotFileError
from bosetting.i18n import N_

if TYPE_CHECKING:
    import pandas as pd

__all__ = [
    "CHOICE_COLUMNS",
    "LABEL_COLUMNS",
    "TIMESTAMP_COLUMNS",
    "VOTER_COLUMNS",
    "WHITESPACE",
    "Ballot",
    "BallotColumns",
    "ballot_columns",
    "ballots_from_iterable",
    "ballots_from_series",
    "choice_text",
    "is_missing",
]

CHOICE_COLUMNS = ("choice", "valg", "stemme", "kommune", "kommunenummer", "nominee", "vote")
VOTER_COLUMNS = ("voter", "voter_id", "velger", "velger_id")
TIMESTAMP_COLUMNS = ("timestamp", "tidspunkt", "time")
LABEL_COLUMNS = ("label", "merknad")

#: The characters :meth:`str.strip` removes (every ``c`` with ``c.isspace()``), written
#: out so that the file engine strips voter ids, timestamps and labels exactly alike.
WHITESPACE = (
    "\t\n\x0b\x0c\r\x1c\x1d\x1e\x1f \x85\xa0\u1680\u2000\u2001\u2002\u2003\u2004"
    "\u2005\u2006\u2007\u2008\u2009\u200a\u2028\u2029\u202f\u205f\u3000"
)


def _optional_str(value: object) -> str | None:
    if value is None:
        return None
    text = str(value).strip()
    return text or None


def is_missing(value: object) -> bool:
    """Whether a value is a missing value: ``None``, a float NaN, ``pandas.NA`` or ``NaT``.

    A missing choice is a blank ballot in every container (list, array, Series, file).
    """
    if value is None:
        return True
    if isinstance(value, float):
        return value != value
    return type(value).__name__ in ("NAType", "NaTType")


def choice_text(value: object) -> str:
    """A choice as text: ``""`` for a missing value, else ``str(value)``."""
    return "" if is_missing(value) else str(value)


@attrs.frozen
class Ballot:
    """One ballot as cast, before it is resolved against the nominees.

    Attributes:
        choice: The choice as written (a name or a kommunenummer); ``""`` for a blank
            ballot (``None``, NaN and ``pandas.NA`` are blank too).
        voter: The voter's id, if the source has one (stripped; empty means none).
        timestamp: When it was cast, as written in the source.
        row: The 1-based data row in its source (header not counted).
        source: The file or collection it came from, if known.
        label: A label such as ``"ØVINGSDATA"`` for practice data.
        extra: The fields its row has beyond the header's columns, up to the last
            one with text (empty for a well-formed row); a ballot with extra fields
            is not counted (``EXTRA_FIELDS``).

    Examples:
        >>> Ballot(" Bodø ", voter=" ", row=3)
        Ballot(choice=' Bodø ', voter=None, timestamp=None, row=3, source=None, label=None, extra=())
    """

    choice: str = attrs.field(converter=choice_text)
    voter: str | None = attrs.field(default=None, converter=_optional_str)
    timestamp: str | None = attrs.field(default=None, converter=_optional_str)
    row: int | None = None
    source: str | None = None
    label: str | None = attrs.field(default=None, converter=_optional_str)
    extra: tuple[str, ...] = attrs.field(default=(), converter=tuple)

    @property
    def is_blank(self) -> bool:
        """Whether the choice is empty or only spaces."""
        return not self.choice.strip()


def ballots_from_iterable(
    items: Iterable[str | Ballot | None], *, source: str | None = None
) -> tuple[Ballot, ...]:
    """Ballots from strings (choices), ``None`` (blank) or :class:`Ballot` objects.

    Strings and ``None`` get their 1-based position as row; ballots are kept as they are.

    Examples:
        >>> ballots_from_iterable([None, Ballot("Kinn", voter="a")])[0].is_blank
        True
    """
    out: list[Ballot] = []
    for i, item in enumerate(items, start=1):
        out.append(item if isinstance(item, Ballot) else Ballot(item, row=i, source=source))
    return tuple(out)


def ballots_from_series(
    series: pd.Series[Any], *, voters: pd.Series[Any] | None = None, source: str | None = None
) -> tuple[Ballot, ...]:
    """Ballots from a pandas Series of choices (missing values are blank ballots).

    Args:
        series: The choices.
        voters: Voter ids aligned with ``series``, if any.
        source: A name for the collection (defaults to the series' name).

    Examples:
        >>> import pandas as pd
        >>> bs = ballots_from_series(pd.Series(["Kinn", None, 4602], name="valg"))
        >>> [(b.choice, b.source) for b in bs]
        [('Kinn', 'valg'), ('', 'valg'), ('4602', 'valg')]
    """
    import pandas as pd

    name = source if source is not None else (None if series.name is None else str(series.name))
    choices = ["" if pd.isna(c) else str(c) for c in series.tolist()]
    ids: list[Any] = [None] * len(choices)
    if voters is not None:
        if len(voters) != len(choices):
            raise BallotFileError(
                N_("voters has {voters} values but the choices {choices}"),
                file=name,
                field="voter",
                voters=len(voters),
                choices=len(choices),
            )
        ids = [None if pd.isna(x) else x for x in voters.tolist()]
    return tuple(Ballot(c, voter=ids[i], row=i + 1, source=name) for i, c in enumerate(choices))


@attrs.frozen
class BallotColumns:
    """Which columns of a ballot file hold what (indices into the header; ``None`` if absent)."""

    choice: int
    voter: int | None
    timestamp: int | None
    label: int | None


def ballot_columns(
    text: CsvText,
    *,
    choice: str | None = None,
    voter: str | None = None,
    timestamp: str | None = None,
) -> BallotColumns:
    """Find the columns of a decoded ballot file.

    Raises:
        BallotFileError: if the choice column (or a column asked for by name) is missing.
    """
    c = find_column(text.header, choice, CHOICE_COLUMNS)
    if c is None:
        looked = repr(choice) if choice is not None else ", ".join(CHOICE_COLUMNS)
        raise BallotFileError(
            N_("the header row has no choice column (looked for {looked})"),
            looked=looked,
            file=text.file,
            field=choice or "choice",
            value=",".join(text.header),
        )
    v = find_column(text.header, voter, VOTER_COLUMNS)
    if voter is not None and v is None:
        raise BallotFileError(
            N_("the header row has no such voter column"),
            file=text.file,
            field=voter,
            value=",".join(text.header),
        )
    t = find_column(text.header, timestamp, TIMESTAMP_COLUMNS)
    if timestamp is not None and t is None:
        raise BallotFileError(
            N_("the header row has no such timestamp column"),
            file=text.file,
            field=timestamp,
            value=",".join(text.header),
        )
    return BallotColumns(c, v, t, find_column(text.header, None, LABEL_COLUMNS))
