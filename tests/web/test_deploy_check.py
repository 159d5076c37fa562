"""`manage.py check --deploy` is clean under the production settings."""

from __future__ import annotations

import os
import secrets
import string
import subprocess
import sys
from pathlib import Path

import pytest

ROOT = Path(__file__).resolve().parents[2]
KEY_ALPHABET = string.ascii_letters + string.digits + "!@#%^&*(-_=+)"


def _run_check(tmp_path: Path, **extra_env: str) -> subprocess.CompletedProcess[str]:
    env = {
        key: value
        for key, value in os.environ.items()
        if not key.startswith(("SIKERJA_", "DJANGO_"))
    }
    env.update(
        DJANGO_SETTINGS_MODULE="sikerja.config.settings.prod",
        SIKERJA_VAR_DIR=str(tmp_path),
        SIKERJA_ALLOWED_HOSTS="sikerja.pemda.go.id",
        **extra_env,
    )
    return subprocess.run(  # noqa: S603 - fixed arguments, our own manage.py
        [sys.executable, str(ROOT / "manage.py"), "check", "--deploy", "--fail-level", "WARNING"],
        cwd=ROOT,
        env=env,
        capture_output=True,
        text=True,
        timeout=120,
        check=False,
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
