"""Placements ended and delegations recorded by BKPSDM: the refusals, each leaving nothing behind,
and the audited end of a placement."""

from __future__ import annotations

import datetime as dt

import pytest

from sikerja.audit.models import AuditEvent
from sikerja.core.errors import PermissionDenied, ValidationFailed
from sikerja.organization import services, services_people
from sikerja.organization.models import Delegation, Placement
from sikerja.organization.rules import Actor
from tests.organization.builders import NOW, START, Org, build_org
from tests.organization.reread import reread_org

pytestmark = pytest.mark.django_db

PACK = "blitar-2023"
V39 = "Perwali Blitar 6/2023 Pasal 15 ayat (2)"


@pytest.fixture(scope="module")
def _org(module_db) -> Org:
    return module_db(lambda: build_org(PACK))


@pytest.fixture
def org(_org, db) -> Org:
    return reread_org(_org)


def _written(org: Org) -> tuple[int, int, int]:
    government = org.government
    return (
        Delegation.objects.filter(government=government).count(),
        Placement.objects.filter(government=government, valid_to__isnull=False).count(),
        AuditEvent.objects.filter(government_id=government.pk).count(),
    )


def _kabid(org: Org) -> Actor:
    """The Kepala Bidang acting for himself: not BKPSDM."""
    employee = org.people["bidang"]
    return Actor(
        user_id=None,
        label=employee.nip,
        government_id=org.government.pk,
        employee_id=employee.pk,
    )


def _delegate(org: Org, **overrides):
    values = {
        "actor": org.actor,
        "from_employee": org.people["bidang"],
        "to_employee": org.people["subbidang"],
        "scope": "APPOINTMENT",
        "valid_from": START,
        "legal_basis": "Surat Perintah Kepala Bidang Nomor 800/12/2026",
        "at": NOW,
    }
    return services_people.delegation_create(**(values | overrides))


def _refused_delegation(org: Org, error: type[Exception] = ValidationFailed, **overrides):
    before = _written(org)
    with pytest.raises(error) as refused:
        _delegate(org, **overrides)
    assert _written(org) == before
    return refused.value


def test_a_delegation_to_oneself_is_refused(org):
    refused = _refused_delegation(org, to_employee=org.people["bidang"])

    assert (refused.code, refused.fields) == (
        "delegation_rule",
        {"to_employee": "Tidak dapat mendelegasikan kepada diri sendiri."},
    )


def test_a_delegation_to_an_employee_of_another_government_is_refused(org):
    other = build_org(PACK)

    refused = _refused_delegation(org, to_employee=other.people["bidang"])

    assert (refused.code, refused.fields) == (
        "delegation_rule",
        {"to_employee": "Penerima delegasi harus pegawai pemerintah daerah yang sama."},
    )


def test_an_unknown_scope_and_unknown_grades_are_refused(org):
    refused = _refused_delegation(org, scope="EVERYTHING", grades=["AHLI_MUDA", "AHLI_SUPER"])

    assert (refused.code, refused.fields) == (
        "delegation_rule",
        {"scope": "Nilai tidak dikenal.", "grades": "Jenjang tidak dikenal: AHLI_SUPER"},
    )


def test_a_delegation_without_its_legal_basis_is_refused(org):
    refused = _refused_delegation(org, legal_basis="   ")

    assert (refused.code, refused.fields) == (
        "delegation_rule",
        {"legal_basis": "Dasar hukum pendelegasian wajib diisi."},
    )


@pytest.mark.parametrize("valid_to", [START, START - dt.timedelta(days=1)])
def test_a_delegation_ending_before_it_starts_is_refused(org, valid_to):
    refused = _refused_delegation(org, valid_to=valid_to)

    assert (refused.code, refused.fields) == (
        "delegation_rule",
        {"valid_to": "Harus sesudah tanggal mulai."},
    )


def test_every_problem_of_a_delegation_is_reported_at_once(org):
    refused = _refused_delegation(
        org, to_employee=org.people["bidang"], scope="EVERYTHING", legal_basis=""
    )

    assert refused.message == (
        "Tidak dapat mendelegasikan kepada diri sendiri. Nilai tidak dikenal. "
        "Dasar hukum pendelegasian wajib diisi."
    )
    assert list(refused.fields) == ["to_employee", "scope", "legal_basis"]


def test_v39_pasal_15_ayat_2_blitar_only_bkpsdm_records_a_delegation(org):
    refused = _refused_delegation(org, PermissionDenied, actor=_kabid(org))

    assert (refused.code, refused.rule, refused.citation) == ("permission_denied", "V-39", V39)


# ---------------------------------------------------------------- placement_end


def _placement(org: Org, key: str = "bidang") -> Placement:
    return Placement.objects.get(employee=org.people[key], position=org.heads[key])


def test_a_placement_ends_on_the_date_and_the_end_is_audited(org):
    placement = _placement(org)

    ended = services_people.placement_end(
        actor=org.actor, placement=placement, valid_to=dt.date(2026, 12, 1), at=NOW
    )

    assert _placement(org).valid_to == ended.valid_to == dt.date(2026, 12, 1)
    event = AuditEvent.objects.get(
        action="placement.ended",
        object_type="organization.placement",
        object_id=str(placement.pk),
    )
    assert (event.actor_label, event.at, event.before, event.after) == (
        "system",
        NOW,
        {"valid_to": None},
        {"valid_to": "2026-12-01"},
    )


@pytest.mark.parametrize("valid_to", [START, START - dt.timedelta(days=1)])
def test_a_placement_ending_before_it_starts_is_refused_and_nothing_is_written(org, valid_to):
    before = _written(org)

    with pytest.raises(ValidationFailed) as refused:
        services_people.placement_end(
            actor=org.actor, placement=_placement(org), valid_to=valid_to, at=NOW
        )

    assert (refused.value.code, refused.value.fields) == (
        "date_range",
        {"valid_to": "Harus sesudah tanggal mulai."},
    )
    assert _written(org) == before
    assert _placement(org).valid_to is None


def test_v39_pasal_15_ayat_2_blitar_only_bkpsdm_ends_a_placement(org):
    before = _written(org)

    with pytest.raises(PermissionDenied) as refused:
        services_people.placement_end(
            actor=_kabid(org), placement=_placement(org), valid_to=dt.date(2026, 12, 1), at=NOW
        )

    assert (refused.value.code, refused.value.rule, refused.value.citation) == (
        "permission_denied",
        "V-39",
        V39,
    )
    assert _written(org) == before


def test_the_operator_of_another_government_cannot_end_a_placement(org):
    other = services.government_create(
        kode="TX02", name="Pemerintah Uji Lain", kind="KOTA", pack_id=PACK, at=NOW
    )

    with pytest.raises(PermissionDenied):
        services_people.placement_end(
            actor=Actor.system(other.pk),
            placement=_placement(org),
            valid_to=dt.date(2026, 12, 1),
            at=NOW,
        )

    assert _placement(org).valid_to is None
