"""pandas views of the tables, with declared dtypes.

The tables are the shipped ones, with SSB's figures and register laid over them
where ``bosetting update`` has fetched them (:mod:`bosetting.data._view`);
:func:`intro_outcomes` says which in its ``attrs``.

Every text a person reads is there twice, in bokmål and in English, in the
columns the table has side by side (``note`` and ``note_en``, ``summary_nb``
and ``summary_en``); ``criteria`` also says which texts are our interpretation
(``looks_for_interpretation``) and from which edition on a criterion is only
assumed (after ``confirmed_to``).

Every frame's dtypes come from the field types in ``datapackage.json``: codes
and other text as ``string`` (so ``"0301"`` keeps its zero), counts and years as
nullable ``Int64``, shares as ``Float64``, flags as ``boolean``, dates as
``datetime64``, and fields with a fixed list of values as (ordered) categories.
The result is the same on pandas 2.2 and 3.x.

Examples:
    >>> df = municipalities()
    >>> df.loc[df["code"] == "0301", "name"].tolist()
    ['Oslo']
    >>> str(df["valid_to"].dtype)
    'Int64'
"""

from __future__ import annotations

from typing import Any

import pandas as pd

from bosetting.data import read_rows, resource, using
from bosetting.figures import provenance
from bosetting.history import editions as _editions
from bosetting.history import winners as _winners
from bosetting.model import ChangeKind, MunicipalChange, Municipality, Outcome, checked
from bosetting.register import succession

__all__ = [
    "conflicts",
    "criteria",
    "editions",
    "initiatives",
    "intro_outcomes",
    "municipalities",
    "municipality_changes",
    "nominations",
    "prize_names",
    "settlement",
    "sources",
    "table",
    "winners",
]

_DTYPES = {
    "string": "string",
    "integer": "Int64",
    "year": "Int64",
    "number": "Float64",
    "boolean": "boolean",
}


def _dtype(field: dict[str, Any]) -> Any:
    rules = field.get("constraints", {})
    categories = field.get("categories") or rules.get("enum")
    if categories is not None and field.get("type", "string") == "string":
        return pd.CategoricalDtype(list(categories), ordered=bool(field.get("categoriesOrdered")))
    return _DTYPES.get(field.get("type", "string"), "object")


@checked
def table(name: str) -> pd.DataFrame:
    """One shipped table as a DataFrame with the dtypes its schema declares.

    The rows are the ones :func:`bosetting.data.read_rows` has already checked.

    Args:
        name: The table's name in ``datapackage.json``.
    """
    fields = resource(name)["schema"]["fields"]
    rows = read_rows(name)
    columns: dict[str, Any] = {}
    for field in fields:
        values = [row[field["name"]] for row in rows]
        if field.get("type") == "date":
            columns[field["name"]] = pd.to_datetime(pd.Series(values, dtype="object"))
        else:
            columns[field["name"]] = pd.Series(values, dtype=_dtype(field))
    return pd.DataFrame(columns)


@checked
def municipalities() -> pd.DataFrame:
    """The municipality register 2008-2025, one row per run of code and name.

    The county's name is ``county``, as on :class:`~bosetting.model.Municipality`.

    Examples:
        >>> list(municipalities().columns)[:4]
        ['code', 'name', 'county_code', 'county']
    """
    return table("municipalities").rename(columns={"county_name": "county"})


@checked
def municipality_changes() -> pd.DataFrame:
    """SSB's change list 2008-2024 (date, old and new code and name, kind)."""
    return table("municipality_changes")


@checked
def sources() -> pd.DataFrame:
    """Every source the tables cite."""
    return table("sources")


def _edition_order(df: pd.DataFrame) -> pd.DataFrame:
    """Make the ``edition`` column an ordered categorical in edition order."""
    labels = [e.label for e in _editions()]
    df["edition"] = pd.Series(df["edition"], dtype=pd.CategoricalDtype(labels, ordered=True))
    return df


@checked
def editions() -> pd.DataFrame:
    """Every edition of the prize, oldest first; ``edition`` is ordered by time.

    Examples:
        >>> df = editions()
        >>> df.loc[df["edition"] == "2018", "award_date"].tolist()
        ['2019-02-13']
        >>> df["decision_rule"].cat.categories.tolist()
        ['jury_only', 'top_k_then_jury', 'weighted_blend']
    """
    df = _edition_order(table("editions"))
    return df.sort_values("edition", kind="stable").reset_index(drop=True)


def _today(m: Municipality) -> tuple[Municipality | None, MunicipalChange | None]:
    """Today's municipality for ``m`` (``None`` for a split) and the first change on the way."""
    s = succession(m)
    now = s.candidates[0] if len(s.candidates) == 1 else None
    return now, (s.changes[0] if s.changes else None)


@checked
def nominations() -> pd.DataFrame:
    """Every nomination with its county then, today's municipality, and the change between.

    Columns beyond ``nominations.csv``'s own: ``county`` (the county then),
    ``formal`` (``True`` for a winner, finalist or nominee; ``False`` for a
    *candidate*, a municipality a source names only as a rival), ``current_code``
    and ``current_name`` (today's municipality; missing where the area was
    split), ``changed_year`` and ``changed_kind`` (the first change that took
    the historical municipality towards today's: merge, split, renumber or
    rename; missing where it is unchanged). ``edition`` is an ordered
    categorical in edition order and ``outcome`` is ordered from winner to candidate.

    Examples:
        >>> df = nominations()
        >>> row = df[(df["edition"] == "2015") & (df["name_as_written"] == "Skedsmo")]
        >>> row[["code", "county", "current_code", "current_name", "changed_year", "changed_kind"]].values.tolist()
        [['0231', 'Akershus', '3205', 'Lillestrøm', 2020, 'merge']]
        >>> str(df["code"].dtype), str(df["current_code"].dtype), str(df["formal"].dtype)
        ('string', 'string', 'boolean')
    """
    then = {(n.edition, n.municipality.code): n for e in _editions() for n in e.nominations}
    df = table("nominations")
    rows = [then[key] for key in zip(df["edition"], df["code"], strict=True)]
    today = [_today(n.municipality) for n in rows]
    df["county"] = pd.Series([n.municipality.county for n in rows], dtype="string")
    df["formal"] = pd.Series([n.outcome is not Outcome.CANDIDATE for n in rows], dtype="boolean")
    df["current_code"] = pd.Series([m.code if m else None for m, _ in today], dtype="string")
    df["current_name"] = pd.Series([m.name if m else None for m, _ in today], dtype="string")
    df["changed_year"] = pd.Series([c.year if c else None for _, c in today], dtype="Int64")
    df["changed_kind"] = pd.Series(
        [c.kind.value if c else None for _, c in today],
        dtype=pd.CategoricalDtype([k.value for k in ChangeKind]),
    )
    return _edition_order(df)


@checked
def winners() -> pd.DataFrame:
    """Every award: edition, date, the winner then (code, name, county) and today's municipality.

    ``current_*`` are missing where the winner's area was split since.

    Examples:
        >>> df = winners()
        >>> df.loc[df["edition"] == "2022", ["code", "name", "county", "current_code"]].values.tolist()
        [['4602', 'Kinn', 'Vestland', '4602']]
        >>> df.loc[df["edition"] == "2016", ["code", "name", "current_code", "changed_year"]].values.tolist()
        [['1601', 'Trondheim', '5001', 2018]]
    """
    records: list[dict[str, Any]] = []
    for a in _winners():
        m = a.municipality
        now, change = _today(m)
        records.append(
            {
                "edition": a.edition,
                "award_date": str(a.date) or None,
                "code": m.code,
                "name": m.name,
                "county": m.county,
                "current_code": now.code if now else None,
                "current_name": now.name if now else None,
                "current_county": now.county if now else None,
                "changed_year": change.year if change else None,
            }
        )
    df = pd.DataFrame.from_records(records)
    df = df.astype(
        {
            "award_date": "string",
            "code": "string",
            "name": "string",
            "county": "string",
            "current_code": "string",
            "current_name": "string",
            "current_county": "string",
            "changed_year": "Int64",
        }
    )
    return _edition_order(df)


@checked
def criteria() -> pd.DataFrame:
    """Every criterion of every era, with the editions it applies to (``criteria.csv``).

    ``looks_for_interpretation`` is ``True`` where what the jury looks for is our
    interpretation; ``confirmed_to`` is the last edition a source confirms a
    criterion for, where later ones use it by assumption.

    Examples:
        >>> df = criteria()
        >>> df.loc[df["kind"] == "measurable", "criterion_id"].tolist()
        ['2019-anmodning', '2021-over-50', '2023-anmodning']
        >>> df.loc[df["confirmed_to"].notna(), "criterion_id"].tolist()[:2]
        ['2023-resultater', '2023-tilpasset']
    """
    return table("criteria")


@checked
def prize_names() -> pd.DataFrame:
    """Other ways the sources wrote the prize's name, one row per edition and way of writing it.

    Examples:
        >>> df = prize_names()
        >>> df.loc[df["edition"] == "2018", "name_as_written"].tolist()
        ['integrerings- og bosetningsprisen 2018', 'integrerings- og bosettingsprisen']
    """
    return _edition_order(table("prize_names"))


@checked
def initiatives() -> pd.DataFrame:
    """Every initiative a nominee was praised for; ``edition`` is ordered by time."""
    return _edition_order(table("initiatives"))


@checked
def conflicts() -> pd.DataFrame:
    """Every recorded conflict between sources, with both values and both source lists."""
    return table("conflicts")


@checked
def intro_outcomes(*, source: str | None = None) -> pd.DataFrame:
    """Intro-programme outcomes: one row per area, status year, years after leaving and sex.

    Figures SSB did not publish are ``<NA>`` with their status beside them
    (``share_status`` is ``"suppressed"`` for ``:``); nothing is filled in. The
    figures are SSB's as ``bosetting update`` last fetched them where the cache
    holds them, else the shipped ones (``source="shipped"`` forces those); the
    frame's ``attrs["figures_source"]`` says which, and each row's
    ``source_ids`` cites its source.

    Examples:
        >>> df = intro_outcomes()
        >>> row = df[(df["area_code"] == "1001") & (df["status_year"] == 2014) & (df["sex"] == "all")]
        >>> row[["former_participants", "in_work_or_education", "share"]].values.tolist()
        [[115, 79, 0.69]]
        >>> df.attrs["figures_source"]
        'from the data package, status years 2011–2014'
    """
    with using(source):
        frame = table("intro_outcomes")
        frame.attrs["figures_source"] = str(provenance())
    return frame


@checked
def settlement() -> pd.DataFrame:
    """Settlement per municipality and year 2008-2023: requested, decided, settled, with statuses.

    Examples:
        >>> df = settlement()
        >>> df.loc[(df["code"] == "1001") & (df["year"] == 2016), "settled"].tolist()
        [256]
    """
    return table("settlement")
