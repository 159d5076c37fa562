"""The demo's sample teams, built through the services in the formation states: one waiting for
the official the pack names, one active, one active with its lead vacant (overdue where V-13
sets a deadline); every official they reach can log in."""

from __future__ import annotations

import pytest
from django.core.management import call_command

from sikerja.organization.models import Employee, Government
from sikerja.teams.demo import demo_teams
from sikerja.teams.models import Team
from sikerja.teams.selectors import is_lead_overdue
from sikerja.workflows.models import WorkflowStep
from tests.conftest import NOW, TODAY


def steps_of(team_id: int) -> list[tuple[str, str, int | None]]:
    return list(
        WorkflowStep.objects.filter(
            instance__subject_type="teams.team", instance__subject_id=team_id
        )
        .order_by("seq")
        .values_list("step_key", "status", "actor_id")
    )


@pytest.mark.django_db
def test_surakarta_demo_teams_wait_for_the_sekda_run_and_flag_the_overdue_lead(world, persona):
    government = Government.objects.get(pk=world.government_id)

    outcomes = demo_teams(government=government, at=NOW, on=TODAY)

    assert [(o.label, o.state) for o in outcomes] == [
        ("Pendataan Layanan Publik", "FORMING"),
        ("Penyusunan Kajian Kebijakan", "ACTIVE"),
        ("Evaluasi Program Unit", "ACTIVE"),
    ]
    forming, active, vacant = (Team.objects.get(pk=o.team_id) for o in outcomes)
    head, sekda = persona("kepala_dinas").pk, persona("sekda").pk
    assert steps_of(forming.pk) == [("propose", "DECIDED", head), ("determine", "OPEN", sekda)]
    assert [s[1:] for s in steps_of(active.pk)] == [
        ("DECIDED", head),
        ("DECIDED", sekda),
        ("DECIDED", head),
    ]
    assert (active.lead_id, active.memberships.count()) == (persona("jf_ahli_muda").pk, 3)
    assert (vacant.lead_id, vacant.lead_due_on, is_lead_overdue(vacant, TODAY)) == (
        None,
        TODAY.replace(month=4, day=30),
        True,
    )


@pytest.mark.django_db
def test_every_official_the_demo_teams_reach_can_log_in(world):
    for government_id in (world.government_id, world.other_government_id):
        government = Government.objects.get(pk=government_id)
        outcomes = demo_teams(government=government, at=NOW, on=TODAY)

        actors = {
            actor
            for o in outcomes
            for _key, _status, actor in steps_of(o.team_id)
            if actor is not None
        }
        assert [o.state for o in outcomes] == ["FORMING", "ACTIVE", "ACTIVE"]
        assert Employee.objects.filter(pk__in=actors, user__isnull=True).count() == 0


@pytest.mark.django_db
def test_the_command_leaves_a_government_with_teams_alone(world):
    government = Government.objects.get(pk=world.government_id)
    call_command("demo_teams", government=government.kode, if_empty=True, stdout=None)
    before = Team.objects.filter(government=government).count()

    call_command("demo_teams", government=government.kode, if_empty=True)

    assert (before, Team.objects.filter(government=government).count()) == (3, 3)
