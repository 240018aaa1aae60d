"""``bosetting cite [--format text|bibtex|cff|json|csv]``: how to cite the library and its data.

``text`` to read; ``bibtex`` (biblatex entries for the library, the data and the
primary sources); ``cff`` (Citation File Format, as ``CITATION.cff``); ``json``
(:func:`bosetting.citation.citation_data`: ``software``, ``data``,
``primary_sources``); ``csv`` every source the tables cite
(:func:`bosetting.frames.sources`).
"""

from __future__ import annotations

import argparse
from typing import Any

from bosetting.citation import citation_data, cite
from bosetting.cli._render import Table, add_format_options, emit
from bosetting.i18n import _

__all__ = ["register"]

FORMATS = ("text", "bibtex", "cff", "json", "csv")


def _sources() -> Table:
    from bosetting import frames

    return Table.from_frame(frames.sources())


def _run(args: argparse.Namespace) -> int:
    return emit(
        args,
        text=lambda: cite("text"),
        csv=_sources,
        json=citation_data,
        bibtex=lambda: cite("bibtex"),
        cff=lambda: cite("cff"),
    )


def register(subparsers: Any) -> None:
    """Add the ``cite`` subcommand."""
    p = subparsers.add_parser(
        "cite",
        help=_("how to cite bosetting, its data and the sources"),
        description=_(
            "How to cite the library, its data and the primary sources: as text, "
            "BibTeX or a CITATION.cff file."
        ),
    )
    add_format_options(p, FORMATS)
    p.set_defaults(run=_run)
