"""The kedudukan endpoint a page at a time, for one unit's subtree if asked (large agencies)."""

from __future__ import annotations

from sikerja.organization.models import Placement


def _unit_of(persona, today, name):
    return (
        Placement.objects.effective_on(today)
        .get(employee=persona(name), kind="DEFINITIVE")
        .position.unit
    )


def test_kedudukan_pages_through_the_agency_in_unit_order(session_as, persona, today):
    dinas = _unit_of(persona, today, "kepala_dinas").agency_id
    client = session_as("kepala_dinas")

    everything = client.get(f"/agencies/{dinas}/kedudukan?limit=2000").json()
    first = client.get(f"/agencies/{dinas}/kedudukan?limit=3").json()
    second = client.get(f"/agencies/{dinas}/kedudukan?limit=3&offset=3").json()

    ids = [m["person"]["nip"] for m in everything["members"]]
    assert (first["total"], first["offset"], first["limit"]) == (len(ids), 0, 3)
    assert [m["person"]["nip"] for m in first["members"] + second["members"]] == ids[:6]


def test_kedudukan_of_one_unit_lists_only_its_subtree(session_as, persona, today):
    bidang = _unit_of(persona, today, "kabid")
    in_subtree = Placement.objects.effective_on(today).filter(
        position__unit__path__startswith=bidang.path,
        position__kind__in=["FUNGSIONAL", "PELAKSANA"],
    )

    body = (
        session_as("kepala_dinas")
        .get(f"/agencies/{bidang.agency_id}/kedudukan?unit={bidang.pk}")
        .json()
    )

    assert body["unit_id"] == bidang.pk
    assert body["total"] == in_subtree.count()
    assert sorted(m["person"]["name"] for m in body["members"]) == sorted(
        p.employee.full_name for p in in_subtree.select_related("employee")
    )


def test_kedudukan_of_a_unit_outside_the_scope_is_not_found(session_as, persona, today):
    outsider_unit = _unit_of(persona, today, "outsider")
    dinas = _unit_of(persona, today, "kepala_dinas").agency_id

    response = session_as("kepala_dinas").get(
        f"/agencies/{dinas}/kedudukan?unit={outsider_unit.pk}"
    )

    assert response.status_code == 404
    assert response.json()["code"] == "not_found"
