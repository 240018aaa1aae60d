"""What each command writes as JSON and as CSV (see :mod:`._formats` for the rules).

JSON documents, by command (the top-level keys; model objects as
:data:`bosetting.model.converter` writes them):

* ``history``: ``editions`` (every :class:`~bosetting.model.Edition`),
  ``years_without_edition`` (``[2017]``).
* ``show``: ``edition`` (the Edition with its nominations, initiatives, criteria
  and sources), ``conflicts`` (its :class:`~bosetting.model.Conflict` records).
* ``record``: ``municipality``, ``counts`` (``formal_nominations``, ``wins``,
  ``named_as_rival``), ``nominations`` (every :class:`~bosetting.model.Nomination`, rivals included).
* ``municipality``: ``municipality``, ``lineage``, ``merged_into_it``,
  ``followed_by``, ``succession`` (a :class:`~bosetting.model.Succession`).
* ``outcomes``: ``area`` (``"municipality"`` or ``"national"``),
  ``municipality`` (or ``null``), ``intro_outcomes``, ``settlement``.
* ``check``: the :class:`~bosetting.eligibility.Assessment` (``municipality``,
  ``edition``, ``criteria``, ``results``).
* ``screen``: ``edition``, ``year``, ``by``, ``settlement_years``, ``criteria``,
  ``rows`` and ``sources``. To keep 400-odd rows small, every ``sources`` list
  below ``rows`` is written as ``source_ids`` and each source once in the
  top-level ``sources`` (by id); a result names its criterion by ``criterion_id``.
* ``cite``: ``software``, ``data``, ``primary_sources``.

CSV tables, by command: ``history`` one row per edition (the columns of
:func:`bosetting.frames.editions` and ``winner_code``, ``winner_name``,
``formal_nominations``, ``named_as_rival``); ``show`` and ``record`` the rows of
:func:`bosetting.frames.nominations`; ``municipality`` one row per related
municipality with its ``relation``; ``outcomes`` the rows of
:func:`bosetting.frames.intro_outcomes` (or, with ``--figures settlement``,
:func:`bosetting.frames.settlement`); ``check`` :meth:`Assessment.to_frame`;
``screen`` :meth:`Screen.to_frame`; ``cite`` :func:`bosetting.frames.sources`.
"""

from __future__ import annotations

from collections.abc import Iterable, Sequence
from typing import Any

from bosetting.cli._render._formats import Table
from bosetting.cli._render._prize import gap_years
from bosetting.eligibility import Screen
from bosetting.figures import Provenance
from bosetting.history import conflicts, editions
from bosetting.model import (
    Edition,
    IntroProgrammeOutcome,
    Municipality,
    Nomination,
    Outcome,
    Settlement,
    converter,
)
from bosetting.register import lineage, predecessors, succession, successors

__all__ = [
    "counts",
    "edition_json",
    "edition_table",
    "history_json",
    "history_table",
    "municipality_json",
    "municipality_table",
    "nominations_table",
    "outcomes_json",
    "outcomes_table",
    "record_json",
    "screen_json",
]


def history_json() -> dict[str, Any]:
    """``history --format json``."""
    return {
        "editions": converter.unstructure(list(editions())),
        "years_without_edition": gap_years(),
    }


def history_table() -> Table:
    """``history --format csv``: the editions frame with the winner and the counts."""
    from bosetting import frames

    df = frames.editions()
    by_label = {e.label: e for e in editions()}
    rows = [by_label[str(label)] for label in df["edition"]]
    df["winner_code"] = [e.winner.code if e.winner else None for e in rows]
    df["winner_name"] = [e.winner.name if e.winner else None for e in rows]
    df["formal_nominations"] = [sum(n.outcome.formal for n in e.nominations) for e in rows]
    df["named_as_rival"] = [sum(not n.outcome.formal for n in e.nominations) for e in rows]
    return Table.from_frame(df)


def edition_json(e: Edition) -> dict[str, Any]:
    """``show --format json``."""
    return {
        "edition": converter.unstructure(e),
        "conflicts": converter.unstructure(list(conflicts(e.label))),
    }


def nominations_table(found: Iterable[Nomination]) -> Table:
    """The rows of :func:`bosetting.frames.nominations` for these nominations, in their order."""
    from bosetting import frames

    df = frames.nominations()
    keys = [(n.edition, n.municipality.code) for n in found]
    index = {
        key: i for i, key in enumerate(zip(df["edition"].astype(str), df["code"], strict=True))
    }
    return Table.from_frame(df.iloc[[index[k] for k in keys]])


def edition_table(e: Edition) -> Table:
    """``show --format csv``: the edition's nominations."""
    return nominations_table(e.nominations)


def counts(found: Sequence[Nomination]) -> dict[str, int]:
    """Formal nominations, wins and rivals named (which the record counts apart)."""
    return {
        "formal_nominations": sum(n.outcome.formal for n in found),
        "wins": sum(n.outcome is Outcome.WINNER for n in found),
        "named_as_rival": sum(not n.outcome.formal for n in found),
    }


def record_json(m: Municipality, found: Sequence[Nomination]) -> dict[str, Any]:
    """``record --format json``."""
    return {
        "municipality": converter.unstructure(m),
        "counts": counts(found),
        "nominations": converter.unstructure(list(found)),
    }


def _related(m: Municipality) -> list[tuple[str, Municipality]]:
    line = lineage(m)
    related = [("this" if run == m else "lineage", run) for run in line]
    related += [("merged_into_it", p) for p in predecessors(m) if p not in line]
    related += [("followed_by", s) for s in successors(m) if s not in line]
    related += [("today", c) for c in succession(m).candidates]
    return related


def municipality_json(m: Municipality) -> dict[str, Any]:
    """``municipality --format json``."""
    related = _related(m)

    def of(kind: str) -> Any:
        return converter.unstructure([r for k, r in related if k == kind])

    return {
        "municipality": converter.unstructure(m),
        "lineage": converter.unstructure(list(lineage(m))),
        "merged_into_it": of("merged_into_it"),
        "followed_by": of("followed_by"),
        "succession": converter.unstructure(succession(m)),
    }


_MUNICIPALITY_COLUMNS = ("relation", "code", "name", "county_code", "county", "valid_from")


def municipality_table(m: Municipality) -> Table:
    """``municipality --format csv``: itself, its numbers over time, merged, followed by, today."""
    columns = (*_MUNICIPALITY_COLUMNS, "valid_to")
    records = [{"relation": kind, **converter.unstructure(run)} for kind, run in _related(m)]
    return Table.from_records(columns, records)


def outcomes_json(
    m: Municipality | None,
    intro: Sequence[IntroProgrammeOutcome],
    settled: Sequence[Settlement],
    source: Provenance,
) -> dict[str, Any]:
    """``outcomes --format json``."""
    return {
        "area": "national" if m is None else "municipality",
        "municipality": None if m is None else converter.unstructure(m),
        "figures_source": str(source),
        "intro_outcomes": converter.unstructure(list(intro)),
        "settlement": converter.unstructure(list(settled)),
    }


def outcomes_table(
    intro: Sequence[IntroProgrammeOutcome], settled: Sequence[Settlement], figures: str
) -> Table:
    """``outcomes --format csv``: the intro rows, or the settlement rows."""
    from bosetting import frames

    if figures == "settlement":
        df = frames.settlement()
        wanted = {(s.code, s.year) for s in settled}
        keep = [k in wanted for k in zip(df["code"], df["year"], strict=True)]
        return Table.from_frame(df[keep])
    df = frames.intro_outcomes()
    keys = {(o.area_code, o.status_year, o.years_after, o.sex.value) for o in intro}
    cols = zip(df["area_code"], df["status_year"], df["years_after"], df["sex"], strict=True)
    keep = [(a, int(y), int(n), str(s)) in keys for a, y, n, s in cols]
    return Table.from_frame(df[keep])


def _compact(data: Any, found: dict[str, Any]) -> Any:
    """Every ``sources`` list as ``source_ids``, the sources kept once in ``found``."""
    if isinstance(data, dict):
        out: dict[str, Any] = {}
        for key, value in data.items():
            if key == "sources" and isinstance(value, list):
                for s in value:
                    found.setdefault(s["id"], s)
                out["source_ids"] = [s["id"] for s in value]
            elif key == "criterion" and isinstance(value, dict):
                out["criterion_id"] = value["id"]
            else:
                out[key] = _compact(value, found)
        return out
    if isinstance(data, list):
        return [_compact(v, found) for v in data]
    return data


def screen_json(s: Screen) -> dict[str, Any]:
    """``screen --format json`` (sources once, by id)."""
    found: dict[str, Any] = {}
    criteria = converter.unstructure(list(s.criteria))
    for c in criteria:
        for src in c["sources"]:
            found.setdefault(src["id"], src)
    rows = _compact(converter.unstructure(list(s.rows)), found)
    return {
        "edition": s.edition.label,
        "year": s.year,
        "by": s.by,
        "settlement_years": list(s.settlement_years),
        "criteria": criteria,
        "figures_source": None if s.provenance is None else str(s.provenance),
        "coverage": list(s.coverage),
        "rows": rows,
        "sources": dict(sorted(found.items())),
    }
