r"""Read SSB StatBank table 10824 (former intro-programme participants) as users download it.

:func:`read_ssb_10824` reads JSON-stat2 from PxWebApi v2 and the CSV export
(``;``-separated, decimal comma, UTF-8 or Latin-1, SSB's symbols ``:`` ``..``
``.`` ``-`` ``...``) into :class:`~bosetting.model.IntroProgrammeOutcome`
records. Region codes are mapped through the municipality register as it was in
each row's status year. A figure SSB did not publish keeps its status and no
value: nothing is imputed or back-calculated. :func:`build_query` and
:func:`fetch_10824` are for users with a network; only :func:`fetch_10824`
touches it, and only when called.

Examples:
    >>> import io
    >>> csv_text = (
    ...     '"10824: Tidligere deltakere"\n\n'
    ...     '"region";"kjønn";"avsluttet eller avbrutt introduksjonsprogram";'
    ...     '"arbeidsmarkedsstatus";"Personer 2014";"Prosent 2014"\n'
    ...     '"1001 Kristiansand";"0 Begge kjønn";"01 Ett år tidligere";"00 I alt";"115";"100,0"\n'
    ...     '"1001 Kristiansand";"0 Begge kjønn";"01 Ett år tidligere";'
    ...     '"1 Sysselsatt og/eller under utdanning, i alt";"79";"69,0"\n'
    ... )
    >>> [o] = read_ssb_10824(io.BytesIO(csv_text.encode("latin-1")))
    >>> o.area_name, o.cohort_year, o.former_participants, o.in_work_or_education, o.share
    ('Kristiansand', 2013, 115, 79, 0.69)
    >>> build_query(regions=["1001"], years=[2014]).split("?")[0]
    'https://data.ssb.no/api/pxwebapi/v2/tables/10824/data'
"""

from __future__ import annotations

import os
import re
import urllib.parse
from collections.abc import Iterable
from typing import IO

from bosetting.data import MAX_USER_FILE_BYTES, os_reason, read_user_bytes, read_user_stream
from bosetting.errors import BosettingError, LimitError, SSBFetchError, SSBFormatError
from bosetting.i18n import N_
from bosetting.model import IntroProgrammeOutcome, PartialDate, Source, Text
from bosetting.ssb._cells import (
    MAX_SSB_CELLS,
    PERCENT,
    PERSONS,
    TABLE_ID,
    TOTAL,
    WORK_OR_EDUCATION,
    build_records,
)
from bosetting.ssb._csv import decode, parse_csv
from bosetting.ssb._jsonstat import load_jsonstat, parse_jsonstat, table_label

__all__ = [
    "API_BASE",
    "MAX_SSB_CELLS",
    "SSBFetchError",
    "build_query",
    "fetch_10824",
    "read_ssb_10824",
    "ssb_source",
]

#: PxWebApi v2's base address.
API_BASE = "https://data.ssb.no/api/pxwebapi/v2/tables"


def ssb_source(title: str | None = None, updated: str | None = None) -> Source:
    """The :class:`Source` records read from a 10824 export cite.

    Examples:
        >>> ssb_source().url
        'https://www.ssb.no/statbank/table/10824/'
    """
    date = PartialDate()
    if isinstance(updated, str) and updated:
        try:
            date = PartialDate.parse(updated[:10])
        except BosettingError:
            date = PartialDate()
    return Source(
        id=f"ssb-{TABLE_ID}",
        publisher="Statistisk sentralbyrå",
        title=title or f"{TABLE_ID}: Tidligere deltakere i introduksjonsprogrammet",
        url=f"https://www.ssb.no/statbank/table/{TABLE_ID}/",
        date=date,
        language="nb",
        kind="ssb",
        note=Text(
            "Lest av bosetting.ssb.read_ssb_10824 fra en nedlastet fil; lisens CC BY 4.0.",
            en="Read by bosetting.ssb.read_ssb_10824 from a downloaded file; licence CC BY 4.0.",
        ),
    )


def _read_bytes(path_or_file: str | os.PathLike[str] | IO[bytes] | IO[str]) -> tuple[bytes, str]:
    if hasattr(path_or_file, "read") and not isinstance(path_or_file, str | os.PathLike):
        name = getattr(path_or_file, "name", None)
        name = name if isinstance(name, str) else "<file>"
        return read_user_stream(path_or_file, name, SSBFormatError), name
    data = read_user_bytes(path_or_file, SSBFormatError)
    return data, os.fspath(path_or_file)


def read_ssb_10824(
    path_or_file: str | os.PathLike[str] | IO[bytes] | IO[str],
) -> tuple[IntroProgrammeOutcome, ...]:
    """Read an SSB table 10824 export (JSON-stat2 or CSV) into outcome records.

    The export must hold the statuses ``00`` (total) and ``1`` (in work and/or
    education) and both contents (persons and per cent). Other statuses are read
    past. Suppressed and other unpublished cells stay unpublished.

    Args:
        path_or_file: A path, or an open file (binary or text).

    Returns:
        One record per region, sex, years since leaving and status year, by area code.

    Raises:
        SSBFormatError: For another table, a missing dimension, truncated JSON, an
            unknown region code or a non-numeric cell; the message names the file
            and the line, column or JSON member. Also for a path that is not a
            regular file (see :func:`bosetting.data.read_user_bytes`).
        LimitError: For a file over ``MAX_USER_FILE_BYTES`` bytes, or an export
            declaring or holding more than :data:`MAX_SSB_CELLS` cells.
    """
    raw, name = _read_bytes(path_or_file)
    return _parse(raw, name)


def _parse(raw: bytes, name: str) -> tuple[IntroProgrammeOutcome, ...]:
    text = decode(raw, name)
    stripped = text.lstrip()
    if not stripped:
        raise SSBFormatError(N_("the file is empty"), file=name)
    if stripped[0] in "{[":
        doc = load_jsonstat(text, name)
        cells = parse_jsonstat(doc, name)
        source = ssb_source(table_label(doc) or None, doc.get("updated"))
    else:
        cells = parse_csv(text, name)
        title = re.search(rf"{TABLE_ID}:[^\";\r\n]*", text)
        source = ssb_source(title.group(0).strip() if title else None)
    return build_records(cells, file=name, source=source)


def _codes(values: Iterable[object] | None) -> str:
    if values is None:
        return "*"
    return ",".join(str(v) for v in values)


def build_query(
    *,
    regions: Iterable[str] | None = None,
    years: Iterable[int] | None = None,
    sexes: Iterable[str] = ("0", "1", "2"),
    years_after: Iterable[int] = (1,),
    lang: str = "no",
) -> str:
    """The PxWebApi v2 address that downloads table 10824 as JSON-stat2.

    Args:
        regions: Region codes (``"0"`` for the country); ``None`` for all.
        years: Status years; ``None`` for all.
        sexes: ``"0"`` both, ``"1"`` men, ``"2"`` women.
        years_after: Years since leaving (1-5).
        lang: ``"no"`` or ``"en"``.

    Examples:
        >>> url = build_query(regions=["0", "1001"], years=[2013, 2014])
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
    return f"{API_BASE}/{TABLE_ID}/data?{query}"


def fetch_10824(
    *,
    regions: Iterable[str] | None = None,
    years: Iterable[int] | None = None,
    sexes: Iterable[str] = ("0", "1", "2"),
    years_after: Iterable[int] = (1,),
    timeout: float = 60.0,
) -> tuple[IntroProgrammeOutcome, ...]:
    """Download table 10824 from SSB (needs a network) and read it.

    SSB allows 30 queries a minute and 800 000 cells per query.

    Raises:
        SSBFetchError: When SSB cannot be reached or answers with an error.
        SSBFormatError: When the answer is not what :func:`read_ssb_10824` reads.
    """
    import urllib.error
    import urllib.request

    url = build_query(regions=regions, years=years, sexes=sexes, years_after=years_after)
    try:
        with urllib.request.urlopen(url, timeout=timeout) as answer:
            body: bytes = answer.read(MAX_USER_FILE_BYTES + 1)
    except urllib.error.HTTPError as exc:
        raise SSBFetchError(
            N_("SSB answered {code} {reason}"), code=exc.code, reason=exc.reason, file=url
        ) from None
    except (urllib.error.URLError, TimeoutError, OSError) as exc:
        cause = exc.reason if isinstance(exc, urllib.error.URLError) else exc
        reason = os_reason(cause) if isinstance(cause, BaseException) else str(cause)
        raise SSBFetchError(N_("could not reach SSB ({reason})"), reason=reason, file=url) from None
    if len(body) > MAX_USER_FILE_BYTES:
        raise LimitError(
            N_(
                "SSB answered with more than {limit} bytes (MAX_USER_FILE_BYTES); "
                "ask for fewer regions or years"
            ),
            limit=MAX_USER_FILE_BYTES,
            file=url,
            field="size",
            value=len(body),
        )
    return _parse(body, url)
