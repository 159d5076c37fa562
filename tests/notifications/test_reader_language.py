"""A notification reads in its reader's language: the same stored row in Indonesian or English,
in the list and in the email copy; rows stored as text before messages had keys are read back."""

from __future__ import annotations

import datetime as dt
import importlib

import pytest
from django.conf import settings
from django.core import mail
from django.test import Client
from django.urls import reverse
from django.utils import translation

from sikerja.notifications.messages import render
from sikerja.notifications.models import Notification
from sikerja.notifications.reminders import Due, step_reminder_send
from sikerja.notifications.services import notify_step_opened, step_link
from sikerja.organization.models import Employee
from sikerja.workflows.selectors import step_label

pytestmark = pytest.mark.django_db

LEGACY = importlib.import_module(
    "sikerja.notifications.migrations.0004_notification_params_from_text"
)


def _list(employee: Employee, language: str) -> list[tuple[str, str]]:
    client = Client()
    client.force_login(employee.user)
    client.cookies[settings.LANGUAGE_COOKIE_NAME] = language
    with translation.override(settings.LANGUAGE_CODE):  # the request's language ends with it
        rows = client.get(reverse("web:notifications")).context["page"].rows
    return [(row.title, row.body) for row in rows]


@pytest.fixture
def kabid(waiting):
    from django.contrib.auth import get_user_model

    from sikerja.accounts.models import Account

    user = get_user_model().objects.create_user(username="kabid-bidang", password="x")
    Account.objects.create(user=user, government=waiting.kabid.government, role="EMPLOYEE")
    Employee.objects.filter(pk=waiting.kabid.pk).update(user=user)
    return Employee.objects.get(pk=waiting.kabid.pk)


def test_the_step_opened_notice_reads_in_indonesian_and_in_english(waiting, kabid):
    step = waiting.step
    notify_step_opened(step_id=step.pk)
    english = step_label(step, "en")

    indonesian_rows = _list(kabid, "id")
    english_rows = _list(kabid, "en")

    assert english != step.label
    assert indonesian_rows == [(f"Menunggu keputusan Anda: {step.label}", step.citation)]
    assert english_rows == [(f"Awaiting your decision: {english}", step.citation)]
    assert Notification.objects.get().params == {
        "step": step.label,
        "step_en": english,
        "citation": step.citation,
    }


def test_a_reminder_writes_its_due_date_in_the_readers_date_format(waiting, kabid):
    step_reminder_send(
        due=Due(waiting.step, "OVERDUE"), at=waiting.step.due_at + dt.timedelta(hours=1)
    )
    english = step_label(waiting.step, "en")

    assert _list(kabid, "en") == [
        (f"Past the deadline: {english}", f"Due: 30 November 2026. {waiting.step.citation}")
    ]
    assert _list(kabid, "id") == [
        (
            f"Melewati tenggat: {waiting.step.label}",
            f"Tenggat: 30 November 2026. {waiting.step.citation}",
        )
    ]


def test_the_email_copy_is_written_in_the_site_language_whatever_language_is_active(waiting):
    Employee.objects.filter(pk=waiting.kabid.pk).update(email="kabid@example.test")
    mail.outbox.clear()

    with translation.override("en"):
        notify_step_opened(step_id=waiting.step.pk)

    assert [(m.subject, m.body) for m in mail.outbox] == [
        (
            f"[Sikerja] Menunggu keputusan Anda: {waiting.step.label}",
            f"{waiting.step.citation}\n\n{step_link(waiting.step)}",
        )
    ]


def test_a_kind_without_a_message_shows_its_stored_text(waiting, kabid):
    Notification.objects.create(
        government_id=kabid.government_id,
        recipient=kabid,
        kind="announcement",
        title="Rapat koordinasi",
        body="Pukul 09.00",
    )

    assert render("announcement", {}, "en") is None
    assert _list(kabid, "en") == [("Rapat koordinasi", "Pukul 09.00")]


@pytest.mark.parametrize(
    ("kind", "title", "body", "params"),
    [
        (
            "step_opened",
            "Menunggu keputusan Anda: Persetujuan Kepala Bidang",
            "Perwali Blitar 6/2023 Pasal 15",
            {"step": "Persetujuan Kepala Bidang", "citation": "Perwali Blitar 6/2023 Pasal 15"},
        ),
        (
            "step_due_soon",
            "Tenggat 30 November 2026: Persetujuan",
            "Tenggat: 30 November 2026. Pasal 15",
            {"date": "2026-11-30", "step": "Persetujuan", "citation": "Pasal 15"},
        ),
        (
            "recommendation_reminder",
            "Rekomendasi Anda ditunggu: Persetujuan",
            "Budi Santoso menunggu rekomendasi Anda untuk memutuskan. Pasal 16",
            {"step": "Persetujuan", "name": "Budi Santoso", "citation": "Pasal 16"},
        ),
        (
            "letter_copied",
            "Tembusan: Surat Tugas nomor 800/12/2026",
            "Pasal 20",
            {"title": "Surat Tugas", "number": "800/12/2026", "citation": "Pasal 20"},
        ),
        ("step_opened", "Judul lain", "", {}),
        ("announcement", "Rapat koordinasi", "", {}),
    ],
    ids=[
        "opened_case",
        "due_soon_case",
        "reminder_case",
        "copy_case",
        "unmatched_case",
        "unknown_case",
    ],
)
def test_the_migration_reads_the_values_back_out_of_the_stored_text(kind, title, body, params):
    assert LEGACY.params_of(kind, title, body) == params


def test_a_legacy_row_read_back_renders_in_english_with_the_step_in_indonesian():
    params = LEGACY.params_of(
        "step_overdue", "Melewati tenggat: Persetujuan", "Tenggat: 1 Desember 2026. Pasal 15"
    )

    with translation.override("en"):
        rendered = render("step_overdue", params, "en")

    assert (rendered.title, rendered.body) == (
        "Past the deadline: Persetujuan",
        "Due: 1 December 2026. Pasal 15",
    )
