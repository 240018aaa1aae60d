"""Every group in the room against the same public vote: where the winner changes, group by group."""

from __future__ import annotations

from collections.abc import Iterable
from fractions import Fraction
from typing import TYPE_CHECKING

import attrs

from bosetting.decision import Interval, Sensitivity, sensitivity
from bosetting.errors import ArgumentError
from bosetting.i18n import N_, _, join_words, ngettext, text_table
from bosetting.model import Edition, Municipality, WeightedBlend, checked, number_argument
from bosetting.voting import Tally, order_by_score
from bosetting.workshop._group import GroupJury

if TYPE_CHECKING:
    import pandas as pd

__all__ = ["GroupOutcome", "Room", "compare"]

_SHARE = WeightedBlend()


@checked
def share(weight: Fraction | float) -> str:
    """A public weight as the workshop writes it: ``39,4 %``, ``50 %`` (a weight from 0 to 1)."""
    return _SHARE.weight_text(float(number_argument(weight, "weight", low=0, high=1)))


def _stretch(i: Interval) -> str:
    if i.start == i.end:
        return _("at {at}", at=share(i.start))
    return _("from {start} to {end}", start=share(i.start), end=share(i.end))


@attrs.frozen
class GroupOutcome:
    """One group's jury against the room's public vote, for every public weight.

    Attributes:
        group: The group.
        result: The exact winner for every weight in [0, 1]
            (:func:`bosetting.decision.sensitivity`).
    """

    group: GroupJury
    result: Sensitivity

    @property
    def name(self) -> str:
        """The group's name."""
        return self.group.name

    def winner_at(self, weight: float | Fraction) -> Municipality:
        """The winner at one public weight."""
        return self.result.winner_at(weight)

    def ties(self) -> list[str]:
        """Every tie that decides a winner, said in words (empty if there is none).

        A tie at the top with the jury alone (0 %) or the vote alone (100 %), a
        stretch of weights where two nominees' lines are the same, and a weight where
        three or more meet. Two lines crossing where the winner changes are not a tie
        to speak of: the change is the news.
        """
        out = []
        for end, scores in ((0, self.result.jury), (1, self.result.public)):
            ties = order_by_score(scores, N_("combined score"))[1]
            top = [t for t in ties if t.members[0] == self.winner_at(end)]
            if top:
                out.append(
                    _(
                        "Tie at {at}: {names} have the same score; bosetting puts {winner} "
                        "first by {rule}, but it is a tie.",
                        at=share(end),
                        names=join_words(m.name for m in top[0].members),
                        winner=top[0].members[0].name,
                        rule=_(top[0].broken_by),
                    )
                )
        for i in self.result.intervals:
            if i.tie is not None and i.start != i.end:
                out.append(
                    _(
                        "Tie {where}: {names} have the same combined score all the way; "
                        "bosetting puts {winner} first by {rule}, but it is a tie.",
                        where=_stretch(i),
                        names=join_words(m.name for m in i.tie.members),
                        winner=i.winner.name,
                        rule=_(i.tie.broken_by),
                    )
                )
        for c in self.result.changes:
            if c.tie is not None and len(c.tie.members) > 2 and c.at not in (0, 1):
                out.append(
                    _(
                        "Tie at {at}: {names} have the same combined score there.",
                        at=share(c.at),
                        names=join_words(m.name for m in c.tie.members),
                    )
                )
        return out

    def describe(self) -> str:
        """Who wins at which weights, in one sentence, and every tie out loud."""
        parts = []
        before: Interval | None = None
        for i in self.result.intervals:
            stretch = _stretch(i)
            if before is not None and before.start == before.end == i.start != i.end:
                stretch = _(
                    "from just above {start} to {end}", start=share(i.start), end=share(i.end)
                )
            parts.append(_("{winner} {stretch}", winner=i.winner.name, stretch=stretch))
            before = i
        if len(parts) == 1:
            lead = _(
                "{group}: {winner} wins at every weight, from {low} to {high}.",
                group=self.name,
                winner=self.result.intervals[0].winner.name,
                low=share(0),
                high=share(1),
            )
        else:
            lead = _("{group}: {parts}.", group=self.name, parts=join_words(parts))
        return "\n".join([lead, *self.ties()])


@attrs.frozen
class Room:
    """Every group's outcome against one public vote.

    Attributes:
        edition: The edition the groups scored.
        outcomes: One per group, in the order given.
        labels: The labels of the ballots (``ØVINGSDATA`` for practice votes).
    """

    edition: Edition
    outcomes: tuple[GroupOutcome, ...]
    labels: frozenset[str] = frozenset()

    def table(self) -> str:
        """One line per group: the winner with the jury alone, where it changes, with the vote alone."""
        heads = [
            _("Group"),
            _("Winner at {weight} (jury only)", weight=share(0)),
            _("The winner changes at"),
            _("Winner at {weight} (vote only)", weight=share(1)),
        ]
        rows = []
        for o in self.outcomes:
            changes = [share(c.at) for c in o.result.changes]
            rows.append(
                [
                    o.name,
                    o.winner_at(0).name,
                    join_words(changes) if changes else _("nowhere"),
                    o.winner_at(1).name,
                ]
            )
        lines = text_table(heads, rows, indent="")
        if self.labels:
            lead = ngettext(
                "{labels}: {n} group, edition {label}",
                "{labels}: {n} groups, edition {label}",
                len(self.outcomes),
                labels=", ".join(sorted(self.labels)),
                label=self.edition.label,
            )
            lines.insert(0, lead)
        return "\n".join(lines)

    def describe(self) -> str:
        """The table, then each group's stretches and ties in sentences."""
        return "\n".join([self.table(), "", *(o.describe() for o in self.outcomes)])

    def __str__(self) -> str:
        return self.describe()

    def to_frame(self) -> pd.DataFrame:
        """Each group's stretches of weight with one winner.

        The columns of :meth:`bosetting.decision.Sensitivity.to_frame`, with ``group`` in front.
        """
        import pandas as pd

        frames = []
        for o in self.outcomes:
            df = o.result.to_frame()
            df.insert(0, "group", pd.Series([o.name] * len(df), dtype="string"))
            frames.append(df)
        return pd.concat(frames, ignore_index=True)


@checked
def compare(groups: Iterable[GroupJury], tally: Tally) -> Room:
    """Every group's jury against the same public vote, for every weight (the facilitator's view).

    Raises:
        ArgumentError: no groups, or groups that scored different editions.
        DecisionError: the edition's rule gives the public vote no weight.

    Examples:
        >>> import bosetting as bs
        >>> from bosetting.workshop import example_groups, practice_vote
        >>> e = bs.edition(2023)
        >>> room = compare(example_groups(e, groups=2, seed=3), practice_vote(e, seed=3))
        >>> [o.winner_at(0).name for o in room.outcomes]
        ['Molde', 'Ullensvang']
    """
    given = tuple(groups)
    if not given:
        raise ArgumentError(N_("give at least one group"), field="groups", value=[])
    editions = {g.edition.label for g in given}
    if len(editions) > 1:
        raise ArgumentError(
            N_("the groups scored different editions: {labels}"),
            labels=join_words(sorted(editions)),
            field="groups",
        )
    edition = given[0].edition
    outcomes = tuple(GroupOutcome(g, sensitivity(tally, g.jury, rule=edition)) for g in given)
    return Room(edition, outcomes, frozenset(tally.labels))
