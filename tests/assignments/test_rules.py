"""Penugasan's permission answer as a matrix: for every persona, the objects where a `may_*`
predicate is true are exactly the ones the matching `which` form returns, and `who` names
exactly the personas for whom `may` is true.

The requests are set up through the services: "within" (WF-PEN-IN, open at the Kepala Dinas's
step), "cross" (WF-PEN-UO from another Perangkat Daerah, waiting for the kabid's
recommendation), and "decided" (a second "within" request the Kepala Dinas approved). The Kepala
Dinas has delegated appointments to the subkoordinator, so a delegate is in the matrix too.
"""

from __future__ import annotations

import pytest

from sikerja.assignments import rules
from sikerja.assignments.models import Assignment
from sikerja.assignments.services import assignment_decide
from sikerja.organization.models import Delegation, Government
from sikerja.organization.rules import Actor
from sikerja.organization.selectors import viewer_for
from sikerja.organization.services_people import delegation_create
from sikerja.workflows.models import WorkflowInstance, WorkflowStep
from tests.assignments.api.test_support import cross_request, open_step, within_request
from tests.documents.users import login_for
from tests.viewers import PERSONAS, viewer_of

__all__ = ["viewer_of"]

SUBJECT_TYPE = "assignments.assignment"


@pytest.fixture
def requests(world, persona, now, today) -> dict[str, Assignment]:
    delegation_create(
        actor=Actor.system(world.government_id),
        from_employee=persona("kepala_dinas"),
        to_employee=persona("subkoordinator"),
        scope=Delegation.Scope.APPOINTMENT,
        valid_from=today,
        legal_basis="Surat Kepala Dinas Nomor 800/9/2026",
        at=now,
    )
    decided = within_request(persona, now, today)
    assignment_decide(
        step_id=open_step(decided).pk,
        by=persona("kepala_dinas"),
        decision="approve",
        at=now,
        on=today,
    )
    return {
        "within": within_request(persona, now, today),
        "cross": cross_request(persona, now, today),
        "decided": decided,
    }


def _open_steps() -> list[WorkflowStep]:
    return list(
        WorkflowStep.objects.filter(
            status=WorkflowStep.Status.OPEN, instance__subject_type=SUBJECT_TYPE
        ).select_related("instance")
    )


@pytest.mark.parametrize("name", PERSONAS)
def test_the_assignments_a_persona_may_see_are_the_ones_listed(name, viewer_of, requests):
    viewer = viewer_of(name)

    allowed = {a.pk for a in Assignment.objects.all() if rules.may_see_assignment(viewer, a)}

    assert allowed == set(rules.assignments_visible_to(viewer).values_list("pk", flat=True))


@pytest.mark.parametrize("name", PERSONAS)
def test_the_steps_a_persona_may_decide_are_the_ones_in_their_inbox(
    name, viewer_of, requests, today
):
    viewer = viewer_of(name)

    allowed = {s.pk for s in _open_steps() if rules.may_decide_step(viewer, s, today)}

    assert allowed == {step.pk for step in rules.steps_decidable_by(viewer, today)}


@pytest.mark.parametrize("name", PERSONAS)
def test_the_steps_a_persona_may_recommend_on_are_the_ones_awaiting_them(name, viewer_of, requests):
    viewer = viewer_of(name)

    allowed = {s.pk for s in _open_steps() if rules.may_recommend_on_step(viewer, s)}

    listed = rules.steps_awaiting_recommendation_from(viewer).values_list("pk", flat=True)
    assert allowed == set(listed)


def test_who_may_decide_a_step_is_exactly_the_personas_who_may(viewer_of, requests, today):
    viewers = {name: viewer_of(name) for name in PERSONAS}

    for step in _open_steps():
        may = {n for n, v in viewers.items() if rules.may_decide_step(v, step, today)}
        who = {
            n
            for n, v in viewers.items()
            if v.employee_id in rules.employees_who_may_decide(step, today)
        }
        assert (step.step_key, who) == (step.step_key, may)


def test_the_matrix_has_an_actor_a_delegate_and_a_recommender(viewer_of, requests, today):
    within = open_step(requests["within"])
    cross = open_step(requests["cross"])

    deciders = {n for n in PERSONAS if rules.may_decide_step(viewer_of(n), within, today)}
    recommenders = {n for n in PERSONAS if rules.may_recommend_on_step(viewer_of(n), cross)}

    assert (deciders, recommenders) == ({"kepala_dinas", "subkoordinator"}, {"kabid"})


@pytest.mark.parametrize("name", PERSONAS)
def test_only_the_requester_of_an_open_undecided_request_may_withdraw_it(name, viewer_of, requests):
    viewer = viewer_of(name)

    answers = {}
    for key, assignment in requests.items():
        instance = WorkflowInstance.objects.get(subject_type=SUBJECT_TYPE, subject_id=assignment.pk)
        answers[key] = rules.may_withdraw(viewer, assignment, instance, list(instance.steps.all()))

    expected = name == "kabid"
    assert answers == {"within": expected, "cross": False, "decided": False}


@pytest.mark.parametrize("name", ["kabid", "other_tenant"])
def test_employees_may_ask_for_a_penugasan(name, viewer_of):
    assert rules.may_request(viewer_of(name)) is True


def test_an_account_without_an_employee_record_may_not_ask(world, today):
    government = Government.objects.get(pk=world.government_id)
    user = login_for(None, government=government, role="BKPSDM_ADMIN")

    viewer = viewer_for(user, today)

    assert viewer is not None
    assert rules.may_request(viewer) is False
