r"""Ballot files on polars: one parse for :func:`~bosetting.voting.tally_file` and :func:`read_ballots`.

Both read a file through :func:`layout` and :func:`parse`, so they see the same
rows and raise the same errors; the limits are here and nowhere else.

* The header line, read by :func:`bosetting.data.decode_csv_bytes`, gives the
  columns and the delimiter (``;``, ``,`` or tab); lines end as it does (``\n``,
  ``\r\n`` or ``\r``). No header, a NUL byte anywhere (UTF-16, a spreadsheet) or
  a UTF-8 byte-order mark followed by other bytes is an error.
* UTF-8 is parsed as it is; any other file is Windows-1252 if every byte is one,
  else Latin-1, copied as UTF-8 to a temporary file.
* polars splits and unquotes the fields. Rows are numbered from 1 after the header,
  empty lines included; a row with no text is a blank ballot. A row with text
  beyond the header's columns (:attr:`Ballot.extra`) or with a choice but fewer
  fields than the header (:attr:`Ballot.missing`) is not counted; more than
  :data:`WIDEST_EXTRA` extra fields, a row that is not CSV (named by the csv
  module), or a file of several columns in which no row has a choice is an error.

Examples:
    >>> import tempfile, pathlib
    >>> p = pathlib.Path(tempfile.mkdtemp()) / "v.csv"
    >>> _ = p.write_text("velger;valg\na;Kinn\nb;Kinn;Bodø\n", encoding="utf-8")
    >>> lay = layout(p)
    >>> lay.delimiter, lay.header, lay.columns.choice
    (';', ('velger', 'valg'), 1)
"""

from __future__ import annotations

import contextlib
import os
import tempfile
from collections.abc import Callable, Iterator
from typing import TYPE_CHECKING, Any

import attrs

from bosetting.data import (
    changed_error,
    check_user_file,
    decode_csv_bytes,
    escape_controls,
    os_reason,
)
from bosetting.errors import BallotFileError, LimitError
from bosetting.i18n import N_
from bosetting.model import checked
from bosetting.voting._ballots import Ballot, BallotColumns, ballot_columns
from bosetting.voting._locate import (
    WIDEST_EXTRA,
    bom_error,
    csv_error,
    field_counts,
    nul_error,
    single_byte,
)

if TYPE_CHECKING:
    import polars as pl

__all__ = [
    "MAX_BALLOT_BYTES",
    "MAX_BALLOT_ROWS",
    "WIDEST_EXTRA",
    "Layout",
    "Parsed",
    "ballots_of",
    "layout",
    "parse",
    "read_ballots",
    "scan",
    "stat",
    "text_columns",
    "utf8_path",
]

#: The largest ballot file bosetting reads (4 GiB, some 100 million short ballots);
#: :func:`~bosetting.voting.tally_file` and :func:`read_ballots` refuse a larger one alike.
MAX_BALLOT_BYTES = 4 * 1024**3
#: The most data rows a ballot file may have (50 million, some nine times Norway's population).
MAX_BALLOT_ROWS = 50_000_000
#: The longest header line bosetting looks for the end of.
HEADER_BYTES = 1 << 20


@attrs.frozen
class Layout:
    """How a ballot file is read (see the module docstring); ``extra``: fields read beyond the header."""

    name: str
    shown: str
    encoding: str
    delimiter: str
    eol: str
    header: tuple[str, ...]
    columns: BallotColumns
    size: int
    mtime_ns: int
    extra: int = 1


@attrs.frozen
class Parsed:
    """A file's rows as :func:`parse` read them, and the rows with a choice but too few fields."""

    frame: pl.DataFrame
    layout: Layout
    short: dict[int, int]  # row -> how many fields it has


def _unreadable(exc: OSError, shown: str) -> BallotFileError:
    return BallotFileError(N_("cannot read the file: {reason}"), reason=os_reason(exc), file=shown)


def stat(name: str, shown: str) -> os.stat_result:
    try:
        return os.stat(name)
    except OSError as exc:
        raise _unreadable(exc, shown) from None


def layout(
    path: str | os.PathLike[str],
    *,
    choice: str | None = None,
    voter: str | None = None,
    timestamp: str | None = None,
) -> Layout:
    """The layout of a ballot file: checked, its header read, its columns found.

    Raises:
        BallotFileError: for a path that is not a readable regular file, no header
            line, NUL bytes, a bad byte-order mark, or a missing column.
        LimitError: for a file over :data:`MAX_BALLOT_BYTES`.
    """
    name = check_user_file(path, BallotFileError)
    shown = escape_controls(name)
    info = stat(name, shown)
    if info.st_size > MAX_BALLOT_BYTES:
        raise LimitError(
            N_(
                "the ballot file is larger than bosetting reads ({limit} bytes, "
                "MAX_BALLOT_BYTES); split it and add the tallies"
            ),
            limit=MAX_BALLOT_BYTES,
            file=shown,
            field="size",
            value=info.st_size,
        )
    try:  # no NUL byte in the bytes the file had when it was looked at, and no more
        with open(name, "rb") as f:
            block = head = f.read(min(info.st_size, HEADER_BYTES + 2))
            at = 0
            while block:
                if (nul := block.find(b"\x00")) >= 0:
                    raise nul_error(name, shown, at + nul)
                at += len(block)
                block = f.read(min(1 << 22, info.st_size - at))
    except OSError as exc:
        raise _unreadable(exc, shown) from None
    ends = [head.find(eol, 0, HEADER_BYTES) for eol in (b"\n", b"\r")]
    end = min([i for i in ends if i >= 0] or [min(len(head), HEADER_BYTES)])
    text = decode_csv_bytes(head[:end], name, BallotFileError)
    eol = "\r" if head[end : end + 1] == b"\r" and head[end + 1 : end + 2] != b"\n" else "\n"
    cols = ballot_columns(text, choice=choice, voter=voter, timestamp=timestamp)
    encoding = text.encoding if text.encoding.startswith("utf-8") else "single-byte"
    size, mtime = info.st_size, info.st_mtime_ns
    return Layout(name, shown, encoding, text.delimiter, eol, text.header, cols, size, mtime)


@contextlib.contextmanager
def utf8_path(lay: Layout) -> Iterator[str]:
    """The file as UTF-8: itself, or a temporary copy of a single-byte one."""
    if lay.encoding.startswith("utf-8"):
        yield lay.name
        return
    with tempfile.TemporaryDirectory(prefix="bosetting-") as folder:
        out = os.path.join(folder, "ballots.csv")
        with open(lay.name, "rb") as src, open(out, "wb") as dst:
            left = lay.size  # the bytes the file had when its layout was read, no more
            while left and (block := src.read(min(1 << 22, left))):
                left -= len(block)
                dst.write(block.decode(lay.encoding).encode("utf-8"))
        yield out


def scan(lay: Layout, source: str) -> pl.LazyFrame:
    """The rows as fields ``c0``, ``c1`` ... (text, the header's and ``lay.extra`` more) and ``row``."""
    import polars as pl

    return pl.scan_csv(
        source,
        has_header=False,
        skip_rows=1,
        separator=lay.delimiter,
        schema={f"c{i}": pl.String for i in range(len(lay.header) + lay.extra)},
        empty_string_is_null=False,
        missing_columns="insert",
        truncate_ragged_lines=False,
        eol_char=lay.eol,
        row_index_name="row",
        row_index_offset=1,
        raise_if_empty=False,
    )


def extra_fields(lay: Layout) -> list[pl.Expr]:
    """Whether each field beyond the header's has text."""
    import polars as pl

    return [pl.col(f"c{i}") != "" for i in range(len(lay.header), len(lay.header) + lay.extra)]


def _settle(lay: Layout, problem: str) -> Layout | None:
    """The layout to try again with after polars refused the file, or None (an error)."""
    if "utf-8" in problem and lay.encoding == "utf-8-sig":
        raise bom_error(lay.name, lay.shown)
    if "utf-8" in problem and lay.encoding == "utf-8":
        return attrs.evolve(lay, encoding=single_byte(lay.name))
    if "more fields" in problem and lay.extra < WIDEST_EXTRA:
        return attrs.evolve(lay, extra=WIDEST_EXTRA)
    return None


def _unchanged(lay: Layout) -> None:
    """Raise if the file's size or modification time is no longer the layout's."""
    info = stat(lay.name, lay.shown)
    if (info.st_size, info.st_mtime_ns) != (lay.size, lay.mtime_ns):
        raise changed_error(BallotFileError, lay.size, info.st_size, lay.shown)


def _size(lay: Layout, source: str) -> int:
    """How many bytes of ``source`` polars read: the layout's, or the whole UTF-8 copy."""
    return lay.size if source == lay.name else os.stat(source).st_size


def parse(lay: Layout, exprs: Callable[[Layout], dict[str, Any]]) -> Parsed:
    """The file's rows: ``row`` and ``exprs(layout)`` (expressions over the fields, ``choice`` one).

    Raises:
        BallotFileError: for a row that is not CSV or has too many fields, a file of
            several columns in which no row has a choice, or a file written to while it
            was read (its size and modification time after the parse are not the layout's).
        LimitError: for more than :data:`MAX_BALLOT_ROWS` rows.
    """
    import polars as pl

    if lay.encoding == "single-byte":
        lay = attrs.evolve(lay, encoding=single_byte(lay.name))
    c = lay.columns
    width, choice = len(lay.header), pl.col(f"c{c.choice}")
    marks = {}
    if width > 1:  # a row with a choice whose last field is empty may be short
        marks["_short"] = (pl.col(f"c{width - 1}") == "") & (choice != "")
    while True:
        with utf8_path(lay) as source:
            try:
                df = scan(lay, source).select("row", **exprs(lay), **marks).collect()
            except pl.exceptions.PolarsError as exc:
                _unchanged(lay)
                again = _settle(lay, str(exc))
                if again is None:
                    where = (source, lay.shown, lay.delimiter, lay.eol, width)
                    raise csv_error(*where, str(exc), _size(lay, source)) from None
                lay = again
                continue
            _unchanged(lay)
            if df.height > MAX_BALLOT_ROWS:
                raise LimitError(
                    N_("the file has more rows than bosetting reads ({limit}, MAX_BALLOT_ROWS)"),
                    limit=MAX_BALLOT_ROWS,
                    file=lay.shown,
                    row=MAX_BALLOT_ROWS + 1,
                    field="rows",
                    value=MAX_BALLOT_ROWS + 1,
                )
            chosen = df.get_column("choice").unique().cast(pl.String)
            if width > 1 and df.height and not (chosen != "").any():
                raise BallotFileError(
                    N_(
                        "no row has anything in the choice column "
                        "(unreadable layout: wrong delimiter or a broken line?)"
                    ),
                    file=lay.shown,
                    row=1,
                    field=lay.header[lay.columns.choice],
                )
            short: dict[int, int] = {}
            if width > 1 and df.get_column("_short").any():
                maybe = df.filter("_short").get_column("row").to_list()
                where = (source, lay.shown, lay.delimiter, lay.eol, width)
                counts = field_counts(*where, maybe, _size(lay, source))
                short = {row: n for row, n in counts.items() if n < width}
        return Parsed(df.drop(*marks), lay, short)


def text_columns(lay: Layout) -> dict[str, Any]:
    """Every field a :class:`Ballot` holds, as written (``extra``: a list, or null when none)."""
    import polars as pl

    c = lay.columns
    out: dict[str, Any] = {"choice": pl.col(f"c{c.choice}").cast(pl.Categorical)}
    for key, at in (("voter", c.voter), ("timestamp", c.timestamp), ("label", c.label)):
        out[key] = pl.lit(None, pl.String) if at is None else pl.col(f"c{at}")
    extra = [f"c{i}" for i in range(len(lay.header), len(lay.header) + lay.extra)]
    out["extra"] = pl.when(pl.any_horizontal(extra_fields(lay))).then(pl.concat_list(extra))
    return out


def ballots_of(df: pl.DataFrame, lay: Layout, short: dict[int, int]) -> Iterator[Ballot]:
    """The :class:`Ballot` of each row of a frame of :func:`text_columns`."""
    for row, choice, voter, stamp, label, extra in df.iter_rows():
        while extra and not extra[-1]:
            extra.pop()
        missing = lay.header[short[row] :] if row in short else ()
        yield Ballot(choice, voter, stamp, row, lay.shown, label, extra or (), missing)


@checked(own=("path",))  # a path's errors name the file (BallotFileError)
def read_ballots(
    path: str | os.PathLike[str],
    *,
    choice: str | None = None,
    voter: str | None = None,
    timestamp: str | None = None,
) -> tuple[Ballot, ...]:
    r"""Read every ballot of a CSV file, in file order (as :mod:`bosetting.voting._file` says).

    ``tally(read_ballots(p))`` equals ``tally_file(p)`` for every file, or both raise
    the same error.

    Args:
        path: The file.
        choice: The choice column's name (default: found by the usual names,
            :data:`~bosetting.voting.CHOICE_COLUMNS`).
        voter: The voter id column's name (default: found likewise; optional).
        timestamp: The timestamp column's name (default: found likewise; optional).

    Raises:
        BallotFileError: naming file, row and field, if the file cannot be read or
            has no choice column.
        LimitError: if the file is over :data:`~bosetting.voting.MAX_BALLOT_BYTES`
            bytes or :data:`~bosetting.voting.MAX_BALLOT_ROWS` rows.

    Examples:
        >>> import tempfile, pathlib
        >>> p = pathlib.Path(tempfile.mkdtemp()) / "votes.csv"
        >>> _ = p.write_bytes("\ufeffKommune;Velger\r\nBodø;a\r\n;b\r\nKinn;c;Bodø\r\n".encode("utf-8"))
        >>> [(b.row, b.choice, b.voter, b.extra) for b in read_ballots(p)]
        [(1, 'Bodø', 'a', ()), (2, '', 'b', ()), (3, 'Kinn', 'c', ('Bodø',))]
        >>> _ = p.write_text("name\nBodø\n", encoding="utf-8")
        >>> read_ballots(p)
        Traceback (most recent call last):
        ...
        bosetting.errors.BallotFileError: ...votes.csv, field 'choice', value 'name': the header row has no choice column (looked for choice, valg, ...)
    """
    lay = layout(path, choice=choice, voter=voter, timestamp=timestamp)
    found = parse(lay, text_columns)
    return tuple(ballots_of(found.frame, found.layout, found.short))
