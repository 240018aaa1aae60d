"""What ``bosetting practice`` and ``bosetting workshop`` print: files written, copies made, the checklist."""

from __future__ import annotations

from collections.abc import Sequence
from typing import TYPE_CHECKING

from bosetting.i18n import _
from bosetting.model import Edition

if TYPE_CHECKING:
    from bosetting.practice import PracticeFiles
    from bosetting.workshop import CheckItem, Prepared

__all__ = ["render_checklist", "render_practice", "render_prepared"]


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


def render_prepared(done: Prepared) -> str:
    """What ``bosetting workshop`` prints about the working copies of the notebooks."""
    lines = [_("Working folder: {folder}", folder=done.folder)]
    if done.moved_to is not None:
        lines.append(_("The old copies are kept in {folder}.", folder=done.moved_to))
    if done.copied:
        lines.append(_("Fresh copies: {names}", names=", ".join(p.name for p in done.copied)))
    if done.kept:
        lines.append(
            _(
                "Kept as they were (bosetting workshop --reset gives fresh copies): {names}",
                names=", ".join(p.name for p in done.kept),
            )
        )
    return "\n".join(lines)


def render_checklist(items: Sequence[CheckItem]) -> str:
    """The pre-workshop checklist, one line per item, and a last line saying whether all is well."""
    lines = [str(i) for i in items]
    if all(i.ok for i in items):
        lines.append(_("Everything is in place for the workshop."))
    else:
        lines.append(_("Something is missing: see the lines marked MISSING."))
    return "\n".join(lines)
