"""Readers for Statistics Norway's table 10824 (JSON-stat2, CSV) and the live fetch."""

from __future__ import annotations

from bosetting.ssb._cells import area_of
from bosetting.ssb._read import (
    API_BASE,
    MAX_SSB_CELLS,
    SSBFetchError,
    build_query,
    fetch_10824,
    read_ssb_10824,
    ssb_source,
)

__all__ = [
    "API_BASE",
    "MAX_SSB_CELLS",
    "SSBFetchError",
    "area_of",
    "build_query",
    "fetch_10824",
    "read_ssb_10824",
    "ssb_source",
]
