"""URLs of the notifications page (mounted by the shell under `web:`)."""

from django.urls import path

from sikerja.notifications import views

urlpatterns = [
    path("notifikasi/", views.notifications, name="notifications"),
]
