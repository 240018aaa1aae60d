"""A municipality's record in one sentence, as the command and the site say it."""

from __future__ import annotations

from collections.abc import Sequence

from bosetting.i18n import _, ngettext
from bosetting.model import Municipality, Nomination, Outcome, checked

__all__ = ["record_summary"]


@checked
def record_summary(municipality: Municipality, nominations: Sequence[Nomination]) -> str:
    """Formal nominations and wins in one sentence, and the times named as a rival apart.

    Args:
        municipality: Whose record it is.
        nominations: Its record (:func:`~bosetting.history.record`).

    Examples:
        >>> from bosetting.history import record
        >>> from bosetting.register import latest
        >>> bodo = latest("Bodø")
        >>> record_summary(bodo, record(bodo))  # doctest: +ELLIPSIS
        'Bodø (1804): nominated 4 times, won 0 times. Also named 1 time as a rival, ...'
    """
    formal = sum(n.outcome.formal for n in nominations)
    wins = sum(n.outcome is Outcome.WINNER for n in nominations)
    rivals = len(nominations) - formal
    head = _(
        "{municipality}: {nominated}, {won}.",
        municipality=municipality,
        nominated=ngettext("nominated {n} time", "nominated {n} times", formal),
        won=ngettext("won {n} time", "won {n} times", wins),
    )
    if rivals:
        head += " " + ngettext(
            "Also named {n} time as a rival, without a confirmed nomination (not counted).",
            "Also named {n} times as a rival, without a confirmed nomination (not counted).",
            rivals,
        )
    return head
