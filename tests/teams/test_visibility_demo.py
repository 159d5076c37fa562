"""One rule for who may see a team (`rules.teams_visible_to`), on the Surakarta demo's teams: whoever
acts on a team's work (the plan's approver, the obstacle's targets, every official of its report,
member-result and evaluation chains, the appraiser the lead's report on a member goes to) sees
the team page, its work page and its evidence alike; people outside get 404 on all of them.

Regression: the Kepala Bidang, who appraises the lead, receives the lead's report and is asked to
decide the open obstacle, saw the work page of the team at work but got 404 on its team page.
"""

from __future__ import annotations

import pytest
from django.urls import reverse

from sikerja.organization.models import Employee, Government
from sikerja.organization.selectors import viewer_for
from sikerja.teams import rules
from sikerja.teams.demo import demo_teams
from sikerja.teams.models import EvidenceFile, MemberResult, Team
from tests.clients import _empty_cache, client_of
from tests.conftest import NOW, TODAY
from tests.teams.test_demo_teams import work_actors

__all__ = ["_empty_cache", "client_of"]


@pytest.fixture(autouse=True)
def evidence_root(settings, tmp_path):
    settings.SIKERJA_EVIDENCE_ROOT = tmp_path / "evidence"


@pytest.fixture
def demo(world) -> list[Team]:
    government = Government.objects.get(pk=world.government_id)
    outcomes = demo_teams(government=government, at=NOW, on=TODAY)
    return list(Team.objects.filter(pk__in=[o.team_id for o in outcomes]).order_by("pk"))


def _viewer(employee_id: int):
    return viewer_for(Employee.objects.get(pk=employee_id).user, TODAY)


@pytest.mark.django_db
def test_everyone_who_acts_on_a_demo_teams_work_sees_the_team(demo):
    at_work, reporting, completed = demo[3:]
    for team in (at_work, reporting, completed):
        actors = set(work_actors([team.pk])) | set(
            MemberResult.objects.filter(team=team).values_list("appraiser_id", flat=True)
        )
        assert actors, team.name
        for actor in actors:
            viewer = _viewer(actor)
            assert rules.teams_visible_to(viewer).filter(pk=team.pk).exists(), (team.name, actor)
            assert rules.may_see_team_work(viewer, team, TODAY), (team.name, actor)


@pytest.mark.django_db
def test_the_kabid_who_receives_the_reports_opens_the_team_page_its_work_and_evidence(
    demo, client_of
):
    at_work = demo[3]
    evidence = EvidenceFile.objects.get(team=at_work)
    urls = [
        reverse("web:team-detail", args=[at_work.pk]),
        reverse("web:team-work", args=[at_work.pk]),
        reverse("web:team-evidence", args=[at_work.pk, evidence.pk]),
        f"/api/v1/teams/{at_work.pk}",
        f"/api/v1/teams/{at_work.pk}/work",
    ]

    answers = {
        name: [client_of(name).get(url).status_code for url in urls]
        for name in ("kabid", "outsider", "other_tenant")
    }

    assert answers == {"kabid": [200] * 5, "outsider": [404] * 5, "other_tenant": [404] * 5}


@pytest.mark.django_db
def test_the_team_page_and_the_work_page_agree_for_every_persona_and_person_reached(demo, world):
    reached = {pk for team in demo for pk in work_actors([team.pk])}
    reached |= {
        pk for team in demo for pk in team.memberships.values_list("employee_id", flat=True)
    }
    people = Employee.objects.filter(
        pk__in=reached | set(world.personas.values()),
        government_id=world.government_id,
        user__isnull=False,
    )
    disagree = []
    for employee in people.select_related("user"):
        viewer = viewer_for(employee.user, TODAY)
        visible = set(rules.teams_visible_to(viewer).values_list("pk", flat=True))
        disagree += [
            (employee.pk, team.pk)
            for team in demo
            if (team.pk in visible) != rules.may_see_team_work(viewer, team, TODAY)
        ]

    assert (len(people) >= 8, disagree) == (True, [])
