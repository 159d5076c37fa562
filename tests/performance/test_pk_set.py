"""Perjanjian Kinerja (SPEC §6.2): set by the unit's head, amended as versions; the unit
activity PK only where the pack has one (V-49), before its year."""

from __future__ import annotations

import datetime as dt

import pytest

from sikerja.audit.models import AuditEvent
from sikerja.core.errors import PermissionDenied, RuleViolation
from sikerja.organization.models import Employee
from sikerja.performance import services
from sikerja.performance.models import PerformanceAgreement, PkActivity
from sikerja.performance.services.agreements import ActivityInput, AgreementInput, IndicatorInput
from tests.performance.world import NOW, ON, YEAR, unit_of, unit_pk

UNIT_HEAD_CITATION = "Perwali Surakarta 32/2023 Pasal 1 angka 8 dan angka 27"


def activity_pk(head, year, on=ON):
    data = AgreementInput(
        unit_id=unit_of(head),
        kind="UNIT_ACTIVITY",
        year=year,
        activities=(
            ActivityInput("Pendataan sarana sekolah", "TEAM", ("Renstra 2026-2031",)),
            ActivityInput("Supervisi kurikulum", "INDIVIDUAL"),
        ),
    )
    return services.pk_set(actor=head, data=data, at=NOW, on=on)


def test_the_unit_head_sets_the_unit_pk_citing_the_role_rule(world, persona):
    head = persona("kepala_dinas")

    agreement = unit_pk(head)

    assert (agreement.head_id, agreement.version, agreement.is_current) == (head.pk, 1, True)
    assert (agreement.head_rule, agreement.head_citation) == ("G30", UNIT_HEAD_CITATION)
    assert [i.indicator for i in agreement.indicators.all()] == ["Indeks mutu SD"]
    event = AuditEvent.objects.get(action="performance.pk_set")
    assert event.object_id == str(agreement.pk)


def test_an_amended_pk_is_a_new_version_and_the_old_one_stays(world, persona):
    head = persona("kepala_dinas")
    first = unit_pk(head)

    second = unit_pk(head)

    first.refresh_from_db()
    assert (first.version, first.is_current) == (1, False)
    assert (second.version, second.is_current) == (2, True)


def test_someone_not_heading_the_unit_may_not_set_its_pk(world, persona):
    indicators = (IndicatorInput("Sasaran", "Indikator", "Target"),)
    data = AgreementInput(
        unit_id=unit_of(persona("kepala_dinas")), kind="UNIT", year=YEAR, indicators=indicators
    )

    with pytest.raises(PermissionDenied) as refused:
        services.pk_set(actor=persona("kabid"), data=data, at=NOW, on=ON)

    assert (refused.value.rule, refused.value.code) == ("G30", "permission_denied")
    assert refused.value.citation == UNIT_HEAD_CITATION
    assert not PerformanceAgreement.objects.exists()
    assert not AuditEvent.objects.filter(action="performance.pk_set").exists()


def test_v49_surakarta_unit_activity_pk_before_the_year_with_typed_activities(world, persona):
    agreement = activity_pk(persona("kepala_dinas"), YEAR + 1)

    assert list(agreement.activities.values_list("name", "assignment_type")) == [
        ("Pendataan sarana sekolah", PkActivity.AssignmentType.TEAM),
        ("Supervisi kurikulum", PkActivity.AssignmentType.INDIVIDUAL),
    ]


def test_v49_surakarta_lampiran_iv_unit_activity_pk_refused_once_its_year_started(world, persona):
    with pytest.raises(RuleViolation) as refused:
        activity_pk(persona("kepala_dinas"), YEAR)

    assert (refused.value.code, refused.value.rule) == ("unit_activity_pk_after_year_start", "V-49")
    assert refused.value.citation == "Perwali Surakarta 32/2023 Lampiran IV (pengantar)"
    assert not PerformanceAgreement.objects.exists()


def test_v49_cilegon_has_no_unit_activity_pk(world, other_tenant_user):
    sekda = Employee.objects.get(user=other_tenant_user)

    with pytest.raises(RuleViolation) as refused:
        activity_pk(sekda, YEAR + 1, on=dt.date(2026, 11, 23))

    assert (refused.value.code, refused.value.rule) == ("unit_activity_pk_not_provided", "V-49")
    assert refused.value.citation.startswith("Perwali Cilegon 17/2023 ")
