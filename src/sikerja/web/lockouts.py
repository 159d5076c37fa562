"""Akun terkunci: the BKPSDM operator's list of logins locked by failed attempts, and unlock.

Operators only; for everyone else the page does not exist (404), as with the other operator
pages. Each view makes one call to `sikerja.accounts.lockout`.
"""

from __future__ import annotations

from django.contrib import messages
from django.http import Http404, HttpRequest, HttpResponse, HttpResponseRedirect
from django.urls import reverse
from django.utils import timezone
from django.utils.translation import gettext as _
from django.views.decorators.http import require_POST

from sikerja.accounts.lockout import account_locked_list, account_unlock
from sikerja.core.errors import DomainError, NotFound, PermissionDenied
from sikerja.organization.http import render_page, viewer_required
from sikerja.organization.rules import Viewer


@viewer_required
def locked_accounts(request: HttpRequest, viewer: Viewer) -> HttpResponse:
    """The accounts of the operator's government locked at the moment."""
    try:
        accounts = list(account_locked_list(actor_user_id=viewer.user_id, at=timezone.now()))
    except (NotFound, PermissionDenied) as exc:
        raise Http404 from exc
    return render_page(
        request, viewer, "web/locked_accounts.html", accounts=accounts, nav="locked-accounts"
    )


@require_POST
@viewer_required
def account_unlock_view(request: HttpRequest, viewer: Viewer, account_id: int) -> HttpResponse:
    """Lift one account's lock, then back to the list with what happened."""
    try:
        account = account_unlock(
            actor_user_id=viewer.user_id, account_id=account_id, at=timezone.now()
        )
    except (NotFound, PermissionDenied) as exc:
        raise Http404 from exc
    except DomainError as refusal:
        messages.error(request, str(refusal.message))
    else:
        messages.success(
            request,
            _("Kunci akun %(username)s dibuka.") % {"username": account.user.get_username()},
        )
    return HttpResponseRedirect(reverse("web:locked-accounts"))
