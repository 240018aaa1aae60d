"""KLASS classification 131 (the municipalities) from SSB's KLASS API, as register tables.

The KLASS API (its guide, github statisticsnorway/klass,
``klass-api/src/main/asciidoc/api-guide.adoc``) answers XML unless the
``Accept`` header asks for JSON. Two of its resources are read:

* ``/classifications/131/codes?from=YYYY-MM-DD&to=YYYY-MM-DD``: every code in
  force some time in the range (``from`` inclusive, ``to`` exclusive), one item
  per code and name with ``validFromInRequestedRange`` and
  ``validToInRequestedRange`` (the end is exclusive; a code still in force ends
  on the requested ``to``);
* ``/classifications/131/changes?from=...&to=...``: ``codeChanges``, one item per
  old and new code of a change with ``changeOccurred``; an item without an old
  code is a code that started, one without a new code a code that ended.

:func:`register_rows` turns them into rows of the shipped tables
``municipalities`` and ``municipality_changes``, read by the same reader as the
shipped ones. Years are whole calendar years (changes take effect on 1
January). A run already in force when the range starts keeps the first year the
shipped register gives it (KLASS is asked from 2008, the register's first
year). County names are the shipped register's for the code's first two
digits; a county code it does not know stops the refresh with a message (a
newer bosetting knows it). SSB's code for an unknown municipality (``9999
Uoppgitt``, which KLASS lists among them) is left out and counted. The kind of a change is
:func:`bosetting.register.change_kinds`; a change the shipped table has keeps
its note and its sources.

The base address is ``BOSETTING_KLASS_API`` when set, else :data:`KLASS_API`.
"""

from __future__ import annotations

import os
import re
from collections.abc import Sequence
from datetime import date, timedelta
from typing import Any

import attrs

from bosetting.data import Row, shipped_rows, split_ids
from bosetting.errors import SSBFormatError
from bosetting.i18n import N_
from bosetting.register import change_kinds
from bosetting.ssb._http import json_answer

__all__ = [
    "KLASS_API",
    "KLASS_API_ENV_VAR",
    "KlassChange",
    "KlassCode",
    "changes_url",
    "codes_url",
    "is_unknown",
    "klass_api",
    "read_changes",
    "read_codes",
    "register_rows",
]

#: SSB's KLASS API.
KLASS_API = "https://data.ssb.no/api/klass/v1"
#: The environment variable that replaces :data:`KLASS_API` (a loopback server in the tests).
KLASS_API_ENV_VAR = "BOSETTING_KLASS_API"
_CLASSIFICATION = "131"
#: The source the shipped change rows cite for KLASS's change list (a refreshed row cites the fetch).
_SHIPPED_CHANGES = "ssb-klass-131-changes"
_CODE = re.compile(r"[0-9]{4}")


def is_unknown(code: str) -> bool:
    """Whether a code is SSB's "unknown" (``9999 Uoppgitt`` in classification 131), not a municipality.

    KLASS lists it among the municipalities (seen in the 2024 version); the
    register and the refresh leave it out.

    Examples:
        >>> is_unknown("9999"), is_unknown("0301")
        (True, False)
    """
    return code.startswith("99")


def klass_api() -> str:
    """The KLASS base address in use: ``BOSETTING_KLASS_API``, else :data:`KLASS_API`."""
    return (os.environ.get(KLASS_API_ENV_VAR, "").strip() or KLASS_API).rstrip("/")


def codes_url(start: date, end: date) -> str:
    """The address of classification 131's codes from ``start`` up to (not including) ``end``.

    Examples:
        >>> codes_url(date(2008, 1, 1), date(2026, 12, 7)).removeprefix(klass_api())
        '/classifications/131/codes?from=2008-01-01&to=2026-12-07&language=nb'
    """
    return (
        f"{klass_api()}/classifications/{_CLASSIFICATION}/codes"
        f"?from={start.isoformat()}&to={end.isoformat()}&language=nb"
    )


def changes_url(start: date, end: date) -> str:
    """The address of classification 131's changes from ``start`` up to (not including) ``end``."""
    return (
        f"{klass_api()}/classifications/{_CLASSIFICATION}/changes"
        f"?from={start.isoformat()}&to={end.isoformat()}&language=nb"
    )


@attrs.frozen
class KlassCode:
    """One code and name of classification 131 and when it was in force (``end`` exclusive)."""

    code: str
    name: str
    start: date
    end: date | None


@attrs.frozen
class KlassChange:
    """One row of classification 131's change list."""

    day: date
    old_code: str
    old_name: str
    new_code: str
    new_name: str


def _load(raw: bytes, url: str, member: str) -> list[Any]:
    doc = json_answer(raw, url)
    items = doc.get(member) if isinstance(doc, dict) else None
    if not isinstance(items, list):
        raise SSBFormatError(
            N_("not KLASS's answer: it has no list {member}"), member=member, file=url, field=member
        )
    return items


def _text(item: Any, key: str, url: str, where: str, *, code: bool = False) -> str:
    value = item.get(key) if isinstance(item, dict) else None
    if not isinstance(value, str) or not value.strip():
        raise SSBFormatError(
            N_("KLASS's answer lacks this text"), file=url, field=f"{where}.{key}", value=value
        )
    if code and not _CODE.fullmatch(value):
        raise SSBFormatError(
            N_("a municipality code in KLASS 131 has four digits"),
            file=url,
            field=f"{where}.{key}",
            value=value,
        )
    return value.strip()


def _day(item: Any, key: str, url: str, where: str) -> date:
    value = item.get(key) if isinstance(item, dict) else None
    try:
        if isinstance(value, str):
            return date.fromisoformat(value)
    except ValueError:
        pass
    raise SSBFormatError(
        N_("not a date written as YYYY-MM-DD"), file=url, field=f"{where}.{key}", value=value
    )


def read_codes(raw: bytes, url: str) -> list[KlassCode]:
    """Read KLASS's ``codes`` answer for classification 131.

    Raises:
        SSBFormatError: Naming the item and member that is not as KLASS writes it.
    """
    out = []
    for i, item in enumerate(_load(raw, url, "codes")):
        where = f"codes[{i}]"
        start = _day(item, "validFromInRequestedRange", url, where)
        end = None
        if isinstance(item, dict) and item.get("validToInRequestedRange") is not None:
            end = _day(item, "validToInRequestedRange", url, where)
        if end is not None and end <= start:
            raise SSBFormatError(
                N_("a code cannot end before it starts"),
                file=url,
                field=f"{where}.validToInRequestedRange",
                value=end.isoformat(),
            )
        out.append(
            KlassCode(
                _text(item, "code", url, where, code=True),
                _text(item, "name", url, where),
                start,
                end,
            )
        )
    return out


def read_changes(raw: bytes, url: str) -> tuple[list[KlassChange], int]:
    """Read KLASS's ``changes`` answer: the changes with both sides, and how many had one side only.

    Raises:
        SSBFormatError: Naming the item and member that is not as KLASS writes it.
    """
    out = []
    one_sided = 0
    for i, item in enumerate(_load(raw, url, "codeChanges")):
        where = f"codeChanges[{i}]"
        day = _day(item, "changeOccurred", url, where)
        if not isinstance(item, dict) or not item.get("oldCode") or not item.get("newCode"):
            one_sided += 1  # a code that started or ended without a counterpart
            continue
        out.append(
            KlassChange(
                day,
                _text(item, "oldCode", url, where, code=True),
                _text(item, "oldName", url, where),
                _text(item, "newCode", url, where, code=True),
                _text(item, "newName", url, where),
            )
        )
    return out, one_sided


def _runs(codes: Sequence[KlassCode]) -> list[KlassCode]:
    """Items of the same code and name that follow each other, joined into one run."""
    out: list[KlassCode] = []
    for c in sorted(codes, key=lambda c: (c.code, c.start)):
        last = out[-1] if out else None
        if last is not None and (last.code, last.name, last.end) == (c.code, c.name, c.start):
            out[-1] = attrs.evolve(last, end=c.end)
        else:
            out.append(c)
    return out


def _counties(register: Sequence[Row]) -> dict[str, str]:
    names: dict[str, tuple[int, str]] = {}
    for r in register:
        year = r["valid_to"] or 9999
        if r["county_code"] not in names or names[r["county_code"]][0] <= year:
            names[r["county_code"]] = (year, r["county_name"])
    return {code: name for code, (_, name) in names.items()}


def register_rows(
    codes: Sequence[KlassCode],
    changes: Sequence[KlassChange],
    *,
    start: date,
    end: date,
    codes_source: str,
    changes_source: str,
    url: str,
) -> tuple[list[dict[str, Any]], list[dict[str, Any]]]:
    """Rows of ``municipalities`` and ``municipality_changes`` from KLASS's answers.

    Args:
        codes: The codes answer (asked from ``start`` to ``end``).
        changes: The changes with both sides.
        start: The first day asked for.
        end: The day after the last asked for.
        codes_source: The source id the register rows cite.
        changes_source: The source id the change rows cite.
        url: The codes answer's address (for messages).

    Raises:
        SSBFormatError: For a municipality whose county the shipped register does not know.
    """
    shipped = shipped_rows("municipalities")
    earlier = {
        (r["code"], r["name"]): r["valid_from"]
        for r in shipped
        if r["valid_from"] <= start.year and (r["valid_to"] or start.year) >= start.year
    }
    counties = _counties(shipped)
    register = []
    for run in _runs(codes):
        if is_unknown(run.code):
            continue
        county = run.code[:2]
        if county not in counties:
            raise SSBFormatError(
                N_(
                    "KLASS lists {code} {name} in county {county}, which bosetting's register "
                    "does not know (a newer bosetting does)"
                ),
                code=run.code,
                name=run.name,
                county=county,
                file=url,
                field="code",
                value=run.code,
            )
        first = run.start.year
        if run.start <= start:
            first = earlier.get((run.code, run.name), first)
        last = None if run.end is None or run.end >= end else (run.end - timedelta(days=1)).year
        register.append(
            {
                "code": run.code,
                "name": run.name,
                "county_code": county,
                "county_name": counties[county],
                "valid_from": first,
                "valid_to": last,
                "source_ids": codes_source,
            }
        )
    register.sort(key=lambda r: (r["code"], r["valid_from"]))
    known = {
        (r["date"], r["old_code"], r["new_code"]): r for r in shipped_rows("municipality_changes")
    }
    ordered = sorted(
        (c for c in changes if not (is_unknown(c.old_code) or is_unknown(c.new_code))),
        key=lambda c: (c.day, c.old_code, c.new_code),
    )
    kinds = change_kinds([(c.day.isoformat(), c.old_code, c.new_code) for c in ordered])
    rows = []
    for c, kind in zip(ordered, kinds, strict=True):
        before = known.get((c.day, c.old_code, c.new_code)) or {}
        cited = [changes_source]
        cited += [s for s in split_ids(before.get("source_ids")) if s != _SHIPPED_CHANGES]
        rows.append(
            {
                **before,  # the shipped row's note (and any other column) where it has the change
                "date": c.day,
                "old_code": c.old_code,
                "old_name": c.old_name,
                "new_code": c.new_code,
                "new_name": c.new_name,
                "kind": kind.value,
                "source_ids": ";".join(cited),
            }
        )
    return register, rows
