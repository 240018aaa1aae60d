"""The jury's assessment: a scoring sheet of juror × nominee × criterion scores.

A sheet has one row per score with the columns ``juror``, ``nominee`` (a name or
kommunenummer, resolved like a ballot), ``criterion`` and ``score`` (Norwegian
``jurymedlem``, ``kommune``, ``kriterium``, ``poeng`` also work), and optionally
``label`` (``ØVINGSDATA`` marks practice data). Scores are whole or decimal
numbers on a declared :class:`Scale` (default 1–6; a decimal comma is accepted).

**Aggregation** (stated in :attr:`JuryAssessment.AGGREGATION`): for each nominee,
the mean over criteria of each juror's scores, then the mean over jurors, then
normalised to [0, 1] by ``(mean − low) / (high − low)``. Means are exact fractions.

Examples:
    >>> from bosetting.model import Municipality
    >>> kinn = Municipality("4602", "Kinn", "Vestland", 2020)
    >>> bodo = Municipality("1804", "Bodø", "Nordland", 1977)
    >>> records = [
    ...     {"juror": "A", "nominee": "Kinn", "criterion": "bosetting", "score": 6},
    ...     {"juror": "A", "nominee": "Kinn", "criterion": "kvalifisering", "score": 4},
    ...     {"juror": "B", "nominee": "Kinn", "criterion": "bosetting", "score": 5},
    ...     {"juror": "A", "nominee": "Bodø", "criterion": "bosetting", "score": 1},
    ... ]
    >>> jury = JuryAssessment.from_records(records, [kinn, bodo])
    >>> jury.raw_score(kinn), jury.score(kinn), jury.score(bodo)
    (Fraction(5, 1), Fraction(4, 5), Fraction(0, 1))
"""

from __future__ import annotations

import math
import os
from collections.abc import Iterable, Mapping, Sequence
from fractions import Fraction
from typing import Any, ClassVar

import attrs

from bosetting.data import escape_controls, find_column, read_csv_text
from bosetting.errors import JurySheetError
from bosetting.i18n import N_, LazyText, lazy_gettext
from bosetting.model import Edition, Municipality, RejectReason, checked, parse_number
from bosetting.register import Resolver, nominees_of

__all__ = ["JuryAssessment", "JuryScore", "Scale", "read_jury_sheet"]

_MISSING = N_("the score is missing; fill in a score on the scale {scale}")

_MISSING_CELL = {
    "juror": N_("the juror is missing"),
    "criterion": N_("the criterion is missing"),
}

_NO_COLUMN = {
    "juror": N_("the header row has no juror column (looked for {looked})"),
    "nominee": N_("the header row has no nominee column (looked for {looked})"),
    "criterion": N_("the header row has no criterion column (looked for {looked})"),
    "score": N_("the header row has no score column (looked for {looked})"),
}

_NOT_A_NOMINEE = {
    RejectReason.BLANK: N_("the nominee is missing"),
    RejectReason.UNKNOWN_NOMINEE: N_("not one of the nominees"),
    RejectReason.AMBIGUOUS: N_("not one of the nominees (the name fits more than one)"),
    RejectReason.DUPLICATE_VOTER: N_("not one of the nominees"),
}


def _quote(text: str) -> LazyText:
    """A cell's text quoted as messages quote values ('x' / «x»), on one line."""
    return lazy_gettext("'{text}'", text=escape_controls(text))


_COLUMNS: dict[str, tuple[str, ...]] = {
    "juror": ("juror", "jurymedlem", "jury"),
    "nominee": ("nominee", "kommune", "kommunenummer", "nominert"),
    "criterion": ("criterion", "kriterium"),
    "score": ("score", "poeng", "skår"),
}


@checked
@attrs.frozen
class Scale:
    """The declared score scale, ``low`` to ``high`` inclusive.

    Examples:
        >>> Scale(1, 6).normalise(Fraction(7, 2))
        Fraction(1, 2)
    """

    low: int | float = 1
    high: int | float = 6

    def __attrs_post_init__(self) -> None:
        if not self.low < self.high:
            raise JurySheetError(
                N_("the scale's low end must be below its high end"),
                field="scale",
                value=(self.low, self.high),
            )

    def normalise(self, value: Fraction) -> Fraction:
        """Map a score on the scale to [0, 1]."""
        lo, hi = Fraction(self.low), Fraction(self.high)
        return (value - lo) / (hi - lo)

    def __str__(self) -> str:
        return f"{self.low}–{self.high}"


@checked
@attrs.frozen
class JuryScore:
    """One score on the sheet."""

    juror: str
    nominee: Municipality
    criterion: str
    score: Fraction
    row: int | None = None


def _parse_score(value: object, scale: Scale, where: dict[str, Any]) -> Fraction:
    if isinstance(value, bool):
        raise JurySheetError(N_("a score is a number"), field="score", value=value, **where)
    if isinstance(value, int | float | Fraction):
        if isinstance(value, float) and value != value:
            raise JurySheetError(_MISSING, scale=str(scale), field="score", value=value, **where)
        if isinstance(value, float) and not math.isfinite(value):
            raise JurySheetError(
                N_("the score is outside the scale {scale}"),
                scale=str(scale),
                field="score",
                value=value,
                **where,
            )
        number = Fraction(value)
    else:
        text = "" if value is None else str(value)
        if not text.strip():
            raise JurySheetError(_MISSING, scale=str(scale), field="score", value=value, **where)
        # the one grammar of a typed number: plain decimals, length-capped before conversion
        number = parse_number(text, error=JurySheetError, field="score", **where)
    if not scale.low <= number <= scale.high:
        raise JurySheetError(
            N_("the score is outside the scale {scale}"),
            scale=str(scale),
            field="score",
            value=value,
            **where,
        )
    return number


@checked
@attrs.frozen
class JuryAssessment:
    """The jury's scores for an edition's nominees, and each nominee's jury score.

    Attributes:
        nominees: The nominees the sheet was read against.
        scale: The declared score scale.
        scores: Every score on the sheet.
        label: A label such as ``"ØVINGSDATA"`` for practice data.
        source: The file the sheet came from, if any.
    """

    AGGREGATION: ClassVar[str] = N_(
        "mean over the criteria for each juror, then mean over the jurors, "
        "normalised to 0–1 as (mean − lowest) / (highest − lowest) on the scale"
    )

    nominees: tuple[Municipality, ...]
    scale: Scale
    scores: tuple[JuryScore, ...]
    label: str | None = None
    source: str | None = None
    _raw: dict[Municipality, Fraction] = attrs.field(init=False, eq=False, repr=False)

    def __attrs_post_init__(self) -> None:
        # One pass over the sheet: each nominee's mean over jurors of each juror's mean.
        per: dict[Municipality, dict[str, list[Fraction]]] = {}
        for s in self.scores:
            per.setdefault(s.nominee, {}).setdefault(s.juror, []).append(s.score)
        raw: dict[Municipality, Fraction] = {}
        for m, by_juror in per.items():
            means = [sum(v, Fraction(0)) / len(v) for v in by_juror.values()]
            raw[m] = sum(means, Fraction(0)) / len(means)
        object.__setattr__(self, "_raw", raw)

    @classmethod
    @checked
    def from_records(
        cls,
        records: Iterable[Mapping[str, Any]],
        nominees: Edition | Iterable[Municipality],
        *,
        scale: Scale = Scale(),
        source: str | None = None,
        label: str | None = None,
    ) -> JuryAssessment:
        """Build from rows with keys ``juror``, ``nominee``, ``criterion``, ``score`` (``label`` optional).

        ``nominee`` may be a :class:`~bosetting.model.Municipality`, a name or a code.

        Raises:
            JurySheetError: naming row and field, for a missing or out-of-scale score, an
                unknown nominee, a missing juror or criterion, or a repeated score.
        """
        noms = nominees_of(nominees)
        known = set(noms)
        resolver = Resolver(noms)
        out: list[JuryScore] = []
        seen: set[tuple[str, Municipality, str]] = set()
        labels: set[str] = set()
        for i, rec in enumerate(records, start=1):
            where: dict[str, Any] = {"file": source, "row": i}
            if not isinstance(rec, Mapping):
                raise JurySheetError(
                    N_("a row is a mapping with juror, nominee, criterion and score, not {kind}"),
                    kind="None" if rec is None else type(rec).__name__,
                    **where,
                )
            for key, missing in _MISSING_CELL.items():
                if rec.get(key) is None or not str(rec.get(key)).strip():
                    raise JurySheetError(missing, field=key, value=rec.get(key), **where)
            juror = str(rec["juror"]).strip()
            criterion = str(rec["criterion"]).strip()
            raw = rec.get("nominee")
            if isinstance(raw, Municipality):
                if raw not in known:
                    raise JurySheetError(
                        N_("not one of the nominees"), field="nominee", value=raw.name, **where
                    )
                who = raw
            else:
                hit = resolver.resolve("" if raw is None else str(raw))
                if isinstance(hit, int):
                    who = noms[hit]
                else:
                    raise JurySheetError(_NOT_A_NOMINEE[hit], field="nominee", value=raw, **where)
            score = _parse_score(rec.get("score"), scale, where)
            key3 = (juror, who, criterion)
            if key3 in seen:
                raise JurySheetError(
                    N_("juror {juror} scored {nominee} on {criterion} twice"),
                    juror=_quote(juror),
                    nominee=who.name,
                    criterion=_quote(criterion),
                    field="score",
                    value=rec.get("score"),
                    **where,
                )
            seen.add(key3)
            if rec.get("label"):
                labels.add(str(rec["label"]).strip())
            out.append(JuryScore(juror, who, criterion, score, i))
        if label is None and len(labels) == 1:
            label = labels.pop()
        return cls(noms, scale, tuple(out), label, source)

    @classmethod
    @checked
    def from_scores(
        cls,
        scores: Mapping[Municipality, Any],
        *,
        scale: Scale = Scale(),
        label: str | None = None,
    ) -> JuryAssessment:
        """One overall score per nominee (one juror ``"jury"``, one criterion ``"samlet"``).

        Examples:
            >>> m = Municipality("4602", "Kinn", "Vestland", 2020)
            >>> JuryAssessment.from_scores({m: 3.5}).score(m)
            Fraction(1, 2)
        """
        records = [
            {"juror": "jury", "nominee": m, "criterion": "samlet", "score": s}
            for m, s in scores.items()
        ]
        return cls.from_records(records, list(scores), scale=scale, label=label)

    @property
    def jurors(self) -> tuple[str, ...]:
        """The jurors, in sheet order."""
        return tuple(dict.fromkeys(s.juror for s in self.scores))

    @property
    def criteria(self) -> tuple[str, ...]:
        """The criteria, in sheet order."""
        return tuple(dict.fromkeys(s.criterion for s in self.scores))

    def raw_score(self, municipality: Municipality) -> Fraction | None:
        """Mean over jurors of each juror's mean over criteria, on the scale; ``None`` if unscored.

        The scores are indexed per nominee once, when the assessment is made, so asking
        for every nominee's score is linear in the size of the sheet.
        """
        return self._raw.get(municipality)

    def score(self, municipality: Municipality) -> Fraction | None:
        """The nominee's jury score in [0, 1] (see the module docstring); ``None`` if unscored."""
        raw = self.raw_score(municipality)
        return None if raw is None else self.scale.normalise(raw)

    @property
    def normalised(self) -> dict[Municipality, Fraction | None]:
        """Every nominee's jury score in [0, 1] (``None`` where the sheet has no score)."""
        return {m: self.score(m) for m in self.nominees}

    def require(self, nominees: Sequence[Municipality]) -> dict[Municipality, Fraction]:
        """The jury scores of ``nominees``; a :class:`JurySheetError` names the first unscored one."""
        out: dict[Municipality, Fraction] = {}
        for m in nominees:
            s = self.score(m)
            if s is None:
                raise JurySheetError(
                    N_("the jury sheet has no score for this nominee"),
                    file=self.source,
                    field="nominee",
                    value=str(m),
                )
            out[m] = s
        return out


@checked(own=("path",))
def read_jury_sheet(
    path: str | os.PathLike[str],
    nominees: Edition | Iterable[Municipality],
    *,
    scale: Scale = Scale(),
) -> JuryAssessment:
    r"""Read a jury scoring sheet (CSV; encodings and delimiters as for ballot files).

    Raises:
        JurySheetError: naming file, row and field: a missing column, a missing or
            out-of-scale score, an unknown nominee; for a sheet with no score at all
            (an empty template from :func:`bosetting.practice.write_blank_jury`), one
            error asking for the scores.

    Examples:
        >>> import tempfile, pathlib
        >>> from bosetting.model import Municipality
        >>> kinn = Municipality("4602", "Kinn", "Vestland", 2020)
        >>> p = pathlib.Path(tempfile.mkdtemp()) / "jury.csv"
        >>> _ = p.write_text("jurymedlem;kommune;kriterium;poeng\nA;Kinn;bosetting;7\n", encoding="utf-8")
        >>> read_jury_sheet(p, [kinn])
        Traceback (most recent call last):
        ...
        bosetting.errors.JurySheetError: ...jury.csv, row 1, field 'poeng', value '7': the score is outside the scale 1–6
    """
    text = read_csv_text(path, JurySheetError)
    idx: dict[str, int] = {}
    for key, aliases in _COLUMNS.items():
        at = find_column(text.header, None, aliases, error=JurySheetError, file=text.file)
        if at is None:
            raise JurySheetError(
                _NO_COLUMN[key],
                looked=", ".join(aliases),
                file=text.file,
                field=key,
                value=",".join(text.header),
            )
        idx[key] = at
    label_at = find_column(
        text.header, None, ("label", "merknad"), error=JurySheetError, file=text.file
    )
    records: list[dict[str, Any]] = []
    for i, row in enumerate(text.rows, start=1):
        if not row or not any(f.strip() for f in row):
            continue
        rec: dict[str, Any] = {}
        for key, at in idx.items():
            if at >= len(row):
                raise JurySheetError(
                    N_("the row has {fields} fields but the header {columns}"),
                    fields=len(row),
                    columns=len(text.header),
                    file=text.file,
                    row=i,
                    field=text.header[at],
                    value=text.delimiter.join(row),
                )
            rec[key] = row[at]
        if label_at is not None and label_at < len(row):
            rec["label"] = row[label_at]
        records.append(rec)
    if not records:
        raise JurySheetError(
            N_(
                "the sheet has a header but no rows of scores: add one row per juror, nominee "
                "and criterion with a score on the scale {scale}"
            ),
            scale=str(scale),
            file=text.file,
        )
    if len(records) > 1 and not any(str(r["score"]).strip() for r in records):
        # An empty sheet (a workshop template, say) is one problem, not one per row.
        raise JurySheetError(
            N_(
                "the score is missing in every row (the sheet is not filled in yet): fill in "
                "a score on the scale {scale} in the {column} column, then read the sheet again"
            ),
            scale=str(scale),
            column=_quote(text.header[idx["score"]]),
            file=text.file,
            field=text.header[idx["score"]],
        )
    try:
        return JuryAssessment.from_records(records, nominees, scale=scale, source=text.file)
    except JurySheetError as exc:
        # records skip empty lines, so map the record number back to the file's row
        names = {key: text.header[at] for key, at in idx.items()}
        raise _relocate(exc, text.rows, names) from None


def _relocate(exc: JurySheetError, rows: list[list[str]], names: dict[str, str]) -> JurySheetError:
    """Name the file's own row number and column header in an error from ``from_records``."""
    if exc.row is None:
        return exc
    data_rows = [i for i, row in enumerate(rows, start=1) if row and any(f.strip() for f in row)]
    clone = exc.located()
    assert isinstance(clone, JurySheetError)
    clone.row = data_rows[exc.row - 1]
    clone.field = names.get(exc.field or "", exc.field)
    Exception.__init__(clone, clone._render())
    return clone
