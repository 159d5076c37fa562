"""Perwali Surakarta 32/2023 Lampiran III 2.1, SPEC T-PLACEMENT-GRADE (3.2, 3.4.1): supporting JF
(Ahli Muda and below, Keterampilan) sit under the Sekretaris or a Kepala Bagian; core-business
JF under the Kepala Bidang, Kepala Bagian, Asisten or the JPT Pratama."""

from __future__ import annotations

import pytest

from sikerja.core.errors import RuleViolation
from sikerja.organization import services_people
from sikerja.organization.models import Position
from tests.organization.builders import NOW, build_org
from tests.regulations.refusals import cited, imported_position_refusal, refusal_of

PACK = "surakarta-2023"
SUPPORTING = "Perwali Surakarta 32/2023 Lampiran III 2.1 (JF pendukung/supporting system)"
CORE = "Perwali Surakarta 32/2023 Lampiran III 2.1 (JF urusan inti/core business)"


@pytest.fixture
def org():
    """Setda (Asisten, Bagian) and a Dinas (Sekretariat, Bidang with a Sub Bidang)."""
    return build_org(PACK)


def _jf(org, unit: str, grade: str, track: str) -> Position:
    return services_people.position_create(
        actor=org.actor,
        unit=org.units[unit],
        title=f"Analis {grade} {track}",
        kind="FUNGSIONAL",
        grade=grade,
        jf_name="Analis Kebijakan",
        track=track,
        at=NOW,
    )


def _refused(org, unit: str, grade: str, track: str) -> RuleViolation:
    return refusal_of(org, lambda: _jf(org, unit, grade, track))


@pytest.mark.django_db
@pytest.mark.parametrize("grade", ["AHLI_MUDA", "AHLI_PERTAMA", "TERAMPIL"])
def test_t_placement_grade_lampiran_iii_2_1_supporting_jf_under_the_kepala_bidang_refused(
    org, grade
):
    refusal = _refused(org, "bidang", grade, "SUPPORTING")

    assert cited(refusal) == ("placement_rule", "T-PLACEMENT-GRADE", SUPPORTING)


@pytest.mark.django_db
def test_t_placement_grade_lampiran_iii_2_1_core_jf_under_the_sekretaris_refused(org):
    refusal = _refused(org, "sekretariat", "AHLI_PERTAMA", "CORE")

    assert cited(refusal) == ("placement_rule", "T-PLACEMENT-GRADE", CORE)


@pytest.mark.django_db
def test_t_placement_grade_lampiran_iii_2_1_import_refuses_supporting_jf_in_a_bidang_alike(org):
    error = imported_position_refusal(
        org,
        "bidang",
        title="Pranata Komputer Ahli Muda",
        kind="FUNGSIONAL",
        grade="AHLI_MUDA",
        track="SUPPORTING",
    )

    assert cited(error) == ("placement_rule", "T-PLACEMENT-GRADE", SUPPORTING)


@pytest.mark.django_db
@pytest.mark.parametrize(
    ("unit", "grade", "track"),
    [
        pytest.param("sekretariat", "AHLI_MUDA", "SUPPORTING", id="supporting_sekretaris_case"),
        pytest.param("bagian", "MAHIR", "SUPPORTING", id="supporting_kepala_bagian_case"),
        pytest.param("bidang", "AHLI_MUDA", "CORE", id="core_kepala_bidang_case"),
        pytest.param("bagian", "AHLI_PERTAMA", "CORE", id="core_kepala_bagian_case"),
        pytest.param("asisten", "AHLI_MADYA", "CORE", id="core_madya_asisten_case"),
        pytest.param("dinas", "AHLI_MADYA", "CORE", id="core_madya_jpt_pratama_case"),
    ],
)
def test_t_placement_grade_lampiran_iii_2_1_each_track_sits_where_the_seed_puts_it(
    org, unit, grade, track
):
    position = _jf(org, unit, grade, track)

    assert Position.objects.get(pk=position.pk).track == track
