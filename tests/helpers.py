"""What many test files share: the command run in this process, and the municipalities used as nominees.

Fixtures are in ``conftest.py``; hypothesis strategies in ``strategies.py``.
"""

from __future__ import annotations

import pytest

from bosetting.cli import main
from bosetting.model import Municipality

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
