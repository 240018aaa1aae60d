r"""The workshop kit (*læringsverksted*): a jury exercise for a room, and the notebooks' checks.

What the teaching notebooks and the participants' handout ask of the library,
so that they hold no words, rules or figures of their own:

* the edition the exercises practise on, chosen from the data
  (:func:`exercise_edition`), its seeded practice vote (:func:`practice_vote`),
  and what a jury can read about each nominee (:func:`nominee_profiles`);
* a group's jury: each juror scores every nominee (:func:`group_jury`); the
  group shows every juror's scores, the spread and the group score, and says
  ties out loud (:class:`GroupJury`);
* the room: every group's sheet against the same vote, where the winner
  changes for each group (:func:`compare`, :class:`Room`; plotted by
  :func:`bosetting.plot.room`), from the sheets the groups saved
  (:func:`read_groups`) or, before they are in, made-up groups
  (:func:`example_groups`);
* the room's set-up: working copies of the notebooks and a pristine copy to go
  back to (:func:`prepare`), the pre-workshop checklist (:func:`checklist`) and
  JupyterLab's command line (:func:`lab_command`), which ``bosetting workshop`` runs;
* the notebooks' checkable exercises, each answer computed from the data
  (:func:`check`, :func:`expected`, :data:`EXERCISES`), and a what-if edition
  for the shipped figures' years (:func:`as_if`).

Everything a group or a practice vote makes is labelled ØVINGSDATA: it is not
IMDi's jury and not a real vote. The package's engine: ``_kit`` (the ground),
``_group`` (one group), ``_room`` (all groups), ``_check`` (the exercises),
``_setup`` (the room's set-up).

Examples:
    >>> import bosetting as bs
    >>> e = exercise_edition()
    >>> g = group_jury(e, {"Anne": "Tønsberg 6\nHarstad 4\nMolde 5\nNordre Follo 2\n"
    ...                            "Kristiansand 4\nUllensvang 3"})
    >>> room = compare([g], practice_vote(e, seed=3))
    >>> [(round(float(c.at), 3), c.after.name) for c in room.outcomes[0].result.changes]
    [(0.394, 'Molde'), (0.44, 'Ullensvang')]
"""

from __future__ import annotations

from bosetting.workshop._check import EXERCISES, Exercise, Feedback, check, expected
from bosetting.workshop._group import (
    GroupJury,
    NomineeSpread,
    example_groups,
    group_jury,
    read_groups,
)
from bosetting.workshop._kit import (
    NomineeProfile,
    as_if,
    exercise_edition,
    nominee_profiles,
    practice_vote,
)
from bosetting.workshop._room import GroupOutcome, Room, compare, share
from bosetting.workshop._setup import (
    NOTEBOOK_PATTERN,
    SETTINGS,
    WORK_FOLDER,
    CheckItem,
    Prepared,
    checklist,
    default_work_folder,
    lab_command,
    prepare,
)

__all__ = [
    "EXERCISES",
    "NOTEBOOK_PATTERN",
    "SETTINGS",
    "WORK_FOLDER",
    "CheckItem",
    "Exercise",
    "Feedback",
    "GroupJury",
    "GroupOutcome",
    "NomineeProfile",
    "NomineeSpread",
    "Prepared",
    "Room",
    "as_if",
    "check",
    "checklist",
    "compare",
    "default_work_folder",
    "example_groups",
    "exercise_edition",
    "expected",
    "group_jury",
    "lab_command",
    "nominee_profiles",
    "practice_vote",
    "prepare",
    "read_groups",
    "share",
]
