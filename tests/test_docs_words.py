"""The site and the command say the same words for every outcome, status and decision rule.

The page generators in ``docs/gen`` are imported (they run their ``main`` only
under mkdocs-gen-files) and fed the same editions as ``bosetting show`` and
``bosetting history``: real ones, and real ones given every status, every rule
and every outcome. What a page writes in a cell or a paragraph is compared with
what the command writes for the same edition.
"""

from __future__ import annotations

import re
import sys
from collections.abc import Iterator
from pathlib import Path
from types import ModuleType

import attrs
import pytest

import bosetting as bs
from bosetting.cli._render import render_edition, render_history
from bosetting.i18n import language
from bosetting.model import RULES, DecisionRule, EditionStatus, Outcome, TopKThenJury

GEN = Path(__file__).resolve().parents[1] / "docs" / "gen"


@pytest.fixture(scope="module")
def pages() -> Iterator[ModuleType]:
    """``docs/gen/prize_pages.py`` as a module (its pages are not written)."""
    pytest.importorskip("mkdocs_gen_files")
    sys.path.insert(0, str(GEN))
    try:
        import prize_pages

        yield prize_pages
    finally:
        sys.path.remove(str(GEN))


def _fact(page: str, name: str) -> str:
    match = re.search(rf"^\| {re.escape(name)} \| (.*) \|$", page, re.MULTILINE)
    assert match, f"no row {name!r} on the page"
    return match.group(1)


def _nominee_cells(page: str) -> dict[str, str]:
    """Municipality code -> the outcome cell of the page's table of nominees."""
    table = page.split("## Nominerte", 1)[1].split("\n## ", 1)[0]
    cells = {}
    for line in table.splitlines()[4:]:
        if line.startswith("| "):
            parts = [p.strip() for p in line.strip("|").split(" | ")]
            cells[parts[1]] = parts[2]
    return cells


def _command_outcomes(text: str, e: bs.Edition) -> dict[str, str]:
    """Municipality code -> the outcome word ``bosetting show`` writes before it."""
    found = {}
    for n in e.nominations:
        line = next(x for x in text.splitlines() if f"  {n.municipality} " in x + " ")
        found[n.municipality.code] = line.split(f"  {n.municipality}")[0].strip()
    return found


def _every_outcome(e: bs.Edition) -> bs.Edition:
    outcomes = [Outcome.WINNER, Outcome.FINALIST, Outcome.NOMINEE, Outcome.CANDIDATE]
    noms = [
        attrs.evolve(n, outcome=outcomes[min(i, len(outcomes) - 1)])
        for i, n in enumerate(e.nominations)
    ]
    return attrs.evolve(e, nominations=noms)


def test_every_outcome_in_the_same_words(pages: ModuleType) -> None:
    e = _every_outcome(bs.edition(2022))
    assert {n.outcome for n in e.nominations} == set(Outcome)
    with language("nb"):
        page, shown = pages.edition_markdown(e), render_edition(e)
    on_page, in_command = _nominee_cells(page), _command_outcomes(shown, e)
    assert set(on_page) == set(in_command) == {n.municipality.code for n in e.nominations}
    for code, word in in_command.items():
        assert on_page[code] == word[:1].upper() + word[1:]
    assert "Nevnt som konkurrent" in on_page.values()  # the library's word, not "sterk kandidat"


@pytest.mark.parametrize("status", list(EditionStatus))
def test_every_status_in_the_same_words(pages: ModuleType, status: EditionStatus) -> None:
    e = attrs.evolve(bs.edition(2024), status=status)
    with language("nb"):
        page, shown = pages.edition_markdown(e), render_edition(e)
    said = re.match(rf"^{re.escape(e.prize_name)} {e.label} \((.*)\)$", shown.splitlines()[0])
    assert said, shown.splitlines()[0]
    assert _fact(page, "Status") == said.group(1)[:1].upper() + said.group(1)[1:]


@pytest.mark.parametrize("rule", [cls() for cls in RULES] + [TopKThenJury(2)], ids=repr)
def test_every_rule_described_in_the_same_words(pages: ModuleType, rule: DecisionRule) -> None:
    e = attrs.evolve(bs.edition(2022), rule=rule)
    with language("nb"):
        page, shown = pages.edition_markdown(e), render_edition(e)
    described = page.split("## Slik ble vinneren valgt\n\n", 1)[1].split("\n", 1)[0]
    assert f": {described}" in shown


def test_every_rule_named_in_the_same_words(pages: ModuleType) -> None:
    with language("nb"):
        overview, history = pages.overview_markdown(), render_history()
    rows = {}
    for line in overview.splitlines():
        match = re.match(r"^\| \[([^\]]+)\]\(.*\) \| .* \| ([^|]+) \|$", line)
        if match:
            rows[match.group(1)] = match.group(2).strip()
    eds = bs.editions()
    assert {type(e.rule) for e in eds} == set(RULES)
    for e in eds:
        line = next(x for x in history.splitlines() if x.startswith(f"{e.label} "))
        word = re.split(r"\s{2,}", line.strip())[-1]
        assert rows[e.label] == word[:1].upper() + word[1:]


def test_the_generators_keep_no_words_of_their_own() -> None:
    """No dictionary of bokmål words for what the library names (it asks the library)."""
    gone = ("OUTCOME_NB", "STATUS_NB", "MONTHS_NB", "NOMINEES_KNOWN_NB", "ROUTE_NB")
    gone += ("KIND_NB", "LANGUAGE_NB", "TABLE_NB", "FIELD_NB", "date_nb", "number_nb", "rule_nb")
    for path in GEN.glob("*.py"):
        text = path.read_text(encoding="utf-8")
        assert not [name for name in gone if name in text], path.name
        assert "type(" not in text.replace("type(err)", ""), path.name


def test_the_pages_mark_our_interpretation_and_assumed_criteria(pages: ModuleType) -> None:
    """The site says what the command says: "vår tolkning" and "Antatt", in the library's words."""
    with language("nb"):
        era_2021 = pages.criteria_markdown([bs.edition(2021)])
        later = pages.criteria_markdown([bs.edition(2024), bs.edition(2025)])
        page_2025 = pages.edition_markdown(bs.edition(2025))
        page_2024 = pages.edition_markdown(bs.edition(2024))
        page_2018 = pages.edition_markdown(bs.edition(2018))
        newest = pages.latest_looks_for("for-kommuner/hva-juryen-ser-etter.md")
        assumption = str(bs.edition(2025).criteria.assumption())
    assert era_2021.count("(vår tolkning)") == 5  # the four judgements and the 50 % rule
    assert assumption.startswith("Antatt: ")
    for page in (later, page_2025, newest):
        assert assumption in page
    assert "Antatt" not in page_2024
    assert "«integrerings- og bosetningsprisen 2018»" in page_2018
    assert "| Tatt imot av | ordfører Simen Nord" in page_2025
