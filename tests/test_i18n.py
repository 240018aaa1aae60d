"""One voice: the catalogue is complete and compiled, and every text follows the language."""

from __future__ import annotations

import ast
import gettext
import re
import string
import subprocess
import sys
import zipfile
from collections.abc import Iterator
from datetime import date
from fractions import Fraction
from pathlib import Path

import pytest
from babel.messages.pofile import read_po

import bosetting as bs
from bosetting import data, i18n
from bosetting.cli import main
from bosetting.errors import ArgumentError, EditionNotFound
from bosetting.i18n import format_date, format_number, format_share, join_words, language
from bosetting.model import Outcome, PartialDate, RejectReason, WeightedBlend
from bosetting.ssb import read_ssb_10824
from tests.helpers import run

ROOT = Path(__file__).resolve().parents[1]
SRC = ROOT / "src" / "bosetting"
#: Every language with a catalogue (all but the language of the message ids).
TRANSLATED = [code for code in i18n.LANGUAGES if code != i18n.SOURCE_LANGUAGE]


def _po(lang: str) -> Path:
    return SRC / "locale" / lang / "LC_MESSAGES" / "bosetting.po"


#: The marking functions of bosetting.i18n (and errors' own ``_``) and how many ids each takes.
MARKERS = {"_": 1, "N_": 1, "lazy_gettext": 1, "ngettext": 2}


def _called(node: ast.Call) -> str | None:
    func = node.func
    if isinstance(func, ast.Name):
        return func.id
    if isinstance(func, ast.Attribute) and isinstance(func.value, ast.Name):
        return func.attr if func.value.id == "i18n" else None
    return None


def marked_messages() -> tuple[set[str | tuple[str, str]], list[str]]:
    """Every message id marked in src/ (an ast walk: no directory is skipped), and misuses."""
    found: set[str | tuple[str, str]] = set()
    problems: list[str] = []
    for path in sorted(SRC.rglob("*.py")):
        tree = ast.parse(path.read_text(encoding="utf-8"), filename=str(path))
        for node in ast.walk(tree):
            if not isinstance(node, ast.Call):
                continue
            name = _called(node)
            if name not in MARKERS:
                continue
            where = f"{path.relative_to(ROOT)}:{node.lineno}"
            ids = node.args[: MARKERS[name]]
            if len(ids) < MARKERS[name]:
                continue  # a call through a variable (not a marking), such as _(template)
            if all(isinstance(a, ast.Constant) and isinstance(a.value, str) for a in ids):
                values = [a.value for a in ids if isinstance(a, ast.Constant)]
                found.add(values[0] if len(values) == 1 else (values[0], values[1]))
            elif any(isinstance(a, ast.JoinedStr | ast.BinOp) for a in ids):
                problems.append(f"{where}: {name}() of an f-string or '+': not extractable")
    return found, problems


def po_catalogue(po: Path) -> dict[str | tuple[str, str], str | tuple[str, ...]]:
    with po.open("rb") as f:
        cat = read_po(f)
    out: dict[str | tuple[str, str], str | tuple[str, ...]] = {}
    for m in cat:
        if not m.id:
            continue
        key = (m.id[0], m.id[1]) if isinstance(m.id, tuple | list) else m.id
        out[key] = tuple(m.string) if isinstance(m.string, tuple | list) else m.string
        assert not m.fuzzy, f"fuzzy (check it, then remove the flag): {m.id!r}"
    return out


def test_the_catalogues_are_those_of_the_languages() -> None:
    folders = sorted(p.name for p in (SRC / "locale").iterdir() if p.is_dir())
    assert folders == sorted(TRANSLATED)
    assert "nb" in TRANSLATED


@pytest.mark.parametrize("lang", TRANSLATED)
def test_every_message_in_the_code_has_a_translation(lang: str) -> None:
    found, problems = marked_messages()
    assert not problems, problems
    catalogue = po_catalogue(_po(lang))
    missing = sorted(str(m) for m in found if m not in catalogue)
    empty = sorted(
        str(k)
        for k, v in catalogue.items()
        if (not v) or (isinstance(v, tuple) and not all(v))
        if k in found
    )
    assert not missing, f"no {lang} translation (run `make messages` and translate): {missing}"
    assert not empty, f"empty translation: {empty}"
    stale = sorted(str(k) for k in catalogue if k not in found)
    assert not stale, f"in the .po but not in the code (run `make messages`): {stale}"
    assert len(found) > 250


def _fields(text: str) -> set[str]:
    return {name for _, name, _, _ in string.Formatter().parse(text) if name}


@pytest.mark.parametrize("lang", TRANSLATED)
def test_translations_keep_every_placeholder(lang: str) -> None:
    for key, value in po_catalogue(_po(lang)).items():
        ids = key if isinstance(key, tuple) else (key,)
        wanted = set().union(*(_fields(i) for i in ids)) | (
            {"n"} if isinstance(key, tuple) else set()
        )
        for text in value if isinstance(value, tuple) else (value,):
            assert _fields(text) <= wanted, (key, text)
            assert _fields(ids[-1]) <= _fields(text) | {"n"}, (key, text)


@pytest.mark.parametrize("lang", TRANSLATED)
def test_compiled_catalogue_is_the_po_compiled(lang: str) -> None:
    """The shipped .mo holds exactly the .po's translations (content, not file times)."""
    with _po(lang).with_suffix(".mo").open("rb") as f:
        compiled = dict(gettext.GNUTranslations(f)._catalog)  # type: ignore[attr-defined]
    compiled.pop("", None)  # the header
    expected: dict[object, str] = {}
    for key, value in po_catalogue(_po(lang)).items():
        if isinstance(key, tuple):
            assert isinstance(value, tuple)
            expected.update({(key[0], i): v for i, v in enumerate(value)})
        else:
            assert isinstance(value, str)
            expected[key] = value
    assert compiled == expected, (
        "bosetting.mo is older than (or differs from) its .po: make messages"
    )


def test_the_wheel_ships_the_compiled_catalogue() -> None:
    conf = (ROOT / "pyproject.toml").read_text(encoding="utf-8")
    assert 'packages = ["src/bosetting"]' in conf  # hatch ships every file under it
    ignored = (ROOT / ".gitignore").read_text(encoding="utf-8")
    assert ".mo" not in ignored
    assert "locale" not in ignored


@pytest.mark.slow
def test_built_wheel_contains_the_catalogue(tmp_path: Path) -> None:
    subprocess.run(
        [sys.executable, "-m", "build", "--wheel", "--no-isolation", "--outdir", str(tmp_path)],
        cwd=ROOT,
        check=True,
        capture_output=True,
    )
    names = zipfile.ZipFile(next(tmp_path.glob("*.whl"))).namelist()
    assert "bosetting/locale/nb/LC_MESSAGES/bosetting.mo" in names


# -- choosing the language ---------------------------------------------------------------


def test_default_is_bokmaal_and_set_language_switches(monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.delenv("BOSETTING_LANG", raising=False)
    bs.set_language(None)
    assert i18n.get_language() == "nb"
    assert Outcome.WINNER.label == "vinner"
    bs.set_language("en")
    assert Outcome.WINNER.label == "winner"
    assert "set_language" in bs.__all__


@pytest.mark.parametrize("bad", ["fr", "nn", "", "english", 1])
def test_unknown_language_raises(bad: object) -> None:
    with pytest.raises(ArgumentError):
        bs.set_language(bad)  # type: ignore[arg-type]
    with pytest.raises(ArgumentError), language(bad):  # type: ignore[arg-type]
        pass


def test_environment_chooses_when_nothing_else_does(monkeypatch: pytest.MonkeyPatch) -> None:
    bs.set_language(None)
    monkeypatch.setenv("BOSETTING_LANG", "en_GB.UTF-8")
    assert i18n.get_language() == "en"
    bs.set_language("nb")  # an explicit choice wins
    assert i18n.get_language() == "nb"
    with language("en"):  # and a block wins over that
        assert i18n.get_language() == "en"
    assert i18n.get_language() == "nb"
    bs.set_language(None)
    monkeypatch.setenv("BOSETTING_LANG", "xx")
    with pytest.warns(RuntimeWarning, match="BOSETTING_LANG"):
        assert i18n.get_language() == "nb"


def test_formatters_follow_the_language() -> None:
    with language("nb"):
        assert format_share(0.686) == "68,6\u00a0%"
        assert format_share(0.69, 0) == "69\u00a0%"
        assert format_number(12345) == "12\u00a0345"
        assert format_number(0.5, 1) == "0,5"
        assert format_date(date(2022, 11, 17)) == "17. november 2022"
        assert format_date(PartialDate(2020, 5)) == "mai 2020"
        assert format_date(PartialDate()) == "ukjent dato"
    with language("en"):
        assert format_share(0.686) == "68.6%"
        assert format_number(12345) == "12,345"
        assert format_date(date(2022, 11, 17)) == "17 November 2022"
        assert format_date(PartialDate(2010)) == "2010"


def test_formatters_round_the_decimal_shown_and_never_write_minus_zero() -> None:
    with language("en"):
        assert format_number(-0.04, 1) == "0.0"
        assert format_share(-0.0004) == "0.0%"
        assert format_number(-3.25, 1) == "-3.2"  # half to even, as Babel does
        assert format_number(2.675, 2) == "2.68"  # the decimal shown, not the binary float
        assert format_number(Fraction(1, 3), 3) == "0.333"
        assert format_share(Fraction(1, 2), 0) == "50%"
        assert join_words([]) == ""
        assert join_words(["a"]) == "a"
        assert join_words(["a", "b"]) == "a and b"
        assert join_words(["a", "b", "c"], conjunction="or") == "a, b or c"
        assert i18n.decimal_sign() == "."
    with language("nb"):
        assert format_number(1234567.891, 2) == "1\u00a0234\u00a0567,89"
        assert join_words(["a", "b", "c"]) == "a, b og c"
        assert join_words(["nb", "en"], conjunction="or") == "nb eller en"
        assert i18n.decimal_sign() == ","
        assert i18n.language_names() == {"nb": "norsk bokmål", "en": "engelsk"}


#: A few messages of a throwaway nynorsk catalogue (the test's, not a translation we ship).
NYNORSK = {
    "Edition": "Utdeling",
    "Awarded": "Delt ut",
    "Winner": "Vinnar",
    "date unknown": "ukjend dato",
    "the language to write in: {languages}; {default} if none is chosen": (
        "språket det blir skrive på: {languages}; {default} når ingen er vald"
    ),
}


def _nynorsk_catalogue(folder: Path) -> None:
    """Write ``folder/nn/LC_MESSAGES/bosetting.po`` and compile it, as ``make messages`` does."""
    from babel.messages.catalog import Catalog
    from babel.messages.mofile import write_mo
    from babel.messages.pofile import write_po

    catalog = Catalog(locale="nn", domain=i18n.DOMAIN)
    for msgid, msgstr in NYNORSK.items():
        catalog.add(msgid, msgstr)
    catalog.add(("{n} nominee", "{n} nominees"), ("{n} nominert", "{n} nominerte"))
    po = folder / "nn" / "LC_MESSAGES" / "bosetting.po"
    po.parent.mkdir(parents=True)
    with po.open("wb") as f:
        write_po(f, catalog)
    with po.open("rb") as f, po.with_suffix(".mo").open("wb") as out:
        write_mo(out, read_po(f))


def test_a_third_language_is_a_catalogue_and_one_entry(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch, capsys: pytest.CaptureFixture[str]
) -> None:
    """Nynorsk, thrown away after the test: its .po and one entry in LANGUAGES, nothing else."""
    _nynorsk_catalogue(tmp_path)
    monkeypatch.setitem(i18n.LANGUAGES, "nn", i18n.Language("nn", "nn_NO", ("nno",), tmp_path))
    with language("nn"):
        assert i18n._("Winner") == "Vinnar"
        assert i18n.ngettext("{n} nominee", "{n} nominees", 5) == "5 nominerte"
        assert format_share(0.686) == "68,6\u00a0%"
        assert format_number(12345.5, 1) == "12\u00a0345,5"
        assert format_date(date(2022, 11, 17)) == "17. november 2022"
        assert format_date(PartialDate()) == "ukjend dato"
        assert join_words(["a", "b", "c"]) == "a, b og c"
        assert i18n.language_names()["nn"] == "norsk nynorsk"
    with language("nb"):  # the others are as they were
        assert format_date(PartialDate()) == "ukjent dato"
    assert i18n.normalise_language("nn_NO.UTF-8") == "nn"
    monkeypatch.setenv("BOSETTING_LANG", "nno")
    bs.set_language(None)
    assert i18n.get_language() == "nn"
    monkeypatch.delenv("BOSETTING_LANG")
    # The command: --lang takes it, the help lists it, the output speaks it.
    status, out = _run(capsys, ["--lang", "nn", "history"])
    assert status == 0
    assert out.splitlines()[0].split()[:4] == ["Utdeling", "Delt", "ut", "Vinnar"]
    with pytest.raises(SystemExit):
        main(["--lang", "nn", "--help"])
    out = capsys.readouterr().out
    assert "[--lang nb|en|nn]" in out
    assert "nb (norsk bokmål), en (engelsk) eller nn (norsk nynorsk); nb når ingen er vald" in (
        " ".join(out.split())
    )
    status, out = _run(capsys, ["--lang", "nn", "history", "--format", "csv", "--excel"])
    assert out.startswith('\ufeff"edition";')  # --excel follows nynorsk's decimal comma
    status, out = _run(capsys, ["--lang", "fr", "history"])
    assert status == 2
    assert "velg nb, en eller nn" in out


def test_enum_values_and_reason_codes_are_words() -> None:
    with language("nb"):
        assert RejectReason.UNKNOWN_NOMINEE.label == "ikke blant de nominerte"
    with language("en"):
        assert RejectReason.UNKNOWN_NOMINEE.label == "not one of the nominees"
        assert "IMDi has not published" in WeightedBlend().describe()
    assert WeightedBlend().describe_nb().endswith("IMDi har ikke offentliggjort vektingen.")


def test_api_exceptions_follow_the_active_language() -> None:
    with pytest.raises(EditionNotFound) as info:
        bs.edition(2017)
    err = info.value
    with language("nb"):
        assert str(err).startswith("felt «edition», verdi 2017: det finnes ingen utdeling")
        assert "26. april 2017" in str(err)
    with language("en"):  # the same error, shown again: rendered when shown
        assert str(err).startswith("field 'edition', value 2017: no edition exists")
        assert "26 April 2017" in str(err)
    assert err.message_id.startswith("{reason}: the {prev} edition")


# -- every error message is a template from the catalogue ---------------------------------

#: The helpers that forward a message template to an error class, and the position of the
#: template among their positional arguments (``model._validate.fail(attribute, value, t)``).
FORWARDERS = {"_fail": 0, "error": 0, "fail": 2}


def _is_template(node: ast.expr) -> bool:
    """``N_("...")``, or a name, attribute or item that holds a marked template."""
    if isinstance(node, ast.IfExp):
        return _is_template(node.body) and _is_template(node.orelse)
    if isinstance(node, ast.Call):
        return (
            isinstance(node.func, ast.Name)
            and node.func.id == "N_"
            and len(node.args) == 1
            and isinstance(node.args[0], ast.Constant)
            and isinstance(node.args[0].value, str)
        )
    return isinstance(node, ast.Name | ast.Attribute | ast.Subscript)


def unmarked_error_messages(root: Path = SRC) -> list[str]:
    """Every error built with a message that is not a marked template, as ``file:line: code``."""
    from bosetting import errors

    templated = dict.fromkeys(errors.__all__, 0) | FORWARDERS
    found: list[str] = []
    for path in sorted(root.rglob("*.py")):
        rel = path.relative_to(root).as_posix()
        tree = ast.parse(path.read_text(encoding="utf-8"), filename=str(path))
        for node in ast.walk(tree):
            if not isinstance(node, ast.Call):
                continue
            func = node.func
            name = func.id if isinstance(func, ast.Name) else getattr(func, "attr", None)
            if name not in templated:
                continue
            at = templated[name]
            given = [
                *node.args[at : at + 1],
                *(k.value for k in node.keywords if k.arg == "message"),
            ]
            for arg in given:
                if not _is_template(arg):
                    found.append(f"{rel}:{node.lineno}: {name}({ast.unparse(arg)[:60]}")
    return found


def test_every_error_message_is_a_marked_template() -> None:
    """An error's message is ``N_("... {placeholder} ...")`` with the values as parameters.

    A literal, an f-string or a message built with ``+`` or ``%`` cannot be translated:
    the catalogue holds the template, and the values are filled in when the error is shown.
    """
    assert unmarked_error_messages() == []


def test_the_error_message_check_finds_an_fstring(tmp_path: Path) -> None:
    """The check above fails on a message that is not a marked template (it is not vacuous)."""
    (tmp_path / "bad.py").write_text(
        "from bosetting.errors import DataError\n"
        "from bosetting.i18n import N_\n"
        "def f(x, error, template):\n"
        "    DataError(N_('fine {x}'), x=x)\n"
        "    error(template, x=x)\n"
        "    DataError(N_('a') if x else N_('b'))\n"
        "    DataError(f'bad {x}')\n"
        "    error('bad')\n"
        "    DataError('bad ' + x)\n"
        "    DataError('bad %s' % x)\n"
        "    DataError(message=f'bad {x}')\n"
        "    fail(None, x, 'bad')\n",
        encoding="utf-8",
    )
    found = unmarked_error_messages(tmp_path)
    assert [line.split(":")[1] for line in found] == ["7", "8", "9", "10", "11", "12"], found


def _ssb_csv(tmp_path: Path) -> Path:
    path = tmp_path / "10824.csv"
    path.write_text(
        '"10824: Tidligere deltakere"\n\n'
        '"region";"kjønn";"avsluttet eller avbrutt introduksjonsprogram";'
        '"arbeidsmarkedsstatus";"Personer 2014";"Prosent 2014"\n'
        '"1001 Kristiansand";"0 Begge kjønn";"01 Ett år tidligere";"00 I alt";"mange";"100,0"\n',
        encoding="utf-8",
    )
    return path


def test_an_ssb_error_in_bokmaal_and_english(tmp_path: Path) -> None:
    path = _ssb_csv(tmp_path)
    with pytest.raises(bs.SSBFormatError) as info:
        read_ssb_10824(path)
    err = info.value
    assert (err.file, err.row, err.field, err.value) == (str(path), 4, "Personer 2014", "mange")
    nb = str(err)  # bokmål: the default
    assert nb.startswith(f"{path}, rad 4, felt «Personer 2014», verdi «mange»: ikke et tall")
    assert "desimalkomma" in nb
    assert "SSBs symboler" in nb
    with language("en"):
        en = str(err)
    assert en.startswith(f"{path}, row 4, field 'Personer 2014', value 'mange': not a number")
    assert "decimal comma" in en
    assert "SSB's symbols" in en


def test_a_register_error_inside_an_ssb_error_follows_the_language(tmp_path: Path) -> None:
    path = _ssb_csv(tmp_path)
    text = path.read_text(encoding="utf-8").replace("1001 Kristiansand", "9998")
    path.write_text(text.replace("mange", "115"), encoding="utf-8")
    with pytest.raises(bs.SSBFormatError) as info:
        read_ssb_10824(path)
    nb = str(info.value)
    assert "felt «Region», verdi «9998»: ukjent regionkode i 2014: ingen kommune har hatt" in nb
    with language("en"):
        en = str(info.value)
    assert (
        "field 'Region', value '9998': unknown region code in 2014: no municipality has had" in en
    )


@pytest.mark.parametrize(
    ("content", "row", "field", "nb_words", "en_words"),
    [
        (
            b"\xef\xbb\xbfvalg\nKinn\n\xff\n",
            2,
            "encoding",
            ["rad 2, felt «encoding», verdi «0xff»", "BOM-merke", "lagre den på nytt som UTF-8"],
            ["row 2, field 'encoding', value '0xff'", "byte-order mark", "save it again as UTF-8"],
        ),
        (
            b'valg\n"Kinn\n',
            1,
            None,
            ["rad 1: CSV-oppsettet kan ikke leses på linje 2", "anførselstegn som ikke er lukket"],
            ["row 1: unreadable CSV layout at line 2: unexpected end of data"],
        ),
        (
            b"",
            None,
            None,
            ["filen mangler overskriftsrad"],
            ["the file has no header line"],
        ),
    ],
    ids=["bom-then-latin1", "unclosed-quote", "empty"],
)
def test_a_user_file_error_in_bokmaal_and_english(
    tmp_path: Path,
    content: bytes,
    row: int | None,
    field: str | None,
    nb_words: list[str],
    en_words: list[str],
) -> None:
    path = tmp_path / "stemmer.csv"
    path.write_bytes(content)
    with pytest.raises(bs.DataError) as info:
        data.read_csv_text(path)
    err = info.value
    assert (err.file, err.row, err.field) == (str(path), row, field)
    nb = str(err)
    assert nb.startswith(str(path))
    assert [w for w in nb_words if w not in nb] == [], nb
    with language("en"):
        en = str(err)
    assert en.startswith(str(path))
    assert [w for w in en_words if w not in en] == [], en


def test_a_missing_file_in_bokmaal_and_english(tmp_path: Path) -> None:
    path = tmp_path / "mappe" / "finnes-ikke.csv"
    with pytest.raises(bs.DataError) as info:
        data.read_user_bytes(path)
    assert str(info.value) == f"{path}: kan ikke lese filen: filen finnes ikke"
    with language("en"):
        assert str(info.value) == f"{path}: cannot read the file: no such file"
    with pytest.raises(bs.DataError) as info:
        data.user_path(None)
    assert str(info.value) == "felt «path», verdi None: ingen fil er oppgitt (stien er None)"
    with language("en"):
        assert str(info.value) == "field 'path', value None: no file given (the path is None)"


# -- the command: no label in the other language ------------------------------------------


def _data_texts() -> list[str]:
    """Every text the shipped tables hold (names, notes, titles ...), longest first."""
    texts = {
        str(v)
        for name in data.resource_names()
        for row in data.read_rows(name)
        for v in row.values()
        if isinstance(v, str) and v and not re.fullmatch(r"[a-z0-9_]+", v)
    }
    return sorted(texts, key=len, reverse=True)


@pytest.fixture(scope="module")
def data_texts() -> list[str]:
    return _data_texts()


def _labels_only(text: str, data_texts: list[str]) -> str:
    """The text without what is quoted or published: data, URLs, options, file names, quoted values."""
    for t in data_texts:
        text = text.replace(t, " ")
    text = re.sub(r"https?://\S+|--[\w-]+|[\w.-]+\.(?:csv|json)\b", " ", text)
    return re.sub(r"«[^»]*»|'[^']*'|“[^”]*”", " ", text)


ENGLISH_LABELS = [
    "winner", "Winner", "nominee", "nominees", "Nominations", "Work year", "Awarded",
    "awarded", "place", "event", "unknown", "Sources", "sources", "Note", "Public vote",
    "named", "partial", "jury only", "planned", "published", "suppressed", "judgement",
    "not met", "Took in", "Current municipality", "Numbers over time", "wins", "today",
    "with", "no name", "unnamed", "error", "row", "field", "value", "Edition", "Outcome",
    "Status year", "Share", "Requested", "Settled", "against", "self_nomination",
    "self-nominated", "candidate", "usage", "required", "invalid", "choose", "see",
    "municipality", "number", "year", "date", "the", "and", "of",
]  # fmt: skip

BOKMAAL_LABELS = [
    "vinner", "Vinner", "nominert", "nominerte", "Nominasjoner", "Arbeidsår", "Delt ut",
    "sted", "arrangement", "ukjent", "Kilder", "kilder", "Merknad", "Folkeavstemning",
    "kjente", "juryen", "planlagt", "publisert", "skjult", "skjønn", "oppfylt",
    "Slått sammen", "Kommunen i dag", "Kommunenummer", "seire", "i dag", "sammen med",
    "uten navn", "feil", "rad", "felt", "verdi", "Utdeling", "Utfall", "Statusår", "Andel",
    "Anmodet", "Bosatt", "mot", "kandidat", "bruk", "oppgi", "velg", "se", "og", "av",
    "år", "ingen", "kommune", "etter", "meldte",
]  # fmt: skip

COMMANDS = [
    ["history"],
    ["show", "2022"],
    ["show", "2018"],
    ["record", "Bodø"],
    ["municipality", "Tromsø"],
    ["municipality", "Haram", "--year", "2019"],
    ["check", "Kinn", "--edition", "2022"],
    ["outcomes", "Kristiansand"],
    ["outcomes", "national"],
    ["record", "Lillestrøm"],
    ["screen", "--edition", "2022", "--top", "5"],
    ["screen", "--edition", "2016", "--by", "intro", "--top", "5"],
    ["verify"],
]

ERRORS = [
    ["show", "2017"],  # no edition that year
    ["record", "Bodo"],  # unknown name, with a close match
    ["municipality", "301"],  # a malformed number
    ["municipality", "Oslo", "--year", "1999"],  # outside the register
    ["municipality", "Våler"],  # a name for two municipalities
    ["check", "Kinn"],  # a missing option (argparse's own message)
    ["municipality", "Oslo", "--year", "x"],  # not a whole number (argparse)
    ["history", "--excel"],  # --excel without --format csv
    ["outcomes", "Rendalen", "--plot", "/nonexistent-dir/r.png"],  # no figures to draw
    ["tally", "/nonexistent-dir/votes.csv", "--edition", "2022"],  # a file that is not there
]


def _forbidden(text: str, words: list[str]) -> list[str]:
    return [w for w in words if re.search(rf"(?<!\w){re.escape(w)}(?!\w)", text)]


def _run(capsys: pytest.CaptureFixture[str], argv: list[str]) -> tuple[int, str]:
    """The command's exit status and all it printed, output and errors together."""
    status, out, err = run(capsys, *argv)
    return status, out + err


@pytest.mark.parametrize("argv", COMMANDS, ids=" ".join)
def test_commands_speak_bokmaal_by_default(
    capsys: pytest.CaptureFixture[str], argv: list[str], data_texts: list[str]
) -> None:
    status, out = _run(capsys, argv)
    assert status == 0
    assert _forbidden(_labels_only(out, data_texts), ENGLISH_LABELS) == []


@pytest.mark.parametrize("argv", COMMANDS, ids=" ".join)
def test_commands_speak_english_on_request(
    capsys: pytest.CaptureFixture[str], argv: list[str], data_texts: list[str]
) -> None:
    status, out = _run(capsys, ["--lang", "en", *argv])
    assert status == 0
    assert _forbidden(_labels_only(out, data_texts), BOKMAAL_LABELS) == []


@pytest.mark.parametrize("argv", ERRORS, ids=" ".join)
def test_errors_speak_the_language(
    capsys: pytest.CaptureFixture[str], argv: list[str], data_texts: list[str]
) -> None:
    status, err = _run(capsys, argv)
    assert status == 2
    assert err.startswith("bosetting: feil: ")
    assert _forbidden(_labels_only(err, data_texts), ENGLISH_LABELS) == []
    status, err = _run(capsys, [*argv, "--lang", "en"])  # --lang may also come last
    assert status == 2
    assert err.startswith("bosetting: error: ")
    assert _forbidden(_labels_only(err, data_texts), BOKMAAL_LABELS) == []


def test_show_2022_in_both_languages(capsys: pytest.CaptureFixture[str]) -> None:
    _, nb = _run(capsys, ["show", "2022"])
    _, en = _run(capsys, ["show", "2022", "--lang", "en"])
    assert "Delt ut: 17. november 2022" in nb
    assert "Nominasjon: kommunen meldte seg selv" in nb
    assert "Awarded: 17 November 2022" in en
    assert "Nomination: self-nominated" in en


def test_history_has_a_header_and_the_missing_2017(capsys: pytest.CaptureFixture[str]) -> None:
    _, out = _run(capsys, ["--lang", "en", "history"])
    lines = out.splitlines()
    assert lines[0].split()[:3] == ["Edition", "Awarded", "Winner"]
    assert "no edition for the work year 2017" in next(x for x in lines if x.startswith("2017"))


def test_unknown_language_on_the_command_line(
    capsys: pytest.CaptureFixture[str], monkeypatch: pytest.MonkeyPatch
) -> None:
    status, err = _run(capsys, ["--lang", "fr", "history"])
    assert status == 2
    assert err.count("\n") == 1
    assert "fr" in err
    monkeypatch.setenv("BOSETTING_LANG", "xx")
    bs.set_language(None)
    status, err = _run(capsys, ["history"])
    assert status == 2
    assert "BOSETTING_LANG" in err
    monkeypatch.setenv("BOSETTING_LANG", "en")
    status, out = _run(capsys, ["history"])
    assert status == 0
    assert out.startswith("Edition")


def test_the_command_does_not_change_the_library_language(
    capsys: pytest.CaptureFixture[str],
) -> None:
    _run(capsys, ["--lang", "en", "history"])
    assert i18n.get_language() == "nb"


@pytest.fixture(autouse=True)
def _reset() -> Iterator[None]:
    yield
    i18n.set_language("nb")
