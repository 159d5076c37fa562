"""The individual report pages and API on the demo pemda (Surakarta): the JF Ahli Muda opens
and submits a report on their own work with evidence; the Kepala Bidang (appraiser) finds it
waiting and forwards it; the Kepala Dinas, copied from the start (A3), receives it; who may see
the report and its evidence (404 for everyone else); V-29 refused with its article; the list
page costs the same queries for one report and three."""

from __future__ import annotations

import datetime as dt

import pytest
from django.core.files.uploadedfile import SimpleUploadedFile
from django.urls import reverse

from sikerja.teams.models import IndividualEvidence, IndividualReport
from sikerja.workflows.models import WorkflowStep
from tests.teams.work.samples import PDF

pytestmark = pytest.mark.django_db
QUARTER = dt.date(2026, 10, 1)


def pdf() -> SimpleUploadedFile:
    return SimpleUploadedFile("rekap.pdf", PDF, content_type="application/pdf")


def created(client) -> IndividualReport:
    response = client.post(reverse("web:individual-report-create"), {"period_start": QUARTER})
    assert response.status_code == 302
    return IndividualReport.objects.get(pk=int(response["Location"].rstrip("/").split("/")[-1]))


def test_the_jf_submits_the_kabid_forwards_and_the_copied_kepala_dinas_receives(client_of, persona):
    author, kabid, kadis = client_of("jf_ahli_muda"), client_of("kabid"), client_of("kepala_dinas")
    report = created(author)

    sent = author.post(
        reverse("web:individual-report-submit", args=[report.pk]),
        {"text": "Kajian kebijakan rujukan", "evidence": [pdf()]},
    )
    copied = kadis.get(reverse("web:individual-reports")).content.decode()
    waiting = kabid.get(reverse("web:individual-reports")).content.decode()
    first = WorkflowStep.objects.get(instance_id=report.workflow_instance_id, status="OPEN")
    forwarded = kabid.post(
        reverse("web:individual-report-decide", args=[report.pk]),
        {"step_id": first.pk, "decision": "acknowledge"},
    )
    page = kadis.get(reverse("web:individual-report-detail", args=[report.pk])).content.decode()
    last = WorkflowStep.objects.get(instance_id=report.workflow_instance_id, status="OPEN")
    kadis.post(
        reverse("web:individual-report-decide", args=[report.pk]),
        {"step_id": last.pk, "decision": "acknowledge"},
    )

    assert (sent.status_code, forwarded.status_code) == (302, 302)
    assert copied.count('href="/laporan-individu/') >= 1
    assert waiting.count('data-testid="waiting-row"') == 1
    assert (first.actor_id, last.actor_id) == (persona("kabid").pk, persona("kepala_dinas").pk)
    assert 'data-testid="report-decision-form"' in page
    assert "Terima" in page
    assert IndividualReport.objects.get(pk=report.pk).status == "RECEIVED"


def test_v29_the_page_refuses_a_report_without_evidence_citing_pasal_26_ayat_1(client_of):
    author = client_of("jf_ahli_muda")
    report = created(author)

    response = author.post(
        reverse("web:individual-report-submit", args=[report.pk]), {"text": "Tanpa bukti"}
    )

    body = response.content.decode()
    assert response.status_code == 400
    assert 'data-testid="refusal-citation">Perwali Surakarta 32/2023 Pasal 26 ayat (1)' in body
    assert IndividualReport.objects.get(pk=report.pk).status == "DUE"


# Who may open a submitted report and its evidence: the author, the chain's officials (the
# Kepala Bidang, the Kepala Dinas copied and last on the chain), those who see the whole
# government (BKPSDM, the Sekda); not the others.
SEES = {
    "jf_ahli_muda": 200,
    "kabid": 200,
    "kepala_dinas": 200,
    "bkpsdm": 200,
    "sekda": 200,
    "subkoordinator": 404,
    "pelaksana": 404,
    "outsider": 404,
    "other_tenant": 404,
}


@pytest.mark.parametrize("name", sorted(SEES))
def test_who_may_see_an_individual_report_and_its_evidence_case(client_of, name):
    author = client_of("jf_ahli_muda")
    report = created(author)
    author.post(
        reverse("web:individual-report-submit", args=[report.pk]),
        {"text": "Kajian", "evidence": [pdf()]},
    )
    evidence = IndividualEvidence.objects.get(report=report)
    client = client_of(name)

    page = client.get(reverse("web:individual-report-detail", args=[report.pk]))
    download = client.get(reverse("web:individual-evidence", args=[report.pk, evidence.pk]))

    assert (page.status_code, download.status_code) == (SEES[name], SEES[name])
    if SEES[name] == 200:
        assert download.content == PDF
        assert download["Content-Disposition"].startswith("attachment")


def test_the_api_opens_uploads_submits_and_decides_with_one_error_shape(session_as, persona):
    author, kabid = session_as("jf_ahli_muda"), session_as("kabid")

    opened = author.post(
        "/individual-reports",
        {"period_start": QUARTER.isoformat()},
        **{"Idempotency-Key": "ind-open-1"},
    )
    report_id = opened.json()["id"]
    refused = author.post(f"/individual-reports/{report_id}/submit", {"text": "Kajian"})
    uploaded = author.client.post(
        f"/api/v1/individual-reports/{report_id}/evidence", {"file": pdf()}
    )
    sent = author.post(
        f"/individual-reports/{report_id}/submit",
        {"text": "Kajian"},
        **{"Idempotency-Key": "ind-submit-1"},
    )
    replayed = author.post(
        f"/individual-reports/{report_id}/submit",
        {"text": "Kajian"},
        **{"Idempotency-Key": "ind-submit-1"},
    )
    step = WorkflowStep.objects.get(
        instance_id=IndividualReport.objects.get(pk=report_id).workflow_instance_id,
        status="OPEN",
    )
    hidden = session_as("pelaksana").get(f"/individual-reports/{report_id}")
    listed = kabid.get("/individual-reports").json()
    decided = kabid.post(
        f"/individual-reports/{report_id}/steps/{step.pk}/decide",
        {"decision": "acknowledge"},
    )

    assert opened.status_code == 201
    assert (refused.status_code, refused.json()["rule"], refused.json()["citation"]) == (
        400,
        "V-29",
        "Perwali Surakarta 32/2023 Pasal 26 ayat (1)",
    )
    assert uploaded.status_code == 201
    assert (sent.status_code, replayed.json()) == (200, sent.json())
    assert [s["step_key"] for s in sent.json()["steps"]] == ["submit", "review", "review"]
    assert sent.json()["copied_to"] == [persona("kepala_dinas").full_name]
    assert hidden.status_code == 404
    assert [row["id"] for row in listed] == [report_id]
    assert (decided.status_code, decided.json()["status"]) == (200, "FORWARDED")


def test_the_list_page_costs_the_same_queries_for_one_report_and_three(client_of, persona):
    from django.db import connection
    from django.test.utils import CaptureQueriesContext

    author, kabid = client_of("jf_ahli_muda"), client_of("kabid")

    def count(client) -> int:
        with CaptureQueriesContext(connection) as ctx:
            assert client.get(reverse("web:individual-reports")).status_code == 200
        return len(ctx.captured_queries)

    def submitted(period_start: dt.date) -> None:
        response = author.post(
            reverse("web:individual-report-create"), {"period_start": period_start}
        )
        pk = int(response["Location"].rstrip("/").split("/")[-1])
        author.post(
            reverse("web:individual-report-submit", args=[pk]),
            {"text": "Kajian", "evidence": [pdf()]},
        )

    submitted(QUARTER)
    one = (count(author), count(kabid))
    for quarter in (dt.date(2026, 7, 1), dt.date(2026, 4, 1)):
        submitted(quarter)
    three = (count(author), count(kabid))

    waiting = kabid.get(reverse("web:individual-reports")).content.decode()
    assert IndividualReport.objects.filter(author=persona("jf_ahli_muda")).count() == 3
    assert waiting.count('data-testid="waiting-row"') == 3
    assert one == three


def test_the_api_re_route_answers_the_report_and_hides_it_from_others(session_as):
    author = session_as("jf_ahli_muda")
    report_id = author.post("/individual-reports", {"period_start": QUARTER.isoformat()}).json()[
        "id"
    ]
    author.client.post(f"/api/v1/individual-reports/{report_id}/evidence", {"file": pdf()})
    sent = author.post(f"/individual-reports/{report_id}/submit", {"text": "Kajian"}).json()

    hidden = session_as("pelaksana").post(f"/individual-reports/{report_id}/reroute", {})
    unchanged = author.post(f"/individual-reports/{report_id}/reroute", {})

    assert hidden.status_code == 404
    assert (unchanged.status_code, unchanged.json()["steps"]) == (200, sent["steps"])


def test_the_author_reroutes_on_the_page_the_report_waiting_for_a_kabid_who_moved(
    client_of, persona, operator, today, now
):
    from sikerja.audit.models import AuditEvent
    from sikerja.organization import services_people
    from sikerja.organization.models import Placement
    from tests.organization.api.test_query_counts import _new_employee
    from tests.organization.web.test_agency_page_kept import _place

    author, kabid = client_of("jf_ahli_muda"), persona("kabid")
    report = created(author)
    author.post(
        reverse("web:individual-report-submit", args=[report.pk]),
        {"text": "Kajian", "evidence": [pdf()]},
    )
    url = reverse("web:individual-report-reroute", args=[report.pk])
    kept = author.post(url, follow=True).content.decode()
    placement = Placement.objects.get(employee=kabid, kind="DEFINITIVE", valid_to__isnull=True)
    services_people.placement_end(actor=operator, placement=placement, valid_to=today, at=now)
    successor = _new_employee(operator, kabid.government, "Kepala Bidang Baru", now)
    _place(operator, successor, placement.position, today, now)

    hidden = client_of("pelaksana").post(url)
    moved = author.post(url)
    page = author.get(reverse("web:individual-report-detail", args=[report.pk])).content.decode()

    waiting = WorkflowStep.objects.get(instance_id=report.workflow_instance_id, status="OPEN")
    assert "Pejabat yang dituju masih memegang jabatannya; tidak dialihkan." in kept
    assert (hidden.status_code, moved.status_code) == (404, 302)
    assert waiting.actor_id == successor.pk
    assert "Laporan dialihkan kepada pemegang jabatan hari ini." in page
    assert 'data-testid="reroute-form"' in page
    event = AuditEvent.objects.get(
        action="teams.individual_report_rerouted", object_id=str(report.pk)
    )
    assert (event.after["former"], event.after["new"]) == (str(kabid.pk), str(successor.pk))
