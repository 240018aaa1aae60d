"""What ``bosetting verify`` prints when every shipped table passes its checks."""

from __future__ import annotations

from collections.abc import Mapping, Sequence

from bosetting.data import HashCheck
from bosetting.i18n import _, format_number, ngettext

__all__ = ["render_verify"]

#: How much of a table's hash (``sha256:`` and the first hex digits) the listing shows.
_HASH_SHOWN = 23


def render_verify(checks: Sequence[HashCheck], rows: Mapping[str, int]) -> str:
    """One line per table (its file, rows and hash), then the verdict for them all.

    Args:
        checks: The hash checks :func:`bosetting.data.verify` returned (all passed).
        rows: The number of data rows of each table, by the resource's name.

    Examples:
        >>> from bosetting.i18n import language
        >>> check = HashCheck("sources", "sources.csv", "sha256:" + "ab" * 32, "sha256:" + "ab" * 32)
        >>> with language("nb"):
        ...     print(render_verify([check], {"sources": 75}))
        ok  sources.csv                    75 rader  sha256:abababababababab…
        Tabellen stemmer med datapackage.json (SHA-256, skjema, nøkler og kildehenvisninger).
    """
    width = max((len(c.path) for c in checks), default=0)
    lines = []
    for c in checks:
        n = rows[c.name]
        count = ngettext("{count} row", "{count} rows", n, count=format_number(n).rjust(6))
        # TRANSLATORS: the mark before a table whose hash and schema check passed.
        mark = _("ok")
        lines.append(f"{mark}  {c.path.ljust(max(width, 26))} {count}  {c.actual[:_HASH_SHOWN]}…")
    lines.append(
        ngettext(
            "The table matches datapackage.json (SHA-256, schema, keys and source references).",
            "All {n} tables match datapackage.json (SHA-256, schema, keys and source references).",
            len(checks),
        )
    )
    return "\n".join(lines)
