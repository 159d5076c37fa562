"""Single sign-on: which login a person signed in at the pemda's provider is, by NIP.

The provider says who the person is (a NIP in one of its claims); Sikerja decides whether they
may come in. The login is the one BKPSDM linked to the employee with that NIP in the government
SSO serves, refused like a password login when BKPSDM deactivated it or the employee left the
government. Nobody is created or given rights here. A refusal is appended to the government's
audit chain (`account.sso_refused`), as the provider's say-so is a login attempt.
"""

from __future__ import annotations

import datetime as dt

from django.contrib.auth.models import User
from django.db import transaction
from django.utils.translation import gettext as _

from sikerja.accounts.errors import AccountErrorCode
from sikerja.accounts.models import Account
from sikerja.audit.services import event_record
from sikerja.core.errors import DomainError
from sikerja.organization.models import Employee, Government
from sikerja.organization.selectors import login_refused

SSO_LABEL = "sso"
HTTP_FORBIDDEN = 403


def _refusal(code: AccountErrorCode, message: str) -> DomainError:
    return DomainError(code=code, message=message, status=HTTP_FORBIDDEN)


def sso_government_id(*, kode: str) -> int | None:
    """The id of the government SSO serves: the one with the kode, or without a kode the only
    government of the installation; None when there is no such one government."""
    governments = Government.objects.filter(kode=kode) if kode else Government.objects.all()
    ids = list(governments.values_list("pk", flat=True)[:2])
    return ids[0] if len(ids) == 1 else None


def sso_login_for_nip(*, government_id: int, nip: str, on: dt.date) -> User:
    """The login of the employee with the NIP in the government, if it may come in on the day.

    Raises DomainError `sso_nip_missing` (no NIP sent), `sso_unknown_nip` (no employee with the
    NIP, or no login linked to them), `sso_account_inactive` (deactivated by BKPSDM from a day,
    or the user switched off), `sso_employee_left` (their last placement ended).
    """
    nip = nip.strip()
    if not nip:
        raise _refusal(
            AccountErrorCode.SSO_NIP_MISSING,
            _("Penyedia SSO tidak mengirimkan NIP Anda. Hubungi pengelola SSO pemerintah daerah."),
        )
    employee = (
        Employee.objects.select_related("user")
        .filter(government_id=government_id, nip=nip, user__account__government_id=government_id)
        .first()
    )
    if employee is None or employee.user is None:
        raise _refusal(
            AccountErrorCode.SSO_UNKNOWN_NIP,
            _(
                "Tidak ada akun Sikerja untuk NIP %(nip)s. Minta operator BKPSDM membuatkan akun "
                "untuk NIP Anda."
            )
            % {"nip": nip},
        )
    user = employee.user
    account = Account.objects.only("access_until").get(user_id=user.pk)
    if not user.is_active or not account.is_active_on(on):
        raise _refusal(
            AccountErrorCode.SSO_INACTIVE,
            _(
                "Akun ini tidak aktif lagi. Hubungi BKPSDM bila Anda masih bertugas di pemerintah "
                "daerah ini."
            ),
        )
    if login_refused(user, on):
        raise _refusal(
            AccountErrorCode.SSO_EMPLOYEE_LEFT,
            _(
                "Anda tercatat tidak lagi bertugas di pemerintah daerah ini, sehingga tidak dapat "
                "masuk. Hubungi BKPSDM bila data ini keliru."
            ),
        )
    return user


@transaction.atomic
def sso_refusal_record(
    *, government_id: int, nip: str, code: str, address: str, at: dt.datetime
) -> None:
    """Append `account.sso_refused` to the government's chain: the NIP the provider sent (the
    object), the refusal's code and the client address."""
    event_record(
        government_id=government_id,
        actor_user_id=None,
        actor_label=SSO_LABEL,
        action="account.sso_refused",
        object_type="organization.employee_nip",
        object_id=nip.strip()[:64] or "-",
        at=at,
        after={"code": code, "address": address},
    )
