"""Thin HTML views: parse the input, make one page call, render the result.

Every page needs a login and an Account (`viewer_required`); scoping happens in the selectors
behind the page calls, and a missing or hidden object is a 404 either way.
"""

from __future__ import annotations

import datetime as dt
from collections.abc import Callable
from dataclasses import dataclass
from functools import wraps
from typing import Any, Concatenate, ParamSpec

from django.contrib.auth import views as auth_views
from django.contrib.auth.forms import AuthenticationForm
from django.contrib.auth.views import redirect_to_login
from django.http import Http404, HttpRequest, HttpResponse
from django.shortcuts import render
from django.utils import timezone

from sikerja.core.errors import NotFound
from sikerja.organization.selectors import Viewer, viewer_for
from sikerja.regulations.loader import load_pack
from sikerja.web import organisation, pages, throttle
from sikerja.web.forms import DayForm, EmployeeSearchForm

P = ParamSpec("P")
ViewerView = Callable[Concatenate[HttpRequest, Viewer, P], HttpResponse]

HTTP_TOO_MANY_REQUESTS = 429


@dataclass(frozen=True)
class Tenant:
    """The header line: the government and the regulation it runs on."""

    name: str
    pack: str


def _today() -> dt.date:
    return timezone.localdate()


def viewer_required(view: ViewerView[P]) -> Callable[Concatenate[HttpRequest, P], HttpResponse]:
    """Require a login and an Account; pass the viewer in and turn NotFound into a 404."""

    @wraps(view)
    def wrapper(request: HttpRequest, /, *args: P.args, **kwargs: P.kwargs) -> HttpResponse:
        if not request.user.is_authenticated:
            return redirect_to_login(request.get_full_path())
        viewer = viewer_for(request.user, _today())
        if viewer is None:
            return render(request, "web/no_account.html", status=403)
        try:
            return view(request, viewer, *args, **kwargs)
        except NotFound as exc:
            raise Http404(exc.message) from exc

    return wrapper


def _render(request: HttpRequest, viewer: Viewer, template: str, **context: Any) -> HttpResponse:
    government = viewer.government
    context["viewer"] = viewer
    context["tenant"] = Tenant(name=government.name, pack=load_pack(government.pack_id).short)
    return render(request, template, context)


@viewer_required
def home(request: HttpRequest, viewer: Viewer) -> HttpResponse:
    """Beranda: who I am and my resolved roles."""
    page = pages.home_page(viewer, _today())
    return _render(request, viewer, "web/home.html", page=page, nav="home")


@viewer_required
def agency_list(request: HttpRequest, viewer: Viewer) -> HttpResponse:
    """Organisasi: the agencies the viewer sees."""
    agencies = pages.agency_list_page(viewer)
    return _render(request, viewer, "web/agency_list.html", agencies=agencies, nav="organisation")


@viewer_required
def agency_detail(request: HttpRequest, viewer: Viewer, agency_id: int) -> HttpResponse:
    """One agency: unit tree and kedudukan table on the chosen day (?on=YYYY-MM-DD)."""
    today = _today()
    form = DayForm.from_query(request.GET, today)
    unit = request.GET.get("unit", "")
    unit_id = int(unit) if unit.isdigit() else None
    page = organisation.agency_page(viewer, agency_id, form.day(today), unit_id)
    return _render(
        request, viewer, "web/agency_detail.html", page=page, form=form, nav="organisation"
    )


@viewer_required
def employee_list(request: HttpRequest, viewer: Viewer) -> HttpResponse:
    """Pegawai: the employees the viewer sees, searchable by name, paginated."""
    form = EmployeeSearchForm(request.GET)
    page = pages.employee_list_page(viewer, _today(), form.query(), request.GET.get("page"))
    return _render(request, viewer, "web/employee_list.html", page=page, form=form, nav="employees")


@viewer_required
def employee_detail(request: HttpRequest, viewer: Viewer, employee_id: int) -> HttpResponse:
    """One employee: identity, Pejabat Penilai Kinerja and the other roles, history."""
    page = pages.employee_page(viewer, employee_id, _today())
    nav = "profile" if employee_id == viewer.employee_id else "employees"
    return _render(request, viewer, "web/employee_detail.html", page=page, nav=nav)


class LoginView(auth_views.LoginView):
    """Django's login with throttling per username and per client address."""

    template_name = "web/login.html"
    redirect_authenticated_user = True

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
        return super().form_valid(form)


class LogoutView(auth_views.LogoutView):
    """Log out (POST only, as Django requires), then back to the login page."""
