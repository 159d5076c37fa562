"""URLs of the HTML pages (no NIP in any URL: employees are addressed by id).

The shell's own pages (home, login) and every app's pages, in one namespace (`web:`): each app
owns its views and its `urls.py`; the shell mounts them here.
"""

from django.urls import URLPattern, path

from sikerja.assignments import urls as assignments
from sikerja.notifications import urls as notifications
from sikerja.web import transfer, views

app_name = "web"

urlpatterns: list[URLPattern] = [
    path("", views.home, name="home"),
    path("masuk/", views.LoginView.as_view(), name="login"),
    path("keluar/", views.LogoutView.as_view(), name="logout"),
    path("organisasi/", views.agency_list, name="agency_list"),
    path("organisasi/<int:agency_id>/", views.agency_detail, name="agency_detail"),
    path("pegawai/", views.employee_list, name="employee_list"),
    path("pegawai/<int:employee_id>/", views.employee_detail, name="employee_detail"),
    path("impor/", transfer.transfer, name="transfer"),
    path("impor/templat.xlsx", transfer.template_workbook, name="transfer-template-xlsx"),
    path("impor/templat-<slug:sheet>.csv", transfer.template_sheet, name="transfer-template-csv"),
    path("impor/ekspor.xlsx", transfer.export_workbook, name="transfer-export-xlsx"),
    *assignments.urlpatterns,
    *notifications.urlpatterns,
]
