"""Logins in bulk from the organisation import: the employee sheet's optional `login` column,
all or nothing with the rest of the file."""

from __future__ import annotations

import datetime as dt

import pytest
from django.contrib.auth import get_user_model
from django.core import mail

from sikerja.accounts.models import Account
from sikerja.audit.models import AuditEvent
from sikerja.organization.models import Employee, Government
from sikerja.organization.transfer import ImportRejected, import_file
from tests.organization.builders import NOW, build_org, make_nip
from tests.organization.test_transfer_support import xlsx

ON = dt.date(2026, 11, 23)


@pytest.fixture
def org():
    return build_org("surakarta-2023")


def _import(org, rows):
    return import_file(
        actor=org.actor,
        government=org.government,
        data=xlsx(employee=rows),
        filename="akun.xlsx",
        at=NOW,
        on=ON,
    )


def _row(nip: str, name: str, **extra: object) -> dict[str, object]:
    return {"nip": nip, "name": name, "employment_type": "PNS", **extra}


@pytest.mark.django_db
def test_the_login_column_creates_logins_that_must_choose_a_password(org):
    known = org.people["bidang"]
    nip = make_nip()
    stamp = Government.objects.get(pk=org.government.pk).access_stamp

    result = _import(
        org,
        [
            _row(nip, "Rina Kartika", email="rina@example.go.id", login="rina.k"),
            _row(known.nip, known.name, email="kabid@example.go.id", login="kabid.baru"),
            _row(make_nip(), "Tanpa Akun"),
        ],
    )

    assert result.written.logins_created == 2
    accounts = Account.objects.filter(government=org.government).select_related("user")
    made = {a.user.username: (a.role, a.must_change_password, a.user.email) for a in accounts}
    assert made == {
        "rina.k": ("EMPLOYEE", True, "rina@example.go.id"),
        "kabid.baru": ("EMPLOYEE", True, "kabid@example.go.id"),
    }
    assert Employee.objects.get(nip=nip).user.username == "rina.k"
    assert Employee.objects.get(pk=known.pk).user.username == "kabid.baru"
    assert get_user_model().objects.get(username="rina.k").has_usable_password() is False
    assert AuditEvent.objects.get(action="organization.imported").after["logins_created"] == 2
    assert Government.objects.get(pk=org.government.pk).access_stamp != stamp


@pytest.mark.django_db
def test_every_bad_login_is_reported_and_nothing_is_written(org):
    get_user_model().objects.create_user("dipakai")
    users = get_user_model().objects.count()
    employees = Employee.objects.count()
    rows = [
        _row(make_nip(), "Satu", email="satu@example.go.id", login="Dipakai"),
        _row(make_nip(), "Dua", email="dua@example.go.id", login="kembar"),
        _row(make_nip(), "Tiga", email="tiga@example.go.id", login="kembar"),
        _row(make_nip(), "Empat", login="empat"),
        _row(make_nip(), "Lima", email="lima@example.go.id", login="lima"),
    ]

    with pytest.raises(ImportRejected) as rejected:
        _import(org, rows)

    assert [(e.row, e.column, e.code) for e in rejected.value.errors] == [
        (2, "login", "username_taken"),
        (3, "login", "username_taken"),
        (4, "login", "username_taken"),
        (5, "login", "unknown_value"),
    ]
    assert rejected.value.errors[3].message == (
        "Akun baru memerlukan alamat surel: pemiliknya memilih kata sandi lewat surel."
    )
    assert (get_user_model().objects.count(), Employee.objects.count()) == (users, employees)


@pytest.mark.django_db
def test_an_employee_who_has_a_login_gets_no_second_one(org):
    known = org.people["bidang"]
    user = get_user_model().objects.create_user("lama")
    Employee.objects.filter(pk=known.pk).update(user=user, email="k@example.go.id")

    with pytest.raises(ImportRejected) as rejected:
        _import(org, [_row(known.nip, known.name, login="baru")])

    assert [(e.column, e.code) for e in rejected.value.errors] == [("login", "employee_has_login")]
    assert not get_user_model().objects.filter(username="baru").exists()


@pytest.mark.django_db
def test_an_imported_login_chooses_its_password_by_email(org, client):
    _import(org, [_row(make_nip(), "Rina Kartika", email="rina@example.go.id", login="rina.k")])

    client.post("/lupa-kata-sandi/", {"email": "RINA@example.go.id"})

    [message] = mail.outbox
    assert message.to == ["rina@example.go.id"]
    assert "Yth. rina.k," in message.body
