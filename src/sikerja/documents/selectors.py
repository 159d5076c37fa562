"""Reads of issued letters: by workflow, by verification code, and who may download one."""

from __future__ import annotations

from django.db.models import QuerySet

from sikerja.accounts.models import Account
from sikerja.core.errors import NotFound
from sikerja.documents.models import Letter, Letterhead, LetterParty
from sikerja.documents.numbering import verification_code_normalize
from sikerja.documents.rules import may_read_letter
from sikerja.organization.models import Employee


def letter_list_for_instance(instance_id: int) -> QuerySet[Letter]:
    """The letters a workflow instance issued, in issue order (1 query with agency, revocation).

    Not scoped: the caller has already checked that its viewer may see the instance.
    """
    return (
        Letter.objects.filter(workflow_instance_id=instance_id)
        .select_related("agency", "revocation")
        .order_by("issued_at", "pk")
    )


def letter_get_by_code(code: str) -> Letter:
    """The letter a verification code names, for the public page (1 query).

    Raises NotFound.
    """
    letter = (
        Letter.objects.select_related("government", "agency", "revocation")
        .filter(verification_code=verification_code_normalize(code))
        .first()
    )
    if letter is None:
        raise NotFound()
    return letter


def letter_visible_to(
    letter: Letter,
    *,
    employee_id: int | None,
    is_operator: bool,
    government_id: int | None,
    employee_nip: str = "",
) -> Letter:
    """Return the letter if the person may read it in full (`rules.may_read_letter`); else
    NotFound (hidden = missing)."""
    if may_read_letter(
        letter,
        employee_id=employee_id,
        is_operator=is_operator,
        government_id=government_id,
        employee_nip=employee_nip,
    ):
        return letter
    raise NotFound()


def letter_get_for_download(*, letter_id: int, user_id: int) -> Letter:
    """The letter with this id if the user may download its PDF (3 queries).

    Raises NotFound for a missing letter and for one the user may not see alike.
    """
    account = Account.objects.filter(user_id=user_id).only("role", "government_id").first()
    employee = Employee.objects.filter(user_id=user_id).only("nip", "government_id").first()
    letter = (
        Letter.objects.select_related("government", "agency", "revocation")
        .filter(pk=letter_id)
        .first()
    )
    if letter is None:
        raise NotFound()
    government_id = account.government_id if account else None
    return letter_visible_to(
        letter,
        employee_id=employee.pk if employee else None,
        employee_nip=employee.nip if employee else "",
        is_operator=account is not None and account.role == Account.Role.BKPSDM_ADMIN,
        government_id=government_id or (employee.government_id if employee else None),
    )


def letters_naming(*, employee_id: int, limit: int) -> list[LetterParty]:
    """The latest letters that name the employee as addressee, copy (tembusan) or signer, newest
    first, each with its letter and revocation (1 indexed query, whatever their number).

    Scoped by construction: these are the employee's own letters (`rules.may_read_letter`).
    """
    return list(
        LetterParty.objects.filter(employee_id=employee_id)
        .select_related("letter__revocation")
        .order_by("-letter__issued_at", "-letter_id", "role")[:limit]
    )


def letterhead_current(*, government_id: int) -> Letterhead | None:
    """The government's kop surat now: its latest version, or None before BKPSDM set one
    (1 query)."""
    return Letterhead.objects.filter(government_id=government_id).order_by("-id").first()
