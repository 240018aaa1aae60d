"""How long the workshop's core path takes, by the notebooks' own timing, against the guide's agenda.

A notebook's core path is every cell before its ``## Ekstra`` heading, and its
closing ``## Viktige poeng``. Its minutes are

* the words of its Markdown a participant reads (outside the collapsed hints and
  solutions and outside code blocks) at :data:`WORDS_PER_MINUTE`;
* :data:`MINUTES_PER_CELL` for each code cell run along the way (an exercise's own
  cell is inside the exercise's minutes);
* the minutes each core exercise states in its heading, ``### Oppgave 1 (kjerne, 3 min)``
  or ``(diskusjon, 5 min)``; an ``(ekstra, …)`` exercise is not on the core path.

The agenda is the table under ``## Program`` in ``notebooks/FASILITATOR.md``: each
row's time span, and the notebooks it names. ``tests/test_workshop_timing.py``
checks that every notebook fits its rows and the whole day fits three hours.

    python scripts/workshop_timing.py        # the table, in minutes
"""

from __future__ import annotations

import json
import re
import sys
from dataclasses import dataclass
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
NOTEBOOKS = ROOT / "notebooks"
GUIDE = NOTEBOOKS / "FASILITATOR.md"

#: Reading speed for instructional text with figures on a screen, in words per minute.
WORDS_PER_MINUTE = 150
#: Running a code cell and reading what it prints or draws, in minutes.
MINUTES_PER_CELL = 1.0
#: The workshop's length, in minutes.
DAY = 180

_EXERCISE = re.compile(r"^### Oppgave \d+ \((kjerne|diskusjon|ekstra), (\d+) min\)", re.M)
_DETAILS = re.compile(r"<details>.*?</details>", re.S)
_FENCE = re.compile(r"```.*?```", re.S)
_ROW = re.compile(r"^\| (\d+):(\d\d)–(\d+):(\d\d) \| (.*?) \| (.*?) \|$", re.M)


@dataclass
class Timing:
    """One notebook's core path."""

    name: str
    words: int
    cells: int
    exercises: int

    @property
    def minutes(self) -> float:
        return self.words / WORDS_PER_MINUTE + self.cells * MINUTES_PER_CELL + self.exercises


def _source(cell: dict[str, object]) -> str:
    src = cell["source"]
    return src if isinstance(src, str) else "".join(src)  # type: ignore[arg-type]


def timing(path: Path) -> Timing:
    """The core path of one notebook."""
    cells = json.loads(path.read_text(encoding="utf-8"))["cells"]
    words = code = exercise_minutes = 0
    extra = False
    for cell in cells:
        text = _source(cell)
        if cell["cell_type"] == "markdown":
            if text.startswith("## Ekstra"):
                extra = True
            if text.startswith("## Viktige poeng"):
                extra = False
            if extra:
                continue
            for kind, minutes in _EXERCISE.findall(text):
                exercise_minutes += int(minutes) if kind != "ekstra" else 0
            prose = _FENCE.sub(" ", _DETAILS.sub(" ", text))
            words += len(re.findall(r"\w+", prose))
        elif not extra and not text.startswith("# Oppgave"):
            code += 1
    return Timing(path.name, words, code, exercise_minutes)


@dataclass
class Slot:
    """One row of the guide's agenda."""

    start: int
    end: int
    what: str
    notebooks: tuple[str, ...]

    @property
    def minutes(self) -> int:
        return self.end - self.start


def agenda(guide: Path = GUIDE) -> list[Slot]:
    """The rows of the guide's programme table, in order."""
    text = guide.read_text(encoding="utf-8").split("## Program", 1)[1].split("\n## ", 1)[0]
    out = []
    for h1, m1, h2, m2, what, books in _ROW.findall(text):
        names = tuple(re.findall(r"`(\d\d_\w+\.ipynb)`", books))
        out.append(Slot(int(h1) * 60 + int(m1), int(h2) * 60 + int(m2), what, names))
    return out


def report() -> str:
    """The timing table: each notebook's core minutes against its slot, and the day."""
    slots = agenda()
    by_book = {b: s for s in slots for b in s.notebooks}
    lines = [
        f"{'notebook':<28} {'words':>5} {'cells':>5} {'exerc.':>6} {'minutes':>7} {'slot':>5}",
    ]
    for path in sorted(NOTEBOOKS.glob("[0-9][0-9]_*.ipynb")):
        t = timing(path)
        slot = by_book.get(path.name)
        shown = f"{slot.minutes}" if slot else "–"
        lines.append(
            f"{t.name:<28} {t.words:>5} {t.cells:>5} {t.exercises:>6} {t.minutes:>7.1f} {shown:>5}"
        )
    breaks = sum(s.minutes for s in slots if "Pause" in s.what)
    lines.append(
        f"agenda: {slots[0].start}–{slots[-1].end} min, {len(slots)} rows, breaks {breaks} min"
    )
    return "\n".join(lines)


if __name__ == "__main__":
    sys.stdout.write(report() + "\n")
