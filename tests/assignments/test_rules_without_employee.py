"""assignments.rules for an account that is no employee (a BKPSDM-less technical login): it may
see, decide, recommend and ask for nothing, and every "which" is empty."""

from __future__ import annotations

import pytest

from sikerja.assignments import rules
from sikerja.organization.models import Government
from sikerja.organization.rules import Viewer
from sikerja.regulations.loader import load_pack
from sikerja.workflows.models import WorkflowStep
from tests.assignments.api.test_support import open_step, within_request
from tests.viewers import viewer_of

__all__ = ["viewer_of"]


@pytest.fixture
def nobody(world) -> Viewer:
    return Viewer(
        user_id=0,
        username="tanpa-pegawai",
        government=Government.objects.get(pk=world.government_id),
        employee_id=None,
        is_admin=False,
        sees_government=False,
    )


@pytest.mark.django_db
def test_an_account_without_an_employee_may_nothing_and_sees_nothing(nobody, persona, now, today):
    assignment = within_request(persona, now, today)
    pack = load_pack(nobody.government.pack_id)

    assert rules.may_request_mode(nobody, "APPOINTMENT", position_kinds=set(), pack=pack) is False
    assert rules.assignments_visible_to(nobody).count() == 0
    assert rules.assignments_requested_by(nobody).count() == 0
    assert rules.may_see_assignment(nobody, assignment) is False
    assert rules.steps_decidable_by(nobody, today) == []
    assert rules.steps_awaiting_recommendation_from(nobody).count() == 0


@pytest.mark.django_db
def test_no_one_decides_a_closed_step_and_a_mode_the_pack_lacks_is_not_offered(
    persona, viewer_of, now, today
):
    assignment = within_request(persona, now, today)
    step = open_step(assignment)
    kabid = viewer_of("kabid")
    pack = load_pack(kabid.government.pack_id)

    WorkflowStep.objects.filter(pk=step.pk).update(status=WorkflowStep.Status.CANCELLED)
    step.refresh_from_db()

    assert rules.employees_who_may_decide(step, today) == set()
    assert (
        rules.may_request_mode(kabid, "NO_SUCH_MODE", position_kinds={"ADMINISTRATOR"}, pack=pack)
        is False
    )
