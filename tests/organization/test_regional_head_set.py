"""regional_head_set: the regional head is recorded as a Pejabat Negara, never with a NIP (ADR 0008)."""

from __future__ import annotations

import datetime as dt

import pytest

from sikerja.audit.models import AuditEvent
from sikerja.core.errors import PermissionDenied, ValidationFailed
from sikerja.organization import services_people
from sikerja.organization.models import Employee, Government
from sikerja.organization.rules import Actor
from sikerja.organization.services_regional_head import regional_head_set
from tests.organization.builders import NOW, Org, build_org, make_nip

pytestmark = pytest.mark.django_db
BIRTH = dt.date(1968, 8, 17)


def _set(org: Org, identifier: str = "pn-kdh-0001", **overrides: object) -> Employee:
    values: dict[str, object] = {
        "actor": org.actor,
        "government": org.government,
        "identifier": identifier,
        "name": "Hendra Wijaya",
        "gender": "L",
        "birth_date": BIRTH,
        "at": NOW,
    }
    return regional_head_set(**(values | overrides))  # type: ignore[arg-type]


def _counts(org: Org) -> tuple[int, int, int | None]:
    government = Government.objects.get(pk=org.government.pk)
    return Employee.objects.count(), AuditEvent.objects.count(), government.regional_head_id


def test_g04_the_regional_head_is_a_pejabat_negara_linked_to_the_government():
    org = build_org("cilegon-2023")

    head = _set(org)

    head.refresh_from_db()
    assert (head.nip, head.employment_type, head.gender, head.birth_date) == (
        "PN-KDH-0001",
        "PN",
        "L",
        BIRTH,
    )
    government = Government.objects.get(pk=org.government.pk)
    assert (government.regional_head_id, government.region_head_name) == (head.pk, "Hendra Wijaya")
    event = AuditEvent.objects.get(action="government.regional_head_set")
    assert (event.rule, event.citation) == ("G04", "Perwali Cilegon 17/2023 Pasal 1 angka 3")
    assert event.after == {
        "regional_head": head.pk,
        "identifier": "PN-KDH-0001",
        "name": "Hendra Wijaya",
    }


def test_recording_the_same_identifier_again_keeps_one_person_and_a_new_one_replaces_them():
    org = build_org("cilegon-2023")
    first = _set(org)

    again = _set(org)
    successor = _set(org, identifier="PN-KDH-0002", name="Siti Rahmawati", gender="P")

    assert again.pk == first.pk
    assert Government.objects.get(pk=org.government.pk).regional_head_id == successor.pk
    heads = Employee.objects.filter(government=org.government, employment_type="PN")
    assert sorted(heads.values_list("nip", flat=True)) == ["PN-KDH-0001", "PN-KDH-0002"]


@pytest.mark.parametrize(
    "identifier",
    ["196805172000031001", "1PN-KDH", "PN KDH", "P", "PN-KEPALA-DAERAH-2025"],
    ids=["a_nip_case", "digit_first_case", "space_case", "too_short_case", "too_long_case"],
)
def test_an_identifier_that_could_be_a_nip_or_is_malformed_is_refused(identifier):
    org = build_org("cilegon-2023")
    before = _counts(org)

    with pytest.raises(ValidationFailed) as refused:
        _set(org, identifier=identifier)

    assert (refused.value.code, list(refused.value.fields)) == ("unknown_value", ["identifier"])
    assert _counts(org) == before


def test_the_nip_of_a_pegawai_asn_is_not_taken_over():
    org = build_org("cilegon-2023")
    civil_servant = org.person("Agus Salim")
    Employee.objects.filter(pk=civil_servant.pk).update(nip="PN-KDH-0001")
    before = _counts(org)

    with pytest.raises(ValidationFailed) as refused:
        _set(org)

    assert (refused.value.code, list(refused.value.fields)) == ("duplicate_nip", ["identifier"])
    assert _counts(org) == before


def test_v39_only_the_bkpsdm_operator_records_the_regional_head():
    org = build_org("cilegon-2023")
    employee = Actor(user_id=None, label="kabid", government_id=org.government.pk, employee_id=1)
    before = _counts(org)

    with pytest.raises(PermissionDenied) as refused:
        _set(org, actor=employee)

    assert refused.value.rule == "V-39"
    assert _counts(org) == before


def test_a_pegawai_asn_cannot_be_registered_as_a_pejabat_negara():
    org = build_org("cilegon-2023")

    with pytest.raises(ValidationFailed) as refused:
        services_people.employee_create(
            actor=org.actor,
            government=org.government,
            nip=make_nip(),
            name="Agus Salim",
            employment_type="PN",
            at=NOW,
        )

    assert (refused.value.code, list(refused.value.fields)) == (
        "unknown_value",
        ["employment_type"],
    )
