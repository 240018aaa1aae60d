r"""Ballot files on polars: one parse for :func:`~bosetting.voting.tally_file` and :func:`~bosetting.voting.read_ballots`.

Both functions read a file through :func:`layout` and :func:`frame`, so they see
the same rows and raise the same errors; the limits below are checked here and
nowhere else. polars is imported inside the functions (``import bosetting``
stays light).

**The layout** comes from the file's first line, read with the careful reader
(:func:`bosetting.data.decode_csv_bytes`): the header and the delimiter (``;``,
``,`` or tab). No header line, NUL bytes in the first :data:`HEAD_BYTES` (UTF-16
or a spreadsheet) and a UTF-8 byte-order mark followed by other bytes are
errors. Line ends are ``\n`` or ``\r\n``, or ``\r`` throughout when the header
ends with a lone ``\r``.

**Encoding**: a UTF-8 file (with or without a byte-order mark) is parsed as it
is; any other is Windows-1252 if every byte is one, else Latin-1, and is copied
as UTF-8 to a temporary file that polars parses (so memory does not grow with
the file).

**Rows**: fields are split and unquoted by polars (``"`` quotes, ``""`` inside
them). A row with fewer fields than the header has empty fields for the missing
ones; a file of several columns whose every row has an empty choice is refused
(a wrong delimiter, or broken lines). A row with text in a field beyond the
header's columns is kept with its extra fields (:attr:`Ballot.extra`) and is not
counted (``EXTRA_FIELDS``); empty fields there (a trailing delimiter) are
ignored, and a row with more than :data:`WIDEST_EXTRA` of them is an error. A
row with no text in any field is no ballot unless the file has one column (then
it is a blank one). A row that is not CSV (a quote never closed, text after a
closing quote) is found with the csv module and named in a
:class:`~bosetting.errors.BallotFileError`. Rows are numbered from 1 after the
header, empty lines included.

Counting is :mod:`bosetting.voting._filecount`.

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
    check_user_file,
    decode_csv_bytes,
    decode_text,
    escape_controls,
    os_reason,
)
from bosetting.errors import BallotFileError, LimitError
from bosetting.i18n import N_
from bosetting.voting._ballots import Ballot, BallotColumns, ballot_columns
from bosetting.voting._locate import WIDEST_EXTRA, bom_error, csv_error, single_byte

if TYPE_CHECKING:
    import polars as pl

__all__ = [
    "MAX_BALLOT_BYTES",
    "MAX_BALLOT_ROWS",
    "WIDEST_EXTRA",
    "Layout",
    "ballots_of",
    "extra_columns",
    "frame",
    "layout",
    "read_ballots",
    "scan",
    "stat",
    "text_columns",
    "utf8_path",
]

#: The largest ballot file bosetting reads (4 GiB): some 100 million ballots of one
#: short line each. Both :func:`~bosetting.voting.tally_file` and
#: :func:`~bosetting.voting.read_ballots` refuse a larger one with a LimitError.
MAX_BALLOT_BYTES = 4 * 1024**3
#: The most data rows a ballot file may have (50 million, some nine times Norway's
#: population); one more is refused by both readers alike.
MAX_BALLOT_ROWS = 50_000_000
#: Bytes read from the start of a file to find its header and check it (NUL bytes, a
#: byte-order mark followed by other bytes); more, up to 16 times as many, for a long header.
HEAD_BYTES = 1 << 16


@attrs.frozen
class Layout:
    """How a ballot file is read (see the module docstring)."""

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


def stat(name: str, shown: str) -> os.stat_result:
    try:
        return os.stat(name)
    except OSError as exc:
        raise BallotFileError(
            N_("cannot read the file: {reason}"), reason=os_reason(exc), file=shown
        ) from None


def _too_large(size: int, shown: str) -> LimitError:
    return LimitError(
        N_(
            "the ballot file is larger than bosetting reads ({limit} bytes, MAX_BALLOT_BYTES); "
            "split it and add the tallies"
        ),
        limit=MAX_BALLOT_BYTES,
        file=shown,
        field="size",
        value=size,
    )


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
        raise _too_large(info.st_size, shown)
    try:
        with open(name, "rb") as f:
            head = f.read(HEAD_BYTES)
            while len(head) < min(info.st_size, 16 * HEAD_BYTES) and _first_end(head) in (
                -1,
                len(head) - 1,
            ):  # the whole header line, and the byte after it
                head += f.read(HEAD_BYTES)
    except OSError as exc:
        raise BallotFileError(
            N_("cannot read the file: {reason}"), reason=os_reason(exc), file=shown
        ) from None
    whole = len(head) == info.st_size
    cut = max(head.rfind(b"\n"), head.rfind(b"\r")) + 1
    # NUL bytes, a byte-order mark followed by other bytes: the careful reader's errors
    decode_text(head if whole or not cut else head[:cut], name, BallotFileError)
    end = _first_end(head)
    end = len(head) if end < 0 else end
    text = decode_csv_bytes(head[:end], name, BallotFileError)
    eol = "\r" if head[end : end + 1] == b"\r" and head[end + 1 : end + 2] != b"\n" else "\n"
    cols = ballot_columns(text, choice=choice, voter=voter, timestamp=timestamp)
    encoding = text.encoding if text.encoding in ("utf-8", "utf-8-sig") else "single-byte"
    return Layout(
        name,
        shown,
        encoding,
        text.delimiter,
        eol,
        text.header,
        cols,
        info.st_size,
        info.st_mtime_ns,
    )


def _first_end(head: bytes) -> int:
    r"""Where the first line ends (its ``\r`` or ``\n``), or -1."""
    ends = [i for i in (head.find(b"\n"), head.find(b"\r")) if i >= 0]
    return min(ends) if ends else -1


@contextlib.contextmanager
def utf8_path(lay: Layout) -> Iterator[str]:
    """The path of the file as UTF-8: the file itself, or a temporary copy of a single-byte one."""
    if lay.encoding in ("utf-8", "utf-8-sig"):
        yield lay.name
        return
    with tempfile.TemporaryDirectory(prefix="bosetting-") as folder:
        out = os.path.join(folder, "ballots.csv")
        with open(lay.name, "rb") as src, open(out, "wb") as dst:
            while block := src.read(1 << 22):
                dst.write(block.decode(lay.encoding).encode("utf-8"))
        yield out


def scan(lay: Layout, source: str) -> pl.LazyFrame:
    import polars as pl

    width = len(lay.header) + lay.extra
    return pl.scan_csv(
        source,
        has_header=False,
        skip_rows=1,
        separator=lay.delimiter,
        quote_char='"',
        schema={f"c{i}": pl.String for i in range(width)},
        empty_string_is_null=False,
        missing_columns="insert",
        truncate_ragged_lines=False,
        eol_char=lay.eol,
        row_index_name="row",
        row_index_offset=1,
        raise_if_empty=False,
    )


def _settle(lay: Layout, problem: str) -> Layout | None:
    """The layout to try again with after polars refused the file, or None (an error)."""
    if "utf-8" in problem and lay.encoding == "utf-8-sig":
        raise bom_error(lay.name, lay.shown)
    if "utf-8" in problem and lay.encoding == "utf-8":
        return attrs.evolve(lay, encoding=single_byte(lay.name))
    if "more fields" in problem and lay.extra < WIDEST_EXTRA:
        return attrs.evolve(lay, extra=WIDEST_EXTRA)
    return None


def extra_columns(lay: Layout) -> list[str]:
    return [f"c{i}" for i in range(len(lay.header), len(lay.header) + lay.extra)]


def frame(lay: Layout, exprs: Callable[[Layout], dict[str, Any]]) -> tuple[pl.DataFrame, Layout]:
    """The file's rows: ``row`` and ``exprs(layout)`` (expressions over fields ``c0``, ``c1`` ...).

    Rows with no text in any field are left out unless the file has one column.
    Returns the frame and the layout it was read with (its encoding and width settled).

    Raises:
        BallotFileError: for a row that is not CSV or has too many fields.
        LimitError: for more than :data:`MAX_BALLOT_ROWS` rows.
    """
    import polars as pl

    if lay.encoding == "single-byte":
        lay = attrs.evolve(lay, encoding=single_byte(lay.name))
    df: pl.DataFrame | None = None
    while df is None:
        with utf8_path(lay) as source:
            lf = scan(lay, source)
            keep = pl.lit(True)
            if len(lay.header) > 1:
                cols = [f"c{i}" for i in range(len(lay.header))] + extra_columns(lay)
                keep = pl.any_horizontal([pl.col(c) != "" for c in cols])
            try:
                df = lf.select("row", keep.alias("_keep"), **exprs(lay)).collect()
            except pl.exceptions.PolarsError as exc:
                again = _settle(lay, str(exc))
                if again is None:
                    raise csv_error(
                        source, lay.shown, lay.delimiter, len(lay.header), str(exc)
                    ) from None
                lay = again
    if df.height > MAX_BALLOT_ROWS:
        raise LimitError(
            N_("the file has more rows than bosetting reads ({limit}, MAX_BALLOT_ROWS)"),
            limit=MAX_BALLOT_ROWS,
            file=lay.shown,
            row=MAX_BALLOT_ROWS + 1,
            field="rows",
            value=MAX_BALLOT_ROWS + 1,
        )
    if not df.get_column("_keep").all():
        df = df.filter("_keep")
    df = df.drop("_keep")
    _some_choice(df, lay)
    return df, lay


def _some_choice(df: pl.DataFrame, lay: Layout) -> None:
    """Refuse a file of several columns whose every row has an empty choice (a wrong delimiter)."""
    if len(lay.header) > 1 and df.height and not (df.get_column("choice") != "").any():
        first = df.row(0, named=True)
        raise BallotFileError(
            N_(
                "no row has anything in the choice column "
                "(unreadable layout: wrong delimiter or a broken line?)"
            ),
            file=lay.shown,
            row=first["row"],
            field=lay.header[lay.columns.choice],
        )


def text_columns(lay: Layout) -> dict[str, Any]:
    """Every field a :class:`Ballot` holds, as written."""
    import polars as pl

    c = lay.columns
    out: dict[str, Any] = {"choice": pl.col(f"c{c.choice}").cast(pl.Categorical)}
    for key, at in (("voter", c.voter), ("timestamp", c.timestamp), ("label", c.label)):
        out[key] = pl.lit(None, pl.String) if at is None else pl.col(f"c{at}")
    extra = extra_columns(lay)
    out["extra"] = pl.when(pl.any_horizontal([pl.col(x) != "" for x in extra])).then(
        pl.concat_list(extra)
    )
    return out


def ballots_of(df: pl.DataFrame, lay: Layout) -> Iterator[Ballot]:
    for row, choice, voter, stamp, label, extra in df.iter_rows():
        if extra is None:
            yield Ballot(choice, voter, stamp, row, lay.shown, label)
            continue
        while not extra[-1]:
            extra.pop()
        yield Ballot(choice, voter, stamp, row, lay.shown, label, extra)


def read_ballots(
    path: str | os.PathLike[str],
    *,
    choice: str | None = None,
    voter: str | None = None,
    timestamp: str | None = None,
) -> tuple[Ballot, ...]:
    r"""Read every ballot of a CSV file, in file order.

    The file is read by the same parse as :func:`~bosetting.voting.tally_file`
    (see :mod:`bosetting.voting._file` for the rules and the limits), so
    ``tally(read_ballots(p))`` equals ``tally_file(p)`` for every file, or both
    raise the same error.

    Args:
        path: The file.
        choice: The choice column's name (default: found by the names in the module docstring).
        voter: The voter id column's name (default: found likewise; optional).
        timestamp: The timestamp column's name (default: found likewise; optional).

    Returns:
        One :class:`Ballot` per data row; a row with no text in any field is no
        ballot, unless the file has one column (then it is a blank ballot).

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
    df, lay = frame(lay, text_columns)
    return tuple(ballots_of(df, lay))
