"""The bare WSGI floor of the HTTP stage: gunicorn serves `hello_wsgi:application`."""

from __future__ import annotations

from collections.abc import Callable, Iterable
from typing import Any


def application(
    environ: dict[str, Any], start_response: Callable[[str, list[tuple[str, str]]], Any]
) -> Iterable[bytes]:
    """The smallest WSGI application."""
    del environ
    start_response("200 OK", [("Content-Type", "text/plain"), ("Content-Length", "5")])
    return [b"hello"]
