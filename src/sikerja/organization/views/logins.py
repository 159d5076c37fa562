"""Akun pegawai: BKPSDM operators create logins, link them to employees by NIP, deactivate and
re-activate them and reset their passwords; the Inspektorat's auditor sees the list. For anyone
else the page does not exist (404). Each view makes one call to `sikerja.organization.logins`.
"""

from __future__ import annotations

from collections.abc import Callable

from django import forms
from django.contrib import messages
from django.http import Http404, HttpRequest, HttpResponse, HttpResponseRedirect
from django.urls import reverse
from django.utils import timezone
from django.utils.translation import gettext as _
from django.utils.translation import gettext_lazy
from django.views.decorators.http import require_POST

from sikerja.accounts.models import Account
from sikerja.accounts.rules import may_manage_logins
from sikerja.core.errors import DomainError, NotFound, PermissionDenied
from sikerja.organization import logins
from sikerja.organization.forms_logins import (
    LoginCreateForm,
    LoginDeactivateForm,
    LoginLinkForm,
    PasswordResetByOperatorForm,
)
from sikerja.organization.http import render_page, today, viewer_required
from sikerja.organization.rules import Viewer


def _page(
    request: HttpRequest, viewer: Viewer, create: LoginCreateForm, status: int = 200
) -> HttpResponse:
    try:
        accounts = list(logins.login_list(viewer=viewer))
    except PermissionDenied as exc:
        raise Http404 from exc
    return render_page(
        request,
        viewer,
        "organization/logins.html",
        status=status,
        accounts=accounts,
        create=create,
        may_manage=viewer.is_admin,
        today=today(),
        nav="logins",
    )


@viewer_required
def login_page(request: HttpRequest, viewer: Viewer) -> HttpResponse:
    """The government's logins, and the form for a new one."""
    return _page(request, viewer, LoginCreateForm())


@require_POST
@viewer_required
def login_create_view(request: HttpRequest, viewer: Viewer) -> HttpResponse:
    """Create a login; on a refusal, the page again with the form and the reasons."""
    government = viewer.government.pk
    role = Account.Role.BKPSDM_ADMIN if viewer.is_admin else ""
    if not may_manage_logins(role=role, actor_government_id=government, government_id=government):
        raise Http404
    form = LoginCreateForm(request.POST)
    if form.is_valid():
        try:
            account = logins.login_create(
                actor=viewer.actor,
                government=viewer.government,
                at=timezone.now(),
                **form.cleaned_data,
            )
        except PermissionDenied as exc:
            raise Http404 from exc
        except DomainError as refusal:
            form.add_error(None, str(refusal.message))
            for name, message in refusal.fields.items():
                if name in form.fields:
                    form.add_error(name, str(message))
        else:
            messages.success(request, _created(account))
            return HttpResponseRedirect(reverse("web:logins"))
    return _page(request, viewer, form, status=400)


def _created(account: Account) -> str:
    return _(
        "Akun %(username)s dibuat. Berikan kata sandi sementara kepada pemiliknya: ia harus "
        "menggantinya saat pertama masuk."
    ) % {"username": account.user.get_username()}


class _NoFields(forms.Form):
    pass


Service = Callable[..., Account]
# action in the URL -> (its form, whose fields are the service's arguments; the service; done)
ACTIONS: dict[str, tuple[type[forms.Form], Service, object]] = {
    "hubungkan": (
        LoginLinkForm,
        logins.login_link,
        gettext_lazy("Akun %(username)s dihubungkan ke pegawai."),
    ),
    "nonaktifkan": (
        LoginDeactivateForm,
        logins.login_deactivate,
        gettext_lazy("Akun %(username)s dinonaktifkan."),
    ),
    "aktifkan": (
        _NoFields,
        logins.login_reactivate,
        gettext_lazy("Akun %(username)s aktif kembali."),
    ),
    "sandi": (
        PasswordResetByOperatorForm,
        logins.login_password_reset,
        gettext_lazy(
            "Kata sandi sementara akun %(username)s diganti; pemiliknya menggantinya saat masuk."
        ),
    ),
}


@require_POST
@viewer_required
def login_action(
    request: HttpRequest, viewer: Viewer, account_id: int, action: str
) -> HttpResponse:
    """One action on one login from its row (link, deactivate, re-activate, new temporary
    password), then back to the list with what happened."""
    if action not in ACTIONS:
        raise Http404
    form_class, service, done = ACTIONS[action]
    form = form_class(request.POST)
    if not form.is_valid():
        messages.error(request, " ".join(str(e) for errors in form.errors.values() for e in errors))
        return HttpResponseRedirect(reverse("web:logins"))
    try:
        account = service(
            actor=viewer.actor,
            government=viewer.government,
            account_id=account_id,
            at=timezone.now(),
            **form.cleaned_data,
        )
    except (NotFound, PermissionDenied) as exc:
        raise Http404 from exc
    except DomainError as refusal:
        detail = " ".join(str(message) for message in refusal.fields.values())
        messages.error(request, f"{refusal.message} {detail}".strip())
    else:
        messages.success(request, str(done) % {"username": account.user.get_username()})
    return HttpResponseRedirect(reverse("web:logins"))
