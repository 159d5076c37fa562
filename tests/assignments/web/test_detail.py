"""The assignment page and the list: header, timeline with actors and articles, letters, counts."""

from __future__ import annotations

import pytest
from django.db import connection
from django.test.utils import CaptureQueriesContext
from django.urls import reverse

from sikerja.assignments.display import acting_label
from sikerja.assignments.services import assignment_decide, assignment_recommend
from sikerja.assignments.views.list_page import ROWS_PER_PAGE
from sikerja.documents.models import Letter
from tests.assignments.web.test_world import (
    PERWALI,
    client_for,
    cross_unit_request,
    detail_url,
    instance_of,
    open_step,
    partner_head,
)

# Session and user (2), the viewer (4), the assignment with its candidates (2), the instance (1),
# the steps with their recommendations (2), the people named (1), candidates' positions (1),
# the letters (1), the delegation check of the open step (1).
DETAIL_QUERIES = 15
# Session and user (2), the viewer (4), then per tab: the inbox (3) or the count and page (2).
LIST_QUERIES = {"kotak-masuk": 9, "terkirim": 8, "semua": 8}


def _approve_review(assignment, now, today):
    head = partner_head(assignment)
    step = open_step(assignment)
    assignment_recommend(step_id=step.pk, by=head, text="Direkomendasikan.", at=now)
    assignment_decide(step_id=step.pk, by=head, decision="approve", at=now, on=today)
    return head


def test_the_header_names_the_flow_scope_and_status(persona, now, today, client_of):
    assignment = cross_unit_request(persona, now, today)

    page = client_of("kepala_dinas").get(detail_url(assignment)).context["page"]

    assert (page.mode_label, page.subject_label, page.scope_label) == (
        "Penunjukan",
        "Individu",
        "Lintas unit organisasi",
    )
    assert (page.flow_label, page.variant, page.not_specified_by_pack) == (
        "Penunjukan lintas unit organisasi",
        "4.2.2",
        False,
    )
    assert page.status_label == "Berjalan"
    assert [(f.label, f.value) for f in page.fields] == [
        ("Maksud dan tujuan", "Menyusun kajian kebutuhan pegawai 2027"),
        ("Kompetensi yang dibutuhkan", "analisis jabatan"),
        ("Target yang diharapkan", "Dokumen kajian disahkan"),
        ("Jangka waktu", "1 Desember 2026 – 28 Februari 2027"),
        ("Nama tim kerja", "Tim Kajian Kebutuhan Pegawai"),
        ("Disampaikan", "Tertulis"),
    ]
    assert [p.employee_id for p in page.candidates] == [persona("outsider").pk]


def test_the_timeline_shows_every_step_with_its_actor_rule_and_citation(
    persona, now, today, client_of
):
    assignment = cross_unit_request(persona, now, today)
    head = _approve_review(assignment, now, today)

    response = client_of("kepala_dinas").get(detail_url(assignment))

    rows = response.context["page"].timeline
    html = response.content.decode()
    assert [(r.actor_name, r.actor_rule, r.decision_label, r.status) for r in rows] == [
        (persona("kepala_dinas").full_name, "G30", "Dikirim", "DECIDED"),
        (head.full_name, "G30", "Disetujui", "DECIDED"),
        (head.full_name, "G30", "", "OPEN"),
    ]
    assert [r.citation for r in rows] == [
        f"{PERWALI} Lampiran IV 3.1.b.1)",
        f"{PERWALI} Lampiran IV 3.1.b.2) dan 3.1.2 angka 2 huruf b "
        "(pelibatan dari unit organisasi lain)",
        f"{PERWALI} Pasal 17 ayat (4); Lampiran IV 3.1.2 angka 2 huruf c "
        "(pelibatan dari unit organisasi lain)",
    ]
    assert {r.actor_citation for r in rows} == {f"{PERWALI} Pasal 1 angka 8 dan angka 27"}
    assert [(x.by_name, x.text) for x in rows[1].recommendations] == [
        (head.full_name, "Direkomendasikan.")
    ]
    assert html.count('data-testid="step-citation"') == 3
    assert html.count('data-testid="step-actor"') == 3


def test_letters_link_to_the_pdf_for_their_parties_and_to_the_public_check(
    persona, now, today, client_of
):
    assignment = cross_unit_request(persona, now, today)
    _approve_review(assignment, now, today)
    letters = list(
        Letter.objects.filter(workflow_instance_id=instance_of(assignment).pk).order_by("pk")
    )

    requester = client_of("kepala_dinas").get(detail_url(assignment))
    assignee = client_of("outsider").get(detail_url(assignment))

    rows = requester.context["page"].letters
    html = requester.content.decode()
    # Each letter by the name its PDF prints (the pack's), then its Hal (the request's).
    assert [(r.number, r.type_label, r.title) for r in rows] == [
        (
            letters[0].number,
            "Surat Permohonan Pelibatan Pejabat Fungsional dan/atau Pelaksana",
            assignment.title,
        ),
        (
            letters[1].number,
            "Surat Balasan Persetujuan dan Rekomendasi Pejabat Fungsional dan/atau Pelaksana",
            assignment.title,
        ),
    ]
    assert [r.may_download for r in rows] == [True, True]
    # The assignee is named in every letter's body, so may download each one.
    assert [r.may_download for r in assignee.context["page"].letters] == [True, True]
    assert reverse("documents:letter-pdf", args=[letters[0].pk]) in html
    assert reverse("documents:verify", args=[letters[1].verification_code]) in html


def test_the_acting_badge_reads_plt_and_plh():
    assert [acting_label(kind) for kind in ("PLT", "PLH", "DEFINITIVE", "")] == [
        "Plt.",
        "Plh.",
        "",
        "",
    ]


def _queries(client, url) -> int:
    with CaptureQueriesContext(connection) as captured:
        response = client.get(url)
    assert response.status_code == 200
    return len(captured)


def test_the_detail_page_reads_a_constant_number_of_queries(persona, now, today, client_of):
    client = client_of("kepala_dinas")
    assignment = cross_unit_request(persona, now, today)
    early = _queries(client, detail_url(assignment))
    _approve_review(assignment, now, today)

    later = _queries(client, detail_url(assignment))

    assert (early, later) == (DETAIL_QUERIES, DETAIL_QUERIES)


@pytest.mark.parametrize(
    ("tab", "who"), [("kotak-masuk", "head"), ("terkirim", "kepala_dinas"), ("semua", "bkpsdm")]
)
def test_each_tab_of_the_list_reads_a_constant_number_of_queries(
    persona, now, today, client_of, tab, who
):
    first = cross_unit_request(persona, now, today)
    client = client_for(partner_head(first)) if who == "head" else client_of(who)
    url = f"{reverse('web:assignment-list')}?tab={tab}"
    small = _queries(client, url)
    for _ in range(ROWS_PER_PAGE + 2):
        cross_unit_request(persona, now, today)

    large = _queries(client, url)
    rows = client.get(url).context["page"].rows

    assert (small, large) == (LIST_QUERIES[tab], LIST_QUERIES[tab])
    assert len(rows) == ROWS_PER_PAGE


def test_the_inbox_lists_the_step_waiting_for_me_and_in_which_role(persona, now, today):
    assignment = cross_unit_request(persona, now, today)
    client = client_for(partner_head(assignment))

    rows = client.get(reverse("web:assignment-list")).context["page"].rows

    assert [(r.assignment_id, r.step_label, r.role_label) for r in rows] == [
        (assignment.pk, open_step(assignment).label, "Pengambil keputusan")
    ]


def test_sent_shows_the_status_and_the_current_step_with_its_actor(persona, now, today, client_of):
    assignment = cross_unit_request(persona, now, today)

    rows = client_of("kepala_dinas").get("/penugasan/?tab=terkirim").context["page"].rows

    assert [(r.title, r.status_label, r.step_actor) for r in rows] == [
        (assignment.title, "Berjalan", partner_head(assignment).full_name)
    ]


def test_all_shows_operators_the_governments_requests_and_others_only_theirs(
    persona, now, today, client_of
):
    assignment = cross_unit_request(persona, now, today)

    seen = {
        name: [
            r.assignment_id
            for r in client_of(name).get("/penugasan/?tab=semua").context["page"].rows
        ]
        for name in ("bkpsdm", "kepala_dinas", "outsider", "kabid", "other_tenant")
    }

    assert seen == {
        "bkpsdm": [assignment.pk],
        "kepala_dinas": [assignment.pk],
        "outsider": [assignment.pk],
        "kabid": [],
        "other_tenant": [],
    }
