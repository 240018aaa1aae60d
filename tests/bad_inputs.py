"""The catalogue of bad inputs: what a careless user or an attacker gives bosetting, and what it says.

Each :class:`BadInput` names the reader it targets, the input itself, the error
class that must come out, and a fragment its message must contain.
``tests/test_errors_bad_inputs.py`` runs every case through the API and, where a
command reads that input, through the command (one line on standard error,
exit status 2, no traceback). A docs page can be generated from :data:`CASES`
(``id``, ``target``, ``note``, ``error``, ``fragment``).

Targets and how a case's ``input`` is read:

* ``ballots``: bytes of a ballot file; ``bosetting.voting.read_ballots`` and
  ``bosetting tally FILE --edition 2022``;
* ``jury``: bytes of a jury sheet; ``bosetting.jury.read_jury_sheet(FILE, edition(2016))``
  and ``bosetting decide --edition 2016 --jury FILE``;
* ``ssb``: bytes of an SSB table 10824 export (``suffix`` .json or .csv);
  ``bosetting.ssb.read_ssb_10824`` (no command reads SSB files);
* ``path``: ``(reader, kind)``: a path of that kind (missing, folder, named pipe ...)
  given to the reader ``ballots``, ``jury`` or ``ssb``;
* ``write``: a kind of bad output folder for ``bosetting.practice.write_practice``
  and ``bosetting practice --out``;
* ``lookup``: a Python expression (``bs`` is ``bosetting``, ``practice`` is
  ``bosetting.practice``), with ``argv`` the command that does the same (or ``None``);
* ``argv``: a command line only (``argv``), for the command's own checks.
"""

from __future__ import annotations

import json
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

from bosetting.errors import (
    AmbiguousMunicipality,
    ArgumentError,
    BallotFileError,
    BosettingError,
    EditionNotFound,
    JurySheetError,
    LimitError,
    MunicipalityNotFound,
    SSBFormatError,
    UsageError,
    ValidationError,
    WriteError,
)

__all__ = ["CASES", "BadInput"]

FIXTURES = Path(__file__).parent / "fixtures" / "ssb"
_JSON = json.loads((FIXTURES / "10824_jsonstat2.json").read_text(encoding="utf-8"))
_CSV = (FIXTURES / "10824_semicolon_utf8.csv").read_text(encoding="utf-8")


@dataclass(frozen=True)
class BadInput:
    """One bad input and what bosetting must say about it."""

    id: str
    target: str
    input: Any
    error: type[BosettingError]
    fragment: str
    note: str
    argv: tuple[str, ...] | None = None
    suffix: str = ".csv"
    command_fragment: str | None = None
    tags: tuple[str, ...] = field(default=())

    @property
    def cli_fragment(self) -> str:
        """What the command's one line must contain (the API's fragment unless it differs)."""
        return self.command_fragment if self.command_fragment is not None else self.fragment


def _j(**changes: Any) -> bytes:
    """The recorded JSON-stat2 file with top-level members replaced (None removes one)."""
    doc = json.loads(json.dumps(_JSON))
    for key, value in changes.items():
        if value is None:
            doc.pop(key, None)
        else:
            doc[key] = value
    return json.dumps(doc, ensure_ascii=False).encode("utf-8")


def _jdim(dim: str, index: Any) -> bytes:
    doc = json.loads(json.dumps(_JSON))
    doc["dimension"][dim]["category"]["index"] = index
    return json.dumps(doc, ensure_ascii=False).encode("utf-8")


def _jvalue(i: int, raw: str) -> bytes:
    """The recorded file with value[i] written as the raw JSON text ``raw``."""
    doc = json.loads(json.dumps(_JSON))
    doc["value"][i] = "@@"
    return json.dumps(doc, ensure_ascii=False).replace('"@@"', raw, 1).encode("utf-8")


def _jcode(dim: str, old: str, new: str) -> bytes:
    doc = json.loads(json.dumps(_JSON))
    index = doc["dimension"][dim]["category"]["index"]
    doc["dimension"][dim]["category"]["index"] = {
        (new if k == old else k): v for k, v in index.items()
    }
    return json.dumps(doc, ensure_ascii=False).encode("utf-8")


def _c(old: str, new: str, count: int = 1) -> bytes:
    assert old in _CSV, old
    return _CSV.replace(old, new, count).encode("utf-8")


_NAT = '"0 Hele landet";"Personer, etter bosted ved programdeltakelse";"2011";"Begge kjønn";"Ett år tidligere";"Arbeidssituasjon i alt";2897'
_CSV_LINES = _CSV.splitlines(keepends=True)

_JURY_HEAD = b"jurymedlem;kommune;kriterium;poeng\n"


def _jury(*rows: str) -> bytes:
    return _JURY_HEAD + "".join(r + "\n" for r in rows).encode("utf-8")


_BALLOTS: list[BadInput] = [
    BadInput("ballots-empty", "ballots", b"", BallotFileError, "no header line", "an empty file"),
    BadInput(
        "ballots-blank-first-line",
        "ballots",
        b"\nKinn\n",
        BallotFileError,
        "no header line",
        "the first line is empty",
    ),
    BadInput(
        "ballots-spaces-header",
        "ballots",
        b"   \nKinn\n",
        BallotFileError,
        "no header line",
        "the header is only spaces",
    ),
    BadInput(
        "ballots-nul",
        "ballots",
        b"valg\nKinn\x00\n",
        BallotFileError,
        "NUL bytes",
        "a NUL byte in a cell",
    ),
    BadInput(
        "ballots-utf16",
        "ballots",
        "valg\nKinn\n".encode("utf-16"),
        BallotFileError,
        "UTF-16",
        "saved as UTF-16 (Excel's 'Unicode text')",
    ),
    BadInput(
        "ballots-bom-invalid-utf8",
        "ballots",
        b"\xef\xbb\xbfvalg\nBod\xf8\n",
        BallotFileError,
        "byte-order mark but byte 12 is not UTF-8",
        "a UTF-8 byte-order mark, then Latin-1 bytes",
    ),
    BadInput(
        "ballots-bom-invalid-header",
        "ballots",
        b"\xef\xbb\xbfv\xe6lg\nKinn\n",
        BallotFileError,
        "field 'encoding', value '0xe6'",
        "a byte-order mark, then a Latin-1 header",
    ),
    BadInput(
        "ballots-xlsx",
        "ballots",
        b"PK\x03\x04\x14\x00\x06\x00\x08\x00\x00\x00!\x00",
        BallotFileError,
        "NUL bytes",
        "an Excel workbook (.xlsx) renamed to .csv",
    ),
    BadInput(
        "ballots-png",
        "ballots",
        b"\x89PNG\r\n\x1a\n\x00\x00\x00\rIHDR",
        BallotFileError,
        "NUL bytes",
        "a picture",
    ),
    BadInput(
        "ballots-no-choice-column",
        "ballots",
        b"name\nKinn\n",
        BallotFileError,
        "no choice column",
        "no column called valg, kommune, choice ...",
    ),
    BadInput(
        "ballots-only-delimiters",
        "ballots",
        b";;;\nKinn;;;\n",
        BallotFileError,
        "no choice column",
        "a header of empty names",
    ),
    BadInput(
        "ballots-unclosed-quote",
        "ballots",
        b'valg,velger\n"Kinn,a\n',
        BallotFileError,
        "unreadable CSV layout",
        "a quote that is never closed",
    ),
    BadInput(
        "ballots-text-after-quote",
        "ballots",
        b'valg\n"Kinn"x\n',
        BallotFileError,
        "row 1: unreadable CSV layout at line 2",
        "text right after a closing quote",
    ),
    BadInput(
        "ballots-too-many-fields",
        "ballots",
        b"valg\n" + b"Kinn," * 70 + b"\n",
        BallotFileError,
        "row 1, value 'Kinn,Kinn",
        "a row with 70 fields under a header of one",
    ),
    BadInput(
        "ballots-short-row",
        "ballots",
        b"velger,valg\na\nb\n",
        BallotFileError,
        "row 1, field 'valg'",
        "rows with fewer cells than the choice column needs: no row has a choice",
    ),
    BadInput(
        "ballots-wrong-delimiter-row",
        "ballots",
        b"velger;valg\na,Kinn\n",
        BallotFileError,
        "wrong delimiter or a broken line",
        "rows separated by ',' under a ';' header",
    ),
    BadInput(
        "ballots-latin1-no-choice",
        "ballots",
        "merknad;stemme;tidspunkt\nØVINGSDATA\nØVINGSDATA".encode("latin-1"),
        BallotFileError,
        "row 1, field 'stemme'",
        "a Latin-1 file whose rows stop before the choice",
    ),
]

_JURY: list[BadInput] = [
    BadInput("jury-empty", "jury", b"", JurySheetError, "no header line", "an empty file"),
    BadInput(
        "jury-nul",
        "jury",
        _jury("A;Bodø;bosetting;4\x00"),
        JurySheetError,
        "NUL bytes",
        "a NUL byte",
    ),
    BadInput(
        "jury-bom-invalid",
        "jury",
        b"\xef\xbb\xbf" + _JURY_HEAD + "A;Bodø;bosetting;4\n".encode("latin-1"),
        JurySheetError,
        "byte-order mark",
        "a byte-order mark, then Latin-1",
    ),
    BadInput(
        "jury-no-score-column",
        "jury",
        "jurymedlem;kommune;kriterium\nA;Bodø;bosetting\n".encode(),
        JurySheetError,
        "no score column",
        "no poeng/score column",
    ),
    BadInput(
        "jury-no-juror-column",
        "jury",
        b"kommune;kriterium;poeng\nBod\xc3\xb8;bosetting;4\n",
        JurySheetError,
        "no juror column",
        "no jurymedlem/juror column",
    ),
    BadInput(
        "jury-no-nominee-column",
        "jury",
        b"jurymedlem;kriterium;poeng\nA;bosetting;4\n",
        JurySheetError,
        "no nominee column",
        "no kommune/nominee column",
    ),
    BadInput(
        "jury-score-text",
        "jury",
        _jury("A;Bodø;bosetting;fire"),
        JurySheetError,
        "row 1, field 'poeng', value 'fire': a score is a number",
        "a score in words",
    ),
    BadInput(
        "jury-score-arabic-digit",
        "jury",
        _jury("A;Bodø;bosetting;٣"),
        JurySheetError,
        "a score is a number written with the digits 0 to 9",
        "a score in Arabic-Indic digits (Fraction would read it as 3)",
    ),
    BadInput(
        "jury-score-fullwidth-digit",
        "jury",
        _jury("A;Bodø;bosetting;３"),
        JurySheetError,
        "a score is a number written with the digits 0 to 9",
        "a score in full-width digits",
    ),
    BadInput(
        "jury-score-empty",
        "jury",
        _jury("A;Bodø;bosetting;"),
        JurySheetError,
        "the score is missing",
        "an empty score",
    ),
    BadInput(
        "jury-score-high",
        "jury",
        _jury("A;Bodø;bosetting;7"),
        JurySheetError,
        "outside the scale 1–6",
        "a score above the scale",
    ),
    BadInput(
        "jury-score-zero",
        "jury",
        _jury("A;Bodø;bosetting;0"),
        JurySheetError,
        "outside the scale",
        "a score of 0 on a 1–6 scale",
    ),
    BadInput(
        "jury-score-negative",
        "jury",
        _jury("A;Bodø;bosetting;-3"),
        JurySheetError,
        "outside the scale",
        "a negative score",
    ),
    BadInput(
        "jury-score-nan",
        "jury",
        _jury("A;Bodø;bosetting;NaN"),
        JurySheetError,
        "a score is a number",
        "NaN",
    ),
    BadInput(
        "jury-score-inf",
        "jury",
        _jury("A;Bodø;bosetting;inf"),
        JurySheetError,
        "a score is a number",
        "infinity",
    ),
    BadInput(
        "jury-score-huge",
        "jury",
        _jury("A;Bodø;bosetting;1e400"),
        JurySheetError,
        "outside the scale",
        "1e400",
    ),
    BadInput(
        "jury-score-two-commas",
        "jury",
        _jury("A;Bodø;bosetting;4,5,6"),
        JurySheetError,
        "a score is a number",
        "4,5,6",
    ),
    BadInput(
        "jury-score-formula",
        "jury",
        _jury("A;Bodø;bosetting;=5"),
        JurySheetError,
        "a score is a number",
        "a spreadsheet formula as a score",
    ),
    BadInput(
        "jury-unknown-nominee",
        "jury",
        _jury("A;Atlantis;bosetting;4"),
        JurySheetError,
        "not one of the nominees",
        "a municipality that is not nominated",
    ),
    BadInput(
        "jury-other-editions-nominee",
        "jury",
        _jury("A;Kinn;bosetting;4"),
        JurySheetError,
        "not one of the nominees",
        "a nominee of another edition",
    ),
    BadInput(
        "jury-twice",
        "jury",
        _jury("A;Bodø;bosetting;4", "A;Bodø;bosetting;5"),
        JurySheetError,
        "twice",
        "one juror scores one nominee on one criterion twice",
    ),
    BadInput(
        "jury-short-row",
        "jury",
        _jury("A;Bodø"),
        JurySheetError,
        "row 1",
        "a row with two of four cells",
    ),
    BadInput(
        "jury-empty-juror",
        "jury",
        _jury(";Bodø;bosetting;4"),
        JurySheetError,
        "juror is missing",
        "no juror named",
    ),
    BadInput(
        "jury-unclosed-quote",
        "jury",
        _jury('"A;Bodø;bosetting;4'),
        JurySheetError,
        "unreadable CSV layout",
        "a quote never closed",
    ),
    BadInput(
        "jury-too-many-rows",
        "jury",
        _JURY_HEAD + b"\n" * 2_000_001,
        LimitError,
        "more rows than bosetting reads (2000000, MAX_CSV_ROWS)",
        "two million and one (empty) rows",
        tags=("slow",),
    ),
]

_SSB_JSON: list[BadInput] = [
    BadInput(
        "ssb-json-truncated",
        "ssb",
        json.dumps(_JSON).encode()[:500],
        SSBFormatError,
        "not complete JSON",
        "a download cut short",
        suffix=".json",
    ),
    BadInput(
        "ssb-json-array",
        "ssb",
        b"[1, 2, 3]",
        SSBFormatError,
        "not a JSON-stat2 dataset",
        "JSON, but not a dataset",
        suffix=".json",
    ),
    BadInput(
        "ssb-json-other-table",
        "ssb",
        _j(extension={"px": {"tableid": "07459"}}),
        SSBFormatError,
        "not SSB table 10824",
        "another SSB table",
        suffix=".json",
    ),
    BadInput(
        "ssb-json-tableid-object",
        "ssb",
        _j(extension={"px": {"tableid": {"a": 1}}}),
        SSBFormatError,
        "not SSB table 10824",
        "a table id that is an object",
        suffix=".json",
    ),
    BadInput(
        "ssb-json-no-label",
        "ssb",
        _j(label="Befolkning", extension=None),
        SSBFormatError,
        "cannot see that this is SSB table 10824",
        "no table id, and a label without it",
        suffix=".json",
    ),
    BadInput(
        "ssb-json-nan",
        "ssb",
        _jvalue(0, "NaN"),
        SSBFormatError,
        "NaN or Infinity",
        "NaN as a value",
        suffix=".json",
    ),
    BadInput(
        "ssb-json-infinity",
        "ssb",
        _jvalue(0, "-Infinity"),
        SSBFormatError,
        "NaN or Infinity",
        "-Infinity as a value",
        suffix=".json",
    ),
    BadInput(
        "ssb-json-1e400",
        "ssb",
        _jvalue(0, "1e400"),
        SSBFormatError,
        "larger than table 10824 can hold",
        "1e400 (infinite as a float)",
        suffix=".json",
    ),
    BadInput(
        "ssb-json-400-digits",
        "ssb",
        _jvalue(0, "9" * 400),
        SSBFormatError,
        "value[0]",
        "a count of 400 digits",
        suffix=".json",
    ),
    BadInput(
        "ssb-json-5000-digits",
        "ssb",
        _jvalue(0, "9" * 5000),
        SSBFormatError,
        "cannot be read",
        "a count of 5000 digits (past Python's limit)",
        suffix=".json",
    ),
    BadInput(
        "ssb-json-string-value",
        "ssb",
        _jvalue(0, '"2897"'),
        SSBFormatError,
        "value[0]', value '2897': a non-numeric cell",
        "a number as text",
        suffix=".json",
    ),
    BadInput(
        "ssb-json-bool-value",
        "ssb",
        _jvalue(0, "true"),
        SSBFormatError,
        "a non-numeric cell",
        "true as a value",
        suffix=".json",
    ),
    BadInput(
        "ssb-json-list-value",
        "ssb",
        _jvalue(0, "[1]"),
        SSBFormatError,
        "a non-numeric cell",
        "a list as a value",
        suffix=".json",
    ),
    BadInput(
        "ssb-json-deep",
        "ssb",
        b'{"class": "dataset", "x": ' + b"[" * 200_000 + b"]" * 200_000 + b"}",
        SSBFormatError,
        "nested too deeply",
        "200 000 nested lists",
        suffix=".json",
    ),
    BadInput(
        "ssb-json-many-cells",
        "ssb",
        _j(size=[1000, 1000, 1000, 4, 2, 4], value={}),
        LimitError,
        "MAX_SSB_CELLS",
        "1.6 KB declaring billions of cells",
        suffix=".json",
    ),
    BadInput(
        "ssb-json-size-negative",
        "ssb",
        _j(size=[5, 3, 1, 4, 2, -4]),
        SSBFormatError,
        "size.Tid",
        "a negative size",
        suffix=".json",
    ),
    BadInput(
        "ssb-json-size-text",
        "ssb",
        _j(size=[5, 3, 1, 4, 2, "4"]),
        SSBFormatError,
        "a whole number of at least 0",
        "a size as text",
        suffix=".json",
    ),
    BadInput(
        "ssb-json-size-bool",
        "ssb",
        _j(size=[5, 3, True, 4, 2, 4]),
        SSBFormatError,
        "size.IntroAvbrudd",
        "true as a size",
        suffix=".json",
    ),
    BadInput(
        "ssb-json-id-object",
        "ssb",
        _j(id={"Region": 0}),
        SSBFormatError,
        '"id" and "size" must be lists',
        "id as an object",
        suffix=".json",
    ),
    BadInput(
        "ssb-json-id-numbers",
        "ssb",
        _j(id=[1, 2, 3, 4, 5, 6]),
        SSBFormatError,
        "distinct dimension names",
        "dimension names as numbers",
        suffix=".json",
    ),
    BadInput(
        "ssb-json-id-twice",
        "ssb",
        _j(id=["Region", "Region", "IntroAvbrudd", "Arbeidsmarkedsstatus", "ContentsCode", "Tid"]),
        SSBFormatError,
        "distinct dimension names",
        "a dimension named twice",
        suffix=".json",
    ),
    BadInput(
        "ssb-json-missing-tid",
        "ssb",
        _j(id=["Region", "Kjonn", "IntroAvbrudd", "Arbeidsmarkedsstatus", "ContentsCode", "Aar"]),
        SSBFormatError,
        "the dimension Tid is missing",
        "no Tid dimension",
        suffix=".json",
    ),
    BadInput(
        "ssb-json-value-count",
        "ssb",
        _j(value=[1, 2, 3]),
        SSBFormatError,
        '"value" has 3 cells but the dimensions give 480',
        "too few values",
        suffix=".json",
    ),
    BadInput(
        "ssb-json-no-value",
        "ssb",
        _j(value=None),
        SSBFormatError,
        '"value" is missing',
        "no value member",
        suffix=".json",
    ),
    BadInput(
        "ssb-json-value-key-text",
        "ssb",
        _j(value={"abc": 1}),
        SSBFormatError,
        'a "value" key must be a cell index',
        "a value key that is not an index",
        suffix=".json",
    ),
    BadInput(
        "ssb-json-value-key-range",
        "ssb",
        _j(value={"480": 1}),
        SSBFormatError,
        "from 0 to 479",
        "a value key past the last cell",
        suffix=".json",
    ),
    BadInput(
        "ssb-json-value-key-arabic",
        "ssb",
        _j(value={"٣": 1}),
        SSBFormatError,
        "value '٣'",
        "a value key in Arabic-Indic digits",
        suffix=".json",
    ),
    BadInput(
        "ssb-json-status-number",
        "ssb",
        _j(status=5),
        SSBFormatError,
        '"status" must be text',
        "status as a number",
        suffix=".json",
    ),
    BadInput(
        "ssb-json-status-list-of-lists",
        "ssb",
        _j(status=[[":"]]),
        SSBFormatError,
        '"status" must be text',
        "status holding a list",
        suffix=".json",
    ),
    BadInput(
        "ssb-json-index-mixed",
        "ssb",
        _jdim("Region", {"0": 0, "0219": "1", "0815": 2, "1001": 3, "1902": 4}),
        SSBFormatError,
        "map each code to its position",
        "a category index mixing numbers and text",
        suffix=".json",
    ),
    BadInput(
        "ssb-json-index-gap",
        "ssb",
        _jdim("Region", {"0": 0, "0219": 1, "0815": 2, "1001": 3, "1902": 7}),
        SSBFormatError,
        "map each code to its position",
        "positions with a gap",
        suffix=".json",
    ),
    BadInput(
        "ssb-json-index-numbers",
        "ssb",
        _jdim("Region", [0, 219, 815, 1001, 1902]),
        SSBFormatError,
        "category codes are text",
        "codes as numbers",
        suffix=".json",
    ),
    BadInput(
        "ssb-json-index-twice",
        "ssb",
        _jdim("Region", ["0", "0219", "0219", "1001", "1902"]),
        SSBFormatError,
        "listed twice",
        "a code listed twice",
        suffix=".json",
    ),
    BadInput(
        "ssb-json-index-string",
        "ssb",
        _jdim("Region", "0,0219"),
        SSBFormatError,
        "neither a list nor a mapping",
        "the index as one string",
        suffix=".json",
    ),
    BadInput(
        "ssb-json-dimension-list",
        "ssb",
        _j(dimension=[]),
        SSBFormatError,
        "no category index",
        "dimension as a list",
        suffix=".json",
    ),
    BadInput(
        "ssb-json-extra-dimension",
        "ssb",
        _j(id=[*_JSON["id"], "Extra"], size=[*_JSON["size"], 2]),
        SSBFormatError,
        "unexpected dimension",
        "a seventh dimension of two categories",
        suffix=".json",
    ),
    BadInput(
        "ssb-json-year-superscript",
        "ssb",
        _jcode("Tid", "2014", "²⁰¹⁴"),
        SSBFormatError,
        "value '²⁰¹⁴'",
        "a year in superscript digits",
        suffix=".json",
    ),
    BadInput(
        "ssb-json-year-arabic",
        "ssb",
        _jcode("Tid", "2014", "٢٠١٤"),
        SSBFormatError,
        "four digits 0-9",
        "a year in Arabic-Indic digits",
        suffix=".json",
    ),
    BadInput(
        "ssb-json-after-arabic",
        "ssb",
        _jcode("IntroAvbrudd", "01", "٠١"),
        SSBFormatError,
        "IntroAvbrudd",
        "years since leaving in Arabic-Indic digits",
        suffix=".json",
    ),
    BadInput(
        "ssb-json-after-nine",
        "ssb",
        _jcode("IntroAvbrudd", "01", "09"),
        SSBFormatError,
        "01-05",
        "nine years since leaving",
        suffix=".json",
    ),
    BadInput(
        "ssb-json-unknown-region",
        "ssb",
        _jcode("Region", "0219", "9999"),
        SSBFormatError,
        "unknown region code",
        "a region code no municipality has",
        suffix=".json",
    ),
    BadInput(
        "ssb-json-bydel",
        "ssb",
        _jcode("Region", "0219", "030101"),
        SSBFormatError,
        "leave out næringsregioner and bydeler",
        "a city district code",
        suffix=".json",
    ),
    BadInput(
        "ssb-json-unknown-sex",
        "ssb",
        _jcode("Kjonn", "2", "3"),
        SSBFormatError,
        "unknown sex code",
        "sex code 3",
        suffix=".json",
    ),
    BadInput(
        "ssb-json-negative-count",
        "ssb",
        _jvalue(0, "-5"),
        SSBFormatError,
        "a whole number of at least 0",
        "a negative count",
        suffix=".json",
    ),
    BadInput(
        "ssb-json-fraction-count",
        "ssb",
        _jvalue(0, "2.5"),
        SSBFormatError,
        "a whole number of at least 0",
        "2.5 persons",
        suffix=".json",
    ),
    BadInput(
        "ssb-json-percent-150",
        "ssb",
        _jvalue(12, "150"),
        SSBFormatError,
        "between 0 and 100",
        "150 per cent",
        suffix=".json",
    ),
    BadInput(
        "ssb-json-no-status-code",
        "ssb",
        _jcode("Arbeidsmarkedsstatus", "1", "9"),
        SSBFormatError,
        "lacks the cell for Arbeidsmarkedsstatus 1",
        "the status 'in work or education' left out",
        suffix=".json",
    ),
    BadInput(
        "ssb-json-empty",
        "ssb",
        b"  \n",
        SSBFormatError,
        "the file is empty",
        "only spaces",
        suffix=".json",
    ),
    BadInput(
        "ssb-json-nul",
        "ssb",
        b'{"class": "dataset"\x00}',
        SSBFormatError,
        "NUL bytes",
        "a NUL byte",
        suffix=".json",
    ),
    BadInput(
        "ssb-json-utf16",
        "ssb",
        json.dumps(_JSON).encode("utf-16"),
        SSBFormatError,
        "NUL bytes",
        "saved as UTF-16",
        suffix=".json",
    ),
]

_SSB_CSV: list[BadInput] = [
    BadInput(
        "ssb-csv-other-table",
        "ssb",
        b'"07459: Befolkning"\n\n' + _CSV.encode(),
        SSBFormatError,
        "this is SSB table 07459",
        "another table's title line",
    ),
    BadInput(
        "ssb-csv-no-header",
        "ssb",
        b"a;b\n1;2\n",
        SSBFormatError,
        "no header row with the table's dimensions",
        "a CSV that is not a 10824 export",
    ),
    BadInput(
        "ssb-csv-missing-dimension",
        "ssb",
        _c('"arbeidsmarkedsstatus";', '"status";'),
        SSBFormatError,
        "the dimension Arbeidsmarkedsstatus is missing",
        "the labour-market status column renamed",
    ),
    BadInput(
        "ssb-csv-value-text",
        "ssb",
        _c(";2897\n", ";mange\n"),
        SSBFormatError,
        "value 'mange': not a number",
        "a value in words",
    ),
    BadInput(
        "ssb-csv-value-arabic",
        "ssb",
        _c(";2897\n", ";٢٨٩٧\n"),
        SSBFormatError,
        "value '٢٨٩٧'",
        "a value in Arabic-Indic digits",
    ),
    BadInput(
        "ssb-csv-value-fullwidth",
        "ssb",
        _c(";2897\n", ";２８９７\n"),
        SSBFormatError,
        "not a number",
        "a value in full-width digits",
    ),
    BadInput(
        "ssb-csv-value-exponent",
        "ssb",
        _c(";2897\n", ";1e400\n"),
        SSBFormatError,
        "not a number",
        "1e400",
    ),
    BadInput(
        "ssb-csv-value-400-digits",
        "ssb",
        _c(";2897\n", ";" + "9" * 400 + "\n"),
        SSBFormatError,
        "not a number",
        "a count of 400 digits",
    ),
    BadInput(
        "ssb-csv-value-huge",
        "ssb",
        _c(";2897\n", ";999999999999999\n"),
        SSBFormatError,
        "larger than table 10824 can hold",
        "a count of 15 digits",
    ),
    BadInput(
        "ssb-csv-value-nan", "ssb", _c(";2897\n", ";NaN\n"), SSBFormatError, "not a number", "NaN"
    ),
    BadInput(
        "ssb-csv-huge-field",
        "ssb",
        _c(";2897\n", ';"' + "x" * 200_000 + '"\n'),
        SSBFormatError,
        "field larger than field limit",
        "one cell of 200 000 characters",
    ),
    BadInput(
        "ssb-csv-unknown-region",
        "ssb",
        _c('"0 Hele landet"', '"Atlantis"'),
        SSBFormatError,
        "unknown region",
        "a region name no municipality has",
    ),
    BadInput(
        "ssb-csv-unknown-sex",
        "ssb",
        _c('"Begge kjønn"', '"Ukjent"'),
        SSBFormatError,
        "unknown sex",
        "an unknown sex",
    ),
    BadInput(
        "ssb-csv-unknown-after",
        "ssb",
        _c('"Ett år tidligere"', '"Ti år tidligere"'),
        SSBFormatError,
        "unknown years since leaving",
        "ten years since leaving",
    ),
    BadInput(
        "ssb-csv-after-arabic",
        "ssb",
        _c('"Ett år tidligere"', '"٠١ Ett år tidligere"'),
        SSBFormatError,
        "unknown years since leaving",
        "years since leaving in Arabic-Indic digits",
    ),
    BadInput(
        "ssb-csv-year-arabic",
        "ssb",
        _c('"2011"', '"٢٠١١"'),
        SSBFormatError,
        "a year has four digits",
        "a year in Arabic-Indic digits",
    ),
    BadInput(
        "ssb-csv-short-row",
        "ssb",
        _c(_NAT, '"0 Hele landet";"Personer"'),
        SSBFormatError,
        "expected 7 cells, found 2",
        "a row of two cells",
    ),
    BadInput(
        "ssb-csv-twice",
        "ssb",
        (_CSV + _CSV_LINES[1]).encode("utf-8"),
        SSBFormatError,
        "holds this figure twice",
        "the same figure twice",
    ),
    BadInput(
        "ssb-csv-bom-invalid",
        "ssb",
        b"\xef\xbb\xbf" + _CSV.encode("latin-1"),
        SSBFormatError,
        "byte-order mark",
        "a byte-order mark, then Latin-1",
    ),
]

_PATH_KINDS = {
    "missing": ("no such file", "a file that does not exist"),
    "folder": ("is a folder, not a file", "a folder"),
    "fifo": ("is a named pipe, not a regular file", "a named pipe (would hang a reader)"),
    "dev-null": ("is a character device", "/dev/null"),
    "dev-zero": ("is a character device", "/dev/zero (would never end)"),
    "nul": ("NUL", "a NUL character in the name"),
    "newline": ("control character", "a line break in the name"),
    "escape": ("control character", "a terminal escape sequence in the name"),
    "none": ("the path is None", "None"),
    "empty": ("the path is empty", "an empty name"),
    "bytes": ("not bytes", "a bytes path"),
    "huge": ("MAX_USER_FILE_BYTES", "a file over its cap (64 MiB; a ballot file 4 GiB)"),
    "unreadable": ("no permission to read it", "a file without read permission"),
    "dangling-link": ("no such file", "a link to nothing"),
    "under-a-file": ("a part of the path is a file", "a path through a file"),
    "dash": ("'-' for standard input is not supported here", "'-' where stdin is not read"),
}
_NO_COMMAND_KINDS = {"none", "bytes"}  # a command line holds text only
_CLI_FRAGMENT = {"nul": "NUL"}

_ERRORS = {"ballots": BallotFileError, "jury": JurySheetError, "ssb": SSBFormatError}
_LEFT_OUT: set[tuple[str, str]] = set()
#: The cap a file over it names, where it is not MAX_USER_FILE_BYTES.
_HUGE = {"ballots": "MAX_BALLOT_BYTES"}

_PATHS: list[BadInput] = [
    BadInput(
        f"path-{reader}-{kind}",
        "path",
        (reader, kind),
        LimitError if kind == "huge" else _ERRORS[reader],
        _HUGE.get(reader, fragment) if kind == "huge" else fragment,
        f"{note} as the {reader} file",
        command_fragment=_CLI_FRAGMENT.get(kind),
        tags=("no-command",) if kind in _NO_COMMAND_KINDS or reader == "ssb" else (),
    )
    for reader in ("ballots", "jury", "ssb")
    for kind, (fragment, note) in _PATH_KINDS.items()
    if (reader, kind) not in _LEFT_OUT
]

_WRITES: list[BadInput] = [
    BadInput(
        "write-exists",
        "write",
        "exists",
        WriteError,
        "exists already; pass force=True (the command's --force)",
        "practice files there already",
    ),
    BadInput(
        "write-out-is-file",
        "write",
        "out-is-file",
        WriteError,
        "is a file, not a folder",
        "--out names a file",
    ),
    BadInput(
        "write-under-a-file",
        "write",
        "under-a-file",
        WriteError,
        "a part of the path is a file",
        "--out goes through a file",
    ),
    BadInput(
        "write-read-only",
        "write",
        "read-only",
        WriteError,
        "no permission to write in the folder",
        "a read-only folder",
    ),
    BadInput(
        "write-target-is-folder",
        "write",
        "target-is-folder",
        WriteError,
        "is a folder; give a file name",
        "a folder where a file goes",
    ),
    BadInput(
        "write-target-is-link",
        "write",
        "target-is-link",
        WriteError,
        "is not a regular file",
        "a link where a file goes",
    ),
    BadInput(
        "write-target-is-fifo",
        "write",
        "target-is-fifo",
        WriteError,
        "is not a regular file",
        "a named pipe where a file goes",
    ),
    BadInput(
        "write-newline-name",
        "write",
        "newline-name",
        WriteError,
        "control character",
        "a line break in the folder's name",
    ),
    BadInput(
        "write-nul-name", "write", "nul-name", WriteError, "NUL", "a NUL in the folder's name"
    ),
    BadInput(
        "write-none",
        "write",
        "none",
        WriteError,
        "no folder given",
        "None as the folder",
        tags=("no-command",),
    ),
]

_LOOKUPS: list[BadInput] = [
    BadInput(
        "lookup-municipality-unknown",
        "lookup",
        'bs.municipality("Atlantis")',
        MunicipalityNotFound,
        "value 'Atlantis'",
        "a name no municipality has",
        argv=("municipality", "Atlantis"),
    ),
    BadInput(
        "lookup-municipality-arabic-code",
        "lookup",
        'bs.municipality("٠٣٠١")',
        MunicipalityNotFound,
        "value '٠٣٠١'",
        "Oslo's code in Arabic-Indic digits",
        argv=("municipality", "٠٣٠١"),
    ),
    BadInput(
        "lookup-municipality-short-code",
        "lookup",
        'bs.municipality("301")',
        ValidationError,
        "a kommunenummer has four digits",
        "a code without its leading zero",
        argv=("municipality", "301"),
    ),
    BadInput(
        "lookup-municipality-empty",
        "lookup",
        'bs.municipality("")',
        ValidationError,
        "give a municipality name",
        "an empty name",
        argv=("municipality", ""),
    ),
    BadInput(
        "lookup-municipality-none",
        "lookup",
        "bs.municipality(None)",
        ValidationError,
        "value None",
        "None",
    ),
    BadInput(
        "lookup-municipality-year",
        "lookup",
        'bs.municipality("Oslo", year=1999)',
        ValidationError,
        "2008-2025",
        "a year outside the register",
        argv=("municipality", "Oslo", "--year", "1999"),
    ),
    BadInput(
        "lookup-municipality-control",
        "lookup",
        'bs.municipality("Oslo\\nbosetting: ok")',
        MunicipalityNotFound,
        "Oslo\\nbosetting: ok",
        "a name with a line break (a forged second line)",
        argv=("municipality", "Oslo\nbosetting: ok"),
    ),
    BadInput(
        "lookup-municipality-escape",
        "lookup",
        'bs.municipality("\\x1b[2J\\x1b[31mOslo")',
        MunicipalityNotFound,
        "\\x1b[2J",
        "a name with terminal escapes",
        argv=("municipality", "\x1b[2J\x1b[31mOslo"),
    ),
    BadInput(
        "lookup-municipality-ambiguous",
        "lookup",
        'bs.municipality("Våler", year=2019)',
        AmbiguousMunicipality,
        "Våler",
        "a name two municipalities had",
        argv=("municipality", "Våler", "--year", "2019"),
    ),
    BadInput(
        "lookup-edition-2017",
        "lookup",
        'bs.edition("2017")',
        EditionNotFound,
        "no edition exists for the work year 2017",
        "the year without an edition",
        argv=("show", "2017"),
    ),
    BadInput(
        "lookup-edition-text",
        "lookup",
        'bs.edition("abc")',
        EditionNotFound,
        "value 'abc'",
        "a label that is not a year",
        argv=("show", "abc"),
    ),
    BadInput(
        "lookup-edition-five-digits",
        "lookup",
        "bs.edition(20222)",
        EditionNotFound,
        "20222",
        "a year of five digits",
        argv=("show", "20222"),
    ),
    BadInput(
        "lookup-edition-superscript",
        "lookup",
        'bs.edition("²⁰²²")',
        EditionNotFound,
        "written with the digits 0 to 9",
        "a label in superscript digits",
        argv=("show", "²⁰²²"),
    ),
    BadInput(
        "lookup-edition-arabic-indic",
        "lookup",
        'bs.edition("٢٠٢٢")',
        EditionNotFound,
        "written with the digits 0 to 9",
        "a label in Arabic-Indic digits (not taken as 2022)",
        argv=("show", "٢٠٢٢"),
    ),
    BadInput(
        "lookup-edition-fullwidth",
        "lookup",
        'bs.edition("２０２２")',
        EditionNotFound,
        "written with the digits 0 to 9",
        "a label in full-width digits (not taken as 2022)",
        argv=("show", "２０２２"),
    ),
    BadInput(
        "lookup-edition-year-of-label",
        "lookup",
        'bs.model.edition_year("٢٠١٩/٢٠٢٠")',
        ValidationError,
        "written with the digits 0 to 9",
        "the year of a label in Arabic-Indic digits",
    ),
    BadInput(
        "lookup-outcomes-unknown",
        "lookup",
        'bs.intro_outcomes("Atlantis")',
        MunicipalityNotFound,
        "Atlantis",
        "outcomes of an unknown area",
        argv=("outcomes", "Atlantis"),
    ),
    BadInput(
        "lookup-outcomes-sex",
        "lookup",
        'bs.intro_outcomes(sex="x")',
        ValidationError,
        "sex is 'all', 'men' or 'women'",
        "an unknown sex",
    ),
    BadInput(
        "lookup-check-unknown",
        "lookup",
        'bs.assess(bs.municipality("Atlantis"), bs.edition(2022))',
        MunicipalityNotFound,
        "Atlantis",
        "criteria for an unknown municipality",
        argv=("check", "Atlantis", "--edition", "2022"),
    ),
    BadInput(
        "lookup-check-edition",
        "lookup",
        'bs.assess(bs.municipality("Kinn"), bs.edition("2017"))',
        EditionNotFound,
        "2017",
        "criteria for an edition that does not exist",
        argv=("check", "Kinn", "--edition", "2017"),
    ),
    BadInput(
        "lookup-tally-policy",
        "lookup",
        'bs.tally(["Kinn"], bs.edition(2022), duplicates="first")',
        ArgumentError,
        "keep_first, keep_last or reject_all",
        "an unknown duplicate policy",
    ),
    BadInput(
        "lookup-tally-none",
        "lookup",
        "bs.tally(None, bs.edition(2022))",
        ArgumentError,
        "give the ballots as a list, a Series or another collection of choices",
        "None instead of ballots",
    ),
    BadInput(
        "lookup-sensitivity-steps",
        "lookup",
        "bs.sensitivity(bs.tally(['Kinn', 'Bodø'], bs.edition(2022)),"
        " practice.practice_jury(bs.edition(2022), seed=1), steps=100_001)",
        LimitError,
        "at most 100000 steps",
        "one sample step over MAX_STEPS (the command needs files, so the API only)",
    ),
    BadInput(
        "lookup-practice-negative",
        "lookup",
        "practice.practice_ballots(bs.edition(2022), -1, seed=1)",
        ArgumentError,
        "n is a whole number",
        "a negative number of ballots",
        argv=("practice", "--edition", "2022", "--out", "{tmp}", "--seed", "1", "--ballots", "-1"),
        command_fragment="--ballots: a whole number from 0 to 1,000,000, not '-1'",
    ),
    BadInput(
        "lookup-practice-huge",
        "lookup",
        "practice.practice_ballots(bs.edition(2022), 10**9, seed=1)",
        LimitError,
        "MAX_PRACTICE_BALLOTS",
        "a billion practice ballots",
        argv=(
            "practice",
            "--edition",
            "2022",
            "--out",
            "{tmp}",
            "--seed",
            "1",
            "--ballots",
            "1000000000",
        ),
        command_fragment="--ballots: a whole number from 0 to 1,000,000",
    ),
    BadInput(
        "lookup-practice-seed",
        "lookup",
        "practice.practice_ballots(bs.edition(2022), 5, seed=None)",
        ArgumentError,
        "the seed is a whole number",
        "no seed",
    ),
    BadInput(
        "lookup-practice-jurors",
        "lookup",
        "practice.practice_jury_records(bs.edition(2022), seed=1, jurors=10**7)",
        LimitError,
        "MAX_PRACTICE_JURORS",
        "ten million jurors",
    ),
    BadInput(
        "lookup-practice-rate",
        "lookup",
        "practice.practice_ballots(bs.edition(2022), 5, seed=1, blank_rate=2)",
        ArgumentError,
        "a share from 0 to 1",
        "a blank rate of 2",
    ),
]

_ARGV: list[BadInput] = [
    BadInput(
        "argv-unknown-command",
        "argv",
        None,
        UsageError,
        "unknown choice",
        "a command that does not exist",
        argv=("nonsense",),
    ),
    BadInput(
        "argv-missing-argument",
        "argv",
        None,
        UsageError,
        "give NAME",
        "no name",
        argv=("municipality",),
    ),
    BadInput(
        "argv-year-text",
        "argv",
        None,
        UsageError,
        "not a whole number: 'x'",
        "a year in letters",
        argv=("municipality", "Oslo", "--year", "x"),
    ),
    BadInput(
        "argv-year-arabic",
        "argv",
        None,
        UsageError,
        "not a whole number: '٢٠١٩'",
        "a year in Arabic-Indic digits",
        argv=("municipality", "Oslo", "--year", "٢٠١٩"),
    ),
    BadInput(
        "argv-year-superscript",
        "argv",
        None,
        UsageError,
        "not a whole number: '²⁰¹⁹'",
        "a year in superscript digits",
        argv=("municipality", "Oslo", "--year", "²⁰¹⁹"),
    ),
    BadInput(
        "argv-year-underscore",
        "argv",
        None,
        UsageError,
        "not a whole number: '2_019'",
        "a year with an underscore",
        argv=("municipality", "Oslo", "--year", "2_019"),
    ),
    BadInput(
        "argv-year-huge",
        "argv",
        None,
        UsageError,
        "not a whole number",
        "a year of 5000 digits",
        argv=("municipality", "Oslo", "--year", "9" * 5000),
    ),
    BadInput(
        "argv-seed-arabic",
        "argv",
        None,
        UsageError,
        "not a whole number",
        "a seed in Arabic-Indic digits",
        argv=("practice", "--edition", "2022", "--out", "{tmp}", "--seed", "٣"),
    ),
    BadInput(
        "argv-ballots-fullwidth",
        "argv",
        None,
        UsageError,
        "not a whole number",
        "a count in full-width digits",
        argv=(
            "practice",
            "--edition",
            "2022",
            "--out",
            "{tmp}",
            "--seed",
            "1",
            "--ballots",
            "１０",
        ),
        command_fragment="--ballots: a whole number from 0 to 1,000,000",
    ),
    BadInput(
        "argv-unknown-option-newline",
        "argv",
        None,
        UsageError,
        "unrecognized arguments: --bogus\\nbosetting: ok",
        "an unknown option holding a line break",
        argv=("municipality", "Oslo", "--bogus\nbosetting: ok"),
    ),
    BadInput(
        "argv-choice-newline",
        "argv",
        None,
        UsageError,
        "unknown choice 'x\\ny'",
        "a duplicate policy holding a line break",
        argv=("tally", "v.csv", "--edition", "2022", "--duplicates", "x\ny"),
    ),
    BadInput(
        "argv-weight-high",
        "argv",
        None,
        UsageError,
        "a number from 0 to 1",
        "a public weight of 2",
        argv=("decide", "--edition", "2022", "--jury", "j.csv", "--public-weight", "2"),
    ),
    BadInput(
        "argv-weight-nan",
        "argv",
        None,
        UsageError,
        "a number from 0 to 1",
        "a public weight of nan",
        argv=("decide", "--edition", "2022", "--jury", "j.csv", "--public-weight", "nan"),
    ),
    BadInput(
        "argv-weight-text",
        "argv",
        None,
        UsageError,
        "a number from 0 to 1, not 'halv'",
        "a public weight in words",
        argv=("decide", "--edition", "2022", "--jury", "j.csv", "--public-weight", "halv"),
    ),
    BadInput(
        "argv-weight-arabic",
        "argv",
        None,
        UsageError,
        "a number from 0 to 1, not '٠٫٥'",
        "a public weight in Arabic-Indic digits (float would read it as 0.5)",
        argv=("decide", "--edition", "2022", "--jury", "j.csv", "--public-weight", "٠٫٥"),
    ),
    BadInput(
        "argv-practice-no-jurors",
        "argv",
        None,
        UsageError,
        "--jurors: a whole number from 1 to 100, not '0'",
        "a jury sheet for no jurors",
        argv=("practice", "--edition", "2022", "--out", "o", "--blank", "--jurors", "0"),
    ),
    BadInput(
        "argv-nul",
        "argv",
        None,
        UsageError,
        "holds a NUL character",
        "a NUL in an argument",
        argv=("municipality", "Os\x00lo"),
    ),
    BadInput(
        "argv-edition-missing",
        "argv",
        None,
        UsageError,
        "--edition",
        "tally without an edition",
        argv=("tally", "v.csv"),
    ),
]

#: Every case of the catalogue.
CASES: list[BadInput] = [
    *_BALLOTS,
    *_JURY,
    *_SSB_JSON,
    *_SSB_CSV,
    *_PATHS,
    *_WRITES,
    *_LOOKUPS,
    *_ARGV,
]

assert len({c.id for c in CASES}) == len(CASES), "case ids must be unique"
