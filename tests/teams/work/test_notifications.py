"""The team's work tells the people it waits for: the plan's approver, an obstacle's first
targets (V-56), the owner of rework (V-58); never the actor, and only once committed."""

from __future__ import annotations

import pytest
from django.urls import reverse

from sikerja.notifications.models import Notification
from sikerja.teams.services.execution import rework_open
from sikerja.teams.services.obstacles import obstacle_raise
from tests.teams.work.helpers import submitted_plan
from tests.teams.work.packs import active_team as pack_team
from tests.teams.world import NOW, ON

pytestmark = pytest.mark.django_db


def sent() -> list[tuple[int, str, str]]:
    return list(Notification.objects.order_by("pk").values_list("recipient_id", "kind", "link"))


def test_the_approver_and_the_obstacles_targets_are_told(
    active_team, persona, django_capture_on_commit_callbacks
):
    link = reverse("web:team-work", args=[active_team.pk])

    with django_capture_on_commit_callbacks(execute=True):
        submitted_plan(active_team, persona("jf_ahli_muda"))
    with django_capture_on_commit_callbacks(execute=True):
        obstacle_raise(
            team_id=active_team.pk,
            by=persona("jf_ahli_muda"),
            problem="Akses terputus",
            recommendations=["Tunda"],
            at=NOW,
            on=ON,
        )

    assert sent() == [
        (persona("kepala_dinas").pk, "step_opened", link),
        (persona("kepala_dinas").pk, "team_obstacle_raised", link),
        (persona("kabid").pk, "team_obstacle_raised", link),
    ]


def test_kotim_the_lead_is_told_of_rework_and_the_unit_head_is_not_told_of_his_own(
    django_capture_on_commit_callbacks,
):
    org, people, team = pack_team("kotim-2023")

    with django_capture_on_commit_callbacks(execute=True):
        rework_open(team_id=team.pk, by=org.people["bidang"], reason="Target belum", at=NOW, on=ON)

    assert [(r, k) for r, k, _ in sent()] == [(people["ahli_muda"].pk, "team_rework_opened")]
