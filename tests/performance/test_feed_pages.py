"""The feed on the pages and API v1: the SKP page shows the RHK proposed by assignments and teams
with the home appraiser's decision form, "SKP saya" lists what fed it, the rating form shows the
fed RHK beside the rating, and the API answers the same; angka kredit on the SKP page and API."""

from __future__ import annotations

import datetime as dt
from decimal import Decimal

import pytest
from django.db import connection
from django.test.utils import CaptureQueriesContext
from django.urls import reverse

from sikerja.organization.models import Employee
from sikerja.performance import services
from sikerja.performance.models import ActivityItemTarget, Consideration, Rhk, RhkProposal
from sikerja.performance.services import feed
from sikerja.performance.services.dialogues import DialogueInput
from sikerja.performance.services.ratings import rating_sign
from tests.clients import ApiClient
from tests.performance.test_ratings import MEETS, draft, set_level
from tests.performance.world import NOW, ON

pytestmark = pytest.mark.django_db


def proposed(
    employee: Employee, title: str = "Kajian kebutuhan guru", source_id: int = 9000
) -> RhkProposal:
    """An accepted penugasan's proposal for the employee (the feed itself: test_feed.py)."""
    work = feed.Feed(
        "ASSIGNMENT",
        source_id + employee.pk,
        employee.pk,
        "",
        title,
        "Kajian disahkan",
        dt.date(2026, 12, 1),
        dt.date(2026, 12, 31),
    )
    made = feed.propose(work, NOW, ON)
    assert made is not None
    return made


def test_the_appraiser_sees_the_proposal_and_accepts_it_from_the_skp_page(team, persona, client_of):
    proposal = proposed(persona("jf_ahli_muda"))
    skp = team["jf"]
    kabid = client_of("kabid")

    page = kabid.get(reverse("web:skp-detail", args=[skp.pk])).content.decode()
    own = client_of("jf_ahli_muda").get(reverse("web:skp-detail", args=[skp.pk])).content.decode()
    response = kabid.post(
        reverse("web:rhk-proposal-decide", args=[skp.pk, proposal.pk]), {"decision": "accept"}
    )

    assert page.count('data-testid="proposal-row"') == 1
    assert 'data-testid="proposal-form"' in page
    assert 'data-testid="proposal-row"' in own
    assert 'data-testid="proposal-form"' not in own
    assert response.status_code == 302
    proposal.refresh_from_db()
    assert (proposal.status, proposal.skp_id) == ("ACCEPTED", skp.pk)
    assert Rhk.objects.get(pk=proposal.rhk_id).kind == "TAMBAHAN"


def test_a_decline_without_reason_is_refused_and_nothing_changes(team, persona, client_of):
    proposal = proposed(persona("jf_ahli_muda"))

    response = client_of("kabid").post(
        reverse("web:rhk-proposal-decide", args=[team["jf"].pk, proposal.pk]),
        {"decision": "decline", "reason": " "},
        follow=True,
    )

    assert "Sebutkan alasan penolakan RHK usulan." in response.content.decode()
    proposal.refresh_from_db()
    assert proposal.status == "PROPOSED"


@pytest.mark.parametrize(
    ("name", "status"),
    [("jf_ahli_muda", 302), ("kepala_dinas", 302), ("outsider", 404), ("other_tenant", 404)],
)
def test_only_the_home_appraiser_decides_a_proposal_case(team, persona, client_of, name, status):
    proposal = proposed(persona("jf_ahli_muda"))

    response = client_of(name).post(
        reverse("web:rhk-proposal-decide", args=[team["jf"].pk, proposal.pk]),
        {"decision": "accept"},
    )

    assert response.status_code == status
    proposal.refresh_from_db()
    assert proposal.status == "PROPOSED"


def test_skp_saya_shows_the_assignments_and_teams_that_fed_it(team, persona, client_of):
    proposed(persona("jf_ahli_muda"), "Kajian kebutuhan guru")
    proposed(persona("kabid"), "Bukan milik saya")

    page = client_of("jf_ahli_muda").get(reverse("web:skp-mine")).content.decode()

    assert page.count('data-testid="fed-row"') == 1
    assert "Kajian kebutuhan guru" in page


def test_the_rating_form_shows_the_fed_rhk_beside_the_rating(team, persona, client_of):
    proposal = proposed(persona("jf_ahli_muda"))
    feed.rhk_proposal_accept(actor=persona("kabid"), proposal_id=proposal.pk, at=NOW, on=ON)

    page = client_of("kabid").get(
        reverse("web:rating-form", args=[team["jf"].pk]),
        {"period_kind": "QUARTERLY", "period_index": 4},
    )

    assert page.content.decode().count('data-testid="fed-rhk"') == 1


def test_the_leader_setting_the_unit_level_sees_the_units_declared_results(
    team, persona, client_of
):
    page = (
        client_of("kepala_dinas")
        .get(
            reverse("web:rating-form", args=[team["jf"].pk]),
            {"period_kind": "QUARTERLY", "period_index": 4},
        )
        .content.decode()
    )
    appraiser_page = (
        client_of("kabid")
        .get(
            reverse("web:rating-form", args=[team["jf"].pk]),
            {"period_kind": "QUARTERLY", "period_index": 4},
        )
        .content.decode()
    )

    assert 'data-testid="unit-results"' in page
    assert 'data-testid="unit-results"' not in appraiser_page


def test_the_skp_page_and_api_show_the_angka_kredit_of_a_signed_rating(team, persona, client_of):
    set_level(persona, "ISTIMEWA")
    rating = draft(persona("kabid"), team["jf"]).rating
    draft(persona("kabid"), team["sub"], MEETS, MEETS)
    rating_sign(actor=persona("kabid"), rating_id=rating.pk, justification="", at=NOW, on=ON)
    client = client_of("jf_ahli_muda")

    page = client.get(reverse("web:skp-detail", args=[team["jf"].pk])).content.decode()
    answer = ApiClient(client).get(f"/performance/skps/{team['jf'].pk}/angka-kredit").json()

    # Ahli Muda (25 a year), Sangat Baik (150 %), a quarter: 1.5 × 25 × 3/12.
    assert page.count('data-testid="credit-row"') == 1
    assert answer["grade"] == "AHLI_MUDA"
    assert Decimal(answer["coefficient"]) == Decimal(25)
    assert [(r["predikat"], r["months"], Decimal(r["credit"])) for r in answer["rows"]] == [
        ("SANGAT_BAIK", 3, Decimal("9.375"))
    ]
    assert answer["yearly"] is None
    assert "Peraturan BKN 3/2023" in answer["citation"]


def test_the_api_lists_and_decides_proposals(team, persona, client_of):
    proposal = proposed(persona("jf_ahli_muda"))
    kabid = ApiClient(client_of("kabid"))
    skp_id = team["jf"].pk

    listed = kabid.get(f"/performance/skps/{skp_id}/proposals")
    hidden = ApiClient(client_of("outsider")).get(f"/performance/skps/{skp_id}/proposals")
    refused = kabid.post(
        f"/performance/proposals/{proposal.pk}/decide",
        {"decision": "decline", "reason": ""},
        **{"Idempotency-Key": "decline-1"},
    )
    declined = kabid.post(
        f"/performance/proposals/{proposal.pk}/decide",
        {"decision": "decline", "reason": "Sudah tercakup RHK utama"},
        **{"Idempotency-Key": "decline-2"},
    )
    mine = ApiClient(client_of("jf_ahli_muda")).get("/performance/my-feed")

    assert [row["id"] for row in listed.json()] == [proposal.pk]
    assert hidden.status_code == 404
    assert (refused.status_code, refused.json()["code"]) == (
        400,
        "rhk_proposal_decline_reason_required",
    )
    assert (declined.status_code, declined.json()["status"]) == (200, "DECLINED")
    assert [(row["id"], row["decline_reason"]) for row in mine.json()] == [
        (proposal.pk, "Sudah tercakup RHK utama")
    ]


def test_the_skp_page_and_skp_saya_keep_their_queries_whatever_the_proposals(
    team, persona, client_of, django_assert_num_queries
):
    jf = persona("jf_ahli_muda")
    proposed(jf, "Kajian pertama")
    kabid, own = client_of("kabid"), client_of("jf_ahli_muda")
    detail, mine = reverse("web:skp-detail", args=[team["jf"].pk]), reverse("web:skp-mine")
    kabid.get(detail)
    with CaptureQueriesContext(connection) as one_detail:
        kabid.get(detail)
    with CaptureQueriesContext(connection) as one_mine:
        own.get(mine)
    proposed(jf, "Kajian kedua", source_id=9100)
    proposed(jf, "Kajian ketiga", source_id=9200)

    with django_assert_num_queries(len(one_detail.captured_queries)):
        page = kabid.get(detail).content.decode()
    with django_assert_num_queries(len(one_mine.captured_queries)):
        listed = own.get(mine).content.decode()

    assert page.count('data-testid="proposal-row"') == 3
    assert listed.count('data-testid="fed-row"') == 3


def test_v60_the_skp_page_refuses_an_activity_item_target_before_a_dialogue(
    team, persona, client_of
):
    skp = team["jf"]
    rhk_id = skp.rhks.get().pk
    own = client_of("jf_ahli_muda")
    url = reverse("web:skp-activity-item", args=[skp.pk])
    body = {"rhk_id": rhk_id, "item": "Menyusun kajian", "target": "2 dokumen"}

    refused = own.post(url, body, follow=True).content.decode()
    services.skp_dialogue_record(
        actor=persona("jf_ahli_muda"),
        skp_id=skp.pk,
        data=DialogueInput(dt.date(2026, 11, 20), "Butir kegiatan", "Disepakati"),
        at=NOW,
        on=ON,
    )
    own.post(url, body)
    page = own.get(reverse("web:skp-detail", args=[skp.pk])).content.decode()

    assert "Perwali Surakarta 32/2023 Lampiran IV 3.1.1 angka 1 huruf i" in refused
    assert page.count('data-testid="activity-item"') == 1
    assert ActivityItemTarget.objects.get().rhk_id == rhk_id


def test_v60_the_api_answers_the_refusal_with_its_rule_and_then_sets_the_target(
    team, persona, client_of
):
    skp = team["jf"]
    api = ApiClient(client_of("kabid"))
    body = {"rhk_id": skp.rhks.get().pk, "item": "Menyusun kajian", "target": "2 dokumen"}

    refused = api.post(f"/performance/skps/{skp.pk}/activity-items", body)
    services.skp_dialogue_record(
        actor=persona("kabid"),
        skp_id=skp.pk,
        data=DialogueInput(dt.date(2026, 11, 20), "Butir kegiatan", "Disepakati"),
        at=NOW,
        on=ON,
    )
    created = api.post(f"/performance/skps/{skp.pk}/activity-items", body)
    hidden = ApiClient(client_of("outsider")).post(
        f"/performance/skps/{skp.pk}/activity-items", body
    )

    assert (refused.status_code, refused.json()["rule"]) == (400, "V-60")
    assert (created.status_code, created.json()["set_by_id"]) == (201, persona("kabid").pk)
    assert hidden.status_code == 404


def test_the_appraiser_records_a_consideration_on_the_drafted_rating_page(team, persona, client_of):
    rating = draft(persona("kabid"), team["jf"]).rating
    kabid = client_of("kabid")
    url = reverse("web:rating-consideration", args=[team["jf"].pk, rating.pk])

    wrong = kabid.post(
        url,
        {
            "kind": "LEAD",
            "given_by_nip": persona("subkoordinator").nip,
            "text": "Baik",
            "period_kind": "QUARTERLY",
            "period_index": 4,
        },
        follow=True,
    )
    page = kabid.get(
        reverse("web:rating-form", args=[team["jf"].pk]),
        {"period_kind": "QUARTERLY", "period_index": 4},
    ).content.decode()

    assert "Pertimbangan diberikan oleh ketua tim tempat pegawai bekerja." in (
        wrong.content.decode()
    )
    assert 'data-testid="consideration-form"' in page
    assert not Consideration.objects.exists()
