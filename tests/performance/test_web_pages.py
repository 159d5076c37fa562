"""The performance pages: SKP saya, the SKPs to approve, one SKP (404 for anyone who may not see
it), the appraiser's decision, and the rating form with the unit's curve; constant queries."""

from __future__ import annotations

import pytest
from django.urls import reverse

from sikerja.performance import services
from sikerja.performance.models import Rating, Skp, UnitLevel
from tests.performance.test_ratings import MEETS, draft, set_level
from tests.performance.world import NOW, ON, YEAR, cascaded_skp, head_skp

QUERIES_MINE = 8
QUERIES_APPROVALS = 8


@pytest.mark.parametrize(
    ("name", "status"),
    [
        ("jf_ahli_muda", 200),  # their own
        ("kabid", 200),  # appraiser and head of the Bidang
        ("kepala_dinas", 200),  # head of the Dinas above
        ("sekda", 200),  # heads the Sekretariat Daerah: the whole government
        ("bkpsdm", 200),  # the government's operator
        ("subkoordinator", 404),  # a peer
        ("pelaksana", 404),  # below, not above
        ("outsider", 404),  # another Perangkat Daerah
        ("other_tenant", 404),  # another government
    ],
)
def test_who_may_open_an_skp_case(team, client_of, name, status):
    response = client_of(name).get(reverse("web:skp-detail", args=[team["jf"].pk]))

    assert response.status_code == status


def test_skp_saya_lists_my_skps_at_a_constant_query_count(
    world, persona, client_of, django_assert_num_queries
):
    client = client_of("jf_ahli_muda")
    services.skp_create(actor=persona("jf_ahli_muda"), year=YEAR, at=NOW, on=ON)
    client.get(reverse("web:skp-mine"))
    with django_assert_num_queries(QUERIES_MINE) as one:
        client.get(reverse("web:skp-mine"))
    services.skp_create(actor=persona("jf_ahli_muda"), year=YEAR + 1, at=NOW, on=ON)

    with django_assert_num_queries(QUERIES_MINE):
        response = client.get(reverse("web:skp-mine"))

    assert response.content.decode().count('data-testid="skp-row"') == 2
    assert len(one.captured_queries) == QUERIES_MINE


def test_the_appraiser_approves_an_skp_from_the_page(world, persona, client_of):
    _head, head_main = head_skp(persona("kepala_dinas"))
    kabid, _ = cascaded_skp(persona("kabid"), head_main)
    services.skp_submit(actor=persona("kabid"), skp_id=kabid.pk, at=NOW, on=ON)
    client = client_of("kepala_dinas")

    waiting = client.get(reverse("web:skp-approvals")).content.decode()
    page = client.get(reverse("web:skp-detail", args=[kabid.pk])).content.decode()
    response = client.post(reverse("web:skp-decide", args=[kabid.pk]), {"decision": "approve"})

    assert waiting.count('data-testid="approval-row"') == 1
    assert 'data-testid="decision-form"' in page
    assert response.status_code == 302
    assert Skp.objects.get(pk=kabid.pk).status == "APPROVED"


def test_the_employee_sees_no_decision_form_on_their_own_submitted_skp(world, persona, client_of):
    _head, head_main = head_skp(persona("kepala_dinas"))
    kabid, _ = cascaded_skp(persona("kabid"), head_main)
    services.skp_submit(actor=persona("kabid"), skp_id=kabid.pk, at=NOW, on=ON)

    page = client_of("kabid").get(reverse("web:skp-detail", args=[kabid.pk])).content.decode()
    refused = client_of("kabid").post(
        reverse("web:skp-decide", args=[kabid.pk]), {"decision": "approve"}
    )

    assert 'data-testid="decision-form"' not in page
    assert refused.status_code == 403
    assert Skp.objects.get(pk=kabid.pk).status == "SUBMITTED"


def test_the_rating_form_shows_the_curve_warning_and_the_cited_refusal(team, persona, client_of):
    set_level(persona, "BAIK")
    draft(persona("kabid"), team["sub"])
    client = client_of("kabid")
    url = reverse("web:rating-form", args=[team["jf"].pk])

    drafted = client.post(
        url,
        {
            "period_kind": "QUARTERLY",
            "period_index": 4,
            "result_rating": "DI_ATAS_EKSPEKTASI",
            "behaviour_rating": "DI_ATAS_EKSPEKTASI",
            "action": "draft",
        },
    )
    page = client.get(drafted["Location"]).content.decode()
    rating = Rating.objects.get(skp=team["jf"])
    refused = client.post(
        reverse("web:rating-sign", args=[team["jf"].pk, rating.pk]),
        {"period_kind": "QUARTERLY", "period_index": 4},
    )

    assert drafted.status_code == 302
    assert 'data-testid="curve-warning"' in page
    assert "Baik harus menjadi kelompok terbesar (sekarang 0 dari 2)" in page
    assert refused.status_code == 400
    assert (
        "SE MenPANRB 3/2023 kurva distribusi predikat kinerja pegawai" in refused.content.decode()
    )
    assert Rating.objects.get(pk=rating.pk).status == "DRAFT"


def test_the_rating_form_signs_a_rating_that_keeps_the_curve(team, persona, client_of):
    set_level(persona, "BAIK")
    draft(persona("kabid"), team["sub"], "DI_BAWAH_EKSPEKTASI", MEETS)
    rating = draft(persona("kabid"), team["jf"], MEETS, MEETS).rating

    response = client_of("kabid").post(
        reverse("web:rating-sign", args=[team["jf"].pk, rating.pk]),
        {"period_kind": "QUARTERLY", "period_index": 4},
    )

    assert response.status_code == 302
    assert Rating.objects.get(pk=rating.pk).status == "SIGNED"


def test_someone_else_sees_who_rates_instead_of_the_form(team, client_of):
    page = client_of("kepala_dinas").get(reverse("web:rating-form", args=[team["jf"].pk]))

    html = page.content.decode()
    assert 'data-testid="rating-form"' not in html
    assert 'data-testid="rater-note"' in html
    assert "Lampiran III.f (Tabel 7.5)" in html


def test_the_skps_to_approve_list_at_a_constant_query_count(
    world, persona, client_of, django_assert_num_queries
):
    _head, head_main = head_skp(persona("kepala_dinas"))
    _kabid, kabid_main = cascaded_skp(persona("kabid"), head_main)
    client = client_of("kabid")
    for name in ("jf_ahli_muda", "subkoordinator"):
        skp, _ = cascaded_skp(persona(name), kabid_main)
        services.skp_submit(actor=skp.employee, skp_id=skp.pk, at=NOW, on=ON)
        client.get(reverse("web:skp-approvals"))
        with django_assert_num_queries(QUERIES_APPROVALS):
            response = client.get(reverse("web:skp-approvals"))

    assert response.content.decode().count('data-testid="approval-row"') == 2


def test_the_employee_draws_up_and_submits_the_skp_in_the_browser(world, persona, client_of):
    _head, head_main = head_skp(persona("kepala_dinas"))
    skp = services.skp_create(actor=persona("kabid"), year=YEAR, at=NOW, on=ON)
    client = client_of("kabid")
    url = reverse("web:skp-detail", args=[skp.pk])

    page = client.get(url).content.decode()
    refused = client.post(
        reverse("web:skp-rhk-add", args=[skp.pk]),
        {
            "kind": "UTAMA",
            "text": "Tanpa sumber",
            "indicator": "I",
            "approach": "KUALITATIF",
            "target": "T",
        },
    )
    added = client.post(
        reverse("web:skp-rhk-add", args=[skp.pk]),
        {
            "kind": "UTAMA",
            "text": "Pembinaan SD",
            "source": f"rhk:{head_main.pk}",
            "cascade": "INTERVENTION",
            "indicator": "Sekolah terbina",
            "approach": "KUANTITATIF",
            "target": "90 %",
        },
    )
    expected = client.post(
        reverse("web:skp-expectation", args=[skp.pk]),
        {"core_value": "KOLABORATIF", "text": "Terbuka bekerja sama"},
    )
    submitted = client.post(reverse("web:skp-submit", args=[skp.pk]))

    assert f'value="rhk:{head_main.pk}"' in page
    assert refused.status_code == 400
    assert "PermenPANRB 6/2022 penjenjangan kinerja" in refused.content.decode()
    assert (added.status_code, expected.status_code, submitted.status_code) == (302, 302, 302)
    rhk = skp.rhks.get()
    assert (rhk.parent_id, rhk.cascade) == (head_main.pk, "INTERVENTION")
    assert Skp.objects.get(pk=skp.pk).status == "SUBMITTED"


def test_no_one_else_edits_an_skp_in_the_browser(world, persona, client_of):
    skp = services.skp_create(actor=persona("kabid"), year=YEAR, at=NOW, on=ON)

    page = client_of("kepala_dinas").get(reverse("web:skp-detail", args=[skp.pk]))
    response = client_of("kepala_dinas").post(reverse("web:skp-submit", args=[skp.pk]))

    assert 'data-testid="skp-edit"' not in page.content.decode()
    assert response.status_code == 404
    assert Skp.objects.get(pk=skp.pk).status == "DRAFT"


def test_the_submitted_skp_waits_on_the_appraisers_home_page(world, persona, client_of):
    _head, head_main = head_skp(persona("kepala_dinas"))
    kabid, _ = cascaded_skp(persona("kabid"), head_main)
    services.skp_submit(actor=persona("kabid"), skp_id=kabid.pk, at=NOW, on=ON)

    inbox = client_of("kepala_dinas").get(reverse("web:home")).content.decode()

    assert reverse("web:skp-detail", args=[kabid.pk]) in inbox
    assert f"SKP {persona('kabid').name} 2026" in inbox


def test_the_leader_one_level_up_sets_the_units_level_on_the_rating_form(team, persona, client_of):
    form_url = reverse("web:rating-form", args=[team["jf"].pk])
    head = client_of("kepala_dinas")
    body = {
        "period_kind": "QUARTERLY",
        "period_index": 4,
        "skp_id": team["jf"].pk,
        "level": "KURANG",
    }

    page = head.get(f"{form_url}?period_kind=QUARTERLY&period_index=4").content.decode()
    kabid_page = client_of("kabid").get(form_url).content.decode()
    saved = head.post(reverse("web:unit-level-set", args=[team["jf"].unit_id]), body)
    refused = client_of("kabid").post(
        reverse("web:unit-level-set", args=[team["jf"].unit_id]), body
    )

    assert 'data-testid="level-form"' in page
    assert 'data-testid="level-form"' not in kabid_page
    assert saved.status_code == 302
    assert refused.status_code == 403
    assert UnitLevel.objects.get().set_by_id == persona("kepala_dinas").pk
