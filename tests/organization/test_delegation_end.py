"""delegation_end: BKPSDM ends a delegation on a date; from that day the delegate no longer acts."""

from __future__ import annotations

import datetime as dt

import pytest

from sikerja.assignments.services import assignment_decide
from sikerja.audit.models import AuditEvent
from sikerja.core.errors import NotFound, PermissionDenied, ValidationFailed
from sikerja.organization import services, services_people
from sikerja.organization.models import Delegation
from sikerja.organization.rules import Actor
from tests.assignments.flow import NOW, ON
from tests.organization.builders import START
from tests.workflows.reroute_world import Waiting, audit_events

pytestmark = pytest.mark.django_db

LATER = NOW + dt.timedelta(hours=2)


def _delegate_appointments(waiting: Waiting) -> Delegation:
    """The Kepala Bidang delegates his appointment decisions to the Kepala Sub Bidang."""
    return services_people.delegation_create(
        actor=waiting.org.actor,
        from_employee=waiting.kabid,
        to_employee=waiting.org.people["subbidang"],
        scope="APPOINTMENT",
        valid_from=START,
        legal_basis="Surat Perintah Kepala Bidang Nomor 800/12/2026",
        at=NOW,
    )


def _end(waiting: Waiting, delegation: Delegation, valid_to: dt.date, actor: Actor | None = None):
    return services_people.delegation_end(
        actor=actor or waiting.org.actor, delegation=delegation, valid_to=valid_to, at=LATER
    )


def _ended_events(delegation: Delegation) -> list[AuditEvent]:
    return audit_events("delegation.ended", "organization.delegation", delegation.pk)


def _decide_as_delegate(waiting: Waiting):
    return assignment_decide(
        step_id=waiting.step.pk,
        by=waiting.org.people["subbidang"],
        decision="approve",
        at=LATER,
        on=ON,
    )


def test_the_delegation_ends_on_the_date_and_the_end_is_audited(waiting):
    delegation = _delegate_appointments(waiting)

    ended = _end(waiting, delegation, ON)

    assert ended.valid_to == ON
    assert Delegation.objects.get(pk=delegation.pk).valid_to == ON
    (event,) = _ended_events(delegation)
    assert (event.actor_label, event.actor_user_id, event.at) == ("system", None, LATER)
    assert event.after == {"valid_to": "2026-11-23"}
    mine = Delegation.objects.filter(government=waiting.org.government)
    assert list(mine.effective_on(ON)) == []
    assert list(mine.effective_on(ON - dt.timedelta(days=1))) == [delegation]


def test_from_the_end_date_the_delegate_can_no_longer_decide_for_the_official(waiting):
    _end(waiting, _delegate_appointments(waiting), ON)

    with pytest.raises(NotFound) as refused:
        _decide_as_delegate(waiting)

    assert refused.value.code == "not_found"
    assert waiting.instance.steps.get(pk=waiting.step.pk).decided_by_id is None


def test_until_the_end_date_the_delegate_still_decides(waiting):
    _end(waiting, _delegate_appointments(waiting), ON + dt.timedelta(days=1))

    decided = _decide_as_delegate(waiting)

    assert (decided.actor_id, decided.decided_by_id, decided.decision) == (
        waiting.kabid.pk,
        waiting.org.people["subbidang"].pk,
        "approve",
    )


@pytest.mark.parametrize("valid_to", [START, START - dt.timedelta(days=1)])
def test_an_end_not_after_the_start_is_refused_and_nothing_is_written(waiting, valid_to):
    delegation = _delegate_appointments(waiting)

    with pytest.raises(ValidationFailed) as refused:
        _end(waiting, delegation, valid_to)

    assert (refused.value.code, refused.value.fields) == (
        "date_range",
        {"valid_to": "Harus sesudah tanggal mulai."},
    )
    assert Delegation.objects.get(pk=delegation.pk).valid_to is None
    assert _ended_events(delegation) == []


def test_only_bkpsdm_ends_a_delegation_v39(waiting):
    delegation = _delegate_appointments(waiting)
    kabid = Actor(
        user_id=None,
        label=waiting.kabid.nip,
        government_id=waiting.org.government.pk,
        employee_id=waiting.kabid.pk,
    )

    with pytest.raises(PermissionDenied) as refused:
        _end(waiting, delegation, ON, actor=kabid)

    assert (refused.value.code, refused.value.rule, refused.value.citation) == (
        "permission_denied",
        "V-39",
        "Perwali Blitar 6/2023 Pasal 15 ayat (2)",
    )
    assert Delegation.objects.get(pk=delegation.pk).valid_to is None
    assert _ended_events(delegation) == []


def test_the_operator_of_another_government_cannot_end_it(waiting):
    delegation = _delegate_appointments(waiting)
    other = services.government_create(
        kode="TX01", name="Pemerintah Uji Lain", kind="KOTA", pack_id="blitar-2023", at=NOW
    )

    with pytest.raises(PermissionDenied):
        _end(waiting, delegation, ON, actor=Actor.system(other.pk))

    assert Delegation.objects.get(pk=delegation.pk).valid_to is None
    assert _ended_events(delegation) == []
