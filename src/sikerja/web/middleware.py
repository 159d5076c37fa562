"""HTTP-level middleware: a strict Content-Security-Policy (no inline scripts)."""

from __future__ import annotations

from collections.abc import Callable

from django.http import HttpRequest, HttpResponse

from sikerja.web import sso

CSP = (
    "default-src 'self'; script-src 'self'; style-src 'self'; img-src 'self' data:; "
    "object-src 'none'; base-uri 'self'; frame-ancestors 'none'; form-action 'self'"
)


def _policy() -> str:
    """The CSP; with single sign-on on, the logout form may also end at the provider's logout
    (browsers apply form-action to the redirects that follow a form's submission)."""
    origins = sso.logout_origins()
    if not origins:
        return CSP
    return CSP.replace("form-action 'self'", " ".join(["form-action 'self'", *origins]))


class ContentSecurityPolicyMiddleware:
    """Add the CSP header to every response that does not set its own."""

    def __init__(self, get_response: Callable[[HttpRequest], HttpResponse]) -> None:
        self.get_response = get_response

    def __call__(self, request: HttpRequest) -> HttpResponse:
        response = self.get_response(request)
        if "Content-Security-Policy" not in response:
            response["Content-Security-Policy"] = _policy()
        return response
