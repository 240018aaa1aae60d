"""pandas views of the shipped tables, with declared dtypes.

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

from bosetting.data import read_rows, resource

__all__ = [
    "conflicts",
    "editions",
    "initiatives",
    "intro_outcomes",
    "municipalities",
    "municipality_changes",
    "nominations",
    "settlement",
    "sources",
    "table",
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


def municipalities() -> pd.DataFrame:
    """The municipality register 2008-2025, one row per run of code and name."""
    return table("municipalities")


def municipality_changes() -> pd.DataFrame:
    """SSB's change list 2008-2024 (date, old and new code and name, kind)."""
    return table("municipality_changes")


def sources() -> pd.DataFrame:
    """Every source the tables cite."""
    return table("sources")


def _edition_order(df: pd.DataFrame) -> pd.DataFrame:
    """Make the ``edition`` column an ordered categorical in edition order."""
    from bosetting.history import editions as _editions

    labels = [e.label for e in _editions()]
    df["edition"] = pd.Series(df["edition"], dtype=pd.CategoricalDtype(labels, ordered=True))
    return df


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


def nominations() -> pd.DataFrame:
    """Every nomination, with today's municipality (``current_code``, ``current_name``).

    ``current_code`` and ``current_name`` are missing where the area was split.
    ``edition`` is an ordered categorical in edition order and ``outcome`` is
    ordered from winner to candidate.

    Examples:
        >>> df = nominations()
        >>> row = df[(df["edition"] == "2015") & (df["name_as_written"] == "Skedsmo")]
        >>> row[["code", "current_code", "current_name"]].values.tolist()
        [['0231', '3205', 'Lillestrøm']]
        >>> str(df["code"].dtype), str(df["current_code"].dtype)
        ('string', 'string')
    """
    from bosetting.history import editions as _editions

    now = {(n.edition, n.municipality.code): n.current for e in _editions() for n in e.nominations}
    df = table("nominations")
    currents = [now[key] for key in zip(df["edition"], df["code"], strict=True)]
    df["current_code"] = pd.Series([m.code if m else None for m in currents], dtype="string")
    df["current_name"] = pd.Series([m.name if m else None for m in currents], dtype="string")
    return _edition_order(df)


def initiatives() -> pd.DataFrame:
    """Every initiative a nominee was praised for; ``edition`` is ordered by time."""
    return _edition_order(table("initiatives"))


def conflicts() -> pd.DataFrame:
    """Every recorded conflict between sources, with both values and both source lists."""
    return table("conflicts")


def intro_outcomes() -> pd.DataFrame:
    """Intro-programme outcomes: one row per area, status year, years after leaving and sex.

    Figures SSB did not publish are ``<NA>`` with their status beside them
    (``share_status`` is ``"suppressed"`` for ``:``); nothing is filled in.

    Examples:
        >>> df = intro_outcomes()
        >>> row = df[(df["area_code"] == "1001") & (df["status_year"] == 2014) & (df["sex"] == "all")]
        >>> row[["former_participants", "in_work_or_education", "share"]].values.tolist()
        [[115, 79, 0.69]]
    """
    return table("intro_outcomes")


def settlement() -> pd.DataFrame:
    """Settlement per nominated municipality and year: requested, decided, settled, with statuses.

    Examples:
        >>> df = settlement()
        >>> df.loc[(df["code"] == "1001") & (df["year"] == 2016), "settled"].tolist()
        [256]
    """
    return table("settlement")
