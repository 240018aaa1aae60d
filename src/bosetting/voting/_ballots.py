"""Ballots as cast: from a list, a pandas Series or a ballot file, before they are resolved.

A ballot file's columns are found by name, case-insensitively: the choice (a
municipality's name or kommunenummer) is required; a voter id, a timestamp and a
label (``ØVINGSDATA`` marks practice data) are optional. How a file is read is
:mod:`bosetting.voting._file`.

A file with neither a voter id nor a timestamp column whose header holds any
other column is not taken for a ballot file (a jury sheet given by mistake has
``kommune`` too, and would count as votes): :func:`check_ballot_header` refuses it, naming the columns found and those a
ballot file has, unless the choice column is named (``choice="..."``), which
says the file is a vote.

Examples:
    >>> ballots = ballots_from_iterable(["Kinn", "", "4602"])
    >>> [(b.row, b.choice) for b in ballots]
    [(1, 'Kinn'), (2, ''), (3, '4602')]
"""

from __future__ import annotations

import sys
from collections.abc import Iterable
from typing import TYPE_CHECKING, Any

import attrs

from bosetting.data import CsvText, find_column
from bosetting.errors import ArgumentError, BallotFileError
from bosetting.i18n import N_
from bosetting.model import checked

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
    "check_ballot_header",
    "choice_text",
    "is_missing",
]

CHOICE_COLUMNS = ("choice", "valg", "stemme", "kommune", "kommunenummer", "nominee", "vote")
VOTER_COLUMNS = ("voter", "voter_id", "velger", "velger_id")
TIMESTAMP_COLUMNS = ("timestamp", "tidspunkt", "time")
LABEL_COLUMNS = ("label", "merknad")

#: What :meth:`str.strip` removes, written out so that polars strips voter ids alike.
WHITESPACE = "".join(chr(c) for c in range(0x3001) if chr(c).isspace())


def is_missing(value: object) -> bool:
    """Whether a value is missing (``None``, NaN, ``pandas.NA``, ``NaT``): a blank ballot."""
    if value is None:
        return True
    if isinstance(value, float):
        return value != value
    return type(value).__name__ in ("NAType", "NaTType")


def choice_text(value: object) -> str:
    """A choice as text: ``""`` for a missing value, else ``str(value)``."""
    return "" if is_missing(value) else str(value)


def _optional_str(value: object) -> str | None:
    return None if value is None else (str(value).strip() or None)


def _fields(values: Iterable[str]) -> tuple[str, ...]:
    return tuple(values)


@checked
@attrs.frozen
class Ballot:
    """One ballot as cast, before it is resolved against the nominees.

    Attributes:
        choice: The choice as written (a name or a kommunenummer); ``""`` for a blank
            ballot (``None``, NaN and ``pandas.NA`` are blank too).
        voter: The voter's id, if any (stripped; empty means none).
        timestamp: When it was cast, as written.
        row: The 1-based data row in its source (header not counted).
        source: The file or collection it came from, if known.
        label: A label such as ``"ØVINGSDATA"`` for practice data.
        extra: The fields its row has beyond the header's columns, up to the last one
            with text; such a ballot is not counted (``EXTRA_FIELDS``).
        missing: The header's columns its row lacks (a short row with a choice);
            such a ballot is not counted (``MISSING_FIELDS``).

    Examples:
        >>> Ballot(" Bodø ", voter=" ", row=3)
        Ballot(choice=' Bodø ', voter=None, timestamp=None, row=3, source=None, label=None, extra=(), missing=())
    """

    choice: str = attrs.field(converter=choice_text)
    voter: str | None = attrs.field(default=None, converter=_optional_str)
    timestamp: str | None = attrs.field(default=None, converter=_optional_str)
    row: int | None = None
    source: str | None = None
    label: str | None = attrs.field(default=None, converter=_optional_str)
    extra: tuple[str, ...] = attrs.field(default=(), converter=_fields)
    missing: tuple[str, ...] = attrs.field(default=(), converter=_fields)

    @property
    def is_blank(self) -> bool:
        """Whether the choice is empty or only spaces."""
        return not self.choice.strip()


@checked
def ballots_from_iterable(
    items: Iterable[object], *, source: str | None = None
) -> tuple[Ballot, ...]:
    """Ballots from choices (``None`` is blank) or :class:`Ballot` objects (kept as they are).

    A choice gets its 1-based position as row.

    Examples:
        >>> ballots_from_iterable([None, Ballot("Kinn", voter="a")])[0].is_blank
        True
    """
    return tuple(
        item if isinstance(item, Ballot) else Ballot(item, row=i, source=source)
        for i, item in enumerate(items, start=1)
    )


@checked
def ballots_from_series(
    series: pd.Series[Any], *, voters: pd.Series[Any] | None = None, source: str | None = None
) -> tuple[Ballot, ...]:
    """Ballots from a pandas Series of choices, with voter ids aligned with it if given.

    ``source`` defaults to the series' name.

    Examples:
        >>> import pandas as pd
        >>> bs = ballots_from_series(pd.Series(["Kinn", None, 4602], name="valg"))
        >>> [(b.choice, b.source) for b in bs]
        [('Kinn', 'valg'), ('', 'valg'), ('4602', 'valg')]
    """
    pd = sys.modules.get("pandas")  # not loaded: no value can be a pandas Series
    for argument, value in (("series", series), ("voters", voters)):
        if (value is not None or argument == "series") and not (
            pd is not None and isinstance(value, pd.Series)
        ):
            raise ArgumentError(
                N_("the argument {argument} is {expected}, not {kind}"),
                argument=argument,
                expected="pandas.Series",
                kind=type(value).__name__,
                field=argument,
            )
    name = source if source is not None else (None if series.name is None else str(series.name))
    choices = series.tolist()
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
        ids = [None if is_missing(x) else x for x in voters.tolist()]
    return tuple(Ballot(c, ids[i], row=i + 1, source=name) for i, c in enumerate(choices))


@checked
@attrs.frozen
class BallotColumns:
    """Which columns of a ballot file hold what (indices into the header; ``None`` if absent)."""

    choice: int
    voter: int | None
    timestamp: int | None
    label: int | None


@checked
def check_ballot_header(
    header: tuple[str, ...], file: str | None, *, named: Iterable[str | None] = ()
) -> None:
    """Refuse a header that is not a ballot file's (a jury sheet, a register) given as one.

    A ballot file has a choice column and a voter id or a timestamp column; then
    any other columns are allowed (an export with a channel or an address). A file
    with neither may have a label column and nothing else: a jury sheet has a
    ``kommune`` column too, and its other columns tell it apart. ``named`` are
    columns the caller named (a voter or timestamp column of another name).

    Examples:
        >>> check_ballot_header(("Velger", "valg"), "stemmer.csv")
        >>> check_ballot_header(("valg", "tidspunkt", "kanal", "ip"), "eksport.csv")
        >>> check_ballot_header(("jurymedlem", "kommune", "kriterium", "poeng"), "jury.csv")
        Traceback (most recent call last):
        ...
        bosetting.errors.BallotFileError: jury.csv, field 'jurymedlem', value 'jurymedlem,kommune,kriterium,poeng': not a ballot file: its columns are jurymedlem, kommune, kriterium, poeng; a ballot file has a choice column (choice, valg, stemme, kommune, kommunenummer, nominee, vote) and a voter id (voter, voter_id, velger, velger_id) or a timestamp (timestamp, tidspunkt, time), or else a label (label, merknad) at most
    """
    folded = [h.strip().casefold() for h in header]
    marks = {c.casefold() for c in (*VOTER_COLUMNS, *TIMESTAMP_COLUMNS)}
    marks |= {n.casefold() for n in named if n is not None}
    if marks.intersection(folded):
        return
    known = {c.casefold() for c in (*CHOICE_COLUMNS, *LABEL_COLUMNS)}
    other = [h for h, f in zip(header, folded, strict=True) if f not in known]
    if not other:
        return
    raise BallotFileError(
        N_(
            "not a ballot file: its columns are {found}; a ballot file has a choice column "
            "({choice}) and a voter id ({voter}) or a timestamp ({timestamp}), or else a "
            "label ({label}) at most"
        ),
        found=", ".join(header),
        choice=", ".join(CHOICE_COLUMNS),
        voter=", ".join(VOTER_COLUMNS),
        timestamp=", ".join(TIMESTAMP_COLUMNS),
        label=", ".join(LABEL_COLUMNS),
        file=file,
        field=other[0],
        value=",".join(header),
    )


def _missing_column(text: CsvText, field: str, message: str, **args: Any) -> BallotFileError:
    return BallotFileError(
        message, file=text.file, field=field, value=",".join(text.header), **args
    )


@checked
def ballot_columns(
    text: CsvText,
    *,
    choice: str | None = None,
    voter: str | None = None,
    timestamp: str | None = None,
) -> BallotColumns:
    """Find the columns of a ballot file from its header (``text.header``).

    Raises:
        BallotFileError: if the choice column (or a column asked for by name) is
            missing, or (with no column named) the header holds a column a ballot
            file does not have.
    """

    def find(wanted: str | None, aliases: tuple[str, ...]) -> int | None:
        return find_column(text.header, wanted, aliases, error=BallotFileError, file=text.file)

    c = find(choice, CHOICE_COLUMNS)
    if c is None:
        looked = repr(choice) if choice is not None else ", ".join(CHOICE_COLUMNS)
        message = N_("the header row has no choice column (looked for {looked})")
        raise _missing_column(text, choice or "choice", message, looked=looked)
    v = find(voter, VOTER_COLUMNS)
    if voter is not None and v is None:
        raise _missing_column(text, voter, N_("the header row has no such voter column"))
    t = find(timestamp, TIMESTAMP_COLUMNS)
    if timestamp is not None and t is None:
        raise _missing_column(text, timestamp, N_("the header row has no such timestamp column"))
    if choice is None:
        check_ballot_header(text.header, text.file, named=(voter, timestamp))
    return BallotColumns(c, v, t, find(None, LABEL_COLUMNS))
