"""Production: security flags only; everything else comes from base and the environment."""

from sikerja.config.settings.base import *  # noqa: F403
from sikerja.config.settings.env import envbool, envint, envstr

DEBUG = False
SECRET_KEY = envstr("SIKERJA_SECRET_KEY", "")
if len(SECRET_KEY) < 50:
    from django.core.exceptions import ImproperlyConfigured

    raise ImproperlyConfigured("SIKERJA_SECRET_KEY must be set to at least 50 random characters")
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
    "staticfiles": {"BACKEND": "django.contrib.staticfiles.storage.ManifestStaticFilesStorage"},
}
