"""Passwords at the shell: the forced change after BKPSDM set one, the owner's change, and reset
by email (Django's views with Indonesian templates).

A login whose Account says `must_change_password` gets a mark in its session at login; while the
mark is there every page but the password change, logout and the static files redirects to the
change page (no query per request: the mark is in the session, which is read anyway). Changing
the password clears the mark and the Account's flag (`accounts.passwords`).
"""

from __future__ import annotations

from collections.abc import Callable

from django.contrib.auth import views as auth_views
from django.contrib.auth.forms import PasswordChangeForm, SetPasswordForm
from django.contrib.auth.models import User
from django.http import HttpRequest, HttpResponse, HttpResponseRedirect
from django.urls import reverse, reverse_lazy
from django.utils import timezone

from sikerja.accounts.forms import LoginPasswordResetForm
from sikerja.accounts.passwords import account_password_changed

SESSION_KEY = "sikerja_must_change_password"
ALLOWED_URL_NAMES = ("web:password-change", "web:logout", "web:healthz", "web:readyz")


def password_change_demand(request: HttpRequest) -> None:
    """Mark the session: nothing but the password change until a new password is chosen."""
    request.session[SESSION_KEY] = True


class PasswordChangeRequiredMiddleware:
    """Send a session marked by `password_change_demand` to the password change page."""

    def __init__(self, get_response: Callable[[HttpRequest], HttpResponse]) -> None:
        self.get_response = get_response

    def __call__(self, request: HttpRequest) -> HttpResponse:
        session = getattr(request, "session", None)
        if session is not None and session.get(SESSION_KEY):
            allowed = {reverse(name) for name in ALLOWED_URL_NAMES}
            if request.path not in allowed and not request.path.startswith("/static/"):
                return HttpResponseRedirect(reverse("web:password-change"))
        return self.get_response(request)


class PasswordChangeView(auth_views.PasswordChangeView):
    """The owner's new password: the old one, then the new one twice (Django's validators)."""

    template_name = "web/password_change.html"
    success_url = reverse_lazy("web:home")

    def get_context_data(self, **kwargs: object) -> dict[str, object]:
        context = super().get_context_data(**kwargs)
        context["forced"] = bool(self.request.session.get(SESSION_KEY))
        return context

    def form_valid(self, form: PasswordChangeForm) -> HttpResponse:
        response = super().form_valid(form)
        user = form.user
        account_password_changed(user_id=user.pk, username=user.get_username(), at=timezone.now())
        self.request.session.pop(SESSION_KEY, None)
        return response


class PasswordResetView(auth_views.PasswordResetView):
    """Ask for a reset link by email (the same answer whether the address is known or not)."""

    template_name = "web/password_reset_form.html"
    form_class = LoginPasswordResetForm
    email_template_name = "web/password_reset_email.txt"
    subject_template_name = "web/password_reset_subject.txt"
    success_url = reverse_lazy("web:password-reset-done")


class PasswordResetConfirmView(auth_views.PasswordResetConfirmView):
    """Choose a new password from the emailed link; the Account's demand is cleared too."""

    template_name = "web/password_reset_confirm.html"
    success_url = reverse_lazy("web:password-reset-complete")

    def form_valid(self, form: SetPasswordForm[User]) -> HttpResponse:
        response = super().form_valid(form)
        user = form.user
        account_password_changed(user_id=user.pk, username=user.get_username(), at=timezone.now())
        return response


password_reset_done = auth_views.PasswordResetDoneView.as_view(
    template_name="web/password_reset_done.html"
)
password_reset_complete = auth_views.PasswordResetCompleteView.as_view(
    template_name="web/password_reset_complete.html"
)
