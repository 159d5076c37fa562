"""Call a WSGI application in process with a minimal environ, as a WSGI server would.

Unlike django.test.Client there is no test instrumentation (no template capture, no signal
juggling): the request goes through Django's WSGIHandler and its real middleware, and closing
the response sends `request_finished` as a server does.
"""

from __future__ import annotations

import io
import sys
from collections.abc import Callable, Iterable
from typing import Any

WSGIApp = Callable[[dict[str, Any], Callable[..., Any]], Iterable[bytes]]


def environ(path: str, headers: dict[str, str] | None = None) -> dict[str, Any]:
    """A GET environ for `path` (which may carry a query string)."""
    path_info, _, query = path.partition("?")
    env: dict[str, Any] = {
        "REQUEST_METHOD": "GET",
        "SCRIPT_NAME": "",
        "PATH_INFO": path_info,
        "QUERY_STRING": query,
        "SERVER_NAME": "testserver",
        "SERVER_PORT": "80",
        "SERVER_PROTOCOL": "HTTP/1.1",
        "HTTP_HOST": "testserver",
        "REMOTE_ADDR": "127.0.0.1",
        "wsgi.version": (1, 0),
        "wsgi.url_scheme": "http",
        "wsgi.input": io.BytesIO(b""),
        "wsgi.errors": sys.stderr,
        "wsgi.multithread": True,
        "wsgi.multiprocess": False,
        "wsgi.run_once": False,
    }
    for name, value in (headers or {}).items():
        env["HTTP_" + name.upper().replace("-", "_")] = value
    return env


def call(app: WSGIApp, path: str, headers: dict[str, str] | None = None) -> tuple[int, bytes]:
    """(status code, body) of a GET through the app."""
    status: list[str] = []

    def start_response(line: str, _headers: list[Any], _exc: Any = None) -> Callable[..., Any]:
        status.append(line)
        return lambda _data: None

    result = app(environ(path, headers), start_response)
    try:
        body = b"".join(result)
    finally:
        close = getattr(result, "close", None)
        if close is not None:
            close()
    return int(status[0][:3]), body


class Caller:
    """GET `path` through the app with fixed headers; a non-2xx answer raises."""

    def __init__(self, app: WSGIApp, headers: dict[str, str] | None = None) -> None:
        self.app = app
        self.headers = headers or {}

    def __call__(self, path: str) -> bytes:
        code, body = call(self.app, path, self.headers)
        if not 200 <= code < 300:
            raise RuntimeError(f"GET {path} answered {code}: {body[:200]!r}")
        return body
