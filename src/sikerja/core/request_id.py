"""The id of the HTTP request being served, for the records written while serving it.

The web shell's `RequestIdMiddleware` sets it for the length of a request (the same id as the
JSON log lines and the `X-Request-ID` response header) and resets it when the request is done;
the audit log records it on every event (`AuditEvent.request_id`). Outside a request (a
management command, a timer) it is empty. It lives in the core so that domain apps can read it
without importing the web shell.
"""

from __future__ import annotations

from collections.abc import Iterator
from contextlib import contextmanager
from contextvars import ContextVar

# The longest id the middleware accepts from a trusted proxy (and the audit column's length).
MAX_LENGTH = 128

_serving: ContextVar[str] = ContextVar("sikerja_serving_request_id", default="")


def serving_request_id() -> str:
    """The id of the request being served in this context, or "" outside a request."""
    return _serving.get()


@contextmanager
def request_serving(request_id: str) -> Iterator[None]:
    """Mark `request_id` as the request being served until the block ends."""
    token = _serving.set(request_id)
    try:
        yield
    finally:
        _serving.reset(token)
