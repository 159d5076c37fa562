"""A unit's ratings board and the curve simulator (SPEC §10.3; issue item 6): the unit head sees
the curve against its allowed bands, moves drafted predikat around and sees at once whether the
curve holds (nothing saved); applying redrafts the moved ratings as their appraiser, all or
nothing."""

from __future__ import annotations

import pytest
from django.urls import reverse

from sikerja.audit.models import AuditEvent
from sikerja.performance.models import Rating
from tests.performance.test_ratings import ABOVE, BELOW, MEETS, draft, set_level
from tests.performance.world import unit_of

PERIOD = {"year": "2026", "period_kind": "QUARTERLY", "period_index": "4"}
QUERIES_BOARD = 12


def _board(persona):
    return reverse("web:unit-board", args=[unit_of(persona("kabid"))])


def _simulate(persona):
    return reverse("web:unit-board-simulate", args=[unit_of(persona("kabid"))])


@pytest.fixture
def drafted(team, persona):
    """The Bidang rated BAIK for the fourth quarter; the JF drafted Sangat Baik, the
    Subkoordinator Baik: no Butuh Perbaikan or Kurang, so the BAIK curve is broken."""
    set_level(persona, "BAIK")
    kabid = persona("kabid")
    return {
        "jf": draft(kabid, team["jf"], ABOVE, ABOVE).rating,
        "sub": draft(kabid, team["sub"], MEETS, MEETS).rating,
    }


def test_the_board_shows_the_curve_against_its_bands_and_what_breaks_it(
    drafted, client_of, persona
):
    response = client_of("kabid").get(_board(persona), PERIOD)

    html = response.content.decode()
    assert response.status_code == 200
    assert 'data-testid="curve-svg"' in html
    assert '<rect x="0" y="13" width="150.0"' in html  # Baik 50 %, unlocalised for SVG
    assert html.count('data-testid="band-row"') == 2  # BAIK: two clauses
    assert html.count('data-testid="board-row"') == 2
    assert "Kurva belum terpenuhi." in html
    assert "Butuh Perbaikan / Kurang/Misconduct sedikitnya 1 pegawai (sekarang 0)" in html


def test_moving_the_jf_to_butuh_perbaikan_shows_the_curve_holds_and_saves_nothing(
    drafted, client_of, persona
):
    events = AuditEvent.objects.count()

    response = client_of("kabid").post(
        _simulate(persona),
        {**PERIOD, "action": "simulate", f"r-{drafted['jf'].pk}": "BUTUH_PERBAIKAN"},
        headers={"HX-Request": "true"},
    )

    html = response.content.decode()
    assert response.status_code == 200
    assert html.startswith('<section id="curve-panel"')  # the panel alone, for htmx
    assert "Kurva terpenuhi." in html
    assert "Simulasi: 1 pegawai dipindahkan" in html
    assert Rating.objects.get(pk=drafted["jf"].pk).predikat == "SANGAT_BAIK"
    assert AuditEvent.objects.count() == events


def test_the_simulator_without_htmx_answers_the_whole_page(drafted, client_of, persona):
    response = client_of("kabid").post(
        _simulate(persona),
        {**PERIOD, "action": "simulate", f"r-{drafted['sub'].pk}": "SANGAT_KURANG"},
    )

    html = response.content.decode()
    assert 'data-testid="simulator"' in html
    assert 'data-testid="moved">Sangat Kurang<' in html
    assert "Kurva belum terpenuhi." in html


def test_applying_redrafts_the_moved_ratings_as_their_appraiser(drafted, client_of, persona):
    response = client_of("kabid").post(
        _simulate(persona),
        {
            **PERIOD,
            "action": "apply",
            f"r-{drafted['jf'].pk}": "BUTUH_PERBAIKAN",
            f"r-{drafted['sub'].pk}": "BAIK",
        },
    )

    assert response.status_code == 302
    jf = Rating.objects.get(pk=drafted["jf"].pk)
    assert (jf.predikat, jf.result_rating, jf.behaviour_rating, jf.status, jf.version) == (
        "BUTUH_PERBAIKAN",
        BELOW,  # the nearest cell of the matrix: the behaviour rating kept
        ABOVE,
        "DRAFT",
        1,
    )
    assert Rating.objects.get(pk=drafted["sub"].pk).version == 0  # not moved, not redrafted
    event = AuditEvent.objects.filter(action="performance.rating_drafted").latest("pk")
    assert (event.object_id, event.rule) == (str(jf.pk), "P-PREDIKAT")


def test_applying_is_refused_whole_for_one_who_is_not_the_appraiser(drafted, client_of, persona):
    events = AuditEvent.objects.count()

    response = client_of("kepala_dinas").post(
        _simulate(persona),
        {**PERIOD, "action": "apply", f"r-{drafted['jf'].pk}": f"{BELOW}|{MEETS}"},
    )

    assert response.status_code == 403
    assert 'data-testid="refusal-citation"' in response.content.decode()
    assert Rating.objects.get(pk=drafted["jf"].pk).version == 0
    assert AuditEvent.objects.count() == events


def test_applying_nothing_moved_is_refused(drafted, client_of, persona):
    response = client_of("kabid").post(
        _simulate(persona),
        {**PERIOD, "action": "apply", f"r-{drafted['jf'].pk}": "SANGAT_BAIK"},
    )

    assert response.status_code == 400
    assert "Tidak ada penilaian yang dipindahkan" in response.content.decode()


def test_a_rating_outside_the_board_is_not_found(drafted, client_of, persona):
    response = client_of("kabid").post(
        _simulate(persona), {**PERIOD, "action": "apply", "r-987654321": f"{BELOW}|{MEETS}"}
    )

    assert response.status_code == 404


@pytest.mark.parametrize(
    ("name", "status"),
    [
        ("kabid", 200),  # heads the Bidang
        ("kepala_dinas", 200),  # heads the Dinas
        ("sekda", 200),
        ("bkpsdm", 200),
        ("jf_ahli_muda", 404),
        ("subkoordinator", 404),  # heads a unit below, not this one
        ("outsider", 404),
        ("other_tenant", 404),
    ],
)
def test_who_may_open_the_board_case(drafted, client_of, persona, name, status):
    assert client_of(name).get(_board(persona), PERIOD).status_code == status


def test_the_board_takes_constant_queries(team, persona, client_of, django_assert_num_queries):
    set_level(persona, "BAIK")
    client = client_of("kabid")
    draft(persona("kabid"), team["jf"])
    client.get(_board(persona), PERIOD)  # warm the viewer's cached permissions
    with django_assert_num_queries(QUERIES_BOARD):
        client.get(_board(persona), PERIOD)
    draft(persona("kabid"), team["sub"])

    with django_assert_num_queries(QUERIES_BOARD):
        response = client.get(_board(persona), PERIOD)

    assert response.content.decode().count('data-testid="board-row"') == 2


@pytest.mark.parametrize(
    ("name", "status"),
    [("kepala_dinas", 200), ("sekda", 200), ("jf_ahli_muda", 404), ("outsider", 404)],
)
def test_who_may_simulate_case(drafted, client_of, persona, name, status):
    response = client_of(name).post(
        _simulate(persona),
        {**PERIOD, "action": "simulate", f"r-{drafted['jf'].pk}": "BAIK"},
        headers={"HX-Request": "true"},
    )

    assert response.status_code == status
