"""The team-work pages: who may open them, the lead's plan, a member's progress with evidence,
an obstacle refused with its article, "Pekerjaan saya", and constant query counts."""

from __future__ import annotations

import pytest
from django.core.files.uploadedfile import SimpleUploadedFile
from django.urls import reverse

from sikerja.teams.models import EvidenceFile, Obstacle, ProgressEntry, TeamPlan
from sikerja.teams.services.evidence import Upload
from sikerja.teams.services.execution import progress_report
from sikerja.teams.services.obstacles import obstacle_raise
from tests.teams.work import samples
from tests.teams.world import NOW, ON

pytestmark = pytest.mark.django_db


def page_url(team) -> str:
    return reverse("web:team-work", args=[team.pk])


def action_url(team, action: str) -> str:
    return reverse("web:team-work-action", args=[team.pk, action])


@pytest.mark.parametrize(
    ("name", "status", "forms"),
    [
        ("jf_ahli_muda", 200, ["plan-form", "progress-form", "feedback-form", "obstacle-form"]),
        ("pelaksana", 200, ["progress-form"]),
        ("kepala_dinas", 200, ["monitoring-form"]),
        ("kabid", 200, ["feedback-form", "monitoring-form"]),
        ("subkoordinator", 200, ["feedback-form"]),
        ("sekda", 200, []),
        ("outsider", 404, []),
        ("other_tenant", 404, []),
    ],
)
def test_who_opens_the_work_page_and_which_forms_they_get_case(
    active_team, client_of, name, status, forms
):
    response = client_of(name).get(page_url(active_team))

    assert response.status_code == status
    if status == 200:
        html = response.content.decode()
        shown = [
            form
            for form in (
                "plan-form",
                "progress-form",
                "feedback-form",
                "monitoring-form",
                "obstacle-form",
            )
            if f'data-testid="{form}"' in html
        ]
        assert shown == forms


def test_the_lead_submits_the_plan_and_the_unit_head_sets_it(active_team, client_of, persona):
    lead, head = client_of("jf_ahli_muda"), client_of("kepala_dinas")

    saved = lead.post(
        action_url(active_team, "rencana"),
        {
            "strategy": "Per kecamatan",
            "expected_target": "40 sarana",
            "activity-TOTAL_FORMS": "1",
            "activity-INITIAL_FORMS": "0",
            "activity-0-name": "Verifikasi",
            "activity-0-output": "Berita acara",
            "activity-0-target": "40 sarana",
            "activity-0-starts_on": "2026-12-01",
            "activity-0-ends_on": "2026-12-10",
            "activity-0-budget": "1000000",
            "activity-0-assignee_nip": persona("pelaksana").nip,
            "submit": "1",
        },
    )
    decided = head.post(action_url(active_team, "putusan-rencana"), {"decision": "approve"})

    assert (saved.status_code, decided.status_code) == (302, 302)
    plan = TeamPlan.objects.get()
    assert (plan.status, plan.decided_by_id) == ("APPROVED", persona("kepala_dinas").pk)
    assert plan.activities.get().assignee_id == persona("pelaksana").pk


def test_a_member_reports_progress_with_evidence_and_downloads_it(active_team, client_of):
    member = client_of("pelaksana")

    posted = member.post(
        action_url(active_team, "kemajuan"),
        {
            "summary": "10 sarana",
            "percent_complete": "25",
            "evidence": [SimpleUploadedFile("foto.png", samples.png())],
        },
    )
    page = member.get(page_url(active_team)).content.decode()
    evidence = EvidenceFile.objects.get()
    download = member.get(reverse("web:team-evidence", args=[active_team.pk, evidence.pk]))

    assert posted.status_code == 302
    assert ProgressEntry.objects.get().summary == "10 sarana"
    assert page.count('data-testid="evidence-link"') == 1
    assert download.content == samples.png()


def test_a_wrong_evidence_file_is_refused_on_the_page_and_nothing_kept(active_team, client_of):
    response = client_of("pelaksana").post(
        action_url(active_team, "kemajuan"),
        {
            "summary": "10 sarana",
            "percent_complete": "25",
            "evidence": [SimpleUploadedFile("foto.png", samples.HTML)],
        },
    )

    assert response.status_code == 400
    assert 'data-testid="refusal"' in response.content.decode()
    assert (ProgressEntry.objects.count(), EvidenceFile.objects.count()) == (0, 0)


def test_an_obstacle_without_a_recommendation_shows_its_article(active_team, client_of):
    response = client_of("jf_ahli_muda").post(
        action_url(active_team, "permasalahan"), {"problem": "Akses terputus"}
    )

    html = response.content.decode()
    assert response.status_code == 400
    assert "Perwali Surakarta 32/2023 Lampiran V" in html
    assert Obstacle.objects.count() == 0


def test_an_action_of_someone_who_may_not_is_refused(active_team, client_of):
    response = client_of("pelaksana").post(
        action_url(active_team, "permasalahan"),
        {"problem": "x", "recommendations": "y"},
    )

    assert response.status_code == 403
    assert Obstacle.objects.count() == 0


def _fill(team, persona, entries: int) -> None:
    for number in range(entries):
        progress_report(
            team_id=team.pk,
            by=persona("pelaksana"),
            summary=f"Laporan {number}",
            percent_complete=number,
            uploads=[Upload(f"b{number}.pdf", samples.PDF)],
            at=NOW,
            on=ON,
        )
        obstacle_raise(
            team_id=team.pk,
            by=persona("jf_ahli_muda"),
            problem=f"Masalah {number}",
            recommendations=["Tunda"],
            at=NOW,
            on=ON,
        )


@pytest.mark.parametrize("entries", [1, 6])
def test_the_work_page_has_the_same_queries_for_few_and_many_entries_case(
    active_team, persona, client_of, django_assert_num_queries, entries
):
    _fill(active_team, persona, entries)
    client = client_of("jf_ahli_muda")
    client.get(page_url(active_team))

    with django_assert_num_queries(QUERIES_WORK_PAGE):
        response = client.get(page_url(active_team))

    assert response.content.decode().count('data-testid="progress-row"') == entries


@pytest.mark.parametrize("entries", [1, 6])
def test_my_work_has_the_same_queries_for_few_and_many_entries_case(
    active_team, persona, client_of, django_assert_num_queries, entries
):
    _fill(active_team, persona, entries)
    client = client_of("pelaksana")
    client.get(reverse("web:my-work"))

    with django_assert_num_queries(QUERIES_MY_WORK):
        response = client.get(reverse("web:my-work"))

    assert response.content.decode().count('data-testid="my-progress-row"') == entries


QUERIES_WORK_PAGE = 22
QUERIES_MY_WORK = 11
