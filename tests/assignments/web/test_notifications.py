"""Notifications in-app and by email, and the inbox count of the navigation."""

from __future__ import annotations

import pytest
from django.core import mail
from django.urls import reverse

from sikerja.notifications.models import Notification
from sikerja.organization.models import Employee
from tests.assignments.web.test_world import (
    client_for,
    cross_unit_request,
    detail_url,
    open_step,
    partner_head,
)

COUNT = "/penugasan/menunggu/"


@pytest.fixture
def assignment(persona, now, today, django_capture_on_commit_callbacks):
    with django_capture_on_commit_callbacks(execute=True):
        return cross_unit_request(persona, now, today)


def test_the_partner_head_is_told_twice_in_app_with_links_to_the_request(assignment):
    head = partner_head(assignment)

    rows = client_for(head).get(reverse("web:notifications")).context["page"].rows

    assert [(r.title, r.link, r.is_read) for r in rows] == [
        (f"Rekomendasi diminta: {open_step(assignment).label}", detail_url(assignment), False),
        (f"Menunggu keputusan Anda: {open_step(assignment).label}", detail_url(assignment), False),
    ]


def test_an_employee_with_an_address_gets_the_email_copy(
    persona, now, today, django_capture_on_commit_callbacks
):
    head_id = open_step(cross_unit_request(persona, now, today)).actor_id
    Employee.objects.filter(pk=head_id).update(email="sekwan@example.test")
    mail.outbox.clear()

    with django_capture_on_commit_callbacks(execute=True):
        assignment = cross_unit_request(persona, now, today)

    assert [m.to for m in mail.outbox] == [["sekwan@example.test"], ["sekwan@example.test"]]
    assert mail.outbox[0].body.endswith(detail_url(assignment))


def test_marking_a_notification_read(assignment):
    head = partner_head(assignment)
    client = client_for(head)
    notification = Notification.objects.filter(recipient=head).order_by("pk").first()

    response = client.post(reverse("web:notifications"), {"notification_id": notification.pk})

    notification.refresh_from_db()
    assert (response.status_code, response["Location"]) == (302, reverse("web:notifications"))
    assert notification.read_at is not None
    assert Notification.objects.filter(recipient=head, read_at__isnull=True).count() == 1


def test_nobody_marks_someone_elses_notification(assignment, client_of):
    notification = Notification.objects.filter(recipient=partner_head(assignment)).first()

    response = client_of("kepala_dinas").post(
        reverse("web:notifications"), {"notification_id": notification.pk}
    )

    notification.refresh_from_db()
    assert response.status_code == 302
    assert notification.read_at is None


def test_the_navigation_count_is_the_number_of_open_steps_awaiting_me(assignment, client_of):
    head_count = client_for(partner_head(assignment)).get(COUNT)
    kabid_count = client_of("kabid").get(COUNT)

    assert head_count.content.decode().strip().endswith(">1</span>")
    assert 'data-testid="inbox-count"' in head_count.content.decode()
    assert kabid_count.content.decode().strip() == ""


def test_every_page_asks_for_the_count_after_loading(client_of):
    html = client_of("kabid").get(reverse("web:home")).content.decode()

    assert f'hx-get="{COUNT}" hx-trigger="load"' in html
