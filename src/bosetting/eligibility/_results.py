"""The result of checking one municipality against one edition's criteria.

Examples:
    >>> f = Figure("2014: share", 0.69, FigureStatus.PUBLISHED, share_digits=0)
    >>> str(f)
    '2014: share: 69%'
    >>> str(Figure("2012: share", None, FigureStatus.SUPPRESSED))
    '2012: share: : (suppressed)'
    >>> str(Figure("2012: former participants", 1234, FigureStatus.PUBLISHED))
    '2012: former participants: 1,234'
"""

from __future__ import annotations

from typing import TYPE_CHECKING

import attrs

from bosetting.figures import Provenance
from bosetting.i18n import N_, _, format_number, format_share
from bosetting.model import (
    Criteria,
    Criterion,
    FigureStatus,
    LabelledEnum,
    Municipality,
    Source,
    checked,
)

if TYPE_CHECKING:
    import pandas as pd

__all__ = ["Assessment", "CriterionResult", "Figure", "Verdict"]


class Verdict(LabelledEnum):
    """The answer for one criterion."""

    MET = "met", N_("met")
    NOT_MET = "not met", N_("not met")
    NOT_ASSESSABLE = "not assessable", N_("not assessable")
    NEEDS_JUDGEMENT = "needs judgement", N_("needs judgement")


@checked
@attrs.frozen
class Figure:
    """One figure a result rests on or shows as context.

    Attributes:
        label: What the figure is (in the active language), with its year.
        value: The value, or ``None`` when not published or not computable.
        status: Its publication status.
        sources: Where it comes from.
        share_digits: For a share (in [0, 1]): the decimals of the percentage to
            show; ``None`` for a count.
    """

    label: str
    value: float | None
    status: FigureStatus
    sources: tuple[Source, ...] = ()
    share_digits: int | None = None

    def __str__(self) -> str:
        if self.value is None:
            return f"{self.label}: {self.status.symbol or '–'} ({self.status.label})"
        if self.share_digits is not None:
            return f"{self.label}: {format_share(self.value, self.share_digits)}"
        digits = 0 if float(self.value).is_integer() else 3
        return f"{self.label}: {format_number(self.value, digits)}"


@checked
@attrs.frozen
class CriterionResult:
    """One criterion's verdict with its reasons, figures and sources.

    Attributes:
        criterion: The criterion checked.
        verdict: Met, not met, not assessable or needs judgement.
        reasons: Why, in the language active when it was assessed, including the rule used.
        figures: The figures the verdict rests on (or context for a judgement).
        sources: The criterion's sources and the figures' sources, without repeats.
    """

    criterion: Criterion
    verdict: Verdict
    reasons: tuple[str, ...]
    figures: tuple[Figure, ...] = ()
    sources: tuple[Source, ...] = ()


@checked
@attrs.frozen
class Assessment:
    """A municipality against one edition's criteria, one result per criterion.

    Attributes:
        municipality: The municipality as it was in the edition's reference year.
        edition: The edition's label.
        criteria: The era's criteria.
        results: One result per criterion, in the criteria's order.
        provenance: Where the intro-programme figures it rests on come from.
        coverage: One line for each kind of figure the figures in use cannot
            assess this edition on (and what would fetch them).
    """

    municipality: Municipality
    edition: str
    criteria: Criteria
    results: tuple[CriterionResult, ...]
    provenance: Provenance | None = None
    coverage: tuple[str, ...] = ()

    def to_frame(self) -> pd.DataFrame:
        """One row per criterion: id, kind, verdict, the reasons joined, figures and source ids.

        ``assumed`` is ``True`` where no source confirms the criterion for the
        edition (it is carried over from an earlier one). The frame's ``attrs`` say
        where the figures come from (``"figures_source"``) and what they cannot
        assess (``"coverage"``, one line each).

        Examples:
            >>> from bosetting.eligibility import assess
            >>> df = assess("Kinn", "2021").to_frame()
            >>> df[["criterion_id", "verdict"]].values.tolist()[-1]
            ['2021-over-50', 'not assessable']
        """
        import pandas as pd

        records = [
            {
                "code": self.municipality.code,
                "name": self.municipality.name,
                "edition": self.edition,
                "criterion_id": r.criterion.id,
                "kind": r.criterion.kind.value,
                "verdict": r.verdict.value,
                "reasons": " ".join(r.reasons),
                "figures": "; ".join(str(f) for f in r.figures),
                "source_ids": ";".join(s.id for s in r.sources),
                "assumed": r.criterion.assumed_for(self.edition),
            }
            for r in self.results
        ]
        columns = ["code", "name", "edition", "criterion_id", "kind", "verdict", "reasons"]
        columns += ["figures", "source_ids", "assumed"]
        frame = pd.DataFrame.from_records(records, columns=columns)
        frame = frame.astype({c: "boolean" if c == "assumed" else "string" for c in columns})
        if self.provenance is not None:
            frame.attrs["figures_source"] = str(self.provenance)
        frame.attrs["coverage"] = list(self.coverage)
        return frame

    def result(self, criterion_id: str) -> CriterionResult:
        """The result of one criterion by id.

        Raises:
            KeyError: When the era has no such criterion.
        """
        for r in self.results:
            if r.criterion.id == criterion_id:
                return r
        raise KeyError(criterion_id)

    def __str__(self) -> str:
        m = self.municipality
        lines = [
            _(
                "{municipality} against the criteria for {edition}",
                municipality=m,
                edition=self.edition,
            )
        ]
        if self.provenance is not None:
            lines.append(_("Figures: {source}", source=self.provenance))
        lines.extend(self.coverage)
        if self.criteria.assumed:
            lines.append(str(self.criteria.assumption()))
        if self.criteria.combination:
            lines.append(_("How they combine: {text}", text=self.criteria.combination))
        if not self.results:
            lines.append(_("No criteria are on record for this edition."))
        for r in self.results:
            lines.append(f"- [{r.verdict.label}] {r.criterion.id}: {r.criterion.text}")
            lines.extend(f"    {reason}" for reason in r.reasons)
            lines.extend(f"    · {f}" for f in r.figures)
            if r.sources:
                lines.append("    " + _("sources: {ids}", ids=", ".join(s.id for s in r.sources)))
        return "\n".join(lines)
