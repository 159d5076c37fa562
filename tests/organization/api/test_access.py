"""The caller's scope is cached between requests and never served stale: every change of
placements, delegations, units or accounts shows on the very next request (SQLite and
PostgreSQL alike), and a cached scope costs one query (the account with its government)."""

from __future__ import annotations

import datetime as dt

import pytest
from django.db import connection, transaction
from django.test.utils import CaptureQueriesContext

from sikerja.accounts.models import Account
from sikerja.organization import services, services_people
from sikerja.organization.access import scope_cache_resize
from sikerja.organization.models import Government, OrgUnit, Placement, Position
from tests.organization.api.test_query_counts import _add_delegation

ACCOUNT_QUERIES = 1  # the account with the government and its access stamp
SCOPE_BUILD_QUERIES = 3  # the employee record, the heads held, the chain above
ROLES_QUERIES = 2  # the employee by NIP (scoped), the roles
# The holders of the agency head and of the Sekda position, kept with the scope for the
# government's access stamp (`selectors.resolver_for_reads`): read when the scope is built.
HOLDER_QUERIES = 2

pytestmark = pytest.mark.usefixtures("scope_cache")


def _stamp(world) -> int:
    return Government.objects.values_list("access_stamp", flat=True).get(pk=world.government_id)


def _head_placement(employee, today) -> Placement:
    return Placement.objects.effective_on(today).get(employee=employee, position__is_head=True)


def _end_head_placement(operator, employee, today, now) -> None:
    placement = _head_placement(employee, today)
    services_people.placement_end(
        actor=operator, placement=placement, valid_to=today - dt.timedelta(days=1), at=now
    )


def test_ending_the_head_placement_narrows_the_very_next_request(
    session_as, persona, operator, world, today, now
):
    client = session_as("kepala_dinas")
    jf = persona("jf_ahli_muda")
    assert client.get(f"/employees/{jf.nip}").status_code == 200
    before = _stamp(world)

    _end_head_placement(operator, persona("kepala_dinas"), today, now)

    assert _stamp(world) != before
    # Her only placement ended: she left the government, so the very next call is refused.
    assert client.get(f"/employees/{jf.nip}").status_code == 403


def test_a_new_plh_placement_widens_the_very_next_request(
    session_as, persona, operator, today, now
):
    outsider = persona("outsider")
    outsider_unit = Placement.objects.effective_on(today).get(employee=outsider).position.unit
    head = Position.objects.get(unit_id=outsider_unit.pk, is_head=True)
    client = session_as("kabid")
    assert client.get(f"/employees/{outsider.nip}").status_code == 404

    services_people.placement_create(
        actor=operator,
        employee=persona("kabid"),
        position=head,
        kind="PLH",
        valid_from=today,
        valid_to=today + dt.timedelta(days=7),
        decision_number="800/99/BKPSDM/2026",
        decision_date=today,
        decided_by="Sekretaris Daerah",
        at=now,
    )

    assert client.get(f"/employees/{outsider.nip}").status_code == 200


def test_a_delegation_shows_on_the_very_next_request(
    session_as, persona, operator, world, today, now
):
    client = session_as("kabid")
    assert client.get("/delegations").json()["count"] == 0
    before = _stamp(world)

    delegation = _add_delegation(operator, persona, today, now)
    listed = client.get("/delegations").json()
    services_people.delegation_end(
        actor=operator, delegation=delegation, valid_to=today + dt.timedelta(days=1), at=now
    )

    assert _stamp(world) != before
    assert [item["id"] for item in listed["items"]] == [delegation.pk]


def test_moving_a_unit_gives_the_government_a_new_stamp(operator, persona, world, today, now):
    kabid_unit = _head_placement(persona("kabid"), today).position.unit
    sibling = (
        OrgUnit.objects.filter(parent_id=kabid_unit.parent_id)
        .exclude(pk=kabid_unit.pk)
        .order_by("pk")
        .first()
    )
    assert sibling is not None
    before = _stamp(world)

    services.unit_move(actor=operator, unit=kabid_unit, new_parent=sibling, at=now)

    assert _stamp(world) != before


def test_an_account_made_operator_sees_the_government_on_the_next_request(
    session_as, persona, user_of
):
    outsider = persona("outsider")
    client = session_as("kabid")
    assert client.get(f"/employees/{outsider.nip}").status_code == 404

    Account.objects.filter(user=user_of("kabid")).update(role=Account.Role.BKPSDM_ADMIN)

    assert client.get(f"/employees/{outsider.nip}").status_code == 200


def test_a_removed_account_may_call_nothing_on_the_next_request(token_as, persona, user_of):
    client = token_as(user_of("kabid"))
    jf = persona("jf_ahli_muda")
    assert client.get(f"/employees/{jf.nip}").status_code == 200

    Account.objects.filter(user=user_of("kabid")).delete()

    response = client.get(f"/employees/{jf.nip}")
    assert (response.status_code, response.json()["code"]) == (403, "no_account")


def test_a_rolled_back_change_leaves_no_scope_behind(session_as, persona, operator, today, now):
    client = session_as("kepala_dinas")
    jf = persona("jf_ahli_muda")
    with transaction.atomic():
        _end_head_placement(operator, persona("kepala_dinas"), today, now)
        inside = client.get(f"/employees/{jf.nip}").status_code
        transaction.set_rollback(True)

    after = client.get(f"/employees/{jf.nip}").status_code

    assert (inside, after) == (403, 200)  # inside, her only placement had ended


def _roles_queries(client, path) -> tuple[int, int]:
    """Queries of a roles call with the scope built, then with the scope cached."""
    client.get(path)  # whatever the session middleware does on a first request
    scope_cache_resize()
    with CaptureQueriesContext(connection) as cold:
        first = client.get(path)
    with CaptureQueriesContext(connection) as warm:
        second = client.get(path)
    assert first.status_code == second.status_code == 200
    assert first.json() == second.json()
    return len(cold), len(warm)


def test_a_roles_call_costs_the_same_for_a_head_of_agency_as_for_the_operator(session_as, persona):
    path = f"/employees/{persona('jf_ahli_muda').nip}/roles"

    head = _roles_queries(session_as("kepala_dinas"), path)
    operator = _roles_queries(session_as("bkpsdm"), path)

    assert head == operator
    assert head[0] - head[1] == SCOPE_BUILD_QUERIES + HOLDER_QUERIES


def test_a_cached_roles_call_reads_the_account_and_the_roles_only(
    session_as, persona, django_assert_num_queries
):
    client = session_as("kepala_dinas")
    path = f"/employees/{persona('jf_ahli_muda').nip}/roles"
    client.get(path)

    with CaptureQueriesContext(connection) as queries:
        client.get(path)

    accounts = [q["sql"] for q in queries if 'FROM "accounts_account"' in q["sql"]]
    organisation = [
        q["sql"] for q in queries if "organization_" in q["sql"] and q["sql"] not in accounts
    ]
    assert (len(accounts), len(organisation)) == (ACCOUNT_QUERIES, ROLES_QUERIES)
