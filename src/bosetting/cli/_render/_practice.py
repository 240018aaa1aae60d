"""What ``bosetting practice`` prints: which files were written, for which edition."""

from __future__ import annotations

from typing import TYPE_CHECKING

from bosetting.i18n import _
from bosetting.model import Edition

if TYPE_CHECKING:
    from bosetting.practice import PracticeFiles

__all__ = ["render_practice"]


def render_practice(e: Edition, files: PracticeFiles) -> str:
    """The text ``bosetting practice`` prints for what was written, in the active language."""
    if files.blank:
        head = _(
            "Empty jury sheet (ØVINGSDATA) for {prize} {label}:", prize=e.prize_name, label=e.label
        )
    else:
        head = _(
            "Practice data (ØVINGSDATA, seed {seed}) for {prize} {label}:",
            seed=files.seed,
            prize=e.prize_name,
            label=e.label,
        )
    return f"{head}\n{files.describe()}"
