"""URLs of the HTML pages (no NIP in any URL: employees are addressed by id)."""

from django.urls import path

from sikerja.web import views

app_name = "web"

urlpatterns = [
    path("", views.home, name="home"),
    path("masuk/", views.LoginView.as_view(), name="login"),
    path("keluar/", views.LogoutView.as_view(), name="logout"),
    path("organisasi/", views.agency_list, name="agency_list"),
    path("organisasi/<int:agency_id>/", views.agency_detail, name="agency_detail"),
    path("pegawai/", views.employee_list, name="employee_list"),
    path("pegawai/<int:employee_id>/", views.employee_detail, name="employee_detail"),
]
