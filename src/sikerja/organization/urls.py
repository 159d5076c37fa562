"""URLs of the organisation pages (no NIP in any URL: employees are addressed by id).

The shell mounts them into the site's one page namespace (`web:`).
"""

from django.urls import path

from sikerja.organization.views import (
    placements,
    position_field,
    position_picker,
    requests,
    transfer,
)

urlpatterns = [
    path("organisasi/", requests.agency_list, name="agency_list"),
    path("organisasi/<int:agency_id>/", requests.agency_detail, name="agency_detail"),
    path("organisasi/<int:agency_id>/jumlah/", requests.agency_counts, name="agency_counts"),
    path("pegawai/", requests.employee_list, name="employee_list"),
    path("pegawai/<int:employee_id>/", requests.employee_detail, name="employee_detail"),
    path(
        "pegawai/<int:employee_id>/kedudukan/",
        placements.employee_placements,
        name="employee-placements",
    ),
    path("pegawai/kedudukan/jabatan/", position_picker.position_search, name="position-search"),
    path(
        "pegawai/<int:employee_id>/kedudukan/<slug:action>/",
        placements.employee_placement_action,
        name="employee-placement-action",
    ),
    path(
        "organisasi/jabatan/<int:position_id>/bidang/",
        position_field.position_field_unit,
        name="position-field-unit",
    ),
    path("impor/", transfer.transfer, name="transfer"),
    path("impor/tugas/<int:job_id>/", transfer.transfer_job, name="transfer-job"),
    path("impor/templat.xlsx", transfer.template_workbook, name="transfer-template-xlsx"),
    path("impor/templat-<slug:sheet>.csv", transfer.template_sheet, name="transfer-template-csv"),
    path("impor/ekspor.xlsx", transfer.export_workbook, name="transfer-export-xlsx"),
]
