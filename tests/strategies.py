"""Shared hypothesis strategies (one place for every test module): the model, the vote, the decision.

The fuzzers' generators of malformed input (bytes, encodings, mutated JSON) stay in
``test_errors_fuzz.py``, beside the fixtures they mutate.
"""

from __future__ import annotations

import unicodedata
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
    NominationRoute,
    NomineesKnown,
    Outcome,
    PartialDate,
    PrizeName,
    Sex,
    Source,
    Text,
    TopKThenJury,
    WeightedBlend,
)

codes = st.from_regex(r"[0-9]{4}", fullmatch=True)
years = st.integers(1977, 2030)
# Text as the tables hold it: non-empty, no surrounding spaces, æøå welcome.
texts = (
    st.text(alphabet=st.sampled_from("abcdefghijklmnopqrstuvwxyzæøåÆØÅ -"), min_size=1, max_size=20)
    .map(str.strip)
    .filter(bool)
)


#: A text in the data: bokmål, and English or not (the loader falls back to bokmål).
data_texts = st.builds(Text, texts, en=st.none() | texts)


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
    note=st.none() | data_texts,
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
    partners=st.lists(data_texts, max_size=3).map(tuple),
    summary=data_texts,
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
            note=draw(st.none() | data_texts),
            sources=tuple(draw(st.lists(sources, max_size=2))),
        )
        for m, o in zip(places, outcomes, strict=True)
    )
    return Edition(
        label=label,
        work_year=draw(st.none() | years),
        reference_year=draw(years),
        award_when=draw(partial_dates()),
        event=draw(st.none() | data_texts),
        place=draw(st.none() | texts),
        prize_name=draw(texts),
        rule=draw(rules),
        vote_opens=draw(partial_dates()),
        vote_closes=draw(partial_dates()),
        nominees_known=draw(st.sampled_from(NomineesKnown)),
        nomination_route=draw(st.none() | st.sampled_from(NominationRoute)),
        status=draw(st.sampled_from(EditionStatus)),
        nominations=nominations,
        note=draw(st.none() | data_texts),
        sources=tuple(draw(st.lists(sources, max_size=2))),
        presented_by=draw(st.none() | data_texts),
        received_by=draw(st.none() | data_texts),
        prize_names=tuple(
            PrizeName(
                label,
                name,
                draw(st.none() | data_texts),
                tuple(draw(st.lists(sources, max_size=2))),
            )
            for name in draw(st.lists(texts, max_size=2, unique=True))
        ),
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
        note=draw(st.none() | data_texts),
    )


# --- public vote and jury (issue 5) -------------------------------------------------------------

from bosetting.voting import Ballot, DuplicatePolicy  # noqa: E402 (appended section)

UNKNOWN_CHOICES = ("ukjent-1", "Atlantis 2")  # digits: can never match a generated name or code


def _distinct_names(ms: list[Municipality]) -> bool:
    names = [m.name.casefold() for m in ms]
    return len(set(names)) == len(names) and all(" - " not in m.name for m in ms)


def nominee_sets(min_size: int = 1, max_size: int = 5) -> st.SearchStrategy[list[Municipality]]:
    """Nominees with distinct codes and names that match only themselves."""
    return st.lists(
        municipalities(), min_size=min_size, max_size=max_size, unique_by=lambda m: m.code
    ).filter(_distinct_names)


def choices_for(nominees: list[Municipality]) -> st.SearchStrategy[str]:
    """A choice as voters write it: a nominee's name (any case) or code, blank, or unknown."""
    named = st.sampled_from(nominees).flatmap(
        lambda m: st.sampled_from([m.name, m.code, m.name.upper(), m.name.lower(), f" {m.name} "])
    )
    return named | st.sampled_from(["", "  ", *UNKNOWN_CHOICES])


@st.composite
def ballot_lists(
    draw: st.DrawFn,
    nominees: list[Municipality],
    *,
    max_size: int = 30,
    voters: bool = True,
    voter_prefix: str = "",
) -> list[Ballot]:
    """Ballots with row numbers; voter ids from a small pool so that duplicates occur."""
    voter = (
        (st.none() | st.sampled_from("abcde").map(lambda v: voter_prefix + v))
        if voters
        else st.none()
    )
    pairs = draw(st.lists(st.tuples(choices_for(nominees), voter), max_size=max_size))
    return [
        Ballot(c, voter=v, row=i + 1, source=voter_prefix or None) for i, (c, v) in enumerate(pairs)
    ]


def resolve_oracle(nominees: list[Municipality], choice: str) -> Municipality | None:
    """The plain-Python meaning of a choice: the nominee it names, or None."""
    for m in nominees:
        if choice.strip() == m.code or m.matches(choice):
            return m
    return None


@st.composite
def settlements(draw: st.DrawFn) -> object:
    """A :class:`bosetting.settlement.Settlement` with consistent figures and statuses."""
    from bosetting.figures import Settlement

    req, req_status = draw(figure(st.integers(0, 3000)))
    dec, dec_status = draw(figure(st.integers(0, 3000)))
    got, got_status = draw(figure(st.integers(0, 3000)))
    return Settlement(
        code=draw(codes),
        name=draw(texts),
        year=draw(st.integers(2008, 2030)),
        requested=req,  # type: ignore[arg-type]
        requested_status=req_status,
        requested_original=draw(st.none() | st.integers(0, 3000)),
        decided=dec,  # type: ignore[arg-type]
        decided_status=dec_status,
        settled=got,  # type: ignore[arg-type]
        settled_status=got_status,
        partial_year=draw(st.booleans()),
        sources=tuple(draw(st.lists(sources, max_size=2))),
    )


# --- ballot files and containers (issue 9) ------------------------------------------------------

#: Encodings a ballot file comes in; ``latin-1`` files carry a byte Windows-1252 lacks.
FILE_ENCODINGS = ("utf-8", "utf-8-sig", "cp1252", "latin-1")


@st.composite
def ballot_files(
    draw: st.DrawFn, nominees: list[Municipality], *, max_rows: int = 25
) -> tuple[bytes, dict[str, str | None]]:
    """A ballot CSV file as bytes, and the column names a caller may pass.

    Random: which optional columns (voter, timestamp, label, an unknown one) and
    in what order; delimiter, encoding, BOM, line ends; quoted fields (with
    delimiters and line ends inside); empty and whitespace lines; rows with extra
    fields; voter ids with spaces; blank and unknown choices; names in NFD or with
    a zero-width space; now and then a short row or a quote error.
    """
    choice_name = draw(st.sampled_from(["choice", "Valg", "KOMMUNE", "stemme", "kommunenummer"]))
    optional = draw(
        st.lists(
            st.sampled_from(["voter_id", "Tidspunkt", "label", "ekstra", "velger"]),
            unique=True,
            max_size=4,
        ).filter(lambda cs: not {"voter_id", "velger"} <= set(cs))
    )
    columns = draw(st.permutations([choice_name, *optional]))
    delimiter = draw(st.sampled_from([",", ";", "\t"]))
    encoding = draw(st.sampled_from(FILE_ENCODINGS))
    newline = draw(st.sampled_from(["\n", "\r\n", "\r"]))
    quote_some = draw(st.booleans())
    voter_col = next((c for c in columns if c in ("voter_id", "velger")), None)
    names = {"choice": choice_name if draw(st.booleans()) else None, "voter": None}
    if voter_col is not None and draw(st.booleans()):
        names["voter"] = voter_col

    def cell(text: str) -> str:
        needs = delimiter in text or '"' in text or "\n" in text or "\r" in text
        if needs or (quote_some and draw(st.booleans())):
            return '"' + text.replace('"', '""') + '"'
        return text

    voter_ids = st.sampled_from(["a", "b", " a", "c ", "", "  ", "velger-ø1", "x" * 12, "x" * 13])
    extra = st.sampled_from(
        ["", "x", "ø; å", "linje\nskift", 'si "hei"', "\x81" * (encoding == "latin-1")]
    )
    lines = [delimiter.join(cell(c) for c in columns)]
    n = draw(st.integers(0, max_rows))
    for _ in range(n):
        kind = draw(st.sampled_from(["ballot"] * 8 + ["empty", "spaces", "extra"]))
        if kind == "empty":
            lines.append("")
            continue
        if kind == "spaces" and len(columns) == 1:
            lines.append("  ")
            continue
        unicode = encoding.startswith("utf-8")
        spelled = draw(st.sampled_from(["as is", "NFD", "zero-width"] if unicode else ["as is"]))
        written = draw(choices_for(nominees))
        if spelled == "NFD":
            written = unicodedata.normalize("NFD", written)
        elif spelled == "zero-width" and written:
            written = written[:1] + "\u200b" + written[1:]
        values = {
            choice_name: written,
            "voter_id": draw(voter_ids),
            "velger": draw(voter_ids),
            "Tidspunkt": draw(st.sampled_from(["2024-01-05 10:00", "", "i går"])),
            "label": draw(st.sampled_from(["", "ØVINGSDATA", " ØVINGSDATA "])),
            "ekstra": draw(extra),
        }
        fields = [cell(values[c]) for c in columns]
        if kind == "extra":
            fields.append(cell(draw(extra)))
        lines.append(delimiter.join(fields))
    if draw(st.integers(0, 19)) == 0:  # something the careful reader rejects
        bad = draw(st.sampled_from(["short", "quote"]))
        lines.append("Kinn" if bad == "short" else 'Kinn"x' + delimiter + '"a"b')
    text = newline.join(lines) + (newline if draw(st.booleans()) else "")
    if encoding == "latin-1" and "\x81" not in text:
        text += newline + delimiter.join(cell("\x81" if c == "ekstra" else "") for c in columns)
    data = text.encode("utf-8" if encoding == "utf-8-sig" else encoding)
    return (b"\xef\xbb\xbf" if encoding == "utf-8-sig" else b"") + data, names


@st.composite
def choice_lists(
    draw: st.DrawFn, nominees: list[Municipality], max_size: int = 40
) -> list[str | None]:
    """Choices as a container holds them: names, codes, blanks, unknowns and missing values."""
    return draw(st.lists(choices_for(nominees) | st.none(), max_size=max_size))


@st.composite
def contests(draw: st.DrawFn, max_nominees: int = 5) -> tuple[object, object]:
    """A tally with at least one accepted ballot and a jury scoring every nominee (ties likely)."""
    from bosetting.jury import JuryAssessment
    from bosetting.voting import tally

    noms = draw(nominee_sets(min_size=1, max_size=max_nominees))
    counts = {m: draw(st.integers(0, 8)) for m in noms}
    if not sum(counts.values()):
        counts[noms[0]] = 1
    jury = {m: draw(st.integers(1, 6)) for m in noms}
    t = tally([m.code for m, k in counts.items() for _ in range(k)], noms)
    return t, JuryAssessment.from_scores(jury)


# --- the vote and the decision (tests/test_voting.py, tests/test_decision.py) --------------

#: How a tally treats a voter id that votes more than once.
policies = st.sampled_from(DuplicatePolicy)


@st.composite
def election(draw: st.DrawFn, voters: bool = True) -> tuple[list[Municipality], list[Ballot]]:
    """Nominees and ballots for them (``voters=False``: ballots without voter ids)."""
    noms = draw(nominee_sets())
    return noms, draw(ballot_lists(noms, voters=voters))


@st.composite
def three_batches(draw: st.DrawFn) -> tuple[list[Municipality], list[list[Ballot]]]:
    """Nominees and three batches of ballots for them, each batch with voter ids of its own."""
    noms = draw(nominee_sets())
    return noms, [draw(ballot_lists(noms, voter_prefix=f"{i}:")) for i in range(3)]


@st.composite
def nominees_and_ballot_file(
    draw: st.DrawFn,
) -> tuple[list[Municipality], bytes, dict[str, str | None]]:
    """Nominees, a ballot file's bytes for them, and its column names (:func:`ballot_files`)."""
    noms = draw(nominee_sets())
    data, names = draw(ballot_files(noms))
    return noms, data, names


@st.composite
def vote_and_jury(draw: st.DrawFn) -> tuple[object, object]:
    """A tally (possibly without one accepted ballot) and a jury scoring every nominee 1 to 6.

    :func:`contests` is the same with at least one accepted ballot.
    """
    from bosetting.jury import JuryAssessment
    from bosetting.voting import tally

    noms = draw(nominee_sets())
    counts = {m: draw(st.integers(0, 8)) for m in noms}
    jury = {m: draw(st.integers(1, 6)) for m in noms}
    t = tally([m.code for m, n in counts.items() for _ in range(n)], list(counts))
    return t, JuryAssessment.from_scores(jury)


#: Every era's rule as decide() applies it: the blend with a weight, top-k with k from 1 to 4.
applicable_rules = st.one_of(
    st.just(JuryOnly()),
    st.integers(1, 4).map(TopKThenJury),
    st.fractions(0, 1, max_denominator=20).map(lambda f: WeightedBlend(float(f))),
)


@st.composite
def group_sheets(draw: st.DrawFn, nominees: list[Municipality]) -> dict[str, dict[str, str]]:
    """A workshop group's jurors (1 to 5), each scoring every nominee 1 to 6 in halves.

    Scores are written as a participant would type them: ``4``, ``4,5`` or ``4.5``.
    """
    jurors = draw(st.lists(texts, min_size=1, max_size=5, unique_by=str.casefold))
    halves = st.integers(2, 12).map(lambda h: f"{h // 2}" if h % 2 == 0 else f"{h // 2},5")
    return {j: {m.name: draw(halves) for m in nominees} for j in jurors}


# -- the public API driven with arbitrary arguments (tests/test_errors_api.py) ------------------

#: Values no public function should take for most of its arguments: wrong types, NaN,
#: infinities, huge and negative numbers, text that looks like a number but is not one.
HOSTILE_VALUES: tuple[object, ...] = (
    None,
    True,
    False,
    0,
    -1,
    -(10**30),
    10**30,
    2**63,
    float("nan"),
    float("inf"),
    float("-inf"),
    1e308,
    -0.0,
    "",
    " ",
    "\x00",
    "x\ny",
    "٣",
    "１",
    "1e99999999",
    "3/2",
    "1_0",
    "nan",
    "-inf",
    "x" * 5000,
    b"bytes",
    bytearray(b"b"),
    [],
    [None],
    [float("nan")],
    {},
    {None: None},
    {"score": float("inf")},
    (),
    (None,),
    object(),
    complex(1, 1),
    set(),
    frozenset({None}),
    int,
    Ellipsis,
)


def api_values(good: tuple[object, ...]) -> st.SearchStrategy[object]:
    """One argument: a value some public function takes (``good``), a hostile one, or a number or text."""
    return st.one_of(
        st.sampled_from(good),
        st.sampled_from(HOSTILE_VALUES),
        st.integers(min_value=-(10**20), max_value=10**20),
        st.floats(allow_nan=True, allow_infinity=True),
        st.text(max_size=12),
        st.lists(st.sampled_from(good), max_size=3),
    )
