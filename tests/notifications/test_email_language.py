"""The language a person chooses in the UI is remembered on their login, and the email copies
of their notifications are written in it (Indonesian until they choose)."""

from __future__ import annotations

import pytest
from django.conf import settings
from django.contrib.auth import get_user_model
from django.core import mail
from django.test import Client
from django.utils import translation

from sikerja.accounts.models import Account
from sikerja.audit.models import AuditEvent
from sikerja.notifications.services import notify_step_opened, step_link
from sikerja.organization.models import Employee
from sikerja.workflows.selectors import step_label

pytestmark = pytest.mark.django_db

SET_LANGUAGE = "/i18n/setlang/"


@pytest.fixture
def kabid(waiting):
    """The waiting step's Kepala Bidang with a login and an email address."""
    user = get_user_model().objects.create_user(username="kabid-bidang", password="x")
    Account.objects.create(user=user, government=waiting.kabid.government, role="EMPLOYEE")
    Employee.objects.filter(pk=waiting.kabid.pk).update(user=user, email="kabid@example.test")
    return Employee.objects.get(pk=waiting.kabid.pk)


def _choose(client: Client, language: str):
    with translation.override(settings.LANGUAGE_CODE):  # the request's language ends with it
        return client.post(SET_LANGUAGE, {"language": language, "next": "/"})


def test_choosing_english_is_remembered_once_and_audited(kabid):
    client = Client()
    client.force_login(kabid.user)

    first = _choose(client, "en")
    again = _choose(client, "en")

    account = Account.objects.get(user=kabid.user)
    assert (first.status_code, again.status_code) == (302, 302)
    assert first.cookies[settings.LANGUAGE_COOKIE_NAME].value == "en"
    assert account.language == "en"
    assert list(
        AuditEvent.objects.filter(action="account.language_set").values_list(
            "object_id", "before", "after"
        )
    ) == [(str(account.pk), {"language": ""}, {"language": "en"})]


def test_the_email_copy_follows_the_language_the_person_chose(waiting, kabid):
    client = Client()
    client.force_login(kabid.user)
    _choose(client, "en")
    mail.outbox.clear()

    notify_step_opened(step_id=waiting.step.pk)

    assert [(m.to, m.subject, m.body) for m in mail.outbox] == [
        (
            ["kabid@example.test"],
            f"[Sikerja] Awaiting your decision: {step_label(waiting.step, 'en')}",
            f"{waiting.step.citation}\n\n{step_link(waiting.step)}",
        )
    ]


def test_without_a_choice_the_email_copy_is_indonesian(waiting, kabid):
    mail.outbox.clear()

    notify_step_opened(step_id=waiting.step.pk)

    assert [m.subject for m in mail.outbox] == [
        f"[Sikerja] Menunggu keputusan Anda: {waiting.step.label}"
    ]


def test_an_unknown_language_or_an_anonymous_visitor_stores_nothing(kabid):
    client = Client()
    client.force_login(kabid.user)

    _choose(client, "fr")
    anonymous = _choose(Client(), "en")

    assert anonymous.cookies[settings.LANGUAGE_COOKIE_NAME].value == "en"
    assert Account.objects.get(user=kabid.user).language == ""
    assert not AuditEvent.objects.filter(action="account.language_set").exists()
