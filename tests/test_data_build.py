"""``make data`` rebuilds every built table of datasets/ from data-raw/ byte for byte.

data-raw/ holds the public files the tables are built from; its README lists each
with its size and SHA-256, and the build scripts refuse a file that does not match.
The rebuild runs ``scripts/build_data.py`` (what ``make data`` runs) into a copy of
datasets/ whose built tables are removed and whose hashes are blanked, so a step
that wrote nothing, or wrote other bytes, fails here.
"""

from __future__ import annotations

import csv
import hashlib
import importlib
import json
import shutil
import subprocess
import sys
from collections.abc import Iterator
from pathlib import Path
from types import ModuleType

import pytest

ROOT = Path(__file__).resolve().parents[1]
DATASETS = ROOT / "datasets"
DATA_RAW = ROOT / "data-raw"
SCRIPTS = ROOT / "scripts"

#: The prize record: kept by hand, read by the build only where a table mixes both.
HAND_KEPT = {
    "sources",
    "editions",
    "nominations",
    "initiatives",
    "conflicts",
    "prize_names",
    "criteria",
}


@pytest.fixture(scope="module")
def scripts() -> Iterator[dict[str, ModuleType]]:
    """The build scripts as modules (they import their shared ``_build`` from scripts/)."""
    sys.path.insert(0, str(SCRIPTS))
    try:
        yield {name: importlib.import_module(name) for name in ("_build", "build_data")}
    finally:
        sys.path.remove(str(SCRIPTS))


def _resources() -> dict[str, str]:
    descriptor = json.loads((DATASETS / "datapackage.json").read_text(encoding="utf-8"))
    return {r["name"]: r["path"] for r in descriptor["resources"]}


def test_every_raw_file_is_listed_with_its_size_and_hash(scripts: dict[str, ModuleType]) -> None:
    listed = scripts["_build"].listed_raw_files()
    on_disk = {p.name for p in DATA_RAW.iterdir() if p.name not in ("README.md", ".gitattributes")}
    assert on_disk, "data-raw/ is empty"
    assert set(listed) == on_disk
    for name, (size, digest) in listed.items():
        raw = (DATA_RAW / name).read_bytes()
        assert (len(raw), hashlib.sha256(raw).hexdigest()) == (size, digest), name


def test_a_changed_raw_file_is_refused(scripts: dict[str, ModuleType], tmp_path: Path) -> None:
    shutil.copy(DATA_RAW / "README.md", tmp_path / "README.md")
    name = "municipalities_changes_klass131_2008-2024.csv"
    raw = (DATA_RAW / name).read_bytes()
    (tmp_path / name).write_bytes(raw.replace(b"\r\n", b"\n"))
    with pytest.raises(SystemExit, match=r"not the 32874 bytes with a18ab0e5"):
        scripts["_build"].raw_bytes(name, tmp_path)
    with pytest.raises(SystemExit, match="is not listed"):
        scripts["_build"].raw_bytes("other.csv", tmp_path)


def test_every_table_is_built_or_kept_by_hand(scripts: dict[str, ModuleType]) -> None:
    paths = _resources()
    built = {f for files in scripts["build_data"].BUILT.values() for f in files}
    assert built | {paths[n] for n in HAND_KEPT} == set(paths.values())
    assert not built & {paths[n] for n in HAND_KEPT}


def test_make_data_rebuilds_every_table_byte_for_byte(
    scripts: dict[str, ModuleType], tmp_path: Path
) -> None:
    out = tmp_path / "datasets"
    shutil.copytree(DATASETS, out)
    built = {f for files in scripts["build_data"].BUILT.values() for f in files}
    for name in built:
        (out / name).unlink()
    descriptor = json.loads((out / "datapackage.json").read_text(encoding="utf-8"))
    for res in descriptor["resources"]:
        res["hash"] = "sha256:" + "0" * 64
    (out / "datapackage.json").write_text(json.dumps(descriptor, indent=2), encoding="utf-8")

    done = subprocess.run(
        [sys.executable, str(SCRIPTS / "build_data.py"), "--out", str(out)],
        capture_output=True,
        text=True,
        check=False,
    )
    assert done.returncode == 0, done.stdout + done.stderr
    assert done.stdout.count("updated: ") == len(_resources())
    different = [
        p.name for p in sorted(DATASETS.iterdir()) if p.read_bytes() != (out / p.name).read_bytes()
    ]
    assert different == []
    assert sorted(p.name for p in out.iterdir()) == sorted(p.name for p in DATASETS.iterdir())


def test_intro_outcomes_keeps_the_hand_kept_rows_and_rebuilds_the_rest(tmp_path: Path) -> None:
    done = subprocess.run(
        [sys.executable, str(SCRIPTS / "build_intro_outcomes.py"), "--out", str(tmp_path)],
        capture_output=True,
        text=True,
        check=False,
    )
    assert done.returncode == 0, done.stderr
    report = dict(line.rsplit(": ", 1) for line in done.stdout.splitlines())
    # the counts OUTCOMES-RESEARCH.md gives for the hand transcription the script replaced
    assert report["left out: area-years with 0 in every cell"] == "682"
    assert report["left out: a sex with 0 former participants"] == "215"
    with open(DATASETS / "intro_outcomes.csv", encoding="utf-8", newline="") as f:
        shipped = list(csv.DictReader(f))
    by_hand = [r for r in shipped if "ssb-10824-imdikator-2015" not in r["source_ids"]]
    assert by_hand
    assert {r["area_type"] for r in by_hand} == {"national"}
    assert report["rows kept as recorded (not from the extract)"] == str(len(by_hand))
    assert report["rows written"] == str(len(shipped))


def test_nothing_built_or_run_reads_the_shared_folder() -> None:
    files = [
        *(ROOT / "src").rglob("*.py"),
        *SCRIPTS.glob("*.py"),
        *(ROOT / ".ci").iterdir(),
        ROOT / "Makefile",
        ROOT / "pyproject.toml",
    ]
    assert len(files) > 50
    for path in files:
        text = path.read_text(encoding="utf-8")
        for needle in ("../shared", '"shared"', "/work/shared"):
            assert needle not in text, (path, needle)


def test_scripts_use_the_library_through_its_public_faces() -> None:
    for path in SCRIPTS.glob("*.py"):
        for line in path.read_text(encoding="utf-8").splitlines():
            if line.startswith(("from bosetting", "import bosetting")):
                module = line.split()[1]
                assert not any(p.startswith("_") for p in module.split(".")), (path.name, line)
