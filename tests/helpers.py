"""What many test files share: the command run in this process, the municipalities used as
nominees, and the edition the record's facts were checked through.

Fixtures are in ``conftest.py``; hypothesis strategies in ``strategies.py``.
"""

from __future__ import annotations

from collections.abc import Callable, Iterable

import pytest

import bosetting as bs
from bosetting.cli import main
from bosetting.errors import BosettingError
from bosetting.model import Municipality, Nomination, Outcome, edition_year

#: The newest edition the facts the tests state about a municipality's record were checked
#: against ("Bodø: four formal nominations, no win" holds through it). An edition added later
#: (rows in the tables, nothing else) can add to a record but cannot make such a fact false;
#: what "the latest edition" is comes from the data (``bs.latest()``), never from here.
CHECKED_THROUGH = "2025"

KINN = Municipality("4602", "Kinn", "Vestland", 2020)
BODO = Municipality("1804", "Bodø", "Nordland", 1977)
OSLO = Municipality("0301", "Oslo", "Oslo", 1838)
HAUG = Municipality("1106", "Haugesund", "Rogaland", 1977)
RAELINGEN = Municipality("3027", "Rælingen", "Akershus", 2024)
TRONDHEIM = Municipality("5001", "Trondheim - Tråante", "Trøndelag", 2020)
LEVANGER = Municipality("5037", "Levanger - Levangke", "Trøndelag", 2024)


def run(capsys: pytest.CaptureFixture[str], *argv: str) -> tuple[int, str, str]:
    """Run ``bosetting *argv``: its exit status, standard output and standard error."""
    status = main(list(argv))
    out, err = capsys.readouterr()
    return status, out, err


def only_bosetting_errors(call: Callable[[], object]) -> object:
    """Run ``call``; a result or a BosettingError subclass (one line, never the base) is fine.

    Any other exception propagates and fails the test. Returns the result, or the error.
    """
    try:
        return call()
    except BosettingError as exc:
        caught = exc
    assert type(caught) is not BosettingError, "raise a subclass, never the base"
    assert str(caught)
    assert "\n" not in str(caught), str(caught)
    return caught


def through(
    nominations: Iterable[Nomination], last: str = CHECKED_THROUGH
) -> tuple[Nomination, ...]:
    """The nominations of the editions up to and including ``last``."""
    end = edition_year(last)
    return tuple(n for n in nominations if edition_year(n.edition) <= end)


def record_counts(nominations: Iterable[Nomination]) -> dict[str, int]:
    """What ``bosetting record`` counts: formal nominations, wins, and mentions as a rival."""
    found = tuple(nominations)
    return {
        "formal_nominations": sum(n.outcome.formal for n in found),
        "wins": sum(n.outcome is Outcome.WINNER for n in found),
        "named_as_rival": sum(not n.outcome.formal for n in found),
    }


def record_of(name: str) -> dict[str, int]:
    """:func:`record_counts` of a municipality's whole record, as the data has it now."""
    return record_counts(bs.record(name))
