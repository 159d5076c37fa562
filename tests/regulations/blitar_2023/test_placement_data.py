"""Perwali Blitar 6/2023: mechanisms (T-BLITAR-MEKANISME), delegation by grade (V-41), PPPK."""

from __future__ import annotations

import pytest

from sikerja.regulations.schema.rules import DelegationByGrade, PppkPositions
from tests.regulations.conftest import REGIONAL

PACK = "blitar-2023"


@pytest.fixture
def blitar(pack):
    return pack(PACK)


def test_t_blitar_mekanisme_lampiran_b_five_mechanisms(blitar):
    tables = {table.id: table.agency_types for table in blitar.data.placement.tables}

    assert tables == {
        "BLT-M1-PTP": (
            "DINAS",
            "BADAN",
            "SETWAN",
            "INSPEKTORAT",
            "BPBD",
            "SATUAN",
            "KESBANGPOL",
            "RSUD",
        ),
        "BLT-M2-ADM": ("KECAMATAN",),
        "BLT-M3-PGW": ("KELURAHAN", "UPTD"),
        "BLT-M4-JF": ("SATDIK", "PUSKESMAS"),
        "BLT-M5-SETDA": ("SETDA",),
    }


def test_lampiran_b_mekanisme_1_administrator_appraises_jf_muda_and_below(blitar):
    table = next(t for t in blitar.data.placement.tables if t.id == "BLT-M1-PTP")

    assert [(row.appraiser, row.appraisees) for row in table.rows] == [
        (("ROOT",), ("BIDANG", "SEKRETARIAT", "BAGIAN", "JFK:AHLI_UTAMA", "JFK:AHLI_MADYA")),
        (
            ("BIDANG", "BAGIAN", "SEKRETARIAT"),
            (
                "JFK:AHLI_MUDA",
                "JFK:AHLI_PERTAMA",
                "JFT:*",
                "PLK",
                "SUBBIDANG",
                "SEKSI",
                "SUBBAGIAN",
            ),
        ),
        (("SUBBIDANG", "SEKSI", "SUBBAGIAN"), ("JFK:AHLI_PERTAMA", "JFT:*", "PLK")),
    ]


def test_lampiran_b_mekanisme_5_setda_level_3_appraiser(blitar):
    table = next(t for t in blitar.data.placement.tables if t.id == "BLT-M5-SETDA")

    assert table.rows[-1].appraiser == ("BAGIAN", "BIRO")
    assert blitar.rule("T-BLITAR-MEKANISME").params["mechanisms"]["BLT-M5-SETDA"][
        "review_chain"
    ] == ["BAGIAN", "ASISTEN", "sekda"]


def test_v41_pasal_17_ayat_2_grade_rules(blitar):
    rules = [
        (
            g.appraisees,
            g.superior_kinds,
            g.requires_delegation,
            g.one_level_up,
            blitar.cite(g.citation),
        )
        for g in blitar.data.placement.grade_rules
    ]

    assert rules == [
        (
            ("JFK:AHLI_UTAMA", "JFK:AHLI_MADYA"),
            ("JPT_PRATAMA",),
            False,
            False,
            "Perwali Blitar 6/2023 Pasal 14 ayat (2) dan Pasal 17 ayat (2)",
        ),
        (
            ("JFK:AHLI_MUDA",),
            ("JPT_PRATAMA", "ADMINISTRATOR"),
            True,
            False,
            "Perwali Blitar 6/2023 Pasal 17 ayat (2)",
        ),
        (
            ("JFK:AHLI_PERTAMA", "JFT:*"),
            ("JPT_PRATAMA", "ADMINISTRATOR", "PENGAWAS"),
            True,
            False,
            "Perwali Blitar 6/2023 Pasal 17 ayat (2)",
        ),
        (("PLK",), ("PENGAWAS",), False, True, "Perwali Blitar 6/2023 Pasal 17 ayat (3)"),
        (("PLK",), ("JPT_PRATAMA",), False, False, "Perwali Blitar 6/2023 Pasal 17 ayat (3)"),
    ]
    assert blitar.data.placement.grade_rules[-1].unless_unit_has == ("ADMINISTRATOR", "PENGAWAS")


def test_v41_pasal_17_delegation_params(blitar):
    params = blitar.rule_params("V-41", DelegationByGrade)

    assert {grade: sorted(rule.admitted_kinds()) for grade, rule in params.delegable.items()} == {
        "AHLI_MUDA": ["ADMINISTRATOR"],
        "AHLI_PERTAMA": ["ADMINISTRATOR", "PENGAWAS"],
        "PENYELIA": ["ADMINISTRATOR", "PENGAWAS"],
        "MAHIR": ["ADMINISTRATOR", "PENGAWAS"],
        "TERAMPIL": ["ADMINISTRATOR", "PENGAWAS"],
        "PEMULA": ["ADMINISTRATOR", "PENGAWAS"],
    }
    assert blitar.cite(params.delegable["AHLI_MUDA"].citation) == (
        "Perwali Blitar 6/2023 Pasal 17 ayat (2)"
    )
    assert params.not_delegable == ("AHLI_UTAMA", "AHLI_MADYA")
    assert blitar.data.roles.delegation.rule == "V-41"


def test_v47_pasal_15_ayat_1_pppk_only_jf_or_jpt_pratama_in_blitar(pack):
    strengths = {pack_id: pack(pack_id).rule("V-47").strength for pack_id in REGIONAL}

    assert strengths == {
        "kotim-2023": "SILENT",
        "blitar-2023": "MUST",
        "surakarta-2023": "SILENT",
        "cilegon-2023": "SILENT",
        "barut-2024": "SILENT",
    }
    assert pack(PACK).rule_params("V-47", PppkPositions).allowed_kinds == (
        "FUNGSIONAL",
        "JPT_PRATAMA",
    )


def test_v48_pasal_1_angka_15_jpt_madya_may_head_a_unit_only_in_blitar(pack):
    allowed = {
        pack_id: pack(pack_id).rule("V-48").params["jpt_madya_may_head_unit"]
        for pack_id in REGIONAL
    }
    kinds = {pack_id: pack(pack_id).data.placement.unit_head_kinds for pack_id in REGIONAL}

    assert allowed == {
        "kotim-2023": False,
        "blitar-2023": True,
        "surakarta-2023": False,
        "cilegon-2023": False,
        "barut-2024": False,
    }
    assert [pack_id for pack_id, listed in kinds.items() if "JPT_MADYA" in listed] == [PACK]


def test_v39_pasal_15_ayat_2_staffing_authority_sets_pppk_placement(blitar):
    assert blitar.rule("V-39").params == {
        "decision_required": True,
        "set_by": "staffing_authority",
        "applies_to": ["PPPK"],
    }


def test_pasal_21_ayat_1_team_lead_appointment_by_pattern(blitar):
    assert blitar.rule("V-32").params["appointer_by_pattern"] == {
        "INTERNAL": "unit_head",
        "INTER_SECTION": "unit_head",
        "CROSS_PD": "sekda",
        "CROSS_REGION": "kepala_daerah",
    }
