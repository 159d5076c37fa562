"""SPEC §10.4, P-ANGKA-KREDIT (Peraturan BKN 3/2023; PermenPANRB 1/2023): the angka kredit of a
predikat over m months is percent × the jenjang's yearly coefficient × m/12, for every predikat
and every jenjang of the national pack."""

from __future__ import annotations

import datetime as dt
from decimal import ROUND_HALF_UP, Decimal

import pytest

from sikerja.regulations.credit import credit_of, months_covered
from sikerja.regulations.loader import load_pack
from sikerja.regulations.schema.credit import CreditConversion
from sikerja.regulations.schema.performance import Predikat

PERCENT = {
    "SANGAT_BAIK": Decimal("1.5"),
    "BAIK": Decimal(1),
    "BUTUH_PERBAIKAN": Decimal("0.75"),
    "KURANG": Decimal("0.5"),
    "SANGAT_KURANG": Decimal("0.25"),
}
COEFFICIENT = {
    "AHLI_UTAMA": Decimal(50),
    "AHLI_MADYA": Decimal("37.5"),
    "AHLI_MUDA": Decimal(25),
    "AHLI_PERTAMA": Decimal("12.5"),
    "PENYELIA": Decimal(25),
    "MAHIR": Decimal("12.5"),
    "TERAMPIL": Decimal(5),
    "PEMULA": Decimal("3.75"),
}
# Hand-computed yearly credits (12 months): the table the pack must reproduce.
YEARLY = {
    ("SANGAT_BAIK", "AHLI_UTAMA"): "75.000",
    ("SANGAT_BAIK", "AHLI_MADYA"): "56.250",
    ("SANGAT_BAIK", "AHLI_MUDA"): "37.500",
    ("SANGAT_BAIK", "AHLI_PERTAMA"): "18.750",
    ("SANGAT_BAIK", "PENYELIA"): "37.500",
    ("SANGAT_BAIK", "MAHIR"): "18.750",
    ("SANGAT_BAIK", "TERAMPIL"): "7.500",
    ("SANGAT_BAIK", "PEMULA"): "5.625",
    ("BAIK", "AHLI_UTAMA"): "50.000",
    ("BAIK", "AHLI_MADYA"): "37.500",
    ("BAIK", "AHLI_MUDA"): "25.000",
    ("BAIK", "AHLI_PERTAMA"): "12.500",
    ("BAIK", "PENYELIA"): "25.000",
    ("BAIK", "MAHIR"): "12.500",
    ("BAIK", "TERAMPIL"): "5.000",
    ("BAIK", "PEMULA"): "3.750",
    ("BUTUH_PERBAIKAN", "AHLI_UTAMA"): "37.500",
    ("BUTUH_PERBAIKAN", "AHLI_MADYA"): "28.125",
    ("BUTUH_PERBAIKAN", "AHLI_MUDA"): "18.750",
    ("BUTUH_PERBAIKAN", "AHLI_PERTAMA"): "9.375",
    ("BUTUH_PERBAIKAN", "PENYELIA"): "18.750",
    ("BUTUH_PERBAIKAN", "MAHIR"): "9.375",
    ("BUTUH_PERBAIKAN", "TERAMPIL"): "3.750",
    ("BUTUH_PERBAIKAN", "PEMULA"): "2.813",
    ("KURANG", "AHLI_UTAMA"): "25.000",
    ("KURANG", "AHLI_MADYA"): "18.750",
    ("KURANG", "AHLI_MUDA"): "12.500",
    ("KURANG", "AHLI_PERTAMA"): "6.250",
    ("KURANG", "PENYELIA"): "12.500",
    ("KURANG", "MAHIR"): "6.250",
    ("KURANG", "TERAMPIL"): "2.500",
    ("KURANG", "PEMULA"): "1.875",
    ("SANGAT_KURANG", "AHLI_UTAMA"): "12.500",
    ("SANGAT_KURANG", "AHLI_MADYA"): "9.375",
    ("SANGAT_KURANG", "AHLI_MUDA"): "6.250",
    ("SANGAT_KURANG", "AHLI_PERTAMA"): "3.125",
    ("SANGAT_KURANG", "PENYELIA"): "6.250",
    ("SANGAT_KURANG", "MAHIR"): "3.125",
    ("SANGAT_KURANG", "TERAMPIL"): "1.250",
    ("SANGAT_KURANG", "PEMULA"): "0.938",
}


def _params() -> CreditConversion:
    return load_pack("national").rule_params("P-ANGKA-KREDIT", CreditConversion)


def test_p_angka_kredit_cites_peraturan_bkn_3_2023_and_permenpanrb_1_2023():
    citation = load_pack("national").cite_rule("P-ANGKA-KREDIT")

    assert "Peraturan BKN 3/2023" in citation
    assert "PermenPANRB 1/2023" in citation


def test_p_angka_kredit_the_pack_states_the_percentages_and_coefficients_of_spec_10_4():
    params = _params()

    assert {p.value: v / 100 for p, v in params.percent.items()} == PERCENT
    assert {g.value: v for g, v in params.coefficients.items()} == COEFFICIENT
    assert params.prorate_months_of == 12


@pytest.mark.parametrize(("predikat", "grade"), sorted(YEARLY))
def test_p_angka_kredit_yearly_credit_of_every_predikat_and_jenjang(predikat, grade):
    credit = credit_of(_params(), predikat=Predikat(predikat), grade=grade, months=12)

    assert credit == Decimal(YEARLY[predikat, grade])
    assert credit == (PERCENT[predikat] * COEFFICIENT[grade]).quantize(
        Decimal("0.001"), rounding=ROUND_HALF_UP
    )


@pytest.mark.parametrize(("predikat", "grade"), sorted(YEARLY))
@pytest.mark.parametrize("months", [1, 3, 6, 7])
def test_p_angka_kredit_a_period_of_m_months_counts_m_twelfths(predikat, grade, months):
    credit = credit_of(_params(), predikat=Predikat(predikat), grade=grade, months=months)

    exact = PERCENT[predikat] * COEFFICIENT[grade] * months / 12
    assert credit == exact.quantize(Decimal("0.001"), rounding=ROUND_HALF_UP)


@pytest.mark.parametrize("grade", ["", "JPT_PRATAMA", "ADMINISTRATOR"])
def test_p_angka_kredit_a_position_without_a_jf_grade_earns_none(grade):
    assert credit_of(_params(), predikat=Predikat.BAIK, grade=grade, months=12) is None


@pytest.mark.parametrize(
    ("start", "end", "months"),
    [
        (dt.date(2026, 1, 1), dt.date(2026, 12, 31), 12),
        (dt.date(2026, 1, 1), dt.date(2026, 3, 31), 3),
        (dt.date(2026, 7, 15), dt.date(2026, 12, 31), 6),
        (dt.date(2026, 3, 31), dt.date(2026, 3, 1), 0),
    ],
)
def test_months_covered_counts_calendar_months_first_and_last_included(start, end, months):
    assert months_covered(start, end) == months
