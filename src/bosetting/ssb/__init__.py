"""Statistics Norway (SSB): table 10824 read from files and fetched, KLASS 131, and ``bosetting update``.

The readers (``_read``, ``_jsonstat``, ``_csv``, ``_cells``) turn a 10824 export
into outcome records; the fetch (``_http``: one GET at a time within SSB's
limits; ``_query``: the 10824 queries; ``_klass``: classification 131) and
``_update`` (both sources into the per-user cache; ``_report`` its lines) are the only code that
touches the network, and only when called.
"""

from __future__ import annotations

from bosetting.ssb._cells import area_of, out_of_force
from bosetting.ssb._http import MAX_QUERIES_PER_MINUTE, RateLimit
from bosetting.ssb._klass import KLASS_API, KLASS_API_ENV_VAR
from bosetting.ssb._query import (
    MAX_CELLS_PER_QUERY,
    SSB_API,
    SSB_API_ENV_VAR,
    TableCodes,
    build_query,
    fetch_10824,
    plan_queries,
    read_metadata,
)
from bosetting.ssb._read import MAX_SSB_CELLS, read_ssb_10824, ssb_source
from bosetting.ssb._update import KLASS_SOURCE, SSB_SOURCE, SourceReport, UpdateReport, update

__all__ = [
    "KLASS_API",
    "KLASS_API_ENV_VAR",
    "KLASS_SOURCE",
    "MAX_CELLS_PER_QUERY",
    "MAX_QUERIES_PER_MINUTE",
    "MAX_SSB_CELLS",
    "SSB_API",
    "SSB_API_ENV_VAR",
    "SSB_SOURCE",
    "RateLimit",
    "SourceReport",
    "TableCodes",
    "UpdateReport",
    "area_of",
    "build_query",
    "fetch_10824",
    "out_of_force",
    "plan_queries",
    "read_metadata",
    "read_ssb_10824",
    "ssb_source",
    "update",
]
