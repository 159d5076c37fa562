"""Single sign-on through the pemda's OpenID Connect provider, with mozilla-django-oidc.

Off unless SSO_ISSUER and SSO_CLIENT_ID are set (settings.base). The library runs the
authorization-code flow: state, nonce, PKCE, the token request and the ID token's signature
checked with the provider's published keys. Sikerja adds the rest:

- the endpoints come from the issuer's discovery document (kept an hour), unless all are set;
- the ID token must come from the configured issuer for this client (the library checks
  neither);
- the login is the one linked to the employee whose NIP the provider sends
  (`sikerja.organization.sso`): never created, refused with the reason on the login page and
  audited (`account.sso_refused`), and counted by the login throttle against the client address;
- the session is stamped like a password login's (working-day and idle limits,
  `session_limits`); no forced password change, as no password was used;
- logout ends the local session, then the provider's when it publishes an end-session endpoint.
"""

from __future__ import annotations

import logging
import time
from dataclasses import dataclass
from typing import Any
from urllib.parse import urlencode, urlparse

import jwt
import requests
from django.conf import settings
from django.contrib.auth import get_user_model
from django.contrib.auth.models import User
from django.core.exceptions import ImproperlyConfigured, SuspiciousOperation
from django.http import Http404, HttpRequest, HttpResponse, HttpResponseRedirect
from django.urls import reverse
from django.utils import timezone
from django.utils.translation import gettext as _
from django.views.generic import View
from mozilla_django_oidc.auth import OIDCAuthenticationBackend
from mozilla_django_oidc.utils import import_from_settings
from mozilla_django_oidc.views import OIDCAuthenticationCallbackView, OIDCAuthenticationRequestView

from sikerja.core.errors import DomainError
from sikerja.organization.sso import sso_government_id, sso_login_for_nip, sso_refusal_record
from sikerja.web import session_limits, throttle

logger = logging.getLogger(__name__)

SESSION_KEY = "sikerja_sso"  # the session was opened by single sign-on
REFUSAL_KEY = "sikerja_sso_refusal"  # the message the login page shows after a refusal
# Where the library keeps the ID token in the session (OIDC_STORE_ID_TOKEN).
ID_TOKEN_KEY = "oidc_id_token"  # noqa: S105 - a session key, not a secret
DISCOVERY_SECONDS = 3600


@dataclass(frozen=True)
class Provider:
    """The provider's issuer and endpoints."""

    issuer: str
    authorization_endpoint: str
    token_endpoint: str
    userinfo_endpoint: str
    jwks_uri: str
    end_session_endpoint: str = ""


_discovered: dict[str, tuple[float, Provider]] = {}


def sso_enabled() -> bool:
    """Whether single sign-on is configured (issuer and client id)."""
    return bool(settings.SSO_ISSUER and settings.SSO_CLIENT_ID)


def sso_name() -> str:
    """The provider's name on the login button: SSO_NAME, else the issuer's host."""
    return str(settings.SSO_NAME or urlparse(settings.SSO_ISSUER).hostname or "")


def _configured() -> Provider:
    return Provider(
        issuer=settings.SSO_ISSUER.rstrip("/"),
        authorization_endpoint=settings.SSO_AUTHORIZATION_ENDPOINT,
        token_endpoint=settings.SSO_TOKEN_ENDPOINT,
        userinfo_endpoint=settings.SSO_USERINFO_ENDPOINT,
        jwks_uri=settings.SSO_JWKS_URI,
        end_session_endpoint=settings.SSO_END_SESSION_ENDPOINT,
    )


def _discover(given: Provider) -> Provider:
    response = requests.get(
        f"{given.issuer}/.well-known/openid-configuration", timeout=settings.SSO_TIMEOUT_SECONDS
    )
    response.raise_for_status()
    document: dict[str, Any] = response.json()
    if str(document.get("issuer", "")).rstrip("/") != given.issuer:
        raise ImproperlyConfigured("SIKERJA_SSO_ISSUER differs from the provider's own issuer")
    return Provider(
        issuer=given.issuer,
        authorization_endpoint=given.authorization_endpoint or document["authorization_endpoint"],
        token_endpoint=given.token_endpoint or document["token_endpoint"],
        userinfo_endpoint=given.userinfo_endpoint or document["userinfo_endpoint"],
        jwks_uri=given.jwks_uri or document["jwks_uri"],
        end_session_endpoint=given.end_session_endpoint
        or str(document.get("end_session_endpoint", "")),
    )


def provider() -> Provider:
    """The provider as configured, completed from its discovery document (kept an hour).

    Raises requests.RequestException when the provider cannot be reached.
    """
    given = _configured()
    endpoints = (given.authorization_endpoint, given.token_endpoint, given.userinfo_endpoint)
    if all(endpoints) and given.jwks_uri:
        return given
    kept = _discovered.get(given.issuer)
    if kept is not None and kept[0] > time.monotonic():
        return kept[1]
    found = _discover(given)
    _discovered[given.issuer] = (time.monotonic() + DISCOVERY_SECONDS, found)
    return found


_ENDPOINTS = {
    "OIDC_OP_AUTHORIZATION_ENDPOINT": "authorization_endpoint",
    "OIDC_OP_TOKEN_ENDPOINT": "token_endpoint",
    "OIDC_OP_USER_ENDPOINT": "userinfo_endpoint",
    "OIDC_OP_JWKS_ENDPOINT": "jwks_uri",
}


def _library_setting(name: str, *default: Any) -> Any:
    """The library's setting `name`, from Sikerja's SSO settings (its own names are not used)."""
    if name in _ENDPOINTS:
        return getattr(provider(), _ENDPOINTS[name])
    values: dict[str, Any] = {
        "OIDC_RP_CLIENT_ID": settings.SSO_CLIENT_ID,
        "OIDC_RP_CLIENT_SECRET": settings.SSO_CLIENT_SECRET,
        "OIDC_RP_SIGN_ALGO": settings.SSO_SIGN_ALGO,
        "OIDC_RP_SCOPES": settings.SSO_SCOPES,
        "OIDC_AUTHENTICATION_CALLBACK_URL": "web:sso-callback",
        "OIDC_USE_PKCE": True,
        "OIDC_STORE_ID_TOKEN": True,
        "OIDC_CREATE_USER": False,
        "OIDC_TIMEOUT": settings.SSO_TIMEOUT_SECONDS,
    }
    if name in values:
        return values[name]
    return import_from_settings(name, *default)


def _refuse(request: HttpRequest, message: str) -> HttpResponse:
    """Back to the login page, which shows the message once."""
    request.session[REFUSAL_KEY] = message
    return HttpResponseRedirect(reverse("web:login"))


def _failed() -> str:
    return _(
        "Masuk dengan SSO gagal atau dibatalkan. Coba lagi, atau masuk dengan nama pengguna "
        "dan kata sandi."
    )


def refusal_pop(request: HttpRequest) -> str:
    """The message of the last SSO refusal of this browser, once (empty when none)."""
    return str(request.session.pop(REFUSAL_KEY, ""))


class SsoBackend(OIDCAuthenticationBackend):  # type: ignore[misc]
    """The library's backend, answering only the SSO callback while SSO is configured."""

    get_settings = staticmethod(_library_setting)

    def __init__(self, *args: Any, **kwargs: Any) -> None:
        # The library reads its settings here; Django builds every backend for each password
        # login too, so they are read at the callback instead (`authenticate`).
        self.UserModel = get_user_model()

    def authenticate(self, request: HttpRequest | None, **kwargs: Any) -> User | None:
        if request is None or "nonce" not in kwargs or not sso_enabled():
            return None
        super().__init__()
        user: User | None = super().authenticate(request, **kwargs)
        return user

    def verify_token(self, token: str, **kwargs: Any) -> dict[str, Any]:
        payload: dict[str, Any] = super().verify_token(token, **kwargs)
        audience = payload.get("aud")
        audiences = [audience] if isinstance(audience, str) else list(audience or [])
        issuer = str(payload.get("iss", "")).rstrip("/")
        if issuer != provider().issuer or settings.SSO_CLIENT_ID not in audiences:
            raise SuspiciousOperation("ID token from another issuer or for another client")
        return payload

    def retrieve_matching_jwk(self, token: str) -> Any:
        """The provider's key for the token; a token without a key id (a provider with one
        key may omit it) takes the one signing key the provider publishes for its algorithm."""
        header = jwt.get_unverified_header(token)
        if "kid" in header:
            return super().retrieve_matching_jwk(token)
        response = requests.get(self.OIDC_OP_JWKS_ENDPOINT, timeout=settings.SSO_TIMEOUT_SECONDS)
        response.raise_for_status()
        keys = [
            key
            for key in response.json().get("keys", [])
            if key.get("use", "sig") == "sig"
            and key.get("alg", header.get("alg")) == header.get("alg")
        ]
        if len(keys) != 1:
            raise SuspiciousOperation("no single signing key for a token without a key id")
        return jwt.PyJWK(keys[0])

    def get_or_create_user(
        self, access_token: str, id_token: str, payload: dict[str, Any]
    ) -> User | None:
        """The login of the employee whose NIP the provider sends; None (with the reason kept
        for the login page) when there is none or it may not come in."""
        userinfo: dict[str, Any] = self.get_userinfo(access_token, id_token, payload)
        if userinfo.get("sub", payload.get("sub")) != payload.get("sub"):
            raise SuspiciousOperation("userinfo is about another subject than the ID token")
        claim = {**payload, **userinfo}.get(settings.SSO_NIP_CLAIM)
        nip = "" if claim is None else str(claim)
        government_id = sso_government_id(kode=settings.SSO_GOVERNMENT)
        if government_id is None:
            raise ImproperlyConfigured(
                "SIKERJA_SSO_GOVERNMENT names no government (needed when there are several)"
            )
        try:
            return sso_login_for_nip(government_id=government_id, nip=nip, on=timezone.localdate())
        except DomainError as refusal:
            attempt = throttle.Attempt.from_request(self.request, "")
            sso_refusal_record(
                government_id=government_id,
                nip=nip,
                code=refusal.code,
                address=attempt.address,
                at=timezone.now(),
            )
            throttle.record_failure(attempt)
            self.request.session[REFUSAL_KEY] = str(refusal.message)
            return None


class SsoLoginView(OIDCAuthenticationRequestView):  # type: ignore[misc]
    """Send the browser to the provider (404 while SSO is off)."""

    get_settings = staticmethod(_library_setting)

    def __init__(self, **kwargs: Any) -> None:
        View.__init__(self, **kwargs)  # the library's reads the settings; `get` does

    def get(self, request: HttpRequest) -> HttpResponse:
        if not sso_enabled():
            raise Http404
        if throttle.is_blocked(throttle.Attempt.from_request(request, "")):
            return _refuse(request, throttle.refusal())
        try:
            self.OIDC_OP_AUTH_ENDPOINT = provider().authorization_endpoint
        except (requests.RequestException, ValueError, KeyError, ImproperlyConfigured):
            logger.exception("single sign-on: the provider's discovery document failed")
            return _refuse(request, _failed())
        self.OIDC_RP_CLIENT_ID = settings.SSO_CLIENT_ID
        response: HttpResponse = super().get(request)
        return response


class SsoCallbackView(OIDCAuthenticationCallbackView):  # type: ignore[misc]
    """The provider sends the browser back here with a code; log in, or back to the login page
    with the reason (404 while SSO is off)."""

    get_settings = staticmethod(_library_setting)

    def get(self, request: HttpRequest) -> HttpResponse:
        if not sso_enabled():
            raise Http404
        request.session.pop(REFUSAL_KEY, None)
        try:
            response: HttpResponse = super().get(request)
        except ImproperlyConfigured:
            logger.exception("single sign-on: misconfigured")
            return _refuse(request, _failed())
        except (SuspiciousOperation, requests.RequestException):
            logger.warning("single sign-on: the callback failed", exc_info=True)
            return _refuse(request, _failed())
        return response

    def login_success(self) -> HttpResponse:
        response: HttpResponse = super().login_success()
        session_limits.session_start(self.request)
        self.request.session[SESSION_KEY] = True
        return response

    def login_failure(self) -> HttpResponse:
        message = self.request.session.get(REFUSAL_KEY) or _failed()
        return _refuse(self.request, str(message))


def _origin(url: str) -> str:
    parsed = urlparse(url)
    return f"{parsed.scheme}://{parsed.netloc}" if parsed.scheme and parsed.netloc else ""


def logout_origins() -> list[str]:
    """The origins the logout form may end up at (the provider's end-session endpoint, on the
    issuer's host unless configured or discovered elsewhere), for the pages' CSP form-action;
    none while SSO is off. Never asks the provider."""
    if not sso_enabled():
        return []
    given = _configured()
    kept = _discovered.get(given.issuer)
    ends = [given.issuer, given.end_session_endpoint, kept[1].end_session_endpoint if kept else ""]
    return sorted({origin for origin in map(_origin, ends) if origin})


def logout_url(request: HttpRequest, session: dict[str, Any]) -> str | None:
    """Where to send the browser after the local logout of an SSO session: the provider's
    end-session endpoint (with the ID token as hint), so that its session ends too; None for a
    password session or a provider without one."""
    if not session.get(SESSION_KEY) or not sso_enabled():
        return None
    try:
        endpoint = provider().end_session_endpoint
    except (requests.RequestException, ValueError, KeyError, ImproperlyConfigured):
        logger.warning("single sign-on: no end-session endpoint to log out at", exc_info=True)
        return None
    if not endpoint:
        return None
    query = {
        "client_id": settings.SSO_CLIENT_ID,
        "post_logout_redirect_uri": request.build_absolute_uri(reverse("web:login")),
    }
    if session.get(ID_TOKEN_KEY):
        query["id_token_hint"] = str(session[ID_TOKEN_KEY])
    return f"{endpoint}?{urlencode(query)}"
