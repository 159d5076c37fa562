"""V-69: a member from another Perangkat Daerah joins through their own penugasan, asked of
their own side; pending until it is approved and received, out if refused."""

from __future__ import annotations

import pytest

from sikerja.assignments.models import Assignment
from sikerja.audit.models import AuditEvent
from sikerja.core.errors import RuleViolation
from sikerja.teams.models import TeamMember
from sikerja.teams.services import team_propose
from sikerja.workflows.models import WorkflowInstance
from tests.assignments.flow import decide as decide_penugasan
from tests.assignments.flow import instance_of as penugasan_instance
from tests.organization.builders import add_agency, build_org
from tests.teams.world import NOW, ON, decide, refused, staff, team_input

PASSING = ("submit", "approve", "acknowledge", "forward", "record")


def run_to_the_end(assignment: Assignment, refuse: bool = False) -> None:
    """Decide each open step of the member's penugasan as its actor until it closes."""
    instance = penugasan_instance(assignment)
    while instance.status == WorkflowInstance.Status.OPEN:
        step = instance.steps.get(status="OPEN")
        choices = [d for d in PASSING if d in _decisions(instance, step.step_key)]
        if refuse and "reject" in _decisions(instance, step.step_key):
            decide_penugasan(assignment, "reject", reason="Tenaga dibutuhkan di unit")
        else:
            decide_penugasan(assignment, choices[0])
        instance.refresh_from_db()


def _decisions(instance, step_key):
    from sikerja.regulations.loader import load_pack

    definition = load_pack(instance.pack_id).data.workflows[instance.definition_key]
    return [str(d) for d in definition.step(step_key).decisions]


@pytest.fixture
def world():
    org = build_org("surakarta-2023")
    people = staff(org)
    add_agency(org, "BAPPEDA", "Badan Perencanaan")
    outsider = org.staff("Joko Widodo", "BAPPEDA.bidang", "FUNGSIONAL", "AHLI_MUDA")
    return org, people, outsider


def propose(org, people, outsider, **overrides):
    values = {
        "candidate_ids": [people["ahli_muda"].pk],
        "member_ids": [people["pelaksana"].pk, outsider.pk],
        "appraiser_consideration": "Kompeten",
    }
    return team_propose(
        requester=org.people["dinas"],
        data=team_input(**(values | overrides)),
        owner_unit_id=org.units["bidang"].pk,
        at=NOW,
        on=ON,
    )


@pytest.mark.django_db
def test_v69_the_outside_member_is_asked_of_their_own_side_and_joins_when_it_approves(
    world, django_capture_on_commit_callbacks
):
    org, people, outsider = world
    team = propose(org, people, outsider)
    decide(team, "approve", lead_id=people["ahli_muda"].pk)
    team = decide(team, "approve")
    link = TeamMember.objects.get(team=team, employee=outsider)
    assignment = Assignment.objects.get(pk=link.assignment_id)
    pending = link.status

    with django_capture_on_commit_callbacks(execute=True):
        run_to_the_end(assignment)
    link.refresh_from_db()

    assert (pending, link.status, team.status) == ("PENDING", "ACTIVE", "ACTIVE")
    assert (assignment.requester_id, assignment.scope, assignment.team_name) == (
        org.people["dinas"].pk,
        "CROSS_UNIT",
        team.name,
    )
    assert list(assignment.candidate_links.values_list("employee_id", flat=True)) == [outsider.pk]
    assert TeamMember.objects.get(team=team, employee=people["pelaksana"]).assignment_id is None
    assert AuditEvent.objects.filter(
        object_id=str(team.pk), action="team.member_confirmed", rule="V-69"
    ).exists()


@pytest.mark.django_db
def test_v69_a_refusal_by_the_members_side_ends_their_membership(
    world, django_capture_on_commit_callbacks
):
    org, people, outsider = world
    team = propose(org, people, outsider)
    link = TeamMember.objects.get(team=team, employee=outsider)

    with django_capture_on_commit_callbacks(execute=True):
        run_to_the_end(Assignment.objects.get(pk=link.assignment_id), refuse=True)
    link.refresh_from_db()

    assert (link.status, link.end_reason) == ("ENDED", "Tidak disetujui pihak unitnya.")


@pytest.mark.django_db
def test_v01_the_members_request_states_what_the_pack_asks_or_nothing_is_proposed(world):
    org, people, outsider = world

    error = refused(lambda: propose(org, people, outsider, competencies=[]), RuleViolation)

    assert (error.rule, Assignment.objects.count()) == ("V-01", 0)
