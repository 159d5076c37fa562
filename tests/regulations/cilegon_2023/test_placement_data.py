"""Perwali Cilegon 17/2023: generic placement (Pasal 4), roles, and cross-agency teams."""

from __future__ import annotations

import pytest

PACK = "cilegon-2023"


@pytest.fixture
def cilegon(pack):
    return pack(PACK)


def test_pasal_4_ayat_1_generic_placement_without_tables(cilegon):
    placement = cilegon.data.placement

    assert (placement.mode, placement.tables, placement.grade_rules) == ("generic", (), ())
    assert placement.generic_superior_kinds == ("JPT_PRATAMA", "ADMINISTRATOR", "PENGAWAS")
    assert cilegon.cite(placement.generic_citation) == "Perwali Cilegon 17/2023 Pasal 4 ayat (1)"


def test_lampiran_a_delegation_based_on_assignment(cilegon):
    role = cilegon.data.roles.delegation

    assert (role.rule, role.scope) == ("G32", "delegation")
    assert cilegon.cite(role.citation) == "Perwali Cilegon 17/2023 Lampiran A"
    assert cilegon.rule("G32").params["delegation_basis"] == "penugasan"


def test_g49_lampiran_b_1_c_authorised_official_of_the_agency(cilegon):
    role = cilegon.data.roles.authorized_official

    assert (role.rule, role.scope) == ("G49", "agency")
    assert cilegon.cite(role.citation) == "Perwali Cilegon 17/2023 Lampiran B.1.c"


def test_v35_pasal_8_ayat_3_cross_unit_and_cross_agency_work_preferably_in_a_team(cilegon):
    rule = cilegon.rule("V-35")

    assert rule.strength == "PREFERRED"
    assert rule.params == {
        "scopes": ["CROSS_UNIT", "CROSS_PD", "CROSS_INSTANSI"],
        "mode": "TEAM",
        "kinds": ["APPOINTMENT"],
    }


def test_v20_pasal_9_ayat_2_cross_agency_team_by_keputusan_wali_kota(cilegon):
    assert cilegon.cite_rule("V-20") == "Perwali Cilegon 17/2023 Pasal 9 ayat (2)"
    assert cilegon.parameters.team_decree == {
        "WITHIN_UNIT": "owner_unit_head",
        "CROSS_UNIT": "owner_unit_head",
        "CROSS_INSTANSI": "walikota",
    }


def test_v01_lampiran_b_1_request_fields(cilegon):
    assert cilegon.rule("V-01").params["fields"] == [
        "purpose",
        "competencies",
        "expected_target",
        "duration",
    ]


def test_v63_pasal_14_ayat_2_shared_and_special_apps(cilegon):
    assert cilegon.rule("V-63").params == {
        "apps": ["SHARED_GENERAL", "SPECIAL"],
        "ensured_by": "unit_head",
    }
