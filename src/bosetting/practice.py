"""Practice data for workshops: seeded ballots and example jury sheets.

Everything here is made up from a seed and labelled :data:`PRACTICE_LABEL`
(``"ØVINGSDATA"``): each :class:`~bosetting.ballots.Ballot` and each
:class:`~bosetting.jury.JuryAssessment` carries the label, and every file written
has a ``label`` column with it. The same seed gives the same data on every run.

Files are written the way every bosetting writer writes
(:func:`bosetting.data.write_csv`): atomically, never over an existing file
unless ``force=True``, every cell quoted, and a cell beginning with ``=``, ``+``,
``-``, ``@``, a tab or a carriage return prefixed with ``'`` so a spreadsheet
shows it as text instead of running it. Sizes are capped
(:data:`MAX_PRACTICE_BALLOTS`, :data:`MAX_PRACTICE_JURORS`).

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

import os
import random
from collections.abc import Iterable, Sequence
from pathlib import Path
from typing import Any

from bosetting.data import check_writable, escape_controls, user_path, write_csv
from bosetting.errors import ArgumentError, LimitError, WriteError
from bosetting.i18n import N_, format_number
from bosetting.jury import JuryAssessment, Scale
from bosetting.model import Edition, JuryOnly, Municipality
from bosetting.register import nominees_of
from bosetting.voting import Ballot

__all__ = [
    "BALLOT_HEADER",
    "JURY_HEADER",
    "MAX_PRACTICE_BALLOTS",
    "MAX_PRACTICE_JURORS",
    "PRACTICE_CRITERIA",
    "PRACTICE_LABEL",
    "practice_ballots",
    "practice_jury",
    "practice_jury_records",
    "write_ballots_csv",
    "write_jury_csv",
    "write_practice",
]

#: The label every piece of practice data carries.
PRACTICE_LABEL = "ØVINGSDATA"

#: Criteria used on the example jury sheets (illustrative, not IMDi's wording).
PRACTICE_CRITERIA = ("bosetting", "kvalifisering", "samarbeid")

_SCALE = Scale()

_NOT_A_FOLDER = N_("is a file, not a folder; give a folder to write into")

#: The most practice ballots one call makes (a workshop needs a few thousand).
MAX_PRACTICE_BALLOTS = 1_000_000

#: The most jurors on an example jury sheet.
MAX_PRACTICE_JURORS = 100

#: The header of a ballot file bosetting writes.
BALLOT_HEADER = ("valg", "velger", "tidspunkt", "label")

#: The header of a jury sheet bosetting writes.
JURY_HEADER = ("jurymedlem", "kommune", "kriterium", "poeng", "label")


def _whole(value: object, name: str, *, low: int, high: int, cap: str | None = None) -> int:
    if isinstance(value, bool) or not isinstance(value, int):
        raise ArgumentError(N_("{name} is a whole number"), name=name, field=name, value=value)
    if value > high and cap is not None:
        raise LimitError(
            N_("{name} is at most {high} ({cap})"),
            name=name,
            high=format_number(high),
            cap=cap,
            field=name,
            value=value,
        )
    if not low <= value <= high:
        raise ArgumentError(
            N_("{name} is a whole number from {low} to {high}"),
            name=name,
            low=low,
            high=format_number(high),
            field=name,
            value=value,
        )
    return value


def _seed(seed: object) -> int:
    if isinstance(seed, bool) or not isinstance(seed, int):
        raise ArgumentError(
            N_("the seed is a whole number (so practice data is reproducible)"),
            field="seed",
            value=seed,
        )
    return seed


def _rate(value: object, name: str) -> float:
    if isinstance(value, bool) or not isinstance(value, int | float) or not 0 <= value <= 1:
        raise ArgumentError(N_("{name} is a share from 0 to 1"), name=name, field=name, value=value)
    return float(value)


def _noms(nominees: Edition | Iterable[Municipality]) -> tuple[Municipality, ...]:
    items = nominees_of(nominees)
    if not items:
        raise ArgumentError(N_("practice data needs at least one nominee"), field="nominees")
    return items


def _year(nominees: Edition | Iterable[Municipality]) -> int:
    return nominees.year if isinstance(nominees, Edition) else 2024


def practice_ballots(
    nominees: Edition | Iterable[Municipality],
    n: int = 1000,
    *,
    seed: int,
    blank_rate: float = 0.01,
    unknown_rate: float = 0.01,
    duplicate_rate: float = 0.02,
) -> tuple[Ballot, ...]:
    """Seeded practice ballots for the nominees, labelled practice data.

    Each nominee gets a hidden popularity drawn from the seed; choices are written
    as names (sometimes in lower case) or codes; a few ballots are blank, name no
    nominee (``"Atlantis"``), or repeat an earlier voter's id, so that every
    rejection reason shows up.

    Args:
        nominees: An edition or its nominees.
        n: How many ballots.
        seed: The seed (required, so practice data is always reproducible).
        blank_rate: Share of blank ballots.
        unknown_rate: Share of ballots naming no nominee.
        duplicate_rate: Share of ballots reusing an earlier voter id.
    """
    noms = _noms(nominees)
    n = _whole(n, "n", low=0, high=MAX_PRACTICE_BALLOTS, cap="MAX_PRACTICE_BALLOTS")
    rates = [_rate(r, k) for r, k in ((blank_rate, "blank_rate"), (unknown_rate, "unknown_rate"))]
    if sum(rates) > 1:
        raise ArgumentError(
            N_("blank_rate and unknown_rate add up to at most 1"),
            field="unknown_rate",
            value=unknown_rate,
        )
    duplicate_rate = _rate(duplicate_rate, "duplicate_rate")
    rng = random.Random(_seed(seed))
    popularity = [rng.gammavariate(2.0, 1.0) for _ in noms]
    year = _year(nominees)
    out: list[Ballot] = []
    for i in range(n):
        u = rng.random()
        if u < blank_rate:
            choice = ""
        elif u < blank_rate + unknown_rate:
            choice = "Atlantis"
        else:
            m = rng.choices(noms, weights=popularity)[0]
            style = rng.random()
            choice = m.code if style < 0.3 else (m.name.lower() if style < 0.4 else m.name)
        voter = f"v{i + 1:07d}"
        if i and rng.random() < duplicate_rate:
            voter = f"v{rng.randint(1, i):07d}"
        seconds = i * 37 % 86_400
        stamp = f"{year}-01-{1 + i % 28:02d}T{seconds // 3600:02d}:{seconds // 60 % 60:02d}:{seconds % 60:02d}"
        out.append(Ballot(choice, voter=voter, timestamp=stamp, row=i + 1, label=PRACTICE_LABEL))
    return tuple(out)


def practice_jury_records(
    nominees: Edition | Iterable[Municipality],
    *,
    seed: int,
    jurors: int = 5,
    criteria: Sequence[str] = PRACTICE_CRITERIA,
    scale: Scale = _SCALE,
) -> tuple[dict[str, Any], ...]:
    """Rows of an example jury sheet: every juror scores every nominee on every criterion.

    Scores are whole numbers on ``scale``, drawn around a per-nominee level from the seed.
    """
    noms = _noms(nominees)
    jurors = _whole(jurors, "jurors", low=1, high=MAX_PRACTICE_JURORS, cap="MAX_PRACTICE_JURORS")
    rng = random.Random(_seed(seed))
    lo, hi = int(scale.low), int(scale.high)
    rows: list[dict[str, Any]] = []
    level = {m: rng.uniform(lo, hi) for m in noms}
    for j in range(1, jurors + 1):
        for m in noms:
            for c in criteria:
                s = round(level[m] + rng.gauss(0, 1))
                rows.append(
                    {
                        "juror": f"jurymedlem {j}",
                        "nominee": m.name,
                        "code": m.code,
                        "criterion": c,
                        "score": min(hi, max(lo, s)),
                        "label": PRACTICE_LABEL,
                    }
                )
    return tuple(rows)


def practice_jury(
    nominees: Edition | Iterable[Municipality],
    *,
    seed: int,
    jurors: int = 5,
    scale: Scale = _SCALE,
) -> JuryAssessment:
    """An example jury assessment from :func:`practice_jury_records`, labelled practice data."""
    noms = _noms(nominees)
    records = practice_jury_records(noms, seed=seed, jurors=jurors, scale=scale)
    return JuryAssessment.from_records(
        [{**r, "nominee": r["code"]} for r in records], noms, scale=scale, label=PRACTICE_LABEL
    )


def _ballot_rows(ballots: Iterable[Ballot]) -> Iterable[list[str]]:
    for b in ballots:
        yield [b.choice, b.voter or "", b.timestamp or "", b.label or ""]


def _jury_rows(records: Iterable[dict[str, Any]]) -> Iterable[list[Any]]:
    for r in records:
        yield [r["juror"], r["nominee"], r["criterion"], r["score"], r.get("label", "")]


def write_ballots_csv(
    path: str | os.PathLike[str], ballots: Iterable[Ballot], *, force: bool = False
) -> Path:
    """Write ballots as a UTF-8 CSV file (``valg,velger,tidspunkt,label``).

    Args:
        path: The file to write.
        ballots: The ballots.
        force: Replace the file if it exists (otherwise :class:`WriteError`).

    Raises:
        WriteError: The file exists (without ``force``), is a folder or not a
            regular file, or its folder is missing or read-only.
    """
    return write_csv(path, BALLOT_HEADER, _ballot_rows(ballots), force=force)


def write_jury_csv(
    path: str | os.PathLike[str], records: Iterable[dict[str, Any]], *, force: bool = False
) -> Path:
    """Write jury sheet rows as a UTF-8 CSV file (``jurymedlem,kommune,kriterium,poeng,label``).

    Args:
        path: The file to write.
        records: Rows with ``juror``, ``nominee``, ``criterion``, ``score`` and
            optionally ``label`` (as :func:`practice_jury_records` makes them).
        force: Replace the file if it exists (otherwise :class:`WriteError`).

    Raises:
        WriteError: As :func:`write_ballots_csv`.
    """
    return write_csv(path, JURY_HEADER, _jury_rows(records), force=force)


def write_practice(
    nominees: Edition | Iterable[Municipality],
    out_dir: str | os.PathLike[str],
    *,
    seed: int,
    n: int = 1000,
    force: bool = False,
) -> tuple[Path, Path]:
    """Write ``ovingsdata-stemmer.csv`` and ``ovingsdata-jury.csv`` into ``out_dir``.

    Both files are checked before either is written, so a refusal leaves the
    folder as it was.

    Args:
        nominees: An edition or its nominees.
        out_dir: The folder (made if missing).
        seed: The seed.
        n: How many ballots (at most :data:`MAX_PRACTICE_BALLOTS`).
        force: Replace the files if they exist (otherwise :class:`WriteError`).

    Returns:
        The two paths (ballots, jury sheet).

    Raises:
        WriteError: The folder cannot be made or written, or a file exists
            (without ``force``).
    """
    if isinstance(nominees, Edition) and isinstance(nominees.rule, JuryOnly):
        raise ArgumentError(
            N_(
                "the {label} edition had no public vote (the jury alone chose the winner), "
                "so there are no ballots to practise on"
            ),
            label=nominees.label,
            field="edition",
            value=nominees.label,
        )
    folder = Path(user_path(out_dir, WriteError, what="folder"))
    shown = escape_controls(str(folder))
    if folder.exists() and not folder.is_dir():
        raise WriteError(_NOT_A_FOLDER, file=shown)
    ballots = practice_ballots(nominees, n, seed=seed)
    records = practice_jury_records(nominees, seed=seed)
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
            N_("cannot create the folder: {reason}"), reason=exc.strerror or str(exc), file=shown
        ) from None
    targets = (folder / "ovingsdata-stemmer.csv", folder / "ovingsdata-jury.csv")
    check_writable(targets, force=force)
    votes = write_ballots_csv(targets[0], ballots, force=force)
    jury = write_jury_csv(targets[1], records, force=force)
    return votes, jury
