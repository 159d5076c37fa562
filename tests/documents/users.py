"""Logins for employees of the test pemda (no service creates accounts yet)."""

from __future__ import annotations

from django.contrib.auth import get_user_model

from sikerja.accounts.models import Account
from sikerja.organization.models import Employee, Government


def login_for(
    employee: Employee | None, *, government: Government, role: str = "EMPLOYEE", username: str = ""
):
    """A user with an Account in the government, linked to the employee when one is given."""
    name = username or (f"pegawai{employee.pk}" if employee else f"operator{government.pk}")
    user = get_user_model().objects.create_user(username=name, password="rahasia-uji-123")
    Account.objects.create(user=user, government=government, role=role)
    if employee is not None:
        Employee.objects.filter(pk=employee.pk).update(user=user)
    return user
