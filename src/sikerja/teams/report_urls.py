"""URLs of the report and evaluation pages of tim kerja, mounted with the app's other pages."""

from django.urls import path

from sikerja.teams.views import individual, reports

urlpatterns = [
    path("tim-kerja/laporan/", reports.team_reports, name="team-reports"),
    path("tim-kerja/laporan/<int:pk>/", reports.team_report_detail, name="team-report-detail"),
    path(
        "tim-kerja/laporan/<int:pk>/kirim/", reports.team_report_submit, name="team-report-submit"
    ),
    path(
        "tim-kerja/laporan/<int:pk>/putuskan/",
        reports.team_report_decide,
        name="team-report-decide",
    ),
    path(
        "tim-kerja/evaluasi/<int:pk>/",
        reports.team_evaluation_detail,
        name="team-evaluation-detail",
    ),
    path(
        "tim-kerja/evaluasi/<int:pk>/putuskan/",
        reports.team_evaluation_decide,
        name="team-evaluation-decide",
    ),
    path("tim-kerja/<int:pk>/hasil/", reports.team_results_submit, name="team-results-submit"),
    path("laporan-individu/", individual.individual_reports, name="individual-reports"),
    path(
        "laporan-individu/buat/",
        individual.individual_report_create,
        name="individual-report-create",
    ),
    path(
        "laporan-individu/<int:pk>/",
        individual.individual_report_detail,
        name="individual-report-detail",
    ),
    path(
        "laporan-individu/<int:pk>/kirim/",
        individual.individual_report_submit,
        name="individual-report-submit",
    ),
    path(
        "laporan-individu/<int:pk>/putuskan/",
        individual.individual_report_decide,
        name="individual-report-decide",
    ),
    path(
        "laporan-individu/<int:pk>/alihkan/",
        individual.individual_report_reroute,
        name="individual-report-reroute",
    ),
    path(
        "laporan-individu/<int:pk>/bukti/<int:evidence_id>/",
        individual.individual_evidence,
        name="individual-evidence",
    ),
]
