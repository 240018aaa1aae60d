"""A new edition is data only: the maintainers' guide's steps, on a copy of the tables.

The test adds a MADE-UP edition (TEST DATA, labelled so in every text cell it
writes; it is no edition of the prize) to a temporary copy of ``datasets/``,
following ``docs/analysts/new-edition.md``: a source, an edition, two
nominations and an initiative, then the hash refresh ``make data`` runs. The
copy is read through ``BOSETTING_DATASETS``. Then ``history``, ``show``,
``screen`` and ``verify`` and the docs site build (``mkdocs build --strict``)
must work with no change to code, tests, messages or pages.

The made-up edition's label is the year after the newest edition on record, so
the test keeps working when real editions are added.
"""

from __future__ import annotations

import csv
import os
import shutil
import subprocess
import sys
from collections.abc import Iterator, Mapping
from datetime import date
from pathlib import Path

import pytest

import bosetting as bs
from bosetting.data import CACHE_ENV_VAR, DATASETS_ENV
from bosetting.register import last_year
from tests.ssb_server import SSBServer

ROOT = Path(__file__).resolve().parents[1]
GUIDE = ROOT / "docs" / "analysts" / "new-edition.md"

#: Written in every text cell of the made-up rows.
TEST_DATA = "TESTDATA: oppdiktet utgave for en test, ikke en ekte utgave av prisen."
TEST_DATA_EN = "TEST DATA: a made-up edition for a test, not a real edition of the prize."

#: The tables the test adds rows to, as the guide's steps name them.
TOUCHED = ("sources.csv", "editions.csv", "nominations.csv", "initiatives.csv")


def _append(folder: Path, table: str, values: Mapping[str, str]) -> None:
    """Add one row to a table of the copy, in its own column order.

    A column the row does not name stays empty (unknown), except an English twin
    (``…_en``) of a text the row gives, which gets the English test-data text.
    """
    path = folder / table
    with path.open(encoding="utf-8", newline="") as fh:
        header = next(csv.reader(fh))
    unknown = set(values) - set(header)
    assert not unknown, f"{table} has no column {sorted(unknown)}"
    row = []
    for column in header:
        value = values.get(column, "")
        base = column.removesuffix("_en")
        if column.endswith("_en") and not value and (values.get(base) or values.get(f"{base}_nb")):
            value = TEST_DATA_EN
        row.append(value)
    with path.open("a", encoding="utf-8", newline="") as fh:
        csv.writer(fh, lineterminator="\n").writerow(row)


def _run(env: Mapping[str, str], *argv: str) -> subprocess.CompletedProcess[str]:
    return subprocess.run(
        [sys.executable, *argv], capture_output=True, text=True, env=dict(env), check=False
    )


@pytest.fixture(scope="module")
def added(tmp_path_factory: pytest.TempPathFactory) -> Iterator[tuple[Path, dict[str, str], str]]:
    """A copy of datasets/ with a made-up edition added by the guide's steps, and its env."""
    folder = tmp_path_factory.mktemp("new-edition") / "datasets"
    shutil.copytree(bs.data.dataset_root(), folder)  # type: ignore[arg-type]
    label = str(bs.latest().year + 1)
    numbers = [int(i[1:]) for i in bs.data.sources() if i[:1] == "S" and i[1:].isdigit()]
    source = f"S{max(numbers) + 1}"  # the next free prize source id, as the guide says
    winner, nominee = bs.municipality("Kinn"), bs.municipality("Bodø")

    # Steps 1-4 of the guide: a source, the edition, its nominations, an initiative.
    _append(
        folder,
        "sources.csv",
        {
            "source_id": source,
            "publisher": "TESTDATA",
            "title": "Oppdiktet kilde for en test",
            "url": "https://example.org/testdata",
            "published": label,
            "language": "nb",
            "kind": "imdi",
            "note": TEST_DATA,
        },
    )
    _append(
        folder,
        "editions.csv",
        {
            "edition": label,
            "reference_year": label,
            "award_date": f"{label}-11",
            "prize_name": bs.latest().prize_name,
            "decision_rule": bs.latest().rule.tag,
            "nominees_known": "complete",
            "status": "awarded",
            "note": TEST_DATA,
            "source_ids": source,
        },
    )
    for m, outcome in ((winner, "winner"), (nominee, "nominee")):
        _append(
            folder,
            "nominations.csv",
            {
                "edition": label,
                "code": m.code,
                "name_as_written": m.name,
                "outcome": outcome,
                "note": TEST_DATA,
                "source_ids": source,
            },
        )
    _append(
        folder,
        "initiatives.csv",
        {
            "initiative_id": f"{label}-{winner.code}-1",
            "edition": label,
            "code": winner.code,
            "summary_nb": TEST_DATA,
            "source_ids": source,
        },
    )
    env = {**os.environ, DATASETS_ENV: str(folder), "NO_MKDOCS_2_WARNING": "1"}
    env[CACHE_ENV_VAR] = str(
        tmp_path_factory.mktemp("cache")
    )  # the shipped figures, no one's cache
    env.pop("BOSETTING_LANG", None)

    # Step 7: make data (what it runs), on the copy.
    citation = (ROOT / "CITATION.cff").read_bytes()
    done = _run(env, str(ROOT / "scripts" / "build_data.py"))
    assert done.returncode == 0, done.stdout + done.stderr
    for table in TOUCHED:
        assert f"updated: {table.removesuffix('.csv')}" in done.stdout
    assert (ROOT / "CITATION.cff").read_bytes() == citation  # the repository is left alone
    return folder, env, label


def test_the_guide_names_every_step_the_test_takes() -> None:
    guide = GUIDE.read_text(encoding="utf-8")
    for table in TOUCHED:
        assert f"`{table}`" in guide
    for command in ("make data", "make test", DATASETS_ENV):
        assert command in guide


def test_the_copy_verifies(added: tuple[Path, dict[str, str], str]) -> None:
    _, env, _ = added
    done = _run(env, "-m", "bosetting", "verify")
    assert done.returncode == 0, done.stdout + done.stderr


def test_history_lists_the_new_edition(added: tuple[Path, dict[str, str], str]) -> None:
    _, env, label = added
    done = _run(env, "-m", "bosetting", "history")
    assert done.returncode == 0, done.stderr
    last = done.stdout.splitlines()[-1]
    assert last.startswith(label)
    assert "Kinn" in last


def test_show_the_new_edition(added: tuple[Path, dict[str, str], str]) -> None:
    _, env, label = added
    done = _run(env, "-m", "bosetting", "show", label)
    assert done.returncode == 0, done.stderr
    assert done.stdout.startswith(f"{bs.latest().prize_name} {label}")
    assert "vinner    Kinn (4602)" in done.stdout
    assert TEST_DATA in done.stdout
    if int(label) > last_year():  # the register does not reach the edition: said in one line
        said = [
            line
            for line in done.stdout.splitlines()
            if line.startswith("Kommuneregisteret går bare til")
        ]
        assert len(said) == 1
        assert str(last_year()) in said[0]
        assert "«bosetting update»" in said[0]  # the command that fetches a newer register
    done = _run(env, "-m", "bosetting", "--lang", "en", "show", label, "--format", "json")
    assert done.returncode == 0, done.stderr


def test_screen_the_new_edition(added: tuple[Path, dict[str, str], str]) -> None:
    _, env, label = added
    done = _run(env, "-m", "bosetting", "screen", "--edition", label)
    assert done.returncode == 0, done.stderr
    lines = done.stdout.splitlines()
    assert lines[0].startswith(f"{bs.latest().prize_name} {label}:")
    kinn = next(line for line in lines if "Kinn (4602)" in line)
    assert kinn.rstrip().endswith("vinner")


def test_refreshed_figures_lay_over_the_copy(
    added: tuple[Path, dict[str, str], str],
    ssb_server: SSBServer,
    tmp_path: Path,
) -> None:
    """``bosetting update`` with the copy in use: the cache lays over the copy, not datasets/."""
    _, copy_env, label = added
    env = {
        **copy_env,
        CACHE_ENV_VAR: str(tmp_path / "cache"),
        "BOSETTING_SSB_API": ssb_server.ssb_api,
        "BOSETTING_KLASS_API": ssb_server.klass_api,
    }
    done = _run(env, "-m", "bosetting", "update")
    assert done.returncode == 0, done.stderr
    done = _run(env, "-m", "bosetting", "verify")  # the copy's hashes, the cache beside them
    assert done.returncode == 0, done.stdout + done.stderr
    # The made-up edition (the copy's) is assessed with SSB's figures (the cache's).
    done = _run(env, "-m", "bosetting", "check", "Kinn", "--edition", "2022")
    assert done.returncode == 0, done.stderr
    assert "Tall: SSB-tabell 10824, hentet" in done.stdout
    done = _run(env, "-m", "bosetting", "show", label)
    assert done.returncode == 0, done.stderr
    assert TEST_DATA in done.stdout
    beyond = [x for x in done.stdout.splitlines() if x.startswith("Kommuneregisteret går bare")]
    # KLASS as fetched reaches the year of the fetch: the line only for an edition after it.
    assert len(beyond) == (1 if int(label) > date.today().year else 0)
    done = _run(env, "-m", "bosetting", "screen", "--edition", label, "--offline")
    assert done.returncode == 0, done.stderr
    assert "Tall: fra datapakken" in done.stdout + done.stderr


def test_the_site_builds_with_the_new_edition(
    added: tuple[Path, dict[str, str], str], tmp_path: Path
) -> None:
    _, env, label = added
    site = tmp_path / "site"
    done = subprocess.run(
        [sys.executable, "-m", "mkdocs", "build", "--strict", "--quiet", "-d", str(site)],
        cwd=ROOT,
        capture_output=True,
        text=True,
        env=env,
        check=False,
    )
    assert done.returncode == 0, done.stdout + done.stderr
    page = (site / "prisen" / label / "index.html").read_text(encoding="utf-8")
    assert "Kinn" in page
    assert "TESTDATA" in page
    home = (site / "index.html").read_text(encoding="utf-8")
    assert f"prisen/{label}/" in home  # the newest winner, one click from home
    guide = (site / "analysts" / "new-edition" / "index.html").read_text(encoding="utf-8")
    assert f"<strong>{label}</strong>" in guide
