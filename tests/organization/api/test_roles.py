"""GET /employees/{nip}/roles answers exactly what the resolver answers, with rule and citation."""

from __future__ import annotations

import datetime as dt

from sikerja.organization import services_people
from sikerja.organization.models import Government, Placement
from sikerja.organization.resolver import RoleAnswer
from sikerja.organization.selectors import resolver_for

TABLE_CITATION = "Perwali Surakarta 32/2023 Lampiran III.f (Tabel 7.5)"


def _as_json(answer: RoleAnswer) -> dict[str, object]:
    person = answer.person
    return {
        "role": answer.role,
        "person": None
        if person is None
        else {
            "nip": person.nip,
            "name": person.name,
            "position_title": person.position_title,
            "unit_name": person.unit_name,
            "acting": person.acting,
            "acting_label": person.acting_label,
        },
        "rule": answer.rule,
        "citation": answer.citation,
        "notes": list(answer.notes),
        "delegation_id": answer.delegation_id,
    }


def _expected(world, employee_id: int, on: dt.date) -> list[dict[str, object]]:
    resolver = resolver_for(Government.objects.get(pk=world.government_id))
    answers = resolver.roles_for(employee_id, on)
    answers.append(resolver.regional_secretary(world.government_id, on))
    return [_as_json(answer) for answer in answers]


def test_the_jf_sees_the_kabid_as_appraiser_by_the_placement_table(
    session_as, persona, world, today
):
    jf, kabid = persona("jf_ahli_muda"), persona("kabid")

    response = session_as("jf_ahli_muda").get(f"/employees/{jf.nip}/roles", on=today.isoformat())

    assert response.status_code == 200
    body = response.json()
    assert (body["nip"], body["name"], body["on"]) == (jf.nip, jf.full_name, today.isoformat())
    assert body["roles"] == _expected(world, jf.pk, today)
    appraiser = body["roles"][0]
    assert appraiser["role"] == "appraiser"
    assert (appraiser["person"]["nip"], appraiser["person"]["acting"]) == (kabid.nip, "DEFINITIVE")
    assert (appraiser["rule"], appraiser["citation"]) == ("T-KEDUDUKAN", TABLE_CITATION)
    assert [answer["role"] for answer in body["roles"]] == [
        "appraiser",
        "unit_head",
        "performance_owner",
        "authorized_official",
        "regional_secretary",
    ]


def test_without_a_date_the_roles_are_todays(session_as, persona, world, today):
    jf = persona("jf_ahli_muda")

    response = session_as("kepala_dinas").get(f"/employees/{jf.nip}/roles")

    assert response.json()["on"] == today.isoformat()
    assert response.json()["roles"] == _expected(world, jf.pk, today)


def test_before_the_first_placement_no_appraiser_is_named(session_as, persona, world):
    jf = persona("jf_ahli_muda")
    first = Placement.objects.filter(employee=jf).order_by("valid_from").first().valid_from
    before = first - dt.timedelta(days=1)

    response = session_as("bkpsdm").get(f"/employees/{jf.nip}/roles", on=before.isoformat())

    appraiser = response.json()["roles"][0]
    assert appraiser["person"] is None
    assert appraiser["notes"] == [
        "Pegawai belum memiliki kedudukan (penempatan) aktif pada tanggal ini."
    ]
    assert response.json()["roles"] == _expected(world, jf.pk, before)


def test_a_plt_of_the_kabid_position_becomes_the_appraiser_marked_plt(
    session_as, persona, operator, world, today, now
):
    kabid_placement = Placement.objects.get(
        employee=persona("kabid"), kind="DEFINITIVE", valid_to__isnull=True
    )
    services_people.placement_end(actor=operator, placement=kabid_placement, valid_to=today, at=now)
    services_people.placement_create(
        actor=operator,
        employee=persona("subkoordinator"),
        position=kabid_placement.position,
        kind="PLT",
        valid_from=today,
        decision_number="800/31/BKPSDM/2026",
        decision_date=today,
        decided_by="Wali Kota Surakarta",
        at=now,
    )
    jf = persona("jf_ahli_muda")

    response = session_as("jf_ahli_muda").get(f"/employees/{jf.nip}/roles")

    appraiser = response.json()["roles"][0]
    assert appraiser["person"]["nip"] == persona("subkoordinator").nip
    assert (appraiser["person"]["acting"], appraiser["person"]["acting_label"]) == ("PLT", "Plt.")
    assert appraiser["rule"] == "T-KEDUDUKAN"
    assert response.json()["roles"] == _expected(world, jf.pk, today)
