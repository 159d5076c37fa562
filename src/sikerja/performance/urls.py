"""URLs of the performance pages, mounted by the shell into the site's page namespace (`web:`)."""

from django.urls import path

from sikerja.performance import (
    board_views,
    dashboard_views,
    feed_views,
    feedback_views,
    views,
    views_objection,
    views_print,
    xlsx_views,
)

urlpatterns = [
    path("kinerja/skp-saya/", views.skp_mine, name="skp-mine"),
    path("kinerja/skp/buat/", views.skp_create, name="skp-create"),
    path("kinerja/skp-persetujuan/", views.skp_approvals, name="skp-approvals"),
    path("kinerja/skp/<int:pk>/", views.skp_detail, name="skp-detail"),
    path("kinerja/skp/<int:pk>/putuskan/", views.skp_decide, name="skp-decide"),
    path("kinerja/skp/<int:pk>/rhk/", views.skp_rhk_add, name="skp-rhk-add"),
    path("kinerja/skp/<int:pk>/ekspektasi/", views.skp_expectation_set, name="skp-expectation"),
    path("kinerja/skp/<int:pk>/ajukan/", views.skp_submit, name="skp-submit"),
    path("kinerja/skp/<int:pk>/penilaian/", views.rating_form, name="rating-form"),
    path(
        "kinerja/skp/<int:pk>/rhk-usulan/<int:proposal_id>/putuskan/",
        feed_views.rhk_proposal_decide,
        name="rhk-proposal-decide",
    ),
    path(
        "kinerja/skp/<int:pk>/rhk-usulan/<int:proposal_id>/perjanjian-kinerja/",
        feed_views.role_agreement_set,
        name="role-agreement-set",
    ),
    path(
        "kinerja/skp/<int:pk>/butir-kegiatan/",
        feed_views.rhk_activity_item,
        name="skp-activity-item",
    ),
    path(
        "kinerja/skp/<int:pk>/penilaian/<int:rating_id>/pertimbangan/",
        feed_views.rating_consideration,
        name="rating-consideration",
    ),
    path(
        "kinerja/unit/<int:unit_id>/kinerja-organisasi/",
        views.unit_level_set,
        name="unit-level-set",
    ),
    path(
        "kinerja/skp/<int:pk>/penilaian/<int:rating_id>/tetapkan/",
        views.rating_sign,
        name="rating-sign",
    ),
    path(
        "kinerja/penilaian/<int:rating_id>/keberatan/",
        views_objection.objection_file,
        name="objection-file",
    ),
    path("kinerja/keberatan/<int:pk>/", views_objection.objection_detail, name="objection-detail"),
    path(
        "kinerja/keberatan/<int:pk>/putuskan/",
        views_objection.objection_decide,
        name="objection-decide",
    ),
    path("kinerja/skp/<int:pk>/cetak.pdf", views_print.skp_pdf, name="skp-pdf"),
    path(
        "kinerja/penilaian/<int:rating_id>/evaluasi.pdf",
        views_print.evaluation_pdf,
        name="evaluation-pdf",
    ),
    path("kinerja/unit/<int:unit_id>/penilaian/", board_views.unit_board, name="unit-board"),
    path(
        "kinerja/unit/<int:unit_id>/penilaian/simulasi/",
        board_views.unit_board_simulate,
        name="unit-board-simulate",
    ),
    path(
        "kinerja/perangkat-daerah/<int:agency_id>/",
        dashboard_views.agency_performance,
        name="agency-performance",
    ),
    path(
        "kinerja/skp/<int:pk>/rhk/<int:rhk_id>/umpan-balik/",
        feedback_views.rhk_feedback_give,
        name="rhk-feedback-give",
    ),
    path(
        "kinerja/skp/<int:pk>/umpan-balik/<int:feedback_id>/tanggapi/",
        feedback_views.rhk_feedback_acknowledge,
        name="rhk-feedback-acknowledge",
    ),
    path(
        "kinerja/skp/<int:pk>/rhk/<int:rhk_id>/bukti/",
        feedback_views.rhk_evidence_upload,
        name="rhk-evidence-upload",
    ),
    path(
        "kinerja/skp/<int:pk>/bukti/<int:file_id>/",
        feedback_views.rhk_evidence_download,
        name="rhk-evidence-download",
    ),
    path("kinerja/umpan-balik-tim/", feedback_views.feedback_led, name="feedback-led"),
    path("kinerja/ekspor.xlsx", xlsx_views.performance_export, name="performance-export"),
    path("kinerja/impor/", xlsx_views.performance_import, name="performance-import"),
]
