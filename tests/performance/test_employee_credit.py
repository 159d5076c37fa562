"""The angka kredit on a JF's employee page (SPEC §10.4, P-ANGKA-KREDIT; issue item 7): a
panel the performance app adds to the organisation's page through `organization.panels`, shown
only to those who may open the employee's SKP, with its citation, at a constant query count."""

from __future__ import annotations

import pytest
from django.conf import settings
from django.urls import reverse

from sikerja.organization.selectors import viewer_for
from sikerja.performance import services
from sikerja.performance.credit_panel import credit_panel
from sikerja.performance.services.ratings import rating_sign
from tests.performance.test_ratings import MEETS, draft, set_level
from tests.performance.world import NOW, ON, unit_of

QUERIES = 13  # the organisation's page 11, the panel 2 (the SKPs of the year, their ratings)


def _page(client_of, name, employee):
    return client_of(name).get(reverse("web:employee_detail", args=[employee.pk]))


def _sign(persona, rating):
    rating_sign(actor=persona("kabid"), rating_id=rating.pk, justification="", at=NOW, on=ON)


@pytest.fixture
def signed(team, persona):
    """The JF's fourth quarter signed Sangat Baik (the Bidang at Istimewa keeps its curve)."""
    set_level(persona, "ISTIMEWA")
    rating = draft(persona("kabid"), team["jf"]).rating
    draft(persona("kabid"), team["sub"], MEETS, MEETS)
    _sign(persona, rating)
    return team


def test_p_angka_kredit_the_jf_sees_the_credit_of_the_year_with_its_citation(
    signed, persona, client_of
):
    response = _page(client_of, "jf_ahli_muda", persona("jf_ahli_muda"))

    html = response.content.decode()
    assert response.status_code == 200
    assert html.count('data-testid="employee-credit"') == 1
    # Ahli Muda (25 a year), Sangat Baik (150 %), a quarter: 1.5 × 25 × 3/12.
    assert html.count('data-testid="employee-credit-row"') == 1
    assert "<td>Triwulan 4</td><td>Sangat Baik</td><td>3</td><td>9,375</td>" in html
    assert "Jenjang Ahli Muda: koefisien tahunan 25" in html
    assert "Penilaian tahunan belum ditetapkan." in html
    assert "P-ANGKA-KREDIT" in html
    assert "Peraturan BKN 3/2023" in html
    assert "PermenPANRB 1/2023" in html
    assert reverse("web:skp-detail", args=[signed["jf"].pk]) in html


def test_the_yearly_credit_is_the_signed_annual_ratings(signed, persona, client_of):
    annual = draft(persona("kabid"), signed["jf"], kind="ANNUAL", index=1).rating
    draft(persona("kabid"), signed["sub"], MEETS, MEETS, kind="ANNUAL", index=1)
    set_level_annual(persona)
    _sign(persona, annual)

    html = _page(client_of, "kabid", persona("jf_ahli_muda")).content.decode()

    # Sangat Baik (150 %) for the whole year of an Ahli Muda: 1.5 × 25.
    assert html.count('data-testid="employee-credit-row"') == 2
    assert "<td>Tahunan</td><td>Sangat Baik</td><td>12</td><td>37,5" in html
    assert 'data-testid="credit-yearly">Angka kredit tahunan: 37,5' in html


def set_level_annual(persona):
    services.unit_level_set(
        actor=persona("kepala_dinas"),
        unit_id=unit_of(persona("kabid")),
        year=2026,
        period_kind="ANNUAL",
        period_index=1,
        level="ISTIMEWA",
        at=NOW,
        on=ON,
    )


@pytest.mark.parametrize(
    ("name", "status", "shown"),
    [
        ("jf_ahli_muda", 200, True),  # their own
        ("kabid", 200, True),  # their appraiser
        ("kepala_dinas", 200, True),  # heads a unit above theirs
        ("bkpsdm", 200, True),
        ("subkoordinator", 404, False),  # a colleague
        ("pelaksana", 404, False),
        ("outsider", 404, False),
    ],
)
def test_only_who_may_open_the_skp_sees_the_credit_case(
    signed, persona, client_of, name, status, shown
):
    response = _page(client_of, name, persona("jf_ahli_muda"))

    assert response.status_code == status
    assert ('data-testid="employee-credit"' in response.content.decode()) is shown


def test_a_position_without_a_jf_grade_has_no_credit_panel(signed, persona, client_of):
    html = _page(client_of, "kabid", persona("kabid")).content.decode()

    assert 'data-testid="employee-credit"' not in html


def test_the_english_page_names_the_credit_in_english(signed, persona, client_of):
    client = client_of("jf_ahli_muda")
    client.cookies[settings.LANGUAGE_COOKIE_NAME] = "en"

    html = client.get(
        reverse("web:employee_detail", args=[persona("jf_ahli_muda").pk])
    ).content.decode()

    assert "Credit points for 2026" in html


def test_the_employee_page_takes_constant_queries(
    signed, persona, client_of, django_assert_num_queries
):
    client = client_of("kabid")
    url = reverse("web:employee_detail", args=[persona("jf_ahli_muda").pk])
    client.get(url)
    with django_assert_num_queries(QUERIES):
        small = client.get(url).content.decode()
    annual = draft(persona("kabid"), signed["jf"], kind="ANNUAL", index=1).rating
    draft(persona("kabid"), signed["sub"], MEETS, MEETS, kind="ANNUAL", index=1)
    set_level_annual(persona)
    _sign(persona, annual)
    client.get(url)

    with django_assert_num_queries(QUERIES):
        grown = client.get(url).content.decode()

    assert small.count('data-testid="employee-credit-row"') == 1
    assert grown.count('data-testid="employee-credit-row"') == 2


@pytest.mark.parametrize(
    ("name", "shown"),
    [
        ("jf_ahli_muda", True),
        ("kabid", True),
        ("sekda", True),
        ("subkoordinator", False),
        ("pelaksana", False),
        ("outsider", False),
    ],
)
def test_the_panel_scopes_itself_by_who_may_open_the_skp_case(signed, persona, name, shown):
    viewer = viewer_for(persona(name).user, ON)

    panel = credit_panel(viewer=viewer, employee_id=persona("jf_ahli_muda").pk, on=ON)

    assert (panel is not None) is shown
