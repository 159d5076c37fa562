"""URLs of the tim kerja pages, mounted by the shell into the site's one page namespace (`web:`)."""

from django.urls import path

from sikerja.teams import report_urls
from sikerja.teams.views import changes, evidence, proposal, teams, training, work, workload

urlpatterns = [
    path("tim-kerja/", teams.team_list, name="team-list"),
    path("tim-kerja/usulan/", proposal.team_create, name="team-create"),
    path("tim-kerja/<int:pk>/", teams.team_detail, name="team-detail"),
    path("tim-kerja/<int:pk>/putuskan/", teams.team_decide, name="team-decide"),
    path("tim-kerja/<int:pk>/ubah/<slug:change>/", changes.team_change, name="team-change"),
    path("tim-kerja/<int:pk>/pelaksanaan/", work.team_work, name="team-work"),
    path(
        "tim-kerja/<int:pk>/pelaksanaan/<slug:action>/",
        work.team_work_action,
        name="team-work-action",
    ),
    path("pekerjaan-saya/", work.my_work, name="my-work"),
    path("tim-kerja/beban-kerja/", workload.workload_home, name="team-workload-home"),
    path("tim-kerja/beban-kerja/<int:unit_id>/", workload.unit_workload, name="team-workload"),
    path(
        "tim-kerja/beban-kerja/<int:unit_id>/usulan-pelatihan/",
        training.training_propose,
        name="training-propose",
    ),
    path("tim-kerja/usulan-pelatihan/", training.training_list, name="training-proposals"),
    path(
        "tim-kerja/usulan-pelatihan/<int:pk>/putuskan/",
        training.training_decide,
        name="training-decide",
    ),
    path(
        "tim-kerja/<int:pk>/bukti/<int:evidence_id>/",
        evidence.evidence_download,
        name="team-evidence",
    ),
    *report_urls.urlpatterns,
]
