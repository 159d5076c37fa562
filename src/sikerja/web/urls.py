"""URLs of the HTML pages (no NIP in any URL: employees are addressed by id)."""

from django.urls import path

from sikerja.web import penugasan, penugasan_maps, transfer, views

app_name = "web"

urlpatterns = [
    path("", views.home, name="home"),
    path("masuk/", views.LoginView.as_view(), name="login"),
    path("keluar/", views.LogoutView.as_view(), name="logout"),
    path("organisasi/", views.agency_list, name="agency_list"),
    path("organisasi/<int:agency_id>/", views.agency_detail, name="agency_detail"),
    path("pegawai/", views.employee_list, name="employee_list"),
    path("pegawai/<int:employee_id>/", views.employee_detail, name="employee_detail"),
    path("penugasan/", penugasan.assignment_list, name="assignment-list"),
    path("penugasan/baru/", penugasan.assignment_create, name="assignment-create"),
    path("penugasan/menunggu/", penugasan.inbox_count, name="assignment-inbox-count"),
    path("penugasan/<int:pk>/", penugasan.assignment_detail, name="assignment-detail"),
    path("penugasan/<int:pk>/putuskan/", penugasan.assignment_decide, name="assignment-decide"),
    path(
        "penugasan/<int:pk>/rekomendasi/",
        penugasan.assignment_recommend,
        name="assignment-recommend",
    ),
    path("penugasan/<int:pk>/tarik/", penugasan.assignment_withdraw, name="assignment-withdraw"),
    path("notifikasi/", penugasan.notifications, name="notifications"),
    path("impor/", transfer.transfer, name="transfer"),
    path("impor/templat.xlsx", transfer.template_workbook, name="transfer-template-xlsx"),
    path("impor/templat-<slug:sheet>.csv", transfer.template_sheet, name="transfer-template-csv"),
    path("impor/ekspor.xlsx", transfer.export_workbook, name="transfer-export-xlsx"),
    path("peta-proses/", penugasan_maps.process_maps, name="process-maps"),
    path("peta-proses/<slug:key>/", penugasan_maps.process_map, name="process-map"),
    path("peta-proses/<slug:key>.svg", penugasan_maps.process_map_svg, name="process-map-svg"),
    path("peta-proses/<slug:key>.bpmn", penugasan_maps.process_map_bpmn, name="process-map-bpmn"),
]
