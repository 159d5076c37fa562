"""Production: the default settings of every entry point (manage.py, WSGI, ASGI).

Security flags only; everything else comes from base and the environment. Start-up is refused,
naming the variable, without a long secret key, without the allowed host names, or without an
audit key of its own (no fallback to the secret key: rotating that key would then break
`audit --verify`, and one leaked secret would let the chain be rewritten).
"""

from django.core.exceptions import ImproperlyConfigured
from whitenoise.compress import Compressor

from sikerja.config.settings.base import *  # noqa: F403
from sikerja.config.settings.env import envbool, envint, envkeys, envlist, envstr

MIN_SECRET_KEY_LENGTH = 50
MIN_AUDIT_KEY_LENGTH = 40

DEBUG = False
SECRET_KEY = envstr("SIKERJA_SECRET_KEY", "")
if len(SECRET_KEY) < MIN_SECRET_KEY_LENGTH:
    raise ImproperlyConfigured("SIKERJA_SECRET_KEY must be set to at least 50 random characters")
ALLOWED_HOSTS = envlist("SIKERJA_ALLOWED_HOSTS", [])
if not ALLOWED_HOSTS:
    raise ImproperlyConfigured(
        "SIKERJA_ALLOWED_HOSTS must name the host names this server answers to (comma-separated)"
    )
AUDIT_KEY = envstr("SIKERJA_AUDIT_KEY", "")
if len(AUDIT_KEY) < MIN_AUDIT_KEY_LENGTH or AUDIT_KEY == SECRET_KEY:
    raise ImproperlyConfigured(
        "SIKERJA_AUDIT_KEY must be set to at least 40 random characters, not the secret key: "
        "it keys the audit chain and must be kept to verify it"
    )
AUDIT_KEYS = {**envkeys("SIKERJA_AUDIT_RETIRED_KEYS"), AUDIT_KEY_ID: AUDIT_KEY}  # noqa: F405
SECURE_SSL_REDIRECT = envbool("SIKERJA_SSL_REDIRECT", default=True)
# Load balancers and orchestrators probe the workers over plain HTTP.
SECURE_REDIRECT_EXEMPT = [r"^healthz$", r"^readyz$"]
SECURE_HSTS_SECONDS = envint("SIKERJA_HSTS_SECONDS", 31536000)
SECURE_HSTS_INCLUDE_SUBDOMAINS = True
SECURE_HSTS_PRELOAD = True
SESSION_COOKIE_SECURE = True
CSRF_COOKIE_SECURE = True
LANGUAGE_COOKIE_SECURE = True
LANGUAGE_COOKIE_SAMESITE = "Lax"
STORAGES = {
    "default": {"BACKEND": "django.core.files.storage.FileSystemStorage"},
    "staticfiles": {"BACKEND": "whitenoise.storage.CompressedManifestStaticFilesStorage"},
}
# collectstatic: keep only the hashed names the pages link to, and leave the API docs' source
# maps uncompressed (brotli on them took a minute of a deploy; browsers fetch them only in the
# developer tools).
WHITENOISE_KEEP_ONLY_HASHED_FILES = True
WHITENOISE_SKIP_COMPRESS_EXTENSIONS = ["map", *Compressor.SKIP_COMPRESS_EXTENSIONS]
