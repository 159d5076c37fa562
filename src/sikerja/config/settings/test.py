"""Test settings: fast hasher, in-memory mail, SQLite unless a PostgreSQL URL is given."""

import os
import tempfile
from pathlib import Path

from sikerja.config.settings.base import *  # noqa: F403
from sikerja.config.settings.base import DATABASES

PASSWORD_HASHERS = ["django.contrib.auth.hashers.MD5PasswordHasher"]
EMAIL_BACKEND = "django.core.mail.backends.locmem.EmailBackend"
CACHES = {
    "default": {"BACKEND": "django.core.cache.backends.locmem.LocMemCache"},
    "fragments": {"BACKEND": "django.core.cache.backends.locmem.LocMemCache"},
}
# Audit checkpoints go to a file of this test process (none exists unless a test writes one).
AUDIT_CHECKPOINT_PATH = Path(tempfile.gettempdir()) / f"sikerja-audit-{os.getpid()}.jsonl"
# Static files from the apps' folders, looked up per request: no collectstatic before tests.
WHITENOISE_USE_FINDERS = True
WHITENOISE_AUTOREFRESH = True
if DATABASES["default"]["ENGINE"] == "django.db.backends.sqlite3":
    # A file, not :memory:, so that concurrency tests can open a second connection.
    DATABASES["default"]["TEST"] = {
        "NAME": str(Path(tempfile.gettempdir()) / f"sikerja-test-{os.getpid()}.sqlite3"),
    }
