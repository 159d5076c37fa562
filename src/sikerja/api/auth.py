"""Who is calling: a Bearer API token (integrations) or the Django session (the browser).

Both answer with the caller's `Viewer` for today, which the endpoints find in `request.auth`.
The session path enforces CSRF on unsafe methods (a token is not sent by the browser on its
own, so the token path needs none); it checks CSRF only for a logged-in session, so that a
request without credentials gets `unauthenticated`, not a CSRF refusal.
"""

from __future__ import annotations

from typing import Any

from django.conf import settings
from django.contrib.auth.models import AbstractBaseUser
from django.http import HttpRequest
from django.utils import timezone
from django.utils.translation import gettext as _
from ninja.security import APIKeyCookie, HttpBearer
from ninja.utils import check_csrf

from sikerja.accounts.models import Account
from sikerja.accounts.tokens import api_token_caller
from sikerja.api.errors import ApiErrorCode
from sikerja.core.errors import DomainError
from sikerja.organization.rules import Viewer
from sikerja.organization.selectors import viewer_for, viewer_of_account

SAFE_METHODS = frozenset({"GET", "HEAD", "OPTIONS", "TRACE"})


def _viewer(user: AbstractBaseUser, account: Account | None = None) -> Viewer:
    """The caller's scope today; a login without a government account may call nothing."""
    on = timezone.localdate()
    viewer = viewer_of_account(user, account, on) if account else viewer_for(user, on)
    if viewer is None:
        raise DomainError(
            code=ApiErrorCode.NO_ACCOUNT,
            message=_("Akun ini belum terhubung ke pemerintah daerah mana pun."),
            status=403,
        )
    return viewer


class TokenAuth(HttpBearer):
    """`Authorization: Bearer skj_…` — a token made by `manage.py api_token`."""

    def authenticate(self, request: HttpRequest, token: str) -> Viewer | None:
        caller = api_token_caller(token.strip())
        if caller is None:
            return None
        return _viewer(*caller)


class SessionAuth(APIKeyCookie):
    """The browser's Django session; CSRF-checked for unsafe methods."""

    param_name = "sessionid"  # the name OpenAPI shows; the session is read through request.user

    def _get_key(self, request: HttpRequest) -> str | None:
        if not request.user.is_authenticated:
            return None
        if request.method not in SAFE_METHODS and check_csrf(request) is not None:
            raise DomainError(
                code=ApiErrorCode.CSRF_FAILED,
                message=_("Pemeriksaan CSRF gagal; muat ulang halaman lalu coba lagi."),
                status=403,
            )
        return request.COOKIES.get(settings.SESSION_COOKIE_NAME, "")

    def authenticate(self, request: HttpRequest, key: str | None) -> Viewer | None:
        del key
        user = request.user
        if not user.is_authenticated:
            return None
        return _viewer(user)


def api_auth() -> list[Any]:
    """The API's authentication, tried in order."""
    return [TokenAuth(), SessionAuth()]
