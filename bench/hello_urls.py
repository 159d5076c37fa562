"""The floor's URLconf: one view answering "hello" (used only as a ROOT_URLCONF override)."""

from django.http import HttpRequest, HttpResponse
from django.urls import path


def hello(request: HttpRequest) -> HttpResponse:
    del request
    return HttpResponse(b"hello", content_type="text/plain")


urlpatterns = [path("hello/", hello)]
