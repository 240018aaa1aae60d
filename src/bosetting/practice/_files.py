"""Practice files: ballots, a filled-in example jury sheet, an empty jury sheet for a workshop."""

from __future__ import annotations

import os
from collections.abc import Iterable, Iterator
from pathlib import Path
from typing import Any

import attrs

from bosetting.data import (
    check_writable,
    csv_bytes,
    escape_controls,
    os_reason,
    user_path,
    write_csv,
    write_user_files,
)
from bosetting.errors import ArgumentError, WriteError
from bosetting.i18n import N_, _, format_number, ngettext
from bosetting.jury import Scale
from bosetting.model import Edition, Municipality, checked
from bosetting.practice._sheets import (
    MAX_PRACTICE_JURORS,
    PRACTICE_LABEL,
    SheetCriteria,
    blank_jury_records,
    nominees_for_practice,
    practice_ballots,
    practice_jury_records,
    sheet_criteria,
    whole,
)
from bosetting.practice._window import VoteWindow, vote_window
from bosetting.voting import Ballot

__all__ = [
    "BALLOT_FILE",
    "BALLOT_HEADER",
    "BLANK_JURY_FILE",
    "JURY_FILE",
    "JURY_HEADER",
    "PracticeFiles",
    "write_ballots_csv",
    "write_blank_jury",
    "write_jury_csv",
    "write_practice",
]

#: The header of a ballot file bosetting writes.
BALLOT_HEADER = ("valg", "velger", "tidspunkt", "label")

#: The header of a jury sheet bosetting writes (``kriterietekst`` is for the reader;
#: :func:`~bosetting.jury.read_jury_sheet` does not need it).
JURY_HEADER = ("jurymedlem", "kommune", "kriterium", "kriterietekst", "poeng", "label")

#: The file names :func:`write_practice` and :func:`write_blank_jury` write into a folder.
BALLOT_FILE = "ovingsdata-stemmer.csv"
JURY_FILE = "ovingsdata-jury.csv"
BLANK_JURY_FILE = "ovingsdata-jurymal.csv"

_NOT_A_FOLDER = N_("is a file, not a folder; give a folder to write into")


def _ballot_rows(ballots: Iterable[Ballot]) -> Iterable[list[str]]:
    for b in ballots:
        yield [b.choice, b.voter or "", b.timestamp or "", b.label or ""]


def _jury_rows(records: Iterable[dict[str, Any]]) -> Iterable[list[Any]]:
    for r in records:
        score = r.get("score")
        yield [
            r["juror"],
            r["nominee"],
            r["criterion"],
            r.get("criterion_text") or "",
            "" if score is None else score,
            r.get("label") or "",
        ]


@checked(own=("path",))
def write_ballots_csv(
    path: str | os.PathLike[str],
    ballots: Iterable[Ballot],
    *,
    force: bool = False,
    excel: bool = False,
) -> Path:
    """Write ballots as a UTF-8 CSV file (``valg,velger,tidspunkt,label``).

    Args:
        path: The file to write.
        ballots: The ballots.
        force: Replace the file if it exists (otherwise :class:`WriteError`).
        excel: For a spreadsheet set up for the active language: a byte-order
            mark, and in bokmål ``;`` between cells (:func:`bosetting.data.csv_text`).

    Raises:
        WriteError: The file exists (without ``force``), is a folder or not a
            regular file, or its folder is missing or read-only.
    """
    return write_csv(path, BALLOT_HEADER, _ballot_rows(ballots), force=force, excel=excel)


@checked(own=("path",))
def write_jury_csv(
    path: str | os.PathLike[str],
    records: Iterable[dict[str, Any]],
    *,
    force: bool = False,
    excel: bool = False,
) -> Path:
    """Write jury sheet rows as a UTF-8 CSV file (the columns of :data:`JURY_HEADER`).

    Args:
        path: The file to write.
        records: Rows with ``juror``, ``nominee``, ``criterion``, ``score`` (``None``
            for an empty cell) and optionally ``criterion_text`` and ``label``
            (as :func:`practice_jury_records` and :func:`blank_jury_records` make them).
        force: Replace the file if it exists (otherwise :class:`WriteError`).
        excel: As in :func:`write_ballots_csv`.

    Raises:
        WriteError: As :func:`write_ballots_csv`.
    """
    return write_csv(path, JURY_HEADER, _jury_rows(records), force=force, excel=excel)


@checked
@attrs.frozen
class PracticeFiles:
    """What :func:`write_practice` or :func:`write_blank_jury` wrote, and what it is made of.

    It unpacks as ``votes, jury = write_practice(...)`` (``votes`` is ``None``
    for an empty sheet).

    Attributes:
        votes: The ballot file, or ``None`` (an empty jury sheet has no ballots).
        jury: The jury sheet.
        nominees: The nominees on both.
        criteria: The criteria the sheet scores, and where they come from.
        window: The days the ballots' timestamps fall on, and why (``None`` without ballots).
        seed: The seed (``None`` for an empty sheet: nothing in it is drawn).
        ballots: How many ballots.
        jurors: How many jurors the sheet has.
        scale: The score scale.
    """

    votes: Path | None
    jury: Path
    nominees: tuple[Municipality, ...]
    criteria: SheetCriteria
    window: VoteWindow | None
    seed: int | None
    ballots: int
    jurors: int
    scale: Scale = attrs.field(factory=Scale)

    def __iter__(self) -> Iterator[Path | None]:
        return iter((self.votes, self.jury))

    @property
    def blank(self) -> bool:
        """Whether the jury sheet is empty (a template to fill in)."""
        return self.seed is None

    def describe(self) -> str:
        """The files, the criteria and the timestamp window in words, in the active language."""
        lines: list[str] = []
        if self.votes is not None:
            lines.append(
                _(
                    "  ballots:    {path} ({count})",
                    path=escape_controls(str(self.votes)),
                    count=ngettext(
                        "{count} ballot",
                        "{count} ballots",
                        self.ballots,
                        count=format_number(self.ballots),
                    ),
                )
            )
        size = {
            "jurors": ngettext("{n} juror", "{n} jurors", self.jurors),
            "nominees": ngettext("{n} nominee", "{n} nominees", len(self.nominees)),
            "criteria": ngettext("{n} criterion", "{n} criteria", len(self.criteria)),
        }
        lines.append(
            _(
                "  jury sheet: {path} ({jurors}, {nominees}, {criteria})",
                path=escape_controls(str(self.jury)),
                **size,
            )
        )
        lines.append(self.criteria.describe())
        if self.window is not None:
            lines.append(self.window.describe())
        if self.blank:
            lines.append(
                _(
                    "The scores are empty: fill in a score on the scale {scale} in the poeng "
                    "column of every row, then give the sheet to bosetting decide (--jury).",
                    scale=str(self.scale),
                )
            )
            lines.append(
                _("The sheet is labelled {label}: it is not a real jury.", label=PRACTICE_LABEL)
            )
        else:
            lines.append(
                _(
                    "Everything in these files is made up and labelled {label}: they are not "
                    "real votes and not a real jury.",
                    label=PRACTICE_LABEL,
                )
            )
        return "\n".join(lines)


def _make_folder(folder: Path) -> None:
    shown = escape_controls(str(folder))
    try:
        folder.mkdir(parents=True, exist_ok=True)
    except FileExistsError:
        raise WriteError(_NOT_A_FOLDER, file=shown) from None
    except NotADirectoryError:
        raise WriteError(
            N_("cannot create the folder: a part of the path is a file, not a folder"), file=shown
        ) from None
    except PermissionError:
        raise WriteError(N_("cannot create the folder: no permission"), file=shown) from None
    except OSError as exc:
        raise WriteError(
            N_("cannot create the folder: {reason}"), reason=os_reason(exc), file=shown
        ) from None


def _folder(out_dir: str | os.PathLike[str]) -> Path:
    folder = Path(user_path(out_dir, WriteError, what="folder"))
    if folder.exists() and not folder.is_dir():
        raise WriteError(_NOT_A_FOLDER, file=escape_controls(str(folder)))
    return folder


@checked(own=("out_dir",))
def write_practice(
    nominees: Edition | Iterable[Municipality],
    out_dir: str | os.PathLike[str],
    *,
    seed: int,
    n: int = 1000,
    jurors: int = 5,
    force: bool = False,
    excel: bool = False,
) -> PracticeFiles:
    """Write ``ovingsdata-stemmer.csv`` and ``ovingsdata-jury.csv`` into ``out_dir``.

    The ballots' timestamps fall in :func:`vote_window`; the jury sheet scores
    the edition's own criteria (:func:`sheet_criteria`). The two files are
    written all or nothing (:func:`bosetting.data.write_user_files`): a refusal or a
    failure on either (a full disk, say) leaves the folder as it was.

    Args:
        nominees: An edition or its nominees.
        out_dir: The folder (made if missing).
        seed: The seed.
        n: How many ballots (at most :data:`MAX_PRACTICE_BALLOTS`).
        jurors: How many jurors on the sheet (at most :data:`MAX_PRACTICE_JURORS`).
        force: Replace the files if they exist (otherwise :class:`WriteError`).
        excel: Write for a spreadsheet set up for the active language (a byte-order
            mark, and in bokmål ``;``; :func:`write_ballots_csv`). The readers take both forms.

    Returns:
        The paths, the criteria and the timestamp window (it unpacks as
        ``votes, jury``; :meth:`PracticeFiles.describe` says it in words).

    Raises:
        ArgumentError: The edition had no public vote (its rule is the jury's
            alone): there are no ballots to practise on; :func:`write_blank_jury`
            makes a jury sheet for it.
        WriteError: The folder cannot be made or written, or a file exists
            (without ``force``).

    Examples:
        >>> import tempfile, bosetting as bs
        >>> files = write_practice(bs.edition(2022), tempfile.mkdtemp(), seed=1, n=10)
        >>> files.votes.name, files.jury.name, files.window.synthetic
        ('ovingsdata-stemmer.csv', 'ovingsdata-jury.csv', True)
        >>> files.criteria.ids == tuple(c.id for c in bs.edition(2022).criteria)
        True
    """
    if isinstance(nominees, Edition) and not nominees.rule.public_vote:
        raise ArgumentError(
            N_(
                "the {label} edition had no public vote (the jury alone chose the winner), "
                "so there are no ballots to practise on; an empty jury sheet "
                "(--blank, write_blank_jury) works for it"
            ),
            label=nominees.label,
            field="edition",
            value=nominees.label,
        )
    folder = _folder(out_dir)
    noms = nominees_for_practice(nominees)
    source = nominees if isinstance(nominees, Edition) else noms
    ballots = practice_ballots(source, n, seed=seed)
    records = practice_jury_records(source, seed=seed, jurors=jurors)
    _make_folder(folder)
    votes, jury = write_user_files(
        [
            (folder / BALLOT_FILE, csv_bytes(BALLOT_HEADER, _ballot_rows(ballots), excel=excel)),
            (folder / JURY_FILE, csv_bytes(JURY_HEADER, _jury_rows(records), excel=excel)),
        ],
        force=force,
    )
    return PracticeFiles(
        votes, jury, noms, sheet_criteria(source), vote_window(source), seed, len(ballots), jurors
    )


@checked(own=("out",))
def write_blank_jury(
    nominees: Edition | Iterable[Municipality],
    out: str | os.PathLike[str],
    *,
    jurors: int = 1,
    force: bool = False,
    excel: bool = False,
) -> PracticeFiles:
    """Write an empty jury sheet for a workshop: every juror × nominee × criterion, no scores.

    The sheet has the columns of :data:`JURY_HEADER`, the edition's own criteria
    (:func:`sheet_criteria`), an empty ``poeng`` cell in every row and the label
    ``ØVINGSDATA``. :func:`~bosetting.jury.read_jury_sheet` reads it once the
    scores are filled in; while they are empty it asks for them. Any edition
    with nominees will do, a jury-only one too.

    Args:
        nominees: An edition or its nominees.
        out: A folder (``ovingsdata-jurymal.csv`` is written into it, made if
            missing) or a file name ending in ``.csv``.
        jurors: How many jurors (or groups) get rows (at most :data:`MAX_PRACTICE_JURORS`).
        force: Replace the file if it exists (otherwise :class:`WriteError`).
        excel: Write for a spreadsheet set up for the active language (a byte-order
            mark, and in bokmål ``;``), so a double click opens the sheet in columns,
            ready to fill in.

    Returns:
        The path and the criteria (``votes``, ``window`` and ``seed`` are ``None``).

    Raises:
        WriteError: The folder cannot be made or written, or the file exists (without ``force``).

    Examples:
        >>> import tempfile, bosetting as bs
        >>> with bs.i18n.language("nb"):
        ...     files = write_blank_jury(bs.edition(2012), tempfile.mkdtemp())
        >>> print(files.jury.read_text(encoding="utf-8").splitlines()[1])
        "jurymedlem 1","Molde","2012-antall","Hvor mange flyktninger kommunen har tatt imot.","","ØVINGSDATA"
    """
    jurors = whole(jurors, "jurors", low=1, high=MAX_PRACTICE_JURORS, cap="MAX_PRACTICE_JURORS")
    name = user_path(out, WriteError, what="folder")
    if name.casefold().endswith(".csv"):
        target = Path(name)
        folder = _folder(target.parent)
    else:
        folder = _folder(name)
        target = folder / BLANK_JURY_FILE
    noms = nominees_for_practice(nominees)
    source = nominees if isinstance(nominees, Edition) else noms
    records = blank_jury_records(source, jurors=jurors)
    _make_folder(folder)
    check_writable([target], force=force)
    jury = write_jury_csv(target, records, force=force, excel=excel)
    return PracticeFiles(None, jury, noms, sheet_criteria(source), None, None, 0, jurors)
