"""Production is what every entry point gets unless told otherwise; it refuses unsafe start-up."""

from __future__ import annotations

import pytest

from tests.config.processes import ROOT, run_python

SECRET = "x" * 60
AUDIT_KEY = "a" * 40
SHOW_SETTINGS = (
    "from django.conf import settings; print(settings.SETTINGS_MODULE, settings.DEBUG, "
    "settings.ALLOWED_HOSTS)"
)


def _entry_point(module: str) -> list[str]:
    return ["-c", f"import {module}; {SHOW_SETTINGS}"]


ENTRY_POINTS = {
    "wsgi": _entry_point("sikerja.config.wsgi"),
    "asgi": _entry_point("sikerja.config.asgi"),
    "manage": [str(ROOT / "manage.py"), "shell", "-c", SHOW_SETTINGS],
}


@pytest.mark.slow
@pytest.mark.parametrize("entry_point", sorted(ENTRY_POINTS))
def test_an_entry_point_without_settings_runs_production(entry_point, tmp_path):
    result = run_python(
        ENTRY_POINTS[entry_point],
        tmp_path,
        SIKERJA_SECRET_KEY=SECRET,
        SIKERJA_AUDIT_KEY=AUDIT_KEY,
        SIKERJA_ALLOWED_HOSTS="sikerja.pemda.go.id",
    )

    assert result.returncode == 0, result.stderr
    assert result.stdout.strip().splitlines()[-1] == (
        "sikerja.config.settings.prod False ['sikerja.pemda.go.id']"
    )


@pytest.mark.slow
@pytest.mark.parametrize("entry_point", sorted(ENTRY_POINTS))
def test_an_entry_point_without_a_secret_key_refuses_to_start(entry_point, tmp_path):
    result = run_python(
        ENTRY_POINTS[entry_point], tmp_path, SIKERJA_ALLOWED_HOSTS="sikerja.pemda.go.id"
    )

    assert result.returncode == 1
    assert (
        "ImproperlyConfigured: SIKERJA_SECRET_KEY must be set to at least 50 random characters"
        in result.stderr
    )


@pytest.mark.slow
@pytest.mark.parametrize("entry_point", sorted(ENTRY_POINTS))
def test_an_entry_point_without_allowed_hosts_refuses_to_start(entry_point, tmp_path):
    result = run_python(ENTRY_POINTS[entry_point], tmp_path, SIKERJA_SECRET_KEY=SECRET)

    assert result.returncode == 1
    assert "ImproperlyConfigured: SIKERJA_ALLOWED_HOSTS must name the host names" in result.stderr


AUDIT_KEY_REFUSED = (
    "ImproperlyConfigured: SIKERJA_AUDIT_KEY must be set to at least 40 random characters, "
    "not the secret key"
)


@pytest.mark.slow
@pytest.mark.parametrize("entry_point", sorted(ENTRY_POINTS))
def test_an_entry_point_without_an_audit_key_refuses_to_start(entry_point, tmp_path):
    result = run_python(
        ENTRY_POINTS[entry_point],
        tmp_path,
        SIKERJA_SECRET_KEY=SECRET,
        SIKERJA_ALLOWED_HOSTS="sikerja.pemda.go.id",
    )

    assert result.returncode == 1
    assert AUDIT_KEY_REFUSED in result.stderr


@pytest.mark.slow
@pytest.mark.parametrize(
    ("audit_key", "case"), [("a" * 39, "short"), (SECRET, "the_secret_key"), ("", "empty")]
)
def test_production_refuses_an_audit_key_too_short_or_equal_to_the_secret_key(
    audit_key, case, tmp_path
):
    result = run_python(
        ENTRY_POINTS["wsgi"],
        tmp_path,
        SIKERJA_SECRET_KEY=SECRET,
        SIKERJA_AUDIT_KEY=audit_key,
        SIKERJA_ALLOWED_HOSTS="sikerja.pemda.go.id",
    )

    assert result.returncode == 1, case
    assert AUDIT_KEY_REFUSED in result.stderr


@pytest.mark.slow
def test_production_keys_the_audit_chain_with_the_audit_key_and_the_retired_keys(tmp_path):
    result = run_python(
        [
            "-c",
            "import sikerja.config.wsgi; from django.conf import settings; "
            "print(sorted(settings.AUDIT_KEYS.items()))",
        ],
        tmp_path,
        SIKERJA_SECRET_KEY=SECRET,
        SIKERJA_AUDIT_KEY=AUDIT_KEY,
        SIKERJA_AUDIT_KEY_ID="2",
        SIKERJA_AUDIT_RETIRED_KEYS="1:old-key",
        SIKERJA_ALLOWED_HOSTS="sikerja.pemda.go.id",
    )

    assert result.returncode == 0, result.stderr
    assert result.stdout.strip().splitlines()[-1] == f"[('1', 'old-key'), ('2', '{AUDIT_KEY}')]"


@pytest.mark.slow
def test_development_is_asked_for_by_name(tmp_path):
    result = run_python(
        [str(ROOT / "manage.py"), "shell", "-c", SHOW_SETTINGS],
        tmp_path,
        DJANGO_SETTINGS_MODULE="sikerja.config.settings.dev",
    )

    assert result.returncode == 0, result.stderr
    assert result.stdout.strip().splitlines()[-1] == (
        "sikerja.config.settings.dev True ['127.0.0.1', 'localhost']"
    )


def test_make_run_asks_for_the_development_settings():
    makefile = (ROOT / "Makefile").read_text()

    assert "run: export DJANGO_SETTINGS_MODULE = sikerja.config.settings.dev\n" in makefile
