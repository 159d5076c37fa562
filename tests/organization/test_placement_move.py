"""placement_move: the open definitive placement ends on the move's day and the new one starts,
in one audited write; refused (nothing written, no audit event) on the rules an import row meets."""

from __future__ import annotations

import datetime as dt

import pytest

from sikerja.audit.models import AuditEvent
from sikerja.core.errors import PermissionDenied, RuleViolation, ValidationFailed
from sikerja.organization.models import Placement
from sikerja.organization.rules import Actor
from sikerja.organization.services_moves import placement_move
from sikerja.organization.services_people import placement_create
from tests.organization.builders import NOW, build_org

ON = dt.date(2026, 11, 23)
MOVE_DAY = dt.date(2026, 12, 1)
BLITAR_V47 = "Perwali Blitar 6/2023 Pasal 15 ayat (1)"


@pytest.fixture
def org():
    return build_org("blitar-2023")


def move(org, employee, position, **changes):
    values = {
        "actor": org.actor,
        "employee": employee,
        "position": position,
        "valid_from": MOVE_DAY,
        "decision_number": "821.2/100/BKPSDM/2026",
        "decision_date": ON,
        "decided_by": "Wali Kota Blitar",
        "on": ON,
        "at": NOW,
    }
    return placement_move(**{**values, **changes})


def snapshot(employee) -> tuple[list[tuple[int, dt.date | None]], int]:
    placements = Placement.objects.filter(employee=employee).order_by("pk")
    return [(p.position_id, p.valid_to) for p in placements], AuditEvent.objects.count()


@pytest.mark.django_db
def test_a_move_ends_the_open_placement_on_its_day_and_starts_the_new_one(org):
    employee = org.staff("Rina Wulandari", "bidang", "PELAKSANA")
    old = Placement.objects.get(employee=employee)
    target = org.position("subbidang", "Pengolah Data", "PELAKSANA")

    placement = move(org, employee, target)

    old.refresh_from_db()
    assert (old.valid_to, placement.position_id, placement.valid_from, placement.kind) == (
        MOVE_DAY,
        target.pk,
        MOVE_DAY,
        "DEFINITIVE",
    )
    event = AuditEvent.objects.get(action="placement.moved")
    assert (event.object_id, event.rule, event.before) == (
        str(placement.pk),
        "V-38",
        {"placement": old.pk, "position": old.position_id, "valid_to": None},
    )


@pytest.mark.django_db
def test_v47_pasal_15_ayat_1_a_pppk_is_not_moved_into_an_administrator_position(org):
    employee = org.staff("Tono Pppk", "bidang", "FUNGSIONAL", "AHLI_MUDA", pppk=True)
    target = org.position("subbidang", "Kepala Seksi Data", "PENGAWAS")
    before = snapshot(employee)

    with pytest.raises(RuleViolation) as refused:
        move(org, employee, target)

    assert (refused.value.code, refused.value.rule, refused.value.citation) == (
        "pppk_position_forbidden",
        "V-47",
        BLITAR_V47,
    )
    assert snapshot(employee) == before


@pytest.mark.django_db
def test_v47_pasal_15_ayat_1_a_pppk_is_not_set_as_plt_of_a_structural_head(org):
    employee = org.staff("Tini Pppk", "bidang", "FUNGSIONAL", "AHLI_MUDA", pppk=True)
    before = snapshot(employee)

    with pytest.raises(RuleViolation) as refused:
        placement_create(
            actor=org.actor,
            employee=employee,
            position=org.heads["subbidang"],
            kind="PLT",
            valid_from=MOVE_DAY,
            decision_number="800/1/2026",
            decision_date=ON,
            decided_by="Wali Kota Blitar",
            on=ON,
            at=NOW,
        )

    assert (refused.value.rule, refused.value.citation) == ("V-47", BLITAR_V47)
    assert snapshot(employee) == before


@pytest.mark.django_db
def test_a_move_without_an_open_definitive_placement_is_refused(org):
    employee = org.person("Baru Sekali")
    target = org.position("subbidang", "Pengolah Data", "PELAKSANA")
    before = snapshot(employee)

    with pytest.raises(ValidationFailed) as refused:
        move(org, employee, target)

    assert refused.value.code == "no_current_placement"
    assert snapshot(employee) == before


@pytest.mark.django_db
def test_a_move_into_an_occupied_head_position_is_refused_and_the_old_placement_stays_open(org):
    employee = org.staff("Rina Wulandari", "bidang", "PELAKSANA")
    before = snapshot(employee)

    with pytest.raises(ValidationFailed) as refused:
        move(org, employee, org.heads["subbidang"])

    assert refused.value.code == "position_occupied"
    assert snapshot(employee) == before


@pytest.mark.django_db
def test_a_decision_dated_after_the_day_is_refused_as_on_import(org):
    employee = org.staff("Rina Wulandari", "bidang", "PELAKSANA")
    target = org.position("subbidang", "Pengolah Data", "PELAKSANA")
    before = snapshot(employee)

    with pytest.raises(ValidationFailed) as refused:
        move(org, employee, target, decision_date=ON + dt.timedelta(days=1))

    assert (refused.value.code, list(refused.value.fields)) == ("date_range", ["decision_date"])
    assert snapshot(employee) == before


@pytest.mark.django_db
def test_only_an_operator_moves(org):
    employee = org.staff("Rina Wulandari", "bidang", "PELAKSANA")
    target = org.position("subbidang", "Pengolah Data", "PELAKSANA")
    someone = Actor(user_id=None, label="kabid", government_id=org.government.pk)
    before = snapshot(employee)

    with pytest.raises(PermissionDenied) as refused:
        move(org, employee, target, actor=someone)

    assert refused.value.rule == "V-39"
    assert snapshot(employee) == before
