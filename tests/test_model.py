from __future__ import annotations

import re
from datetime import date
from fractions import Fraction

import pytest
from hypothesis import given
from hypothesis import strategies as st

from bosetting.errors import BosettingError, ValidationError
from bosetting.model import (
    MAX_NUMBER_TEXT,
    AreaType,
    DatePrecision,
    Edition,
    FigureStatus,
    IntroProgrammeOutcome,
    JuryOnly,
    Municipality,
    Nomination,
    Outcome,
    PartialDate,
    Sex,
    Source,
    TopKThenJury,
    WeightedBlend,
    converter,
    number_problem,
    parse_number,
    parse_whole,
)
from tests import strategies as s


class TestMunicipality:
    @pytest.mark.parametrize("code", ["301", "abcd", "03011", 301, "", " 0301"])
    def test_bad_code_names_field_and_value(self, code: object) -> None:
        with pytest.raises(ValidationError) as info:
            Municipality(code, "Oslo", "Oslo", 1977)  # type: ignore[arg-type]
        assert info.value.field == "code"
        assert info.value.value == code
        # bokmål quotes text values «like this» (English: 'like this').
        assert (f"«{code}»" if isinstance(code, str) else repr(code)) in str(info.value)

    def test_valid_to_before_valid_from(self) -> None:
        with pytest.raises(ValidationError, match="valid_to er før valid_from"):
            Municipality("0301", "Oslo", "Oslo", 2020, 2019)

    def test_county_code_must_match(self) -> None:
        with pytest.raises(ValidationError, match="to første sifrene"):
            Municipality("0301", "Oslo", "Oslo", 2020, county_code="04")

    def test_errors_are_bosetting_errors(self) -> None:
        with pytest.raises(BosettingError):
            Municipality("0301", "", "Oslo", 2020)

    def test_frozen(self) -> None:
        m = Municipality("0301", "Oslo", "Oslo", 1977)
        with pytest.raises(AttributeError):
            m.name = "Christiania"  # type: ignore[misc]

    def test_matches_double_and_bracket_names(self) -> None:
        assert Municipality("1875", "Hábmer - Hamarøy", "Nordland", 2020).matches("hamarøy")
        assert Municipality("3114", "Våler (Østfold)", "Østfold", 2024).matches("Våler")
        assert not Municipality("1804", "Bodø", "Nordland", 1977).matches("Bod")

    @given(s.municipalities())
    def test_valid_in_matches_span(self, m: Municipality) -> None:
        assert m.valid_in(m.valid_from)
        assert not m.valid_in(m.valid_from - 1)
        if m.valid_to is not None:
            assert m.valid_in(m.valid_to)
            assert not m.valid_in(m.valid_to + 1)


class TestPartialDate:
    @pytest.mark.parametrize(
        ("text", "precision"),
        [
            ("2019-02-13", DatePrecision.DAY),
            ("2020-05", DatePrecision.MONTH),
            ("2010", DatePrecision.YEAR),
            ("", DatePrecision.UNKNOWN),
        ],
    )
    def test_precision(self, text: str, precision: DatePrecision) -> None:
        d = PartialDate.parse(text)
        assert d.precision is precision
        assert str(d) == text

    @pytest.mark.parametrize("text", ["2019-2-13", "13.02.2019", "2019-02-30", "2019-13"])
    def test_bad_dates(self, text: str) -> None:
        with pytest.raises(ValidationError):
            PartialDate.parse(text)

    def test_to_date_only_for_days(self) -> None:
        assert PartialDate.parse("2019-02-13").to_date() == date(2019, 2, 13)
        assert PartialDate.parse("2019-02").to_date() is None

    @given(s.partial_dates())
    def test_text_round_trip(self, d: PartialDate) -> None:
        assert PartialDate.parse(str(d)) == d


class TestSource:
    def test_url_must_be_http(self) -> None:
        with pytest.raises(ValidationError, match="http"):
            Source("S1", "IMDi", "t", "www.imdi.no")


class TestRules:
    def test_public_weight_range(self) -> None:
        with pytest.raises(ValidationError, match="mellom 0 og 1"):
            WeightedBlend(1.5)

    def test_k_positive(self) -> None:
        with pytest.raises(ValidationError):
            TopKThenJury(0)

    def test_descriptions_are_bokmal(self) -> None:
        assert JuryOnly().describe_nb().startswith("Juryen velger")
        assert "ikke offentliggjort" in WeightedBlend().describe_nb()


def _oslo() -> Municipality:
    return Municipality("0301", "Oslo", "Oslo", 1977)


class TestEdition:
    def _edition(self, nominations: tuple[Nomination, ...]) -> Edition:
        return Edition(
            "2018",
            2018,
            2018,
            PartialDate.parse("2019-02-13"),
            None,
            None,
            "Bosettings- og integreringsprisen",
            TopKThenJury(),
            nominations=nominations,
        )

    def test_two_winners_rejected(self) -> None:
        a = Nomination("2018", _oslo(), "Oslo", Outcome.WINNER)
        b = Nomination(
            "2018", Municipality("1804", "Bodø", "Nordland", 1977), "Bodø", Outcome.WINNER
        )
        with pytest.raises(ValidationError, match="2 vinnere"):
            self._edition((a, b))

    def test_foreign_nomination_rejected(self) -> None:
        with pytest.raises(ValidationError, match="kan ikke høre til"):
            self._edition((Nomination("2016", _oslo(), "Oslo", Outcome.NOMINEE),))

    def test_winner_and_date(self) -> None:
        e = self._edition((Nomination("2018", _oslo(), "Oslo", Outcome.WINNER),))
        assert e.winner == _oslo()
        assert e.award_date == date(2019, 2, 13)
        assert e.year == 2018
        assert e.award is not None
        assert e.award.municipality == _oslo()

    def test_label_year(self) -> None:
        e = Edition("2019/2020", None, 2020, PartialDate(), None, None, "X", TopKThenJury())
        assert e.year == 2020


class TestIntroProgrammeOutcome:
    def _make(self, **changes: object) -> IntroProgrammeOutcome:
        values: dict[str, object] = {
            "area_type": AreaType.MUNICIPALITY,
            "area_code": "1001",
            "area_name": "Kristiansand",
            "cohort_year": 2013,
            "status_year": 2014,
            "years_after": 1,
            "sex": Sex.ALL,
            "former_participants": 115,
            "former_participants_status": FigureStatus.PUBLISHED,
            "in_work_or_education": 79,
            "in_work_or_education_status": FigureStatus.PUBLISHED,
            "share": 0.69,
            "share_status": FigureStatus.PUBLISHED,
        }
        values.update(changes)
        return IntroProgrammeOutcome(**values)  # type: ignore[arg-type]

    def test_suppressed_cell_cannot_carry_a_value(self) -> None:
        with pytest.raises(ValidationError, match="fylles aldri inn"):
            self._make(share_status=FigureStatus.SUPPRESSED)

    def test_published_needs_value(self) -> None:
        with pytest.raises(ValidationError, match="et publisert tall krever share"):
            self._make(share=None)

    def test_suppressed_is_not_assessable(self) -> None:
        o = self._make(share=None, share_status=FigureStatus.SUPPRESSED)
        assert not o.assessable

    def test_years_after_consistent(self) -> None:
        with pytest.raises(ValidationError, match="minus kullåret"):
            self._make(years_after=2)

    def test_more_in_work_than_participants(self) -> None:
        with pytest.raises(ValidationError, match="flere i arbeid"):
            self._make(in_work_or_education=116)

    def test_share_range(self) -> None:
        with pytest.raises(ValidationError, match="mellom 0 og 1"):
            self._make(share=69.0)


class TestConverterRoundTrip:
    @given(s.municipalities())
    def test_municipality(self, m: Municipality) -> None:
        assert converter.structure(converter.unstructure(m), Municipality) == m

    @given(s.sources)
    def test_source(self, src: Source) -> None:
        assert converter.structure(converter.unstructure(src), Source) == src

    @given(s.editions())
    def test_edition(self, e: Edition) -> None:
        data = converter.unstructure(e)
        import json

        assert converter.structure(json.loads(json.dumps(data)), Edition) == e

    @given(s.intro_outcomes())
    def test_outcome(self, o: IntroProgrammeOutcome) -> None:
        import json

        data = json.loads(json.dumps(converter.unstructure(o)))
        assert converter.structure(data, IntroProgrammeOutcome) == o


def test_code_digits_are_ascii() -> None:
    # "\d" would accept Arabic-Indic digits; a kommunenummer is four ASCII digits.
    with pytest.raises(ValidationError, match="fire sifre"):
        Municipality("\u0660\u0663\u0660\u0661", "Oslo", "Oslo", 1977)


# -- the one grammar of a typed number ------------------------------------------------

_DECIMALS = st.from_regex(r"[+-]?[0-9]{1,12}([.,][0-9]{1,12})?", fullmatch=True)


@given(_DECIMALS)
def test_a_plain_decimal_is_read_exactly(text: str) -> None:
    assert parse_number(text) == Fraction(text.replace(",", "."))
    assert parse_number(f"  {text} ") == parse_number(text)


@given(st.from_regex(r"[+-]?[0-9]{1,30}", fullmatch=True))
def test_a_whole_number_is_read_as_int_reads_it(text: str) -> None:
    assert parse_whole(text) == int(text)


@given(st.text(max_size=60))
def test_anything_else_is_refused_with_a_reason(text: str) -> None:
    plain = re.fullmatch(r"\s*[+-]?([0-9]+([.,][0-9]*)?|[.,][0-9]+)\s*", text)
    problem = number_problem(text)
    if problem is None:
        assert plain is not None
        assert len(text) <= MAX_NUMBER_TEXT
        assert isinstance(parse_number(text), Fraction)
    else:
        assert not (plain and len(text) <= MAX_NUMBER_TEXT)
        with pytest.raises(ValidationError) as info:
            parse_number(text)
        assert info.value.message_id == problem


@pytest.mark.parametrize(
    ("text", "reason"),
    [
        ("3/2", "a fraction"),
        ("1_0", "underscores"),
        ("1e5", "exponent"),
        ("1E-3", "exponent"),
        ("٣", "the digits 0 to 9"),
        ("３", "the digits 0 to 9"),
        ("²", "the digits 0 to 9"),
        ("nan", "nan and inf"),
        ("-inf", "nan and inf"),
        ("12 345", "thousands separators"),
        ("9" * 41, "more than {limit} characters"),
        ("", "no number given"),
        ("4,5,6", "at most one decimal point or comma"),
    ],
)
def test_what_python_reads_but_a_person_did_not_mean(text: str, reason: str) -> None:
    with pytest.raises(ValidationError) as info:
        parse_number(text)
    assert reason in info.value.message_id


@pytest.mark.parametrize("words", ["{", "}", "{x}", "{argument:d}", "{low.real}", "{argument!r}"])
def test_number_argument_refuses_words_it_cannot_fill_in(words: str) -> None:
    # found by tests/test_errors_api.py: a lone brace was a ValueError from str.format
    from bosetting.errors import ArgumentError
    from bosetting.model import number_argument

    with pytest.raises(ArgumentError, match="words"):
        number_argument(float("nan"), "weight", low=0, high=1, words=words)
    assert number_argument(0.5, "weight", low=0, high=1, words="{argument}: {low}-{high}") == 0.5


def test_only_the_call_from_outside_is_checked() -> None:
    """A checked function's own calls inside the library are not checked again; a call from
    outside always is, and so is the next one after a checked call has returned or raised."""
    from bosetting.errors import ArgumentError
    from bosetting.model import checked

    @checked
    def inner(n: int) -> object:
        return n

    @checked
    def outer(n: int) -> object:
        return inner(str(n))  # type: ignore[arg-type]  # a wrong type, on purpose, inside

    @checked
    def failing(n: int) -> object:
        raise ValueError(n)

    assert outer(2) == "2"
    with pytest.raises(ArgumentError):
        inner("2")  # type: ignore[arg-type]
    with pytest.raises(ValueError, match="3"):
        failing(3)
    with pytest.raises(ArgumentError):
        outer("2")  # type: ignore[arg-type]
