"""The objection pages: the employee's "Ajukan keberatan" on their signed rating, the
objection's page with the deciding official's form (every persona's answer to the decision),
and the objection in the decider's inbox (the home page) with its due date.

The pages' day is the tests' fixed TODAY (tests/conftest.py): the ratings are signed at NOW,
that day, so the objection window is open."""

from __future__ import annotations

import pytest
from django.urls import reverse

from sikerja.audit.models import AuditEvent
from sikerja.performance.models import Objection, Rating
from tests.performance.objection_world import filed, jf_signed_rating, signed_rating
from tests.performance.world import NOW


@pytest.fixture
def rating(team, persona):
    return signed_rating(persona("kabid"), team["jf"], at=NOW)


def test_the_rating_page_offers_the_employee_the_objection_and_the_pdfs(rating, client_of):
    url = reverse("web:rating-form", args=[rating.skp_id]) + "?period_kind=QUARTERLY&period_index=4"

    mine = client_of("jf_ahli_muda").get(url).content.decode()
    appraisers = client_of("kabid").get(url).content.decode()

    assert reverse("web:objection-file", args=[rating.pk]) in mine
    assert reverse("web:evaluation-pdf", args=[rating.pk]) in mine
    assert reverse("web:objection-file", args=[rating.pk]) not in appraisers
    assert reverse("web:evaluation-pdf", args=[rating.pk]) in appraisers


def test_the_employee_files_an_objection_on_the_page(rating, client_of, persona):
    client = client_of("jf_ahli_muda")
    url = reverse("web:objection-file", args=[rating.pk])
    assert 'data-testid="objection-form"' in client.get(url).content.decode()

    response = client.post(url, {"reason": "Target triwulan tercapai."})

    objection = Objection.objects.get(rating=rating)
    assert (response.status_code, response["Location"]) == (
        302,
        reverse("web:objection-detail", args=[objection.pk]),
    )
    assert (objection.employee_id, objection.reason) == (
        persona("jf_ahli_muda").pk,
        "Target triwulan tercapai.",
    )


def test_an_objection_without_reasons_is_refused_on_the_page(rating, client_of):
    response = client_of("jf_ahli_muda").post(
        reverse("web:objection-file", args=[rating.pk]), {"reason": ""}
    )

    assert response.status_code == 400
    assert 'data-testid="field-error-reason"' in response.content.decode()
    assert not Objection.objects.exists()
    assert not AuditEvent.objects.filter(action="performance.objection_filed").exists()


@pytest.mark.parametrize(
    ("name", "status"),
    [
        ("kepala_dinas", 302),  # the atasan of the JF's appraiser: decides
        ("kabid", 403),  # the appraiser who signed: sees it, does not decide
        ("jf_ahli_muda", 403),  # the objecting employee
        ("sekda", 403),  # sees the whole government
        ("subkoordinator", 404),  # a peer
        ("pelaksana", 404),
        ("outsider", 404),
        ("other_tenant", 404),
    ],
)
def test_who_decides_the_objection_on_its_page_case(rating, persona, client_of, name, status):
    objection = filed(persona("jf_ahli_muda"), rating, days_later=0)
    url = reverse("web:objection-decide", args=[objection.pk])

    response = client_of(name).post(
        url, {"decision": "change", "predikat": "BAIK", "reason": "Bukti dukung lengkap."}
    )

    assert response.status_code == status
    expected = ("CHANGED", "BAIK") if status == 302 else ("OPEN", "BUTUH_PERBAIKAN")
    assert (
        Objection.objects.get(pk=objection.pk).status,
        Rating.objects.get(pk=rating.pk).predikat,
    ) == expected


def test_the_decider_sees_the_form_and_the_objection_in_the_inbox_with_its_due_date(
    rating, persona, client_of
):
    objection = filed(persona("jf_ahli_muda"), rating, days_later=0)
    client = client_of("kepala_dinas")

    page = client.get(reverse("web:objection-detail", args=[objection.pk])).content.decode()
    home = client.get(reverse("web:home")).content.decode()

    assert 'data-testid="objection-decision-form"' in page
    assert 'data-testid="objection-due"' in page
    assert reverse("web:objection-detail", args=[objection.pk]) in home
    assert "Keberatan" in home


def test_the_objection_page_of_a_matrix_persona(world, persona, client_of):
    objection_rating = jf_signed_rating(persona, at=NOW)
    objection = filed(persona("jf_ahli_muda"), objection_rating, days_later=0)

    page = client_of("jf_ahli_muda").get(reverse("web:objection-detail", args=[objection.pk]))

    assert page.status_code == 200
    assert 'data-testid="objection-decision-form"' not in page.content.decode()
