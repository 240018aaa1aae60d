"""Reading SSB table 10824 exports: recorded JSON-stat2 and CSV, and their errors."""

from __future__ import annotations

import io
import json
import urllib.parse
from pathlib import Path
from typing import Any

import pytest

from bosetting.errors import BosettingError, SSBFormatError
from bosetting.model import AreaType, FigureStatus, Sex
from bosetting.ssb import build_query, fetch_10824, read_ssb_10824
from tests.ssb_server import SSBServer

FIXTURES = Path(__file__).parent / "fixtures" / "ssb"
JSON = FIXTURES / "10824_jsonstat2.json"
CSV_UTF8 = FIXTURES / "10824_semicolon_utf8.csv"
CSV_LATIN1 = FIXTURES / "10824_semicolon_latin1.csv"


def _find(records: Any, code: str, year: int, sex: Sex = Sex.ALL) -> Any:
    [o] = [r for r in records if r.area_code == code and r.status_year == year and r.sex is sex]
    return o


@pytest.mark.parametrize("path", [JSON, CSV_UTF8, CSV_LATIN1], ids=lambda p: p.name)
def test_recorded_exports(path: Path) -> None:
    records = read_ssb_10824(path)
    assert len(records) == 5 * 3 * 4  # regions x sexes x years
    k = _find(records, "1001", 2014)
    assert (k.former_participants, k.in_work_or_education, k.share) == (115, 79, 0.69)
    assert k.cohort_year == 2013
    assert k.area_type is AreaType.MUNICIPALITY
    assert k.sources[0].publisher == "Statistisk sentralbyrå"
    n = _find(records, "0", 2011)
    assert n.area_type is AreaType.NATIONAL
    assert n.former_participants == 2897


def test_all_formats_agree() -> None:
    a, b, c = (read_ssb_10824(p) for p in (JSON, CSV_UTF8, CSV_LATIN1))
    strip = [(o.area_code, o.status_year, o.sex, o.share, o.share_status) for o in a]
    assert strip == [(o.area_code, o.status_year, o.sex, o.share, o.share_status) for o in b]
    assert [o.area_name for o in b] == [o.area_name for o in c]


def test_latin1_names_with_aeoeaa() -> None:
    raw = CSV_LATIN1.read_bytes()
    with pytest.raises(UnicodeDecodeError):
        raw.decode("utf-8")
    names = {o.area_name for o in read_ssb_10824(io.BytesIO(raw))}
    assert {"Bærum", "Kragerø", "Tromsø"} <= names


def test_suppressed_cells_stay_suppressed() -> None:
    records = read_ssb_10824(JSON)
    hidden = [o for o in records if o.share_status is FigureStatus.SUPPRESSED]
    assert hidden
    assert all(o.share is None for o in hidden)


def test_text_stream_and_historical_code() -> None:
    records = read_ssb_10824(io.StringIO(CSV_UTF8.read_text(encoding="utf-8")))
    tromso = _find(records, "1902", 2014)
    assert tromso.area_name == "Tromsø"  # 1902 in 2014, 5401 from 2020


def _doc() -> dict[str, Any]:
    loaded: dict[str, Any] = json.loads(JSON.read_text(encoding="utf-8"))
    return loaded


def _read_json(doc: dict[str, Any]) -> Any:
    return read_ssb_10824(io.BytesIO(json.dumps(doc).encode("utf-8")))


def test_wrong_table() -> None:
    doc = _doc()
    doc["extension"]["px"]["tableid"] = "07459"
    with pytest.raises(SSBFormatError, match="07459") as err:
        _read_json(doc)
    assert err.value.field == "extension.px.tableid"


def test_wrong_table_csv() -> None:
    text = CSV_UTF8.read_text(encoding="utf-8").replace("10824:", "06913:", 1)
    with pytest.raises(SSBFormatError, match="06913"):
        read_ssb_10824(io.StringIO(text))


def test_missing_dimension() -> None:
    doc = _doc()
    i = doc["id"].index("Kjonn")
    del doc["id"][i]
    del doc["size"][i]
    with pytest.raises(SSBFormatError, match="Kjonn") as err:
        _read_json(doc)
    assert err.value.field == "Kjonn"


def test_missing_dimension_csv() -> None:
    text = CSV_UTF8.read_text(encoding="utf-8").replace('"kjønn"', '"alder"', 1)
    with pytest.raises(SSBFormatError, match="Kjonn"):
        read_ssb_10824(io.StringIO(text))


def test_truncated_json() -> None:
    raw = JSON.read_bytes()
    with pytest.raises(SSBFormatError, match="truncated") as err:
        read_ssb_10824(io.BytesIO(raw[: len(raw) // 2]))
    assert isinstance(err.value, BosettingError)


def test_unknown_region_code() -> None:
    doc = _doc()
    index = doc["dimension"]["Region"]["category"]["index"]
    index["9998"] = index.pop("0815")
    with pytest.raises(SSBFormatError, match="unknown region") as err:
        _read_json(doc)
    assert err.value.value == "9998"
    assert err.value.field == "Region"


def test_unknown_region_code_csv() -> None:
    text = CSV_UTF8.read_text(encoding="utf-8").replace('"0815 Kragerø"', '"9998 Kragerø"')
    with pytest.raises(SSBFormatError, match="9998"):
        read_ssb_10824(io.StringIO(text))


def test_non_numeric_cell_json() -> None:
    doc = _doc()
    doc["value"][3] = "tre"
    with pytest.raises(SSBFormatError, match="non-numeric") as err:
        _read_json(doc)
    assert err.value.field == "value[3]"


def test_non_numeric_cell_csv() -> None:
    lines = CSV_UTF8.read_text(encoding="utf-8").splitlines()
    lines[2] = lines[2].rsplit(";", 1)[0] + ";12a"
    with pytest.raises(SSBFormatError, match="not a number") as err:
        read_ssb_10824(io.StringIO("\n".join(lines)))
    assert err.value.row == 3
    assert err.value.value == "12a"
    assert "row 3" in str(err.value)


def test_decimal_comma_and_symbols() -> None:
    lines = CSV_UTF8.read_text(encoding="utf-8").splitlines()
    text = "\r\n".join(lines).replace(";69\r\n", ";69,0\r\n")
    records = read_ssb_10824(io.BytesIO(("\ufeff" + text).encode("utf-8")))
    assert _find(records, "1001", 2014).share == 0.69


def test_missing_file() -> None:
    with pytest.raises(SSBFormatError, match="no such file"):
        read_ssb_10824("no/such/file.json")


def test_build_query(monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.delenv("BOSETTING_SSB_API")  # SSB's own address, as a user gets it
    url = build_query(regions=["0", "1001"], years=[2014], sexes=["0"])
    base, query = url.split("?")
    assert base == "https://data.ssb.no/api/pxwebapi/v2/tables/10824/data"
    params = dict(urllib.parse.parse_qsl(query))
    assert params["outputformat"] == "json-stat2"
    assert params["valueCodes[Region]"] == "0,1001"
    assert params["valueCodes[IntroAvbrudd]"] == "01"
    assert params["valueCodes[ContentsCode]"] == "DeltakereProg,DeltakereProg1"


def test_fetch_reads_the_answers_of_a_loopback_server(ssb_server: SSBServer) -> None:
    records = fetch_10824(regions=["0301"], years=[2014])
    assert ssb_server.requests[0] == "/api/pxwebapi/v2/tables/10824/metadata?lang=no"
    assert "valueCodes[Region]=0301" in ssb_server.requests[1]
    assert _find(records, "0301", 2014).share == 0.56


# -- a sparse value (an object): read in proportion to what the file holds -----------


def _sparse_doc() -> dict[str, object]:
    """The recorded JSON-stat2 answer with ``value`` and ``status`` as objects of their entries."""
    doc = json.loads((FIXTURES / "10824_jsonstat2.json").read_text(encoding="utf-8"))
    values, status = doc["value"], doc.get("status")
    doc["value"] = {str(i): v for i, v in enumerate(values) if v is not None}
    if isinstance(status, list):
        doc["status"] = {str(i): s for i, s in enumerate(status) if s is not None}
    return doc


def test_the_sparse_and_the_dense_form_give_one_answer(tmp_path: Path) -> None:
    path = tmp_path / "sparse.json"
    path.write_text(json.dumps(_sparse_doc()), encoding="utf-8")
    dense = read_ssb_10824(FIXTURES / "10824_jsonstat2.json")
    sparse = read_ssb_10824(path)
    assert dense
    assert sparse == dense


def test_a_sparse_file_is_read_in_proportion_to_its_entries() -> None:
    from bosetting.ssb._jsonstat import parse_jsonstat

    doc = _sparse_doc()
    doc["value"] = {"0": 5}
    doc.pop("status", None)
    sizes = doc["size"]
    assert isinstance(sizes, list)
    region = doc["dimension"]["Region"]["category"]  # type: ignore[index]
    codes = [f"{9000 + i}" for i in range(2000)]
    region["index"] = codes
    region.pop("label", None)
    sizes[doc["id"].index("Region")] = len(codes)  # type: ignore[attr-defined]
    cells = parse_jsonstat(doc, "x.json")
    declared = 1
    for n in sizes:
        declared *= n
    assert declared > 100_000
    assert len(cells) <= 3  # the one entry, and the two other cells of its record
