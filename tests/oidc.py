"""A real OpenID Connect provider for the single sign-on tests (oidc-provider-mock, served on a
free localhost port in a thread of the test process), and Sikerja configured to use it.

`conftest.py` files import the fixtures they need from here: `provider_url` and `sso_on`.
"""

from __future__ import annotations

from collections.abc import Iterator
from urllib.parse import quote

import oidc_provider_mock
import pytest
import requests

from sikerja.organization.models import Government
from sikerja.web import sso

CLIENT_ID = "sikerja-test"
PROVIDER_NAME = "Pemkot Surakarta"


@pytest.fixture(scope="module")
def provider_url() -> Iterator[str]:
    """A real OpenID provider for the module, on a port the system chose."""
    with oidc_provider_mock.run_server_in_thread() as server:
        yield f"http://localhost:{server.server_port}"


@pytest.fixture
def sso_on(settings, world, provider_url):
    """SSO configured for the demo government, as its environment would."""
    settings.SSO_ISSUER = provider_url
    settings.SSO_CLIENT_ID = CLIENT_ID
    settings.SSO_CLIENT_SECRET = "rahasia-klien"  # the provider accepts any
    settings.SSO_GOVERNMENT = Government.objects.get(pk=world.government_id).kode
    settings.SSO_NAME = PROVIDER_NAME
    sso._discovered.clear()
    yield settings
    sso._discovered.clear()


def provider_user(provider_url: str, sub: str, claims: dict[str, object]) -> None:
    """Tell the provider the claims of the person `sub` (sent in their tokens and userinfo)."""
    stored = requests.put(f"{provider_url}/users/{quote(sub)}", json=claims, timeout=5)
    assert stored.status_code == 204
