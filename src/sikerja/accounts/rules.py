"""Who may manage logins: the one answer for the account pages, the API and the import.

BKPSDM operators manage the logins of their own government (create, link to an employee by
NIP, deactivate, re-activate, reset the password); nobody else does, and nobody manages another
government's logins. The Inspektorat's auditor sees what an operator sees and changes nothing.
"""

from __future__ import annotations

from sikerja.accounts.models import Account

OPERATOR_ROLES = frozenset({Account.Role.BKPSDM_ADMIN})
READ_ONLY_ROLES = frozenset({Account.Role.AUDITOR})


def may_manage_logins(*, role: str, actor_government_id: int, government_id: int) -> bool:
    """Whether an account of `role` in `actor_government_id` may change the logins of
    `government_id` (may)."""
    return role in OPERATOR_ROLES and actor_government_id == government_id


def may_see_logins(*, role: str, actor_government_id: int, government_id: int) -> bool:
    """Whether an account of `role` may see the list of logins of `government_id` (may)."""
    same = actor_government_id == government_id
    return same and (role in OPERATOR_ROLES or role in READ_ONLY_ROLES)
