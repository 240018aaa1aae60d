"""Practice data for workshops: seeded ballots, example jury sheets and empty ones to fill in.

Everything here is made up and labelled :data:`PRACTICE_LABEL`
(``"ØVINGSDATA"``): each :class:`~bosetting.voting.Ballot` and each
:class:`~bosetting.jury.JuryAssessment` carries the label, and every file written
has a ``merknad`` column with it (the readers take ``label`` too). The same seed gives the same data on every run.

What the data is made of follows the edition, as far as the record goes:

* a jury sheet scores the criteria of the edition's era (:func:`sheet_criteria`);
  where none are on record it has one overall score and says so;
* ballots are stamped inside the edition's public vote where the editions table
  records its dates, otherwise inside a stated made-up window (:func:`vote_window`);
* :func:`write_practice` refuses an edition without a public vote (the jury
  alone chose), and :func:`write_blank_jury` writes an empty sheet for any edition.

Files are written the way every bosetting writer writes
(:func:`bosetting.data.write_csv`): atomically, never over an existing file
unless ``force=True``, every cell quoted, and a cell beginning with ``=``, ``+``,
``-``, ``@``, a tab or a carriage return prefixed with ``'`` so a spreadsheet
shows it as text instead of running it. Sizes are capped
(:data:`MAX_PRACTICE_BALLOTS`, :data:`MAX_PRACTICE_JURORS`).

The package's engine: ``_window`` (the timestamp window), ``_sheets`` (ballots,
jury rows, criteria), ``_files`` (the files and what they hold).

Examples:
    >>> from bosetting.model import Municipality
    >>> noms = [Municipality("4602", "Kinn", "Vestland", 2020),
    ...         Municipality("1804", "Bodø", "Nordland", 1977)]
    >>> ballots = practice_ballots(noms, 5, seed=1)
    >>> {b.label for b in ballots}
    {'ØVINGSDATA'}
    >>> practice_ballots(noms, 5, seed=1) == ballots
    True
    >>> practice_jury(noms, seed=1).label
    'ØVINGSDATA'
"""

from __future__ import annotations

from bosetting.practice._files import (
    BALLOT_FILE,
    BALLOT_HEADER,
    BLANK_JURY_FILE,
    JURY_FILE,
    JURY_HEADER,
    PracticeFiles,
    write_ballots_csv,
    write_blank_jury,
    write_jury_csv,
    write_practice,
)
from bosetting.practice._sheets import (
    MAX_PRACTICE_BALLOTS,
    MAX_PRACTICE_JURORS,
    OVERALL_CRITERION,
    PRACTICE_LABEL,
    SheetCriteria,
    blank_jury_records,
    practice_ballots,
    practice_jury,
    practice_jury_records,
    sheet_criteria,
)
from bosetting.practice._window import SYNTHETIC_DAYS, VoteWindow, vote_window

__all__ = [
    "BALLOT_FILE",
    "BALLOT_HEADER",
    "BLANK_JURY_FILE",
    "JURY_FILE",
    "JURY_HEADER",
    "MAX_PRACTICE_BALLOTS",
    "MAX_PRACTICE_JURORS",
    "OVERALL_CRITERION",
    "PRACTICE_LABEL",
    "SYNTHETIC_DAYS",
    "PracticeFiles",
    "SheetCriteria",
    "VoteWindow",
    "blank_jury_records",
    "practice_ballots",
    "practice_jury",
    "practice_jury_records",
    "sheet_criteria",
    "vote_window",
    "write_ballots_csv",
    "write_blank_jury",
    "write_jury_csv",
    "write_practice",
]
