"""Fuzzers for every reader: only a ``BosettingError`` may come out.

Three kinds of input per reader: arbitrary bytes, near-valid text (a recorded or
generated file with characters, cells or lines changed), and for JSON-stat2 a
mutation of the parsed tree (one node replaced by arbitrary JSON). The property
tests at the end check that no reader ever turns a figure SSB withheld into a
number, and that ``weighted_share`` never reveals a withheld share.

Example counts are modest in the normal run (:data:`EXAMPLES`); the long run is
``HYPOTHESIS_PROFILE=fuzz .venv/bin/pytest tests/test_errors_fuzz.py`` (see conftest.py).
"""

from __future__ import annotations

import json
import math
from collections.abc import Iterator
from pathlib import Path
from typing import Any

import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

import bosetting as bs
from bosetting.cli import main
from bosetting.data import _tables as tables
from bosetting.data import decode_csv_bytes
from bosetting.figures import weighted_share
from bosetting.jury import read_jury_sheet
from bosetting.model import FigureStatus
from bosetting.ssb import read_ssb_10824
from bosetting.ssb._cells import PERCENT, PERSONS, SYMBOLS, TOTAL, WORK_OR_EDUCATION
from bosetting.voting import read_ballots, tally_file

from .helpers import only_bosetting_errors
from .strategies import intro_outcomes

FIXTURES = Path(__file__).parent / "fixtures" / "ssb"
JSON_TEXT = (FIXTURES / "10824_jsonstat2.json").read_text(encoding="utf-8")
JSON_DOC = json.loads(JSON_TEXT)
CSV_TEXT = (FIXTURES / "10824_semicolon_utf8.csv").read_text(encoding="utf-8")

_PROFILE_EXAMPLES = settings().max_examples
#: Examples per fuzzer: the profile's count in the long ``fuzz`` profile, else at most 25.
EXAMPLES = _PROFILE_EXAMPLES if _PROFILE_EXAMPLES >= 1000 else min(_PROFILE_EXAMPLES, 25)

fuzz = settings(
    max_examples=EXAMPLES,
    deadline=None,
    suppress_health_check=[HealthCheck.too_slow, HealthCheck.function_scoped_fixture],
)

E2016 = bs.edition(2016)
E2022 = bs.edition(2022)


# -- near-valid text -------------------------------------------------------------

_AWKWARD = st.sampled_from(
    [
        '"',
        ";",
        ",",
        "\t",
        "\r",
        "\n",
        "\r\n",
        "\x00",
        "\ufeff",
        "ø",
        "٣",
        "²",
        "１",
        "\u2028",
        "\x1b",
        "=",
        "-",
        ":",
        "..",
        " ",
        "",
    ]
)


@st.composite
def mutated_text(draw: st.DrawFn, base: str, max_edits: int = 4) -> str:
    """``base`` with a few characters inserted, deleted or replaced."""
    text = base
    for _ in range(draw(st.integers(1, max_edits))):
        at = draw(st.integers(0, max(len(text) - 1, 0)))
        piece = draw(_AWKWARD | st.text(max_size=3))
        op = draw(st.sampled_from(["insert", "delete", "replace"]))
        if op == "insert":
            text = text[:at] + piece + text[at:]
        elif op == "delete":
            text = text[:at] + text[at + draw(st.integers(1, 20)) :]
        else:
            text = text[:at] + piece + text[at + 1 :]
    return text


@st.composite
def mutated_lines(draw: st.DrawFn, base: str) -> str:
    """``base`` with whole lines or ``;``-cells dropped, duplicated or replaced."""
    lines = base.splitlines()
    for _ in range(draw(st.integers(1, 3))):
        i = draw(st.integers(0, len(lines) - 1))
        op = draw(st.sampled_from(["drop", "twice", "cell", "swap"]))
        if op == "drop" and len(lines) > 1:
            del lines[i]
        elif op == "twice":
            lines.insert(i, lines[i])
        elif op == "cell":
            cells = lines[i].split(";")
            j = draw(st.integers(0, len(cells) - 1))
            cells[j] = draw(_AWKWARD | st.text(max_size=8) | st.integers().map(str))
            lines[i] = ";".join(cells)
        else:
            j = draw(st.integers(0, len(lines) - 1))
            lines[i], lines[j] = lines[j], lines[i]
    return draw(st.sampled_from(["\n", "\r\n", "\r"])).join(lines)


encodings = st.sampled_from(["utf-8", "utf-8-sig", "cp1252", "latin-1", "utf-16"])


def _encode(text: str, encoding: str) -> bytes:
    return text.encode(encoding, errors="replace")


# -- the user-file decoder --------------------------------------------------------


@fuzz
@given(st.binary(max_size=400))
def test_decoder_arbitrary_bytes(data: bytes) -> None:
    only_bosetting_errors(lambda: decode_csv_bytes(data, "x.csv"))


# -- ballot files -----------------------------------------------------------------

BALLOTS = "valg;velger;tidspunkt\nKinn;a;2022-01-01\nBodø;b;\n4602;c;x\n;d;\n"


def _file(tmp: Path, name: str, data: bytes) -> Path:
    path = tmp / name
    path.write_bytes(data)
    return path


@fuzz
@given(data=st.binary(max_size=300))
def test_ballots_arbitrary_bytes(tmp_path: Path, data: bytes) -> None:
    path = _file(tmp_path, "v.csv", data)
    only_bosetting_errors(lambda: read_ballots(path))
    only_bosetting_errors(lambda: tally_file(path, E2022))


@fuzz
@given(text=mutated_text(BALLOTS) | mutated_lines(BALLOTS), encoding=encodings)
def test_ballots_near_valid(tmp_path: Path, text: str, encoding: str) -> None:
    path = _file(tmp_path, "v.csv", _encode(text, encoding))
    only_bosetting_errors(lambda: read_ballots(path))
    only_bosetting_errors(lambda: tally_file(path, E2022, duplicates="reject_all"))


# -- jury sheets ------------------------------------------------------------------

JURY = "jurymedlem;kommune;kriterium;poeng;label\nA;Bodø;bosetting;4;ØVINGSDATA\nA;Bergen;bosetting;5,5;\nB;1804;samarbeid;6;\n"


@fuzz
@given(data=st.binary(max_size=300))
def test_jury_arbitrary_bytes(tmp_path: Path, data: bytes) -> None:
    path = _file(tmp_path, "j.csv", data)
    only_bosetting_errors(lambda: read_jury_sheet(path, E2016))


@fuzz
@given(text=mutated_text(JURY) | mutated_lines(JURY), encoding=encodings)
def test_jury_near_valid(tmp_path: Path, text: str, encoding: str) -> None:
    path = _file(tmp_path, "j.csv", _encode(text, encoding))
    only_bosetting_errors(lambda: read_jury_sheet(path, E2016))


# -- SSB table 10824 ----------------------------------------------------------------


@fuzz
@given(data=st.binary(max_size=400), suffix=st.sampled_from([".json", ".csv"]))
def test_ssb_arbitrary_bytes(tmp_path: Path, data: bytes, suffix: str) -> None:
    path = _file(tmp_path, f"t{suffix}", data)
    only_bosetting_errors(lambda: read_ssb_10824(path))


@fuzz
@given(text=mutated_text(JSON_TEXT, max_edits=3))
def test_ssb_json_near_valid(tmp_path: Path, text: str) -> None:
    path = _file(tmp_path, "t.json", text.encode("utf-8", errors="surrogatepass"))
    only_bosetting_errors(lambda: read_ssb_10824(path))


@fuzz
@given(text=mutated_text(CSV_TEXT, max_edits=3) | mutated_lines(CSV_TEXT), encoding=encodings)
def test_ssb_csv_near_valid(tmp_path: Path, text: str, encoding: str) -> None:
    path = _file(tmp_path, "t.csv", _encode(text, encoding))
    only_bosetting_errors(lambda: read_ssb_10824(path))


json_values = st.recursive(
    st.none()
    | st.booleans()
    | st.integers(min_value=-(10**400), max_value=10**400)
    | st.floats(allow_nan=False, allow_infinity=False)
    | st.sampled_from([1e308, -0.0, 5e-324, 10**17, -1])
    | st.text(max_size=6)
    | st.sampled_from(
        [":", "..", ".", "-", "...", "0", "1", "00", "2014", "²⁰¹⁴", "٣", "DeltakereProg"]
    ),
    lambda children: (
        st.lists(children, max_size=4) | st.dictionaries(st.text(max_size=4), children, max_size=4)
    ),
    max_leaves=12,
)


def _paths(node: Any, prefix: tuple[Any, ...] = ()) -> Iterator[tuple[Any, ...]]:
    yield prefix
    if isinstance(node, dict):
        for k, v in node.items():
            yield from _paths(v, (*prefix, k))
    elif isinstance(node, list):
        for i, v in enumerate(node[:6]):  # the first cells stand for all of them
            yield from _paths(v, (*prefix, i))


ALL_PATHS = [p for p in _paths(JSON_DOC) if p]


@st.composite
def mutated_tree(draw: st.DrawFn) -> Any:
    """The recorded JSON-stat2 tree with one to three nodes replaced, deleted or given a sibling."""
    doc = json.loads(JSON_TEXT)
    for _ in range(draw(st.integers(1, 3))):
        path = draw(st.sampled_from(ALL_PATHS))
        parent = doc
        try:
            for key in path[:-1]:
                parent = parent[key]
            last = path[-1]
            op = draw(st.sampled_from(["replace", "replace", "delete", "add"]))
            if op == "replace":
                parent[last] = draw(json_values)
            elif op == "delete" and isinstance(parent, dict):
                parent.pop(last, None)
            elif op == "delete" and isinstance(parent, list) and last < len(parent):
                del parent[last]
            elif isinstance(parent, dict):
                parent[draw(st.text(max_size=4))] = draw(json_values)
            elif isinstance(parent, list):
                parent.append(draw(json_values))
        except (KeyError, IndexError, TypeError):
            continue  # an earlier mutation removed this path
    return doc


@fuzz
@given(doc=mutated_tree())
def test_ssb_json_tree_mutation(tmp_path: Path, doc: Any) -> None:
    text = json.dumps(doc, ensure_ascii=False)
    path = _file(tmp_path, "t.json", text.encode("utf-8", errors="surrogatepass"))
    only_bosetting_errors(lambda: read_ssb_10824(path))


# -- the shipped tables' loader -----------------------------------------------------


@pytest.fixture
def private_datasets(copy_of_datasets: Path) -> Path:
    return copy_of_datasets


EDITIONS_CSV = (Path(__file__).resolve().parents[1] / "datasets" / "editions.csv").read_text(
    encoding="utf-8"
)


@fuzz
@given(text=mutated_text(EDITIONS_CSV, max_edits=3))
def test_table_loader_near_valid(private_datasets: Path, text: str) -> None:
    (private_datasets / "editions.csv").write_bytes(text.encode("utf-8", errors="surrogatepass"))
    tables._read.cache_clear()
    only_bosetting_errors(lambda: tables.read_rows("editions"))
    only_bosetting_errors(bs.data.verify)


# -- the command --------------------------------------------------------------------


@fuzz
@given(
    command=st.sampled_from(["municipality", "show", "outcomes", "record"]),
    text=st.text(max_size=12),
)
def test_command_lookups(capsys: pytest.CaptureFixture[str], command: str, text: str) -> None:
    if "\x00" in text:
        return
    status = main([command, text])
    _, err = capsys.readouterr()
    assert status in (0, 2), err
    assert len(err.splitlines()) <= 1, err
    assert "Traceback" not in err


# -- nothing withheld is ever derived -------------------------------------------------

_DIM_ORDER = JSON_DOC["id"]
_SIZES = JSON_DOC["size"]


def _codes(dim: str) -> list[str]:
    index = JSON_DOC["dimension"][dim]["category"]["index"]
    return [c for c, _ in sorted(index.items(), key=lambda kv: kv[1])]


_CODES = [_codes(d) for d in _DIM_ORDER]
_FIELDS = {
    (TOTAL, PERSONS): "former_participants",
    (WORK_OR_EDUCATION, PERSONS): "in_work_or_education",
    (WORK_OR_EDUCATION, PERCENT): "share",
}


def _cell_index(combo: dict[str, str]) -> int:
    i = 0
    for dim, size, codes in zip(_DIM_ORDER, _SIZES, _CODES, strict=True):
        i = i * size + codes.index(combo[dim])
    return i


@fuzz
@given(
    hidden=st.dictionaries(
        st.integers(0, math.prod(_SIZES) - 1), st.sampled_from(sorted(SYMBOLS)), max_size=60
    ),
    keep_numbers=st.booleans(),
)
def test_ssb_json_never_derives_a_withheld_figure(
    tmp_path: Path, hidden: dict[int, str], keep_numbers: bool
) -> None:
    doc = json.loads(JSON_TEXT)
    status = {str(k): v for k, v in doc["status"].items()}
    for i, symbol in hidden.items():
        status[str(i)] = symbol
        if (
            not keep_numbers
        ):  # SSB writes null; a file with a number beside the symbol is read alike
            doc["value"][i] = None
    doc["status"] = status
    path = _file(tmp_path, "t.json", json.dumps(doc).encode())
    records = read_ssb_10824(path)
    for o in records:
        for (labour, contents), name in _FIELDS.items():
            combo = {
                "Region": o.area_code,
                "Kjonn": {"all": "0", "men": "1", "women": "2"}[o.sex.value],
                "IntroAvbrudd": f"{o.years_after:02d}",
                "Arbeidsmarkedsstatus": labour,
                "ContentsCode": contents,
                "Tid": str(o.status_year),
            }
            i = _cell_index(combo)
            symbol = status.get(str(i))
            value, state = getattr(o, name), getattr(o, f"{name}_status")
            if symbol in SYMBOLS:
                assert value is None, (name, i, symbol)
                assert state is SYMBOLS[symbol], (name, i, symbol)
            else:
                assert state is FigureStatus.PUBLISHED
                raw = doc["value"][i]
                assert value == (round(raw / 100, 6) if name == "share" else raw)
        if o.share_status is not FigureStatus.PUBLISHED:
            assert o.share is None


_CSV_VALUE_LINES = [i for i, line in enumerate(CSV_TEXT.splitlines()) if line[-1:].isdigit()]


@fuzz
@given(
    hidden=st.dictionaries(
        st.sampled_from(_CSV_VALUE_LINES), st.sampled_from(sorted(SYMBOLS)), max_size=40
    )
)
def test_ssb_csv_never_derives_a_withheld_figure(tmp_path: Path, hidden: dict[int, str]) -> None:
    lines = CSV_TEXT.splitlines()
    for i, symbol in hidden.items():
        lines[i] = lines[i].rsplit(";", 1)[0] + f';"{symbol}"'
    path = _file(tmp_path, "t.csv", "\n".join(lines).encode("utf-8"))
    records = read_ssb_10824(path)
    withheld = sum(
        1
        for o in records
        for name in _FIELDS.values()
        if getattr(o, f"{name}_status") is not FigureStatus.PUBLISHED
    )
    for o in records:
        for name in _FIELDS.values():
            if getattr(o, f"{name}_status") is not FigureStatus.PUBLISHED:
                assert getattr(o, name) is None
    baseline = sum(
        1
        for o in read_ssb_10824(FIXTURES / "10824_semicolon_utf8.csv")
        for name in _FIELDS.values()
        if getattr(o, f"{name}_status") is not FigureStatus.PUBLISHED
    )
    assert withheld >= baseline  # hiding a figure never makes another one appear


@fuzz
@given(st.lists(intro_outcomes(), max_size=6))
def test_weighted_share_never_reveals_a_withheld_share(rows: list[Any]) -> None:
    share = weighted_share(rows)
    counted = (FigureStatus.PUBLISHED, FigureStatus.NIL)  # nil ('-') is zero, not withheld
    if any(o.share_status is not FigureStatus.PUBLISHED for o in rows) or any(
        s not in counted
        for o in rows
        for s in (o.former_participants_status, o.in_work_or_education_status)
    ):
        assert share is None
    else:
        n = sum(o.former_participants or 0 for o in rows)
        k = sum(o.in_work_or_education or 0 for o in rows)
        assert share == (k / n if rows and n else None)


def test_shipped_outcomes_and_frame_hold_no_withheld_number() -> None:
    from bosetting import frames

    for o in bs.intro_outcomes():
        for name in _FIELDS.values():
            if getattr(o, f"{name}_status") is not FigureStatus.PUBLISHED:
                assert getattr(o, name) is None
    df = frames.intro_outcomes()
    for name in _FIELDS.values():
        hidden = df[f"{name}_status"] != "published"
        assert df.loc[hidden, name].isna().all()
