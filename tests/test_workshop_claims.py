"""The workshop states no more than the data: the rule, status and "assumed" marks of every edition.

Two readers, each shown failing on a planted claim:

* **The printed timelines** (notebook 1's list of how each winner was chosen, notebook 2's list of
  rules): every edition's line must carry its status and its rule in the library's words, with the
  mark (*antatt*, *omstridt*, *planlagt, ikke bekreftet*) wherever the sources do not bear the rule out.
* **The prose** (the notebooks' text, the facilitator's guide, the workshop pages and the pages for
  municipalities): a paragraph or list item that names a way of choosing the winner for editions
  whose rule is not stated by the sources, or whose outcome is unknown, must say so (a hedge such
  as *antatt*, *omstridt*, *planlagt* or *kildene sier ikke*). Editions are found by their labels and
  by ranges (*fra 2021*, *til og med 2016*, *2021–2023*).

And the guide's percentages for the notebooks are ones the notebooks print.
"""

from __future__ import annotations

import json
import re
from pathlib import Path
from typing import Any

import pytest

import bosetting as bs
from bosetting.model import EditionStatus

ROOT = Path(__file__).resolve().parents[1]
NOTEBOOKS = sorted((ROOT / "notebooks").glob("[0-9][0-9]_*.ipynb"))
GUIDE = ROOT / "notebooks" / "FASILITATOR.md"
PAGES = [
    GUIDE,
    *sorted((ROOT / "docs" / "verksted").glob("*.md")),
    *sorted((ROOT / "docs" / "for-kommuner").glob("*.md")),
    ROOT / "docs" / "index.md",
]

#: Words that name a way of choosing the winner.
RULE_WORDS = re.compile(
    r"juryen alene|flest stemmer|finalist|\bvei(?:d|e|es)\b(?:\s+\S+){0,5}?\s+sammen|"
    r"samlet vurdering|kåret etter|stemmene og juryen",
    re.IGNORECASE,
)
#: Words that say a claim is not settled.
HEDGES = re.compile(
    r"antatt|antar vi|vi antar|omstridt|uenige|planlagt|planen|ikke bekreft|bekrefter ikke|"
    r"utfallet[^.]{0,30}ukjent|kildene sier ikke|sier kildene ikke|ikke hvordan vinneren|vet vi ikke",
    re.IGNORECASE,
)
_LABEL = r"(20\d\d(?:/20\d\d)?)"


def _unsettled() -> dict[str, str]:
    """Editions whose rule or outcome the data does not settle, with why."""
    out = {}
    for e in bs.editions():
        if e.rule_basis.hedged:
            out[e.label] = e.rule_basis.label
        elif e.status is not EditionStatus.AWARDED:
            out[e.label] = e.status.label
    return out


def editions_named(text: str) -> set[str]:
    """The edition labels a piece of prose refers to, by label or by range."""
    eds = bs.editions()
    labels = {e.label for e in eds}
    found: set[str] = set()
    for first, last in re.findall(rf"{_LABEL}\s*[–-]\s*{_LABEL}", text):
        lo, hi = bs.edition(first).year, bs.edition(last).year
        found |= {e.label for e in eds if lo <= e.year <= hi}
    starts = rf"\b(?:fra|fom\.?|etter)\s+(?:og med\s+)?(?:utgaven\s+)?{_LABEL}"
    for year in re.findall(starts, text, flags=re.IGNORECASE):
        found |= {e.label for e in eds if e.year >= bs.edition(year).year}
    for year in re.findall(rf"\btil og med\s+(?:utgaven\s+)?{_LABEL}", text, flags=re.IGNORECASE):
        found |= {e.label for e in eds if e.year <= bs.edition(year).year}
    found |= {x for x in re.findall(rf"\b{_LABEL}\b", text) if x in labels}
    return found


def _paragraphs(markdown: str) -> list[str]:
    """Paragraphs and list items of a Markdown text, outside code blocks and tables."""
    text = re.sub(r"```.*?```", " ", markdown, flags=re.S)
    parts: list[str] = []
    for block in re.split(r"\n\s*\n", text):
        items = re.split(r"\n(?=\s*(?:[-*]|\d+\.)\s)", block)
        parts += [" ".join(i.split()) for i in items if not i.lstrip().startswith("|")]
    return [p for p in parts if p]


def overstatements(markdown: str) -> list[str]:
    """Paragraphs that name a way of choosing the winner for unsettled editions without a hedge."""
    unsettled = _unsettled()
    problems = []
    for para in _paragraphs(markdown):
        if not RULE_WORDS.search(para) or HEDGES.search(para):
            continue
        named = sorted(editions_named(para) & set(unsettled))
        if named:
            problems.append(f"{', '.join(named)}: «{para[:140]}»")
    return problems


def _markdown(path: Path) -> str:
    if path.suffix == ".ipynb":
        cells = json.loads(path.read_text(encoding="utf-8"))["cells"]
        return "\n\n".join("".join(c["source"]) for c in cells if c["cell_type"] == "markdown")
    return path.read_text(encoding="utf-8")


def _outputs(path: Path, containing: str) -> list[str]:
    """The printed lines of the code cells whose source contains ``containing``."""
    lines: list[str] = []
    for cell in json.loads(path.read_text(encoding="utf-8"))["cells"]:
        if cell["cell_type"] == "code" and containing in "".join(cell["source"]):
            for out in cell["outputs"]:
                lines += "".join(out.get("text", "")).splitlines()
    return lines


def timeline_problems(lines: list[str], *, with_status: bool) -> list[str]:
    """Editions whose printed line lacks their rule and its mark (and status) in the library's words."""
    problems = []
    for e in bs.editions():
        line = next((x for x in lines if x.startswith(f"{e.label} ")), None)
        if line is None:
            problems.append(f"{e.label}: no line")
            continue
        if e.rule.label not in line:
            problems.append(f"{e.label}: not «{e.rule.label}» in «{line}»")
        elif e.rule_basis.hedged and f"({e.rule_basis.mark})" not in line:
            problems.append(f"{e.label}: the mark «{e.rule_basis.mark}» is missing")
        if with_status and e.status.label not in line:
            problems.append(f"{e.label}: the status «{e.status.label}» is missing")
    return problems


# --- the printed timelines ----------------------------------------------------------------


def test_notebook_1_prints_each_rule_with_its_basis_and_status() -> None:
    lines = _outputs(ROOT / "notebooks" / "01_prisen.ipynb", "e.rule_label")
    assert not timeline_problems(lines, with_status=True)


def test_notebook_2_prints_each_rule_with_its_basis() -> None:
    lines = _outputs(ROOT / "notebooks" / "02_vinneren.ipynb", "e.rule_label")
    assert not timeline_problems(lines, with_status=False)


def test_a_timeline_that_drops_a_mark_fails() -> None:
    lines = _outputs(ROOT / "notebooks" / "01_prisen.ipynb", "e.rule_label")
    planted = [x.replace(" (antatt)", "") if x.startswith("2025 ") else x for x in lines]
    assert planted != lines
    assert timeline_problems(planted, with_status=True) == ["2025: the mark «antatt» is missing"]
    unknown = [x.replace("utfallet er ukjent", "delt ut") for x in lines]
    assert "2024: the status «utfallet er ukjent» is missing" in timeline_problems(
        unknown, with_status=True
    )


# --- the prose ------------------------------------------------------------------------------


@pytest.mark.parametrize("path", NOTEBOOKS + PAGES, ids=lambda p: p.name)
def test_the_prose_states_no_more_than_the_data(path: Path) -> None:
    assert not overstatements(_markdown(path)), "\n".join(overstatements(_markdown(path)))


@pytest.mark.parametrize(
    ("claim", "named"),
    [
        # the review's own examples of saying more than the data
        ("Fra 2021 veies publikumsavstemningen og juryens vurdering sammen.", "2024, 2025"),
        ("- **juryen alene** (til og med 2016): IMDi nominerer, og en jury velger.", "2008, 2010"),
        (
            "I 2018 og 2019/2020 gikk de tre med flest stemmer videre, og juryen valgte.",
            "2018, 2019/2020",
        ),
        ("Publikumsavstemning og jury veid sammen (2021–2025).", "2024, 2025"),
    ],
)
def test_a_planted_claim_is_caught(claim: str, named: str) -> None:
    found = overstatements(claim)
    assert len(found) == 1
    assert found[0].startswith(named)
    hedged = claim + " For noen av disse utgavene er regelen antatt."
    assert not overstatements(hedged)


def test_editions_are_found_by_label_and_range() -> None:
    assert editions_named("fra 2021") == {"2021", "2022", "2023", "2024", "2025"}
    assert editions_named("til og med 2009") == {"2008", "2009"}
    assert editions_named("2018 og 2019/2020") == {"2018", "2019/2020"}
    assert editions_named("2021–2023") == {"2021", "2022", "2023"}


# --- the guide's numbers ----------------------------------------------------------------------


def _printed(path: Path) -> str:
    text: list[Any] = []
    for cell in json.loads(path.read_text(encoding="utf-8"))["cells"]:
        for out in cell.get("outputs", []):
            text.append("".join(out.get("text", "")))
    return "\n".join(text)


def test_the_guides_percentages_are_printed_by_the_notebooks() -> None:
    printed = "\n".join(_printed(p) for p in NOTEBOOKS).replace("\xa0", " ")
    guide = GUIDE.read_text(encoding="utf-8")
    claimed = set(re.findall(r"(\d+,\d) prosent", guide))
    assert claimed, "the guide states no decimal percentage to check"
    assert not {c for c in claimed if f"{c} %" not in printed}
    assert "99,9 %" not in printed  # the check can fail: a number no notebook prints
