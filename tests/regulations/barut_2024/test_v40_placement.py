"""Perbup Barut 18/2024 Pasal 17 ayat (3)-(5), SPEC V-40: placement by grade, "one level above"
exactly one step (the service and the organisation import refuse alike)."""

from __future__ import annotations

import pytest

from sikerja.organization.models import Position
from sikerja.organization.resolver import Resolver
from sikerja.regulations.loader import load_pack
from tests.organization.builders import build_org
from tests.regulations.refusals import ON, cited, imported_position_refusal, position_refusal

PACK = "barut-2024"
PERBUP = "Perbup Barut 18/2024"


@pytest.fixture
def org():
    """Dinas: Kepala (JPT Pratama); Sekretariat and Bidang (Administrator); Sub Bidang (Pengawas)."""
    return build_org(PACK)


@pytest.mark.django_db
def test_v40_pasal_17_ayat_3_huruf_b_ahli_muda_under_pengawas_refused(org):
    refusal = position_refusal(org, "subbidang", "FUNGSIONAL", "AHLI_MUDA")

    assert cited(refusal) == ("placement_rule", "V-40", f"{PERBUP} Pasal 17 ayat (3) huruf b")


@pytest.mark.django_db
def test_v40_pasal_17_ayat_3_huruf_b_import_refuses_ahli_muda_under_pengawas_alike(org):
    error = imported_position_refusal(
        org, "subbidang", title="Analis Ahli Muda", kind="FUNGSIONAL", grade="AHLI_MUDA"
    )

    assert cited(error) == ("placement_rule", "V-40", f"{PERBUP} Pasal 17 ayat (3) huruf b")


@pytest.mark.django_db
def test_v40_pasal_17_ayat_3_huruf_b_ahli_muda_one_level_above_the_administrator_admitted(org):
    position = org.position("dinas", "Analis Kebijakan Ahli Muda", "FUNGSIONAL", "AHLI_MUDA")

    assert Position.objects.get(pk=position.pk).unit == org.units["dinas"]


@pytest.mark.django_db
def test_v40_pasal_17_ayat_3_huruf_c_ahli_pertama_two_levels_above_the_pengawas_refused(org):
    refusal = position_refusal(org, "dinas", "FUNGSIONAL", "AHLI_PERTAMA")

    assert cited(refusal) == ("placement_rule", "V-40", f"{PERBUP} Pasal 17 ayat (3) huruf c")


@pytest.mark.django_db
def test_v40_pasal_17_ayat_4_huruf_b_pelaksana_under_administrator_refused_beside_a_pengawas(org):
    refusal = position_refusal(org, "bidang", "PELAKSANA")

    assert cited(refusal) == ("placement_rule", "V-40", f"{PERBUP} Pasal 17 ayat (4) huruf b")


@pytest.mark.django_db
def test_v40_pasal_17_ayat_4_huruf_b_import_refuses_pelaksana_beside_a_pengawas_alike(org):
    error = imported_position_refusal(org, "bidang", title="Pengadministrasi", kind="PELAKSANA")

    assert cited(error) == ("placement_rule", "V-40", f"{PERBUP} Pasal 17 ayat (4) huruf b")


@pytest.mark.django_db
def test_v40_pasal_17_ayat_4_huruf_b_pelaksana_under_administrator_where_no_pengawas(org):
    position = org.position("sekretariat", "Pengadministrasi Perkantoran", "PELAKSANA")

    assert Position.objects.get(pk=position.pk).unit == org.units["sekretariat"]


@pytest.mark.django_db
def test_v40_pasal_17_ayat_4_pelaksana_directly_under_the_jpt_pratama_refused(org):
    refusal = position_refusal(org, "dinas", "PELAKSANA")

    assert cited(refusal) == (
        "placement_rule",
        "V-40",
        f"{PERBUP} Pasal 17 ayat (4) huruf a; {PERBUP} Pasal 17 ayat (4) huruf b",
    )


@pytest.mark.django_db
def test_v40_pasal_17_ayat_5_jf_leading_an_independent_unit_supervises_jf_and_pelaksana(org):
    uptd = org.unit(
        "uptd",
        "dinas",
        "UPTD Laboratorium Kesehatan",
        "UPTD",
        "FUNGSIONAL",
        head_grade="AHLI_MADYA",
        is_work_unit=True,
        is_independent=True,
    )

    staff = [
        org.position("uptd", "Pranata Laboratorium Ahli Muda", "FUNGSIONAL", "AHLI_MUDA"),
        org.position("uptd", "Pengadministrasi Laboratorium", "PELAKSANA"),
    ]

    assert [position.unit_id for position in staff] == [uptd.pk, uptd.pk]


@pytest.mark.django_db
def test_v40_pasal_17_ayat_4_huruf_b_the_administrator_appraises_where_no_pengawas_citing_it(org):
    pelaksana = org.staff("Hendra Saputra", "sekretariat", "PELAKSANA")

    answer = Resolver(load_pack(PACK)).appraiser(pelaksana.pk, ON)

    assert (answer.person.employee_id, answer.rule, answer.citation) == (
        org.people["sekretariat"].pk,
        "V-40",
        f"{PERBUP} Pasal 17 ayat (4) huruf b",
    )
