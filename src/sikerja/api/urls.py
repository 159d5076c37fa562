"""URLs under /api/: the versioned API, with JSON errors for every path and method inside it."""

from collections.abc import Callable
from functools import wraps
from typing import Any

from django.http import HttpRequest, HttpResponse, JsonResponse
from django.urls import URLPattern, URLResolver, path, re_path
from django.utils.translation import gettext as _
from django.views.decorators.csrf import csrf_exempt

from sikerja.api.errors import ApiErrorCode, error_body, not_found_response
from sikerja.api.v1 import api

METHOD_NOT_ALLOWED = 405


@csrf_exempt
def unknown_route(request: HttpRequest, rest: str = "") -> JsonResponse:
    """Paths under /api/ that no operation serves get the API's own 404 shape."""
    del request, rest
    return not_found_response()


def _json_method_not_allowed(view: Callable[..., HttpResponse]) -> Callable[..., HttpResponse]:
    """ninja answers a wrong method with plain text; give it the shared error shape instead."""

    @wraps(view)
    def wrapped(request: HttpRequest, *args: Any, **kwargs: Any) -> HttpResponse:
        response = view(request, *args, **kwargs)
        if response.status_code != METHOD_NOT_ALLOWED:
            return response
        message = _("Metode %(method)s tidak didukung untuk alamat ini.") % {
            "method": request.method
        }
        answer = JsonResponse(error_body(ApiErrorCode.METHOD_NOT_ALLOWED, message), status=405)
        answer["Allow"] = response.get("Allow", "")
        return answer

    return wrapped


def _versioned(
    urls: tuple[list[URLPattern | URLResolver], str, str],
) -> tuple[list[URLPattern | URLResolver], str, str]:
    patterns, app_name, namespace = urls
    wrapped: list[URLPattern | URLResolver] = [
        URLPattern(p.pattern, _json_method_not_allowed(p.callback), p.default_args, p.name)
        if isinstance(p, URLPattern)
        else p
        for p in patterns
    ]
    return wrapped, app_name, namespace


urlpatterns = [
    # ninja's own view at the API root answers with an HTML 404; this one answers in JSON.
    path("v1/", unknown_route),
    path("v1/", _versioned(api.urls)),
    re_path(r"^(?P<rest>.*)$", unknown_route),
]
