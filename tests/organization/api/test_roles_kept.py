"""A roles call by API token reads the token with its account in one query, and keeps the agency
heads and the Sekda for the government's access stamp: never stale, since every placement
change gives a new stamp."""

from __future__ import annotations

import datetime as dt

import pytest
from django.db import connection
from django.test.utils import CaptureQueriesContext

from sikerja.organization import services_people
from sikerja.organization.access import access_changed
from sikerja.organization.models import Placement
from tests.organization.api.test_roles import _expected

# The token with its user, account and government (1), the employee by NIP (1), the roles (1).
TOKEN_ROLES_QUERIES = 3

pytestmark = pytest.mark.usefixtures("scope_cache")


def _roles(client, nip):
    with CaptureQueriesContext(connection) as queries:
        response = client.get(f"/employees/{nip}/roles")
    assert response.status_code == 200
    return response.json()["roles"], [q["sql"] for q in queries]


@pytest.mark.parametrize("name", ["bkpsdm", "kepala_dinas"])
def test_a_kept_roles_call_by_token_costs_three_queries(
    name, token_as, user_of, persona, world, today
):
    client = token_as(user_of(name))
    jf = persona("jf_ahli_muda")
    _roles(client, jf.nip)

    roles, queries = _roles(client, jf.nip)

    assert roles == _expected(world, jf.pk, today)
    assert len(queries) == TOKEN_ROLES_QUERIES
    assert next(q for q in queries if 'FROM "accounts_apitoken"' in q).count("JOIN") == 3


def test_a_new_access_stamp_reads_the_heads_again(token_as, user_of, persona, world):
    client = token_as(user_of("bkpsdm"))
    jf = persona("jf_ahli_muda")
    _roles(client, jf.nip)

    access_changed(government_id=world.government_id)
    _, queries = _roles(client, jf.nip)

    # the scope (3) and both heads (2) again
    assert len(queries) == TOKEN_ROLES_QUERIES + 3 + 2


def test_the_authorised_official_changes_on_the_call_after_the_head_leaves(
    token_as, user_of, persona, operator, world, today, now
):
    client = token_as(user_of("bkpsdm"))
    jf, head = persona("jf_ahli_muda"), persona("kepala_dinas")
    before, _ = _roles(client, jf.nip)
    placement = Placement.objects.effective_on(today).get(employee=head, position__is_head=True)

    services_people.placement_end(
        actor=operator, placement=placement, valid_to=today - dt.timedelta(days=1), at=now
    )
    after, _ = _roles(client, jf.nip)

    official = {answer["role"]: answer for answer in before}["authorized_official"]
    assert official["person"]["nip"] == head.nip
    assert after == _expected(world, jf.pk, today)
    assert {a["role"]: a for a in after}["authorized_official"]["person"] != official["person"]
