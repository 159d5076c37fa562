"""URLs of the HTML pages (no NIP in any URL: employees are addressed by id).

The shell's own pages (home, login, logout) and every app's pages, in one namespace (`web:`):
each app owns its views and its `urls.py`; the shell mounts them here, as the API assembly
mounts the apps' routers under `api-v1:`.
"""

from django.urls import URLPattern, path

from sikerja.assignments import urls as assignments
from sikerja.notifications import urls as notifications
from sikerja.organization import urls as organization
from sikerja.organization import urls_logins as logins
from sikerja.performance import urls as performance
from sikerja.teams import urls as teams
from sikerja.web import health, lockouts, passwords, sso, views

app_name = "web"

urlpatterns: list[URLPattern] = [
    path("", views.home, name="home"),
    path("healthz", health.healthz, name="healthz"),
    path("readyz", health.readyz, name="readyz"),
    path("masuk/", views.LoginView.as_view(), name="login"),
    path("keluar/", views.LogoutView.as_view(), name="logout"),
    path("masuk/sso/", sso.SsoLoginView.as_view(), name="sso-login"),
    path("masuk/sso/kembali/", sso.SsoCallbackView.as_view(), name="sso-callback"),
    path("kata-sandi/", passwords.PasswordChangeView.as_view(), name="password-change"),
    path("lupa-kata-sandi/", passwords.PasswordResetView.as_view(), name="password-reset"),
    path("lupa-kata-sandi/terkirim/", passwords.password_reset_done, name="password-reset-done"),
    path(
        "lupa-kata-sandi/<uidb64>/<token>/",
        passwords.PasswordResetConfirmView.as_view(),
        name="password-reset-confirm",
    ),
    path(
        "lupa-kata-sandi/selesai/",
        passwords.password_reset_complete,
        name="password-reset-complete",
    ),
    path("akun-terkunci/", lockouts.locked_accounts, name="locked-accounts"),
    path(
        "akun-terkunci/<int:account_id>/buka/",
        lockouts.account_unlock_view,
        name="account-unlock",
    ),
    *organization.urlpatterns,
    *assignments.urlpatterns,
    *teams.urlpatterns,
    *performance.urlpatterns,
    *notifications.urlpatterns,
    *logins.urlpatterns,
]
