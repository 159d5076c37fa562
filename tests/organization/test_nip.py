"""NIP parsing (pure, no database)."""

from __future__ import annotations

import datetime as dt

import pytest

from sikerja.organization.nip import InvalidNip, format_nip, mask_nip, parse_nip


def test_a_pns_nip_gives_birth_date_tmt_gender_and_sequence():
    parsed = parse_nip("198503152010031002")

    assert parsed.birth_date == dt.date(1985, 3, 15)
    assert (parsed.tmt_year, parsed.tmt_month) == (2010, 3)
    assert parsed.is_pppk is False
    assert parsed.gender == "L"
    assert parsed.sequence == 2


def test_a_pppk_nip_carries_21_in_place_of_the_tmt_month():
    parsed = parse_nip("199103152022212001")

    assert parsed.is_pppk is True
    assert parsed.tmt_month is None
    assert parsed.gender == "P"


@pytest.mark.parametrize(
    ("nip", "reason"),
    [
        ("19850315201003100", "NIP harus 18 digit angka (diterima 17 karakter)."),
        ("19850315201003100X", "NIP harus 18 digit angka (diterima 18 karakter)."),
        ("198502302010031002", "Digit 1–8 NIP (19850230) bukan tanggal lahir yang sah."),
        (
            "198503152010131002",
            "Digit 13–14 NIP (13) bukan bulan TMT yang sah (01–12, atau 21 untuk PPPK).",
        ),
        (
            "198503152000031002",
            "TMT pada NIP (2000) kurang dari 18 tahun setelah tahun lahir (1985).",
        ),
        ("198503152010033002", "Digit 15 NIP (3) harus 1 (laki-laki) atau 2 (perempuan)."),
        ("198503152010031000", "Nomor urut pada NIP (digit 16–18) tidak boleh 000."),
    ],
)
def test_a_bad_nip_is_refused_with_its_reason(nip, reason):
    with pytest.raises(InvalidNip) as refused:
        parse_nip(nip)

    assert str(refused.value) == reason


def test_nips_are_formatted_for_letters_and_masked_for_lists():
    assert format_nip("198503152010031002") == "19850315 201003 1 002"
    assert mask_nip("198503152010031002") == "1985********03*002"
