"""``plot.outcome_over_time``: data where it exists, a clear error where not, overlays, saving."""

from __future__ import annotations

import math
from pathlib import Path

import matplotlib
import pytest

matplotlib.use("Agg")

import matplotlib.pyplot as plt

import bosetting as bs
from bosetting.cli import main
from bosetting.errors import ArgumentError, NoDataError, WriteError
from bosetting.i18n import language
from bosetting.plot import outcome_over_time, save


@pytest.fixture(autouse=True)
def _close_figures() -> object:
    yield
    plt.close("all")


def _legend(ax: object) -> list[str]:
    return [t.get_text() for t in ax.get_legend().get_texts()]  # type: ignore[attr-defined]


def _drawn(ax: object) -> list[list[float]]:
    """The y values of every data line (reference lines and legend stand-ins left out)."""
    out = []
    for line in ax.get_lines():  # type: ignore[attr-defined]
        ys = [float(y) for y in line.get_ydata()]
        if len(ys) and len(line.get_xdata()) == len(ys) and line.get_xdata()[0] > 1:
            out.append(ys)
    return out


def test_national_series_is_drawn_with_its_years() -> None:
    ax = outcome_over_time("national")
    years = {int(x) for line in ax.get_lines() for x in line.get_xdata() if x > 1}
    assert min(years) == 2006
    assert max(years) == 2024
    lo, hi = ax.get_xlim()
    assert 2005 < lo < 2006
    assert 2024 < hi < 2025
    assert "2006–2024" in ax.get_title()
    assert _legend(ax)[0] == "Hele landet"


def test_national_series_breaks_at_missing_years_and_at_the_method_change() -> None:
    ax = outcome_over_time("national")
    register = next(line for line in ax.get_lines() if line.get_label() == "Hele landet")
    xs = [int(x) for x in register.get_xdata()]
    ys = register.get_ydata()
    assert xs[0] == 2011  # the older monitor is a line of its own
    assert math.isnan(ys[xs.index(2018)])  # no figure on record for 2018: a gap, not a line
    assert any("monitor" in t for t in _legend(ax))


@pytest.mark.parametrize(
    ("area", "series"),
    [
        ("Kinn", ["Flora (1401)", "Vågsøy (1439)"]),
        ("Lillestrøm", ["Sørum (0226)", "Fet (0227)", "Skedsmo (0231)"]),
    ],
)
def test_a_municipality_made_after_the_figures_draws_its_predecessors(
    area: str, series: list[str]
) -> None:
    ax = outcome_over_time(area)
    labels = _legend(ax)
    for name in series:
        assert any(t.startswith(name) and area in t for t in labels), (name, labels)
    assert any(not all(math.isnan(y) for y in ys) for ys in _drawn(ax))


def test_own_figures_only_when_asked() -> None:
    with pytest.raises(NoDataError, match="Flora"):
        outcome_over_time("Kinn", merged=False)
    ax = outcome_over_time("Kristiansand", merged=True)
    assert {t.split(" (")[0] for t in _legend(ax)[:3]} == {"Kristiansand", "Songdalen", "Søgne"}


def test_a_historical_name_needs_no_year() -> None:
    ax = outcome_over_time("Flora")
    assert _legend(ax)[0] == "Flora (1401)"
    assert _drawn(ax)[0] == [0.5, 0.59, 0.57, 0.76]


@pytest.mark.parametrize(
    ("kwargs", "needle"),
    [
        ({"area": "Rendalen"}, r"Rendalen \(3424"),
        ({"area": "Bodø", "outcomes": ()}, "Bodø"),
        ({"area": "national", "outcomes": ()}, "hele landet"),
        ({"area": "99"}, "fylke 99"),
    ],
)
def test_no_data_is_an_error_not_an_empty_chart(kwargs: dict[str, object], needle: str) -> None:
    before = plt.get_fignums()
    with pytest.raises(NoDataError, match=needle) as info:
        outcome_over_time(**kwargs)  # type: ignore[arg-type]
    assert plt.get_fignums() == before  # nothing was drawn
    assert isinstance(info.value, bs.BosettingError)


def test_no_data_error_speaks_english_on_request() -> None:
    with pytest.raises(NoDataError) as info:
        outcome_over_time("Rendalen")
    with language("en"):  # an error is written in the language active when it is shown
        text = str(info.value)
    assert "no one-year intro-programme figures on record for Rendalen" in text
    assert "2011–2014" in text


def test_overlay_names_every_area_once() -> None:
    ax = outcome_over_time("Kinn", compare=["county", "national"])
    labels = _legend(ax)
    assert len(labels) == len(set(labels))
    assert labels[:5] == [
        "Flora (1401), i dag en del av Kinn",
        "Vågsøy (1439), i dag en del av Kinn: ingen publiserte tall",
        "Sogn og Fjordane (fylke 14), til og med 2019",
        "Hele landet",
        # Kinn's county from 2020, named as it was then; the shipped figures end in 2014.
        "Vestland (fylke 46), fra 2020: ingen tall i dataene",
    ]
    assert sum("ikke publisert" in t for t in labels) == 1
    assert sum("prisens kriterium" in t for t in labels) == 1
    assert ax.get_title().splitlines()[0] == (
        "Kinn (4602), Sogn og Fjordane (fylke 14), til og med 2019 og Vestland (fylke 46), "
        "fra 2020 og hele landet"
    )


def test_every_predecessor_is_drawn_or_named() -> None:
    """Kristiansand has figures of its own (1001) and draws Søgne and Songdalen too."""
    ax = outcome_over_time("Kristiansand")
    labels = _legend(ax)
    assert labels[0] == "Kristiansand (1001)"
    for name in ("Songdalen (1017), i dag en del av Kristiansand", "Søgne (1018)"):
        assert any(t.startswith(name) for t in labels), labels
    assert len(_drawn(ax)) >= 3
    assert outcome_over_time("Kristiansand", merged=False).get_legend().get_texts()[
        0
    ].get_text() == ("Kristiansand (1001)")
    assert not any("Søgne" in t for t in _legend(outcome_over_time("Kristiansand", merged=False)))


def test_the_criterion_is_drawn_only_over_its_editions_years() -> None:
    """The 50 % criterion belongs to the 2021 edition: status years 2016–2020, not every year."""
    from bosetting.plot import criterion_spans

    spans = criterion_spans()
    assert [(s.threshold, s.editions) for s in spans] == [(0.5, ("2021",))]
    ax = outcome_over_time("national")
    red = [c for c in ax.collections if "prisens kriterium" in str(c.get_label())]
    assert len(red) == 1
    (segment,) = red[0].get_segments()
    xs = sorted(float(x) for x, _ in segment)
    assert 2015 < xs[0] < 2016
    assert 2020 < xs[1] < 2021
    assert {float(y) for _, y in segment} == {0.5}
    assert "utgaven 2021, statusår 2016–2020" in str(red[0].get_label())
    # A municipality whose figures end in 2014 has no years of that edition on the figure.
    assert not any("prisens kriterium" in t for t in _legend(outcome_over_time("Bodø")))


def test_the_not_published_band_is_named_on_the_axis() -> None:
    ax = outcome_over_time("Kinn")
    minor = [t.get_text() for t in ax.get_yticklabels(minor=True)]
    assert minor == ["ikke publisert"]
    assert all(t.get_text().endswith("%") for t in ax.get_yticklabels())


def test_overlay_of_a_list_and_a_repeated_area() -> None:
    ax = outcome_over_time(["Bodø", "Tromsø", "national", "national"])
    labels = _legend(ax)
    assert len(labels) == len(set(labels))
    assert labels[:3] == ["Bodø (1804)", "Tromsø (1902)", "Hele landet"]
    assert "Bodø (1804), Tromsø (5501) og hele landet" in ax.get_title()


def test_county_needs_a_municipality_first() -> None:
    with pytest.raises(ArgumentError):
        outcome_over_time("county")
    with pytest.raises(ArgumentError):
        outcome_over_time([])


def test_save_refuses_to_overwrite_and_leaves_no_temporary_file(tmp_path: Path) -> None:
    target = tmp_path / "kinn.png"
    save(outcome_over_time("Kinn"), target)
    assert target.read_bytes()[:8] == b"\x89PNG\r\n\x1a\n"
    first = target.read_bytes()
    with pytest.raises(WriteError, match="force=True"):
        save(outcome_over_time("Bodø"), target)
    assert target.read_bytes() == first
    save(outcome_over_time("Bodø"), target, force=True)
    assert target.read_bytes() != first
    assert sorted(p.name for p in tmp_path.iterdir()) == ["kinn.png"]


def test_save_refuses_an_unknown_format(tmp_path: Path) -> None:
    with pytest.raises(WriteError, match="png"):
        save(outcome_over_time("Bodø"), tmp_path / "x.docx")
    assert list(tmp_path.iterdir()) == []


def test_outcomes_plot_option(tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    target = tmp_path / "kinn.png"
    argv = [
        "outcomes",
        "Kinn",
        "--plot",
        str(target),
        "--compare",
        "county",
        "--compare",
        "national",
    ]
    assert main(argv) == 0
    out, err = capsys.readouterr()
    assert target.exists()
    assert str(target) in err
    assert out.startswith("Kinn (4602):")
    assert main(argv) == 2  # exists already
    out, err = capsys.readouterr()
    assert len(err.strip().splitlines()) == 1
    assert "--force" in err
    assert main([*argv, "--force"]) == 0


def test_outcomes_plot_of_no_data_is_a_user_error(
    tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    assert main(["outcomes", "Rendalen", "--plot", str(tmp_path / "r.png")]) == 2
    _, err = capsys.readouterr()
    assert len(err.strip().splitlines()) == 1
    assert "Rendalen" in err
    assert list(tmp_path.iterdir()) == []
