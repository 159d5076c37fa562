"""Perwali Blitar 6/2023 Pasal 17 ayat (2), SPEC V-41: performance management of a JF Ahli Muda
may be delegated to the Administrator only; Ahli Pertama and Keterampilan to the Pengawas or
the official exactly one level above."""

from __future__ import annotations

import datetime as dt

import pytest

from sikerja.core.errors import RuleViolation
from sikerja.organization import services_people
from sikerja.organization.models import Delegation
from tests.organization.builders import NOW, build_org
from tests.regulations.refusals import cited, refusal_of

PACK = "blitar-2023"
START = dt.date(2026, 1, 1)


@pytest.fixture
def org():
    """Dinas: Kepala (JPT Pratama), Bidang (Administrator) with a Sub Bidang (Pengawas)."""
    return build_org(PACK)


def _delegate(org, to: str, grades: list[str], scope: str = "PERF_MGMT") -> Delegation:
    return services_people.delegation_create(
        actor=org.actor,
        from_employee=org.people["dinas"],
        to_employee=org.people[to],
        scope=scope,
        grades=grades,
        unit=org.units["bidang"],
        valid_from=START,
        legal_basis="Keputusan Kepala Dinas Kesehatan Nomor 800/21/2026",
        at=NOW,
    )


def _refused(org, to: str, grades: list[str], scope: str = "PERF_MGMT") -> RuleViolation:
    return refusal_of(org, lambda: _delegate(org, to, grades, scope))


@pytest.mark.django_db
@pytest.mark.parametrize("scope", ["PERF_MGMT", "APPRAISAL"])
def test_v41_pasal_17_ayat_2_ahli_muda_delegated_to_a_pengawas_refused(org, scope):
    refusal = _refused(org, "subbidang", ["AHLI_MUDA"], scope)

    assert cited(refusal) == ("delegation_rule", "V-41", "Perwali Blitar 6/2023 Pasal 17 ayat (2)")


@pytest.mark.django_db
def test_v41_pasal_17_ayat_2_ahli_muda_in_a_mixed_delegation_to_a_pengawas_refused(org):
    refusal = _refused(org, "subbidang", ["AHLI_PERTAMA", "AHLI_MUDA"])

    assert cited(refusal) == ("delegation_rule", "V-41", "Perwali Blitar 6/2023 Pasal 17 ayat (2)")


@pytest.mark.django_db
def test_v41_pasal_17_ayat_2_ahli_muda_delegated_to_the_administrator_admitted(org):
    delegation = _delegate(org, "bidang", ["AHLI_MUDA"])

    assert Delegation.objects.get(pk=delegation.pk).grades == ",AHLI_MUDA,"


@pytest.mark.django_db
def test_v41_pasal_17_ayat_2_ahli_pertama_to_the_pengawas_or_exactly_one_level_above(org):
    to_pengawas = _delegate(org, "subbidang", ["AHLI_PERTAMA", "TERAMPIL"])
    to_administrator = _delegate(org, "bidang", ["AHLI_PERTAMA", "TERAMPIL"])

    assert [d.to_employee_id for d in (to_pengawas, to_administrator)] == [
        org.people["subbidang"].pk,
        org.people["bidang"].pk,
    ]


@pytest.mark.django_db
def test_v41_pasal_17_ayat_2_a_delegation_naming_no_grade_refused(org):
    refusal = _refused(org, "bidang", [])

    assert (refusal.code, refusal.rule, refusal.fields) == (
        "delegation_rule",
        "V-41",
        {"grades": "Wajib diisi."},
    )
    assert refusal.citation == (
        "Perwali Blitar 6/2023 Pasal 14 ayat (2); "
        "Perwali Blitar 6/2023 Pasal 17 ayat (1) sampai ayat (3)"
    )
