from __future__ import annotations

import pytest

import bosetting as bs
from bosetting.errors import (
    AmbiguousMunicipality,
    AmbiguousSuccession,
    MunicipalityNotFound,
    ValidationError,
)
from bosetting.register import changes, lineage, succession


@pytest.mark.parametrize(
    ("years", "count"),
    [
        (range(2008, 2012), 430),
        ([2012], 429),
        (range(2013, 2017), 428),
        ([2017], 426),
        (range(2018, 2020), 422),
        (range(2020, 2024), 356),
        (range(2024, 2026), 357),
    ],
)
def test_register_counts(years: range, count: int) -> None:
    for year in years:
        assert len(bs.municipalities(year)) == count, year


def test_codes_unique_within_a_year() -> None:
    for year in range(2008, 2026):
        codes = [m.code for m in bs.municipalities(year)]
        assert len(codes) == len(set(codes))


def test_names_unique_within_a_year() -> None:
    for year in range(2008, 2026):
        names = [m.name for m in bs.municipalities(year)]
        assert len(names) == len(set(names)), year


class TestLookup:
    def test_kinn(self) -> None:
        assert bs.municipality("Kinn").code == "4602"

    def test_flora(self) -> None:
        flora = bs.municipality("1401", year=2019)
        assert flora.name == "Flora"
        assert bs.current(flora) == bs.municipality("Kinn")

    def test_tromso_over_time(self) -> None:
        assert bs.municipality("Tromsø", year=2019).code == "1902"
        assert bs.municipality("Tromsø", year=2020).code == "5401"
        assert bs.municipality("Tromsø", year=2025).code == "5501"
        assert [m.code for m in lineage(bs.municipality("Tromsø"))] == ["1902", "5401", "5501"]

    def test_oslo(self) -> None:
        assert bs.municipality("Oslo").code == "0301"

    @pytest.mark.parametrize("name", ["levanger", "LEVANGER", "Levanger - Levangke", "Levangke"])
    def test_double_names(self, name: str) -> None:
        assert bs.municipality(name).code == "5037"

    def test_aeoeaa_exact(self) -> None:
        assert bs.municipality("bærum").code == "3201"
        with pytest.raises(MunicipalityNotFound, match="mente du: Bærum"):
            bs.municipality("Baerum")

    def test_unknown_name_lists_close_matches(self) -> None:
        with pytest.raises(MunicipalityNotFound) as info:
            bs.municipality("Tromso")
        assert "Tromsø" in str(info.value)
        assert info.value.value == "Tromso"

    def test_name_from_another_year(self) -> None:
        with pytest.raises(MunicipalityNotFound, match=r"Flora \(1401, 1977-2019\)"):
            bs.municipality("Flora")

    @pytest.mark.parametrize("code", ["301", "03011", "12"])
    def test_malformed_code(self, code: str) -> None:
        with pytest.raises(ValidationError, match="fire sifre") as info:
            bs.municipality(code)
        assert info.value.value == code

    def test_abcd(self) -> None:
        with pytest.raises(MunicipalityNotFound, match=r"«abcd».*fire sifre"):
            bs.municipality("abcd")

    @pytest.mark.parametrize("year", [2007, 2026, 1990])
    def test_year_outside_register(self, year: int) -> None:
        with pytest.raises(ValidationError, match="2008–2025") as info:
            bs.municipality("Oslo", year=year)
        assert info.value.value == year

    def test_code_out_of_force(self) -> None:
        with pytest.raises(MunicipalityNotFound, match="ikke i bruk i 2025"):
            bs.municipality("1902")

    def test_ambiguous_name(self) -> None:
        with pytest.raises(AmbiguousMunicipality, match="Våler"):
            bs.municipality("Våler")
        assert bs.municipality("Våler (Østfold)").code == "3114"


class TestCrosswalk:
    def test_merger(self) -> None:
        kinn = bs.municipality("Kinn")
        assert sorted(p.name for p in bs.predecessors(kinn)) == ["Flora", "Vågsøy"]
        assert bs.successors(bs.municipality("Vågsøy", 2019)) == (kinn,)

    def test_skedsmo_to_lillestrom(self) -> None:
        assert bs.current(bs.municipality("Skedsmo", 2015)).code == "3205"

    def test_tysfjord_split_is_ambiguous(self) -> None:
        tysfjord = bs.municipality("Tysfjord", 2019)
        s = succession(tysfjord)
        assert s.ambiguous
        assert sorted(c.code for c in s.candidates) == ["1806", "1875"]
        with pytest.raises(AmbiguousSuccession, match="Narvik"):
            bs.current(tysfjord)

    @pytest.mark.parametrize(
        ("name", "year"), [("Haram", 2019), ("Ålesund", 2019), ("Ålesund", 2023)]
    )
    def test_alesund_haram_reversal_is_ambiguous(self, name: str, year: int) -> None:
        with pytest.raises(AmbiguousSuccession, match="Haram") as info:
            bs.current(bs.municipality(name, year))
        assert "reversert" in str(info.value)

    def test_stokke_split(self) -> None:
        s = succession(bs.municipality("Stokke", 2016))
        assert {c.name for c in s.candidates} == {"Tønsberg", "Sandefjord"}

    def test_same_code_absorbs(self) -> None:
        stavanger = bs.municipality("Stavanger")
        assert {p.name for p in bs.predecessors(stavanger)} == {"Finnøy", "Rennesøy"}

    def test_every_2019_municipality_reaches_2025(self) -> None:
        for m in bs.municipalities(2019):
            assert succession(m).candidates, m

    def test_current_of_current_is_itself(self) -> None:
        for m in bs.municipalities(2025):
            assert bs.current(m) == m

    def test_changes_loaded_except_into_2008(self) -> None:
        from bosetting.data import read_rows

        rows = read_rows("municipality_changes")
        later = [r for r in rows if r["date"].year > 2008]
        assert len(changes()) == len(later)
        assert len(rows) - len(later) == 2  # 1503 Kristiansund and 1556 Frei into 1505

    def test_change_kinds(self) -> None:
        kinds = {c.kind.value for c in changes(2024) if c.old.code == "1507"}
        assert kinds == {"split"}


def test_non_ascii_digits_are_not_a_code() -> None:
    with pytest.raises(MunicipalityNotFound):
        bs.municipality("\u0660\u0663\u0660\u0661")
