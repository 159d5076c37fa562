"""Settings shared by every environment; the environment chooses the database and secrets."""

from __future__ import annotations

import hmac
from pathlib import Path

from django.utils.translation import gettext_lazy as _

from sikerja.config.settings.env import (
    database_from_url,
    envbool,
    envchoice,
    envint,
    envkeys,
    envlist,
    envstr,
)

BASE_DIR = Path(__file__).resolve().parents[2]
VAR_DIR = Path(envstr("SIKERJA_VAR_DIR", str(Path.cwd() / "var")))

SECRET_KEY = envstr("SIKERJA_SECRET_KEY", "dev-only-insecure-key-change-me")
DEBUG = envbool("SIKERJA_DEBUG", default=False)
ALLOWED_HOSTS = envlist("SIKERJA_ALLOWED_HOSTS", ["127.0.0.1", "localhost"])

INSTALLED_APPS = [
    "django.contrib.auth",
    "django.contrib.contenttypes",
    "django.contrib.sessions",
    "django.contrib.messages",
    "django.contrib.staticfiles",
    "ninja",
    "sikerja.core",
    "sikerja.packs",
    "sikerja.audit",
    "sikerja.organization",
    "sikerja.accounts",
    "sikerja.api",
    "sikerja.documents",
    "sikerja.notifications",
    "sikerja.workflows",
    "sikerja.assignments",
    "sikerja.teams",
    "sikerja.performance",
    "sikerja.web",
]

MIDDLEWARE = [
    "sikerja.web.requestlog.RequestIdMiddleware",
    "django.middleware.security.SecurityMiddleware",
    "whitenoise.middleware.WhiteNoiseMiddleware",
    "django.contrib.sessions.middleware.SessionMiddleware",
    "django.middleware.locale.LocaleMiddleware",
    "sikerja.web.input_limits.InputLimitsMiddleware",
    "django.middleware.common.CommonMiddleware",
    "django.middleware.csrf.CsrfViewMiddleware",
    "django.contrib.auth.middleware.AuthenticationMiddleware",
    "sikerja.web.session_limits.SessionLimitsMiddleware",
    "sikerja.web.passwords.PasswordChangeRequiredMiddleware",
    "django.contrib.messages.middleware.MessageMiddleware",
    "django.middleware.clickjacking.XFrameOptionsMiddleware",
    "sikerja.web.middleware.ContentSecurityPolicyMiddleware",
]

# Request bodies: forms and JSON up to Django's DATA_UPLOAD_MAX_MEMORY_SIZE (2.5 MB), file
# uploads (organisation imports) up to this; larger requests get 413 (sikerja.web.input_limits).
MAX_UPLOAD_BYTES = envint("SIKERJA_MAX_UPLOAD_BYTES", 60 * 1024 * 1024)
# Evidence files (data dukung) of team work: where they are kept, the largest one accepted, and
# the kinds accepted, recognised by their content (sikerja.teams.services.evidence).
SIKERJA_EVIDENCE_ROOT = Path(envstr("SIKERJA_EVIDENCE_ROOT", str(VAR_DIR / "evidence")))
SIKERJA_EVIDENCE_MAX_BYTES = envint("SIKERJA_EVIDENCE_MAX_BYTES", 10 * 1024 * 1024)
SIKERJA_EVIDENCE_KINDS = ("pdf", "png", "jpeg", "xlsx", "docx", "odt")
# Organisation imports uploaded in the browser run in a thread of the web process ("thread"),
# or only by `manage.py org_import_jobs` in a separate worker ("command"; docs/production.md).
IMPORT_WORKER = envchoice("SIKERJA_IMPORT_WORKER", "thread", ("thread", "command"))

ROOT_URLCONF = "sikerja.config.urls"
WSGI_APPLICATION = "sikerja.config.wsgi.application"

TEMPLATES = [
    {
        "BACKEND": "django.template.backends.django.DjangoTemplates",
        "DIRS": [],
        "APP_DIRS": True,
        "OPTIONS": {
            "context_processors": [
                "django.template.context_processors.request",
                "django.template.context_processors.i18n",
                "django.contrib.auth.context_processors.auth",
                "django.contrib.messages.context_processors.messages",
            ],
        },
    },
]

_database_url = envstr("SIKERJA_DATABASE_URL", "")
if _database_url:
    DATABASES = {"default": database_from_url(_database_url)}
else:
    DATABASES = {
        "default": {
            "ENGINE": "django.db.backends.sqlite3",
            "NAME": envstr("SIKERJA_SQLITE_PATH", str(VAR_DIR / "sikerja.sqlite3")),
            "OPTIONS": {
                "transaction_mode": "IMMEDIATE",
                "timeout": 20,
                "init_command": (
                    "PRAGMA journal_mode=WAL; PRAGMA synchronous=NORMAL; PRAGMA foreign_keys=ON;"
                ),
            },
            "CONN_MAX_AGE": 60,
        }
    }

DEFAULT_AUTO_FIELD = "django.db.models.BigAutoField"

PASSWORD_HASHERS = [
    "django.contrib.auth.hashers.Argon2PasswordHasher",
    "django.contrib.auth.hashers.PBKDF2PasswordHasher",
]
AUTH_PASSWORD_VALIDATORS = [
    {"NAME": "django.contrib.auth.password_validation.UserAttributeSimilarityValidator"},
    {"NAME": "django.contrib.auth.password_validation.MinimumLengthValidator"},
    {"NAME": "django.contrib.auth.password_validation.CommonPasswordValidator"},
    {"NAME": "django.contrib.auth.password_validation.NumericPasswordValidator"},
]
AUTHENTICATION_BACKENDS = [
    # Django's ModelBackend, reading a session's user with a fixed statement.
    "sikerja.accounts.backends.PasswordBackend",
    # Answers only the single sign-on callback, and only while SSO is configured (below).
    "sikerja.web.sso.SsoBackend",
    # The sessions made before PasswordBackend name this one; it logs nobody in.
    "django.contrib.auth.backends.ModelBackend",
]
LOGIN_URL = "web:login"
LOGIN_REDIRECT_URL = "web:home"
LOGOUT_REDIRECT_URL = "web:login"
# Login throttling (sikerja.web.throttle): failed attempts per account, which lock it until the
# window ends (audited; BKPSDM may unlock), and per client address (the address behind
# TRUSTED_PROXIES), higher: an office behind one address must not be locked out by one person.
LOGIN_THROTTLE_ATTEMPTS = envint("SIKERJA_LOGIN_THROTTLE_ATTEMPTS", 5)
LOGIN_THROTTLE_ADDRESS_ATTEMPTS = envint("SIKERJA_LOGIN_THROTTLE_ADDRESS_ATTEMPTS", 50)
LOGIN_THROTTLE_WINDOW_SECONDS = envint("SIKERJA_LOGIN_THROTTLE_WINDOW_SECONDS", 900)

CACHES = {
    "default": {
        "BACKEND": "django.core.cache.backends.db.DatabaseCache",
        "LOCATION": "sikerja_cache",
    },
    # Template fragments that depend only on the code, the language and a few flags of the
    # viewer (the layout's navigation), kept in each process: rendering them cost more than
    # the rest of a small page.
    "fragments": {"BACKEND": "django.core.cache.backends.locmem.LocMemCache"},
}

LANGUAGE_CODE = "id"
LANGUAGES = [("id", _("Bahasa Indonesia")), ("en", _("English"))]
LOCALE_PATHS = [BASE_DIR / "locale"]
# One date format across the UI, Indonesian by default ("5 Desember 2026").
FORMAT_MODULE_PATH = ["sikerja.config.formats"]
TIME_ZONE = envstr("SIKERJA_TIME_ZONE", "Asia/Jakarta")
USE_I18N = True
USE_TZ = True

STATIC_URL = "static/"
STATIC_ROOT = VAR_DIR / "static"

# Reverse proxies whose headers are believed (addresses or CIDR blocks): X-Request-ID here, the
# client address for login throttling. Empty: no header from the peer is trusted.
TRUSTED_PROXIES = envlist("SIKERJA_TRUSTED_PROXIES", [])
# Behind a TLS-terminating proxy that sets `X-Forwarded-Proto: https` (and strips it from
# clients): SIKERJA_PROXY_SSL_HEADER=X-Forwarded-Proto. Empty: the connection's own scheme.
_proxy_ssl_header = envstr("SIKERJA_PROXY_SSL_HEADER", "")
if _proxy_ssl_header:
    SECURE_PROXY_SSL_HEADER = (
        "HTTP_" + _proxy_ssl_header.upper().replace("-", "_"),
        "https",
    )

# Optional single sign-on through the pemda's OpenID Connect provider (sikerja.web.sso): on when
# the issuer and the client id are set. A person signed in there is the login of the employee
# whose NIP the provider sends (in the claim named here) in the government SSO_GOVERNMENT names
# by its kode (needed only when the installation holds several); nobody is created. The endpoints come from the issuer's discovery document unless
# they are all given here.
SSO_ISSUER = envstr("SIKERJA_SSO_ISSUER", "").rstrip("/")
SSO_CLIENT_ID = envstr("SIKERJA_SSO_CLIENT_ID", "")
SSO_CLIENT_SECRET = envstr("SIKERJA_SSO_CLIENT_SECRET", "")
SSO_GOVERNMENT = envstr("SIKERJA_SSO_GOVERNMENT", "")
SSO_NAME = envstr("SIKERJA_SSO_NAME", "")
SSO_NIP_CLAIM = envstr("SIKERJA_SSO_NIP_CLAIM", "nip")
SSO_SCOPES = envstr("SIKERJA_SSO_SCOPES", "openid profile")
SSO_SIGN_ALGO = envstr("SIKERJA_SSO_SIGN_ALGO", "RS256")
SSO_AUTHORIZATION_ENDPOINT = envstr("SIKERJA_SSO_AUTHORIZATION_ENDPOINT", "")
SSO_TOKEN_ENDPOINT = envstr("SIKERJA_SSO_TOKEN_ENDPOINT", "")
SSO_USERINFO_ENDPOINT = envstr("SIKERJA_SSO_USERINFO_ENDPOINT", "")
SSO_JWKS_URI = envstr("SIKERJA_SSO_JWKS_URI", "")
SSO_END_SESSION_ENDPOINT = envstr("SIKERJA_SSO_END_SESSION_ENDPOINT", "")
SSO_TIMEOUT_SECONDS = envint("SIKERJA_SSO_TIMEOUT_SECONDS", 10)

# Django's database sessions, read with a fixed statement (a session is read on every request).
SESSION_ENGINE = "sikerja.web.sessions"
# A session lasts a working day at most and ends after an idle spell (sikerja.web.session_limits).
SESSION_COOKIE_AGE = envint("SIKERJA_SESSION_MAX_SECONDS", 9 * 60 * 60)
SESSION_IDLE_SECONDS = envint("SIKERJA_SESSION_IDLE_SECONDS", 30 * 60)
SESSION_COOKIE_HTTPONLY = True
SESSION_COOKIE_SAMESITE = "Lax"
CSRF_COOKIE_SAMESITE = "Lax"
X_FRAME_OPTIONS = "DENY"
SECURE_CONTENT_TYPE_NOSNIFF = True
SECURE_REFERRER_POLICY = "same-origin"

# The audit chain is keyed (HMAC-SHA256) with a secret kept outside the database, under a key id
# recorded on every event; keys retired by a rotation stay listed for verification. The chain
# head is anchored outside the database by signed checkpoints (`manage.py audit --checkpoint`)
# appended to a file that `audit --verify` checks.
# Unset, the key is derived from the secret key (as Django derives its own keys), in development
# and tests only: the production settings refuse to start without SIKERJA_AUDIT_KEY.
AUDIT_KEY_ID = envstr("SIKERJA_AUDIT_KEY_ID", "1")
AUDIT_KEYS = {
    **envkeys("SIKERJA_AUDIT_RETIRED_KEYS"),
    AUDIT_KEY_ID: envstr("SIKERJA_AUDIT_KEY", "")
    or hmac.new(SECRET_KEY.encode(), b"sikerja.audit.chain", "sha256").hexdigest(),
}
AUDIT_CHECKPOINT_PATH = Path(
    envstr("SIKERJA_AUDIT_CHECKPOINT_PATH", str(VAR_DIR / "audit-checkpoints.jsonl"))
)

# Absolute address printed in letters' verification QR codes.
SIKERJA_PUBLIC_BASE_URL = envstr("SIKERJA_PUBLIC_BASE_URL", "http://127.0.0.1:8000")

EMAIL_BACKEND = envstr("SIKERJA_EMAIL_BACKEND", "django.core.mail.backends.console.EmailBackend")
DEFAULT_FROM_EMAIL = envstr("SIKERJA_DEFAULT_FROM_EMAIL", "sikerja@localhost")

# One JSON object per line on stderr (SIKERJA_LOG_FORMAT=text for a terminal), each with the
# request id; NIPs are masked by the formatters (sikerja.web.requestlog).
LOG_FORMAT = envstr("SIKERJA_LOG_FORMAT", "json")
LOGGING = {
    "version": 1,
    "disable_existing_loggers": False,
    "filters": {"request_id": {"()": "sikerja.web.requestlog.RequestIdFilter"}},
    "formatters": {
        "json": {"()": "sikerja.web.requestlog.JsonLogFormatter"},
        "text": {
            "()": "sikerja.web.requestlog.TextLogFormatter",
            "format": "%(asctime)s %(levelname)s %(name)s [%(request_id)s] %(message)s",
        },
    },
    "handlers": {
        "console": {
            "class": "logging.StreamHandler",
            "filters": ["request_id"],
            "formatter": "text" if LOG_FORMAT == "text" else "json",
        }
    },
    "root": {"handlers": ["console"], "level": envstr("SIKERJA_LOG_LEVEL", "WARNING")},
}
