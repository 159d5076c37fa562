"""Single sign-on against a real OpenID Connect provider (oidc-provider-mock, served on a free
localhost port in a thread of this test process): the authorization-code flow runs for real
(discovery, authorization, the token request, the ID token's signature, userinfo), through
Django's test client on our side and HTTP on the provider's.

A person is the login of the employee whose NIP the provider sends; an unknown NIP, a login
BKPSDM deactivated and an employee who left are refused on the login page and audited, never
logged in or created.
"""

from __future__ import annotations

from urllib.parse import parse_qs, urlparse

import requests
from django.contrib.auth import get_user_model
from django.test import Client
from django.utils import translation

from sikerja.accounts.models import Account
from sikerja.audit.models import AuditEvent
from sikerja.organization.logins import login_deactivate
from sikerja.organization.models import Government, Placement
from sikerja.organization.services_people import placement_end
from sikerja.organization.sso import sso_government_id
from sikerja.web import sso
from sikerja.web.passwords import SESSION_KEY as MUST_CHANGE_PASSWORD
from tests.oidc import CLIENT_ID, provider_url, provider_user, sso_on

__all__ = ["provider_url", "sso_on"]  # fixtures

UNKNOWN = (
    "Tidak ada akun Sikerja untuk NIP 199001012020121001. Minta operator BKPSDM membuatkan akun "
    "untuk NIP Anda."
)
INACTIVE = (
    "Akun ini tidak aktif lagi. Hubungi BKPSDM bila Anda masih bertugas di pemerintah daerah ini."
)
LEFT = (
    "Anda tercatat tidak lagi bertugas di pemerintah daerah ini, sehingga tidak dapat masuk. "
    "Hubungi BKPSDM bila data ini keliru."
)
NO_NIP = "Penyedia SSO tidak mengirimkan NIP Anda. Hubungi pengelola SSO pemerintah daerah."


def _sign_in(client: Client, provider_url: str, sub: str, claims: dict[str, object]):
    """The browser's round trip: to the provider, authorize as `sub`, back to Sikerja."""
    provider_user(provider_url, sub, claims)
    start = client.get("/masuk/sso/")
    assert start.status_code == 302
    assert start["Location"].startswith(f"{provider_url}/oauth2/authorize?")
    authorized = requests.post(
        start["Location"], data={"sub": sub}, allow_redirects=False, timeout=5
    )
    assert authorized.status_code == 302
    back = urlparse(authorized.headers["Location"])
    assert back.path == "/masuk/sso/kembali/"
    query = {key: values[0] for key, values in parse_qs(back.query).items()}
    return client.get(back.path, query)


def _endpoints(settings, provider_url: str) -> None:
    """Every endpoint configured, as for a provider without a discovery document."""
    settings.SSO_AUTHORIZATION_ENDPOINT = f"{provider_url}/oauth2/authorize"
    settings.SSO_TOKEN_ENDPOINT = f"{provider_url}/oauth2/token"
    settings.SSO_USERINFO_ENDPOINT = f"{provider_url}/userinfo"
    settings.SSO_JWKS_URI = f"{provider_url}/jwks"


def _refusals() -> list[tuple[str, str]]:
    return [
        (event.object_id, event.after["code"])
        for event in AuditEvent.objects.filter(action="account.sso_refused").order_by("seq")
    ]


def _refused_page(client: Client, response) -> str:
    assert response.status_code == 302
    assert response["Location"] == "/masuk/"
    page = client.get("/masuk/")
    assert page.status_code == 200
    assert "_auth_user_id" not in client.session
    [error] = [
        line.strip()
        for line in page.content.decode().splitlines()
        if 'data-testid="login-error"' in line
    ]
    return error.split(">", 1)[1].rsplit("<", 1)[0]


def test_a_linked_nip_signs_in_as_its_login_with_the_session_limits(
    sso_on, provider_url, persona, user_of
):
    pelaksana = persona("pelaksana")
    Account.objects.filter(user=user_of("pelaksana")).update(must_change_password=True)
    client = Client()

    response = _sign_in(client, provider_url, "budi@pemkot", {"nip": pelaksana.nip})

    assert response.status_code == 302
    assert response["Location"] == "/"
    assert int(client.session["_auth_user_id"]) == user_of("pelaksana").pk
    assert client.session[sso.SESSION_KEY] is True
    assert MUST_CHANGE_PASSWORD not in client.session
    assert client.get("/").status_code == 200
    assert _refusals() == []
    sso_on.SESSION_IDLE_SECONDS = -1  # the idle limit applies to the SSO session
    assert client.get("/").status_code == 302
    assert "_auth_user_id" not in client.session


def test_the_nip_claim_is_configurable(sso_on, provider_url, persona, user_of):
    sso_on.SSO_NIP_CLAIM = "preferred_username"
    client = Client()

    response = _sign_in(
        client, provider_url, "kabid@pemkot", {"preferred_username": persona("kabid").nip}
    )

    assert response["Location"] == "/"
    assert int(client.session["_auth_user_id"]) == user_of("kabid").pk


def test_an_unknown_nip_is_refused_and_audited_and_nobody_is_created(sso_on, provider_url):
    client = Client()
    users = get_user_model().objects.count()

    response = _sign_in(client, provider_url, "asing@pemkot", {"nip": "199001012020121001"})

    assert _refused_page(client, response) == UNKNOWN
    assert get_user_model().objects.count() == users
    assert _refusals() == [("199001012020121001", "sso_unknown_nip")]


def test_a_deactivated_login_is_refused(sso_on, provider_url, persona, operator, today, now):
    account = Account.objects.get(user__employee=persona("jf_ahli_muda"))
    login_deactivate(
        actor=operator, government=account.government, account_id=account.pk, on=today, at=now
    )
    client = Client()

    response = _sign_in(client, provider_url, "jf@pemkot", {"nip": persona("jf_ahli_muda").nip})

    assert _refused_page(client, response) == INACTIVE
    assert _refusals() == [(persona("jf_ahli_muda").nip, "sso_account_inactive")]


def test_an_employee_who_left_is_refused(sso_on, provider_url, persona, operator, today, now):
    leaver = persona("pelaksana")
    for placement in Placement.objects.filter(employee=leaver, valid_to__isnull=True):
        placement_end(actor=operator, placement=placement, valid_to=today, at=now)
    client = Client()

    response = _sign_in(client, provider_url, "budi@pemkot", {"nip": leaver.nip})

    assert _refused_page(client, response) == LEFT
    assert _refusals() == [(leaver.nip, "sso_employee_left")]


def test_a_provider_that_sends_no_nip_is_refused(sso_on, provider_url):
    client = Client()

    response = _sign_in(client, provider_url, "tanpa-nip@pemkot", {"email": "x@pemkot.go.id"})

    assert _refused_page(client, response) == NO_NIP
    assert _refusals() == [("-", "sso_nip_missing")]


def test_the_provider_refusing_the_person_shows_the_failure(sso_on, provider_url):
    client = Client()
    start = client.get("/masuk/sso/")

    denied = requests.post(
        start["Location"], data={"action": "deny"}, allow_redirects=False, timeout=5
    )
    back = urlparse(denied.headers["Location"])
    response = client.get(back.path, {k: v[0] for k, v in parse_qs(back.query).items()})

    assert _refused_page(client, response).startswith("Masuk dengan SSO gagal atau dibatalkan.")
    assert _refusals() == []


def test_logout_ends_the_local_session_then_the_providers(sso_on, provider_url, persona):
    client = Client()
    _sign_in(client, provider_url, "budi@pemkot", {"nip": persona("pelaksana").nip})
    id_token = client.session[sso.ID_TOKEN_KEY]

    response = client.post("/keluar/")

    location = urlparse(response["Location"])
    assert response.status_code == 302
    assert f"{location.scheme}://{location.netloc}{location.path}" == (
        f"{provider_url}/oauth2/end_session"
    )
    assert parse_qs(location.query) == {
        "client_id": [CLIENT_ID],
        "post_logout_redirect_uri": ["http://testserver/masuk/"],
        "id_token_hint": [id_token],
    }
    assert "_auth_user_id" not in client.session
    assert client.get("/")["Location"].startswith("/masuk/")


def test_a_password_session_logs_out_locally_only(sso_on, client_of):
    client = client_of("pelaksana")

    response = client.post("/keluar/")

    assert response["Location"] == "/masuk/"


def test_the_login_page_offers_sso_only_when_configured(settings, world):
    settings.SSO_ISSUER = ""
    client = Client()

    page = client.get("/masuk/").content.decode()

    assert "Masuk dengan SSO" not in page
    assert 'name="password"' in page
    assert client.get("/masuk/sso/").status_code == 404
    assert client.get("/masuk/sso/kembali/", {"code": "x", "state": "y"}).status_code == 404


def test_the_login_page_offers_the_named_provider(sso_on):
    page = Client().get("/masuk/").content.decode()

    assert "Masuk dengan SSO Pemkot Surakarta" in page
    assert 'href="/masuk/sso/"' in page
    assert 'name="password"' in page


def test_an_unreachable_provider_sends_back_to_the_login_page(sso_on):
    sso_on.SSO_ISSUER = "http://127.0.0.1:9"  # discard port: nothing listens
    client = Client()

    response = client.get("/masuk/sso/")

    assert _refused_page(client, response).startswith("Masuk dengan SSO gagal atau dibatalkan.")


def test_an_id_token_from_another_issuer_is_refused(sso_on, provider_url, persona):
    _endpoints(sso_on, provider_url)
    sso_on.SSO_ISSUER = provider_url.replace("localhost", "127.0.0.1")  # tokens name localhost
    client = Client()

    response = _sign_in(client, provider_url, "budi@pemkot", {"nip": persona("pelaksana").nip})

    assert _refused_page(client, response).startswith("Masuk dengan SSO gagal atau dibatalkan.")


def test_explicit_endpoints_sign_in_without_discovery(sso_on, provider_url, persona, user_of):
    _endpoints(sso_on, provider_url)
    client = Client()

    response = _sign_in(client, provider_url, "budi@pemkot", {"nip": persona("pelaksana").nip})

    assert response["Location"] == "/"
    assert int(client.session["_auth_user_id"]) == user_of("pelaksana").pk
    assert sso._discovered == {}


def test_english_speakers_get_the_button_and_the_refusal_in_english(sso_on, provider_url):
    client = Client()
    client.cookies[sso_on.LANGUAGE_COOKIE_NAME] = "en"

    with translation.override(sso_on.LANGUAGE_CODE):  # the request's English ends with it
        page = client.get("/masuk/").content.decode()
        refused = _sign_in(client, provider_url, "asing@pemkot", {"nip": "199001012020121001"})
        message = _refused_page(client, refused)

    assert "Sign in with SSO Pemkot Surakarta" in page
    assert message == (
        "There is no Sikerja account for NIP 199001012020121001. Ask a BKPSDM operator to "
        "create an account for your NIP."
    )


def test_a_government_kode_that_names_none_fails_without_logging_in(sso_on, provider_url, persona):
    sso_on.SSO_GOVERNMENT = "TIDAK-ADA"
    client = Client()

    response = _sign_in(client, provider_url, "budi@pemkot", {"nip": persona("pelaksana").nip})

    assert _refused_page(client, response).startswith("Masuk dengan SSO gagal atau dibatalkan.")
    assert _refusals() == []


def test_without_a_kode_sso_serves_only_an_installation_of_one_government(world):
    kode = Government.objects.get(pk=world.government_id).kode

    assert sso_government_id(kode=kode) == world.government_id
    assert sso_government_id(kode="") is None  # the test world holds two governments


def test_the_pages_let_the_logout_form_end_at_the_provider(sso_on, provider_url):
    policy = Client().get("/masuk/")["Content-Security-Policy"]

    assert policy.endswith(f"; form-action 'self' {provider_url}")


def test_without_sso_forms_submit_only_to_sikerja(settings, world):
    settings.SSO_ISSUER = ""

    policy = Client().get("/masuk/")["Content-Security-Policy"]

    assert policy.endswith("; form-action 'self'")


def test_a_switched_off_user_is_refused(sso_on, provider_url, persona, user_of):
    get_user_model().objects.filter(pk=user_of("kabid").pk).update(is_active=False)
    client = Client()

    response = _sign_in(client, provider_url, "kabid@pemkot", {"nip": persona("kabid").nip})

    assert _refused_page(client, response) == INACTIVE
    assert _refusals() == [(persona("kabid").nip, "sso_account_inactive")]


def test_refusals_count_against_the_client_address_like_failed_logins(sso_on, provider_url):
    sso_on.LOGIN_THROTTLE_ADDRESS_ATTEMPTS = 1
    client = Client()
    _sign_in(client, provider_url, "asing@pemkot", {"nip": "199001012020121001"})
    client.get("/masuk/")

    response = client.get("/masuk/sso/")

    assert _refused_page(client, response).startswith("Terlalu banyak percobaan masuk yang gagal.")
