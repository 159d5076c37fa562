"""Perwali Surakarta 32/2023: placement tables of Lampiran III (T-KEDUDUKAN) and grade rules."""

from __future__ import annotations

import pytest

PACK = "surakarta-2023"


@pytest.fixture
def surakarta(pack):
    return pack(PACK)


def _table(loaded, table_id):
    return next(table for table in loaded.data.placement.tables if table.id == table_id)


def _rows(loaded, table_id):
    return [(row.appraiser, row.appraisees) for row in _table(loaded, table_id).rows]


def test_t_kedudukan_lampiran_iii_has_the_twelve_typologies(surakarta):
    assert [table.id for table in surakarta.data.placement.tables] == [
        "SKA-SETDA",
        "SKA-INSP",
        "SKA-DINAS2",
        "SKA-DINAS1",
        "SKA-SETWAN",
        "SKA-3LEVEL",
        "SKA-BPBD",
        "SKA-KEC",
        "SKA-RSUD",
        "SKA-PKM",
        "SKA-UPTD",
        "SKA-SATDIK",
    ]


def test_lampiran_iii_c_tabel_7_1_dinas_badan(surakarta):
    assert _rows(surakarta, "SKA-DINAS2") == [
        (("ROOT",), ("SEKRETARIAT", "BIDANG", "UPTD", "JFK:AHLI_MADYA", "JFK:AHLI_UTAMA")),
        (("SEKRETARIAT",), ("SUBBAGIAN", "JFT:*", "JFK:AHLI_PERTAMA", "JFK:AHLI_MUDA", "PLK")),
        (("BIDANG",), ("JFT:*", "JFK:AHLI_PERTAMA", "JFK:AHLI_MUDA", "PLK")),
        (("SUBBAGIAN", "SUBBIDANG"), ("PLK",)),
    ]
    assert surakarta.cite(_table(surakarta, "SKA-DINAS2").citation) == (
        "Perwali Surakarta 32/2023 Lampiran III.c (Tabel 7.1)"
    )


def test_lampiran_iii_a_setda_asisten_appraises_kepala_bagian_and_jf_madya(surakarta):
    assert _rows(surakarta, "SKA-SETDA")[:2] == [
        (("ROOT",), ("ASISTEN",)),
        (("ASISTEN",), ("BAGIAN", "JFK:AHLI_MADYA")),
    ]


def test_lampiran_iii_f_tabel_7_5_kepala_bidang_row_lists_no_pelaksana(surakarta):
    assert _rows(surakarta, "SKA-3LEVEL")[2] == (
        ("BIDANG",),
        ("SUBBIDANG", "SEKSI", "JFT:*", "JFK:AHLI_PERTAMA", "JFK:AHLI_MUDA"),
    )


def test_lampiran_iii_g_tabel_7_6_bpbd_led_by_administrator(surakarta):
    assert _rows(surakarta, "SKA-BPBD") == [
        (("ROOT",), ("SEKRETARIAT", "SEKSI", "JFT:*")),
        (("SEKRETARIAT",), ("PLK",)),
        (("SEKSI",), ("PLK",)),
    ]


def test_lampiran_iii_h_tabel_7_7_camat_appraises_lurah_and_lurah_his_officials(surakarta):
    table = _table(surakarta, "SKA-KEC")

    assert table.agency_types == ("KECAMATAN", "KELURAHAN")
    assert _rows(surakarta, "SKA-KEC")[0] == (("ROOT",), ("SEKRETARIAT", "SEKSI", "KELURAHAN"))
    assert _rows(surakarta, "SKA-KEC")[4] == (("KELURAHAN",), ("SEKRETARIAT", "SEKSI"))


@pytest.mark.parametrize(
    ("table_id", "agency_types", "first_row"),
    [
        pytest.param(
            "SKA-PKM",
            ("PUSKESMAS",),
            (("PUSKESMAS",), ("SUBBAGIAN", "JFK:*", "JFT:*")),
            id="puskesmas_case",
        ),
        pytest.param(
            "SKA-UPTD",
            ("UPTD",),
            (("UPTD",), ("SUBBAGIAN", "JFK:AHLI_PERTAMA", "JFK:AHLI_MUDA", "JFT:*")),
            id="uptd_case",
        ),
        pytest.param(
            "SKA-SATDIK",
            ("SATDIK", "SPNF"),
            (("SATDIK",), ("JFK:*", "JFT:*", "PLK")),
            id="satdik_case",
        ),
    ],
)
def test_lampiran_iii_j_to_l_work_units_are_matched_by_their_own_type(
    surakarta, table_id, agency_types, first_row
):
    assert _table(surakarta, table_id).agency_types == agency_types
    assert _rows(surakarta, table_id)[0] == first_row


def test_lampiran_iii_l_tabel_7_10_kepala_spnf_appraises_jf_keahlian_and_pelaksana(surakarta):
    assert _rows(surakarta, "SKA-SATDIK")[1] == (("SPNF",), ("JFK:*", "PLK"))


def test_default_tables_by_agency_type(surakarta):
    assert dict(surakarta.data.placement.default_tables) == {
        "SETDA": "SKA-SETDA",
        "INSPEKTORAT": "SKA-INSP",
        "DINAS": "SKA-DINAS2",
        "BADAN": "SKA-DINAS2",
        "SETWAN": "SKA-SETWAN",
        "BPBD": "SKA-BPBD",
        "KECAMATAN": "SKA-KEC",
        "RSUD": "SKA-RSUD",
        "SATUAN": "SKA-3LEVEL",
    }


def test_v40_lampiran_iii_2_1_grade_rules(surakarta):
    rules = [
        (g.appraisees, g.superior_kinds, surakarta.cite(g.citation))
        for g in surakarta.data.placement.grade_rules
    ]

    assert rules[:2] == [
        (
            ("JFK:AHLI_UTAMA", "JFK:AHLI_MADYA"),
            ("JPT_PRATAMA",),
            "Perwali Surakarta 32/2023 Lampiran III 2.1 huruf a",
        ),
        (
            ("JFK:AHLI_MUDA", "JFK:AHLI_PERTAMA"),
            ("ADMINISTRATOR",),
            "Perwali Surakarta 32/2023 Lampiran III 2.1 huruf b",
        ),
    ]


def test_g32_pasal_12_ayat_1_appraiser_may_be_a_jf_heading_an_independent_unit(surakarta):
    placement = surakarta.data.placement

    assert placement.generic_superior_kinds == (
        "JPT_PRATAMA",
        "ADMINISTRATOR",
        "PENGAWAS",
        "FUNGSIONAL",
    )
    assert surakarta.cite(placement.generic_citation) == (
        "Perwali Surakarta 32/2023 Pasal 12 ayat (1) dan ayat (2)"
    )


def test_pasal_1_angka_8_and_27_unit_head_and_owner_are_the_work_unit_head(surakarta):
    roles = surakarta.data.roles

    assert (roles.unit_head.scope, roles.performance_owner.scope) == ("work_unit", "work_unit")
    assert surakarta.cite(roles.performance_owner.citation) == (
        "Perwali Surakarta 32/2023 Pasal 1 angka 23"
    )


def test_pasal_23_ayat_3_and_4_responsibility_lists_are_swapped(surakarta):
    items = surakarta.parameters.responsibility_items

    assert surakarta.parameters.responsibility_lists == {
        "unit_head": "S",
        "appraiser": "O",
        "pengendali": "P1-P5",
    }
    assert items["unit_head"][0] == "menyusun dan menetapkan roadmap dan rencana kerja organisasi"
    assert items["appraiser"][0] == "menyusun dan menetapkan rencana kegiatan"


def test_v04_pasal_15_ayat_5_lead_must_come_from_the_owner_unit(surakarta):
    rule = surakarta.rule("V-04")

    assert rule.strength == "MUST"
    assert rule.params["outsider_via"] == "mutasi"


def test_v13_pasal_27_ayat_2_vacancy_deadline_months(surakarta):
    assert surakarta.rule("V-13").params["deadline_months"] == [1, 4, 7, 10]
    assert surakarta.parameters.vacancy_deadline_months == (1, 4, 7, 10)
