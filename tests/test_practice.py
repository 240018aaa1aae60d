from __future__ import annotations

from pathlib import Path

import pytest

from bosetting.jury import read_jury_sheet
from bosetting.practice import (
    PRACTICE_LABEL,
    practice_ballots,
    practice_jury,
    write_practice,
)
from bosetting.voting import RejectReason, read_ballots, tally, tally_file
from tests.helpers import BODO, KINN, RAELINGEN

NOMS = [KINN, BODO, RAELINGEN]


def test_seeded_and_labelled() -> None:
    a = practice_ballots(NOMS, 500, seed=3)
    assert a == practice_ballots(NOMS, 500, seed=3)
    assert a != practice_ballots(NOMS, 500, seed=4)
    assert {b.label for b in a} == {PRACTICE_LABEL}
    t = tally(a, NOMS)
    # practice rows are well-formed
    never = (RejectReason.AMBIGUOUS, RejectReason.EXTRA_FIELDS, RejectReason.MISSING_FIELDS)
    assert all(n > 0 for r, n in t.rejected_by_reason.items() if r not in never)
    assert t.total == 500
    jury = practice_jury(NOMS, seed=3)
    assert jury.label == PRACTICE_LABEL
    assert jury == practice_jury(NOMS, seed=3)
    assert all(s is not None for s in jury.normalised.values())


def test_written_files_carry_the_label_and_read_back(tmp_path: Path) -> None:
    votes, jury_path = write_practice(NOMS, tmp_path / "ut", seed=11, n=200)
    assert "ØVINGSDATA" in votes.read_text(encoding="utf-8").splitlines()[1]
    assert jury_path.read_text(encoding="utf-8").splitlines()[0].endswith(',"merknad"')
    ballots = read_ballots(votes)
    assert {b.label for b in ballots} == {PRACTICE_LABEL}
    assert tally_file(votes, NOMS) == tally(ballots, NOMS)
    assert tally(ballots, NOMS).counts == tally(practice_ballots(NOMS, 200, seed=11), NOMS).counts
    assert read_jury_sheet(jury_path, NOMS).label == PRACTICE_LABEL


def test_practice_command_refuses_to_overwrite_without_force(tmp_path, capsys) -> None:
    from bosetting.cli import main

    argv = [
        "practice",
        "--edition",
        "2022",
        "--out",
        str(tmp_path),
        "--seed",
        "1",
        "--ballots",
        "5",
    ]
    assert main(argv) == 0
    before = (tmp_path / "ovingsdata-stemmer.csv").read_bytes()
    assert main(argv) == 2
    assert "ovingsdata" in capsys.readouterr().err
    assert (tmp_path / "ovingsdata-stemmer.csv").read_bytes() == before
    assert main([*argv[:-2], "--ballots", "7", "--force"]) == 0
    assert (tmp_path / "ovingsdata-stemmer.csv").read_bytes() != before


def test_practice_refuses_an_edition_without_a_public_vote(tmp_path) -> None:
    import pytest

    import bosetting as bs
    from bosetting.errors import ArgumentError
    from bosetting.practice import write_practice

    with pytest.raises(ArgumentError, match="no public vote"):
        write_practice(bs.edition(2016), tmp_path, seed=1, n=5)
    assert list(tmp_path.iterdir()) == []


# -- issue 12: the edition's criteria, an empty sheet, timestamps in the vote window --------


def _criteria_ids(label: str) -> tuple[str, ...]:
    import bosetting as bs

    return tuple(c.id for c in bs.edition(label).criteria)


def test_jury_sheet_scores_the_editions_own_criteria(tmp_path: Path) -> None:
    import bosetting as bs

    for label in ("2022", "2019/2020", "2018"):
        e = bs.edition(label)
        files = write_practice(e, tmp_path / label.replace("/", "-"), seed=2, n=50)
        assert files.criteria.on_record
        assert files.criteria.ids == _criteria_ids(label)
        jury = read_jury_sheet(files.jury, e)
        assert jury.criteria == _criteria_ids(label)
        assert len(jury.scores) == 5 * len(e.nominees) * len(e.criteria)
    assert _criteria_ids("2022") != _criteria_ids("2019/2020")


def test_jury_records_of_a_jury_only_era_and_the_fallback() -> None:
    import bosetting as bs
    from bosetting.practice import OVERALL_CRITERION, practice_jury_records, sheet_criteria

    rows = practice_jury_records(bs.edition(2012), seed=1, jurors=2)
    assert tuple(dict.fromkeys(r["criterion"] for r in rows)) == _criteria_ids("2012")
    assert all(r["criterion_text"] for r in rows)
    assert len(_criteria_ids("2012")) == 5
    none = sheet_criteria(bs.edition(2010))
    assert bs.edition(2010).criteria.criteria == ()
    assert none.ids == (OVERALL_CRITERION,)
    assert not none.on_record
    assert "No criteria are on record for 2010" in none.describe()
    assert sheet_criteria(NOMS).ids == (OVERALL_CRITERION,)
    assert "No edition was given" in sheet_criteria(NOMS).describe()
    assert practice_jury(bs.edition(2023), seed=3).criteria == _criteria_ids("2023")


def _read_rows(path: Path) -> list[list[str]]:
    import csv

    with path.open(encoding="utf-8", newline="") as f:
        return list(csv.reader(f))


def test_blank_jury_sheet_content_and_reading_it(tmp_path: Path) -> None:
    import pytest

    import bosetting as bs
    from bosetting.errors import JurySheetError
    from bosetting.practice import BLANK_JURY_FILE, JURY_HEADER, write_blank_jury

    e = bs.edition(2022)
    files = write_blank_jury(e, tmp_path, jurors=2)
    assert files.jury == tmp_path / BLANK_JURY_FILE
    assert files.blank
    assert files.votes is None
    assert files.window is None
    header, *rows = _read_rows(files.jury)
    assert tuple(header) == JURY_HEADER
    assert len(rows) == 2 * len(e.nominees) * len(e.criteria)
    cells = [dict(zip(header, r, strict=True)) for r in rows]
    assert {c["poeng"] for c in cells} == {""}
    assert {c["merknad"] for c in cells} == {PRACTICE_LABEL}
    assert {c["jurymedlem"] for c in cells} == {"jurymedlem 1", "jurymedlem 2"}
    assert {c["kommune"] for c in cells} == {m.name for m in e.nominees}
    assert tuple(dict.fromkeys(c["kriterium"] for c in cells)) == _criteria_ids("2022")
    texts = {c.id: c.text.en for c in e.criteria}  # this file runs in English
    assert all(c["kriterietekst"] == texts[c["kriterium"]] for c in cells)
    with pytest.raises(JurySheetError, match=r"missing in every row.*fill in a score") as info:
        read_jury_sheet(files.jury, e)
    assert info.value.row is None
    assert info.value.field == "poeng"
    # half filled: the first empty row is named
    filled = [[*r[:4], "4", *r[5:]] for r in rows[:3]] + rows[3:]
    path = tmp_path / "halv.csv"
    path.write_text(
        "\n".join(",".join(f'"{c}"' for c in r) for r in [header, *filled]), encoding="utf-8"
    )
    with pytest.raises(JurySheetError, match=r"row 4.*the score is missing; fill in a score"):
        read_jury_sheet(path, e)
    # filled in, it is a jury assessment like any other
    done = [[*r[:4], str(1 + i % 6), *r[5:]] for i, r in enumerate(rows)]
    path.write_text(
        "\n".join(",".join(f'"{c}"' for c in r) for r in [header, *done]), encoding="utf-8"
    )
    jury = read_jury_sheet(path, e)
    assert jury.label == PRACTICE_LABEL
    assert jury.criteria == _criteria_ids("2022")
    assert all(s is not None for s in jury.normalised.values())


def test_blank_jury_sheet_refuses_to_overwrite_without_force(tmp_path: Path) -> None:
    import pytest

    import bosetting as bs
    from bosetting.errors import WriteError
    from bosetting.practice import write_blank_jury

    target = tmp_path / "mal.csv"
    write_blank_jury(bs.edition(2012), target)
    before = target.read_bytes()
    with pytest.raises(WriteError, match="exists"):
        write_blank_jury(bs.edition(2022), target)
    assert target.read_bytes() == before
    write_blank_jury(bs.edition(2022), target, force=True)
    assert target.read_bytes() != before
    assert "2022-bosetting" in target.read_text(encoding="utf-8")


def test_blank_command(tmp_path: Path, capsys) -> None:
    from bosetting.cli import main

    argv = ["practice", "--edition", "2012", "--out", str(tmp_path), "--blank", "--jurors", "3"]
    assert main(argv) == 0
    out = capsys.readouterr().out
    assert "Empty jury sheet (ØVINGSDATA)" in out
    assert "2012-antall" in out
    assert "fill in a score on the scale 1–6" in out
    sheet = tmp_path / "ovingsdata-jurymal.csv"
    before = sheet.read_bytes()
    assert len(_read_rows(sheet)) == 1 + 3 * 1 * 5
    assert main(argv) == 2
    assert "exists" in capsys.readouterr().err
    assert sheet.read_bytes() == before
    assert main([*argv, "--force"]) == 0
    capsys.readouterr()
    assert main([*argv, "--seed", "1"]) == 2
    assert "--blank writes an empty jury sheet" in capsys.readouterr().err
    assert main(["practice", "--edition", "2022", "--out", str(tmp_path)]) == 2
    assert "give --seed" in capsys.readouterr().err
    # the jury alone decides 2012: the filled-in sheet is all decide needs
    rows = _read_rows(sheet)
    rows = [rows[0]] + [[*r[:4], str(2 + i % 4), *r[5:]] for i, r in enumerate(rows[1:])]
    sheet.write_text(
        "\n".join(",".join(f'"{c}"' for c in r) for r in rows) + "\n", encoding="utf-8"
    )
    assert main(["decide", "--edition", "2012", "--jury", str(sheet)]) == 0
    assert "Winner: Molde" in capsys.readouterr().out


def test_timestamps_fall_in_the_vote_window() -> None:
    from datetime import date

    import bosetting as bs
    from bosetting.practice import vote_window

    cases = {
        "2023": (date(2023, 10, 2), date(2023, 10, 11), False),  # both ends on record
        "2021": (date(2021, 11, 1), date(2021, 11, 11), False),  # opened "November 2021"
        "2019/2020": (date(2020, 3, 1), date(2020, 3, 31), False),  # both to the month
        "2018": (date(2019, 1, 12), date(2019, 2, 8), True),  # only the close
        "2022": (date(2022, 10, 20), date(2022, 11, 16), True),  # none: before the award
        "2025": (date(2025, 10, 13), date(2025, 11, 9), True),
    }
    for label, (start, end, synthetic) in cases.items():
        e = bs.edition(label)
        w = vote_window(e)
        assert (w.start, w.end, w.synthetic) == (start, end, synthetic), label
        award = e.award_when.to_date()
        assert award is None or w.end < award
        stamps = [b.timestamp for b in practice_ballots(e, 400, seed=9)]
        assert stamps == sorted(stamps)
        assert all(start.isoformat() <= s[:10] <= end.isoformat() for s in stamps), label
        assert stamps[0][:10] == start.isoformat()
        assert stamps[-1][:10] == end.isoformat()
        assert stamps == [b.timestamp for b in practice_ballots(e, 400, seed=10)]
    assert vote_window(bs.edition(2022)).award == bs.edition(2022).award_when
    assert vote_window(bs.edition(2023)).award is None
    assert vote_window(NOMS).edition is None
    assert vote_window(NOMS).synthetic


def test_timestamps_do_not_change_the_seeded_choices() -> None:
    import bosetting as bs

    e = bs.edition(2022)
    a = practice_ballots(e, 300, seed=4)
    b = practice_ballots(list(e.nominees), 300, seed=4)  # no edition: another window
    assert [(x.choice, x.voter) for x in a] == [(x.choice, x.voter) for x in b]
    assert a[5].timestamp != b[5].timestamp


def test_window_sentences_say_what_was_recorded() -> None:
    import bosetting as bs
    from bosetting.i18n import language
    from bosetting.practice import vote_window

    assert "as recorded for 2023" in vote_window(bs.edition(2023)).describe()
    month = vote_window(bs.edition("2019/2020")).describe()
    assert "opened in March 2020, closed in March 2020" in month
    assert "partly made up" in vote_window(bs.edition(2018)).describe()
    made_up = vote_window(bs.edition(2022)).describe()
    assert "not on record" in made_up
    assert "20 October 2022 to 16 November 2022" in made_up
    with language("nb"):
        nb = vote_window(bs.edition(2022)).describe()
    assert "oppdiktet" in nb
    assert "20. oktober 2022 til 16. november 2022" in nb


def test_practice_command_says_criteria_and_window_in_bokmal(tmp_path: Path, capsys) -> None:
    import bosetting as bs
    from bosetting.cli import main

    argv = ["--lang", "nb", "practice", "--edition", "2022", "--out", str(tmp_path), "--seed", "1"]
    assert main(argv) == 0
    out = capsys.readouterr().out
    assert out.startswith(
        "Øvingsdata (ØVINGSDATA, frø 1) for Bosettings- og integreringsprisen 2022:"
    )
    assert "1\u00a0000 stemmesedler" in out
    assert "5 jurymedlemmer, 5 nominerte, 4 kriterier" in out
    assert "Juryarket har kriteriene for 2022" in out
    assert ", ".join(_criteria_ids("2022")[:-1]) in out
    assert "20. oktober 2022 til 16. november 2022" in out
    assert "ballots" not in out
    assert "jury sheet" not in out
    # the files it wrote are read back, counted and decided on
    e = bs.edition(2022)
    votes, jury_path = tmp_path / "ovingsdata-stemmer.csv", tmp_path / "ovingsdata-jury.csv"
    t = tally_file(votes, e)
    assert t.total == 1000
    assert t.labels == {PRACTICE_LABEL}
    jury = read_jury_sheet(jury_path, e)
    d = bs.decide(e.rule, t, jury, public_weight=0.5)
    assert d.winner in e.nominees
    assert (
        main(
            [
                "decide",
                "--edition",
                "2022",
                "--votes",
                str(votes),
                "--jury",
                str(jury_path),
                "--public-weight",
                "0.5",
            ]
        )
        == 0
    )
    assert "Winner:" in capsys.readouterr().out


def test_refusal_of_a_jury_only_edition_is_in_the_catalogue(tmp_path: Path) -> None:
    import pytest

    import bosetting as bs
    from bosetting.errors import ArgumentError
    from bosetting.i18n import language

    with pytest.raises(ArgumentError) as info, language("nb"):
        write_practice(bs.edition(2012), tmp_path, seed=1, n=5, force=True)
    with language("nb"):
        assert "hadde ingen publikumsavstemning" in str(info.value)
        assert "--blank" in str(info.value)
    assert list(tmp_path.iterdir()) == []


def test_written_practice_files_unpack_and_describe(tmp_path: Path) -> None:
    import bosetting as bs

    files = write_practice(bs.edition(2023), tmp_path, seed=1, n=20, jurors=2)
    votes, jury = files
    assert (votes, jury) == (files.votes, files.jury)
    assert files.ballots == 20
    assert files.jurors == 2
    assert not files.blank
    assert len(read_jury_sheet(jury, bs.edition(2023)).jurors) == 2
    text = files.describe()
    assert "20 ballots" in text
    assert "2 jurors, 6 nominees, 6 criteria" in text
    assert "2 October 2023 to 11 October 2023" in text


def test_timestamp_stays_in_its_window_and_in_order() -> None:
    from datetime import date, timedelta

    from hypothesis import given
    from hypothesis import strategies as st

    from bosetting.practice import VoteWindow

    @given(
        st.dates(date(2008, 1, 1), date(2030, 1, 1)),
        st.integers(0, 60),
        st.integers(1, 2_000_000),
        st.data(),
    )
    def check(start: date, extra: int, n: int, data: st.DataObject) -> None:
        w = VoteWindow(start, start + timedelta(days=extra))
        i = data.draw(st.integers(0, n - 1))
        stamp = w.timestamp(i, n)
        assert start.isoformat() <= stamp[:10] <= w.end.isoformat()
        if i + 1 < n:
            assert stamp <= w.timestamp(i + 1, n)

    check()


def test_excel_files_open_in_columns_and_read_back(tmp_path: Path, capsys) -> None:
    """--excel in bokmål: ``;`` and a byte-order mark (Excel set up for Norway); the readers take both."""
    import bosetting as bs
    from bosetting.cli import main
    from bosetting.decision import decide

    e = bs.edition(2022)
    practice = ["practice", "--edition", "2022", "--out", str(tmp_path), "--seed", "2", "--excel"]
    assert main(["--lang", "nb", *practice]) == 0
    votes, jury = tmp_path / "ovingsdata-stemmer.csv", tmp_path / "ovingsdata-jury.csv"
    for path in (votes, jury):
        raw = path.read_bytes()
        assert raw.startswith("\ufeff".encode())
        assert b'";"' in raw.splitlines()[0]
        assert b'","' not in raw.splitlines()[0]
    plain = tmp_path / "plain"
    write_practice(e, plain, seed=2)
    t = tally_file(votes, e)
    assert t.counts == tally_file(plain / "ovingsdata-stemmer.csv", e).counts
    sheet = read_jury_sheet(jury, e)
    assert sheet.scores == read_jury_sheet(plain / "ovingsdata-jury.csv", e).scores
    assert decide(e.rule, t, sheet, public_weight=0.5).winner in e.nominees
    # A blank sheet filled in and saved by Excel (cp1252, ";" and a decimal comma) reads back.
    blank_argv = ["practice", "--edition", "2022", "--out", str(tmp_path), "--blank", "--excel"]
    assert main(["--lang", "nb", *blank_argv]) == 0
    blank = (tmp_path / "ovingsdata-jurymal.csv").read_text(encoding="utf-8-sig").splitlines()
    filled = [blank[0]] + [
        row.replace('"";"ØVINGSDATA"', '"4,5";"ØVINGSDATA"') for row in blank[1:]
    ]
    saved = tmp_path / "utfylt.csv"
    saved.write_bytes(("\r\n".join(filled) + "\r\n").encode("cp1252"))
    scores = read_jury_sheet(saved, e).scores
    assert len(scores) == len(blank) - 1
    assert {str(s.score) for s in scores} == {"9/2"}
    capsys.readouterr()


@pytest.mark.parametrize(("lang", "separator"), [("nb", ";"), ("en", ",")])
def test_excel_means_the_same_for_practice_files_and_command_output(
    tmp_path: Path, capsys, lang: str, separator: str
) -> None:
    """One meaning of --excel: a byte-order mark, and the language's separator, for every CSV."""
    from bosetting.cli import main

    argv = ["--lang", lang, "practice", "--edition", "2022", "--out", str(tmp_path), "--blank"]
    assert main([*argv, "--excel"]) == 0
    sheet = (tmp_path / "ovingsdata-jurymal.csv").read_text(encoding="utf-8")
    capsys.readouterr()
    assert main(["--lang", lang, "history", "--format", "csv", "--excel"]) == 0
    output = capsys.readouterr().out
    for text in (sheet, output):
        assert text.startswith("\ufeff")
        assert text.splitlines()[0][1:].split(separator)[0] in (
            '"jurymedlem"',
            '"edition"',
            '"utgave"',
        )
