"""``bosetting update``: SSB table 10824 and KLASS 131 into the per-user cache, one source at a time.

:func:`update` fetches two sources, in this order:

1. **KLASS 131** (the municipality register; :mod:`bosetting.ssb._klass`): its
   codes and changes from the register's first year up to today, as the tables
   ``municipalities`` and ``municipality_changes``. The register's last year is
   then the year of the fetch.
2. **SSB table 10824** (:mod:`bosetting.ssb._query`): the country, every county
   and every municipality, every status year, both sexes and each sex, one year
   after leaving, persons and per cent, read with the register in use (so KLASS
   goes first), as rows of ``intro_outcomes``. Each row replaces the shipped row
   of the same area, status year, sex and method; the shipped rows SSB's answer
   does not hold (the older monitor's national series) stay.

Each source is fetched whole, stored under a hidden name, read back through the
same reader, schema and register as every table, and only then put in use
(:mod:`bosetting.data._cache`); a source that fails at any step leaves the cache
as it was and the other source goes on. Each stored answer keeps its address,
fetch time and SHA-256, and every row of a refreshed table cites a source that
says when it was fetched. Queries keep to SSB's limits (:mod:`bosetting.ssb._http`).
"""

from __future__ import annotations

import json
from collections.abc import Sequence
from datetime import UTC, date, datetime, timedelta
from typing import Any

from bosetting.data import (
    SHIPPED,
    CachedSource,
    View,
    commit_source,
    csv_bytes,
    current_view,
    discard_source,
    forget_cache,
    pinned,
    read_rows,
    resource,
    stage_source,
    using,
)
from bosetting.errors import BosettingError, DataError, SSBFormatError
from bosetting.i18n import N_, _
from bosetting.model import IntroProgrammeOutcome, Text, checked, number_argument
from bosetting.register import first_year, municipalities
from bosetting.ssb._cells import TABLE_ID
from bosetting.ssb._http import RateLimit, get
from bosetting.ssb._klass import (
    changes_url,
    codes_url,
    is_unknown,
    read_changes,
    read_codes,
    register_rows,
)
from bosetting.ssb._query import fetch_answers, ssb_api
from bosetting.ssb._read import read_answer
from bosetting.ssb._report import (
    INTRO_REPLACES,
    KLASS_SOURCE,
    NAMES,
    SSB_SOURCE,
    Progress,
    SourceReport,
    UpdateReport,
)

#: The source ids the refreshed rows cite (rows of ``sources`` stored with them).
_CITED = {
    "codes": "ssb-klass-131-update",
    "changes": "ssb-klass-131-changes-update",
    "ssb": "ssb-10824-update",
}

__all__ = [
    "INTRO_REPLACES",
    "KLASS_SOURCE",
    "SSB_SOURCE",
    "SourceReport",
    "UpdateReport",
    "update",
]


def _table(name: str, rows: Sequence[dict[str, Any]]) -> bytes:
    """A table part: the shipped table's columns (in its order), written by the one CSV writer."""
    header = [f["name"] for f in resource(name)["schema"]["fields"]]
    return csv_bytes(header, ([r.get(h) for h in header] for r in rows))


def _source_row(
    source_id: str, title: str, url: str, fetched: datetime, what: Text
) -> dict[str, Any]:
    stamp = fetched.astimezone(UTC).isoformat(timespec="seconds")
    return {
        "source_id": source_id,
        "publisher": "Statistisk sentralbyrå",
        "title": title,
        "url": url,
        "published": fetched.astimezone(UTC).date(),
        "language": "nb",
        "kind": "ssb",
        # A data text, in bokmål and in English (the table's x-translations).
        "note": (
            f"Hentet med «bosetting update» {stamp} ({what.nb}); hvert svar er lagret med adresse "
            "og SHA-256 i hurtigbufferen. Lisens CC BY 4.0, kreditering «Statistisk sentralbyrå»."
        ),
        "note_en": (
            f"Fetched with 'bosetting update' at {stamp} ({what.en}); each answer is kept with "
            "its address and SHA-256 in the cache. Licence CC BY 4.0, credit 'Statistisk "
            "sentralbyrå'."
        ),
    }


def _base() -> View:
    """The view a fetched source is read and checked against: the cache as it is.

    Whatever source of figures the caller chose (``set_source("shipped")``); the
    shipped tables when the cache is damaged (storing the source then replaces
    its damaged manifest).
    """
    try:
        with using("auto"):
            return current_view()
    except DataError:
        return SHIPPED


def _check(source: CachedSource, tables: Sequence[str]) -> None:
    """Read a staged source's tables through the reader, the schema and the register."""
    others = tuple(s for s in _base().sources if s.name != source.name)
    with pinned(View((*others, source))):
        for table in tables:
            read_rows(table)
        if "municipalities" in tables:
            municipalities()


def _store(
    name: str,
    fetched: datetime,
    files: Sequence[tuple[str, str, bytes]],
    tables: Sequence[tuple[str, str, bytes, Sequence[str]]],
    years: tuple[int, int],
) -> CachedSource:
    staged = stage_source(name, fetched=fetched, files=files, tables=tables, years=years)
    try:
        _check(staged.source, ["sources", *(t[0] for t in tables if t[0] != "sources")])
    except BaseException:
        discard_source(staged)
        raise
    stored = commit_source(staged)
    forget_cache()
    return stored


def _klass(limit: RateLimit, progress: Progress | None, timeout: float) -> SourceReport:
    name = _(NAMES[KLASS_SOURCE])
    fetched = datetime.now(UTC)
    with using("shipped"):
        start = date(first_year(), 1, 1)
    end = fetched.astimezone().date() + timedelta(days=1)
    answers = []
    for i, url in enumerate((codes_url(start, end), changes_url(start, end)), start=1):
        if progress is not None:
            progress(_("{source}: query {done} of {total}", source=name, done=i, total=2))
        answers.append((url, get(url, limit=limit, timeout=timeout)))
    (c_url, c_raw), (ch_url, ch_raw) = answers
    codes = read_codes(c_raw, c_url)
    changes, one_sided = read_changes(ch_raw, ch_url)
    register, change_rows = register_rows(
        codes,
        changes,
        start=start,
        end=end,
        codes_source=_CITED["codes"],
        changes_source=_CITED["changes"],
        url=c_url,
    )
    cited = [
        _source_row(
            _CITED["codes"],
            "Standard for kommuneinndeling (KLASS 131)",
            c_url,
            fetched,
            Text("kodene", en="the codes"),
        ),
        _source_row(
            _CITED["changes"],
            "Endringer i standard for kommuneinndeling (KLASS 131)",
            ch_url,
            fetched,
            Text("endringslisten", en="the list of changes"),
        ),
    ]
    years = (start.year, fetched.astimezone().year)
    stored = _store(
        KLASS_SOURCE,
        fetched,
        [("codes.json", c_url, c_raw), ("changes.json", ch_url, ch_raw)],
        [
            ("sources", "sources.csv", _table("sources", cited), ("source_id",)),
            ("municipalities", "municipalities.csv", _table("municipalities", register), ()),
            (
                "municipality_changes",
                "municipality_changes.csv",
                _table("municipality_changes", change_rows),
                (),
            ),
        ],
        years,
    )
    counts = (
        ("codes", len({r["code"] for r in register})),
        ("changes", len(change_rows)),
        ("left_out", one_sided),
        ("unknown", len({c.code for c in codes if is_unknown(c.code)})),
    )
    return SourceReport(KLASS_SOURCE, stored, queries=2, counts=counts)


def _intro_row(o: IntroProgrammeOutcome, source_id: str) -> dict[str, Any]:
    return {
        "area_type": o.area_type.value,
        "area_code": o.area_code,
        "area_name": o.area_name,
        "cohort_year": o.cohort_year,
        "status_year": o.status_year,
        "years_after": o.years_after,
        "sex": o.sex.value,
        "former_participants": o.former_participants,
        "former_participants_status": o.former_participants_status.value,
        "in_work_or_education": o.in_work_or_education,
        "in_work_or_education_status": o.in_work_or_education_status.value,
        "share": o.share,
        "share_status": o.share_status.value,
        "figure_stage": o.stage.value,
        "method": o.method.value,
        "note": o.note.nb if o.note else None,
        "note_en": o.note.en if o.note else None,
        "source_ids": source_id,
    }


def _label(body: bytes) -> str:
    try:
        label = json.loads(body.decode("utf-8")).get("label")
    except (UnicodeDecodeError, ValueError, AttributeError):
        label = None
    if isinstance(label, str) and label.startswith(TABLE_ID):
        return label
    return f"{TABLE_ID}: Tidligere deltakere i introduksjonsprogrammet"


def _ssb(limit: RateLimit, progress: Progress | None, timeout: float) -> SourceReport:
    name = _(NAMES[SSB_SOURCE])
    fetched = datetime.now(UTC)

    def step(done: int, total: int) -> None:
        if progress is not None:
            progress(_("{source}: query {done} of {total}", source=name, done=done, total=total))

    answers, codes = fetch_answers(limit=limit, timeout=timeout, progress=step)
    (meta_url, _meta), data = answers[0], answers[1:]
    records: list[IntroProgrammeOutcome] = []
    with pinned(_base()):  # region codes through the register in use (KLASS as just fetched)
        for url, body in data:
            records.extend(read_answer(body, url, keep_out_of_force=True))
    if not records:
        raise SSBFormatError(N_("SSB's answer holds no figures bosetting reads"), file=meta_url)
    rows = [_intro_row(o, _CITED["ssb"]) for o in records]
    years = (min(o.status_year for o in records), max(o.status_year for o in records))
    one = len(data) == 1
    queries = Text(
        f"{len(data)} spørring" + ("" if one else "er"),
        en=f"{len(data)} quer" + ("y" if one else "ies"),
    )
    cited = [
        _source_row(
            _CITED["ssb"], _label(data[0][1]), f"{ssb_api()}/tables/{TABLE_ID}", fetched, queries
        )
    ]
    files = [("metadata.json", meta_url, _meta)]
    files += [(f"data-{i:02d}.json", url, body) for i, (url, body) in enumerate(data, start=1)]
    stored = _store(
        SSB_SOURCE,
        fetched,
        files,
        [
            ("sources", "sources.csv", _table("sources", cited), ("source_id",)),
            (
                "intro_outcomes",
                "intro_outcomes.csv",
                _table("intro_outcomes", rows),
                INTRO_REPLACES,
            ),
        ],
        years,
    )
    counts = (
        ("rows", len(rows)),
        ("areas", len({(o.area_type, o.area_code) for o in records})),
        ("left_out", codes.left_out),
        ("out_of_force", sum(1 for o in records if o.note)),
    )
    return SourceReport(SSB_SOURCE, stored, queries=len(answers), counts=counts)


@checked
def update(
    *, progress: Progress | None = None, timeout: float = 60.0, limit: RateLimit | None = None
) -> UpdateReport:
    """Fetch SSB's municipality register (KLASS 131) and table 10824 into the per-user cache.

    KLASS first (its codes and changes from 2008 up to today), then table 10824
    (the country, every county and municipality, every status year, both sexes
    and each, one year after leaving), each within SSB's query limits, stored
    whole only after it reads through the same reader, schema and register as
    the shipped tables; a source that fails leaves the cache as it was. Every
    function that reads figures uses them from then on and says so (unless asked
    for the shipped ones: ``source="shipped"``, the command's ``--offline``). The
    cache is ``BOSETTING_CACHE_DIR`` or the platform's per-user cache folder; the
    addresses ``BOSETTING_SSB_API`` and ``BOSETTING_KLASS_API`` or SSB's own.

    Args:
        progress: Called with a line of text before each query (the command
            writes it to a terminal).
        timeout: Seconds to wait for each answer.
        limit: The query limit to keep (SSB's 30 a minute when ``None``).

    Returns:
        One report per source; :attr:`UpdateReport.ok` is false when a source
        failed (its error is in the report, and the cache holds what it held).
    """
    number_argument(timeout, "timeout", low=0.001, high=3600)
    limit = limit or RateLimit()
    reports = []
    for source, fetch in ((KLASS_SOURCE, _klass), (SSB_SOURCE, _ssb)):
        try:
            reports.append(fetch(limit, progress, timeout))
        except BosettingError as exc:
            reports.append(SourceReport(source, error=exc))
    forget_cache()
    return UpdateReport(tuple(reports))
