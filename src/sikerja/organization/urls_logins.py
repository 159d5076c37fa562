"""URLs of the Akun pegawai pages (BKPSDM operators; the auditor reads). Mounted by the shell."""

from django.urls import path

from sikerja.organization.views import logins

urlpatterns = [
    path("akun/", logins.login_page, name="logins"),
    path("akun/baru/", logins.login_create_view, name="login-create"),
    path("akun/<int:account_id>/<slug:action>/", logins.login_action, name="login-action"),
]
