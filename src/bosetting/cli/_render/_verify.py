"""What ``bosetting verify`` prints when every shipped table passes its checks."""

from __future__ import annotations

from collections.abc import Mapping, Sequence

from bosetting.data import MANIFEST, FileCheck, HashCheck
from bosetting.i18n import _, format_number, ngettext

__all__ = ["render_verify"]

#: How much of a table's hash (``sha256:`` and the first hex digits) the listing shows.
_HASH_SHOWN = 23


def render_verify(
    checks: Sequence[HashCheck], rows: Mapping[str, int], files: Sequence[FileCheck] = ()
) -> str:
    """One line per table (its file, rows and hash), one for the list of every file, then the verdict.

    Args:
        checks: The hash checks :func:`bosetting.data.verify` returned (all passed).
        rows: The number of data rows of each table, by the resource's name.
        files: The checks of every file in the data folder against ``SHA256SUMS`` (all passed).

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
    if files:
        width = max(width, 26)
        count = ngettext(
            "{count} file", "{count} files", len(files), count=format_number(len(files)).rjust(6)
        )
        lines.append(f"{mark}  {MANIFEST.ljust(width)} {count}")
        lines.append(
            ngettext(
                "The file in the data folder matches {manifest} (SHA-256).",
                "All {n} files in the data folder match {manifest} (SHA-256), "
                "datapackage.json and the research notes included.",
                len(files),
                manifest=MANIFEST,
            )
        )
    lines.append(
        ngettext(
            "The table matches datapackage.json (SHA-256, schema, keys and source references).",
            "All {n} tables match datapackage.json (SHA-256, schema, keys and source references).",
            len(checks),
        )
    )
    return "\n".join(lines)
