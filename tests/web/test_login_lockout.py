"""One person cannot lock out an office: accounts and addresses are counted apart, the address
is the client's behind trusted proxies, lockouts are audited and a BKPSDM operator unlocks."""

from __future__ import annotations

import pytest
from django.test import Client

from sikerja.accounts.models import Account
from sikerja.audit.models import AuditEvent
from tests.web.test_login import DEFAULT_PASSWORD, _login

PROXY = "10.0.0.1"


@pytest.fixture
def limits(settings):
    settings.LOGIN_THROTTLE_ATTEMPTS = 3
    settings.LOGIN_THROTTLE_ADDRESS_ATTEMPTS = 3
    settings.LOGIN_THROTTLE_WINDOW_SECONDS = 900
    settings.TRUSTED_PROXIES = ["10.0.0.0/24"]


def _via_proxy(username: str, password: str, client_address: str, forwarded: str = ""):
    return Client().post(
        "/masuk/",
        {"username": username, "password": password},
        REMOTE_ADDR=PROXY,
        HTTP_X_FORWARDED_FOR=forwarded or client_address,
    )


def _account(username: str) -> Account:
    return Account.objects.select_related("user").get(user__username=username)


def _events(action: str) -> list[AuditEvent]:
    return list(AuditEvent.objects.filter(action=action).order_by("pk"))


def test_one_person_locked_out_leaves_colleagues_at_the_same_address_in(world, settings):
    settings.LOGIN_THROTTLE_ATTEMPTS = 3
    for _ in range(3):
        _login(Client(), "kabid", "salah-sandi", address="10.2.2.2")

    kabid = _login(Client(), "kabid", DEFAULT_PASSWORD, address="10.2.2.2")
    colleague = _login(Client(), "jf_ahli_muda", DEFAULT_PASSWORD, address="10.2.2.2")

    assert (kabid.status_code, colleague.status_code) == (429, 302)


def test_behind_a_trusted_proxy_each_client_address_is_counted(world, limits):
    for username in ("sekda", "pelaksana", "kabid"):
        _via_proxy(username, "salah-sandi", "198.51.100.7")

    same_client = _via_proxy("jf_ahli_muda", DEFAULT_PASSWORD, "198.51.100.7")
    other_client = _via_proxy("jf_ahli_muda", DEFAULT_PASSWORD, "198.51.100.8")

    assert (same_client.status_code, other_client.status_code) == (429, 302)


def test_the_address_is_the_nearest_one_the_trusted_proxies_did_not_add(world, limits):
    for username in ("sekda", "pelaksana", "kabid"):
        _via_proxy(
            username,
            "salah-sandi",
            "",
            forwarded=f"203.0.113.{len(username)}, 198.51.100.7, 10.0.0.2",
        )

    response = _via_proxy("jf_ahli_muda", DEFAULT_PASSWORD, "", forwarded="198.51.100.7")

    assert response.status_code == 429


def test_a_forwarded_header_from_an_untrusted_peer_is_ignored(world, limits):
    for username in ("sekda", "pelaksana", "kabid"):
        Client().post(
            "/masuk/",
            {"username": username, "password": "salah-sandi"},
            REMOTE_ADDR="203.0.113.9",
            HTTP_X_FORWARDED_FOR=f"198.51.100.{len(username)}",
        )

    response = _login(Client(), "jf_ahli_muda", DEFAULT_PASSWORD, address="203.0.113.9")

    assert response.status_code == 429


def test_a_lockout_is_recorded_on_the_account_and_audited_once(world, limits):
    before = len(_events("account.login_locked"))

    for _ in range(4):
        _login(Client(), "kabid", "salah-sandi", address="10.4.4.4")

    kabid = _account("kabid")
    locked = _events("account.login_locked")[before:]
    assert kabid.login_locked_until is not None
    assert [(e.object_id, e.government_id, e.actor_user_id) for e in locked] == [
        (str(kabid.pk), kabid.government_id, None)
    ]
    assert locked[0].after["address"] == "10.4.4.4"


def test_a_bkpsdm_operator_sees_the_lock_and_lifts_it(world, limits, client_of):
    for _ in range(3):
        _login(Client(), "kabid", "salah-sandi", address="10.5.5.5")
    operator = client_of("bkpsdm")
    kabid = _account("kabid")

    listed = operator.get("/akun-terkunci/")
    response = operator.post(f"/akun-terkunci/{kabid.pk}/buka/", follow=True)
    after = _login(Client(), "kabid", DEFAULT_PASSWORD, address="10.6.6.6")

    assert [account.pk for account in listed.context["accounts"]] == [kabid.pk]
    assert [str(m) for m in response.context["messages"]] == ["Kunci akun kabid dibuka."]
    assert response.context["accounts"] == []
    assert _account("kabid").login_locked_until is None
    assert after.status_code == 302
    unlocked = _events("account.unlocked")[-1]
    assert (unlocked.object_id, unlocked.actor_label) == (str(kabid.pk), "bkpsdm")


@pytest.mark.parametrize("persona", ["kabid", "sekda", "other_tenant"])
def test_only_an_operator_of_the_government_may_unlock(world, limits, client_of, persona):
    for _ in range(3):
        _login(Client(), "pelaksana", "salah-sandi", address="10.7.7.7")
    locked = _account("pelaksana")
    before = len(_events("account.unlocked"))

    response = client_of(persona).post(f"/akun-terkunci/{locked.pk}/buka/")

    assert response.status_code == 404
    assert _account("pelaksana").login_locked_until == locked.login_locked_until
    assert len(_events("account.unlocked")) == before


def test_unlocking_an_account_that_is_not_locked_says_so(world, client_of):
    kabid = _account("kabid")

    response = client_of("bkpsdm").post(f"/akun-terkunci/{kabid.pk}/buka/", follow=True)

    assert [str(m) for m in response.context["messages"]] == ["Akun kabid tidak sedang terkunci."]


def test_failed_logins_with_a_nul_in_the_username_are_counted_without_error(world, limits):
    responses = [_login(Client(), "kab\x00id", "salah-sandi", address="10.8.8.8") for _ in range(4)]

    assert [response.status_code for response in responses] == [200, 200, 200, 429]
