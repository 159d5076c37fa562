"""Login and logout, throttling of failed logins, and the page for logins without an account."""

from __future__ import annotations

import pytest
from django.contrib.auth import get_user_model
from django.test import Client

from sikerja.organization.demo import DEFAULT_PASSWORD

REFUSAL = (
    "Terlalu banyak percobaan masuk yang gagal. Demi keamanan, coba lagi setelah 15 menit "
    "atau hubungi operator BKPSDM."
)


@pytest.fixture
def limit(settings):
    settings.LOGIN_THROTTLE_ATTEMPTS = 3
    settings.LOGIN_THROTTLE_WINDOW_SECONDS = 900
    return 3


def _login(client: Client, username: str, password: str, address: str = "10.1.1.1"):
    return client.post("/masuk/", {"username": username, "password": password}, REMOTE_ADDR=address)


def test_the_login_page_is_public_and_in_indonesian(world):
    response = Client().get("/masuk/")

    assert response.status_code == 200
    assert "Masuk ke Sikerja" in response.content.decode()


def test_the_demo_password_logs_in_and_lands_on_the_home_page(world, persona):
    client = Client()

    response = _login(client, "jf_ahli_muda", DEFAULT_PASSWORD)
    home = client.get("/")

    assert (response.status_code, response["Location"]) == (302, "/")
    assert home.context["page"].me.employee.employee_id == persona("jf_ahli_muda").pk


def test_a_wrong_password_shows_an_error_and_logs_nobody_in(world):
    client = Client()

    response = _login(client, "jf_ahli_muda", "salah-sandi")

    assert response.status_code == 200
    assert [e.code for e in response.context["form"].non_field_errors().as_data()] == [
        "invalid_login"
    ]
    assert 'data-testid="login-error"' in response.content.decode()
    assert "_auth_user_id" not in client.session


def test_after_the_limit_even_the_right_password_is_refused(world, limit):
    client = Client()
    for _ in range(limit):
        _login(client, "kabid", "salah-sandi")

    response = _login(client, "kabid", DEFAULT_PASSWORD)

    assert response.status_code == 429
    assert REFUSAL in response.content.decode()
    assert "_auth_user_id" not in client.session


def test_the_username_stays_blocked_from_another_address(world, limit):
    for _ in range(limit):
        _login(Client(), "kabid", "salah-sandi", address="10.1.1.1")

    response = _login(Client(), "kabid", DEFAULT_PASSWORD, address="10.9.9.9")

    assert response.status_code == 429


def test_an_address_that_failed_for_many_usernames_is_blocked(world, limit, settings):
    settings.LOGIN_THROTTLE_ADDRESS_ATTEMPTS = 3
    for username in ("kabid", "sekda", "pelaksana"):
        _login(Client(), username, "salah-sandi", address="10.2.2.2")

    blocked = _login(Client(), "jf_ahli_muda", DEFAULT_PASSWORD, address="10.2.2.2")
    elsewhere = _login(Client(), "jf_ahli_muda", DEFAULT_PASSWORD, address="10.3.3.3")

    assert (blocked.status_code, elsewhere.status_code) == (429, 302)


def test_a_successful_login_clears_the_usernames_failures(world, limit):
    for _ in range(limit - 1):
        _login(Client(), "kabid", "salah-sandi", address="10.4.4.4")
    _login(Client(), "kabid", DEFAULT_PASSWORD, address="10.5.5.5")

    _login(Client(), "kabid", "salah-sandi", address="10.6.6.6")
    response = _login(Client(), "kabid", DEFAULT_PASSWORD, address="10.7.7.7")

    assert response.status_code == 302


def test_logout_needs_a_post_and_ends_the_session(client_of):
    client = client_of("kabid")

    refused = client.get("/keluar/")
    response = client.post("/keluar/")

    assert refused.status_code == 405
    assert (response.status_code, response["Location"]) == (302, "/masuk/")
    assert "_auth_user_id" not in client.session


def test_a_login_without_an_account_sees_that_it_is_not_linked(world):
    user = get_user_model().objects.create_user("tamu", password="x-unused-x")
    client = Client()
    client.force_login(user)

    response = client.get("/")

    assert response.status_code == 403
    assert "Akun belum terhubung" in response.content.decode()
    assert "<strong>tamu</strong>" in response.content.decode()


def test_pages_carry_a_strict_content_security_policy(client_of):
    response = client_of("kabid").get("/")

    assert "script-src 'self'" in response["Content-Security-Policy"]
    assert "<script>" not in response.content.decode()
    assert " style=" not in response.content.decode()
