"""Sessions last a working day at most and end after an idle spell (both configurable).

Django's own session age (SESSION_COOKIE_AGE, set to the working day) counts from the last
save, so on its own it neither caps a session nor notices idleness. This middleware keeps two
stamps in the session: when it started (set at login) and when it was last used (rewritten at most once a minute, so a page view
costs no extra write). A session past SESSION_COOKIE_AGE since its start, or unused for
SESSION_IDLE_SECONDS, is logged out before the view runs; the view then asks for a login.
Every login goes through the login view, which stamps the start; a session made another way
(a test's force_login) has no stamp, and only Django's own expiry applies to it.
"""

from __future__ import annotations

import time
from collections.abc import Callable

from django.conf import settings
from django.contrib.auth import logout
from django.http import HttpRequest, HttpResponse

STARTED = "sikerja_session_started"
SEEN = "sikerja_session_seen"
SEEN_RESOLUTION_SECONDS = 60


def session_start(request: HttpRequest) -> None:
    """Stamp a new login's session with its start (the login view calls this)."""
    now = int(time.time())
    request.session[STARTED] = now
    request.session[SEEN] = now


def _expired(started: int, seen: int, now: int) -> bool:
    return now - started > int(settings.SESSION_COOKIE_AGE) or now - seen > int(
        settings.SESSION_IDLE_SECONDS
    )


class SessionLimitsMiddleware:
    """Log out sessions older than a working day or idle for too long."""

    def __init__(self, get_response: Callable[[HttpRequest], HttpResponse]) -> None:
        self.get_response = get_response

    def __call__(self, request: HttpRequest) -> HttpResponse:
        started = request.session.get(STARTED) if request.user.is_authenticated else None
        if started is not None:
            now = int(time.time())
            seen = request.session.get(SEEN, started)
            if _expired(started, seen, now):
                logout(request)
            elif now - seen >= SEEN_RESOLUTION_SECONDS:
                request.session[SEEN] = now
        return self.get_response(request)
