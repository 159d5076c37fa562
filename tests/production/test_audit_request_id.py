"""Audit events written while serving a request record the request's id (the id of its JSON
log lines and `X-Request-ID` header); events written outside a request record none."""

from __future__ import annotations

import re
from io import StringIO

import pytest
from django.core.management import CommandError, call_command
from django.test import Client

from sikerja.audit.models import AuditEvent
from tests.audit.factories import AT, GOVERNMENT_ID, event_record

HEX_ID = re.compile(r"[0-9a-f]{32}")


@pytest.fixture
def lock_after_two(settings):
    settings.LOGIN_THROTTLE_ATTEMPTS = 2
    settings.LOGIN_THROTTLE_ADDRESS_ATTEMPTS = 50
    settings.TRUSTED_PROXIES = ["127.0.0.1"]


def _fail_login(request_id: str = ""):
    headers = {"HTTP_X_REQUEST_ID": request_id} if request_id else {}
    return Client().post("/masuk/", {"username": "kabid", "password": "salah-sandi"}, **headers)


def _lock_events() -> list[AuditEvent]:
    return list(AuditEvent.objects.filter(action="account.login_locked"))


def test_an_event_written_in_a_request_records_the_proxys_request_id(world, lock_after_two):
    _fail_login("edge-1")

    response = _fail_login("edge-2.locks:it")

    assert response["X-Request-ID"] == "edge-2.locks:it"
    (event,) = _lock_events()
    assert event.request_id == "edge-2.locks:it"


def test_an_event_written_in_a_request_records_the_id_the_server_made(world, lock_after_two):
    _fail_login()

    response = _fail_login()

    (event,) = _lock_events()
    assert HEX_ID.fullmatch(event.request_id)
    assert event.request_id == response["X-Request-ID"]


@pytest.mark.django_db
def test_an_event_written_after_a_request_in_the_same_thread_records_no_request_id(client):
    client.get("/healthz", HTTP_X_REQUEST_ID="served-before")

    event = event_record()

    assert event.request_id == ""


@pytest.mark.django_db
def test_the_audit_command_lists_the_events_with_their_request_ids():
    event_record(object_id="by-command")
    event_record(object_id="first", request_id="req-1")
    event_record(object_id="second", request_id="req-1")
    out = StringIO()

    call_command(
        "audit", "--events", "--government", str(GOVERNMENT_ID), "--limit", "3", stdout=out
    )

    at = AT.isoformat()
    prefix = f"{GOVERNMENT_ID}#"
    assert out.getvalue() == (
        f"{prefix}3 {at} placement.created organization.placement:second by kabid request req-1\n"
        f"{prefix}2 {at} placement.created organization.placement:first by kabid request req-1\n"
        f"{prefix}1 {at} placement.created organization.placement:by-command by kabid request -\n"
    )


@pytest.mark.django_db
def test_the_audit_command_lists_the_events_one_request_wrote():
    event_record(object_id="first", request_id="req-1")
    event_record(object_id="other", request_id="req-2")
    event_record(object_id="second", request_id="req-1")
    out = StringIO()

    call_command("audit", "--events", "--request-id", "req-1", stdout=out)

    assert [line.split()[3] for line in out.getvalue().splitlines()] == [
        "organization.placement:second",
        "organization.placement:first",
    ]


@pytest.mark.django_db
def test_the_audit_command_lists_events_alone():
    with pytest.raises(
        CommandError, match=r"^--events goes alone \(with --government, --request-id\)$"
    ):
        call_command("audit", "--events", "--verify", stdout=StringIO())
