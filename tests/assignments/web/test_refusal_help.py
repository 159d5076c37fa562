"""Refusals that help: an action that cannot succeed yet is disabled with its reason beside it,
and the page offers the next step (remind the recommender). A refusal shows its citation, never
the rule id, and says what to do next.

The Sekretaris DPRD asks for the Kepala Dinas's JF (WF-PEN-UO): the Kepala Dinas replies, after
the recommendation of the JF's appraiser, the Kepala Bidang (V-23).
"""

from __future__ import annotations

import pytest
from django.urls import reverse

from sikerja.assignments.services import assignment_request_submit
from sikerja.audit.models import AuditEvent
from sikerja.notifications.models import Notification
from tests.assignments.web.test_world import (
    client_for,
    cross_unit_request,
    detail_url,
    open_step,
    partner_head,
    request_input,
)
from tests.web.helpers import text

pytestmark = pytest.mark.django_db


@pytest.fixture
def assignment(persona, now, today):
    sekwan = partner_head(cross_unit_request(persona, now, today))
    return assignment_request_submit(
        requester=sekwan, data=request_input(persona("jf_ahli_muda")), at=now, on=today
    )


def _remind(client, assignment):
    step_id = open_step(assignment).pk
    url = reverse("web:assignment-remind", args=[assignment.pk])
    return client.post(url, {"step_id": step_id}, follow=False)


def test_approval_is_disabled_with_the_reason_until_the_recommendation(
    assignment, client_of, persona
):
    kabid = persona("kabid")

    response = client_of("kepala_dinas").get(detail_url(assignment))

    buttons = response.context["page"].decision.buttons
    assert [(b.label, b.disabled_reason) for b in buttons] == [
        ("Setujui", f"Menunggu rekomendasi {kabid.full_name}"),
        ("Tolak", ""),
    ]
    html = response.content.decode()
    assert f'data-testid="disabled-reason">Menunggu rekomendasi {kabid.full_name}<' in html
    assert f"Ingatkan {kabid.full_name}" in text(html)


def test_the_actor_reminds_the_recommender_once_a_day(assignment, client_of, persona):
    kabid = persona("kabid")
    client = client_of("kepala_dinas")
    step = open_step(assignment)

    first = _remind(client, assignment)
    again = _remind(client, assignment)

    assert (first.status_code, first["Location"]) == (302, detail_url(assignment))
    assert list(
        Notification.objects.filter(kind="recommendation_reminder").values_list(
            "recipient_id", "title", "link"
        )
    ) == [(kabid.pk, f"Rekomendasi Anda ditunggu: {step.label}", detail_url(assignment))]
    assert (
        AuditEvent.objects.filter(
            action="workflow.recommendation_reminded", object_id=str(step.pk)
        ).count()
        == 1
    )
    assert again.status_code == 400
    assert (
        text(again.content.decode()).count("Pengingat sudah dikirim hari ini; coba lagi besok.")
        == 1
    )


def test_nobody_but_the_actor_may_remind(assignment, client_of):
    response = _remind(client_for(open_step(assignment).recommender), assignment)

    assert response.status_code == 404
    assert Notification.objects.filter(kind="recommendation_reminder").count() == 0


def test_the_recommender_picks_people_by_checkbox_not_a_multiple_select(assignment, client_of):
    html = client_of("kabid").get(detail_url(assignment)).content.decode()

    assert 'data-testid="person-picker-recommended_ids"' in html
    assert 'type="checkbox" name="recommended_ids"' in html
    assert '<select name="recommended_ids"' not in html
