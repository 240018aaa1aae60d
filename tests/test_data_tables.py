from __future__ import annotations

import csv
import json
import shutil
from collections.abc import Iterator
from pathlib import Path

import pytest

from bosetting.data import _tables as data
from bosetting.data import resolve, sources
from bosetting.errors import DataError

DATASETS = Path(__file__).resolve().parents[1] / "datasets"


def test_every_table_loads() -> None:
    for name in data.resource_names():
        assert data.read_rows(name), name


def test_descriptor_lists_every_csv() -> None:
    paths = {r["path"] for r in data.descriptor()["resources"]}
    shipped = {p.name for p in DATASETS.glob("*.csv")}
    assert paths <= shipped


def test_every_row_cites_existing_sources() -> None:
    for name in data.resource_names():
        fields = [f["name"] for f in data.resource(name)["schema"]["fields"]]
        cite_fields = [f for f in fields if f.startswith("source_ids")]
        if name == "sources":
            continue
        assert cite_fields, f"{name} has no source_ids column"
        for number, row in enumerate(data.read_rows(name), start=1):
            for f in cite_fields:
                resolve(data.split_ids(row[f]), file=name, row=number, field=f)


def test_codes_are_text_with_leading_zero() -> None:
    rows = data.read_rows("municipalities")
    assert any(r["code"] == "0301" for r in rows)
    assert all(isinstance(r["code"], str) and len(r["code"]) == 4 for r in rows)


def test_aeoeaa_exact() -> None:
    names = {r["name"] for r in data.read_rows("municipalities")}
    assert {"Bærum", "Tromsø", "Ålesund", "Hábmer - Hamarøy"} <= names


def test_unknown_table() -> None:
    with pytest.raises(DataError, match="no such table"):
        data.resource("nope")


def test_bad_cell_names_file_row_field_value(copy_of_datasets: Path) -> None:
    path = copy_of_datasets / "municipalities.csv"
    lines = path.read_text(encoding="utf-8").splitlines()
    cells = lines[3].split(",")
    cells[4] = "19x7"
    lines[3] = ",".join(cells)
    path.write_text("\n".join(lines) + "\n", encoding="utf-8")
    with pytest.raises(DataError) as info:
        data.read_rows("municipalities")
    err = info.value
    assert (err.file, err.row, err.field, err.value) == (
        "municipalities.csv",
        3,
        "valid_from",
        "19x7",
    )
    assert "municipalities.csv, row 3, field 'valid_from', value '19x7'" in str(err)


def test_pattern_violation(copy_of_datasets: Path) -> None:
    path = copy_of_datasets / "municipalities.csv"
    text = path.read_text(encoding="utf-8").replace("\n0301,", "\n301,", 1)
    path.write_text(text, encoding="utf-8")
    with pytest.raises(DataError, match=r"field 'code', value '301'"):
        data.read_rows("municipalities")


def test_header_mismatch(copy_of_datasets: Path) -> None:
    path = copy_of_datasets / "sources.csv"
    text = path.read_text(encoding="utf-8").replace("source_id,", "id,", 1)
    path.write_text(text, encoding="utf-8")
    with pytest.raises(DataError, match="header does not match"):
        data.read_rows("sources")


def test_duplicate_key(copy_of_datasets: Path) -> None:
    path = copy_of_datasets / "sources.csv"
    lines = path.read_text(encoding="utf-8").splitlines()
    path.write_text("\n".join([*lines, lines[1]]) + "\n", encoding="utf-8")
    with pytest.raises(DataError, match="duplicate primary key"):
        data.read_rows("sources")


def test_not_utf8(copy_of_datasets: Path) -> None:
    path = copy_of_datasets / "sources.csv"
    path.write_bytes(path.read_text(encoding="utf-8").encode("latin-1", errors="replace"))
    with pytest.raises(DataError, match="not UTF-8"):
        data.read_rows("sources")


def test_missing_required(copy_of_datasets: Path) -> None:
    desc = json.loads((copy_of_datasets / "datapackage.json").read_text(encoding="utf-8"))
    assert desc["resources"][0]["name"] == "sources"
    path = copy_of_datasets / "sources.csv"
    lines = path.read_text(encoding="utf-8").splitlines()
    first = lines[1].split(",")
    first[1] = ""
    lines[1] = ",".join(first)
    path.write_text("\n".join(lines) + "\n", encoding="utf-8")
    with pytest.raises(DataError, match=r"row 1, field 'publisher'.*required"):
        data.read_rows("sources")


def test_resolve_unknown_source() -> None:
    with pytest.raises(DataError, match=r"x.csv, row 4, field 'source_ids', value 'S9999'"):
        resolve(["S9999"], file="x.csv", row=4)
    with pytest.raises(DataError, match="at least one source"):
        resolve([], file="x.csv", row=4)


def test_sources_are_typed() -> None:
    klass = sources()["ssb-klass-131"]
    assert klass.url.startswith("https://")


# --- the one row-to-record path (data/_records.py) ---

from bosetting.data import _records  # noqa: E402
from bosetting.errors import ValidationError  # noqa: E402
from bosetting.model import Source, Text  # noqa: E402


def _fresh_sources() -> None:
    _records._sources_in.cache_clear()


def test_records_name_file_row_field_value_for_a_model_validator(copy_of_datasets: Path) -> None:
    # The schema allows an empty request; the model does not, when it is marked published.
    from bosetting.model import Settlement

    path = copy_of_datasets / "settlement.csv"
    lines = path.read_text(encoding="utf-8").splitlines()
    header = lines[0].split(",")
    at, status = header.index("requested"), header.index("requested_status")
    number = next(i for i, line in enumerate(lines) if line.split(",")[status] == "published")
    cells = lines[number].split(",")
    cells[at] = ""
    lines[number] = ",".join(cells)
    path.write_text("\n".join(lines) + "\n", encoding="utf-8")
    with pytest.raises(ValidationError) as info:
        list(_records.records("settlement", Settlement))
    err = info.value
    assert (err.file, err.row, err.field, err.value) == (
        "settlement.csv",
        number,
        "requested_status",
        "published",
    )


def test_records_name_the_column_of_an_unknown_source_id(copy_of_datasets: Path) -> None:
    _fresh_sources()
    path = copy_of_datasets / "initiatives.csv"
    lines = path.read_text(encoding="utf-8").splitlines()
    head, _, _ = lines[1].rpartition(",")
    lines[1] = head + ",no-such-source"
    path.write_text("\n".join(lines) + "\n", encoding="utf-8")
    from bosetting.model import Initiative

    try:
        with pytest.raises(DataError) as info:
            list(_records.records("initiatives", Initiative, rename={"id": "initiative_id"}))
        err = info.value
        assert (err.file, err.row, err.field, err.value) == (
            "initiatives.csv",
            1,
            "source_ids",
            "no-such-source",
        )
    finally:
        _fresh_sources()


def test_records_rename_derive_and_where() -> None:
    rows = list(
        _records.records(
            "sources",
            Source,
            rename={"id": "source_id", "date": "published"},
            derive=lambda row: {"note": Text("x")},
            where=lambda row: row["kind"] == "ssb",
        )
    )
    assert rows
    assert all(s.kind == "ssb" and s.note == Text("x") for _, s in rows)
    assert [s.id for _, s in rows] == [
        r["source_id"] for r in data.read_rows("sources") if r["kind"] == "ssb"
    ]


def test_records_refuse_a_cell_of_the_wrong_type() -> None:
    with pytest.raises(DataError, match="cannot be read as"):
        _records._structure(7, str, "name")


@pytest.fixture
def fresh_root() -> Iterator[None]:
    """Forget the dataset root and what was read from it, before and after the test."""
    caches = (data.dataset_root, data.descriptor, data._read)
    for cache in caches:
        cache.cache_clear()
    yield
    for cache in caches:
        cache.cache_clear()


def test_the_environment_names_a_copy_to_read(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch, fresh_root: None
) -> None:
    target = tmp_path / "copy"
    shutil.copytree(DATASETS, target)
    with (target / "sources.csv").open(encoding="utf-8", newline="") as fh:
        header = next(csv.reader(fh))
    made_up = {
        "source_id": "T1",
        "publisher": "TESTDATA",
        "title": "A made-up source",
        "url": "https://example.org/t1",
        "language": "en",
        "kind": "other",
    }
    with (target / "sources.csv").open("a", encoding="utf-8", newline="") as fh:
        csv.writer(fh).writerow(
            [made_up.get(name, "TEST DATA" if "note" in name else "") for name in header]
        )
    monkeypatch.setenv(data.DATASETS_ENV, str(target))
    assert data.dataset_root() == target
    assert "T1" in {r["source_id"] for r in data.read_rows("sources")}


def test_the_environment_naming_no_data_package_is_refused(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch, fresh_root: None
) -> None:
    monkeypatch.setenv(data.DATASETS_ENV, str(tmp_path))
    with pytest.raises(DataError, match="BOSETTING_DATASETS") as info:
        data.dataset_root()
    assert info.value.file == str(tmp_path / "datapackage.json")
