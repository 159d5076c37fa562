"""Single placement edits on the employee page, for the BKPSDM operator: move, start, Plt/Plh,
end; each audited, each refusal shown with its reason (and the rule's citation), nothing written
on a refusal; the forms do not exist for anyone else."""

from __future__ import annotations

import datetime as dt

import pytest
from django.test import Client
from django.urls import reverse
from django.utils import translation

from sikerja.audit.models import AuditEvent
from sikerja.organization.models import Employee, Placement, Position
from sikerja.organization.services_people import employee_create

TODAY = dt.date(2026, 11, 23)
V38 = "Perwali Surakarta 32/2023 Pasal 12 ayat (2)"


def _client(user) -> Client:
    client = Client()
    client.force_login(user)
    return client


def _post(client: Client, employee: Employee, action: str, **fields: object):
    url = reverse("web:employee-placement-action", args=[employee.pk, action])
    return client.post(url, {f"{action}-{name}": value for name, value in fields.items()})


def _decision(**extra: object) -> dict[str, object]:
    return {
        "decision_number": "821.2/777/BKPSDM/2026",
        "decision_date": "2026-11-20",
        "decided_by": "Wali Kota Surakarta",
        **extra,
    }


def _current(employee: Employee) -> Placement:
    return Placement.objects.effective_on(TODAY).get(employee=employee, kind="DEFINITIVE")


def _state(employee: Employee) -> tuple[list[tuple[int, dt.date | None]], int]:
    rows = Placement.objects.filter(employee=employee).order_by("pk")
    return [(p.position_id, p.valid_to) for p in rows], AuditEvent.objects.count()


def _same_kind_elsewhere(placement: Placement) -> Position:
    return (
        Position.objects.filter(
            government_id=placement.government_id, kind=placement.position.kind, is_head=False
        )
        .exclude(pk=placement.position_id)
        .order_by("pk")
        .first()
    )


@pytest.fixture
def operator_client(world, user_of) -> Client:
    return _client(user_of("bkpsdm"))


@pytest.fixture
def newcomer(world, operator, now) -> Employee:
    from sikerja.organization.models import Government

    return employee_create(
        actor=operator,
        government=Government.objects.get(pk=world.government_id),
        nip="199001152015031001",
        name="Pegawai Pindahan",
        employment_type="PNS",
        at=now,
    )


def test_the_employee_page_loads_the_edit_forms_for_the_operator_only(world, persona, user_of):
    pelaksana = persona("pelaksana")
    url = reverse("web:employee_detail", args=[pelaksana.pk])
    forms_url = reverse("web:employee-placements", args=[pelaksana.pk])

    as_operator = _client(user_of("bkpsdm")).get(url).content.decode()
    as_head = _client(user_of("kepala_dinas")).get(url).content.decode()
    forms_page = _client(user_of("bkpsdm")).get(forms_url)

    assert f'hx-get="{forms_url}" hx-trigger="load"' in as_operator
    assert forms_url not in as_head
    assert list(forms_page.context["forms"]) == ["pindah", "mulai", "plt-plh", "akhiri"]
    assert _client(user_of("kepala_dinas")).get(forms_url).status_code == 404


def test_the_operator_moves_a_person_to_another_position(world, persona, operator_client):
    pelaksana = persona("pelaksana")
    old = _current(pelaksana)
    target = _same_kind_elsewhere(old)

    response = _post(
        operator_client,
        pelaksana,
        "pindah",
        position=target.pk,
        valid_from="2026-12-01",
        **_decision(),
    )

    assert response.status_code == 302
    assert response["Location"] == reverse("web:employee_detail", args=[pelaksana.pk])
    old.refresh_from_db()
    moved = Placement.objects.get(employee=pelaksana, position=target)
    assert (old.valid_to, moved.valid_from, moved.decision_number) == (
        dt.date(2026, 12, 1),
        dt.date(2026, 12, 1),
        "821.2/777/BKPSDM/2026",
    )
    event = AuditEvent.objects.get(action="placement.moved")
    assert (event.actor_label, event.rule, event.citation) == ("bkpsdm", "V-38", V38)
    page = operator_client.get(response["Location"]).content.decode()
    assert f"dipindahkan ke {target.title} mulai 2026-12-01." in page


def test_a_move_of_someone_without_a_placement_is_refused_and_nothing_is_written(
    world, newcomer, persona, operator_client
):
    target = _same_kind_elsewhere(_current(persona("pelaksana")))
    before = _state(newcomer)

    response = _post(
        operator_client,
        newcomer,
        "pindah",
        position=target.pk,
        valid_from="2026-12-01",
        **_decision(),
    )

    assert response.status_code == 400
    assert response.context["refusal"].code == "no_current_placement"
    assert _state(newcomer) == before


def test_the_operator_starts_a_definitive_placement(world, newcomer, persona, operator_client):
    target = _same_kind_elsewhere(_current(persona("pelaksana")))

    response = _post(
        operator_client,
        newcomer,
        "mulai",
        position=target.pk,
        valid_from="2026-12-01",
        **_decision(),
    )

    assert response.status_code == 302
    placement = Placement.objects.get(employee=newcomer)
    assert (placement.position_id, placement.kind, placement.valid_to) == (
        target.pk,
        "DEFINITIVE",
        None,
    )
    assert AuditEvent.objects.get(action="placement.created").object_id == str(placement.pk)


def test_v38_pasal_12_ayat_2_a_second_definitive_placement_is_refused_with_its_citation(
    world, persona, operator_client
):
    pelaksana = persona("pelaksana")
    target = _same_kind_elsewhere(_current(pelaksana))
    before = _state(pelaksana)

    response = _post(
        operator_client,
        pelaksana,
        "mulai",
        position=target.pk,
        valid_from="2026-12-01",
        **_decision(),
    )

    refusal = response.context["refusal"]
    assert (response.status_code, refusal.code, refusal.rule, refusal.citation) == (
        400,
        "placement_overlap",
        "V-38",
        V38,
    )
    assert V38 in response.content.decode()
    assert _state(pelaksana) == before


def test_a_decision_dated_after_today_is_refused_as_on_import(
    world, newcomer, persona, operator_client
):
    target = _same_kind_elsewhere(_current(persona("pelaksana")))
    before = _state(newcomer)

    response = _post(
        operator_client,
        newcomer,
        "mulai",
        position=target.pk,
        valid_from="2026-12-01",
        **_decision(decision_date="2026-11-24"),
    )

    assert response.context["refusal"].code == "date_range"
    assert response.context["forms"]["mulai"].errors["decision_date"] == [
        "Tidak boleh sesudah hari ini."
    ]
    assert _state(newcomer) == before


def test_the_operator_sets_a_plh_for_a_head_position(world, persona, operator_client):
    kabid = persona("kabid")
    head = _current(persona("kepala_dinas")).position

    response = _post(
        operator_client,
        kabid,
        "plt-plh",
        kind="PLH",
        position=head.pk,
        valid_from="2026-11-24",
        valid_to="2026-12-05",
        **_decision(),
    )

    assert response.status_code == 302
    acting = Placement.objects.get(employee=kabid, kind="PLH")
    assert (acting.position_id, acting.valid_from, acting.valid_to) == (
        head.pk,
        dt.date(2026, 11, 24),
        dt.date(2026, 12, 5),
    )
    assert AuditEvent.objects.filter(action="placement.created").count() == 1


def test_a_plt_beside_a_definitive_head_is_refused(world, persona, operator_client):
    kabid = persona("kabid")
    head = _current(persona("kepala_dinas")).position
    before = _state(kabid)

    response = _post(
        operator_client,
        kabid,
        "plt-plh",
        kind="PLT",
        position=head.pk,
        valid_from="2026-11-24",
        **_decision(),
    )

    assert (response.status_code, response.context["refusal"].code) == (400, "position_occupied")
    assert _state(kabid) == before


def test_the_operator_ends_a_placement(world, persona, operator_client):
    pelaksana = persona("pelaksana")
    placement = _current(pelaksana)

    response = _post(
        operator_client, pelaksana, "akhiri", placement=placement.pk, valid_to="2026-12-31"
    )

    assert response.status_code == 302
    placement.refresh_from_db()
    assert placement.valid_to == dt.date(2026, 12, 31)
    event = AuditEvent.objects.get(action="placement.ended")
    assert (event.before, event.after) == ({"valid_to": None}, {"valid_to": "2026-12-31"})


def test_an_end_before_the_start_is_refused(world, persona, operator_client):
    pelaksana = persona("pelaksana")
    placement = _current(pelaksana)
    before = _state(pelaksana)

    response = _post(
        operator_client, pelaksana, "akhiri", placement=placement.pk, valid_to="2000-01-01"
    )

    assert (response.status_code, response.context["refusal"].code) == (400, "date_range")
    assert _state(pelaksana) == before


@pytest.mark.parametrize("persona_name", ["kepala_dinas", "sekda", "pelaksana"])
def test_only_the_operator_may_post_an_edit(world, persona, user_of, persona_name):
    pelaksana = persona("pelaksana")
    placement = _current(pelaksana)
    before = _state(pelaksana)

    response = _post(
        _client(user_of(persona_name)),
        pelaksana,
        "akhiri",
        placement=placement.pk,
        valid_to="2026-12-31",
    )

    assert response.status_code == 404
    assert _state(pelaksana) == before


def test_another_governments_employee_has_no_edit_forms(world, operator_client):
    stranger = (
        Employee.objects.filter(government_id=world.other_government_id).order_by("pk").first()
    )

    response = operator_client.get(reverse("web:employee-placements", args=[stranger.pk]))

    assert response.status_code == 404


def test_the_forms_and_a_refusal_read_in_english(world, persona, operator_client, settings):
    pelaksana = persona("pelaksana")
    placement = _current(pelaksana)
    operator_client.cookies[settings.LANGUAGE_COOKIE_NAME] = "en"

    with translation.override(settings.LANGUAGE_CODE):  # the request's English ends with it
        page = operator_client.get(reverse("web:employee-placements", args=[pelaksana.pk]))
        refused = _post(
            operator_client, pelaksana, "akhiri", placement=placement.pk, valid_to="2000-01-01"
        )

    body = page.content.decode()
    assert "Move to another position or unit" in body
    assert "Set a Plt./Plh. (acting)" in body
    assert "The end date must be after the start date." in refused.content.decode()
