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

A file whose header holds any other column is not taken for a ballot file (a
jury sheet given by mistake has ``kommune`` too, and would count as votes):
it is refused, naming the columns found and those a ballot file has, unless
the choice column is named (``choice="..."``), which says the file is a vote.

Encoding, line ends and delimiter are detected as described in
:mod:`bosetting._csvtext` (BOM, UTF-8, Windows-1252, Latin-1; ``;`` or ``,``).

Examples:
    >>> ballots = ballots_from_iterable(["Kinn", "", "4602"])
    >>> [(b.row, b.choice) for b in ballots]
    [(1, 'Kinn'), (2, ''), (3, '4602')]
"""

from __future__ import annotations

import os
from collections.abc import Iterable
from typing import TYPE_CHECKING, Any

import attrs

from bosetting.data import CsvText, find_column, read_csv_text
from bosetting.errors import BallotFileError
from bosetting.i18n import N_

if TYPE_CHECKING:
    import pandas as pd

__all__ = [
    "CHOICE_COLUMNS",
    "LABEL_COLUMNS",
    "TIMESTAMP_COLUMNS",
    "VOTER_COLUMNS",
    "Ballot",
    "BallotColumns",
    "ballot_columns",
    "ballots_from_iterable",
    "ballots_from_series",
    "check_ballot_header",
    "check_row_lengths",
    "choice_text",
    "is_missing",
    "read_ballot_text",
    "read_ballots",
]

CHOICE_COLUMNS = ("choice", "valg", "stemme", "kommune", "kommunenummer", "nominee", "vote")
VOTER_COLUMNS = ("voter", "voter_id", "velger", "velger_id")
TIMESTAMP_COLUMNS = ("timestamp", "tidspunkt", "time")
LABEL_COLUMNS = ("label", "merknad")


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

    Examples:
        >>> Ballot(" Bodø ", voter=" ", row=3)
        Ballot(choice=' Bodø ', voter=None, timestamp=None, row=3, source=None, label=None)
    """

    choice: str = attrs.field(converter=choice_text)
    voter: str | None = attrs.field(default=None, converter=_optional_str)
    timestamp: str | None = attrs.field(default=None, converter=_optional_str)
    row: int | None = None
    source: str | None = None
    label: str | None = attrs.field(default=None, converter=_optional_str)

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


#: Every column a ballot file may have (when no column is named by the caller).
BALLOT_COLUMNS = CHOICE_COLUMNS + VOTER_COLUMNS + TIMESTAMP_COLUMNS + LABEL_COLUMNS


def check_ballot_header(
    header: tuple[str, ...], file: str | None, *, named: Iterable[str | None] = ()
) -> None:
    """Refuse a header with a column a ballot file does not have (a jury sheet, a register).

    ``named`` are columns the caller named (a voter or timestamp column of
    another name): a ballot file may have those too.

    Examples:
        >>> check_ballot_header(("Velger", "valg"), "stemmer.csv")
        >>> check_ballot_header(("jurymedlem", "kommune", "kriterium", "poeng"), "jury.csv")
        Traceback (most recent call last):
        ...
        bosetting.errors.BallotFileError: jury.csv, field 'jurymedlem', value 'jurymedlem,kommune,kriterium,poeng': not a ballot file: its columns are jurymedlem, kommune, kriterium, poeng; a ballot file has a choice column (choice, valg, stemme, kommune, kommunenummer, nominee, vote) and may have a voter id (voter, voter_id, velger, velger_id), a timestamp (timestamp, tidspunkt, time) and a label (label, merknad), nothing else
    """
    known = {c.casefold() for c in (*BALLOT_COLUMNS, *(n for n in named if n is not None))}
    other = [h for h in header if h.strip().casefold() not in known]
    if not other:
        return
    raise BallotFileError(
        N_(
            "not a ballot file: its columns are {found}; a ballot file has a choice column "
            "({choice}) and may have a voter id ({voter}), a timestamp ({timestamp}) and a "
            "label ({label}), nothing else"
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


def ballot_columns(
    text: CsvText,
    *,
    choice: str | None = None,
    voter: str | None = None,
    timestamp: str | None = None,
) -> BallotColumns:
    """Find the columns of a decoded ballot file.

    Raises:
        BallotFileError: if the choice column (or a column asked for by name) is
            missing, or (with no column named) the header holds a column a ballot
            file does not have.
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
    if choice is None:
        check_ballot_header(text.header, text.file, named=(voter, timestamp))
    return BallotColumns(c, v, t, find_column(text.header, None, LABEL_COLUMNS))


def check_row_lengths(text: CsvText, columns: BallotColumns) -> None:
    """Raise :class:`BallotFileError` naming the first row too short for the columns used."""
    need = max(i for i in attrs.astuple(columns) if i is not None) + 1
    for i, row in enumerate(text.rows, start=1):
        if len(row) < need and row:
            raise BallotFileError(
                N_(
                    "the row has {fields} fields but the header {columns} "
                    "(unreadable layout: wrong delimiter or a broken line?)"
                ),
                fields=len(row),
                columns=len(text.header),
                file=text.file,
                row=i,
                field=text.header[need - 1],
                value=text.delimiter.join(row),
            )


def read_ballot_text(
    text: CsvText,
    *,
    choice: str | None = None,
    voter: str | None = None,
    timestamp: str | None = None,
) -> tuple[Ballot, ...]:
    """Ballots from an already decoded CSV file (see :func:`read_ballots`)."""
    cols = ballot_columns(text, choice=choice, voter=voter, timestamp=timestamp)
    check_row_lengths(text, cols)
    out: list[Ballot] = []
    c, v, t, lab = cols.choice, cols.voter, cols.timestamp, cols.label
    for i, row in enumerate(text.rows, start=1):
        if not row:  # an empty line is a blank ballot only if the file has one column
            if len(text.header) == 1:
                out.append(Ballot("", row=i, source=text.file))
            continue
        out.append(
            Ballot(
                row[c],
                voter=None if v is None else row[v],
                timestamp=None if t is None else row[t],
                row=i,
                source=text.file,
                label=None if lab is None else row[lab],
            )
        )
    return tuple(out)


def read_ballots(
    path: str | os.PathLike[str],
    *,
    choice: str | None = None,
    voter: str | None = None,
    timestamp: str | None = None,
) -> tuple[Ballot, ...]:
    r"""Read every ballot of a CSV file, in file order.

    Args:
        path: The file.
        choice: The choice column's name (default: found by the names in the module docstring).
        voter: The voter id column's name (default: found likewise; optional).
        timestamp: The timestamp column's name (default: found likewise; optional).

    Returns:
        One :class:`Ballot` per data row; empty lines are skipped unless the file has one column.

    Raises:
        BallotFileError: naming file, row and field, if the file cannot be read, has no
            choice column, or a row has too few fields.

    Examples:
        >>> import tempfile, pathlib
        >>> p = pathlib.Path(tempfile.mkdtemp()) / "votes.csv"
        >>> _ = p.write_bytes("\ufeffKommune;Velger\r\nBodø;a\r\n;b\r\n".encode("utf-8"))
        >>> [(b.row, b.choice, b.voter) for b in read_ballots(p)]
        [(1, 'Bodø', 'a'), (2, '', 'b')]
        >>> _ = p.write_text("name\nBodø\n", encoding="utf-8")
        >>> read_ballots(p)
        Traceback (most recent call last):
        ...
        bosetting.errors.BallotFileError: ...votes.csv, field 'choice', value 'name': the header row has no choice column (looked for choice, valg, ...)
    """
    return read_ballot_text(
        read_csv_text(path, BallotFileError), choice=choice, voter=voter, timestamp=timestamp
    )
