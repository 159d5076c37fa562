"""Error codes of the accounts app (stable: the API and the import report them)."""

from __future__ import annotations

from enum import StrEnum


class AccountErrorCode(StrEnum):
    EMPLOYEE_HAS_LOGIN = "employee_has_login"
    USERNAME_TAKEN = "username_taken"
    LOGIN_LINKED = "login_linked"
    WEAK_PASSWORD = "weak_password"  # noqa: S105 - an error code, not a secret
    ALREADY_INACTIVE = "account_already_inactive"
    ALREADY_ACTIVE = "account_already_active"
    SSO_NIP_MISSING = "sso_nip_missing"
    SSO_UNKNOWN_NIP = "sso_unknown_nip"
    SSO_INACTIVE = "sso_account_inactive"
    SSO_EMPLOYEE_LEFT = "sso_employee_left"
