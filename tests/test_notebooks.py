"""The teaching notebooks' shape: what nbval cannot see.

``make nbval`` runs every notebook and compares each cell's output with the stored
one. These tests check what a workshop needs besides that: learning goals first and
key points last, solutions in a collapsed ``<details>`` block (not a hidden cell),
a sentence before every code cell, only the public API, practice data seeded and
labelled, outputs stored as PNG and free of paths, addresses and timings, and the
facilitator guide printed from the same text as the docs page.
"""

from __future__ import annotations

import json
import re
from pathlib import Path
from typing import Any

import pytest

ROOT = Path(__file__).resolve().parent.parent
NOTEBOOKS = sorted((ROOT / "notebooks").glob("0*.ipynb"))
IGNORE_TAG = "nbval-ignore-output"


def _load(path: Path) -> dict[str, Any]:
    return json.loads(path.read_text(encoding="utf-8"))


def _source(cell: dict[str, Any]) -> str:
    src = cell["source"]
    return src if isinstance(src, str) else "".join(src)


def _text(output: dict[str, Any]) -> str:
    if output["output_type"] == "stream":
        text = output["text"]
    else:
        text = output.get("data", {}).get("text/plain", "")
    return text if isinstance(text, str) else "".join(text)


def _code(nb: dict[str, Any]) -> list[dict[str, Any]]:
    return [c for c in nb["cells"] if c["cell_type"] == "code"]


@pytest.fixture(params=NOTEBOOKS, ids=[p.name for p in NOTEBOOKS])
def notebook(request: pytest.FixtureRequest) -> dict[str, Any]:
    return _load(request.param)


def test_five_notebooks_in_order() -> None:
    assert [p.name[:3] for p in NOTEBOOKS] == ["01_", "02_", "03_", "04_", "05_"]


def test_opens_with_learning_goals_and_ends_with_key_points(notebook: dict[str, Any]) -> None:
    cells = notebook["cells"]
    assert cells[0]["cell_type"] == "markdown"
    assert _source(cells[0]).startswith("# ")
    assert "## Læringsmål" in _source(cells[0])
    assert cells[-1]["cell_type"] == "markdown"
    assert _source(cells[-1]).startswith("## Viktige poeng")


def test_exercises_have_collapsed_solutions(notebook: dict[str, Any]) -> None:
    markdown = [_source(c) for c in notebook["cells"] if c["cell_type"] == "markdown"]
    exercises = [m for m in markdown if "**Oppgave 1." in m]
    assert exercises, "no exercises"
    solutions = sum(m.count("<details>") for m in markdown)
    assert solutions >= 2
    assert all(m.count("<details>") == m.count("</details>") for m in markdown)
    assert all(m.count("<details>") == m.count("<summary>Vis løsning</summary>") for m in markdown)


def test_no_hidden_cells(notebook: dict[str, Any]) -> None:
    for cell in notebook["cells"]:
        jupyter = cell.get("metadata", {}).get("jupyter", {})
        assert not jupyter.get("source_hidden")
        assert not jupyter.get("outputs_hidden")


def test_a_sentence_before_every_code_cell(notebook: dict[str, Any]) -> None:
    cells = notebook["cells"]
    for i, cell in enumerate(cells):
        if cell["cell_type"] == "code":
            assert i > 0
            assert cells[i - 1]["cell_type"] == "markdown", _source(cell)[:60]


def test_code_cells_are_short(notebook: dict[str, Any]) -> None:
    for cell in _code(notebook):
        assert len(_source(cell).splitlines()) <= 30, _source(cell)[:60]


def test_only_the_public_api(notebook: dict[str, Any]) -> None:
    private = re.compile(r"\bbosetting(\.\w+)*\._(?!_)|\bbs(\.\w+)*\._(?!_)")
    for cell in _code(notebook):
        src = _source(cell)
        assert not private.search(src), src[:60]
        for module in re.findall(r"^from (bosetting[\w.]*) import", src, flags=re.M):
            assert module in {"bosetting.practice", "bosetting.jury"}, module


def test_outputs_are_stored_without_errors(notebook: dict[str, Any]) -> None:
    for cell in _code(notebook):
        if _source(cell).strip().startswith("# Skriv svaret ditt her"):
            continue
        assert cell["execution_count"] is not None, _source(cell)[:60]
        assert all(o["output_type"] != "error" for o in cell["outputs"])


def test_plots_are_png_and_text_is_clean(notebook: dict[str, Any]) -> None:
    volatile = re.compile(
        r"0x[0-9a-fA-F]{6,}|/work/|/tmp/|/home/|site-packages|Wall time|CPU times|dtype:"
    )
    pictures = 0
    for cell in _code(notebook):
        for output in cell["outputs"]:
            data = output.get("data", {})
            assert "image/svg+xml" not in data
            pictures += "image/png" in data
            if output.get("name") == "stderr":
                pytest.fail(f"stderr stored: {_text(output)[:80]}")
            assert not volatile.search(_text(output)), _text(output)[:80]
    assert pictures >= 1


def test_practice_data_is_seeded_and_labelled(notebook: dict[str, Any]) -> None:
    code = "\n".join(_source(c) for c in _code(notebook))
    calls = re.findall(r"practice_(?:ballots|jury)\(([^)]*)\)", code)
    for args in calls:
        assert "seed=" in args, args
    if "bosetting.practice" in code:
        printed = "".join(_text(o) for c in _code(notebook) for o in c["outputs"])
        assert "ØVINGSDATA" in printed


def test_ignore_tags_are_rare(notebook: dict[str, Any]) -> None:
    tagged = [c for c in _code(notebook) if IGNORE_TAG in c.get("metadata", {}).get("tags", [])]
    assert len(tagged) <= 1
    for cell in notebook["cells"]:
        assert set(cell.get("metadata", {}).get("tags", [])) <= {IGNORE_TAG}


def test_no_timing_metadata(notebook: dict[str, Any]) -> None:
    # `make notebooks` runs nbconvert with record_timing=False, so re-running leaves no noise
    for cell in notebook["cells"]:
        assert "execution" not in cell.get("metadata", {})


def test_kernel_is_python3(notebook: dict[str, Any]) -> None:
    assert notebook["metadata"]["kernelspec"]["name"] == "python3"


def test_facilitator_guide_is_one_text() -> None:
    docs = ROOT / "docs" / "verksted" / "fasilitatorveiledning.md"
    printable = ROOT / "notebooks" / "FASILITATOR.md"
    assert printable.read_text(encoding="utf-8") == docs.read_text(encoding="utf-8")
    text = docs.read_text(encoding="utf-8")
    for heading in ("Læringsmål", "Program", "Notatbok 1", "Notatbok 5", "Diskusjonsspørsmål"):
        assert heading in text
    for nb in NOTEBOOKS:
        assert nb.name in text
