"""The teaching notebooks' shape: what nbval cannot see.

``make nbval`` runs every notebook and compares each cell's output with the stored
one. These tests check what a workshop needs besides that: learning goals and the
time first and key points last; every exercise with its kind and minutes, a hint
before its solution and an expected answer (for a checked exercise the library's
own, :func:`bosetting.workshop.expected`); discussion answers in a text cell;
exercise cells that stand on their own; plotting code hidden and nothing else;
a sentence before every code cell, only the public API, practice data seeded and
labelled, outputs stored as PNG and free of paths, addresses and timings, and the
facilitator guide printed from the same text as the docs page.
"""

from __future__ import annotations

import ast
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


def test_six_notebooks_in_order() -> None:
    assert [p.name[:3] for p in NOTEBOOKS] == ["01_", "02_", "03_", "04_", "05_", "06_"]


def test_opens_with_learning_goals_and_time_and_ends_with_key_points(
    notebook: dict[str, Any],
) -> None:
    cells = notebook["cells"]
    assert cells[0]["cell_type"] == "markdown"
    first = _source(cells[0])
    assert re.match(r"# \d\. ", first), first[
        :40
    ]  # "# 1. Prisen ...": a full stop after the number
    assert "## Læringsmål" in first
    assert re.search(r"^\*\*Tid:\*\* \d+ minutter", first, re.M)
    assert cells[-1]["cell_type"] == "markdown"
    assert _source(cells[-1]).startswith("## Viktige poeng") or "\n## Viktige poeng" in _source(
        cells[-1]
    )


EXERCISE = re.compile(r"^### Oppgave (\d+) \((kjerne|ekstra|diskusjon), (\d+) min\)$", re.M)


def _exercises(notebook: dict[str, Any]) -> list[tuple[int, str, str]]:
    """(cell index, kind, markdown) of every exercise."""
    out = []
    for i, cell in enumerate(notebook["cells"]):
        if cell["cell_type"] == "markdown":
            for m in EXERCISE.finditer(_source(cell)):
                out.append((i, m.group(2), _source(cell)))
    return out


def test_every_exercise_has_kind_minutes_a_hint_first_and_an_expected_answer(
    notebook: dict[str, Any],
) -> None:
    exercises = _exercises(notebook)
    if notebook["metadata"]["title"].startswith("6."):
        assert not exercises  # the facilitator's notebook has none
        return
    assert {k for _, k, _ in exercises} >= {"kjerne", "diskusjon"}
    numbers = [int(m) for _, _, text in exercises for m in EXERCISE.findall(text)[:1][0][:1]]
    assert numbers == list(range(1, len(numbers) + 1))
    for _, kind, text in exercises:
        assert text.count("<details>") == text.count("</details>") == 2, text[:60]
        hint = text.index("<summary>Vis hint</summary>")
        answer = "Vis mulige svar" if kind == "diskusjon" else "Vis løsning"
        assert hint < text.index(f"<summary>{answer}</summary>"), text[:60]
        solution = text.split(f"<summary>{answer}</summary>", 1)[1]
        if kind == "diskusjon":
            assert "Det finnes ikke ett riktig svar" in solution
        else:
            assert "Forventet svar" in solution, text[:60]


def test_a_discussion_is_answered_in_a_text_cell(notebook: dict[str, Any]) -> None:
    cells = notebook["cells"]
    for i, kind, _ in _exercises(notebook):
        if kind == "diskusjon":
            after = cells[i + 1]
            assert after["cell_type"] == "markdown"
            assert _source(after).startswith("**Svaret vårt:**")


def test_checked_exercises_state_the_librarys_expected_answer(notebook: dict[str, Any]) -> None:
    from bosetting.workshop import EXERCISES, expected

    cells = notebook["cells"]
    for i, cell in enumerate(cells):
        if cell["cell_type"] != "code":
            continue
        for number in re.findall(r'sjekk\("(\d\.\d)"', _source(cell)):
            assert number in EXERCISES
            before = _source(cells[i - 1])
            assert EXERCISE.search(before), f"no exercise above the check of {number}"
            if number != "3.2":
                assert f"Forventet svar: **{expected(number)}**" in before, number


def _names(tree: ast.AST) -> tuple[set[str], set[str]]:
    """Names a piece of code binds and names it reads before (or without) binding them."""
    bound: set[str] = set()
    read: set[str] = set()
    for node in ast.walk(tree):
        if isinstance(node, ast.Name):
            (bound if isinstance(node.ctx, ast.Store) else read).add(node.id)
        elif isinstance(node, ast.alias):
            bound.add((node.asname or node.name).split(".")[0])
        elif isinstance(node, ast.arg):
            bound.add(node.arg)
    return bound, read


#: Names an exercise cell may take from cells above it: the set-up cell's, and in notebook 3 the
#: group's own jury sheet (the exercise "Stem i salen" adds the room's votes to it).
SHARED = {"03_juryen.ipynb": {"gruppe"}}


@pytest.mark.parametrize("path", NOTEBOOKS, ids=[p.name for p in NOTEBOOKS])
def test_exercise_cells_stand_on_their_own(path: Path) -> None:
    """An exercise cell uses only what the set-up cell made (no hidden state from other cells)."""
    import builtins

    nb = _load(path)
    cells = nb["cells"]
    setup = next(i for i, c in enumerate(cells) if _source(c).startswith("## Forberedelser"))
    allowed = set(dir(builtins)) | SHARED.get(path.name, set())
    allowed |= _names(ast.parse(_source(cells[setup + 1])))[0]
    for cell in _code(nb):
        src = _source(cell)
        if not src.startswith("# Oppgave"):
            continue
        bound, read = _names(ast.parse(src))
        assert read <= bound | allowed, (path.name, src[:20], read - bound - allowed)


def test_plotting_code_is_hidden_and_nothing_else(notebook: dict[str, Any]) -> None:
    for cell in notebook["cells"]:
        jupyter = cell.get("metadata", {}).get("jupyter", {})
        assert not jupyter.get("outputs_hidden")
        draws = cell["cell_type"] == "code" and "plt.show()" in _source(cell)
        assert bool(jupyter.get("source_hidden")) is draws, _source(cell)[:60]


def test_a_sentence_before_every_code_cell(notebook: dict[str, Any]) -> None:
    cells = notebook["cells"]
    for i, cell in enumerate(cells):
        if cell["cell_type"] == "code":
            assert i > 0
            assert cells[i - 1]["cell_type"] == "markdown", _source(cell)[:60]


def _code_lines(src: str) -> int:
    """Lines of code, not counting the inside of a text typed over several lines (a juror's scores)."""
    import io
    import tokenize

    inside = 0
    for tok in tokenize.generate_tokens(io.StringIO(src).readline):
        if tok.type == tokenize.STRING and tok.end[0] > tok.start[0]:
            inside += tok.end[0] - tok.start[0] - 1
    return len(src.splitlines()) - inside


def test_code_cells_are_short(notebook: dict[str, Any]) -> None:
    for cell in _code(notebook):
        assert _code_lines(_source(cell)) <= 30, _source(cell)[:60]


def test_only_the_public_api(notebook: dict[str, Any]) -> None:
    private = re.compile(r"\bbosetting(\.\w+)*\._(?!_)|\bbs(\.\w+)*\._(?!_)")
    for cell in _code(notebook):
        src = _source(cell)
        assert not private.search(src), src[:60]
        for module in re.findall(r"^from (bosetting[\w.]*) import", src, flags=re.M):
            assert module in {"bosetting.practice", "bosetting.jury", "bosetting.workshop"}, module


def test_outputs_are_stored_without_errors(notebook: dict[str, Any]) -> None:
    for cell in _code(notebook):
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
