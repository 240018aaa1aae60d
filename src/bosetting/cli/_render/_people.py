"""Tables for people: ``--excel`` and ``--format xlsx`` in the active language.

The CSV of ``--format csv`` keeps the frames' column names and the values as
the tables hold them, so it reads back (:func:`bosetting.frames.read_csv`). A
file for Excel is read by a person instead: each heading is its words in the
active language (``code`` is "kommunenummer" in bokmål), a value with words
(an outcome, a verdict, a status, the decision rule) is its words, a flag is
yes or no, and codes stay text. The headings' words live here, one per column
name the frames and results use; a column without words keeps its name.

Examples:
    >>> from bosetting.i18n import language
    >>> with language("nb"):
    ...     for_people(("code", "outcome", "formal"), (("0301", "winner", True),))
    (('kommunenummer', 'utfall', 'formell nominasjon'), (('0301', 'vinner', 'ja'),))
"""

from __future__ import annotations

import functools
from typing import Any

from bosetting.i18n import N_, _

__all__ = ["HEADINGS", "for_people", "heading", "percent_columns"]

#: Each column name's heading, in English words marked for the catalogue.
HEADINGS: dict[str, str] = {
    "area_code": N_("area code"),
    "area_name": N_("area"),
    "area_type": N_("kind of area"),
    "assumed": N_("assumed"),
    "award_date": N_("award date"),
    "award_year": N_("award year"),
    "changed_kind": N_("kind of change"),
    "changed_year": N_("year of change"),
    "closed_end": N_("end included"),
    "closed_start": N_("start included"),
    "code": N_("municipality number"),
    "cohort_year": N_("cohort"),
    "combination_en": N_("combination (English)"),
    "combination_nb": N_("combination"),
    "combined": N_("combined score"),
    "confirmed_to": N_("confirmed up to"),
    "conflict_id": N_("conflict id"),
    "county": N_("county"),
    "county_code": N_("county number"),
    "criterion_id": N_("criterion"),
    "current_code": N_("municipality number today"),
    "current_county": N_("county today"),
    "current_name": N_("municipality today"),
    "date": N_("date"),
    "decided": N_("decided"),
    "decided_status": N_("decided: status"),
    "decision_rule": N_("decision rule"),
    "edition": N_("edition"),
    "end": N_("weight to"),
    "end_exact": N_("weight to (exact)"),
    "event": N_("event"),
    "event_en": N_("event (English)"),
    "field": N_("field"),
    "figure_stage": N_("stage of the figure"),
    "figures": N_("figures"),
    "finalist": N_("finalist"),
    "finalists_k": N_("number of finalists"),
    "first_edition": N_("first edition"),
    "formal": N_("formal nomination"),
    "formal_nominations": N_("formal nominations"),
    "former_participants": N_("former participants"),
    "former_participants_status": N_("former participants: status"),
    "handover_source_ids": N_("sources of the handover"),
    "imdi_region": N_("IMDi region"),
    "in_work_or_education": N_("in work or education"),
    "in_work_or_education_status": N_("in work or education: status"),
    "initiative_id": N_("initiative id"),
    "intro_share": N_("intro share"),
    "jury_score": N_("jury score"),
    "key": N_("key"),
    "kind": N_("kind"),
    "language": N_("language"),
    "last_edition": N_("last edition"),
    "looks_for_en": N_("what the jury looks for (English)"),
    "looks_for_interpretation": N_("our interpretation"),
    "looks_for_nb": N_("what the jury looks for"),
    "measure": N_("measure"),
    "method": N_("method"),
    "name": N_("name"),
    "name_as_written": N_("name as written"),
    "named_as_rival": N_("named as rival"),
    "new_code": N_("new number"),
    "new_name": N_("new name"),
    "nomination_route": N_("nominated by"),
    "nominees_known": N_("nominees known"),
    "note": N_("note"),
    "note_en": N_("note (English)"),
    "old_code": N_("old number"),
    "old_name": N_("old name"),
    "outcome": N_("outcome"),
    "partial_year": N_("part of the year"),
    "partners": N_("partners"),
    "partners_en": N_("partners (English)"),
    "place": N_("venue"),
    "position": N_("position"),
    "presented_by": N_("presented by"),
    "presented_by_en": N_("presented by (English)"),
    "prize_name": N_("name of the prize"),
    "public_score": N_("public vote score"),
    "public_share": N_("share of the votes"),
    "published": N_("published"),
    "publisher": N_("publisher"),
    "rank": N_("rank"),
    "reasons": N_("reasons"),
    "received_by": N_("received by"),
    "received_by_en": N_("received by (English)"),
    "reference_year": N_("reference year"),
    "relation": N_("relation"),
    "requested": N_("requested"),
    "requested_original": N_("requested at first"),
    "requested_status": N_("requested: status"),
    "resolution": N_("resolution"),
    "resolution_en": N_("resolution (English)"),
    "settled": N_("settled"),
    "settled_share": N_("settled of requested"),
    "settled_status": N_("settled: status"),
    "sex": N_("sex"),
    "share": N_("share"),
    "share_status": N_("share: status"),
    "source_id": N_("source id"),
    "source_ids": N_("sources"),
    "source_ids_a": N_("sources A"),
    "source_ids_b": N_("sources B"),
    "start": N_("weight from"),
    "start_exact": N_("weight from (exact)"),
    "status": N_("status"),
    "status_year": N_("status year"),
    "summary_en": N_("summary (English)"),
    "summary_nb": N_("summary"),
    "table": N_("table"),
    "text_en": N_("text (English)"),
    "text_nb": N_("text"),
    "threshold": N_("threshold"),
    "tied_with": N_("tied with"),
    "title": N_("title"),
    "url": N_("address"),
    "valid_from": N_("in force from"),
    "valid_to": N_("in force to"),
    "value_a": N_("value A"),
    "value_a_en": N_("value A (English)"),
    "value_b": N_("value B"),
    "value_b_en": N_("value B (English)"),
    "verdict": N_("verdict"),
    "vote_closes": N_("vote closes"),
    "vote_opens": N_("vote opens"),
    "votes": N_("votes"),
    "winner": N_("winner"),
    "winner_code": N_("winner's number"),
    "winner_name": N_("winner's name"),
    "work_year": N_("work year"),
    "year": N_("year"),
    "years_after": N_("years after"),
}

#: The columns holding a share in [0, 1] (a percentage in a workbook).
_SHARES = frozenset({"share", "settled_share", "intro_share", "public_share"})


@functools.cache
def _enums() -> dict[str, tuple[Any, ...]]:
    """Which enums give a column's values their words."""
    from bosetting.eligibility import Verdict
    from bosetting.model import (
        AreaType,
        ChangeKind,
        CriterionKind,
        EditionStatus,
        FigureStage,
        FigureStatus,
        Method,
        NominationRoute,
        NomineesKnown,
        Outcome,
        RejectReason,
        Sex,
    )

    return {
        "outcome": (Outcome,),
        "status": (EditionStatus,),
        "nominees_known": (NomineesKnown,),
        "nomination_route": (NominationRoute,),
        "changed_kind": (ChangeKind,),
        "area_type": (AreaType,),
        "sex": (Sex,),
        "figure_stage": (FigureStage,),
        "method": (Method,),
        "verdict": (Verdict,),
        "reason": (RejectReason,),
        "kind": (CriterionKind, ChangeKind),
        "_status": (FigureStatus,),
    }


def _enums_for(column: str) -> tuple[Any, ...]:
    if column.startswith("verdict_"):
        column = "verdict"
    elif column.endswith("_status"):
        column = "_status"
    return _enums().get(column, ())


def _rule_words(tag: str, k: Any) -> str:
    from bosetting.model import RULES

    for cls in RULES:
        if cls.tag == tag:
            try:
                rule = cls(int(k)) if cls.has_finalists and k not in (None, "") else cls()
            except Exception:  # a rule that needs a parameter the row does not give
                return tag
            return str(rule.label)
    return tag


def _word(column: str, value: Any, row: dict[str, Any]) -> Any:
    if isinstance(value, bool):
        return _("yes") if value else _("no")
    if not isinstance(value, str) or not value:
        return value
    if column == "decision_rule":
        return _rule_words(value, row.get("finalists_k"))
    for enum in _enums_for(column):
        try:
            return enum(value).label
        except ValueError:
            continue
    return value


def heading(column: str) -> str:
    """A column's heading in the active language (a verdict column names its criterion)."""
    if column in HEADINGS:
        return _(HEADINGS[column])
    if column.startswith("verdict_"):
        return _("verdict: {criterion}", criterion=column.removeprefix("verdict_"))
    return column


def for_people(
    columns: tuple[str, ...], rows: tuple[tuple[Any, ...], ...]
) -> tuple[tuple[str, ...], tuple[tuple[Any, ...], ...]]:
    """Headings and rows in the active language's words (see the module docstring)."""
    out = []
    for raw in rows:
        row = dict(zip(columns, raw, strict=True))
        out.append(tuple(_word(c, v, row) for c, v in zip(columns, raw, strict=True)))
    return tuple(heading(c) for c in columns), tuple(out)


def percent_columns(columns: tuple[str, ...]) -> list[int]:
    """The indices of the columns holding shares (by the frames' column names)."""
    return [i for i, c in enumerate(columns) if c in _SHARES]
