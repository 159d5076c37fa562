"""Root URL configuration."""

from django.urls import include, path

from sikerja.web.language import language_set

urlpatterns = [
    # Django's set_language, remembering a logged-in person's choice (sikerja.web.language).
    path("i18n/setlang/", language_set, name="set_language"),
    path("api/", include("sikerja.api.urls")),
    path("", include("sikerja.documents.urls")),
    path("", include("sikerja.web.urls")),
]
