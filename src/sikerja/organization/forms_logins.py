"""The forms of the Akun pegawai page (parsing only; the services decide)."""

from __future__ import annotations

from django import forms
from django.utils.translation import gettext_lazy as _

from sikerja.accounts.models import Account


class LoginCreateForm(forms.Form):
    """A new login for an employee, with a temporary password."""

    nip = forms.CharField(label=_("NIP pegawai"), max_length=18)
    username = forms.CharField(
        label=_("Nama pengguna (kosongkan: NIP)"), max_length=150, required=False
    )
    password = forms.CharField(
        label=_("Kata sandi sementara"), widget=forms.PasswordInput, strip=False
    )
    role = forms.ChoiceField(
        label=_("Peran"), choices=Account.Role.choices, initial=Account.Role.EMPLOYEE
    )


class LoginLinkForm(forms.Form):
    """The employee, by NIP, a login without one belongs to."""

    nip = forms.CharField(label=_("NIP pegawai"), max_length=18)


class LoginDeactivateForm(forms.Form):
    """The first day the login is refused (the day the employee leaves, or today)."""

    on = forms.DateField(
        label=_("Nonaktif mulai tanggal"), widget=forms.DateInput({"type": "date"})
    )


class PasswordResetByOperatorForm(forms.Form):
    """A new temporary password, to be changed at the next login."""

    password = forms.CharField(
        label=_("Kata sandi sementara baru"), widget=forms.PasswordInput, strip=False
    )
