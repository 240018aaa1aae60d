"""Layout shared by the renderers: tables with a header row, cells, the dash for "none"."""

from __future__ import annotations

from collections.abc import Iterable, Sequence

from bosetting.i18n import _, format_number
from bosetting.model import FigureStatus
from bosetting.register import register_year

__all__ = ["DASH", "beyond_register", "cell", "heads", "or_unknown", "table"]


DASH = "–"


def table(
    headers: Sequence[str],
    rows: Iterable[Sequence[str]],
    *,
    right: Iterable[int] = (),
    indent: str = "  ",
) -> list[str]:
    """A listing with a header row: columns padded to their widest cell.

    Args:
        headers: One heading per column.
        rows: The cells, as text.
        right: Columns to align right (numbers).
        indent: Put before every line.
    """
    body = [list(r) for r in rows]
    widths = [max(len(str(c)) for c in col) for col in zip(headers, *body, strict=True)]
    right_set = set(right)
    lines = []
    for cells in [list(headers), *body]:
        shown = [
            c.rjust(w) if i in right_set else c.ljust(w)
            for i, (c, w) in enumerate(zip(cells, widths, strict=True))
        ]
        lines.append((indent + "  ".join(shown)).rstrip())
    return lines


def heads(*headers: str) -> list[str]:
    return [_(h) for h in headers]


def or_unknown(value: object) -> str:
    """The value as text (a labelled enum member in words), or "unknown"."""
    if value is None or value == "":
        return _("unknown")
    return str(getattr(value, "label", value))


def cell(value: int | None, status: FigureStatus) -> str:
    if status is FigureStatus.PUBLISHED and value is not None:
        return format_number(value)
    return status.symbol or DASH


def beyond_register(year: int) -> list[str]:
    """A line for an edition newer than the municipality register, else none.

    Such an edition's municipalities are those of the register's last year (as
    :func:`bosetting.register.register_year` looks them up); the line says so.
    """
    last = register_year(year)
    if last >= year:
        return []
    return [
        _(
            "The municipality register reaches only {last}, so the municipalities and their "
            "numbers are those of {last}; 'bosetting update' fetches a newer register "
            "(Statistics Norway’s KLASS 131) to see {year}.",
            last=last,
            year=year,
        )
    ]
