"""One group's jury in a workshop room: each juror's scores, how far they agree, the group score.

A juror's scores are given as text, one nominee a line with its score last
(``Molde 5``, ``Harstad: 4,5``; blank lines and ``#`` comments are passed over),
or as a mapping from a name, a kommunenummer or a
:class:`~bosetting.model.Municipality` to a score. Names go through the one
nominee resolver (:class:`~bosetting.register.Resolver`), scores through the
jury sheet's own reading (:meth:`~bosetting.jury.JuryAssessment.from_records`:
the scale 1–6, a decimal comma or point). Every mistake is a
:class:`~bosetting.errors.JurySheetError` naming the juror, the line, the
column and the value, in the active language, with the nominees a misspelt
name comes close to.
"""

from __future__ import annotations

import re
from collections.abc import Mapping
from fractions import Fraction
from pathlib import Path
from typing import TYPE_CHECKING, Any

import attrs

from bosetting.errors import JurySheetError
from bosetting.i18n import N_, _, format_number, join_words, ngettext, text_table
from bosetting.jury import JuryAssessment, Scale, read_jury_sheet
from bosetting.model import PRACTICE_LABEL, Edition, Municipality, RejectReason, checked
from bosetting.practice import OVERALL_CRITERION, practice_jury_records, write_jury_csv
from bosetting.register import Resolver
from bosetting.voting import Tie, order_by_score
from bosetting.workshop._setup import is_folder

if TYPE_CHECKING:
    import pandas as pd

__all__ = ["GroupJury", "NomineeSpread", "example_groups", "group_jury", "read_groups"]

#: The columns of a juror's scores, as errors name them (in the active language).
_COLUMN = {"nominee": N_("municipality"), "score": N_("points"), "juror": N_("juror")}
_GROUP_SCORE = N_("the group’s jury score")
_SCALE = Scale()
_LINE = re.compile(r"^(?P<name>.*?\S)[\s:=;]+(?P<score>\S+)$")


@attrs.frozen
class NomineeSpread:
    """One nominee's scores from every juror of a group, and what the group makes of them.

    Attributes:
        municipality: The nominee.
        scores: ``(juror, score)`` for each juror, in the group's order.
        mean: The mean of the scores, on the scale.
        score: The group's jury score in [0, 1] (the mean normalised on the scale).
    """

    municipality: Municipality
    scores: tuple[tuple[str, Fraction], ...]
    mean: Fraction
    score: Fraction

    @property
    def lowest(self) -> Fraction:
        """The lowest score any juror gave."""
        return min(s for _, s in self.scores)

    @property
    def highest(self) -> Fraction:
        """The highest score any juror gave."""
        return max(s for _, s in self.scores)

    @property
    def spread(self) -> Fraction:
        """How far the jurors are apart: highest minus lowest score (0 when all agree)."""
        return self.highest - self.lowest


def _number(x: Fraction, digits: int = 2) -> str:
    return format_number(float(x), 0 if x.denominator == 1 else digits)


@attrs.frozen
class GroupJury:
    """A group of jurors in a workshop, each scoring every nominee once (one overall score).

    Attributes:
        name: The group's name ("Gruppe 1").
        edition: The edition whose nominees are scored.
        jury: Every juror's scores as one jury assessment, labelled ØVINGSDATA
            (a workshop group is not IMDi's jury).
    """

    name: str
    edition: Edition
    jury: JuryAssessment

    @property
    def jurors(self) -> tuple[str, ...]:
        """The jurors, in the order they were given."""
        return self.jury.jurors

    def spreads(self) -> tuple[NomineeSpread, ...]:
        """Each nominee's scores, spread and group score, in the edition's order."""
        by: dict[Municipality, dict[str, Fraction]] = {}
        for s in self.jury.scores:
            by.setdefault(s.nominee, {})[s.juror] = s.score
        out = []
        for m in self.jury.nominees:
            raw, score = self.jury.raw_score(m), self.jury.score(m)
            if raw is None or score is None:
                continue
            pairs = tuple((j, by[m][j]) for j in self.jurors if j in by[m])
            out.append(NomineeSpread(m, pairs, raw, score))
        return tuple(out)

    def ties(self) -> tuple[Tie, ...]:
        """Nominees with the same group score, highest first (the first decides a jury-only win)."""
        _, ties = order_by_score({s.municipality: s.score for s in self.spreads()}, _GROUP_SCORE)
        return ties

    def table(self) -> str:
        """Every juror's scores, the lowest–highest, the spread, the mean and the jury score, in words.

        The lines below the table say out loud where nominees share a score and
        where the jurors disagree most.
        """
        spreads = self.spreads()
        spreads_by = {s.municipality: s for s in spreads}
        heads = [_("Municipality"), *self.jurors, _("Lowest–highest")]
        heads += [_("Spread"), _("Mean"), _("Jury score (0–1)")]
        rows = [
            [
                s.municipality.name,
                *(_number(v) for _, v in s.scores),
                f"{_number(s.lowest)}–{_number(s.highest)}",
                _number(s.spread),
                _number(s.mean),
                format_number(float(s.score), 2),
            ]
            for s in spreads
        ]
        right = range(1, len(heads))
        lines = [
            ngettext(
                "{label}: {group}, {n} juror, scale {scale}",
                "{label}: {group}, {n} jurors, scale {scale}",
                len(self.jurors),
                label=self.jury.label,
                group=self.name,
                scale=self.jury.scale,
            ),
            *text_table(heads, rows, right=right, indent=""),
        ]
        widest = max(s.spread for s in spreads)
        if len(self.jurors) < 2:
            lines.append(_("One juror: there are no other scores to agree or disagree with."))
        elif widest > 0:
            names = [s.municipality.name for s in spreads if s.spread == widest]
            lines.append(
                _(
                    "The jurors disagree most on {names} ({spread} points apart).",
                    names=join_words(names),
                    spread=_number(widest),
                )
            )
        else:
            lines.append(_("The jurors agree on every nominee."))
        for tie in self.ties():
            lines.append(
                _(
                    "Tied: {names} have the same group score ({score}).",
                    names=join_words(m.name for m in tie.members),
                    score=format_number(float(spreads_by[tie.members[0]].score), 2),
                )
            )
        return "\n".join(lines)

    def __str__(self) -> str:
        return self.table()

    def records(self) -> list[dict[str, Any]]:
        """The group's sheet as rows of a jury sheet (:data:`bosetting.practice.JURY_HEADER`)."""
        return [
            {
                "juror": s.juror,
                "nominee": s.nominee.name,
                "criterion": s.criterion,
                "score": _number(s.score),
                "label": self.jury.label,
            }
            for s in self.jury.scores
        ]

    def save(self, path: str | Path, *, force: bool = False, excel: bool = False) -> Path:
        """Write the group's sheet as a jury sheet CSV, for the facilitator (:func:`read_groups`).

        Raises:
            WriteError: the file exists (unless ``force``), or the folder does not.
        """
        return write_jury_csv(path, self.records(), force=force, excel=excel)

    def to_frame(self) -> pd.DataFrame:
        """One row per nominee and juror.

        Columns: ``group``, ``code``, ``name``, ``juror``, ``score``, ``mean``, ``spread``
        and ``jury_score`` (the last three the same on a nominee's rows).
        """
        import pandas as pd

        rows = [
            (self.name, s.municipality.code, s.municipality.name, juror, float(v), *numbers)
            for s in self.spreads()
            for numbers in [(float(s.mean), float(s.spread), float(s.score))]
            for juror, v in s.scores
        ]
        cols = ["group", "code", "name", "juror", "score", "mean", "spread", "jury_score"]
        df = pd.DataFrame(rows, columns=cols)
        for c in ("group", "code", "name", "juror"):
            df[c] = df[c].astype("string")
        return df


def _pairs(juror: str, scores: object) -> list[tuple[int, object, object]]:
    """``(line, nominee, score)`` for one juror's scores, as text lines or a mapping."""
    if isinstance(scores, str):
        out: list[tuple[int, object, object]] = []
        for number, raw in enumerate(scores.splitlines(), start=1):
            line = raw.split("#", 1)[0].strip()
            if not line:
                continue
            hit = _LINE.match(line)
            if hit and any(c.isdigit() for c in hit["score"]):
                out.append((number, hit["name"].rstrip(":=;").strip(), hit["score"]))
            else:
                out.append((number, line, ""))
        return out
    if isinstance(scores, Mapping):
        return [(i, k, v) for i, (k, v) in enumerate(scores.items(), start=1)]
    raise JurySheetError(
        N_("a juror’s scores are text, one nominee a line with the score last, or a mapping"),
        file=_("juror {name}", name=juror),
        value=scores,
    )


def _where(juror: str, line: int, column: str) -> dict[str, Any]:
    return {"file": _("juror {name}", name=juror), "row": line, "field": _(_COLUMN[column])}


def _nominee(resolver: Resolver, juror: str, line: int, given: object) -> Municipality:
    if isinstance(given, Municipality) and given in resolver.nominees:
        return given
    text = given.name if isinstance(given, Municipality) else str(given)
    hit = resolver.resolve(text)
    if isinstance(hit, int):
        return resolver.nominees[hit]
    where = _where(juror, line, "nominee")
    if hit is RejectReason.BLANK:
        raise JurySheetError(N_("the nominee is missing"), value=given, **where)
    if hit is RejectReason.AMBIGUOUS:
        raise JurySheetError(
            N_("the name fits more than one nominee; write it in full"), value=given, **where
        )
    close = resolver.close_matches(text)
    if close:
        raise JurySheetError(
            N_("not one of the nominees; did you mean {names}?"),
            names=join_words((m.name for m in close), conjunction="or"),
            value=given,
            **where,
        )
    raise JurySheetError(
        N_("not one of the nominees, who are {names}"),
        names=join_words(m.name for m in resolver.nominees),
        value=given,
        **where,
    )


def _juror_records(
    resolver: Resolver, juror: str, scores: object, scale: Scale
) -> list[dict[str, Any]]:
    """One juror's rows, every name resolved and every score read; errors name juror and line."""
    if not juror.strip():
        raise JurySheetError(N_("the juror is missing"), field=_(_COLUMN["juror"]), value=juror)
    records: list[dict[str, Any]] = []
    seen: dict[Municipality, int] = {}
    for line, given, score in _pairs(juror, scores):
        m = _nominee(resolver, juror, line, given)
        if m in seen:
            raise JurySheetError(
                N_("{nominee} is scored twice, on lines {first} and {line}"),
                nominee=m.name,
                first=seen[m],
                line=line,
                value=given,
                **_where(juror, line, "nominee"),
            )
        seen[m] = line
        rec = {"juror": juror, "nominee": m, "criterion": OVERALL_CRITERION, "score": score}
        try:
            JuryAssessment.from_records([rec], resolver.nominees, scale=scale)
        except JurySheetError as exc:
            raise JurySheetError(
                exc.message_id, value=score, **_where(juror, line, "score"), **exc.params
            ) from None
        records.append(rec)
    missing = [m.name for m in resolver.nominees if m not in seen]
    if missing:
        raise JurySheetError(
            N_("no score for {names}: give every nominee a score on the scale {scale}"),
            names=join_words(missing),
            scale=str(scale),
            file=_("juror {name}", name=juror),
            field=_(_COLUMN["nominee"]),
        )
    return records


@checked
def group_jury(
    edition: Edition,
    jurors: Mapping[str, str | Mapping[Any, Any]],
    *,
    name: str | None = None,
    scale: Scale = _SCALE,
) -> GroupJury:
    r"""A workshop group's jury: each juror scores every nominee of ``edition`` once.

    Args:
        edition: The edition whose nominees are scored.
        jurors: Juror name to scores: text, one nominee a line with its score last
            (``"Molde 5"``), or a mapping from a name, code or municipality to a score.
        name: The group's name; "Gruppe 1" (in the active language) if not given.
        scale: The score scale (1–6 by default).

    Returns:
        The group, labelled ØVINGSDATA (a workshop group is not IMDi's jury).

    Raises:
        JurySheetError: a name that is not a nominee (with the names it comes close
            to), a nominee scored twice or not at all, a score that is not a number on
            the scale; each names the juror, the line, the column and the value.

    Examples:
        >>> import bosetting as bs
        >>> e = bs.edition(2023)
        >>> anne = "Tønsberg 6\nHarstad 4\nMolde 5\nNordre Follo 2\nKristiansand 4\nUllensvang 3"
        >>> bjorn = {"Tønsberg": 5, "Harstad": 5, "Molde": "4,5", "Nordre Follo": 3,
        ...          "Kristiansand": 4, "Ullensvang": 2}
        >>> g = group_jury(e, {"Anne": anne, "Bjørn": bjorn}, name="Gruppe 1")
        >>> [(s.municipality.name, float(s.mean), float(s.spread)) for s in g.spreads()][:3]
        [('Tønsberg', 5.5, 1.0), ('Harstad - Hárstták', 4.5, 1.0), ('Molde', 4.75, 0.5)]
        >>> group_jury(e, {"Anne": "Harstadd 4"})
        Traceback (most recent call last):
        ...
        bosetting.errors.JurySheetError: juror Anne, row 1, field 'municipality', value 'Harstadd': not one of the nominees; did you mean Harstad - Hárstták?
    """
    if not isinstance(jurors, Mapping) or not jurors:
        raise JurySheetError(
            N_("give the jurors as a mapping from each juror’s name to their scores"),
            field="jurors",
            value=jurors,
        )
    resolver = Resolver(edition.nominees)
    records: list[dict[str, Any]] = []
    for juror, scores in jurors.items():
        records.extend(_juror_records(resolver, str(juror), scores, scale))
    jury = JuryAssessment.from_records(records, edition, scale=scale, label=PRACTICE_LABEL)
    return GroupJury(name or _("Group {n}", n=1), edition, jury)


@checked
def example_groups(
    edition: Edition, *, groups: int = 4, jurors: int = 4, seed: int
) -> tuple[GroupJury, ...]:
    """Made-up groups for the facilitator's view before the room's sheets are in (ØVINGSDATA).

    Group ``i`` is the seeded practice sheet for seed ``seed + i`` with one overall
    score per juror and nominee; the same seed gives the same groups.

    Examples:
        >>> import bosetting as bs
        >>> gs = example_groups(bs.edition(2023), groups=2, jurors=3, seed=3)
        >>> [(g.name, len(g.jurors)) for g in gs]
        [('Group 1', 3), ('Group 2', 3)]
    """
    out = []
    for i in range(1, groups + 1):
        rows = practice_jury_records(
            edition, seed=seed + i, jurors=jurors, criteria=[OVERALL_CRITERION]
        )
        jury = JuryAssessment.from_records(rows, edition, label=PRACTICE_LABEL)
        out.append(GroupJury(_("Group {n}", n=i), edition, jury))
    return tuple(out)


@checked
def read_groups(folder: str | Path, edition: Edition) -> tuple[GroupJury, ...]:
    """Every group's sheet in ``folder`` (``*.csv``, sorted by name); none if the folder is missing.

    Each file is a jury sheet as :meth:`GroupJury.save` writes it (or as
    ``bosetting practice --blank`` makes one and a group fills in); the group's
    name is the file's name without ``.csv``.

    Raises:
        JurySheetError: a sheet that cannot be read, naming the file, row and column.
    """
    where = Path(folder)
    if not is_folder(where):
        return ()
    out = []
    for path in sorted(where.glob("*.csv")):
        jury = read_jury_sheet(path, edition)
        labelled = attrs.evolve(jury, label=jury.label or PRACTICE_LABEL)
        out.append(GroupJury(path.stem, edition, labelled))
    return tuple(out)
