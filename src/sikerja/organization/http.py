"""The caller at the edges of every app: the viewer of a page or of an API call, and the frame
every page is rendered in (the viewer and the tenant line).

The apps' views and routers import these; the shell (`sikerja.web`) and the assembly
(`sikerja.api`) use them too, so no app needs to import either.
"""

from __future__ import annotations

import datetime as dt
from collections.abc import Callable
from dataclasses import dataclass
from functools import wraps
from typing import Any, Concatenate, ParamSpec

from django.contrib.auth.views import redirect_to_login
from django.http import Http404, HttpRequest, HttpResponse
from django.shortcuts import render
from django.utils import timezone

from sikerja.core.errors import NotFound
from sikerja.organization.rules import Viewer, may_transfer
from sikerja.organization.selectors import viewer_for
from sikerja.regulations.loader import load_pack

P = ParamSpec("P")
ViewerView = Callable[Concatenate[HttpRequest, Viewer, P], HttpResponse]


@dataclass(frozen=True)
class Tenant:
    """The header line: the government and the regulation it runs on."""

    name: str
    pack: str


def today() -> dt.date:
    """The day of the request in the server's zone (edges read the clock, never the domain)."""
    return timezone.localdate()


def viewer_required(view: ViewerView[P]) -> Callable[Concatenate[HttpRequest, P], HttpResponse]:
    """Require a login and an Account; pass the viewer in and turn NotFound into a 404."""

    @wraps(view)
    def wrapper(request: HttpRequest, /, *args: P.args, **kwargs: P.kwargs) -> HttpResponse:
        if not request.user.is_authenticated:
            return redirect_to_login(request.get_full_path())
        viewer = viewer_for(request.user, today())
        if viewer is None:
            return render(request, "web/no_account.html", status=403)
        try:
            return view(request, viewer, *args, **kwargs)
        except NotFound as exc:
            raise Http404(exc.message) from exc

    return wrapper


def render_page(
    request: HttpRequest, viewer: Viewer, template: str, status: int = 200, **context: Any
) -> HttpResponse:
    """Render a page of the site with the viewer, the tenant line and what its navigation
    offers the viewer."""
    government = viewer.government
    context["viewer"] = viewer
    context["may_transfer"] = may_transfer(viewer)
    context["tenant"] = Tenant(name=government.name, pack=load_pack(government.pack_id).short)
    return render(request, template, context, status=status)


def viewer_of(request: HttpRequest) -> Viewer:
    """The authenticated API caller's Viewer (set by the API's authentication)."""
    viewer = getattr(request, "auth", None)
    if not isinstance(viewer, Viewer):
        raise TypeError("API operation called without authentication")
    return viewer
