"""The public API with arbitrary arguments: only a ``BosettingError`` may come out.

Every function in ``bosetting.__all__`` and in the ``__all__`` of every subpackage's
public face, every public class's constructor and its public class and static
methods, is called with arguments drawn from a mix of values some public function
takes (editions, municipalities, a tally, a jury, names, years, files) and hostile
ones (wrong types, NaN, infinities, huge and negative numbers, ``None``, number-like
text that is no number). A result or a :class:`~bosetting.BosettingError` subclass is
fine; any other exception fails. The command (``bosetting.cli.main``) is driven the
same way with arbitrary command lines and must never report a bug (exit status 1).

Example counts follow the profile (see ``conftest.py``): :data:`EXAMPLES` per callable,
and the long run is ``HYPOTHESIS_PROFILE=fuzz .venv/bin/pytest tests/test_errors_api.py``.
"""

from __future__ import annotations

import atexit
import enum
import importlib
import inspect
import shutil
import tempfile
from collections.abc import Callable, Iterator
from fractions import Fraction
from pathlib import Path
from typing import Any

import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

import bosetting as bs
from bosetting.cli import EXIT_BUG, main
from bosetting.practice import practice_jury

from .helpers import BODO, KINN, only_bosetting_errors
from .strategies import HOSTILE_VALUES, api_values

#: The modules whose ``__all__`` is the public API.
PUBLIC_MODULES = (
    "bosetting",
    "bosetting.i18n",
    "bosetting.model",
    "bosetting.data",
    "bosetting.register",
    "bosetting.ssb",
    "bosetting.history",
    "bosetting.figures",
    "bosetting.eligibility",
    "bosetting.voting",
    "bosetting.jury",
    "bosetting.decision",
    "bosetting.practice",
    "bosetting.workshop",
    "bosetting.citation",
    "bosetting.frames",
    "bosetting.plot",
    "bosetting.cli",
)

_PROFILE_EXAMPLES = settings().max_examples
#: Examples per callable: 500 in the long ``fuzz`` profile, else at most 25.
EXAMPLES = 500 if _PROFILE_EXAMPLES >= 1000 else min(_PROFILE_EXAMPLES, 25)

api = settings(
    max_examples=EXAMPLES,
    deadline=None,
    suppress_health_check=[HealthCheck.too_slow, HealthCheck.function_scoped_fixture],
)


def _public_callables() -> dict[str, Callable[..., Any]]:
    found: dict[str, Callable[..., Any]] = {}
    seen: set[int] = set()
    for module_name in PUBLIC_MODULES:
        module = importlib.import_module(module_name)
        for name in module.__all__:
            obj = getattr(module, name)
            if isinstance(obj, type) and issubclass(obj, BaseException):
                continue
            if not (inspect.isfunction(obj) or inspect.isclass(obj)) or id(obj) in seen:
                continue
            if getattr(obj, "_is_protocol", False):
                continue  # a type for annotations (DateLike), not something to call
            if isinstance(obj, enum.EnumMeta) and not list(obj):
                continue  # a base to derive enums from (LabelledEnum), with no values
            seen.add(id(obj))
            found[f"{module_name}.{name}"] = obj
            if inspect.isclass(obj):
                for attr, raw in vars(obj).items():
                    if attr.startswith("_") or not isinstance(raw, classmethod | staticmethod):
                        continue
                    found[f"{module_name}.{name}.{attr}"] = getattr(obj, attr)
    return found


CALLABLES = _public_callables()

# -- values a public function takes ---------------------------------------------------

WORK = Path(tempfile.mkdtemp(prefix="bosetting-api-"))
atexit.register(shutil.rmtree, WORK, ignore_errors=True)  # made at import, gone when pytest ends
E2022 = bs.edition(2022)
E2016 = bs.edition(2016)
(WORK / "stemmer.csv").write_text("valg;velger\nKinn;a\nBodø;b\n", encoding="utf-8")
(WORK / "jury.csv").write_text(
    "jurymedlem;kommune;kriterium;poeng\nA;Kinn;bosetting;4\nA;Bodø;bosetting;5,5\n",
    encoding="utf-8",
)
TALLY = bs.tally(["Kinn", "Bodø", "Kinn"], E2022)
JURY = practice_jury(E2022, seed=1)

GOOD: tuple[object, ...] = (
    E2022,
    E2016,
    bs.edition(2019),
    KINN,
    BODO,
    bs.municipality("Kinn"),
    TALLY,
    JURY,
    E2022.rule,
    E2016.rule,
    E2022.criteria,
    "Kinn",
    "4602",
    "Bodø",
    "2022",
    "2019/2020",
    "national",
    "county",
    "en",
    "nb",
    "json",
    "bibtex",
    "keep_first",
    "intro",
    "all",
    "sources",
    "out.png",
    "ut",
    2022,
    2019,
    2016,
    1,
    3,
    0.5,
    Fraction(1, 3),
    str(WORK / "stemmer.csv"),
    WORK / "jury.csv",
    ["Kinn", "Bodø"],
    (KINN, BODO),
    [{"juror": "A", "nominee": "Kinn", "criterion": "x", "score": 4}],
    {KINN: 4, BODO: 5},
)

#: Text that names no path outside the working folder (no separators, no dots).
_SAFE_TEXT = st.text(st.characters(blacklist_characters="/\\.", codec="utf-8"), max_size=12)
VALUES = st.one_of(api_values(GOOD), _SAFE_TEXT)


@st.composite
def _arguments(draw: st.DrawFn, fn: Callable[..., Any]) -> tuple[list[Any], dict[str, Any]]:
    args: list[Any] = []
    kwargs: dict[str, Any] = {}
    if isinstance(fn, enum.EnumMeta):
        return [draw(VALUES)], {}  # a member by its value (not the functional API)
    try:
        sig = inspect.signature(fn)
    except (TypeError, ValueError):
        return [draw(VALUES)], {}
    for p in sig.parameters.values():
        if p.kind is p.VAR_KEYWORD:
            continue
        if p.kind is p.VAR_POSITIONAL:
            args += draw(st.lists(VALUES, max_size=2))
            continue
        if p.default is not p.empty and draw(st.booleans()):
            continue  # leave it at its default
        value = draw(VALUES)
        if p.kind is p.POSITIONAL_ONLY:
            args.append(value)
        else:
            kwargs[p.name] = value
    return args, kwargs


@pytest.fixture
def _sandbox(monkeypatch: pytest.MonkeyPatch) -> Iterator[None]:
    """Calls run in a scratch folder, offline (the SSB API is a closed loopback port)."""
    monkeypatch.chdir(WORK)
    monkeypatch.setenv("BOSETTING_SSB_API", "http://127.0.0.1:9/")
    monkeypatch.setenv("BOSETTING_KLASS_API", "http://127.0.0.1:9/")
    monkeypatch.setenv("BOSETTING_CACHE_DIR", str(WORK / "cache"))
    yield
    import matplotlib.pyplot as plt

    plt.close("all")


def test_every_public_module_is_driven() -> None:
    assert len(CALLABLES) > 150
    assert {"bosetting.decide", "bosetting.JuryAssessment.from_scores"} <= set(CALLABLES)


@pytest.mark.usefixtures("_sandbox")
@pytest.mark.parametrize("name", sorted(CALLABLES))
@api
@given(data=st.data())
def test_only_bosetting_errors(name: str, data: st.DataObject) -> None:
    fn = CALLABLES[name]
    args, kwargs = data.draw(_arguments(fn), label="arguments")

    def call() -> object:
        result = fn(*args, **kwargs)
        if inspect.isgenerator(result):
            for _ in zip(range(50), result, strict=False):
                pass
        return result

    only_bosetting_errors(call)


# -- the command -------------------------------------------------------------------

_TOKENS = st.sampled_from(
    [
        "municipality",
        "history",
        "show",
        "record",
        "tally",
        "decide",
        "sensitivity",
        "practice",
        "outcomes",
        "check",
        "verify",
        "screen",
        "cite",
        "--edition",
        "--edition=2022",
        "2022",
        "2016",
        "Kinn",
        "--votes",
        "--jury",
        str(WORK / "stemmer.csv"),
        str(WORK / "jury.csv"),
        "--public-weight",
        "-inf",
        "nan",
        "0,5",
        "1e99999999",
        "3/2",
        "--plot",
        "k.pgf",
        "k.png",
        "--force",
        "--compare",
        "county",
        "--format",
        "csv",
        "json",
        "--lang",
        "en",
        "--year",
        "--top",
        "--by",
        "--seed",
        "--out",
        "ut",
        "--ballots",
        "--jurors",
        "--blank",
        "--excel",
        "--steps",
        "--duplicates",
        "-",
        "--",
        "--help",
    ]
)


@pytest.mark.usefixtures("_sandbox")
@api
@given(argv=st.lists(_TOKENS | st.sampled_from([str(v) for v in HOSTILE_VALUES]), max_size=8))
def test_the_command_never_reports_a_bug(
    argv: list[str], capsys: pytest.CaptureFixture[str]
) -> None:
    try:
        status = main(argv)
    except SystemExit as exc:  # --help and --version exit through argparse
        status = exc.code if isinstance(exc.code, int) else 0
    out, err = capsys.readouterr()
    assert status != EXIT_BUG, err
    assert len(err.splitlines()) <= 2, err  # at most a result line and one error line
    del out
