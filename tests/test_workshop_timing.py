"""The workshop fits its three hours: each notebook's core path fits its rows of the guide's agenda.

The timing is ``scripts/workshop_timing.py``'s (the notebooks' own words, cells and stated
exercise minutes); the agenda is the table in ``notebooks/FASILITATOR.md``.
"""

from __future__ import annotations

import importlib.util
import itertools
import json
import re
import sys
from pathlib import Path
from types import ModuleType

import pytest

ROOT = Path(__file__).resolve().parents[1]


@pytest.fixture(scope="module")
def timing() -> ModuleType:
    spec = importlib.util.spec_from_file_location(
        "workshop_timing", ROOT / "scripts" / "workshop_timing.py"
    )
    assert spec is not None
    assert spec.loader is not None
    module = importlib.util.module_from_spec(spec)
    sys.modules["workshop_timing"] = module
    spec.loader.exec_module(module)
    return module


def _slots(timing: ModuleType) -> dict[str, int]:
    minutes: dict[str, int] = {}
    for slot in timing.agenda():
        for book in slot.notebooks:
            minutes[book] = minutes.get(book, 0) + slot.minutes
    return minutes


def test_the_agenda_is_three_hours_without_gaps_and_with_breaks(timing: ModuleType) -> None:
    slots = timing.agenda()
    assert slots[0].start == 0
    assert slots[-1].end == timing.DAY
    assert all(a.end == b.start for a, b in itertools.pairwise(slots))
    assert sum(s.minutes for s in slots if "Pause" in s.what) >= 15


def test_every_notebook_has_a_slot_and_fits_it(timing: ModuleType) -> None:
    slots = _slots(timing)
    books = sorted(p.name for p in (ROOT / "notebooks").glob("[0-9][0-9]_*.ipynb"))
    assert sorted(slots) == books
    for book in books:
        minutes = timing.timing(ROOT / "notebooks" / book).minutes
        assert minutes <= slots[book], f"{book}: {minutes:.1f} min in a {slots[book]} min slot"


def test_a_longer_core_path_would_not_fit(timing: ModuleType, tmp_path: Path) -> None:
    """The check can fail: one more core exercise of ten minutes does not fit notebook 1's slot."""
    book = ROOT / "notebooks" / "01_prisen.ipynb"
    nb = json.loads(book.read_text(encoding="utf-8"))
    extra = next(
        i for i, c in enumerate(nb["cells"]) if "".join(c["source"]).startswith("## Ekstra")
    )
    nb["cells"].insert(extra, {"cell_type": "markdown", "metadata": {},
                            "source": "### Oppgave 9 (kjerne, 10 min)\n\nMer å gjøre."})  # fmt: skip
    longer = tmp_path / book.name
    longer.write_text(json.dumps(nb), encoding="utf-8")
    assert timing.timing(longer).minutes > _slots(timing)[book.name]
    assert timing.timing(longer).exercises == timing.timing(book).exercises + 10


def test_extra_exercises_are_off_the_core_path(timing: ModuleType) -> None:
    t = timing.timing(ROOT / "notebooks" / "03_juryen.ipynb")
    assert t.exercises == 12 + 5 + 5  # the jury sheet, the vote leader, the discussion


def test_each_notebook_states_its_slot_and_its_extra_minutes(timing: ModuleType) -> None:
    """The 'Tid:' line a participant reads is the agenda's slot, and the extra minutes are the sum of its extras."""
    stated = re.compile(r"\*\*Tid:\*\* (\d+) minutter(?:[^\n]*?(\d+) minutter til)?")
    extra = re.compile(r"^### Oppgave \d+ \(ekstra, (\d+) min\)", re.M)
    slots = _slots(timing)
    for book in sorted((ROOT / "notebooks").glob("[0-9][0-9]_*.ipynb")):
        text = "\n".join(
            "".join(c["source"]) for c in json.loads(book.read_text(encoding="utf-8"))["cells"]
        )
        found = stated.search(text)
        assert found, f"{book.name}: no '**Tid:** N minutter'"
        assert int(found.group(1)) == slots[book.name], book.name
        extras = sum(int(m) for m in extra.findall(text))
        assert int(found.group(2) or 0) == extras, f"{book.name}: extras {extras} min"
