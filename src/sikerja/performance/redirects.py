"""What the performance pages share when a form posts: make the one service call, then go back
with its message or its refusal (the rule's article with it). NotFound stays a 404."""

from __future__ import annotations

from collections.abc import Callable

from django.contrib import messages
from django.http import HttpRequest, HttpResponse
from django.shortcuts import redirect

from sikerja.core.errors import DomainError, NotFound


def run_and_redirect(
    request: HttpRequest, call: Callable[[], object], back: str, done: str
) -> HttpResponse:
    """Make the one service call; answer with a redirect back, its message or its refusal."""
    try:
        call()
    except NotFound:
        raise
    except DomainError as error:
        messages.error(request, f"{error.message} {error.citation}".strip())
        return redirect(back)
    messages.success(request, done)
    return redirect(back)
