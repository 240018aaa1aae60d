"""Texts in the tables: a bokmål column and its translations beside it, read as :class:`~bosetting.model.Text`.

The row-to-record converter (``_records``) asks :func:`is_text` which fields hold
texts and reads a ``;``-joined list of them with :func:`paired`; :func:`row_text`
reads one text no record holds.
"""

from __future__ import annotations

import functools
import typing
from collections.abc import Mapping
from typing import Any

from bosetting.data._tables import Row, split_ids, translations
from bosetting.errors import DataError
from bosetting.i18n import N_, TEXT_LANGUAGE
from bosetting.model import Text, checked

__all__ = ["TEXTS", "is_text", "one_text", "paired", "row_text"]

#: A field holding a list of texts (an initiative's partners).
TEXTS = tuple[Text, ...]


@functools.lru_cache(maxsize=4096)
def one_text(nb: str, en: str | None = None, **others: str | None) -> Text:
    """One :class:`Text` from its cells, made once per distinct pair (a column repeats its notes).

    Languages the model has no field for yet (a ``note_nn`` column) are passed over.
    """
    return Text(nb, en=en)


def paired(cells: Mapping[str, str | None] | None) -> tuple[Text, ...]:
    """A list in bokmål and its translations (``;``-joined cells) as one :class:`Text` per part."""
    if cells is None:
        return ()
    parts = {lang: split_ids(cell) for lang, cell in cells.items()}
    nb = parts.pop(TEXT_LANGUAGE)
    for lang, other in parts.items():
        if other and len(other) != len(nb):
            raise DataError(
                N_("the translation ({language}) has {n} parts, the bokmål list {m}"),
                language=lang,
                n=len(other),
                m=len(nb),
            )
    return tuple(
        Text(part, **{lang: other[i] for lang, other in parts.items() if other})
        for i, part in enumerate(nb)
    )


@checked
def row_text(table: str, row: Row, column: str) -> Text | None:
    """The text in ``column`` of a row with its translations, or ``None`` where the cell is empty.

    For a text no record field holds (a criterion row's ``combination_nb``).

    Examples:
        >>> from bosetting.data import read_rows
        >>> row = read_rows("criteria")[0]
        >>> row_text("criteria", row, "combination_nb").en.startswith("No formal list")
        True
    """
    if row.get(column) is None:
        return None
    others = translations(table).get(column, {})
    return Text(row[column], **{lang: row[c] for lang, c in others.items()})


def is_text(kind: Any) -> bool:
    """Whether a field holds data texts: ``Text``, ``Text | None`` or ``tuple[Text, ...]``."""
    return kind is Text or kind == TEXTS or Text in typing.get_args(kind)
