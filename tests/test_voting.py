from __future__ import annotations

import itertools
import os
import tempfile
from collections import Counter
from fractions import Fraction
from pathlib import Path

import numpy as np
import pandas as pd
import pytest
from hypothesis import event, given, settings
from hypothesis import strategies as st
from hypothesis.stateful import RuleBasedStateMachine, invariant, rule

from bosetting.errors import BallotFileError, BosettingError
from bosetting.model import Municipality
from bosetting.voting import (
    Ballot,
    DuplicatePolicy,
    RejectReason,
    Tally,
    TallyMergeError,
    VoterIds,
    _file,
    ballots_from_iterable,
    read_ballots,
    tally,
    tally_codes,
    tally_file,
)
from tests.helpers import BODO, KINN, LEVANGER, OSLO
from tests.strategies import (
    choice_lists,
    election,
    nominee_sets,
    nominees_and_ballot_file,
    policies,
    resolve_oracle,
    three_batches,
)

NOMS = [KINN, BODO, OSLO]

# --- examples --------------------------------------------------------------------------------


def test_resolves_names_codes_and_case() -> None:
    t = tally(["Kinn", "KINN", " kinn ", "4602", "bodø", "Bodo", "301", "levangke", ""], NOMS)
    assert t.counts == {KINN: 4, BODO: 1, OSLO: 1}
    assert t.rejected_by_reason[RejectReason.UNKNOWN_NOMINEE] == 2  # Bodo (no ø), levangke
    assert t.rejected_by_reason[RejectReason.BLANK] == 1
    assert t.total == 9


def test_sami_name_part_matches() -> None:
    t = tally(["Levangke", "Levanger", "Levanger - Levangke"], [LEVANGER])
    assert t.votes == (3,)


def test_ambiguous_name_is_rejected() -> None:
    a = Municipality("3114", "Våler (Østfold)", "Østfold", 2024)
    b = Municipality("3419", "Våler (Innlandet)", "Innlandet", 2024)
    t = tally(["Våler", "våler (østfold)"], [a, b])
    assert t.counts == {a: 1, b: 0}
    assert t.rejected[0].reason is RejectReason.AMBIGUOUS


def test_every_nominee_counted_even_zero() -> None:
    t = tally([], NOMS)
    assert t.counts == dict.fromkeys(NOMS, 0)
    assert t.shares == dict.fromkeys(NOMS, 0.0)
    assert t.exact_shares[KINN] == Fraction(0)
    assert t == Tally.empty(NOMS)


@pytest.mark.parametrize(
    ("policy", "kinn", "bodo", "dups"),
    [
        (DuplicatePolicy.KEEP_FIRST, 1, 0, 1),
        (DuplicatePolicy.KEEP_LAST, 0, 1, 1),
        (DuplicatePolicy.REJECT_ALL, 0, 0, 2),
    ],
)
def test_duplicate_policies(policy: DuplicatePolicy, kinn: int, bodo: int, dups: int) -> None:
    ballots = [
        Ballot("Kinn", voter="x", row=1),
        Ballot("", voter="x", row=2),
        Ballot("Bodø", voter="x", row=3),
    ]
    t = tally(ballots, NOMS, duplicates=policy)
    assert (t.counts[KINN], t.counts[BODO]) == (kinn, bodo)
    assert t.rejected_by_reason[RejectReason.DUPLICATE_VOTER] == dups
    assert t.rejected_by_reason[RejectReason.BLANK] == 1  # invalid ballots are not duplicates


def test_unknown_policy_is_an_error() -> None:
    with pytest.raises(BosettingError, match="keep_first"):
        tally([], NOMS, duplicates="newest")


def test_merge_errors() -> None:
    with pytest.raises(TallyMergeError, match="different nominees"):
        _ = Tally.empty(NOMS) + Tally.empty([KINN])
    with pytest.raises(TallyMergeError, match="policies"):
        _ = Tally.empty(NOMS) + Tally.empty(NOMS, DuplicatePolicy.REJECT_ALL)
    a = tally([Ballot("Kinn", voter="v1")], NOMS)
    b = tally([Ballot("Bodø", voter="v1")], NOMS)
    with pytest.raises(TallyMergeError, match="both batches") as info:
        _ = a + b
    assert info.value.field == "voter"


def test_finalists_tie_broken_by_code_and_recorded() -> None:
    t = tally(["Kinn", "Kinn", "Bodø", "Oslo"], NOMS)
    f = t.finalists(2)
    assert f.municipalities == (KINN, OSLO)
    assert f.tie is not None
    assert f.tie.members == (OSLO, BODO)
    assert "municipality number" in f.tie.broken_by
    assert t.finalists(1).tie is None
    assert t.finalists(5).municipalities == (KINN, OSLO, BODO)
    with pytest.raises(BosettingError):
        t.finalists(0)


def test_tally_codes_matches_tally() -> None:
    codes = np.array([4602, 4602, 1804, 301, 9999, 0, 12345, -1])
    t = tally_codes(codes, NOMS)
    assert t.counts == {KINN: 2, BODO: 1, OSLO: 1}
    assert [r.ballot.choice for r in t.rejected] == ["9999", "0000", "12345", "-1"]
    assert [r.ballot.row for r in t.rejected] == [5, 6, 7, 8]
    assert tally_codes([], NOMS) == Tally.empty(NOMS)
    with pytest.raises(BosettingError, match="whole numbers"):
        tally_codes(np.array([1.5]), NOMS)


# --- properties ------------------------------------------------------------------------------


@given(election(), policies)
def test_accepted_plus_rejected_is_ballots_read(
    e: tuple[list[Municipality], list[Ballot]], p: DuplicatePolicy
) -> None:
    noms, ballots = e
    t = tally(ballots, noms, duplicates=p)
    assert t.accepted + len(t.rejected) == len(ballots) == t.total
    assert sum(t.rejected_by_reason.values()) == len(t.rejected)


@given(election(voters=False))
def test_counts_equal_plain_oracle(e: tuple[list[Municipality], list[Ballot]]) -> None:
    noms, ballots = e
    expected = Counter(resolve_oracle(noms, b.choice) for b in ballots)
    t = tally(ballots, noms)
    assert t.counts == {m: expected[m] for m in noms}
    assert t.rejected_by_reason[RejectReason.BLANK] == sum(b.is_blank for b in ballots)


@given(election(), st.data())
def test_keep_first_oracle(e: tuple[list[Municipality], list[Ballot]], data: st.DataObject) -> None:
    noms, ballots = e
    seen: set[str] = set()
    expected: Counter[Municipality | None] = Counter()
    for b in ballots:
        m = resolve_oracle(noms, b.choice)
        if m is None:
            continue
        if b.voter is not None:
            if b.voter in seen:
                continue
            seen.add(b.voter)
        expected[m] += 1
    assert tally(ballots, noms).counts == {m: expected[m] for m in noms}


@given(election(voters=False), policies, st.randoms(use_true_random=False))
def test_anonymity_without_voter_ids(
    e: tuple[list[Municipality], list[Ballot]], p: DuplicatePolicy, rnd: object
) -> None:
    noms, ballots = e
    shuffled = list(ballots)
    rnd.shuffle(shuffled)  # type: ignore[attr-defined]
    assert tally(shuffled, noms, duplicates=p) == tally(ballots, noms, duplicates=p)


@given(election(), st.randoms(use_true_random=False))
def test_anonymity_reject_all_with_voter_ids(
    e: tuple[list[Municipality], list[Ballot]], rnd: object
) -> None:
    noms, ballots = e
    shuffled = list(ballots)
    rnd.shuffle(shuffled)  # type: ignore[attr-defined]
    p = DuplicatePolicy.REJECT_ALL
    assert tally(shuffled, noms, duplicates=p) == tally(ballots, noms, duplicates=p)


@given(election(), nominee_sets(min_size=5, max_size=5), policies)
def test_neutrality_renaming_renames_result(
    e: tuple[list[Municipality], list[Ballot]], others: list[Municipality], p: DuplicatePolicy
) -> None:
    noms, ballots = e
    new = others[: len(noms)]
    rename = dict(zip(noms, new, strict=True))

    def translate(b: Ballot) -> Ballot:
        m = resolve_oracle(noms, b.choice)
        if m is None:
            return b
        choice = rename[m].code if b.choice.strip() == m.code else rename[m].name
        return Ballot(choice, voter=b.voter, row=b.row)

    t1 = tally(ballots, noms, duplicates=p)
    t2 = tally([translate(b) for b in ballots], new, duplicates=p)
    assert t2.counts == {rename[m]: n for m, n in t1.counts.items()}
    assert t2.rejected_by_reason == t1.rejected_by_reason


@given(three_batches(), policies)
def test_merge_is_a_commutative_monoid(
    b: tuple[list[Municipality], list[list[Ballot]]], p: DuplicatePolicy
) -> None:
    noms, (x, y, z) = b
    a, bb, c = (tally(batch, noms, duplicates=p) for batch in (x, y, z))
    e = Tally.empty(noms, p)
    assert (a + bb) + c == a + (bb + c)
    assert a + bb == bb + a
    assert a + e == a == e + a


@given(three_batches(), policies)
def test_merge_equals_counting_all_at_once(
    b: tuple[list[Municipality], list[list[Ballot]]], p: DuplicatePolicy
) -> None:
    noms, batches = b
    merged = Tally.empty(noms, p)
    for batch in batches:
        merged = merged + tally(batch, noms, duplicates=p)
    assert merged == tally([x for batch in batches for x in batch], noms, duplicates=p)


@given(election(voters=False), st.data())
def test_any_split_into_batches_equals_all_at_once(
    e: tuple[list[Municipality], list[Ballot]], data: st.DataObject
) -> None:
    noms, ballots = e
    cuts = sorted(data.draw(st.lists(st.integers(0, len(ballots)), max_size=4)))
    bounds = [0, *cuts, len(ballots)]
    parts = [ballots[i:j] for i, j in itertools.pairwise(bounds)]
    merged = Tally.empty(noms)
    for part in parts:
        merged = merged + tally(part, noms)
    assert merged == tally(ballots, noms)


@given(election(), st.data())
def test_one_more_vote_never_hurts(
    e: tuple[list[Municipality], list[Ballot]], data: st.DataObject
) -> None:
    noms, ballots = e
    x = data.draw(st.sampled_from(noms))
    before = tally(ballots, noms)
    after = tally([*ballots, Ballot(x.code)], noms)
    assert after.exact_shares[x] >= before.exact_shares[x]
    assert after.rank(x) <= before.rank(x)
    assert after.counts[x] == before.counts[x] + 1


@given(election(), st.integers(1, 6))
def test_finalists_deterministic_and_follow_the_tie_rule(
    e: tuple[list[Municipality], list[Ballot]], k: int
) -> None:
    noms, ballots = e
    t = tally(ballots, noms)
    f = t.finalists(k)
    assert f == t.finalists(k) == tally(ballots, noms).finalists(k)  # same on every run
    if not any(b.voter for b in ballots):
        assert f == tally(list(reversed(ballots)), noms).finalists(k)
    counts = t.counts
    order = sorted(noms, key=lambda m: (-counts[m], m.code))
    assert f.municipalities == tuple(order[:k])
    boundary_tie = len(order) > k and counts[order[k - 1]] == counts[order[k]]
    assert (f.tie is not None) == boundary_tie
    if f.tie is not None:
        assert list(f.tie.members) == sorted(f.tie.members, key=lambda m: m.code)
        assert {counts[m] for m in f.tie.members} == {counts[order[k - 1]]}


@settings(max_examples=50, deadline=None)
@given(election(voters=False))
def test_tally_codes_and_file_agree_with_tally(e: tuple[list[Municipality], list[Ballot]]) -> None:
    noms, ballots = e
    t = tally(ballots, noms)
    coded = [int(m.code) for b in ballots if (m := resolve_oracle(noms, b.choice)) is not None]
    assert tally_codes(np.array(coded, dtype=np.int64), noms).counts == t.counts
    with tempfile.TemporaryDirectory() as d:
        path = Path(d) / "v.csv"
        path.write_text(
            "valg;velger\n" + "".join(f"{b.choice};\n" for b in ballots), encoding="utf-8"
        )
        from_file = _outcome(lambda: tally_file(path, noms))
        assert from_file == _outcome(lambda: tally(read_ballots(path), noms))
        if isinstance(from_file, Tally):
            assert from_file.counts == t.counts
        else:  # no row has a choice: refused
            assert not any(b.choice for b in ballots)


# --- stateful: random batches against a plain Counter ---------------------------------------


class BatchedCounting(RuleBasedStateMachine):
    nominees = (KINN, BODO, OSLO, LEVANGER)

    def __init__(self) -> None:
        super().__init__()
        self.tally = Tally.empty(self.nominees)
        self.model: Counter[str] = Counter()
        self.rejected = 0
        self.read = 0
        self.batch_no = 0

    @rule(
        batch=st.lists(
            st.sampled_from(["Kinn", "4602", "bodø", "0301", "OSLO", "levangke", "", "Narvik"]),
            max_size=20,
        )
    )
    def add_batch(self, batch: list[str]) -> None:
        self.batch_no += 1
        ballots = [Ballot(c, voter=f"{self.batch_no}-{i}") for i, c in enumerate(batch)]
        self.tally = self.tally + tally(ballots, self.nominees)
        for c in batch:
            m = resolve_oracle(list(self.nominees), c)
            if m is None:
                self.rejected += 1
            else:
                self.model[m.code] += 1
        self.read += len(batch)

    @rule()
    def add_empty(self) -> None:
        self.tally = self.tally + Tally.empty(self.nominees)

    @invariant()
    def matches_counter(self) -> None:
        assert {m.code: n for m, n in self.tally.counts.items()} == {
            m.code: self.model[m.code] for m in self.nominees
        }
        assert len(self.tally.rejected) == self.rejected
        assert self.tally.total == self.read


TestBatchedCounting = BatchedCounting.TestCase
TestBatchedCounting.settings = settings(max_examples=50, stateful_step_count=15, deadline=None)


@settings(max_examples=50, deadline=None)
@given(election(), st.sampled_from([",", ";"]), st.sampled_from(["\n", "\r\n"]))
def test_file_count_equals_count_of_its_ballots(
    e: tuple[list[Municipality], list[Ballot]], sep: str, newline: str
) -> None:
    noms, ballots = e
    lines = [sep.join(["valg", "velger", "label"])] + [
        sep.join([b.choice.strip(), f"{b.voter or 'x'}{i}", "ØVINGSDATA"])
        for i, b in enumerate(ballots)
    ]
    with tempfile.TemporaryDirectory() as d:
        path = Path(d) / "v.csv"
        path.write_bytes((newline.join(lines) + newline).encode("utf-8"))
        assert _outcome(lambda: tally_file(path, noms)) == _outcome(
            lambda: tally(read_ballots(path), noms)
        )


def test_practice_label_survives_tally_and_merge() -> None:
    from bosetting.history import edition
    from bosetting.practice import PRACTICE_LABEL, practice_ballots

    e = edition(2022)
    ballots = practice_ballots(e, seed=3, n=50)
    whole = tally(ballots, e)
    assert whole.labels == {PRACTICE_LABEL}
    real = tally(["Kinn"], e)
    assert real.labels == frozenset()
    assert (whole + real).labels == {PRACTICE_LABEL}


def test_practice_label_read_from_file(tmp_path: Path) -> None:
    from bosetting.history import edition
    from bosetting.practice import PRACTICE_LABEL, write_practice

    e = edition(2022)
    votes, _ = write_practice(e, tmp_path, seed=5, n=200)
    assert tally_file(votes, e).labels == {PRACTICE_LABEL}


# --- issue 9: one answer on every layout, container and chunk size ---------------------------


def _outcome(f: object) -> object:
    try:
        return f()  # type: ignore[operator]
    except (BosettingError, UnicodeDecodeError) as exc:
        return (type(exc), str(exc))


@settings(max_examples=int(os.environ.get("BOSETTING_FILE_EXAMPLES", "120")), deadline=None)
@given(
    nominees_and_ballot_file(),
    policies,
    st.sampled_from([None, 0, 3, 10]),
    st.sampled_from([None, 40, 200]),
)
def test_tally_file_equals_tally_of_read_ballots(
    f: tuple[list[Municipality], bytes, dict[str, str | None]],
    p: DuplicatePolicy,
    max_rows: int | None,
    max_bytes: int | None,
) -> None:
    # every cap lowered now and then, so that files above it are refused alike by both paths
    noms, data, names = f
    caps = {"MAX_BALLOT_ROWS": max_rows, "MAX_BALLOT_BYTES": max_bytes}
    saved = {k: getattr(_file, k) for k in caps}
    with tempfile.TemporaryDirectory() as d:
        path = Path(d) / "stemmer.csv"
        path.write_bytes(data)
        try:
            for k, v in caps.items():
                if v is not None:
                    setattr(_file, k, v)
            careful = _outcome(
                lambda: tally(
                    read_ballots(path, choice=names["choice"], voter=names["voter"]),
                    noms,
                    duplicates=p,
                )
            )
            streamed = _outcome(
                lambda: tally_file(
                    path, noms, duplicates=p, choice=names["choice"], voter=names["voter"]
                )
            )
        finally:
            for k, v in saved.items():
                setattr(_file, k, v)
        event("error" if not isinstance(careful, Tally) else f"tally, {careful.total > 0} ballots")
        assert streamed == careful
        if isinstance(careful, Tally):
            assert isinstance(streamed, Tally)
            assert list(streamed.rejected) == list(careful.rejected)  # rows, raw values, reasons
            assert streamed.voters == careful.voters
            assert streamed.labels == careful.labels


@pytest.mark.parametrize(
    "header",
    [
        "choice,timestamp,voter_id",
        "voter_id,choice,timestamp",
        "timestamp,choice",
        "choice,label,timestamp",
    ],
)
def test_issue_layouts_count_once(tmp_path: Path, header: str) -> None:
    # every voter votes twice; the columns are found by name in any order
    cols = header.split(",")
    rows = []
    for i in range(300):
        for when in ("t1", "t2"):
            value = {"choice": "Kinn" if i % 3 else "Bodø", "timestamp": when, "voter_id": f"v{i}"}
            value["label"] = "ØVINGSDATA"
            rows.append(",".join(value[c] for c in cols))
    path = tmp_path / "v.csv"
    path.write_text(header + "\n" + "\n".join(rows) + "\n", encoding="utf-8")
    for p in DuplicatePolicy:
        streamed = tally_file(path, NOMS, duplicates=p)
        assert streamed == tally(read_ballots(path), NOMS, duplicates=p)
        if "voter_id" in cols:
            expected = {DuplicatePolicy.REJECT_ALL: 0}.get(p, 300)
            assert streamed.accepted == expected
        else:
            assert streamed.accepted == 600
    if "label" in cols:
        assert tally_file(path, NOMS).labels == {"ØVINGSDATA"}


@pytest.mark.parametrize(
    ("body", "outcome"),
    [
        ("valg,velger\nKinn,a\nKinn,b,Bodø\n", "extra_fields"),
        ("valg,velger\nKinn,a\nKinn,b,,,\n", "counted"),  # empty fields after: a trailing delimiter
        ("valg,velger\nKinn,a\nKinn,b,,,Bodø\n", "extra_fields"),
        ("valg,velger\nKinn,a\n" + "K" * 140_000 + ",b\n", "unknown_nominee"),
        ("velger,valg\n1,Kinn\n2\n", "blank"),  # too few fields and no choice: a blank ballot
        ("valg,velger\nKinn,a\nKinn\n", "missing_fields"),  # a choice, but too few fields
        ("valg,velger\nKinn,a\n\nBodø,b\n", "blank"),  # an empty line is a blank ballot
        ("valg,velger\nKin\rn,a\nKinn\n", "missing_fields"),  # a lone \r in a \n file is text
        ('valg\n"Kinn\n', "error"),  # a quote never closed
        ('valg\n"Kinn"x\n', "error"),  # text after a closing quote
        ("valg\n" + "Kinn," * 70 + "\n", "error"),  # more extra fields than are read
    ],
)
def test_every_path_reads_a_file_alike(tmp_path: Path, body: str, outcome: str) -> None:
    path = tmp_path / "v.csv"
    path.write_text(body, encoding="utf-8")
    careful = _outcome(lambda: tally(read_ballots(path), NOMS))
    streamed = _outcome(lambda: tally_file(path, NOMS))
    assert streamed == careful
    if outcome == "error":
        assert isinstance(streamed, tuple)
        assert streamed[0] is BallotFileError
    else:
        assert isinstance(streamed, Tally)
        last = streamed.rejected[-1].reason.value if streamed.rejected else "counted"
        assert last == outcome


@pytest.mark.parametrize("shared", [False, True])
@pytest.mark.parametrize("policy", list(DuplicatePolicy))
def test_each_policy_tells_voter_ids_apart_as_the_careful_path_does(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch, policy: DuplicatePolicy, shared: bool
) -> None:
    if shared:  # ids of one length share a digest: they are told apart by the ids themselves
        import polars as pl

        from bosetting.voting import _filecount

        monkeypatch.setattr(_filecount, "_digest", lambda ids: ids.str.len_bytes().cast(pl.UInt64))
    # ids of one length, ids that are each other's reverse, a blank and an unknown vote
    votes = [("a", "Kinn"), ("b", "Bodø"), ("a", "Oslo"), ("ab", "Kinn"), ("ba", "Bodø")]
    votes += [("c", ""), ("c", "Kinn"), ("ab", "Oslo"), ("abc", "Oslo")]
    path = tmp_path / "v.csv"
    path.write_text("velger,valg\n" + "".join(f"{v},{c}\n" for v, c in votes), encoding="utf-8")
    streamed = tally_file(path, NOMS, duplicates=policy)
    careful = tally(read_ballots(path), NOMS, duplicates=policy)
    assert streamed == careful
    assert streamed.voters == careful.voters
    assert list(streamed.rejected) == list(careful.rejected)


def test_names_in_nfd_and_with_zero_width_characters_count(tmp_path: Path) -> None:
    import unicodedata

    harstad = Municipality("5503", "Harstad - Hárstták", "Troms", 2024)
    written = [
        unicodedata.normalize("NFD", "Hárstták"),
        "Hár\u200bstták",
        "\ufeffHarstad",
        "Har\u00adstad",
        "Bodø\u200d",
    ]
    t = tally(written, [harstad, BODO])
    assert t.counts == {harstad: 4, BODO: 1}
    path = tmp_path / "v.csv"
    path.write_text("valg\n" + "\n".join(written) + "\n", encoding="utf-8")
    assert tally_file(path, [harstad, BODO]) == t == tally(read_ballots(path), [harstad, BODO])


def test_a_zero_width_character_in_the_file_name_names_the_source_alike(tmp_path: Path) -> None:
    path = tmp_path / "stem\u200bmer.csv"
    path.write_text("valg\nKinn\nOslo?\n", encoding="utf-8")
    streamed, careful = tally_file(path, NOMS), tally(read_ballots(path), NOMS)
    assert streamed == careful
    assert streamed.rejected[0].ballot.source == careful.rejected[0].ballot.source


def test_rejected_ballots_are_read_again_only_when_asked(tmp_path: Path) -> None:
    path = tmp_path / "v.csv"
    path.write_text("valg\n" + "Oslo?\n" * 1000 + "Kinn\n", encoding="utf-8")
    t = tally_file(path, NOMS)
    assert len(t.rejected) == 1000
    assert t.rejected_by_reason[RejectReason.UNKNOWN_NOMINEE] == 1000
    assert sum(1 for _ in t.rejected) == 1000  # streamed in batches
    path.write_text("valg\nKinn\n", encoding="utf-8")
    with pytest.raises(BallotFileError, match="changed since it was counted"):
        list(t.rejected)


def test_a_single_byte_file_is_read_as_the_careful_reader_decodes_it(tmp_path: Path) -> None:
    path = tmp_path / "v.csv"
    path.write_bytes("valg;velger\nBodø;a\nBodø;b\n€;c\n".encode("cp1252"))
    t = tally_file(path, NOMS)
    assert t.counts[BODO] == 2
    assert t.rejected[0].ballot.choice == "€"
    assert t == tally(read_ballots(path), NOMS)


def test_a_byte_that_is_not_utf8_in_a_column_no_path_counts_decides_alike(
    tmp_path: Path,
) -> None:
    # polars checks every field of the file, read or not, so both paths read it as one encoding
    path = tmp_path / "v.csv"
    head = "label,tidspunkt,kommune,ip,velger,kanal\n,i går,Bodø,10.0.0.1,a,web\n".encode()
    for stray in (b",i g\xe5r,Bod\xc3\xb8,10.0.0.1,b,web\n", b",x,Bod\xc3\xb8,10.0.0.\xb9,b,web\n"):
        path.write_bytes(head + stray)  # the timestamp or the ip: no path counts either
        t = tally_file(path, NOMS)
        assert t == tally(read_ballots(path), NOMS)
        assert t.rejected[0].ballot.choice == "Bodø".encode().decode("cp1252")


def test_voter_ids_forms_agree() -> None:
    import polars as pl

    exact = VoterIds(["a", "lang-velger-id"])
    compact = VoterIds(series=pl.Series(["lang-velger-id", "a"]))
    assert exact == compact == frozenset({"a", "lang-velger-id"})
    assert "a" in compact
    assert "b" not in compact
    assert len(compact) == 2
    assert (compact | VoterIds(["b"])) == VoterIds(["a", "b", "lang-velger-id"])
    assert compact.overlap(VoterIds(["a", "z"])) == (1, ["a"])
    assert sorted(compact) == ["a", "lang-velger-id"]


def test_merging_a_file_tally_checks_voters(tmp_path: Path) -> None:
    path = tmp_path / "v.csv"
    path.write_text("velger,valg\na,Kinn\n", encoding="utf-8")
    with pytest.raises(TallyMergeError, match="both batches") as info:
        _ = tally_file(path, NOMS) + tally([Ballot("Bodø", voter="a")], NOMS)
    assert info.value.value == ["a"]


def _containers(choices: list[str | None]) -> dict[str, object]:
    out: dict[str, object] = {
        "list": list(choices),
        "tuple": tuple(choices),
        "iterator": iter(list(choices)),
        "ballots": list(ballots_from_iterable(choices)),
        "object array": np.array(choices, dtype=object),
        "object Series": pd.Series(choices, dtype=object),
        "str Series": pd.Series(choices, dtype="str"),
        "string[python] Series": pd.Series(choices, dtype="string[python]"),
        "categorical Series": pd.Series(choices, dtype="category"),
        "Categorical": pd.Categorical(choices),
        "Index": pd.Index(choices, dtype=object),
        "NaN for None": [float("nan") if c is None else c for c in choices],
    }
    if None not in choices:
        out["str array"] = np.array(choices, dtype=str) if choices else np.array([], dtype=str)
    import polars as pl
    import pyarrow as pa

    out["arrow Series"] = pd.Series(choices, dtype="string[pyarrow]")
    out["ArrowDtype Series"] = pd.Series(choices, dtype=pd.ArrowDtype(pa.large_string()))
    out["polars Series"] = pl.Series("", choices, dtype=pl.String)
    out["polars categorical"] = pl.Series("", choices, dtype=pl.Categorical)
    out["pyarrow array"] = pa.array(choices, type=pa.string())
    out["pyarrow dictionary"] = pa.array(choices, type=pa.string()).dictionary_encode()
    out["pyarrow chunked"] = pa.chunked_array([pa.array(choices, type=pa.string())])
    out["pyarrow string_view"] = pa.array(choices, type=pa.string_view())
    return out


@settings(deadline=None)  # eleven containers of one draw; the machine's load is not the test
@given(st.data())
def test_every_container_gives_the_same_tally(data: st.DataObject) -> None:
    noms = data.draw(nominee_sets())
    choices = data.draw(choice_lists(noms))
    expected = tally(list(ballots_from_iterable(choices)), noms)
    for name, container in _containers(choices).items():
        got = tally(container, noms)
        assert got == expected, name
        assert got.rejected_by_reason == expected.rejected_by_reason, name
        assert [(r.ballot.row, r.ballot.choice, r.reason) for r in got.rejected] == [
            (r.ballot.row, r.ballot.choice, r.reason) for r in expected.rejected
        ], name


def test_series_name_is_the_source_and_missing_is_blank() -> None:
    s = pd.Series(["Kinn", None, float("nan"), "Atlantis"], name="valg", dtype=object)
    t = tally(s, NOMS)
    assert t.votes == (1, 0, 0)
    assert [(r.ballot.row, r.ballot.source, r.reason) for r in t.rejected] == [
        (2, "valg", RejectReason.BLANK),
        (3, "valg", RejectReason.BLANK),
        (4, "valg", RejectReason.UNKNOWN_NOMINEE),
    ]
    assert t == tally(ballots_from_iterable(s.tolist(), source="valg"), NOMS)
    assert tally([1804, 1804.0, "1804"], NOMS).counts[BODO] == 2  # 1804.0 is no code
    with pytest.raises(BosettingError, match="one column"):
        tally(pd.DataFrame({"valg": ["Kinn"]}), NOMS)


def test_lazy_rejected_behaves_as_a_tuple() -> None:
    t = tally(pd.Series(["Kinn", "", "x"], dtype="category"), NOMS)
    assert len(t.rejected) == 2
    assert t.rejected == tuple(t.rejected)
    assert t.rejected[0].reason is RejectReason.BLANK
    merged = t + tally(["Bodø", ""], NOMS)
    assert merged.total == 5
    assert isinstance(merged.rejected, tuple)
