"""``--lang en`` shows no bokmål sentence: every look-up command, on every edition and nominee.

Every text a person reads in the data is written in bokmål and in English
(:class:`bosetting.model.Text`); in English the command shows the English one. The
detector below strips what may stay Norwegian in English output (the names and
titles the tables hold: municipalities, counties, places, the prize's names, sources'
titles and publishers, initiatives' and partners' names; quoted text; URLs) and
then flags a line that still has

* a lower-case word with æ, ø or å (a name starts with a capital: "Sørensen"), or
* a common bokmål word that English never uses ("og", "ikke", "kommunen" ...).

The last tests plant bokmål where English belongs and show the detector catching it,
so the sweep cannot pass by looking at nothing.
"""

from __future__ import annotations

import re
from collections.abc import Iterator

import attrs
import pytest

import bosetting as bs
from bosetting import data
from bosetting.cli._render import render_edition
from bosetting.i18n import language
from bosetting.model import Text
from tests.helpers import run

#: Bokmål words that are not English words (so an English sentence never has them).
BOKMAAL_WORDS = frozenset(
    [
        "og", "ikke", "er", "det", "som", "på", "av", "ble", "blir", "har", "hadde", "fra",
        "eller", "ved", "etter", "også", "dette", "disse", "mellom", "ingen", "hvor", "hva",
        "når", "bare", "kun", "til", "med", "om", "sier", "står", "gjelder", "ifølge", "slik",
        "blant", "både", "enn", "seg", "sin", "sitt", "sine", "skal", "kan", "være", "vært",
        "kommunen", "kommunene", "kilden", "kildene", "juryen", "utgaven", "prisen",
        "vinneren", "nominert", "nominerte", "ukjent", "merknad", "tabellen", "tallet", "året",
    ]
)  # fmt: skip

_WORD = re.compile(r"[^\W\d_]+(?:-[^\W\d_]+)*")
_QUOTED = re.compile(r"“[^”]*”|«[^»]*»|\"[^\"]*\"")
_URL = re.compile(r"https?://\S+")

#: The columns that hold names and titles (shown as the sources wrote them, in any language).
NAME_COLUMNS = {
    "municipalities": ("name", "county_name"),
    "municipality_changes": ("old_name", "new_name"),
    "editions": ("place", "prize_name"),
    "nominations": ("name_as_written", "imdi_region"),
    "initiatives": ("name",),
    "prize_names": ("name_as_written",),
    "sources": ("publisher", "title"),
    "intro_outcomes": ("area_name",),
    "settlement": ("name",),
}


def names_and_titles() -> list[str]:
    """Every name and title in the tables, longest first (so a longer one is stripped whole)."""
    found = {
        str(row[column])
        for table, columns in NAME_COLUMNS.items()
        for row in data.read_rows(table)
        for column in columns
        if row[column]
    }
    # A partner written the same in both languages is a name ("Viken fylkeskommune").
    for row in data.read_rows("initiatives"):
        if row["partners"]:
            nb, en = row["partners"].split(";"), (row["partners_en"] or "").split(";")
            found.update(a for a, b in zip(nb, en, strict=False) if a == b)
    return sorted(found, key=len, reverse=True)


def bokmaal_lines(text: str, names: list[str]) -> list[str]:
    """The lines of ``text`` that still read as bokmål once names, titles and quotes are gone."""
    flagged = []
    for line in text.splitlines():
        rest = _URL.sub(" ", line)
        for name in names:
            rest = rest.replace(name, " ")
        rest = _QUOTED.sub(" ", rest)
        words = _WORD.findall(rest)
        if any(w[0].islower() and set(w) & set("æøå") for w in words) or BOKMAAL_WORDS & {
            w.casefold() for w in words
        }:
            flagged.append(line)
    return flagged


@pytest.fixture(scope="module")
def names() -> list[str]:
    return names_and_titles()


def _lookups() -> Iterator[list[str]]:
    """Every look-up command on every edition and every nominated municipality in the record."""
    yield ["history"]
    yield ["cite"]
    yield ["outcomes", "national"]
    nominated: dict[str, bs.Municipality] = {}
    for e in bs.editions():
        yield ["show", e.label]
        yield ["screen", "--edition", e.label, "--top", "3"]
        for n in e.nominations:
            yield ["check", n.municipality.code, "--edition", e.label]
            nominated.setdefault(n.municipality.code, n.municipality)
    for code, m in sorted(nominated.items()):
        year = min(max(m.valid_from, 2008), 2025)
        yield ["municipality", code, "--year", str(year)]
        yield ["record", m.name]
        yield ["outcomes", m.name]


def test_every_lookup_in_english_has_no_bokmaal_sentence(
    capsys: pytest.CaptureFixture[str], names: list[str]
) -> None:
    found: dict[str, list[str]] = {}
    ran = 0
    for argv in _lookups():
        status, out, err = run(capsys, "--lang", "en", *argv)
        assert status == 0, (argv, err)
        ran += 1
        bad = bokmaal_lines(out, names)
        if bad:
            found[" ".join(argv)] = bad[:3]
    assert ran > 250  # 16 editions, 75 nominations, their municipalities
    assert found == {}


def test_in_bokmaal_the_same_sweep_finds_bokmaal(
    capsys: pytest.CaptureFixture[str], names: list[str]
) -> None:
    """The detector is not blind: the bokmål output of the same commands is flagged."""
    for argv in (["show", "2018"], ["check", "Kinn", "--edition", "2022"], ["record", "Bodø"]):
        status, out, _ = run(capsys, "--lang", "nb", *argv)
        assert status == 0
        assert bokmaal_lines(out, names), argv


@pytest.mark.parametrize(
    "plant",
    ["edition note", "nomination note", "initiative summary", "no æøå", "one word"],
)
def test_a_planted_bokmaal_text_is_caught(plant: str, names: list[str]) -> None:
    """One English text replaced by its bokmål (or a made-up bokmål sentence): ``show`` is flagged."""
    e = bs.edition(2018)
    with language("en"):
        assert bokmaal_lines(render_edition(e), names) == []
    if plant == "edition note":
        assert e.note is not None
        e = attrs.evolve(e, note=Text(e.note.nb))  # no English: falls back to bokmål
    elif plant == "nomination note":
        n = next(n for n in e.nominations if n.note)
        assert n.note is not None
        planted = attrs.evolve(n, note=Text(n.note.nb, en=n.note.nb))
        e = attrs.evolve(e, nominations=[planted if x is n else x for x in e.nominations])
    elif plant == "initiative summary":
        n = next(n for n in e.nominations if n.initiatives)
        i = n.initiatives[0]
        planted = attrs.evolve(n, initiatives=(attrs.evolve(i, summary=Text(i.summary.nb)),))
        e = attrs.evolve(e, nominations=[planted if x is n else x for x in e.nominations])
    elif plant == "no æøå":  # caught by its function words
        e = attrs.evolve(e, note=Text("x", en="Kilden sier ikke om tallet er endelig."))
    else:  # one bokmål word left in an English sentence
        e = attrs.evolve(e, note=Text("x", en="The jury looks at the første cohort."))
    with language("en"):
        assert bokmaal_lines(render_edition(e), names)
