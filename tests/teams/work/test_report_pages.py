"""The report and evaluation pages: submit a report with evidence, receive it from the inbox,
submit the results from the team page and decide them; refusals cite their article; those who
may not see the team get 404; the report inbox costs the same queries for one report and three.
"""

from __future__ import annotations

import pytest
from django.core.files.uploadedfile import SimpleUploadedFile
from django.test import Client
from django.urls import reverse

from sikerja.organization.models import Employee
from sikerja.teams.models import EvidenceFile, TeamEvaluation, TeamReport
from sikerja.teams.services.reports import team_reports_open
from sikerja.workflows.models import WorkflowStep
from tests.teams.test_web_pages import propose
from tests.teams.work.flow import AT, DAY
from tests.teams.work.samples import PDF
from tests.teams.world import decide

pytestmark = pytest.mark.django_db


def client_for(employee_id: int) -> Client:
    client = Client()
    client.force_login(Employee.objects.get(pk=employee_id).user)
    return client


def pdf(name: str = "rekap.pdf") -> SimpleUploadedFile:
    return SimpleUploadedFile(name, PDF, content_type="application/pdf")


def opened(team) -> dict[str, TeamReport]:
    team_reports_open(team_id=team.pk, at=AT, on=DAY)
    return {r.kind: r for r in TeamReport.objects.filter(team=team)}


def test_a_member_submits_with_evidence_and_the_lead_receives_it_from_the_inbox(
    active_team, client_of, persona
):
    report = opened(active_team)["MEMBER"]
    member, lead = client_of("pelaksana"), client_of("jf_ahli_muda")

    due = member.get(reverse("web:team-reports")).content.decode()
    sent = member.post(
        reverse("web:team-report-submit", args=[report.pk]),
        {"text": "Pendataan 20 sarana", "evidence": [pdf()]},
    )
    inbox = lead.get(reverse("web:team-reports")).content.decode()
    step = WorkflowStep.objects.get(
        instance_id=report.workflow_instance_id, status=WorkflowStep.Status.OPEN
    )
    received = lead.post(
        reverse("web:team-report-decide", args=[report.pk]),
        {"step_id": step.pk, "decision": "acknowledge"},
    )

    assert due.count('data-testid="due-row"') == 1
    assert sent.status_code == 302
    assert inbox.count('data-testid="inbox-row"') == 1
    assert received.status_code == 302
    report.refresh_from_db()
    assert report.status == "RECEIVED"
    assert list(
        EvidenceFile.objects.filter(owner_kind="team_report", owner_id=report.pk).values_list(
            "original_name", flat=True
        )
    ) == ["rekap.pdf"]


def test_v29_a_report_without_evidence_is_refused_on_the_page_with_its_article(
    active_team, client_of
):
    report = opened(active_team)["MEMBER"]

    response = client_of("pelaksana").post(
        reverse("web:team-report-submit", args=[report.pk]), {"text": "Tanpa bukti"}
    )

    html = response.content.decode()
    assert response.status_code == 400
    assert "Perwali Surakarta 32/2023 Pasal 26 ayat (1)" in html
    assert TeamReport.objects.get(pk=report.pk).status == "DUE"


def test_a_report_is_404_for_someone_who_may_not_see_the_team(active_team, client_of):
    report = opened(active_team)["MEMBER"]

    response = client_of("other_tenant").get(reverse("web:team-report-detail", args=[report.pk]))

    assert response.status_code == 404


def test_the_lead_submits_the_results_from_the_team_page_and_the_first_reviewer_decides(
    active_team, client_of
):
    lead = client_of("jf_ahli_muda")

    page = lead.get(reverse("web:team-detail", args=[active_team.pk])).content.decode()
    sent = lead.post(
        reverse("web:team-results-submit", args=[active_team.pk]),
        {"results": "Data 40 sarana terverifikasi", "evidence": [pdf()]},
    )
    evaluation = TeamEvaluation.objects.get(team=active_team)
    step = WorkflowStep.objects.get(
        instance_id=evaluation.workflow_instance_id, status=WorkflowStep.Status.OPEN
    )
    refused = client_for(step.actor_id).post(
        reverse("web:team-evaluation-decide", args=[evaluation.pk]),
        {"step_id": step.pk, "decision": "approve"},
    )
    approved = client_for(step.actor_id).post(
        reverse("web:team-evaluation-decide", args=[evaluation.pk]),
        {"step_id": step.pk, "decision": "approve", "on_target": "on"},
    )

    assert 'data-testid="results-submit-form"' in page
    assert sent.status_code == 302
    assert sent["Location"] == reverse("web:team-evaluation-detail", args=[evaluation.pk])
    assert refused.status_code == 400
    assert "Perwali Surakarta 32/2023 Lampiran IV 3.1.1 angka 3" in refused.content.decode()
    assert approved.status_code == 302
    assert WorkflowStep.objects.get(pk=step.pk).decision == "approve"


def test_the_report_inbox_costs_the_same_queries_for_one_report_and_for_three(
    persona, client_of, django_assert_num_queries
):
    lead = client_of("jf_ahli_muda")
    teams = []
    for name in ("Tim A", "Tim B", "Tim C"):
        team = propose(persona, name)
        decide(team, "approve", lead_id=persona("jf_ahli_muda").pk)
        teams.append(decide(team, "approve"))

    def submit_member_report(team) -> None:
        from sikerja.teams.services.evidence import Upload
        from sikerja.teams.services.reports import team_report_submit

        report = opened(team)["MEMBER"]
        team_report_submit(
            report_id=report.pk,
            by=persona("pelaksana"),
            text="Laporan",
            uploads=[Upload("rekap.pdf", PDF)],
            at=AT,
            on=DAY,
        )

    submit_member_report(teams[0])
    lead.get(reverse("web:team-reports"))
    with django_assert_num_queries(9) as one:
        rows_one = lead.get(reverse("web:team-reports")).content.decode().count('"inbox-row"')
    submit_member_report(teams[1])
    submit_member_report(teams[2])
    with django_assert_num_queries(len(one.captured_queries)):
        rows_three = lead.get(reverse("web:team-reports")).content.decode().count('"inbox-row"')

    assert (rows_one, rows_three) == (1, 3)


def test_the_team_pages_reports_section_costs_the_same_queries_with_more_reports(
    active_team, client_of, django_assert_num_queries
):
    lead = client_of("jf_ahli_muda")
    url = reverse("web:team-detail", args=[active_team.pk])
    lead.get(url)

    with django_assert_num_queries(len(_queries(lead, url))) as before:
        empty = lead.get(url).content.decode().count('data-testid="team-report-row"')
    opened(active_team)
    with django_assert_num_queries(len(before.captured_queries)):
        rows = lead.get(url).content.decode().count('data-testid="team-report-row"')

    assert (empty, rows) == (0, 2)


def _queries(client: Client, url: str) -> list[object]:
    from django.db import connection
    from django.test.utils import CaptureQueriesContext

    with CaptureQueriesContext(connection) as captured:
        client.get(url)
    return list(captured.captured_queries)
