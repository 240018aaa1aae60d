"""The data package is valid by the standard (frictionless) and by its own hashes.

When a table in datasets/ changes on purpose, run ``python scripts/refresh_hashes.py``;
:func:`test_hashes_are_fresh` names every resource whose hash is stale.
"""

from __future__ import annotations

import hashlib
import importlib.util
import json
import re
import sys
from pathlib import Path
from types import ModuleType

import pytest

from bosetting.cli import main
from bosetting.data import MANIFEST, hash_checks, verify
from bosetting.data import _tables as data
from bosetting.errors import ChecksumError, DataError

ROOT = Path(__file__).resolve().parents[1]
DATASETS = ROOT / "datasets"
DESCRIPTOR = DATASETS / "datapackage.json"


def _script() -> ModuleType:
    spec = importlib.util.spec_from_file_location(
        "refresh_hashes", ROOT / "scripts" / "refresh_hashes.py"
    )
    assert spec is not None
    assert spec.loader is not None
    module = importlib.util.module_from_spec(spec)
    sys.modules.setdefault("refresh_hashes", module)
    spec.loader.exec_module(module)
    return module


refresh_hashes = _script()


def _descriptor() -> dict[str, object]:
    parsed: dict[str, object] = json.loads(DESCRIPTOR.read_text(encoding="utf-8"))
    return parsed


def test_frictionless_validates_every_resource() -> None:
    frictionless = pytest.importorskip("frictionless")
    report = frictionless.validate(str(DESCRIPTOR))
    invalid = {
        task.name: [f"{e.type}: {e.message}" for e in task.errors[:3]]
        for task in report.tasks
        if not task.valid
    }
    assert report.valid, f"frictionless finds invalid resources: {invalid}; {report.errors[:3]}"
    assert {task.name for task in report.tasks} == set(data.resource_names())


def test_every_resource_declares_a_sha256_hash() -> None:
    for res in _descriptor()["resources"]:  # type: ignore[attr-defined]
        assert re.fullmatch(r"sha256:[0-9a-f]{64}", res.get("hash", "")), res["name"]


def test_hashes_are_fresh() -> None:
    stale = [f"{c.name} ({c.path})" for c in hash_checks() if not c.ok]
    assert not stale, (
        f"stale hash in datasets/datapackage.json for: {', '.join(stale)}; "
        "after an intended change run: python scripts/refresh_hashes.py"
    )


def test_hash_is_sha256_of_the_bytes() -> None:
    for check in hash_checks():
        digest = hashlib.sha256((DATASETS / check.path).read_bytes()).hexdigest()
        assert check.actual == f"sha256:{digest}"


def test_verify_passes_on_the_shipped_tables() -> None:
    checks = verify()
    assert len(checks) == len(data.resource_names())
    assert all(c.ok for c in checks)


def test_descriptor_is_in_the_scripts_layout() -> None:
    # so refresh_hashes.py only ever changes "hash" lines
    text = DESCRIPTOR.read_text(encoding="utf-8")
    assert refresh_hashes.dump(json.loads(text)) == text


def test_citations_are_list_foreign_keys_not_plain_ones() -> None:
    for res in _descriptor()["resources"]:  # type: ignore[attr-defined]
        schema = res["schema"]
        plain = [fk["fields"] for fk in schema.get("foreignKeys", [])]
        assert not any(str(f).startswith("source_ids") for f in plain), res["name"]
        cites = [f["name"] for f in schema["fields"] if f["name"].startswith("source_ids")]
        listed = [fk["fields"] for fk in schema.get(data.LIST_FOREIGN_KEYS, [])]
        assert sorted(cites) == sorted(listed), res["name"]
        for f in schema["fields"]:
            if f["name"] in cites:
                assert f["constraints"]["pattern"] == "[^;]+(;[^;]+)*"


def _edit(path: Path, old: str, new: str) -> None:
    text = path.read_text(encoding="utf-8")
    assert old in text
    path.write_text(text.replace(old, new, 1), encoding="utf-8")


def test_a_changed_table_fails_verify_naming_it(copy_of_datasets: Path) -> None:
    _edit(copy_of_datasets / "editions.csv", "Bosettingsprisen", "Bosettingsprisen ")
    with pytest.raises(ChecksumError) as info:
        verify()
    assert info.value.file == "editions.csv"
    assert info.value.field == "hash"
    assert "editions.csv, field 'hash', value 'sha256:" in str(info.value)


def test_a_changed_table_fails_the_command(
    copy_of_datasets: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    _edit(copy_of_datasets / "sources.csv", "Statistisk", "Statistisk ")
    assert main(["verify"]) == 2
    err = capsys.readouterr().err
    assert len(err.splitlines()) == 1
    assert "sources.csv" in err
    assert "Traceback" not in err


def test_verify_command_ok(capsys: pytest.CaptureFixture[str]) -> None:
    assert main(["verify"]) == 0
    out = capsys.readouterr().out
    # one line per table, and one for the list of every file
    assert out.count("\nok  ") + out.startswith("ok  ") == len(data.resource_names()) + 1
    assert f"ok  {MANIFEST}" in out


def test_the_manifest_lists_every_file_as_sha256sum_writes_it() -> None:
    lines = (DATASETS / MANIFEST).read_text(encoding="utf-8").splitlines()
    names = sorted(p.name for p in DATASETS.iterdir() if p.name != MANIFEST)
    assert [line.split("  ", 1)[1] for line in lines] == names
    for line in lines:
        digest, name = line.split("  ", 1)
        assert hashlib.sha256((DATASETS / name).read_bytes()).hexdigest() == digest


@pytest.mark.parametrize(
    ("name", "old", "new"),
    [
        ("datapackage.json", '"minimum": 0', '"minimum": 1'),
        ("datapackage.json", '"maximum"', '"maximun"'),
        ("datapackage.json", "creativecommons.org", "creativecommons.com"),
        ("HISTORY-RESEARCH.md", "IMDi", "IMDI"),
        ("OUTCOMES-RESEARCH.md", "SSB", "SSb"),
    ],
    ids=["a-minimum", "a-renamed-maximum", "the-licence-url", "history-note", "outcomes-note"],
)
def test_any_changed_byte_fails_verify_naming_the_file(
    copy_of_datasets: Path, name: str, old: str, new: str
) -> None:
    _edit(copy_of_datasets / name, old, new)
    with pytest.raises(ChecksumError) as info:
        verify()
    assert info.value.file == name
    assert MANIFEST in str(info.value)


def test_an_added_or_removed_file_fails_verify(copy_of_datasets: Path) -> None:
    (copy_of_datasets / "extra.csv").write_text("a\n", encoding="utf-8")
    with pytest.raises(ChecksumError, match="does not list"):
        verify()
    (copy_of_datasets / "extra.csv").unlink()
    (copy_of_datasets / "OUTCOMES-RESEARCH.md").unlink()
    with pytest.raises(ChecksumError, match="it is missing"):
        verify()


def test_the_manifest_itself_is_checked_byte_for_byte(copy_of_datasets: Path) -> None:
    path = copy_of_datasets / MANIFEST
    path.write_bytes(path.read_bytes().replace(b"\n", b"\r\n"))
    with pytest.raises(ChecksumError) as info:
        verify()
    assert info.value.file == MANIFEST


def test_refresh_script_writes_the_manifest(
    copy_of_datasets: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    _edit(copy_of_datasets / "HISTORY-RESEARCH.md", "IMDi", "IMDI")
    assert refresh_hashes.main(["--check", "--root", str(copy_of_datasets)]) == 1
    assert capsys.readouterr().out == f"stale: {MANIFEST}: it does not list the files as they are\n"
    assert refresh_hashes.main(["--root", str(copy_of_datasets)]) == 0
    assert capsys.readouterr().out == f"updated: {MANIFEST}\n"
    assert refresh_hashes.main(["--check", "--root", str(copy_of_datasets)]) == 0
    assert all(c.ok for c in verify())


def test_refresh_script_names_and_fixes_a_stale_hash(
    copy_of_datasets: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    _edit(copy_of_datasets / "criteria.csv", "\n", "\r\n")
    assert refresh_hashes.main(["--check", "--root", str(copy_of_datasets)]) == 1
    out = capsys.readouterr().out
    assert out.startswith("stale: criteria:")
    assert out.count("stale:") == 2  # the table's hash, and the list of every file
    assert f"stale: {MANIFEST}:" in out
    assert refresh_hashes.main(["--root", str(copy_of_datasets)]) == 0
    assert capsys.readouterr().out == f"updated: criteria\nupdated: {MANIFEST}\n"
    assert refresh_hashes.main(["--check", "--root", str(copy_of_datasets)]) == 0
    before = DESCRIPTOR.read_text(encoding="utf-8").splitlines()
    after = (copy_of_datasets / "datapackage.json").read_text(encoding="utf-8").splitlines()
    changed = [b for a, b in zip(before, after, strict=True) if a != b]
    assert len(changed) == 1
    assert '"hash": "sha256:' in changed[0]
    data.descriptor.cache_clear()
    assert all(c.ok for c in verify())


def test_loader_checks_list_citations(copy_of_datasets: Path) -> None:
    # initiatives.csv has no quoted cell after source_ids, its last column
    path = copy_of_datasets / "initiatives.csv"
    lines = path.read_text(encoding="utf-8").splitlines()
    assert lines[0].endswith(",source_ids")
    lines[2] = lines[2] + ";no-such-source"
    path.write_text("\n".join(lines) + "\n", encoding="utf-8")
    with pytest.raises(DataError) as info:
        data.read_rows("initiatives")
    err = info.value
    assert (err.file, err.row, err.field, err.value) == (
        "initiatives.csv",
        2,
        "source_ids",
        "no-such-source",
    )


def test_loader_checks_plain_foreign_keys(copy_of_datasets: Path) -> None:
    path = copy_of_datasets / "nominations.csv"
    lines = path.read_text(encoding="utf-8").splitlines()
    lines[1] = "1999" + lines[1][lines[1].index(",") :]
    path.write_text("\n".join(lines) + "\n", encoding="utf-8")
    with pytest.raises(DataError, match=r"nominations.csv, row 1, field 'edition', value '1999'"):
        data.read_rows("nominations")


def test_frictionless_sees_a_stale_hash(copy_of_datasets: Path) -> None:
    frictionless = pytest.importorskip("frictionless")
    _edit(copy_of_datasets / "conflicts.csv", "\n", "\n\n")
    report = frictionless.validate(str(copy_of_datasets / "datapackage.json"))
    bad = {task.name for task in report.tasks if not task.valid}
    assert "conflicts" in bad
