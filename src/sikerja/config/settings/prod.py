"""Production: the default settings of every entry point (manage.py, WSGI, ASGI).

Security flags only; everything else comes from base and the environment. Start-up is refused,
naming the variable, without a long secret key or without the allowed host names.
"""

from django.core.exceptions import ImproperlyConfigured

from sikerja.config.settings.base import *  # noqa: F403
from sikerja.config.settings.env import envbool, envint, envlist, envstr

MIN_SECRET_KEY_LENGTH = 50

DEBUG = False
SECRET_KEY = envstr("SIKERJA_SECRET_KEY", "")
if len(SECRET_KEY) < MIN_SECRET_KEY_LENGTH:
    raise ImproperlyConfigured("SIKERJA_SECRET_KEY must be set to at least 50 random characters")
ALLOWED_HOSTS = envlist("SIKERJA_ALLOWED_HOSTS", [])
if not ALLOWED_HOSTS:
    raise ImproperlyConfigured(
        "SIKERJA_ALLOWED_HOSTS must name the host names this server answers to (comma-separated)"
    )
SECURE_SSL_REDIRECT = envbool("SIKERJA_SSL_REDIRECT", default=True)
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
