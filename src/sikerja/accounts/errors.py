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
