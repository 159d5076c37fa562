"""URLs of the penugasan pages and the process maps of the pack's flows.

The shell mounts them into the site's one page namespace (`web:`), as the API assembly mounts
the app's router under `api-v1:`.
"""

from django.urls import path

from sikerja.assignments.views import maps, requests

urlpatterns = [
    path("penugasan/", requests.assignment_list, name="assignment-list"),
    path("penugasan/baru/", requests.assignment_create, name="assignment-create"),
    path("penugasan/menunggu/", requests.inbox_count, name="assignment-inbox-count"),
    path("penugasan/<int:pk>/", requests.assignment_detail, name="assignment-detail"),
    path("penugasan/<int:pk>/putuskan/", requests.assignment_decide, name="assignment-decide"),
    path(
        "penugasan/<int:pk>/rekomendasi/",
        requests.assignment_recommend,
        name="assignment-recommend",
    ),
    path("penugasan/<int:pk>/ingatkan/", requests.assignment_remind, name="assignment-remind"),
    path("penugasan/<int:pk>/tarik/", requests.assignment_withdraw, name="assignment-withdraw"),
    path("peta-proses/", maps.process_maps, name="process-maps"),
    path("peta-proses/<slug:key>/", maps.process_map, name="process-map"),
    path("peta-proses/<slug:key>.svg", maps.process_map_svg, name="process-map-svg"),
    path("peta-proses/<slug:key>.bpmn", maps.process_map_bpmn, name="process-map-bpmn"),
]
