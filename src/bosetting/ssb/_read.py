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
"""

from __future__ import annotations

import os
import re
from typing import IO

from bosetting.data import read_user_bytes, read_user_stream
from bosetting.errors import BosettingError, SSBFormatError
from bosetting.i18n import N_
from bosetting.model import IntroProgrammeOutcome, PartialDate, Source, Text, checked
from bosetting.ssb._cells import (
    MAX_SSB_CELLS,
    TABLE_ID,
    build_records,
)
from bosetting.ssb._csv import decode, parse_csv
from bosetting.ssb._jsonstat import load_jsonstat, parse_jsonstat, table_label

__all__ = ["MAX_SSB_CELLS", "read_answer", "read_ssb_10824", "ssb_source"]


@checked
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


@checked(own=("path_or_file",))
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
    return read_answer(raw, name)


@checked
def read_answer(
    raw: bytes, name: str, *, keep_out_of_force: bool = False
) -> tuple[IntroProgrammeOutcome, ...]:
    """Read the bytes of an export or of SSB's answer; ``name`` is what messages call it.

    ``keep_out_of_force``: keep a published figure under a code no longer in
    force in its status year, with a note (see :func:`~bosetting.ssb._cells.out_of_force`).
    """
    text = decode(raw, name)
    stripped = text.lstrip()
    if not stripped:
        raise SSBFormatError(N_("the file is empty"), file=name)
    if stripped[0] in "{[":
        doc = load_jsonstat(text, name)
        cells = parse_jsonstat(doc, name)
        updated = doc.get("updated")
        source = ssb_source(table_label(doc) or None, updated if isinstance(updated, str) else None)
    else:
        cells = parse_csv(text, name)
        title = re.search(rf"{TABLE_ID}:[^\";\r\n]*", text)
        source = ssb_source(title.group(0).strip() if title else None)
    return build_records(cells, file=name, source=source, keep_out_of_force=keep_out_of_force)
