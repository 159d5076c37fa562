"""The lead's plan on each pack's WF-TEAM-PLAN: the approver's step is the engine's, opened for
the exact official the pack names, in their inbox with its due date; a return goes back to the
lead on the same instance; the process map is drawn from the same definition."""

from __future__ import annotations

import datetime as dt

import pytest
from django.urls import reverse
from django.utils import translation

from sikerja.core.errors import PermissionDenied
from sikerja.organization import services_people
from sikerja.organization.rules import Actor
from sikerja.regulations.loader import load_pack
from sikerja.teams.models import TeamPlan
from sikerja.teams.services.planning import team_plan_decide
from sikerja.workflows.maps import bpmn_xml, swimlane_svg
from sikerja.workflows.models import WorkflowInstance, WorkflowStep
from sikerja.workflows.selectors import inbox
from tests.teams.work.helpers import refused, submitted_plan
from tests.teams.work.packs import PACKS, active_team
from tests.teams.work.test_concurrent_decisions import _team_with_a_deputy
from tests.teams.work.test_planning import APPROVER
from tests.teams.work.test_web import action_url, page_url
from tests.teams.world import NOW, ON

# Five working days after Monday 23 November 2026, 09:00 UTC (the packs' step_deadline_days).
DUE = dt.datetime(2026, 11, 30, 9, 0, tzinfo=dt.UTC)


def _steps(plan: TeamPlan) -> list[tuple[str, str, int | None, str]]:
    return list(
        WorkflowStep.objects.filter(
            instance__subject_type="teams.plan", instance__subject_id=plan.pk
        )
        .order_by("seq")
        .values_list("step_key", "status", "actor_id", "actor_expression")
    )


@pytest.mark.django_db
@pytest.mark.parametrize("pack_id", PACKS)
def test_the_plan_waits_for_the_official_the_pack_names_in_their_inbox_case(pack_id):
    org, people, team = active_team(pack_id)
    lead, approver = people["ahli_muda"], org.people[APPROVER[pack_id]]
    pack = load_pack(pack_id)

    plan = submitted_plan(team, lead)

    instance = WorkflowInstance.objects.get(subject_type="teams.plan", subject_id=plan.pk)
    assert (instance.kind, instance.definition_key, instance.status) == (
        "plan",
        "WF-TEAM-PLAN",
        "OPEN",
    )
    assert _steps(plan) == [
        ("submit", "DECIDED", lead.pk, "author"),
        ("decide", "OPEN", approver.pk, "owner.unit_head"),
    ]
    step = instance.steps.get(status="OPEN")
    assert step.citation == pack.cite(pack.data.workflows["WF-TEAM-PLAN"].step("decide").citation)
    assert (plan.status, plan.approver_id) == ("SUBMITTED", approver.pk)
    entries = inbox(employee_id=approver.pk, on=ON)
    assert [
        (e.subject.title, e.subject.url, e.waiting.step.pk, e.waiting.step.due_at) for e in entries
    ] == [
        (
            f"{team.name}, rencana kegiatan tim",
            reverse("web:team-work", args=[team.pk]),
            step.pk,
            DUE,
        )
    ]
    assert inbox(employee_id=lead.pk, on=ON) == []


@pytest.mark.django_db
@pytest.mark.parametrize("pack_id", PACKS)
def test_the_approvers_decision_closes_the_plans_flow_case(pack_id):
    org, people, team = active_team(pack_id)
    approver = org.people[APPROVER[pack_id]]
    plan = submitted_plan(team, people["ahli_muda"])

    team_plan_decide(team_id=team.pk, by=approver, approve=True, note="", at=NOW, on=ON)

    instance = WorkflowInstance.objects.get(subject_type="teams.plan", subject_id=plan.pk)
    assert instance.status == "APPROVED"
    assert _steps(plan)[-1] == ("decide", "DECIDED", approver.pk, "owner.unit_head")
    assert WorkflowStep.objects.get(instance=instance, step_key="decide").decided_by_id == (
        approver.pk
    )
    assert inbox(employee_id=approver.pk, on=ON) == []


@pytest.mark.django_db
def test_a_returned_plan_waits_for_the_lead_and_goes_back_on_the_same_instance():
    org, people, team = active_team("kotim-2023")
    lead, head = people["ahli_muda"], org.people["bidang"]
    plan = submitted_plan(team, lead)

    team_plan_decide(team_id=team.pk, by=head, approve=False, note="Rinci", at=NOW, on=ON)
    waiting = [e.waiting.step.step_key for e in inbox(employee_id=lead.pk, on=ON)]
    submitted_plan(team, lead)

    assert waiting == ["submit"]
    assert WorkflowInstance.objects.filter(subject_type="teams.plan").count() == 1
    assert [(key, status, actor) for key, status, actor, _e in _steps(plan)] == [
        ("submit", "DECIDED", lead.pk),
        ("decide", "DECIDED", head.pk),
        ("submit", "DECIDED", lead.pk),
        ("decide", "OPEN", head.pk),
    ]
    assert WorkflowStep.objects.get(step_key="decide", status="DECIDED").reason == "Rinci"


@pytest.mark.django_db
def test_no_one_but_the_steps_actor_decides_and_nothing_moves():
    org, people, team = active_team("barut-2024")
    submitted_plan(team, people["ahli_muda"])
    open_before = list(WorkflowStep.objects.filter(status="OPEN").values_list("pk", flat=True))

    error = refused(
        lambda: team_plan_decide(
            team_id=team.pk, by=org.people["dinas"], approve=True, note="", at=NOW, on=ON
        ),
        PermissionDenied,
    )

    assert error.citation == (
        "keputusan produk (tidak diatur dalam peraturan); Perbup Barut 18/2024 "
        "Pasal 28 ayat (3) huruf a (menyusun dan menetapkan rencana kegiatan)"
    )
    assert list(WorkflowStep.objects.filter(status="OPEN").values_list("pk", flat=True)) == (
        open_before
    )


@pytest.mark.parametrize("pack_id", PACKS)
@pytest.mark.parametrize("lang", ["id", "en"])
def test_every_packs_plan_flow_has_its_map_case(pack_id, lang):
    pack = load_pack(pack_id)
    definition = pack.data.workflows[pack.data.teamwork.plan.flow]  # type: ignore[union-attr]

    svg = swimlane_svg(definition, cite=pack.cite, lang=lang, chains=pack.data.chains)
    bpmn = bpmn_xml(definition, cite=pack.cite, lang=lang, chains=pack.data.chains)

    assert (definition.kind, definition.id) == ("plan", "WF-TEAM-PLAN")
    assert [(s.id, s.actor) for s in definition.steps] == [
        ("submit", "author"),
        ("decide", "owner.unit_head"),
    ]
    label = definition.label if lang == "id" else definition.label_en
    assert f'<title id="map-wf-team-plan-{lang}-title">{label}</title>' in svg
    assert bpmn.count("<bpmn:userTask") == 2
    for step in definition.steps:
        assert pack.cite(step.citation) in svg


@pytest.mark.django_db
def test_the_maps_page_lists_the_plan_flow_under_its_kind(client_of):
    page = client_of("pelaksana").get(reverse("web:process-maps"))
    one = client_of("kabid").get(reverse("web:process-map", args=["WF-TEAM-PLAN"]))

    (group,) = [g for g in page.context["other_groups"] if g.kind == "plan"]
    assert (group.label, [f.key for f in group.flows]) == (
        "Penetapan rencana kegiatan tim",
        ["WF-TEAM-PLAN"],
    )
    assert one.status_code == 200
    assert "Penetapan rencana kegiatan tim" in one.content.decode()


@pytest.mark.django_db
def test_the_inbox_names_the_plan_in_english_too():
    org, people, team = active_team("cilegon-2023")
    submitted_plan(team, people["ahli_muda"])

    with translation.override("en"):
        (entry,) = inbox(employee_id=org.people["bidang"].pk, on=ON)

    assert entry.subject.title == f"{team.name}, team activity plan"


@pytest.mark.django_db
def test_after_the_decision_a_deputy_of_the_approver_is_late_and_a_stranger_is_refused():
    team, people, kabid, deputy = _team_with_a_deputy("PERF_MGMT")
    submitted_plan(team, people["ahli_muda"])
    team_plan_decide(team_id=team.pk, by=kabid, approve=True, note="", at=NOW, on=ON)

    late = refused(
        lambda: team_plan_decide(team_id=team.pk, by=deputy, approve=False, note="x", at=NOW, on=ON)
    )
    stranger = refused(
        lambda: team_plan_decide(
            team_id=team.pk, by=people["sekretariat"], approve=True, note="", at=NOW, on=ON
        ),
        PermissionDenied,
    )

    assert (late.code, stranger.code) == ("stale_state", "permission_denied")
    assert TeamPlan.objects.get(team=team).decided_by_id == kabid.pk


@pytest.mark.django_db
def test_the_approvers_deputy_finds_the_decision_form_on_the_team_page_and_decides(
    active_team, persona, client_of
):
    head, deputy = persona("kepala_dinas"), persona("kabid")
    submitted_plan(active_team, persona("jf_ahli_muda"))
    client = client_of("kabid")
    without = "plan-decision-form" in client.get(page_url(active_team)).content.decode()
    services_people.delegation_create(
        actor=Actor.system(head.government_id),
        from_employee=head,
        to_employee=deputy,
        scope="PERF_MGMT",
        valid_from=ON,
        legal_basis="Surat Kuasa Kepala Dinas Nomor 800/7/2026",
        at=NOW,
    )

    with_delegation = "plan-decision-form" in client.get(page_url(active_team)).content.decode()
    response = client.post(
        action_url(active_team, "putusan-rencana"), {"decision": "return", "note": "Rinci"}
    )

    assert (without, with_delegation) == (False, True)
    assert response.status_code == 302
    plan = TeamPlan.objects.get(team=active_team)
    assert (plan.status, plan.decided_by_id, plan.decision_note) == ("RETURNED", deputy.pk, "Rinci")


@pytest.mark.django_db
def test_the_approvers_home_page_lists_the_plan_waiting_for_them_not_the_leads(
    active_team, persona, client_of
):
    submitted_plan(active_team, persona("jf_ahli_muda"))

    html = client_of("kepala_dinas").get(reverse("web:home")).content.decode()
    lead_html = client_of("jf_ahli_muda").get(reverse("web:home")).content.decode()

    waiting = html.split('data-testid="home-waiting"', 1)[1].split("</section>", 1)[0]
    link = reverse("web:team-work", args=[active_team.pk])
    assert f'<a href="{link}"><strong>{active_team.name}, rencana kegiatan tim</strong></a>' in (
        waiting
    )
    assert "Pimpinan Unit Organisasi menetapkan rencana" in waiting
    assert (
        "rencana kegiatan tim"
        not in lead_html.split('data-testid="home-waiting"', 1)[1].split("</section>", 1)[0]
    )
