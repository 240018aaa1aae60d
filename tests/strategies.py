"""Shared hypothesis strategies for the domain model (one place for every test module)."""

from __future__ import annotations

from datetime import date

from hypothesis import strategies as st

from bosetting.model import (
    AreaType,
    Edition,
    EditionStatus,
    FigureStage,
    FigureStatus,
    Initiative,
    IntroProgrammeOutcome,
    JuryOnly,
    Method,
    Municipality,
    Nomination,
    NomineesKnown,
    Outcome,
    PartialDate,
    Sex,
    Source,
    TopKThenJury,
    WeightedBlend,
)

codes = st.from_regex(r"\d{4}", fullmatch=True)
years = st.integers(1977, 2030)
# Text as the tables hold it: non-empty, no surrounding spaces, æøå welcome.
texts = (
    st.text(alphabet=st.sampled_from("abcdefghijklmnopqrstuvwxyzæøåÆØÅ -"), min_size=1, max_size=20)
    .map(str.strip)
    .filter(bool)
)


@st.composite
def municipalities(draw: st.DrawFn) -> Municipality:
    start = draw(years)
    end = draw(st.none() | st.integers(start, 2030))
    return Municipality(draw(codes), draw(texts), draw(texts), start, end)


@st.composite
def partial_dates(draw: st.DrawFn) -> PartialDate:
    d = draw(st.dates(date(1990, 1, 1), date(2030, 12, 31)))
    precision = draw(st.sampled_from(["day", "month", "year", "unknown"]))
    if precision == "day":
        return PartialDate(d.year, d.month, d.day)
    if precision == "month":
        return PartialDate(d.year, d.month)
    if precision == "year":
        return PartialDate(d.year)
    return PartialDate()


sources = st.builds(
    Source,
    id=texts,
    publisher=texts,
    title=texts,
    url=texts.map(lambda t: "https://example.org/" + t.replace(" ", "-")),
    date=partial_dates(),
    language=st.none() | st.sampled_from(["nb", "nn", "en"]),
    kind=st.none() | texts,
    note=st.none() | texts,
)

rules = st.one_of(
    st.just(JuryOnly()),
    st.integers(1, 6).map(TopKThenJury),
    st.none().map(WeightedBlend) | st.floats(0, 1).map(WeightedBlend),
)

labels = st.integers(2008, 2030).map(str) | st.integers(2008, 2030).map(lambda y: f"{y}/{y + 1}")

initiatives = st.builds(
    Initiative,
    id=texts,
    name=st.none() | texts,
    partners=st.lists(texts, max_size=3).map(tuple),
    summary_nb=texts,
    sources=st.lists(sources, max_size=2).map(tuple),
)


@st.composite
def editions(draw: st.DrawFn) -> Edition:
    label = draw(labels)
    places = draw(st.lists(municipalities(), max_size=4, unique_by=lambda m: m.code))
    outcomes = [Outcome.NOMINEE] * len(places)
    if places and draw(st.booleans()):
        outcomes[0] = Outcome.WINNER
    nominations = tuple(
        Nomination(
            label,
            m,
            m.name,
            o,
            imdi_region=draw(st.none() | texts),
            initiatives=tuple(draw(st.lists(initiatives, max_size=2))),
            current=draw(st.none() | municipalities()),
            note=draw(st.none() | texts),
            sources=tuple(draw(st.lists(sources, max_size=2))),
        )
        for m, o in zip(places, outcomes, strict=True)
    )
    return Edition(
        label=label,
        work_year=draw(st.none() | years),
        reference_year=draw(years),
        award_when=draw(partial_dates()),
        event=draw(st.none() | texts),
        place=draw(st.none() | texts),
        prize_name=draw(texts),
        rule=draw(rules),
        vote_opens=draw(partial_dates()),
        vote_closes=draw(partial_dates()),
        nominees_known=draw(st.sampled_from(NomineesKnown)),
        nomination_route=draw(st.none() | texts),
        status=draw(st.sampled_from(EditionStatus)),
        nominations=nominations,
        note=draw(st.none() | texts),
        sources=tuple(draw(st.lists(sources, max_size=2))),
    )


@st.composite
def figure(draw: st.DrawFn, values: st.SearchStrategy[object]) -> tuple[object, FigureStatus]:
    status = draw(st.sampled_from(FigureStatus))
    return (draw(values) if status is FigureStatus.PUBLISHED else None), status


@st.composite
def intro_outcomes(draw: st.DrawFn) -> IntroProgrammeOutcome:
    cohort = draw(st.integers(2005, 2030))
    after = draw(st.integers(1, 5))
    n, n_status = draw(figure(st.integers(0, 5000)))
    upper = n if isinstance(n, int) else 5000
    k, k_status = draw(figure(st.integers(0, upper)))
    share, share_status = draw(figure(st.floats(0, 1)))
    return IntroProgrammeOutcome(
        area_type=draw(st.sampled_from(AreaType)),
        area_code=draw(codes),
        area_name=draw(texts),
        cohort_year=cohort,
        status_year=cohort + after,
        years_after=after,
        sex=draw(st.sampled_from(Sex)),
        former_participants=n,  # type: ignore[arg-type]
        former_participants_status=n_status,
        in_work_or_education=k,  # type: ignore[arg-type]
        in_work_or_education_status=k_status,
        share=share,  # type: ignore[arg-type]
        share_status=share_status,
        stage=draw(st.sampled_from(FigureStage)),
        method=draw(st.sampled_from(Method)),
        sources=tuple(draw(st.lists(sources, max_size=2))),
        note=draw(st.none() | texts),
    )
