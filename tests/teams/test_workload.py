"""The unit head's workload page and API (V-61, V-62): who may open it (page and API, every
persona), what it counts for each person and team, the training needs that follow from
competence gaps, and a constant number of queries at two data sizes.

The team: the Kepala Dinas's, formed on the Surakarta flow (the JF Ahli Muda leads, the
Pelaksana is a member, the team asks for "analisis data"); its plan gives the Pelaksana one
activity, which the Kepala Dinas sends to rework.
"""

from __future__ import annotations

from decimal import Decimal

import pytest
from django.test import Client
from django.urls import reverse

from sikerja.organization.models import Employee, OrgUnit
from sikerja.teams.services.execution import rework_open
from sikerja.teams.services.planning import team_plan_decide
from tests.clients import ApiClient
from tests.teams.test_web_pages import propose
from tests.teams.work.helpers import submitted_plan
from tests.teams.world import NOW, ON, decide
from tests.viewers import PERSONAS, viewer_of

pytestmark = pytest.mark.django_db

__all__ = ["viewer_of"]

#        bkp  sekda kadis kabid subk  jf   plk  outs  other (its own Sekda: lands on their unit)
DINAS = (200, 200, 200, 404, 404, 404, 404, 404, 404)
BIDANG = (200, 200, 200, 200, 404, 404, 404, 404, 404)
HOME = (200, 302, 302, 302, 302, 404, 404, 404, 302)


def active_team(persona, name: str = "Tim Kerja Pendataan Sarana Kesehatan"):
    team = propose(persona, name)
    decide(team, "approve", lead_id=persona("jf_ahli_muda").pk)
    return decide(team, "approve")


def planned_team(persona, name: str = "Tim Kerja Pendataan Sarana Kesehatan"):
    """An active team whose set plan gives the Pelaksana one activity."""
    team = active_team(persona, name)
    plan = submitted_plan(team, persona("jf_ahli_muda"), assignee_id=persona("pelaksana").pk)
    team_plan_decide(
        team_id=team.pk, by=persona("kepala_dinas"), approve=True, note="", at=NOW, on=ON
    )
    return team, plan


def dinas_unit(persona) -> OrgUnit:
    return OrgUnit.objects.get(
        agency_id=persona("kepala_dinas").placements.get().position.unit.agency_id, depth=0
    )


def bidang_unit(persona) -> OrgUnit:
    return persona("kabid").placements.get().position.unit


def client(name: str, user_of, other_tenant_user) -> Client:
    session = Client()
    session.force_login(other_tenant_user if name == "other_tenant" else user_of(name))
    return session


CASES = [
    pytest.param(name, dinas, bidang, home, id=f"{name}_case")
    for name, dinas, bidang, home in zip(PERSONAS, DINAS, BIDANG, HOME, strict=True)
]


@pytest.mark.parametrize(("name", "dinas", "bidang", "home"), CASES)
def test_the_workload_page_and_api_answer_the_persona_case(
    name, dinas, bidang, home, persona, user_of, other_tenant_user
):
    planned_team(persona)
    session = client(name, user_of, other_tenant_user)
    api = ApiClient(session)
    units = dinas_unit(persona), bidang_unit(persona)

    pages = [session.get(reverse("web:team-workload", args=[u.pk])).status_code for u in units]
    reads = [api.get(f"/teams/workload/{u.pk}").status_code for u in units]
    landing = session.get(reverse("web:team-workload-home")).status_code

    assert (pages, reads, landing) == ([dinas, bidang], [dinas, bidang], home)


def test_an_anonymous_caller_gets_401_from_the_api_and_the_login_page_from_the_page(persona):
    url = reverse("web:team-workload", args=[dinas_unit(persona).pk])

    read = ApiClient(Client()).get(f"/teams/workload/{dinas_unit(persona).pk}")
    page = Client().get(url)

    assert (read.status_code, read.json()["code"]) == (401, "unauthenticated")
    assert (page.status_code, page["Location"]) == (302, f"/masuk/?next={url}")


def test_a_hidden_unit_answers_the_shared_404_shape_on_the_api(persona, user_of, other_tenant_user):
    api = ApiClient(client("jf_ahli_muda", user_of, other_tenant_user))

    response = api.get(f"/teams/workload/{dinas_unit(persona).pk}")

    assert (response.status_code, response.json()["code"]) == (404, "not_found")


def test_a_unit_head_lands_on_their_own_unit(persona, user_of, other_tenant_user):
    response = client("kabid", user_of, other_tenant_user).get(reverse("web:team-workload-home"))

    assert response["Location"] == reverse("web:team-workload", args=[bidang_unit(persona).pk])


def test_v61_each_person_carries_their_teams_roles_and_open_activities(
    persona, user_of, other_tenant_user
):
    team, _plan = planned_team(persona)
    api = ApiClient(client("kepala_dinas", user_of, other_tenant_user))

    body = api.get(f"/teams/workload/{dinas_unit(persona).pk}").json()

    rows = {row["employee_id"]: row for row in body["people"]}
    lead, member = rows[persona("jf_ahli_muda").pk], rows[persona("pelaksana").pk]
    parts = ("lead_teams", "member_teams", "pengendali_teams", "open_activities", "penugasan")
    assert [lead[p] for p in parts] == [1, 0, 0, 0, 0]
    assert [member[p] for p in parts] == [0, 1, 0, 1, 0]
    assert (lead["total"], member["total"]) == (1, 2)
    assert body["people"][0]["employee_id"] == persona("pelaksana").pk
    assert body["load_total"] == 3
    assert body["threshold_ratio"] is None
    assert body["distribution_rule"] == {"rule_id": "V-61", "strength": "SILENT", "citation": ""}
    assert [
        (t["team_id"], t["people"], t["activities"], t["is_visible"]) for t in body["teams"]
    ] == [(team.pk, 2, 1, True)]


def test_v62_competence_gaps_become_training_needs_and_missed_targets_are_shown(
    persona, user_of, other_tenant_user
):
    team, plan = planned_team(persona)
    Employee.objects.filter(pk=persona("jf_ahli_muda").pk).update(competencies=["Analisis Data"])
    Employee.objects.filter(pk=persona("pelaksana").pk).update(competencies=["arsip"])
    rework_open(
        team_id=team.pk,
        by=persona("kepala_dinas"),
        reason="Target 40 sarana tidak tercapai",
        activity_id=plan.activities.get().pk,
        at=NOW,
        on=ON,
    )
    session = client("kepala_dinas", user_of, other_tenant_user)

    body = ApiClient(session).get(f"/teams/workload/{dinas_unit(persona).pk}").json()
    html = session.get(reverse("web:team-workload", args=[dinas_unit(persona).pk])).content

    member = persona("pelaksana")
    assert body["training_needs"] == [
        {"competency": "analisis data", "people": 1, "names": [member.name]}
    ]
    rows = {row["employee_id"]: row for row in body["people"]}
    assert (rows[member.pk]["gaps"], rows[member.pk]["missed_targets"]) == (["analisis data"], 1)
    assert rows[persona("jf_ahli_muda").pk]["gaps"] == []
    text = html.decode()
    assert text.count('data-testid="need-row"') == 1
    assert 'data-testid="needs-chart"' in text
    assert 'data-testid="missed-targets"' in text


def test_the_page_draws_the_load_chart_beside_its_table(persona, user_of, other_tenant_user):
    planned_team(persona)

    session = client("kepala_dinas", user_of, other_tenant_user)
    unit = dinas_unit(persona)

    html = session.get(reverse("web:team-workload", args=[unit.pk])).content.decode()

    people = ApiClient(session).get(f"/teams/workload/{unit.pk}").json()["people_total"]
    assert 'role="img" aria-labelledby="load-chart-title load-chart-desc"' in html
    assert html.count('data-testid="load-row"') == min(people, 25) == people
    chart = html.split('data-testid="load-chart"')[1].split("</svg>")[0]
    assert chart.count("<rect x=") == 3  # the lead's one segment, the member's two
    assert 'data-testid="uneven-alert"' not in html


# The session, the user, the account, the scope (3), the unit, what the people carry (one GROUP BY
# per load part, six, and the people themselves), the people shown and their positions, the
# teams and their count, the competencies asked by teams and by penugasan (with those held), and
# which of the teams the viewer may open (rules.teams_visible_to: the teams of the units they
# head, their members and the officials named on the day, five); for the training-need proposal
# (V-62), whether the viewer may propose (heads the unit or is a head's delegate) and the needs
# already proposed for the unit's people. V-61's threshold (Blitar) asks nothing more: the loads
# are ranked in Python.
def _read(api: ApiClient, unit: OrgUnit, django_assert_num_queries, queries: int):
    with django_assert_num_queries(queries):
        response = api.get(f"/teams/workload/{unit.pk}")
    assert response.status_code == 200
    return response.json()


QUERIES = 29


def _more_people(persona, count: int) -> None:
    """Place `count` more Pelaksana in the Subkoordinator's unit (below the Dinas), through the
    services."""
    from sikerja.organization.rules import Actor
    from tests.organization.builders import Org

    unit = persona("subkoordinator").placements.get().position.unit
    government = unit.government
    org = Org(government, Actor.system(government.pk), unit.agency, unit.agency, {"sub": unit})
    for index in range(count):
        org.staff(f"Pegawai Tambahan {index}", "sub", "PELAKSANA")


def test_the_workload_costs_the_same_queries_for_one_team_and_three(
    persona, user_of, other_tenant_user, django_assert_num_queries
):
    planned_team(persona)
    api = ApiClient(client("kepala_dinas", user_of, other_tenant_user))
    unit = dinas_unit(persona)
    small = _read(api, unit, django_assert_num_queries, QUERIES)

    planned_team(persona, "Tim Kerja Kedua")
    planned_team(persona, "Tim Kerja Ketiga")
    _more_people(persona, 10)
    large = _read(api, unit, django_assert_num_queries, QUERIES)

    assert (small["teams_total"], large["teams_total"]) == (1, 3)
    assert large["people_total"] == small["people_total"] + 10
    assert large["load_total"] == 3 * small["load_total"]


def test_the_page_costs_the_same_queries_for_one_team_and_three(
    persona, user_of, other_tenant_user, django_assert_num_queries
):
    planned_team(persona)
    session = client("kepala_dinas", user_of, other_tenant_user)
    url = reverse("web:team-workload", args=[dinas_unit(persona).pk])
    with django_assert_num_queries(QUERIES + 1):
        first = session.get(url)

    planned_team(persona, "Tim Kerja Kedua")
    planned_team(persona, "Tim Kerja Ketiga")
    with django_assert_num_queries(QUERIES + 1):
        second = session.get(url)

    assert first.content.decode().count('data-testid="unit-team-row"') == 1
    assert second.content.decode().count('data-testid="unit-team-row"') == 3


def _blitar_team(org, kadis, lead, members, name):
    from sikerja.teams.services import team_propose
    from tests.teams.world import team_input

    team = team_propose(
        requester=kadis,
        data=team_input(name=name, lead_id=lead.pk),
        owner_unit_id=org.units["bidang"].pk,
        at=NOW,
        on=ON,
    )
    decide(team, "approve")
    decide(team, "submit", member_ids=[m.pk for m in members], lead_input="Pembagian kerja")
    return decide(team, "approve")


def _head_viewer(org, unit_key: str):
    from sikerja.organization.rules import Viewer

    unit = org.units[unit_key]
    return Viewer(
        user_id=0,
        username="kabid",
        government=org.government,
        employee_id=org.people[unit_key].pk,
        is_admin=False,
        sees_government=False,
        unit_paths=(unit.path,),
    )


def _blitar_unit_with_an_uneven_load():
    """A Blitar Bidang whose JF Ahli Muda leads three teams with the Pelaksana as member, and
    whose JF Ahli Pertama leads one with the JF Terampil."""
    from tests.organization.builders import build_org
    from tests.teams.world import staff

    org = build_org("blitar-2023")
    people = staff(org)
    kadis = org.people["dinas"]
    for name in ("Tim Satu", "Tim Dua", "Tim Tiga"):
        _blitar_team(org, kadis, people["ahli_muda"], [people["pelaksana"]], name)
    _blitar_team(org, kadis, people["ahli_pertama"], [people["terampil"]], "Tim Empat")
    return org, people


def test_v61_blitar_pasal_28_flags_a_load_above_one_and_a_half_times_the_unit_mean():
    from sikerja.teams.workload import unit_workload

    org, people = _blitar_unit_with_an_uneven_load()

    page = unit_workload(viewer=_head_viewer(org, "bidang"), unit_id=org.units["bidang"].pk, on=ON)

    loads = {row.employee_id: (row.total, row.is_over) for row in page.people}
    assert (page.load_total, page.threshold_ratio) == (8, Decimal("1.5"))
    assert page.mean_load == (Decimal(8) / page.people_total).quantize(Decimal("0.01"))
    assert loads[people["ahli_muda"].pk] == (3, True)
    assert loads[people["pelaksana"].pk] == (3, True)
    assert loads[people["ahli_pertama"].pk] == (1, False)
    assert page.over_total == 2
    assert page.distribution_rule.citation == "Perwali Blitar 6/2023 Pasal 28"
    assert page.training_rule.citation == "Perwali Blitar 6/2023 Pasal 29 ayat (2)"


def test_v61_blitar_the_unit_head_sees_the_uneven_load_alert_on_the_page():
    from tests.documents.users import login_for

    org, _people = _blitar_unit_with_an_uneven_load()
    session = Client()
    session.force_login(login_for(org.people["bidang"], government=org.government))

    html = session.get(reverse("web:team-workload", args=[org.units["bidang"].pk])).content

    text = html.decode()
    assert 'data-testid="uneven-alert"' in text
    assert "2 pegawai memikul beban di atas 1,5 kali rata-rata unit (lebih dari 2,00)" in text
    assert "Perwali Blitar 6/2023 Pasal 28" in text
    assert text.count("di atas ambang</span>") == 2


def test_v61_the_workload_of_a_sibling_unit_is_hidden_from_a_unit_head():
    from sikerja.core.errors import NotFound
    from sikerja.teams.workload import unit_workload
    from tests.organization.builders import build_org

    org = build_org("blitar-2023")

    with pytest.raises(NotFound):
        unit_workload(viewer=_head_viewer(org, "bidang"), unit_id=org.units["dinas"].pk, on=ON)


def test_the_page_speaks_english_when_asked(persona, user_of, other_tenant_user, settings):
    planned_team(persona)
    session = client("kepala_dinas", user_of, other_tenant_user)
    session.cookies[settings.LANGUAGE_COOKIE_NAME] = "en"

    html = session.get(reverse("web:team-workload", args=[dinas_unit(persona).pk])).content

    text = html.decode()
    assert "Workload and training needs: " in text
    assert "Education and training needs" in text
    assert "Beban kerja per pegawai" not in text


def _penugasan_in_force(persona, candidate: Employee):
    """A within-unit penugasan of the candidate, proposed by their appraiser, appointed by the
    Kepala Dinas and received: in force from 1 December (WF-PEN-IN)."""
    from sikerja.assignments.services import assignment_request_submit
    from tests.assignments.flow import decide as decide_step
    from tests.assignments.web.test_world import request_input
    from tests.teams.world import START

    assignment = assignment_request_submit(
        requester=persona("kabid"),
        data=request_input(candidate, competencies=["analisis jabatan"], starts_on=START),
        at=NOW,
        on=ON,
    )
    decide_step(assignment, "approve")
    decide_step(assignment, "acknowledge")
    return assignment


def test_v61_a_penugasan_in_force_counts_with_its_competencies_from_its_first_day(
    persona, viewer_of
):
    from sikerja.teams.workload import unit_workload
    from tests.teams.world import START

    jf = persona("jf_ahli_muda")
    _penugasan_in_force(persona, jf)
    viewer, unit_id = viewer_of("kepala_dinas"), dinas_unit(persona).pk

    before = unit_workload(viewer=viewer, unit_id=unit_id, on=ON)
    during = unit_workload(viewer=viewer, unit_id=unit_id, on=START)

    row = next(row for row in during.people if row.employee_id == jf.pk)
    assert (before.load_total, during.load_total) == (0, 1)
    assert (row.penugasan, row.total, row.gaps) == (1, 1, ("analisis jabatan",))
    assert [(n.competency, n.people) for n in during.training_needs] == [("analisis jabatan", 1)]
