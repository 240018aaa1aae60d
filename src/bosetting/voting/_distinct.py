"""Counting by distinct choice: resolve each distinct value once (pure Python, no I/O).

Every counting path (list, array, Series, file) first counts how often each
distinct value occurs, then resolves each distinct value once with the one
:class:`~bosetting.register.Resolver`. This module holds that shared step.
"""

from __future__ import annotations

from collections.abc import Iterable

from bosetting.model import RejectReason
from bosetting.register import Resolver
from bosetting.voting._ballots import choice_text

__all__ = ["REASONS", "resolve_code", "resolve_distinct"]

#: Every reject reason in a fixed order; a negative code ``-1 - i`` stands for ``REASONS[i]``.
REASONS: tuple[RejectReason, ...] = tuple(RejectReason)


def resolve_code(resolver: Resolver, value: object) -> int:
    """A value as one integer: the nominee's index (``>= 0``) or ``-1 - i`` for ``REASONS[i]``."""
    hit = resolver.resolve(choice_text(value))
    return -1 - REASONS.index(hit) if isinstance(hit, RejectReason) else hit


def resolve_distinct(
    resolver: Resolver, values: Iterable[object], counts: Iterable[int]
) -> tuple[list[int], dict[int, RejectReason], dict[RejectReason, int]]:
    """Votes per nominee from distinct values and how often each occurs.

    Returns:
        The votes per nominee; the positions (in ``values``) of the values that are
        rejected, with why; and how many ballots each reason rejects.

    Examples:
        >>> from bosetting.model import Municipality
        >>> r = Resolver([Municipality("4602", "Kinn", "Vestland", 2020)])
        >>> votes, bad, why = resolve_distinct(r, ["Kinn", "", "4602", None], [3, 1, 2, 4])
        >>> votes, bad, why[RejectReason.BLANK]
        ([5], {1: <RejectReason.BLANK: 'blank'>, 3: <RejectReason.BLANK: 'blank'>}, 5)
    """
    votes = [0] * len(resolver.nominees)
    bad: dict[int, RejectReason] = {}
    why: dict[RejectReason, int] = dict.fromkeys(REASONS, 0)
    for k, (value, n) in enumerate(zip(values, counts, strict=True)):
        if not n:
            continue
        hit = resolver.resolve(choice_text(value))
        if isinstance(hit, RejectReason):
            bad[k] = hit
            why[hit] += int(n)
        else:
            votes[hit] += int(n)
    return votes, bad, why
