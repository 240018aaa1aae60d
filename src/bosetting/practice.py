"""Practice data for workshops: seeded ballots and example jury sheets.

Everything here is made up from a seed and labelled :data:`PRACTICE_LABEL`
(``"ØVINGSDATA"``): each :class:`~bosetting.ballots.Ballot` and each
:class:`~bosetting.jury.JuryAssessment` carries the label, and every file written
has a ``label`` column with it. The same seed gives the same data on every run.

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

import csv
import os
import random
from collections.abc import Iterable, Sequence
from pathlib import Path
from typing import Any

from bosetting.errors import ArgumentError, WriteError
from bosetting.jury import JuryAssessment, Scale
from bosetting.model import Edition, Municipality
from bosetting.register import nominees_of
from bosetting.voting import Ballot

__all__ = [
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


def _noms(nominees: Edition | Iterable[Municipality]) -> tuple[Municipality, ...]:
    items = nominees_of(nominees)
    if not items:
        raise ArgumentError("practice data needs at least one nominee", field="nominees")
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
    if isinstance(n, bool) or not isinstance(n, int) or n < 0:
        raise ArgumentError("n is a whole number of at least 0", field="n", value=n)
    rng = random.Random(seed)
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
    rng = random.Random(seed)
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


def write_ballots_csv(path: str | os.PathLike[str], ballots: Iterable[Ballot]) -> Path:
    """Write ballots as a UTF-8 CSV file (``valg,velger,tidspunkt,label``)."""
    target = Path(path)
    with target.open("w", encoding="utf-8", newline="") as f:
        w = csv.writer(f)
        w.writerow(["valg", "velger", "tidspunkt", "label"])
        for b in ballots:
            w.writerow([b.choice, b.voter or "", b.timestamp or "", b.label or ""])
    return target


def write_jury_csv(path: str | os.PathLike[str], records: Iterable[dict[str, Any]]) -> Path:
    """Write jury sheet rows as a UTF-8 CSV file (``jurymedlem,kommune,kriterium,poeng,label``)."""
    target = Path(path)
    with target.open("w", encoding="utf-8", newline="") as f:
        w = csv.writer(f)
        w.writerow(["jurymedlem", "kommune", "kriterium", "poeng", "label"])
        for r in records:
            w.writerow([r["juror"], r["nominee"], r["criterion"], r["score"], r.get("label", "")])
    return target


def write_practice(
    nominees: Edition | Iterable[Municipality],
    out_dir: str | os.PathLike[str],
    *,
    seed: int,
    n: int = 1000,
) -> tuple[Path, Path]:
    """Write ``ovingsdata-stemmer.csv`` and ``ovingsdata-jury.csv`` into ``out_dir``.

    Returns:
        The two paths (ballots, jury sheet).
    """
    folder = Path(out_dir)
    try:
        folder.mkdir(parents=True, exist_ok=True)
    except OSError as exc:
        raise WriteError(
            f"cannot create the folder: {exc.strerror or exc}", file=str(folder)
        ) from exc
    votes = write_ballots_csv(
        folder / "ovingsdata-stemmer.csv", practice_ballots(nominees, n, seed=seed)
    )
    jury = write_jury_csv(
        folder / "ovingsdata-jury.csv", practice_jury_records(nominees, seed=seed)
    )
    return votes, jury
