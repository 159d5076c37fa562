"""Perbup Kotim 51/2023 Lampiran II.B.1, SPEC T-KEDUDUKAN (3.4.2 as revised): in pattern A,
the BPBD and the Badan Kesbangpol JF and Pelaksana sit under the Kepala Bidang only; a placement
under the Sekretaris is refused citing the pattern, with no fall-through to Pasal 7."""

from __future__ import annotations

import pytest

from sikerja.organization.models import Position
from tests.organization.builders import add_agency, build_org
from tests.regulations.refusals import cited, imported_position_refusal, position_refusal

PACK = "kotim-2023"
PERBUP = "Perbup Kotim 51/2023"


@pytest.fixture
def org():
    """A Dinas with the perhubungan affair (pattern A): Sekretariat, Bidang with a Sub Bidang."""
    return build_org(PACK, affairs=["perhubungan"])


def _sekretariat_of(org, code: str, name: str, agency_type: str, affair: str) -> str:
    """A Badan (root and Bidang from the builder) with a Sekretariat headed by a Sekretaris."""
    add_agency(org, code, name, agency_type, affairs=[affair])
    key = f"{code}.sekretariat"
    org.unit(key, f"{code}.root", f"Sekretariat {name}", "SEKRETARIAT", "ADMINISTRATOR")
    return key


@pytest.mark.django_db
@pytest.mark.parametrize(
    ("kind", "grade"),
    [
        pytest.param("FUNGSIONAL", "AHLI_PERTAMA", id="jf_case"),
        pytest.param("PELAKSANA", "", id="pelaksana_case"),
    ],
)
def test_t_kedudukan_lampiran_ii_b_1_c_1_pattern_a_under_the_sekretaris_refused(org, kind, grade):
    refusal = position_refusal(org, "sekretariat", kind, grade)

    assert cited(refusal) == ("placement_rule", "T-KEDUDUKAN", f"{PERBUP} Lampiran II.B.1.c.1)")


@pytest.mark.django_db
def test_t_kedudukan_lampiran_ii_b_1_c_1_pattern_a_under_a_kepala_sub_bidang_refused(org):
    refusal = position_refusal(org, "subbidang", "FUNGSIONAL", "AHLI_PERTAMA")

    assert cited(refusal) == ("placement_rule", "T-KEDUDUKAN", f"{PERBUP} Lampiran II.B.1.c.1)")


@pytest.mark.django_db
def test_t_kedudukan_lampiran_ii_b_1_c_1_import_refuses_pattern_a_sekretaris_alike(org):
    error = imported_position_refusal(
        org, "sekretariat", title="Analis Ahli Pertama", kind="FUNGSIONAL", grade="AHLI_PERTAMA"
    )

    assert cited(error) == ("placement_rule", "T-KEDUDUKAN", f"{PERBUP} Lampiran II.B.1.c.1)")


@pytest.mark.django_db
def test_t_kedudukan_lampiran_ii_b_1_c_1_pattern_a_under_the_kepala_bidang_admitted(org):
    position = org.position("bidang", "Analis Kebijakan Ahli Pertama", "FUNGSIONAL", "AHLI_PERTAMA")

    assert Position.objects.get(pk=position.pk).unit == org.units["bidang"]


@pytest.mark.django_db
def test_t_kedudukan_lampiran_ii_b_1_d_bpbd_under_the_sekretaris_refused(org):
    unit = _sekretariat_of(
        org, "BPBD", "Badan Penanggulangan Bencana Daerah", "BPBD", "penanggulangan_bencana"
    )

    refusal = position_refusal(org, unit, "FUNGSIONAL", "AHLI_MUDA")

    assert cited(refusal) == ("placement_rule", "T-KEDUDUKAN", f"{PERBUP} Lampiran II.B.1.d")


@pytest.mark.django_db
def test_t_kedudukan_lampiran_ii_b_1_e_kesbangpol_under_the_sekretaris_refused(org):
    unit = _sekretariat_of(
        org, "KESBANGPOL", "Badan Kesatuan Bangsa dan Politik", "KESBANGPOL", "kesbangpol"
    )

    refusal = position_refusal(org, unit, "PELAKSANA")

    assert cited(refusal) == ("placement_rule", "T-KEDUDUKAN", f"{PERBUP} Lampiran II.B.1.e")


@pytest.mark.django_db
def test_t_kedudukan_lampiran_ii_b_1_c_2_pattern_b_still_admits_the_sekretaris():
    org = build_org(PACK, affairs=["pendidikan"])

    position = org.position(
        "sekretariat", "Analis Kebijakan Ahli Pertama", "FUNGSIONAL", "AHLI_PERTAMA"
    )

    assert Position.objects.get(pk=position.pk).unit == org.units["sekretariat"]


@pytest.mark.django_db
def test_t_kedudukan_pattern_a_leaves_a_work_unit_it_does_not_describe_to_pasal_7(org):
    uptd = org.unit(
        "uptd", "dinas", "UPTD Pengujian Kendaraan", "UPTD", "PENGAWAS", is_work_unit=True
    )

    position = org.position("uptd", "Penguji Kendaraan Bermotor Mahir", "FUNGSIONAL", "MAHIR")

    assert Position.objects.get(pk=position.pk).unit == uptd
