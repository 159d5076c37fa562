"""`make serve`'s stack for real: gunicorn on a free localhost port with the production settings
(secret and hosts from the environment), static files collected and served by the app itself.
"""

# ruff: noqa: S310, S603 - local requests to, and processes of, the server this module starts

from __future__ import annotations

import os
import re
import secrets
import signal
import socket
import subprocess
import sys
import time
import urllib.error
import urllib.request
from pathlib import Path

import pytest

ROOT = Path(__file__).resolve().parents[2]
BIN = Path(sys.executable).parent
STYLESHEET = re.compile(r'href="(/static/web/css/sikerja\.[0-9a-f]{12}\.css)"')

PROXIED = {"X-Forwarded-Proto": "https"}  # as the TLS-terminating proxy sets it

pytestmark = pytest.mark.slow


class _NoRedirect(urllib.request.HTTPRedirectHandler):
    def redirect_request(self, *args, **kwargs):
        return None


def _free_port() -> int:
    with socket.socket() as sock:
        sock.bind(("127.0.0.1", 0))
        return int(sock.getsockname()[1])


def _fetch(url: str, **headers: str) -> tuple[int, dict[str, str], bytes]:
    request = urllib.request.Request(url, headers=headers)
    try:
        with urllib.request.urlopen(request, timeout=10) as response:
            return response.status, dict(response.headers), response.read()
    except urllib.error.HTTPError as error:
        with error:
            return error.code, dict(error.headers), error.read()


def _wait_until_up(url: str, server: subprocess.Popen[bytes]) -> None:
    deadline = time.monotonic() + 30
    while time.monotonic() < deadline:
        if server.poll() is not None:
            pytest.fail(f"gunicorn exited with {server.returncode}")
        try:
            _fetch(url)
        except OSError:
            time.sleep(0.2)
        else:
            return
    pytest.fail("gunicorn did not answer within 30 s")


@pytest.fixture(scope="module")
def production(tmp_path_factory):
    """collectstatic, then gunicorn (2 workers) with the production settings; yields the base URL."""
    var = tmp_path_factory.mktemp("var")
    port = _free_port()
    env = {
        **os.environ,
        "DJANGO_SETTINGS_MODULE": "sikerja.config.settings.prod",
        "SIKERJA_SECRET_KEY": secrets.token_urlsafe(50),
        "SIKERJA_AUDIT_KEY": secrets.token_urlsafe(32),
        "SIKERJA_ALLOWED_HOSTS": "127.0.0.1",
        "SIKERJA_PROXY_SSL_HEADER": "X-Forwarded-Proto",
        "SIKERJA_VAR_DIR": str(var),
        "SIKERJA_DATABASE_URL": "",
        "SIKERJA_SQLITE_PATH": str(var / "empty.sqlite3"),
        "SIKERJA_BIND": f"127.0.0.1:{port}",
        "SIKERJA_WORKERS": "2",
    }
    subprocess.run(
        [str(BIN / "python"), "manage.py", "collectstatic", "--noinput", "--verbosity", "0"],
        cwd=ROOT,
        env=env,
        check=True,
    )
    log = (var / "server.log").open("wb")
    server = subprocess.Popen(
        [
            str(BIN / "gunicorn"),
            "--config",
            "python:sikerja.config.gunicorn",
            "sikerja.config.wsgi:application",
        ],
        cwd=ROOT,
        env=env,
        stdout=subprocess.DEVNULL,
        stderr=log,
    )
    base = f"http://127.0.0.1:{port}"
    try:
        _wait_until_up(f"{base}/healthz", server)
        yield base
    finally:
        server.send_signal(signal.SIGTERM)
        server.wait(timeout=30)
        log.close()


def test_plain_http_is_redirected_to_https(production):
    request = urllib.request.Request(f"{production}/masuk/")
    opener = urllib.request.build_opener(_NoRedirect)

    with pytest.raises(urllib.error.HTTPError) as redirect:
        opener.open(request, timeout=10)
    redirect.value.close()

    assert redirect.value.code == 301
    assert (
        redirect.value.headers["Location"]
        == f"https://127.0.0.1:{production.rsplit(':', 1)[1]}/masuk/"
    )


def test_gunicorn_serves_the_login_page_behind_the_tls_proxy_with_security_headers(production):
    status, headers, body = _fetch(f"{production}/masuk/", **PROXIED)

    assert status == 200
    assert b'name="username"' in body
    assert headers["X-Frame-Options"] == "DENY"
    assert headers["Strict-Transport-Security"] == "max-age=31536000; includeSubDomains; preload"
    assert re.fullmatch(r"[0-9a-f]{32}", headers["X-Request-ID"])


def test_the_app_serves_its_collected_hashed_static_files_compressed_and_cached_forever(
    production,
):
    _, _, page = _fetch(f"{production}/masuk/", **PROXIED)
    stylesheet = STYLESHEET.search(page.decode())
    assert stylesheet is not None
    request = urllib.request.Request(
        production + stylesheet.group(1), headers={"Accept-Encoding": "gzip", **PROXIED}
    )

    with urllib.request.urlopen(request, timeout=10) as response:
        status, headers = response.status, response.headers

    assert status == 200
    assert headers["Content-Type"].startswith("text/css")
    assert headers["Content-Encoding"] == "gzip"
    assert headers["Cache-Control"] == "max-age=315360000, public, immutable"


def test_liveness_answers_and_readiness_refuses_a_database_not_yet_migrated(production):
    live = _fetch(f"{production}/healthz", **PROXIED)
    ready = _fetch(f"{production}/readyz", **PROXIED)

    assert (live[0], live[2]) == (200, b'{"status": "ok"}')
    assert ready[0] == 503
    assert b'"database": "ok"' in ready[2]
