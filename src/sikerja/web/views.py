"""The shell's own pages: home (what awaits me), login and logout.

Every page needs a login and an Account (`viewer_required`); the apps' pages live in the apps
(`sikerja.<app>.views`) and are mounted by `sikerja.web.urls`.
"""

from __future__ import annotations

from typing import Any

from django.contrib.auth import views as auth_views
from django.contrib.auth.forms import AuthenticationForm
from django.contrib.auth.models import User
from django.core.exceptions import ValidationError
from django.http import HttpRequest, HttpResponse, HttpResponseRedirect
from django.urls import reverse
from django.utils import timezone

from sikerja.accounts.forms import LoginForm
from sikerja.accounts.passwords import password_change_required
from sikerja.organization.http import render_page, today, viewer_required
from sikerja.organization.rules import Viewer
from sikerja.organization.selectors import login_refused
from sikerja.web import session_limits, sso, throttle
from sikerja.web.home import home_work
from sikerja.web.passwords import password_change_demand

HTTP_TOO_MANY_REQUESTS = 429


@viewer_required
def home(request: HttpRequest, viewer: Viewer) -> HttpResponse:
    """Beranda: what awaits me (steps by due date, my requests, my letters, what I may start)."""
    page = home_work(viewer, today(), timezone.now())
    return render_page(request, viewer, "web/home.html", page=page, nav="home")


class ShellLoginForm(LoginForm):
    """The accounts' login form, also refusing a login whose employee left the government."""

    def confirm_login_allowed(self, user: User) -> None:
        super().confirm_login_allowed(user)
        if login_refused(user, today()):
            raise ValidationError(self.error_messages["inactive"], code="inactive")


class LoginView(auth_views.LoginView):
    """Django's login with throttling per username and per client address."""

    template_name = "web/login.html"
    authentication_form = ShellLoginForm
    redirect_authenticated_user = True

    def get_context_data(self, **kwargs: Any) -> dict[str, Any]:
        context = super().get_context_data(**kwargs)
        context["sso_name"] = sso.sso_name() if sso.sso_enabled() else ""
        context["sso_refusal"] = sso.refusal_pop(self.request)
        return context

    def _attempt(self) -> throttle.Attempt:
        return throttle.Attempt.from_request(self.request, self.request.POST.get("username", ""))

    def post(self, request: HttpRequest, *args: Any, **kwargs: Any) -> HttpResponse:
        if throttle.is_blocked(self._attempt()):
            form = AuthenticationForm(request, initial={"username": request.POST.get("username")})
            context = self.get_context_data(form=form, throttled_message=throttle.refusal())
            return self.render_to_response(context, status=HTTP_TOO_MANY_REQUESTS)
        return super().post(request, *args, **kwargs)

    def form_invalid(self, form: AuthenticationForm) -> HttpResponse:
        throttle.record_failure(self._attempt())
        return super().form_invalid(form)

    def form_valid(self, form: AuthenticationForm) -> HttpResponse:
        throttle.record_success(self._attempt())
        response = super().form_valid(form)
        session_limits.session_start(self.request)
        if password_change_required(form.get_user().pk):
            password_change_demand(self.request)
            return HttpResponseRedirect(reverse("web:password-change"))
        return response


class LogoutView(auth_views.LogoutView):
    """Log out (POST only, as Django requires), then back to the login page; a single sign-on
    session goes on to the provider's logout, which comes back to the login page."""

    def post(self, request: HttpRequest, *args: Any, **kwargs: Any) -> HttpResponse:
        session = dict(request.session.items())
        response = super().post(request, *args, **kwargs)
        provider_logout = sso.logout_url(request, session)
        return HttpResponseRedirect(provider_logout) if provider_logout else response
