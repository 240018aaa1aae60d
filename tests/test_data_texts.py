"""Every text a person reads in the tables has its English beside it, declared in the schema.

A bokmål text field names its translation columns under ``x-translations``
(``{"en": "note_en"}``); the reader refuses a translation without its bokmål text, and
:class:`~bosetting.model.Text` fields are read from both. The shipped tables leave no
bokmål text without English, and no English text is the bokmål copied over.
"""

from __future__ import annotations

import csv
import io
import re
from collections.abc import Iterator
from pathlib import Path

import pytest

import bosetting as bs
from bosetting import data
from bosetting.data import _tables
from bosetting.errors import DataError
from bosetting.i18n import language
from bosetting.model import Initiative, Text

DATASETS = Path(__file__).resolve().parents[1] / "datasets"

#: Free-text columns a person reads. Names and titles (municipalities, places, the
#: prize's names, sources' titles, initiatives' own names) stay as the sources wrote them.
TEXT_COLUMNS = {
    "sources": {"note"},
    "municipality_changes": {"note"},
    "editions": {"event", "note", "presented_by", "received_by"},
    "nominations": {"note"},
    "initiatives": {"partners", "summary_nb"},
    "conflicts": {"value_a", "value_b", "resolution", "note"},
    "prize_names": {"note"},
    "criteria": {"combination_nb", "text_nb", "looks_for_nb", "note"},
    "intro_outcomes": {"note"},
    "settlement": {"note"},
}


def _english_cells() -> Iterator[tuple[str, int, str, str, str]]:
    """(table, row, column, bokmål, English) for every bokmål text cell of the shipped tables."""
    for table in data.resource_names():
        for column, others in data.translations(table).items():
            for number, row in enumerate(data.read_rows(table), start=1):
                if row[column] is not None:
                    yield table, number, column, row[column], row[others["en"]] or ""


def test_every_text_column_declares_its_english() -> None:
    declared = {t: set(data.translations(t)) for t in data.resource_names()}
    assert {t: c for t, c in declared.items() if c} == TEXT_COLUMNS
    for table in data.resource_names():
        fields = [f["name"] for f in data.resource(table)["schema"]["fields"]]
        targets = [o["en"] for o in data.translations(table).values()]
        # every English column is some bokmål column's translation, once
        assert sorted(targets) == sorted(f for f in fields if f.endswith("_en")), table
        for column, target in zip(data.translations(table), targets, strict=True):
            assert fields.index(target) == fields.index(column) + 1, (table, column)


def test_no_bokmaal_text_is_without_english() -> None:
    missing = [(t, n, c) for t, n, c, _, en in _english_cells() if not en]
    assert missing == []


def test_partners_are_paired_part_for_part() -> None:
    for row in data.read_rows("initiatives"):
        if row["partners"]:
            assert len(row["partners"].split(";")) == len(row["partners_en"].split(";"))


def test_no_english_sentence_is_the_bokmaal_copied() -> None:
    """A sentence (four words or more) is written anew in English, not copied across."""
    copied = [
        (t, n, c, nb)
        for t, n, c, nb, en in _english_cells()
        if len(nb.split()) >= 4 and en == nb and not nb.startswith("Langt format")
    ]
    assert copied == []


def test_english_texts_counted() -> None:
    """How many English texts the tables hold (the count the changelog gives)."""
    cells = list(_english_cells())
    distinct = {(t, c, nb) for t, _, c, nb, _ in cells}
    assert len(cells) == 2972
    assert len(distinct) == 606
    changelog = (DATASETS.parent / "CHANGELOG.md").read_text(encoding="utf-8")
    assert f"{len(cells)} English texts ({len(distinct)} distinct)" in changelog


# -- the reader ---------------------------------------------------------------------------


def _edit(path: Path, row: int, column: str, value: str) -> None:
    rows = list(csv.reader(io.StringIO(path.read_text(encoding="utf-8"), newline="")))
    rows[row][rows[0].index(column)] = value
    out = io.StringIO()
    csv.writer(out, lineterminator="\n").writerows(rows)
    path.write_text(out.getvalue(), encoding="utf-8")
    _tables._read.cache_clear()


def test_a_translation_without_its_bokmaal_is_refused(copy_of_datasets: Path) -> None:
    number = next(n for n, r in enumerate(data.read_rows("nominations"), 1) if not r["note"])
    _edit(copy_of_datasets / "nominations.csv", number, "note_en", "An orphan.")
    with language("en"), pytest.raises(DataError, match="translation without the bokmål") as info:
        data.read_rows("nominations")
    assert (info.value.file, info.value.row, info.value.field) == (
        "nominations.csv",
        number,
        "note_en",
    )


def test_partners_of_different_length_are_refused(copy_of_datasets: Path) -> None:
    number = next(n for n, r in enumerate(data.read_rows("initiatives"), 1) if r["partners"])
    _edit(copy_of_datasets / "initiatives.csv", number, "partners_en", "a;b;c;d;e;f")
    with language("en"), pytest.raises(DataError, match=r"\(en\) has 6 parts") as info:
        list(data.records("initiatives", Initiative, rename={"id": "initiative_id"}))
    assert (info.value.row, info.value.field) == (number, "partners")


def test_a_text_field_reads_both_columns() -> None:
    i = bs.edition(2023).nominations[3].initiatives[0]
    assert i.partners[0] == Text("nabokommuner", en="neighbouring municipalities")
    assert i.partners[1] == Text("Viken fylkeskommune", en="Viken fylkeskommune")
    assert re.match(r"Early mapping", i.summary.en or "")
