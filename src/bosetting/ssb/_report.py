"""What ``bosetting update`` did, one line per source, in the active language.

:class:`SourceReport` is one source's outcome (stored, with what it holds and
what was left out, or failed, with why); :class:`UpdateReport` all of them.
The command prints their lines (:mod:`bosetting.cli.cmd_update`).
"""

from __future__ import annotations

from collections.abc import Callable

import attrs

from bosetting.data import CachedSource, escape_controls
from bosetting.errors import BosettingError
from bosetting.i18n import N_, _, format_date, format_number, ngettext
from bosetting.model import checked

__all__ = [
    "INTRO_REPLACES",
    "KLASS_SOURCE",
    "NAMES",
    "SSB_SOURCE",
    "Progress",
    "SourceReport",
    "UpdateReport",
]

#: The cached source names.
KLASS_SOURCE = "klass-131"
SSB_SOURCE = "ssb-10824"
#: The columns that say which shipped intro-programme row a refreshed row replaces.
INTRO_REPLACES = ("area_type", "area_code", "status_year", "years_after", "sex", "method")
NAMES = {
    KLASS_SOURCE: N_("KLASS 131 (the municipality register)"),
    SSB_SOURCE: N_("SSB table 10824 (intro-programme outcomes)"),
}

Progress = Callable[[str], None]


@checked
@attrs.frozen
class SourceReport:
    """What became of one source.

    Attributes:
        source: The source's name (``"klass-131"``, ``"ssb-10824"``).
        stored: The source as stored, or ``None`` when it failed.
        error: Why it failed, or ``None``.
        queries: How many queries it took.
        counts: What it holds: ``rows``, ``areas`` (10824), ``codes``,
            ``changes`` (KLASS), and what was left out (``left_out``).
    """

    source: str
    stored: CachedSource | None = None
    error: BosettingError | None = None
    queries: int = 0
    counts: tuple[tuple[str, int], ...] = ()

    @property
    def ok(self) -> bool:
        """Whether the source was fetched and stored."""
        return self.error is None

    def count(self, what: str) -> int:
        """One of :attr:`counts` (0 when not counted)."""
        return dict(self.counts).get(what, 0)

    def __str__(self) -> str:
        name = _(NAMES[self.source])
        if self.error is not None or self.stored is None:
            return _(
                "{source}: not updated, the cache is as it was: {problem}",
                source=name,
                problem=str(self.error),
            )
        first, last = self.stored.years or (0, 0)
        c, f = self.count, format_number
        said = {
            "source": name,
            "first": first,
            "last": last,
            "when": format_date(self.stored.fetched.astimezone().date()),
            "queries": ngettext(
                "{n} query", "{n} queries", self.queries, n=format_number(self.queries)
            ),
            "folder": escape_controls(str(self.stored.folder.parent)),
        }
        if self.source == KLASS_SOURCE:
            line = _(
                "{source}: {codes} and {changes}, {first}–{last}, fetched {when} ({queries}); "
                "stored in {folder}",
                codes=ngettext(
                    "{n} municipality code", "{n} municipality codes", c("codes"), n=f(c("codes"))
                ),
                changes=ngettext("{n} change", "{n} changes", c("changes"), n=f(c("changes"))),
                **said,
            )
            left = ngettext(
                "({n} change with one side only, a code that started or ended, is left out.)",
                "({n} changes with one side only, codes that started or ended, are left out.)",
                c("left_out"),
                n=f(c("left_out")),
            )
        else:
            line = _(
                "{source}: {rows} for {areas}, status years {first}–{last}, fetched {when} "
                "({queries}); stored in {folder}",
                rows=ngettext("{n} row", "{n} rows", c("rows"), n=f(c("rows"))),
                areas=ngettext("{n} area", "{n} areas", c("areas"), n=f(c("areas"))),
                **said,
            )
            left = ngettext(
                "({n} region code of another kind (a næringsregion, a bydel or “unknown”) "
                "is not asked for.)",
                "({n} region codes of other kinds (næringsregioner, bydeler, “unknown”) "
                "are not asked for.)",
                c("left_out"),
                n=f(c("left_out")),
            )
        line = f"{line} {left}" if self.count("left_out") else line
        if self.count("out_of_force"):
            line += " " + ngettext(
                "({n} row comes under a code no longer in force in its status year; it is kept "
                "as published, with a note.)",
                "({n} rows come under a code no longer in force in their status year; they are "
                "kept as published, with a note.)",
                c("out_of_force"),
                n=f(c("out_of_force")),
            )
        if self.count("unknown"):
            line += " " + ngettext(
                "({n} code for an unknown municipality, 9999 Uoppgitt, is left out.)",
                "({n} codes for an unknown municipality, such as 9999 Uoppgitt, are left out.)",
                c("unknown"),
                n=f(c("unknown")),
            )
        return line


@checked
@attrs.frozen
class UpdateReport:
    """What ``bosetting update`` did: one report per source, KLASS first.

    Examples:
        >>> UpdateReport(()).ok
        True
    """

    sources: tuple[SourceReport, ...]

    @property
    def ok(self) -> bool:
        """Whether every source was fetched and stored."""
        return all(s.ok for s in self.sources)

    @property
    def failed(self) -> tuple[SourceReport, ...]:
        """The sources that failed (the cache holds what it held before for them)."""
        return tuple(s for s in self.sources if not s.ok)

    def __str__(self) -> str:
        return "\n".join(str(s) for s in self.sources)
