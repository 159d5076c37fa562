"""`manage.py check --deploy` is clean under the production settings."""

from __future__ import annotations

import secrets
import string
import subprocess
from pathlib import Path

import pytest

from tests.config.processes import ROOT, run_python

KEY_ALPHABET = string.ascii_letters + string.digits + "!@#%^&*(-_=+)"


def _run_check(tmp_path: Path, **extra_env: str) -> subprocess.CompletedProcess[str]:
    return run_python(
        [str(ROOT / "manage.py"), "check", "--deploy", "--fail-level", "WARNING"],
        tmp_path,
        DJANGO_SETTINGS_MODULE="sikerja.config.settings.prod",
        SIKERJA_ALLOWED_HOSTS="sikerja.pemda.go.id",
        SIKERJA_AUDIT_KEY=secrets.token_urlsafe(32),
        **extra_env,
    )


@pytest.mark.slow
def test_deploy_check_is_clean_with_production_settings(tmp_path):
    secret = "".join(secrets.choice(KEY_ALPHABET) for _ in range(60))

    result = _run_check(tmp_path, SIKERJA_SECRET_KEY=secret)

    assert (result.returncode, result.stdout.strip()) == (
        0,
        "System check identified no issues (0 silenced).",
    ), result.stderr


@pytest.mark.slow
def test_production_settings_refuse_to_start_without_a_long_secret_key(tmp_path):
    result = _run_check(tmp_path, SIKERJA_SECRET_KEY="too-short")

    assert result.returncode == 1
    assert "SIKERJA_SECRET_KEY must be set to at least 50 random characters" in result.stderr
