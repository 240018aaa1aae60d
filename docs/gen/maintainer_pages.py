"""Fill the maintainers' guide (``docs/analysts/new-edition.md``) from the schema and the library.

Run by mkdocs-gen-files at build time. The guide is written by hand; its
``<!-- gen:NAME -->`` lines are replaced here: ``status`` (the newest edition on
record, the register's years, the next free source id) from the library, and
``columns`` (for each table a new edition touches: its columns, which are
required, which cite sources, which hold an English twin of a bokmål text, and
the allowed values) from ``datapackage.json``. A column added to the schema
shows in the guide with no edit to the guide.
"""

from __future__ import annotations

import re
import sys
from collections.abc import Mapping, Sequence
from pathlib import Path
from typing import Any

sys.path.insert(0, str(Path(__file__).resolve().parent))

import _shared as sh

import bosetting as bs
from bosetting.register import first_year, last_year

PAGE = "analysts/new-edition.md"

#: The tables a new edition adds rows to, in the order the guide's steps take them.
RECORD_TABLES = ("sources", "editions", "nominations", "initiatives", "conflicts", "criteria")

#: How an English twin column is named: the bokmål column's name (without ``_nb``) and ``_en``.
ENGLISH_SUFFIX = "_en"

_PRIZE_SOURCE = re.compile(r"S([0-9]+)")


def english_twins(fields: Sequence[Mapping[str, Any]]) -> dict[str, str]:
    """Each bokmål text column that has an English twin, mapped to that twin.

    ``summary_en`` pairs with ``summary_nb``, ``note_en`` with ``note``.

    Examples:
        >>> english_twins([{"name": "note"}, {"name": "note_en"}, {"name": "summary_nb"}])
        {'note': 'note_en'}
        >>> english_twins([{"name": "summary_nb"}, {"name": "summary_en"}])
        {'summary_nb': 'summary_en'}
    """
    names = [str(f["name"]) for f in fields]
    out: dict[str, str] = {}
    for name in names:
        if not name.endswith(ENGLISH_SUFFIX):
            continue
        base = name.removesuffix(ENGLISH_SUFFIX)
        for bokmal in (f"{base}_nb", base):
            if bokmal in names:
                out[bokmal] = name
                break
    return out


def citing(schema: Mapping[str, Any]) -> list[str]:
    """The columns of a table that hold ids of ``sources.csv``."""
    found: list[str] = []
    for key in ("foreignKeys", "x-listForeignKeys"):
        for fk in schema.get(key, []):
            if fk["reference"]["resource"] == "sources":
                fields = fk["fields"]
                found += [fields] if isinstance(fields, str) else list(fields)
    return found


def _code(name: str) -> str:
    return f"`{name}`"


def _what(field: Mapping[str, Any], twins: Mapping[str, str]) -> str:
    name = str(field["name"])
    text = str(field.get("description", ""))
    if name in twins:
        text += f" English twin: {_code(twins[name])}."
    bokmal = next((b for b, e in twins.items() if e == name), None)
    if bokmal is not None:
        text += f" The English twin of {_code(bokmal)}."
    return text.strip()


def table_part(resource: Mapping[str, Any]) -> str:
    """One table's section of the guide: a line of its rules, then its columns."""
    schema = resource["schema"]
    fields = schema["fields"]
    twins = english_twins(fields)
    cites = citing(schema)
    required = [f["name"] for f in fields if f.get("constraints", {}).get("required")]
    facts = [f"Required: {', '.join(map(_code, required))}."]
    if cites:
        facts.append(f"Sources cited in: {', '.join(map(_code, cites))}.")
    if twins:
        pairs = ", ".join(f"{_code(b)} → {_code(e)}" for b, e in twins.items())
        facts.append(f"Bokmål text with an English twin: {pairs}.")
    else:
        facts.append("No English twin columns in this table.")
    rows = [
        (
            _code(f["name"]),
            "yes" if f.get("constraints", {}).get("required") else "no",
            _what(f, twins),
            ", ".join(map(_code, f.get("constraints", {}).get("enum", []))),
        )
        for f in fields
    ]
    return "\n".join(
        [
            f"### `{resource['path']}`",
            "",
            f"{resource['title']}. " + " ".join(facts),
            "",
            sh.md_table(("Column", "Required", "What it holds", "Allowed values"), rows),
        ]
    )


def columns(page: str) -> str:
    """The ``columns`` part: every table a new edition touches, from ``datapackage.json``."""
    by_name = {r["name"]: r for r in sh.datapackage()["resources"]}
    missing = [name for name in RECORD_TABLES if name not in by_name]
    if missing:
        raise SystemExit(f"docs/gen: {page} names tables the data package lacks: {missing}")
    return "\n".join(table_part(by_name[name]) for name in RECORD_TABLES).rstrip("\n")


def next_source_id() -> str:
    """The next free id in the ``S`` series of prize sources."""
    numbers = [
        int(m[1]) for r in sh.table("sources.csv") if (m := _PRIZE_SOURCE.fullmatch(r["source_id"]))
    ]
    return f"S{max(numbers, default=0) + 1}"


def status(page: str) -> str:
    """The ``status`` part: where the record stands now."""
    newest = bs.latest()
    won = bs.latest(with_winner=True)
    return (
        f"Where the record stands (read from the tables when this site was built): "
        f"{len(bs.editions())} editions, the newest labelled **{newest.label}** "
        f"({newest.status.label}); the newest known winner is {won.winner}, for "
        f"{won.label}. The municipality register covers {first_year()}–"
        f"{last_year()}. The next free prize source id is `{next_source_id()}`."
    )


def main() -> None:
    """Fill the guide, in English."""
    with bs.i18n.language("en"):
        sh.fill(PAGE, {"status": status, "columns": columns})


if __name__ in sh.RUN_NAMES:
    main()
