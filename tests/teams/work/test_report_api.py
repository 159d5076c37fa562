"""API v1 of reports and evaluation: a report submitted with evidence uploaded first, received
up the chain, the results evaluated to "declared complete"; refusals in the shared error shape
with rule and citation; a retried write with its Idempotency-Key is answered from the first."""

from __future__ import annotations

from django.core.files.uploadedfile import SimpleUploadedFile

from sikerja.organization.models import Employee
from sikerja.teams.models import Team, TeamReport
from sikerja.teams.services.reports import team_reports_open
from sikerja.workflows.models import WorkflowStep
from tests.clients import ApiClient
from tests.teams.work.flow import AT, DAY
from tests.teams.work.samples import PDF

SKA = "Perwali Surakarta 32/2023"


def _upload(client: ApiClient, team: Team) -> int:
    created = client.client.post(
        f"/api/v1/teams/{team.pk}/evidence",
        {"file": SimpleUploadedFile("rekap.pdf", PDF, content_type="application/pdf")},
    )
    assert created.status_code == 201
    return int(created.json()["id"])


def _as(employee_id: int) -> ApiClient:
    from django.test import Client

    client = Client()
    client.force_login(Employee.objects.get(pk=employee_id).user)
    return ApiClient(client)


def test_a_report_goes_up_its_chain_through_the_api(active_team, session_as, persona):
    team_reports_open(team_id=active_team.pk, at=AT, on=DAY)
    member, lead = session_as("pelaksana"), session_as("jf_ahli_muda")
    report = TeamReport.objects.get(team=active_team, kind="MEMBER")

    due = member.get("/teams/reports/due").json()
    refused = member.post(f"/teams/reports/{report.pk}/submit", {"text": "Rekap"})
    evidence_id = _upload(member, active_team)
    sent = member.post(
        f"/teams/reports/{report.pk}/submit",
        {"text": "Rekap", "evidence_ids": [evidence_id]},
        **{"Idempotency-Key": "report-1"},
    )
    replayed = member.post(
        f"/teams/reports/{report.pk}/submit",
        {"text": "Rekap", "evidence_ids": [evidence_id]},
        **{"Idempotency-Key": "report-1"},
    )
    inbox = lead.get("/teams/reports/inbox").json()
    received = lead.post(
        f"/teams/reports/{report.pk}/steps/{inbox[0]['step_id']}/decide",
        {"decision": "acknowledge"},
    )

    assert [row["id"] for row in due] == [report.pk]
    assert refused.status_code == 400
    assert {k: refused.json()[k] for k in ("code", "rule", "citation")} == {
        "code": "report_evidence_required",
        "rule": "V-29",
        "citation": f"{SKA} Pasal 26 ayat (1)",
    }
    assert sent.status_code == 200
    assert (sent.json()["status"], sent.json()["evidence_ids"]) == ("SUBMITTED", [evidence_id])
    assert replayed.headers["Idempotent-Replayed"] == "true"
    assert [(row["kind"], row["subject_id"]) for row in inbox] == [("teams.report", report.pk)]
    assert received.status_code == 200
    assert received.json()["status"] == "RECEIVED"
    assert [s["actor_name"] for s in received.json()["steps"]] == [
        persona("pelaksana").full_name,
        persona("jf_ahli_muda").full_name,
    ]


def test_the_results_are_declared_complete_through_the_api(active_team, session_as):
    lead = session_as("jf_ahli_muda")

    created = lead.post(
        f"/teams/{active_team.pk}/evaluations",
        {"results": "Data terverifikasi", "evidence_ids": [_upload(lead, active_team)]},
    )
    evaluation = created.json()
    answers = []
    while True:
        step = WorkflowStep.objects.filter(
            instance__subject_type="teams.evaluation",
            instance__subject_id=evaluation["id"],
            status="OPEN",
        ).first()
        if step is None:
            break
        reviewer = _as(step.actor_id)
        off = reviewer.post(
            f"/teams/evaluations/{evaluation['id']}/steps/{step.pk}/decide",
            {"decision": "approve"},
        )
        answers.append(off.json()["rule"])
        on = reviewer.post(
            f"/teams/evaluations/{evaluation['id']}/steps/{step.pk}/decide",
            {"decision": "approve", "on_target": True},
        )
        answers.append(on.json()["status"])

    assert created.status_code == 201
    assert evaluation["workflow_key"] == "WF-EVAL-PD"
    assert answers == ["V-57", "UNDER_REVIEW", "V-57", "DECLARED_COMPLETE"]
    assert Team.objects.get(pk=active_team.pk).status == "COMPLETED"


def test_a_report_is_not_found_for_another_government(active_team, session_as):
    team_reports_open(team_id=active_team.pk, at=AT, on=DAY)
    report = TeamReport.objects.get(team=active_team, kind="MEMBER")

    answer = session_as("kepala_dinas").get(f"/teams/reports/{report.pk}")
    hidden = session_as("pelaksana").get("/teams/reports/999999")

    assert answer.status_code == 200
    assert hidden.status_code == 404


def test_v53_surakarta_refuses_a_demanded_report_in_the_shared_error_shape(
    active_team, session_as, persona
):
    answer = session_as("kepala_dinas").post(
        f"/teams/{active_team.pk}/reports/demand", {"nip": persona("pelaksana").nip}
    )

    assert answer.status_code == 400
    assert {k: answer.json()[k] for k in ("code", "rule", "citation")} == {
        "code": "report_on_demand_not_provided",
        "rule": "V-53",
        "citation": f"{SKA} Pasal 26 ayat (3)",
    }
