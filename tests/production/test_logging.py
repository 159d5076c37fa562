"""Structured logs: one JSON object per line with the request id, NIPs masked; the id is taken
from trusted proxies only and returned in the response."""

from __future__ import annotations

import io
import json
import logging
import re
import sys

import pytest

from sikerja.web.requestlog import (
    JsonLogFormatter,
    RequestIdFilter,
    TextLogFormatter,
    mask_nips,
)

NIP = "196501011990031001"
HEX_ID = re.compile(r"[0-9a-f]{32}")


@pytest.fixture
def django_request_log():
    """What `django.request` writes through the project's JSON formatter and filter."""
    stream = io.StringIO()
    handler = logging.StreamHandler(stream)
    handler.setFormatter(JsonLogFormatter())
    handler.addFilter(RequestIdFilter())
    logger = logging.getLogger("django.request")
    logger.addHandler(handler)
    yield stream
    logger.removeHandler(handler)


def test_the_configured_console_handler_writes_json_with_the_request_id():
    ours = [h for h in logging.getLogger().handlers if type(h) is logging.StreamHandler]

    (handler,) = ours  # pytest adds its capture handlers beside it
    assert handler.stream is sys.stderr
    assert isinstance(handler.formatter, JsonLogFormatter)
    assert [type(f) for f in handler.filters] == [RequestIdFilter]


@pytest.mark.django_db
def test_a_refused_request_is_logged_as_one_json_line_with_its_id_and_the_nip_masked(
    client, settings, django_request_log
):
    settings.TRUSTED_PROXIES = ["127.0.0.1"]

    response = client.get(f"/api/v1/employees/{NIP}", HTTP_X_REQUEST_ID="edge-42.a:b")

    assert response.status_code == 401
    assert response["X-Request-ID"] == "edge-42.a:b"
    (line,) = django_request_log.getvalue().splitlines()
    record = json.loads(line)
    assert set(record) == {"timestamp", "level", "logger", "message", "request_id", "status_code"}
    assert record["level"] == "WARNING"
    assert record["logger"] == "django.request"
    assert record["message"] == "Unauthorized: /api/v1/employees/1965**************"
    assert record["request_id"] == "edge-42.a:b"
    assert record["status_code"] == 401
    assert NIP not in line


def test_an_id_from_a_peer_that_is_not_a_trusted_proxy_is_replaced(client, settings):
    settings.TRUSTED_PROXIES = ["10.0.0.0/8"]

    response = client.get("/healthz", HTTP_X_REQUEST_ID="forged-by-a-client")

    assert HEX_ID.fullmatch(response["X-Request-ID"])


def test_without_trusted_proxies_every_request_gets_a_new_id(client):
    first = client.get("/healthz", HTTP_X_REQUEST_ID="abc")["X-Request-ID"]
    second = client.get("/healthz")["X-Request-ID"]

    assert HEX_ID.fullmatch(first)
    assert HEX_ID.fullmatch(second)
    assert first != second


@pytest.mark.parametrize(
    "given_case",
    ["", "a" * 129, "two words", "x\ny", "<script>"],
)
def test_a_malformed_id_from_a_trusted_proxy_is_replaced(client, settings, given_case):
    settings.TRUSTED_PROXIES = ["127.0.0.0/8"]

    response = client.get("/healthz", HTTP_X_REQUEST_ID=given_case)

    assert HEX_ID.fullmatch(response["X-Request-ID"])


def test_exceptions_and_extra_fields_are_masked_too():
    formatter = JsonLogFormatter()
    try:
        raise ValueError(f"no employee {NIP}")
    except ValueError:
        record = logging.getLogger("t").makeRecord(
            "t",
            logging.ERROR,
            __file__,
            1,
            "lookup of %s failed",
            (NIP,),
            sys.exc_info(),
            extra={"nip": NIP},
        )
    record.request_id = "r1"

    line = formatter.format(record)

    payload = json.loads(line)
    assert payload["message"] == "lookup of 1965************** failed"
    assert payload["nip"] == "1965**************"
    assert "ValueError: no employee 1965**************" in payload["exc_info"]
    assert NIP not in line


def test_plain_text_lines_are_masked():
    formatter = TextLogFormatter("%(request_id)s %(message)s")
    record = logging.makeLogRecord({"msg": "NIP %s", "args": (NIP,), "request_id": "r2"})

    assert formatter.format(record) == "r2 NIP 1965**************"


@pytest.mark.parametrize(
    ("text", "masked"),
    [
        (NIP, "1965**************"),
        (f"a {NIP}, b {NIP}.", "a 1965**************, b 1965**************."),
        ("1" * 17, "1" * 17),  # shorter: not a NIP
        ("1" * 19, "1" * 19),  # longer: some other number
        ("id 42", "id 42"),
    ],
)
def test_mask_nips(text, masked):
    assert mask_nips(text) == masked
