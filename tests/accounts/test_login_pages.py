"""The Akun pegawai page, the login of a deactivated account, the first-login password change
and the password reset by email."""

from __future__ import annotations

import re

import pytest
from django.core import mail
from django.test import Client

from sikerja.accounts.models import Account
from sikerja.audit.models import AuditEvent
from sikerja.organization.demo import DEFAULT_PASSWORD
from sikerja.organization.models import Employee

TEMP = "Sementara-2026!"
NEW = "Baru-Sekali-2026?"


@pytest.fixture
def newcomer(world):
    employee = (
        Employee.objects.filter(government_id=world.government_id, user__isnull=True)
        .order_by("pk")
        .first()
    )
    Employee.objects.filter(pk=employee.pk).update(email="baru@example.go.id")
    employee.refresh_from_db()
    return employee


def _client(user_of, name: str) -> Client:
    client = Client()
    client.force_login(user_of(name))
    return client


def _login(client: Client, username: str, password: str):
    return client.post("/masuk/", {"username": username, "password": password})


@pytest.mark.parametrize(("name", "status"), [("bkpsdm", 200), ("kabid", 404), ("sekda", 404)])
def test_the_page_is_the_operators(world, user_of, name, status):
    assert _client(user_of, name).get("/akun/").status_code == status


def test_the_operator_creates_a_login_and_its_owner_must_change_the_password(
    world, user_of, newcomer
):
    operator = _client(user_of, "bkpsdm")

    created = operator.post(
        "/akun/baru/", {"nip": newcomer.nip, "username": "", "password": TEMP, "role": "EMPLOYEE"}
    )
    page = operator.get("/akun/").content.decode()

    assert (created.status_code, created["Location"]) == (302, "/akun/")
    assert f"Akun {newcomer.nip} dibuat." in page
    owner = Client()
    landed = _login(owner, newcomer.nip, TEMP)
    assert (landed.status_code, landed["Location"]) == (302, "/kata-sandi/")
    assert owner.get("/").url == "/kata-sandi/"
    assert owner.get("/pegawai/").url == "/kata-sandi/"
    changed = owner.post(
        "/kata-sandi/", {"old_password": TEMP, "new_password1": NEW, "new_password2": NEW}
    )
    assert (changed.status_code, changed["Location"]) == (302, "/")
    assert owner.get("/").status_code == 200
    assert Account.objects.get(user__username=newcomer.nip).must_change_password is False
    assert AuditEvent.objects.filter(action="account.password_changed").count() == 1


def test_a_refused_creation_shows_the_reason_beside_the_field(world, user_of, persona):
    response = _client(user_of, "bkpsdm").post(
        "/akun/baru/",
        {"nip": persona("kabid").nip, "username": "", "password": TEMP, "role": "EMPLOYEE"},
    )

    assert response.status_code == 400
    assert response.context["create"].errors["nip"] == ["Pegawai ini sudah memiliki akun."]


def test_a_deactivated_login_is_refused_at_login_and_on_its_open_session(world, user_of):
    kabid = Account.objects.get(user__username="kabid")
    session = _client(user_of, "kabid")
    operator = _client(user_of, "bkpsdm")

    operator.post(f"/akun/{kabid.pk}/nonaktifkan/", {"on": "2026-11-23"})

    refused = _login(Client(), "kabid", DEFAULT_PASSWORD)
    assert refused.status_code == 200
    assert refused.context["form"].errors["__all__"] == [
        "Akun ini tidak aktif lagi. Hubungi BKPSDM bila Anda masih bertugas di pemerintah "
        "daerah ini."
    ]
    assert session.get("/").status_code == 403
    operator.post(f"/akun/{kabid.pk}/aktifkan/")
    assert _login(Client(), "kabid", DEFAULT_PASSWORD).status_code == 302


def test_a_leaving_date_ahead_still_lets_the_login_in_until_that_day(world, user_of):
    kabid = Account.objects.get(user__username="kabid")

    _client(user_of, "bkpsdm").post(f"/akun/{kabid.pk}/nonaktifkan/", {"on": "2026-11-24"})

    assert _login(Client(), "kabid", DEFAULT_PASSWORD).status_code == 302


def test_a_password_reset_by_the_operator_forces_a_change(world, user_of):
    kabid = Account.objects.get(user__username="kabid")

    _client(user_of, "bkpsdm").post(f"/akun/{kabid.pk}/sandi/", {"password": TEMP})

    assert _login(Client(), "kabid", TEMP)["Location"] == "/kata-sandi/"


def test_the_auditor_sees_the_list_and_may_change_nothing(world, user_of):
    Account.objects.filter(user__username="outsider").update(role=Account.Role.AUDITOR)
    kabid = Account.objects.get(user__username="kabid")
    auditor = _client(user_of, "outsider")

    page = auditor.get("/akun/")
    refused = auditor.post(f"/akun/{kabid.pk}/nonaktifkan/", {"on": "2026-11-23"})

    assert page.status_code == 200
    assert page.context["may_manage"] is False
    assert 'data-testid="login-create-form"' not in page.content.decode()
    assert refused.status_code == 404
    kabid.refresh_from_db()
    assert kabid.access_until is None


def test_a_password_is_reset_by_email(world, newcomer, user_of):
    operator = _client(user_of, "bkpsdm")
    operator.post(
        "/akun/baru/", {"nip": newcomer.nip, "username": "", "password": TEMP, "role": "EMPLOYEE"}
    )
    client = Client()

    sent = client.post("/lupa-kata-sandi/", {"email": "baru@example.go.id"})

    assert (sent.status_code, sent["Location"]) == (302, "/lupa-kata-sandi/terkirim/")
    [message] = mail.outbox
    assert (message.subject, message.to) == (
        "Sikerja: pilih kata sandi baru",
        ["baru@example.go.id"],
    )
    link = re.search(r"http://testserver(/lupa-kata-sandi/\S+/)", message.body).group(1)
    form = client.get(link, follow=True)
    done = client.post(form.redirect_chain[-1][0], {"new_password1": NEW, "new_password2": NEW})
    assert done["Location"] == "/lupa-kata-sandi/selesai/"
    assert _login(Client(), newcomer.nip, NEW)["Location"] == "/"


def test_a_login_without_an_employee_is_linked_from_its_row(world, user_of, newcomer):
    from django.contrib.auth import get_user_model

    user = get_user_model().objects.create_user("tamu", password=TEMP)
    account = Account.objects.create(
        user=user, government_id=world.government_id, role=Account.Role.EMPLOYEE
    )
    operator = _client(user_of, "bkpsdm")

    linked = operator.post(f"/akun/{account.pk}/hubungkan/", {"nip": newcomer.nip})
    unknown = operator.post(f"/akun/{account.pk}/hapus/")

    assert (linked.status_code, unknown.status_code) == (302, 404)
    newcomer.refresh_from_db()
    assert newcomer.user_id == user.pk
    assert "Akun tamu dihubungkan ke pegawai." in operator.get("/akun/").content.decode()


def test_the_operator_creates_an_auditors_login_that_reads_the_list(world, user_of, newcomer):
    operator = _client(user_of, "bkpsdm")

    operator.post(
        "/akun/baru/",
        {"nip": newcomer.nip, "username": "inspektur", "password": TEMP, "role": "AUDITOR"},
    )

    assert Account.objects.get(user__username="inspektur").role == "AUDITOR"
    auditor = Client()
    _login(auditor, "inspektur", TEMP)
    auditor.post("/kata-sandi/", {"old_password": TEMP, "new_password1": NEW, "new_password2": NEW})
    page = auditor.get("/akun/")
    assert (page.status_code, page.context["may_manage"]) == (200, False)


def test_an_unknown_role_is_refused_beside_its_field(world, user_of, newcomer):
    response = _client(user_of, "bkpsdm").post(
        "/akun/baru/", {"nip": newcomer.nip, "username": "", "password": TEMP, "role": "RAJA"}
    )

    assert response.status_code == 400
    assert list(response.context["create"].errors) == ["role"]
    assert not Account.objects.filter(user__username=newcomer.nip).exists()


def test_the_list_costs_the_same_queries_for_more_logins(world, user_of):
    from django.contrib.auth import get_user_model
    from django.db import connection
    from django.test.utils import CaptureQueriesContext

    operator = _client(user_of, "bkpsdm")
    operator.get("/akun/")

    def queries() -> int:
        with CaptureQueriesContext(connection) as captured:
            assert operator.get("/akun/").status_code == 200
        return len(captured)

    before = queries()
    for number in range(5):
        user = get_user_model().objects.create_user(f"tambahan{number}")
        Account.objects.create(user=user, government_id=world.government_id, role="EMPLOYEE")
    after = queries()

    assert after == before
