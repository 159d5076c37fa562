"""List endpoints cost the same number of queries whatever the size of the agency.

Each count includes the session and user lookups (2) and the caller's account (1): the rest of
the caller's scope is cached between requests (`organization.access`), so each measured call
follows one that built it. The baseline below is reviewed like code: a change shows up in the
diff.
"""

from __future__ import annotations

import pytest

from sikerja.organization import services, services_people
from sikerja.organization.models import Delegation, Placement
from tests.organization.builders import make_nip

BASELINE = {
    "employees": 5,  # the count is kept under the government's access stamp
    "employees_of_a_head": 6,  # and the officials above the head outside their agency
    "employees_by_agency": 6,
    "kedudukan": 10,  # heads, then one page of members and their total in the database
    "tree": 6,
    "delegations": 5,
}


def _new_employee(operator, government, name, now):
    return services_people.employee_create(
        actor=operator,
        government=government,
        nip=make_nip(),
        name=name,
        employment_type="PNS",
        at=now,
    )


def _place(operator, employee, position, today, now) -> None:
    services_people.placement_create(
        actor=operator,
        employee=employee,
        position=position,
        kind="DEFINITIVE",
        valid_from=today,
        decision_number=f"800/{position.pk}/BKPSDM/2026",
        decision_date=today,
        decided_by="Wali Kota",
        at=now,
    )


def _add_staff(operator, jf, today, now, count: int) -> None:
    """`count` more people in the jf's unit, in positions like the jf's, through the services."""
    template = Placement.objects.effective_on(today).get(employee=jf).position
    for number in range(count):
        position = services_people.position_create(
            actor=operator,
            unit=template.unit,
            title=f"{template.title} {number}",
            kind=template.kind,
            grade=template.grade,
            jf_name=template.jf_name,
            at=now,
        )
        employee = _new_employee(operator, jf.government, f"Pegawai Tambahan {number}", now)
        _place(operator, employee, position, today, now)


def _agency_id(persona, today) -> int:
    placement = Placement.objects.effective_on(today).select_related("position__unit")
    return placement.get(employee=persona("jf_ahli_muda")).position.unit.agency_id


def _measure(django_assert_num_queries, client, path, expected, **params):
    client.get(path, **params)  # builds the caller's scope for the government's access stamp
    with django_assert_num_queries(expected):
        response = client.get(path, **params)
    assert response.status_code == 200
    return response.json()


def _add_unit_with_head(operator, persona, today, now) -> None:
    """One more unit under the kabid's, with a head position and its holder."""
    bidang = Placement.objects.effective_on(today).get(employee=persona("kabid")).position.unit
    unit = services.unit_create(
        actor=operator, parent=bidang, name="Subbidang Tambahan", unit_type="SUBBIDANG", at=now
    )
    head = services_people.position_create(
        actor=operator,
        unit=unit,
        title="Kepala Subbidang Tambahan",
        kind="PENGAWAS",
        is_head=True,
        at=now,
    )
    _place(
        operator,
        _new_employee(operator, bidang.government, "Kepala Tambahan", now),
        head,
        today,
        now,
    )


def _add_delegation(operator, persona, today, now) -> Delegation:
    return services_people.delegation_create(
        actor=operator,
        from_employee=persona("kepala_dinas"),
        to_employee=persona("kabid"),
        scope="REPORT_RECEIPT",
        valid_from=today,
        legal_basis="Surat Kepala Dinas Nomor 800/7/2026",
        at=now,
    )


@pytest.mark.usefixtures("scope_cache")
@pytest.mark.parametrize(
    ("case", "name", "path"),
    [
        ("employees", "bkpsdm", "/employees"),
        ("employees_of_a_head", "kepala_dinas", "/employees"),
        ("employees_by_agency", "kepala_dinas", "/employees?agency={agency}"),
        ("kedudukan", "kepala_dinas", "/agencies/{agency}/kedudukan"),
        ("tree", "kepala_dinas", "/agencies/{agency}/tree"),
        ("delegations", "bkpsdm", "/delegations"),
    ],
)
def test_a_list_costs_the_same_queries_at_two_sizes(
    django_assert_num_queries, session_as, persona, operator, today, now, case, name, path
):
    agency = _agency_id(persona, today)
    url, _, query = path.format(agency=agency).partition("?")
    params = dict([query.split("=")]) if query else {}
    client = session_as(name)
    small = _measure(django_assert_num_queries, client, url, BASELINE[case], **params)

    _add_staff(operator, persona("jf_ahli_muda"), today, now, count=6)
    _add_unit_with_head(operator, persona, today, now)
    _add_delegation(operator, persona, today, now)
    large = _measure(django_assert_num_queries, client, url, BASELINE[case], **params)

    assert _size(case, large) > _size(case, small)


def _size(case: str, body) -> int:
    if case == "kedudukan":
        return len(body["members"])
    if case == "tree":
        return _node_count(body["units"]) + _head_count(body["units"])
    return body["count"]


def _node_count(nodes) -> int:
    return sum(1 + _node_count(node["children"]) for node in nodes)


def _head_count(nodes) -> int:
    return sum(len(node["heads"]) + _head_count(node["children"]) for node in nodes)


@pytest.mark.usefixtures("scope_cache")
@pytest.mark.parametrize("name", ["bkpsdm", "kepala_dinas"])
def test_an_employee_costs_the_same_queries_at_two_sizes(
    django_assert_num_queries, session_as, persona, operator, today, now, name
):
    """`GET /employees/{nip}`: the session, the user, the account, the employee and their
    placements on the day, whatever the size of the agency and whoever asks."""
    client = session_as(name)
    url = f"/employees/{persona('jf_ahli_muda').nip}"
    small = _measure(django_assert_num_queries, client, url, 5)

    _add_staff(operator, persona("jf_ahli_muda"), today, now, count=6)
    _add_unit_with_head(operator, persona, today, now)
    large = _measure(django_assert_num_queries, client, url, 5)

    assert large == small
    [placement] = large["placements"]
    assert (placement["position_kind"], placement["agency"]["id"]) == (
        "FUNGSIONAL",
        _agency_id(persona, today),
    )
