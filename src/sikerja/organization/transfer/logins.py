"""The employee sheet's optional `login` column: logins for many employees at once, all or nothing
with the rest of the file.

A login named in the column is created for the row's employee (new or stored) with no usable
password and the first-login demand set: its owner chooses a password through "Lupa kata sandi"
by email, so the row needs the employee's e-mail address (the import writes the row's address). A login already taken,
named twice in the file, or given to an employee who has one is reported on its row; nothing is
written unless every row is good. What a single login change does is in `organization.logins`.
"""

from __future__ import annotations

from dataclasses import dataclass

from django.contrib.auth import get_user_model
from django.contrib.auth.hashers import make_password
from django.db.models.functions import Lower
from django.utils.translation import gettext as _

from sikerja.accounts.errors import AccountErrorCode
from sikerja.accounts.models import Account
from sikerja.organization.errors import OrgErrorCode
from sikerja.organization.models import Employee, Government
from sikerja.organization.transfer.parse import SheetRow
from sikerja.organization.transfer.people_plan import PeoplePlan
from sikerja.organization.transfer.problems import Problems

COLUMN = "login"


@dataclass(frozen=True)
class NewLogin:
    """A login the file asks for: the username and the employee's NIP."""

    username: str
    nip: str


def _report(problems: Problems, row: SheetRow, code: str, message: str) -> None:
    problems.add(row.sheet, row.number, COLUMN, code, message)


def logins_check(plan: PeoplePlan, government: Government, problems: Problems) -> list[NewLogin]:
    """The logins of the employee sheet, each checked (2 queries whatever the count)."""
    wanted = [(person, person.row.text(COLUMN)) for person in plan.persons]
    wanted = [(person, username) for person, username in wanted if username]
    if not wanted:
        return []
    names = [username.lower() for _person, username in wanted]
    taken = set(
        get_user_model()
        .objects.annotate(low=Lower("username"))
        .filter(low__in=names)
        .values_list("low", flat=True)
    )
    linked = set(
        Employee.objects.filter(
            government=government, nip__in=[p.nip for p, _u in wanted], user__isnull=False
        ).values_list("nip", flat=True)
    )
    logins: list[NewLogin] = []
    for person, username in wanted:
        row = person.row
        if username.lower() in taken or names.count(username.lower()) > 1:
            message = _("Nama pengguna %(username)s sudah dipakai.") % {"username": username}
            _report(problems, row, AccountErrorCode.USERNAME_TAKEN, message)
        elif person.nip in linked:
            message = _("Pegawai ini sudah memiliki akun.")
            _report(problems, row, AccountErrorCode.EMPLOYEE_HAS_LOGIN, message)
        elif not person.values["email"]:  # the row's address is the one the import keeps
            message = _(
                "Akun baru memerlukan alamat surel: pemiliknya memilih kata sandi lewat surel."
            )
            _report(problems, row, OrgErrorCode.UNKNOWN_VALUE, message)
        else:
            logins.append(NewLogin(username, person.nip))
    return logins


def logins_write(logins: list[NewLogin], government: Government) -> int:
    """Create the users and accounts and link them to their employees (after the employees are
    written); the caller gives the government a new access stamp. Returns how many."""
    if not logins:
        return 0
    employees = {
        employee.nip: employee
        for employee in Employee.objects.filter(
            government=government, nip__in=[login.nip for login in logins]
        ).only("pk", "nip", "email")
    }
    user_model = get_user_model()
    users = user_model.objects.bulk_create(  # ids come back on SQLite and PostgreSQL alike
        [
            user_model(
                username=login.username,
                email=employees[login.nip].email,
                password=make_password(None),
            )
            for login in logins
        ]
    )
    Account.objects.bulk_create(
        [
            Account(
                user=user,
                government=government,
                role=Account.Role.EMPLOYEE,
                must_change_password=True,
            )
            for user in users
        ]
    )
    for login, user in zip(logins, users, strict=True):
        employees[login.nip].user = user
    Employee.objects.bulk_update(list(employees.values()), ["user"])
    return len(logins)
