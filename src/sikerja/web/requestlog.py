"""Request ids and structured logs: every request carries an id, every log record names it.

`RequestIdMiddleware` takes `X-Request-ID` from the request when the peer is a trusted proxy
(`SIKERJA_TRUSTED_PROXIES`) and the value looks like an id, otherwise makes one; it returns the
id in the response's `X-Request-ID` header and keeps it in a context variable until the next
request. While the request is served it is also the core's serving request id
(`sikerja.core.request_id`), which the audit log records on every event written in it. `RequestIdFilter` puts it on every log record (`request_id`). The JSON shape comes
from python-json-logger (`JsonLogFormatter`, configured in `LOGGING`); both formatters mask NIPs
(18 digits) in the finished line, so no log line names a civil servant.
"""

from __future__ import annotations

import ipaddress
import logging
import re
import uuid
from collections.abc import Callable, Iterable
from contextvars import ContextVar
from typing import Any

from django.conf import settings
from django.http import HttpRequest, HttpResponse
from pythonjsonlogger.core import RESERVED_ATTRS, LogData
from pythonjsonlogger.json import JsonFormatter

from sikerja.core.request_id import MAX_LENGTH, request_serving

HEADER = "X-Request-ID"
META_KEY = "HTTP_X_REQUEST_ID"
NO_REQUEST = "-"
# What a proxy may hand over: letters, digits and - _ . : (a UUID, a hex trace id), 1-128 long.
ACCEPTED_ID = re.compile(rf"[A-Za-z0-9._:-]{{1,{MAX_LENGTH}}}")
# An 18-digit NIP not part of a longer number; the first 4 digits (birth year) stay visible.
NIP = re.compile(r"(?<!\d)(\d{4})\d{14}(?!\d)")
NIP_MASK = r"\1**************"

_current: ContextVar[str] = ContextVar("sikerja_request_id", default=NO_REQUEST)

Network = ipaddress.IPv4Network | ipaddress.IPv6Network


def current_request_id() -> str:
    """The id of the request being served in this context ("-" outside a request)."""
    return _current.get()


def trusted_networks(entries: Iterable[str]) -> list[Network]:
    """The proxies' networks from addresses or CIDR blocks (`10.0.0.5`, `10.0.0.0/24`)."""
    return [ipaddress.ip_network(entry.strip(), strict=False) for entry in entries if entry]


def is_trusted_proxy(address: str, networks: Iterable[Network]) -> bool:
    """Whether the peer address (REMOTE_ADDR) is one of the trusted proxies."""
    try:
        peer = ipaddress.ip_address(address)
    except ValueError:
        return False
    return any(peer in network for network in networks)


def mask_nips(text: str) -> str:
    """The text with every 18-digit NIP masked after its first four digits."""
    return NIP.sub(NIP_MASK, text)


class RequestIdMiddleware:
    """Give each request an id (the trusted proxy's or a new one) and return it as a header."""

    def __init__(self, get_response: Callable[[HttpRequest], HttpResponse]) -> None:
        self.get_response = get_response
        self.networks = trusted_networks(getattr(settings, "TRUSTED_PROXIES", []))

    def request_id(self, request: HttpRequest) -> str:
        given = request.META.get(META_KEY, "")
        if (
            given
            and ACCEPTED_ID.fullmatch(given)
            and is_trusted_proxy(request.META.get("REMOTE_ADDR", ""), self.networks)
        ):
            return str(given)
        return uuid.uuid4().hex

    def __call__(self, request: HttpRequest) -> HttpResponse:
        request_id = self.request_id(request)
        # Not reset on the way out: Django logs a 4xx/5xx response (`django.request`) after the
        # middleware chain has returned, and that line must carry the id too. The next request
        # in this thread (or task) sets its own.
        _current.set(request_id)
        with request_serving(request_id):
            response = self.get_response(request)
        response[HEADER] = request_id
        return response


class RequestIdFilter(logging.Filter):
    """Put the current request id on every record (`record.request_id`)."""

    def filter(self, record: logging.LogRecord) -> bool:
        record.request_id = current_request_id()
        return True


class JsonLogFormatter(JsonFormatter):
    """python-json-logger's formatter with Sikerja's fields, NIPs masked in the whole line.

    One JSON object per line: `timestamp` (UTC, ISO 8601), `level`, `logger`, `message`,
    `request_id`, any `extra` fields, and `exc_info` for an exception. Django's request object
    (an `extra` of `django.request`) is left out: the id names the request.
    """

    def __init__(self, *args: Any, **kwargs: Any) -> None:
        kwargs.setdefault("fmt", ["levelname", "name", "message", "request_id"])
        kwargs.setdefault("rename_fields", {"levelname": "level", "name": "logger"})
        kwargs.setdefault("timestamp", True)
        kwargs.setdefault("reserved_attrs", [*RESERVED_ATTRS, "request"])
        super().__init__(*args, **kwargs)

    def jsonify_log_record(self, log_data: LogData) -> str:
        return mask_nips(super().jsonify_log_record(log_data))


class TextLogFormatter(logging.Formatter):
    """Plain lines for a terminal (`SIKERJA_LOG_FORMAT=text`), NIPs masked likewise."""

    def format(self, record: logging.LogRecord) -> str:
        return mask_nips(super().format(record))
