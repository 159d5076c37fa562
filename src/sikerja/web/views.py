"""Thin HTML views: parse the input, make one page call, render the result.

Every page needs a login and an Account (`viewer_required`); scoping happens in the selectors
behind the page calls, and a missing or hidden object is a 404 either way.
"""

from __future__ import annotations

from typing import Any

from django.contrib.auth import views as auth_views
from django.contrib.auth.forms import AuthenticationForm
from django.http import HttpRequest, HttpResponse

from sikerja.organization.http import render_page, today, viewer_required
from sikerja.organization.rules import Viewer
from sikerja.web import organisation, pages, throttle
from sikerja.web.forms import DayForm, EmployeeSearchForm

HTTP_TOO_MANY_REQUESTS = 429


@viewer_required
def home(request: HttpRequest, viewer: Viewer) -> HttpResponse:
    """Beranda: who I am and my resolved roles."""
    page = pages.home_page(viewer, today())
    return render_page(request, viewer, "web/home.html", page=page, nav="home")


@viewer_required
def agency_list(request: HttpRequest, viewer: Viewer) -> HttpResponse:
    """Organisasi: the agencies the viewer sees."""
    agencies = pages.agency_list_page(viewer)
    return render_page(
        request, viewer, "web/agency_list.html", agencies=agencies, nav="organisation"
    )


@viewer_required
def agency_detail(request: HttpRequest, viewer: Viewer, agency_id: int) -> HttpResponse:
    """One agency: unit tree and kedudukan table on the chosen day (?on=YYYY-MM-DD)."""
    day = today()
    form = DayForm.from_query(request.GET, day)
    unit = request.GET.get("unit", "")
    unit_id = int(unit) if unit.isdigit() else None
    page = organisation.agency_page(viewer, agency_id, form.day(day), unit_id)
    return render_page(
        request, viewer, "web/agency_detail.html", page=page, form=form, nav="organisation"
    )


@viewer_required
def employee_list(request: HttpRequest, viewer: Viewer) -> HttpResponse:
    """Pegawai: the employees the viewer sees, searchable by name, paginated."""
    form = EmployeeSearchForm(request.GET)
    page = pages.employee_list_page(viewer, today(), form.query(), request.GET.get("page"))
    return render_page(
        request, viewer, "web/employee_list.html", page=page, form=form, nav="employees"
    )


@viewer_required
def employee_detail(request: HttpRequest, viewer: Viewer, employee_id: int) -> HttpResponse:
    """One employee: identity, Pejabat Penilai Kinerja and the other roles, history."""
    page = pages.employee_page(viewer, employee_id, today())
    nav = "profile" if employee_id == viewer.employee_id else "employees"
    return render_page(request, viewer, "web/employee_detail.html", page=page, nav=nav)


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
