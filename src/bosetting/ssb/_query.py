"""The queries for SSB table 10824 on PxWebApi 2: built from the table's codes, split to SSB's limits.

PxWebApi 2 (SSB's API guide,
https://www.ssb.no/api/api-mot-statistikkbanken--brukerveiledning, and the
PxWebApi 2 user guide, github PxTools/pxtools.github.io,
``docs/PxWebApi/documentation/user-guide.md``) answers a GET on
``{base}/tables/{id}/metadata`` with the table's dimensions and their codes as a
JSON-stat2 dataset without values, and a GET on ``{base}/tables/{id}/data`` with
``valueCodes[<dimension>]=code,code`` (one parameter per dimension that cannot be
left out) and ``outputformat=json-stat2`` with the figures. An answer may hold at
most 800 000 cells, and a GET address longer than about 2 100 characters fails.

:func:`plan_queries` turns the codes the table has into as many addresses as it
takes to stay under both limits (regions in groups, and the status years in
groups too if one region's years would not fit), so a fetch is split, never
refused. The dimensions and codes are this table's: :data:`DIMENSIONS`, the two
contents (persons, per cent) and the statuses total and "in work and/or
education"; a table whose metadata lists a dimension outside them is refused
with a message naming it, because a query that leaves it out would not be the
figures bosetting reads.

The base address is ``BOSETTING_SSB_API`` when set (the tests' loopback server),
else :data:`SSB_API`.
"""

from __future__ import annotations

import os
import re
import urllib.parse
from collections.abc import Callable, Iterable, Sequence
from typing import Any

import attrs

from bosetting.errors import SSBFormatError
from bosetting.i18n import N_
from bosetting.model import IntroProgrammeOutcome, checked, number_argument
from bosetting.ssb._cells import DIMENSIONS, PERCENT, PERSONS, TABLE_ID, TOTAL, WORK_OR_EDUCATION
from bosetting.ssb._http import RateLimit, get, json_answer
from bosetting.ssb._read import read_answer

__all__ = [
    "MAX_CELLS_PER_QUERY",
    "MAX_URL_CHARS",
    "SSB_API",
    "SSB_API_ENV_VAR",
    "TableCodes",
    "build_query",
    "fetch_10824",
    "fetch_answers",
    "metadata_url",
    "plan_queries",
    "read_metadata",
    "ssb_api",
]

#: SSB's PxWebApi 2.
SSB_API = "https://data.ssb.no/api/pxwebapi/v2"
#: The environment variable that replaces :data:`SSB_API` (a loopback server in the tests).
SSB_API_ENV_VAR = "BOSETTING_SSB_API"
#: SSB's limit on the cells of one answer.
MAX_CELLS_PER_QUERY = 800_000
#: The longest GET address sent (SSB's guide: addresses over about 2 100 characters fail).
MAX_URL_CHARS = 2000
#: The region codes bosetting reads: the country, counties and municipalities
#: (næringsregioner ``N01``, Oslo's bydeler and SSB's "unknown" ``99``/``9999``
#: are left out of the query).
_REGION = re.compile(r"0|(?!99)[0-9]{2}|(?!99)[0-9]{4}")
_SEXES = ("0", "1", "2")


def ssb_api() -> str:
    """The PxWebApi 2 base address in use: ``BOSETTING_SSB_API``, else :data:`SSB_API`."""
    return (os.environ.get(SSB_API_ENV_VAR, "").strip() or SSB_API).rstrip("/")


def metadata_url(lang: str = "no") -> str:
    """The address of table 10824's dimensions and codes.

    Examples:
        >>> metadata_url().removeprefix(ssb_api())
        '/tables/10824/metadata?lang=no'
    """
    return f"{ssb_api()}/tables/{TABLE_ID}/metadata?lang={lang}"


def _codes(values: Iterable[object] | None) -> str:
    if values is None:
        return "*"
    return ",".join(str(v) for v in values)


@checked
def build_query(
    *,
    regions: Iterable[str] | None = None,
    years: Iterable[int] | None = None,
    sexes: Iterable[str] = _SEXES,
    years_after: Iterable[int] = (1,),
    lang: str = "no",
) -> str:
    """The PxWebApi 2 address that downloads table 10824 as JSON-stat2.

    Args:
        regions: Region codes (``"0"`` for the country); ``None`` for all (``*``:
            næringsregioner and bydeler too, which the readers refuse).
        years: Status years; ``None`` for all.
        sexes: ``"0"`` both, ``"1"`` men, ``"2"`` women.
        years_after: Years since leaving (1-5).
        lang: ``"no"`` or ``"en"``.

    Examples:
        >>> url = build_query(regions=["0", "1001"], years=[2013, 2014])
        >>> url.split("?")[0].removeprefix(ssb_api())
        '/tables/10824/data'
        >>> "valueCodes[Region]=0,1001" in urllib.parse.unquote(url)
        True
        >>> "valueCodes[Tid]=2013,2014" in urllib.parse.unquote(url)
        True
    """
    params = {
        "lang": lang,
        "outputformat": "json-stat2",
        "valueCodes[Region]": _codes(regions),
        "valueCodes[Kjonn]": _codes(sexes),
        "valueCodes[IntroAvbrudd]": ",".join(f"{int(a):02d}" for a in years_after),
        "valueCodes[Arbeidsmarkedsstatus]": f"{TOTAL},{WORK_OR_EDUCATION}",
        "valueCodes[ContentsCode]": f"{PERSONS},{PERCENT}",
        "valueCodes[Tid]": _codes(years),
    }
    query = urllib.parse.urlencode(params, safe="[],*")
    return f"{ssb_api()}/tables/{TABLE_ID}/data?{query}"


@checked
@attrs.frozen
class TableCodes:
    """The codes of table 10824 that bosetting asks for, from the table's metadata.

    Attributes:
        regions: The country, county and municipality codes, in the table's order.
        years: Every status year.
        left_out: How many region codes of other kinds the table has (næringsregioner, bydeler).
    """

    regions: tuple[str, ...]
    years: tuple[int, ...]
    left_out: int = 0


def _fail(
    message: str, *, file: str, field: str, value: Any = None, **params: Any
) -> SSBFormatError:
    return SSBFormatError(message, file=file, field=field, value=value, **params)


def _category_codes(doc: dict[str, Any], dim: str, file: str) -> list[str]:
    dims = doc.get("dimension")
    entry = dims.get(dim) if isinstance(dims, dict) else None
    category = entry.get("category") if isinstance(entry, dict) else None
    index = category.get("index") if isinstance(category, dict) else None
    if isinstance(index, dict) and all(isinstance(p, int) for p in index.values()):
        return [c for c, _ in sorted(index.items(), key=lambda kv: int(kv[1]))]
    if isinstance(index, list) and all(isinstance(c, str) for c in index):
        return list(index)
    raise _fail(N_("the dimension has no category index"), file=file, field=f"dimension.{dim}")


@checked
def read_metadata(raw: bytes, url: str) -> TableCodes:
    """Read table 10824's metadata (JSON-stat2 without values) into the codes to ask for.

    Raises:
        SSBFormatError: For an answer that is not JSON-stat2, lacks one of
            :data:`DIMENSIONS`, lists a dimension bosetting does not know, or has
            a status year that is not four digits.

    Examples:
        >>> import json
        >>> doc = {"class": "dataset", "id": list(DIMENSIONS), "dimension": {
        ...     d: {"category": {"index": {"0": 0}}} for d in DIMENSIONS}}
        >>> doc["dimension"]["Region"]["category"]["index"] = {"0": 0, "46": 1, "4602": 2, "N01": 3}
        >>> doc["dimension"]["Tid"]["category"]["index"] = {"2023": 0, "2024": 1}
        >>> read_metadata(json.dumps(doc).encode(), "meta")
        TableCodes(regions=('0', '46', '4602'), years=(2023, 2024), left_out=1)
    """
    doc = json_answer(raw, url)
    if not isinstance(doc, dict) or doc.get("class") != "dataset":
        raise SSBFormatError(N_('not a JSON-stat2 dataset (no "class": "dataset")'), file=url)
    ids = doc.get("id")
    if not isinstance(ids, list) or not all(isinstance(d, str) for d in ids):
        raise _fail(N_('"id" must list distinct dimension names'), file=url, field="id", value=ids)
    unknown = [d for d in ids if d not in DIMENSIONS]
    if unknown:
        raise _fail(
            N_(
                "table {table} has a dimension bosetting does not know; a query that leaves "
                "it out would not be the figures bosetting reads (a newer bosetting may know it)"
            ),
            table=TABLE_ID,
            file=url,
            field="id",
            value=unknown[0],
        )
    for dim in DIMENSIONS:
        if dim not in ids:
            raise _fail(
                N_("the dimension {dimension} is missing; table {table} has {dimensions}"),
                dimension=dim,
                table=TABLE_ID,
                dimensions=", ".join(DIMENSIONS),
                file=url,
                field=dim,
            )
    regions = _category_codes(doc, "Region", url)
    years = []
    for code in _category_codes(doc, "Tid", url):
        if not re.fullmatch(r"[0-9]{4}", code):
            raise _fail(
                N_("a status year (Tid) has four digits 0-9"), file=url, field="Tid", value=code
            )
        years.append(int(code))
    chosen = tuple(r for r in regions if _REGION.fullmatch(r))
    return TableCodes(chosen, tuple(years), len(regions) - len(chosen))


def _chunks(items: Sequence[Any], size: int) -> list[Sequence[Any]]:
    return [items[i : i + size] for i in range(0, len(items), size)]


@checked
def plan_queries(
    codes: TableCodes,
    *,
    sexes: Sequence[str] = _SEXES,
    years_after: Sequence[int] = (1,),
    max_cells: int | None = None,
    max_url: int | None = None,
) -> tuple[str, ...]:
    """The addresses that together fetch every region and year of ``codes``, each within the limits.

    Every (region, year) is in exactly one query; each query's cells (regions ×
    sexes × years since leaving × 2 statuses × 2 contents × years) are at most
    ``max_cells`` (:data:`MAX_CELLS_PER_QUERY` when ``None``) and its address at
    most ``max_url`` characters (:data:`MAX_URL_CHARS`).

    Examples:
        >>> codes = TableCodes(("0", "46", "4602", "1401"), (2022, 2023, 2024))
        >>> len(plan_queries(codes)), len(plan_queries(codes, max_cells=24))
        (1, 6)
    """
    max_cells = MAX_CELLS_PER_QUERY if max_cells is None else max_cells
    max_url = MAX_URL_CHARS if max_url is None else max_url
    per_region_year = len(sexes) * len(years_after) * 2 * 2
    years_at_once = max(1, min(len(codes.years), max_cells // per_region_year))
    urls: list[str] = []
    for years in _chunks(codes.years, years_at_once):
        regions_at_once = max(1, max_cells // (per_region_year * len(years)))
        group: list[str] = []

        def query(regions: Sequence[str], years: Sequence[int] = years) -> str:
            return build_query(regions=regions, years=years, sexes=sexes, years_after=years_after)

        for region in codes.regions:
            if group and (len(group) >= regions_at_once or len(query([*group, region])) > max_url):
                urls.append(query(group))
                group = []
            group.append(region)
        if group:
            urls.append(query(group))
    return tuple(urls)


@checked
def fetch_10824(
    *,
    regions: Iterable[str] | None = None,
    years: Iterable[int] | None = None,
    sexes: Iterable[str] = _SEXES,
    years_after: Iterable[int] = (1,),
    timeout: float = 60.0,
    progress: Callable[[int, int], None] | None = None,
) -> tuple[IntroProgrammeOutcome, ...]:
    """Download table 10824 from SSB (needs a network) and read it; nothing is stored.

    Asks the table's metadata for its codes first, then as many queries as SSB's
    limits take (see :func:`plan_queries`), at most 30 a minute. To keep the
    figures for later and have every function use them, run ``bosetting update``
    (:func:`bosetting.ssb.update`) instead.

    Args:
        regions: Region codes; ``None`` for the country, every county and every municipality.
        years: Status years; ``None`` for all.
        sexes: ``"0"`` both, ``"1"`` men, ``"2"`` women.
        years_after: Years since leaving (1-5).
        timeout: Seconds to wait for each answer.
        progress: Called with (queries done, queries in all) after each query.

    Raises:
        SSBFetchError: When SSB cannot be reached or answers with an error.
        SSBFormatError: When an answer is not what :func:`read_ssb_10824` reads.
    """
    number_argument(timeout, "timeout", low=0.001, high=3600)
    limit = RateLimit()
    answers, _codes_asked = fetch_answers(
        regions=regions,
        years=years,
        sexes=tuple(sexes),
        years_after=tuple(years_after),
        timeout=timeout,
        limit=limit,
        progress=progress,
    )
    out: list[IntroProgrammeOutcome] = []
    for url, body in answers[1:]:
        out.extend(read_answer(body, url))
    return tuple(out)


def fetch_answers(
    *,
    regions: Iterable[str] | None = None,
    years: Iterable[int] | None = None,
    sexes: Sequence[str] = _SEXES,
    years_after: Sequence[int] = (1,),
    timeout: float = 60.0,
    limit: RateLimit,
    progress: Callable[[int, int], None] | None = None,
) -> tuple[list[tuple[str, bytes]], TableCodes]:
    """The metadata answer, then every data answer, each with its address, and the codes asked for.

    See :func:`fetch_10824`.
    """
    meta_url = metadata_url()
    meta = get(meta_url, limit=limit, timeout=timeout)
    codes = read_metadata(meta, meta_url)
    if regions is not None or years is not None:
        wanted_regions = codes.regions if regions is None else tuple(regions)
        wanted_years = codes.years if years is None else tuple(int(y) for y in years)
        codes = TableCodes(wanted_regions, wanted_years, codes.left_out)
    urls = plan_queries(codes, sexes=sexes, years_after=years_after)
    answers = [(meta_url, meta)]
    for done, url in enumerate(urls, start=1):
        answers.append((url, get(url, limit=limit, timeout=timeout)))
        if progress is not None:
            progress(done, len(urls))
    return answers, codes
