"""Root URL configuration."""

from django.urls import include, path

urlpatterns = [
    path("i18n/", include("django.conf.urls.i18n")),
    path("api/", include("sikerja.api.urls")),
    path("", include("sikerja.documents.urls")),
    path("", include("sikerja.web.urls")),
]
